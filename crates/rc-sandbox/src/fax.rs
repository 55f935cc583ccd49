//! `POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/fax`: sends a fax.
//! RingCentral takes it as `multipart/form-data` (fields as parts, `to` repeated, the
//! documents as `attachment` parts), as `multipart/mixed` (a JSON root part with the
//! fields, then the documents; its "Fax Multipart Formats" guide), or as JSON naming
//! an earlier fax to send again (`originalMessageId`). The fax is stored in the
//! sender's message store, its documents readable with `readMessageContent`.

use std::sync::Arc;
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::{Extension, Path, State as AxumState};
use axum::response::Json;
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::errors::ApiError;
use super::extensions::{parse_body, resolve_id};
use super::gate::Caller;
use super::message_store::{self, Party, StoredAttachment, StoredMessage};
use super::multipart::Part;
use super::seed::rc_time;
use super::state::State;
use super::uploads;
use rc_spec::ops;

/// The spec: "Fax attachment size (both single and total) is limited to 50Mb".
const ATTACHMENTS_MAX: usize = 50 << 20;
const COVER_TEXT_MAX: usize = 1024;
const RESOLUTIONS: &[&str] = &["High", "Low"];

/// The fields of a fax request, from a JSON part or form fields.
#[derive(Debug, Default)]
struct Fields {
    to: Vec<Recipient>,
    fax_resolution: Option<String>,
    send_time: Option<String>,
    iso_code: Option<String>,
    cover_index: Option<String>,
    cover_page_text: Option<String>,
    original_message_id: Option<String>,
}

/// `FaxRequestTo`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Recipient {
    phone_number: Option<String>,
    name: Option<String>,
}

/// `FaxResponse`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FaxResponse {
    id: i64,
    uri: String,
    r#type: &'static str,
    from: Party,
    to: Vec<FaxResponseTo>,
    creation_time: String,
    read_status: &'static str,
    priority: &'static str,
    attachments: Vec<FaxAttachment>,
    direction: &'static str,
    availability: &'static str,
    message_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fax_resolution: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fax_page_count: Option<i32>,
    last_modified_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover_index: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover_page_text: Option<String>,
}

/// `FaxResponseTo`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct FaxResponseTo {
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    message_status: String,
}

/// `MessageAttachmentInfoIntId` (the fax answer names the file `filename`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct FaxAttachment {
    id: i64,
    uri: String,
    r#type: &'static str,
    content_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    filename: Option<String>,
    size: i64,
}

/// A JSON string or number as text (`coverIndex` comes as either).
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A `to` value: a JSON recipient or list of them, else a plain phone number (the
/// form-data guide sends `to` parts of bare numbers).
fn recipients(text: &str) -> Result<Vec<Recipient>, ApiError> {
    let text = text.trim();
    if text.starts_with('{') {
        Ok(vec![parse_body(text.as_bytes())?])
    } else if text.starts_with('[') {
        parse_body(text.as_bytes())
    } else {
        Ok(vec![Recipient {
            phone_number: Some(text.to_owned()),
            name: None,
        }])
    }
}

impl Fields {
    fn merge_json(&mut self, body: &[u8]) -> Result<(), ApiError> {
        let value: Value = parse_body(body)?;
        let Value::Object(map) = value else {
            return Err(ApiError::unparsable(
                "The fax request is not a JSON object.",
            ));
        };
        for (key, value) in map {
            match key.as_str() {
                "to" => {
                    let list: Vec<Recipient> = match value {
                        Value::Array(_) => serde_json::from_value(value),
                        Value::Object(_) => serde_json::from_value(value).map(|r| vec![r]),
                        Value::String(s) => Ok(recipients(&s)?),
                        _ => return Err(ApiError::invalid("to", None)),
                    }
                    .map_err(|e| ApiError::unparsable(&e.to_string()))?;
                    self.to.extend(list);
                }
                "coverIndex" => self.cover_index = scalar(&value),
                "faxResolution" => self.fax_resolution = scalar(&value),
                "sendTime" => self.send_time = scalar(&value),
                "isoCode" => self.iso_code = scalar(&value),
                "coverPageText" => self.cover_page_text = scalar(&value),
                "originalMessageId" => self.original_message_id = scalar(&value),
                _ => {}
            }
        }
        Ok(())
    }

    /// A form field (other names are ignored).
    fn merge_field(&mut self, name: &str, text: &str) -> Result<(), ApiError> {
        let value = Some(text.to_owned());
        match name {
            "to" => self.to.extend(recipients(text)?),
            "faxResolution" => self.fax_resolution = value,
            "sendTime" => self.send_time = value,
            "isoCode" => self.iso_code = value,
            "coverIndex" => self.cover_index = value,
            "coverPageText" => self.cover_page_text = value,
            _ => {}
        }
        Ok(())
    }
}

const FIELDS: &[&str] = &[
    "to",
    "faxResolution",
    "sendTime",
    "isoCode",
    "coverIndex",
    "coverPageText",
];

/// Sorts the parts into fields and documents. A JSON part not named `attachment` is
/// the fields (the JSON root of multipart/mixed, the SDKs' `json`/`request` part);
/// parts named for a field are form fields, whatever their `filename` (RingCentral's
/// own example sends `filename=""` on them); the rest that are named `attachment`,
/// unnamed (multipart/mixed) or carry a file name are documents.
fn sort(parts: Vec<Part>) -> Result<(Fields, Vec<Part>), ApiError> {
    let mut fields = Fields::default();
    let mut documents = Vec::new();
    let mut json_seen = false;
    for part in parts {
        let name = part.name.as_deref();
        if part.is_json() && name != Some("attachment") && !json_seen {
            json_seen = true;
            fields.merge_json(&part.body)?;
        } else if let Some(field) = name.filter(|n| FIELDS.contains(n)) {
            let text = part.text().ok_or_else(|| ApiError::invalid(field, None))?;
            fields.merge_field(field, text)?;
        } else if name.is_none_or(|n| n == "attachment")
            || part.filename.as_deref().is_some_and(|f| !f.is_empty())
        {
            documents.push(part);
        }
    }
    Ok((fields, documents))
}

/// A phone number as RingCentral takes one: digits, with an optional leading `+` and
/// the usual separators.
fn valid_number(number: &str) -> bool {
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    let body = number.strip_prefix('+').unwrap_or(number);
    (3..=20).contains(&digits)
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b" -().".contains(&b))
}

struct Checked {
    to: Vec<Recipient>,
    fax_resolution: String,
    cover_index: Option<i32>,
    cover_page_text: Option<String>,
}

fn check(fields: Fields) -> Result<Checked, ApiError> {
    if fields.to.is_empty() {
        return Err(ApiError::missing("to"));
    }
    for recipient in &fields.to {
        match recipient.phone_number.as_deref().map(str::trim) {
            None | Some("") => return Err(ApiError::missing("to.phoneNumber")),
            Some(n) if !valid_number(n) => {
                return Err(ApiError::invalid("to.phoneNumber", Some(n)));
            }
            Some(_) => {}
        }
    }
    let fax_resolution = match fields.fax_resolution {
        None => "Low".to_owned(),
        Some(r) if RESOLUTIONS.contains(&r.as_str()) => r,
        Some(r) => return Err(ApiError::invalid("faxResolution", Some(&r))),
    };
    // "For a list of available cover page identifiers (1-13) please call the Fax
    // Cover Pages method"; 0 is no cover page.
    let cover_index = match fields.cover_index.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(
            raw.parse::<i32>()
                .ok()
                .filter(|n| (0..=13).contains(n))
                .ok_or_else(|| ApiError::invalid("coverIndex", Some(raw)))?,
        ),
    };
    if let Some(text) = &fields.cover_page_text
        && text.chars().count() > COVER_TEXT_MAX
    {
        return Err(ApiError::invalid("coverPageText", None));
    }
    if let Some(time) = fields.send_time.as_deref().filter(|t| !t.is_empty())
        && humantime::parse_rfc3339_weak(time).is_err()
    {
        return Err(ApiError::invalid("sendTime", Some(time)));
    }
    if let Some(code) = fields.iso_code.as_deref().filter(|c| !c.is_empty())
        && (code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return Err(ApiError::invalid("isoCode", Some(code)));
    }
    Ok(Checked {
        to: fields.to,
        fax_resolution,
        cover_index,
        cover_page_text: fields.cover_page_text.filter(|t| !t.is_empty()),
    })
}

fn attachment_invalid(message: &str) -> ApiError {
    let mut e = ApiError::invalid("attachment", None);
    let message = format!("Parameter [attachment] value is invalid: {message}");
    e.body.message = Some(message.clone());
    if let Some(item) = e.body.errors.first_mut() {
        item.message = message;
    }
    e
}

/// The sender: the extension's name and its first fax-capable number.
fn sender(state: &State, owner: i64) -> Party {
    let data = state.data();
    let ext = data.extensions.get(&owner);
    let owner_text = owner.to_string();
    let mine: Vec<_> = data
        .numbers
        .iter()
        .filter(|n| {
            n.info.extension.as_ref().and_then(|e| e.id.as_deref()) == Some(owner_text.as_str())
        })
        .collect();
    let number = mine
        .iter()
        .find(|n| matches!(n.info.r#type.as_deref(), Some("VoiceFax" | "FaxOnly")))
        .or(mine.first())
        .and_then(|n| n.info.phone_number.clone());
    Party {
        phone_number: number,
        extension_number: ext.and_then(|e| e.extension_number.clone()),
        extension_id: Some(owner_text),
        name: ext.and_then(|e| e.name.clone()),
        ..Party::default()
    }
}

pub async fn create(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, extension)): Path<(String, String)>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<FaxResponse>, ApiError> {
    let op = &ops::CREATE_FAX_MESSAGE;
    let body = uploads::read(op, &headers, body).await?;
    let accepted: Vec<&str> = op
        .request_media
        .iter()
        .copied()
        .chain(["multipart/mixed"])
        .collect();
    let (media, content_type) = uploads::require_media(&headers, &accepted)?;
    let owner = resolve_id(&caller, &extension)?;
    if !state.data().extensions.contains_key(&owner) {
        return Err(ApiError::not_found("extensionId", &extension));
    }
    let (fields, documents) = if media == "application/json" {
        let mut fields = Fields::default();
        fields.merge_json(&body)?;
        let original = resend(&state, owner, &mut fields)?;
        (fields, original)
    } else {
        let (fields, parts) = sort(uploads::parts(&content_type, &body)?)?;
        let documents = documents(parts)?;
        (fields, documents)
    };
    let checked = check(fields)?;
    let message = store(&state, owner, checked, documents);
    Ok(Json(answer(&state, &message)))
}

/// A resend: the original fax's documents, and its recipients unless others are
/// given.
fn resend(
    state: &State,
    owner: i64,
    fields: &mut Fields,
) -> Result<Vec<StoredAttachment>, ApiError> {
    let raw = fields
        .original_message_id
        .clone()
        .ok_or_else(|| ApiError::missing("originalMessageId"))?;
    let original = raw
        .parse::<i64>()
        .ok()
        .and_then(|id| state.messages().get(&id).cloned())
        .filter(|m| m.owner_id == owner && m.r#type == "Fax")
        .ok_or_else(|| ApiError::not_found("originalMessageId", &raw))?;
    if fields.to.is_empty() {
        fields.to = original
            .to
            .iter()
            .map(|p| Recipient {
                phone_number: p.phone_number.clone(),
                name: p.name.clone(),
            })
            .collect();
    }
    if fields.fax_resolution.is_none() {
        fields.fax_resolution = original.fax_resolution.clone();
    }
    Ok(original.attachments)
}

/// The uploaded documents; at least one, none empty, 50 MB at most in all.
fn documents(parts: Vec<Part>) -> Result<Vec<StoredAttachment>, ApiError> {
    if parts.is_empty() {
        return Err(ApiError::missing("attachment"));
    }
    let total: usize = parts.iter().map(|p| p.body.len()).sum();
    if total > ATTACHMENTS_MAX {
        return Err(attachment_invalid(
            "fax attachment size (both single and total) is limited to 50 MB",
        ));
    }
    parts
        .into_iter()
        .map(|part| {
            if part.body.is_empty() {
                return Err(attachment_invalid("an attachment cannot be empty"));
            }
            Ok(StoredAttachment {
                id: 0,
                r#type: "SourceDocument",
                content_type: uploads::file_media_type(&part),
                filename: part.filename.clone().filter(|f| !f.is_empty()),
                content: part.body,
            })
        })
        .collect()
}

fn store(
    state: &State,
    owner: i64,
    checked: Checked,
    documents: Vec<StoredAttachment>,
) -> StoredMessage {
    let from = sender(state, owner);
    let (id, attachments, recipient_ids) = {
        let mut data = state.data();
        let id = data.new_id();
        let attachments: Vec<StoredAttachment> = documents
            .into_iter()
            .map(|a| StoredAttachment {
                id: data.new_id(),
                ..a
            })
            .collect();
        let recipient_ids: Vec<i64> = checked.to.iter().map(|_| data.new_id()).collect();
        (id, attachments, recipient_ids)
    };
    let now = rc_time(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default(),
    );
    let message = StoredMessage {
        id,
        owner_id: owner,
        r#type: "Fax",
        direction: "Outbound",
        // Faxes are queued for sending; the sandbox sends none.
        message_status: "Queued",
        from,
        to: checked
            .to
            .into_iter()
            .zip(recipient_ids)
            .map(|(r, recipient_id)| Party {
                phone_number: r.phone_number.map(|n| n.trim().to_owned()),
                name: r.name,
                message_status: Some("Queued".to_owned()),
                recipient_id: Some(recipient_id.to_string()),
                ..Party::default()
            })
            .collect(),
        creation_time: now,
        fax_resolution: Some(checked.fax_resolution),
        // Known once rendered; nothing is rendered yet.
        fax_page_count: Some(0),
        cover_index: checked.cover_index,
        cover_page_text: checked.cover_page_text,
        attachments,
    };
    state.messages().insert(id, message.clone());
    message
}

fn answer(state: &State, m: &StoredMessage) -> FaxResponse {
    FaxResponse {
        id: m.id,
        uri: message_store::message_uri(state, m.owner_id, m.id),
        r#type: "Fax",
        from: Party {
            extension_id: None,
            extension_number: None,
            ..m.from.clone()
        },
        to: m
            .to
            .iter()
            .map(|p| FaxResponseTo {
                recipient_id: p.recipient_id.clone(),
                phone_number: p.phone_number.clone(),
                name: p.name.clone(),
                message_status: p.message_status.clone().unwrap_or_default(),
            })
            .collect(),
        creation_time: m.creation_time.clone(),
        read_status: "Read",
        priority: "Normal",
        attachments: m
            .attachments
            .iter()
            .map(|a| FaxAttachment {
                id: a.id,
                uri: message_store::content_uri(state, m, a),
                r#type: a.r#type,
                content_type: a.content_type.clone(),
                filename: a.filename.clone(),
                size: a.content.len() as i64,
            })
            .collect(),
        direction: m.direction,
        availability: "Alive",
        message_status: m.message_status,
        fax_resolution: m.fax_resolution.clone(),
        fax_page_count: m.fax_page_count,
        last_modified_time: m.creation_time.clone(),
        cover_index: m.cover_index,
        cover_page_text: m.cover_page_text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn part(name: Option<&str>, filename: Option<&str>, ct: Option<&str>, body: &str) -> Part {
        Part {
            headers: Vec::new(),
            name: name.map(str::to_owned),
            filename: filename.map(str::to_owned),
            content_type: ct.map(str::to_owned),
            body: Bytes::from(body.to_owned()),
        }
    }

    #[test]
    fn form_fields_json_parts_and_documents_are_told_apart() {
        let (fields, documents) = sort(vec![
            part(Some("to"), Some(""), Some("text/plain"), "18005554567"),
            part(
                Some("to"),
                None,
                None,
                "{\"phoneNumber\":\"+18005554568\",\"name\":\"Bo\"}",
            ),
            part(Some("coverIndex"), Some(""), Some("text/plain"), "2"),
            part(
                Some("attachment"),
                Some("a.pdf"),
                Some("application/pdf"),
                "%PDF",
            ),
            part(Some("other"), None, None, "ignored"),
            part(None, Some("b.txt"), Some("text/plain"), "text"),
        ])
        .unwrap();
        let numbers: Vec<_> = fields
            .to
            .iter()
            .map(|r| r.phone_number.clone().unwrap())
            .collect();
        assert_eq!(numbers, ["18005554567", "+18005554568"]);
        assert_eq!(fields.to[1].name.as_deref(), Some("Bo"));
        assert_eq!(fields.cover_index.as_deref(), Some("2"));
        assert_eq!(documents.len(), 2);
    }

    #[test]
    fn a_json_root_part_carries_the_fields() {
        let (fields, documents) = sort(vec![
            part(
                Some("json"),
                Some("request.json"),
                Some("application/json"),
                "{\"to\":[{\"phoneNumber\":\"+16505550100\"}],\"faxResolution\":\"High\",\"coverIndex\":0}",
            ),
            part(Some("attachment"), Some("x.txt"), None, "hello"),
        ])
        .unwrap();
        assert_eq!(fields.fax_resolution.as_deref(), Some("High"));
        assert_eq!(fields.cover_index.as_deref(), Some("0"));
        assert_eq!(documents.len(), 1);
        let checked = check(fields).unwrap();
        assert_eq!(checked.cover_index, Some(0));
    }

    #[test]
    fn checks_follow_the_spec() {
        let with = |f: fn(&mut Fields)| {
            let mut fields = Fields {
                to: vec![Recipient {
                    phone_number: Some("+16505550100".into()),
                    name: None,
                }],
                ..Fields::default()
            };
            f(&mut fields);
            check(fields).err().map(|e| {
                let item = &e.body.errors[0];
                (
                    item.error_code.clone(),
                    item.parameter_name.clone().unwrap_or_default(),
                )
            })
        };
        assert_eq!(with(|_| {}), None);
        assert_eq!(
            with(|f| f.to.clear()),
            Some(("CMN-100".into(), "to".into()))
        );
        assert_eq!(
            with(|f| f.to[0].phone_number = Some("not a number".into())),
            Some(("CMN-101".into(), "to.phoneNumber".into()))
        );
        assert_eq!(
            with(|f| f.fax_resolution = Some("Medium".into())),
            Some(("CMN-101".into(), "faxResolution".into()))
        );
        assert_eq!(
            with(|f| f.cover_index = Some("14".into())),
            Some(("CMN-101".into(), "coverIndex".into()))
        );
        assert_eq!(
            with(|f| f.cover_page_text = Some("x".repeat(1025))),
            Some(("CMN-101".into(), "coverPageText".into()))
        );
        assert_eq!(with(|f| f.cover_page_text = Some("x".repeat(1024))), None);
        assert_eq!(
            with(|f| f.send_time = Some("tomorrow".into())),
            Some(("CMN-101".into(), "sendTime".into()))
        );
        assert_eq!(
            with(|f| f.send_time = Some("2030-03-19T08:00:00.000Z".into())),
            None
        );
        assert_eq!(
            with(|f| f.iso_code = Some("USA".into())),
            Some(("CMN-101".into(), "isoCode".into()))
        );
    }

    #[test]
    fn documents_must_not_be_empty() {
        assert!(documents(Vec::new()).is_err());
        assert!(documents(vec![part(Some("attachment"), Some("a"), None, "")]).is_err());
        let ok = documents(vec![part(Some("attachment"), Some("a.pdf"), None, "%PDF")]).unwrap();
        assert_eq!(ok[0].content_type, "application/pdf");
    }
}
