//! What a call carries from the caller to RingCentral: request id, deadline and
//! idempotency key. Built once per incoming call by [`crate::server::RequestContextLayer`]
//! (for gRPC and transcoded HTTP alike) and handed down to every upstream request.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

/// Header (and gRPC metadata key) carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";
/// Header (and gRPC metadata key) carrying a client's idempotency key.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";

/// Per-call data shared by the gateway's layers.
#[derive(Clone, Debug)]
pub struct CallContext {
    /// The caller's `x-request-id`, or one the gateway made up.
    pub request_id: Arc<str>,
    /// When the caller stops waiting.
    pub deadline: Instant,
    /// The caller's idempotency key for a mutation.
    pub idempotency_key: Option<Arc<str>>,
    /// The caller asked for fresh data (`cache-control: no-cache`).
    pub bypass_cache: bool,
    /// The caller's W3C `traceparent`, passed on when the gateway does not trace.
    pub traceparent: Option<Arc<str>>,
    /// Who is calling (set by the authentication layer; `None` for the gateway's own work).
    pub caller: Option<Arc<crate::auth::Caller>>,
}

impl CallContext {
    /// A context for work the gateway starts itself (renewals, background refreshes).
    pub fn internal(timeout: Duration) -> Self {
        CallContext {
            request_id: new_request_id().into(),
            deadline: Instant::now() + timeout,
            idempotency_key: None,
            bypass_cache: false,
            traceparent: None,
            caller: None,
        }
    }

    /// The context of a gRPC request, as the request context layer stored it.
    pub fn of<T>(request: &tonic::Request<T>) -> Self {
        request
            .extensions()
            .get::<CallContext>()
            .cloned()
            .unwrap_or_else(|| CallContext::internal(Duration::from_secs(60)))
    }

    /// Time left before the deadline.
    pub fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }
}

/// A fresh request id: a version-4 UUID from a fast non-cryptographic generator (ids
/// need to be unique, not secret, and the OS generator costs a system call each).
pub fn new_request_id() -> String {
    let mut bytes = [0u8; 16];
    fastrand::fill(&mut bytes);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

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
