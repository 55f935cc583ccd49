//! Request and answer bodies that are not held whole: uploads streamed from the caller
//! to RingCentral (fax documents, MMS attachments, IVR prompts) and binary answers
//! streamed back (recordings, attachments, prompt audio).
//!
//! A streamed body can be read once. Clones of a request share it: the first attempt
//! that reaches the transport takes it, and the layers that resend (retry, the bearer
//! layer's second chance) ask [`super::RcRequest::replayable`] first. A streamed answer
//! is handed over beside the answer, in the request's [`Download`] slot, so that the
//! layers above, which judge statuses and headers, never hold it.

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::HeaderValue;
use http_body_util::combinators::UnsyncBoxBody;

/// The error type of streamed bodies.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A body read as it is sent or received.
pub type StreamBody = UnsyncBoxBody<Bytes, BoxError>;

/// A request body with its content type.
#[derive(Clone, Debug)]
pub struct RequestBody {
    pub content_type: HeaderValue,
    pub content: Content,
}

/// What a request body holds.
#[derive(Clone, Debug)]
pub enum Content {
    /// The whole body, which any attempt can send again.
    Whole(Bytes),
    /// A body streamed from the caller, sent once.
    Streamed(Upload),
}

impl RequestBody {
    /// A body held whole.
    pub fn whole(content_type: HeaderValue, bytes: impl Into<Bytes>) -> Self {
        RequestBody {
            content_type,
            content: Content::Whole(bytes.into()),
        }
    }

    /// A body streamed from the caller.
    pub fn streamed(content_type: HeaderValue, upload: Upload) -> Self {
        RequestBody {
            content_type,
            content: Content::Streamed(upload),
        }
    }

    /// The whole body's bytes; `None` for a streamed one.
    pub fn bytes(&self) -> Option<&Bytes> {
        match &self.content {
            Content::Whole(bytes) => Some(bytes),
            Content::Streamed(_) => None,
        }
    }

    /// Whether another attempt could send this body again.
    pub fn replayable(&self) -> bool {
        matches!(self.content, Content::Whole(_))
    }
}

/// An upload: the caller's body, taken by the one attempt that sends it.
#[derive(Clone)]
pub struct Upload {
    /// The length the caller declared, sent as `Content-Length` when known.
    pub length: Option<u64>,
    body: Arc<Mutex<Option<StreamBody>>>,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("length", &self.length)
            .finish_non_exhaustive()
    }
}

impl Upload {
    pub fn new(body: StreamBody, length: Option<u64>) -> Self {
        Upload {
            length,
            body: Arc::new(Mutex::new(Some(body))),
        }
    }

    /// The body, if no attempt has taken it yet.
    pub fn take(&self) -> Option<StreamBody> {
        self.body.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

/// Where the transport puts a binary answer's body instead of reading it whole (set
/// on requests for operations whose answers are never JSON).
#[derive(Clone, Default)]
pub struct Download(Arc<Mutex<Option<StreamBody>>>);

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Download")
    }
}

impl Download {
    pub(crate) fn put(&self, body: StreamBody) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(body);
    }

    /// The streamed answer body, once the answer has come (`None` when the answer was
    /// read whole: an error, or a JSON answer).
    pub fn take(&self) -> Option<StreamBody> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}
