//! rc-gateway's state behind traits, so that one gateway keeps it in memory and the
//! embedded store (redb) and several replicas share it through Redis. Each trait is
//! small and named for what it holds; the values are this crate's own (a stored
//! answer, a budget observation, a caller share, event records), so storage knows
//! neither the RingCentral client nor any domain.

pub mod embedded;
pub mod events;
pub mod memory;
pub mod redis;
pub mod scoped;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bytes::{Buf, BufMut, Bytes, BytesMut};

pub use events::now_ms;

/// The shared state could not be reached or read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("shared state unavailable: {0}")]
pub struct StoreError(pub String);

/// A rate-limit group's name (RingCentral's `Light`, `Medium`, `Heavy`, `Auth`).
pub type Group = &'static str;

/// An HTTP answer as the cache and the idempotency records keep it.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: http::StatusCode,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Answer {
    /// The one stored form of an answer, for every backend that keeps bytes: the
    /// status (2 bytes), the headers as JSON pairs (their length in 4 bytes, then the
    /// JSON), the body.
    pub fn encode(&self) -> Vec<u8> {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?)))
            .collect();
        let headers = serde_json::to_vec(&headers).unwrap_or_default();
        let mut out = BytesMut::with_capacity(6 + headers.len() + self.body.len());
        out.put_u16(self.status.as_u16());
        out.put_u32(headers.len() as u32);
        out.put_slice(&headers);
        out.put_slice(&self.body);
        out.to_vec()
    }

    pub fn decode(bytes: &[u8]) -> Option<Answer> {
        let mut buf = Bytes::copy_from_slice(bytes);
        if buf.remaining() < 6 {
            return None;
        }
        let status = http::StatusCode::from_u16(buf.get_u16()).ok()?;
        let len = buf.get_u32() as usize;
        if buf.remaining() < len {
            return None;
        }
        let header_bytes = buf.split_to(len);
        let pairs: Vec<(String, String)> = serde_json::from_slice(&header_bytes).ok()?;
        let mut headers = http::HeaderMap::new();
        for (k, v) in pairs {
            if let (Ok(k), Ok(v)) = (
                http::HeaderName::from_bytes(k.as_bytes()),
                http::HeaderValue::from_str(&v),
            ) {
                headers.append(k, v);
            }
        }
        Some(Answer {
            status,
            headers,
            body: buf,
        })
    }
}

/// Shorthand for store results.
pub type StoreResult<T> = Result<T, StoreError>;

/// Rate-limit headers of one RingCentral answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observed {
    pub limit: u32,
    pub remaining: u32,
    pub window: Duration,
}

/// A reserved request slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot(pub u64);

/// The answer of a slot request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquire {
    Granted(Slot),
    /// No slot now; one may free up after this long.
    Wait(Duration),
    /// The caller has used its share of the group; one of its slots frees up after
    /// this long.
    CallerWait(Duration),
}

/// A caller limited to a share of each group's budget.
#[derive(Debug, Clone)]
pub struct CallerShare {
    pub id: Arc<str>,
    /// In (0, 1); callers with the whole budget pass `None` instead.
    pub share: f64,
}

impl CallerShare {
    /// Requests per window the caller may have of a group with `limit`: at least one.
    pub fn allowed(&self, limit: u32) -> u32 {
        ((self.share * f64::from(limit)).floor() as u32).max(1)
    }
}

/// What the budget knows of a group, for metrics and health.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetState {
    pub group: Group,
    pub limit: u32,
    pub remaining: u32,
    pub window: Duration,
    pub paused_for: Duration,
}

/// RingCentral's per-group request budget: a sliding window of the requests sent
/// (counted until their answer arrived, as RingCentral counted them somewhere between
/// sending and answering), corrected from the `X-Rate-Limit-*` headers, and paused
/// after a 429.
#[async_trait]
pub trait BudgetStore: Send + Sync {
    /// Takes a slot if one is free now (and `caller` has not used its share), else
    /// says how long until one may be.
    async fn try_acquire(&self, group: Group, caller: Option<&CallerShare>)
    -> StoreResult<Acquire>;
    /// The request of `slot` was answered (or failed); RingCentral's headers, if any,
    /// correct the budget.
    async fn answered(
        &self,
        group: Group,
        slot: Slot,
        observed: Option<Observed>,
    ) -> StoreResult<()>;
    /// Nothing of `group` may be sent for `pause` (a 429 answer).
    async fn penalize(&self, group: Group, pause: Duration) -> StoreResult<()>;
    /// Current state of every limited group.
    async fn snapshot(&self) -> StoreResult<Vec<BudgetState>>;
}

/// A cache lookup: the live answer, if any, and the generation of its resource when
/// looked up. Every invalidation of a resource starts a new generation.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    pub hit: Option<Answer>,
    pub generation: u64,
}

/// Cached upstream answers of GETs.
#[async_trait]
pub trait CacheStore: Send + Sync {
    /// The live answer under `key`, of `resource`.
    async fn get(&self, key: &str, resource: &'static str) -> StoreResult<Lookup>;
    /// Stores `response` under `key` for `ttl`, unless a write has invalidated
    /// `resource` since the lookup that saw `generation` (the answer may predate the
    /// write); returns whether it was stored.
    async fn put(
        &self,
        key: &str,
        resource: &'static str,
        response: &Answer,
        ttl: Duration,
        generation: u64,
    ) -> StoreResult<bool>;
    /// Drops every entry of these resources.
    async fn invalidate(&self, resources: &[&'static str]) -> StoreResult<()>;
    /// Whether several replicas share this cache (and claims mean something).
    fn shared(&self) -> bool {
        false
    }
    /// Claims the fetch of `key` for up to `lease`, so that one replica fetches while
    /// the others wait for its answer; `false` when another replica holds it. A single
    /// replica always gets it (its in-process coalescing does the rest).
    async fn claim(&self, _key: &str, _lease: Duration) -> StoreResult<bool> {
        Ok(true)
    }
    /// Gives a claim up.
    async fn release(&self, _key: &str) -> StoreResult<()> {
        Ok(())
    }
    /// Whether some replica holds the claim of `key`.
    async fn is_claimed(&self, _key: &str) -> StoreResult<bool> {
        Ok(false)
    }
}

/// The state of an idempotency key.
#[derive(Debug, Clone)]
pub enum IdempotencyState {
    /// First use: the caller owns the key and must `complete` or `release` it.
    New,
    /// Another call with the key is running.
    InProgress,
    /// Done before: the stored answer and the fingerprint of its request.
    Done {
        fingerprint: String,
        response: Answer,
    },
}

/// Idempotency records of mutations: a key repeated within the TTL gets the first
/// answer instead of a second action.
#[async_trait]
pub trait IdempotencyStore: Send + Sync {
    /// Claims `key` for a request with `fingerprint`, or reports its state.
    async fn begin(
        &self,
        key: &str,
        fingerprint: &str,
        ttl: Duration,
    ) -> StoreResult<IdempotencyState>;
    /// Stores the answer of a claimed key.
    async fn complete(
        &self,
        key: &str,
        fingerprint: &str,
        response: &Answer,
        ttl: Duration,
    ) -> StoreResult<()>;
    /// Gives a claimed key up (the request failed in a way worth retrying).
    async fn release(&self, key: &str) -> StoreResult<()>;
}

/// What the gateway keeps about a subscription it created.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionRecord {
    pub id: String,
    /// SHA-256 (hex) of the verification token: the token itself is not kept.
    pub token_hash: String,
    pub event_filters: Vec<String>,
    pub address: String,
    /// The lifetime asked for at creation, reused when the subscription is recreated.
    pub expires_in: Option<i64>,
    /// When RingCentral will let it expire (ms since the Unix epoch).
    pub expires_at_ms: u64,
    pub created_at_ms: u64,
}

/// Bookkeeping of the gateway's subscriptions: verification tokens for the ingress,
/// and who keeps each subscription alive.
#[async_trait]
pub trait SubscriptionStore: Send + Sync {
    async fn put(&self, record: &SubscriptionRecord) -> StoreResult<()>;
    async fn get(&self, id: &str) -> StoreResult<Option<SubscriptionRecord>>;
    async fn remove(&self, id: &str) -> StoreResult<()>;
    async fn list(&self) -> StoreResult<Vec<SubscriptionRecord>>;
    /// Remembers a token of a subscription being created: RingCentral may deliver
    /// its first notifications before the creation call has returned.
    async fn put_pending(&self, token_hash: &str, ttl: Duration) -> StoreResult<()>;
    async fn is_pending(&self, token_hash: &str) -> StoreResult<bool>;
    async fn remove_pending(&self, token_hash: &str) -> StoreResult<()>;
    /// Claims the upkeep of subscription `id` for `ttl`; only one replica holds it.
    async fn try_lease(&self, id: &str, holder: &str, ttl: Duration) -> StoreResult<bool>;
}

/// The RingCentral session as the replicas share it.
#[derive(Clone, PartialEq, Eq)]
pub struct SharedSession {
    pub access_token: String,
    /// Milliseconds since the Unix epoch.
    pub expires_at_ms: u64,
    pub refresh_token: Option<String>,
    pub refresh_expires_at_ms: u64,
    /// Increments with every new session.
    pub generation: u64,
}

impl std::fmt::Debug for SharedSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedSession")
            .field("expires_at_ms", &self.expires_at_ms)
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

/// One RingCentral session for all replicas, renewed by one replica at a time, so
/// that N replicas do not spend N times the Auth budget (5 requests a minute).
#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn load(&self) -> StoreResult<Option<SharedSession>>;
    async fn save(&self, session: &SharedSession) -> StoreResult<()>;
    /// Takes the cluster-wide renewal lock for `ttl`.
    async fn lock(&self, holder: &str, ttl: Duration) -> StoreResult<bool>;
    async fn unlock(&self, holder: &str) -> StoreResult<()>;
    /// Marks the access token of `generation` unusable (RingCentral rejected it),
    /// keeping the refresh token.
    async fn forget(&self, generation: u64) -> StoreResult<()>;
}

/// Which of a pair a caller token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    Access,
    Refresh,
}

/// A token the gateway issued to a caller of its RingCentral-compatible endpoint, kept
/// under the SHA-256 of the token (the token itself is not kept).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallerToken {
    /// Who the token stands for (`key:billing`, a JWT's subject).
    pub caller: String,
    /// The API key it was issued for: the token stops working when the key is gone.
    pub key_id: Option<String>,
    /// The caller's scopes and rate share when it logged in.
    pub scopes: String,
    pub share: f64,
    pub kind: TokenKind,
    /// The gateway account the token works on; `None` for the default account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The hash of the other token of the pair: revoking one revokes both.
    pub pair: String,
    /// Milliseconds since the Unix epoch.
    pub expires_at_ms: u64,
}

/// The tokens of the RingCentral-compatible endpoint, shared by the replicas.
#[async_trait]
pub trait CallerTokenStore: Send + Sync {
    /// Keeps `token` under `hash` until it expires.
    async fn save(&self, hash: &str, token: &CallerToken) -> StoreResult<()>;
    /// The token under `hash`, if it is there and has not expired.
    async fn lookup(&self, hash: &str) -> StoreResult<Option<CallerToken>>;
    /// Removes the token under `hash` and returns it (once: a refresh token is used
    /// by one refresh only, whichever replica gets it).
    async fn take(&self, hash: &str) -> StoreResult<Option<CallerToken>>;
}

/// An account the gateway serves, as the admin API added it: its settings and
/// credentials sealed by the gateway (the store never sees them in the clear).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredAccount {
    pub id: String,
    /// The encrypted settings (base64).
    pub sealed: String,
    /// Increments with every change, so replicas see what changed.
    pub version: u64,
}

/// The accounts added through the admin API, shared by the replicas.
#[async_trait]
pub trait AccountStore: Send + Sync {
    async fn list(&self) -> StoreResult<Vec<StoredAccount>>;
    async fn get(&self, id: &str) -> StoreResult<Option<StoredAccount>>;
    async fn put(&self, account: &StoredAccount) -> StoreResult<()>;
    /// Whether there was one to remove.
    async fn remove(&self, id: &str) -> StoreResult<bool>;
}

/// The stores a gateway works with.
#[derive(Clone)]
pub struct Stores {
    pub budget: Arc<dyn BudgetStore>,
    pub cache: Arc<dyn CacheStore>,
    pub idempotency: Arc<dyn IdempotencyStore>,
    pub subscriptions: Arc<dyn SubscriptionStore>,
    pub events: Arc<dyn events::EventLog>,
    pub caller_tokens: Arc<dyn CallerTokenStore>,
    /// The shared RingCentral session; `None` for a single replica, which keeps it in
    /// memory.
    pub sessions: Option<Arc<dyn SessionStore>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_with_their_headers_and_any_body() {
        let mut headers = http::HeaderMap::new();
        headers.insert("content-type", "application/json".parse().unwrap());
        headers.append("x-a", "1".parse().unwrap());
        headers.append("x-a", "2".parse().unwrap());
        let answer = Answer {
            status: http::StatusCode::CREATED,
            headers,
            body: Bytes::from_static(b"{\"id\":\"1\"}\x00\xff"),
        };
        let back = Answer::decode(&answer.encode()).unwrap();
        assert_eq!(back.status, answer.status);
        assert_eq!(back.headers, answer.headers);
        assert_eq!(back.body, answer.body);
        assert!(Answer::decode(b"\x00").is_none());
    }
}
