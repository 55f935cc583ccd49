//! The sandbox's admin API (`/_sandbox/...`), for tests and operators: counters,
//! recorded requests, rate limits and token expiry. Not part of RingCentral's API.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State as AxumState;
use axum::response::Json;
use axum::routing::{get, post};
use http::StatusCode;
use serde::Deserialize;

use super::GroupLimit;
use super::errors::ApiError;
use super::faults::Faults;
use super::state::{RecordedRequest, State, Stats};
use rc_spec::ops::ThrottleGroup;

pub fn router() -> Router<Arc<State>> {
    Router::new()
        .route("/stats", get(stats))
        .route("/requests", get(requests))
        .route("/secrets", get(secrets))
        .route("/reset", post(reset))
        .route("/limits", post(limits))
        .route("/tokens/expire", post(expire_tokens))
        .route("/tokens/revoke", post(revoke_tokens))
        .route(
            "/faults",
            get(get_faults).post(set_faults).delete(clear_faults),
        )
        .route("/permissions", post(set_permissions))
        .route("/presence/{extension_id}", post(super::events::presence))
        .route("/calls", post(super::events::call))
        .route("/messages/{extension_id}", post(super::events::message))
        .route("/deliveries", get(super::events::deliveries))
        .route("/deliveries/replay", post(super::events::replay))
        .route(
            "/subscriptions/{id}/blacklist",
            post(super::events::blacklist),
        )
        .route("/subscriptions/{id}/expire", post(super::events::expire))
}

async fn stats(AxumState(state): AxumState<Arc<State>>) -> Json<Stats> {
    Json(state.counters.snapshot(&state))
}

async fn requests(AxumState(state): AxumState<Arc<State>>) -> Json<Vec<RecordedRequest>> {
    Json(
        state
            .recorded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .cloned()
            .collect(),
    )
}

/// Every credential in play: the app's, issued tokens and webhook verification
/// tokens, so that tests can check none of them ever reaches a log.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Secrets {
    client_secret: String,
    jwts: Vec<String>,
    access_tokens: Vec<String>,
    refresh_tokens: Vec<String>,
    /// Issued authorization codes not yet expired, used ones included.
    authorization_codes: Vec<String>,
    /// By subscription id.
    verification_tokens: BTreeMap<String, String>,
}

async fn secrets(AxumState(state): AxumState<Arc<State>>) -> Json<Secrets> {
    let (access_tokens, refresh_tokens, authorization_codes) = {
        let sessions = state.sessions();
        (
            sessions.access.keys().cloned().collect(),
            sessions.refresh.keys().cloned().collect(),
            sessions.codes.keys().cloned().collect(),
        )
    };
    let verification_tokens = state
        .subscriptions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter_map(|(id, s)| Some((id.clone(), s.token.clone()?)))
        .collect();
    Json(Secrets {
        client_secret: state.config.client_secret.clone(),
        jwts: state.config.jwts.clone(),
        access_tokens,
        refresh_tokens,
        authorization_codes,
        verification_tokens,
    })
}

/// Clears counters, recorded requests and rate-limit windows (not the data).
async fn reset(AxumState(state): AxumState<Arc<State>>) -> StatusCode {
    state.counters.reset();
    state
        .recorded
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    state
        .throttle
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .reset();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LimitsRequest {
    /// Turns enforcement of all limits on or off.
    throttling: Option<bool>,
    /// Per group (`Light`, `Medium`, `Heavy`, `Auth`): new limit settings.
    #[serde(default)]
    groups: BTreeMap<String, LimitSetting>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LimitSetting {
    limit: u32,
    window_seconds: Option<u64>,
    penalty_seconds: Option<u64>,
}

async fn limits(
    AxumState(state): AxumState<Arc<State>>,
    Json(req): Json<LimitsRequest>,
) -> Result<Json<Stats>, ApiError> {
    {
        let mut throttle = state.throttle.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(enabled) = req.throttling {
            throttle.set_enabled(enabled);
        }
        for (name, setting) in req.groups {
            let group = ThrottleGroup::parse(&name)
                .filter(|g| *g != ThrottleGroup::NoThrottling)
                .ok_or_else(|| ApiError::invalid("groups", Some(&name)))?;
            let current = throttle.limit(group);
            throttle.set_limit(
                group,
                GroupLimit {
                    limit: setting.limit,
                    window: setting
                        .window_seconds
                        .map_or(current.window, Duration::from_secs),
                    penalty: setting
                        .penalty_seconds
                        .map_or(current.penalty, Duration::from_secs),
                },
            );
        }
    }
    Ok(Json(state.counters.snapshot(&state)))
}

async fn expire_tokens(AxumState(state): AxumState<Arc<State>>) -> StatusCode {
    state.expire_access_tokens();
    StatusCode::NO_CONTENT
}

/// Ends every session, refresh tokens and authorization codes included (as a
/// password change would).
async fn revoke_tokens(AxumState(state): AxumState<Arc<State>>) -> StatusCode {
    let mut sessions = state.sessions();
    sessions.access.clear();
    sessions.refresh.clear();
    sessions.codes.clear();
    StatusCode::NO_CONTENT
}

async fn get_faults(AxumState(state): AxumState<Arc<State>>) -> Json<Faults> {
    Json(
        state
            .faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone(),
    )
}

async fn set_faults(
    AxumState(state): AxumState<Arc<State>>,
    Json(faults): Json<Faults>,
) -> Json<Faults> {
    *state.faults.lock().unwrap_or_else(|e| e.into_inner()) = faults.clone();
    Json(faults)
}

async fn clear_faults(AxumState(state): AxumState<Arc<State>>) -> StatusCode {
    *state.faults.lock().unwrap_or_else(|e| e.into_inner()) = Faults::default();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PermissionsRequest {
    /// App permissions the sandbox app no longer has (e.g. `NumberLookup`).
    revoked: Vec<String>,
}

async fn set_permissions(
    AxumState(state): AxumState<Arc<State>>,
    Json(req): Json<PermissionsRequest>,
) -> StatusCode {
    *state
        .revoked_permissions
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = req.revoked.into_iter().collect();
    StatusCode::NO_CONTENT
}
