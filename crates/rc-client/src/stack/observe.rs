//! Observes every request actually sent to RingCentral (retries and token requests
//! included): a client span under the caller's span, with the operation, usage-plan
//! group, attempt and breaker state; the `traceparent` of that span sent along; and
//! the call counted and timed.

use std::sync::Arc;

use futures::future::BoxFuture;
use tokio::time::Instant;
use tower::ServiceExt;
use tracing::Instrument;

use super::breaker::CircuitBreaker;
use super::layered::UpstreamLayer;
use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};
use rc_spec::ops::Operation;

/// What the upstream observation reports (metrics).
pub trait UpstreamHooks: Send + Sync {
    fn called(&self, _operation: &'static Operation, _status: &str, _elapsed: std::time::Duration) {
    }
}

/// Reports nothing.
pub struct NoHooks;
impl UpstreamHooks for NoHooks {}

#[derive(Clone)]
pub struct Observe {
    pub breaker: Arc<CircuitBreaker>,
    pub hooks: Arc<dyn UpstreamHooks>,
}

impl UpstreamLayer for Observe {
    fn call(
        &self,
        inner: UpstreamService,
        mut request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> {
        let op = request.op;
        let span = tracing::info_span!(
            "ringcentral",
            otel.name = op.id,
            otel.kind = "client",
            rc.operation = op.id,
            rc.group = op.group.name(),
            rc.attempt = i64::from(request.attempt),
            rc.breaker_state = self.breaker.state().name(),
            http.status_code = tracing::field::Empty,
        );
        // This call's own trace context when tracing is on; else pass the caller's on.
        request.traceparent = traceparent(&span)
            .map(Arc::from)
            .or_else(|| request.ctx.traceparent.clone());
        let hooks = self.hooks.clone();
        Box::pin(
            async move {
                let started = Instant::now();
                let result = inner.oneshot(request).await;
                let status = match &result {
                    Ok(response) => {
                        tracing::Span::current().record("http.status_code", i64::from(response.status.as_u16()));
                        response.status.as_str().to_owned()
                    }
                    Err(UpstreamError::Timeout) => "timeout".to_owned(),
                    Err(_) => "error".to_owned(),
                };
                hooks.called(op, &status, started.elapsed());
                tracing::debug!(status = %status, elapsed_ms = started.elapsed().as_millis() as u64, "RingCentral answered");
                result
            }
            .instrument(span),
        )
    }
}

/// The W3C `traceparent` of `span`, when tracing is on and the span is valid.
fn traceparent(span: &tracing::Span) -> Option<String> {
    use opentelemetry::trace::TraceContextExt;
    use tracing_opentelemetry::OpenTelemetrySpanExt;
    let context = span.context();
    let span = context.span();
    let ids = span.span_context();
    ids.is_valid().then(|| {
        format!(
            "00-{}-{}-{:02x}",
            ids.trace_id(),
            ids.span_id(),
            ids.trace_flags().to_u8()
        )
    })
}
