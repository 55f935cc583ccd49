//! Spends RingCentral's per-group rate budget before a request goes out. A request
//! that would exceed the budget waits for a slot (never past the caller's deadline)
//! instead of being sent: any request during a 429 penalty restarts the penalty, so
//! the only way to use the limit fully is to never trip it. Every answer's
//! `X-Rate-Limit-*` headers correct the budget; a 429 pauses the whole group.

use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use http::HeaderMap;
use tokio::time::Instant;
use tower::ServiceExt;

use super::layered::UpstreamLayer;
use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};
use crate::error::Error;
use rc_spec::error_body;
use rc_spec::ops::ThrottleGroup;
use rc_store::{Acquire, BudgetStore, CallerShare, Observed};

/// Waiters wake up a little after the computed time, spread out, so that a crowd of
/// them does not retry the budget in the same instant.
const WAKE_JITTER_MS: u64 = 15;

#[derive(Clone)]
pub struct RateBudget {
    store: Arc<dyn BudgetStore>,
    /// Pause after a 429 that has no `Retry-After` (RingCentral's window).
    default_pause: Duration,
    hooks: Arc<dyn BudgetHooks>,
}

/// What the rate budget reports (metrics).
pub trait BudgetHooks: Send + Sync {
    /// A call could not get a slot in time.
    fn refused(&self, _group: ThrottleGroup) {}
    /// A call's caller had used its share of the group until past its deadline.
    fn caller_refused(&self, _group: ThrottleGroup) {}
    /// RingCentral answered 429.
    fn throttled(&self, _group: ThrottleGroup) {}
}

/// Reports nothing.
pub struct NoHooks;
impl BudgetHooks for NoHooks {}

impl RateBudget {
    pub fn new(
        store: Arc<dyn BudgetStore>,
        default_pause: Duration,
        hooks: Arc<dyn BudgetHooks>,
    ) -> Self {
        RateBudget {
            store,
            default_pause,
            hooks,
        }
    }
}

/// `X-Rate-Limit-Limit`, `-Remaining` and `-Window` of an answer.
pub fn observed(headers: &HeaderMap) -> Option<Observed> {
    let number = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
    Some(Observed {
        limit: u32::try_from(number("x-rate-limit-limit")?).ok()?,
        remaining: u32::try_from(number("x-rate-limit-remaining")?).ok()?,
        window: error_body::header_seconds(headers, "x-rate-limit-window")
            .filter(|w| !w.is_zero())
            .unwrap_or(Duration::from_secs(60)),
    })
}

impl UpstreamLayer for RateBudget {
    fn call(
        &self,
        inner: UpstreamService,
        request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> {
        let this = self.clone();
        Box::pin(async move {
            let group = request.op.group;
            if group == ThrottleGroup::NoThrottling {
                return inner.oneshot(request).await;
            }
            let deadline = request.ctx.deadline;
            let caller = request
                .ctx
                .caller
                .as_ref()
                .filter(|c| c.share < 1.0)
                .map(|c| CallerShare {
                    id: c.id.clone(),
                    share: c.share,
                });
            let slot = loop {
                let (wait, mine) = match this
                    .store
                    .try_acquire(group.name(), caller.as_ref())
                    .await
                    .map_err(Error::from)?
                {
                    Acquire::Granted(slot) => break slot,
                    Acquire::Wait(wait) => (wait, false),
                    Acquire::CallerWait(wait) => (wait, true),
                };
                let wake = Instant::now()
                    + wait
                    + Duration::from_millis(fastrand::u64(1..=WAKE_JITTER_MS));
                if wake > deadline {
                    let error = match (&caller, mine) {
                        (Some(caller), true) => {
                            this.hooks.caller_refused(group);
                            Error::CallerShareUsed {
                                caller: caller.id.to_string(),
                                group: group.name(),
                                retry_after: wait,
                            }
                        }
                        _ => {
                            this.hooks.refused(group);
                            Error::RateLimited {
                                group: group.name(),
                                retry_after: wait,
                            }
                        }
                    };
                    return Err(error.into());
                }
                tokio::time::sleep_until(wake).await;
            };
            let result = inner.oneshot(request).await;
            let seen = result.as_ref().ok().and_then(|r| observed(&r.headers));
            // RingCentral has answered: its answer goes back to the caller even when
            // the bookkeeping fails (turning a done create into an error would invite
            // the caller to do it twice). The slot then simply ages out of the window.
            if let Err(e) = this.store.answered(group.name(), slot, seen).await {
                tracing::warn!(group = group.name(), error = %e, "rate budget not updated after an answer");
            }
            if let Ok(response) = &result
                && response.status == http::StatusCode::TOO_MANY_REQUESTS
            {
                this.hooks.throttled(group);
                let pause = error_body::retry_after(&response.headers)
                    .or(seen.map(|s| s.window))
                    .unwrap_or(this.default_pause);
                tracing::warn!(
                    group = group.name(),
                    pause_s = pause.as_secs(),
                    "RingCentral answered 429; pausing the group"
                );
                if let Err(e) = this.store.penalize(group.name(), pause).await {
                    tracing::warn!(group = group.name(), error = %e, "429 pause not recorded");
                }
            }
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tokio::time::Instant;
    use tower::{Layer, ServiceExt};

    use super::*;
    use crate::stack::layered::Wrap;
    use crate::stack::testing::{answer, answering, request, upstream};
    use rc_spec::ops;
    use rc_store::memory::{GroupLimit, MemoryBudget};

    fn budget(limit: u32, window_s: u64) -> RateBudget {
        let limit = GroupLimit {
            limit,
            window: Duration::from_secs(window_s),
        };
        let store = MemoryBudget::new(&[("Heavy", limit), ("Light", limit)]);
        RateBudget::new(Arc::new(store), Duration::from_secs(60), Arc::new(NoHooks))
    }

    const HEAVY: &ops::Operation = &ops::READ_COMPANY_CALL_LOG;
    const LIGHT: &ops::Operation = &ops::READ_EXTENSION;

    #[tokio::test(start_paused = true)]
    async fn a_call_waits_for_a_slot_and_is_refused_when_none_frees_before_its_deadline() {
        let (inner, calls) = answering(200, Duration::ZERO);
        let service = Wrap(budget(2, 10)).layer(inner);
        for _ in 0..2 {
            service.clone().oneshot(request(HEAVY)).await.unwrap();
        }
        // No slot for 10 s: a caller with one second left is refused at once, with
        // the wait it would have needed, and nothing is sent.
        let mut hurried = request(HEAVY);
        hurried.ctx.deadline = Instant::now() + Duration::from_secs(1);
        let started = Instant::now();
        let refused = service.clone().oneshot(hurried).await.unwrap_err();
        assert!(started.elapsed() < Duration::from_millis(20));
        let UpstreamError::Gateway(error) = refused else {
            panic!("{refused:?}")
        };
        assert!(
            matches!(*error, Error::RateLimited { retry_after, .. } if retry_after == Duration::from_secs(10)),
            "{error:?}"
        );
        assert_eq!(calls.get(), 2);
        // A caller with time to spare waits for the window instead of going out.
        let started = Instant::now();
        service.clone().oneshot(request(HEAVY)).await.unwrap();
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_secs(10)
                && waited <= Duration::from_secs(10) + Duration::from_millis(20),
            "{waited:?}"
        );
        assert_eq!(calls.get(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_pauses_its_whole_group_for_retry_after_and_no_other() {
        let (inner, calls) = upstream(|n, _| {
            Box::pin(async move {
                let mut response = answer(if n == 0 { 429 } else { 200 });
                if n == 0 {
                    response
                        .headers
                        .insert(http::header::RETRY_AFTER, "5".parse().unwrap());
                }
                Ok(response)
            })
        });
        let service = Wrap(budget(100, 60)).layer(inner);
        let throttled = service.clone().oneshot(request(HEAVY)).await.unwrap();
        assert_eq!(throttled.status, 429);
        // Another group goes on at once.
        let started = Instant::now();
        service.clone().oneshot(request(LIGHT)).await.unwrap();
        assert!(started.elapsed() < Duration::from_millis(20));
        // The throttled group sends nothing until Retry-After has passed.
        let started = Instant::now();
        service.clone().oneshot(request(HEAVY)).await.unwrap();
        assert!(
            started.elapsed() >= Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(calls.get(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn ringcentral_s_headers_correct_the_budget() {
        let (inner, _) = upstream(|_, _| {
            Box::pin(async {
                let mut response = answer(200);
                for (name, value) in [
                    ("x-rate-limit-limit", "3"),
                    ("x-rate-limit-remaining", "0"),
                    ("x-rate-limit-window", "30"),
                ] {
                    response.headers.insert(name, value.parse().unwrap());
                }
                Ok(response)
            })
        });
        // The gateway starts out believing 100 per minute...
        let service = Wrap(budget(100, 60)).layer(inner);
        service.clone().oneshot(request(HEAVY)).await.unwrap();
        // ...RingCentral says the group is used up for its 30 s window.
        let started = Instant::now();
        service.clone().oneshot(request(HEAVY)).await.unwrap();
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_secs(30) && waited <= Duration::from_secs(31),
            "{waited:?}"
        );
    }

    #[test]
    fn absurd_windows_are_bounded() {
        let mut headers = HeaderMap::new();
        for (name, value) in [
            ("x-rate-limit-limit", "10"),
            ("x-rate-limit-remaining", "3"),
            ("x-rate-limit-window", "99999999999"),
        ] {
            headers.insert(name, value.parse().unwrap());
        }
        let seen = observed(&headers).unwrap();
        assert_eq!(seen.window, error_body::LONGEST_UPSTREAM_WAIT);
        headers.insert("x-rate-limit-window", "0".parse().unwrap());
        assert_eq!(observed(&headers).unwrap().window, Duration::from_secs(60));
    }
}
