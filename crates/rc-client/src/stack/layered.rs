//! The shape shared by the stack's own layers: per-call logic as one async function
//! over the boxed inner service. None of them applies backpressure (waiting for a
//! rate-budget slot happens inside the call, bounded by the caller's deadline), so
//! readiness is always immediate.

use std::task::{Context, Poll};

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
    type Service = Layered<L>;

    fn layer(&self, inner: UpstreamService) -> Self::Service {
        Layered {
            layer: self.0.clone(),
            inner,
        }
    }
}

/// The service a [`Wrap`] produces.
#[derive(Clone)]
pub struct Layered<L> {
    layer: L,
    inner: UpstreamService,
}

impl<L: UpstreamLayer> tower::Service<RcRequest> for Layered<L> {
    type Response = RcResponse;
    type Error = UpstreamError;
    type Future = BoxFuture<'static, Result<RcResponse, UpstreamError>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: RcRequest) -> Self::Future {
        self.layer.call(self.inner.clone(), request)
    }
}
