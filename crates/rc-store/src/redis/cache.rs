//! The read cache in Redis. Invalidation bumps a generation per resource instead of
//! scanning keys: an entry is stored under its resource's generation at write time, so
//! a bump makes every older entry unreachable at once (their TTLs clean them up).
//! Keys are SHA-256 hashes of the cache key, bounded in length whatever the query.

use std::sync::LazyLock;
use std::time::Duration;

use async_trait::async_trait;
use redis::Script;
use sha2::{Digest, Sha256};

use super::{Redis, error};
use crate::Answer;
use crate::{CacheStore, Lookup, StoreResult};

// The entry's key is built in the script from the generation it reads; a single Redis
// node allows that, Redis Cluster would not.
/// KEYS: generations. ARGV: resource, entry key stem. Returns (generation, entry).
static GET: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local gen = redis.call('HGET', KEYS[1], ARGV[1]) or '0'
return {tonumber(gen), redis.call('GET', ARGV[2] .. ':' .. gen)}
"#,
    )
});

/// KEYS: generations. ARGV: resource, entry key stem, value, ttl (ms), the generation
/// the fetch started in. An answer fetched before a write is not stored after it.
static PUT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local gen = redis.call('HGET', KEYS[1], ARGV[1]) or '0'
if gen ~= ARGV[5] then return 0 end
redis.call('SET', ARGV[2] .. ':' .. gen, ARGV[3], 'PX', ARGV[4])
return 1
"#,
    )
});

/// KEYS: claim. ARGV: holder. Deletes the claim only if this replica holds it.
static RELEASE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"#,
    )
});

pub struct RedisCache {
    redis: Redis,
    holder: String,
}

impl RedisCache {
    pub fn new(redis: Redis) -> Self {
        RedisCache {
            redis,
            holder: uuid::Uuid::new_v4().to_string(),
        }
    }

    fn hashed(key: &str) -> String {
        hex::encode(Sha256::digest(key.as_bytes()))
    }

    fn stem(&self, resource: &str, key: &str) -> String {
        self.redis
            .key(&["cache", "e", resource, &Self::hashed(key)])
    }
}

#[async_trait]
impl CacheStore for RedisCache {
    async fn get(&self, key: &str, resource: &'static str) -> StoreResult<Lookup> {
        let (generation, value): (u64, Option<Vec<u8>>) = GET
            .key(self.redis.key(&["cache", "gen"]))
            .arg(resource)
            .arg(self.stem(resource, key))
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(Lookup {
            hit: value.as_deref().and_then(Answer::decode),
            generation,
        })
    }

    async fn put(
        &self,
        key: &str,
        resource: &'static str,
        response: &Answer,
        ttl: Duration,
        generation: u64,
    ) -> StoreResult<bool> {
        let stored: i64 = PUT
            .key(self.redis.key(&["cache", "gen"]))
            .arg(resource)
            .arg(self.stem(resource, key))
            .arg(Answer::encode(response))
            .arg(ttl.as_millis().max(1) as u64)
            .arg(generation)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(stored == 1)
    }

    fn shared(&self) -> bool {
        true
    }

    async fn invalidate(&self, resources: &[&'static str]) -> StoreResult<()> {
        let mut pipe = redis::pipe();
        let generations = self.redis.key(&["cache", "gen"]);
        for resource in resources {
            pipe.hincr(&generations, *resource, 1).ignore();
        }
        pipe.query_async::<()>(&mut self.redis.conn())
            .await
            .map_err(error)
    }

    async fn claim(&self, key: &str, lease: Duration) -> StoreResult<bool> {
        let claimed: Option<String> = redis::cmd("SET")
            .arg(self.redis.key(&["cache", "claim", &Self::hashed(key)]))
            .arg(&self.holder)
            .arg("NX")
            .arg("PX")
            .arg(lease.as_millis().max(1) as u64)
            .query_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(claimed.is_some())
    }

    async fn is_claimed(&self, key: &str) -> StoreResult<bool> {
        redis::cmd("EXISTS")
            .arg(self.redis.key(&["cache", "claim", &Self::hashed(key)]))
            .query_async(&mut self.redis.conn())
            .await
            .map_err(error)
    }

    async fn release(&self, key: &str) -> StoreResult<()> {
        let _: i64 = RELEASE
            .key(self.redis.key(&["cache", "claim", &Self::hashed(key)]))
            .arg(&self.holder)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(())
    }
}
