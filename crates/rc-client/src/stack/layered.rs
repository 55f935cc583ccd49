//! The shape shared by the stack's own layers: per-call logic as one async function
//! over the boxed inner service. None of them applies backpressure (waiting for a
//! rate-budget slot happens inside the call, bounded by the caller's deadline), so
//! readiness is always immediate.

use futures::future::BoxFuture;

use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};

/// A layer's per-call logic.
pub trait UpstreamLayer: Clone + Send + Sync + 'static {
    fn call(
        &self,
        inner: UpstreamService,
        request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>>;
}

/// Wraps an [`UpstreamLayer`] as a `tower::Layer` over [`UpstreamService`].
#[derive(Clone)]
pub struct Wrap<L>(pub L);

impl<L: UpstreamLayer> tower::Layer<UpstreamService> for Wrap<L> {
    type Service = UpstreamService;

    fn layer(&self, inner: UpstreamService) -> UpstreamService {
        UpstreamService::wrap(self.0.clone(), inner)
    }
}
