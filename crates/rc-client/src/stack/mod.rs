//! The upstream request path as tower layers, one module each, composed in
//! [`build`] in the order a request travels through them:
//!
//! idempotency -> cache -> coalesce -> retry -> circuit breaker -> bearer token ->
//! rate budget -> observation (span, metrics) -> timeout -> transport
//!
//! The breaker sits under the retry layer (not above it): it judges every attempt, so
//! an outage opens it after `threshold` failed attempts and stops the remaining
//! retries at once instead of letting each caller's retries run against a dead
//! upstream. The bearer layer sits above the rate budget so that its one resend after
//! a rejected token is counted in the budget too.

mod bearer;
pub mod breaker;
pub mod cache;
pub mod coalesce;
pub mod idempotency;
pub mod layered;
pub mod observe;
pub mod rate_budget;
pub mod retry;
#[cfg(test)]
pub(crate) mod testing;
mod timeout;
mod transport;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::HeaderValue;
use tower::util::BoxCloneSyncService;

pub use bearer::BearerLayer;
use layered::Wrap;
use rate_budget::RateBudget;
pub use timeout::TimeoutLayer;
pub use transport::{Transport, install_crypto_provider};

use crate::context::CallContext;
use crate::error::Error;
use rc_store::Stores;

use rc_spec::ops::Operation;

/// One request to RingCentral. Cheap to clone (the body is shared), so layers that
/// resend (bearer refresh, retry) can keep a copy.
#[derive(Clone, Debug)]
pub struct RcRequest {
    pub op: &'static Operation,
    /// Escaped path, from [`super::path::build`].
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<RequestBody>,
    pub ctx: CallContext,
    /// Set by the bearer layer, or by the token source (client Basic auth).
    pub authorization: Option<HeaderValue>,
    /// Retries so far (set by the retry layer; 0 for the first attempt).
    pub attempt: u32,
    /// W3C trace context to send (set by the observation layer).
    pub traceparent: Option<Arc<str>>,
}

/// A request body with its content type.
#[derive(Clone, Debug)]
pub struct RequestBody {
    pub content_type: &'static str,
    pub bytes: Bytes,
}

/// RingCentral's answer, whatever its status: layers classify statuses themselves.
/// It is the store's answer type, so cached and idempotent answers need no conversion.
pub type RcResponse = rc_store::Answer;

/// Why no answer came back from RingCentral.
#[derive(Debug, Clone, thiserror::Error)]
pub enum UpstreamError {
    /// The connection could not be opened: the request was certainly not sent.
    #[error("connection failed: {0}")]
    Connect(String),
    /// The exchange failed after the request may have been sent.
    #[error("connection lost: {0}")]
    Io(String),
    /// RingCentral did not answer within the upstream timeout.
    #[error("timed out")]
    Timeout,
    /// The caller's deadline passed.
    #[error("deadline exceeded")]
    DeadlineExceeded,
    /// Anything the layers raise themselves (rate budget, breaker, token).
    #[error("{0}")]
    Gateway(std::sync::Arc<Error>),
}

impl From<Error> for UpstreamError {
    fn from(err: Error) -> Self {
        UpstreamError::Gateway(std::sync::Arc::new(err))
    }
}

impl From<UpstreamError> for Error {
    fn from(err: UpstreamError) -> Self {
        match err {
            UpstreamError::Connect(m) | UpstreamError::Io(m) => Error::Unreachable(m),
            UpstreamError::Timeout => Error::UpstreamTimeout,
            UpstreamError::DeadlineExceeded => Error::DeadlineExceeded,
            UpstreamError::Gateway(e) => std::sync::Arc::try_unwrap(e)
                .unwrap_or_else(|shared| Error::Internal(shared.to_string())),
        }
    }
}

/// The composed upstream service.
pub type UpstreamService = BoxCloneSyncService<RcRequest, RcResponse, UpstreamError>;

/// What the layers report, for metrics; no-ops by default.
#[derive(Clone)]
pub struct Hooks {
    pub budget: Arc<dyn rate_budget::BudgetHooks>,
    pub retry: Arc<dyn retry::RetryHooks>,
    pub cache: Arc<dyn cache::CacheHooks>,
    pub coalesce: Arc<dyn coalesce::CoalesceHooks>,
    pub upstream: Arc<dyn observe::UpstreamHooks>,
}

impl Default for Hooks {
    fn default() -> Self {
        Hooks {
            budget: Arc::new(rate_budget::NoHooks),
            retry: Arc::new(retry::NoHooks),
            cache: Arc::new(cache::NoHooks),
            coalesce: Arc::new(coalesce::NoHooks),
            upstream: Arc::new(observe::NoHooks),
        }
    }
}

/// Settings of the layers.
#[derive(Clone, Debug)]
pub struct StackConfig {
    pub request_timeout: Duration,
    /// Pause after a 429 without `Retry-After`.
    pub rate_window: Duration,
    pub retry: retry::RetryConfig,
    pub cache_ttls: cache::CacheTtls,
    pub idempotency_ttl: Duration,
    /// Identifies the RingCentral account and app in shared keys (cache, idempotency).
    pub scope: Arc<str>,
}

/// The layers every request goes through, token requests included:
/// rate budget -> observation -> timeout -> transport.
pub fn base(
    transport: Transport,
    config: &StackConfig,
    stores: &Stores,
    hooks: &Hooks,
    breaker: &Arc<breaker::CircuitBreaker>,
) -> UpstreamService {
    use tower::Layer;
    let timed =
        BoxCloneSyncService::new(TimeoutLayer::new(config.request_timeout).layer(transport));
    let observed = BoxCloneSyncService::new(
        Wrap(observe::Observe {
            breaker: breaker.clone(),
            hooks: hooks.upstream.clone(),
        })
        .layer(timed),
    );
    let budget = RateBudget::new(
        stores.budget.clone(),
        config.rate_window,
        hooks.budget.clone(),
    );
    BoxCloneSyncService::new(Wrap(budget).layer(observed))
}

/// The full stack for API calls over `base`.
pub fn build(
    base: UpstreamService,
    bearer: BearerLayer,
    breaker: Arc<breaker::CircuitBreaker>,
    config: &StackConfig,
    stores: &Stores,
    hooks: &Hooks,
) -> UpstreamService {
    use tower::Layer;
    let s = BoxCloneSyncService::new(bearer.layer(base));
    let s = BoxCloneSyncService::new(Wrap(breaker::Breaker(breaker)).layer(s));
    let policy = retry::RetryPolicy::new(config.retry.clone(), hooks.retry.clone());
    let s = BoxCloneSyncService::new(tower::retry::Retry::new(policy, s));
    let s = BoxCloneSyncService::new(
        Wrap(coalesce::Coalesce::new(
            config.scope.clone(),
            hooks.coalesce.clone(),
        ))
        .layer(s),
    );
    let cache = cache::Cache::new(
        stores.cache.clone(),
        config.cache_ttls.clone(),
        config.scope.clone(),
        hooks.cache.clone(),
    );
    let s = BoxCloneSyncService::new(Wrap(cache).layer(s));
    let idempotency = idempotency::Idempotency::new(
        stores.idempotency.clone(),
        config.idempotency_ttl,
        config.scope.clone(),
    );
    BoxCloneSyncService::new(Wrap(idempotency).layer(s))
}
