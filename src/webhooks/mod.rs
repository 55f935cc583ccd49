//! RingCentral's webhook ingress on the sidecar listener: the validation handshake,
//! token and signature checks, deduplication by uuid, and durable storage before the
//! acknowledgement. Kept fast: RingCentral blacklists endpoints that answer slowly.

pub mod keeper;
pub mod verify;

#[cfg(test)]
mod proptests;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::time::Instant;

use crate::events::payload::{MAX_EVENT_DEPTH, body_depth};
use crate::events::{EventLog, NewEvent};
pub use keeper::{KeeperConfig, SubscriptionKeeper};
use rc_client::config::Secret;

pub use rc_spec::webhook::{VALIDATION_TOKEN, VERIFICATION_TOKEN};

/// The webhook ingress and subscription upkeep.
#[derive(Clone, Debug)]
pub struct WebhookConfig {
    /// The URL of /api/webhooks/events as RingCentral reaches it.
    pub public_url: Option<String>,
    /// Secret of relays that sign notifications (HMAC-SHA256).
    pub hmac_secret: Option<Secret>,
    pub max_body_bytes: usize,
    pub check_interval: Duration,
    pub renew_before: Duration,
}

/// What the ingress reports (metrics).
pub trait IngressHooks: Send + Sync {
    fn received(&self) {}
    fn rejected(&self, _reason: &'static str) {}
    fn acknowledged(&self, _elapsed: Duration) {}
}

/// Reports nothing.
pub struct NoHooks;
impl IngressHooks for NoHooks {}

/// The ingress's metrics, registered into the gateway's registry.
pub struct IngressMetrics {
    received: prometheus::IntCounter,
    rejected: prometheus::IntCounterVec,
    ack: prometheus::Histogram,
}

impl IngressMetrics {
    pub fn register(r: &prometheus::Registry) -> prometheus::Result<Arc<Self>> {
        let received = prometheus::IntCounter::new(
            "webhook_events_received_total",
            "Notifications received on the webhook",
        )?;
        r.register(Box::new(received.clone()))?;
        let rejected = prometheus::IntCounterVec::new(
            prometheus::Opts::new("webhook_events_rejected_total", "Notifications refused"),
            &["reason"],
        )?;
        r.register(Box::new(rejected.clone()))?;
        let ack = prometheus::Histogram::with_opts(
            prometheus::HistogramOpts::new(
                "webhook_ack_duration_seconds",
                "Time from a notification's arrival to its acknowledgement (stored durably)",
            )
            .buckets(crate::telemetry::metrics::BUCKETS.to_vec()),
        )?;
        r.register(Box::new(ack.clone()))?;
        for reason in REJECT_REASONS {
            rejected.with_label_values(&[reason]);
        }
        Ok(Arc::new(IngressMetrics {
            received,
            rejected,
            ack,
        }))
    }
}

impl IngressHooks for IngressMetrics {
    fn received(&self) {
        self.received.inc();
    }

    fn rejected(&self, reason: &'static str) {
        self.rejected.with_label_values(&[reason]).inc();
    }

    fn acknowledged(&self, elapsed: Duration) {
        self.ack.observe(elapsed.as_secs_f64());
    }
}

/// The ingress's shared state.
#[derive(Clone)]
pub struct Ingress {
    pub accounts: Arc<crate::accounts::Registry>,
    pub log: Arc<dyn EventLog>,
    pub hmac_secret: Option<Secret>,
    pub max_body: usize,
    pub hooks: Arc<dyn IngressHooks>,
}

/// `POST /api/webhooks/events` (the account named `default`),
/// `POST /api/webhooks/events/{account}` (each other account) and the same under
/// `/api/webhooks/validate`.
pub fn router(ingress: Ingress) -> Router {
    Router::new()
        .route("/api/webhooks/events", post(events_default))
        .route("/api/webhooks/events/{account}", post(events))
        .route("/api/webhooks/validate", post(validate_default))
        .route("/api/webhooks/validate/{account}", post(validate))
        .with_state(ingress)
}

/// The account a notification is for, from its path.
fn account_of(ingress: &Ingress, name: &str) -> Result<Arc<crate::accounts::Account>, Refusal> {
    crate::accounts::name::check(name)
        .map_err(|m| Refusal::new(StatusCode::BAD_REQUEST, "unknown_account", m))?;
    ingress.accounts.get(name).ok_or_else(|| {
        Refusal::new(
            StatusCode::NOT_FOUND,
            "unknown_account",
            format!("no account {name:?} takes notifications here"),
        )
    })
}

async fn events_default(state: State<Ingress>, headers: HeaderMap, body: Body) -> Response {
    events(
        state,
        Path(crate::accounts::name::DEFAULT.to_owned()),
        headers,
        body,
    )
    .await
}

async fn validate_default(state: State<Ingress>, headers: HeaderMap, body: Body) -> Response {
    validate(
        state,
        Path(crate::accounts::name::DEFAULT.to_owned()),
        headers,
        body,
    )
    .await
}

/// A RingCentral notification (only the envelope is read; the body is kept as is).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    uuid: String,
    event: String,
    subscription_id: String,
    #[serde(default)]
    owner_id: Option<Value>,
    #[serde(default)]
    timestamp: Option<String>,
    #[serde(default)]
    body: Value,
}

/// Why a notification was refused, with the status RingCentral (or a relay) gets.
struct Refusal {
    status: StatusCode,
    reason: &'static str,
    message: String,
}

impl Refusal {
    fn new(status: StatusCode, reason: &'static str, message: impl Into<String>) -> Self {
        Refusal {
            status,
            reason,
            message: message.into(),
        }
    }

    fn into_response(self) -> Response {
        (
            self.status,
            axum::Json(json!({"reason": self.reason, "message": self.message})),
        )
            .into_response()
    }
}

/// The handshake answer: 200, the same header back, a tiny body (RingCentral refuses
/// answers over 1024 bytes).
fn handshake(token: &HeaderValue) -> Response {
    let mut response = StatusCode::OK.into_response();
    response
        .headers_mut()
        .insert(VALIDATION_TOKEN, token.clone());
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

impl Ingress {
    /// Reads the body up to `max_body` bytes.
    async fn read(&self, headers: &HeaderMap, body: Body) -> Result<Bytes, Refusal> {
        let too_large = || {
            Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("the notification is larger than {} bytes", self.max_body),
            )
        };
        let declared = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > self.max_body as u64) {
            return Err(too_large());
        }
        axum::body::to_bytes(body, self.max_body)
            .await
            .map_err(|_| too_large())
    }

    /// Parses and authenticates a notification for `account` without storing it: its
    /// Verification-Token must be one of that account's subscriptions', and its
    /// signature that account's secret (or the gateway's).
    async fn check(
        &self,
        account: &crate::accounts::Account,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Notification, Refusal> {
        let notification: Notification = serde_json::from_slice(body).map_err(|e| {
            Refusal::new(
                StatusCode::BAD_REQUEST,
                "malformed",
                format!("not a RingCentral notification: {e}"),
            )
        })?;
        if notification.uuid.is_empty() || notification.subscription_id.is_empty() {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "malformed",
                "uuid and subscriptionId are required",
            ));
        }
        // RingCentral's bodies are objects; anything else could only be stored to be
        // streamed without it.
        if !matches!(notification.body, Value::Object(_) | Value::Null) {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "malformed",
                "the notification's body must be a JSON object",
            ));
        }
        // Refused here, not stored: a stored event that readers cannot decode would
        // stop every watch stream that reaches it.
        let depth = body_depth(&notification.body);
        if depth > MAX_EVENT_DEPTH {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "too_deep",
                format!(
                    "the notification's body is nested too deeply: {depth} protobuf levels, at most {MAX_EVENT_DEPTH} (about {} levels of JSON objects)",
                    MAX_EVENT_DEPTH / 3
                ),
            ));
        }
        if let Some(secret) = account
            .webhook_secret
            .as_ref()
            .or(self.hmac_secret.as_ref())
        {
            let signature = headers
                .get(verify::SIGNATURE_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !verify::signature_valid(secret.expose().as_bytes(), body, signature) {
                return Err(Refusal::new(
                    StatusCode::UNAUTHORIZED,
                    "bad_signature",
                    format!(
                        "missing or wrong {} (HMAC-SHA256 of the body)",
                        verify::SIGNATURE_HEADER
                    ),
                ));
            }
        }
        let presented = headers
            .get(VERIFICATION_TOKEN)
            .and_then(|v| v.to_str().ok());
        account
            .keeper
            .check_token(&notification.subscription_id, presented)
            .await
            .map_err(|rejection| {
                let (status, message) = match rejection {
                    keeper::TokenRejection::Missing => (
                        StatusCode::UNAUTHORIZED,
                        "the notification has no Verification-Token",
                    ),
                    keeper::TokenRejection::StoreUnavailable => (
                        StatusCode::SERVICE_UNAVAILABLE,
                        "the subscription records are unavailable",
                    ),
                    keeper::TokenRejection::UnknownSubscription
                    | keeper::TokenRejection::Mismatch => (
                        StatusCode::FORBIDDEN,
                        "the notification's Verification-Token is not accepted",
                    ),
                };
                Refusal::new(status, rejection.reason(), message)
            })?;
        Ok(notification)
    }
}

/// Every `reason` label of refused notifications.
pub const REJECT_REASONS: [&str; 9] = [
    "unknown_account",
    "malformed",
    "too_large",
    "too_deep",
    "bad_signature",
    "missing_token",
    "unknown_subscription",
    "bad_token",
    "store_unavailable",
];

async fn events(
    State(ingress): State<Ingress>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let started = Instant::now();
    let account = match account_of(&ingress, &name) {
        Ok(account) => account,
        Err(refusal) => {
            ingress.hooks.rejected(refusal.reason);
            return refusal.into_response();
        }
    };
    if let Some(token) = headers.get(VALIDATION_TOKEN) {
        return handshake(token);
    }
    ingress.hooks.received();
    let checked = match ingress.read(&headers, body).await {
        Ok(body) => ingress.check(&account, &headers, &body).await,
        Err(refusal) => Err(refusal),
    };
    let notification = match checked {
        Ok(n) => n,
        Err(refusal) => {
            ingress.hooks.rejected(refusal.reason);
            tracing::warn!(reason = refusal.reason, account = %account.id, "webhook notification refused");
            return refusal.into_response();
        }
    };
    let event = NewEvent {
        uuid: notification.uuid,
        event: notification.event,
        subscription_id: notification.subscription_id,
        owner_id: notification.owner_id.map(|o| match o {
            Value::String(s) => s,
            other => other.to_string(),
        }),
        timestamp: notification.timestamp,
        body: notification.body,
        account: account.event_tag().map(str::to_owned),
    };
    // Stored durably before the acknowledgement: an event RingCentral considers
    // delivered is never lost.
    match ingress.log.append(event).await {
        Ok(appended) => {
            ingress.hooks.acknowledged(started.elapsed());
            if !appended.new {
                tracing::debug!(offset = %appended.offset, "duplicate webhook notification ignored");
            }
            StatusCode::OK.into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "could not store a webhook notification");
            ingress.hooks.rejected("store_unavailable");
            Refusal::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "store_unavailable",
                "the event log is unavailable",
            )
            .into_response()
        }
    }
}

/// Checks a notification as `/events` would, without storing it: for operators and
/// relays testing their setup (tokens, signatures).
async fn validate(
    State(ingress): State<Ingress>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Some(token) = headers.get(VALIDATION_TOKEN) {
        return handshake(token);
    }
    let checked = match account_of(&ingress, &name) {
        Ok(account) => match ingress.read(&headers, body).await {
            Ok(body) => ingress.check(&account, &headers, &body).await,
            Err(refusal) => Err(refusal),
        },
        Err(refusal) => Err(refusal),
    };
    match checked {
        Ok(n) => {
            axum::Json(json!({"valid": true, "subscriptionId": n.subscription_id, "uuid": n.uuid}))
                .into_response()
        }
        Err(refusal) => {
            let status = refusal.status;
            (
                status,
                axum::Json(
                    json!({"valid": false, "reason": refusal.reason, "message": refusal.message}),
                ),
            )
                .into_response()
        }
    }
}
