//! Request bodies of RingCentral's upload operations: the media types the spec lists
//! for the operation, and its `x-request-max-body-size`, then the multipart parts.

use axum::body::Body;
use bytes::{Bytes, BytesMut};
use futures::StreamExt;
use http::{HeaderMap, header};

use super::errors::ApiError;
use super::multipart::{self, Part};
use rc_spec::ops::Operation;

/// How much of an over-limit body the sandbox still reads before answering 413: a
/// client that is still sending when the answer comes may never read it.
const DRAIN_MAX: usize = 64 << 20;

/// The request's media type in lower case without parameters, and the full value.
pub fn content_type(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some((multipart::media_type(value).0, value.to_owned()))
}

/// The body of a request of `op`, buffered: 413 over the operation's limit. A
/// Content-Length over it is refused before reading anything.
pub async fn read(op: &Operation, headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    let limit = op
        .max_body
        .and_then(|m| usize::try_from(m).ok())
        .unwrap_or(usize::MAX);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::too_large(op, limit));
    }
    let mut stream = body.into_data_stream();
    let mut buffer = BytesMut::new();
    let mut seen = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::unreadable(&format!("the body could not be read: {e}")))?;
        seen = seen.saturating_add(chunk.len());
        if seen > limit {
            if seen > limit.saturating_add(DRAIN_MAX) {
                break;
            }
            continue;
        }
        buffer.extend_from_slice(&chunk);
    }
    if seen > limit {
        return Err(ApiError::too_large(op, limit));
    }
    Ok(buffer.freeze())
}

/// 415 unless the request's media type is one of `accepted`.
pub fn require_media(headers: &HeaderMap, accepted: &[&str]) -> Result<(String, String), ApiError> {
    match content_type(headers) {
        Some((media, value)) if accepted.contains(&media.as_str()) => Ok((media, value)),
        found => Err(ApiError::unsupported_media(
            found.as_ref().map(|(m, _)| m.as_str()),
            accepted,
        )),
    }
}

/// The parts of a multipart body whose Content-Type is `content_type`; CMN-104 when
/// the body is not what it announces.
pub fn parts(content_type: &str, body: &Bytes) -> Result<Vec<Part>, ApiError> {
    multipart::boundary(content_type)
        .and_then(|boundary| multipart::parse(body, &boundary))
        .map_err(|e| ApiError::unreadable(&e.to_string()))
}

/// A file part's media type: its own Content-Type, else one known for its file name's
/// extension (Python's `requests` sends file parts without one unless told).
pub fn file_media_type(part: &Part) -> String {
    if let Some(media) = part
        .media_type()
        .filter(|m| m != "application/octet-stream")
    {
        return media;
    }
    let extension = part
        .filename
        .as_deref()
        .and_then(|f| f.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let known = match extension.as_deref() {
        Some("mp3") => "audio/mpeg",
        Some("wav") => "audio/wav",
        Some("ogg") => "audio/ogg",
        Some("pdf") => "application/pdf",
        Some("txt") => "text/plain",
        Some("htm" | "html") => "text/html",
        Some("tif" | "tiff") => "image/tiff",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("doc") => "application/msword",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };
    known.to_owned()
}
