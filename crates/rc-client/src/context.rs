//! What a call carries from its caller to RingCentral. The gateway builds one per
//! incoming call; the client's layers read it and hand it to every upstream request.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

/// The header that carries the request id to RingCentral.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Who is calling, as far as RingCentral's limits are concerned.
#[derive(Debug, Clone)]
pub struct Caller {
    /// `key:<id>`, `jwt:<sub>`, `cert:<fingerprint>` or `anonymous`.
    pub id: Arc<str>,
    /// The part of each RingCentral rate-limit group this caller may use.
    pub share: f64,
}

/// What a call carries to RingCentral: request id, deadline, idempotency key, cache
/// preference, trace context and caller.
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
    pub caller: Option<Arc<Caller>>,
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
