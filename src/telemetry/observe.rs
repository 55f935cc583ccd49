//! Per-call observation on the listeners: a span that continues the caller's trace,
//! the request id, `http_requests_*` metrics and one access log line per call, for
//! gRPC (status from the trailers, so streams are measured to their end) and for
//! HTTP/JSON (route templates as labels, never raw paths).

use std::collections::HashSet;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;
use http::HeaderValue;
use http_body::Frame;
use tokio::time::Instant;
use tracing::Instrument;

use super::metrics::Metrics;
use super::propagation;
use crate::context::{self, REQUEST_ID_HEADER};
use crate::transcode::{Transcoder, code_name, status_name};

/// The request id of a request: the caller's if usable, else a new one; set on the
/// request so that every later layer sees the same.
fn request_id(headers: &mut http::HeaderMap) -> HeaderValue {
    let usable = headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| context::valid_request_id(v))
        .and_then(|v| HeaderValue::from_str(v).ok());
    let value = usable.unwrap_or_else(|| {
        HeaderValue::from_str(&context::new_request_id())
            .unwrap_or_else(|_| HeaderValue::from_static("invalid"))
    });
    headers.insert(REQUEST_ID_HEADER, value.clone());
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

pin_project_lite::pin_project! {
    /// A gRPC response body that reports the call's status when the trailers pass.
    struct ObservedBody {
        #[pin]
        inner: tonic::body::Body,
        finish: Option<Finish>,
    }
}

impl http_body::Body for ObservedBody {
    type Data = Bytes;
    type Error = tonic::Status;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, tonic::Status>>> {
        let this = self.project();
        let polled = this.inner.poll_frame(cx);
        if let Poll::Ready(item) = &polled {
            let status = match item {
                Some(Ok(frame)) => frame.trailers_ref().map(status_name),
                Some(Err(status)) => Some(code_name(status.code())),
                None => Some("OK"),
            };
            // Only a status ends the call; a data frame must leave `finish` in place.
            if let Some(status) = status
                && let Some(mut finish) = this.finish.take()
            {
                finish.record(status);
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// The gRPC listener's observation layer.
#[derive(Clone)]
pub struct GrpcObserveLayer {
    metrics: Arc<Metrics>,
    /// Known RPC paths: anything else is labelled "unknown" (bounded cardinality).
    known: Arc<HashSet<Arc<str>>>,
}

impl GrpcObserveLayer {
    pub fn new(metrics: Arc<Metrics>) -> Self {
        let mut known: HashSet<Arc<str>> = crate::proto::pool()
            .services()
            .flat_map(|s| {
                s.methods()
                    .map(|m| format!("/{}/{}", s.full_name(), m.name()))
                    .collect::<Vec<_>>()
            })
            .map(Arc::from)
            .collect();
        for extra in [
            "/grpc.health.v1.Health/Check",
            "/grpc.health.v1.Health/Watch",
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        ] {
            known.insert(Arc::from(extra));
        }
        GrpcObserveLayer {
            metrics,
            known: Arc::new(known),
        }
    }
}

impl<S> tower::Layer<S> for GrpcObserveLayer {
    type Service = GrpcObserve<S>;

    fn layer(&self, inner: S) -> Self::Service {
        GrpcObserve {
            inner,
            layer: self.clone(),
        }
    }
}

#[derive(Clone)]
pub struct GrpcObserve<S> {
    inner: S,
    layer: GrpcObserveLayer,
}

impl<S> tower::Service<http::Request<tonic::body::Body>> for GrpcObserve<S>
where
    S: tower::Service<
            http::Request<tonic::body::Body>,
            Response = http::Response<tonic::body::Body>,
            Error = Infallible,
        >,
    S::Future: Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<tonic::body::Body>) -> Self::Future {
        let route = self
            .layer
            .known
            .get(request.uri().path())
            .cloned()
            .unwrap_or_else(|| Arc::from("unknown"));
        let id = request_id(request.headers_mut());
        let span = tracing::info_span!(
            "grpc",
            otel.name = %route,
            otel.kind = "server",
            rpc.system = "grpc",
            rpc = %route,
            request_id = id.to_str().unwrap_or(""),
            trace_id = tracing::field::Empty,
        );
        propagation::continue_trace(&span, request.headers());
        let mut finish = Finish::new(
            self.layer.metrics.clone(),
            "grpc",
            "POST",
            route,
            span.clone(),
        );
        // Entered while the inner layers set their call up too (the audit trail reads
        // the trace id there), not only while the future runs.
        let future = {
            let _entered = span.enter();
            self.inner.call(request)
        }
        .instrument(span);
        Box::pin(async move {
            let response = match future.await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            let (parts, body) = response.into_parts();
            // An error answered before any message is "trailers-only": the status is
            // in the headers.
            if parts.headers.contains_key("grpc-status") {
                finish.record(status_name(&parts.headers));
                return Ok(http::Response::from_parts(parts, body));
            }
            let body = ObservedBody {
                inner: body,
                finish: Some(finish),
            };
            Ok(http::Response::from_parts(
                parts,
                tonic::body::Body::new(body),
            ))
        })
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
    let id = request_id(request.headers_mut());
    let method = request.method().clone();
    let path = request.uri().path();
    let route: Arc<str> = match observe.transcoder.route_label(&method, path) {
        Some(template) => Arc::from(template),
        None if path == "/openapi.json" || path == "/docs" => Arc::from(path),
        None => Arc::from("unmatched"),
    };
    let span = tracing::info_span!(
        "http",
        otel.name = %format_args!("{method} {route}"),
        otel.kind = "server",
        http.method = %method,
        http.route = %route,
        request_id = id.to_str().unwrap_or(""),
        trace_id = tracing::field::Empty,
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
