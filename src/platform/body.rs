//! Request bodies of the compatible endpoint: checked against the operation's media
//! types and size limit, then held whole (JSON and forms: small, and sent again by a
//! retry) or streamed to RingCentral as they arrive (multipart and binary uploads:
//! faxes, MMS, IVR prompts), so that a 20 MB upload never sits in the gateway.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use axum::body::Body;
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, header};
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt;

use crate::error::Error;
use rc_client::stack::body::BoxError;
use rc_client::stack::{RequestBody, Upload};
use rc_spec::ops::Operation;

/// A request body ready to forward, its limit, and whether a streamed one overran it.
pub struct Prepared {
    pub body: Option<RequestBody>,
    pub overran: Option<Overrun>,
    pub limit: usize,
}

/// Set when a streamed body went past its limit mid-way (the upload is cut there).
#[derive(Clone, Default)]
pub struct Overrun(Arc<AtomicBool>);

impl Overrun {
    pub fn happened(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The media type of a `Content-Type` value, lowercased, without its parameters.
fn essence(value: &HeaderValue) -> String {
    value
        .to_str()
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The media type of `content_type` if the operation takes it: RingCentral's spec lists
/// what each operation reads, and anything else is refused before RingCentral sees it.
pub fn accepted_media(op: &Operation, content_type: &HeaderValue) -> Result<String, Error> {
    let media = essence(content_type);
    if !op.request_media.is_empty() && !op.request_media.contains(&media.as_str()) {
        return Err(Error::UnsupportedMediaType {
            got: media,
            expected: op.request_media.join(" or "),
        });
    }
    Ok(media)
}

/// Whether a body of this media type is streamed rather than held whole.
fn streamed(essence: &str) -> bool {
    !(essence.contains("json") || essence == "application/x-www-form-urlencoded")
}

/// Checks and prepares `body` for `op`. A body held whole may have `held_limit` bytes
/// at most (and the operation's own limit); a streamed one, which costs the gateway
/// no memory, is bounded by the operation's limit (RingCentral's
/// `x-request-max-body-size`), or `held_limit` when the spec gives none.
pub async fn prepare(
    op: &Operation,
    headers: &HeaderMap,
    body: Body,
    held_limit: usize,
) -> Result<Prepared, Error> {
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // Most calls (GETs) have no body: nothing to look at.
    if http_body::Body::is_end_stream(&body) || length == Some(0) {
        return Ok(Prepared {
            body: None,
            overran: None,
            limit: held_limit,
        });
    }
    let op_limit = op
        .max_body
        .map(|m| usize::try_from(m).unwrap_or(usize::MAX));
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("application/json"));
    let media = accepted_media(op, &content_type)?;
    let streamed = streamed(&media);
    let limit = match (streamed, op_limit) {
        (true, Some(op_limit)) => op_limit,
        (false, Some(op_limit)) => op_limit.min(held_limit),
        (_, None) => held_limit,
    };
    if length.is_some_and(|l| l > limit as u64) {
        return Err(too_large(limit));
    }
    if streamed {
        let overran = Overrun::default();
        let capped = Capped {
            inner: body,
            left: limit as u64,
            overran: overran.clone(),
        };
        let upload = Upload::new(capped.boxed_unsync(), length);
        return Ok(Prepared {
            body: Some(RequestBody::streamed(content_type, upload)),
            overran: Some(overran),
            limit,
        });
    }
    let bytes: Bytes = http_body_util::Limited::new(body, limit)
        .collect()
        .await
        .map_err(|e| {
            if e.is::<http_body_util::LengthLimitError>() {
                too_large(limit)
            } else {
                Error::invalid("body", format!("the request body could not be read: {e}"))
            }
        })?
        .to_bytes();
    Ok(Prepared {
        body: (!bytes.is_empty()).then(|| RequestBody::whole(content_type, bytes)),
        overran: None,
        limit,
    })
}

/// A body over `limit` bytes.
pub fn too_large(limit: usize) -> Error {
    Error::TooLarge {
        field: "body",
        what: "the request body",
        limit,
    }
}

/// A body that fails once it passes its limit, and says so in its [`Overrun`].
struct Capped {
    inner: Body,
    left: u64,
    overran: Overrun,
}

#[derive(Debug, thiserror::Error)]
#[error("the request body is larger than its limit")]
struct OverLimit;

impl http_body::Body for Capped {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    let n = data.len() as u64;
                    if n > this.left {
                        this.overran.0.store(true, Ordering::Relaxed);
                        return Poll::Ready(Some(Err(Box::new(OverLimit))));
                    }
                    this.left -= n;
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(Box::new(e)))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rc_client::stack::Content;

    fn headers(content_type: &str, length: Option<usize>) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, content_type.parse().unwrap());
        if let Some(length) = length {
            h.insert(header::CONTENT_LENGTH, length.into());
        }
        h
    }

    #[tokio::test]
    async fn multipart_is_streamed_json_is_held_and_other_types_are_refused() {
        let op = &rc_spec::ops::CREATE_FAX_MESSAGE;
        let multipart = prepare(
            op,
            &headers("multipart/form-data; boundary=x", Some(4)),
            Body::from("data"),
            100,
        )
        .await
        .unwrap();
        let body = multipart.body.unwrap();
        assert!(matches!(body.content, Content::Streamed(ref u) if u.length == Some(4)));
        let json = prepare(
            op,
            &headers("application/json", None),
            Body::from("{}"),
            100,
        )
        .await
        .unwrap();
        assert_eq!(json.body.unwrap().bytes().unwrap().as_ref(), b"{}");
        let refused = prepare(op, &headers("text/plain", None), Body::from("x"), 100).await;
        assert!(matches!(refused, Err(Error::UnsupportedMediaType { .. })));
        let empty = prepare(op, &headers("text/plain", None), Body::empty(), 100)
            .await
            .unwrap();
        assert!(empty.body.is_none());
    }

    /// A multipart operation with a 25-byte limit.
    static SMALL: Operation = Operation {
        id: "smallUpload",
        method: http::Method::POST,
        path: "/restapi/v1.0/account/{accountId}/small",
        group: rc_spec::ops::ThrottleGroup::Heavy,
        resource: "small",
        scope: "small",
        permission: None,
        user_permission: None,
        request_media: &["multipart/form-data"],
        max_body: Some(25),
        binary_answer: false,
        media_server: false,
        deprecated: false,
    };

    #[tokio::test]
    async fn a_streamed_body_past_its_limit_fails_and_says_so() {
        let op = &SMALL;
        // The operation's limit, not the smaller one for bodies held whole.
        let declared = prepare(
            op,
            &headers("multipart/form-data; boundary=x", Some(26)),
            Body::from("x"),
            10,
        )
        .await;
        assert!(matches!(declared, Err(Error::TooLarge { limit: 25, .. })));
        let chunks = futures::stream::iter(
            ["0123456789"; 3].map(|c| Ok::<_, std::io::Error>(Bytes::from_static(c.as_bytes()))),
        );
        let prepared = prepare(
            op,
            &headers("multipart/form-data; boundary=x", None),
            Body::from_stream(chunks),
            10,
        )
        .await
        .unwrap();
        let Some(RequestBody {
            content: Content::Streamed(upload),
            ..
        }) = prepared.body
        else {
            panic!("streamed")
        };
        let overran = prepared.overran.unwrap();
        assert!(upload.take().unwrap().collect().await.is_err());
        assert!(overran.happened());
    }
}
