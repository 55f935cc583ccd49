//! What the gateway's inbound layers share: one adapter from a small [`Step`] (see
//! the call on its way in, hand it on, look at the answer) to a tower layer, and one
//! response body wrapper ([`watch_end`]) that tells a [`Watcher`] how a call ended,
//! once. The request context, observation, audit and authentication steps are built
//! on them; every gRPC call and every transcoded HTTP/JSON call passes the same steps.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::Frame;

use crate::transcode::{code_name, status_name};

/// A call as the inbound steps see it.
pub type Call = http::Request<tonic::body::Body>;
/// Its answer.
pub type Answer = http::Response<tonic::body::Body>;

/// One inbound step.
pub trait Step: Send + Sync + 'static {
    /// Handles `call`, passing it to `next` (or answering itself).
    fn call<S>(&self, call: Call, next: S) -> impl Future<Output = Answer> + Send + 'static
    where
        S: tower::Service<Call, Response = Answer, Error = Infallible> + Send + 'static,
        S::Future: Send + 'static;
}

/// A [`Step`] as a tower layer.
pub struct StepLayer<T> {
    step: Arc<T>,
}

impl<T> StepLayer<T> {
    pub fn new(step: T) -> Self {
        StepLayer {
            step: Arc::new(step),
        }
    }
}

impl<T> Clone for StepLayer<T> {
    fn clone(&self) -> Self {
        StepLayer {
            step: self.step.clone(),
        }
    }
}

impl<T, S> tower::Layer<S> for StepLayer<T> {
    type Service = StepService<T, S>;

    fn layer(&self, inner: S) -> Self::Service {
        StepService {
            step: self.step.clone(),
            inner,
        }
    }
}

/// The service of a [`StepLayer`].
pub struct StepService<T, S> {
    step: Arc<T>,
    inner: S,
}

impl<T, S: Clone> Clone for StepService<T, S> {
    fn clone(&self) -> Self {
        StepService {
            step: self.step.clone(),
            inner: self.inner.clone(),
        }
    }
}

impl<T, S> tower::Service<Call> for StepService<T, S>
where
    T: Step,
    S: tower::Service<Call, Response = Answer, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Answer;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Answer, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, call: Call) -> Self::Future {
        // The service that was made ready goes with this call; a clone takes its place.
        let clone = self.inner.clone();
        let ready = std::mem::replace(&mut self.inner, clone);
        let answered = self.step.call(call, ready);
        Box::pin(async move { Ok(answered.await) })
    }
}

/// Calls `next` with `call` (for steps).
pub async fn forward<S>(next: S, call: Call) -> Answer
where
    S: tower::Service<Call, Response = Answer, Error = Infallible>,
{
    let mut next = next;
    match next.call(call).await {
        Ok(answer) => answer,
        Err(never) => match never {},
    }
}

/// Told how a call's answer went: its messages' bytes as they pass, then its end.
pub trait Watcher: Send + 'static {
    /// A data frame of the answer.
    fn data(&mut self, _data: &Bytes) {}
    /// The call ended with this gRPC status name (`OK`, `NOT_FOUND`, ...), or
    /// `CANCELLED` when the answer was dropped before its end.
    fn end(self, status: &'static str);
}

/// Wraps `answer` so that `watcher` learns how it ends, exactly once: at once for a
/// trailers-only answer (an error before any message), else when the trailers pass.
pub fn watch_end<W: Watcher>(answer: Answer, watcher: W) -> Answer {
    let (parts, body) = answer.into_parts();
    if parts.headers.contains_key("grpc-status") {
        watcher.end(status_name(&parts.headers));
        return http::Response::from_parts(parts, body);
    }
    let body = WatchedBody {
        inner: body,
        watcher: Some(watcher),
    };
    http::Response::from_parts(parts, tonic::body::Body::new(body))
}

pin_project_lite::pin_project! {
    struct WatchedBody<W: Watcher> {
        #[pin]
        inner: tonic::body::Body,
        watcher: Option<W>,
    }

    impl<W: Watcher> PinnedDrop for WatchedBody<W> {
        fn drop(this: Pin<&mut Self>) {
            // The caller went away before the end.
            if let Some(watcher) = this.project().watcher.take() {
                watcher.end("CANCELLED");
            }
        }
    }
}

impl<W: Watcher> http_body::Body for WatchedBody<W> {
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
                Some(Ok(frame)) => {
                    if let (Some(data), Some(watcher)) = (frame.data_ref(), this.watcher.as_mut()) {
                        watcher.data(data);
                    }
                    frame.trailers_ref().map(status_name)
                }
                Some(Err(status)) => Some(code_name(status.code())),
                None => Some("OK"),
            };
            // Only a status ends the call; a data frame leaves the watcher in place.
            if let Some(status) = status
                && let Some(watcher) = this.watcher.take()
            {
                watcher.end(status);
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

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use http_body_util::BodyExt;

    use super::*;

    #[derive(Clone, Default)]
    struct Seen(Arc<Mutex<Vec<String>>>);

    impl Watcher for Seen {
        fn data(&mut self, data: &Bytes) {
            self.0.lock().unwrap().push(format!("data {}", data.len()));
        }
        fn end(self, status: &'static str) {
            self.0.lock().unwrap().push(format!("end {status}"));
        }
    }

    fn answer(body: tonic::body::Body) -> Answer {
        http::Response::new(body)
    }

    #[tokio::test]
    async fn a_watcher_sees_the_data_then_one_end() {
        let seen = Seen::default();
        let body = tonic::body::Body::new(http_body_util::Full::new(Bytes::from_static(b"abc")));
        let watched = watch_end(answer(body), seen.clone());
        let _ = watched.into_body().collect().await;
        assert_eq!(*seen.0.lock().unwrap(), ["data 3", "end OK"]);
    }

    #[test]
    fn a_trailers_only_answer_ends_at_once_and_a_dropped_one_is_cancelled() {
        let seen = Seen::default();
        let refused = tonic::Status::not_found("no").into_http::<tonic::body::Body>();
        drop(watch_end(refused, seen.clone()));
        let dropped = watch_end(answer(tonic::body::Body::empty()), seen.clone());
        drop(dropped);
        assert_eq!(*seen.0.lock().unwrap(), ["end NOT_FOUND", "end CANCELLED"]);
    }
}
