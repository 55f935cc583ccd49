//! The accounts added through the admin API, in one Redis hash that every replica
//! reads (sealed: Redis holds no credentials in the clear).

use async_trait::async_trait;
use redis::AsyncCommands;

use super::{Redis, error};
use crate::{AccountStore, StoreError, StoreResult, StoredAccount};

pub struct RedisAccounts {
    redis: Redis,
}

impl RedisAccounts {
    pub fn new(redis: Redis) -> Self {
        RedisAccounts { redis }
    }

    fn hash(&self) -> String {
        self.redis.key(&["accounts"])
    }
}

#[async_trait]
impl AccountStore for RedisAccounts {
    async fn list(&self) -> StoreResult<Vec<StoredAccount>> {
        let all: Vec<String> = self.redis.conn().hvals(self.hash()).await.map_err(error)?;
        all.iter()
            .map(|json| {
                serde_json::from_str(json)
                    .map_err(|e| StoreError(format!("bad account record: {e}")))
            })
            .collect()
    }

    async fn get(&self, id: &str) -> StoreResult<Option<StoredAccount>> {
        let json: Option<String> = self
            .redis
            .conn()
            .hget(self.hash(), id)
            .await
            .map_err(error)?;
        json.map(|json| {
            serde_json::from_str(&json).map_err(|e| StoreError(format!("bad account record: {e}")))
        })
        .transpose()
    }

    async fn put(&self, account: &StoredAccount) -> StoreResult<()> {
        let json = serde_json::to_string(account).map_err(|e| StoreError(e.to_string()))?;
        self.redis
            .conn()
            .hset::<_, _, _, ()>(self.hash(), &account.id, json)
            .await
            .map_err(error)
    }

    async fn remove(&self, id: &str) -> StoreResult<bool> {
        let removed: i64 = self
            .redis
            .conn()
            .hdel(self.hash(), id)
            .await
            .map_err(error)?;
        Ok(removed > 0)
    }
}
