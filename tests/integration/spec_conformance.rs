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

/// A multipart body: (name, filename, Content-Type, content) per part.
type PartSpec<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a [u8]);

fn multipart_body(boundary: &str, parts: &[PartSpec<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, filename, content_type, content) in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        if let Some(name) = name {
            let mut disposition = format!("Content-Disposition: form-data; name=\"{name}\"");
            if let Some(filename) = filename {
                disposition.push_str(&format!("; filename=\"{filename}\""));
            }
            out.extend_from_slice(disposition.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        if let Some(content_type) = content_type {
            out.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

/// A few KB of fake MP3: an ID3 header, then every byte value, CR LF runs, `--`
/// sequences and the upload's own boundary without its leading CRLF.
fn fake_mp3(boundary: &str) -> Vec<u8> {
    let mut audio = b"ID3\x04\x00\x00\x00\x00\x00\x00".to_vec();
    for round in 0..16u32 {
        audio.extend((0..=255u8).map(|b| b.wrapping_mul(31).wrapping_add(round as u8)));
        audio.extend_from_slice(b"\r\n--\r\n\r\n--");
        audio.extend_from_slice(boundary.as_bytes());
        audio.extend_from_slice(b"-not-the-end\r\n");
    }
    audio
}

impl Client {
    async fn send(
        &self,
        method: Method,
        url: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> (u16, Value) {
        let url = if url.starts_with("http") {
            url.to_owned()
        } else {
            format!("{}{url}", self.base)
        };
        let response = self
            .http
            .request(method, url)
            .bearer_auth(&self.token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let bytes = response.bytes().await.unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// A download: status, Content-Type and the bytes.
    async fn download(&self, url: &str) -> (u16, String, Vec<u8>) {
        let response = self
            .http
            .get(url)
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (
            status,
            content_type,
            response.bytes().await.unwrap().to_vec(),
        )
    }
}

/// A request written by hand on a fresh connection (Content-Length claims and
/// chunked bodies reqwest does not send): the status and the JSON answer.
async fn raw_request(addr: std::net::SocketAddr, head: &str, chunks: usize) -> (u16, Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..chunks {
        stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .unwrap();
        stream.write_all(&chunk).await.unwrap();
        stream.write_all(b"\r\n").await.unwrap();
    }
    if chunks > 0 {
        stream.write_all(b"0\r\n\r\n").await.unwrap();
    }
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let text = String::from_utf8_lossy(&answer);
    let status = text[9..12].parse().unwrap();
    let (_, body) = text.split_once("\r\n\r\n").unwrap();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn sandbox_takes_ivr_prompts_and_faxes_as_multipart_uploads_like_the_spec() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = sandbox::start(unthrottled(), listener).await.unwrap();
    let (http, token) = login(&running.url()).await;
    let c = Client {
        http,
        base: running.url(),
        token: token["access_token"].as_str().unwrap().to_owned(),
    };
    let prompts = "/restapi/v1.0/account/~/ivr-prompts";
    let boundary = "----sandbox-test-7MA4YWxkTrZu0gW";
    let form = format!("multipart/form-data; boundary={boundary}");
    let audio = fake_mp3(boundary);
    assert!(audio.len() > 4096);

    // Upload, read, list, download, rename, delete.
    let body = multipart_body(
        boundary,
        &[
            (Some("name"), None, None, b"Welcome greeting"),
            (
                Some("attachment"),
                Some("welcome.mp3"),
                Some("audio/mpeg"),
                &audio,
            ),
        ],
    );
    let (status, prompt) = c.send(Method::POST, prompts, &form, body).await;
    assert_eq!(status, 200, "{prompt}");
    assert_conforms("PromptInfo", &prompt);
    assert_eq!(prompt["filename"], "Welcome greeting");
    assert_eq!(prompt["contentType"], "audio/mpeg");
    let id = prompt["id"].as_str().unwrap().to_owned();
    let content_uri = prompt["contentUri"].as_str().unwrap().to_owned();
    assert_eq!(
        content_uri,
        format!(
            "{}/restapi/v1.0/account/{}/ivr-prompts/{id}/content",
            running.url(),
            running.state.account_id
        )
    );
    let (status, read) = c.call(Method::GET, &format!("{prompts}/{id}"), None).await;
    assert_eq!(status, 200);
    assert_conforms("PromptInfo", &read);
    assert_eq!(read, prompt);
    let (status, list) = c.call(Method::GET, prompts, None).await;
    assert_eq!(status, 200);
    assert_conforms("IvrPrompts", &list);
    assert!(
        list["records"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == id.as_str())
    );
    let (status, content_type, bytes) = c.download(&content_uri).await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "audio/mpeg");
    assert!(
        bytes == audio,
        "the prompt's audio comes back byte for byte"
    );
    let (status, renamed) = c
        .call(
            Method::PUT,
            &format!("{prompts}/{id}"),
            Some(json!({"filename": "Main menu"})),
        )
        .await;
    assert_eq!(status, 200, "{renamed}");
    assert_conforms("PromptInfo", &renamed);
    assert_eq!(renamed["filename"], "Main menu");

    // Without a name, a WAV part without a Content-Type: its file name says both.
    let wav = [
        b"RIFF\x24\x00\x00\x00WAVEfmt \r\n".as_slice(),
        &audio[..512],
    ]
    .concat();
    let (status, second) = c
        .send(
            Method::POST,
            prompts,
            &form,
            multipart_body(
                boundary,
                &[(Some("attachment"), Some("menu.wav"), None, &wav)],
            ),
        )
        .await;
    assert_eq!(status, 200, "{second}");
    assert_eq!(second["filename"], "menu.wav");
    assert_eq!(second["contentType"], "audio/wav");
    let (_, content_type, bytes) = c.download(second["contentUri"].as_str().unwrap()).await;
    assert_eq!((content_type.as_str(), bytes == wav), ("audio/wav", true));

    let (status, _) = c
        .call(Method::DELETE, &format!("{prompts}/{id}"), None)
        .await;
    assert_eq!(status, 204);
    for path in [format!("{prompts}/{id}"), format!("{prompts}/{id}/content")] {
        let (status, gone) = c.call(Method::GET, &path, None).await;
        assert_eq!(status, 404, "{path}: {gone}");
        assert_conforms("ApiErrorResponseModel", &gone);
        assert_eq!(gone["errors"][0]["errorCode"], "CMN-102");
        assert_eq!(gone["errors"][0]["parameterName"], "promptId");
    }

    // Bad uploads, answered in RingCentral's error format.
    let attachment_only = |b: &str| {
        multipart_body(
            b,
            &[(
                Some("attachment"),
                Some("a.mp3"),
                Some("audio/mpeg"),
                &audio,
            )],
        )
    };
    for (content_type, body, status, code) in [
        ("application/json", b"{}".to_vec(), 415, "AGW-415"),
        ("audio/mpeg", audio.clone(), 415, "AGW-415"),
        (
            "multipart/mixed; boundary=x",
            attachment_only("x"),
            415,
            "AGW-415",
        ),
        ("multipart/form-data", attachment_only("x"), 400, "CMN-104"),
        (
            "multipart/form-data; boundary=other",
            attachment_only("x"),
            400,
            "CMN-104",
        ),
        (
            form.as_str(),
            multipart_body(boundary, &[(Some("name"), None, None, b"no file")]),
            400,
            "CMN-100",
        ),
        (
            form.as_str(),
            multipart_body(
                boundary,
                &[(Some("attachment"), Some("a.mp3"), Some("audio/mpeg"), b"")],
            ),
            400,
            "CMN-101",
        ),
        (
            form.as_str(),
            multipart_body(
                boundary,
                &[(
                    Some("attachment"),
                    Some("a.pdf"),
                    Some("application/pdf"),
                    b"%PDF",
                )],
            ),
            400,
            "CMN-101",
        ),
    ] {
        let (got, error) = c.send(Method::POST, prompts, content_type, body).await;
        assert_eq!(got, status, "{content_type}: {error}");
        assert_conforms("ApiErrorResponseModel", &error);
        assert_eq!(
            error["errors"][0]["errorCode"], code,
            "{content_type}: {error}"
        );
    }
    assert_eq!(
        c.send(
            Method::POST,
            prompts,
            &form,
            multipart_body(boundary, &[(Some("name"), None, None, b"x")]),
        )
        .await
        .1["errors"][0]["parameterName"],
        "attachment"
    );

    // Over createIVRPrompt's 20 MB: a Content-Length claim is refused before any byte
    // of the body, a chunked body once it passes the limit.
    let limit = ops::CREATE_IVR_PROMPT.max_body.unwrap();
    assert_eq!(limit, 20 << 20);
    let head = |framing: &str| {
        format!(
            "POST {prompts} HTTP/1.1\r\nHost: sandbox\r\nAuthorization: Bearer {}\r\nContent-Type: {form}\r\n{framing}\r\nConnection: close\r\n\r\n",
            c.token
        )
    };
    for (framing, chunks) in [
        (format!("Content-Length: {}", limit + 1), 0),
        ("Transfer-Encoding: chunked".to_owned(), 21),
    ] {
        let (status, error) = raw_request(running.addr, &head(&framing), chunks).await;
        assert_eq!(status, 413, "{framing}: {error}");
        assert_conforms("ApiErrorResponseModel", &error);
        assert_eq!(error["errors"][0]["errorCode"], "AGW-413");
    }

    // A fax with two documents, as multipart/form-data with fields as parts.
    let fax = "/restapi/v1.0/account/~/extension/~/fax";
    let pdf = [
        b"%PDF-1.4\r\n%\xe2\xe3\xcf\xd3\r\n1 0 obj\r\n<< /Type /Catalog >>\r\nstream\r\n"
            .as_slice(),
        &audio[..1024],
        b"\r\n--\r\nendstream\r\n%%EOF\r\n",
    ]
    .concat();
    let text = b"Dear reader,\r\n\r\n-- the sandbox\r\n".to_vec();
    let body = multipart_body(
        boundary,
        &[
            (Some("to"), Some(""), Some("text/plain"), b"+16505550100"),
            (
                Some("to"),
                None,
                None,
                br#"{"phoneNumber": "+16505550101", "name": "Reception"}"#,
            ),
            (Some("faxResolution"), None, None, b"High"),
            (Some("coverIndex"), None, None, b"0"),
            (Some("coverPageText"), None, None, b"Two documents"),
            (
                Some("attachment"),
                Some("report.pdf"),
                Some("application/pdf"),
                &pdf,
            ),
            (
                Some("attachment"),
                Some("note.txt"),
                Some("text/plain"),
                &text,
            ),
        ],
    );
    let (status, sent) = c.send(Method::POST, fax, &form, body).await;
    assert_eq!(status, 200, "{sent}");
    assert_conforms("FaxResponse", &sent);
    assert_eq!(sent["type"], "Fax");
    assert_eq!(sent["faxResolution"], "High");
    assert_eq!(sent["coverIndex"], 0);
    assert_eq!(sent["coverPageText"], "Two documents");
    let to: Vec<&str> = sent["to"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["phoneNumber"].as_str().unwrap())
        .collect();
    assert_eq!(to, ["+16505550100", "+16505550101"]);
    assert_eq!(sent["to"][1]["name"], "Reception");
    let attachments = sent["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 2);
    for (attachment, (content_type, content)) in attachments
        .iter()
        .zip([("application/pdf", &pdf), ("text/plain", &text)])
    {
        let uri = attachment["uri"].as_str().unwrap();
        assert_eq!(
            uri,
            format!(
                "{}/content/{}",
                sent["uri"].as_str().unwrap(),
                attachment["id"]
            )
        );
        assert_eq!(attachment["contentType"], content_type);
        assert_eq!(attachment["size"], content.len());
        let (status, got_type, bytes) = c.download(uri).await;
        assert_eq!((status, got_type.as_str()), (200, content_type));
        assert!(&bytes == content, "{content_type} comes back byte for byte");
    }
    let (status, message) = c
        .call(
            Method::GET,
            sent["uri"]
                .as_str()
                .unwrap()
                .strip_prefix(&running.url())
                .unwrap(),
            None,
        )
        .await;
    assert_eq!(status, 200, "{message}");
    // GetSingleMessageInfoResponse adds a required `vmSideRecipients`, which by its
    // own description is for voicemails; a fax record is the GetMessageInfoResponse.
    assert_conforms("GetMessageInfoResponse", &message);
    assert_eq!(message["id"], sent["id"]);
    assert_eq!(message["attachments"][1]["fileName"], "note.txt");

    // multipart/mixed, as RingCentral's fax guide describes it: a JSON root part.
    let mixed = format!("multipart/mixed; boundary={boundary}");
    let body = multipart_body(
        boundary,
        &[
            (
                None,
                None,
                Some("application/json"),
                br#"{"to":[{"phoneNumber":"+16505550102"}],"faxResolution":"Low"}"#,
            ),
            (None, None, Some("text/plain"), b"Hello, fax"),
        ],
    );
    let (status, sent_mixed) = c.send(Method::POST, fax, &mixed, body).await;
    assert_eq!(status, 200, "{sent_mixed}");
    assert_conforms("FaxResponse", &sent_mixed);
    let (_, _, bytes) = c
        .download(sent_mixed["attachments"][0]["uri"].as_str().unwrap())
        .await;
    assert_eq!(bytes, b"Hello, fax");

    for (content_type, body, status, code, parameter) in [
        (
            form.as_str(),
            multipart_body(boundary, &[(Some("attachment"), Some("a.txt"), None, b"x")]),
            400,
            "CMN-100",
            Some("to"),
        ),
        (
            form.as_str(),
            multipart_body(boundary, &[(Some("to"), None, None, b"+16505550100")]),
            400,
            "CMN-100",
            Some("attachment"),
        ),
        (
            form.as_str(),
            multipart_body(
                boundary,
                &[
                    (Some("to"), None, None, b"+16505550100"),
                    (Some("faxResolution"), None, None, b"Ultra"),
                    (Some("attachment"), Some("a.txt"), None, b"x"),
                ],
            ),
            400,
            "CMN-101",
            Some("faxResolution"),
        ),
        ("text/plain", b"fax me".to_vec(), 415, "AGW-415", None),
        (form.as_str(), b"--nope\r\n".to_vec(), 400, "CMN-104", None),
    ] {
        let (got, error) = c.send(Method::POST, fax, content_type, body).await;
        assert_eq!(got, status, "{content_type}: {error}");
        assert_conforms("ApiErrorResponseModel", &error);
        assert_eq!(error["errors"][0]["errorCode"], code, "{error}");
        if let Some(parameter) = parameter {
            assert_eq!(error["errors"][0]["parameterName"], parameter, "{error}");
        }
    }
    let (status, missing) = c
        .call(
            Method::GET,
            "/restapi/v1.0/account/~/extension/~/message-store/1/content/2",
            None,
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(missing["errors"][0]["parameterName"], "messageId");
    running.stop().await;
}

/// Validates `instance` against `schema`, a schema of the spec that is not under
/// `#/components/schemas` (a response's or a header's), resolving its `$ref`s.
fn assert_conforms_to(what: &str, schema: &Value, instance: &Value) {
    let mut root = schema.clone();
    root.as_object_mut()
        .expect("a schema is an object")
        .insert("components".to_owned(), SPEC["components"].clone());
    let validator = jsonschema::draft7::new(&root).expect("the spec's schemas compile");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not accept the answer: {errors:#?}\n{instance:#}"
    );
}

#[tokio::test]
async fn sandbox_authorization_code_flow_answers_follow_the_spec() {
    use sha2::Digest;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = sandbox::start(unthrottled(), listener).await.unwrap();
    let base = running.url();
    // The redirect is the answer under test: it is not followed.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let path = &SPEC["paths"]["/restapi/oauth/authorize"];
    let oauth_invalid_request = &SPEC["components"]["responses"]["OauthInvalidRequest"]["content"]
        ["application/json"]["schema"];
    for operation in [
        &path["get"],
        &path["post"],
        &SPEC["paths"]["/restapi/oauth/token"]["post"],
    ] {
        assert_eq!(
            operation["responses"]["400"]["$ref"], "#/components/responses/OauthInvalidRequest",
            "{}",
            operation["operationId"]
        );
    }
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    let redirect_uri = "https://app.example.com/oauth/callback";
    let params = [
        ("response_type", "code"),
        ("client_id", sandbox::DEFAULT_CLIENT_ID),
        ("redirect_uri", redirect_uri),
        ("state", "csrf-1"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let as_object = |pairs: &[(&str, &str)]| -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), Value::from(*v)))
                .collect(),
        )
    };
    assert_conforms("AuthorizeRequest", &as_object(&params));

    // authorize (query) and authorize2 (form): the spec's 302 with a Location URI.
    let by_get = http
        .get(format!("{base}/restapi/oauth/authorize"))
        .query(&params)
        .send()
        .await
        .unwrap();
    let by_post = http
        .post(format!("{base}/restapi/oauth/authorize"))
        .form(&params)
        .send()
        .await
        .unwrap();
    let mut codes = Vec::new();
    for (method, response) in [("get", by_get), ("post", by_post)] {
        assert_eq!(response.status().as_u16(), 302, "{method}");
        let documented = &path[method]["responses"]["302"];
        assert!(
            documented.is_object(),
            "the spec documents the 302 of {method}"
        );
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert_conforms_to(
            "the Location header",
            &documented["headers"]["Location"]["schema"],
            &json!(location),
        );
        let location = reqwest::Url::parse(&location).unwrap();
        assert_eq!(location.scheme(), "https");
        assert_eq!(location.host_str(), Some("app.example.com"));
        assert_eq!(location.path(), "/oauth/callback");
        let query = |key: &str| {
            location
                .query_pairs()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.into_owned())
        };
        assert_eq!(query("state").as_deref(), Some("csrf-1"));
        codes.push(query("code").expect("the redirect carries the code"));
    }

    // getToken with AuthCodeTokenRequest: a TokenInfo like the JWT grant's.
    let auth = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        sandbox::DEFAULT_CLIENT_ID,
        sandbox::DEFAULT_CLIENT_SECRET
    ));
    let exchange = |code: String| {
        let http = http.clone();
        let url = format!("{base}/restapi/oauth/token");
        let auth = auth.clone();
        async move {
            let form = [
                ("grant_type", "authorization_code"),
                ("code", code.as_str()),
                ("redirect_uri", redirect_uri),
                ("code_verifier", verifier),
            ];
            assert_conforms("AuthCodeTokenRequest", &as_object(&form));
            let response = http
                .post(url)
                .header("authorization", format!("Basic {auth}"))
                .form(&form)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.unwrap())
        }
    };
    for code in &codes {
        let (status, token) = exchange(code.clone()).await;
        assert_eq!(status, 200, "{token}");
        assert_conforms("TokenInfo", &token);
        assert_eq!(token["token_type"], "bearer");
        assert_eq!(token["owner_id"], running.state.data().admin_id.to_string());
    }

    // The errors of both endpoints are OauthInvalidRequest.
    let (status, replayed) = exchange(codes[0].clone()).await;
    assert_eq!(status, 400, "{replayed}");
    assert_conforms_to("OauthInvalidRequest", oauth_invalid_request, &replayed);
    assert_eq!(replayed["error"], "invalid_grant");
    let mut implicit = params.to_vec();
    implicit[0] = ("response_type", "token");
    let refused = http
        .get(format!("{base}/restapi/oauth/authorize"))
        .query(&implicit)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 400);
    let refused: Value = refused.json().await.unwrap();
    assert_conforms_to("OauthInvalidRequest", oauth_invalid_request, &refused);
    assert_eq!(refused["error"], "unsupported_response_type");
    assert_eq!(refused["errors"][0]["parameterName"], "response_type");
    running.stop().await;
}
