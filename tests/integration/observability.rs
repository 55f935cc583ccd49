//! Logs, metrics and traces, read the way an operator reads them: the binary's JSON
//! log lines, `/metrics` on the sidecar, and spans at an OTLP receiver.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http::StatusCode;
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
    TraceService, TraceServiceServer,
};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::common::v1::any_value::Value as AnyValue;
use opentelemetry_proto::tonic::trace::v1::Span;
use opentelemetry_proto::tonic::trace::v1::span::SpanKind;
use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::extension_service_client::ExtensionServiceClient;
use serde_json::{Value, json};

use crate::harness::TestGateway;
use crate::process::{self, Process};
use crate::prometheus::Scrape;

fn with_metadata<T>(message: T, pairs: &[(&'static str, &str)]) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    for (k, v) in pairs {
        request.metadata_mut().insert(*k, v.parse().unwrap());
    }
    request
}

async fn upstream_requests(gateway: &Process) -> Vec<Value> {
    rc_gateway::http_client()
        .get(format!("{}/_sandbox/requests", gateway.upstream))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_request_id_reaches_the_response_the_log_line_and_ringcentral() {
    let gateway = process::spawn(&["serve", "--sandbox"], &[("SANDBOX_ADDR", "127.0.0.1:0")]);
    let http = rc_gateway::http_client();
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";

    // HTTP/JSON: echoed, logged with the route template, sent upstream.
    let response = http
        .get(format!("http://{}/api/extensions/~", gateway.http))
        .header("x-request-id", "obs-http-1")
        .header("traceparent", format!("00-{trace_id}-00f067aa0ba902b7-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-request-id"], "obs-http-1");
    let line = gateway
        .log_line(|l| l["request_id"] == "obs-http-1" && l["message"] == "call finished")
        .await;
    assert_eq!(line["level"], "INFO");
    assert!(line["logger"].as_str().unwrap().starts_with("rc_gateway"));
    assert!(line["timestamp"].as_str().unwrap().ends_with('Z'));
    assert_eq!(line["protocol"], "http");
    assert_eq!(line["method"], "GET");
    assert_eq!(line["route"], "/api/extensions/{extension_id}");
    assert_eq!(line["status"], "200");
    assert!(line["duration_ms"].as_f64().unwrap() > 0.0);
    assert_eq!(line["trace_id"], trace_id, "{line}");

    // gRPC: the same, from metadata.
    let mut extensions = ExtensionServiceClient::new(gateway.channel().await);
    let answer = extensions
        .get_extension(with_metadata(
            pb::GetExtensionRequest {
                extension_id: "~".into(),
            },
            &[
                ("x-request-id", "obs-grpc-1"),
                ("cache-control", "no-cache"),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(answer.metadata().get("x-request-id").unwrap(), "obs-grpc-1");
    let line = gateway
        .log_line(|l| l["request_id"] == "obs-grpc-1" && l["message"] == "call finished")
        .await;
    assert_eq!(line["protocol"], "grpc");
    assert_eq!(line["route"], "/rcgateway.v1.ExtensionService/GetExtension");
    assert_eq!(line["status"], "OK");

    // Errors carry it in the body (HTTP) and in the metadata (gRPC).
    let response = http
        .get(format!("http://{}/api/extensions/12%2034", gateway.http))
        .header("x-request-id", "obs-bad-1")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["requestId"], "obs-bad-1");
    let err = extensions
        .get_extension(with_metadata(
            pb::GetExtensionRequest {
                extension_id: "999999".into(),
            },
            &[("x-request-id", "obs-grpc-404")],
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::NotFound);
    assert_eq!(err.metadata().get("x-request-id").unwrap(), "obs-grpc-404");
    let line = gateway
        .log_line(|l| l["request_id"] == "obs-grpc-404" && l["message"] == "call finished")
        .await;
    assert_eq!(line["status"], "NOT_FOUND");

    // RingCentral saw each request id, and the caller's trace context.
    let upstream = upstream_requests(&gateway).await;
    let sent = |id: &str| {
        upstream
            .iter()
            .find(|r| r["headers"]["x-request-id"] == id)
            .unwrap_or_else(|| panic!("no upstream request with {id}: {upstream:?}"))
            .clone()
    };
    let first = sent("obs-http-1");
    assert_eq!(first["operation"], "readExtension");
    assert!(
        first["headers"]["traceparent"]
            .as_str()
            .unwrap()
            .contains(trace_id)
    );
    assert_eq!(sent("obs-grpc-1")["operation"], "readExtension");
    assert_eq!(sent("obs-grpc-404")["operation"], "readExtension");

    // Without one, the gateway makes one up and returns it.
    let response = http
        .get(format!("http://{}/api/sites", gateway.http))
        .send()
        .await
        .unwrap();
    let made_up = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    gateway
        .log_line(|l| l["request_id"] == made_up.as_str() && l["route"] == "/api/sites")
        .await;
}

#[tokio::test]
async fn metrics_parse_and_count_known_calls() {
    let gw = TestGateway::start().await;
    let scrape = || async {
        let response = gw.http.get(gw.sidecar("/metrics")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let kind = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
        Scrape::parse(&response.text().await.unwrap())
    };
    // Warm up: the token and the first read.
    assert_eq!(gw.get("/api/sites").await.status, StatusCode::OK);
    let before = scrape().await;

    let get = |id: &str| pb::GetExtensionRequest {
        extension_id: id.into(),
    };
    let mut extensions = gw.extensions();
    for _ in 0..3 {
        extensions.get_extension(get("63000102")).await.unwrap();
    }
    for _ in 0..2 {
        assert_eq!(
            gw.get("/api/extensions/63000102").await.status,
            StatusCode::OK
        );
    }
    let missing = extensions.get_extension(get("999999")).await.unwrap_err();
    assert_eq!(missing.code(), tonic::Code::NotFound);
    let bad = gw
        .http
        .post(gw.sidecar("/api/webhooks/events"))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    // An expired session is refreshed (one refresh_token grant).
    gw.sandbox_admin("/tokens/expire", json!({})).await;
    assert_eq!(gw.get("/api/sites?perPage=2").await.status, StatusCode::OK);

    let after = scrape().await;
    let delta =
        |name: &str, labels: &[(&str, &str)]| after.sum(name, labels) - before.sum(name, labels);
    let rpc = "/rcgateway.v1.ExtensionService/GetExtension";
    assert_eq!(
        delta(
            "http_requests_total",
            &[("protocol", "grpc"), ("route", rpc), ("status", "OK")]
        ),
        3.0
    );
    assert_eq!(
        delta(
            "http_requests_total",
            &[
                ("protocol", "grpc"),
                ("route", rpc),
                ("status", "NOT_FOUND")
            ]
        ),
        1.0
    );
    let route = "/api/extensions/{extension_id}";
    assert_eq!(
        delta(
            "http_requests_total",
            &[
                ("protocol", "http"),
                ("method", "GET"),
                ("route", route),
                ("status", "200")
            ]
        ),
        2.0
    );
    assert_eq!(
        delta("http_request_duration_seconds_count", &[("route", rpc)]),
        4.0
    );
    assert_eq!(
        delta("http_request_duration_seconds_count", &[("route", route)]),
        2.0
    );
    assert_eq!(
        after.sum("http_requests_in_progress", &[("route", rpc)]),
        0.0
    );
    // One upstream read for five calls (the rest came from the cache), one 404.
    let read = [("operation", "readExtension"), ("group", "Light")];
    assert_eq!(
        delta(
            "ringcentral_api_calls_total",
            &[read[0], read[1], ("status", "200")]
        ),
        1.0
    );
    assert_eq!(
        delta(
            "ringcentral_api_calls_total",
            &[read[0], read[1], ("status", "404")]
        ),
        1.0
    );
    assert_eq!(delta("ringcentral_api_duration_seconds_count", &read), 2.0);
    assert_eq!(
        delta("cache_hits_total", &[("resource", "extensions")]),
        4.0
    );
    assert_eq!(
        delta("cache_misses_total", &[("resource", "extensions")]),
        2.0
    );
    assert_eq!(
        delta("webhook_events_rejected_total", &[("reason", "malformed")]),
        1.0
    );
    assert_eq!(delta("webhook_events_received_total", &[]), 1.0);
    assert_eq!(
        delta(
            "token_refreshes_total",
            &[("grant", "refresh_token"), ("result", "ok")]
        ),
        1.0
    );
    assert!(
        before.sum(
            "token_refreshes_total",
            &[("grant", "jwt"), ("result", "ok")]
        ) >= 1.0
    );
    // State gauges.
    assert_eq!(after.sum("circuit_breaker_state", &[]), 0.0);
    assert_eq!(after.sum("circuit_breaker_failures", &[]), 0.0);
    assert_eq!(
        after.sum("ringcentral_rate_budget_limit", &[("group", "Light")]),
        50.0
    );
    let remaining = after.sum("ringcentral_rate_budget_remaining", &[("group", "Light")]);
    assert!((0.0..50.0).contains(&remaining), "{remaining}");
    for name in [
        "rate_limit_hits_total",
        "coalesced_calls_total",
        "webhook_events_delivered_total",
        "webhook_ack_duration_seconds",
        "event_stream_subscribers",
        "event_stream_lag_events",
    ] {
        assert!(after.types.contains_key(name), "{name} is exported");
    }
    // Bounded cardinality: no raw id in any label.
    for (name, labels, _) in &after.samples {
        for value in labels.values() {
            assert!(
                !value.contains("63000102") && !value.contains("999999"),
                "{name} has a raw id label: {labels:?}"
            );
        }
    }
}

/// An OTLP/gRPC trace receiver that keeps every span it is sent.
#[derive(Clone, Default)]
struct Receiver(Arc<Mutex<Vec<Span>>>);

#[tonic::async_trait]
impl TraceService for Receiver {
    async fn export(
        &self,
        request: tonic::Request<ExportTraceServiceRequest>,
    ) -> Result<tonic::Response<ExportTraceServiceResponse>, tonic::Status> {
        let mut spans = self.0.lock().unwrap();
        for resource in request.into_inner().resource_spans {
            for scope in resource.scope_spans {
                spans.extend(scope.spans);
            }
        }
        Ok(tonic::Response::new(ExportTraceServiceResponse::default()))
    }
}

impl Receiver {
    async fn start(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let service = TraceServiceServer::new(self.clone());
        tokio::spawn(
            tonic::transport::Server::builder()
                .add_service(service)
                .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
        );
        format!("http://{addr}")
    }

    /// Waits up to 10 s for the spans of `trace` to include `want`.
    async fn spans(&self, trace: &[u8], want: impl Fn(&[Span]) -> bool) -> Vec<Span> {
        for _ in 0..200 {
            let spans: Vec<Span> = self
                .0
                .lock()
                .unwrap()
                .iter()
                .filter(|s| s.trace_id == trace)
                .cloned()
                .collect();
            if want(&spans) {
                return spans;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let names: Vec<String> = self
            .0
            .lock()
            .unwrap()
            .iter()
            .map(|s| s.name.clone())
            .collect();
        panic!("the trace never arrived complete; spans received: {names:?}");
    }
}

fn attribute(span: &Span, key: &str) -> Option<AnyValue> {
    span.attributes
        .iter()
        .find(|a| a.key == key)
        .and_then(|a| a.value.clone())
        .and_then(|v| v.value)
}

fn string(span: &Span, key: &str) -> String {
    match attribute(span, key) {
        Some(AnyValue::StringValue(s)) => s,
        other => panic!("{key} of {}: {other:?}", span.name),
    }
}

fn int(span: &Span, key: &str) -> i64 {
    match attribute(span, key) {
        Some(AnyValue::IntValue(i)) => i,
        other => panic!("{key} of {}: {other:?}", span.name),
    }
}

/// Whether `ancestor` is `span`'s parent, grandparent, ...
fn descends(spans: &[Span], span: &Span, ancestor: &Span) -> bool {
    let by_id: HashMap<&[u8], &Span> = spans.iter().map(|s| (s.span_id.as_slice(), s)).collect();
    let mut current = span;
    for _ in 0..16 {
        if current.parent_span_id == ancestor.span_id {
            return true;
        }
        match by_id.get(current.parent_span_id.as_slice()) {
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

#[tokio::test]
async fn traces_continue_the_callers_and_reach_an_otlp_receiver() {
    let receiver = Receiver::default();
    let endpoint = receiver.start().await;
    let gateway = process::spawn(
        &["serve", "--sandbox"],
        &[
            ("SANDBOX_ADDR", "127.0.0.1:0"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", &endpoint),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"),
            ("OTEL_SERVICE_NAME", "rc-gateway-under-test"),
            ("RATE_LIMIT_BACKOFF_MULTIPLIER", "0.01"),
            ("CIRCUIT_BREAKER_THRESHOLD", "50"),
        ],
    );
    let http = rc_gateway::http_client();

    // HTTP/JSON, under the caller's trace.
    let trace = "0af7651916cd43dd8448eb211c80319c";
    let caller_span = "b7ad6b7169203331";
    let response = http
        .get(format!("http://{}/api/extensions/~", gateway.http))
        .header("traceparent", format!("00-{trace}-{caller_span}-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let trace_bytes = hex::decode(trace).unwrap();
    let spans = receiver
        .spans(&trace_bytes, |s| {
            s.iter().any(|s| s.kind == SpanKind::Server as i32)
                && s.iter().any(|s| s.kind == SpanKind::Client as i32)
        })
        .await;
    let server = spans
        .iter()
        .find(|s| s.kind == SpanKind::Server as i32)
        .unwrap();
    assert_eq!(server.parent_span_id, hex::decode(caller_span).unwrap());
    assert_eq!(server.name, "GET /api/extensions/{extension_id}");
    let client = spans
        .iter()
        .find(|s| s.kind == SpanKind::Client as i32 && s.name == "readExtension")
        .expect("a span for the RingCentral call");
    assert!(
        descends(&spans, client, server),
        "the upstream call is under the request"
    );
    assert_eq!(string(client, "rc.group"), "Light");
    assert_eq!(string(client, "rc.breaker_state"), "closed");
    assert_eq!(int(client, "rc.attempt"), 0);
    assert_eq!(int(client, "http.status_code"), 200);
    // RingCentral was sent the upstream span's own context.
    let upstream = upstream_requests(&gateway).await;
    let sent = upstream
        .iter()
        .find(|r| r["operation"] == "readExtension")
        .unwrap();
    assert_eq!(
        sent["headers"]["traceparent"],
        format!("00-{trace}-{}-01", hex::encode(&client.span_id))
    );

    // gRPC, with retries: every attempt is a child span with its number.
    rc_gateway::http_client()
        .post(format!("{}/_sandbox/faults", gateway.upstream))
        .json(&json!({"resetRate": 1.0, "operations": ["readExtension"]}))
        .send()
        .await
        .unwrap();
    let trace = "5b8efff798038103d269b633813fc60c";
    let caller_span = "eee19b7ec3c1b174";
    let mut extensions = ExtensionServiceClient::new(gateway.channel().await);
    let traceparent = format!("00-{trace}-{caller_span}-01");
    let err = extensions
        .get_extension(with_metadata(
            pb::GetExtensionRequest {
                extension_id: "63000103".into(),
            },
            &[("traceparent", &traceparent)],
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), tonic::Code::Unavailable, "{err:?}");
    let trace_bytes = hex::decode(trace).unwrap();
    let spans = receiver
        .spans(&trace_bytes, |s| {
            s.iter()
                .filter(|s| s.kind == SpanKind::Client as i32)
                .count()
                == 4
                && s.iter().any(|s| s.kind == SpanKind::Server as i32)
        })
        .await;
    let server = spans
        .iter()
        .find(|s| s.kind == SpanKind::Server as i32)
        .unwrap();
    assert_eq!(server.name, "/rcgateway.v1.ExtensionService/GetExtension");
    assert_eq!(server.parent_span_id, hex::decode(caller_span).unwrap());
    let mut attempts: Vec<i64> = spans
        .iter()
        .filter(|s| s.kind == SpanKind::Client as i32)
        .inspect(|s| assert!(descends(&spans, s, server)))
        .map(|s| int(s, "rc.attempt"))
        .collect();
    attempts.sort_unstable();
    assert_eq!(attempts, [0, 1, 2, 3]);

    // A mutation with no caller trace: the gateway starts one, and the audit record
    // names it, over gRPC as over HTTP.
    let mut sites =
        rc_gateway::proto::v1::site_service_client::SiteServiceClient::new(gateway.channel().await);
    sites
        .update_site(pb::UpdateSiteRequest {
            site_id: "900000101".into(),
            name: Some("Traced".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let response = http
        .put(format!("http://{}/api/sites/900000102", gateway.http))
        .json(&json!({"name": "Traced too"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    for (target, server_name) in [
        ("900000101", "/rcgateway.v1.SiteService/UpdateSite"),
        ("900000102", "PUT /api/sites/{site_id}"),
    ] {
        let record = gateway
            .log_line(|l| l["logger"] == "audit" && l["targets"]["site_id"] == target)
            .await;
        let trace = record["trace_id"].as_str().unwrap_or_default();
        assert_eq!(trace.len(), 32, "{record}");
        let spans = receiver
            .spans(&hex::decode(trace).unwrap(), |s| {
                s.iter().any(|s| s.kind == SpanKind::Server as i32)
            })
            .await;
        assert!(
            spans.iter().any(|s| s.name == server_name),
            "{server_name}: {:?}",
            spans.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
    }
}

#[tokio::test]
async fn no_secret_or_event_body_reaches_the_logs() {
    let hmac = "obs-hmac-secret-7c1d";
    let gateway = process::spawn(
        &["serve", "--sandbox"],
        &[
            ("SANDBOX_ADDR", "127.0.0.1:0"),
            ("LOG_LEVEL", "debug"),
            ("WEBHOOK_HMAC_SECRET", hmac),
        ],
    );
    let http = rc_gateway::http_client();
    let api = |path: &str| format!("http://{}{path}", gateway.http);
    let admin = |path: &str| format!("{}/_sandbox{path}", gateway.upstream);
    // A caller's credentials, a subscription (with its verification token), events
    // with personal data, a refreshed session and a re-login.
    let caller_secret = "Bearer caller-credential-5f2e";
    let response = http
        .get(api("/api/extensions?perPage=3"))
        .header("authorization", caller_secret)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let created = http
        .post(api("/api/webhooks/subscriptions"))
        .json(&json!({"eventFilters": ["/restapi/v1.0/account/~/telephony/sessions"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        created.status(),
        StatusCode::OK,
        "{:?}",
        created.text().await
    );
    let caller_number = "+16505550199";
    let call = http
        .post(admin("/calls"))
        .json(&json!({"extensionId": "63000101", "from": caller_number, "result": "Missed"}))
        .send()
        .await
        .unwrap();
    assert!(call.status().is_success(), "{:?}", call.text().await);
    http.post(admin("/tokens/expire")).send().await.unwrap();
    assert_eq!(
        http.get(api("/api/sites")).send().await.unwrap().status(),
        StatusCode::OK
    );
    let secrets_now = || async {
        let all: Value = http
            .get(admin("/secrets"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let mut flat = vec![all["clientSecret"].as_str().unwrap().to_owned()];
        for group in ["jwts", "accessTokens", "refreshTokens"] {
            flat.extend(
                all[group]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_owned()),
            );
        }
        flat.extend(
            all["verificationTokens"]
                .as_object()
                .unwrap()
                .values()
                .map(|s| s.as_str().unwrap().to_owned()),
        );
        flat
    };
    let mut secrets = secrets_now().await;
    http.post(admin("/tokens/revoke")).send().await.unwrap();
    assert_eq!(
        http.get(api("/api/sites?perPage=1"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    // The event was stored and can be read back.
    let mut events = rc_gateway::proto::v1::event_service_client::EventServiceClient::new(
        gateway.channel().await,
    );
    let mut stream = events
        .watch_events(pb::WatchEventsRequest {
            start: pb::StartPosition::Oldest as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let event = tokio::time::timeout(Duration::from_secs(10), stream.message())
        .await
        .expect("the call's event arrives")
        .unwrap()
        .unwrap();
    assert!(format!("{event:?}").contains(caller_number));
    drop(stream);

    secrets.extend(secrets_now().await);
    assert!(secrets.len() >= 7, "{secrets:?}");
    secrets.extend([
        hmac.to_owned(),
        caller_secret.to_owned(),
        "caller-credential-5f2e".to_owned(),
    ]);
    let output = gateway.output();
    assert!(output.len() > 20, "debug logging is on");
    for line in &output {
        for secret in &secrets {
            assert!(
                !line.contains(secret.as_str()),
                "a secret in the logs: {line}"
            );
        }
        assert!(
            !line.contains(caller_number),
            "personal data in the logs: {line}"
        );
        assert!(!line.to_ascii_lowercase().contains("bearer "), "{line}");
    }
}

/// Scrapes the gateway's /metrics.
async fn scrape(gw: &TestGateway) -> Scrape {
    gw.scrape().await
}

#[tokio::test]
async fn failure_and_event_metrics_move_with_what_happens() {
    let gw = TestGateway::start_with(
        crate::harness::unthrottled(),
        &[
            ("CIRCUIT_BREAKER_THRESHOLD", "4"),
            ("CIRCUIT_BREAKER_TIMEOUT", "1"),
            ("RATE_LIMIT_BACKOFF_MULTIPLIER", "0.01"),
        ],
    )
    .await;
    assert_eq!(gw.get("/api/sites").await.status, StatusCode::OK);
    let before = scrape(&gw).await;

    // A method hyper accepts but nobody defines is counted as OTHER, not by name.
    let odd = gw
        .http
        .request(
            http::Method::from_bytes(b"FROB42").unwrap(),
            gw.url("/api/sites"),
        )
        .send()
        .await
        .unwrap();
    assert!(odd.status().is_client_error());

    // Dropped connections: a read is tried 1 + 3 times; the fourth failure in a row
    // opens the breaker.
    gw.sandbox_admin(
        "/faults",
        json!({"resetRate": 1.0, "operations": ["readExtension"]}),
    )
    .await;
    assert!(
        gw.get("/api/extensions/63000107")
            .await
            .status
            .is_server_error()
    );
    let open = scrape(&gw).await;
    assert_eq!(open.sum("circuit_breaker_state", &[]), 2.0, "open");
    assert_eq!(open.sum("circuit_breaker_failures", &[]), 4.0);
    assert_eq!(
        open.sum(
            "ringcentral_retries_total",
            &[("operation", "readExtension")]
        ) - before.sum(
            "ringcentral_retries_total",
            &[("operation", "readExtension")]
        ),
        3.0
    );
    gw.sandbox_admin("/faults", json!({})).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        gw.get("/api/extensions/63000107").await.status,
        StatusCode::OK
    );
    assert_eq!(scrape(&gw).await.sum("circuit_breaker_state", &[]), 0.0);

    // A 429 from RingCentral.
    gw.sandbox_admin(
        "/faults",
        json!({"errors": [{"status": 429, "rate": 1.0, "retryAfter": 1}], "operations": ["readSite"]}),
    )
    .await;
    let read = gw.get("/api/sites/900000102");
    let clear = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        gw.sandbox_admin("/faults", json!({})).await;
    };
    let (r, ()) = tokio::join!(read, clear);
    assert_eq!(r.status, StatusCode::OK);

    // Identical reads in flight together share one RingCentral call.
    gw.sandbox_admin("/faults", json!({"latencyMs": 200})).await;
    let reads = (0..10).map(|_| gw.get_owned("/api/extensions/63000109".to_owned()));
    for r in futures::future::join_all(reads).await {
        assert_eq!(r.status, StatusCode::OK);
    }
    gw.sandbox_admin("/faults", json!({})).await;

    let after = scrape(&gw).await;
    let delta =
        |name: &str, labels: &[(&str, &str)]| after.sum(name, labels) - before.sum(name, labels);
    assert_eq!(
        delta(
            "http_requests_total",
            &[("protocol", "http"), ("method", "OTHER")]
        ),
        1.0
    );
    assert!(
        after
            .samples
            .iter()
            .all(|(_, labels, _)| labels.values().all(|v| v != "FROB42")),
        "no series for a caller's made-up method"
    );
    assert_eq!(
        delta(
            "rate_limit_hits_total",
            &[("group", "Light"), ("source", "upstream")]
        ),
        1.0
    );
    assert_eq!(
        delta(
            "ringcentral_api_calls_total",
            &[("operation", "readSite"), ("status", "429")]
        ),
        1.0
    );
    assert_eq!(delta("coalesced_calls_total", &[]), 9.0);

    // Watch streams: subscribers, deliveries, and the lag of one that stops reading.
    let token = "dddddddddddddddddddddddddddddddd";
    let sub = gw
        .subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec!["/restapi/v1.0/account/~/presence".into()],
            delivery_mode: Some(pb::DeliveryMode {
                verification_token: token.into(),
                ..Default::default()
            }),
            expires_in: 0,
        })
        .await
        .unwrap()
        .into_inner();
    let mut stalled = gw
        .events()
        .watch_events(pb::WatchEventsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(scrape(&gw).await.sum("event_stream_subscribers", &[]), 1.0);
    // Large notifications fill the stream's flow-control window (2 MiB) quickly.
    let padding = "p".repeat(16 * 1024);
    let posts = (0..400).map(|i| {
        gw.http
            .post(gw.sidecar("/api/webhooks/events"))
            .header("verification-token", token)
            .json(&json!({
                "uuid": format!("lag-{i}"),
                "event": "/restapi/v1.0/account/809646016/extension/63000101/presence",
                "subscriptionId": sub.id,
                "body": {"extensionId": "63000101", "padding": padding},
            }))
            .send()
    });
    for answer in futures::future::join_all(posts).await {
        assert_eq!(answer.unwrap().status(), StatusCode::OK);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let lagging = scrape(&gw).await;
    let lag = lagging.sum("event_stream_lag_events", &[]);
    assert!(lag >= 100.0, "a stream that stopped reading lags: {lag}");
    let mut received = 0;
    while received < 400 {
        tokio::time::timeout(Duration::from_secs(5), stalled.message())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        received += 1;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let caught_up = scrape(&gw).await;
    assert_eq!(caught_up.sum("event_stream_lag_events", &[]), 0.0);
    assert_eq!(
        caught_up.sum("webhook_events_delivered_total", &[])
            - before.sum("webhook_events_delivered_total", &[]),
        400.0
    );
    drop(stalled);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(scrape(&gw).await.sum("event_stream_subscribers", &[]), 0.0);
}

#[tokio::test]
async fn caller_credentials_never_reach_the_logs() {
    use jsonwebtoken::{Algorithm, EncodingKey, Header};
    let key = rc_gateway::auth::keys::generate();
    let table = format!(
        "id=logscan hash={} scopes=*",
        rc_gateway::auth::keys::hash(&key)
    );
    let jwt_secret = "logscan-jwt-secret-0123456789abcdef-0123456789";
    let gateway = process::spawn(
        &["serve", "--sandbox"],
        &[
            ("SANDBOX_ADDR", "127.0.0.1:0"),
            ("LOG_LEVEL", "debug"),
            ("AUTH_API_KEYS", &table),
            ("AUTH_JWT_SECRET", jwt_secret),
            ("AUTH_JWT_ISSUER", "https://idp.example"),
            ("AUTH_JWT_AUDIENCE", "rc-gateway"),
        ],
    );
    let sign = |secret: &str, exp: u64| {
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &json!({"sub": "logscan-svc", "iss": "https://idp.example", "aud": "rc-gateway",
                    "exp": exp, "scope": "*:read"}),
            &EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap()
    };
    let now = jsonwebtoken::get_current_timestamp();
    let good_jwt = sign(jwt_secret, now + 300);
    let expired_jwt = sign(jwt_secret, now - 3600);
    let forged_jwt = sign("not-the-secret-0123456789abcdef-0123456789", now + 300);
    let wrong_key = rc_gateway::auth::keys::generate();
    let http = rc_gateway::http_client();
    let url = format!("http://{}/api/extensions/~", gateway.http);
    for (name, value, ok) in [
        ("x-api-key", key.clone(), true),
        ("authorization", format!("Bearer {key}"), true),
        ("authorization", format!("Bearer {good_jwt}"), true),
        ("x-api-key", wrong_key.clone(), false),
        ("authorization", format!("Bearer {expired_jwt}"), false),
        ("authorization", format!("Bearer {forged_jwt}"), false),
    ] {
        let status = http
            .get(&url)
            .header(name, &value)
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status.is_success(), ok, "{name}: {status}");
        let mut client = ExtensionServiceClient::new(gateway.channel().await);
        let answer = client
            .get_extension(with_metadata(
                pb::GetExtensionRequest {
                    extension_id: "~".into(),
                },
                &[(name, &value)],
            ))
            .await;
        assert_eq!(answer.is_ok(), ok, "{name}: {answer:?}");
    }
    let output = gateway.output();
    assert!(
        output.iter().any(|l| l.contains("invalid")
            || l.contains("denied")
            || l.contains("UNAUTHENTICATED")),
        "refusals are logged"
    );
    for line in &output {
        for secret in [&key, &wrong_key, &good_jwt, &expired_jwt, &forged_jwt] {
            assert!(
                !line.contains(secret.as_str()),
                "a credential in the logs: {line}"
            );
        }
        assert!(
            !line.contains(jwt_secret),
            "the JWT secret in the logs: {line}"
        );
    }
}
