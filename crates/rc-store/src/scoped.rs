//! One account's part of a store that several accounts share: for the stores that
//! keep records under the account's own ids (subscriptions), the account's name goes
//! before each id, so that accounts never see, renew or match each other's records.
//! Redis needs none of this: each account gets its own key prefix
//! ([`crate::redis::Redis::scoped`]).

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use crate::{StoreResult, SubscriptionRecord, SubscriptionStore};

/// Between the account and the id; never part of a RingCentral subscription id.
const SEPARATOR: char = '/';

/// An account's subscriptions in a store shared with other accounts. The default
/// account keeps its records unprefixed (as before accounts existed) and sees no
/// other account's.
pub struct ScopedSubscriptions {
    inner: Arc<dyn SubscriptionStore>,
    /// `"<account>/"`, or empty for the default account.
    prefix: String,
}

impl ScopedSubscriptions {
    pub fn new(inner: Arc<dyn SubscriptionStore>, account: Option<&str>) -> Self {
        ScopedSubscriptions {
            inner,
            prefix: account.map_or_else(String::new, |a| format!("{a}{SEPARATOR}")),
        }
    }

    fn key(&self, id: &str) -> String {
        format!("{}{id}", self.prefix)
    }

    /// The record's own id, if the stored id is this account's.
    fn own(&self, stored: &str) -> Option<String> {
        let id = stored.strip_prefix(&self.prefix)?;
        (!id.contains(SEPARATOR)).then(|| id.to_owned())
    }
}

#[async_trait]
impl SubscriptionStore for ScopedSubscriptions {
    async fn put(&self, record: &SubscriptionRecord) -> StoreResult<()> {
        let mut stored = record.clone();
        stored.id = self.key(&record.id);
        self.inner.put(&stored).await
    }

    async fn get(&self, id: &str) -> StoreResult<Option<SubscriptionRecord>> {
        if id.contains(SEPARATOR) {
            return Ok(None);
        }
        Ok(self.inner.get(&self.key(id)).await?.map(|mut record| {
            record.id = id.to_owned();
            record
        }))
    }

    async fn remove(&self, id: &str) -> StoreResult<()> {
        if id.contains(SEPARATOR) {
            return Ok(());
        }
        self.inner.remove(&self.key(id)).await
    }

    async fn list(&self) -> StoreResult<Vec<SubscriptionRecord>> {
        Ok(self
            .inner
            .list()
            .await?
            .into_iter()
            .filter_map(|mut record| {
                record.id = self.own(&record.id)?;
                Some(record)
            })
            .collect())
    }

    async fn put_pending(&self, token_hash: &str, ttl: Duration) -> StoreResult<()> {
        self.inner.put_pending(&self.key(token_hash), ttl).await
    }

    async fn is_pending(&self, token_hash: &str) -> StoreResult<bool> {
        self.inner.is_pending(&self.key(token_hash)).await
    }

    async fn remove_pending(&self, token_hash: &str) -> StoreResult<()> {
        self.inner.remove_pending(&self.key(token_hash)).await
    }

    async fn try_lease(&self, id: &str, holder: &str, ttl: Duration) -> StoreResult<bool> {
        self.inner.try_lease(&self.key(id), holder, ttl).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::EmbeddedStore;

    fn record(id: &str) -> SubscriptionRecord {
        SubscriptionRecord {
            id: id.to_owned(),
            token_hash: "h".into(),
            event_filters: vec![],
            address: "https://x".into(),
            expires_in: None,
            expires_at_ms: 0,
            created_at_ms: 0,
        }
    }

    #[tokio::test]
    async fn accounts_see_only_their_own_records() {
        let dir = std::env::temp_dir().join(format!("rcgw-scoped-{}", uuid::Uuid::new_v4()));
        let shared: Arc<dyn SubscriptionStore> = EmbeddedStore::open(&dir).unwrap();
        let default = ScopedSubscriptions::new(shared.clone(), None);
        let acme = ScopedSubscriptions::new(shared.clone(), Some("acme"));
        let globex = ScopedSubscriptions::new(shared.clone(), Some("globex"));
        default.put(&record("d1")).await.unwrap();
        acme.put(&record("a1")).await.unwrap();
        globex.put(&record("g1")).await.unwrap();
        let ids =
            |list: Vec<SubscriptionRecord>| list.into_iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids(default.list().await.unwrap()), ["d1"]);
        assert_eq!(ids(acme.list().await.unwrap()), ["a1"]);
        assert_eq!(acme.get("a1").await.unwrap().unwrap().id, "a1");
        assert!(acme.get("g1").await.unwrap().is_none());
        assert!(default.get("a1").await.unwrap().is_none());
        assert!(default.get("acme/a1").await.unwrap().is_none());
        globex.remove("a1").await.unwrap();
        assert!(acme.get("a1").await.unwrap().is_some());
        acme.put_pending("t", Duration::from_secs(5)).await.unwrap();
        assert!(acme.is_pending("t").await.unwrap());
        assert!(!globex.is_pending("t").await.unwrap());
        assert!(!default.is_pending("t").await.unwrap());
        let _ = std::fs::remove_dir_all(dir);
    }
}
