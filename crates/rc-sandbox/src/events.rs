//! Admin endpoints that make things happen in the sandbox account, so that its
//! webhook subscriptions get notifications: presence changes, calls (which also add
//! a call log record) and new messages. Extension changes through the API notify by
//! themselves.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::SystemTime;

use axum::extract::{Path, State as AxumState};
use axum::response::Json;
use http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::call_logs::Entry;
use super::errors::ApiError;
use super::seed::rc_time;
use super::state::State;
use super::webhooks;
use rc_spec::models::{CallLogExtension, CallLogParty, CallLogRecord};

fn account_path(state: &State) -> String {
    format!("/restapi/v1.0/account/{}", state.account_id)
}

fn now_text() -> String {
    rc_time(
        SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default(),
    )
}

fn extension(state: &State, raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| state.data().extensions.contains_key(id))
        .ok_or_else(|| ApiError::not_found("extensionId", raw))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct PresenceChange {
    telephony_status: Option<String>,
    presence_status: Option<String>,
    user_status: Option<String>,
    dnd_status: Option<String>,
}

/// `POST /_sandbox/presence/{extensionId}`.
pub async fn presence(
    AxumState(state): AxumState<Arc<State>>,
    Path(raw): Path<String>,
    Json(change): Json<PresenceChange>,
) -> Result<Json<Value>, ApiError> {
    let id = extension(&state, &raw)?;
    let body = json!({
        "extensionId": id.to_string(),
        "telephonyStatus": change.telephony_status.unwrap_or_else(|| "NoCall".into()),
        "presenceStatus": change.presence_status.unwrap_or_else(|| "Available".into()),
        "userStatus": change.user_status.unwrap_or_else(|| "Available".into()),
        "dndStatus": change.dnd_status.unwrap_or_else(|| "TakeAllCalls".into()),
        "sequence": state.presence_sequence.fetch_add(1, Ordering::Relaxed),
        "totalActiveCalls": 0,
        "ownerId": id.to_string(),
    });
    webhooks::publish(
        &state,
        &format!("{}/extension/{id}/presence", account_path(&state)),
        body.clone(),
    );
    Ok(Json(body))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CallRequest {
    extension_id: String,
    direction: Option<String>,
    /// Call log result, e.g. "Accepted", "Missed", "Voicemail".
    result: Option<String>,
    from: Option<String>,
    duration: Option<i64>,
}

/// `POST /_sandbox/calls`: a finished call of an extension. It lands in the call log
/// and is announced as a telephony session (and as a voicemail when it went there).
pub async fn call(
    AxumState(state): AxumState<Arc<State>>,
    Json(req): Json<CallRequest>,
) -> Result<Json<CallLogRecord>, ApiError> {
    let id = extension(&state, &req.extension_id)?;
    let direction = req.direction.unwrap_or_else(|| "Inbound".into());
    if direction != "Inbound" && direction != "Outbound" {
        return Err(ApiError::invalid("direction", Some(&direction)));
    }
    let result = req.result.unwrap_or_else(|| "Accepted".into());
    let external = req.from.unwrap_or_else(|| "+14155550199".into());
    let (number, name, uri) = {
        let data = state.data();
        let ext = &data.extensions[&id];
        (
            ext.extension_number.clone(),
            ext.name.clone(),
            ext.uri.clone(),
        )
    };
    let internal = CallLogParty {
        extension_number: number,
        extension_id: Some(id.to_string()),
        name,
        ..Default::default()
    };
    let outside = CallLogParty {
        phone_number: Some(external.clone()),
        ..Default::default()
    };
    let (from, to) = if direction == "Inbound" {
        (outside, internal)
    } else {
        (internal, outside)
    };
    let record_id = uuid::Uuid::new_v4().simple().to_string()[..16].to_owned();
    let session = format!("{}", fastrand::u64(10_000_000_000..99_999_999_999));
    let telephony = format!("s-{}", uuid::Uuid::new_v4().simple());
    let now = now_text();
    let record = CallLogRecord {
        uri: Some(format!("{}/call-log/{record_id}", state.account_uri())),
        id: Some(record_id),
        session_id: Some(session.clone()),
        telephony_session_id: Some(telephony.clone()),
        start_time: Some(now.clone()),
        duration: Some(req.duration.unwrap_or(42)),
        duration_ms: Some(req.duration.unwrap_or(42) * 1000),
        r#type: Some("Voice".into()),
        direction: Some(direction.clone()),
        action: Some(
            if direction == "Inbound" {
                "Phone Call"
            } else {
                "VoIP Call"
            }
            .into(),
        ),
        result: Some(result.clone()),
        reason: Some(
            if result == "Accepted" {
                "Accepted"
            } else {
                "Not Answered"
            }
            .into(),
        ),
        from: Some(from),
        to: Some(to),
        extension: Some(CallLogExtension { id: Some(id), uri }),
        transport: Some("PSTN".into()),
        ..Default::default()
    };
    state.data().call_log.insert(
        0,
        Entry {
            at: SystemTime::now(),
            record: record.clone(),
        },
    );
    let body = json!({
        "sequence": state.presence_sequence.fetch_add(1, Ordering::Relaxed),
        "sessionId": session,
        "telephonySessionId": telephony,
        "serverId": "sandbox",
        "eventTime": now,
        "parties": [{
            "extensionId": id.to_string(),
            "direction": direction,
            "status": {"code": "Disconnected"},
            "from": {"phoneNumber": external},
            "to": {"extensionId": id.to_string()},
        }],
    });
    let account = account_path(&state);
    // One publication: account-level filters match extension-level events too.
    webhooks::publish(
        &state,
        &format!("{account}/extension/{id}/telephony/sessions"),
        body,
    );
    if result == "Voicemail" {
        webhooks::publish(
            &state,
            &format!("{account}/extension/{id}/message-store"),
            message_body(id, "VoiceMail"),
        );
    }
    Ok(Json(record))
}

fn message_body(id: i64, kind: &str) -> Value {
    json!({
        "extensionId": id.to_string(),
        "lastUpdated": now_text(),
        "changes": [{"type": kind, "newCount": 1, "updatedCount": 0}],
        "ownerId": id.to_string(),
    })
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct MessageRequest {
    /// "VoiceMail", "SMS", "Fax" or "Pager".
    r#type: Option<String>,
}

/// `POST /_sandbox/messages/{extensionId}`: a new message for the extension.
pub async fn message(
    AxumState(state): AxumState<Arc<State>>,
    Path(raw): Path<String>,
    Json(req): Json<MessageRequest>,
) -> Result<Json<Value>, ApiError> {
    let id = extension(&state, &raw)?;
    let body = message_body(id, req.r#type.as_deref().unwrap_or("SMS"));
    webhooks::publish(
        &state,
        &format!("{}/extension/{id}/message-store", account_path(&state)),
        body.clone(),
    );
    Ok(Json(body))
}

/// `GET /_sandbox/deliveries`.
pub async fn deliveries(AxumState(state): AxumState<Arc<State>>) -> Json<Vec<webhooks::Delivery>> {
    Json(webhooks::deliveries(&state).into_iter().collect())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Replay {
    uuid: String,
}

/// `POST /_sandbox/deliveries/replay`: delivers an earlier notification again.
pub async fn replay(
    AxumState(state): AxumState<Arc<State>>,
    Json(req): Json<Replay>,
) -> StatusCode {
    if webhooks::replay(&state, &req.uuid) {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

/// `POST /_sandbox/subscriptions/{id}/blacklist` and `.../expire`: what RingCentral
/// does to a failing or forgotten subscription, on demand.
pub async fn blacklist(
    AxumState(state): AxumState<Arc<State>>,
    Path(id): Path<String>,
) -> StatusCode {
    let mut subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    match subscriptions.get_mut(&id) {
        Some(sub) => {
            sub.info.status = Some("Blacklisted".into());
            sub.info.blacklisted_data = Some(rc_spec::models::BlacklistedInfo {
                blacklisted_at: Some(now_text()),
                reason: Some(
                    "Webhook responses with code: [503], reason: [Service Unavailable]".into(),
                ),
            });
            StatusCode::NO_CONTENT
        }
        None => StatusCode::NOT_FOUND,
    }
}

pub async fn expire(AxumState(state): AxumState<Arc<State>>, Path(id): Path<String>) -> StatusCode {
    let mut subscriptions = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    match subscriptions.get_mut(&id) {
        Some(sub) => {
            sub.expires_at = SystemTime::now();
            StatusCode::NO_CONTENT
        }
        None => StatusCode::NOT_FOUND,
    }
}
