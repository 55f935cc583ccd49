//! The RingCentral-compatible endpoint: any operation of RingCentral's API at its own
//! path (`/restapi/...`, `/team-messaging/...`, `/scim/...`), forwarded on the
//! gateway's one RingCentral session through the whole upstream stack (the rate
//! budget of its group, retries, breaker, cache and coalescing for GETs, idempotency
//! keys), so that a RingCentral client only needs its server URL set to the gateway.
//!
//! A path is forwarded only when it is an operation of the spec's table; each
//! operation needs the caller's scope for its resource family (`extensions:read`,
//! `call_queues:write`). Answers are RingCentral's, with the absolute URIs that point
//! at RingCentral pointing at the gateway instead, so that a client following
//! `navigation.nextPage` stays behind it. What the gateway itself refuses comes in
//! RingCentral's error format, with the codes of [`errors`].

pub mod body;
pub mod errors;
mod rewrite;
pub mod tokens;

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, Method, header};
use percent_encoding::percent_decode_str;

use crate::accounts::{Account, Registry};
use crate::audit::{Auditor, PlatformCall};
use crate::auth::scopes::{Access, Required};
use crate::auth::{Authenticator, PeerCert};
use crate::context::{RequestId, context_of};
use crate::error::Error;
use rc_spec::ops::{self, Operation};

/// The first path segments of RingCentral's APIs.
pub const PREFIXES: &[&str] = &[
    "restapi",
    "team-messaging",
    "rcvideo",
    "ai",
    "scim",
    "analytics",
    "webinar",
    ".well-known",
];

/// Whether `path` is under one of RingCentral's API prefixes.
pub fn is_platform_path(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    PREFIXES.contains(&first)
}

/// The endpoint's settings.
#[derive(Debug, Clone)]
pub struct PlatformConfig {
    /// Largest request body forwarded (RingCentral's own limit per operation applies
    /// when it is smaller).
    pub max_body_bytes: usize,
    /// Deadline of a call that states none.
    pub request_timeout: Duration,
}

/// The endpoint's shared state.
#[derive(Clone)]
pub struct Platform {
    inner: Arc<Inner>,
}

struct Inner {
    accounts: Arc<Registry>,
    auth: Arc<Authenticator>,
    tokens: tokens::CallerTokens,
    auditor: Arc<Auditor>,
    config: PlatformConfig,
}

impl Platform {
    pub fn new(
        accounts: Arc<Registry>,
        caller_tokens: Arc<dyn rc_store::CallerTokenStore>,
        auth: Arc<Authenticator>,
        auditor: Arc<Auditor>,
        config: PlatformConfig,
    ) -> Self {
        let tokens = tokens::CallerTokens::new(
            caller_tokens,
            auth.clone(),
            accounts.clone(),
            tokens::TokenLifetimes::default(),
        );
        Platform {
            inner: Arc::new(Inner {
                accounts,
                auth,
                tokens,
                auditor,
                config,
            }),
        }
    }

    /// The caller of a request and its account: a gateway token (bound to the
    /// account it logged in for), else the gateway's other credentials (with the
    /// account the request names, or the caller's only one, or the default).
    async fn caller(
        &self,
        parts: &http::request::Parts,
        required: Required,
    ) -> Result<(Arc<crate::auth::Caller>, Arc<Account>), crate::auth::Denied> {
        let p = &self.inner;
        match tokens::presented(&parts.headers) {
            Some(token) => {
                let checked = p.tokens.caller(token, required).await;
                if let Err(denied) = &checked {
                    p.auth.refused(denied);
                }
                checked
            }
            _ => {
                let named = match parts.headers.get(crate::accounts::binding::HEADER) {
                    None => None,
                    Some(v) => Some(v.to_str().map(str::trim).map_err(|_| {
                        crate::auth::Denied::Account(
                            crate::accounts::binding::AccountDenied::BadName(
                                "the RC-Account header is not text".into(),
                            ),
                        )
                    })?),
                };
                let (caller, account) = p.auth.check_on(
                    &parts.headers,
                    parts.extensions.get::<PeerCert>(),
                    Some(required),
                    |granted| {
                        p.accounts
                            .resolve(named, &granted.caller.id, &granted.accounts)
                            .map(Some)
                    },
                )?;
                let account = account.ok_or_else(|| {
                    crate::auth::Denied::Account(crate::accounts::binding::AccountDenied::Unnamed(
                        "the call has no account".into(),
                    ))
                })?;
                Ok((caller, account))
            }
        }
    }
}

/// The routes of the endpoint, one wildcard per API prefix.
pub fn router(platform: Platform) -> Router {
    let mut router = Router::new();
    for prefix in PREFIXES {
        router = router
            .route(&format!("/{prefix}"), axum::routing::any(forward))
            .route(&format!("/{prefix}/{{*rest}}"), axum::routing::any(forward));
    }
    router.with_state(platform)
}

/// The scope an operation needs: its family's (read for GET and HEAD), or a grant of
/// the operation itself.
pub fn required_scope(op: &'static Operation) -> Required {
    let access = if matches!(op.method, Method::GET | Method::HEAD) {
        Access::Read
    } else {
        Access::Write
    };
    Required {
        operation: Some(op.id),
        ..Required::new(op.scope, access)
    }
}

async fn forward(State(platform): State<Platform>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Some(routed) = ops::route(&parts.method, parts.uri.path()) else {
        return errors::not_found().into_response();
    };
    let op = routed.op;
    // RingCentral's OAuth is the gateway's own here: callers never see its tokens.
    if op.resource == "oauth" {
        return oauth(&platform, op, &parts.headers, body).await;
    }
    let RequestId(request_id) = RequestId::from_headers(&parts.headers);
    let mut params = Vec::with_capacity(routed.params.len());
    let mut bad_param = None;
    for (name, raw) in &routed.params {
        match percent_decode_str(raw).decode_utf8() {
            Ok(value) => params.push((*name, value.into_owned())),
            Err(_) => {
                bad_param.get_or_insert(*name);
                params.push((*name, (*raw).to_owned()));
            }
        }
    }
    let caller = platform.caller(&parts, required_scope(op)).await;
    let outcome = match (&caller, bad_param) {
        (Err(denied), _) => Err(Error::from(denied.clone())),
        (Ok(_), Some(name)) => Err(Error::invalid(
            name,
            format!("{name} is not UTF-8 once decoded"),
        )),
        (Ok((caller, account)), None) => {
            call(
                &platform,
                &parts,
                body,
                op,
                &params,
                (caller.clone(), account.clone()),
                request_id.clone(),
            )
            .await
        }
    };
    let account = caller.as_ref().ok().map(|(_, account)| account.id.clone());
    if let Some(account) = &account {
        tracing::Span::current().record("account", &**account);
    }
    // A caller refused for its scope is known: the record names it.
    let caller = match caller {
        Ok((caller, _)) => Some(caller),
        Err(crate::auth::Denied::Scope { caller, .. }) => Some(Arc::new(crate::auth::Caller {
            id: caller,
            share: 1.0,
        })),
        Err(_) => None,
    };
    let (response, result, created) = match outcome {
        Ok((response, created)) => {
            let result = audit_result(response.status());
            (response, result, created)
        }
        Err(e) => {
            let result = crate::transcode::code_name(e.grpc_code()).to_owned();
            (errors::gateway(&e).into_response(), result, None)
        }
    };
    let traceparent = parts
        .headers
        .get("traceparent")
        .and_then(|v| v.to_str().ok());
    audit(
        &platform.inner.auditor,
        PlatformCall {
            caller: caller.as_ref(),
            account: account.as_deref(),
            operation: op.id,
            targets: &params,
            result: &result,
            created_id: created.as_deref(),
            request_id: &request_id,
            trace_id: None,
        },
        op,
        traceparent,
    );
    response
}

/// Records a call of an operation that changes something (not GET or HEAD).
pub fn audit(auditor: &Auditor, call: PlatformCall<'_>, op: &Operation, traceparent: Option<&str>) {
    if matches!(op.method, Method::GET | Method::HEAD) {
        return;
    }
    auditor.platform_call(PlatformCall {
        trace_id: crate::telemetry::propagation::trace_id(&tracing::Span::current(), traceparent),
        ..call
    });
}

/// The audit result of RingCentral's answer: `OK`, or `HTTP <status>`.
pub fn audit_result(status: http::StatusCode) -> String {
    if status.is_success() {
        "OK".to_owned()
    } else {
        format!("HTTP {}", status.as_u16())
    }
}

/// The id of what a successful POST created, from RingCentral's JSON answer.
pub fn created_id(op: &Operation, answer: &rc_client::RcResponse) -> Option<String> {
    if !(is_json(&answer.headers) && answer.status.is_success() && op.method == Method::POST) {
        return None;
    }
    let value = serde_json::from_slice::<serde_json::Value>(&answer.body).ok()?;
    match &value["id"] {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Forwards one authorized call; RingCentral's answer, and the id of what it created.
async fn call(
    platform: &Platform,
    parts: &http::request::Parts,
    body: Body,
    op: &'static Operation,
    params: &[(&'static str, String)],
    (caller, account): (Arc<crate::auth::Caller>, Arc<Account>),
    request_id: Arc<str>,
) -> Result<(Response, Option<String>), Error> {
    let p = &platform.inner;
    let query: rc_client::Query = parts
        .uri
        .query()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    let prepared = body::prepare(op, &parts.headers, body, p.config.max_body_bytes).await?;
    let mut ctx = context_of(&parts.headers, request_id, p.config.request_timeout);
    ctx.caller = Some(caller);
    let params: Vec<(&str, &str)> = params.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let invoked = match account
        .rc
        .invoke(&ctx, op, &params, query, prepared.body)
        .await
    {
        // A streamed upload cut at its limit fails upstream: the caller's fault.
        Err(_)
            if prepared
                .overran
                .as_ref()
                .is_some_and(body::Overrun::happened) =>
        {
            return Err(body::too_large(prepared.limit));
        }
        result => result?,
    };
    let answer = invoked.answer;
    let json = is_json(&answer.headers);
    let created = created_id(op, &answer);
    let mut response = match invoked.stream {
        // Binary content (recordings, audio, documents) goes through as it arrives.
        Some(stream) => {
            let mut response = Response::new(Body::new(stream));
            if let Some(length) = answer.headers.get(header::CONTENT_LENGTH) {
                response
                    .headers_mut()
                    .insert(header::CONTENT_LENGTH, length.clone());
            }
            response
        }
        None => {
            let base = gateway_base(&parts.headers, &parts.uri);
            let rc_base = account.rc.server_url().as_str().trim_end_matches('/');
            Response::new(Body::from(match (&base, json) {
                (Some(base), true) => rewrite::uris(&answer.body, rc_base, base),
                _ => answer.body.clone(),
            }))
        }
    };
    *response.status_mut() = answer.status;
    for name in [
        header::CONTENT_TYPE,
        header::CONTENT_DISPOSITION,
        header::CONTENT_LANGUAGE,
        header::RETRY_AFTER,
        header::ETAG,
        header::LAST_MODIFIED,
    ] {
        if let Some(value) = answer.headers.get(&name) {
            response.headers_mut().insert(name, value.clone());
        }
    }
    if let Some(value) = answer.headers.get("rcrequestid") {
        response.headers_mut().insert("rcrequestid", value.clone());
    }
    Ok((response, created))
}

/// The OAuth operations: the token and revoke endpoints answered by the gateway, the
/// rest of RingCentral's OAuth not offered.
async fn oauth(platform: &Platform, op: &Operation, headers: &HeaderMap, body: Body) -> Response {
    let p = &platform.inner;
    let body = match body::prepare(op, headers, body, 64 * 1024).await {
        Ok(prepared) => prepared
            .body
            .and_then(|b| b.bytes().cloned())
            .unwrap_or_default(),
        Err(e) => return errors::gateway(&e).into_response(),
    };
    match op.id {
        "getToken" => p.tokens.grant(headers, &body).await,
        "revokeToken" => p.tokens.revoke(&body).await,
        _ => errors::not_offered(op).into_response(),
    }
}

pub fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"))
}

/// The gateway's base URL as the caller reached it (`http://host:port`), from the
/// `Host` header (HTTP/1.1) or the URI's authority (HTTP/2).
fn gateway_base(headers: &HeaderMap, uri: &http::Uri) -> Option<String> {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()))?;
    // A Host header is the caller's: only a plain host[:port] is used.
    if !host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
    {
        return None;
    }
    let scheme = uri.scheme_str().unwrap_or("http");
    Some(format!("{scheme}://{host}"))
}

impl IntoResponse for errors::PlatformError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
