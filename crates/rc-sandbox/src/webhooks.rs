//! Webhook delivery like RingCentral's: the validation handshake when a subscription
//! is created, then one notification per matching event, sent with the
//! subscription's `Verification-Token`, best effort and in order, and blacklisting of
//! an endpoint that keeps failing.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::errors::ApiError;
use super::seed::rc_time;
use super::state::State;
use rc_spec::models::BlacklistedInfo;

/// RingCentral's time limit for the handshake answer (API-NOTES §6).
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_millis(3000);
/// Time limit of a notification delivery.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(5);
/// Consecutive failed deliveries after which a subscription is blacklisted.
pub const BLACKLIST_AFTER: u32 = 3;
/// Deliveries remembered for `/_sandbox/deliveries`.
const DELIVERIES_KEPT: usize = 2000;

/// A notification as RingCentral sends it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub uuid: String,
    pub event: String,
    pub timestamp: String,
    pub subscription_id: String,
    pub owner_id: String,
    pub body: Value,
}

/// One delivery attempt, for tests.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub subscription_id: String,
    pub uuid: String,
    pub event: String,
    /// HTTP status of the answer, 0 when none came.
    pub status: u16,
    pub error: Option<String>,
    #[serde(skip)]
    pub notification: Option<Notification>,
}

/// Performs the handshake against `address`: RingCentral creates the subscription
/// only if it succeeds.
pub async fn handshake(
    client: &reqwest::Client,
    address: &str,
    verification_token: Option<&str>,
) -> Result<(), ApiError> {
    let token = uuid::Uuid::new_v4().to_string();
    let mut request = client
        .post(address)
        .header("Validation-Token", &token)
        .header("Content-Type", "application/json")
        .header("Content-Length", "0")
        .timeout(HANDSHAKE_TIMEOUT);
    if let Some(v) = verification_token {
        request = request.header("Verification-Token", v);
    }
    let bad =
        |code: &str, message: &str| ApiError::new(http::StatusCode::BAD_REQUEST, code, message);
    let response = request
        .send()
        .await
        .map_err(|_| bad("SUB-521", "WebHook is not reachable"))?;
    let echoed = response
        .headers()
        .get("Validation-Token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let status = response.status();
    let header_bytes: usize = response
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    let body = response
        .bytes()
        .await
        .map_err(|_| bad("SUB-521", "WebHook is not reachable"))?;
    if status != http::StatusCode::OK || header_bytes + body.len() > 1024 {
        return Err(bad("SUB-525", "WebHook server response is invalid"));
    }
    if echoed.as_deref() != Some(token.as_str()) {
        return Err(bad("SUB-520", "Validation Token is not returned"));
    }
    Ok(())
}

/// Whether an event path matches a subscription's (expanded) filter. Query strings
/// (`?detailedTelephonyState=true`) do not take part; account-level presence and
/// telephony filters match every extension's.
pub fn matches(filter: &str, event: &str) -> bool {
    let filter = filter.split('?').next().unwrap_or("");
    if filter == event {
        return true;
    }
    let account_level = |suffix: &str| -> bool {
        filter.strip_suffix(suffix).is_some_and(|account| {
            event
                .strip_prefix(account)
                .and_then(|rest| rest.strip_prefix("/extension/"))
                .and_then(|rest| rest.split_once('/'))
                .is_some_and(|(_, tail)| format!("/{tail}") == suffix)
        })
    };
    account_level("/presence") || account_level("/telephony/sessions")
}

/// Sends `body` on `event_path` to every active subscription with a matching filter.
pub fn publish(state: &Arc<State>, event_path: &str, body: Value) {
    let now = SystemTime::now();
    let subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    for sub in subscriptions.values() {
        if sub.expires_at <= now || sub.info.status.as_deref() != Some("Active") {
            continue;
        }
        let Some(filter) = sub
            .info
            .event_filters
            .iter()
            .find(|f| matches(f, event_path))
        else {
            continue;
        };
        // RingCentral names the event by the filter it matched, with real ids.
        let event = filter.clone();
        let notification = Notification {
            uuid: uuid::Uuid::new_v4().to_string(),
            event,
            timestamp: rc_time(
                now.duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default(),
            ),
            subscription_id: sub.info.id.clone().unwrap_or_default(),
            owner_id: sub.owner_id.to_string(),
            body: body.clone(),
        };
        if sub.queue.try_send(notification).is_err() {
            tracing::warn!("sandbox webhook queue full; notification dropped");
        }
    }
}

/// Delivers a subscription's notifications in order until it is deleted.
pub fn spawn_worker(state: Arc<State>, id: String, mut queue: mpsc::Receiver<Notification>) {
    tokio::spawn(async move {
        while let Some(notification) = queue.recv().await {
            let (address, token, active) = {
                let subscriptions = state
                    .subscriptions
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                let Some(sub) = subscriptions.get(&id) else {
                    return;
                };
                (
                    sub.info
                        .delivery_mode
                        .as_ref()
                        .and_then(|d| d.address.clone())
                        .unwrap_or_default(),
                    sub.token.clone(),
                    sub.info.status.as_deref() == Some("Active")
                        && sub.expires_at > SystemTime::now(),
                )
            };
            if !active {
                continue;
            }
            let body = serde_json::to_vec(&notification).unwrap_or_default();
            let mut request = state
                .webhook_client
                .post(&address)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", "RingCentral-Webhook/8.3")
                .timeout(DELIVERY_TIMEOUT);
            if let Some(secret) = &state.config.webhook_signing_secret {
                request = request.header(
                    rc_spec::webhook::SIGNATURE_HEADER,
                    rc_spec::webhook::sign(secret.as_bytes(), &body),
                );
            }
            let mut request = request.body(body);
            if let Some(token) = &token {
                request = request.header("Verification-Token", token);
            }
            let (status, error) = match request.send().await {
                Ok(response) => (response.status().as_u16(), None),
                Err(e) => (0, Some(format!("I/O operation is failed. Details: [{e}]"))),
            };
            let ok = (200..300).contains(&status);
            record(
                &state,
                Delivery {
                    subscription_id: id.clone(),
                    uuid: notification.uuid.clone(),
                    event: notification.event.clone(),
                    status,
                    error: error.clone(),
                    notification: Some(notification),
                },
            );
            let mut subscriptions = state
                .subscriptions
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            let Some(sub) = subscriptions.get_mut(&id) else {
                return;
            };
            if ok {
                sub.failures = 0;
                continue;
            }
            sub.failures += 1;
            if sub.failures >= BLACKLIST_AFTER {
                let reason = match error {
                    Some(e) => e,
                    None => {
                        let code = http::StatusCode::from_u16(status).ok();
                        format!(
                            "Webhook responses with code: [{status}], reason: [{}]",
                            code.and_then(|c| c.canonical_reason()).unwrap_or("Unknown")
                        )
                    }
                };
                tracing::info!(subscription = %id, %reason, "sandbox blacklisted a webhook subscription");
                sub.info.status = Some("Blacklisted".to_owned());
                sub.info.blacklisted_data = Some(BlacklistedInfo {
                    blacklisted_at: Some(rc_time(
                        SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .unwrap_or_default(),
                    )),
                    reason: Some(reason),
                });
            }
        }
    });
}

fn record(state: &State, delivery: Delivery) {
    let mut deliveries = state.deliveries.lock().unwrap_or_else(|e| e.into_inner());
    if deliveries.len() == DELIVERIES_KEPT {
        deliveries.pop_front();
    }
    deliveries.push_back(delivery);
}

/// Sends an earlier notification again, same uuid (RingCentral may repeat itself).
pub fn replay(state: &State, uuid: &str) -> bool {
    let notification = {
        let deliveries = state.deliveries.lock().unwrap_or_else(|e| e.into_inner());
        deliveries
            .iter()
            .rev()
            .find(|d| d.uuid == uuid)
            .and_then(|d| d.notification.clone())
    };
    let Some(notification) = notification else {
        return false;
    };
    let subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    subscriptions
        .get(&notification.subscription_id)
        .is_some_and(|sub| sub.queue.try_send(notification).is_ok())
}

/// The deliveries made so far (newest last).
pub fn deliveries(state: &State) -> VecDeque<Delivery> {
    state
        .deliveries
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// The body of an extension change (`ExtensionInfoEvent`).
pub fn extension_info(id: i64, event_type: &str, owner: i64) -> Value {
    json!({"extensionId": id.to_string(), "eventType": event_type, "hints": ["ExtensionInfo"], "ownerId": owner.to_string()})
}

/// The body of an extension list change (`ExtensionListEvent`).
pub fn extension_list(id: i64, event_type: &str) -> Value {
    json!({"extensions": [{"extensionId": id.to_string(), "eventType": event_type, "hints": ["ExtensionInfo"]}]})
}

/// The sandbox's own HTTP client for webhook deliveries (it shares nothing with the
/// gateway's RingCentral client).
pub fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .user_agent(concat!("rc-sandbox/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(std::time::Duration::from_secs(5))
        .tcp_nodelay(true)
        .build()
        .expect("the HTTP client builds with static settings")
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn filters_match_their_events() {
        let acc = "/restapi/v1.0/account/9";
        assert!(matches(
            &format!("{acc}/extension/1/presence?detailedTelephonyState=true"),
            &format!("{acc}/extension/1/presence")
        ));
        assert!(!matches(
            &format!("{acc}/extension/1/presence"),
            &format!("{acc}/extension/2/presence")
        ));
        assert!(matches(
            &format!("{acc}/presence"),
            &format!("{acc}/extension/2/presence")
        ));
        assert!(matches(
            &format!("{acc}/telephony/sessions"),
            &format!("{acc}/extension/2/telephony/sessions")
        ));
        assert!(matches(
            &format!("{acc}/extension"),
            &format!("{acc}/extension")
        ));
        assert!(!matches(
            &format!("{acc}/extension"),
            &format!("{acc}/extension/3")
        ));
    }
}
