//! Several accounts behind one sandbox, and the authorization code flow with PKCE,
//! over real HTTP.

use std::time::Duration;

use base64::Engine;
use rc_sandbox::{RunningSandbox, SandboxConfig};
use reqwest::{StatusCode, Url};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const B_JWT: &str = "jwt-of-account-b";
const REDIRECT: &str = "http://127.0.0.1:9/callback?keep=1";
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

fn unthrottled() -> SandboxConfig {
    SandboxConfig {
        throttling: false,
        ..SandboxConfig::default()
    }
}

/// Two accounts of one app: `a` (the default JWT) and `b` (its own JWT).
fn two_accounts(config: SandboxConfig) -> Vec<(String, SandboxConfig)> {
    vec![
        ("a".to_owned(), config.clone()),
        (
            "b".to_owned(),
            SandboxConfig {
                jwts: vec![B_JWT.to_owned()],
                ..config
            },
        ),
    ]
}

struct Sandbox {
    running: RunningSandbox,
    http: reqwest::Client,
}

impl Sandbox {
    async fn start(accounts: Vec<(String, SandboxConfig)>) -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let running = rc_sandbox::start_accounts(accounts, listener)
            .await
            .unwrap();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Sandbox { running, http }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.url())
    }

    async fn token(&self, form: &[(&str, &str)]) -> (StatusCode, Value) {
        let response = self
            .http
            .post(self.url("/restapi/oauth/token"))
            .basic_auth(
                rc_sandbox::DEFAULT_CLIENT_ID,
                Some(rc_sandbox::DEFAULT_CLIENT_SECRET),
            )
            .form(form)
            .send()
            .await
            .unwrap();
        (response.status(), response.json().await.unwrap())
    }

    async fn jwt_login(&self, jwt: &str) -> Value {
        let (status, token) = self
            .token(&[("grant_type", JWT_GRANT), ("assertion", jwt)])
            .await;
        assert_eq!(status, StatusCode::OK, "{token}");
        token
    }

    async fn api(&self, token: &str, path: &str) -> (StatusCode, Value) {
        let response = self
            .http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn admin(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.http.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap_or(Value::Null)
    }

    /// `GET /restapi/oauth/authorize` with `params`.
    async fn authorize(&self, params: &[(&str, &str)]) -> reqwest::Response {
        let mut url = Url::parse(&self.url("/restapi/oauth/authorize")).unwrap();
        url.query_pairs_mut().extend_pairs(params);
        self.http.get(url).send().await.unwrap()
    }

    /// The code of a successful authorization request.
    async fn code(&self, params: &[(&str, &str)]) -> String {
        let response = self.authorize(params).await;
        assert_eq!(response.status(), StatusCode::FOUND, "{params:?}");
        let location = Url::parse(location_of(&response)).unwrap();
        query(&location, "code").unwrap()
    }

    async fn exchange(&self, code: &str, verifier: Option<&str>) -> (StatusCode, Value) {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
        ];
        if let Some(verifier) = verifier {
            form.push(("code_verifier", verifier));
        }
        self.token(&form).await
    }
}

fn location_of(response: &reqwest::Response) -> &str {
    response
        .headers()
        .get("location")
        .expect("a redirect has a Location")
        .to_str()
        .unwrap()
}

fn query(url: &Url, key: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// An authorization request of the default app, with an S256 challenge of
/// [`VERIFIER`], logging into `account`.
fn pkce_request<'a>(account: &'a str, challenge: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("response_type", "code"),
        ("client_id", rc_sandbox::DEFAULT_CLIENT_ID),
        ("redirect_uri", REDIRECT),
        ("state", "opaque state/1"),
        ("code_challenge", challenge),
        ("code_challenge_method", "S256"),
        ("login_hint", account),
    ]
}

fn assert_oauth_error(status: StatusCode, body: &Value, want: (u16, &str, &str)) {
    assert_eq!(status.as_u16(), want.0, "{body}");
    assert_eq!(body["error"], want.1, "{body}");
    assert_eq!(body["errors"][0]["errorCode"], want.2, "{body}");
    assert!(body["error_description"].is_string(), "{body}");
}

#[tokio::test]
async fn accounts_sharing_an_app_answer_their_own_data_to_their_own_tokens() {
    let sbx = Sandbox::start(two_accounts(unthrottled())).await;
    let (a, b) = (
        sbx.running.account("a").unwrap().clone(),
        sbx.running.account("b").unwrap().clone(),
    );
    assert_eq!(sbx.running.account_names(), ["a", "b"]);
    assert!(std::sync::Arc::ptr_eq(&sbx.running.state, &a));
    assert!(sbx.running.account("c").is_none());
    assert_ne!(a.account_id, b.account_id);

    let token_a = sbx.jwt_login(rc_sandbox::DEFAULT_JWT).await;
    let token_b = sbx.jwt_login(B_JWT).await;
    assert_ne!(token_a["owner_id"], token_b["owner_id"]);
    let access_a = token_a["access_token"].as_str().unwrap();
    let access_b = token_b["access_token"].as_str().unwrap();

    let (status, me_a) = sbx
        .api(access_a, "/restapi/v1.0/account/~/extension/~")
        .await;
    assert_eq!(status, StatusCode::OK, "{me_a}");
    let (_, me_b) = sbx
        .api(access_b, "/restapi/v1.0/account/~/extension/~")
        .await;
    assert_eq!(me_a["account"]["id"], a.account_id.as_str());
    assert_eq!(me_b["account"]["id"], b.account_id.as_str());
    assert_eq!(
        me_a["id"].to_string(),
        token_a["owner_id"].as_str().unwrap()
    );
    assert_eq!(
        me_b["id"].to_string(),
        token_b["owner_id"].as_str().unwrap()
    );

    let names = |list: &Value| -> Vec<String> {
        list["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{} {}", e["id"], e["name"]))
            .collect()
    };
    let (_, list_a) = sbx
        .api(access_a, "/restapi/v1.0/account/~/extension?perPage=50")
        .await;
    let (_, list_b) = sbx
        .api(access_b, "/restapi/v1.0/account/~/extension?perPage=50")
        .await;
    assert_ne!(names(&list_a), names(&list_b));

    // A's token reaches none of B's data, by B's account id or B's extension ids.
    let (status, _) = sbx
        .api(
            access_a,
            &format!("/restapi/v1.0/account/{}/extension/~", b.account_id),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = sbx
        .api(
            access_a,
            &format!("/restapi/v1.0/account/~/extension/{}", me_b["id"]),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // An unknown token is refused as a one-account sandbox refuses it.
    let (status, error) = sbx
        .api("no-such-token", "/restapi/v1.0/account/~/extension/~")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["errors"][0]["errorCode"], "OAU-149");

    // B's refresh token renews B's session; revoking it leaves A's alone.
    let (status, renewed) = sbx
        .token(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", token_b["refresh_token"].as_str().unwrap()),
        ])
        .await;
    assert_eq!(status, StatusCode::OK, "{renewed}");
    assert_eq!(renewed["owner_id"], token_b["owner_id"]);
    let renewed_b = renewed["access_token"].as_str().unwrap();
    let revoked = sbx
        .http
        .post(sbx.url("/restapi/oauth/revoke"))
        .basic_auth(
            rc_sandbox::DEFAULT_CLIENT_ID,
            Some(rc_sandbox::DEFAULT_CLIENT_SECRET),
        )
        .form(&[("token", renewed_b)])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::OK);
    let (status, _) = sbx
        .api(renewed_b, "/restapi/v1.0/account/~/extension/~")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = sbx
        .api(access_a, "/restapi/v1.0/account/~/extension/~")
        .await;
    assert_eq!(status, StatusCode::OK);

    // The admin API: the list, each account's own counters, unknown names.
    let list = sbx
        .admin(reqwest::Method::GET, "/_sandbox/accounts", None)
        .await;
    assert_eq!(list[0]["name"], "a");
    assert_eq!(list[1]["name"], "b");
    assert_eq!(list[1]["accountId"], b.account_id.as_str());
    assert_eq!(list[1]["adminExtensionId"], token_b["owner_id"]);
    let stats_a = sbx
        .admin(reqwest::Method::GET, "/_sandbox/stats", None)
        .await;
    let stats_b = sbx
        .admin(reqwest::Method::GET, "/_sandbox/accounts/b/stats", None)
        .await;
    assert_eq!(stats_a["jwtGrants"], 1, "{stats_a}");
    assert_eq!(stats_b["jwtGrants"], 1, "{stats_b}");
    assert_eq!(stats_b["refreshGrants"], 1, "{stats_b}");
    assert_eq!(stats_a["refreshGrants"], 0, "{stats_a}");
    let secrets_b = sbx
        .admin(reqwest::Method::GET, "/_sandbox/accounts/b/secrets", None)
        .await;
    assert_eq!(secrets_b["jwts"], json!([B_JWT]));
    let unknown = sbx
        .http
        .get(sbx.url("/_sandbox/accounts/c/stats"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let unknown: Value = unknown.json().await.unwrap();
    assert_eq!(unknown["errors"][0]["parameterValue"], "c", "{unknown}");
    sbx.running.stop().await;
}

#[tokio::test]
async fn one_accounts_limits_and_faults_spare_the_other() {
    let sbx = Sandbox::start(two_accounts(SandboxConfig::default())).await;
    let access_a = sbx.jwt_login(rc_sandbox::DEFAULT_JWT).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let access_b = sbx.jwt_login(B_JWT).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let me = "/restapi/v1.0/account/~/extension/~";

    let stats = sbx
        .admin(
            reqwest::Method::POST,
            "/_sandbox/accounts/a/limits",
            Some(json!({"groups": {"Light": {"limit": 1}}})),
        )
        .await;
    assert_eq!(stats["groups"]["Light"]["limit"], 1, "{stats}");
    assert_eq!(sbx.api(&access_a, me).await.0, StatusCode::OK);
    assert_eq!(
        sbx.api(&access_a, me).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    for _ in 0..3 {
        assert_eq!(sbx.api(&access_b, me).await.0, StatusCode::OK);
    }
    let stats_b = sbx
        .admin(reqwest::Method::GET, "/_sandbox/accounts/b/stats", None)
        .await;
    assert_eq!(stats_b["groups"]["Light"]["throttled"], 0, "{stats_b}");
    assert_eq!(stats_b["groups"]["Light"]["requests"], 3, "{stats_b}");

    sbx.admin(
        reqwest::Method::POST,
        "/_sandbox/accounts/b/faults",
        Some(json!({"outage": true})),
    )
    .await;
    assert_eq!(
        sbx.api(&access_b, me).await.0,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let faults_a = sbx
        .admin(reqwest::Method::GET, "/_sandbox/accounts/a/faults", None)
        .await;
    assert_eq!(faults_a["outage"], false, "{faults_a}");
    // A is still in its own penalty, not in B's outage.
    assert_eq!(
        sbx.api(&access_a, me).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    let cleared = sbx
        .http
        .delete(sbx.url("/_sandbox/accounts/b/faults"))
        .send()
        .await
        .unwrap();
    assert_eq!(cleared.status(), StatusCode::NO_CONTENT);
    assert_eq!(sbx.api(&access_b, me).await.0, StatusCode::OK);
    sbx.running.stop().await;
}

#[tokio::test]
async fn the_code_flow_logs_into_the_hinted_account_and_its_tokens_refresh() {
    let sbx = Sandbox::start(two_accounts(unthrottled())).await;
    let b = sbx.running.account("b").unwrap().clone();
    let challenge = s256(VERIFIER);
    let response = sbx.authorize(&pkce_request("b", &challenge)).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = Url::parse(location_of(&response)).unwrap();
    assert_eq!(
        location.as_str().split('?').next(),
        REDIRECT.split('?').next()
    );
    assert_eq!(query(&location, "keep").as_deref(), Some("1"));
    assert_eq!(query(&location, "state").as_deref(), Some("opaque state/1"));
    let code = query(&location, "code").unwrap();

    let (status, token) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    assert_eq!(token["token_type"], "bearer");
    assert_eq!(token["owner_id"], b.data().admin_id.to_string());
    assert!(token["scope"].is_string() && token["refresh_token"].is_string());
    let (status, me) = sbx
        .api(
            token["access_token"].as_str().unwrap(),
            "/restapi/v1.0/account/~/extension/~",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["account"]["id"], b.account_id.as_str());

    let (status, renewed) = sbx
        .token(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", token["refresh_token"].as_str().unwrap()),
        ])
        .await;
    assert_eq!(status, StatusCode::OK, "{renewed}");
    let (status, _) = sbx
        .api(
            renewed["access_token"].as_str().unwrap(),
            "/restapi/v1.0/account/~/extension/~",
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let stats_b = sbx
        .admin(reqwest::Method::GET, "/_sandbox/accounts/b/stats", None)
        .await;
    assert_eq!(stats_b["authCodeGrants"], 1, "{stats_b}");
    assert_eq!(stats_b["refreshGrants"], 1, "{stats_b}");
    assert_eq!(stats_b["operations"]["authorize"], 1, "{stats_b}");
    let stats_a = sbx
        .admin(reqwest::Method::GET, "/_sandbox/stats", None)
        .await;
    assert_eq!(stats_a["authCodeGrants"], 0, "{stats_a}");

    // The form POST (authorize2) works the same.
    let posted = sbx
        .http
        .post(sbx.url("/restapi/oauth/authorize"))
        .form(&pkce_request("a", &challenge))
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::FOUND);
    let code_a = query(&Url::parse(location_of(&posted)).unwrap(), "code").unwrap();
    let (status, token_a) = sbx.exchange(&code_a, Some(VERIFIER)).await;
    assert_eq!(status, StatusCode::OK, "{token_a}");
    assert_ne!(token_a["owner_id"], token["owner_id"]);
    sbx.running.stop().await;
}

#[tokio::test]
async fn codes_are_refused_with_a_wrong_verifier_twice_late_or_elsewhere() {
    let config = SandboxConfig {
        authorization_code_ttl: Duration::from_millis(300),
        ..unthrottled()
    };
    let sbx = Sandbox::start(two_accounts(config)).await;
    let challenge = s256(VERIFIER);
    let request = pkce_request("a", &challenge);

    // A wrong verifier, then the code is used up.
    let code = sbx.code(&request).await;
    let wrong = format!("{}x", &VERIFIER[..VERIFIER.len() - 1]);
    let (status, error) = sbx.exchange(&code, Some(&wrong)).await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-214"));
    let (status, error) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-212"));

    // No verifier for a challenged code.
    let code = sbx.code(&request).await;
    let (status, error) = sbx.exchange(&code, None).await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-214"));

    // A replayed code: refused, and the tokens it gave, refreshed ones included, end.
    let code = sbx.code(&request).await;
    let (status, token) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    let (_, renewed) = sbx
        .token(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", token["refresh_token"].as_str().unwrap()),
        ])
        .await;
    let renewed = renewed["access_token"].as_str().unwrap().to_owned();
    let me = "/restapi/v1.0/account/~/extension/~";
    assert_eq!(sbx.api(&renewed, me).await.0, StatusCode::OK);
    let (status, error) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-212"));
    assert_eq!(sbx.api(&renewed, me).await.0, StatusCode::UNAUTHORIZED);

    // Another redirect URI than the authorization request's.
    let code = sbx.code(&request).await;
    let (status, error) = sbx
        .token(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://127.0.0.1:9/callback"),
            ("code_verifier", VERIFIER),
        ])
        .await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-109"));

    // Too late.
    let code = sbx.code(&request).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let (status, error) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-212"));
    assert!(
        error["error_description"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{error}"
    );

    // A code no account issued, and a missing one.
    let (status, error) = sbx.exchange("made-up", Some(VERIFIER)).await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-212"));
    let (status, error) = sbx
        .token(&[
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT),
        ])
        .await;
    assert_oauth_error(status, &error, (400, "invalid_request", "CMN-100"));

    let stats = sbx
        .admin(reqwest::Method::GET, "/_sandbox/stats", None)
        .await;
    assert_eq!(stats["authCodeGrants"], 1, "{stats}");
    sbx.running.stop().await;
}

#[tokio::test]
async fn pkce_is_optional_plain_by_default_and_never_half_used() {
    let sbx = Sandbox::start(vec![("solo".to_owned(), unthrottled())]).await;
    let base = [
        ("response_type", "code"),
        ("client_id", rc_sandbox::DEFAULT_CLIENT_ID),
        ("redirect_uri", REDIRECT),
    ];
    // One account: no hint needed.
    let code = sbx.code(&base).await;
    let (status, token) = sbx.exchange(&code, None).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    // No challenge: a verifier is refused (it would hide a code got without PKCE).
    let code = sbx.code(&base).await;
    let (status, error) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_oauth_error(status, &error, (400, "invalid_grant", "OAU-214"));
    // A challenge without a method is plain.
    let mut plain = base.to_vec();
    plain.push(("code_challenge", VERIFIER));
    plain.push(("login_hint", "solo"));
    let code = sbx.code(&plain).await;
    let (status, token) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    sbx.running.stop().await;
}

#[tokio::test]
async fn bad_authorization_requests_get_the_specs_400() {
    let config = SandboxConfig {
        redirect_uris: vec![REDIRECT.to_owned()],
        ..unthrottled()
    };
    let sbx = Sandbox::start(two_accounts(config)).await;
    let challenge = s256(VERIFIER);
    let valid = pkce_request("b", &challenge);
    let without = |key: &str| -> Vec<(&str, &str)> {
        valid.iter().copied().filter(|(k, _)| *k != key).collect()
    };
    let with = |key: &'static str, value: &'static str| -> Vec<(&str, &str)> {
        let mut params = without(key);
        params.push((key, value));
        params
    };
    // Each: the request, then the answer's `error`, errors[0] code and parameter.
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str, Option<&'a str>);
    let cases: Vec<Case> = vec![
        (
            without("response_type"),
            "invalid_request",
            "CMN-100",
            Some("response_type"),
        ),
        (
            with("response_type", "token"),
            "unsupported_response_type",
            "CMN-101",
            Some("response_type"),
        ),
        (
            without("client_id"),
            "invalid_request",
            "CMN-100",
            Some("client_id"),
        ),
        (
            with("client_id", "someone-else"),
            "invalid_client",
            "OAU-127",
            None,
        ),
        (
            without("redirect_uri"),
            "invalid_request",
            "CMN-100",
            Some("redirect_uri"),
        ),
        (
            with("redirect_uri", "/relative"),
            "invalid_request",
            "CMN-101",
            Some("redirect_uri"),
        ),
        (
            with("redirect_uri", "http://127.0.0.1:9/elsewhere"),
            "invalid_grant",
            "OAU-109",
            None,
        ),
        (
            with("login_hint", "nobody"),
            "invalid_request",
            "CMN-101",
            Some("login_hint"),
        ),
        (
            with("code_challenge_method", "S512"),
            "invalid_request",
            "CMN-101",
            Some("code_challenge_method"),
        ),
        (
            with("code_challenge", "short"),
            "invalid_request",
            "CMN-101",
            Some("code_challenge"),
        ),
        (
            without("code_challenge"),
            "invalid_request",
            "CMN-100",
            Some("code_challenge"),
        ),
    ];
    for (params, error, code, parameter) in cases {
        let response = sbx.authorize(&params).await;
        let status = response.status();
        assert!(response.headers().get("location").is_none(), "{params:?}");
        let body: Value = response.json().await.unwrap();
        assert_oauth_error(status, &body, (400, error, code));
        if let Some(parameter) = parameter {
            assert_eq!(body["errors"][0]["parameterName"], parameter, "{body}");
        }
    }
    // None of them issued a code.
    let secrets = sbx
        .admin(reqwest::Method::GET, "/_sandbox/accounts/b/secrets", None)
        .await;
    assert_eq!(secrets["authorizationCodes"], json!([]), "{secrets}");
    sbx.running.stop().await;
}

#[tokio::test]
async fn without_a_hint_several_accounts_offer_a_choice() {
    let sbx = Sandbox::start(two_accounts(unthrottled())).await;
    let challenge = s256(VERIFIER);
    let request: Vec<(&str, &str)> = pkce_request("", &challenge)
        .into_iter()
        .filter(|(k, _)| *k != "login_hint")
        .collect();
    let response = sbx.authorize(&request).await;
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"].to_str().unwrap();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let page = response.text().await.unwrap();
    let links: Vec<String> = page
        .split("href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().replace("&amp;", "&"))
        .collect();
    assert_eq!(links.len(), 2, "{page}");
    assert!(page.contains(">a</a>") && page.contains(">b</a>"), "{page}");

    // Following b's link logs into b.
    let link = links
        .iter()
        .find(|l| l.contains("login_hint=b"))
        .expect("a link for b");
    let followed = sbx.http.get(sbx.url(link)).send().await.unwrap();
    assert_eq!(followed.status(), StatusCode::FOUND, "{link}");
    let location = Url::parse(location_of(&followed)).unwrap();
    assert_eq!(query(&location, "state").as_deref(), Some("opaque state/1"));
    let code = query(&location, "code").unwrap();
    let (status, token) = sbx.exchange(&code, Some(VERIFIER)).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    let b = sbx.running.account("b").unwrap();
    assert_eq!(token["owner_id"], b.data().admin_id.to_string());
    sbx.running.stop().await;
}

#[tokio::test]
async fn account_names_are_checked() {
    for accounts in [
        vec![],
        vec![("".to_owned(), SandboxConfig::default())],
        vec![("a/b".to_owned(), SandboxConfig::default())],
        vec![
            ("a".to_owned(), SandboxConfig::default()),
            ("a".to_owned(), SandboxConfig::default()),
        ],
    ] {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let started = rc_sandbox::start_accounts(accounts, listener).await;
        assert_eq!(
            started.err().map(|e| e.kind()),
            Some(std::io::ErrorKind::InvalidInput)
        );
    }
}
