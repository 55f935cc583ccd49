//! `/restapi/v1.0/account/{accountId}/call-queues...`. Queues are the account's
//! Department extensions; their members and settings live next to them.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State as AxumState};
use axum::response::{IntoResponse, Json, Response};
use bytes::Bytes;
use http::StatusCode;

use super::errors::ApiError;
use super::extensions::parse_body;
use super::paging;
use super::query::Params;
use super::state::{Data, State};
use rc_spec::models::{
    CallQueueBulkAssign, CallQueueExtensionInfo, CallQueueInfo, CallQueueMemberInfo,
    CallQueueUpdate, ExtensionInfo, Page, ServiceLevelSettingsInfo, SiteBasicInfo,
};

/// Queue settings that are not part of the extension record.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueSettings {
    pub alert_timer: i32,
    pub editable_member_status: bool,
    pub members: Vec<i64>,
}

impl Default for QueueSettings {
    fn default() -> Self {
        QueueSettings {
            alert_timer: 20,
            editable_member_status: true,
            members: Vec::new(),
        }
    }
}

const ALERT_TIMERS: &[i32] = &[
    5, 10, 15, 20, 30, 45, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600,
];
const STATUSES: &[&str] = &["Enabled", "Disabled", "NotActivated", "Unassigned"];

/// Default service level of a queue.
pub fn default_service_level() -> CallQueueExtensionInfo {
    CallQueueExtensionInfo {
        sla_goal: Some(80),
        sla_threshold_seconds: Some(30),
        include_abandoned_calls: Some(false),
        abandoned_threshold_seconds: Some(10),
    }
}

/// Gives every seeded queue a few enabled users as members.
pub fn seed(
    rng: &mut fastrand::Rng,
    extensions: &BTreeMap<i64, ExtensionInfo>,
) -> BTreeMap<i64, QueueSettings> {
    let users: Vec<i64> = extensions
        .values()
        .filter(|e| e.r#type.as_deref() == Some("User") && e.status.as_deref() == Some("Enabled"))
        .filter_map(|e| e.id)
        .collect();
    extensions
        .values()
        .filter(|e| e.r#type.as_deref() == Some("Department"))
        .filter_map(|e| e.id)
        .map(|id| {
            let count = rng.usize(3..=8);
            let mut members: Vec<i64> = (0..count)
                .map(|_| users[rng.usize(0..users.len())])
                .collect();
            members.sort_unstable();
            members.dedup();
            (
                id,
                QueueSettings {
                    members,
                    ..QueueSettings::default()
                },
            )
        })
        .collect()
}

fn queue_info(data: &Data, ext: &ExtensionInfo, details: bool) -> CallQueueInfo {
    let settings = ext
        .id
        .and_then(|id| data.queues.get(&id))
        .cloned()
        .unwrap_or_default();
    let service = ext
        .call_queue_info
        .clone()
        .unwrap_or_else(default_service_level);
    CallQueueInfo {
        uri: ext.uri.clone(),
        id: ext.id.map(|i| i.to_string()),
        extension_number: ext.extension_number.clone(),
        name: ext.name.clone(),
        status: ext.status.clone(),
        sub_type: None,
        site: ext.site.as_ref().map(|s| SiteBasicInfo {
            id: s.id.clone(),
            name: s.name.clone(),
        }),
        service_level_settings: details.then_some(ServiceLevelSettingsInfo {
            sla_goal: service.sla_goal,
            sla_threshold_seconds: service.sla_threshold_seconds,
            include_abandoned_calls: service.include_abandoned_calls,
            abandoned_threshold_seconds: service.abandoned_threshold_seconds,
        }),
        editable_member_status: details.then_some(settings.editable_member_status),
        alert_timer: details.then_some(settings.alert_timer),
    }
}

/// The queue extension for a `{groupId}`, or CMN-102.
fn queue<'a>(data: &'a Data, raw: &str) -> Result<&'a ExtensionInfo, ApiError> {
    raw.parse::<i64>()
        .ok()
        .and_then(|id| data.extensions.get(&id))
        .filter(|e| e.r#type.as_deref() == Some("Department"))
        .ok_or_else(|| ApiError::not_found("groupId", raw))
}

pub async fn list(
    AxumState(state): AxumState<Arc<State>>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<CallQueueInfo>>, ApiError> {
    let params = Params::parse(query.as_deref());
    let (page, per_page) = paging::params(&params)?;
    let member = params.one("memberExtensionId").map(str::to_owned);
    let data = state.data();
    // A number too large to be an id names no extension: no queue has it as a member.
    let member_id = match &member {
        Some(m) if !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) => {
            Some(m.parse::<i64>().unwrap_or(-1))
        }
        Some(m) => return Err(ApiError::invalid("memberExtensionId", Some(m))),
        None => None,
    };
    let queues: Vec<CallQueueInfo> = data
        .extensions
        .values()
        .filter(|e| e.r#type.as_deref() == Some("Department"))
        .filter(|e| {
            member_id.is_none_or(|m| {
                e.id.and_then(|id| data.queues.get(&id))
                    .is_some_and(|q| q.members.contains(&m))
            })
        })
        .map(|e| queue_info(&data, e, false))
        .collect();
    let carried = member
        .map(|m| paging::carry(&[("memberExtensionId", &m)]))
        .unwrap_or_default();
    let uri = format!("{}/call-queues", state.account_uri());
    Ok(Json(paging::page(&queues, page, per_page, &uri, &carried)))
}

pub async fn read(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
) -> Result<Json<CallQueueInfo>, ApiError> {
    let data = state.data();
    let ext = queue(&data, &raw)?;
    Ok(Json(queue_info(&data, ext, true)))
}

pub async fn update(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<CallQueueInfo>, ApiError> {
    let req: CallQueueUpdate = parse_body(&body)?;
    if let Some(status) = &req.status
        && !STATUSES.contains(&status.as_str())
    {
        return Err(ApiError::invalid("status", Some(status)));
    }
    if let Some(timer) = req.alert_timer
        && !ALERT_TIMERS.contains(&timer)
    {
        return Err(ApiError::invalid("alertTimer", Some(&timer.to_string())));
    }
    let mut data = state.data();
    let id = queue(&data, &raw)?.id.unwrap_or_default();
    if let Some(number) = &req.extension_number {
        if number.is_empty() || number.len() > 8 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::invalid("extensionNumber", Some(number)));
        }
        if data.number_taken(number, Some(id)) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "CMN-204",
                format!("Extension number [{number}] is already in use"),
            ));
        }
    }
    let site = match req.site.as_ref().and_then(|s| s.id.clone()) {
        Some(site_id) => Some(
            data.sites
                .get(&site_id)
                .cloned()
                .ok_or_else(|| ApiError::not_found("site.id", &site_id))?,
        ),
        None => None,
    };
    {
        let settings = data.queues.entry(id).or_default();
        if let Some(timer) = req.alert_timer {
            settings.alert_timer = timer;
        }
        if let Some(editable) = req.editable_member_status {
            settings.editable_member_status = editable;
        }
    }
    let ext = data
        .extensions
        .get_mut(&id)
        .ok_or_else(|| ApiError::not_found("groupId", &raw))?;
    if let Some(name) = req.name {
        ext.name = Some(name.clone());
        if let Some(contact) = ext.contact.as_mut() {
            contact.first_name = Some(name);
        }
    }
    if let Some(number) = req.extension_number {
        ext.extension_number = Some(number);
    }
    if let Some(status) = req.status {
        ext.status = Some(status);
    }
    if let Some(service) = req.service_level_settings {
        let current = ext
            .call_queue_info
            .get_or_insert_with(default_service_level);
        macro_rules! merge {
            ($($f:ident),*) => { $( if service.$f.is_some() { current.$f = service.$f; } )* };
        }
        merge!(
            sla_goal,
            sla_threshold_seconds,
            include_abandoned_calls,
            abandoned_threshold_seconds
        );
    }
    if let Some(site) = site {
        ext.site = Some(rc_spec::models::ExtensionSiteInfo {
            id: site.id,
            uri: site.uri,
            name: site.name,
            code: site.code,
        });
    }
    let ext = ext.clone();
    Ok(Json(queue_info(&data, &ext, true)))
}

pub async fn members(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<CallQueueMemberInfo>>, ApiError> {
    let params = Params::parse(query.as_deref());
    let (page, per_page) = paging::params(&params)?;
    let data = state.data();
    let id = queue(&data, &raw)?.id.unwrap_or_default();
    let members: Vec<CallQueueMemberInfo> = data
        .queues
        .get(&id)
        .map(|q| q.members.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|m| data.extensions.get(m))
        .map(|e| CallQueueMemberInfo {
            uri: e.uri.clone(),
            id: e.id,
            extension_number: e.extension_number.clone(),
        })
        .collect();
    let uri = format!("{}/call-queues/{id}/members", state.account_uri());
    Ok(Json(paging::page(&members, page, per_page, &uri, "")))
}

pub async fn bulk_assign(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let req: CallQueueBulkAssign = parse_body(&body)?;
    let mut data = state.data();
    let id = queue(&data, &raw)?.id.unwrap_or_default();
    // An id that is not a number is invalid; a number that names no extension is a
    // resource not found (CMN-102), as RingCentral reports references it cannot find.
    let parse = |field: &str, ids: &[String]| -> Result<Vec<i64>, ApiError> {
        ids.iter()
            .map(|raw| {
                let numeric = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
                match raw.parse::<i64>() {
                    Ok(id) if data.extensions.contains_key(&id) => Ok(id),
                    _ if numeric => Err(ApiError::not_found(field, raw)),
                    _ => Err(ApiError::invalid(field, Some(raw))),
                }
            })
            .collect()
    };
    let added = parse("addedExtensionIds", &req.added_extension_ids)?;
    let removed = parse("removedExtensionIds", &req.removed_extension_ids)?;
    let settings = data.queues.entry(id).or_default();
    settings.members.retain(|m| !removed.contains(m));
    for member in added {
        if !settings.members.contains(&member) {
            settings.members.push(member);
        }
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
