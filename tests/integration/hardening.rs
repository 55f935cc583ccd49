//! A hostile or careless client through the real interfaces: notifications no reader
//! could decode, connections that send nothing, bytes that are not protobuf, error
//! bodies, repeated keys, deadlines on HTTP streams, and the OpenAPI contract.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{Method, StatusCode};
use http_body_util::{BodyExt, Full};
use rc_gateway::proto::v1 as pb;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tonic::Code;

use crate::harness::{TestGateway, reply, unthrottled};

const TOKEN: &str = "hardeningtoken0123456789";

/// A subscription with a known verification token, for notifications of our own.
async fn subscription(gw: &TestGateway) -> String {
    gw.subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec!["/restapi/v1.0/account/~/extension".into()],
            delivery_mode: Some(pb::DeliveryMode {
                verification_token: TOKEN.into(),
                ..Default::default()
            }),
            expires_in: 0,
        })
        .await
        .expect("subscription created")
        .into_inner()
        .id
}

/// `depth` levels of objects: `{"a": {"a": ... {"a": "leaf"}}}`.
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("leaf"), |inner, _| json!({ "a": inner }))
}

async fn notify(gw: &TestGateway, sub: &str, uuid: &str, body: Value) -> reqwest::Response {
    gw.http
        .post(gw.sidecar("/api/webhooks/events"))
        .header("Verification-Token", TOKEN)
        .json(&json!({
            "uuid": uuid,
            "event": "/restapi/v1.0/account/1/extension/63000101",
            "subscriptionId": sub,
            "body": body,
        }))
        .send()
        .await
        .unwrap()
}

/// The NDJSON lines of `/api/events:watch` from the oldest event, ended by a deadline.
async fn watch_lines(gw: &TestGateway, accept: &str) -> (Duration, String) {
    let started = Instant::now();
    let text = gw
        .http
        .get(gw.url("/api/events:watch?start=START_POSITION_OLDEST"))
        .header("accept", accept)
        .header("grpc-timeout", "1S")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .expect("the stream ends cleanly at the deadline");
    (started.elapsed(), text)
}

#[tokio::test]
async fn notifications_no_reader_could_decode_are_refused_and_counted() {
    let gw = TestGateway::start().await;
    let sub = subscription(&gw).await;
    // 21 levels of objects are 64 protobuf levels: the most an event may nest.
    let deepest = nested(21);
    assert_eq!(
        notify(&gw, &sub, "u-deepest", deepest.clone())
            .await
            .status(),
        StatusCode::OK
    );
    for (uuid, body) in [("u-34", nested(34)), ("u-120", nested(120))] {
        let answer = notify(&gw, &sub, uuid, body).await;
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        let json: Value = answer.json().await.unwrap();
        assert_eq!(json["reason"], "too_deep", "{json}");
    }
    // A body that is not an object could only be streamed without it.
    let answer = notify(&gw, &sub, "u-string", json!("just text")).await;
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
    assert_eq!(answer.json::<Value>().await.unwrap()["reason"], "malformed");

    let scrape = gw.scrape().await;
    assert_eq!(
        scrape.sum("webhook_events_rejected_total", &[("reason", "too_deep")]),
        2.0
    );
    assert_eq!(
        scrape.sum("webhook_events_rejected_total", &[("reason", "malformed")]),
        1.0
    );

    // What was accepted is readable in full over gRPC, NDJSON and SSE.
    let mut stream = gw
        .events()
        .watch_events(pb::WatchEventsRequest {
            start: pb::StartPosition::Oldest as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let first = stream.message().await.unwrap().expect("the deepest event");
    assert_eq!(first.uuid, "u-deepest");
    assert!(first.body.is_some());
    let (_, ndjson) = watch_lines(&gw, "application/x-ndjson").await;
    let lines: Vec<Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: a whole JSON line: {l}")))
        .collect();
    assert_eq!(lines[0]["uuid"], "u-deepest");
    assert_eq!(lines[0]["body"], deepest, "the body, not cut off");
    assert_eq!(lines.len(), 2, "the event, then the deadline: {lines:?}");
    let (_, sse) = watch_lines(&gw, "text/event-stream").await;
    let data: Vec<Value> = sse
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    assert_eq!(data[0]["body"], deepest);
}

#[tokio::test]
async fn an_oversized_notification_gets_the_ingress_json_and_is_counted() {
    let gw = TestGateway::start().await;
    let sub = subscription(&gw).await;
    let answer = notify(&gw, &sub, "u-big", json!({"pad": "x".repeat(300 * 1024)})).await;
    assert_eq!(answer.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.headers()["content-type"], "application/json");
    let json: Value = answer.json().await.unwrap();
    assert_eq!(json["reason"], "too_large", "{json}");
    let scrape = gw.scrape().await;
    assert_eq!(
        scrape.sum("webhook_events_rejected_total", &[("reason", "too_large")]),
        1.0
    );
}

#[tokio::test]
async fn http_streams_end_cleanly_at_the_callers_deadline() {
    let gw = TestGateway::start().await;
    for accept in ["application/x-ndjson", "text/event-stream"] {
        let (took, text) = watch_lines(&gw, accept).await;
        assert!(took < Duration::from_secs(5), "{accept}: open for {took:?}");
        assert!(text.contains("DEADLINE_EXCEEDED"), "{accept}: {text}");
    }
    // A gRPC stream with a deadline ends with DEADLINE_EXCEEDED too.
    let mut request = tonic::Request::new(pb::WatchEventsRequest::default());
    request.set_timeout(Duration::from_millis(500));
    let mut stream = gw
        .events()
        .watch_events(request)
        .await
        .unwrap()
        .into_inner();
    let end = stream.message().await.unwrap_err();
    assert_eq!(end.code(), Code::DeadlineExceeded, "{end:?}");
}

/// Sends raw bytes as one gRPC request message; the answer's status code and message.
async fn raw_grpc(gw: &TestGateway, path: &str, message: &[u8]) -> (i32, String) {
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .http2_only(true)
        .build_http::<Full<Bytes>>();
    let mut frame = vec![0u8];
    frame.extend_from_slice(&(message.len() as u32).to_be_bytes());
    frame.extend_from_slice(message);
    let request = http::Request::post(format!("http://{}{path}", gw.gateway().grpc_addr))
        .header("content-type", "application/grpc")
        .header("te", "trailers")
        .body(Full::new(Bytes::from(frame)))
        .unwrap();
    let response = client.request(request).await.expect("an answer");
    let headers = response.headers().clone();
    let collected = response.into_body().collect().await.expect("a whole body");
    let trailers = collected.trailers().cloned().unwrap_or_default();
    let status = trailers
        .get("grpc-status")
        .or(headers.get("grpc-status"))
        .expect("grpc-status");
    let message = trailers
        .get("grpc-message")
        .or(headers.get("grpc-message"))
        .map(|m| {
            percent_encoding::percent_decode(m.as_bytes())
                .decode_utf8_lossy()
                .into_owned()
        })
        .unwrap_or_default();
    (status.to_str().unwrap().parse().unwrap(), message)
}

#[tokio::test]
async fn bytes_that_are_not_a_message_are_the_callers_invalid_argument() {
    let gw = TestGateway::start_with(unthrottled(), &[("GRPC_MAX_MESSAGE_BYTES", "4096")]).await;
    let get = "/rcgateway.v1.ExtensionService/GetExtension";
    // Field 1 with wire type 7 (there is none); field 1 as a string of invalid UTF-8.
    for bytes in [&[0x0f, 0x01][..], &[0x0a, 0x02, 0xff, 0xfe][..]] {
        let (code, message) = raw_grpc(&gw, get, bytes).await;
        assert_eq!(code, Code::InvalidArgument as i32, "{bytes:?}: {message}");
    }
    // Over the message limit, for a read too (not only for audited mutations).
    let big = [&[0x0a, 0x90, 0x4e][..], &[b'1'; 10_000][..]].concat();
    let (code, message) = raw_grpc(&gw, get, &big).await;
    assert_eq!(code, Code::ResourceExhausted as i32, "{message}");
    assert!(message.contains("4096"), "{message}");
    // Counted as the caller's errors, never as the server's.
    let scrape = gw.scrape().await;
    let route = ("route", "/rcgateway.v1.ExtensionService/GetExtension");
    assert_eq!(
        scrape.sum(
            "http_requests_total",
            &[route, ("status", "INVALID_ARGUMENT")]
        ),
        2.0
    );
    assert_eq!(
        scrape.sum("http_requests_total", &[route, ("status", "INTERNAL")]),
        0.0
    );
    assert_eq!(gw.upstream_calls("readExtension").await, 0);
}

#[tokio::test]
async fn every_error_body_matches_its_answer() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[
            ("HTTP_MAX_BODY_BYTES", "4096"),
            ("MAX_HEADER_BYTES", "8192"),
        ],
    )
    .await;
    let check = |r: &crate::harness::Reply, status: StatusCode, name: &str| {
        assert_eq!(r.status, status, "{:?}", r.json);
        assert_eq!(r.json["code"], status.as_u16(), "{:?}", r.json);
        assert_eq!(r.json["status"], name, "{:?}", r.json);
        let id = r.headers["x-request-id"].to_str().unwrap();
        assert_eq!(r.json["requestId"], id, "{:?}", r.json);
    };
    let r = gw.call(Method::DELETE, "/api/extensions", None).await;
    check(&r, StatusCode::METHOD_NOT_ALLOWED, "UNIMPLEMENTED");
    let big = json!({"contact": {"firstName": "x".repeat(10_000), "email": "a@b.co"}});
    let r = gw.call(Method::POST, "/api/extensions", Some(big)).await;
    check(&r, StatusCode::PAYLOAD_TOO_LARGE, "RESOURCE_EXHAUSTED");
    let r = reply(
        gw.http
            .post(gw.url("/api/extensions"))
            .header("content-type", "text/plain")
            .body("hello")
            .send()
            .await
            .unwrap(),
    )
    .await;
    check(&r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "INVALID_ARGUMENT");
    let r = reply(
        gw.http
            .get(gw.url("/api/extensions/~"))
            .header("x-padding", "y".repeat(10_000))
            .send()
            .await
            .unwrap(),
    )
    .await;
    check(
        &r,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        "RESOURCE_EXHAUSTED",
    );
    let r = gw.get("/api/nothing").await;
    check(&r, StatusCode::NOT_FOUND, "NOT_FOUND");
}

#[tokio::test]
async fn repeated_keys_and_parameters_are_refused_by_their_name() {
    let gw = TestGateway::start().await;
    let put = |body: &'static str| {
        let gw = &gw;
        async move {
            reply(
                gw.http
                    .put(gw.url("/api/extensions/63000102"))
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    for (body, field) in [
        (
            r#"{"contact": {"jobTitle": "a", "jobTitle": "b"}}"#,
            "contact.jobTitle",
        ),
        (
            r#"{"contact": {"job_title": "a", "job_title": "b"}}"#,
            "contact.job_title",
        ),
        (
            r#"{"contact": {"company": "a"}, "contact": {"jobTitle": "b"}}"#,
            "contact",
        ),
    ] {
        let r = put(body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {:?}", r.json);
        assert_eq!(r.json["field"], field, "{body}");
    }
    let r = gw.get("/api/extensions?perPage=1&perPage=2").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["field"], "perPage");
    // A repeated field takes a parameter as often as it likes.
    let r = gw
        .get("/api/extensions?status=Enabled&status=Disabled")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    assert_eq!(gw.upstream_calls("updateExtension").await, 0);
}

#[tokio::test]
async fn watch_filters_and_queue_ids_name_what_the_caller_sent() {
    let gw = TestGateway::start().await;
    let err = gw
        .events()
        .watch_events(pb::WatchEventsRequest {
            extension_ids: vec!["../".into()],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    let r = gw.get("/api/events:watch?subscriptionIds=a%2Fb").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["field"], "subscriptionIds");
    // 63000102 is a user, not a queue: RingCentral names its own parameter, the
    // gateway names the caller's.
    for method in [Method::GET, Method::DELETE] {
        let r = gw
            .call(method.clone(), "/api/call-queues/63000102", None)
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method}");
        let message = r.json["message"].as_str().unwrap();
        assert!(
            message.contains("[queueId]") && !message.contains("groupId"),
            "{message}"
        );
    }
    // The docs page asks for no icon the gateway does not have.
    let icon = gw.http.get(gw.url("/favicon.ico")).send().await.unwrap();
    assert!(icon.status().is_success());
}

/// Reads from a socket until it is closed; how long that took.
async fn until_closed(mut socket: TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    let closed = tokio::time::timeout(limit, async {
        loop {
            match socket.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await;
    closed.ok().map(|()| started.elapsed())
}

#[tokio::test]
async fn connections_that_send_nothing_are_closed_on_every_port() {
    let gw = TestGateway::start_with(unthrottled(), &[("CONNECTION_IDLE_TIMEOUT", "1s")]).await;
    let g = gw.gateway();
    let mut waits = Vec::new();
    for addr in [g.grpc_addr, g.http_addr, g.sidecar_addr] {
        for _ in 0..50 {
            let socket = TcpStream::connect(addr).await.unwrap();
            waits.push(tokio::spawn(until_closed(socket, Duration::from_secs(10))));
        }
        // A bare HTTP/2 preface, then nothing.
        let mut socket = TcpStream::connect(addr).await.unwrap();
        socket
            .write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
            .await
            .unwrap();
        waits.push(tokio::spawn(until_closed(socket, Duration::from_secs(10))));
    }
    for wait in waits {
        let took = wait.await.unwrap().expect("closed by the gateway");
        assert!(took < Duration::from_secs(4), "closed after {took:?}");
    }
    // A connection that made a call is closed once it has been idle as long.
    let mut socket = TcpStream::connect(g.http_addr).await.unwrap();
    socket
        .write_all(b"GET /api/health HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    let took = until_closed(socket, Duration::from_secs(10))
        .await
        .expect("closed");
    assert!(took >= Duration::from_millis(900), "{took:?}");
    let scrape = gw.scrape().await;
    assert!(
        scrape.sum(
            "listener_connections_idle_closed_total",
            &[("listener", "grpc")]
        ) >= 51.0
    );
    assert_eq!(
        scrape.sum("listener_connections", &[("listener", "grpc")]),
        0.0
    );
    // A stream that outlives the idle timeout is not cut.
    let mut request = tonic::Request::new(pb::WatchEventsRequest::default());
    request.set_timeout(Duration::from_millis(2500));
    let started = Instant::now();
    let mut stream = gw
        .events()
        .watch_events(request)
        .await
        .unwrap()
        .into_inner();
    let end = stream.message().await.unwrap_err();
    assert_eq!(end.code(), Code::DeadlineExceeded, "{end:?}");
    assert!(started.elapsed() >= Duration::from_secs(2));
}

/// Waits (briefly) until the HTTP/JSON listener serves again.
async fn healthy_again(gw: &TestGateway) {
    let deadline = Instant::now() + Duration::from_secs(3);
    while gw.get("/api/health").await.status != StatusCode::OK {
        assert!(Instant::now() < deadline, "the listener did not recover");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_full_listener_refuses_clearly_and_recovers() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[("MAX_CONNECTIONS", "20"), ("MAX_IN_FLIGHT_REQUESTS", "2")],
    )
    .await;
    let g = gw.gateway();
    // Two watch streams hold both call slots of the HTTP/JSON listener.
    let mut streams = Vec::new();
    for _ in 0..2 {
        let mut response = gw
            .http
            .get(gw.url("/api/events:watch"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let _ = tokio::time::timeout(Duration::from_millis(50), response.chunk()).await;
        streams.push(response);
    }
    let r = gw.get("/api/health").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{:?}", r.json);
    assert_eq!(r.json["status"], "UNAVAILABLE");
    assert_eq!(r.headers["retry-after"], "1");
    drop(streams);
    healthy_again(&gw).await;

    // Past MAX_CONNECTIONS: an HTTP 503 on the HTTP ports, a GOAWAY on the gRPC port.
    let mut held = Vec::new();
    for _ in 0..20 {
        held.push(TcpStream::connect(g.http_addr).await.unwrap());
        held.push(TcpStream::connect(g.grpc_addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut extra = TcpStream::connect(g.http_addr).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), extra.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("\"status\":\"UNAVAILABLE\""), "{answer}");
    let mut extra = TcpStream::connect(g.grpc_addr).await.unwrap();
    let mut frames = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), extra.read_to_end(&mut frames)).await;
    assert_eq!(
        frames.get(12),
        Some(&7u8),
        "a GOAWAY frame after SETTINGS: {frames:?}"
    );
    let scrape = gw.scrape().await;
    assert!(
        scrape.sum(
            "listener_connections_refused_total",
            &[("listener", "http")]
        ) >= 1.0
    );
    assert!(scrape.sum("listener_requests_refused_total", &[("listener", "http")]) >= 1.0);
    drop(held);
    healthy_again(&gw).await;
    let mut health = gw.health();
    health
        .check(pb::CheckRequest {})
        .await
        .expect("gRPC serves again");
}

#[tokio::test]
async fn the_openapi_document_states_what_the_gateway_checks() {
    let gw = TestGateway::start().await;
    let doc: Value = gw
        .http
        .get(gw.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let op = &doc["paths"]["/api/extensions/{extensionId}"]["get"];
    assert!(
        op["description"]
            .as_str()
            .unwrap()
            .contains("\"~\" means the extension"),
        "{op}"
    );
    let id = &op["parameters"][0];
    assert_eq!(id["schema"]["pattern"], "^(~|[0-9]{1,20})$");
    let list = &doc["paths"]["/api/extensions"]["get"]["parameters"];
    let per_page = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "perPage")
        .unwrap();
    assert_eq!(per_page["schema"]["maximum"], 1000);
    // The body of an update holds no path id; the create names what it requires.
    let schemas = &doc["components"]["schemas"];
    let update = &schemas["rcgateway.v1.UpdateExtensionRequestBody"];
    assert!(
        update["properties"].get("extensionId").is_none(),
        "{update}"
    );
    assert!(
        update["anyOf"].is_array(),
        "an update must set something: {update}"
    );
    let create = &schemas["rcgateway.v1.CreateExtensionRequestBody"];
    assert_eq!(create["required"], json!(["contact"]));
    // Answers are described, not constrained.
    assert!(
        schemas["rcgateway.v1.Extension"]["properties"]["extensionNumber"]
            .get("pattern")
            .is_none()
    );
    // What each schema-valid value means is checked the same way over gRPC.
    let err = gw
        .extensions()
        .update_extension(pb::UpdateExtensionRequest {
            extension_id: "63000102".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
}
