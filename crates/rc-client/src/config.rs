//! The client's own settings: where RingCentral is, the credentials it logs in with,
//! and the resilience of its stack. The gateway's configuration assembles them.

use std::time::Duration;

use rc_spec::ops::ThrottleGroup;
use url::Url;

/// A secret value (client secret, JWT, token) that never shows in `Debug` output or logs.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself; call only where it is sent to its recipient.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The RingCentral app and user the gateway logs in as.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub client_id: String,
    pub client_secret: Secret,
    pub login: Login,
}

/// How the session starts: a user JWT (the JWT bearer grant, repeatable), or an OAuth
/// authorization a user gave through the authorization-code flow, whose refresh token
/// is the only way back in (kept by its owner across restarts and rotations).
#[derive(Clone)]
pub enum Login {
    Jwt(Secret),
    Authorized(std::sync::Arc<dyn Authorization>),
}

impl Login {
    /// What identifies the login without revealing it (cache and key scopes).
    pub fn fingerprint(&self) -> &str {
        match self {
            Login::Jwt(jwt) => jwt.expose(),
            Login::Authorized(authorization) => authorization.id(),
        }
    }
}

impl std::fmt::Debug for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Login::Jwt(_) => f.write_str("Jwt(***)"),
            Login::Authorized(a) => write!(f, "Authorized({})", a.id()),
        }
    }
}

/// A refresh token obtained by the authorization-code flow, with the time it lapses
/// (milliseconds since the Unix epoch).
#[derive(Clone, Debug)]
pub struct StoredRefresh {
    pub token: Secret,
    pub expires_at_ms: u64,
}

/// Where an authorization's refresh token lives: RingCentral rotates it at every
/// refresh, so each new one must be kept before the old one is forgotten.
#[async_trait::async_trait]
pub trait Authorization: Send + Sync {
    /// A stable, non-secret name of the authorization.
    fn id(&self) -> &str;
    /// The newest refresh token, if the authorization still has one.
    async fn refresh_token(&self) -> Option<StoredRefresh>;
    /// Keeps the refresh token RingCentral just issued.
    async fn rotated(&self, refresh: StoredRefresh);
    /// RingCentral refused the refresh token: the authorization has to be given again.
    async fn revoked(&self, reason: &str);
}

/// How the client reaches RingCentral.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// Base URL, e.g. `https://platform.ringcentral.com`.
    pub server_url: Url,
    /// `None` only until `serve --sandbox` fills in the sandbox's credentials.
    pub credentials: Option<Credentials>,
    /// Time allowed for one upstream HTTP exchange.
    pub request_timeout: Duration,
    /// Refresh the access token this long before it expires.
    pub token_refresh_margin: Duration,
    pub resilience: Resilience,
}

/// Rate budget, retries, circuit breaker, cache and idempotency settings.
#[derive(Clone, Debug)]
pub struct Resilience {
    /// Starting limits per usage-plan group (corrected from RingCentral's headers).
    pub limits: Vec<(ThrottleGroup, u32)>,
    pub window: Duration,
    pub retry_attempts: u32,
    pub backoff_multiplier: f64,
    pub breaker_threshold: u32,
    pub breaker_timeout: Duration,
    pub cache_ttl: Duration,
    pub cache_ttl_by_resource: Vec<(&'static str, Duration)>,
    pub cache_max_entries: usize,
    pub idempotency_ttl: Duration,
}
