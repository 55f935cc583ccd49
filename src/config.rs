//! Every setting of the gateway, read once at start from environment variables.
//!
//! Each variable name is a constant in [`var`]; each is parsed into a typed field with
//! a documented default, and a bad value stops the gateway with a message that names
//! the variable (exit code 64, EX_USAGE). README.md's configuration table lists them.

use std::net::SocketAddr;
use std::time::Duration;

use reqwest::Url;

use rc_spec::ops::ThrottleGroup;

/// Environment variable names.
pub mod var {
    pub const GRPC_ADDR: &str = "GRPC_ADDR";
    pub const HTTP_ADDR: &str = "HTTP_ADDR";
    pub const SIDECAR_ADDR: &str = "SIDECAR_ADDR";
    pub const RC_SERVER_URL: &str = "RC_SERVER_URL";
    pub const RC_CLIENT_ID: &str = "RC_CLIENT_ID";
    pub const RC_CLIENT_SECRET: &str = "RC_CLIENT_SECRET";
    pub const RC_JWT: &str = "RC_JWT";
    pub const RC_REQUEST_TIMEOUT: &str = "RC_REQUEST_TIMEOUT";
    pub const RC_TOKEN_REFRESH_MARGIN: &str = "RC_TOKEN_REFRESH_MARGIN";
    pub const REQUEST_TIMEOUT: &str = "REQUEST_TIMEOUT";
    pub const HTTP_MAX_BODY_BYTES: &str = "HTTP_MAX_BODY_BYTES";
    pub const SHUTDOWN_GRACE_PERIOD: &str = "SHUTDOWN_GRACE_PERIOD";
    pub const LOG_LEVEL: &str = "LOG_LEVEL";
    pub const LOG_FORMAT: &str = "LOG_FORMAT";
    pub const CIRCUIT_BREAKER_THRESHOLD: &str = "CIRCUIT_BREAKER_THRESHOLD";
    pub const CIRCUIT_BREAKER_TIMEOUT: &str = "CIRCUIT_BREAKER_TIMEOUT";
    pub const RATE_LIMIT_RETRY_ATTEMPTS: &str = "RATE_LIMIT_RETRY_ATTEMPTS";
    pub const RATE_LIMIT_BACKOFF_MULTIPLIER: &str = "RATE_LIMIT_BACKOFF_MULTIPLIER";
    pub const RATE_LIMIT_LIGHT: &str = "RATE_LIMIT_LIGHT";
    pub const RATE_LIMIT_MEDIUM: &str = "RATE_LIMIT_MEDIUM";
    pub const RATE_LIMIT_HEAVY: &str = "RATE_LIMIT_HEAVY";
    pub const RATE_LIMIT_AUTH: &str = "RATE_LIMIT_AUTH";
    pub const RATE_LIMIT_WINDOW: &str = "RATE_LIMIT_WINDOW";
    pub const CACHE_TTL: &str = "CACHE_TTL";
    pub const CACHE_TTL_EXTENSIONS: &str = "CACHE_TTL_EXTENSIONS";
    pub const CACHE_TTL_SITES: &str = "CACHE_TTL_SITES";
    pub const CACHE_TTL_CALL_QUEUES: &str = "CACHE_TTL_CALL_QUEUES";
    pub const CACHE_TTL_PHONE_NUMBERS: &str = "CACHE_TTL_PHONE_NUMBERS";
    pub const CACHE_TTL_CALL_LOG: &str = "CACHE_TTL_CALL_LOG";
    pub const CACHE_MAX_ENTRIES: &str = "CACHE_MAX_ENTRIES";
    pub const IDEMPOTENCY_TTL: &str = "IDEMPOTENCY_TTL";
    pub const DATA_DIR: &str = "DATA_DIR";
    pub const EVENT_RETENTION: &str = "EVENT_RETENTION";
    pub const EVENT_RETENTION_MAX_EVENTS: &str = "EVENT_RETENTION_MAX_EVENTS";
    pub const WEBHOOK_PUBLIC_URL: &str = "WEBHOOK_PUBLIC_URL";
    pub const WEBHOOK_HMAC_SECRET: &str = "WEBHOOK_HMAC_SECRET";
    pub const WEBHOOK_MAX_BODY_BYTES: &str = "WEBHOOK_MAX_BODY_BYTES";
    pub const SUBSCRIPTION_CHECK_INTERVAL: &str = "SUBSCRIPTION_CHECK_INTERVAL";
    pub const SUBSCRIPTION_RENEW_BEFORE: &str = "SUBSCRIPTION_RENEW_BEFORE";
    pub const SANDBOX_ADDR: &str = "SANDBOX_ADDR";
    pub const OTEL_EXPORTER_OTLP_ENDPOINT: &str = "OTEL_EXPORTER_OTLP_ENDPOINT";
    pub const OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: &str = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    pub const OTEL_SERVICE_NAME: &str = "OTEL_SERVICE_NAME";
    pub const AUTH_API_KEYS: &str = "AUTH_API_KEYS";
    pub const AUTH_API_KEYS_FILE: &str = "AUTH_API_KEYS_FILE";
    pub const AUTH_DEFAULT_RATE_SHARE: &str = "AUTH_DEFAULT_RATE_SHARE";
    pub const AUTH_JWT_ALGORITHM: &str = "AUTH_JWT_ALGORITHM";
    pub const AUTH_JWT_SECRET: &str = "AUTH_JWT_SECRET";
    pub const AUTH_JWT_PUBLIC_KEY: &str = "AUTH_JWT_PUBLIC_KEY";
    pub const AUTH_JWT_PUBLIC_KEY_FILE: &str = "AUTH_JWT_PUBLIC_KEY_FILE";
    pub const AUTH_JWT_ISSUER: &str = "AUTH_JWT_ISSUER";
    pub const AUTH_JWT_AUDIENCE: &str = "AUTH_JWT_AUDIENCE";
    pub const AUTH_JWT_LEEWAY: &str = "AUTH_JWT_LEEWAY";
    pub const AUTH_JWT_RATE_SHARE: &str = "AUTH_JWT_RATE_SHARE";
    pub const AUTH_PUBLIC: &str = "AUTH_PUBLIC";
    pub const TLS_CERT_FILE: &str = "TLS_CERT_FILE";
    pub const TLS_KEY_FILE: &str = "TLS_KEY_FILE";
    pub const TLS_CLIENT_CA_FILE: &str = "TLS_CLIENT_CA_FILE";
    pub const AUDIT_LOG: &str = "AUDIT_LOG";
    pub const GRPC_MAX_MESSAGE_BYTES: &str = "GRPC_MAX_MESSAGE_BYTES";
    pub const MAX_HEADER_BYTES: &str = "MAX_HEADER_BYTES";
    pub const CONNECTION_IDLE_TIMEOUT: &str = "CONNECTION_IDLE_TIMEOUT";
    pub const MAX_CONNECTIONS: &str = "MAX_CONNECTIONS";
    pub const MAX_IN_FLIGHT_REQUESTS: &str = "MAX_IN_FLIGHT_REQUESTS";
    pub const HTTP2_KEEPALIVE_INTERVAL: &str = "HTTP2_KEEPALIVE_INTERVAL";
    pub const HTTP2_KEEPALIVE_TIMEOUT: &str = "HTTP2_KEEPALIVE_TIMEOUT";
    pub const REDIS_URL: &str = "REDIS_URL";
    pub const ACCOUNTS_FILE: &str = "ACCOUNTS_FILE";
    pub const DEFAULT_ACCOUNT: &str = "DEFAULT_ACCOUNT";
    pub const ACCOUNTS_ENCRYPTION_KEY: &str = "ACCOUNTS_ENCRYPTION_KEY";
    pub const ACCOUNTS_SYNC_INTERVAL: &str = "ACCOUNTS_SYNC_INTERVAL";
    pub const OAUTH_REDIRECT_URL: &str = "OAUTH_REDIRECT_URL";
    pub const REDIS_KEY_PREFIX: &str = "REDIS_KEY_PREFIX";
    pub const REDIS_TIMEOUT: &str = "REDIS_TIMEOUT";
}

/// A bad setting: names the variable and says what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("invalid {var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

pub use rc_client::config::{ClientConfig, Credentials, Resilience, Secret};

/// The credentials that log in to a built-in sandbox with its default settings.
pub fn sandbox_credentials() -> Credentials {
    Credentials {
        client_id: rc_sandbox::DEFAULT_CLIENT_ID.to_owned(),
        client_secret: Secret::new(rc_sandbox::DEFAULT_CLIENT_SECRET),
        login: rc_client::config::Login::Jwt(Secret::new(rc_sandbox::DEFAULT_JWT)),
    }
}

pub use crate::events::EventsConfig;
pub use crate::state::RedisConfig;
pub use crate::telemetry::LogFormat;
pub use crate::webhooks::WebhookConfig;

/// The whole configuration of a gateway process.
#[derive(Clone, Debug)]
pub struct Config {
    pub grpc_addr: SocketAddr,
    pub http_addr: SocketAddr,
    pub sidecar_addr: SocketAddr,
    pub upstream: ClientConfig,
    /// Deadline for calls that come without one (HTTP/JSON, gRPC without grpc-timeout).
    pub request_timeout: Duration,
    /// Largest accepted HTTP/JSON request body.
    pub http_max_body_bytes: usize,
    /// Largest accepted gRPC request message.
    pub grpc_max_message_bytes: usize,
    /// Connection limits and timeouts of every listener.
    pub listeners: crate::listener::ListenerConfig,
    pub auth: crate::auth::AuthConfig,
    /// TLS on the gRPC and HTTP/JSON listeners.
    pub tls: Option<crate::tls::TlsSettings>,
    pub audit: crate::audit::AuditTarget,
    /// How long in-flight calls may take to finish after SIGTERM.
    pub shutdown_grace: Duration,
    pub events: EventsConfig,
    pub webhooks: WebhookConfig,
    /// `None`: a single replica, state in memory and the embedded store.
    pub redis: Option<RedisConfig>,
    /// Run against the built-in sandbox (`serve --sandbox`).
    pub sandbox: bool,
    /// Where the built-in sandbox listens.
    pub sandbox_addr: SocketAddr,
    pub telemetry: crate::telemetry::TelemetryConfig,
    pub accounts: crate::accounts::AccountsConfig,
}

/// Production RingCentral.
pub const DEFAULT_SERVER_URL: &str = "https://platform.ringcentral.com";

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env(sandbox: bool) -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok(), sandbox)
    }

    /// Reads the configuration through `lookup` (tests pass a map instead of the
    /// process environment, which they must not mutate).
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
        sandbox: bool,
    ) -> Result<Self, ConfigError> {
        let vars = Vars(&lookup);
        let credentials = vars.credentials(sandbox)?;
        let tls = vars.tls()?;
        let log_format = match vars.get(var::LOG_FORMAT).as_deref() {
            None => {
                if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                    LogFormat::Text
                } else {
                    LogFormat::Json
                }
            }
            Some("json") => LogFormat::Json,
            Some("text") => LogFormat::Text,
            Some(other) => {
                return Err(ConfigError {
                    var: var::LOG_FORMAT,
                    message: format!("{other:?} is not one of json, text"),
                });
            }
        };
        let log_level = vars
            .get(var::LOG_LEVEL)
            .unwrap_or_else(|| "info".to_owned());
        if tracing_subscriber::EnvFilter::try_new(&log_level).is_err() {
            return Err(ConfigError {
                var: var::LOG_LEVEL,
                message: format!(
                    "{log_level:?} is not a level (error, warn, info, debug, trace) or filter"
                ),
            });
        }
        Ok(Config {
            grpc_addr: vars.addr(var::GRPC_ADDR, "0.0.0.0:50051")?,
            http_addr: vars.addr(var::HTTP_ADDR, "0.0.0.0:8080")?,
            sidecar_addr: vars.addr(var::SIDECAR_ADDR, "0.0.0.0:8081")?,
            upstream: ClientConfig {
                server_url: vars.url(var::RC_SERVER_URL, DEFAULT_SERVER_URL)?,
                credentials,
                request_timeout: vars.duration(var::RC_REQUEST_TIMEOUT, "30s")?,
                token_refresh_margin: vars.duration(var::RC_TOKEN_REFRESH_MARGIN, "60s")?,
                resilience: vars.resilience()?,
            },
            request_timeout: vars.duration(var::REQUEST_TIMEOUT, "60s")?,
            http_max_body_bytes: vars.number(
                var::HTTP_MAX_BODY_BYTES,
                1024 * 1024,
                1..=64 << 20,
            )?,
            shutdown_grace: vars.duration(var::SHUTDOWN_GRACE_PERIOD, "20s")?,
            grpc_max_message_bytes: vars.number(
                var::GRPC_MAX_MESSAGE_BYTES,
                4 * 1024 * 1024,
                1024..=64 << 20,
            )?,
            listeners: crate::listener::ListenerConfig {
                max_header_bytes: vars.number(var::MAX_HEADER_BYTES, 16 * 1024, 1024..=1 << 20)?,
                idle_timeout: vars.positive_duration(var::CONNECTION_IDLE_TIMEOUT, "60s")?,
                max_connections: vars.number(var::MAX_CONNECTIONS, 10_000, 1..=1 << 20)?,
                max_in_flight: vars.number(var::MAX_IN_FLIGHT_REQUESTS, 10_000, 1..=1 << 20)?,
                keepalive_interval: vars.positive_duration(var::HTTP2_KEEPALIVE_INTERVAL, "30s")?,
                keepalive_timeout: vars.positive_duration(var::HTTP2_KEEPALIVE_TIMEOUT, "20s")?,
            },
            auth: vars.auth(tls.as_ref().is_some_and(|t| t.client_ca_file.is_some()))?,
            tls,
            audit: match vars.get(var::AUDIT_LOG).as_deref() {
                None | Some("stdout") => crate::audit::AuditTarget::Stdout,
                Some("off") => crate::audit::AuditTarget::Off,
                Some(path) => crate::audit::AuditTarget::File(path.into()),
            },
            events: EventsConfig {
                data_dir: vars
                    .get(var::DATA_DIR)
                    .unwrap_or_else(|| "./data".to_owned())
                    .into(),
                retention: vars.duration(var::EVENT_RETENTION, "7d")?,
                max_events: vars.number(
                    var::EVENT_RETENTION_MAX_EVENTS,
                    1_000_000,
                    1..=1_000_000_000,
                )?,
            },
            webhooks: WebhookConfig {
                public_url: vars
                    .get(var::WEBHOOK_PUBLIC_URL)
                    .map(|_| vars.url(var::WEBHOOK_PUBLIC_URL, "").map(|u| u.to_string()))
                    .transpose()?,
                hmac_secret: vars.get(var::WEBHOOK_HMAC_SECRET).map(Secret::new),
                max_body_bytes: vars.number(
                    var::WEBHOOK_MAX_BODY_BYTES,
                    256 * 1024,
                    1024..=16 << 20,
                )?,
                check_interval: vars.duration(var::SUBSCRIPTION_CHECK_INTERVAL, "60s")?,
                renew_before: vars.duration(var::SUBSCRIPTION_RENEW_BEFORE, "1h")?,
            },
            redis: match vars.get(var::REDIS_URL) {
                None => None,
                Some(url) => {
                    if !["redis://", "rediss://", "redis+unix://"]
                        .iter()
                        .any(|scheme| url.starts_with(scheme))
                    {
                        return Err(ConfigError {
                            var: var::REDIS_URL,
                            message: "must be a redis:// or rediss:// (TLS) URL, e.g. \
                                      redis://:password@redis:6379/0"
                                .into(),
                        });
                    }
                    let prefix = vars
                        .get(var::REDIS_KEY_PREFIX)
                        .unwrap_or_else(|| "rcgw".to_owned());
                    if prefix.contains(char::is_whitespace) {
                        return Err(ConfigError {
                            var: var::REDIS_KEY_PREFIX,
                            message: "must not contain spaces".into(),
                        });
                    }
                    Some(RedisConfig {
                        url: Secret::new(url),
                        prefix,
                        timeout: vars.duration(var::REDIS_TIMEOUT, "2s")?,
                    })
                }
            },
            accounts: vars.accounts()?,
            sandbox,
            sandbox_addr: vars.addr(var::SANDBOX_ADDR, "127.0.0.1:9090")?,
            telemetry: crate::telemetry::TelemetryConfig {
                log_level,
                log_format,
                otlp_endpoint: match vars.get(var::OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
                    Some(_) => Some(
                        vars.url(var::OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, "")?
                            .to_string(),
                    ),
                    None => vars
                        .get(var::OTEL_EXPORTER_OTLP_ENDPOINT)
                        .map(|_| {
                            vars.url(var::OTEL_EXPORTER_OTLP_ENDPOINT, "")
                                .map(|u| u.to_string())
                        })
                        .transpose()?,
                },
                service_name: vars
                    .get(var::OTEL_SERVICE_NAME)
                    .unwrap_or_else(|| "rc-gateway".to_owned()),
            },
        })
    }
}

/// Typed access to the variables, with errors that name the variable.
struct Vars<'a>(&'a dyn Fn(&str) -> Option<String>);

impl Vars<'_> {
    fn get(&self, name: &str) -> Option<String> {
        (self.0)(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    fn addr(&self, name: &'static str, default: &str) -> Result<SocketAddr, ConfigError> {
        let value = self.get(name).unwrap_or_else(|| default.to_owned());
        value.parse().map_err(|_| ConfigError {
            var: name,
            message: format!("{value:?} is not a socket address like 0.0.0.0:8080"),
        })
    }

    fn url(&self, name: &'static str, default: &str) -> Result<Url, ConfigError> {
        let value = self.get(name).unwrap_or_else(|| default.to_owned());
        let url = Url::parse(&value).map_err(|e| ConfigError {
            var: name,
            message: format!("{value:?} is not a URL: {e}"),
        })?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(ConfigError {
                var: name,
                message: format!("{value:?} must be an http(s) URL with a host"),
            });
        }
        Ok(url)
    }

    /// A duration: plain seconds (`60`) or with a unit (`500ms`, `2m`).
    fn duration(&self, name: &'static str, default: &str) -> Result<Duration, ConfigError> {
        let value = self.get(name).unwrap_or_else(|| default.to_owned());
        parse_duration(&value).ok_or_else(|| ConfigError {
            var: name,
            message: format!("{value:?} is not a duration (seconds, or e.g. 500ms, 30s, 2m)"),
        })
    }

    /// A duration that must not be zero (a timeout of nothing would close everything).
    fn positive_duration(
        &self,
        name: &'static str,
        default: &str,
    ) -> Result<Duration, ConfigError> {
        let value = self.duration(name, default)?;
        if value.is_zero() {
            return Err(ConfigError {
                var: name,
                message: "must be more than zero".into(),
            });
        }
        Ok(value)
    }

    fn number<T>(
        &self,
        name: &'static str,
        default: T,
        range: std::ops::RangeInclusive<T>,
    ) -> Result<T, ConfigError>
    where
        T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
    {
        let Some(value) = self.get(name) else {
            return Ok(default);
        };
        match value.parse::<T>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(ConfigError {
                var: name,
                message: format!(
                    "{value:?} is not a number from {} to {}",
                    range.start(),
                    range.end()
                ),
            }),
        }
    }

    fn resilience(&self) -> Result<Resilience, ConfigError> {
        let limit = |name, group: ThrottleGroup| -> Result<(ThrottleGroup, u32), ConfigError> {
            Ok((
                group,
                self.number(name, group.default_limit(), 1..=100_000)?,
            ))
        };
        let mut by_resource = Vec::new();
        for (name, resource) in [
            (var::CACHE_TTL_EXTENSIONS, "extensions"),
            (var::CACHE_TTL_SITES, "sites"),
            (var::CACHE_TTL_CALL_QUEUES, "call-queues"),
            (var::CACHE_TTL_PHONE_NUMBERS, "phone-numbers"),
            (var::CACHE_TTL_CALL_LOG, "call-log"),
        ] {
            if self.get(name).is_some() {
                by_resource.push((resource, self.duration(name, "0")?));
            }
        }
        Ok(Resilience {
            limits: vec![
                limit(var::RATE_LIMIT_LIGHT, ThrottleGroup::Light)?,
                limit(var::RATE_LIMIT_MEDIUM, ThrottleGroup::Medium)?,
                limit(var::RATE_LIMIT_HEAVY, ThrottleGroup::Heavy)?,
                limit(var::RATE_LIMIT_AUTH, ThrottleGroup::Auth)?,
            ],
            window: self.duration(var::RATE_LIMIT_WINDOW, "60s")?,
            retry_attempts: self.number(var::RATE_LIMIT_RETRY_ATTEMPTS, 3, 0..=10)?,
            backoff_multiplier: self.number(var::RATE_LIMIT_BACKOFF_MULTIPLIER, 1.0, 0.0..=60.0)?,
            breaker_threshold: self.number(var::CIRCUIT_BREAKER_THRESHOLD, 5, 1..=10_000)?,
            breaker_timeout: self.duration(var::CIRCUIT_BREAKER_TIMEOUT, "60")?,
            cache_ttl: self.duration(var::CACHE_TTL, "30s")?,
            cache_ttl_by_resource: by_resource,
            cache_max_entries: self.number(var::CACHE_MAX_ENTRIES, 10_000, 1..=10_000_000)?,
            idempotency_ttl: self.duration(var::IDEMPOTENCY_TTL, "24h")?,
        })
    }

    /// A value given inline (`name`) or as a file (`file_var`), not both.
    fn inline_or_file(
        &self,
        name: &'static str,
        file_var: &'static str,
    ) -> Result<Option<String>, ConfigError> {
        match (self.get(name), self.get(file_var)) {
            (Some(_), Some(_)) => Err(ConfigError {
                var: file_var,
                message: format!("set {name} or {file_var}, not both"),
            }),
            (Some(value), None) => Ok(Some(value)),
            (None, Some(path)) => {
                std::fs::read_to_string(&path)
                    .map(Some)
                    .map_err(|e| ConfigError {
                        var: file_var,
                        message: format!("cannot read {path:?}: {e}"),
                    })
            }
            (None, None) => Ok(None),
        }
    }

    fn share(&self, name: &'static str, default: f64) -> Result<f64, ConfigError> {
        let share = self.number(name, default, 0.0..=1.0)?;
        if share == 0.0 {
            return Err(ConfigError {
                var: name,
                message: "a share must be above 0 (up to 1, the whole limit)".into(),
            });
        }
        Ok(share)
    }

    fn auth(&self, client_certs: bool) -> Result<crate::auth::AuthConfig, ConfigError> {
        use crate::auth::{AuthConfig, Public, jwt::JwtConfig, keys::KeyTable};
        let default_share = self.share(var::AUTH_DEFAULT_RATE_SHARE, 1.0)?;
        let keys = match self.inline_or_file(var::AUTH_API_KEYS, var::AUTH_API_KEYS_FILE)? {
            Some(text) => KeyTable::parse(&text, default_share).map_err(|message| ConfigError {
                var: if self.get(var::AUTH_API_KEYS).is_some() {
                    var::AUTH_API_KEYS
                } else {
                    var::AUTH_API_KEYS_FILE
                },
                message,
            })?,
            None => KeyTable::default(),
        };
        let secret = self.get(var::AUTH_JWT_SECRET);
        let public_key =
            self.inline_or_file(var::AUTH_JWT_PUBLIC_KEY, var::AUTH_JWT_PUBLIC_KEY_FILE)?;
        let jwt = match (secret, public_key) {
            (None, None) => None,
            (Some(_), Some(_)) => {
                return Err(ConfigError {
                    var: var::AUTH_JWT_SECRET,
                    message: "set a secret (HS256) or a public key (RS256, ES256), not both".into(),
                });
            }
            (secret, public_key) => {
                let algorithm = match (self.get(var::AUTH_JWT_ALGORITHM).as_deref(), &secret) {
                    (None, Some(_)) | (Some("HS256"), Some(_)) => jsonwebtoken::Algorithm::HS256,
                    (None, None) | (Some("RS256"), None) => jsonwebtoken::Algorithm::RS256,
                    (Some("ES256"), None) => jsonwebtoken::Algorithm::ES256,
                    (Some(other), _) => {
                        return Err(ConfigError {
                            var: var::AUTH_JWT_ALGORITHM,
                            message: format!(
                                "{other:?} does not fit the key: HS256 takes {}, RS256 and ES256 take a public key",
                                var::AUTH_JWT_SECRET
                            ),
                        });
                    }
                };
                let required = |name: &'static str| {
                    self.get(name).ok_or_else(|| ConfigError {
                        var: name,
                        message: "required with JWT authentication".into(),
                    })
                };
                let config = JwtConfig {
                    algorithm,
                    key: Secret::new(secret.or(public_key).unwrap_or_default()),
                    issuer: required(var::AUTH_JWT_ISSUER)?,
                    audience: required(var::AUTH_JWT_AUDIENCE)?,
                    leeway: self.duration(var::AUTH_JWT_LEEWAY, "30s")?,
                    share: self.share(var::AUTH_JWT_RATE_SHARE, default_share)?,
                };
                // Check the key now: a bad one must stop the start, not every call.
                crate::auth::jwt::JwtVerifier::new(&config).map_err(|message| ConfigError {
                    var: if algorithm == jsonwebtoken::Algorithm::HS256 {
                        var::AUTH_JWT_SECRET
                    } else {
                        var::AUTH_JWT_PUBLIC_KEY
                    },
                    message,
                })?;
                Some(config)
            }
        };
        let listed = self
            .get(var::AUTH_PUBLIC)
            .unwrap_or_else(|| "health,metrics".to_owned());
        let mut public = Public {
            health: false,
            reflection: false,
            metrics: false,
        };
        for item in listed.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            match item {
                "health" => public.health = true,
                "reflection" => public.reflection = true,
                "metrics" => public.metrics = true,
                "none" => {}
                other => {
                    return Err(ConfigError {
                        var: var::AUTH_PUBLIC,
                        message: format!(
                            "{other:?} is not one of health, reflection, metrics, none"
                        ),
                    });
                }
            }
        }
        Ok(AuthConfig {
            keys,
            jwt,
            public,
            client_certs,
            insecure_no_auth: false,
        })
    }

    fn tls(&self) -> Result<Option<crate::tls::TlsSettings>, ConfigError> {
        let cert = self.get(var::TLS_CERT_FILE);
        let key = self.get(var::TLS_KEY_FILE);
        let ca = self.get(var::TLS_CLIENT_CA_FILE);
        let settings = match (cert, key) {
            (Some(cert), Some(key)) => crate::tls::TlsSettings {
                cert_file: cert.into(),
                key_file: key.into(),
                client_ca_file: ca.map(Into::into),
            },
            (None, None) if ca.is_none() => return Ok(None),
            (None, _) => {
                return Err(ConfigError {
                    var: var::TLS_CERT_FILE,
                    message: format!(
                        "required with {} and {}",
                        var::TLS_KEY_FILE,
                        var::TLS_CLIENT_CA_FILE
                    ),
                });
            }
            (Some(_), None) => {
                return Err(ConfigError {
                    var: var::TLS_KEY_FILE,
                    message: format!("required with {}", var::TLS_CERT_FILE),
                });
            }
        };
        // Load now: a bad file must stop the start with its name.
        crate::tls::server_config(&settings, &[b"h2"]).map_err(|message| ConfigError {
            var: var::TLS_CERT_FILE,
            message,
        })?;
        Ok(Some(settings))
    }

    fn accounts(&self) -> Result<crate::accounts::AccountsConfig, ConfigError> {
        let file = match self.get(var::ACCOUNTS_FILE) {
            None => None,
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
                    var: var::ACCOUNTS_FILE,
                    message: format!("cannot read {path}: {e}"),
                })?;
                Some(
                    crate::accounts::settings::AccountsFile::parse(&text).map_err(|message| {
                        ConfigError {
                            var: var::ACCOUNTS_FILE,
                            message,
                        }
                    })?,
                )
            }
        };
        let default = self.get(var::DEFAULT_ACCOUNT);
        if let Some(name) = &default {
            crate::accounts::name::check(name).map_err(|message| ConfigError {
                var: var::DEFAULT_ACCOUNT,
                message,
            })?;
        }
        let sealing_key = match self.get(var::ACCOUNTS_ENCRYPTION_KEY) {
            None => None,
            Some(text) => Some(crate::accounts::sealed::SealingKey::parse(&text).map_err(
                |message| ConfigError {
                    var: var::ACCOUNTS_ENCRYPTION_KEY,
                    message,
                },
            )?),
        };
        let redirect_url = match self.get(var::OAUTH_REDIRECT_URL) {
            None => None,
            Some(_) => Some(self.url(var::OAUTH_REDIRECT_URL, "")?.to_string()),
        };
        Ok(crate::accounts::AccountsConfig {
            file,
            default,
            admin: crate::accounts::admin::AdminConfig {
                sealing_key,
                redirect_url,
                sync_interval: self.duration(var::ACCOUNTS_SYNC_INTERVAL, "2s")?,
            },
        })
    }

    fn credentials(&self, sandbox: bool) -> Result<Option<Credentials>, ConfigError> {
        let id = self.get(var::RC_CLIENT_ID);
        let secret = self.get(var::RC_CLIENT_SECRET);
        let jwt = self.get(var::RC_JWT);
        match (id, secret, jwt) {
            (Some(client_id), Some(secret), Some(jwt)) => Ok(Some(Credentials {
                client_id,
                client_secret: Secret::new(secret),
                login: rc_client::config::Login::Jwt(Secret::new(jwt)),
            })),
            // Accounts may all come from the accounts file.
            (None, None, None) if sandbox || self.get(var::ACCOUNTS_FILE).is_some() => Ok(None),
            (id, secret, _) => {
                let missing = if id.is_none() {
                    var::RC_CLIENT_ID
                } else if secret.is_none() {
                    var::RC_CLIENT_SECRET
                } else {
                    var::RC_JWT
                };
                Err(ConfigError {
                    var: missing,
                    message: format!(
                        "RingCentral credentials are required: set {}, {} and {} \
                         (or run `rc-gateway serve --sandbox` to use the built-in sandbox)",
                        var::RC_CLIENT_ID,
                        var::RC_CLIENT_SECRET,
                        var::RC_JWT
                    ),
                })
            }
        }
    }
}

/// Parses `60`, `60s`, `500ms`, `2m`, `1h`.
pub fn parse_duration(value: &str) -> Option<Duration> {
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    humantime::parse_duration(value).ok()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(pairs: &[(&str, &str)], sandbox: bool) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned(), sandbox)
    }

    #[test]
    fn defaults_apply_on_the_sandbox() {
        let c = config(&[], true).unwrap();
        assert_eq!(c.grpc_addr.port(), 50051);
        assert_eq!(c.http_addr.port(), 8080);
        assert_eq!(c.sidecar_addr.port(), 8081);
        assert_eq!(c.upstream.request_timeout, Duration::from_secs(30));
        assert_eq!(c.http_max_body_bytes, 1 << 20);
        assert!(c.upstream.credentials.is_none());
    }

    #[test]
    fn missing_credentials_are_refused_outside_the_sandbox() {
        let err = config(&[], false).unwrap_err();
        assert_eq!(err.var, var::RC_CLIENT_ID);
        let err = config(
            &[(var::RC_CLIENT_ID, "id"), (var::RC_CLIENT_SECRET, "s")],
            false,
        )
        .unwrap_err();
        assert_eq!(err.var, var::RC_JWT);
        assert!(err.to_string().contains("--sandbox"));
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = config(&[(var::GRPC_ADDR, "nope")], true).unwrap_err();
        assert_eq!(err.var, var::GRPC_ADDR);
        let err = config(&[(var::RC_REQUEST_TIMEOUT, "soon")], true).unwrap_err();
        assert_eq!(err.var, var::RC_REQUEST_TIMEOUT);
        let err = config(&[(var::HTTP_MAX_BODY_BYTES, "0")], true).unwrap_err();
        assert_eq!(err.var, var::HTTP_MAX_BODY_BYTES);
        let err = config(&[(var::RC_SERVER_URL, "ftp://x")], true).unwrap_err();
        assert_eq!(err.var, var::RC_SERVER_URL);
        let err = config(&[(var::LOG_FORMAT, "xml")], true).unwrap_err();
        assert_eq!(err.var, var::LOG_FORMAT);
    }

    #[test]
    fn resilience_settings_have_documented_defaults() {
        let r = config(&[], true).unwrap().upstream.resilience;
        assert_eq!(r.retry_attempts, 3);
        assert_eq!(r.breaker_threshold, 5);
        assert_eq!(r.breaker_timeout, Duration::from_secs(60));
        assert_eq!(r.limits[2], (ThrottleGroup::Heavy, 10));
        assert_eq!(r.cache_ttl, Duration::from_secs(30));
        assert_eq!(r.idempotency_ttl, Duration::from_secs(86_400));
        let r = config(
            &[
                (var::CACHE_TTL_SITES, "0"),
                (var::RATE_LIMIT_BACKOFF_MULTIPLIER, "0.05"),
            ],
            true,
        )
        .unwrap()
        .upstream
        .resilience;
        assert_eq!(r.cache_ttl_by_resource, vec![("sites", Duration::ZERO)]);
        assert_eq!(r.backoff_multiplier, 0.05);
        let err = config(&[(var::CIRCUIT_BREAKER_THRESHOLD, "0")], true).unwrap_err();
        assert_eq!(err.var, var::CIRCUIT_BREAKER_THRESHOLD);
    }

    #[test]
    fn durations_accept_seconds_and_units() {
        assert_eq!(parse_duration("60"), Some(Duration::from_secs(60)));
        assert_eq!(parse_duration("500ms"), Some(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Some(Duration::from_secs(120)));
        assert_eq!(parse_duration("x"), None);
    }

    #[test]
    fn secrets_do_not_show_in_debug_output() {
        let c = config(
            &[
                (var::RC_CLIENT_ID, "id"),
                (var::RC_CLIENT_SECRET, "top-secret"),
                (var::RC_JWT, "eyJhbGciOi.secret.jwt"),
            ],
            false,
        )
        .unwrap();
        let debug = format!("{c:?}");
        assert!(!debug.contains("top-secret"));
        assert!(!debug.contains("eyJhbGciOi"));
    }
}
