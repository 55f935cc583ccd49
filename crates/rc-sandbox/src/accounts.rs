//! Several emulated accounts behind one server: one `State` and one router per
//! account, and a front that hands each request to its account.
//!
//! The front keeps no table of tokens. Every access token, refresh token and
//! authorization code an account mints starts with the account's routing prefix,
//! the URL-safe base64 of `SBX` and the account's number (24 bits): eight
//! characters, so the rest of the token stays plain base64url of random bytes (like
//! RingCentral's own tokens, whose first characters encode where they were issued).
//! Clients must treat tokens as opaque; only the front reads the prefix. Requests
//! are routed:
//!
//! - API calls by their bearer token;
//! - `POST /restapi/oauth/token` by its grant: the JWT grant to the account whose
//!   `jwts` has the assertion (the first one if several do), the refresh and
//!   authorization-code grants by the prefix of their token or code;
//! - `/restapi/oauth/revoke` by the prefix of its token;
//! - `/restapi/oauth/authorize` by `login_hint`, an account's name;
//! - `/_sandbox/accounts/{name}/...` to that account's `/_sandbox/...`; the rest of
//!   `/_sandbox/` to the first account.
//!
//! Everything else, and anything unknown (no token, a token of no account), goes to
//! the first account, which answers it as a single-account sandbox would (401 for an
//! unknown token, the usual token errors). Nothing depends on the client id: accounts
//! may share an app, as the accounts using one public RingCentral app do.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State as AxumState};
use axum::response::{IntoResponse, Json, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bytes::Bytes;
use http::{Method, Uri, header};
use serde::Serialize;
use tower::ServiceExt;

use super::authorize::Directory;
use super::errors::ApiError;
use super::state::State;
use rc_spec::ops;

/// The first bytes of every routing prefix.
const PREFIX_TAG: &[u8; 3] = b"SBX";
/// Length of a routing prefix: the base64 of six bytes (no padding needed).
const PREFIX_LEN: usize = 8;
/// The most an OAuth request body may take before the front has read it.
const OAUTH_BODY_MAX: usize = 64 * 1024;

/// The routing prefix of account number `index`.
pub fn token_prefix(index: usize) -> String {
    let n = index as u32;
    let bytes = [
        PREFIX_TAG[0],
        PREFIX_TAG[1],
        PREFIX_TAG[2],
        (n >> 16) as u8,
        (n >> 8) as u8,
        n as u8,
    ];
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The number of the account that minted `token`, if it has a routing prefix.
pub fn account_of(token: &str) -> Option<usize> {
    let prefix = token.get(..PREFIX_LEN)?;
    let mut bytes = [0u8; 6];
    if URL_SAFE_NO_PAD.decode_slice(prefix, &mut bytes).ok()? != bytes.len() {
        return None;
    }
    (bytes[..3] == PREFIX_TAG[..]).then(|| {
        (usize::from(bytes[3]) << 16) | (usize::from(bytes[4]) << 8) | usize::from(bytes[5])
    })
}

struct Account {
    state: Arc<State>,
    router: Router,
}

/// The accounts of a sandbox, in order; read-only once serving.
pub struct Accounts {
    list: Vec<Account>,
    /// Which account a JWT logs into (the first that accepts it).
    by_jwt: HashMap<String, usize>,
    directory: Directory,
}

impl Accounts {
    pub fn new(states: &[Arc<State>]) -> Self {
        let mut by_jwt = HashMap::new();
        for (index, state) in states.iter().enumerate() {
            for jwt in &state.config.jwts {
                by_jwt.entry(jwt.clone()).or_insert(index);
            }
        }
        Accounts {
            list: states
                .iter()
                .map(|state| Account {
                    state: state.clone(),
                    router: super::router(state.clone()),
                })
                .collect(),
            by_jwt,
            directory: Directory(states.iter().map(|s| s.name.clone()).collect()),
        }
    }

    fn by_name(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|a| a.state.name == name)
    }

    /// The account of a minted token; the first for anything else.
    fn by_token(&self, token: Option<&str>) -> usize {
        token
            .and_then(account_of)
            .filter(|i| *i < self.list.len())
            .unwrap_or(0)
    }

    async fn forward(&self, index: usize, request: Request) -> Response {
        match self.list[index].router.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    }
}

/// The server's service: the front before the accounts' routers.
pub fn front(accounts: Accounts) -> Router {
    Router::new()
        .fallback(dispatch)
        .with_state(Arc::new(accounts))
}

async fn dispatch(AxumState(accounts): AxumState<Arc<Accounts>>, request: Request) -> Response {
    let path = request.uri().path();
    if let Some(rest) = path.strip_prefix("/_sandbox/accounts")
        && (rest.is_empty() || rest.starts_with('/'))
    {
        let rest = rest.to_owned();
        return admin(&accounts, &rest, request).await;
    }
    let post = request.method() == Method::POST;
    if path == ops::GET_TOKEN.path && post {
        let (request, body) = match buffered(request, &ops::GET_TOKEN).await {
            Ok(parts) => parts,
            Err(answer) => return answer,
        };
        let form = parse(&body);
        let index = match field(&form, "grant_type") {
            Some("urn:ietf:params:oauth:grant-type:jwt-bearer") => field(&form, "assertion")
                .and_then(|jwt| accounts.by_jwt.get(jwt).copied())
                .unwrap_or(0),
            Some("refresh_token") => accounts.by_token(field(&form, "refresh_token")),
            Some("authorization_code") => accounts.by_token(field(&form, "code")),
            _ => 0,
        };
        return accounts.forward(index, request).await;
    }
    if path == ops::REVOKE_TOKEN.path && post {
        let (request, body) = match buffered(request, &ops::REVOKE_TOKEN).await {
            Ok(parts) => parts,
            Err(answer) => return answer,
        };
        let form = parse(&body);
        let query = parse(request.uri().query().unwrap_or("").as_bytes());
        let token = field(&form, "token").or_else(|| field(&query, "token"));
        let index = accounts.by_token(token);
        return accounts.forward(index, request).await;
    }
    if path == ops::AUTHORIZE.path {
        let (mut request, params) = if post {
            match buffered(request, &ops::AUTHORIZE_2).await {
                Ok((request, body)) => (request, parse(&body)),
                Err(answer) => return answer,
            }
        } else {
            let params = parse(request.uri().query().unwrap_or("").as_bytes());
            (request, params)
        };
        // An unknown name goes to the first account too: it refuses the hint.
        let index = field(&params, "login_hint")
            .and_then(|name| accounts.by_name(name))
            .unwrap_or(0);
        request.extensions_mut().insert(accounts.directory.clone());
        return accounts.forward(index, request).await;
    }
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| super::gate::credentials(v, "Bearer"));
    let index = accounts.by_token(token);
    accounts.forward(index, request).await
}

/// Reads the body of a small request and gives the request back with it.
async fn buffered(
    request: Request,
    op: &'static ops::Operation,
) -> Result<(Request, Bytes), Response> {
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, OAUTH_BODY_MAX).await {
        Ok(bytes) => Ok((Request::from_parts(parts, Body::from(bytes.clone())), bytes)),
        Err(_) => Err(ApiError::too_large(op, OAUTH_BODY_MAX).into_response()),
    }
}

fn parse(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn field<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// An account in `GET /_sandbox/accounts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    name: String,
    /// Its RingCentral account id.
    account_id: String,
    /// The extension the JWTs and the authorization code flow log in as.
    admin_extension_id: String,
}

fn summary(state: &State) -> Summary {
    Summary {
        name: state.name.clone(),
        account_id: state.account_id.clone(),
        admin_extension_id: state.data().admin_id.to_string(),
    }
}

/// `/_sandbox/accounts` (the list), `/_sandbox/accounts/{name}` (one account) and
/// `/_sandbox/accounts/{name}/<rest>` (that account's `/_sandbox/<rest>`).
async fn admin(accounts: &Accounts, rest: &str, mut request: Request) -> Response {
    let get = request.method() == Method::GET;
    let rest = rest.trim_start_matches('/');
    if rest.is_empty() {
        if !get {
            return accounts.forward(0, request).await;
        }
        let list: Vec<Summary> = accounts.list.iter().map(|a| summary(&a.state)).collect();
        return Json(list).into_response();
    }
    let (name, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let Some(index) = accounts.by_name(name) else {
        return ApiError::not_found("account", name).into_response();
    };
    if tail.is_empty() && get {
        return Json(summary(&accounts.list[index].state)).into_response();
    }
    let path_and_query = match request.uri().query() {
        Some(query) => format!("/_sandbox/{tail}?{query}"),
        None => format!("/_sandbox/{tail}"),
    };
    match path_and_query.parse::<Uri>() {
        Ok(uri) => *request.uri_mut() = uri,
        Err(_) => return ApiError::not_found("path", tail).into_response(),
    }
    accounts.forward(index, request).await
}

#[cfg(test)]
mod tests {
    use super::{account_of, token_prefix};

    #[test]
    fn prefixes_name_their_account_and_nothing_else() {
        for index in [0, 1, 2, 255, 256, 70_000] {
            let prefix = token_prefix(index);
            assert_eq!(prefix.len(), 8);
            assert_eq!(account_of(&format!("{prefix}Zm9vYmFyYmF6")), Some(index));
        }
        assert_ne!(token_prefix(0), token_prefix(1));
        assert_eq!(account_of("short"), None);
        assert_eq!(account_of("AAAAAAAAAAAAAAAAAAAA"), None);
        assert_eq!(account_of("not base64 at all!"), None);
        // A multi-byte character at the cut must not panic.
        assert_eq!(account_of("SBXAAAAé…"), None);
    }
}
