//! `/restapi/v1.0/account/{accountId}/sites[/{siteId}]`.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State as AxumState};
use axum::response::{IntoResponse, Json, Response};
use bytes::Bytes;
use http::StatusCode;

use super::errors::ApiError;
use super::extensions::parse_body;
use super::paging;
use super::query::Params;
use super::state::State;
use rc_spec::models::{ExtensionSiteInfo, OperatorInfo, Page, SiteInfo};

const ACCESS: &[&str] = &["Limited", "Unlimited"];

pub async fn list(
    AxumState(state): AxumState<Arc<State>>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<SiteInfo>>, ApiError> {
    let params = Params::parse(query.as_deref());
    let (page, per_page) = paging::params(&params)?;
    let data = state.data();
    // The main site first, then the others in creation order.
    let mut sites: Vec<SiteInfo> = data.sites.values().cloned().collect();
    sites.sort_by_key(|s| {
        (
            s.id.as_deref() != Some("main-site"),
            s.id.as_ref().map(|i| (i.len(), i.clone())),
        )
    });
    let uri = format!("{}/sites", state.account_uri());
    Ok(Json(paging::page(&sites, page, per_page, &uri, "")))
}

/// Site ids addressable by get/update/delete: the spec refuses `main-site` there.
fn site_key(raw: &str) -> Result<&str, ApiError> {
    if raw == "main-site" {
        return Err(ApiError::invalid("siteId", Some(raw)));
    }
    Ok(raw)
}

fn validate(
    state: &State,
    site: &SiteInfo,
    except: Option<&str>,
) -> Result<Option<OperatorInfo>, ApiError> {
    if let Some(access) = &site.site_access
        && !ACCESS.contains(&access.as_str())
    {
        return Err(ApiError::invalid("siteAccess", Some(access)));
    }
    if let Some(name) = &site.caller_id_name
        && name.chars().count() > 15
    {
        return Err(ApiError::invalid("callerIdName", Some(name)));
    }
    let data = state.data();
    if let Some(number) = &site.extension_number {
        if number.is_empty() || number.len() > 8 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::invalid("extensionNumber", Some(number)));
        }
        let taken = data.number_taken(number, None)
            || data
                .sites
                .values()
                .any(|s| s.extension_number.as_ref() == Some(number) && s.id.as_deref() != except);
        if taken {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "CMN-204",
                format!("Extension number [{number}] is already in use"),
            ));
        }
    }
    match site.operator.as_ref().and_then(|o| o.id.as_ref()) {
        None => Ok(None),
        Some(id) => {
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ApiError::invalid("operator.id", Some(id)));
            }
            let ext = id
                .parse::<i64>()
                .ok()
                .and_then(|n| data.extensions.get(&n))
                .ok_or_else(|| ApiError::not_found("operator.id", id))?;
            Ok(Some(OperatorInfo {
                id: Some(id.clone()),
                uri: ext.uri.clone(),
                extension_number: ext.extension_number.clone(),
                name: ext.name.clone(),
            }))
        }
    }
}

pub async fn create(
    AxumState(state): AxumState<Arc<State>>,
    body: Bytes,
) -> Result<Json<SiteInfo>, ApiError> {
    let req: SiteInfo = parse_body(&body)?;
    if req.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        return Err(ApiError::missing("name"));
    }
    if req.extension_number.is_none() {
        return Err(ApiError::missing("extensionNumber"));
    }
    let operator = validate(&state, &req, None)?;
    let mut data = state.data();
    let id = data.new_id().to_string();
    let site = SiteInfo {
        id: Some(id.clone()),
        uri: Some(format!("{}/sites/{id}", state.account_uri())),
        operator,
        site_access: req.site_access.clone().or(Some("Unlimited".to_owned())),
        ..req
    };
    data.sites.insert(id, site.clone());
    Ok(Json(site))
}

pub async fn read(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
) -> Result<Json<SiteInfo>, ApiError> {
    let key = site_key(&raw)?;
    state
        .data()
        .sites
        .get(key)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("siteId", &raw))
}

pub async fn update(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<SiteInfo>, ApiError> {
    let key = site_key(&raw)?.to_owned();
    let req: SiteInfo = parse_body(&body)?;
    if !state.data().sites.contains_key(&key) {
        return Err(ApiError::not_found("siteId", &raw));
    }
    let operator = validate(&state, &req, Some(&key))?;
    let mut data = state.data();
    let site = data
        .sites
        .get_mut(&key)
        .ok_or_else(|| ApiError::not_found("siteId", &raw))?;
    macro_rules! merge {
        ($($f:ident),*) => { $( if req.$f.is_some() { site.$f = req.$f.clone(); } )* };
    }
    merge!(
        name,
        extension_number,
        caller_id_name,
        email,
        business_address,
        regional_settings,
        site_access
    );
    if operator.is_some() {
        site.operator = operator;
    }
    let updated = site.clone();
    // Extensions show their site's current name.
    for ext in data.extensions.values_mut() {
        if let Some(s) = ext
            .site
            .as_mut()
            .filter(|s| s.id.as_deref() == Some(key.as_str()))
        {
            s.name = updated.name.clone();
        }
    }
    Ok(Json(updated))
}

pub async fn delete(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let key = site_key(&raw)?.to_owned();
    let mut data = state.data();
    data.sites
        .remove(&key)
        .ok_or_else(|| ApiError::not_found("siteId", &raw))?;
    // The site's extensions move to the main site.
    let main = data.sites.get("main-site").cloned();
    for ext in data.extensions.values_mut() {
        if ext.site.as_ref().and_then(|s| s.id.as_deref()) == Some(key.as_str()) {
            ext.site = main.as_ref().map(|m| ExtensionSiteInfo {
                id: m.id.clone(),
                uri: m.uri.clone(),
                name: m.name.clone(),
                code: m.code.clone(),
            });
        }
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
