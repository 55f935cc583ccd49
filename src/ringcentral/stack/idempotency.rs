//! Idempotency keys for mutations: a key that comes back within the TTL gets the
//! first answer instead of a second action at RingCentral. The record is per upstream
//! call (key, operation, path), so a multi-step call replays step by step; a key
//! reused with a different request is refused.

use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use http::Method;
use sha2::{Digest, Sha256};
use tower::ServiceExt;

use super::layered::UpstreamLayer;
use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};
use crate::error::Error;
use crate::store::{IdempotencyState, IdempotencyStore};

/// How often a call waits for another call with the same key to finish.
const IN_PROGRESS_POLL: Duration = Duration::from_millis(50);

#[derive(Clone)]
pub struct Idempotency {
    store: Arc<dyn IdempotencyStore>,
    ttl: Duration,
    scope: Arc<str>,
}

impl Idempotency {
    pub fn new(store: Arc<dyn IdempotencyStore>, ttl: Duration, scope: Arc<str>) -> Self {
        Idempotency { store, ttl, scope }
    }
}

fn fingerprint(request: &RcRequest) -> String {
    let mut hash = Sha256::new();
    for (k, v) in &request.query {
        hash.update(k.as_bytes());
        hash.update(b"=");
        hash.update(v.as_bytes());
        hash.update(b"&");
    }
    if let Some(body) = &request.body {
        hash.update(&body.bytes);
    }
    hex::encode(hash.finalize())
}

/// Answers worth replaying: success, and refusals that would be the same again.
fn final_answer(response: &RcResponse) -> bool {
    response.status.is_success()
        || (response.status.is_client_error()
            && !matches!(response.status.as_u16(), 401 | 408 | 409 | 429))
}

impl UpstreamLayer for Idempotency {
    fn call(
        &self,
        inner: UpstreamService,
        request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> {
        let Some(client_key) = request
            .ctx
            .idempotency_key
            .clone()
            .filter(|_| request.op.method != Method::GET)
        else {
            return Box::pin(inner.oneshot(request));
        };
        let this = self.clone();
        Box::pin(async move {
            let key = format!(
                "{}|{client_key}|{}|{}",
                this.scope, request.op.id, request.path
            );
            let fingerprint = fingerprint(&request);
            loop {
                match this
                    .store
                    .begin(&key, &fingerprint, this.ttl)
                    .await
                    .map_err(Error::from)?
                {
                    IdempotencyState::Done {
                        fingerprint: first,
                        response,
                    } => {
                        if first != fingerprint {
                            return Err(Error::IdempotencyConflict(format!(
                                "idempotency key {client_key:?} was first used with a different request"
                            ))
                            .into());
                        }
                        tracing::info!(
                            operation = request.op.id,
                            "idempotency key seen before: returning the first answer"
                        );
                        return Ok(response);
                    }
                    IdempotencyState::InProgress => {
                        if tokio::time::Instant::now() + IN_PROGRESS_POLL > request.ctx.deadline {
                            return Err(UpstreamError::DeadlineExceeded);
                        }
                        tokio::time::sleep(IN_PROGRESS_POLL).await;
                    }
                    IdempotencyState::New => break,
                }
            }
            let result = inner.oneshot(request).await;
            match &result {
                Ok(response) if final_answer(response) => {
                    this.store
                        .complete(&key, &fingerprint, response, this.ttl)
                        .await
                        .map_err(Error::from)?;
                }
                _ => {
                    if let Err(err) = this.store.release(&key).await {
                        tracing::warn!(error = %err, "could not release an idempotency key");
                    }
                }
            }
            result
        })
    }
}
