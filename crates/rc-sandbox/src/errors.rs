//! RingCentral error answers: `errors[]` as the spec requires, mirrored at the top
//! level as the live API does (API-NOTES §4.1).

use std::time::Duration;

use axum::Json;
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};

use rc_spec::error_body::{ErrorBody, ErrorItem};

/// An error answer of the sandbox.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Box<ErrorBody>,
    pub retry_after: Option<Duration>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: Box::new(ErrorBody::new(ErrorItem {
                error_code: code.to_owned(),
                message: message.into(),
                ..Default::default()
            })),
            retry_after: None,
        }
    }

    fn with_parameter(mut self, name: &str, value: Option<&str>) -> Self {
        self.body.parameter_name = Some(name.to_owned());
        if let Some(item) = self.body.errors.first_mut() {
            item.parameter_name = Some(name.to_owned());
            item.parameter_value = value.map(str::to_owned);
        }
        self
    }

    /// CMN-101: a parameter has an invalid value.
    pub fn invalid(name: &str, value: Option<&str>) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "CMN-101",
            format!("Parameter [{name}] value is invalid."),
        )
        .with_parameter(name, value)
    }

    /// CMN-100: a mandatory parameter is missing.
    pub fn missing(name: &str) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "CMN-100",
            format!("Mandatory parameter [{name}] not specified"),
        )
        .with_parameter(name, None)
    }

    /// CMN-102: the resource a parameter names does not exist.
    pub fn not_found(name: &str, value: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "CMN-102",
            format!("Resource for parameter [{name}] is not found"),
        )
        .with_parameter(name, Some(value))
    }

    /// CMN-103: the body is not JSON.
    pub fn unparsable(detail: &str) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "CMN-103",
            format!("JSON can't be parsed. {detail}"),
        )
    }

    /// CMN-104: the body is not in the format its Content-Type announces.
    pub fn unreadable(detail: &str) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "CMN-104",
            format!("Cannot parse request: {detail}"),
        )
    }

    /// 413 for a body over the operation's `x-request-max-body-size`. RingCentral
    /// documents no code for it; its API gateway enforces the limit, so the code is
    /// in the gateway's series, like AGW-404.
    pub fn too_large(op: &rc_spec::ops::Operation, limit: usize) -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "AGW-413",
            format!(
                "Request entity too large: the body of {} is limited to {limit} bytes",
                op.id
            ),
        )
    }

    /// 415 for a Content-Type the operation does not take (no code is documented
    /// either; same series as [`ApiError::too_large`]).
    pub fn unsupported_media(found: Option<&str>, accepted: &[&str]) -> Self {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "AGW-415",
            format!(
                "Unsupported media type [{}]: the operation takes {}",
                found.unwrap_or("none"),
                accepted.join(", ")
            ),
        )
    }

    /// An OAuth error (`{"error": ..., "errors": [...]}`).
    pub fn oauth(status: StatusCode, error: &str, code: &str, message: &str) -> Self {
        let mut e = ApiError::new(status, code, message);
        e.body.error = Some(error.to_owned());
        e.body.error_description = Some(message.to_owned());
        e.body.error_code = None;
        e.body.message = None;
        e
    }

    /// This error in the OAuth form, as the authorization and token endpoints answer
    /// a parameter error (`OauthInvalidRequest`: `error` beside `errors[]`).
    pub fn into_oauth(mut self, error: &str) -> Self {
        self.body.error = Some(error.to_owned());
        self.body.error_description = self.body.message.take();
        self.body.error_code = None;
        self.body.parameter_name = None;
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = if self.body.error.is_some() {
            // RFC 6749 §5.2 and RingCentral spell it `error_description`; rc-spec's
            // camelCase body would write `errorDescription`.
            let mut value = serde_json::to_value(&*self.body).unwrap_or_default();
            if let Some(fields) = value.as_object_mut()
                && let Some(description) = fields.remove("errorDescription")
            {
                fields.insert("error_description".to_owned(), description);
            }
            (self.status, Json(value)).into_response()
        } else {
            (self.status, Json(*self.body)).into_response()
        };
        if let Some(retry_after) = self.retry_after {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(retry_after.as_secs()),
            );
        }
        response
    }
}

/// The error code of an operation of RingCentral's API that the sandbox does not
/// emulate: distinct from every code RingCentral sends, so that a test can tell "not
/// emulated" from a bug.
pub const NOT_EMULATED: &str = "SBX-501";

/// Requests no emulated route takes: an operation of the spec the sandbox does not
/// emulate gets 501 with [`NOT_EMULATED`] naming it; a path the API does not have gets
/// what RingCentral's gateway answers, AGW-404.
pub async fn unrouted(method: http::Method, uri: http::Uri) -> ApiError {
    match rc_spec::ops::route(&method, uri.path()) {
        Some(routed) => ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            NOT_EMULATED,
            format!(
                "{} ({} {}) is an operation of RingCentral's API that the rc-gateway sandbox does not emulate",
                routed.op.id, routed.op.method, routed.op.path
            ),
        ),
        None => ApiError::new(StatusCode::NOT_FOUND, "AGW-404", "Resource not found"),
    }
}
