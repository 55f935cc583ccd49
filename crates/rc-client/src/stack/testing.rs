//! Test support for the layers: requests, answers and a scripted RingCentral that
//! counts what reaches it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use futures::future::BoxFuture;

use super::{RcRequest, RcResponse, RequestBody, UpstreamError, UpstreamService};
use crate::context::CallContext;
use rc_spec::ops::Operation;

/// A request of `op` with a generous deadline.
pub fn request(op: &'static Operation) -> RcRequest {
    RcRequest {
        op,
        path: "/restapi/v1.0/account/~/extension/1".into(),
        query: vec![],
        body: None,
        ctx: CallContext::internal(Duration::from_secs(600)),
        authorization: None,
        attempt: 0,
        traceparent: None,
        key: None,
        download: None,
    }
}

/// The same request with a JSON body.
pub fn with_body(mut request: RcRequest, json: &'static str) -> RcRequest {
    request.body = Some(RequestBody::whole(
        http::HeaderValue::from_static("application/json"),
        bytes::Bytes::from_static(json.as_bytes()),
    ));
    request
}

pub fn answer(status: u16) -> RcResponse {
    RcResponse {
        status: http::StatusCode::from_u16(status).expect("a status"),
        headers: Default::default(),
        body: bytes::Bytes::from(format!("{{\"status\":{status}}}")),
    }
}

/// How many requests reached the scripted upstream.
#[derive(Clone, Default)]
pub struct Calls(Arc<AtomicU32>);

impl Calls {
    pub fn get(&self) -> u32 {
        self.0.load(Ordering::SeqCst)
    }
}

/// An upstream whose answer to the n-th request (from 0) is `script(n, request)`.
pub fn upstream(
    script: impl Fn(u32, RcRequest) -> BoxFuture<'static, Result<RcResponse, UpstreamError>>
    + Send
    + Sync
    + Clone
    + 'static,
) -> (UpstreamService, Calls) {
    let calls = Calls::default();
    let counter = calls.0.clone();
    let service = tower::service_fn(move |request: RcRequest| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        script(n, request)
    });
    (UpstreamService::new(service), calls)
}

/// An upstream that answers every request with `status`, after `delay`.
pub fn answering(status: u16, delay: Duration) -> (UpstreamService, Calls) {
    upstream(move |_, _| {
        Box::pin(async move {
            tokio::time::sleep(delay).await;
            Ok(answer(status))
        })
    })
}
