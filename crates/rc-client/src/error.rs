//! What can go wrong on the way to RingCentral and back. The gateway maps these to
//! gRPC and HTTP statuses, once, in its own error module.

use std::time::Duration;

pub use rc_spec::error_body::RcApiError;

/// A failed RingCentral call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value the client cannot put into a request (an id RingCentral could not take).
    #[error("{message}")]
    InvalidArgument { field: String, message: String },

    /// RingCentral answered the call with an error status.
    #[error("{0}")]
    Upstream(Box<RcApiError>),

    /// RingCentral rejected the gateway's own credentials (not the caller's fault).
    #[error("RingCentral rejected the gateway's credentials: {0}")]
    UpstreamAuth(Box<RcApiError>),

    /// No slot in RingCentral's rate budget could be had within the caller's deadline.
    #[error("RingCentral's {group} rate limit is used up; retry in {} s", retry_after.as_secs().max(1))]
    RateLimited {
        group: &'static str,
        retry_after: Duration,
    },

    /// The circuit breaker is open after repeated upstream failures.
    #[error("RingCentral is failing; calls are paused for {} s", retry_after.as_secs().max(1))]
    CircuitOpen { retry_after: Duration },

    /// RingCentral could not be reached (connection refused, reset, DNS, TLS).
    #[error("RingCentral could not be reached: {0}")]
    Unreachable(String),

    /// RingCentral did not answer within the upstream timeout.
    #[error("RingCentral did not answer in time")]
    UpstreamTimeout,

    /// RingCentral answered with something the client cannot read.
    #[error("RingCentral sent an answer the gateway cannot read: {0}")]
    UpstreamInvalid(String),

    /// The caller's deadline passed before an answer was ready.
    #[error("the call's deadline expired")]
    DeadlineExceeded,

    /// The caller has used its share of a RingCentral rate-limit group.
    #[error("{caller} has used its share of RingCentral's {group} rate limit; retry in {} s", retry_after.as_secs().max(1))]
    CallerShareUsed {
        caller: String,
        group: &'static str,
        retry_after: Duration,
    },

    /// The shared state (rate budget, session, records) could not be reached.
    #[error("{0}")]
    Unavailable(String),

    /// An idempotency key came back with a different request than its first use.
    #[error("{0}")]
    IdempotencyConflict(String),

    /// A bug or an impossible state; details are logged, not returned.
    /// An account onboarded by OAuth authorization has no usable refresh token left
    /// (never given, lapsed, or refused by RingCentral): only its owner can authorize
    /// the gateway again.
    #[error("{0}")]
    NotAuthorized(String),

    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// A value that cannot go into a request.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            message: message.into(),
        }
    }

    /// How long the caller should wait before trying again, when that is known.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. }
            | Error::CallerShareUsed { retry_after, .. }
            | Error::CircuitOpen { retry_after } => Some(*retry_after),
            Error::Upstream(e) => e.retry_after,
            _ => None,
        }
    }

    /// The RingCentral error behind this error, if any.
    pub fn upstream(&self) -> Option<&RcApiError> {
        match self {
            Error::Upstream(e) | Error::UpstreamAuth(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rc_store::StoreError> for Error {
    fn from(err: rc_store::StoreError) -> Self {
        Error::Unavailable(err.to_string())
    }
}

/// Shorthand for client results.
pub type Result<T, E = Error> = std::result::Result<T, E>;
