//! The `rc-gateway` command: parses arguments and hands over to the library.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use rc_gateway::config::{Config, LogFormat};
use rc_gateway::gateway::StartError;
use rc_gateway::{Gateway, Listeners, telemetry};
use rc_sandbox::{self as sandbox, SandboxConfig};

// glibc's allocator spent a sixth of the gateway's CPU time under load (many threads,
// many small short-lived allocations). jemalloc cut that as much as mimalloc did, and
// kept idle memory at glibc's level, where mimalloc added some 15 MB.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Exit code for bad configuration (sysexits EX_USAGE).
const EX_USAGE: u8 = 64;
/// Exit code when a service the gateway needs is unreachable (sysexits EX_UNAVAILABLE).
const EX_UNAVAILABLE: u8 = 69;

#[derive(Parser)]
#[command(
    name = "rc-gateway",
    version,
    about = "gRPC and HTTP/JSON gateway for the RingCentral Platform API"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the gateway (the default). Settings come from environment variables.
    Serve(ServeArgs),
    /// Run only the RingCentral sandbox, for any RingCentral client.
    Sandbox(SandboxArgs),
    /// Exit 0 when a running gateway is ready (for container health checks: the image
    /// has no curl or shell).
    Healthcheck(HealthcheckArgs),
    /// Make a new API key: prints the key (give it to the caller) and its
    /// AUTH_API_KEYS entry (give that to the gateway; it holds only the hash).
    Keygen(KeygenArgs),
}

#[derive(clap::Args)]
struct KeygenArgs {
    /// The caller's name in logs, metrics and the audit trail.
    #[arg(long)]
    id: String,
    /// Scopes, e.g. extensions:read,events:read (see README.md, Security).
    #[arg(long)]
    scopes: String,
    /// Part of each RingCentral rate-limit group the key may use, in (0, 1].
    #[arg(long)]
    share: Option<f64>,
}

#[derive(clap::Args)]
struct HealthcheckArgs {
    /// Readiness URL; by default /readyz on the port of SIDECAR_ADDR, on 127.0.0.1.
    #[arg(long)]
    url: Option<String>,
}

#[derive(clap::Args, Default)]
struct ServeArgs {
    /// Run against a built-in RingCentral sandbox (no account needed).
    #[arg(long)]
    sandbox: bool,
    /// Accept every caller without credentials (only on a trusted network; a warning
    /// is logged at every start).
    #[arg(long)]
    insecure_no_auth: bool,
}

#[derive(clap::Args)]
struct SandboxArgs {
    /// Address to listen on.
    #[arg(long, env = "SANDBOX_ADDR", default_value = "127.0.0.1:9090")]
    addr: SocketAddr,
    /// Do not enforce RingCentral's rate limits.
    #[arg(long)]
    unthrottled: bool,
    /// Lifetime of issued access tokens, in seconds.
    #[arg(long, default_value_t = 3600)]
    access_token_ttl: u64,
    /// Sign webhook notifications with this secret (X-Webhook-Signature), like a
    /// signing relay; give the gateway the same WEBHOOK_HMAC_SECRET.
    #[arg(long, env = "WEBHOOK_HMAC_SECRET", hide_env_values = true)]
    webhook_hmac_secret: Option<String>,
    /// The app's client id (instead of the documented default).
    #[arg(long, env = "SANDBOX_CLIENT_ID")]
    client_id: Option<String>,
    /// The app's client secret (instead of the documented default).
    #[arg(long, env = "SANDBOX_CLIENT_SECRET", hide_env_values = true)]
    client_secret: Option<String>,
    /// The user JWT that logs in (instead of the documented default).
    #[arg(long, env = "SANDBOX_JWT", hide_env_values = true)]
    jwt: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("rc-gateway: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => runtime.block_on(serve(args)),
        Command::Sandbox(args) => runtime.block_on(run_sandbox(args)),
        Command::Healthcheck(args) => runtime.block_on(healthcheck(args)),
        Command::Keygen(args) => keygen(args),
    }
}

fn keygen(args: KeygenArgs) -> ExitCode {
    use rc_gateway::auth::keys;
    let key = keys::generate();
    let mut entry = format!(
        "id={} hash={} scopes={}",
        args.id,
        keys::hash(&key),
        args.scopes
    );
    if let Some(share) = args.share {
        entry.push_str(&format!(" share={share}"));
    }
    // The entry must be one the gateway accepts.
    if let Err(e) = keys::KeyTable::parse(&entry, 1.0) {
        eprintln!("rc-gateway keygen: {e}");
        return ExitCode::from(EX_USAGE);
    }
    println!("key:   {key}");
    println!("entry: {entry}");
    ExitCode::SUCCESS
}

async fn healthcheck(args: HealthcheckArgs) -> ExitCode {
    let url = args.url.unwrap_or_else(|| {
        let port = std::env::var(rc_gateway::config::var::SIDECAR_ADDR)
            .ok()
            .and_then(|a| a.parse::<SocketAddr>().ok())
            .map_or(8081, |a| a.port());
        format!("http://127.0.0.1:{port}/readyz")
    });
    let client = rc_gateway::http_client();
    let answer = client
        .get(&url)
        .timeout(Duration::from_secs(3))
        .send()
        .await;
    match answer {
        Ok(response) if response.status().is_success() => ExitCode::SUCCESS,
        Ok(response) => {
            eprintln!(
                "rc-gateway healthcheck: {url} answered {}",
                response.status()
            );
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("rc-gateway healthcheck: {url}: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(args: ServeArgs) -> ExitCode {
    let mut config = match Config::from_env(args.sandbox) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("rc-gateway: {err}");
            return ExitCode::from(EX_USAGE);
        }
    };
    config.auth.insecure_no_auth = args.insecure_no_auth;
    let telemetry = telemetry::init(&config.telemetry);
    let code = run_gateway(config).await;
    // Flushing waits on the exporter, which needs the runtime's workers: off them.
    let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
    code
}

async fn run_gateway(config: Config) -> ExitCode {
    let listeners = match Listeners::bind(&config).await {
        Ok(listeners) => listeners,
        Err(err) => {
            tracing::error!(error = %err, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    let gateway = match Gateway::start(config, listeners).await {
        Ok(gateway) => gateway,
        Err(err) => {
            tracing::error!(error = %err, "cannot start");
            return ExitCode::from(match err {
                StartError::SharedState(_) => EX_UNAVAILABLE,
                _ => EX_USAGE,
            });
        }
    };
    rc_gateway::shutdown_signal().await;
    tracing::info!("shutting down");
    gateway.shutdown().await;
    ExitCode::SUCCESS
}

async fn run_sandbox(args: SandboxArgs) -> ExitCode {
    let format = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        LogFormat::Text
    } else {
        LogFormat::Json
    };
    let telemetry = telemetry::init(&telemetry::TelemetryConfig {
        log_level: std::env::var("LOG_LEVEL").unwrap_or_else(|_| "info".into()),
        log_format: format,
        otlp_endpoint: None,
        service_name: "rc-gateway-sandbox".into(),
    });
    let defaults = SandboxConfig::default();
    let config = SandboxConfig {
        throttling: !args.unthrottled,
        access_token_ttl: Duration::from_secs(args.access_token_ttl.max(1)),
        webhook_signing_secret: args.webhook_hmac_secret.filter(|s| !s.is_empty()),
        client_id: args.client_id.unwrap_or(defaults.client_id.clone()),
        client_secret: args.client_secret.unwrap_or(defaults.client_secret.clone()),
        jwts: args.jwt.map_or(defaults.jwts.clone(), |jwt| vec![jwt]),
        ..defaults
    };
    let client_id = config.client_id.clone();
    let listener = match tokio::net::TcpListener::bind(args.addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("rc-gateway sandbox: cannot listen on {}: {err}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    let running = match sandbox::start(config, listener).await {
        Ok(running) => running,
        Err(err) => {
            eprintln!("rc-gateway sandbox: {err}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(
        url = %running.url(),
        %client_id,
        "RingCentral sandbox ready; log in with its app credentials and JWT (defaults in README.md)"
    );
    rc_gateway::shutdown_signal().await;
    running.stop().await;
    let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
    ExitCode::SUCCESS
}
