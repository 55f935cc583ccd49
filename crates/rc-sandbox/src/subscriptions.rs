//! `/restapi/v1.0/subscription[/{subscriptionId}[/renew]]`: WebHook subscriptions,
//! created only after the delivery address passes the validation handshake.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::{Extension, Path, State as AxumState};
use axum::response::{IntoResponse, Json, Response};
use bytes::Bytes;
use http::StatusCode;
use tokio::sync::mpsc;

use super::errors::ApiError;
use super::extensions::parse_body;
use super::gate::Caller;
use super::seed::rc_time;
use super::state::State;
use super::webhooks::{self, Notification};
use rc_spec::models::{
    CreateSubscriptionRequest, DeliveryModeInfo, SubscriptionInfo, SubscriptionList,
};

/// RingCentral's default lifetime: 7 days; the WebHook maximum: 10 years.
const DEFAULT_EXPIRES_IN: u64 = 604_800;
const MAX_EXPIRES_IN: u64 = 315_360_000;
/// RingCentral's limit of subscriptions per user and app.
const MAX_SUBSCRIPTIONS: usize = 30;

/// A subscription as the sandbox keeps it.
pub struct SandboxSubscription {
    pub info: SubscriptionInfo,
    pub token: Option<String>,
    pub owner_id: i64,
    pub expires_at: SystemTime,
    pub lifetime: Duration,
    pub failures: u32,
    pub queue: mpsc::Sender<Notification>,
}

fn since_epoch(t: SystemTime) -> Duration {
    t.duration_since(std::time::UNIX_EPOCH).unwrap_or_default()
}

/// The answer form: expiry fields as of now.
fn info(sub: &SandboxSubscription) -> SubscriptionInfo {
    let left = sub
        .expires_at
        .duration_since(SystemTime::now())
        .unwrap_or_default();
    SubscriptionInfo {
        expires_in: Some(left.as_secs() as i64),
        expiration_time: Some(rc_time(since_epoch(sub.expires_at))),
        ..sub.info.clone()
    }
}

/// A known subscription that has not expired, or RingCentral's 404.
fn live<'a>(
    subscriptions: &'a mut std::collections::BTreeMap<String, SandboxSubscription>,
    id: &str,
) -> Result<&'a mut SandboxSubscription, ApiError> {
    match subscriptions.get_mut(id) {
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "CMN-120",
            "Invalid URI",
        )),
        Some(sub) if sub.expires_at <= SystemTime::now() => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "SUB-507",
            format!("Subscription [{id}] was expired"),
        )),
        Some(sub) => Ok(sub),
    }
}

/// `~` in a filter means the caller's account and extension.
fn expand(state: &State, owner: i64, filter: &str) -> String {
    filter
        .replace("/account/~", &format!("/account/{}", state.account_id))
        .replace("/extension/~", &format!("/extension/{owner}"))
}

fn valid_filter(filter: &str) -> bool {
    let path = filter.split('?').next().unwrap_or("");
    path.starts_with("/restapi/v1.0/") && !path.contains("..") && !path.contains("//")
}

pub async fn list(AxumState(state): AxumState<Arc<State>>) -> Json<SubscriptionList> {
    let now = SystemTime::now();
    let subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    Json(SubscriptionList {
        uri: Some(format!("{}/restapi/v1.0/subscription", state.base_url)),
        records: subscriptions
            .values()
            .filter(|s| s.expires_at > now)
            .map(info)
            .collect(),
    })
}

pub async fn create(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> Result<Json<SubscriptionInfo>, ApiError> {
    let req: CreateSubscriptionRequest = parse_body(&body)?;
    if req.event_filters.is_empty() {
        return Err(ApiError::missing("eventFilters"));
    }
    if let Some(bad) = req.event_filters.iter().find(|f| !valid_filter(f)) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "SUB-508",
            format!("Invalid event filters: [{bad}]"),
        ));
    }
    let mode = req
        .delivery_mode
        .clone()
        .ok_or_else(|| ApiError::missing("deliveryMode"))?;
    if mode.transport_type.as_deref() != Some("WebHook") {
        return Err(ApiError::invalid(
            "deliveryMode.transportType",
            mode.transport_type.as_deref(),
        ));
    }
    let address = mode
        .address
        .clone()
        .ok_or_else(|| ApiError::missing("deliveryMode.address"))?;
    let parsed = reqwest::Url::parse(&address)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    if parsed.is_none() {
        return Err(ApiError::invalid("deliveryMode.address", Some(&address)));
    }
    let lifetime = match req.expires_in {
        None => DEFAULT_EXPIRES_IN,
        Some(s) if s >= 1 && (s as u64) <= MAX_EXPIRES_IN => s as u64,
        Some(s) => return Err(ApiError::invalid("expiresIn", Some(&s.to_string()))),
    };
    {
        let subscriptions = state
            .subscriptions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let now = SystemTime::now();
        if subscriptions
            .values()
            .filter(|s| s.owner_id == caller.owner_id && s.expires_at > now)
            .count()
            >= MAX_SUBSCRIPTIONS
        {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "SUB-505",
                "Subscriptions limit exceeded",
            ));
        }
    }
    // The handshake comes first: no subscription without a working endpoint.
    webhooks::handshake(
        &state.webhook_client,
        &address,
        mode.verification_token.as_deref(),
    )
    .await?;
    let id = uuid::Uuid::new_v4().to_string();
    let now = SystemTime::now();
    let (queue, receiver) = mpsc::channel(10_000);
    let sub = SandboxSubscription {
        info: SubscriptionInfo {
            uri: Some(format!("{}/restapi/v1.0/subscription/{id}", state.base_url)),
            id: Some(id.clone()),
            event_filters: req
                .event_filters
                .iter()
                .map(|f| expand(&state, caller.owner_id, f))
                .collect(),
            expiration_time: None,
            expires_in: None,
            status: Some("Active".to_owned()),
            creation_time: Some(rc_time(since_epoch(now))),
            delivery_mode: Some(DeliveryModeInfo {
                transport_type: Some("WebHook".to_owned()),
                address: Some(address),
                encryption: Some(false),
            }),
            blacklisted_data: None,
        },
        token: mode.verification_token,
        owner_id: caller.owner_id,
        expires_at: now + Duration::from_secs(lifetime),
        lifetime: Duration::from_secs(lifetime),
        failures: 0,
        queue,
    };
    let answer = info(&sub);
    state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id.clone(), sub);
    webhooks::spawn_worker(state.clone(), id, receiver);
    Ok(Json(answer))
}

pub async fn read(
    AxumState(state): AxumState<Arc<State>>,
    Path(id): Path<String>,
) -> Result<Json<SubscriptionInfo>, ApiError> {
    let mut subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    Ok(Json(info(live(&mut subscriptions, &id)?)))
}

/// PUT renews too (and may change the filters or lifetime).
pub async fn update(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<SubscriptionInfo>, ApiError> {
    let req: CreateSubscriptionRequest = if body.is_empty() {
        Default::default()
    } else {
        parse_body(&body)?
    };
    if let Some(bad) = req.event_filters.iter().find(|f| !valid_filter(f)) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "SUB-508",
            format!("Invalid event filters: [{bad}]"),
        ));
    }
    let mut subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let sub = live(&mut subscriptions, &id)?;
    if !req.event_filters.is_empty() {
        sub.info.event_filters = req
            .event_filters
            .iter()
            .map(|f| expand(&state, caller.owner_id, f))
            .collect();
    }
    if let Some(seconds) = req
        .expires_in
        .filter(|s| *s >= 1 && (*s as u64) <= MAX_EXPIRES_IN)
    {
        sub.lifetime = Duration::from_secs(seconds as u64);
    }
    sub.expires_at = SystemTime::now() + sub.lifetime;
    Ok(Json(info(sub)))
}

pub async fn renew(
    AxumState(state): AxumState<Arc<State>>,
    Path(id): Path<String>,
) -> Result<Json<SubscriptionInfo>, ApiError> {
    let mut subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let sub = live(&mut subscriptions, &id)?;
    sub.expires_at = SystemTime::now() + sub.lifetime;
    Ok(Json(info(sub)))
}

pub async fn delete(
    AxumState(state): AxumState<Arc<State>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    live(&mut subscriptions, &id)?;
    subscriptions.remove(&id);
    Ok(StatusCode::NO_CONTENT.into_response())
}
