//! The OAuth token lifecycle between the gateway and the sandbox.

use std::time::Duration;

use base64::Engine;
use http::StatusCode;
use rc_gateway::proto::v1 as pb;
use rc_sandbox::{self as sandbox, SandboxConfig};
use serde_json::Value;
use tonic::Code;

use crate::harness::{TestGateway, error_info, unthrottled};

fn basic(id: &str, secret: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"))
    )
}

async fn token_request(gw: &TestGateway, auth: &str, form: &[(&str, &str)]) -> (StatusCode, Value) {
    token_request_at(&gw.http, &gw.sandbox.url(), auth, form).await
}

async fn token_request_at(
    http: &reqwest::Client,
    sandbox: &str,
    auth: &str,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let response = http
        .post(format!("{sandbox}/restapi/oauth/token"))
        .header("authorization", auth)
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

#[tokio::test]
async fn tokens_are_refreshed_before_they_expire_during_a_run() {
    let config = SandboxConfig {
        access_token_ttl: Duration::from_secs(2),
        ..unthrottled()
    };
    let gw = TestGateway::start_with(config, &[("RC_TOKEN_REFRESH_MARGIN", "1")]).await;
    let start = tokio::time::Instant::now();
    let mut calls = 0;
    while start.elapsed() < Duration::from_millis(4500) {
        gw.extensions()
            .get_extension(pb::GetExtensionRequest {
                extension_id: "~".into(),
            })
            .await
            .expect("every call succeeds across token renewals");
        calls += 1;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let stats = gw.stats().await;
    assert!(calls > 20);
    assert_eq!(stats["jwtGrants"], 1, "logged in once: {stats}");
    assert!(
        stats["refreshGrants"].as_u64().unwrap() >= 2,
        "refreshed with the refresh token: {stats}"
    );
}

#[tokio::test]
async fn a_rejected_token_is_renewed_and_the_call_resent_once() {
    let gw = TestGateway::start_with(unthrottled(), &[("CACHE_TTL", "0")]).await;
    gw.get("/api/extensions/~").await;
    gw.sandbox_admin("/tokens/expire", serde_json::json!({}))
        .await;
    let after = gw.get("/api/extensions/~").await;
    assert_eq!(after.status, StatusCode::OK, "{:?}", after.json);
    let stats = gw.stats().await;
    assert_eq!(stats["jwtGrants"], 1);
    assert_eq!(stats["refreshGrants"], 1, "{stats}");
    // The first attempt got a 401, the resend went through.
    assert_eq!(stats["operations"]["readExtension"], 3, "{stats}");
}

#[tokio::test]
async fn a_refused_refresh_token_leads_to_a_new_login() {
    let gw = TestGateway::start_with(unthrottled(), &[("CACHE_TTL", "0")]).await;
    gw.get("/api/extensions/~").await;
    gw.sandbox_admin("/tokens/revoke", serde_json::json!({}))
        .await;
    let after = gw.get("/api/extensions/~").await;
    assert_eq!(after.status, StatusCode::OK, "{:?}", after.json);
    let stats = gw.stats().await;
    assert_eq!(
        stats["jwtGrants"], 2,
        "logged in again with the JWT: {stats}"
    );
    assert_eq!(
        stats["refreshGrants"], 0,
        "the revoked refresh token was refused: {stats}"
    );
}

#[tokio::test]
async fn an_expired_refresh_token_is_not_used() {
    let config = SandboxConfig {
        access_token_ttl: Duration::from_secs(2),
        refresh_token_ttl: Duration::from_secs(1),
        ..unthrottled()
    };
    let gw = TestGateway::start_with(config, &[("RC_TOKEN_REFRESH_MARGIN", "1")]).await;
    for _ in 0..3 {
        let r = gw.get("/api/extensions/~").await;
        assert_eq!(r.status, StatusCode::OK);
        tokio::time::sleep(Duration::from_millis(1200)).await;
    }
    let stats = gw.stats().await;
    assert!(stats["jwtGrants"].as_u64().unwrap() >= 2, "{stats}");
    assert_eq!(stats["refreshGrants"], 0, "{stats}");
}

#[tokio::test]
async fn revoking_a_token_ends_the_session() {
    let gw = TestGateway::start().await;
    let auth = basic(sandbox::DEFAULT_CLIENT_ID, sandbox::DEFAULT_CLIENT_SECRET);
    let (_, login) = token_request(
        &gw,
        &auth,
        &[
            ("grant_type", JWT_GRANT),
            ("assertion", sandbox::DEFAULT_JWT),
        ],
    )
    .await;
    let access = login["access_token"].as_str().unwrap();
    let revoke = gw
        .http
        .post(format!("{}/restapi/oauth/revoke", gw.sandbox.url()))
        .header("authorization", &auth)
        .form(&[("token", login["refresh_token"].as_str().unwrap())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoke.status(), StatusCode::OK);
    let call = gw
        .http
        .get(format!(
            "{}/restapi/v1.0/account/~/extension/~",
            gw.sandbox.url()
        ))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(call.status(), StatusCode::UNAUTHORIZED);
}

/// Twenty gRPC reads of "~" at the same time; all must succeed.
async fn twenty_concurrent_reads(gw: &TestGateway) {
    let calls = (0..20).map(|_| {
        let mut client = gw.extensions();
        async move {
            client
                .get_extension(pb::GetExtensionRequest {
                    extension_id: "~".into(),
                })
                .await
        }
    });
    for result in futures::future::join_all(calls).await {
        result.expect("call succeeds");
    }
}

#[tokio::test]
async fn concurrent_callers_share_one_login() {
    let gw = TestGateway::start().await;
    twenty_concurrent_reads(&gw).await;
    assert_eq!(gw.stats().await["jwtGrants"], 1);
}

#[tokio::test]
async fn concurrent_callers_share_one_refresh() {
    let gw = TestGateway::start_with(unthrottled(), &[("CACHE_TTL", "0")]).await;
    gw.get("/api/extensions/~").await;
    gw.sandbox_admin("/tokens/expire", serde_json::json!({}))
        .await;
    // Every one of these is refused with the expired token first.
    twenty_concurrent_reads(&gw).await;
    let stats = gw.stats().await;
    assert_eq!(stats["jwtGrants"], 1, "{stats}");
    assert_eq!(stats["refreshGrants"], 1, "one refresh for all: {stats}");
}

#[tokio::test]
async fn the_sandbox_takes_configured_credentials_and_refuses_the_defaults() {
    let (id, secret, jwt) = ("acme-app", "acme-app-secret", "acme-user-jwt");
    // `serve --sandbox` with RC_* set: the built-in sandbox accepts exactly those.
    let gateway = crate::process::spawn(
        &["serve", "--sandbox"],
        &[
            ("SANDBOX_ADDR", "127.0.0.1:0"),
            ("RC_CLIENT_ID", id),
            ("RC_CLIENT_SECRET", secret),
            ("RC_JWT", jwt),
        ],
    );
    let http = reqwest::Client::new();
    let me = http
        .get(format!("http://{}/api/extensions/~", gateway.http))
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let jwt_login = |auth: String, assertion: &'static str| {
        let (http, upstream) = (http.clone(), gateway.upstream.clone());
        async move {
            token_request_at(
                &http,
                &upstream,
                &auth,
                &[("grant_type", JWT_GRANT), ("assertion", assertion)],
            )
            .await
        }
    };
    let (status, body) = jwt_login(basic(id, secret), jwt).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = jwt_login(
        basic(sandbox::DEFAULT_CLIENT_ID, sandbox::DEFAULT_CLIENT_SECRET),
        sandbox::DEFAULT_JWT,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["error"], "invalid_client");
    let (status, body) = jwt_login(basic(id, secret), sandbox::DEFAULT_JWT).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"], "invalid_grant");

    // The standalone sandbox takes them from its flags or SANDBOX_* variables.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut standalone = std::process::Command::new(env!("CARGO_BIN_EXE_rc-gateway"))
        .args([
            "sandbox",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--client-id",
            id,
        ])
        .env_clear()
        .env("SANDBOX_CLIENT_SECRET", secret)
        .env("SANDBOX_JWT", jwt)
        .env("LOG_FORMAT", "json")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let mut answer = None;
    for _ in 0..200 {
        if http.get(format!("{url}/restapi/v1.0")).send().await.is_ok() {
            answer = Some(
                token_request_at(
                    &http,
                    &url,
                    &basic(id, secret),
                    &[("grant_type", JWT_GRANT), ("assertion", jwt)],
                )
                .await,
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let refused = token_request_at(
        &http,
        &url,
        &basic(sandbox::DEFAULT_CLIENT_ID, sandbox::DEFAULT_CLIENT_SECRET),
        &[
            ("grant_type", JWT_GRANT),
            ("assertion", sandbox::DEFAULT_JWT),
        ],
    )
    .await;
    let _ = standalone.kill();
    let _ = standalone.wait();
    let (status, body) = answer.expect("the standalone sandbox started");
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(refused.0, StatusCode::UNAUTHORIZED, "{}", refused.1);
}

#[tokio::test]
async fn refresh_tokens_are_single_use() {
    let gw = TestGateway::start().await;
    let auth = basic(sandbox::DEFAULT_CLIENT_ID, sandbox::DEFAULT_CLIENT_SECRET);
    let (status, login) = token_request(
        &gw,
        &auth,
        &[
            ("grant_type", JWT_GRANT),
            ("assertion", sandbox::DEFAULT_JWT),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(login["token_type"], "bearer");
    assert!(login["expires_in"].as_u64().unwrap() > 0);
    let refresh = login["refresh_token"].as_str().unwrap().to_owned();
    let (status, renewed) = token_request(
        &gw,
        &auth,
        &[("grant_type", "refresh_token"), ("refresh_token", &refresh)],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(renewed["access_token"], login["access_token"]);
    let (status, again) = token_request(
        &gw,
        &auth,
        &[("grant_type", "refresh_token"), ("refresh_token", &refresh)],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(again["error"], "invalid_grant");
    assert_eq!(again["errors"][0]["errorCode"], "OAU-211");
    // The refreshed session's predecessor access token is dead.
    let old = gw
        .http
        .get(format!(
            "{}/restapi/v1.0/account/~/extension/~",
            gw.sandbox.url()
        ))
        .bearer_auth(login["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let body: Value = old.json().await.unwrap();
    assert_eq!(body["errors"][0]["errorCode"], "OAU-149");
}

#[tokio::test]
async fn wrong_credentials_get_oauth_errors() {
    let gw = TestGateway::start().await;
    let (status, body) = token_request(
        &gw,
        &basic(sandbox::DEFAULT_CLIENT_ID, "wrong"),
        &[
            ("grant_type", JWT_GRANT),
            ("assertion", sandbox::DEFAULT_JWT),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"], "invalid_client");
    assert!(
        body["errors"][0]["errorCode"]
            .as_str()
            .unwrap()
            .starts_with("OAU-")
    );
    let (status, body) = token_request(
        &gw,
        &basic(sandbox::DEFAULT_CLIENT_ID, sandbox::DEFAULT_CLIENT_SECRET),
        &[("grant_type", JWT_GRANT), ("assertion", "not-a-jwt")],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
    let no_auth = gw
        .http
        .get(format!(
            "{}/restapi/v1.0/account/~/extension",
            gw.sandbox.url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(no_auth.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_gateway_with_a_bad_jwt_reports_the_upstream_error() {
    let gw = TestGateway::start_with(unthrottled(), &[("RC_JWT", "eyJ.bad.jwt")]).await;
    let err = gw
        .extensions()
        .get_extension(pb::GetExtensionRequest {
            extension_id: "~".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::Unavailable);
    assert_eq!(error_info(&err)["errorCode"], "OAU-140");
    let http = gw.get("/api/extensions/~").await;
    assert_eq!(http.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(http.json["errorCode"], "OAU-140");
    assert!(
        !http.json["message"]
            .as_str()
            .unwrap()
            .contains("eyJ.bad.jwt")
    );
    let health = gw
        .health()
        .check(pb::CheckRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(health.status, pb::ServingStatus::Degraded as i32);
    assert!(!health.upstream.unwrap().last_error.is_empty());
}
