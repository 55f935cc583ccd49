//! The RingCentral API client: typed calls per telephony domain over one tower stack
//! (see [`stack`]) that owns the token lifecycle, timeouts and resilience. It takes
//! from RingCentral's spec through `rc_spec` and keeps its shared state through
//! `rc_store`; it knows nothing of the gateway's callers beyond [`context`].

#![forbid(unsafe_code)]

pub mod auth;
pub mod config;
pub mod context;
pub mod error;
pub mod metrics;
pub mod path;
pub mod stack;

pub use error::{Error, Result};

mod call_logs;
mod call_queues;
mod extensions;
mod phone_numbers;
mod sites;
mod subscriptions;

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use tower::ServiceExt;

pub use call_logs::CallLogFilter;
pub use extensions::ExtensionFilter;
pub use phone_numbers::{AccountNumberFilter, NumberLookup};

use crate::config::{ClientConfig, Credentials};
use crate::context::CallContext;
use rc_store::Stores;

use auth::TokenSource;
use rc_spec::error_body;
use rc_spec::ops::Operation;
pub use stack::RcResponse;
use stack::{RcRequest, RequestBody, UpstreamService};

/// The account the gateway works on: RingCentral's alias for the session's account.
pub const ACCOUNT: &str = "~";

/// Query parameters of an upstream call (repeated keys allowed): the typed calls'
/// names are static, a forwarded call's are the caller's.
pub type Query = Vec<(std::borrow::Cow<'static, str>, String)>;

/// A cheaply cloneable handle to RingCentral.
#[derive(Clone)]
pub struct RingCentral {
    inner: Arc<Inner>,
}

struct Inner {
    stack: UpstreamService,
    tokens: Arc<TokenSource>,
    breaker: Arc<stack::breaker::CircuitBreaker>,
    stores: Stores,
    server_url: url::Url,
    account: Option<Arc<str>>,
}

/// What a client is built from besides its settings and credentials.
pub struct Parts {
    pub stores: Stores,
    pub hooks: stack::Hooks,
    pub token_hooks: Arc<dyn auth::TokenHooks>,
    pub connector: stack::Connector,
    /// The gateway account it serves (part of its cache, coalescing and idempotency
    /// scope); `None` for a gateway of one account.
    pub account: Option<Arc<str>>,
}

impl RingCentral {
    /// A client for the configured server, logging in with `credentials`, keeping
    /// its shared state in `stores`.
    pub fn new(
        config: &ClientConfig,
        credentials: Credentials,
        stores: Stores,
        hooks: stack::Hooks,
        token_hooks: Arc<dyn auth::TokenHooks>,
    ) -> Self {
        Self::with_parts(
            config,
            credentials,
            Parts {
                stores,
                hooks,
                token_hooks,
                connector: stack::Connector::new(),
                account: None,
            },
        )
    }

    /// A client of one of several accounts: its own session, stack and state, over a
    /// connector shared with the others.
    pub fn with_parts(config: &ClientConfig, credentials: Credentials, parts: Parts) -> Self {
        let Parts {
            stores,
            hooks,
            token_hooks,
            connector,
            account,
        } = parts;
        let r = &config.resilience;
        let stack_config = stack::StackConfig {
            request_timeout: config.request_timeout,
            rate_window: r.window,
            retry: stack::retry::RetryConfig {
                attempts: r.retry_attempts,
                backoff_multiplier: r.backoff_multiplier,
            },
            cache_ttls: stack::cache::CacheTtls {
                default: r.cache_ttl,
                by_resource: r.cache_ttl_by_resource.iter().copied().collect(),
            },
            idempotency_ttl: r.idempotency_ttl,
            scope: scope(config, &credentials, account.as_deref()).into(),
        };
        let breaker = Arc::new(stack::breaker::CircuitBreaker::new(
            r.breaker_threshold,
            r.breaker_timeout,
        ));
        let base = stack::base(
            stack::Transport::with_connector(&connector, &config.server_url),
            &stack_config,
            &stores,
            &hooks,
            &breaker,
        );
        let tokens = Arc::new(TokenSource::new(
            credentials,
            base.clone(),
            config.token_refresh_margin,
            token_hooks,
            stores.sessions.clone(),
        ));
        let stack = stack::build(
            base,
            stack::BearerLayer::new(tokens.clone()),
            breaker.clone(),
            &stack_config,
            &stores,
            &hooks,
        );
        RingCentral {
            inner: Arc::new(Inner {
                stack,
                tokens,
                breaker,
                stores,
                server_url: config.server_url.clone(),
                account,
            }),
        }
    }

    /// The circuit breaker.
    pub fn breaker(&self) -> &stack::breaker::CircuitBreaker {
        &self.inner.breaker
    }

    /// The shared state the client works with.
    pub fn stores(&self) -> &Stores {
        &self.inner.stores
    }

    /// The session's token source (for the refresher task and health checks).
    pub fn tokens(&self) -> &Arc<TokenSource> {
        &self.inner.tokens
    }

    /// The circuit breaker's state: `closed`, `open` or `half-open`.
    pub fn breaker_state(&self) -> &'static str {
        self.inner.breaker.state().name()
    }

    /// The gateway account this client serves, if it is one of several.
    pub fn account(&self) -> Option<&str> {
        self.inner.account.as_deref()
    }

    /// The RingCentral base URL.
    pub fn server_url(&self) -> &url::Url {
        &self.inner.server_url
    }

    /// Sends one request and returns RingCentral's success answer, or its error as
    /// an [`Error`].
    async fn execute(&self, request: RcRequest) -> Result<RcResponse> {
        let response = self.inner.stack.clone().oneshot(request).await?;
        if response.status.is_success() {
            return Ok(response);
        }
        Err(answer_error(&response))
    }

    /// Any operation of the table, through the whole stack (rate budget of its group,
    /// retries, breaker, cache and coalescing for GETs, idempotency): RingCentral's
    /// answer whatever its status. Only what the gateway's own layers refuse (budget,
    /// breaker, an unreachable or silent upstream) is an [`Error`].
    pub async fn invoke(
        &self,
        ctx: &CallContext,
        op: &'static Operation,
        params: &[(&str, &str)],
        query: Query,
        body: Option<RequestBody>,
    ) -> Result<Invoked> {
        let path = path::build(op, params)?;
        let mut request = Self::request(ctx, op, path, query, body);
        let download = op.binary_answer.then(stack::Download::default);
        request.download = download.clone();
        let answer = self.inner.stack.clone().oneshot(request).await?;
        let stream = download.and_then(|d| d.take());
        Ok(Invoked { answer, stream })
    }

    fn request(
        ctx: &CallContext,
        op: &'static Operation,
        path: String,
        query: Query,
        body: Option<RequestBody>,
    ) -> RcRequest {
        RcRequest {
            op,
            path,
            query,
            body,
            ctx: ctx.clone(),
            authorization: None,
            attempt: 0,
            traceparent: None,
            key: None,
            download: None,
        }
    }

    /// A call without a request body that answers JSON.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        op: &'static Operation,
        path: String,
        query: Query,
    ) -> Result<T> {
        let response = self
            .execute(Self::request(ctx, op, path, query, None))
            .await?;
        decode(op, &response.body)
    }

    /// A POST that takes its parameters in the query string and answers JSON.
    pub(crate) async fn post_query<T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        op: &'static Operation,
        path: String,
        query: Query,
    ) -> Result<T> {
        // Sent as a bodiless call, like a GET.
        self.get(ctx, op, path, query).await
    }

    /// A call with a JSON body that answers JSON.
    pub(crate) async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        ctx: &CallContext,
        op: &'static Operation,
        path: String,
        body: &B,
    ) -> Result<T> {
        let response = self
            .execute(Self::request(
                ctx,
                op,
                path,
                Vec::new(),
                Some(json_body(body)?),
            ))
            .await?;
        decode(op, &response.body)
    }

    /// A call that answers 204 No Content.
    pub(crate) async fn send_no_content<B: Serialize>(
        &self,
        ctx: &CallContext,
        op: &'static Operation,
        path: String,
        body: Option<&B>,
    ) -> Result<()> {
        let body = body.map(json_body).transpose()?;
        self.execute(Self::request(ctx, op, path, Vec::new(), body))
            .await
            .map(drop)
    }
}

/// RingCentral's error answer as an [`Error`].
pub fn answer_error(response: &RcResponse) -> Error {
    let rc = error_body::parse(response.status, &response.headers, &response.body);
    if error_body::is_token_rejection(&rc) {
        return Error::UpstreamAuth(Box::new(rc));
    }
    Error::Upstream(Box::new(rc))
}

/// The answer of [`RingCentral::invoke`]: RingCentral's status and headers, and its
/// body: in `answer.body`, or for a binary success answer in `stream`, as it arrives.
pub struct Invoked {
    pub answer: RcResponse,
    pub stream: Option<stack::body::StreamBody>,
}

/// A short, non-secret identity of the RingCentral account and app, so that shared
/// keys of different gateways (different accounts on one Redis) never collide.
fn scope(config: &ClientConfig, credentials: &Credentials, account: Option<&str>) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    if let Some(account) = account {
        hash.update(account.as_bytes());
        hash.update(b"|");
    }
    hash.update(config.server_url.as_str());
    hash.update(b"|");
    hash.update(credentials.client_id.as_bytes());
    hash.update(b"|");
    hash.update(credentials.login.fingerprint().as_bytes());
    hex::encode(&hash.finalize()[..8])
}

/// Adds `page` and `perPage` when set.
pub(crate) fn push_paging(query: &mut Query, page: Option<i32>, per_page: Option<i32>) {
    if let Some(page) = page {
        query.push(("page".into(), page.to_string()));
    }
    if let Some(per_page) = per_page {
        query.push(("perPage".into(), per_page.to_string()));
    }
}

fn json_body<B: Serialize>(body: &B) -> Result<RequestBody> {
    let bytes = serde_json::to_vec(body)
        .map_err(|e| Error::Internal(format!("request body does not serialize: {e}")))?;
    Ok(RequestBody::whole(
        http::HeaderValue::from_static("application/json"),
        bytes,
    ))
}

fn decode<T: DeserializeOwned>(op: &Operation, body: &[u8]) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| Error::UpstreamInvalid(format!("{}: {e}", op.id)))
}
