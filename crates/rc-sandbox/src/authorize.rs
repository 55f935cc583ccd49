//! The authorization endpoint of the authorization code flow (RFC 6749 §4.1) with
//! PKCE (RFC 7636): `GET /restapi/oauth/authorize` (`authorize`) and its form
//! `POST` (`authorize2`).
//!
//! RingCentral answers a valid request with a 302 to its login and consent pages,
//! which end in a redirect to the app's `redirect_uri`. The sandbox has no pages to
//! log in on: the emulated user is the administrator of the account that
//! `login_hint` names (an account's sandbox name), so a valid request is answered at
//! once with the final redirect, `302 Location: <redirect_uri>?code=...&state=...`.
//! Without a hint, a one-account sandbox logs into its account and a multi-account
//! one answers a small HTML page linking each account's name to the same request
//! with its `login_hint` (in place of RingCentral's login form, for a person in a
//! browser).
//!
//! Errors are never redirected. RingCentral sends an error to the redirect URI
//! (RFC 6749 §4.1.2.1) only from its login and consent pages (a user who denies
//! access, say), which the sandbox does not have; what is wrong with the request
//! itself is answered with the spec's only error response of both operations,
//! `400 OauthInvalidRequest`: `{"error": ..., "errors": [...], "error_description":
//! ...}` as the token endpoint's errors.
//!
//! The sandbox requires `redirect_uri` (RingCentral does when an app registers
//! several), takes any absolute http(s) URI without a fragment unless
//! `SandboxConfig::redirect_uris` lists the accepted ones, and keeps the URI's own
//! query in the redirect. Codes are single use, live
//! `SandboxConfig::authorization_code_ttl` (60 s by default) and are bound to the app,
//! the redirect URI and the PKCE challenge (the token endpoint checks them, see
//! `oauth.rs`). A challenge without a method is `plain` (RFC 7636 §4.3, and the
//! spec's `CodeChallengeMethodEnum` default).

use std::sync::Arc;

use axum::Extension;
use axum::extract::State as AxumState;
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use bytes::Bytes;
use http::{HeaderMap, StatusCode, Uri, header};
use sha2::{Digest, Sha256};
use tokio::time::Instant;

use super::errors::ApiError;
use super::state::{AuthCode, State};
use rc_spec::ops;

/// The names of a multi-account sandbox's accounts, in order (the front adds it to
/// authorization requests; a router serving one account alone has none).
#[derive(Clone, Debug)]
pub struct Directory(pub Arc<[String]>);

/// How a PKCE challenge is derived from its verifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChallengeMethod {
    Plain,
    S256,
}

/// The PKCE challenge of an authorization request.
#[derive(Clone, Debug)]
pub struct Challenge {
    pub value: String,
    pub method: ChallengeMethod,
}

impl Challenge {
    /// Whether `verifier` is the one this challenge was derived from.
    pub fn verifies(&self, verifier: &str) -> bool {
        match self.method {
            ChallengeMethod::Plain => verifier == self.value,
            ChallengeMethod::S256 => {
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(Sha256::digest(verifier.as_bytes()))
                    == self.value
            }
        }
    }
}

/// RFC 7636's form of a verifier (§4.1), and so of a `plain` or `S256` challenge:
/// 43 to 128 unreserved characters.
pub fn is_pkce_text(text: &str) -> bool {
    (43..=128).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

pub async fn get(
    AxumState(state): AxumState<Arc<State>>,
    directory: Option<Extension<Directory>>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let params = parse(uri.query().unwrap_or("").as_bytes());
    authorize(&state, directory.as_ref().map(|d| &d.0), &params)
}

pub async fn post(
    AxumState(state): AxumState<Arc<State>>,
    directory: Option<Extension<Directory>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let params = super::oauth::form(&headers, &body)?;
    authorize(&state, directory.as_ref().map(|d| &d.0), &params)
}

fn parse(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn param<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

fn missing(name: &str) -> ApiError {
    ApiError::missing(name).into_oauth("invalid_request")
}

fn invalid(error: &str, name: &str, value: &str) -> ApiError {
    ApiError::invalid(name, Some(value)).into_oauth(error)
}

/// The checks of the request, then the code and the redirect (or the chooser page).
fn authorize(
    state: &State,
    directory: Option<&Directory>,
    params: &[(String, String)],
) -> Result<Response, ApiError> {
    // First what does not depend on the account.
    let response_type = param(params, "response_type").ok_or_else(|| missing("response_type"))?;
    if response_type != "code" {
        return Err(invalid(
            "unsupported_response_type",
            "response_type",
            response_type,
        ));
    }
    let client_id = param(params, "client_id").ok_or_else(|| missing("client_id"))?;
    let redirect_uri = param(params, "redirect_uri").ok_or_else(|| missing("redirect_uri"))?;
    let mut redirect = reqwest::Url::parse(redirect_uri)
        .ok()
        .filter(|u| {
            matches!(u.scheme(), "http" | "https") && u.has_host() && u.fragment().is_none()
        })
        .ok_or_else(|| invalid("invalid_request", "redirect_uri", redirect_uri))?;
    let challenge = challenge(params)?;

    // Then who logs in.
    let names = directory.map_or(&[][..], |d| &d.0[..]);
    match param(params, "login_hint") {
        Some(hint) if hint != state.name => {
            return Err(invalid("invalid_request", "login_hint", hint));
        }
        Some(_) => {}
        None if names.len() > 1 => return Ok(chooser(names, params)),
        None => {}
    }

    // Then the account's app.
    if client_id != state.config.client_id {
        return Err(ApiError::oauth(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "OAU-127",
            "Invalid application",
        ));
    }
    let allowed = &state.config.redirect_uris;
    if !allowed.is_empty() && !allowed.iter().any(|u| u == redirect_uri) {
        return Err(redirect_mismatch());
    }

    let code = state.mint_token();
    let now = Instant::now();
    {
        let owner_id = state.data().admin_id;
        let mut sessions = state.sessions();
        // Expired codes can no longer be told from unknown ones: no need to keep them.
        sessions.codes.retain(|_, c| c.expires_at > now);
        sessions.codes.insert(
            code.clone(),
            AuthCode {
                owner_id,
                client_id: client_id.to_owned(),
                redirect_uri: redirect_uri.to_owned(),
                challenge,
                expires_at: now + state.config.authorization_code_ttl,
                used: false,
            },
        );
    }
    {
        let mut query = redirect.query_pairs_mut();
        query.append_pair("code", &code);
        if let Some(value) = params.iter().find(|(k, _)| k == "state") {
            query.append_pair("state", &value.1);
        }
    }
    Ok((
        StatusCode::FOUND,
        [
            (header::LOCATION, redirect.to_string()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response())
}

/// OAU-109, as RingCentral words it.
pub fn redirect_mismatch() -> ApiError {
    ApiError::oauth(
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        "OAU-109",
        "Redirect URIs do not match",
    )
}

fn challenge(params: &[(String, String)]) -> Result<Option<Challenge>, ApiError> {
    let method = match param(params, "code_challenge_method") {
        None | Some("plain") => ChallengeMethod::Plain,
        Some("S256") => ChallengeMethod::S256,
        Some(other) => return Err(invalid("invalid_request", "code_challenge_method", other)),
    };
    let Some(value) = param(params, "code_challenge") else {
        if param(params, "code_challenge_method").is_some() {
            return Err(missing("code_challenge"));
        }
        return Ok(None);
    };
    if !is_pkce_text(value) || (method == ChallengeMethod::S256 && value.len() != 43) {
        return Err(invalid("invalid_request", "code_challenge", value));
    }
    Ok(Some(Challenge {
        value: value.to_owned(),
        method,
    }))
}

/// The account chooser: each account's name links to this request with its hint.
fn chooser(names: &[String], params: &[(String, String)]) -> Response {
    let mut links = String::new();
    for name in names {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (k, v) in params.iter().filter(|(k, _)| k != "login_hint") {
            query.append_pair(k, v);
        }
        query.append_pair("login_hint", name);
        links.push_str(&format!(
            "<li><a href=\"{}?{}\">{}</a></li>\n",
            ops::AUTHORIZE.path,
            escape(&query.finish()),
            escape(name)
        ));
    }
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>rc-gateway sandbox: log in</title></head>\n\
         <body><h1>Log in to which sandbox account?</h1>\n<ul>\n{links}</ul></body></html>\n"
    );
    ([(header::CACHE_CONTROL, "no-store")], Html(page)).into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s256_is_rfc_7636s_example() {
        // RFC 7636, appendix B.
        let challenge = Challenge {
            value: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".to_owned(),
            method: ChallengeMethod::S256,
        };
        assert!(challenge.verifies("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        assert!(!challenge.verifies("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl"));
        let plain = Challenge {
            value: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".to_owned(),
            method: ChallengeMethod::Plain,
        };
        assert!(plain.verifies("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    #[test]
    fn verifiers_have_rfc_7636s_form() {
        assert!(is_pkce_text(&"a".repeat(43)));
        assert!(is_pkce_text(&"A-._~9z~".repeat(16)));
        assert!(!is_pkce_text(&"a".repeat(42)));
        assert!(!is_pkce_text(&"a".repeat(129)));
        assert!(!is_pkce_text(&format!("{}+", "a".repeat(43))));
    }
}
