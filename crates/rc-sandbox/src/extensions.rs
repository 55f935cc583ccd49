//! `/restapi/v1.0/account/{accountId}/extension[/{extensionId}]`.

use std::sync::Arc;

use axum::extract::{Extension, Path, RawQuery, State as AxumState};
use axum::response::{IntoResponse, Json, Response};
use bytes::Bytes;
use http::StatusCode;

use super::errors::ApiError;
use super::gate::Caller;
use super::paging;
use super::query::Params;
use super::state::State;
use rc_spec::models::{
    AccountRef, ExtensionCreationRequest, ExtensionInfo, ExtensionSiteInfo, ExtensionUpdateRequest,
};

const STATUSES: &[&str] = &[
    "Enabled",
    "Disabled",
    "Frozen",
    "NotActivated",
    "Unassigned",
];
const UPDATE_STATUSES: &[&str] = &["Enabled", "Disabled", "Frozen", "NotActivated"];
const TYPES: &[&str] = &[
    "User",
    "Department",
    "Announcement",
    "Voicemail",
    "DigitalUser",
    "VirtualUser",
    "FaxUser",
    "PagingOnly",
    "SharedLinesGroup",
    "DelegatedLinesGroup",
    "GroupCallPickup",
    "IvrMenu",
    "ApplicationExtension",
    "ProxyAdmin",
    "RoomConnector",
    "ParkLocation",
    "Limited",
    "Bot",
    "Site",
    "Room",
    "FlexibleUser",
    "TieLine",
    "Unknown",
];
const CREATE_TYPES: &[&str] = &[
    "User",
    "VirtualUser",
    "DigitalUser",
    "FlexibleUser",
    "Department",
    "Announcement",
    "Voicemail",
    "SharedLinesGroup",
    "PagingOnly",
    "ParkLocation",
    "Limited",
];

pub fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::unparsable(&e.to_string()))
}

/// Resolves an `{extensionId}` path value (`~` is the caller).
pub fn resolve_id(caller: &Caller, raw: &str) -> Result<i64, ApiError> {
    if raw == "~" {
        return Ok(caller.owner_id);
    }
    raw.parse::<i64>()
        .map_err(|_| ApiError::not_found("extensionId", raw))
}

fn valid_number(number: &str) -> bool {
    !number.is_empty() && number.len() <= 8 && number.bytes().all(|b| b.is_ascii_digit())
}

fn conflict(number: &str) -> ApiError {
    let mut e = ApiError::new(
        StatusCode::CONFLICT,
        "CMN-204",
        format!("Extension number [{number}] is already in use"),
    );
    e.body.parameter_name = Some("extensionNumber".to_owned());
    if let Some(item) = e.body.errors.first_mut() {
        item.parameter_name = Some("extensionNumber".to_owned());
        item.parameter_value = Some(number.to_owned());
    }
    e
}

/// List records carry fewer fields than single reads (GetExtensionListInfoResponse).
fn list_record(e: &ExtensionInfo) -> ExtensionInfo {
    ExtensionInfo {
        account: None,
        regional_settings: None,
        status_info: None,
        ..e.clone()
    }
}

pub async fn list(
    AxumState(state): AxumState<Arc<State>>,
    RawQuery(query): RawQuery,
) -> Result<Json<rc_spec::models::Page<ExtensionInfo>>, ApiError> {
    let params = Params::parse(query.as_deref());
    let (page, per_page) = paging::params(&params)?;
    let statuses = params.enums("status", STATUSES)?;
    let types = params.enums("type", TYPES)?;
    let number = params.one("extensionNumber");
    let emails: Vec<String> = params
        .all("email")
        .iter()
        .map(|e| e.to_lowercase())
        .collect();
    let data = state.data();
    let matching: Vec<ExtensionInfo> = data
        .extensions
        .values()
        .filter(|e| statuses.is_empty() || statuses.iter().any(|s| e.status.as_deref() == Some(s)))
        .filter(|e| types.is_empty() || types.iter().any(|t| e.r#type.as_deref() == Some(t)))
        .filter(|e| number.is_none_or(|n| e.extension_number.as_deref() == Some(n)))
        .filter(|e| {
            emails.is_empty()
                || e.contact
                    .as_ref()
                    .and_then(|c| c.email.as_ref())
                    .is_some_and(|m| emails.contains(&m.to_lowercase()))
        })
        .map(list_record)
        .collect();
    let mut carried: Vec<(&str, &str)> = Vec::new();
    carried.extend(statuses.iter().map(|s| ("status", s.as_str())));
    carried.extend(types.iter().map(|t| ("type", t.as_str())));
    if let Some(n) = number {
        carried.push(("extensionNumber", n));
    }
    let uri = format!("{}/extension", state.account_uri());
    Ok(Json(paging::page(
        &matching,
        page,
        per_page,
        &uri,
        &paging::carry(&carried),
    )))
}

pub async fn read(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, id)): Path<(String, String)>,
) -> Result<Json<ExtensionInfo>, ApiError> {
    let key = resolve_id(&caller, &id)?;
    state
        .data()
        .extensions
        .get(&key)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("extensionId", &id))
}

pub async fn create(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> Result<Json<ExtensionInfo>, ApiError> {
    let req: ExtensionCreationRequest = parse_body(&body)?;
    let kind = req.r#type.clone().unwrap_or_else(|| "User".to_owned());
    if !CREATE_TYPES.contains(&kind.as_str()) {
        return Err(ApiError::invalid("type", Some(&kind)));
    }
    let contact = req
        .contact
        .clone()
        .ok_or_else(|| ApiError::missing("contact"))?;
    if contact.first_name.as_deref().is_none_or(str::is_empty) {
        return Err(ApiError::missing("contact.firstName"));
    }
    let email = contact
        .email
        .clone()
        .ok_or_else(|| ApiError::missing("contact.email"))?;
    if !email.contains('@') {
        return Err(ApiError::invalid("contact.email", Some(&email)));
    }
    if kind != "User" && contact.last_name.is_some() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "EXT-356",
            "[lastName] cannot be specified for non-user extension",
        ));
    }
    if let Some(status) = &req.status
        && !STATUSES.contains(&status.as_str())
    {
        return Err(ApiError::invalid("status", Some(status)));
    }
    let mut data = state.data();
    let number = match &req.extension_number {
        Some(n) if !valid_number(n) => return Err(ApiError::invalid("extensionNumber", Some(n))),
        Some(n) if data.number_taken(n, None) => return Err(conflict(n)),
        Some(n) => n.clone(),
        None => (1000..99_999)
            .map(|n: u32| n.to_string())
            .find(|n| !data.number_taken(n, None))
            .unwrap_or_default(),
    };
    let site_id = req
        .site
        .as_ref()
        .and_then(|s| s.id.clone())
        .unwrap_or_else(|| "main-site".to_owned());
    let site = data
        .sites
        .get(&site_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("site.id", &site_id))?;
    let id = data.new_id();
    let name = match &contact.last_name {
        Some(last) => format!("{} {last}", contact.first_name.clone().unwrap_or_default()),
        None => contact.first_name.clone().unwrap_or_default(),
    };
    let info = ExtensionInfo {
        id: Some(id),
        uri: Some(format!("{}/extension/{id}", state.account_uri())),
        account: Some(AccountRef {
            id: Some(state.account_id.clone()),
            uri: Some(state.account_uri()),
        }),
        contact: Some(contact),
        extension_number: Some(number),
        name: Some(name),
        regional_settings: req.regional_settings.or(site.regional_settings.clone()),
        status: Some(req.status.unwrap_or_else(|| "NotActivated".to_owned())),
        r#type: Some(kind),
        hidden: Some(req.hidden.unwrap_or(false)),
        site: Some(ExtensionSiteInfo {
            id: site.id.clone(),
            uri: site.uri.clone(),
            name: site.name.clone(),
            code: site.code.clone(),
        }),
        creation_time: Some(
            humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string(),
        ),
        ..Default::default()
    };
    if info.r#type.as_deref() == Some("Department") {
        data.queues
            .insert(id, super::call_queues::QueueSettings::default());
    }
    data.extensions.insert(id, info.clone());
    drop(data);
    notify(&state, id, "Create", caller.owner_id);
    Ok(Json(info))
}

pub async fn update(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, raw_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<ExtensionInfo>, ApiError> {
    let key = resolve_id(&caller, &raw_id)?;
    let req: ExtensionUpdateRequest = parse_body(&body)?;
    let mut data = state.data();
    if !data.extensions.contains_key(&key) {
        return Err(ApiError::not_found("extensionId", &raw_id));
    }
    if let Some(number) = &req.extension_number {
        if !valid_number(number) {
            return Err(ApiError::invalid("extensionNumber", Some(number)));
        }
        if data.number_taken(number, Some(key)) {
            return Err(conflict(number));
        }
    }
    if let Some(status) = &req.status
        && !UPDATE_STATUSES.contains(&status.as_str())
    {
        return Err(ApiError::invalid("status", Some(status)));
    }
    let site = match req.site.as_ref().and_then(|s| s.id.clone()) {
        Some(id) => Some(
            data.sites
                .get(&id)
                .cloned()
                .ok_or_else(|| ApiError::not_found("site.id", &id))?,
        ),
        None => None,
    };
    let ext = data
        .extensions
        .get_mut(&key)
        .ok_or_else(|| ApiError::not_found("extensionId", &raw_id))?;
    if let Some(status) = req.status {
        ext.status = Some(status);
    }
    if req.status_info.is_some() {
        ext.status_info = req.status_info;
    }
    if let Some(number) = req.extension_number {
        ext.extension_number = Some(number);
    }
    if let Some(patch) = req.contact {
        let contact = ext.contact.get_or_insert_with(Default::default);
        macro_rules! merge {
            ($($f:ident),*) => { $( if patch.$f.is_some() { contact.$f = patch.$f; } )* };
        }
        merge!(
            first_name,
            last_name,
            company,
            job_title,
            email,
            business_phone,
            mobile_phone,
            business_address,
            email_as_login_name,
            department
        );
        ext.name = Some(match &contact.last_name {
            Some(last) => format!("{} {last}", contact.first_name.clone().unwrap_or_default()),
            None => contact.first_name.clone().unwrap_or_default(),
        });
    }
    if let Some(regional) = req.regional_settings {
        let current = ext.regional_settings.get_or_insert_with(Default::default);
        macro_rules! merge {
            ($($f:ident),*) => { $( if regional.$f.is_some() { current.$f = regional.$f; } )* };
        }
        merge!(
            home_country,
            timezone,
            language,
            greeting_language,
            formatting_locale,
            time_format
        );
    }
    if let Some(queue) = req.call_queue_info {
        ext.call_queue_info = Some(queue);
    }
    if let Some(site) = site {
        ext.site = Some(ExtensionSiteInfo {
            id: site.id,
            uri: site.uri,
            name: site.name,
            code: site.code,
        });
    }
    let answer = ext.clone();
    drop(data);
    notify(&state, key, "Update", caller.owner_id);
    Ok(Json(answer))
}

/// RingCentral's notifications of an extension change: the extension's own filter
/// and the account's extension list.
fn notify(state: &Arc<State>, id: i64, event_type: &str, owner: i64) {
    let account = state.account_uri();
    let path = account.trim_start_matches(&state.base_url).to_owned();
    super::webhooks::publish(
        state,
        &format!("{path}/extension/{id}"),
        super::webhooks::extension_info(id, event_type, owner),
    );
    super::webhooks::publish(
        state,
        &format!("{path}/extension"),
        super::webhooks::extension_list(id, event_type),
    );
}

pub async fn delete(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, raw_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let key = resolve_id(&caller, &raw_id)?;
    if key == caller.owner_id {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "CMN-404",
            "Attempt to delete the extension of the current session",
        ));
    }
    let mut data = state.data();
    data.extensions
        .remove(&key)
        .ok_or_else(|| ApiError::not_found("extensionId", &raw_id))?;
    data.queues.remove(&key);
    for queue in data.queues.values_mut() {
        queue.members.retain(|m| *m != key);
    }
    drop(data);
    notify(&state, key, "Delete", caller.owner_id);
    Ok(StatusCode::NO_CONTENT.into_response())
}
