//! `/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/...`: the
//! messages the sandbox's extensions sent (faxes), read back as records and their
//! attachments' content.

use std::sync::Arc;

use axum::extract::{Extension, Path, RawQuery, State as AxumState};
use axum::response::{Json, Response};
use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;

use super::errors::{ApiError, NOT_EMULATED};
use super::extensions::resolve_id;
use super::gate::Caller;
use super::ivr_prompts::media_answer;
use super::query::Params;
use super::state::State;

/// A message of an extension's store.
#[derive(Clone)]
pub struct StoredMessage {
    pub id: i64,
    pub owner_id: i64,
    pub r#type: &'static str,
    pub direction: &'static str,
    pub message_status: &'static str,
    pub from: Party,
    pub to: Vec<Party>,
    pub creation_time: String,
    pub fax_resolution: Option<String>,
    pub fax_page_count: Option<i32>,
    pub cover_index: Option<i32>,
    pub cover_page_text: Option<String>,
    pub attachments: Vec<StoredAttachment>,
}

/// A sender or recipient (`MessageStoreCallerInfoResponseFrom`/`...To`).
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<String>,
}

#[derive(Clone)]
pub struct StoredAttachment {
    pub id: i64,
    pub r#type: &'static str,
    pub content_type: String,
    pub filename: Option<String>,
    pub content: Bytes,
}

/// `MessageAttachmentInfo` (message records name the file `fileName`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct AttachmentInfo {
    id: i64,
    uri: String,
    r#type: &'static str,
    content_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_name: Option<String>,
    size: i64,
}

/// `GetMessageInfoResponse`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageInfo {
    id: i64,
    uri: String,
    extension_id: String,
    r#type: &'static str,
    direction: &'static str,
    availability: &'static str,
    read_status: &'static str,
    priority: &'static str,
    message_status: &'static str,
    from: Party,
    to: Vec<Party>,
    creation_time: String,
    last_modified_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fax_resolution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fax_page_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover_index: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover_page_text: Option<String>,
    attachments: Vec<AttachmentInfo>,
}

/// The canonical URI of a message.
pub fn message_uri(state: &State, owner_id: i64, id: i64) -> String {
    format!(
        "{}/extension/{owner_id}/message-store/{id}",
        state.account_uri()
    )
}

/// The URI of an attachment's content (`readMessageContent`).
pub fn content_uri(
    state: &State,
    message: &StoredMessage,
    attachment: &StoredAttachment,
) -> String {
    format!(
        "{}/content/{}",
        message_uri(state, message.owner_id, message.id),
        attachment.id
    )
}

fn record(state: &State, m: &StoredMessage) -> MessageInfo {
    MessageInfo {
        id: m.id,
        uri: message_uri(state, m.owner_id, m.id),
        extension_id: m.owner_id.to_string(),
        r#type: m.r#type,
        direction: m.direction,
        availability: "Alive",
        read_status: "Read",
        priority: "Normal",
        message_status: m.message_status,
        from: m.from.clone(),
        to: m.to.clone(),
        creation_time: m.creation_time.clone(),
        last_modified_time: m.creation_time.clone(),
        fax_resolution: m.fax_resolution.clone(),
        fax_page_count: m.fax_page_count,
        cover_index: m.cover_index,
        cover_page_text: m.cover_page_text.clone(),
        attachments: m
            .attachments
            .iter()
            .map(|a| AttachmentInfo {
                id: a.id,
                uri: content_uri(state, m, a),
                r#type: a.r#type,
                content_type: a.content_type.clone(),
                file_name: a.filename.clone(),
                size: a.content.len() as i64,
            })
            .collect(),
    }
}

/// The caller's (or the named extension's) message `raw`.
fn find(
    state: &State,
    caller: &Caller,
    extension: &str,
    raw: &str,
) -> Result<StoredMessage, ApiError> {
    let owner = resolve_id(caller, extension)?;
    if !state.data().extensions.contains_key(&owner) {
        return Err(ApiError::not_found("extensionId", extension));
    }
    raw.parse::<i64>()
        .ok()
        .and_then(|id| state.messages().get(&id).cloned())
        .filter(|m| m.owner_id == owner)
        .ok_or_else(|| ApiError::not_found("messageId", raw))
}

pub async fn read(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, extension, raw)): Path<(String, String, String)>,
) -> Result<Json<MessageInfo>, ApiError> {
    if raw.contains(',') {
        return Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            NOT_EMULATED,
            "readMessage with several ids (the bulk syntax and its 207 answer) is not emulated by the rc-gateway sandbox",
        ));
    }
    let message = find(&state, &caller, &extension, &raw)?;
    Ok(Json(record(&state, &message)))
}

/// `readMessageContent`: an attachment's bytes as they were sent.
pub async fn content(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, extension, raw, attachment)): Path<(String, String, String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let message = find(&state, &caller, &extension, &raw)?;
    let found = attachment
        .parse::<i64>()
        .ok()
        .and_then(|id| message.attachments.iter().find(|a| a.id == id))
        .ok_or_else(|| ApiError::not_found("attachmentId", &attachment))?;
    let params = Params::parse(query.as_deref());
    media_answer(
        &params,
        found.content.clone(),
        &found.content_type,
        found.filename.as_deref().unwrap_or("attachment"),
    )
}
