//! The endpoint's own refusals, in RingCentral's error format (an SDK parses them like
//! RingCentral's), each with a code that names what the gateway refused:
//!
//! | code | status | why |
//! |---|---|---|
//! | `AGW-404` | 404 | the path is no operation of RingCentral's API (RingCentral's own code) |
//! | `RCGW-UNAUTHENTICATED` | 401 | no caller credentials, or credentials the gateway does not accept |
//! | `RCGW-PERMISSION_DENIED` | 403 | the caller lacks the operation's scope |
//! | `RCGW-INVALID_ARGUMENT` | 400 | a path parameter the gateway refuses (`.`, `..`, not UTF-8) |
//! | `RCGW-PAYLOAD_TOO_LARGE` | 413 | a body over the operation's (or the gateway's) limit |
//! | `RCGW-UNSUPPORTED_MEDIA_TYPE` | 415 | a body in a media type the operation does not take |
//! | `RCGW-RESOURCE_EXHAUSTED` | 429 | the operation's rate budget is spent (with `Retry-After`) |
//! | `RCGW-UNAVAILABLE` | 503 | RingCentral unreachable, or the breaker open (with `Retry-After`) |
//! | `RCGW-DEADLINE_EXCEEDED` | 504 | no answer within the call's deadline |
//! | `RCGW-UNIMPLEMENTED` | 501 | RingCentral's OAuth operations other than token and revoke |
//! | `RCGW-INTERNAL` | 500 | a fault of the gateway |

use http::StatusCode;
use rc_spec::error_body::{ErrorBody, ErrorItem};

use crate::error::Error;

/// An error answer of the endpoint.
#[derive(Debug)]
pub struct PlatformError {
    pub status: StatusCode,
    pub body: ErrorBody,
    pub retry_after: Option<u64>,
}

fn error(status: StatusCode, code: &str, message: String) -> PlatformError {
    PlatformError {
        status,
        body: ErrorBody::new(ErrorItem {
            error_code: code.to_owned(),
            message,
            ..Default::default()
        }),
        retry_after: None,
    }
}

/// A path that is no operation of the API, as RingCentral answers it.
pub fn not_found() -> PlatformError {
    error(
        StatusCode::NOT_FOUND,
        "AGW-404",
        "Resource not found".to_owned(),
    )
}

/// RingCentral's own OAuth operations other than the token and revoke endpoints.
pub fn not_offered(op: &rc_spec::ops::Operation) -> PlatformError {
    error(
        StatusCode::NOT_IMPLEMENTED,
        "RCGW-UNIMPLEMENTED",
        format!(
            "{} is RingCentral's own OAuth: the gateway logs callers in at /restapi/oauth/token and keeps RingCentral's session to itself",
            op.id
        ),
    )
}

/// What the gateway refused, or could not get from RingCentral.
pub fn gateway(e: &Error) -> PlatformError {
    let status = e.http_status();
    let code = match (e, status) {
        (Error::TooLarge { .. }, _) => "RCGW-PAYLOAD_TOO_LARGE".to_owned(),
        (Error::UnsupportedMediaType { .. }, _) => "RCGW-UNSUPPORTED_MEDIA_TYPE".to_owned(),
        (_, StatusCode::GATEWAY_TIMEOUT) => "RCGW-DEADLINE_EXCEEDED".to_owned(),
        _ => format!("RCGW-{}", crate::transcode::code_name(e.grpc_code())),
    };
    let mut answer = error(status, &code, e.to_string());
    answer.retry_after = e.retry_after().map(|d| d.as_secs().max(1));
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_what_the_gateway_refused() {
        let too_large = Error::TooLarge {
            field: "body",
            what: "the request body",
            limit: 10,
        };
        assert_eq!(
            gateway(&too_large).body.error_code.as_deref(),
            Some("RCGW-PAYLOAD_TOO_LARGE")
        );
        assert_eq!(gateway(&too_large).status, StatusCode::PAYLOAD_TOO_LARGE);
        let e = Error::Unauthenticated("no".into());
        assert_eq!(
            gateway(&e).body.error_code.as_deref(),
            Some("RCGW-UNAUTHENTICATED")
        );
        let e = Error::MissingScope {
            caller: "key:a".into(),
            scope: "sites:write".into(),
        };
        assert_eq!(gateway(&e).status, StatusCode::FORBIDDEN);
        assert_eq!(
            gateway(&e).body.error_code.as_deref(),
            Some("RCGW-PERMISSION_DENIED")
        );
    }
}
