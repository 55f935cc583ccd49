//! The sidecar listener (default 8081): liveness, readiness and Prometheus metrics.
//! The webhook ingress is merged in from [`crate::webhooks`].

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{HeaderMap, StatusCode, header};

use crate::auth::Authenticator;
use crate::auth::scopes::{Access, Required};
use crate::events::hub::EventHub;
use crate::lifecycle::Lifecycle;
use crate::telemetry::metrics::Metrics;
use rc_client::RingCentral;
use rc_client::metrics::ClientMetrics;

/// What `/metrics` renders: the registry, and the owners of the gauges read at scrape.
#[derive(Clone)]
pub struct Scraped {
    pub registry: Arc<Metrics>,
    pub client: Arc<ClientMetrics>,
    pub watch: Arc<crate::api::events::WatchMetrics>,
}

#[derive(Clone)]
struct Sidecar {
    lifecycle: Arc<Lifecycle>,
    metrics: Scraped,
    rc: RingCentral,
    auth: Arc<Authenticator>,
    hub: Arc<EventHub>,
}

/// `/healthz` answers while the process runs; `/readyz` only while it accepts calls;
/// `/metrics` in Prometheus's text format (public unless `AUTH_PUBLIC` leaves
/// `metrics` out; then it needs the `metrics:read` scope).
pub fn router(
    lifecycle: Arc<Lifecycle>,
    metrics: Scraped,
    rc: RingCentral,
    auth: Arc<Authenticator>,
    hub: Arc<EventHub>,
) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(render))
        .with_state(Sidecar {
            lifecycle,
            metrics,
            rc,
            auth,
            hub,
        })
}

async fn ready(State(sidecar): State<Sidecar>) -> (StatusCode, &'static str) {
    if sidecar.lifecycle.is_ready() {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready")
    }
}

async fn render(State(sidecar): State<Sidecar>, headers: HeaderMap) -> Response {
    let metrics_scope = Required {
        domain: "metrics",
        access: Access::Read,
    };
    if let Err(denied) = sidecar.auth.check(&headers, None, Some(metrics_scope)) {
        let err = crate::error::Error::from(denied);
        let mut response = (err.http_status(), err.to_string()).into_response();
        if err.grpc_code() == tonic::Code::Unauthenticated {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                http::HeaderValue::from_static("Bearer realm=\"rc-gateway\""),
            );
        }
        return response;
    }
    let budget = sidecar
        .rc
        .stores()
        .budget
        .snapshot()
        .await
        .unwrap_or_default();
    sidecar
        .metrics
        .client
        .refresh(sidecar.rc.breaker(), &budget);
    sidecar.metrics.watch.refresh(sidecar.hub.furthest_behind());
    let body = sidecar.metrics.registry.render();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}
