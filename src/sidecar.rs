//! The sidecar listener (default 8081): liveness, readiness and Prometheus metrics.
//! The webhook ingress is merged in from [`crate::webhooks`].

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::get;
use http::{StatusCode, header};

use crate::ringcentral::RingCentral;
use crate::server::Lifecycle;
use crate::telemetry::metrics::Metrics;

#[derive(Clone)]
struct Sidecar {
    lifecycle: Arc<Lifecycle>,
    metrics: Arc<Metrics>,
    rc: RingCentral,
}

/// `/healthz` answers while the process runs; `/readyz` only while it accepts calls;
/// `/metrics` in Prometheus's text format.
pub fn router(lifecycle: Arc<Lifecycle>, metrics: Arc<Metrics>, rc: RingCentral) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(render))
        .with_state(Sidecar {
            lifecycle,
            metrics,
            rc,
        })
}

async fn ready(State(sidecar): State<Sidecar>) -> (StatusCode, &'static str) {
    if sidecar.lifecycle.is_ready() {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
    }
}

async fn render(State(sidecar): State<Sidecar>) -> impl IntoResponse {
    let budget = sidecar
        .rc
        .stores()
        .budget
        .snapshot()
        .await
        .unwrap_or_default();
    let body = sidecar.metrics.render(sidecar.rc.breaker(), &budget);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
}
