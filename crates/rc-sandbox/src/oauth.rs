//! `POST /restapi/oauth/token` (JWT, authorization-code and refresh-token grants,
//! client Basic auth, expiring access tokens, single-use refresh tokens) and
//! `/restapi/oauth/revoke`.
//!
//! The `authorization_code` grant exchanges a code of `/restapi/oauth/authorize`
//! (see `authorize.rs`) for the same answer as the JWT grant: a session of the
//! account's administrator, which the refresh grant then renews. Its checks, each
//! answered `400` in the token endpoint's error form:
//!
//! - `code` is required (`invalid_request`, CMN-100);
//! - the code must be one this account issued, not expired, not used before and
//!   for this app (`invalid_grant`, OAU-212);
//! - `redirect_uri` must be sent and equal the authorization request's
//!   (`invalid_grant`, OAU-109 "Redirect URIs do not match", RingCentral's);
//! - with a PKCE challenge, `code_verifier` must be sent, have RFC 7636's form and
//!   match it; without one, no verifier may be sent, which would hide a code
//!   obtained without PKCE (RFC 9700 §2.1.1) (`invalid_grant`, OAU-214).
//!
//! OAU-212 and OAU-214 are the sandbox's numbering: RingCentral documents no code
//! for these cases. The first presentation of a code uses it up, whatever its
//! outcome; presenting it again also ends every token issued from it, refreshed ones
//! included (RFC 6749 §4.1.2: a replayed code may have leaked). Successful exchanges
//! are counted in `authCodeGrants` of `/_sandbox/stats`.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Json;
use axum::extract::State as AxumState;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use bytes::Bytes;
use http::{HeaderMap, StatusCode, header};
use tokio::time::Instant;

use super::errors::ApiError;
use super::state::{RefreshGrant, Session, State};
use rc_spec::models::TokenInfo;

const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/// Scopes granted to sandbox sessions.
const SCOPE: &str = "ReadAccounts EditAccounts EditExtensions ReadCallLog ReadPresence \
                     SubscriptionWebhook NumberLookup";

/// The client id of a Basic `Authorization` header.
pub fn client_id(headers: &HeaderMap) -> Option<String> {
    basic(headers).map(|(id, _)| id)
}

fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = super::gate::credentials(value, "Basic")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

fn check_client(state: &State, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some((id, secret)) = basic(headers) else {
        return Err(ApiError::oauth(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "OAU-123",
            "Invalid Authorization header value",
        ));
    };
    if id != state.config.client_id {
        return Err(ApiError::oauth(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "OAU-127",
            "Invalid application",
        ));
    }
    if secret != state.config.client_secret {
        return Err(ApiError::oauth(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "OAU-146",
            "Invalid client credentials",
        ));
    }
    Ok(())
}

pub fn form(headers: &HeaderMap, body: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "CMN-415",
            "Unsupported Media Type",
        ));
    }
    Ok(form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}

fn field<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Checks an `authorization_code` grant and uses its code up; gives the user it
/// logs in as.
fn exchange_code(
    state: &State,
    client_id: &str,
    form: &[(String, String)],
) -> Result<i64, ApiError> {
    let code = field(form, "code")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| ApiError::missing("code").into_oauth("invalid_request"))?;
    let invalid_code = |message: &str| {
        ApiError::oauth(StatusCode::BAD_REQUEST, "invalid_grant", "OAU-212", message)
    };
    let invalid_verifier = |message: &str| {
        ApiError::oauth(StatusCode::BAD_REQUEST, "invalid_grant", "OAU-214", message)
    };
    let mut sessions = state.sessions();
    let Some(grant) = sessions.codes.get_mut(code) else {
        return Err(invalid_code("Authorization code is invalid"));
    };
    if grant.used {
        sessions.end_code_sessions(code);
        return Err(invalid_code("Authorization code has already been used"));
    }
    grant.used = true;
    if grant.expires_at <= Instant::now() {
        return Err(invalid_code("Authorization code is expired"));
    }
    if grant.client_id != client_id {
        return Err(invalid_code("Authorization code is invalid"));
    }
    if field(form, "redirect_uri") != Some(grant.redirect_uri.as_str()) {
        return Err(super::authorize::redirect_mismatch());
    }
    let verifier = field(form, "code_verifier").filter(|v| !v.is_empty());
    match (&grant.challenge, verifier) {
        (None, None) => {}
        (None, Some(_)) => {
            return Err(invalid_verifier(
                "Code verifier is sent for a code requested without a code challenge",
            ));
        }
        (Some(_), None) => return Err(invalid_verifier("Code verifier is required")),
        (Some(challenge), Some(verifier)) => {
            if !super::authorize::is_pkce_text(verifier) || !challenge.verifies(verifier) {
                return Err(invalid_verifier("Code verifier is invalid"));
            }
        }
    }
    Ok(grant.owner_id)
}

pub async fn token(
    AxumState(state): AxumState<Arc<State>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    check_client(&state, &headers)?;
    let form = form(&headers, &body)?;
    let grant = field(&form, "grant_type").ok_or_else(|| {
        ApiError::oauth(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "CMN-100",
            "Mandatory parameter [grant_type] not specified",
        )
    })?;
    let (owner_id, code) = match grant {
        JWT_GRANT => {
            let assertion = field(&form, "assertion").unwrap_or("");
            if !state.config.jwts.iter().any(|j| j == assertion) {
                return Err(ApiError::oauth(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "OAU-140",
                    "Invalid resource owner credentials",
                ));
            }
            state.counters.jwt_grants.fetch_add(1, Ordering::Relaxed);
            (state.data().admin_id, None)
        }
        "authorization_code" => {
            let client = client_id(&headers).unwrap_or_default();
            let owner_id = exchange_code(&state, &client, &form)?;
            state
                .counters
                .auth_code_grants
                .fetch_add(1, Ordering::Relaxed);
            let code = field(&form, "code").map(str::to_owned);
            (owner_id, code)
        }
        "refresh_token" => {
            let presented = field(&form, "refresh_token").unwrap_or("");
            let mut sessions = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
            // Single use: the grant is consumed, and its access token dies with it.
            let grant = sessions
                .refresh
                .remove(presented)
                .filter(|g| g.expires_at > Instant::now());
            let Some(grant) = grant else {
                return Err(ApiError::oauth(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "OAU-211",
                    "Token is revoked",
                ));
            };
            sessions.access.remove(&grant.access_token);
            state
                .counters
                .refresh_grants
                .fetch_add(1, Ordering::Relaxed);
            (grant.owner_id, grant.code)
        }
        "password" => {
            return Err(ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "unauthorized_client",
                "OAU-251",
                "Unauthorized for this grant type",
            ));
        }
        _ => {
            return Err(ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "OAU-250",
                "Unsupported grant type",
            ));
        }
    };
    let requested_ttl = field(&form, "access_token_ttl").and_then(|v| v.parse::<u64>().ok());
    let ttl = requested_ttl
        .map(Duration::from_secs)
        .map_or(state.config.access_token_ttl, |t| {
            t.min(state.config.access_token_ttl)
        });
    let refresh_ttl = state.config.refresh_token_ttl;
    let access_token = state.mint_token();
    let refresh_token = state.mint_token();
    let session_id = uuid::Uuid::new_v4().to_string();
    let now = Instant::now();
    {
        let mut sessions = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.access.insert(
            access_token.clone(),
            Session {
                owner_id,
                expires_at: now + ttl,
                session_id: session_id.clone(),
                code: code.clone(),
            },
        );
        sessions.refresh.insert(
            refresh_token.clone(),
            RefreshGrant {
                owner_id,
                expires_at: now + refresh_ttl,
                access_token: access_token.clone(),
                code,
            },
        );
    }
    let info = TokenInfo {
        access_token,
        token_type: "bearer".to_owned(),
        expires_in: ttl.as_secs(),
        scope: SCOPE.to_owned(),
        session_id,
        refresh_token: Some(refresh_token),
        refresh_token_expires_in: Some(refresh_ttl.as_secs()),
        owner_id: Some(owner_id.to_string()),
        endpoint_id: Some("rc-gateway-sandbox".to_owned()),
    };
    Ok(Json(info).into_response())
}

/// Revoking either token ends the whole session.
pub async fn revoke(
    AxumState(state): AxumState<Arc<State>>,
    headers: HeaderMap,
    uri: http::Uri,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    check_client(&state, &headers)?;
    let form = form(&headers, &body).unwrap_or_default();
    let from_query: Vec<(String, String)> =
        form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let token = field(&form, "token")
        .or_else(|| field(&from_query, "token"))
        .ok_or_else(|| {
            ApiError::oauth(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "CMN-100",
                "Mandatory parameter [token] not specified",
            )
        })?
        .to_owned();
    let mut sessions = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
    let session_id = sessions
        .access
        .get(&token)
        .map(|s| s.session_id.clone())
        .or_else(|| {
            let access = &sessions.refresh.get(&token)?.access_token;
            sessions.access.get(access).map(|s| s.session_id.clone())
        });
    if let Some(session_id) = session_id {
        let dead: Vec<String> = sessions
            .access
            .iter()
            .filter(|(_, s)| s.session_id == session_id)
            .map(|(k, _)| k.clone())
            .collect();
        for access in &dead {
            sessions.access.remove(access);
        }
        sessions
            .refresh
            .retain(|_, g| !dead.contains(&g.access_token));
    }
    sessions.refresh.remove(&token);
    Ok(StatusCode::OK)
}
