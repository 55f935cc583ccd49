//! Coalescing: identical GETs in flight at the same time share one RingCentral call.
//! A burst of the same read costs one request of the rate budget.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use futures::FutureExt;
use futures::future::{BoxFuture, Shared};
use http::Method;
use tower::ServiceExt;

use super::cache::key;
use super::layered::UpstreamLayer;
use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};

type SharedCall = Shared<BoxFuture<'static, Result<RcResponse, UpstreamError>>>;

/// What coalescing reports (metrics).
pub trait CoalesceHooks: Send + Sync {
    fn joined(&self) {}
}

/// Reports nothing.
pub struct NoHooks;
impl CoalesceHooks for NoHooks {}

#[derive(Clone)]
pub struct Coalesce {
    in_flight: Arc<Mutex<HashMap<String, SharedCall>>>,
    scope: Arc<str>,
    hooks: Arc<dyn CoalesceHooks>,
}

impl Coalesce {
    pub fn new(scope: Arc<str>, hooks: Arc<dyn CoalesceHooks>) -> Self {
        Coalesce {
            in_flight: Arc::default(),
            scope,
            hooks,
        }
    }
}

impl UpstreamLayer for Coalesce {
    fn call(
        &self,
        inner: UpstreamService,
        request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> {
        if request.op.method != Method::GET {
            return Box::pin(inner.oneshot(request));
        }
        let key = key(&self.scope, &request);
        let call = {
            let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
            match in_flight.get(&key) {
                Some(call) => {
                    self.hooks.joined();
                    call.clone()
                }
                None => {
                    // The shared call removes itself when it completes, whichever
                    // caller happens to drive it to the end.
                    let registry = self.in_flight.clone();
                    let own_key = key.clone();
                    let call = async move {
                        let result = inner.oneshot(request).await;
                        registry
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .remove(&own_key);
                        result
                    }
                    .boxed()
                    .shared();
                    in_flight.insert(key, call.clone());
                    call
                }
            }
        };
        Box::pin(call)
    }
}
