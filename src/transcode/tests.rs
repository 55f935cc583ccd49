//! The transcoding router driven with `oneshot` against a scripted gRPC service: what
//! the gRPC side receives for an HTTP request, and what the HTTP caller gets back for
//! each kind of gRPC answer. No sockets; the black-box tests cover what crosses them.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use bytes::{BufMut, Bytes, BytesMut};
use http::{HeaderMap, Request, StatusCode, header};
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use prost::Message;
use tower::ServiceExt;
use tower::util::BoxCloneSyncService;

use super::{GrpcService, Settings, Transcoder, router};
use crate::auth::{AuthConfig, Authenticator, NoHooks, Public};
use crate::proto::v1;

/// What the scripted service answers.
enum Answer {
    /// Messages, then the final status in trailers.
    Stream(Vec<Vec<u8>>, tonic::Status),
    /// A trailers-only answer: the status in the headers, no body.
    Only(tonic::Status),
}

/// One call as the gRPC side saw it.
struct Call {
    path: String,
    headers: HeaderMap,
    message: Bytes,
}

type Calls = Arc<Mutex<Vec<Call>>>;

fn scripted(
    answer: impl Fn(&str) -> Answer + Clone + Send + Sync + 'static,
) -> (GrpcService, Calls) {
    let calls = Calls::default();
    let seen = calls.clone();
    let service = tower::service_fn(move |request: http::Request<tonic::body::Body>| {
        let answer = answer.clone();
        let seen = seen.clone();
        async move {
            let (parts, body) = request.into_parts();
            let framed = body.collect().await.expect("request body").to_bytes();
            let path = parts.uri.path().to_owned();
            seen.lock().unwrap().push(Call {
                path: path.clone(),
                headers: parts.headers,
                message: framed.slice(5..),
            });
            let mut response = http::Response::new(tonic::body::Body::empty());
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/grpc"),
            );
            match answer(&path) {
                Answer::Only(status) => {
                    status.add_header(response.headers_mut()).unwrap();
                }
                Answer::Stream(messages, status) => {
                    let mut frames: Vec<Result<Frame<Bytes>, Infallible>> = messages
                        .into_iter()
                        .map(|m| {
                            let mut frame = BytesMut::new();
                            frame.put_u8(0);
                            frame.put_u32(m.len() as u32);
                            frame.extend_from_slice(&m);
                            Ok(Frame::data(frame.freeze()))
                        })
                        .collect();
                    let mut trailers = HeaderMap::new();
                    status.add_header(&mut trailers).unwrap();
                    frames.push(Ok(Frame::trailers(trailers)));
                    *response.body_mut() =
                        tonic::body::Body::new(StreamBody::new(futures::stream::iter(frames)));
                }
            }
            Ok::<_, Infallible>(response)
        }
    });
    (BoxCloneSyncService::new(service), calls)
}

const NOTHING_PUBLIC: Public = Public {
    health: false,
    reflection: false,
    metrics: false,
};

fn authenticator(keys: crate::auth::keys::KeyTable) -> Arc<Authenticator> {
    let config = AuthConfig {
        keys,
        jwt: None,
        public: NOTHING_PUBLIC,
        client_certs: false,
        insecure_no_auth: false,
    };
    let table = Arc::new(crate::auth::scopes::Table::get().unwrap().clone());
    Arc::new(Authenticator::new(&config, table, Arc::new(NoHooks)).unwrap())
}

fn open_auth() -> Arc<Authenticator> {
    authenticator(Default::default())
}

fn settings() -> Settings {
    Settings {
        max_body_bytes: 1024,
        max_header_bytes: 2048,
        webhook_url: None,
    }
}

fn app(grpc: GrpcService) -> axum::Router {
    router(Transcoder::new(grpc, &open_auth(), settings()).unwrap())
}

fn extension(id: &str, name: &str) -> Vec<u8> {
    v1::Extension {
        id: id.into(),
        name: name.into(),
        extension_number: "101".into(),
        status: v1::ExtensionStatus::Enabled as i32,
        ..Default::default()
    }
    .encode_to_vec()
}

fn answering(message: Vec<u8>) -> impl Fn(&str) -> Answer + Clone + Send + Sync + 'static {
    move |_: &str| Answer::Stream(vec![message.clone()], tonic::Status::ok(""))
}

async fn send(app: axum::Router, request: Request<Body>) -> (StatusCode, HeaderMap, Bytes) {
    let response = app.oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    (
        parts.status,
        parts.headers,
        body.collect().await.unwrap().to_bytes(),
    )
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn json(body: &Bytes) -> serde_json::Value {
    serde_json::from_slice(body).unwrap_or_else(|e| panic!("{e}: {body:?}"))
}

#[tokio::test]
async fn a_get_becomes_the_routed_rpc_with_path_fields_and_its_answer_proto3_json() {
    let (grpc, calls) = scripted(answering(extension("42", "Ada Lovelace")));
    let request = Request::get("/api/extensions/42")
        .header("x-request-id", "req-1")
        .header("x-api-key", "k")
        .header("x-not-forwarded", "no")
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = send(app(grpc), request).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(
        json(&body),
        serde_json::json!({"id": "42", "name": "Ada Lovelace", "extensionNumber": "101", "status": "EXTENSION_STATUS_ENABLED"})
    );
    let calls = calls.lock().unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].path, "/rcgateway.v1.ExtensionService/GetExtension");
    let sent = v1::GetExtensionRequest::decode(calls[0].message.clone()).unwrap();
    assert_eq!(sent.extension_id, "42");
    assert_eq!(calls[0].headers["x-request-id"], "req-1");
    assert_eq!(calls[0].headers["x-api-key"], "k");
    assert_eq!(calls[0].headers[header::CONTENT_TYPE], "application/grpc");
    assert!(!calls[0].headers.contains_key("x-not-forwarded"));
}

#[tokio::test]
async fn query_parameters_fill_fields_enums_and_repeated_values() {
    let (grpc, calls) = scripted(answering(
        v1::ListExtensionsResponse::default().encode_to_vec(),
    ));
    let (status, _, body) = send(
        app(grpc),
        get("/api/extensions?perPage=5&page=2&status=EXTENSION_STATUS_ENABLED&status=EXTENSION_STATUS_DISABLED"),
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{body:?}");
    // An empty page still lists its records as [].
    assert_eq!(json(&body)["records"], serde_json::json!([]));
    let sent = v1::ListExtensionsRequest::decode(calls.lock().unwrap()[0].message.clone()).unwrap();
    assert_eq!((sent.page, sent.per_page), (2, 5));
    assert_eq!(
        sent.status,
        vec![
            v1::ExtensionStatus::Enabled as i32,
            v1::ExtensionStatus::Disabled as i32
        ]
    );
}

#[tokio::test]
async fn a_json_body_becomes_the_request_message() {
    let (grpc, calls) = scripted(answering(extension("7", "Grace Hopper")));
    let request = Request::post("/api/extensions")
        .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
        .body(Body::from(
            r#"{"contact": {"firstName": "Grace", "email": "g@example.com"}, "type": "EXTENSION_TYPE_USER"}"#,
        ))
        .unwrap();
    let (status, _, _) = send(app(grpc), request).await;

    assert_eq!(status, StatusCode::OK);
    let sent =
        v1::CreateExtensionRequest::decode(calls.lock().unwrap()[0].message.clone()).unwrap();
    let contact = sent.contact.unwrap();
    assert_eq!(contact.first_name.as_deref(), Some("Grace"));
    assert_eq!(contact.email.as_deref(), Some("g@example.com"));
    assert_eq!(sent.r#type, v1::ExtensionType::User as i32);
}

#[tokio::test]
async fn requests_the_gateway_cannot_route_or_read_never_reach_grpc() {
    let cases: Vec<(Request<Body>, StatusCode, &str, &str)> = vec![
        (
            get("/api/nothing-here"),
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "no route",
        ),
        (
            Request::delete("/api/extensions/42")
                .body(Body::empty())
                .unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            "UNIMPLEMENTED",
            "DELETE",
        ),
        (
            get("/api/extensions?page=1&page=2"),
            StatusCode::BAD_REQUEST,
            "INVALID_ARGUMENT",
            "page",
        ),
        (
            get("/api/extensions?perPage=many"),
            StatusCode::BAD_REQUEST,
            "INVALID_ARGUMENT",
            "perPage",
        ),
        (
            Request::post("/api/sites")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(r#"{"name": "a", "name": "b"}"#))
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "INVALID_ARGUMENT",
            "name",
        ),
        (
            Request::post("/api/sites")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{not json"))
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "INVALID_ARGUMENT",
            "",
        ),
        (
            Request::post("/api/sites")
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from("name=a"))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "INVALID_ARGUMENT",
            "text/plain",
        ),
        (
            Request::post("/api/sites")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(format!(r#"{{"name": "{}"}}"#, "x".repeat(2000))))
                .unwrap(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "RESOURCE_EXHAUSTED",
            "1024",
        ),
        (
            Request::get("/api/extensions")
                .header("x-padding", "p".repeat(3000))
                .body(Body::empty())
                .unwrap(),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "RESOURCE_EXHAUSTED",
            "2048",
        ),
    ];
    for (request, want, code, mentions) in cases {
        let (grpc, calls) = scripted(answering(Vec::new()));
        let what = format!("{} {}", request.method(), request.uri());
        let (status, headers, body) = send(app(grpc), request).await;
        assert_eq!(status, want, "{what}: {body:?}");
        let body = json(&body);
        assert_eq!(body["code"], want.as_u16(), "{what}");
        assert_eq!(body["status"], code, "{what}: {body}");
        assert!(
            body["message"].as_str().unwrap().contains(mentions),
            "{what}: {body}"
        );
        assert!(calls.lock().unwrap().is_empty(), "{what} reached gRPC");
        if want == StatusCode::METHOD_NOT_ALLOWED {
            let allow = headers[header::ALLOW].to_str().unwrap();
            assert!(allow.contains("GET") && allow.contains("PUT"), "{allow}");
        }
    }
}

#[tokio::test]
async fn grpc_statuses_become_their_http_status_with_the_error_body() {
    let cases = [
        (tonic::Code::NotFound, StatusCode::NOT_FOUND),
        (tonic::Code::InvalidArgument, StatusCode::BAD_REQUEST),
        (tonic::Code::PermissionDenied, StatusCode::FORBIDDEN),
        (tonic::Code::Unauthenticated, StatusCode::UNAUTHORIZED),
        (tonic::Code::FailedPrecondition, StatusCode::BAD_REQUEST),
        (tonic::Code::AlreadyExists, StatusCode::CONFLICT),
        (tonic::Code::Unavailable, StatusCode::SERVICE_UNAVAILABLE),
        (tonic::Code::DeadlineExceeded, StatusCode::GATEWAY_TIMEOUT),
        (tonic::Code::Internal, StatusCode::INTERNAL_SERVER_ERROR),
    ];
    for (code, want) in cases {
        for trailers_only in [true, false] {
            let (grpc, _) = scripted(move |_: &str| {
                let status = tonic::Status::new(code, "as RingCentral said");
                if trailers_only {
                    Answer::Only(status)
                } else {
                    Answer::Stream(Vec::new(), status)
                }
            });
            let request = Request::get("/api/sites/1")
                .header("x-request-id", "req-9")
                .body(Body::empty())
                .unwrap();
            let (status, headers, body) = send(app(grpc), request).await;
            assert_eq!(status, want, "{code:?}");
            let body = json(&body);
            assert_eq!(body["status"], super::code_name(code));
            assert_eq!(body["message"], "as RingCentral said");
            assert_eq!(body["requestId"], "req-9");
            assert_eq!(
                headers.contains_key(header::WWW_AUTHENTICATE),
                code == tonic::Code::Unauthenticated
            );
        }
    }
}

#[tokio::test]
async fn a_gateway_error_keeps_its_own_http_status_and_field_across_grpc() {
    let (grpc, _) = scripted(|_: &str| {
        Answer::Only(tonic::Status::from(crate::error::Error::Conflict {
            field: "added_extension_ids".into(),
            message: "an extension is both added and removed".into(),
        }))
    });
    let (status, _, body) = send(app(grpc), get("/api/sites")).await;
    // FAILED_PRECONDITION alone would be 400; the error says 409.
    assert_eq!(status, StatusCode::CONFLICT);
    let body = json(&body);
    assert_eq!(body["status"], "FAILED_PRECONDITION");
    assert_eq!(body["field"], "added_extension_ids");
}

#[tokio::test]
async fn a_retry_hint_in_grpc_metadata_reaches_the_http_caller() {
    let (grpc, _) = scripted(|_: &str| {
        let mut status = tonic::Status::resource_exhausted("over the caller's share");
        status
            .metadata_mut()
            .insert("retry-after", "7".parse().unwrap());
        Answer::Only(status)
    });
    let (status, headers, body) = send(app(grpc), get("/api/sites")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(headers[header::RETRY_AFTER], "7");
    assert_eq!(json(&body)["retryAfterSeconds"], 7);
}

#[tokio::test]
async fn a_unary_rpc_that_answers_twice_or_nothing_is_an_internal_error() {
    for messages in [vec![], vec![extension("1", "a"), extension("2", "b")]] {
        let (grpc, _) =
            scripted(move |_: &str| Answer::Stream(messages.clone(), tonic::Status::ok("")));
        let (status, _, body) = send(app(grpc), get("/api/extensions/1")).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(json(&body)["status"], "INTERNAL");
    }
}

fn record(id: &str) -> Vec<u8> {
    v1::CallLogRecord {
        id: id.into(),
        duration: 30,
        ..Default::default()
    }
    .encode_to_vec()
}

#[tokio::test]
async fn a_server_stream_is_newline_delimited_json_ending_in_an_error_line() {
    let (grpc, calls) = scripted(|_: &str| {
        Answer::Stream(
            vec![record("a"), record("b")],
            tonic::Status::unavailable("RingCentral went away"),
        )
    });
    let (status, headers, body) = send(
        app(grpc),
        get("/api/analytics/call-logs:export?dateFrom=2026-01-01T00:00:00Z"),
    )
    .await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/x-ndjson");
    let lines: Vec<serde_json::Value> = body
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{body:?}");
    assert_eq!(
        lines[0],
        serde_json::json!({"id": "a", "duration": 30, "legs": []})
    );
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[2]["error"]["status"], "UNAVAILABLE");
    let sent = v1::ExportCallLogsRequest::decode(calls.lock().unwrap()[0].message.clone()).unwrap();
    assert_eq!(sent.date_from.unwrap().seconds, 1_767_225_600);
}

#[tokio::test]
async fn server_sent_events_carry_each_events_offset_as_its_id_and_resume_from_last_event_id() {
    let event = |offset: &str| {
        v1::Event {
            offset: offset.into(),
            ..Default::default()
        }
        .encode_to_vec()
    };
    let (grpc, calls) = scripted(move |_: &str| {
        Answer::Stream(vec![event("11"), event("12")], tonic::Status::ok(""))
    });
    let request = Request::get("/api/events:watch")
        .header(header::ACCEPT, "text/event-stream")
        .header("last-event-id", "10")
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = send(app(grpc), request).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/event-stream");
    let text = std::str::from_utf8(&body).unwrap();
    assert!(
        text.starts_with("id: 11\ndata: {\"offset\":\"11\"}\n\nid: 12\ndata: "),
        "{text}"
    );
    let sent = v1::WatchEventsRequest::decode(calls.lock().unwrap()[0].message.clone()).unwrap();
    assert_eq!(sent.after_offset, "10");
}

#[tokio::test]
async fn http_calls_pass_the_same_authentication_step_as_grpc_calls() {
    let keys = crate::auth::keys::KeyTable::parse(
        &format!(
            "id=reader hash={} scopes=sites:read",
            crate::auth::keys::hash("right-key")
        ),
        1.0,
    )
    .unwrap();
    let auth = authenticator(keys);
    let (services, calls) = scripted(answering(v1::Site::default().encode_to_vec()));
    let grpc: GrpcService = BoxCloneSyncService::new(
        tower::ServiceBuilder::new()
            .layer(crate::auth::layer::AuthLayer::with(
                auth.clone(),
                crate::accounts::testing::registry(
                    rc_store::embedded::EmbeddedStore::open(
                        &std::env::temp_dir()
                            .join(format!("rcgw-transcode-{}", uuid::Uuid::new_v4())),
                    )
                    .unwrap(),
                ),
            ))
            .service(services),
    );
    let app = router(Transcoder::new(grpc, &auth, settings()).unwrap());

    let with_key = |uri: &str, key: Option<&str>| {
        let mut request = get(uri);
        if let Some(key) = key {
            request
                .headers_mut()
                .insert("x-api-key", key.parse().unwrap());
        }
        request
    };
    let (status, headers, body) = send(app.clone(), with_key("/api/sites/1", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body:?}");
    assert!(headers.contains_key(header::WWW_AUTHENTICATE));
    let (status, _, _) = send(app.clone(), with_key("/api/sites/1", Some("wrong"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, body) = send(
        app.clone(),
        with_key("/api/extensions/1", Some("right-key")),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(json(&body)["scope"], "extensions:read");
    assert!(
        calls.lock().unwrap().is_empty(),
        "a refused call reached a service"
    );

    let (status, _, _) = send(app, with_key("/api/sites/1", Some("right-key"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(calls.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn the_openapi_document_and_docs_page_are_served() {
    let (grpc, _) = scripted(answering(Vec::new()));
    let (status, headers, body) = send(app(grpc.clone()), get("/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let document = json(&body);
    assert!(document["paths"]["/api/extensions/{extensionId}"]["get"].is_object());
    let (status, headers, body) = send(app(grpc), get("/docs")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(std::str::from_utf8(&body).unwrap().contains("openapi.json"));
}
