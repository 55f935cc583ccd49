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
pub mod body;
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

use futures::future::BoxFuture;
use http::HeaderValue;

pub use bearer::BearerLayer;
pub use body::{Content, Download, RequestBody, Upload};
use layered::Wrap;
use rate_budget::RateBudget;
pub use timeout::TimeoutLayer;
pub use transport::{Connector, Transport, install_crypto_provider};

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
    pub query: crate::Query,
    pub body: Option<RequestBody>,
    pub ctx: CallContext,
    /// Set by the bearer layer, or by the token source (client Basic auth).
    pub authorization: Option<HeaderValue>,
    /// Retries so far (set by the retry layer; 0 for the first attempt).
    pub attempt: u32,
    /// W3C trace context to send (set by the observation layer).
    pub traceparent: Option<Arc<str>>,
    /// The cache and coalescing key, built once by the first layer that needs it.
    pub key: Option<Arc<str>>,
    /// Where a binary answer's body goes, streamed (see [`body`]).
    pub download: Option<Download>,
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
/// A segment of the stack, shared: each layer hands its inner segment to every call,
/// and cloning one is a reference count, not a copy of the chain below it.
#[derive(Clone)]
pub struct UpstreamService(Arc<CallFn>);

type CallFn =
    dyn Fn(RcRequest) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> + Send + Sync;

impl UpstreamService {
    /// A tower service as a segment: each call runs on a clone of it, so its clone
    /// must be cheap (the stack's services are always ready).
    pub fn new<S>(service: S) -> Self
    where
        S: tower::Service<RcRequest, Response = RcResponse, Error = UpstreamError>
            + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
    {
        UpstreamService(Arc::new(move |request| {
            Box::pin(tower::ServiceExt::oneshot(service.clone(), request))
        }))
    }

    /// One of the stack's own layers over `inner`: called by reference, never cloned.
    pub fn wrap<L: layered::UpstreamLayer>(layer: L, inner: UpstreamService) -> Self {
        UpstreamService(Arc::new(move |request| layer.call(inner.clone(), request)))
    }
}

impl tower::Service<RcRequest> for UpstreamService {
    type Response = RcResponse;
    type Error = UpstreamError;
    type Future = BoxFuture<'static, Result<RcResponse, UpstreamError>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), UpstreamError>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: RcRequest) -> Self::Future {
        (self.0)(request)
    }
}

impl RcRequest {
    /// The cache (and coalescing) key of this GET: account scope, path and query,
    /// built on first use.
    pub fn key(&mut self, scope: &str) -> Arc<str> {
        if let Some(key) = &self.key {
            return key.clone();
        }
        let key: Arc<str> = Arc::from(cache::key(scope, self));
        self.key = Some(key.clone());
        key
    }

    /// Whether another attempt could send this request again (a streamed upload is
    /// sent once).
    pub fn replayable(&self) -> bool {
        self.body.as_ref().is_none_or(RequestBody::replayable)
    }
}

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
    let timed = UpstreamService::new(TimeoutLayer::new(config.request_timeout).layer(transport));
    let observed = Wrap(observe::Observe {
        breaker: breaker.clone(),
        hooks: hooks.upstream.clone(),
    })
    .layer(timed);
    let budget = RateBudget::new(
        stores.budget.clone(),
        config.rate_window,
        hooks.budget.clone(),
    );
    Wrap(budget).layer(observed)
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
    let s = UpstreamService::new(bearer.layer(base));
    let s = Wrap(breaker::Breaker(breaker)).layer(s);
    let policy = retry::RetryPolicy::new(config.retry.clone(), hooks.retry.clone());
    let s = UpstreamService::new(tower::retry::Retry::new(policy, s));
    let s = Wrap(coalesce::Coalesce::new(
        config.scope.clone(),
        hooks.coalesce.clone(),
    ))
    .layer(s);
    let cache = cache::Cache::new(
        stores.cache.clone(),
        config.cache_ttls.clone(),
        config.scope.clone(),
        hooks.cache.clone(),
    );
    let s = Wrap(cache).layer(s);
    let idempotency = idempotency::Idempotency::new(
        stores.idempotency.clone(),
        config.idempotency_ttl,
        config.scope.clone(),
    );
    Wrap(idempotency).layer(s)
}
