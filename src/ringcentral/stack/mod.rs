//! The upstream request path as tower layers, one module each, composed in
//! [`build`] in the order a request travels through them.

mod bearer;
mod timeout;
mod transport;

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode};
use tower::util::BoxCloneSyncService;

pub use bearer::BearerLayer;
pub use timeout::TimeoutLayer;
pub use transport::{Transport, http_client};

use crate::context::CallContext;
use crate::error::Error;

use super::ops::Operation;

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
}

/// A request body with its content type.
#[derive(Clone, Debug)]
pub struct RequestBody {
    pub content_type: &'static str,
    pub bytes: Bytes,
}

/// RingCentral's answer, whatever its status: layers classify statuses themselves.
#[derive(Clone, Debug)]
pub struct RcResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

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

/// Settings of the layers.
#[derive(Clone, Debug)]
pub struct StackConfig {
    pub request_timeout: Duration,
}

/// The layers under the bearer layer: what token requests go through too.
pub fn base(transport: Transport, config: &StackConfig) -> UpstreamService {
    tower::ServiceBuilder::new()
        .layer(TimeoutLayer::new(config.request_timeout))
        .service(transport)
        .boxed_clone_sync()
}

/// The full stack for API calls, outermost first.
pub fn build(base: UpstreamService, bearer: BearerLayer) -> UpstreamService {
    tower::ServiceBuilder::new()
        .layer(bearer)
        .service(base)
        .boxed_clone_sync()
}

trait BoxCloneSyncExt {
    fn boxed_clone_sync(self) -> UpstreamService;
}

impl<S> BoxCloneSyncExt for S
where
    S: tower::Service<RcRequest, Response = RcResponse, Error = UpstreamError>
        + Clone
        + Send
        + Sync
        + 'static,
    S::Future: Send + 'static,
{
    fn boxed_clone_sync(self) -> UpstreamService {
        BoxCloneSyncService::new(self)
    }
}
