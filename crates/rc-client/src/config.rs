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

/// The RingCentral app and user the gateway logs in as (JWT bearer grant).
#[derive(Clone, Debug)]
pub struct Credentials {
    pub client_id: String,
    pub client_secret: Secret,
    pub jwt: Secret,
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
