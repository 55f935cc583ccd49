//! Retries with tower's retry budget (deposits on first attempts, withdrawals per
//! retry, so retries cannot multiply load during an outage), exponential backoff with
//! jitter, and RingCentral's `Retry-After`. A request that may have changed something
//! at RingCentral is retried only when it certainly did not get there.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;
use tower::retry::budget::{Budget, TpsBudget};

use super::{RcRequest, RcResponse, UpstreamError};
use rc_spec::error_body;

/// Settings of the retry policy.
#[derive(Clone, Debug)]
pub struct RetryConfig {
    /// Retries after the first attempt.
    pub attempts: u32,
    /// Backoff before retry n (1-based) is `multiplier × 2^n` seconds, jittered.
    pub backoff_multiplier: f64,
}

/// Longest backoff between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The per-call retry policy (tower clones it for every call).
#[derive(Clone)]
pub struct RetryPolicy {
    config: Arc<RetryConfig>,
    budget: Arc<TpsBudget>,
    hooks: Arc<dyn RetryHooks>,
    attempt: u32,
}

/// What the retry policy reports (metrics).
pub trait RetryHooks: Send + Sync {
    fn retrying(&self, _operation: &'static str, _reason: &'static str) {}
}

/// Reports nothing.
pub struct NoHooks;
impl RetryHooks for NoHooks {}

impl RetryPolicy {
    pub fn new(config: RetryConfig, hooks: Arc<dyn RetryHooks>) -> Self {
        RetryPolicy {
            config: Arc::new(config),
            // As linkerd2-proxy: 10 s of history, at least 10 retries a second, plus 20%.
            budget: Arc::new(TpsBudget::new(Duration::from_secs(10), 10, 0.2)),
            hooks,
            attempt: 0,
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let secs = self.config.backoff_multiplier.max(0.0) * 2f64.powi(attempt as i32);
        let full = Duration::from_secs_f64(secs.min(MAX_BACKOFF.as_secs_f64()));
        // "Equal jitter": between half and all of the backoff.
        full / 2 + full.mul_f64(fastrand::f64() / 2.0)
    }
}

/// Why a result may be retried, and the wait RingCentral asked for.
fn retryable(
    request: &RcRequest,
    result: &Result<RcResponse, UpstreamError>,
) -> Option<(&'static str, Option<Duration>)> {
    let may_repeat = request.op.idempotent() || request.ctx.idempotency_key.is_some();
    match result {
        // RingCentral refuses a throttled request before processing it. The rate
        // budget now holds the group back for the penalty, so no extra wait here.
        Ok(r) if r.status == http::StatusCode::TOO_MANY_REQUESTS => {
            Some(("429", Some(Duration::ZERO)))
        }
        Ok(r) if may_repeat && matches!(r.status.as_u16(), 502..=504) => {
            Some(("5xx", error_body::retry_after(&r.headers)))
        }
        Ok(_) => None,
        Err(UpstreamError::Connect(_)) => Some(("connect", None)),
        Err(UpstreamError::Timeout) if may_repeat => Some(("timeout", None)),
        Err(UpstreamError::Io(_)) if may_repeat => Some(("connection", None)),
        Err(_) => None,
    }
}

impl tower::retry::Policy<RcRequest, RcResponse, UpstreamError> for RetryPolicy {
    type Future = Pin<Box<dyn Future<Output = ()> + Send>>;

    fn retry(
        &mut self,
        request: &mut RcRequest,
        result: &mut Result<RcResponse, UpstreamError>,
    ) -> Option<Self::Future> {
        if self.attempt == 0 {
            self.budget.deposit();
        }
        let (reason, asked) = retryable(request, result)?;
        if self.attempt >= self.config.attempts || !self.budget.withdraw() {
            return None;
        }
        self.attempt += 1;
        request.attempt = self.attempt;
        let wait = asked.unwrap_or_else(|| self.backoff(self.attempt));
        if Instant::now() + wait >= request.ctx.deadline {
            return None;
        }
        self.hooks.retrying(request.op.id, reason);
        tracing::debug!(
            operation = request.op.id,
            reason,
            attempt = self.attempt,
            wait_ms = wait.as_millis() as u64,
            "retrying"
        );
        Some(Box::pin(tokio::time::sleep(wait)))
    }

    fn clone_request(&mut self, request: &RcRequest) -> Option<RcRequest> {
        // A streamed upload goes once: the caller, who still has it, may send it again.
        request.replayable().then(|| request.clone())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use tower::{Service, ServiceExt};

    use super::*;
    use crate::context::CallContext;
    use rc_spec::ops;

    fn request(op: &'static rc_spec::ops::Operation, key: Option<&str>) -> RcRequest {
        RcRequest {
            op,
            path: "/x".into(),
            query: vec![],
            body: None,
            ctx: CallContext {
                idempotency_key: key.map(Arc::from),
                ..CallContext::internal(Duration::from_secs(600))
            },
            authorization: None,
            attempt: 0,
            traceparent: None,
            key: None,
            download: None,
        }
    }

    fn answer(status: u16) -> RcResponse {
        RcResponse {
            status: http::StatusCode::from_u16(status).unwrap(),
            headers: Default::default(),
            body: Default::default(),
        }
    }

    /// A service failing with `first` until `failures` calls, then answering 200.
    fn flaky(
        failures: u32,
        first: fn() -> Result<RcResponse, UpstreamError>,
    ) -> (
        impl Service<RcRequest, Response = RcResponse, Error = UpstreamError, Future = impl Send>
        + Clone,
        Arc<AtomicU32>,
    ) {
        let calls = Arc::new(AtomicU32::new(0));
        let counter = calls.clone();
        let svc = tower::service_fn(move |_req: RcRequest| {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            async move {
                if n < failures {
                    first()
                } else {
                    Ok(answer(200))
                }
            }
        });
        (svc, calls)
    }

    fn policy(attempts: u32) -> RetryPolicy {
        RetryPolicy::new(
            RetryConfig {
                attempts,
                backoff_multiplier: 1.0,
            },
            Arc::new(NoHooks),
        )
    }

    #[tokio::test(start_paused = true)]
    async fn gets_are_retried_on_503_with_backoff() {
        let (svc, calls) = flaky(2, || Ok(answer(503)));
        let mut retry = tower::retry::Retry::new(policy(3), svc);
        let start = Instant::now();
        let res = retry
            .ready()
            .await
            .unwrap()
            .call(request(&ops::READ_EXTENSION, None))
            .await
            .unwrap();
        assert_eq!(res.status, 200);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
        // 2 s then 4 s, each jittered to between half and all of it.
        let waited = start.elapsed();
        assert!(
            waited >= Duration::from_secs(3) && waited <= Duration::from_secs(6),
            "{waited:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn attempts_are_bounded() {
        let (svc, calls) = flaky(10, || Ok(answer(502)));
        let mut retry = tower::retry::Retry::new(policy(3), svc);
        let res = retry
            .ready()
            .await
            .unwrap()
            .call(request(&ops::READ_EXTENSION, None))
            .await
            .unwrap();
        assert_eq!(res.status, 502);
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }

    #[tokio::test(start_paused = true)]
    async fn posts_are_not_retried_when_ringcentral_may_have_acted() {
        for failure in [
            (|| Ok(answer(503))) as fn() -> Result<RcResponse, UpstreamError>,
            || Err(UpstreamError::Timeout),
            || Err(UpstreamError::Io("reset".into())),
        ] {
            let (svc, calls) = flaky(1, failure);
            let mut retry = tower::retry::Retry::new(policy(3), svc);
            let _ = retry
                .ready()
                .await
                .unwrap()
                .call(request(&ops::CREATE_EXTENSION, None))
                .await;
            assert_eq!(calls.load(Ordering::SeqCst), 1);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn posts_are_retried_when_ringcentral_certainly_did_not_act() {
        for failure in [
            (|| Ok(answer(429))) as fn() -> Result<RcResponse, UpstreamError>,
            || Err(UpstreamError::Connect("refused".into())),
        ] {
            let (svc, calls) = flaky(1, failure);
            let mut retry = tower::retry::Retry::new(policy(3), svc);
            let res = retry
                .ready()
                .await
                .unwrap()
                .call(request(&ops::CREATE_EXTENSION, None))
                .await
                .unwrap();
            assert_eq!(res.status, 200);
            assert_eq!(calls.load(Ordering::SeqCst), 2);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn an_idempotency_key_makes_a_post_retryable() {
        let (svc, calls) = flaky(1, || Err(UpstreamError::Timeout));
        let mut retry = tower::retry::Retry::new(policy(3), svc);
        let res = retry
            .ready()
            .await
            .unwrap()
            .call(request(&ops::CREATE_EXTENSION, Some("k1")))
            .await
            .unwrap();
        assert_eq!(res.status, 200);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_is_honoured() {
        let (svc, _) = flaky(1, || {
            let mut r = answer(503);
            r.headers
                .insert(http::header::RETRY_AFTER, "7".parse().unwrap());
            Ok(r)
        });
        let mut retry = tower::retry::Retry::new(policy(3), svc);
        let start = Instant::now();
        retry
            .ready()
            .await
            .unwrap()
            .call(request(&ops::READ_EXTENSION, None))
            .await
            .unwrap();
        assert_eq!(start.elapsed(), Duration::from_secs(7));
    }

    #[tokio::test(start_paused = true)]
    async fn no_retry_past_the_deadline() {
        let (svc, calls) = flaky(5, || Ok(answer(503)));
        let mut retry = tower::retry::Retry::new(policy(3), svc);
        let mut req = request(&ops::READ_EXTENSION, None);
        req.ctx.deadline = Instant::now() + Duration::from_millis(500);
        let res = retry.ready().await.unwrap().call(req).await.unwrap();
        assert_eq!(res.status, 503);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
