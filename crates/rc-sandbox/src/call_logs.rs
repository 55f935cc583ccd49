//! `/restapi/v1.0/account/{accountId}[/extension/{extensionId}]/call-log[/{id}]`:
//! a deterministic call history of several thousand records over eight weeks.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::{Extension, Path, RawQuery, State as AxumState};
use axum::response::Json;

use super::errors::ApiError;
use super::extensions::resolve_id;
use super::gate::Caller;
use super::paging;
use super::query::Params;
use super::seed::rc_time;
use super::state::State;
use rc_spec::models::{
    CallLogExtension, CallLogLeg, CallLogParty, CallLogRecord, CallLogRecording, ExtensionInfo,
    Page,
};

/// How many records the account's history holds, and how far back it goes.
pub const RECORDS: usize = 6000;
pub const HISTORY: Duration = Duration::from_secs(56 * 86_400);

/// A record with its start time, for filtering without reparsing.
#[derive(Debug, Clone)]
pub struct Entry {
    pub at: SystemTime,
    pub record: CallLogRecord,
}

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn token(rng: &mut fastrand::Rng, len: usize) -> String {
    (0..len)
        .map(|_| ALPHABET[rng.usize(0..ALPHABET.len())] as char)
        .collect()
}

fn pick<'a>(rng: &mut fastrand::Rng, weighted: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut draw = rng.u32(0..total);
    for (value, weight) in weighted {
        if draw < *weight {
            return value;
        }
        draw -= weight;
    }
    weighted[0].0
}

/// The call history, newest first, ending at `anchor`.
pub fn seed(
    rng: &mut fastrand::Rng,
    extensions: &BTreeMap<i64, ExtensionInfo>,
    account_uri: &str,
    base_url: &str,
    anchor: SystemTime,
) -> Vec<Entry> {
    let users: Vec<&ExtensionInfo> = extensions
        .values()
        .filter(|e| e.r#type.as_deref() == Some("User") && e.status.as_deref() == Some("Enabled"))
        .collect();
    let mut entries: Vec<Entry> = (0..RECORDS)
        .map(|_| {
            let at = anchor - Duration::from_secs(rng.u64(0..HISTORY.as_secs()));
            let user = users[rng.usize(0..users.len())];
            let internal = CallLogParty {
                phone_number: Some(format!("+1650555{:04}", 1000 + rng.u32(0..9000))),
                extension_number: user.extension_number.clone(),
                extension_id: user.id.map(|i| i.to_string()),
                name: user.name.clone(),
                location: None,
            };
            let external = CallLogParty {
                phone_number: Some(format!(
                    "+1{}{:07}",
                    pick(
                        rng,
                        &[("415", 3), ("212", 2), ("303", 2), ("646", 1), ("512", 1)]
                    ),
                    rng.u32(0..10_000_000)
                )),
                name: (rng.u32(0..3) == 0).then(|| "WIRELESS CALLER".to_owned()),
                location: Some(
                    pick(
                        rng,
                        &[
                            ("San Francisco, CA", 3),
                            ("New York, NY", 2),
                            ("Denver, CO", 2),
                            ("Austin, TX", 1),
                        ],
                    )
                    .to_owned(),
                ),
                ..Default::default()
            };
            let fax = rng.u32(0..20) == 0;
            let inbound = rng.bool();
            let (action, result, reason) = match (fax, inbound) {
                (true, true) => ("Incoming Fax", "Received", "Accepted"),
                (true, false) => ("Outgoing Fax", "Sent", "Accepted"),
                (false, true) => {
                    let result = pick(
                        rng,
                        &[
                            ("Accepted", 60),
                            ("Missed", 15),
                            ("Voicemail", 15),
                            ("Busy", 5),
                            ("Rejected", 5),
                        ],
                    );
                    let reason = match result {
                        "Accepted" => "Accepted",
                        "Missed" | "Voicemail" => "Not Answered",
                        "Busy" => "Line Busy",
                        _ => "Calls Not Accepted",
                    };
                    ("Phone Call", result, reason)
                }
                (false, false) => {
                    let result = pick(
                        rng,
                        &[
                            ("Call connected", 70),
                            ("No Answer", 15),
                            ("Busy", 5),
                            ("Hang Up", 10),
                        ],
                    );
                    let reason = match result {
                        "Call connected" => "Connected",
                        "No Answer" => "No Answer",
                        "Busy" => "Line Busy",
                        _ => "Hang Up",
                    };
                    (
                        pick(rng, &[("VoIP Call", 3), ("RingOut Web", 1)]),
                        result,
                        reason,
                    )
                }
            };
            let connected = matches!(result, "Accepted" | "Call connected" | "Received" | "Sent");
            let duration = if connected {
                rng.u64(5..1800)
            } else if result == "Voicemail" {
                rng.u64(10..90)
            } else {
                0
            };
            let id = token(rng, 16);
            let session = rng.u64(10_000_000_000..99_999_999_999).to_string();
            let telephony = format!("s-{}", token(rng, 24).to_lowercase());
            let transport = if inbound {
                "PSTN"
            } else {
                pick(rng, &[("VoIP", 3), ("PSTN", 1)])
            };
            let (from, to) = if inbound {
                (external, internal)
            } else {
                (internal, external)
            };
            let extension = CallLogExtension {
                id: user.id,
                uri: user.uri.clone(),
            };
            let recording = (connected && !fax && rng.u32(0..10) == 0).then(|| {
                let rec = rng.u64(1_000_000_000..9_999_999_999).to_string();
                CallLogRecording {
                    uri: Some(format!("{account_uri}/recording/{rec}")),
                    content_uri: Some(format!(
                        "{base_url}/restapi/v1.0/account/~/recording/{rec}/content"
                    )),
                    id: Some(rec),
                    r#type: Some("Automatic".to_owned()),
                }
            });
            let start = rc_time(at.duration_since(std::time::UNIX_EPOCH).unwrap_or_default());
            let leg = CallLogLeg {
                start_time: Some(start.clone()),
                duration: Some(duration as i64),
                r#type: Some(if fax { "Fax" } else { "Voice" }.to_owned()),
                direction: Some(if inbound { "Inbound" } else { "Outbound" }.to_owned()),
                action: Some(action.to_owned()),
                result: Some(result.to_owned()),
                from: Some(from.clone()),
                to: Some(to.clone()),
                leg_type: Some(
                    if inbound {
                        "Accept"
                    } else {
                        "SipToPstnMetered"
                    }
                    .to_owned(),
                ),
                transport: Some(transport.to_owned()),
                extension: Some(extension.clone()),
                master: Some(true),
            };
            Entry {
                at,
                record: CallLogRecord {
                    uri: Some(format!("{account_uri}/call-log/{id}")),
                    id: Some(id),
                    session_id: Some(session),
                    telephony_session_id: Some(telephony),
                    start_time: Some(start),
                    duration: Some(duration as i64),
                    duration_ms: Some(duration as i64 * 1000 + rng.i64(0..1000)),
                    r#type: Some(if fax { "Fax" } else { "Voice" }.to_owned()),
                    direction: Some(if inbound { "Inbound" } else { "Outbound" }.to_owned()),
                    action: Some(action.to_owned()),
                    result: Some(result.to_owned()),
                    reason: Some(reason.to_owned()),
                    from: Some(from),
                    to: Some(to),
                    extension: Some(extension),
                    transport: Some(transport.to_owned()),
                    recording,
                    legs: vec![leg],
                    last_modified_time: Some(rc_time(
                        (at + Duration::from_secs(duration + 5))
                            .duration_since(std::time::UNIX_EPOCH)
                            .unwrap_or_default(),
                    )),
                },
            }
        })
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.at));
    entries
}

fn time(params: &Params, key: &str) -> Result<Option<SystemTime>, ApiError> {
    match params.one(key) {
        None => Ok(None),
        Some(value) => humantime::parse_rfc3339_weak(value)
            .or_else(|_| humantime::parse_rfc3339_weak(&format!("{value}T00:00:00Z")))
            .map(Some)
            .map_err(|_| ApiError::invalid(key, Some(value))),
    }
}

/// `perPage` of the call log: 1..1000, larger values clamped, or `max`.
fn per_page(params: &Params) -> Result<usize, ApiError> {
    match params.one("perPage") {
        None => Ok(100),
        Some("max") => Ok(1000),
        Some(value) => match value.parse::<i64>() {
            Ok(n) if n >= 1 => Ok(n.min(1000) as usize),
            _ => Err(ApiError::invalid("perPage", Some(value))),
        },
    }
}

/// Simple view: the summary without legs and modification time.
fn view(record: &CallLogRecord, detailed: bool) -> CallLogRecord {
    if detailed {
        record.clone()
    } else {
        CallLogRecord {
            legs: Vec::new(),
            last_modified_time: None,
            ..record.clone()
        }
    }
}

fn detailed(params: &Params) -> Result<bool, ApiError> {
    match params.one("view") {
        None | Some("Simple") => Ok(false),
        Some("Detailed") => Ok(true),
        Some(other) => Err(ApiError::invalid("view", Some(other))),
    }
}

fn respond(
    state: &State,
    query: Option<&str>,
    extension: Option<i64>,
    uri: String,
) -> Result<Json<Page<CallLogRecord>>, ApiError> {
    let params = Params::parse(query);
    let page = params.int("page", 1..=100_000)?.unwrap_or(1) as usize;
    let per_page = per_page(&params)?;
    let detailed = detailed(&params)?;
    let directions = params.enums("direction", &["Inbound", "Outbound"])?;
    let types = params.enums("type", &["Voice", "Fax"])?;
    let date_to = time(&params, "dateTo")?.unwrap_or_else(SystemTime::now);
    let date_from = time(&params, "dateFrom")?.unwrap_or(date_to - Duration::from_secs(86_400));
    let data = state.data();
    let matching: Vec<CallLogRecord> = data
        .call_log
        .iter()
        .filter(|e| e.at >= date_from && e.at <= date_to)
        .filter(|e| {
            extension.is_none_or(|x| e.record.extension.as_ref().and_then(|r| r.id) == Some(x))
        })
        .filter(|e| {
            directions.is_empty()
                || directions
                    .iter()
                    .any(|d| e.record.direction.as_deref() == Some(d))
        })
        .filter(|e| types.is_empty() || types.iter().any(|t| e.record.r#type.as_deref() == Some(t)))
        .map(|e| view(&e.record, detailed))
        .collect();
    let mut carried: Vec<(&str, String)> = vec![
        (
            "dateFrom",
            rc_time(
                date_from
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default(),
            ),
        ),
        (
            "dateTo",
            rc_time(
                date_to
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default(),
            ),
        ),
    ];
    carried.extend(directions.iter().map(|d| ("direction", d.clone())));
    carried.extend(types.iter().map(|t| ("type", t.clone())));
    if detailed {
        carried.push(("view", "Detailed".to_owned()));
    }
    let pairs: Vec<(&str, &str)> = carried.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Ok(Json(paging::page(
        &matching,
        page,
        per_page,
        &uri,
        &paging::carry(&pairs),
    )))
}

pub async fn list_account(
    AxumState(state): AxumState<Arc<State>>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<CallLogRecord>>, ApiError> {
    let uri = format!("{}/call-log", state.account_uri());
    respond(&state, query.as_deref(), None, uri)
}

pub async fn list_extension(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, raw)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<CallLogRecord>>, ApiError> {
    let id = resolve_id(&caller, &raw)?;
    if !state.data().extensions.contains_key(&id) {
        return Err(ApiError::not_found("extensionId", &raw));
    }
    let uri = format!("{}/extension/{id}/call-log", state.account_uri());
    respond(&state, query.as_deref(), Some(id), uri)
}

pub async fn read(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Json<CallLogRecord>, ApiError> {
    let params = Params::parse(query.as_deref());
    let detailed = detailed(&params)?;
    let data = state.data();
    data.call_log
        .iter()
        .find(|e| e.record.id.as_deref() == Some(raw.as_str()))
        .map(|e| Json(view(&e.record, detailed)))
        .ok_or_else(|| ApiError::not_found("callRecordId", &raw))
}
