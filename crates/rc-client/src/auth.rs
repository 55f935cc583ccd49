//! The OAuth token lifecycle: log in with the JWT bearer grant, refresh before the
//! access token expires (refresh tokens are single-use), fall back to a full login
//! when the refresh token is gone or refused, and let concurrent callers share one
//! refresh. RingCentral's guidance (basics/errors.md): authenticate in one place,
//! share the token, refresh proactively from `expires_in` rather than on 401.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use http::{HeaderValue, StatusCode};
use tokio::time::Instant;
use tower::ServiceExt;

use crate::config::{Authorization, Credentials, Login, Secret, StoredRefresh};
use crate::context::CallContext;
use crate::error::{Error, Result};
use rc_store::{SessionStore, SharedSession};

use super::stack::{RcRequest, RequestBody, UpstreamService};
use rc_spec::error_body;
use rc_spec::models::TokenInfo;
use rc_spec::ops;

/// Grant type of RingCentral's JWT flow.
const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/// A token is not handed out when it has less than this left (or less than the
/// refresh margin, if that is shorter): it could expire in flight.
const MIN_REMAINING: Duration = Duration::from_secs(5);

/// An access token in use.
#[derive(Debug)]
pub struct AccessToken {
    pub value: Secret,
    pub expires_at: Instant,
    /// Increments with every new token, so a 401 invalidates only the token it was for.
    pub generation: u64,
}

struct RefreshToken {
    value: Secret,
    expires_at: Instant,
}

/// What the health check reports about the token.
#[derive(Debug, Clone, Copy)]
pub struct TokenStatus {
    pub valid: bool,
    pub expires_in: Duration,
}

/// What the token source reports (metrics).
pub trait TokenHooks: Send + Sync {
    /// A grant (`jwt` or `refresh_token`) succeeded or failed.
    fn granted(&self, _grant: &'static str, _ok: bool) {}
}

/// Reports nothing.
pub struct NoHooks;
impl TokenHooks for NoHooks {}

/// Holds the gateway's RingCentral session.
pub struct TokenSource {
    hooks: Arc<dyn TokenHooks>,
    credentials: Credentials,
    upstream: UpstreamService,
    refresh_margin: Duration,
    current: RwLock<Option<Arc<AccessToken>>>,
    // Held while a grant is in flight: concurrent callers wait here and then find
    // the new token instead of spending the Auth budget (5 per minute) themselves.
    renewing: tokio::sync::Mutex<Option<RefreshToken>>,
    last_error: RwLock<Option<String>>,
    /// The session shared with other replicas, when there are any.
    shared: Option<Arc<dyn SessionStore>>,
    /// This replica's name in the shared renewal lock.
    holder: String,
    /// The newest shared generation RingCentral rejected: never adopted again.
    rejected: AtomicU64,
}

/// How long the shared renewal lock lasts if its holder dies mid-grant.
const SHARED_LOCK: Duration = Duration::from_secs(30);

impl TokenSource {
    /// A token source that sends its grants through `upstream` (the stack below the
    /// bearer layer).
    pub fn new(
        credentials: Credentials,
        upstream: UpstreamService,
        refresh_margin: Duration,
        hooks: Arc<dyn TokenHooks>,
        shared: Option<Arc<dyn SessionStore>>,
    ) -> Self {
        TokenSource {
            hooks,
            credentials,
            upstream,
            refresh_margin,
            current: RwLock::new(None),
            renewing: tokio::sync::Mutex::new(None),
            last_error: RwLock::new(None),
            shared,
            holder: uuid::Uuid::new_v4().to_string(),
            rejected: AtomicU64::new(0),
        }
    }

    fn current(&self) -> Option<Arc<AccessToken>> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A valid access token, obtaining one if needed.
    pub async fn access_token(&self, ctx: &CallContext) -> Result<Arc<AccessToken>> {
        let safety = MIN_REMAINING.min(self.refresh_margin);
        if let Some(token) = self.current()
            && token.expires_at > Instant::now() + safety
        {
            return Ok(token);
        }
        self.renew(ctx, Instant::now() + safety).await
    }

    /// Drops the token of `generation` after RingCentral rejected it.
    pub fn invalidate(&self, generation: u64) {
        let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
        if current.as_ref().is_some_and(|t| t.generation == generation) {
            *current = None;
        }
        if let Some(shared) = self.shared.clone() {
            self.rejected.fetch_max(generation, Ordering::AcqRel);
            tokio::spawn(async move {
                if let Err(e) = shared.forget(generation).await {
                    tracing::warn!(error = %e, "could not drop the rejected shared token");
                }
            });
        }
    }

    /// State for the health check.
    pub fn status(&self) -> TokenStatus {
        match self.current() {
            Some(token) => {
                let left = token.expires_at.saturating_duration_since(Instant::now());
                TokenStatus {
                    valid: !left.is_zero(),
                    expires_in: left,
                }
            }
            None => TokenStatus {
                valid: false,
                expires_in: Duration::ZERO,
            },
        }
    }

    /// The last failure to obtain a token, if the latest attempt failed.
    pub fn last_error(&self) -> Option<String> {
        self.last_error
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Ensures a token valid until at least `valid_until`, renewing at most once for
    /// all concurrent callers.
    async fn renew(&self, ctx: &CallContext, valid_until: Instant) -> Result<Arc<AccessToken>> {
        let mut refresh = self.renewing.lock().await;
        if let Some(token) = self.current()
            && token.expires_at >= valid_until
        {
            return Ok(token); // renewed by another caller while this one waited
        }
        if let Some(shared) = self.shared.clone() {
            let result = self.renew_shared(shared.as_ref(), ctx, valid_until).await;
            *self.last_error.write().unwrap_or_else(|e| e.into_inner()) =
                result.as_ref().err().map(ToString::to_string);
            return result;
        }
        let result = self.grant(ctx, &mut refresh).await;
        let mut last_error = self.last_error.write().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok(info) => {
                *last_error = None;
                let now = Instant::now();
                *refresh = info.refresh_token.map(|value| RefreshToken {
                    value: Secret::new(value),
                    expires_at: now
                        + Duration::from_secs(info.refresh_token_expires_in.unwrap_or(0)),
                });
                let generation = self.current().map_or(1, |t| t.generation + 1);
                let token = Arc::new(AccessToken {
                    value: Secret::new(info.access_token),
                    expires_at: now + Duration::from_secs(info.expires_in),
                    generation,
                });
                *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(token.clone());
                tracing::info!(
                    expires_in = info.expires_in,
                    "obtained a RingCentral access token"
                );
                Ok(token)
            }
            Err(err) => {
                *last_error = Some(err.to_string());
                Err(err)
            }
        }
    }

    /// Takes this token (from another replica, or just granted) into use.
    fn adopt(&self, session: &SharedSession) -> Arc<AccessToken> {
        let left = session.expires_at_ms.saturating_sub(rc_store::now_ms());
        let token = Arc::new(AccessToken {
            value: Secret::new(session.access_token.clone()),
            expires_at: Instant::now() + Duration::from_millis(left),
            generation: session.generation,
        });
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(token.clone());
        token
    }

    /// The shared session if it is usable until `valid_until`.
    fn usable(
        &self,
        session: Option<&SharedSession>,
        valid_until: Instant,
    ) -> Option<Arc<AccessToken>> {
        let session = session?;
        if session.generation <= self.rejected.load(Ordering::Acquire) {
            return None;
        }
        let needed = valid_until
            .saturating_duration_since(Instant::now())
            .as_millis() as u64;
        (session.expires_at_ms >= rc_store::now_ms() + needed).then(|| self.adopt(session))
    }

    /// Renewal with other replicas: use their session if it is good enough; else take
    /// the cluster-wide lock and renew it for everyone; else wait for the replica that
    /// holds the lock.
    async fn renew_shared(
        &self,
        shared: &dyn SessionStore,
        ctx: &CallContext,
        valid_until: Instant,
    ) -> Result<Arc<AccessToken>> {
        let give_up = Instant::now() + ctx.remaining().min(SHARED_LOCK);
        loop {
            let existing = shared.load().await?;
            if let Some(token) = self.usable(existing.as_ref(), valid_until) {
                return Ok(token);
            }
            if shared.lock(&self.holder, SHARED_LOCK).await? {
                let result = self.grant_shared(shared, ctx, valid_until).await;
                if let Err(e) = shared.unlock(&self.holder).await {
                    tracing::warn!(error = %e, "could not release the shared token lock");
                }
                return result;
            }
            if Instant::now() >= give_up {
                return Err(Error::Unavailable(
                    "another replica is renewing the RingCentral token".into(),
                ));
            }
            tokio::time::sleep(Duration::from_millis(50 + fastrand::u64(0..50))).await;
        }
    }

    /// Under the shared lock: renews the session and stores it for every replica.
    async fn grant_shared(
        &self,
        shared: &dyn SessionStore,
        ctx: &CallContext,
        valid_until: Instant,
    ) -> Result<Arc<AccessToken>> {
        // Another replica may have finished just before this one took the lock.
        let existing = shared.load().await?;
        if let Some(token) = self.usable(existing.as_ref(), valid_until) {
            return Ok(token);
        }
        let now_ms = rc_store::now_ms();
        let mut refresh = existing.as_ref().and_then(|s| {
            let token = s.refresh_token.clone()?;
            let left = s.refresh_expires_at_ms.checked_sub(now_ms)?;
            Some(RefreshToken {
                value: Secret::new(token),
                expires_at: Instant::now() + Duration::from_millis(left),
            })
        });
        let info = self.grant(ctx, &mut refresh).await?;
        let generation = existing
            .map_or(0, |s| s.generation)
            .max(self.rejected.load(Ordering::Acquire))
            + 1;
        let session = SharedSession {
            access_token: info.access_token,
            expires_at_ms: now_ms + info.expires_in * 1000,
            refresh_token: info.refresh_token,
            refresh_expires_at_ms: now_ms + info.refresh_token_expires_in.unwrap_or(0) * 1000,
            generation,
        };
        shared.save(&session).await?;
        tracing::info!(
            expires_in = info.expires_in,
            "obtained a RingCentral access token for all replicas"
        );
        Ok(self.adopt(&session))
    }

    /// Refresh grant when a live refresh token is held (or, for an authorized login,
    /// kept by its authorization), else (or when it is refused) the JWT grant. An
    /// authorized login has no JWT to fall back on: a refused refresh token ends it.
    async fn grant(
        &self,
        ctx: &CallContext,
        refresh: &mut Option<RefreshToken>,
    ) -> Result<TokenInfo> {
        let authorization = match &self.credentials.login {
            Login::Authorized(authorization) => Some(authorization.clone()),
            Login::Jwt(_) => None,
        };
        let mut held = refresh.take().filter(|t| t.expires_at > Instant::now());
        if held.is_none()
            && let Some(authorization) = &authorization
        {
            let now_ms = rc_store::now_ms();
            held = authorization
                .refresh_token()
                .await
                .filter(|r| r.expires_at_ms > now_ms)
                .map(|r| RefreshToken {
                    value: r.token,
                    expires_at: Instant::now() + Duration::from_millis(r.expires_at_ms - now_ms),
                });
        }
        if let Some(token) = held {
            let form = [
                ("grant_type", "refresh_token"),
                ("refresh_token", token.value.expose()),
            ];
            let result = self.token_request(ctx, &form).await;
            self.hooks.granted("refresh_token", result.is_ok());
            match result {
                Ok(info) => {
                    if let Some(authorization) = &authorization {
                        keep_rotated(authorization.as_ref(), &info).await;
                    }
                    return Ok(info);
                }
                Err(Error::UpstreamAuth(rc)) => {
                    let code = rc.error_code.as_deref().unwrap_or("");
                    if let Some(authorization) = &authorization {
                        tracing::warn!(
                            error_code = code,
                            "RingCentral refused the account's refresh token: it must be authorized again"
                        );
                        authorization.revoked(&rc.message).await;
                        return Err(Error::NotAuthorized(format!(
                            "RingCentral refused the account's authorization ({code}): authorize the gateway again"
                        )));
                    }
                    tracing::info!(
                        error_code = code,
                        "RingCentral refused the refresh token; logging in again"
                    );
                }
                Err(other) => return Err(other),
            }
        }
        let jwt = match &self.credentials.login {
            Login::Jwt(jwt) => jwt,
            Login::Authorized(_) => {
                return Err(Error::NotAuthorized(
                    "the account's authorization has no refresh token left: authorize the gateway again"
                        .into(),
                ));
            }
        };
        let form = [("grant_type", JWT_GRANT), ("assertion", jwt.expose())];
        let result = self.token_request(ctx, &form).await;
        self.hooks.granted("jwt", result.is_ok());
        result
    }

    /// Exchanges an authorization code (with its PKCE verifier) for a session: the
    /// first grant of an account onboarded by the authorization-code flow.
    pub async fn exchange_code(
        &self,
        ctx: &CallContext,
        code: &str,
        redirect_uri: &str,
        verifier: &str,
    ) -> Result<StoredRefresh> {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("code_verifier", verifier),
        ];
        let result = self.token_request(ctx, &form).await;
        self.hooks.granted("authorization_code", result.is_ok());
        let info = result?;
        let refresh = rotated(&info).ok_or_else(|| {
            Error::UpstreamInvalid("the code grant's answer has no refresh token".into())
        })?;
        // The access token comes along: the account is usable at once.
        let generation = self.current().map_or(1, |t| t.generation + 1);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(AccessToken {
            value: Secret::new(info.access_token),
            expires_at: Instant::now() + Duration::from_secs(info.expires_in),
            generation,
        }));
        *self.renewing.lock().await = Some(RefreshToken {
            value: refresh.token.clone(),
            expires_at: Instant::now()
                + Duration::from_secs(info.refresh_token_expires_in.unwrap_or(0)),
        });
        Ok(refresh)
    }

    async fn token_request(&self, ctx: &CallContext, form: &[(&str, &str)]) -> Result<TokenInfo> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let request = RcRequest {
            op: &ops::GET_TOKEN,
            path: ops::GET_TOKEN.path.to_owned(),
            query: Vec::new(),
            body: Some(RequestBody::whole(
                http::HeaderValue::from_static("application/x-www-form-urlencoded"),
                body,
            )),
            ctx: ctx.clone(),
            authorization: Some(self.basic_auth()?),
            attempt: 0,
            traceparent: None,
            key: None,
            download: None,
        };
        let response = self.upstream.clone().oneshot(request).await?;
        if response.status.is_success() {
            return serde_json::from_slice(&response.body)
                .map_err(|e| Error::UpstreamInvalid(format!("token response: {e}")));
        }
        let rc = error_body::parse(response.status, &response.headers, &response.body);
        Err(match response.status {
            StatusCode::BAD_REQUEST | StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
                Error::UpstreamAuth(Box::new(rc))
            }
            _ => Error::Upstream(Box::new(rc)),
        })
    }

    fn basic_auth(&self) -> Result<HeaderValue> {
        use base64::Engine;
        let pair = format!(
            "{}:{}",
            self.credentials.client_id,
            self.credentials.client_secret.expose()
        );
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
        let mut value = HeaderValue::from_str(&format!("Basic {encoded}"))
            .map_err(|_| Error::Internal("client credentials are not header-safe".into()))?;
        value.set_sensitive(true);
        Ok(value)
    }

    /// Refreshes the token `refresh_margin` before it expires, for as long as the
    /// gateway runs, so calls rarely wait for a grant.
    pub async fn run_refresher(self: Arc<Self>, shutdown: tokio_util::sync::CancellationToken) {
        // Failed logins back off: the Auth group allows only 5 requests a minute.
        let mut retry_pause = Duration::from_secs(15);
        loop {
            let wake = match self.current() {
                Some(token) => token
                    .expires_at
                    .checked_sub(self.refresh_margin)
                    .unwrap_or_else(Instant::now),
                None => Instant::now(),
            };
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep_until(wake) => {}
            }
            let ctx = CallContext::internal(Duration::from_secs(30));
            let valid_until = Instant::now() + self.refresh_margin + Duration::from_secs(1);
            // Boxed: the task sleeps far longer than it renews, and an idle task should
            // not hold the renewal's whole state (a gateway may keep thousands).
            match Box::pin(self.renew(&ctx, valid_until)).await {
                Ok(_) => retry_pause = Duration::from_secs(15),
                Err(err) => {
                    tracing::warn!(error = %err, retry_in_s = retry_pause.as_secs(), "could not renew the RingCentral access token");
                    tokio::select! {
                        () = shutdown.cancelled() => return,
                        () = tokio::time::sleep(retry_pause) => {}
                    }
                    retry_pause = (retry_pause * 2).min(Duration::from_secs(300));
                }
            }
        }
    }
}

/// The refresh token of a grant's answer, as an authorization keeps it.
fn rotated(info: &TokenInfo) -> Option<StoredRefresh> {
    let token = info.refresh_token.clone()?;
    Some(StoredRefresh {
        token: Secret::new(token),
        expires_at_ms: rc_store::now_ms() + info.refresh_token_expires_in.unwrap_or(0) * 1000,
    })
}

async fn keep_rotated(authorization: &dyn Authorization, info: &TokenInfo) {
    if let Some(refresh) = rotated(info) {
        authorization.rotated(refresh).await;
    }
}
