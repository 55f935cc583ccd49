//! The gateway's one error type, and its mapping to a gRPC status.
//!
//! Every failure a caller can see is an [`Error`]. [`Error::grpc_code`] and
//! [`Error::http_status`] are the only places that decide the status codes; the
//! transcoder renders HTTP/JSON error bodies from the `tonic::Status` built here, so
//! gRPC and HTTP callers always agree.

use std::collections::HashMap;
use std::time::Duration;

use http::StatusCode;
use tonic::Code;
use tonic_types::{ErrorDetails, StatusExt};

/// The `ErrorInfo.domain` of errors that RingCentral reported.
pub const DOMAIN_RINGCENTRAL: &str = "ringcentral.com";
/// The `ErrorInfo.domain` of errors the gateway raised itself.
pub const DOMAIN_GATEWAY: &str = "rc-gateway";

/// Metadata keys of the `ErrorInfo` detail, read back by the HTTP transcoder.
pub mod info_key {
    /// RingCentral's error code, e.g. `CMN-102`.
    pub const ERROR_CODE: &str = "errorCode";
    /// The HTTP status an HTTP/JSON caller gets.
    pub const HTTP_STATUS: &str = "httpStatus";
    /// The request field (or RingCentral parameter) at fault.
    pub const FIELD: &str = "field";
    /// The RingCentral permission the account lacks.
    pub const PERMISSION: &str = "permission";
    /// The id of a resource that was created before a later step failed.
    pub const CREATED_ID: &str = "createdId";
    /// The scope a caller lacks.
    pub const SCOPE: &str = "scope";
}

pub use rc_client::error::RcApiError;

impl From<rc_store::StoreError> for Error {
    fn from(err: rc_store::StoreError) -> Self {
        Error::Unavailable(err.to_string())
    }
}

/// Everything that can go wrong while serving a call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is malformed; `field` names the request field at fault.
    #[error("{message}")]
    InvalidArgument { field: String, message: String },

    /// A resource the caller named does not exist (known without asking RingCentral).
    #[error("{0}")]
    NotFound(String),

    /// The path exists, but not with this HTTP method.
    #[error("{method} is not allowed on {path}")]
    MethodNotAllowed { method: String, path: String },

    /// A request body or message over the configured limit (`field` names which).
    #[error("{what} is larger than {limit} bytes")]
    TooLarge {
        field: &'static str,
        what: &'static str,
        limit: usize,
    },

    /// A request head (request line and headers) over the configured limit.
    #[error("the request line and headers are larger than {limit} bytes")]
    HeadersTooLarge { limit: usize },

    /// A request body in a media type the gateway does not read.
    #[error("request bodies must be {expected}, not {got}")]
    UnsupportedMediaType { got: String, expected: String },

    /// The caller's deadline passed before an answer was ready.
    #[error("the call's deadline expired")]
    DeadlineExceeded,

    /// The caller is not authenticated.
    #[error("{0}")]
    Unauthenticated(String),

    /// The caller is authenticated but may not make this call.
    #[error("{0}")]
    PermissionDenied(String),

    /// The caller's credentials do not grant the scope the call needs.
    #[error("{caller} lacks the scope {scope}")]
    MissingScope { caller: String, scope: String },

    /// The listener has `limit` calls in flight already.
    #[error("the gateway is serving as many calls as it takes ({limit}); retry shortly")]
    Overloaded { limit: usize },

    /// The gateway cannot serve the call in its current state (e.g. shared state lost).
    #[error("{0}")]
    Unavailable(String),

    /// A well-formed request whose parts contradict each other (`field` names one).
    #[error("{message}")]
    Conflict { field: String, message: String },

    /// A multi-step operation created `created_id` and then failed at a later step.
    #[error("{message} (created {created_id}; the later step failed: {cause})")]
    PartiallyApplied {
        message: String,
        created_id: String,
        cause: Box<Error>,
    },

    /// The account a call names is not served by this gateway.
    #[error("account {0:?} is not configured on this gateway")]
    UnknownAccount(String),

    /// The account exists but cannot take calls now (disabled, awaiting its OAuth
    /// authorization).
    #[error("{0}")]
    AccountUnavailable(String),

    /// A bug or an impossible state; details are logged, not returned.
    #[error("internal error: {0}")]
    Internal(String),

    /// A RingCentral call failed (RingCentral's answer, its limits, its reachability).
    #[error(transparent)]
    Client(#[from] rc_client::Error),
}

/// The gateway's request field for a parameter RingCentral names in an error. The
/// gateway keeps RingCentral's names (`extensionId`, `contact.email`), except for
/// path parameters its API spells for what they are.
fn request_field(upstream: &str) -> &str {
    match upstream {
        // /call-queues/{groupId}: a queue is a group to RingCentral.
        "groupId" => "queueId",
        // /call-log/{callRecordId}
        "callRecordId" => "recordId",
        other => other,
    }
}

impl Error {
    /// An invalid request field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The gRPC code a caller sees.
    pub fn grpc_code(&self) -> Code {
        match self {
            Error::InvalidArgument { .. } => Code::InvalidArgument,
            Error::NotFound(_) => Code::NotFound,
            Error::MethodNotAllowed { .. } => Code::Unimplemented,
            // gRPC's convention for a message over the limit.
            Error::TooLarge { .. } | Error::HeadersTooLarge { .. } => Code::ResourceExhausted,
            Error::UnsupportedMediaType { .. } => Code::InvalidArgument,
            Error::Unavailable(_) | Error::Overloaded { .. } => Code::Unavailable,
            Error::DeadlineExceeded => Code::DeadlineExceeded,
            Error::Unauthenticated(_) => Code::Unauthenticated,
            Error::PermissionDenied(_) | Error::MissingScope { .. } => Code::PermissionDenied,
            Error::Conflict { .. } | Error::AccountUnavailable(_) => Code::FailedPrecondition,
            Error::UnknownAccount(_) => Code::NotFound,
            Error::PartiallyApplied { cause, .. } => cause.grpc_code(),
            Error::Internal(_) => Code::Internal,
            Error::Client(e) => client_code(e),
        }
    }

    /// The HTTP status an HTTP/JSON caller sees.
    pub fn http_status(&self) -> StatusCode {
        match self {
            Error::Client(e) => client_http_status(e),
            Error::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Error::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Error::HeadersTooLarge { .. } => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            Error::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Error::Conflict { .. } => StatusCode::CONFLICT,
            Error::PartiallyApplied { cause, .. } => cause.http_status(),
            other => http_status_of(other.grpc_code()),
        }
    }

    /// How long the caller should wait before trying again, when that is known.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Overloaded { .. } => Some(Duration::from_secs(1)),
            Error::Client(e) => e.retry_after(),
            Error::PartiallyApplied { cause, .. } => cause.retry_after(),
            _ => None,
        }
    }

    /// A stable, machine-readable reason (`ErrorInfo.reason`).
    fn reason(&self) -> &'static str {
        match self {
            Error::InvalidArgument { .. } => "INVALID_ARGUMENT",
            Error::NotFound(_) => "NOT_FOUND",
            Error::MethodNotAllowed { .. } => "METHOD_NOT_ALLOWED",
            Error::TooLarge { .. } | Error::HeadersTooLarge { .. } => "TOO_LARGE",
            Error::UnsupportedMediaType { .. } => "UNSUPPORTED_MEDIA_TYPE",
            Error::DeadlineExceeded => "DEADLINE_EXCEEDED",
            Error::Unauthenticated(_) => "UNAUTHENTICATED",
            Error::PermissionDenied(_) => "PERMISSION_DENIED",
            Error::MissingScope { .. } => "MISSING_SCOPE",
            Error::Unavailable(_) => "UNAVAILABLE",
            Error::Overloaded { .. } => "OVERLOADED",
            Error::Conflict { .. } => "CONFLICTING_REQUEST",
            Error::UnknownAccount(_) => "UNKNOWN_ACCOUNT",
            Error::AccountUnavailable(_) => "ACCOUNT_UNAVAILABLE",
            Error::PartiallyApplied { .. } => "PARTIALLY_APPLIED",
            Error::Internal(_) => "INTERNAL",
            Error::Client(e) => client_reason(e),
        }
    }

    /// The RingCentral error behind this error, if any.
    pub fn upstream(&self) -> Option<&RcApiError> {
        match self {
            Error::Client(e) => e.upstream(),
            Error::PartiallyApplied { cause, .. } => cause.upstream(),
            _ => None,
        }
    }

    /// The message a caller sees. Internal errors stay vague: their detail is logged.
    fn public_message(&self) -> String {
        match self {
            Error::Internal(_) | Error::Client(rc_client::Error::Internal(_)) => {
                "internal error".to_owned()
            }
            Error::Client(rc_client::Error::Upstream(e)) => {
                let mut message = e.message.clone();
                // RingCentral names its own parameter ("Resource for parameter
                // [groupId] is not found"): the caller knows it by the gateway's name.
                if let Some(param) = &e.parameter_name {
                    let ours = request_field(param);
                    if ours != param {
                        message = message.replace(&format!("[{param}]"), &format!("[{ours}]"));
                    }
                }
                if let Some(permission) = &e.permission_name
                    && !message.contains(permission.as_str())
                {
                    message = format!("{message} (missing permission: {permission})");
                }
                message
            }
            other => other.to_string(),
        }
    }

    /// Converts to the gRPC status sent to callers, with `google.rpc` details
    /// (`ErrorInfo`, `RetryInfo`, `BadRequest`) that the HTTP transcoder reads back.
    pub fn to_status(&self) -> tonic::Status {
        let mut metadata = HashMap::new();
        metadata.insert(
            info_key::HTTP_STATUS.to_owned(),
            self.http_status().as_u16().to_string(),
        );
        let mut details = ErrorDetails::new();
        let domain = match self.upstream() {
            Some(rc) => {
                if let Some(code) = &rc.error_code {
                    metadata.insert(info_key::ERROR_CODE.to_owned(), code.clone());
                }
                if let Some(param) = &rc.parameter_name {
                    metadata.insert(info_key::FIELD.to_owned(), request_field(param).to_owned());
                }
                if let Some(permission) = &rc.permission_name {
                    metadata.insert(info_key::PERMISSION.to_owned(), permission.clone());
                }
                DOMAIN_RINGCENTRAL
            }
            None => DOMAIN_GATEWAY,
        };
        if let Error::InvalidArgument { field, message }
        | Error::Client(rc_client::Error::InvalidArgument { field, message }) = self
        {
            metadata.insert(info_key::FIELD.to_owned(), field.clone());
            details.add_bad_request_violation(field.clone(), message.clone());
        }
        if let Error::Conflict { field, .. } = self {
            metadata.insert(info_key::FIELD.to_owned(), field.clone());
        }
        if let Error::TooLarge { field, .. } = self {
            metadata.insert(info_key::FIELD.to_owned(), (*field).to_owned());
        }
        if let Error::UnsupportedMediaType { .. } = self {
            metadata.insert(info_key::FIELD.to_owned(), "content-type".to_owned());
        }
        if let Error::MissingScope { scope, .. } = self {
            metadata.insert(info_key::SCOPE.to_owned(), scope.clone());
        }
        if let Error::PartiallyApplied { created_id, .. } = self {
            metadata.insert(info_key::CREATED_ID.to_owned(), created_id.clone());
        }
        if let Some(retry_after) = self.retry_after() {
            details.set_retry_info(Some(retry_after));
        }
        details.set_error_info(self.reason(), domain, metadata);
        let mut status =
            tonic::Status::with_error_details(self.grpc_code(), self.public_message(), details);
        if let Some(retry_after) = self.retry_after() {
            let secs = retry_after.as_secs_f64().ceil().max(1.0) as u64;
            if let Ok(value) = secs.to_string().parse() {
                status.metadata_mut().insert("retry-after", value);
            }
        }
        status
    }
}

impl From<Error> for tonic::Status {
    fn from(err: Error) -> Self {
        if let Error::Internal(detail) | Error::Client(rc_client::Error::Internal(detail)) = &err {
            tracing::error!(error = %detail, "internal error");
        }
        err.to_status()
    }
}

/// The gRPC code of a failed RingCentral call.
fn client_code(e: &rc_client::Error) -> Code {
    use rc_client::Error as C;
    match e {
        C::InvalidArgument { .. } => Code::InvalidArgument,
        C::Upstream(e) => upstream_code(e),
        C::RateLimited { .. } | C::CallerShareUsed { .. } => Code::ResourceExhausted,
        C::UpstreamAuth(_)
        | C::CircuitOpen { .. }
        | C::Unreachable(_)
        | C::UpstreamTimeout
        | C::UpstreamInvalid(_)
        | C::Unavailable(_) => Code::Unavailable,
        C::DeadlineExceeded => Code::DeadlineExceeded,
        C::IdempotencyConflict(_) | C::NotAuthorized(_) => Code::FailedPrecondition,
        C::Internal(_) => Code::Internal,
    }
}

/// The HTTP status of a failed RingCentral call.
fn client_http_status(e: &rc_client::Error) -> StatusCode {
    use rc_client::Error as C;
    match e {
        // A quota of the account, answered as one.
        C::Upstream(e) if e.error_code.as_deref() == Some("SUB-505") => {
            StatusCode::TOO_MANY_REQUESTS
        }
        // An account without a RingCentral permission: 412, as "the account is not
        // set up for this", distinct from a caller the gateway itself refuses (403).
        C::Upstream(e) if e.status == StatusCode::FORBIDDEN => StatusCode::PRECONDITION_FAILED,
        C::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
        C::Unreachable(_) | C::UpstreamInvalid(_) => StatusCode::BAD_GATEWAY,
        C::IdempotencyConflict(_) => StatusCode::CONFLICT,
        other => http_status_of(client_code(other)),
    }
}

/// The `ErrorInfo.reason` of a failed RingCentral call.
fn client_reason(e: &rc_client::Error) -> &'static str {
    use rc_client::Error as C;
    match e {
        C::InvalidArgument { .. } => "INVALID_ARGUMENT",
        C::Upstream(_) => "RINGCENTRAL_ERROR",
        C::UpstreamAuth(_) => "RINGCENTRAL_AUTH_FAILED",
        C::RateLimited { .. } => "RATE_BUDGET_EXHAUSTED",
        C::CircuitOpen { .. } => "CIRCUIT_OPEN",
        C::Unreachable(_) => "RINGCENTRAL_UNREACHABLE",
        C::UpstreamTimeout => "RINGCENTRAL_TIMEOUT",
        C::UpstreamInvalid(_) => "RINGCENTRAL_BAD_RESPONSE",
        C::DeadlineExceeded => "DEADLINE_EXCEEDED",
        C::CallerShareUsed { .. } => "CALLER_SHARE_EXHAUSTED",
        C::Unavailable(_) => "UNAVAILABLE",
        C::IdempotencyConflict(_) => "IDEMPOTENCY_KEY_REUSED",
        C::NotAuthorized(_) => "ACCOUNT_NOT_AUTHORIZED",
        C::Internal(_) => "INTERNAL",
    }
}

/// The gRPC code for an upstream error status, following DESIGN.md's table.
fn upstream_code(e: &RcApiError) -> Code {
    // A quota of the account, not a permission it lacks: RingCentral refuses a new
    // subscription with 403 SUB-505 when the account has as many as it may.
    if e.error_code.as_deref() == Some("SUB-505") {
        return Code::ResourceExhausted;
    }
    match e.status.as_u16() {
        400 | 422 => Code::InvalidArgument,
        401 => Code::Unavailable,
        403 => Code::FailedPrecondition,
        404 => Code::NotFound,
        409 => Code::AlreadyExists,
        429 => Code::ResourceExhausted,
        501 => Code::Unimplemented,
        500..=599 => Code::Unavailable,
        _ => Code::Internal,
    }
}

/// The HTTP status for a gRPC code (google.rpc.Code's documented mapping).
pub fn http_status_of(code: Code) -> StatusCode {
    match code {
        Code::Ok => StatusCode::OK,
        Code::Cancelled => StatusCode::from_u16(499).unwrap_or(StatusCode::BAD_REQUEST),
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => {
            StatusCode::BAD_REQUEST
        }
        Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
        Code::NotFound => StatusCode::NOT_FOUND,
        Code::AlreadyExists | Code::Aborted => StatusCode::CONFLICT,
        Code::PermissionDenied => StatusCode::FORBIDDEN,
        Code::Unauthenticated => StatusCode::UNAUTHORIZED,
        Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        Code::Unimplemented => StatusCode::NOT_IMPLEMENTED,
        Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        Code::Unknown | Code::Internal | Code::DataLoss => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Shorthand for results of gateway operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn rc(status: u16, code: &str) -> RcApiError {
        RcApiError {
            status: StatusCode::from_u16(status).unwrap(),
            error_code: Some(code.to_owned()),
            message: "m".to_owned(),
            parameter_name: None,
            permission_name: None,
            retry_after: None,
        }
    }

    #[test]
    fn upstream_statuses_map_to_the_designed_codes() {
        let cases = [
            (400, Code::InvalidArgument, 400),
            (403, Code::FailedPrecondition, 412),
            (404, Code::NotFound, 404),
            (409, Code::AlreadyExists, 409),
            (429, Code::ResourceExhausted, 429),
            (500, Code::Unavailable, 503),
            (503, Code::Unavailable, 503),
        ];
        for (status, code, http) in cases {
            let err = Error::Client(rc_client::Error::Upstream(Box::new(rc(status, "CMN-1"))));
            assert_eq!(err.grpc_code(), code, "status {status}");
            assert_eq!(err.http_status().as_u16(), http, "status {status}");
        }
    }

    #[test]
    fn status_details_carry_error_code_and_http_status() {
        let status =
            Error::Client(rc_client::Error::Upstream(Box::new(rc(404, "CMN-102")))).to_status();
        let info = status.get_details_error_info().expect("error info");
        assert_eq!(info.domain, DOMAIN_RINGCENTRAL);
        assert_eq!(info.metadata["errorCode"], "CMN-102");
        assert_eq!(info.metadata["httpStatus"], "404");
    }

    #[test]
    fn rate_limited_carries_retry_after() {
        let status = Error::Client(rc_client::Error::RateLimited {
            group: "Heavy",
            retry_after: Duration::from_secs(12),
        })
        .to_status();
        assert_eq!(status.code(), Code::ResourceExhausted);
        assert_eq!(status.metadata().get("retry-after").unwrap(), "12");
        let retry = status.get_details_retry_info().expect("retry info");
        assert_eq!(retry.retry_delay, Some(Duration::from_secs(12)));
    }

    #[test]
    fn internal_errors_do_not_leak_detail() {
        let status = Error::Internal("secret path /x".into()).to_status();
        assert_eq!(status.message(), "internal error");
    }
}
