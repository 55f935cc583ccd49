//! rc-gateway: the RingCentral Platform REST API behind typed gRPC services, the same
//! methods over HTTP/JSON, and a built-in RingCentral sandbox.
//!
//! `main.rs` only parses the command line; everything else lives here so that tests
//! and benchmarks start gateways and sandboxes in-process.

#![forbid(unsafe_code)]

pub mod accounts;
pub mod api;
pub mod audit;
pub mod auth;
pub mod codec;
pub mod config;
pub mod context;
pub mod error;
pub mod events;
pub mod gateway;
pub mod inbound;
pub mod lifecycle;
pub mod listener;
pub mod platform;
pub mod proto;
pub mod sidecar;
pub mod state;
pub mod telemetry;
pub mod tls;
pub mod transcode;
pub mod webhooks;

pub use gateway::{Gateway, Listeners};

/// An HTTP client for the gateway's other outbound calls (the container health check)
/// and for tests and the benchmark.
pub fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .user_agent(concat!("rc-gateway/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(std::time::Duration::from_secs(5))
        .pool_idle_timeout(std::time::Duration::from_secs(90))
        .tcp_nodelay(true)
        .build()
        .expect("the HTTP client builds with static settings")
}

/// Resolves when the process is asked to stop (SIGTERM from Kubernetes, or Ctrl-C).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
