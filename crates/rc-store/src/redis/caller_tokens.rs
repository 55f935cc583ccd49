//! The caller tokens of the RingCentral-compatible endpoint in Redis: one key per
//! token hash, expiring with the token, so that every replica knows every token.

use async_trait::async_trait;
use redis::AsyncCommands;

use super::{Redis, error};
use crate::events::now_ms;
use crate::{CallerToken, CallerTokenStore, StoreError, StoreResult};

pub struct RedisCallerTokens {
    redis: Redis,
}

impl RedisCallerTokens {
    pub fn new(redis: Redis) -> Self {
        RedisCallerTokens { redis }
    }

    fn key(&self, hash: &str) -> String {
        self.redis.key(&["caller-token", hash])
    }
}

fn decode(value: Option<Vec<u8>>) -> StoreResult<Option<CallerToken>> {
    value
        .map(|v| serde_json::from_slice::<CallerToken>(&v).map_err(|e| StoreError(e.to_string())))
        .transpose()
        .map(|t| t.filter(|t| t.expires_at_ms > now_ms()))
}

#[async_trait]
impl CallerTokenStore for RedisCallerTokens {
    async fn save(&self, hash: &str, token: &CallerToken) -> StoreResult<()> {
        let ttl = token.expires_at_ms.saturating_sub(now_ms()).max(1);
        let bytes = serde_json::to_vec(token).map_err(|e| StoreError(e.to_string()))?;
        self.redis
            .conn()
            .pset_ex::<_, _, ()>(self.key(hash), bytes, ttl)
            .await
            .map_err(error)
    }

    async fn lookup(&self, hash: &str) -> StoreResult<Option<CallerToken>> {
        let value: Option<Vec<u8>> = self.redis.conn().get(self.key(hash)).await.map_err(error)?;
        decode(value)
    }

    async fn take(&self, hash: &str) -> StoreResult<Option<CallerToken>> {
        let value: Option<Vec<u8>> = self
            .redis
            .conn()
            .get_del(self.key(hash))
            .await
            .map_err(error)?;
        decode(value)
    }
}
