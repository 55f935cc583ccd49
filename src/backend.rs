//! Where the gateway keeps its state: in memory and the embedded store for a single
//! replica (the default), or in Redis, shared by several replicas (`REDIS_URL`).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use tokio_util::sync::CancellationToken;

use crate::config::{Config, var};
use crate::events::EventLog;
use crate::events::hub::EventHub;
use crate::server::StartError;
use rc_store::Stores;
use rc_store::embedded::EmbeddedStore;
use rc_store::memory::{GroupLimit, MemoryBudget, MemoryCache};
use rc_store::redis::event_log::RedisLog;
use rc_store::redis::{
    Redis, RedisBudget, RedisCache, RedisIdempotency, RedisSubscriptions, RedisTokens,
};

enum Kind {
    Embedded(Arc<EmbeddedStore>),
    Redis {
        redis: Box<Redis>,
        log: Arc<RedisLog>,
    },
}

/// The opened state of a gateway.
pub struct Backend {
    pub stores: Stores,
    kind: Kind,
}

fn limits(config: &Config) -> Vec<(rc_store::Group, GroupLimit)> {
    let r = &config.upstream.resilience;
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
    pub async fn open(config: &Config) -> Result<Self, StartError> {
        let Some(redis_config) = &config.redis else {
            let embedded =
                EmbeddedStore::open(&config.events.data_dir).map_err(|e| StartError::Setting {
                    var: var::DATA_DIR,
                    message: e.to_string(),
                })?;
            let r = &config.upstream.resilience;
            let stores = Stores {
                budget: Arc::new(MemoryBudget::new(&limits(config))),
                cache: Arc::new(MemoryCache::new(r.cache_max_entries)),
                idempotency: embedded.clone(),
                subscriptions: embedded.clone(),
                events: embedded.clone(),
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
        .map_err(|e| {
            StartError::SharedState(format!(
                "{e} (with {} set, the gateway needs Redis to start)",
                var::REDIS_URL
            ))
        })?;
        let log = Arc::new(RedisLog::new(
            redis.clone(),
            config.events.retention,
            config.events.max_events,
        ));
        let stores = Stores {
            budget: Arc::new(RedisBudget::new(redis.clone(), &limits(config))),
            cache: Arc::new(RedisCache::new(redis.clone())),
            idempotency: Arc::new(RedisIdempotency::new(redis.clone())),
            subscriptions: Arc::new(RedisSubscriptions::new(redis.clone())),
            events: log.clone(),
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

    /// Feeds `hub` with new events for as long as the gateway runs.
    pub fn feed(
        &self,
        hub: Arc<EventHub>,
        tasks: &mut tokio::task::JoinSet<()>,
        shutdown: &CancellationToken,
    ) {
        match &self.kind {
            Kind::Embedded(embedded) => {
                embedded.set_publisher(Arc::new(move |events| hub.publish(events)));
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
