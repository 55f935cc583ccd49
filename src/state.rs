//! Where the gateway keeps its state: in memory and the embedded store for a single
//! replica (the default), or in Redis, shared by several replicas (`REDIS_URL`).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use rc_client::config::{Resilience, Secret};

use crate::events::hub::EventHub;
use crate::events::{EventLog, EventsConfig};
use rc_store::Stores;
use rc_store::embedded::EmbeddedStore;
use rc_store::memory::{GroupLimit, MemoryBudget, MemoryCache};
use rc_store::redis::event_log::RedisLog;
use rc_store::redis::{
    Redis, RedisBudget, RedisCache, RedisCallerTokens, RedisIdempotency, RedisSubscriptions,
    RedisTokens,
};

/// Shared state for several replicas.
#[derive(Clone)]
pub struct RedisConfig {
    pub url: Secret,
    pub prefix: String,
    /// Connect and command timeout.
    pub timeout: Duration,
}

impl std::fmt::Debug for RedisConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisConfig")
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// Why the state could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The embedded store's directory.
    #[error("{0}")]
    DataDir(String),
    /// Redis, configured and unreachable.
    #[error("{0} (with Redis configured, the gateway needs it to start)")]
    Redis(String),
}

enum Kind {
    Embedded(Arc<EmbeddedStore>),
    Redis {
        redis: Box<Redis>,
        log: Arc<RedisLog>,
    },
}

/// The opened state of a gateway.
pub struct Backend {
    /// The stores of the default account (a gateway of one account: all of them).
    pub stores: Stores,
    kind: Kind,
}

fn limits(r: &Resilience) -> Vec<(rc_store::Group, GroupLimit)> {
    r.limits
        .iter()
        .map(|(group, limit)| {
            (
                group.name(),
                GroupLimit {
                    limit: *limit,
                    window: r.window,
                },
            )
        })
        .collect()
}

impl Backend {
    /// Opens the configured state; an unreachable Redis stops the start.
    pub async fn open(
        redis: Option<&RedisConfig>,
        events: &EventsConfig,
        r: &Resilience,
    ) -> Result<Self, OpenError> {
        let Some(redis_config) = redis else {
            let embedded = EmbeddedStore::open(&events.data_dir)
                .map_err(|e| OpenError::DataDir(e.to_string()))?;
            let stores = Stores {
                budget: Arc::new(MemoryBudget::new(&limits(r))),
                cache: Arc::new(MemoryCache::new(r.cache_max_entries)),
                idempotency: embedded.clone(),
                // Unprefixed, as before accounts existed, and blind to other accounts'.
                subscriptions: Arc::new(rc_store::scoped::ScopedSubscriptions::new(
                    embedded.clone(),
                    None,
                )),
                events: embedded.clone(),
                caller_tokens: embedded.clone(),
                sessions: None,
            };
            return Ok(Backend {
                stores,
                kind: Kind::Embedded(embedded),
            });
        };
        let redis = Redis::connect(
            redis_config.url.expose(),
            &redis_config.prefix,
            redis_config.timeout,
        )
        .await
        .map_err(|e| OpenError::Redis(e.to_string()))?;
        let log = Arc::new(RedisLog::new(
            redis.clone(),
            events.retention,
            events.max_events,
        ));
        let stores = Stores {
            budget: Arc::new(RedisBudget::new(redis.clone(), &limits(r))),
            cache: Arc::new(RedisCache::new(redis.clone())),
            idempotency: Arc::new(RedisIdempotency::new(redis.clone())),
            subscriptions: Arc::new(RedisSubscriptions::new(redis.clone())),
            events: log.clone(),
            caller_tokens: Arc::new(RedisCallerTokens::new(redis.clone())),
            sessions: Some(Arc::new(RedisTokens::new(redis.clone()))),
        };
        tracing::info!(prefix = %redis_config.prefix, "shared state in Redis");
        Ok(Backend {
            stores,
            kind: Kind::Redis {
                redis: Box::new(redis),
                log,
            },
        })
    }

    pub fn log(&self) -> Arc<dyn EventLog> {
        self.stores.events.clone()
    }

    /// The stores of one account of several. Its rate budget, cache, subscriptions,
    /// session and idempotency records are its own (Redis: under its own key prefix;
    /// one replica: its own budget and cache, its records apart in the shared store);
    /// the event log (each event tagged with its account) and the callers' tokens of
    /// the compatible endpoint (each bound to its account) are shared.
    pub fn stores_for(&self, account: &str, r: &Resilience) -> Stores {
        let base = &self.stores;
        match &self.kind {
            Kind::Embedded(embedded) => Stores {
                budget: Arc::new(MemoryBudget::new(&limits(r))),
                cache: Arc::new(MemoryCache::new(r.cache_max_entries)),
                idempotency: base.idempotency.clone(),
                subscriptions: Arc::new(rc_store::scoped::ScopedSubscriptions::new(
                    embedded.clone(),
                    Some(account),
                )),
                events: base.events.clone(),
                caller_tokens: base.caller_tokens.clone(),
                sessions: None,
            },
            Kind::Redis { redis, .. } => {
                let scoped = redis.scoped(&format!("account:{account}"));
                Stores {
                    budget: Arc::new(RedisBudget::new(scoped.clone(), &limits(r))),
                    cache: Arc::new(RedisCache::new(scoped.clone())),
                    idempotency: Arc::new(RedisIdempotency::new(scoped.clone())),
                    subscriptions: Arc::new(RedisSubscriptions::new(scoped.clone())),
                    events: base.events.clone(),
                    caller_tokens: base.caller_tokens.clone(),
                    sessions: Some(Arc::new(RedisTokens::new(scoped))),
                }
            }
        }
    }

    /// Where the accounts added through the admin API are kept.
    pub fn accounts(&self) -> Arc<dyn rc_store::AccountStore> {
        match &self.kind {
            Kind::Embedded(embedded) => embedded.clone(),
            Kind::Redis { redis, .. } => {
                Arc::new(rc_store::redis::RedisAccounts::new((**redis).clone()))
            }
        }
    }

    /// Feeds `hub` with new events for as long as the gateway runs.
    pub fn feed(
        &self,
        hub: Arc<EventHub>,
        tasks: &mut tokio::task::JoinSet<()>,
        shutdown: &CancellationToken,
    ) {
        match &self.kind {
            Kind::Embedded(embedded) => {
                // Weak: the store must not keep the hub (and, through its log, itself)
                // alive once the gateway is gone.
                let hub = Arc::downgrade(&hub);
                embedded.set_publisher(Arc::new(move |events| {
                    if let Some(hub) = hub.upgrade() {
                        hub.publish(events);
                    }
                }));
            }
            Kind::Redis { redis, log } => {
                tasks.spawn(log.clone().tail(hub, shutdown.clone()));
                tasks.spawn((**redis).clone().watch_health(shutdown.clone()));
            }
        }
    }

    /// `false` while shared state is unreachable (`None`: state is local).
    pub fn health(&self) -> Option<Arc<AtomicBool>> {
        match &self.kind {
            Kind::Embedded(_) => None,
            Kind::Redis { redis, .. } => Some(redis.health_flag()),
        }
    }
}
