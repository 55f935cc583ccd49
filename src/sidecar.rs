//! The sidecar listener (default 8081): liveness and readiness for Kubernetes.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use http::StatusCode;

use crate::server::Lifecycle;

/// `/healthz` answers while the process runs; `/readyz` only while it accepts calls.
pub fn router(lifecycle: Arc<Lifecycle>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .with_state(lifecycle)
}

async fn ready(State(lifecycle): State<Arc<Lifecycle>>) -> (StatusCode, &'static str) {
    if lifecycle.is_ready() {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
    }
}
