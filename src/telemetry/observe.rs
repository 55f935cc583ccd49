//! Per-call observation on the listeners: a span that continues the caller's trace,
//! the request id, `http_requests_*` metrics and one access log line per call, for
//! gRPC (status from the trailers, so streams are measured to their end) and for
//! HTTP/JSON (route templates as labels, never raw paths).

use std::collections::HashSet;
use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;
use tokio::time::Instant;
use tracing::Instrument;

use super::metrics::Metrics;
use super::propagation;
use crate::context::{REQUEST_ID_HEADER, RequestId};
use crate::inbound::{Answer, Call, Step, StepLayer, Watcher, forward, watch_end};
use crate::transcode::{Found, Matched, Transcoder};

/// The request id of a call, settled once: the caller's if usable, else a new one,
/// set on the request (header and extension) so that every later layer sees the same.
fn settle_request_id(request: &mut http::Request<impl Sized>) -> HeaderValue {
    let id = RequestId::from_headers(request.headers());
    let value =
        HeaderValue::from_str(&id.0).unwrap_or_else(|_| HeaderValue::from_static("invalid"));
    request
        .headers_mut()
        .insert(REQUEST_ID_HEADER, value.clone());
    request.extensions_mut().insert(id);
    value
}

/// Records a finished call once: metrics, gauge and access log. Dropped unfinished
/// (the caller went away mid-stream), it records CANCELLED.
struct Finish {
    metrics: Arc<Metrics>,
    protocol: &'static str,
    method: &'static str,
    route: Arc<str>,
    started: Instant,
    span: tracing::Span,
    done: bool,
}

impl Finish {
    fn new(
        metrics: Arc<Metrics>,
        protocol: &'static str,
        method: &'static str,
        route: Arc<str>,
        span: tracing::Span,
    ) -> Self {
        metrics
            .in_progress
            .with_label_values(&[protocol, &route])
            .inc();
        Finish {
            metrics,
            protocol,
            method,
            route,
            started: Instant::now(),
            span,
            done: false,
        }
    }

    fn record(&mut self, status: &str) {
        if std::mem::replace(&mut self.done, true) {
            return;
        }
        let elapsed = self.started.elapsed();
        let m = &self.metrics;
        m.in_progress
            .with_label_values(&[self.protocol, &self.route])
            .dec();
        m.requests
            .with_label_values(&[self.protocol, self.method, &self.route, status])
            .inc();
        m.request_duration
            .with_label_values(&[self.protocol, self.method, &self.route])
            .observe(elapsed.as_secs_f64());
        let duration_ms = (elapsed.as_secs_f64() * 1_000_000.0).round() / 1000.0;
        tracing::info!(
            parent: &self.span,
            protocol = self.protocol,
            method = %self.method,
            route = %self.route,
            status,
            duration_ms,
            "call finished"
        );
    }
}

impl Drop for Finish {
    fn drop(&mut self) {
        if !self.done {
            self.record("CANCELLED");
        }
    }
}

impl Watcher for Finish {
    fn end(mut self, status: &'static str) {
        self.record(status);
    }
}

/// Observation of the gRPC listener's calls, as a step.
pub struct GrpcObserve {
    metrics: Arc<Metrics>,
    /// Known RPC paths: anything else is labelled "unknown" (bounded cardinality).
    known: HashSet<Arc<str>>,
}

/// Observation as the outermost layer of the gRPC listener.
pub type GrpcObserveLayer = StepLayer<GrpcObserve>;

impl GrpcObserveLayer {
    /// `known` lists the RPC paths the gateway serves.
    pub fn with(metrics: Arc<Metrics>, known: impl IntoIterator<Item = Arc<str>>) -> Self {
        StepLayer::new(GrpcObserve {
            metrics,
            known: known.into_iter().collect(),
        })
    }
}

impl Step for GrpcObserve {
    fn call<S>(&self, mut call: Call, next: S) -> impl Future<Output = Answer> + Send + 'static
    where
        S: tower::Service<Call, Response = Answer, Error = Infallible> + Send + 'static,
        S::Future: Send + 'static,
    {
        let route = self
            .known
            .get(call.uri().path())
            .cloned()
            .unwrap_or_else(|| Arc::from("unknown"));
        let id = settle_request_id(&mut call);
        let span = tracing::info_span!(
            "grpc",
            otel.name = %route,
            otel.kind = "server",
            rpc.system = "grpc",
            rpc = %route,
            request_id = id.to_str().unwrap_or(""),
            trace_id = tracing::field::Empty,
            account = tracing::field::Empty,
        );
        propagation::continue_trace(&span, call.headers());
        let finish = Finish::new(self.metrics.clone(), "grpc", "POST", route, span.clone());
        // Entered while the inner layers set their call up too (the audit trail reads
        // the trace id there), not only while the future runs.
        let answered = {
            let _entered = span.enter();
            forward(next, call)
        }
        .instrument(span);
        async move { watch_end(answered.await, finish) }
    }
}

/// The HTTP/JSON listener's observation state.
#[derive(Clone)]
pub struct HttpObserve {
    pub metrics: Arc<Metrics>,
    pub transcoder: Transcoder,
}

/// The `method` label: the standard methods by name, anything else (hyper accepts
/// any token as a method) as `OTHER`, so callers cannot create series at will.
fn method_label(method: &http::Method) -> &'static str {
    use http::Method;
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

/// HTTP/JSON middleware: request id, span, metrics, access log.
pub async fn http(
    State(observe): State<HttpObserve>,
    mut request: Request,
    next: Next,
) -> Response {
    let id = settle_request_id(&mut request);
    let method = request.method().clone();
    let path = request.uri().path();
    // Matched once: the label here, the route for the transcoder.
    let found = observe.transcoder.find(&method, path);
    let route: Arc<str> = match &found {
        Found::Route(route, _) => Arc::from(route.template.source()),
        _ if path == "/openapi.json" || path == "/docs" => Arc::from(path),
        // The RingCentral-compatible endpoint: labelled by operation (a bounded set).
        _ if crate::platform::is_platform_path(path) => match rc_spec::ops::route(&method, path) {
            Some(routed) => Arc::from(format!("rc:{}", routed.op.id)),
            None => Arc::from("unmatched"),
        },
        _ => Arc::from("unmatched"),
    };
    request.extensions_mut().insert(Matched(found));
    let span = tracing::info_span!(
        "http",
        otel.name = %format_args!("{method} {route}"),
        otel.kind = "server",
        http.method = %method,
        http.route = %route,
        request_id = id.to_str().unwrap_or(""),
        trace_id = tracing::field::Empty,
        account = tracing::field::Empty,
    );
    propagation::continue_trace(&span, request.headers());
    let mut finish = Finish::new(
        observe.metrics.clone(),
        "http",
        method_label(&method),
        route,
        span.clone(),
    );
    let mut response = next.run(request).instrument(span).await;
    response.headers_mut().insert(REQUEST_ID_HEADER, id);
    finish.record(response.status().as_str());
    response
}
