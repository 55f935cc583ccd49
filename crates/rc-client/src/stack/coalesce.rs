//! Coalescing: identical GETs in flight at the same time share one RingCentral call.
//! A burst of the same read costs one request of the rate budget.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use futures::FutureExt;
use futures::future::{BoxFuture, WeakShared};
use http::Method;
use tower::ServiceExt;

use super::layered::UpstreamLayer;
use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};

type Call = BoxFuture<'static, Result<RcResponse, UpstreamError>>;

/// The registry holds calls weakly: a call whose callers have all gone away is
/// dropped (and unregisters itself), not kept to be driven later by a new caller
/// with the old caller's deadline.
type Registry = Arc<Mutex<HashMap<Arc<str>, (u64, WeakShared<Call>)>>>;

/// What coalescing reports (metrics).
pub trait CoalesceHooks: Send + Sync {
    fn joined(&self) {}
}

/// Reports nothing.
pub struct NoHooks;
impl CoalesceHooks for NoHooks {}

#[derive(Clone)]
pub struct Coalesce {
    in_flight: Registry,
    next_id: Arc<AtomicU64>,
    scope: Arc<str>,
    hooks: Arc<dyn CoalesceHooks>,
}

impl Coalesce {
    pub fn new(scope: Arc<str>, hooks: Arc<dyn CoalesceHooks>) -> Self {
        Coalesce {
            in_flight: Arc::default(),
            next_id: Arc::default(),
            scope,
            hooks,
        }
    }
}

/// Removes a call's entry when the call completes or is dropped (unless a newer
/// call has taken the key meanwhile).
struct Unregister {
    registry: Registry,
    key: Arc<str>,
    id: u64,
}

impl Drop for Unregister {
    fn drop(&mut self) {
        let mut in_flight = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        if in_flight
            .get(&self.key)
            .is_some_and(|(id, _)| *id == self.id)
        {
            in_flight.remove(&self.key);
        }
    }
}

impl UpstreamLayer for Coalesce {
    fn call(
        &self,
        inner: UpstreamService,
        mut request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> {
        // A streamed answer has one reader: binary answers are not shared.
        if request.op.method != Method::GET || request.op.binary_answer {
            return Box::pin(inner.oneshot(request));
        }
        let key = request.key(&self.scope);
        let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(call) = in_flight.get(&key).and_then(|(_, weak)| weak.upgrade()) {
            drop(in_flight);
            self.hooks.joined();
            return Box::pin(call);
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let unregister = Unregister {
            registry: self.in_flight.clone(),
            key: key.clone(),
            id,
        };
        let call = async move {
            let _unregister = unregister;
            inner.oneshot(request).await
        }
        .boxed()
        .shared();
        if let Some(weak) = call.downgrade() {
            in_flight.insert(key, (id, weak));
        }
        Box::pin(call)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tower::{Layer, ServiceExt};

    use super::*;
    use crate::stack::layered::Wrap;
    use crate::stack::testing::{answering, request};
    use rc_spec::ops;

    fn coalesce() -> Coalesce {
        Coalesce::new(Arc::from("acct-1"), Arc::new(NoHooks))
    }

    #[tokio::test(start_paused = true)]
    async fn identical_reads_in_flight_share_one_call() {
        let (inner, calls) = answering(200, Duration::from_millis(100));
        let service = Wrap(coalesce()).layer(inner);
        let reads = (0..50).map(|_| service.clone().oneshot(request(&ops::READ_EXTENSION)));
        for answer in futures::future::join_all(reads).await {
            assert_eq!(answer.unwrap().status, 200);
        }
        assert_eq!(calls.get(), 1);
        // Done: the next read is a call of its own.
        service
            .clone()
            .oneshot(request(&ops::READ_EXTENSION))
            .await
            .unwrap();
        assert_eq!(calls.get(), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn different_reads_and_writes_are_not_shared() {
        let (inner, calls) = answering(200, Duration::from_millis(100));
        let service = Wrap(coalesce()).layer(inner);
        let mut other = request(&ops::READ_EXTENSION);
        other.path = "/restapi/v1.0/account/~/extension/2".into();
        let mut paged = request(&ops::READ_EXTENSION);
        paged.query = vec![("page".into(), "2".into())];
        let calls_made = [
            request(&ops::READ_EXTENSION),
            other,
            paged,
            request(&ops::UPDATE_EXTENSION),
            request(&ops::UPDATE_EXTENSION),
        ]
        .map(|r| service.clone().oneshot(r));
        futures::future::join_all(calls_made).await;
        assert_eq!(calls.get(), 5);
    }

    #[tokio::test(start_paused = true)]
    async fn a_read_whose_callers_all_left_is_not_handed_to_the_next_caller() {
        let (inner, calls) = answering(200, Duration::from_secs(10));
        let layer = coalesce();
        let service = Wrap(layer.clone()).layer(inner);
        let mut impatient = request(&ops::READ_EXTENSION);
        impatient.ctx.deadline = tokio::time::Instant::now() + Duration::from_millis(50);
        let abandoned = tokio::time::timeout(
            Duration::from_millis(50),
            service.clone().oneshot(impatient),
        )
        .await;
        assert!(abandoned.is_err(), "the caller gave up");
        assert!(
            layer.in_flight.lock().unwrap().is_empty(),
            "the call unregistered"
        );
        let fresh = request(&ops::READ_EXTENSION);
        let deadline = fresh.ctx.deadline;
        service.clone().oneshot(fresh).await.unwrap();
        assert_eq!(calls.get(), 2, "a call of its own");
        assert!(deadline > tokio::time::Instant::now());
    }
}
