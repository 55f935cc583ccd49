//! Subscription bookkeeping in Redis: records in one hash (every replica's ingress
//! checks verification tokens against them), pending tokens with a TTL, and upkeep
//! leases that exactly one replica holds at a time.

use std::sync::LazyLock;
use std::time::Duration;

use async_trait::async_trait;
use redis::{AsyncCommands, Script};

use super::{Redis, error};
use crate::{StoreError, StoreResult, SubscriptionRecord, SubscriptionStore};

/// KEYS: lease. ARGV: holder, ttl (ms). Takes a free lease or extends one's own.
static LEASE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
"#,
    )
});

pub struct RedisSubscriptions {
    redis: Redis,
}

impl RedisSubscriptions {
    pub fn new(redis: Redis) -> Self {
        RedisSubscriptions { redis }
    }

    fn records(&self) -> String {
        self.redis.key(&["subs"])
    }
}

fn parse(json: &str) -> StoreResult<SubscriptionRecord> {
    serde_json::from_str(json).map_err(|e| StoreError(format!("bad subscription record: {e}")))
}

#[async_trait]
impl SubscriptionStore for RedisSubscriptions {
    async fn put(&self, record: &SubscriptionRecord) -> StoreResult<()> {
        let json = serde_json::to_string(record).map_err(|e| StoreError(e.to_string()))?;
        self.redis
            .conn()
            .hset::<_, _, _, ()>(self.records(), &record.id, json)
            .await
            .map_err(error)
    }

    async fn get(&self, id: &str) -> StoreResult<Option<SubscriptionRecord>> {
        let json: Option<String> = self
            .redis
            .conn()
            .hget(self.records(), id)
            .await
            .map_err(error)?;
        json.as_deref().map(parse).transpose()
    }

    async fn remove(&self, id: &str) -> StoreResult<()> {
        self.redis
            .conn()
            .hdel::<_, _, ()>(self.records(), id)
            .await
            .map_err(error)
    }

    async fn list(&self) -> StoreResult<Vec<SubscriptionRecord>> {
        let all: Vec<String> = self
            .redis
            .conn()
            .hvals(self.records())
            .await
            .map_err(error)?;
        all.iter().map(|j| parse(j)).collect()
    }

    async fn put_pending(&self, token_hash: &str, ttl: Duration) -> StoreResult<()> {
        self.redis
            .conn()
            .pset_ex::<_, _, ()>(
                self.redis.key(&["subs", "pending", token_hash]),
                1,
                ttl.as_millis().max(1) as u64,
            )
            .await
            .map_err(error)
    }

    async fn is_pending(&self, token_hash: &str) -> StoreResult<bool> {
        self.redis
            .conn()
            .exists(self.redis.key(&["subs", "pending", token_hash]))
            .await
            .map_err(error)
    }

    async fn remove_pending(&self, token_hash: &str) -> StoreResult<()> {
        self.redis
            .conn()
            .del::<_, ()>(self.redis.key(&["subs", "pending", token_hash]))
            .await
            .map_err(error)
    }

    async fn try_lease(&self, id: &str, holder: &str, ttl: Duration) -> StoreResult<bool> {
        let held: i64 = LEASE
            .key(self.redis.key(&["subs", "lease", id]))
            .arg(holder)
            .arg(ttl.as_millis().max(1) as u64)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(held == 1)
    }
}
