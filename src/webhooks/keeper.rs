//! The gateway's own webhook subscriptions: creates them with a fresh verification
//! token pointing at the gateway's public webhook URL, answers the ingress's token
//! checks, and keeps them alive: renews each before it expires and recreates it when
//! RingCentral blacklists it or it is gone.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::verify;
use crate::context::CallContext;
use crate::error::{Error, Result};
use crate::events::now_ms;
use rc_client::RingCentral;
use rc_spec::models::{CreateSubscriptionRequest, DeliveryModeRequest, SubscriptionInfo};
use rc_store::{SubscriptionRecord, SubscriptionStore};

/// How long a token of a subscription being created is accepted without its record.
const PENDING_TTL: Duration = Duration::from_secs(120);
/// How long a token hash is trusted from the local cache before it is read again
/// (another replica may have deleted the subscription).
const TOKEN_CACHE_TTL: Duration = Duration::from_secs(30);

/// Settings of the keeper.
#[derive(Clone, Debug)]
pub struct KeeperConfig {
    /// The gateway's webhook URL as RingCentral reaches it.
    pub public_url: Option<String>,
    pub check_interval: Duration,
    pub renew_before: Duration,
}

/// Why a notification's token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRejection {
    Missing,
    UnknownSubscription,
    Mismatch,
    /// The subscription records cannot be read (Redis lost): the gateway is
    /// unavailable, which is not the same as the subscription being unknown.
    StoreUnavailable,
}

impl TokenRejection {
    pub fn reason(self) -> &'static str {
        match self {
            TokenRejection::Missing => "missing_token",
            TokenRejection::UnknownSubscription => "unknown_subscription",
            TokenRejection::Mismatch => "bad_token",
            TokenRejection::StoreUnavailable => "store_unavailable",
        }
    }
}

pub struct SubscriptionKeeper {
    rc: RingCentral,
    store: Arc<dyn SubscriptionStore>,
    config: KeeperConfig,
    /// Identifies this replica in upkeep leases.
    holder: String,
    tokens: RwLock<HashMap<String, (String, Instant)>>,
}

impl SubscriptionKeeper {
    pub fn new(rc: RingCentral, store: Arc<dyn SubscriptionStore>, config: KeeperConfig) -> Self {
        SubscriptionKeeper {
            rc,
            store,
            config,
            holder: uuid::Uuid::new_v4().to_string(),
            tokens: RwLock::default(),
        }
    }

    pub fn public_url(&self) -> Option<&str> {
        self.config.public_url.as_deref()
    }

    fn remember(&self, id: &str, hash: &str) {
        self.tokens
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                id.to_owned(),
                (hash.to_owned(), Instant::now() + TOKEN_CACHE_TTL),
            );
    }

    fn forget(&self, id: &str) {
        self.tokens
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(id);
    }

    /// Checks the `Verification-Token` of a notification for `subscription_id`.
    pub async fn check_token(
        &self,
        subscription_id: &str,
        presented: Option<&str>,
    ) -> Result<(), TokenRejection> {
        let presented = presented
            .filter(|t| !t.is_empty())
            .ok_or(TokenRejection::Missing)?;
        let hash = verify::token_hash(presented);
        let cached = self
            .tokens
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(subscription_id)
            .filter(|(_, until)| *until > Instant::now())
            .map(|(h, _)| h.clone());
        let unavailable = |e: rc_store::StoreError| {
            tracing::warn!(error = %e, "subscription store unavailable for a token check");
            TokenRejection::StoreUnavailable
        };
        let expected = match cached {
            Some(hash) => Some(hash),
            None => self
                .store
                .get(subscription_id)
                .await
                .map_err(unavailable)?
                .map(|record| {
                    self.remember(&record.id, &record.token_hash);
                    record.token_hash
                }),
        };
        match expected {
            Some(expected) if verify::same_hash(&expected, &hash) => Ok(()),
            Some(_) => Err(TokenRejection::Mismatch),
            // RingCentral may notify before the creation call has returned.
            None if self.store.is_pending(&hash).await.map_err(unavailable)? => Ok(()),
            None => Err(TokenRejection::UnknownSubscription),
        }
    }

    /// Creates a subscription at RingCentral and records it.
    pub async fn create(
        &self,
        ctx: &CallContext,
        event_filters: Vec<String>,
        address: Option<String>,
        token: Option<String>,
        expires_in: Option<i64>,
    ) -> Result<(SubscriptionInfo, SubscriptionRecord)> {
        let public = self.config.public_url.clone().ok_or_else(|| {
            Error::Unavailable(
                "the gateway has no public webhook URL: set WEBHOOK_PUBLIC_URL to where RingCentral reaches /api/webhooks/events"
                    .into(),
            )
        })?;
        let address = match address {
            None => public,
            Some(a) if a == public => a,
            Some(other) => {
                return Err(Error::invalid(
                    "deliveryMode.address",
                    format!(
                        "subscriptions deliver only to the gateway's own webhook URL ({public}), not {other}"
                    ),
                ));
            }
        };
        let token = token.unwrap_or_else(verify::new_token);
        let hash = verify::token_hash(&token);
        self.store.put_pending(&hash, PENDING_TTL).await?;
        let request = CreateSubscriptionRequest {
            event_filters: event_filters.clone(),
            delivery_mode: Some(DeliveryModeRequest {
                transport_type: Some("WebHook".to_owned()),
                address: Some(address.clone()),
                verification_token: Some(token),
            }),
            expires_in,
        };
        let info = self.rc.create_subscription(ctx, &request).await?;
        let id = info.id.clone().ok_or_else(|| {
            rc_client::Error::UpstreamInvalid("subscription without an id".into())
        })?;
        let record = SubscriptionRecord {
            id: id.clone(),
            token_hash: hash,
            event_filters,
            address,
            expires_in,
            expires_at_ms: expires_at_ms(&info),
            created_at_ms: now_ms(),
        };
        self.store.put(&record).await?;
        self.store.remove_pending(&record.token_hash).await?;
        self.remember(&id, &record.token_hash);
        tracing::info!(subscription = %id, "created a RingCentral webhook subscription");
        Ok((info, record))
    }

    /// Whether the gateway keeps `id` alive.
    pub async fn managed(&self, id: &str) -> bool {
        matches!(self.store.get(id).await, Ok(Some(_)))
    }

    pub async fn renew(&self, ctx: &CallContext, id: &str) -> Result<SubscriptionInfo> {
        let info = self.rc.renew_subscription(ctx, id).await?;
        if let Ok(Some(mut record)) = self.store.get(id).await {
            record.expires_at_ms = expires_at_ms(&info);
            self.store.put(&record).await?;
        }
        Ok(info)
    }

    pub async fn delete(&self, ctx: &CallContext, id: &str) -> Result<()> {
        let result = self.rc.delete_subscription(ctx, id).await;
        // Gone at RingCentral either way: stop keeping it.
        if result.is_ok()
            || matches!(&result, Err(rc_client::Error::Upstream(rc)) if rc.status == http::StatusCode::NOT_FOUND)
        {
            self.store.remove(id).await?;
            self.forget(id);
        }
        Ok(result?)
    }

    /// Checks every managed subscription every `check_interval` until shutdown.
    pub async fn run(self: Arc<Self>, shutdown: CancellationToken) {
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(self.config.check_interval) => {}
            }
            // Boxed: an idle upkeep task (one per account) holds only its timer.
            if let Err(e) = Box::pin(self.check_all()).await {
                tracing::warn!(error = %e, "could not check the webhook subscriptions");
            }
        }
    }

    /// One upkeep round.
    pub async fn check_all(&self) -> Result<()> {
        let lease = self.config.check_interval * 3;
        for record in self.store.list().await? {
            if !self
                .store
                .try_lease(&record.id, &self.holder, lease)
                .await?
            {
                continue; // another replica keeps this one
            }
            if let Err(e) = self.check(record).await {
                tracing::warn!(error = %e, "subscription upkeep failed");
            }
        }
        Ok(())
    }

    async fn check(&self, mut record: SubscriptionRecord) -> Result<()> {
        let ctx = CallContext {
            bypass_cache: true,
            ..CallContext::internal(Duration::from_secs(60))
        };
        let info = match self.rc.read_subscription(&ctx, &record.id).await {
            Ok(info) => info,
            Err(rc_client::Error::Upstream(rc)) if rc.status == http::StatusCode::NOT_FOUND => {
                tracing::warn!(subscription = %record.id, "subscription is gone at RingCentral; recreating it");
                return self.recreate(&ctx, record, false).await;
            }
            Err(other) => return Err(other.into()),
        };
        if info.status.as_deref() == Some("Blacklisted") {
            let reason = info
                .blacklisted_data
                .as_ref()
                .and_then(|b| b.reason.clone())
                .unwrap_or_default();
            tracing::warn!(subscription = %record.id, %reason, "RingCentral blacklisted the subscription; recreating it");
            return self.recreate(&ctx, record, true).await;
        }
        record.expires_at_ms = expires_at_ms(&info);
        let left = Duration::from_millis(record.expires_at_ms.saturating_sub(now_ms()));
        let lifetime = Duration::from_secs(record.expires_in.unwrap_or(604_800).max(1) as u64);
        if left <= self.config.renew_before.min(lifetime / 3) {
            let renewed = self.rc.renew_subscription(&ctx, &record.id).await?;
            record.expires_at_ms = expires_at_ms(&renewed);
            tracing::info!(subscription = %record.id, "renewed a webhook subscription before it expired");
        }
        self.store.put(&record).await?;
        Ok(())
    }

    async fn recreate(
        &self,
        ctx: &CallContext,
        old: SubscriptionRecord,
        delete_old: bool,
    ) -> Result<()> {
        if delete_old && let Err(e) = self.rc.delete_subscription(ctx, &old.id).await {
            tracing::warn!(error = %e, subscription = %old.id, "could not delete the blacklisted subscription");
        }
        let (info, _) = self
            .create(
                ctx,
                old.event_filters.clone(),
                // The gateway's address as configured now: it may have moved since.
                None,
                None,
                old.expires_in,
            )
            .await?;
        self.store.remove(&old.id).await?;
        self.forget(&old.id);
        tracing::info!(old = %old.id, new = info.id.as_deref().unwrap_or(""), "recreated a webhook subscription");
        Ok(())
    }
}

/// Expiry of a subscription from RingCentral's answer (ms since the Unix epoch).
fn expires_at_ms(info: &SubscriptionInfo) -> u64 {
    info.expiration_time
        .as_deref()
        .and_then(|t| humantime::parse_rfc3339_weak(t).ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_millis() as u64)
        .or_else(|| {
            info.expires_in
                .map(|s| now_ms().saturating_add((s.max(0) as u64).saturating_mul(1000)))
        })
        .unwrap_or(0)
}
