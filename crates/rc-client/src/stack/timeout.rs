//! Bounds one upstream exchange by the upstream timeout and the caller's deadline,
//! whichever comes first.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::time::Instant;

use super::{RcRequest, RcResponse, UpstreamError};

#[derive(Clone, Debug)]
pub struct TimeoutLayer {
    timeout: Duration,
}

impl TimeoutLayer {
    pub fn new(timeout: Duration) -> Self {
        TimeoutLayer { timeout }
    }
}

impl<S> tower::Layer<S> for TimeoutLayer {
    type Service = Timeout<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Timeout {
            inner,
            timeout: self.timeout,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Timeout<S> {
    inner: S,
    timeout: Duration,
}

impl<S> tower::Service<RcRequest> for Timeout<S>
where
    S: tower::Service<RcRequest, Response = RcResponse, Error = UpstreamError>,
    S::Future: Send + 'static,
{
    type Response = RcResponse;
    type Error = UpstreamError;
    type Future = Pin<Box<dyn Future<Output = Result<RcResponse, UpstreamError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: RcRequest) -> Self::Future {
        let now = Instant::now();
        let by_timeout = now + self.timeout;
        let deadline = req.ctx.deadline;
        if deadline <= now {
            return Box::pin(async { Err(UpstreamError::DeadlineExceeded) });
        }
        let fut = self.inner.call(req);
        Box::pin(async move {
            match tokio::time::timeout_at(by_timeout.min(deadline), fut).await {
                Ok(result) => result,
                Err(_) if deadline <= by_timeout => Err(UpstreamError::DeadlineExceeded),
                Err(_) => Err(UpstreamError::Timeout),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tower::{Service, ServiceExt};

    use super::*;
    use crate::context::CallContext;
    use rc_spec::ops;

    fn request(deadline_in: Duration) -> RcRequest {
        RcRequest {
            op: &ops::READ_EXTENSION,
            path: "/x".into(),
            query: vec![],
            body: None,
            ctx: CallContext {
                request_id: Arc::from("t"),
                deadline: Instant::now() + deadline_in,
                idempotency_key: None,
                bypass_cache: false,
                traceparent: None,
                caller: None,
            },
            attempt: 0,
            traceparent: None,
            authorization: None,
            key: None,
            download: None,
        }
    }

    fn slow(
        delay: Duration,
    ) -> impl Service<RcRequest, Response = RcResponse, Error = UpstreamError, Future = impl Send> + Clone
    {
        tower::service_fn(move |_req: RcRequest| async move {
            tokio::time::sleep(delay).await;
            Ok(RcResponse {
                status: http::StatusCode::OK,
                headers: Default::default(),
                body: Default::default(),
            })
        })
    }

    #[tokio::test(start_paused = true)]
    async fn upstream_timeout_applies_when_it_is_sooner() {
        let mut svc =
            TimeoutLayer::new(Duration::from_secs(1)).layer_svc(slow(Duration::from_secs(5)));
        let err = svc
            .ready()
            .await
            .unwrap()
            .call(request(Duration::from_secs(10)))
            .await
            .unwrap_err();
        assert!(matches!(err, UpstreamError::Timeout));
    }

    #[tokio::test(start_paused = true)]
    async fn caller_deadline_applies_when_it_is_sooner() {
        let mut svc =
            TimeoutLayer::new(Duration::from_secs(30)).layer_svc(slow(Duration::from_secs(5)));
        let err = svc
            .ready()
            .await
            .unwrap()
            .call(request(Duration::from_secs(2)))
            .await
            .unwrap_err();
        assert!(matches!(err, UpstreamError::DeadlineExceeded));
    }

    #[tokio::test(start_paused = true)]
    async fn fast_answers_pass() {
        let mut svc =
            TimeoutLayer::new(Duration::from_secs(3)).layer_svc(slow(Duration::from_millis(10)));
        let res = svc
            .ready()
            .await
            .unwrap()
            .call(request(Duration::from_secs(2)))
            .await
            .unwrap();
        assert_eq!(res.status, http::StatusCode::OK);
    }

    trait LayerSvc<S> {
        fn layer_svc(&self, s: S) -> Timeout<S>;
    }
    impl<S> LayerSvc<S> for TimeoutLayer {
        fn layer_svc(&self, s: S) -> Timeout<S> {
            tower::Layer::layer(self, s)
        }
    }
}
