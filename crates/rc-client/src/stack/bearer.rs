//! Adds the OAuth access token to every API call, and gives a call one transparent
//! second chance when RingCentral rejects the token (401 `OAU-*`): the token is
//! dropped, a fresh one obtained (refresh or re-login) and the call resent once.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http::{HeaderValue, StatusCode};
use tower::ServiceExt;

use super::{RcRequest, RcResponse, UpstreamError};
use crate::auth::TokenSource;
use rc_spec::error_body;
use rc_spec::ops::ThrottleGroup;

#[derive(Clone)]
pub struct BearerLayer {
    tokens: Arc<TokenSource>,
}

impl BearerLayer {
    pub fn new(tokens: Arc<TokenSource>) -> Self {
        BearerLayer { tokens }
    }
}

impl<S> tower::Layer<S> for BearerLayer {
    type Service = Bearer<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Bearer {
            inner,
            tokens: self.tokens.clone(),
        }
    }
}

#[derive(Clone)]
pub struct Bearer<S> {
    inner: S,
    tokens: Arc<TokenSource>,
}

impl<S> tower::Service<RcRequest> for Bearer<S>
where
    S: tower::Service<RcRequest, Response = RcResponse, Error = UpstreamError>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    type Response = RcResponse;
    type Error = UpstreamError;
    type Future = Pin<Box<dyn Future<Output = Result<RcResponse, UpstreamError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: RcRequest) -> Self::Future {
        // OAuth endpoints authenticate the app itself (Basic), not with a bearer token.
        if req.op.group == ThrottleGroup::Auth {
            return Box::pin(self.inner.call(req));
        }
        let tokens = self.tokens.clone();
        // Take the service that poll_ready readied; keep a clone for the resend.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            let token = tokens.access_token(&req.ctx).await?;
            req.authorization = Some(bearer(&token.value)?);
            let response = inner.clone().oneshot(req.clone()).await?;
            if response.status != StatusCode::UNAUTHORIZED || !req.replayable() {
                return Ok(response);
            }
            let rejection = error_body::parse(response.status, &response.headers, &response.body);
            if !error_body::is_token_rejection(&rejection) {
                return Ok(response);
            }
            tracing::info!(
                error_code = rejection.error_code.as_deref().unwrap_or(""),
                "RingCentral rejected the access token; renewing it and resending once"
            );
            tokens.invalidate(token.generation);
            let token = tokens.access_token(&req.ctx).await?;
            req.authorization = Some(bearer(&token.value)?);
            inner.ready().await?.call(req).await
        })
    }
}

fn bearer(token: &crate::config::Secret) -> Result<HeaderValue, UpstreamError> {
    let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose())).map_err(|_| {
        UpstreamError::from(crate::error::Error::Internal(
            "RingCentral issued an access token that is not a valid header value".into(),
        ))
    })?;
    value.set_sensitive(true);
    Ok(value)
}
