//! The shared RingCentral session in Redis: one hash, and a lock that the renewing
//! replica holds while its grant is in flight. The tokens sit in Redis as they sit in
//! the gateway's memory: keep Redis private (AUTH, network policy).

use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::Duration;

use async_trait::async_trait;
use redis::{AsyncCommands, Script};

use super::{Redis, error};
use crate::{SessionStore, SharedSession, StoreResult};

/// KEYS: lock. ARGV: holder.
static UNLOCK: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"#,
    )
});

/// KEYS: session. ARGV: generation. Marks the access token expired and keeps the
/// refresh token: the replica that renews next refreshes instead of logging in.
static FORGET: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
if redis.call('HGET', KEYS[1], 'generation') == ARGV[1] then
  return redis.call('HSET', KEYS[1], 'expires_at_ms', 0)
end
return 0
"#,
    )
});

pub struct RedisTokens {
    redis: Redis,
}

impl RedisTokens {
    pub fn new(redis: Redis) -> Self {
        RedisTokens { redis }
    }

    fn session(&self) -> String {
        self.redis.key(&["oauth", "session"])
    }
}

#[async_trait]
impl SessionStore for RedisTokens {
    async fn load(&self) -> StoreResult<Option<SharedSession>> {
        let fields: HashMap<String, String> = self
            .redis
            .conn()
            .hgetall(self.session())
            .await
            .map_err(error)?;
        let number = |k: &str| fields.get(k).and_then(|v| v.parse::<u64>().ok());
        Ok(
            match (fields.get("access_token"), number("expires_at_ms")) {
                (Some(access), Some(expires_at_ms)) => Some(SharedSession {
                    access_token: access.clone(),
                    expires_at_ms,
                    refresh_token: fields
                        .get("refresh_token")
                        .filter(|r| !r.is_empty())
                        .cloned(),
                    refresh_expires_at_ms: number("refresh_expires_at_ms").unwrap_or(0),
                    generation: number("generation").unwrap_or(0),
                }),
                _ => None,
            },
        )
    }

    async fn save(&self, session: &SharedSession) -> StoreResult<()> {
        let key = self.session();
        let until = session.refresh_expires_at_ms.max(session.expires_at_ms);
        redis::pipe()
            .atomic()
            .del(&key)
            .ignore()
            .hset_multiple(
                &key,
                &[
                    ("access_token", session.access_token.clone()),
                    ("expires_at_ms", session.expires_at_ms.to_string()),
                    (
                        "refresh_token",
                        session.refresh_token.clone().unwrap_or_default(),
                    ),
                    (
                        "refresh_expires_at_ms",
                        session.refresh_expires_at_ms.to_string(),
                    ),
                    ("generation", session.generation.to_string()),
                ],
            )
            .ignore()
            .cmd("PEXPIREAT")
            .arg(&key)
            .arg(until)
            .ignore()
            .query_async::<()>(&mut self.redis.conn())
            .await
            .map_err(error)
    }

    async fn lock(&self, holder: &str, ttl: Duration) -> StoreResult<bool> {
        let taken: Option<String> = redis::cmd("SET")
            .arg(self.redis.key(&["oauth", "lock"]))
            .arg(holder)
            .arg("NX")
            .arg("PX")
            .arg(ttl.as_millis().max(1) as u64)
            .query_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(taken.is_some())
    }

    async fn unlock(&self, holder: &str) -> StoreResult<()> {
        let _: i64 = UNLOCK
            .key(self.redis.key(&["oauth", "lock"]))
            .arg(holder)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(())
    }

    async fn forget(&self, generation: u64) -> StoreResult<()> {
        let _: i64 = FORGET
            .key(self.session())
            .arg(generation)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(())
    }
}
