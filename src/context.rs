//! The context of an incoming call: request id, deadline and idempotency key, built
//! once per call by [`crate::gateway::RequestContextLayer`] (for gRPC and transcoded
//! HTTP alike) as the client's [`CallContext`], which every upstream request carries.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use http::HeaderValue;
use tokio::time::Instant;

pub use rc_client::context::{CallContext, new_request_id};

/// The context a gRPC request's context layer stored (an internal one, for requests
/// that did not pass it, such as direct calls in tests).
pub fn of<T>(request: &tonic::Request<T>) -> CallContext {
    request
        .extensions()
        .get::<CallContext>()
        .cloned()
        .unwrap_or_else(|| CallContext::internal(Duration::from_secs(60)))
}

/// Header (and gRPC metadata key) carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";
/// Header (and gRPC metadata key) carrying a client's idempotency key.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";

/// Accepts a caller-supplied request id only if it is short and printable, so that it
/// can be logged and echoed in headers without escaping.
pub fn valid_request_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:/+=".contains(&b))
}

/// The request id of a call, settled once where the call arrives (the observation
/// layer): the caller's `x-request-id` if usable, else a new one.
#[derive(Clone, Debug)]
pub struct RequestId(pub Arc<str>);

impl RequestId {
    /// The caller's id from `headers` if it is usable, else a new one.
    pub fn from_headers(headers: &http::HeaderMap) -> Self {
        let id = headers
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .filter(|v| valid_request_id(v))
            .map(Arc::from)
            .unwrap_or_else(|| Arc::from(new_request_id()));
        RequestId(id)
    }

    /// The id a call already carries, or the one its headers give.
    pub fn of(call: &http::Request<tonic::body::Body>) -> Self {
        call.extensions()
            .get::<RequestId>()
            .cloned()
            .unwrap_or_else(|| RequestId::from_headers(call.headers()))
    }
}

/// The context of a call from its headers: deadline from `grpc-timeout` (else
/// `default_timeout`), idempotency key, `cache-control: no-cache`, `traceparent`.
pub fn context_of(
    headers: &http::HeaderMap,
    request_id: Arc<str>,
    default_timeout: Duration,
) -> CallContext {
    let asked = headers
        .get("grpc-timeout")
        .and_then(|v| v.to_str().ok())
        .and_then(parse_grpc_timeout);
    let timeout = asked.unwrap_or(default_timeout);
    let idempotency_key = headers
        .get(IDEMPOTENCY_KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 255)
        .map(Arc::from);
    let bypass_cache = headers
        .get(http::header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-cache") || v.contains("no-store"));
    let traceparent = headers
        .get("traceparent")
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= 128)
        .map(Arc::from);
    CallContext {
        request_id,
        deadline: Instant::now() + timeout,
        idempotency_key,
        bypass_cache,
        traceparent,
        caller: None,
    }
}

/// Builds the [`CallContext`] of every gRPC call (direct or transcoded): request id,
/// deadline from `grpc-timeout` (or the default), idempotency key. Enforces the
/// deadline on unary calls (and on streams when the caller set one) and echoes the
/// request id in the response headers.
#[derive(Clone, Debug)]
pub struct RequestContext {
    default_timeout: Duration,
}

/// The request context as a layer of the inbound stack.
pub type RequestContextLayer = crate::inbound::StepLayer<RequestContext>;

impl RequestContextLayer {
    pub fn with_timeout(default_timeout: Duration) -> Self {
        crate::inbound::StepLayer::new(RequestContext { default_timeout })
    }
}

impl crate::inbound::Step for RequestContext {
    fn call<S>(
        &self,
        mut call: crate::inbound::Call,
        next: S,
    ) -> impl Future<Output = crate::inbound::Answer> + Send + 'static
    where
        S: tower::Service<
                crate::inbound::Call,
                Response = crate::inbound::Answer,
                Error = Infallible,
            > + Send
            + 'static,
        S::Future: Send + 'static,
    {
        let RequestId(request_id) = RequestId::of(&call);
        let id_value = HeaderValue::from_str(&request_id).ok();
        let asked = call
            .headers()
            .get("grpc-timeout")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_grpc_timeout)
            .is_some();
        let ctx = context_of(call.headers(), request_id, self.default_timeout);
        let deadline = ctx.deadline;
        if let Some(value) = &id_value {
            call.headers_mut().insert(REQUEST_ID_HEADER, value.clone());
        }
        call.extensions_mut().insert(ctx);
        let answered = crate::inbound::forward(next, call);
        async move {
            let mut response = match tokio::time::timeout_at(deadline, answered).await {
                Ok(response) => response,
                Err(_) => crate::error::Error::DeadlineExceeded
                    .to_status()
                    .into_http(),
            };
            // A deadline the caller set also ends a stream (the default one does not:
            // a watch without a deadline runs until the caller stops it).
            if asked && !response.headers().contains_key("grpc-status") {
                response = response.map(|body| {
                    tonic::body::Body::new(deadline::DeadlineBody::new(body, deadline))
                });
            }
            if let Some(value) = id_value {
                response.headers_mut().insert(REQUEST_ID_HEADER, value);
            }
            response
        }
    }
}

mod deadline {
    //! Ends a response stream at the caller's deadline with `DEADLINE_EXCEEDED` in its
    //! trailers, as a gRPC client's own deadline would.

    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use bytes::Bytes;
    use http_body::Frame;
    use tokio::time::{Instant, Sleep};

    pin_project_lite::pin_project! {
        pub struct DeadlineBody {
            #[pin]
            inner: tonic::body::Body,
            deadline: Instant,
            // Armed only once the stream waits: most bodies end before.
            #[pin]
            timer: Option<Sleep>,
            ended: bool,
        }
    }

    impl DeadlineBody {
        pub fn new(inner: tonic::body::Body, deadline: Instant) -> Self {
            DeadlineBody {
                inner,
                deadline,
                timer: None,
                ended: false,
            }
        }
    }

    impl http_body::Body for DeadlineBody {
        type Data = Bytes;
        type Error = tonic::Status;

        fn poll_frame(
            self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, tonic::Status>>> {
            let mut this = self.project();
            if *this.ended {
                return Poll::Ready(None);
            }
            if let Poll::Ready(frame) = this.inner.poll_frame(cx) {
                let last = match &frame {
                    None | Some(Err(_)) => true,
                    Some(Ok(frame)) => frame.is_trailers(),
                };
                *this.ended = last;
                return Poll::Ready(frame);
            }
            if this.timer.is_none() {
                this.timer
                    .set(Some(tokio::time::sleep_until(*this.deadline)));
            }
            let Some(timer) = this.timer.as_pin_mut() else {
                return Poll::Pending;
            };
            if timer.poll(cx).is_pending() {
                return Poll::Pending;
            }
            *this.ended = true;
            let status = crate::error::Error::DeadlineExceeded.to_status();
            let mut trailers = http::HeaderMap::new();
            match status.add_header(&mut trailers) {
                Ok(()) => Poll::Ready(Some(Ok(Frame::trailers(trailers)))),
                Err(_) => Poll::Ready(Some(Err(status))),
            }
        }

        fn is_end_stream(&self) -> bool {
            self.ended || self.inner.is_end_stream()
        }
    }
}

/// `grpc-timeout`: up to 8 digits and a unit (H, M, S, m, u, n).
fn parse_grpc_timeout(value: &str) -> Option<Duration> {
    if value.len() < 2 || value.len() > 9 {
        return None;
    }
    let (digits, unit) = value.split_at(value.len() - 1);
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n.checked_mul(3600)?),
        "M" => Duration::from_secs(n.checked_mul(60)?),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_must_be_printable_and_short() {
        assert!(valid_request_id("abc-123"));
        assert!(!valid_request_id(""));
        assert!(!valid_request_id("has space"));
        assert!(!valid_request_id("line\nbreak"));
        assert!(!valid_request_id(&"a".repeat(129)));
    }

    #[test]
    fn grpc_timeouts_parse() {
        assert_eq!(parse_grpc_timeout("5S"), Some(Duration::from_secs(5)));
        assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(parse_grpc_timeout("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(parse_grpc_timeout("5"), None);
        assert_eq!(parse_grpc_timeout("123456789S"), None);
        assert_eq!(parse_grpc_timeout("5x"), None);
    }
}
