//! Wires the gateway together and runs its three listeners with graceful shutdown:
//! gRPC (tonic), HTTP/JSON (axum, transcoding into the same gRPC services) and the
//! sidecar (probes; later webhooks and metrics).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tower::util::BoxCloneSyncService;
use tower::{ServiceBuilder, ServiceExt};

use crate::api::events::WatchMetrics;
use crate::auth::AuthMetrics;
use crate::config::{Config, ConfigError};
use crate::events::EventLog;
use crate::events::hub::EventHub;
use crate::lifecycle::Lifecycle;
use crate::listener::{self, ListenerMetrics, Protocol};
use crate::telemetry::metrics::Metrics;
use crate::telemetry::observe;
use crate::transcode::{self, GrpcService, Transcoder};
use crate::webhooks::IngressMetrics;
use crate::webhooks::{self, KeeperConfig};
use crate::{api, sidecar};
use rc_client::metrics::ClientMetrics;
use rc_sandbox::{self as sandbox, RunningSandbox, SandboxConfig};

/// Why the gateway could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot listen: {0}")]
    Io(#[from] std::io::Error),
    #[error("bad HTTP rules in the protos: {0}")]
    Routes(String),
    #[error("invalid {var}: {message}")]
    Setting { var: &'static str, message: String },
    #[error("shared state unavailable: {0}")]
    SharedState(String),
}

/// The three listening sockets.
pub struct Listeners {
    pub grpc: TcpListener,
    pub http: TcpListener,
    pub sidecar: TcpListener,
}

impl Listeners {
    /// Binds the configured addresses.
    pub async fn bind(config: &Config) -> std::io::Result<Self> {
        Ok(Listeners {
            grpc: bind(config.grpc_addr).await?,
            http: bind(config.http_addr).await?,
            sidecar: bind(config.sidecar_addr).await?,
        })
    }

    /// Three ephemeral loopback ports (tests, benchmarks).
    pub async fn ephemeral() -> std::io::Result<Self> {
        let any: SocketAddr = ([127, 0, 0, 1], 0).into();
        Ok(Listeners {
            grpc: TcpListener::bind(any).await?,
            http: TcpListener::bind(any).await?,
            sidecar: TcpListener::bind(any).await?,
        })
    }
}

async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| std::io::Error::new(e.kind(), format!("{addr}: {e}")))
}

/// A running gateway.
pub struct Gateway {
    pub grpc_addr: SocketAddr,
    pub http_addr: SocketAddr,
    pub sidecar_addr: SocketAddr,
    /// The in-process sandbox of `serve --sandbox`.
    pub sandbox: Option<RunningSandbox>,
    pub accounts: Arc<crate::accounts::Registry>,
    lifecycle: Arc<Lifecycle>,
    health: tonic_health::server::HealthReporter,
    shutdown: CancellationToken,
    grace: Duration,
    servers: tokio::task::JoinSet<()>,
}

impl Gateway {
    /// Starts serving on `listeners`.
    pub async fn start(mut config: Config, listeners: Listeners) -> Result<Gateway, StartError> {
        let sandbox = if config.sandbox {
            let listener =
                TcpListener::bind(config.sandbox_addr)
                    .await
                    .map_err(|e| StartError::Setting {
                        var: crate::config::var::SANDBOX_ADDR,
                        message: format!(
                            "the built-in sandbox cannot listen on {}: {e}",
                            config.sandbox_addr
                        ),
                    })?;
            // The sandbox accepts the gateway's own credentials when RC_* are set, so
            // that a configuration can be tried on it as it is; else its defaults.
            let signing = config
                .webhooks
                .hmac_secret
                .as_ref()
                .map(|s| s.expose().to_owned());
            let mut sandbox_accounts = Vec::new();
            // The env account, unless every account comes from the accounts file.
            if config.upstream.credentials.is_some() || config.accounts.file.is_none() {
                let credentials = config
                    .upstream
                    .credentials
                    .get_or_insert_with(crate::config::sandbox_credentials)
                    .clone();
                let jwt = match &credentials.login {
                    rc_client::config::Login::Jwt(jwt) => vec![jwt.expose().to_owned()],
                    rc_client::config::Login::Authorized(_) => Vec::new(),
                };
                sandbox_accounts.push((
                    crate::accounts::name::DEFAULT.to_owned(),
                    SandboxConfig {
                        webhook_signing_secret: signing.clone(),
                        client_id: credentials.client_id,
                        client_secret: credentials.client_secret.expose().to_owned(),
                        jwts: jwt,
                        ..SandboxConfig::default()
                    },
                ));
            }
            // Each account of the file gets a sandbox account of its own, with its
            // credentials (the sandbox's server URL replaces the file's).
            for entry in config.accounts.file.iter().flat_map(|f| &f.accounts) {
                sandbox_accounts.push((
                    entry.id.clone(),
                    SandboxConfig {
                        webhook_signing_secret: entry.webhook_secret.clone().or(signing.clone()),
                        client_id: entry.client_id.clone(),
                        client_secret: entry.client_secret.clone(),
                        jwts: entry.jwt.iter().cloned().collect(),
                        ..SandboxConfig::default()
                    },
                ));
            }
            let running = sandbox::start_accounts(sandbox_accounts, listener).await?;
            if let Some(file) = &mut config.accounts.file {
                for entry in &mut file.accounts {
                    entry.server_url = None;
                }
            }
            config.upstream.server_url = running
                .url()
                .parse()
                .map_err(|e| StartError::Routes(format!("sandbox URL: {e}")))?;
            tracing::info!(url = %running.url(), "running against the built-in RingCentral sandbox");
            Some(running)
        } else {
            None
        };
        if config.upstream.credentials.is_none() && config.accounts.file.is_none() {
            return Err(ConfigError {
                var: crate::config::var::RC_CLIENT_ID,
                message: "RingCentral credentials are required".into(),
            }
            .into());
        }
        let grpc_addr = listeners.grpc.local_addr()?;
        let http_addr = listeners.http.local_addr()?;
        let sidecar_addr = listeners.sidecar.local_addr()?;
        if config.webhooks.public_url.is_none() && config.sandbox {
            // The sandbox delivers on this machine: it can reach the sidecar directly.
            config.webhooks.public_url = Some(format!(
                "http://127.0.0.1:{}/api/webhooks/events",
                sidecar_addr.port()
            ));
        }

        let backend = crate::state::Backend::open(
            config.redis.as_ref(),
            &config.events,
            &config.upstream.resilience,
        )
        .await
        .map_err(|e| match e {
            crate::state::OpenError::DataDir(message) => StartError::Setting {
                var: crate::config::var::DATA_DIR,
                message,
            },
            crate::state::OpenError::Redis(message) => {
                StartError::SharedState(format!("{message} ({})", crate::config::var::REDIS_URL))
            }
        })?;
        let caller_tokens = backend.stores.caller_tokens.clone();
        let backend = Arc::new(backend);
        let log = backend.log();
        let newest = log.bounds().await.ok().flatten().map(|(_, newest)| newest);
        let hub = Arc::new(EventHub::new(log.clone(), newest));
        let shutdown = CancellationToken::new();
        let mut servers = tokio::task::JoinSet::new();
        backend.feed(hub.clone(), &mut servers, &shutdown);
        // One registry; each part registers its own metrics into it.
        let metrics = Arc::new(Metrics::new());
        let registered = |e: prometheus::Error| StartError::Routes(format!("metrics: {e}"));
        let client_metrics = ClientMetrics::register(metrics.registry()).map_err(registered)?;
        let watch_metrics = WatchMetrics::register(metrics.registry()).map_err(registered)?;
        let ingress_metrics = IngressMetrics::register(metrics.registry()).map_err(registered)?;
        let auth_metrics = AuthMetrics::register(metrics.registry()).map_err(registered)?;
        let authenticator = authenticator(&config, auth_metrics)?;
        let audit_log =
            crate::audit::AuditLog::open(&config.audit).map_err(|e| StartError::Setting {
                var: crate::config::var::AUDIT_LOG,
                message: e.to_string(),
            })?;
        let auditor = Arc::new(crate::audit::Auditor::new(audit_log, &authenticator.table));
        if config.accounts.admin.redirect_url.is_none() && config.sandbox {
            // The sandbox's authorize page sends the browser back on this machine.
            config.accounts.admin.redirect_url = Some(format!(
                "http://127.0.0.1:{}{}",
                http_addr.port(),
                crate::accounts::onboarding::CALLBACK_PATH
            ));
        }
        let factory = crate::accounts::Factory {
            client: config.upstream.clone(),
            backend: backend.clone(),
            connector: rc_client::stack::Connector::new(),
            metrics: client_metrics.clone(),
            keeper: KeeperConfig {
                public_url: config.webhooks.public_url.clone(),
                check_interval: config.webhooks.check_interval,
                renew_before: config.webhooks.renew_before,
            },
            shutdown: shutdown.clone(),
        };
        let accounts = Arc::new(crate::accounts::load(&config, &factory).map_err(|message| {
            StartError::Setting {
                var: crate::config::var::ACCOUNTS_FILE,
                message,
            }
        })?);
        let admin = Arc::new(crate::accounts::admin::Admin::new(
            accounts.clone(),
            factory,
            backend.accounts(),
            config.accounts.admin.clone(),
        ));
        // Accounts added through the admin API, before the first call.
        admin
            .sync()
            .await
            .map_err(|e| StartError::SharedState(e.to_string()))?;
        servers.spawn(admin.clone().run_sync(shutdown.clone()));
        let lifecycle = Arc::new(Lifecycle::new(backend.health()));
        let (health, health_service) = tonic_health::server::health_reporter();
        for name in api::SERVICE_NAMES {
            health
                .set_service_status(*name, tonic_health::ServingStatus::Serving)
                .await;
        }
        health
            .set_service_status("", tonic_health::ServingStatus::Serving)
            .await;

        let backends = api::Backends {
            accounts: accounts.clone(),
            admin: admin.clone(),
            lifecycle: lifecycle.clone(),
            hub: hub.clone(),
            shutdown: shutdown.clone(),
            watch_hooks: watch_metrics.clone(),
            sandbox: config.sandbox,
            auth: authenticator.auth.clone(),
            auditor: auditor.clone(),
        };
        let routes = api::routes(&backends, health_service, config.grpc_max_message_bytes);
        // One stack for gRPC and transcoded HTTP calls: context, audit trail, caller
        // authentication, services.
        let grpc: GrpcService = BoxCloneSyncService::new(
            ServiceBuilder::new()
                .layer(crate::context::RequestContextLayer::with_timeout(
                    config.request_timeout,
                ))
                .layer(crate::codec::MessageLimitLayer::with(
                    config.grpc_max_message_bytes,
                ))
                .layer(crate::audit::AuditLayer::with(
                    auditor.clone(),
                    config.grpc_max_message_bytes,
                ))
                .layer(crate::auth::layer::AuthLayer::with(
                    authenticator.auth.clone(),
                    accounts.clone(),
                ))
                .service(routes),
        );
        let transcoder = Transcoder::new(
            grpc.clone(),
            &authenticator.auth,
            transcode::Settings {
                max_body_bytes: config.http_max_body_bytes,
                max_header_bytes: config.listeners.max_header_bytes,
                webhook_url: config.webhooks.public_url.clone(),
            },
        )
        .map_err(StartError::Routes)?;

        servers.spawn(prune_events(
            log.clone(),
            config.events.clone(),
            shutdown.clone(),
        ));

        let (grpc_tls, http_tls) = match &config.tls {
            Some(tls) => {
                let tls_error = |message| StartError::Setting {
                    var: crate::config::var::TLS_CERT_FILE,
                    message,
                };
                let grpc_tls = crate::tls::server_config(tls, &[b"h2"]).map_err(tls_error)?;
                let http_tls =
                    crate::tls::server_config(tls, &[b"h2", b"http/1.1"]).map_err(tls_error)?;
                (
                    Some(crate::tls::Acceptor::new(grpc_tls)),
                    Some(crate::tls::Acceptor::new(http_tls)),
                )
            }
            None => (None, None),
        };
        let listener_metrics = ListenerMetrics::register(metrics.registry())
            .map_err(|e| StartError::Routes(format!("listener metrics: {e}")))?;
        let limits = config.listeners;
        // The RPCs the scope table knows are the ones served (metric labels).
        let known = authenticator.table.iter().map(|(path, _)| Arc::from(path));
        let grpc_app = tower::Layer::layer(
            &observe::GrpcObserveLayer::with(metrics.clone(), known),
            grpc,
        )
        .map_request(|request: http::Request<hyper::body::Incoming>| {
            request.map(tonic::body::Body::new)
        });
        servers.spawn(listener::serve(
            listener::Listener {
                tcp: listeners.grpc,
                tls: grpc_tls,
            },
            grpc_app,
            Protocol::Grpc,
            limits,
            listener_metrics.clone(),
            shutdown.clone(),
            "grpc",
        ));

        let observe_http = observe::HttpObserve {
            metrics: metrics.clone(),
            transcoder: transcoder.clone(),
        };
        let platform = crate::platform::Platform::new(
            accounts.clone(),
            caller_tokens,
            authenticator.auth.clone(),
            auditor.clone(),
            crate::platform::PlatformConfig {
                max_body_bytes: config.http_max_body_bytes,
                request_timeout: config.request_timeout,
            },
        );
        let http_app = transcode::router(transcoder)
            .merge(crate::platform::router(platform))
            .merge(crate::accounts::onboarding::router(admin.clone()))
            .layer(axum::middleware::from_fn_with_state(
                observe_http,
                observe::http,
            ));
        servers.spawn(listener::serve(
            listener::Listener {
                tcp: listeners.http,
                tls: http_tls,
            },
            axum_service(http_app),
            Protocol::Http,
            limits,
            listener_metrics.clone(),
            shutdown.clone(),
            "http",
        ));
        let ingress = webhooks::Ingress {
            accounts: accounts.clone(),
            log,
            hmac_secret: config.webhooks.hmac_secret.clone(),
            max_body: config.webhooks.max_body_bytes,
            hooks: ingress_metrics,
        };
        let sidecar_app = sidecar::router(
            lifecycle.clone(),
            sidecar::Scraped {
                registry: metrics.clone(),
                gauges: vec![
                    Arc::new(sidecar::ClientGauges {
                        accounts: accounts.clone(),
                    }),
                    Arc::new(sidecar::WatchGauges {
                        hub: hub.clone(),
                        metrics: watch_metrics,
                    }),
                ],
            },
            authenticator.auth.clone(),
        )
        .merge(webhooks::router(ingress));
        servers.spawn(listener::serve(
            listener::Listener {
                tcp: listeners.sidecar,
                tls: None,
            },
            axum_service(sidecar_app),
            Protocol::Http,
            limits,
            listener_metrics,
            shutdown.clone(),
            "sidecar",
        ));

        lifecycle.set_started();
        // The default account's upstream (or the only one's): tests and operators read it.
        let upstream = accounts
            .default_name()
            .and_then(|d| accounts.get(d))
            .or_else(|| accounts.all().into_iter().next())
            .map(|a| a.rc.server_url().to_string())
            .unwrap_or_default();
        tracing::info!(%grpc_addr, %http_addr, %sidecar_addr, %upstream, accounts = accounts.len(), "rc-gateway started");
        Ok(Gateway {
            grpc_addr,
            http_addr,
            sidecar_addr,
            sandbox,
            accounts,
            lifecycle,
            health,
            shutdown,
            grace: config.shutdown_grace,
            servers,
        })
    }

    /// Stops accepting new calls, lets in-flight calls finish within the grace
    /// period, then stops. Readiness and grpc.health.v1 report NOT_SERVING first.
    pub async fn shutdown(mut self) {
        self.lifecycle.set_shutting_down();
        for name in api::SERVICE_NAMES.iter().chain(&[""]) {
            self.health
                .set_service_status(*name, tonic_health::ServingStatus::NotServing)
                .await;
        }
        self.shutdown.cancel();
        let drained = tokio::time::timeout(self.grace, async {
            while self.servers.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            tracing::warn!(
                grace_s = self.grace.as_secs(),
                "calls still running after the grace period; stopping anyway"
            );
            self.servers.abort_all();
        }
        if let Some(sandbox) = self.sandbox.take() {
            sandbox.stop().await;
        }
        tracing::info!("rc-gateway stopped");
    }
}

/// An axum router as the tower service a listener serves.
fn axum_service(
    router: axum::Router,
) -> impl tower::Service<
    http::Request<hyper::body::Incoming>,
    Response = axum::response::Response,
    Error = Infallible,
    Future = impl Send,
> + Clone
+ Send
+ 'static {
    router.map_request(|request: http::Request<hyper::body::Incoming>| {
        request.map(axum::body::Body::new)
    })
}

/// The caller authentication of a gateway, and the scope table it checks against.
struct CallerAuth {
    auth: Arc<crate::auth::Authenticator>,
    table: Arc<crate::auth::scopes::Table>,
}

/// Builds caller authentication, refusing to start without any unless the gateway
/// runs on the sandbox or was told `--insecure-no-auth`.
fn authenticator(
    config: &Config,
    metrics: Arc<crate::auth::AuthMetrics>,
) -> Result<CallerAuth, StartError> {
    let auth = &config.auth;
    if !auth.configured() {
        if !config.sandbox && !auth.insecure_no_auth {
            return Err(StartError::Setting {
                var: crate::config::var::AUTH_API_KEYS,
                message: format!(
                    "no caller authentication is configured: set {}, AUTH_JWT_* or {} \
                     (or start with --insecure-no-auth on a trusted network)",
                    crate::config::var::AUTH_API_KEYS,
                    crate::config::var::TLS_CLIENT_CA_FILE
                ),
            });
        }
        tracing::warn!(
            "caller authentication is OFF: anyone who can reach the gRPC and HTTP ports \
             acts with the gateway's RingCentral administrator rights"
        );
    }
    let table = Arc::new(
        crate::auth::scopes::Table::get()
            .map_err(StartError::Routes)?
            .clone(),
    );
    let auth =
        crate::auth::Authenticator::new(auth, table.clone(), metrics).map_err(|message| {
            StartError::Setting {
                var: crate::config::var::AUTH_JWT_SECRET,
                message,
            }
        })?;
    Ok(CallerAuth {
        auth: Arc::new(auth),
        table,
    })
}

/// Applies the event retention every minute (more often when the retention is short,
/// so that events do not outlive it by much).
async fn prune_events(
    log: Arc<dyn EventLog>,
    config: crate::config::EventsConfig,
    shutdown: CancellationToken,
) {
    let every = (config.retention / 4).clamp(Duration::from_secs(1), Duration::from_secs(60));
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = tokio::time::sleep(every) => {}
        }
        match log.prune(config.retention, config.max_events).await {
            Ok(0) => {}
            Ok(dropped) => tracing::info!(dropped, "pruned old events"),
            Err(e) => tracing::warn!(error = %e, "could not prune the event log"),
        }
    }
}
