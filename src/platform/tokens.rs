//! The compatible endpoint's own OAuth: a RingCentral SDK logs in at
//! `POST /restapi/oauth/token` as it would at RingCentral, with the gateway's caller
//! credentials instead of RingCentral's, and gets a gateway token bound to that caller.
//! RingCentral's tokens never leave the gateway; every call goes upstream on its one
//! session.
//!
//! - JWT grant (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`): the
//!   `assertion` is a caller JWT the gateway accepts (`AUTH_JWT_*`), or, with an API key
//!   as client credentials (Basic `<key id>:<key>`), any value.
//! - `client_credentials`: the API key as client credentials.
//! - `refresh_token`: a refresh token, used once; the pair it belongs to is replaced.
//!
//! `POST /restapi/oauth/revoke` (`token=`) ends the pair the token belongs to. Tokens
//! live in the shared store (embedded, or Redis for several replicas), by hash.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use bytes::Bytes;
use http::{HeaderMap, StatusCode, header};
use rc_spec::error_body::{ErrorBody, ErrorItem};
use rc_store::{CallerToken, CallerTokenStore, TokenKind};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::accounts::{Account, AccountSet, Registry};
use crate::auth::scopes::{Required, Scopes};
use crate::auth::{Authenticator, Caller, Denied};

/// Prefix of the gateway's caller tokens, so that they are told from API keys and
/// JWTs at a glance (and by secret scanners).
pub const TOKEN_PREFIX: &str = "rcgwt_";
const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/// Lifetimes of issued tokens: RingCentral's own defaults.
#[derive(Debug, Clone, Copy)]
pub struct TokenLifetimes {
    pub access: Duration,
    pub refresh: Duration,
}

impl Default for TokenLifetimes {
    fn default() -> Self {
        TokenLifetimes {
            access: Duration::from_secs(3600),
            refresh: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// Issues, checks and revokes caller tokens.
pub struct CallerTokens {
    store: Arc<dyn CallerTokenStore>,
    auth: Arc<Authenticator>,
    accounts: Arc<Registry>,
    lifetimes: TokenLifetimes,
}

/// Who a login stands for.
struct Login {
    caller: String,
    key_id: Option<String>,
    scopes: Scopes,
    share: f64,
    /// The accounts the caller may use (a new login picks one for its tokens).
    accounts: AccountSet,
    /// The account of the tokens (a refresh keeps it).
    account: Option<String>,
}

/// An OAuth error answer, as RingCentral's token endpoint gives it.
struct OAuthError {
    status: StatusCode,
    error: &'static str,
    code: &'static str,
    message: String,
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let mut body = ErrorBody::new(ErrorItem {
            error_code: self.code.to_owned(),
            message: self.message.clone(),
            ..Default::default()
        });
        body.error = Some(self.error.to_owned());
        body.error_description = Some(self.message);
        (self.status, Json(body)).into_response()
    }
}

fn oauth_error(
    status: StatusCode,
    error: &'static str,
    code: &'static str,
    message: &str,
) -> Response {
    refusal(status, error, code, message).into_response()
}

fn refusal(
    status: StatusCode,
    error: &'static str,
    code: &'static str,
    message: &str,
) -> OAuthError {
    OAuthError {
        status,
        error,
        code,
        message: message.to_owned(),
    }
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    for chunk in bytes.chunks_mut(16) {
        chunk.copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// The client id and secret of a Basic `Authorization` header.
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// The credential of a request, when it is one of the gateway's caller tokens.
pub fn presented(headers: &HeaderMap) -> Option<&str> {
    crate::auth::credential(headers).filter(|t| t.starts_with(TOKEN_PREFIX))
}

impl CallerTokens {
    pub fn new(
        store: Arc<dyn CallerTokenStore>,
        auth: Arc<Authenticator>,
        accounts: Arc<Registry>,
        lifetimes: TokenLifetimes,
    ) -> Self {
        CallerTokens {
            store,
            auth,
            accounts,
            lifetimes,
        }
    }

    /// `POST /restapi/oauth/token`.
    pub async fn grant(&self, headers: &HeaderMap, body: &Bytes) -> Response {
        let form: Vec<(String, String)> = form_urlencoded::parse(body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let field = |name: &str| {
            form.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .filter(|v| !v.is_empty())
        };
        let login = match field("grant_type") {
            Some(JWT_GRANT) => self.jwt_login(headers, field("assertion")),
            Some("client_credentials") => self.key_login(headers),
            Some("refresh_token") => {
                let Some(refresh) = field("refresh_token") else {
                    return oauth_error(
                        StatusCode::BAD_REQUEST,
                        "invalid_request",
                        "OAU-101",
                        "refresh_token is required",
                    );
                };
                return self.refresh(headers, refresh).await;
            }
            Some(_) => {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "unsupported_grant_type",
                    "OAU-250",
                    "the gateway takes the JWT, client_credentials and refresh_token grants",
                );
            }
            None => {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "OAU-101",
                    "grant_type is required",
                );
            }
        };
        let login = login.and_then(|mut login| {
            // The tokens work on one account: the one the login names (RC-Account), or
            // the caller's only one, or the default.
            let named = headers
                .get(crate::accounts::binding::HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::trim);
            let account = self
                .accounts
                .resolve(named, &login.caller, &login.accounts)
                .map_err(|denied| {
                    let error = crate::error::Error::from(denied);
                    refusal(
                        error.http_status(),
                        "invalid_request",
                        "RCGW-ACCOUNT",
                        &error.to_string(),
                    )
                })?;
            login.account = Some(account.id.to_string());
            Ok(login)
        });
        match login {
            Ok(login) => self.issue(login).await,
            Err(refused) => refused.into_response(),
        }
    }

    fn key_login(&self, headers: &HeaderMap) -> Result<Login, OAuthError> {
        let invalid = || {
            self.auth.refused(&Denied::UnknownKey);
            refusal(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "OAU-123",
                "the client credentials must be an API key of the gateway: its id and the key",
            )
        };
        if self.auth.is_open() {
            return Ok(Login {
                caller: "anonymous".into(),
                key_id: None,
                scopes: Scopes::all(),
                share: 1.0,
                accounts: AccountSet::All,
                account: None,
            });
        }
        let (id, secret) = basic(headers).ok_or_else(invalid)?;
        let key = self.auth.api_key(&secret).ok_or_else(invalid)?;
        if *key.id != *id {
            return Err(invalid());
        }
        Ok(Login {
            caller: format!("key:{}", key.id),
            key_id: Some(key.id.to_string()),
            scopes: key.scopes.clone(),
            share: key.share,
            accounts: key.accounts.clone(),
            account: None,
        })
    }

    fn jwt_login(&self, headers: &HeaderMap, assertion: Option<&str>) -> Result<Login, OAuthError> {
        if let Some(verified) = assertion.and_then(|a| self.auth.verify_jwt(a)) {
            return match verified {
                Ok(identity) => Ok(Login {
                    caller: identity.caller.to_string(),
                    key_id: None,
                    scopes: identity.scopes,
                    share: identity.share,
                    accounts: identity.accounts,
                    account: None,
                }),
                Err(denied) => {
                    self.auth.refused(&denied);
                    Err(refusal(
                        StatusCode::BAD_REQUEST,
                        "invalid_grant",
                        "OAU-140",
                        &crate::error::Error::from(denied).to_string(),
                    ))
                }
            };
        }
        self.key_login(headers)
    }

    async fn refresh(&self, headers: &HeaderMap, refresh: &str) -> Response {
        let invalid = || {
            oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_grant",
                "OAU-211",
                "the refresh token is invalid, expired or used",
            )
        };
        let hashed = hash(refresh);
        let found = match self.store.lookup(&hashed).await {
            Ok(Some(token)) if token.kind == TokenKind::Refresh => token,
            Ok(_) => return invalid(),
            Err(e) => return store_error(&e),
        };
        // Checked before the token is used up: a refresh by another client, or for a
        // key that is gone, leaves the pair as it was.
        if let Some((id, _)) = basic(headers)
            && found.key_id.as_deref().is_some_and(|k| k != id)
        {
            return invalid();
        }
        if let Some(key_id) = &found.key_id
            && !self.auth.has_key_id(key_id)
        {
            return invalid();
        }
        // Taken once: of two refreshes at the same time (on any replicas), one wins.
        let taken = match self.store.take(&hashed).await {
            Ok(Some(token)) if token.kind == TokenKind::Refresh => token,
            Ok(_) => return invalid(),
            Err(e) => return store_error(&e),
        };
        // The pair's access token ends with its refresh.
        let _ = self.store.take(&taken.pair).await;
        self.issue(Login {
            caller: taken.caller,
            key_id: taken.key_id,
            scopes: Scopes::parse_lenient(&taken.scopes),
            share: taken.share,
            accounts: AccountSet::Default,
            account: taken.account,
        })
        .await
    }

    async fn issue(&self, login: Login) -> Response {
        let (access, refresh) = (new_token(), new_token());
        let (access_hash, refresh_hash) = (hash(&access), hash(&refresh));
        let now = rc_store::events::now_ms();
        let ms = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        let token = |kind, pair: &str, ttl: Duration| CallerToken {
            caller: login.caller.clone(),
            key_id: login.key_id.clone(),
            scopes: login.scopes.to_string(),
            share: login.share,
            kind,
            account: login.account.clone(),
            pair: pair.to_owned(),
            expires_at_ms: now + ms(ttl),
        };
        let saved = async {
            self.store
                .save(
                    &access_hash,
                    &token(TokenKind::Access, &refresh_hash, self.lifetimes.access),
                )
                .await?;
            self.store
                .save(
                    &refresh_hash,
                    &token(TokenKind::Refresh, &access_hash, self.lifetimes.refresh),
                )
                .await
        };
        if let Err(e) = saved.await {
            return store_error(&e);
        }
        Json(json!({
            "access_token": access,
            "token_type": "bearer",
            "expires_in": self.lifetimes.access.as_secs(),
            "refresh_token": refresh,
            "refresh_token_expires_in": self.lifetimes.refresh.as_secs(),
            "scope": login.scopes.to_string(),
            "owner_id": login.caller,
            "endpoint_id": "rc-gateway",
            "session_id": access_hash[..16],
        }))
        .into_response()
    }

    /// `POST /restapi/oauth/revoke`: ends the pair of `token=` (200 whether or not it
    /// was live, as RingCentral answers).
    pub async fn revoke(&self, body: &Bytes) -> Response {
        let Some(token) = form_urlencoded::parse(body)
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.into_owned())
        else {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "OAU-101",
                "token is required",
            );
        };
        match self.store.take(&hash(&token)).await {
            Ok(Some(taken)) => {
                let _ = self.store.take(&taken.pair).await;
                StatusCode::OK.into_response()
            }
            Ok(None) => StatusCode::OK.into_response(),
            Err(e) => store_error(&e),
        }
    }

    /// The caller a gateway token stands for, checked for `required`.
    pub async fn caller(
        &self,
        token: &str,
        required: Required,
    ) -> Result<(Arc<Caller>, Arc<Account>), Denied> {
        let found =
            self.store.lookup(&hash(token)).await.map_err(|e| {
                Denied::InvalidToken(format!("the token store did not answer: {e}"))
            })?;
        let Some(found) = found.filter(|t| t.kind == TokenKind::Access) else {
            return Err(Denied::InvalidToken(
                "the gateway token is invalid, expired or revoked".into(),
            ));
        };
        if let Some(key_id) = &found.key_id
            && !self.auth.has_key_id(key_id)
        {
            return Err(Denied::InvalidToken(
                "the API key of this token is no longer accepted".into(),
            ));
        }
        let caller: Arc<str> = Arc::from(found.caller);
        // Tokens from before accounts existed are the default account's.
        let name = found
            .account
            .as_deref()
            .unwrap_or(crate::accounts::name::DEFAULT);
        let account = self
            .accounts
            .resolve(Some(name), &caller, &AccountSet::All)
            .map_err(Denied::Account)?;
        if !Scopes::parse_lenient(&found.scopes).allows_on(required, Some(name)) {
            return Err(Denied::Scope {
                caller,
                scope: required,
            });
        }
        Ok((
            Arc::new(Caller {
                id: caller,
                share: found.share,
            }),
            account,
        ))
    }
}

fn store_error(e: &rc_store::StoreError) -> Response {
    oauth_error(
        StatusCode::SERVICE_UNAVAILABLE,
        "temporarily_unavailable",
        "RCGW-UNAVAILABLE",
        &format!("the gateway's token store did not answer: {e}"),
    )
}
