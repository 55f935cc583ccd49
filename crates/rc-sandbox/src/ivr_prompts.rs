//! `/restapi/v1.0/account/{accountId}/ivr-prompts[/{promptId}[/content]]`: the
//! company's IVR prompt library. Prompts are uploaded as `multipart/form-data`
//! (`attachment`, the audio file, and an optional `name`) and their audio is served
//! back as uploaded.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, RawQuery, State as AxumState};
use axum::response::{IntoResponse, Json, Response};
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::{Deserialize, Serialize};

use super::errors::ApiError;
use super::extensions::parse_body;
use super::multipart::Part;
use super::paging;
use super::query::Params;
use super::state::State;
use super::uploads;
use rc_spec::models::Page;
use rc_spec::ops;

/// A prompt of the library.
pub struct Prompt {
    pub id: String,
    pub filename: String,
    pub content_type: String,
    pub content: Bytes,
}

/// `PromptInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PromptInfo {
    pub uri: String,
    pub id: String,
    pub content_type: String,
    pub content_uri: String,
    pub filename: String,
}

/// `UpdateIVRPromptRequest`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct UpdateRequest {
    filename: Option<String>,
}

/// The fields a JSON part may carry instead of form fields (the Python SDK's
/// multipart builder always sends its body as such a part).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateFields {
    name: Option<String>,
}

fn info(state: &State, prompt: &Prompt) -> PromptInfo {
    let uri = format!("{}/ivr-prompts/{}", state.account_uri(), prompt.id);
    PromptInfo {
        content_uri: format!("{uri}/content"),
        uri,
        id: prompt.id.clone(),
        content_type: prompt.content_type.clone(),
        filename: prompt.filename.clone(),
    }
}

fn not_found(raw: &str) -> ApiError {
    ApiError::not_found("promptId", raw)
}

/// The prompt's name: the `name` field (a form field or in a JSON part), if any.
fn name_field(parts: &[Part]) -> Result<Option<String>, ApiError> {
    let mut name = None;
    for part in parts {
        if part.name.as_deref() == Some("attachment") {
            continue;
        }
        if part.is_json() {
            let fields: Option<CreateFields> = parse_body(&part.body)?;
            if let Some(n) = fields.and_then(|f| f.name) {
                name = Some(n);
            }
        } else if part.name.as_deref() == Some("name") {
            let text = part.text().ok_or_else(|| ApiError::invalid("name", None))?;
            name = Some(text.to_owned());
        }
    }
    Ok(name.filter(|n| !n.trim().is_empty()))
}

pub async fn create(
    AxumState(state): AxumState<Arc<State>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<PromptInfo>, ApiError> {
    let op = &ops::CREATE_IVR_PROMPT;
    let body = uploads::read(op, &headers, body).await?;
    let (_, content_type) = uploads::require_media(&headers, op.request_media)?;
    let parts = uploads::parts(&content_type, &body)?;
    let name = name_field(&parts)?;
    let attachment = parts
        .iter()
        .find(|p| p.name.as_deref() == Some("attachment"))
        .ok_or_else(|| ApiError::missing("attachment"))?;
    // The spec: "Attachment cannot be empty, only audio files are supported".
    if attachment.body.is_empty() {
        return Err(empty_attachment());
    }
    let media = uploads::file_media_type(attachment);
    if !media.starts_with("audio/") {
        let mut e = ApiError::invalid("attachment", Some(&media));
        e.body.message = Some(format!(
            "Parameter [attachment] value is invalid: only audio files are supported, not {media}"
        ));
        if let Some(item) = e.body.errors.first_mut() {
            item.message = e.body.message.clone().unwrap_or_default();
        }
        return Err(e);
    }
    let id = state.data().new_id().to_string();
    let filename = name
        .or_else(|| attachment.filename.clone().filter(|f| !f.is_empty()))
        .unwrap_or_else(|| format!("Prompt {id}"));
    let prompt = Prompt {
        id: id.clone(),
        filename,
        content_type: media,
        content: attachment.body.clone(),
    };
    let answer = info(&state, &prompt);
    state.prompts().insert(id, prompt);
    Ok(Json(answer))
}

fn empty_attachment() -> ApiError {
    let mut e = ApiError::invalid("attachment", None);
    let message = "Parameter [attachment] value is invalid: the attachment cannot be empty";
    e.body.message = Some(message.to_owned());
    if let Some(item) = e.body.errors.first_mut() {
        item.message = message.to_owned();
    }
    e
}

pub async fn list(
    AxumState(state): AxumState<Arc<State>>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<PromptInfo>>, ApiError> {
    let params = Params::parse(query.as_deref());
    let (page, per_page) = paging::params(&params)?;
    let records: Vec<PromptInfo> = {
        let prompts = state.prompts();
        let mut all: Vec<&Prompt> = prompts.values().collect();
        // Creation order (ids grow).
        all.sort_by_key(|p| (p.id.len(), p.id.clone()));
        all.into_iter().map(|p| info(&state, p)).collect()
    };
    let uri = format!("{}/ivr-prompts", state.account_uri());
    Ok(Json(paging::page(&records, page, per_page, &uri, "")))
}

pub async fn read(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
) -> Result<Json<PromptInfo>, ApiError> {
    let prompts = state.prompts();
    let prompt = prompts.get(&raw).ok_or_else(|| not_found(&raw))?;
    Ok(Json(info(&state, prompt)))
}

pub async fn update(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<PromptInfo>, ApiError> {
    // The spec makes this body optional.
    let req: UpdateRequest = if body.is_empty() {
        UpdateRequest::default()
    } else {
        parse_body(&body)?
    };
    let mut prompts = state.prompts();
    let prompt = prompts.get_mut(&raw).ok_or_else(|| not_found(&raw))?;
    if let Some(filename) = req.filename {
        if filename.trim().is_empty() {
            return Err(ApiError::invalid("filename", Some(&filename)));
        }
        prompt.filename = filename;
    }
    Ok(Json(info(&state, prompt)))
}

pub async fn delete(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    state
        .prompts()
        .remove(&raw)
        .ok_or_else(|| not_found(&raw))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `readIVRPromptContent`: the audio as uploaded, with its media type.
pub async fn content(
    AxumState(state): AxumState<Arc<State>>,
    Path((_, raw)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref());
    let (content, content_type, filename) = {
        let prompts = state.prompts();
        let prompt = prompts.get(&raw).ok_or_else(|| not_found(&raw))?;
        (
            prompt.content.clone(),
            prompt.content_type.clone(),
            prompt.filename.clone(),
        )
    };
    media_answer(&params, content, &content_type, &filename)
}

/// A media download: the bytes, their Content-Type, and the Content-Disposition the
/// `contentDisposition` and `contentDispositionFilename` parameters ask for.
pub fn media_answer(
    params: &Params,
    content: Bytes,
    content_type: &str,
    filename: &str,
) -> Result<Response, ApiError> {
    let disposition = params
        .enums("contentDisposition", &["Inline", "Attachment"])?
        .into_iter()
        .next();
    let mut response = Response::new(Body::from(content));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Some(kind) = disposition {
        let name = params.one("contentDispositionFilename").unwrap_or(filename);
        // A quoted-string: no quotes, backslashes or control characters inside.
        let name: String = name
            .chars()
            .map(|c| {
                if c == '"' || c == '\\' || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let value = format!("{}; filename=\"{name}\"", kind.to_ascii_lowercase());
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    Ok(response)
}
