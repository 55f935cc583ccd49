//! HTTP/JSON answers: canonical proto3 JSON for messages, and one error body shape
//! for every failure, built from the gRPC status and its `google.rpc` details.

use http::{HeaderMap, HeaderValue, StatusCode, header};
use prost_reflect::{DynamicMessage, ReflectMessage, SerializeOptions};
use serde::Serialize;
use tonic_types::StatusExt;

use crate::error::{Error, http_status_of, info_key};

/// Canonical proto3 JSON: lowerCamel names, defaults left out, 64-bit integers as
/// strings, enums by name, timestamps in RFC 3339 with `Z`. One addition: empty
/// top-level lists are written as `[]` (proto3 JSON may print defaults), so that an
/// empty page still has `"records": []` as RingCentral's envelope does.
///
/// A message that cannot be written as JSON is an error, never a cut-off body.
pub fn message_json(message: &DynamicMessage) -> Result<Vec<u8>, tonic::Status> {
    let mut out = Vec::with_capacity(256);
    let mut serializer = serde_json::Serializer::new(&mut out);
    let options = SerializeOptions::new()
        .stringify_64_bit_integers(true)
        .skip_default_fields(true);
    if let Err(e) = message.serialize_with_options(&mut serializer, &options) {
        tracing::error!(error = %e, message = message.descriptor().full_name(), "an answer could not be written as JSON");
        return Err(tonic::Status::internal(
            "the answer could not be written as JSON",
        ));
    }
    for field in message.descriptor().fields() {
        if field.is_list() && !message.has_field(&field) && out.first() == Some(&b'{') {
            let empty = format!("\"{}\":[]", field.json_name());
            let rest = if out.len() > 2 { "," } else { "" };
            out.splice(1..1, format!("{empty}{rest}").into_bytes());
        }
    }
    Ok(out)
}

/// The JSON of an answer message from its wire bytes: written directly (see
/// [`super::json`]), or through a dynamic message for what that writer leaves out.
pub fn answer_json(
    desc: &prost_reflect::MessageDescriptor,
    bytes: &[u8],
) -> Result<Vec<u8>, tonic::Status> {
    match super::json::message(desc, bytes, true) {
        Ok(json) => Ok(json),
        Err(super::json::Unsupported(why)) => {
            tracing::debug!(
                message = desc.full_name(),
                why,
                "answer written through a dynamic message"
            );
            let message = DynamicMessage::decode(desc.clone(), bytes)
                .map_err(|e| tonic::Status::internal(format!("undecodable response: {e}")))?;
            message_json(&message)
        }
    }
}

/// The JSON error body of every HTTP/JSON failure.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// HTTP status code.
    pub code: u16,
    /// gRPC status name, e.g. `NOT_FOUND`.
    pub status: &'static str,
    pub message: String,
    /// RingCentral's error code, e.g. `CMN-102`, when RingCentral reported the error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// The request field (or RingCentral parameter) at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The RingCentral permission the account lacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission: Option<String>,
    /// The scope the caller's credentials lack.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Seconds to wait before retrying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
    /// A resource created before a later step of the call failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_id: Option<String>,
    pub request_id: String,
}

/// HTTP status, extra headers and JSON body for a gRPC error status.
pub fn status_error(status: &tonic::Status, request_id: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    let info = status.get_details_error_info();
    let meta = |key: &str| info.as_ref().and_then(|i| i.metadata.get(key).cloned());
    let http = meta(info_key::HTTP_STATUS)
        .and_then(|s| s.parse::<u16>().ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or_else(|| http_status_of(status.code()));
    let retry_after = status
        .get_details_retry_info()
        .and_then(|r| r.retry_delay)
        .map(|d| d.as_secs_f64().ceil().max(1.0) as u64)
        .or_else(|| {
            status
                .metadata()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
        });
    let body = ErrorBody {
        code: http.as_u16(),
        status: code_name(status.code()),
        message: status.message().to_owned(),
        error_code: meta(info_key::ERROR_CODE),
        field: meta(info_key::FIELD),
        permission: meta(info_key::PERMISSION),
        scope: meta(info_key::SCOPE),
        retry_after_seconds: retry_after,
        created_id: meta(info_key::CREATED_ID),
        request_id: request_id.to_owned(),
    };
    let mut headers = HeaderMap::new();
    if let Some(secs) = retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    if status.code() == tonic::Code::Unauthenticated {
        headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"rc-gateway\""),
        );
    }
    (http, headers, serde_json::to_vec(&body).unwrap_or_default())
}

/// The error answer for a failure raised by the transcoder itself.
pub fn gateway_error(err: &Error, request_id: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    status_error(&err.to_status(), request_id)
}

/// The canonical name of the `grpc-status` in trailers (or trailers-only headers);
/// `OK` when absent.
pub fn status_name(headers: &http::HeaderMap) -> &'static str {
    let code = headers
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i32>().ok())
        .unwrap_or(0);
    code_name(tonic::Code::from(code))
}

/// The canonical name of a gRPC code.
pub fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code::*;
    match code {
        Ok => "OK",
        Cancelled => "CANCELLED",
        Unknown => "UNKNOWN",
        InvalidArgument => "INVALID_ARGUMENT",
        DeadlineExceeded => "DEADLINE_EXCEEDED",
        NotFound => "NOT_FOUND",
        AlreadyExists => "ALREADY_EXISTS",
        PermissionDenied => "PERMISSION_DENIED",
        ResourceExhausted => "RESOURCE_EXHAUSTED",
        FailedPrecondition => "FAILED_PRECONDITION",
        Aborted => "ABORTED",
        OutOfRange => "OUT_OF_RANGE",
        Unimplemented => "UNIMPLEMENTED",
        Internal => "INTERNAL",
        Unavailable => "UNAVAILABLE",
        DataLoss => "DATA_LOSS",
        Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_carry_code_errorcode_and_request_id() {
        let err = Error::invalid("perPage", "perPage must be between 1 and 1000");
        let (status, _, body) = gateway_error(&err, "req-1");
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["code"], 400);
        assert_eq!(json["status"], "INVALID_ARGUMENT");
        assert_eq!(json["field"], "perPage");
        assert_eq!(json["requestId"], "req-1");
    }

    #[test]
    fn rate_limits_set_retry_after() {
        let err = Error::Client(rc_client::Error::RateLimited {
            group: "Heavy",
            retry_after: std::time::Duration::from_secs(7),
        });
        let (status, headers, body) = gateway_error(&err, "r");
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(headers[header::RETRY_AFTER], "7");
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["retryAfterSeconds"], 7);
    }
}
