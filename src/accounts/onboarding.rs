//! Onboarding by RingCentral's OAuth authorization-code flow with PKCE (RFC 7636):
//! the gateway makes the authorization URL with a random `state` and code challenge,
//! the account's user logs in at RingCentral, RingCentral sends the browser back to
//! the gateway's callback with a code, and the gateway exchanges it with the verifier
//! it kept (sealed with the account). The `state` names the account and carries a
//! secret whose hash only the gateway holds; a flow lapses after ten minutes.

use std::time::Duration;

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use http::StatusCode;
use ring::rand::{SecureRandom, SystemRandom};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::admin::Admin;
use super::settings::AuthorizationState;

/// How long a started authorization may take.
pub const FLOW_LIFETIME: Duration = Duration::from_secs(600);

/// The callback's path on the HTTP listener.
pub const CALLBACK_PATH: &str = "/api/accounts/oauth/callback";

fn random() -> String {
    let mut bytes = [0u8; 32];
    SystemRandom::new()
        .fill(&mut bytes)
        .expect("the system's random source works");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// One authorization under way.
pub struct Flow {
    secret: String,
    verifier: String,
}

impl Flow {
    pub fn new() -> Self {
        Flow {
            secret: random(),
            // 43 characters of the unreserved set, as RFC 7636 asks.
            verifier: random(),
        }
    }

    /// The URL the account's user opens.
    pub fn url(
        &self,
        server: &str,
        client_id: &str,
        redirect_uri: &str,
        account: &str,
        login_hint: Option<&str>,
    ) -> String {
        let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(Sha256::digest(self.verifier.as_bytes()));
        let mut query = form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("response_type", "code")
            .append_pair("client_id", client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("state", &format!("{account}.{}", self.secret))
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256");
        if let Some(hint) = login_hint.filter(|h| !h.is_empty()) {
            query.append_pair("login_hint", hint);
        }
        format!(
            "{}/restapi/oauth/authorize?{}",
            server.trim_end_matches('/'),
            query.finish()
        )
    }

    /// Keeps what the callback checks and needs in the account's authorization.
    pub fn keep(self, state: &mut AuthorizationState, redirect_uri: String) {
        state.pending_state_hash = hash(&self.secret);
        state.pending_verifier = self.verifier;
        state.pending_redirect_uri = redirect_uri;
        state.pending_expires_at_ms =
            rc_store::now_ms() + u64::try_from(FLOW_LIFETIME.as_millis()).unwrap_or(u64::MAX);
    }
}

impl Default for Flow {
    fn default() -> Self {
        Self::new()
    }
}

/// The account and the secret of a `state`.
pub fn split_state(state: &str) -> Option<(&str, &str)> {
    let (account, secret) = state.split_once('.')?;
    super::name::check(account).ok()?;
    (!secret.is_empty()).then_some((account, secret))
}

/// Whether `secret` is the live flow's.
pub fn matches(state: &AuthorizationState, secret: &str) -> bool {
    !state.pending_state_hash.is_empty()
        && state.pending_expires_at_ms > rc_store::now_ms()
        && bool::from(
            hash(secret)
                .as_bytes()
                .ct_eq(state.pending_state_hash.as_bytes()),
        )
}

#[derive(serde::Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

fn page(status: StatusCode, title: &str, text: &str) -> Response {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    (
        status,
        [(http::header::CACHE_CONTROL, "no-store")],
        Html(format!(
            "<!doctype html><meta charset=utf-8><title>{0}</title><h1>{0}</h1><p>{1}</p>",
            escape(title),
            escape(text)
        )),
    )
        .into_response()
}

/// `GET /api/accounts/oauth/callback`: where RingCentral sends the user back.
pub async fn callback(
    State(admin): State<std::sync::Arc<Admin>>,
    Query(callback): Query<Callback>,
) -> Response {
    if let Some(error) = callback.error {
        let why = callback.error_description.unwrap_or_default();
        tracing::warn!(error = %error, "an OAuth authorization was not given");
        return page(
            StatusCode::BAD_REQUEST,
            "Not authorized",
            &format!("RingCentral answered {error}: {why}"),
        );
    }
    let (Some(code), Some(state)) = (callback.code, callback.state) else {
        return page(
            StatusCode::BAD_REQUEST,
            "Not authorized",
            "the callback needs code and state",
        );
    };
    match admin.complete(&state, &code).await {
        Ok(account) => page(
            StatusCode::OK,
            "Authorized",
            &format!(
                "The gateway now serves account {}. You can close this page.",
                account.id
            ),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "an OAuth authorization did not complete");
            page(e.http_status(), "Not authorized", &e.to_string())
        }
    }
}

/// The callback route, for the HTTP listener.
pub fn router(admin: std::sync::Arc<Admin>) -> axum::Router {
    axum::Router::new()
        .route(CALLBACK_PATH, axum::routing::get(callback))
        .with_state(admin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_name_their_account_and_match_once_kept() {
        let flow = Flow::new();
        let url = flow.url(
            "https://rc.example/",
            "app",
            "https://gw/cb",
            "acme",
            Some("a@b"),
        );
        assert!(url.starts_with(
            "https://rc.example/restapi/oauth/authorize?response_type=code&client_id=app"
        ));
        assert!(url.contains("code_challenge_method=S256") && url.contains("login_hint=a%40b"));
        let state_param = url
            .split("state=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap();
        let (account, secret) = split_state(state_param).unwrap();
        assert_eq!(account, "acme");
        let secret = secret.to_owned();
        let mut kept = AuthorizationState::default();
        flow.keep(&mut kept, "https://gw/cb".into());
        assert!(matches(&kept, &secret));
        assert!(!matches(&kept, "another"));
        assert_eq!(kept.pending_verifier.len(), 43);
        kept.pending_expires_at_ms = 1;
        assert!(!matches(&kept, &secret));
        assert!(split_state("Acme.x").is_none());
        assert!(split_state("acme.").is_none());
        assert!(split_state("nodot").is_none());
    }
}
