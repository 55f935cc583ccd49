//! The sidecar listener (default 8081): liveness, readiness and Prometheus metrics.
//! The webhook ingress is merged in from [`crate::webhooks`].

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures::future::BoxFuture;
use http::{HeaderMap, StatusCode, header};

use crate::auth::Authenticator;
use crate::auth::scopes::{Access, Required};
use crate::events::hub::EventHub;
use crate::lifecycle::Lifecycle;
use crate::telemetry::metrics::Metrics;

/// A part whose gauges are read from its state when `/metrics` is scraped rather
/// than kept current on every change.
pub trait Gauges: Send + Sync {
    fn refresh(&self) -> BoxFuture<'_, ()>;
}

/// What `/metrics` renders: the registry, after refreshing the gauges read at scrape.
#[derive(Clone)]
pub struct Scraped {
    pub registry: Arc<Metrics>,
    pub gauges: Vec<Arc<dyn Gauges>>,
}

/// The client's breaker state and rate-budget occupancy.
pub struct ClientGauges {
    pub accounts: Arc<crate::accounts::Registry>,
}

impl Gauges for ClientGauges {
    fn refresh(&self) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            for account in self.accounts.all() {
                let budget = account
                    .rc
                    .stores()
                    .budget
                    .snapshot()
                    .await
                    .unwrap_or_default();
                account.metrics.refresh(account.rc.breaker(), &budget);
            }
        })
    }
}

/// How far the slowest watch stream is behind the event log.
pub struct WatchGauges {
    pub hub: Arc<EventHub>,
    pub metrics: Arc<crate::api::events::WatchMetrics>,
}

impl Gauges for WatchGauges {
    fn refresh(&self) -> BoxFuture<'_, ()> {
        self.metrics.refresh(self.hub.furthest_behind());
        Box::pin(async {})
    }
}

#[derive(Clone)]
struct Sidecar {
    lifecycle: Arc<Lifecycle>,
    metrics: Scraped,
    auth: Arc<Authenticator>,
}

/// `/healthz` answers while the process runs; `/readyz` only while it accepts calls;
/// `/metrics` in Prometheus's text format (public unless `AUTH_PUBLIC` leaves
/// `metrics` out; then it needs the `metrics:read` scope).
pub fn router(lifecycle: Arc<Lifecycle>, metrics: Scraped, auth: Arc<Authenticator>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(render))
        .with_state(Sidecar {
            lifecycle,
            metrics,
            auth,
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
    let metrics_scope = Required::new("metrics", Access::Read);
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
    for gauges in &sidecar.metrics.gauges {
        gauges.refresh().await;
    }
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use axum::body::Body;
    use http::Request;
    use http_body_util::BodyExt;
    use prometheus::IntGauge;
    use tower::ServiceExt;

    use super::*;
    use crate::auth::{AuthConfig, NoHooks, Public, keys};

    /// A gauge set from a counter of scrapes, to see that it is read at each one.
    struct Scrapes(IntGauge);

    impl Gauges for Scrapes {
        fn refresh(&self) -> BoxFuture<'_, ()> {
            self.0.inc();
            Box::pin(async {})
        }
    }

    fn sidecar(public_metrics: bool, redis_up: Arc<AtomicBool>) -> (Router, Arc<Lifecycle>) {
        let registry = Arc::new(Metrics::new());
        let scrapes = IntGauge::new("test_scrapes", "scrapes seen").unwrap();
        registry
            .registry()
            .register(Box::new(scrapes.clone()))
            .unwrap();
        let config = AuthConfig {
            keys: keys::KeyTable::parse(
                &format!(
                    "id=ops hash={} scopes=metrics:read; id=app hash={} scopes=sites:read",
                    keys::hash("ops-key"),
                    keys::hash("app-key")
                ),
                1.0,
            )
            .unwrap(),
            jwt: None,
            public: Public {
                health: true,
                reflection: false,
                metrics: public_metrics,
            },
            client_certs: false,
            insecure_no_auth: false,
        };
        let auth = Authenticator::new(&config, Arc::default(), Arc::new(NoHooks)).unwrap();
        let lifecycle = Arc::new(Lifecycle::new(Some(redis_up)));
        let scraped = Scraped {
            registry,
            gauges: vec![Arc::new(Scrapes(scrapes))],
        };
        (
            router(lifecycle.clone(), scraped, Arc::new(auth)),
            lifecycle,
        )
    }

    async fn get(app: &Router, path: &str, key: Option<&str>) -> (StatusCode, HeaderMap, String) {
        let mut request = Request::get(path).body(Body::empty()).unwrap();
        if let Some(key) = key {
            request
                .headers_mut()
                .insert("x-api-key", key.parse().unwrap());
        }
        let response = app.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        let body = body.collect().await.unwrap().to_bytes();
        (
            parts.status,
            parts.headers,
            String::from_utf8(body.to_vec()).unwrap(),
        )
    }

    #[tokio::test]
    async fn readiness_follows_start_shutdown_and_the_shared_state_while_liveness_stays() {
        let redis_up = Arc::new(AtomicBool::new(true));
        let (app, lifecycle) = sidecar(true, redis_up.clone());
        let probe = |path: &'static str| {
            let app = app.clone();
            async move { get(&app, path, None).await.0 }
        };
        assert_eq!(probe("/healthz").await, StatusCode::OK);
        assert_eq!(probe("/readyz").await, StatusCode::SERVICE_UNAVAILABLE);
        lifecycle.set_started();
        assert_eq!(probe("/readyz").await, StatusCode::OK);
        redis_up.store(false, Ordering::Release);
        assert_eq!(probe("/readyz").await, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(probe("/healthz").await, StatusCode::OK);
        redis_up.store(true, Ordering::Release);
        assert_eq!(probe("/readyz").await, StatusCode::OK);
        lifecycle.set_shutting_down();
        assert_eq!(probe("/readyz").await, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(probe("/healthz").await, StatusCode::OK);
    }

    #[tokio::test]
    async fn metrics_refresh_their_scrape_time_gauges_and_render_prometheus_text() {
        let (app, _) = sidecar(true, Arc::new(AtomicBool::new(true)));
        let (status, headers, body) = get(&app, "/metrics", None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/plain; version=0.0.4")
        );
        assert!(body.contains("\ntest_scrapes 1\n"), "{body}");
        let (_, _, body) = get(&app, "/metrics", None).await;
        assert!(body.contains("\ntest_scrapes 2\n"), "{body}");
    }

    #[tokio::test]
    async fn private_metrics_need_the_metrics_scope() {
        let (app, _) = sidecar(false, Arc::new(AtomicBool::new(true)));
        let (status, headers, _) = get(&app, "/metrics", None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(headers.contains_key(header::WWW_AUTHENTICATE));
        assert_eq!(
            get(&app, "/metrics", Some("wrong")).await.0,
            StatusCode::UNAUTHORIZED
        );
        let (status, _, body) = get(&app, "/metrics", Some("app-key")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        let (status, _, body) = get(&app, "/metrics", Some("ops-key")).await;
        assert_eq!(status, StatusCode::OK);
        // Refused scrapes do not count as scrapes.
        assert!(body.contains("\ntest_scrapes 1\n"), "{body}");
        // Probes stay open whatever the metrics policy.
        assert_eq!(get(&app, "/healthz", None).await.0, StatusCode::OK);
    }
}
