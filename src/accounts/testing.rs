//! A registry of one account over an embedded store, for the tests of the layers
//! above the accounts (transcoding, ingress): its client never reaches anything.

use std::sync::Arc;
use std::time::Duration;

use super::{Account, Registry, name};
use crate::webhooks::{KeeperConfig, SubscriptionKeeper};
use rc_store::embedded::EmbeddedStore;

/// The default account over `store` (its subscriptions, events and idempotency).
pub fn registry(store: Arc<EmbeddedStore>) -> Arc<Registry> {
    let config = crate::config::Config::from_lookup(|_| None, true).expect("defaults");
    let stores = rc_store::Stores {
        budget: Arc::new(rc_store::memory::MemoryBudget::new(&[])),
        cache: Arc::new(rc_store::memory::MemoryCache::new(10)),
        idempotency: store.clone(),
        subscriptions: store.clone(),
        events: store.clone(),
        caller_tokens: store.clone(),
        sessions: None,
    };
    let rc = rc_client::RingCentral::new(
        &config.upstream,
        crate::config::sandbox_credentials(),
        stores,
        Default::default(),
        Arc::new(rc_client::auth::NoHooks),
    );
    let keeper = Arc::new(SubscriptionKeeper::new(
        rc.clone(),
        store,
        KeeperConfig {
            public_url: None,
            check_interval: Duration::from_secs(3600),
            renew_before: Duration::from_secs(3600),
        },
    ));
    let registry = Registry::new(Some(name::DEFAULT));
    registry.insert(Account::ready(name::DEFAULT, rc, keeper));
    Arc::new(registry)
}
