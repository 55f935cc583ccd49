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
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::time::Instant;

use crate::config::Secret;
use crate::events::{EventLog, NewEvent};
pub use keeper::{KeeperConfig, SubscriptionKeeper};

/// RingCentral's handshake header (echoed back as is).
pub const VALIDATION_TOKEN: &str = "validation-token";
/// The token RingCentral sends with every notification.
pub const VERIFICATION_TOKEN: &str = "verification-token";

/// What the ingress reports (metrics).
pub trait IngressHooks: Send + Sync {
    fn received(&self) {}
    fn rejected(&self, _reason: &'static str) {}
    fn acknowledged(&self, _elapsed: Duration) {}
}

/// Reports nothing.
pub struct NoHooks;
impl IngressHooks for NoHooks {}

/// The ingress's shared state.
#[derive(Clone)]
pub struct Ingress {
    pub keeper: Arc<SubscriptionKeeper>,
    pub log: Arc<dyn EventLog>,
    pub hmac_secret: Option<Secret>,
    pub max_body: usize,
    pub hooks: Arc<dyn IngressHooks>,
}

/// `POST /api/webhooks/events` and `POST /api/webhooks/validate`.
pub fn router(ingress: Ingress) -> Router {
    let limit = ingress.max_body;
    Router::new()
        .route("/api/webhooks/events", post(events))
        .route("/api/webhooks/validate", post(validate))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(ingress)
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
    /// Parses and authenticates a notification without storing it.
    async fn check(&self, headers: &HeaderMap, body: &[u8]) -> Result<Notification, Refusal> {
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
        if let Some(secret) = &self.hmac_secret {
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
        self.keeper
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
pub const REJECT_REASONS: [&str; 6] = [
    "malformed",
    "bad_signature",
    "missing_token",
    "unknown_subscription",
    "bad_token",
    "store_unavailable",
];

async fn events(State(ingress): State<Ingress>, headers: HeaderMap, body: Bytes) -> Response {
    let started = Instant::now();
    if let Some(token) = headers.get(VALIDATION_TOKEN) {
        return handshake(token);
    }
    ingress.hooks.received();
    let notification = match ingress.check(&headers, &body).await {
        Ok(n) => n,
        Err(refusal) => {
            ingress.hooks.rejected(refusal.reason);
            tracing::warn!(reason = refusal.reason, "webhook notification refused");
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
async fn validate(State(ingress): State<Ingress>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(token) = headers.get(VALIDATION_TOKEN) {
        return handshake(token);
    }
    match ingress.check(&headers, &body).await {
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
