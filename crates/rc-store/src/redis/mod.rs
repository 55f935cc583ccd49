//! Shared state in Redis, for several gateway replicas that must act as one: the rate
//! budget, the read cache, idempotency records, subscription bookkeeping, the OAuth
//! session and (in [`event_log`]) the event log.
//!
//! Every check-and-change is one Lua script (atomic on the server) and uses the
//! server's clock (`TIME`), so replicas never disagree because their clocks do. Keys
//! live under `REDIS_KEY_PREFIX` (default `rcgw`).

mod accounts;
mod budget;
mod cache;
mod caller_tokens;
pub mod event_log;
mod idempotency;
mod subscriptions;
mod tokens;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use tokio_util::sync::CancellationToken;

pub use accounts::RedisAccounts;
pub use budget::RedisBudget;
pub use cache::RedisCache;
pub use caller_tokens::RedisCallerTokens;
pub use idempotency::RedisIdempotency;
pub use subscriptions::RedisSubscriptions;
pub use tokens::RedisTokens;

use super::{StoreError, StoreResult};

/// A connection to Redis shared by the Redis stores.
#[derive(Clone)]
pub struct Redis {
    pub(crate) conn: ConnectionManager,
    pub(crate) client: redis::Client,
    prefix: Arc<str>,
    healthy: Arc<AtomicBool>,
    timeout: Duration,
}

impl Redis {
    /// Connects and checks the server answers; an unreachable Redis is an error here,
    /// so that the gateway refuses to start rather than run without shared state.
    pub async fn connect(url: &str, prefix: &str, timeout: Duration) -> StoreResult<Self> {
        // rediss:// needs rustls' process-wide provider (installing it twice is harmless).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = redis::Client::open(url).map_err(error)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_secs(2));
        let connect = client.get_connection_manager_with_config(config);
        let mut conn = tokio::time::timeout(timeout * 2, connect)
            .await
            .map_err(|_| StoreError(format!("Redis at {} did not answer", redacted(url))))?
            .map_err(error)?;
        let version: String = redis::cmd("INFO")
            .arg("server")
            .query_async(&mut conn)
            .await
            .map_err(error)?;
        // Scripts rely on exclusive XRANGE bounds and on TIME being allowed in scripts.
        let major = version
            .lines()
            .find_map(|l| l.strip_prefix("redis_version:"))
            .and_then(|v| v.split('.').next())
            .and_then(|v| v.trim().parse::<u32>().ok())
            .unwrap_or(0);
        if major < 7 {
            return Err(StoreError(format!(
                "Redis 7 or newer is required (the server says {major})"
            )));
        }
        Ok(Redis {
            conn,
            client,
            prefix: Arc::from(prefix),
            healthy: Arc::new(AtomicBool::new(true)),
            timeout,
        })
    }

    /// The same connection with its keys one level further down (`<prefix>:<segment>`):
    /// each gateway account keeps its budget, cache, idempotency records, subscriptions
    /// and session apart from every other's.
    pub fn scoped(&self, segment: &str) -> Redis {
        Redis {
            prefix: Arc::from(format!("{}:{segment}", self.prefix)),
            ..self.clone()
        }
    }

    /// A key under the prefix.
    pub(crate) fn key(&self, parts: &[&str]) -> String {
        let mut key = String::with_capacity(64);
        key.push_str(&self.prefix);
        for part in parts {
            key.push(':');
            key.push_str(part);
        }
        key
    }

    pub(crate) fn conn(&self) -> ConnectionManager {
        self.conn.clone()
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Whether the last check reached Redis.
    pub fn is_healthy(&self) -> bool {
        self.healthy.load(Ordering::Acquire)
    }

    /// The flag [`Redis::watch_health`] keeps up to date.
    pub fn health_flag(&self) -> Arc<AtomicBool> {
        self.healthy.clone()
    }

    /// Checks Redis every second; readiness follows the result.
    pub async fn watch_health(self, shutdown: CancellationToken) {
        let mut conn = self.conn();
        loop {
            let ping = tokio::time::timeout(
                self.timeout,
                redis::cmd("PING").query_async::<String>(&mut conn),
            )
            .await;
            let ok = matches!(ping, Ok(Ok(_)));
            let was = self.healthy.swap(ok, Ordering::AcqRel);
            if was != ok {
                if ok {
                    tracing::info!("Redis is reachable again");
                } else {
                    tracing::error!(
                        "Redis is unreachable: calls that need shared state fail until it returns"
                    );
                }
            }
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
        }
    }
}

pub(crate) fn error(e: redis::RedisError) -> StoreError {
    StoreError(format!("Redis: {e}"))
}

/// The URL without its password, for messages.
fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "(unparsable URL)".to_owned();
    };
    let end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = match userinfo.split_once(':') {
                Some((user, _)) => format!("{user}:***"),
                None => userinfo.to_owned(),
            };
            format!("{scheme}://{user}@{host}{path}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redacted("redis://user:hunter2@redis:6379/0"),
            "redis://user:***@redis:6379/0"
        );
        assert_eq!(
            redacted("rediss://:pw@host:6380"),
            "rediss://:***@host:6380"
        );
        assert_eq!(redacted("redis://host:6379/1"), "redis://host:6379/1");
    }
}
