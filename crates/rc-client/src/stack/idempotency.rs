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
use super::{Content, RcRequest, RcResponse, UpstreamError, UpstreamService};
use crate::error::Error;
use rc_store::{IdempotencyState, IdempotencyStore};

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
        match &body.content {
            Content::Whole(bytes) => hash.update(bytes),
            // A streamed body is not read ahead: its type and length stand for it.
            Content::Streamed(upload) => {
                hash.update(body.content_type.as_bytes());
                hash.update(upload.length.unwrap_or(u64::MAX).to_be_bytes());
            }
        }
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tower::{Layer, ServiceExt};

    use super::*;
    use crate::stack::layered::Wrap;
    use crate::stack::testing::{answer, answering, request, upstream, with_body};
    use rc_spec::ops;
    use rc_store::memory::MemoryIdempotency;

    fn idempotency() -> Idempotency {
        Idempotency::new(
            Arc::new(MemoryIdempotency::default()),
            Duration::from_secs(86_400),
            Arc::from("acct-1"),
        )
    }

    fn create(key: Option<&str>, body: &'static str) -> RcRequest {
        let mut r = with_body(request(&ops::CREATE_EXTENSION), body);
        r.ctx.idempotency_key = key.map(Arc::from);
        r
    }

    #[tokio::test]
    async fn a_repeated_key_gets_the_first_answer_and_acts_once() {
        let (inner, calls) = upstream(|n, _| {
            Box::pin(async move {
                let mut a = answer(200);
                a.body = bytes::Bytes::from(format!("{{\"id\":{n}}}"));
                Ok(a)
            })
        });
        let service = Wrap(idempotency()).layer(inner);
        let first = service
            .clone()
            .oneshot(create(Some("k1"), "{\"a\":1}"))
            .await
            .unwrap();
        let again = service
            .clone()
            .oneshot(create(Some("k1"), "{\"a\":1}"))
            .await
            .unwrap();
        assert_eq!(first.body, again.body);
        assert_eq!(calls.get(), 1);
        // Without a key, or with another key, it acts again.
        service
            .clone()
            .oneshot(create(None, "{\"a\":1}"))
            .await
            .unwrap();
        service
            .clone()
            .oneshot(create(Some("k2"), "{\"a\":1}"))
            .await
            .unwrap();
        assert_eq!(calls.get(), 3);
    }

    #[tokio::test]
    async fn a_key_reused_for_another_request_is_refused() {
        let (inner, calls) = answering(200, Duration::ZERO);
        let service = Wrap(idempotency()).layer(inner);
        service
            .clone()
            .oneshot(create(Some("k1"), "{\"a\":1}"))
            .await
            .unwrap();
        let err = service
            .clone()
            .oneshot(create(Some("k1"), "{\"a\":2}"))
            .await
            .unwrap_err();
        let UpstreamError::Gateway(error) = err else {
            panic!("{err:?}")
        };
        assert!(matches!(*error, Error::IdempotencyConflict(_)), "{error:?}");
        assert_eq!(calls.get(), 1);
    }

    #[tokio::test]
    async fn a_second_call_with_the_key_waits_for_the_first_and_gets_its_answer() {
        let (inner, calls) = answering(201, Duration::from_millis(200));
        let service = Wrap(idempotency()).layer(inner);
        let (a, b) = tokio::join!(
            service.clone().oneshot(create(Some("k1"), "{}")),
            service.clone().oneshot(create(Some("k1"), "{}")),
        );
        assert_eq!(a.unwrap().status, 201);
        assert_eq!(b.unwrap().status, 201);
        assert_eq!(calls.get(), 1);
    }

    #[tokio::test]
    async fn only_final_answers_are_kept() {
        // A 503 or a 429 may go differently next time: the key is free again.
        for status in [503, 429, 409] {
            let (inner, calls) = answering(status, Duration::ZERO);
            let service = Wrap(idempotency()).layer(inner);
            for _ in 0..2 {
                service
                    .clone()
                    .oneshot(create(Some("k1"), "{}"))
                    .await
                    .unwrap();
            }
            assert_eq!(calls.get(), 2, "{status}");
        }
        // A 400 would be a 400 again: kept.
        let (inner, calls) = answering(400, Duration::ZERO);
        let service = Wrap(idempotency()).layer(inner);
        for _ in 0..2 {
            assert_eq!(
                service
                    .clone()
                    .oneshot(create(Some("k1"), "{}"))
                    .await
                    .unwrap()
                    .status,
                400
            );
        }
        assert_eq!(calls.get(), 1);
    }

    #[tokio::test]
    async fn reads_ignore_keys() {
        let (inner, calls) = answering(200, Duration::ZERO);
        let service = Wrap(idempotency()).layer(inner);
        for _ in 0..2 {
            let mut read = request(&ops::READ_EXTENSION);
            read.ctx.idempotency_key = Some(Arc::from("k1"));
            service.clone().oneshot(read).await.unwrap();
        }
        assert_eq!(calls.get(), 2);
    }
}
