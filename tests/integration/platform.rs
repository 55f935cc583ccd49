//! The RingCentral-compatible endpoint: RingCentral's own paths, forwarded through the
//! gateway's upstream stack, over real HTTP against the sandbox.

use http::{Method, StatusCode};
use rc_gateway::auth::keys;
use serde_json::{Value, json};

use crate::harness::{Reply, TestGateway, reply, unthrottled};
use crate::spec_conformance::assert_conforms;

async fn call(
    gw: &TestGateway,
    method: Method,
    path: &str,
    key: Option<&str>,
    body: Option<Value>,
) -> Reply {
    let mut request = gw.http.request(method, gw.url(path));
    if let Some(key) = key {
        request = request.header("authorization", format!("bearer {key}"));
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    reply(request.send().await.unwrap()).await
}

#[tokio::test]
async fn operations_are_forwarded_and_answered_as_ringcentral_answers_them() {
    let gw = TestGateway::start().await;
    let base = gw.url("");
    let sandbox = gw.sandbox.url();

    // A page, with its navigation pointing at the gateway, and the next page by it.
    let page = call(
        &gw,
        Method::GET,
        "/restapi/v1.0/account/~/extension?perPage=2",
        None,
        None,
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{:?}", page.json);
    assert_conforms("GetExtensionListResponse", &page.json);
    assert_eq!(page.json["records"].as_array().unwrap().len(), 2);
    let text = page.json.to_string();
    assert!(
        !text.contains(&sandbox),
        "RingCentral's URIs are rewritten: {text}"
    );
    let next = page.json["navigation"]["nextPage"]["uri"].as_str().unwrap();
    assert!(
        next.starts_with(&format!("{base}/restapi/v1.0/account/")),
        "{next}"
    );
    let second = reply(gw.http.get(next).send().await.unwrap()).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(second.json["paging"]["page"], 2);

    // A read, a write through the same endpoint, and the read again: the write made
    // the cached answer stale.
    let me = call(
        &gw,
        Method::GET,
        "/restapi/v1.0/account/~/extension/~",
        None,
        None,
    )
    .await;
    assert_eq!(me.status, StatusCode::OK);
    assert_conforms("GetExtensionInfoResponse", &me.json);
    assert!(me.json["uri"].as_str().unwrap().starts_with(&base));
    let id = me.json["id"].as_i64().unwrap();
    let path = format!("/restapi/v1.0/account/~/extension/{id}");
    let updated = call(
        &gw,
        Method::PUT,
        &path,
        None,
        Some(json!({"contact": {"jobTitle": "Dispatcher"}})),
    )
    .await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.json);
    let again = call(&gw, Method::GET, &path, None, None).await;
    assert_eq!(again.json["contact"]["jobTitle"], "Dispatcher");
    // The write is in the audit trail (reads are not).
    let records = gw.audit_records();
    let record = records
        .iter()
        .find(|r| r["method"] == "rc:updateExtension")
        .unwrap_or_else(|| panic!("no audit record: {records:?}"));
    assert_eq!(record["result"], "OK");
    assert_eq!(record["targets"]["extensionId"], id.to_string());
    assert!(records.iter().all(|r| r["method"] != "rc:readExtension"));

    // Reads are cached like typed ones, and `cache-control: no-cache` asks RingCentral.
    let reads = gw.upstream_calls("readExtension").await;
    for _ in 0..3 {
        let r = gw
            .http
            .get(gw.url(&path))
            .header("cache-control", "no-cache")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    assert_eq!(gw.upstream_calls("readExtension").await, reads + 3);
    for _ in 0..3 {
        call(&gw, Method::GET, &path, None, None).await;
    }
    assert!(gw.upstream_calls("readExtension").await <= reads + 4);

    // RingCentral's errors come through as RingCentral sent them.
    let missing = call(
        &gw,
        Method::GET,
        "/restapi/v1.0/account/~/extension/999999",
        None,
        None,
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_conforms("ApiErrorResponseModel", &missing.json);
    // An operation of the spec the sandbox does not emulate: the sandbox's own answer.
    let role = call(
        &gw,
        Method::GET,
        "/restapi/v1.0/account/~/user-role/7",
        None,
        None,
    )
    .await;
    assert_eq!(role.status, StatusCode::NOT_IMPLEMENTED);
    assert_eq!(role.json["errorCode"], "SBX-501");

    // A path that is no operation of the spec never reaches RingCentral.
    let before = gw.upstream_requests().await.len();
    for (method, path) in [
        (Method::GET, "/restapi/v1.0/account/~/no-such-resource"),
        (Method::PATCH, "/restapi/v1.0/account/~/extension/101"),
        (Method::GET, "/restapi/v1.0/account//extension"),
        (Method::GET, "/team-messaging/v1/nothing/here/at/all"),
    ] {
        let r = call(&gw, method.clone(), path, None, None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}");
        assert_eq!(r.json["errorCode"], "AGW-404");
        assert_conforms("ApiErrorResponseModel", &r.json);
    }
    // Path parameters the gateway refuses: not UTF-8 once decoded.
    let dots = call(
        &gw,
        Method::GET,
        "/restapi/v1.0/account/~/extension/%FF",
        None,
        None,
    )
    .await;
    assert_eq!(dots.status, StatusCode::BAD_REQUEST, "{:?}", dots.json);
    assert_eq!(dots.json["errorCode"], "RCGW-INVALID_ARGUMENT");
    assert_eq!(gw.upstream_requests().await.len(), before);

    // Metrics by operation.
    let scrape = gw.scrape().await;
    let served = scrape.sum("http_requests_total", &[("route", "rc:readExtension")]);
    assert!(served >= 3.0, "{served}");
}

/// A gateway with one API key, `reader`, that may read extensions; and the key.
async fn with_reader() -> (TestGateway, String) {
    let reader = keys::generate();
    let table = format!(
        "id=reader hash={} scopes=extensions:read",
        keys::hash(&reader)
    );
    let gw = TestGateway::start_with(unthrottled(), &[("AUTH_API_KEYS", &table)]).await;
    (gw, reader)
}

#[tokio::test]
async fn each_operation_needs_the_scope_of_its_family() {
    let (gw, reader) = with_reader().await;
    let me = "/restapi/v1.0/account/~/extension/~";

    let read = call(&gw, Method::GET, me, Some(&reader), None).await;
    assert_eq!(read.status, StatusCode::OK, "{:?}", read.json);

    let before = gw.upstream_requests().await.len();
    let none = call(&gw, Method::GET, me, None, None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.json["errorCode"], "RCGW-UNAUTHENTICATED");
    assert_conforms("ApiErrorResponseModel", &none.json);
    let wrong = call(&gw, Method::GET, me, Some("rcgw_not-a-key"), None).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let write = call(
        &gw,
        Method::PUT,
        me,
        Some(&reader),
        Some(json!({"contact": {"jobTitle": "x"}})),
    )
    .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN, "{:?}", write.json);
    assert_eq!(write.json["errorCode"], "RCGW-PERMISSION_DENIED");
    assert!(
        write.json["message"]
            .as_str()
            .unwrap()
            .contains("extensions:write")
    );
    let sites = call(
        &gw,
        Method::GET,
        "/restapi/v1.0/account/~/sites",
        Some(&reader),
        None,
    )
    .await;
    assert_eq!(sites.status, StatusCode::FORBIDDEN);
    assert!(
        sites.json["message"]
            .as_str()
            .unwrap()
            .contains("sites:read")
    );
    // Refused calls never reach RingCentral, and refused writes are audited.
    assert_eq!(gw.upstream_requests().await.len(), before);
    let records = gw.audit_records();
    let refused = records
        .iter()
        .find(|r| r["method"] == "rc:updateExtension")
        .unwrap_or_else(|| panic!("no audit record: {records:?}"));
    assert_eq!(refused["result"], "PERMISSION_DENIED");
    assert_eq!(refused["caller"], "key:reader");
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused_before_ringcentral() {
    let gw = TestGateway::start_with(unthrottled(), &[("HTTP_MAX_BODY_BYTES", "1024")]).await;
    let me = call(
        &gw,
        Method::GET,
        "/restapi/v1.0/account/~/extension/~",
        None,
        None,
    )
    .await;
    assert_eq!(me.status, StatusCode::OK);
    let before = gw.upstream_requests().await.len();
    let big = json!({"contact": {"jobTitle": "x".repeat(2000)}});
    let r = call(
        &gw,
        Method::PUT,
        "/restapi/v1.0/account/~/extension/~",
        None,
        Some(big),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{:?}", r.json);
    assert_eq!(r.json["errorCode"], "RCGW-PAYLOAD_TOO_LARGE");
    assert_eq!(gw.upstream_requests().await.len(), before);
}

async fn token_request(
    gw: &TestGateway,
    basic: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> Reply {
    let mut request = gw.http.post(gw.url("/restapi/oauth/token")).form(form);
    if let Some((id, secret)) = basic {
        request = request.basic_auth(id, Some(secret));
    }
    reply(request.send().await.unwrap()).await
}

const JWT_GRANT: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

#[tokio::test]
async fn callers_log_in_refresh_and_revoke_with_the_gateways_credentials() {
    let (gw, reader) = with_reader().await;
    let me = "/restapi/v1.0/account/~/extension/~";
    let logins_before = gw.upstream_calls("getToken").await;

    // The JWT grant with the API key as client credentials, as an SDK sends it.
    let login = token_request(
        &gw,
        Some(("reader", &reader)),
        &[("grant_type", JWT_GRANT), ("assertion", "unused")],
    )
    .await;
    assert_eq!(login.status, StatusCode::OK, "{:?}", login.json);
    assert_conforms("TokenInfo", &login.json);
    assert_eq!(login.json["token_type"], "bearer");
    assert_eq!(login.json["owner_id"], "key:reader");
    let access = login.json["access_token"].as_str().unwrap().to_owned();
    let refresh = login.json["refresh_token"].as_str().unwrap().to_owned();
    assert!(access.starts_with("rcgwt_"));

    let read = call(&gw, Method::GET, me, Some(&access), None).await;
    assert_eq!(read.status, StatusCode::OK, "{:?}", read.json);
    let write = call(
        &gw,
        Method::PUT,
        me,
        Some(&access),
        Some(json!({"contact": {}})),
    )
    .await;
    assert_eq!(write.status, StatusCode::FORBIDDEN);
    // The caller's login never reached RingCentral.
    assert!(gw.upstream_calls("getToken").await <= logins_before + 1);

    // Wrong credentials, grants the gateway does not take.
    let wrong = token_request(
        &gw,
        Some(("reader", "rcgw_wrong")),
        &[("grant_type", JWT_GRANT), ("assertion", "x")],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json["error"], "invalid_client");
    let other_id = token_request(
        &gw,
        Some(("admin", &reader)),
        &[("grant_type", "client_credentials")],
    )
    .await;
    assert_eq!(other_id.status, StatusCode::UNAUTHORIZED);
    let password = token_request(
        &gw,
        Some(("reader", &reader)),
        &[("grant_type", "password")],
    )
    .await;
    assert_eq!(password.status, StatusCode::BAD_REQUEST);
    assert_eq!(password.json["error"], "unsupported_grant_type");
    let authorize = call(&gw, Method::GET, "/restapi/oauth/authorize", None, None).await;
    assert_eq!(authorize.status, StatusCode::NOT_IMPLEMENTED);
    assert_eq!(authorize.json["errorCode"], "RCGW-UNIMPLEMENTED");

    // A refresh by another client is refused and leaves the pair as it was.
    let foreign = token_request(
        &gw,
        Some(("billing", "rcgw_other")),
        &[("grant_type", "refresh_token"), ("refresh_token", &refresh)],
    )
    .await;
    assert_eq!(
        foreign.status,
        StatusCode::BAD_REQUEST,
        "{:?}",
        foreign.json
    );
    assert_eq!(foreign.json["error"], "invalid_grant");
    let still = call(&gw, Method::GET, me, Some(&access), None).await;
    assert_eq!(still.status, StatusCode::OK);

    // A refresh replaces the pair; the old tokens are done.
    let refreshed = token_request(
        &gw,
        Some(("reader", &reader)),
        &[("grant_type", "refresh_token"), ("refresh_token", &refresh)],
    )
    .await;
    assert_eq!(refreshed.status, StatusCode::OK, "{:?}", refreshed.json);
    let access2 = refreshed.json["access_token"].as_str().unwrap().to_owned();
    assert_eq!(
        call(&gw, Method::GET, me, Some(&access), None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let again = token_request(
        &gw,
        Some(("reader", &reader)),
        &[("grant_type", "refresh_token"), ("refresh_token", &refresh)],
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json["error"], "invalid_grant");
    assert_eq!(
        call(&gw, Method::GET, me, Some(&access2), None)
            .await
            .status,
        StatusCode::OK
    );

    // Revoked: 401 in RingCentral's format, and the pair's refresh token is gone too.
    let revoke = gw
        .http
        .post(gw.url("/restapi/oauth/revoke"))
        .basic_auth("reader", Some(&reader))
        .form(&[("token", access2.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoke.status(), StatusCode::OK);
    let revoked = call(&gw, Method::GET, me, Some(&access2), None).await;
    assert_eq!(revoked.status, StatusCode::UNAUTHORIZED);
    assert_eq!(revoked.json["errorCode"], "RCGW-UNAUTHENTICATED");
    assert_conforms("ApiErrorResponseModel", &revoked.json);
    let refresh2 = refreshed.json["refresh_token"].as_str().unwrap();
    let after = token_request(
        &gw,
        Some(("reader", &reader)),
        &[("grant_type", "refresh_token"), ("refresh_token", refresh2)],
    )
    .await;
    assert_eq!(after.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn every_operation_of_the_spec_is_routed_never_answered_500() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[
            ("RATE_LIMIT_LIGHT", "100000"),
            ("RATE_LIMIT_MEDIUM", "100000"),
            ("RATE_LIMIT_HEAVY", "100000"),
            ("RATE_LIMIT_AUTH", "1000"),
            ("RATE_LIMIT_WINDOW", "1s"),
        ],
    )
    .await;
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for op in rc_spec::ops::SPEC {
        let path: String = op
            .path
            .split('/')
            .map(|s| match s {
                "{accountId}" | "{extensionId}" => "~",
                s if s.starts_with('{') => "1",
                s => s,
            })
            .collect::<Vec<_>>()
            .join("/");
        // Each operation routed to itself (not to a neighbour of its shape).
        let routed = rc_spec::ops::route(&op.method, &path).map(|r| r.op.id);
        assert_eq!(routed, Some(op.id), "{} {path}", op.method);
        let mut request = gw.http.request(op.method.clone(), gw.url(&path));
        if op.request_media.contains(&"application/json") {
            request = request.json(&json!({}));
        }
        let r = reply(request.send().await.unwrap()).await;
        assert_ne!(
            r.status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{} {path}: {:?}",
            op.id,
            r.json
        );
        // Forwarded to the sandbox (its answer, 501 for what it does not emulate), or the
        // gateway's own OAuth: never the gateway's "no such operation".
        assert_ne!(
            r.json["errorCode"], "AGW-404",
            "{} {path} was not routed",
            op.id
        );
        // ... nor an error of the typed HTTP/JSON API (code, status name, request id).
        let typed = r.json["code"].is_i64() && r.json["requestId"].is_string();
        assert!(
            !typed,
            "{} {path} reached the typed API: {:?}",
            op.id, r.json
        );
        assert_ne!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", op.id);
        *statuses.entry(r.status.as_u16()).or_default() += 1;
    }
    assert_eq!(statuses.values().sum::<usize>(), 520, "{statuses:?}");
}

/// A multipart/form-data body with a name field and one audio file.
fn prompt_upload(boundary: &str, audio: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nGreeting\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"greeting.mp3\"\r\n\
         Content-Type: audio/mpeg\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(audio);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    body
}

/// Fake audio: every byte value, CR LF runs and `--`, `len` bytes.
fn audio(len: usize) -> Vec<u8> {
    let pattern: Vec<u8> = (0..=255u8).chain(*b"\r\n--\r\n").collect();
    pattern.iter().copied().cycle().take(len).collect()
}

/// POSTs `body` over HTTP/1.1 with chunked transfer encoding (no Content-Length), in
/// 64 KB chunks, on a raw socket; the status and body of the answer.
async fn post_chunked(
    addr: std::net::SocketAddr,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {content_type}\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    for chunk in body.chunks(64 * 1024) {
        let sent = async {
            socket
                .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                .await?;
            socket.write_all(chunk).await?;
            socket.write_all(b"\r\n").await
        };
        // The gateway may answer (413) and close before the body's end.
        if sent.await.is_err() {
            break;
        }
    }
    let _ = socket.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = socket.read_to_end(&mut answer).await;
    let text = String::from_utf8_lossy(&answer);
    let status = text[9..12].parse().unwrap();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    let json = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        // One chunk is enough for these small JSON answers.
        let (_, chunk) = rest.split_once("\r\n").unwrap();
        serde_json::from_str(chunk.rsplit_once("\r\n0\r\n").map_or(chunk, |c| c.0)).unwrap()
    } else {
        serde_json::from_str(rest).unwrap_or(Value::Null)
    };
    (status, json)
}

#[tokio::test]
async fn multipart_uploads_and_binary_answers_are_streamed_through() {
    // The gateway holds bodies of 1 MB at most (HTTP_MAX_BODY_BYTES); streamed uploads
    // are bounded by the operation's own limit, RingCentral's 20 MB for prompts.
    let limit = rc_spec::ops::CREATE_IVR_PROMPT.max_body.unwrap() as usize;
    let gw = TestGateway::start().await;
    let prompts = "/restapi/v1.0/account/~/ivr-prompts";
    let boundary = "rcgw-test-boundary";
    let form = format!("multipart/form-data; boundary={boundary}");
    let sound = audio(3 * 1024 * 1024);

    // With a Content-Length: forwarded as it arrives, RingCentral's answer back with
    // its URIs pointing at the gateway.
    let created = reply(
        gw.http
            .post(gw.url(prompts))
            .header("content-type", &form)
            .body(prompt_upload(boundary, &sound))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.json);
    assert_conforms("PromptInfo", &created.json);
    let content = created.json["contentUri"].as_str().unwrap().to_owned();
    assert!(content.starts_with(&gw.url("/restapi/")), "{content}");
    let uploads = gw.upstream_requests().await;
    let upload = uploads
        .iter()
        .find(|r| r["operation"] == "createIVRPrompt")
        .unwrap();
    assert_eq!(upload["headers"]["content-type"], form.as_str(), "{upload}");
    assert_eq!(
        upload["headers"]["content-length"],
        prompt_upload(boundary, &sound).len().to_string()
    );

    // The audio back, byte for byte, as RingCentral sends it; never cached.
    for _ in 0..2 {
        let download = gw.http.get(&content).send().await.unwrap();
        assert_eq!(download.status(), StatusCode::OK);
        assert_eq!(download.headers()["content-type"], "audio/mpeg");
        assert_eq!(download.bytes().await.unwrap().as_ref(), &sound[..]);
    }
    assert_eq!(gw.upstream_calls("readIVRPromptContent").await, 2);

    // Chunked, without a Content-Length.
    let addr = gw.gateway().http_addr;
    let (status, chunked) =
        post_chunked(addr, prompts, &form, &prompt_upload(boundary, &sound)).await;
    assert_eq!(status, 200, "{chunked}");
    assert_eq!(chunked["contentType"], "audio/mpeg");

    // Over the limit: refused before RingCentral when the length is declared, and cut
    // at the limit when it is not; either way a 413 and no prompt.
    let count = |list: &Value| list["records"].as_array().unwrap().len();
    let before = count(&call(&gw, Method::GET, prompts, None, None).await.json);
    let big = prompt_upload(boundary, &audio(limit + 1));
    let requests = gw.upstream_requests().await.len();
    let declared = reply(
        gw.http
            .post(gw.url(prompts))
            .header("content-type", &form)
            .body(big.clone())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(declared.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(declared.json["errorCode"], "RCGW-PAYLOAD_TOO_LARGE");
    assert_eq!(gw.upstream_requests().await.len(), requests);
    let (status, cut) = post_chunked(addr, prompts, &form, &big).await;
    assert_eq!(status, 413, "{cut}");
    assert_eq!(cut["errorCode"], "RCGW-PAYLOAD_TOO_LARGE");
    assert_eq!(
        count(&call(&gw, Method::GET, prompts, None, None).await.json),
        before
    );

    // A media type the operation does not take.
    let wrong = reply(
        gw.http
            .post(gw.url(prompts))
            .header("content-type", "audio/mpeg")
            .body(sound.clone())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(wrong.json["errorCode"], "RCGW-UNSUPPORTED_MEDIA_TYPE");
    assert!(
        wrong.json["message"]
            .as_str()
            .unwrap()
            .contains("multipart/form-data")
    );
}
