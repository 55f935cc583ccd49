//! What every sandbox request passes before its handler, like RingCentral's API
//! gateway: recording (for tests), bearer-token check, and the per-group rate limit
//! with its `X-Rate-Limit-*` headers.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{MatchedPath, Request, State as AxumState};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use tokio::time::Instant;

use super::errors::ApiError;
use super::faults::Verdict;
use super::state::{RecordedRequest, State};
use super::throttle::Decision;
use rc_spec::ops::{self, Operation};

/// The user a request acts for (resolves `~`).
#[derive(Clone, Copy, Debug)]
pub struct Caller {
    pub owner_id: i64,
}

fn record(state: &State, request: &Request, op: Option<&'static Operation>) {
    let headers: BTreeMap<String, String> = request
        .headers()
        .iter()
        .filter(|(name, _)| *name != header::AUTHORIZATION)
        .filter_map(|(name, value)| {
            Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect();
    state.record(RecordedRequest {
        method: request.method().to_string(),
        path: request.uri().path().to_owned(),
        query: request.uri().query().unwrap_or("").to_owned(),
        operation: op.map(|o| o.id),
        headers,
    });
}

/// RingCentral's rate-limit headers; none when nothing is limited (an unthrottled
/// sandbox must not advertise limits it does not enforce).
fn rate_headers(headers: &mut HeaderMap, decision: &Decision) {
    if !decision.limited {
        return;
    }
    headers.insert(
        "x-rate-limit-group",
        HeaderValue::from_static(decision.group.name()),
    );
    headers.insert("x-rate-limit-limit", HeaderValue::from(decision.limit));
    headers.insert(
        "x-rate-limit-remaining",
        HeaderValue::from(decision.remaining),
    );
    headers.insert(
        "x-rate-limit-window",
        HeaderValue::from(decision.window.as_secs()),
    );
}

fn throttled(decision: &Decision) -> Response {
    let mut error = ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "CMN-301",
        "Request rate exceeded",
    );
    error.retry_after = Some(decision.retry_after);
    let mut response = error.into_response();
    rate_headers(response.headers_mut(), decision);
    response
}

/// Admits a request of `op` for `key`.
fn admit(state: &State, key: &str, op: &'static Operation) -> Decision {
    let decision = state
        .throttle
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .admit(key, op.group, Instant::now());
    if !decision.allowed {
        state.counters.throttled(op.group);
    }
    decision
}

/// Gate of the REST API routes.
pub async fn api(
    AxumState(state): AxumState<Arc<State>>,
    matched: MatchedPath,
    mut request: Request,
    next: Next,
) -> Response {
    let op = ops::find(request.method(), matched.as_str());
    record(&state, &request, op);
    let Some(op) = op else {
        return next.run(request).await;
    };
    state.counters.request(op);
    if let Some(answer) = inject_faults(&state, op).await {
        return answer;
    }
    let caller = match authenticate(&state, request.headers()) {
        Ok(caller) => caller,
        Err(err) => return err.into_response(),
    };
    let decision = admit(&state, &format!("user:{}", caller.owner_id), op);
    if !decision.allowed {
        return throttled(&decision);
    }
    if let Some(permission) = op.permission {
        let revoked = state
            .revoked_permissions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(permission);
        if revoked {
            let mut response = missing_permission(permission).into_response();
            rate_headers(response.headers_mut(), &decision);
            return response;
        }
    }
    // The spec's account path parameter: "~" or the account's own id.
    let path = request.uri().path();
    let account = path
        .strip_prefix("/restapi/v1.0/account/")
        .or_else(|| path.strip_prefix("/restapi/v2/accounts/"));
    if let Some(account) = account {
        let account = account.split('/').next().unwrap_or("");
        if account != "~" && account != state.account_id {
            let mut response = ApiError::not_found("accountId", account).into_response();
            rate_headers(response.headers_mut(), &decision);
            return response;
        }
    }
    request.extensions_mut().insert(caller);
    let mut response = next.run(request).await;
    rate_headers(response.headers_mut(), &decision);
    response
}

/// The credentials of an `Authorization` value in `scheme`. Scheme names are
/// case-insensitive and followed by one or more spaces (RFC 9110, section 11.1):
/// RingCentral's own SDKs send `bearer <token>`, the `token_type` the token endpoint
/// returns.
pub fn credentials<'a>(value: &'a str, scheme: &str) -> Option<&'a str> {
    let (name, rest) = value.split_once(' ')?;
    let credentials = rest.trim_start_matches(' ');
    (name.eq_ignore_ascii_case(scheme) && !credentials.is_empty()).then_some(credentials)
}

fn authenticate(state: &State, headers: &HeaderMap) -> Result<Caller, ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "AGW-401",
            "Authorization header is not specified",
        ));
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| credentials(v, "Bearer"))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "AGW-402",
                "Invalid Authorization header",
            )
        })?;
    let sessions = state.sessions.lock().unwrap_or_else(|e| e.into_inner());
    let session = sessions.access.get(token).ok_or_else(|| {
        let mut e = ApiError::new(StatusCode::UNAUTHORIZED, "OAU-149", "Invalid token");
        e.body.error_code = Some("TokenInvalid".to_owned());
        e
    })?;
    if session.expires_at <= Instant::now() {
        let mut e = ApiError::new(StatusCode::UNAUTHORIZED, "OAU-128", "Access token expired");
        e.body.error_code = Some("TokenExpired".to_owned());
        return Err(e);
    }
    Ok(Caller {
        owner_id: session.owner_id,
    })
}

/// Gate of the OAuth endpoints: the Auth group is counted per app.
pub async fn oauth(
    AxumState(state): AxumState<Arc<State>>,
    matched: MatchedPath,
    request: Request,
    next: Next,
) -> Response {
    let op = ops::find(request.method(), matched.as_str());
    record(&state, &request, op);
    let Some(op) = op else {
        return next.run(request).await;
    };
    state.counters.request(op);
    // An authorization request names its app in its query, not with Basic auth.
    let app = super::oauth::client_id(request.headers())
        .or_else(|| {
            form_urlencoded::parse(request.uri().query()?.as_bytes())
                .find(|(k, _)| k == "client_id")
                .map(|(_, v)| v.into_owned())
        })
        .unwrap_or_default();
    let decision = admit(&state, &format!("app:{app}"), op);
    if !decision.allowed {
        return throttled(&decision);
    }
    let mut response = next.run(request).await;
    rate_headers(response.headers_mut(), &decision);
    response
}

/// Applies the configured faults to an API request: latency first, then maybe an
/// injected answer.
async fn inject_faults(state: &State, op: &'static Operation) -> Option<Response> {
    let faults = state
        .faults
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    if !faults.applies_to(op) {
        return None;
    }
    let latency = faults.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let verdict = faults.decide(&mut state.rng.lock().unwrap_or_else(|e| e.into_inner()));
    match verdict {
        Verdict::Pass => None,
        Verdict::Answer(response) => {
            // An injected 429 is a 429 sent, like one of the rate limiter's.
            if response.status() == StatusCode::TOO_MANY_REQUESTS {
                state.counters.throttled(op.group);
            }
            Some(response)
        }
    }
}

/// CMN-401, as RingCentral words it (with the symbolic top-level code).
fn missing_permission(permission: &str) -> ApiError {
    let mut e = ApiError::new(
        StatusCode::FORBIDDEN,
        "CMN-401",
        format!(
            "In order to call this API endpoint, application needs to have [{permission}] permission"
        ),
    );
    e.body.error_code = Some("InsufficientPermissions".to_owned());
    e.body.permission_name = Some(permission.to_owned());
    if let Some(item) = e.body.errors.first_mut() {
        item.permission_name = Some(permission.to_owned());
    }
    e
}

#[cfg(test)]
mod tests {
    use super::credentials;

    #[test]
    fn authorization_schemes_are_case_insensitive() {
        assert_eq!(credentials("Bearer abc", "Bearer"), Some("abc"));
        assert_eq!(credentials("bearer abc", "Bearer"), Some("abc"));
        assert_eq!(credentials("BEARER   abc", "Bearer"), Some("abc"));
        assert_eq!(credentials("basic eA==", "Basic"), Some("eA=="));
        assert_eq!(credentials("Bearer", "Bearer"), None);
        assert_eq!(credentials("Bearer ", "Bearer"), None);
        assert_eq!(credentials("Bearerabc", "Bearer"), None);
        assert_eq!(credentials("Basic abc", "Bearer"), None);
    }
}
