//! The context of an incoming call: request id, deadline and idempotency key, built
//! once per call by [`crate::server::RequestContextLayer`] (for gRPC and transcoded
//! HTTP alike) as the client's [`CallContext`], which every upstream request carries.

use std::time::Duration;

pub use rc_client::context::{CallContext, new_request_id};

/// The context a gRPC request's context layer stored (an internal one, for requests
/// that did not pass it, such as direct calls in tests).
pub fn of<T>(request: &tonic::Request<T>) -> CallContext {
    request
        .extensions()
        .get::<CallContext>()
        .cloned()
        .unwrap_or_else(|| CallContext::internal(Duration::from_secs(60)))
}

/// Header (and gRPC metadata key) carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";
/// Header (and gRPC metadata key) carrying a client's idempotency key.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";

/// Accepts a caller-supplied request id only if it is short and printable, so that it
/// can be logged and echoed in headers without escaping.
pub fn valid_request_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:/+=".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_must_be_printable_and_short() {
        assert!(valid_request_id("abc-123"));
        assert!(!valid_request_id(""));
        assert!(!valid_request_id("has space"));
        assert!(!valid_request_id("line\nbreak"));
        assert!(!valid_request_id(&"a".repeat(129)));
    }
}
