//! The read cache: successful GET answers are kept for their resource's TTL and
//! dropped when the gateway itself changes that resource (or one that shows in it).
//! Keys carry the account scope, so one account's data never answers another's call.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use http::Method;
use tower::ServiceExt;

use super::layered::UpstreamLayer;
use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};
use rc_store::{CacheStore, Lookup};

/// Time to live per resource family; zero disables caching of that family.
#[derive(Clone, Debug, Default)]
pub struct CacheTtls {
    pub default: Duration,
    pub by_resource: HashMap<&'static str, Duration>,
}

impl CacheTtls {
    pub fn ttl(&self, resource: &str) -> Duration {
        self.by_resource
            .get(resource)
            .copied()
            .unwrap_or(self.default)
    }
}

/// The resource families whose cached answers a write to `resource` makes stale: its
/// own, and those that show what it holds.
pub fn invalidated_by(resource: &'static str) -> std::borrow::Cow<'static, [&'static str]> {
    use std::borrow::Cow;
    match resource {
        // A queue is an extension; extensions show in queue members and numbers.
        "extensions" | "call-queues" => {
            Cow::Borrowed(&["extensions", "call-queues", "phone-numbers"])
        }
        // Extensions and queues show their site's name.
        "sites" => Cow::Borrowed(&["sites", "extensions", "call-queues"]),
        "oauth" => Cow::Borrowed(&[]),
        other => Cow::Owned(vec![other]),
    }
}

/// What the cache reports (metrics).
pub trait CacheHooks: Send + Sync {
    fn hit(&self, _resource: &'static str) {}
    fn miss(&self, _resource: &'static str) {}
}

/// Reports nothing.
pub struct NoHooks;
impl CacheHooks for NoHooks {}

#[derive(Clone)]
pub struct Cache {
    store: Arc<dyn CacheStore>,
    ttls: Arc<CacheTtls>,
    scope: Arc<str>,
    hooks: Arc<dyn CacheHooks>,
}

impl Cache {
    pub fn new(
        store: Arc<dyn CacheStore>,
        ttls: CacheTtls,
        scope: Arc<str>,
        hooks: Arc<dyn CacheHooks>,
    ) -> Self {
        Cache {
            store,
            ttls: Arc::new(ttls),
            scope,
            hooks,
        }
    }
}

/// The cache (and coalescing) key of a GET: account scope, path and query.
pub fn key(scope: &str, request: &RcRequest) -> String {
    let mut key = String::with_capacity(scope.len() + request.path.len() + 32);
    key.push_str(scope);
    key.push('|');
    key.push_str(&request.path);
    if !request.query.is_empty() {
        // Escaped as on the wire: no value (`1&b=2`) can make two queries one key.
        key.push('?');
        let start = key.len();
        form_urlencoded::Serializer::for_suffix(&mut key, start)
            .extend_pairs(request.query.iter().map(|(k, v)| (k.as_ref(), v.as_str())))
            .finish();
    }
    key
}

/// How long a replica may hold the fetch of a key while others wait for it.
const CLAIM_LEASE: Duration = Duration::from_secs(5);

impl Cache {
    /// Polls the cache for the answer another replica is fetching, until `lease`
    /// passes; `None` then, and the caller fetches itself.
    async fn wait_for(
        &self,
        key: &str,
        resource: &'static str,
        lease: Duration,
    ) -> Option<RcResponse> {
        let give_up = tokio::time::Instant::now() + lease;
        let mut pause = Duration::from_millis(5);
        while tokio::time::Instant::now() < give_up {
            tokio::time::sleep(pause).await;
            if let Ok(Some(answer)) = self.store.get(key, resource).await.map(|l| l.hit) {
                return Some(answer);
            }
            // The claim is gone: the holder stored its answer just before releasing it
            // (look once more), or its fetch ended without one to share (an error, a 404).
            if !matches!(self.store.is_claimed(key).await, Ok(true)) {
                return self.store.get(key, resource).await.ok().and_then(|l| l.hit);
            }
            pause = (pause * 2).min(Duration::from_millis(100));
        }
        None
    }
}

impl UpstreamLayer for Cache {
    fn call(
        &self,
        inner: UpstreamService,
        mut request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> {
        let this = self.clone();
        Box::pin(async move {
            let resource = request.op.resource;
            if request.op.method != Method::GET {
                let response = inner.oneshot(request).await?;
                if response.status.is_success() {
                    let stale = invalidated_by(resource);
                    if !stale.is_empty()
                        && let Err(err) = this.store.invalidate(&stale).await
                    {
                        tracing::warn!(error = %err, "could not invalidate cached answers");
                    }
                }
                return Ok(response);
            }
            // Binary answers (recordings, audio) are streamed through, never kept.
            if request.op.binary_answer {
                return inner.oneshot(request).await;
            }
            let ttl = this.ttls.ttl(resource);
            // A caller asking for fresh data gets it straight from RingCentral.
            if ttl.is_zero() || request.ctx.bypass_cache {
                return inner.oneshot(request).await;
            }
            let key = request.key(&this.scope);
            let mut generation = match this.store.get(&key, resource).await {
                Ok(Lookup { hit: Some(hit), .. }) => {
                    this.hooks.hit(resource);
                    return Ok(hit);
                }
                Ok(Lookup { generation, .. }) => {
                    this.hooks.miss(resource);
                    Some(generation)
                }
                // A cache that cannot be read is skipped, not fatal.
                Err(err) => {
                    tracing::warn!(error = %err, "cache unavailable; asking RingCentral");
                    None
                }
            };
            // Several replicas: one fetches, the others wait for its answer.
            let lease = CLAIM_LEASE.min(request.ctx.remaining());
            match this.store.claim(&key, lease).await {
                Ok(false) => {
                    if let Some(answer) = this.wait_for(&key, resource, lease).await {
                        this.hooks.hit(resource);
                        return Ok(answer);
                    }
                }
                // The replica that held the claim may have stored its answer between
                // this replica's lookup and its claim: then there is nothing to fetch.
                Ok(true) if this.store.shared() => {
                    if let Ok(lookup) = this.store.get(&key, resource).await {
                        if let Some(hit) = lookup.hit {
                            let _ = this.store.release(&key).await;
                            this.hooks.hit(resource);
                            return Ok(hit);
                        }
                        generation = Some(lookup.generation);
                    }
                }
                _ => {}
            }
            let response = inner.oneshot(request).await;
            if let (Ok(response), Some(generation)) = (&response, generation)
                && response.status.is_success()
                && let Err(err) = this
                    .store
                    .put(&key, resource, response, ttl, generation)
                    .await
            {
                tracing::warn!(error = %err, "could not cache an answer");
            }
            let _ = this.store.release(&key).await;
            response
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use tokio::sync::Notify;
    use tower::{Layer, ServiceExt};

    use super::*;
    use crate::stack::layered::Wrap;
    use crate::stack::testing::{answer, answering, request, upstream};
    use rc_spec::ops;
    use rc_store::memory::MemoryCache;

    fn cache(store: &Arc<MemoryCache>, scope: &str) -> Cache {
        Cache::new(
            store.clone(),
            CacheTtls {
                default: Duration::from_secs(30),
                by_resource: HashMap::from([("sites", Duration::ZERO)]),
            },
            Arc::from(scope),
            Arc::new(NoHooks),
        )
    }

    const READ: &ops::Operation = &ops::READ_EXTENSION;
    const UPDATE: &ops::Operation = &ops::UPDATE_EXTENSION;

    #[tokio::test(start_paused = true)]
    async fn reads_are_answered_from_the_cache_until_the_ttl() {
        let store = Arc::new(MemoryCache::new(100));
        let (inner, calls) = answering(200, Duration::ZERO);
        let service = Wrap(cache(&store, "acct-1")).layer(inner);
        for _ in 0..3 {
            assert_eq!(
                service.clone().oneshot(request(READ)).await.unwrap().status,
                200
            );
        }
        assert_eq!(calls.get(), 1);
        tokio::time::advance(Duration::from_secs(31)).await;
        service.clone().oneshot(request(READ)).await.unwrap();
        assert_eq!(calls.get(), 2);
    }

    #[tokio::test]
    async fn failures_fresh_reads_and_uncached_resources_go_to_ringcentral() {
        let store = Arc::new(MemoryCache::new(100));
        let (inner, calls) = answering(404, Duration::ZERO);
        let service = Wrap(cache(&store, "acct-1")).layer(inner);
        service.clone().oneshot(request(READ)).await.unwrap();
        service.clone().oneshot(request(READ)).await.unwrap();
        assert_eq!(calls.get(), 2, "a 404 is not kept");

        let (inner, calls) = answering(200, Duration::ZERO);
        let service = Wrap(cache(&store, "acct-1")).layer(inner);
        service.clone().oneshot(request(READ)).await.unwrap();
        let mut fresh = request(READ);
        fresh.ctx.bypass_cache = true;
        service.clone().oneshot(fresh).await.unwrap();
        assert_eq!(calls.get(), 2, "no-cache asks RingCentral");
        // A TTL of zero turns caching off for that resource.
        for _ in 0..2 {
            service
                .clone()
                .oneshot(request(&ops::READ_SITE))
                .await
                .unwrap();
        }
        assert_eq!(calls.get(), 4);
    }

    #[tokio::test]
    async fn one_account_never_sees_another_s_answers() {
        let store = Arc::new(MemoryCache::new(100));
        let (inner, calls) = answering(200, Duration::ZERO);
        let first = Wrap(cache(&store, "acct-1")).layer(inner.clone());
        let second = Wrap(cache(&store, "acct-2")).layer(inner);
        first.clone().oneshot(request(READ)).await.unwrap();
        second.clone().oneshot(request(READ)).await.unwrap();
        assert_eq!(calls.get(), 2);
        first.clone().oneshot(request(READ)).await.unwrap();
        assert_eq!(calls.get(), 2);
    }

    #[tokio::test]
    async fn a_write_drops_what_it_makes_stale() {
        let store = Arc::new(MemoryCache::new(100));
        let (inner, calls) = answering(200, Duration::ZERO);
        let service = Wrap(cache(&store, "acct-1")).layer(inner);
        service.clone().oneshot(request(READ)).await.unwrap();
        service.clone().oneshot(request(UPDATE)).await.unwrap();
        service.clone().oneshot(request(READ)).await.unwrap();
        assert_eq!(calls.get(), 3, "the read after the write asks RingCentral");
        // A failed write changes nothing.
        let (failing, _) = answering(400, Duration::ZERO);
        Wrap(cache(&store, "acct-1"))
            .layer(failing)
            .oneshot(request(UPDATE))
            .await
            .unwrap();
        service.clone().oneshot(request(READ)).await.unwrap();
        assert_eq!(calls.get(), 3);
    }

    #[tokio::test]
    async fn an_answer_read_before_a_write_is_not_kept_after_it() {
        let store = Arc::new(MemoryCache::new(100));
        let release = Arc::new(Notify::new());
        let gate = release.clone();
        let (inner, calls) = upstream(move |n, _| {
            let gate = gate.clone();
            Box::pin(async move {
                if n == 0 {
                    // The first read is slow: a write completes meanwhile.
                    gate.notified().await;
                }
                Ok(answer(200))
            })
        });
        let service = Wrap(cache(&store, "acct-1")).layer(inner);
        let slow_read = tokio::spawn(service.clone().oneshot(request(READ)));
        tokio::task::yield_now().await;
        while calls.get() == 0 {
            tokio::task::yield_now().await;
        }
        service.clone().oneshot(request(UPDATE)).await.unwrap();
        release.notify_one();
        slow_read.await.unwrap().unwrap();
        service.clone().oneshot(request(READ)).await.unwrap();
        assert_eq!(calls.get(), 3, "the pre-write answer was not cached");
    }
}
