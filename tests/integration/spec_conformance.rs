//! The sandbox and the operations table against RingCentral's OpenAPI spec
//! (`spec/rc-platform.yml`, the published rc-platform.yml).

use std::sync::LazyLock;

use base64::Engine;
use http::Method;
use rc_sandbox as sandbox;
use rc_spec::ops;
use serde_json::{Value, json};

use crate::harness::unthrottled;

pub static SPEC: LazyLock<Value> = LazyLock::new(|| {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/rc-platform.yml"))
            .expect("the spec is in spec/");
    let mut spec: Value = serde_norway::from_str(&text).expect("the spec parses");
    // Errata: the spec declares these ids `format: uri`, but RingCentral's ids
    // ("main-site", "1234567") are not URIs, in the spec's own examples included.
    for schema in ["ProvisioningSiteInfo", "DepartmentInfo"] {
        if let Some(id) = spec["components"]["schemas"][schema]["properties"]["id"].as_object_mut()
        {
            id.remove("format");
        }
    }
    spec
});

/// Validates `instance` against `#/components/schemas/{schema}`.
pub fn assert_conforms(schema: &str, instance: &Value) {
    let root = json!({
        "$ref": format!("#/components/schemas/{schema}"),
        "components": SPEC["components"],
    });
    let validator = jsonschema::draft7::new(&root).expect("the spec's schemas compile");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{schema} does not accept the answer: {errors:#?}\n{instance:#}"
    );
}

#[test]
fn every_operation_has_the_spec_throttling_group_and_permission() {
    let in_spec: usize = SPEC["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| {
            ["get", "post", "put", "patch", "delete"]
                .iter()
                .filter(|m| item.get(**m).is_some())
                .count()
        })
        .sum();
    assert_eq!(
        ops::SPEC.len(),
        in_spec,
        "every operation of the spec is in the table"
    );
    for op in ops::all() {
        if ops::PARTNER_ONLY.iter().any(|p| p.id == op.id) {
            assert!(
                SPEC["paths"][op.path].is_null(),
                "{} is in the public spec now",
                op.id
            );
            continue;
        }
        let operation = &SPEC["paths"][op.path][op.method.as_str().to_ascii_lowercase()];
        assert!(
            operation.is_object(),
            "{} {} is not in the spec",
            op.method,
            op.path
        );
        assert_eq!(operation["operationId"], op.id, "{} {}", op.method, op.path);
        assert_eq!(
            operation["x-throttling-group"].as_str(),
            Some(op.group.name()),
            "{} has the wrong group",
            op.id
        );
        assert_eq!(
            operation["x-app-permission"].as_str(),
            op.permission,
            "{} has the wrong permission",
            op.id
        );
        assert_eq!(
            operation["x-user-permission"].as_str(),
            op.user_permission,
            "{} has the wrong user permission",
            op.id
        );
    }
}

struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Client {
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let bytes = response.bytes().await.unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }
}

async fn login(base: &str) -> (reqwest::Client, Value) {
    login_with_scheme(base, "Basic").await
}

/// A JWT login whose client credentials are sent with `scheme` (`Basic`, `basic`, ...).
async fn login_with_scheme(base: &str, scheme: &str) -> (reqwest::Client, Value) {
    let http = rc_gateway::http_client();
    let auth = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        sandbox::DEFAULT_CLIENT_ID,
        sandbox::DEFAULT_CLIENT_SECRET
    ));
    let token: Value = http
        .post(format!("{base}/restapi/oauth/token"))
        .header("authorization", format!("{scheme} {auth}"))
        .form(&[
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            ("assertion", sandbox::DEFAULT_JWT),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (http, token)
}

#[tokio::test]
async fn sandbox_answers_follow_the_spec_schemas() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = sandbox::start(unthrottled(), listener).await.unwrap();
    let (http, token) = login(&running.url()).await;
    assert_conforms("TokenInfo", &token);
    let c = Client {
        http,
        base: running.url(),
        token: token["access_token"].as_str().unwrap().to_owned(),
    };
    let account = "/restapi/v1.0/account/~";

    let (status, list) = c
        .call(
            Method::GET,
            &format!("{account}/extension?perPage=25&page=2"),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_conforms("GetExtensionListResponse", &list);
    let (_, empty) = c
        .call(
            Method::GET,
            &format!("{account}/extension?extensionNumber=99999"),
            None,
        )
        .await;
    assert_conforms("GetExtensionListResponse", &empty);

    let (_, me) = c
        .call(Method::GET, &format!("{account}/extension/~"), None)
        .await;
    assert_conforms("GetExtensionInfoResponse", &me);

    let (status, created) = c
        .call(
            Method::POST,
            &format!("{account}/extension"),
            Some(json!({"contact": {"firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com"}, "type": "User"})),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    assert_conforms("GetExtensionInfoResponse", &created);
    let id = created["id"].as_i64().unwrap();
    let (_, updated) = c
        .call(
            Method::PUT,
            &format!("{account}/extension/{id}"),
            Some(json!({"status": "Disabled"})),
        )
        .await;
    assert_conforms("GetExtensionInfoResponse", &updated);

    let (_, sites) = c.call(Method::GET, &format!("{account}/sites"), None).await;
    assert_conforms("SitesList", &sites);
    let (status, site) = c
        .call(
            Method::POST,
            &format!("{account}/sites"),
            Some(json!({"name": "Lab", "extensionNumber": "2999"})),
        )
        .await;
    assert_eq!(status, 200, "{site}");
    assert_conforms("SiteInfo", &site);
    let (_, read) = c
        .call(
            Method::GET,
            &format!("{account}/sites/{}", site["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_conforms("SiteInfo", &read);

    let (_, queues) = c
        .call(
            Method::GET,
            &format!("{account}/call-queues?perPage=5"),
            None,
        )
        .await;
    assert_conforms("CallQueueList", &queues);
    let queue = queues["records"][0]["id"].as_str().unwrap().to_owned();
    let (_, details) = c
        .call(Method::GET, &format!("{account}/call-queues/{queue}"), None)
        .await;
    assert_conforms("CallQueueDetails", &details);
    let (_, members) = c
        .call(
            Method::GET,
            &format!("{account}/call-queues/{queue}/members"),
            None,
        )
        .await;
    assert_conforms("CallQueueMembers", &members);
    let (_, updated) = c
        .call(
            Method::PUT,
            &format!("{account}/call-queues/{queue}"),
            Some(json!({"alertTimer": 45})),
        )
        .await;
    assert_conforms("CallQueueDetails", &updated);

    let (_, numbers) = c
        .call(
            Method::GET,
            "/restapi/v2/accounts/~/phone-numbers?perPage=50",
            None,
        )
        .await;
    assert_conforms("AccountPhoneNumberList", &numbers);
    let owner = numbers["records"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|n| n["extension"]["id"].as_str())
        .unwrap()
        .to_owned();
    let (_, mine) = c
        .call(
            Method::GET,
            &format!("{account}/extension/{owner}/phone-number"),
            None,
        )
        .await;
    assert_conforms("GetExtensionPhoneNumbersResponse", &mine);

    let since = humantime::format_rfc3339_seconds(
        std::time::SystemTime::now() - std::time::Duration::from_secs(7 * 86_400),
    );
    for view in ["Simple", "Detailed"] {
        let (status, log) = c
            .call(
                Method::GET,
                &format!("{account}/call-log?dateFrom={since}&perPage=200&view={view}"),
                None,
            )
            .await;
        assert_eq!(status, 200);
        assert_conforms("CallLogResponse", &log);
    }
    let (_, log) = c
        .call(
            Method::GET,
            &format!("{account}/extension/{owner}/call-log?dateFrom={since}"),
            None,
        )
        .await;
    assert_conforms("CallLogResponse", &log);
    let (_, recent) = c
        .call(Method::GET, &format!("{account}/call-log?perPage=1"), None)
        .await;
    let record_id = recent["records"][0]["id"].as_str().unwrap().to_owned();
    let (_, record) = c
        .call(
            Method::GET,
            &format!("{account}/call-log/{record_id}?view=Detailed"),
            None,
        )
        .await;
    assert_conforms("CallLogRecord", &record);

    // A subscription needs an endpoint that answers the handshake.
    let hook = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook_url = format!("http://{}/hook", hook.local_addr().unwrap());
    let echo = axum::Router::new().route(
        "/hook",
        axum::routing::post(|headers: http::HeaderMap| async move {
            let token = headers
                .get("validation-token")
                .cloned()
                .unwrap_or(http::HeaderValue::from_static(""));
            (http::StatusCode::OK, [("validation-token", token)])
        }),
    );
    tokio::spawn(async move { axum::serve(hook, echo).await });
    let (status, sub) = c
        .call(
            Method::POST,
            "/restapi/v1.0/subscription",
            Some(json!({"eventFilters": ["/restapi/v1.0/account/~/extension"], "deliveryMode": {"transportType": "WebHook", "address": hook_url}})),
        )
        .await;
    assert_eq!(status, 200, "{sub}");
    assert_conforms("SubscriptionInfo", &sub);
    let (_, subs) = c
        .call(Method::GET, "/restapi/v1.0/subscription", None)
        .await;
    assert_conforms("SubscriptionListResource", &subs);
    let (_, renewed) = c
        .call(
            Method::POST,
            &format!(
                "/restapi/v1.0/subscription/{}/renew",
                sub["id"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_conforms("SubscriptionInfo", &renewed);

    let (status, missing) = c
        .call(Method::GET, &format!("{account}/extension/1"), None)
        .await;
    assert_eq!(status, 404);
    assert_conforms("ApiErrorResponseModel", &missing);
    let (status, invalid) = c
        .call(
            Method::GET,
            &format!("{account}/extension?perPage=5000"),
            None,
        )
        .await;
    assert_eq!(status, 400);
    assert_conforms("ParameterizedErrorResponseModel", &invalid);
    assert_eq!(invalid["errors"][0]["parameterName"], "perPage");
    running.stop().await;
}

#[tokio::test]
async fn sandbox_sends_rate_limit_headers_for_the_operation_group() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = sandbox::start(sandbox::SandboxConfig::default(), listener)
        .await
        .unwrap();
    let (http, token) = login(&running.url()).await;
    let token = token["access_token"].as_str().unwrap();
    for (path, group, limit) in [
        ("/restapi/v1.0/account/~/extension", "Medium", 40),
        ("/restapi/v1.0/account/~/extension/~", "Light", 50),
    ] {
        let response = http
            .get(format!("{}{path}", running.url()))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["x-rate-limit-group"], group);
        assert_eq!(
            response.headers()["x-rate-limit-limit"],
            limit.to_string().as_str()
        );
        assert_eq!(
            response.headers()["x-rate-limit-remaining"],
            (limit - 1).to_string().as_str()
        );
        assert_eq!(response.headers()["x-rate-limit-window"], "60");
    }
    // The token endpoint is in the Auth group (the login above was its first request).
    let auth = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        sandbox::DEFAULT_CLIENT_ID,
        sandbox::DEFAULT_CLIENT_SECRET
    ));
    let again = http
        .post(format!("{}/restapi/oauth/token", running.url()))
        .header("authorization", format!("Basic {auth}"))
        .form(&[
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            ("assertion", sandbox::DEFAULT_JWT),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(again.headers()["x-rate-limit-group"], "Auth");
    assert_eq!(again.headers()["x-rate-limit-limit"], "5");
    assert_eq!(again.headers()["x-rate-limit-remaining"], "3");
    // Heavy: ten call-log reads a minute, then RingCentral's 429 with its penalty.
    let call_log = format!("{}/restapi/v1.0/account/~/call-log", running.url());
    for n in 0..10 {
        let response = http.get(&call_log).bearer_auth(token).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["x-rate-limit-group"], "Heavy");
        assert_eq!(response.headers()["x-rate-limit-limit"], "10");
        assert_eq!(
            response.headers()["x-rate-limit-remaining"],
            (9 - n).to_string().as_str()
        );
    }
    let refused = http.get(&call_log).bearer_auth(token).send().await.unwrap();
    assert_eq!(refused.status(), 429);
    assert_eq!(refused.headers()["retry-after"], "60");
    assert_eq!(refused.headers()["x-rate-limit-group"], "Heavy");
    assert_eq!(refused.headers()["x-rate-limit-remaining"], "0");
    let body: Value = refused.json().await.unwrap();
    assert_conforms("ApiErrorResponseModel", &body);
    assert_eq!(body["errors"][0]["errorCode"], "CMN-301");
    // Other groups are not affected.
    let light = http
        .get(format!(
            "{}/restapi/v1.0/account/~/extension/~",
            running.url()
        ))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(light.status(), 200);
    running.stop().await;
}

#[tokio::test]
async fn sandbox_takes_authorization_schemes_in_any_case_as_the_official_sdks_send_them() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = sandbox::start(unthrottled(), listener).await.unwrap();
    let base = running.url();
    // The Python and JavaScript SDKs send `Authorization: {token_type} {token}`, and
    // the token endpoint's token_type is "bearer".
    let (http, token) = login_with_scheme(&base, "basic").await;
    assert_eq!(token["token_type"], "bearer");
    let access = token["access_token"].as_str().unwrap();
    for scheme in ["bearer", "Bearer", "BEARER"] {
        let answer = http
            .get(format!("{base}/restapi/v1.0/account/~/extension/~"))
            .header("authorization", format!("{scheme} {access}"))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200, "{scheme}");
    }
    let answer = http
        .get(format!("{base}/restapi/v1.0/account/~/extension/~"))
        .header("authorization", format!("Basic {access}"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 401);
}

#[tokio::test]
async fn sandbox_tells_operations_it_does_not_emulate_from_paths_of_no_operation() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = sandbox::start(unthrottled(), listener).await.unwrap();
    let base = running.url();
    let (http, token) = login(&base).await;
    let c = Client {
        http,
        base,
        token: token["access_token"].as_str().unwrap().to_owned(),
    };
    // Operations of the spec: on a path the sandbox does not serve (readUserRole), and
    // on a path it serves with another method (deleteUserCallLog).
    for (method, path, id) in [
        (
            Method::GET,
            "/restapi/v1.0/account/~/user-role/7",
            "readUserRole",
        ),
        (
            Method::DELETE,
            "/restapi/v1.0/account/~/extension/~/call-log",
            "deleteUserCallLog",
        ),
    ] {
        let (status, body) = c.call(method, path, None).await;
        assert_eq!(status, 501, "{path}: {body}");
        assert_eq!(body["errorCode"], "SBX-501");
        assert!(body["message"].as_str().unwrap().contains(id), "{body}");
        assert_conforms("ApiErrorResponseModel", &body);
    }

    for (method, path) in [
        (Method::GET, "/restapi/v1.0/account/~/no-such-resource"),
        (Method::PATCH, "/restapi/v1.0/account/~/extension/101"),
    ] {
        let (status, body) = c.call(method.clone(), path, None).await;
        assert_eq!(status, 404, "{method} {path}: {body}");
        assert_eq!(body["errorCode"], "AGW-404");
    }
}
