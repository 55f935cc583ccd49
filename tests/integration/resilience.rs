//! The upstream stack against a misbehaving sandbox: rate limits, 429s, outages,
//! timeouts, dropped connections, coalescing, caching and idempotency keys.

use std::time::{Duration, Instant};

use http::{Method, StatusCode};
use rc_gateway::proto::v1 as pb;
use rc_sandbox::SandboxConfig;
use serde_json::{Value, json};
use tonic::Code;

use crate::harness::{TestGateway, heavy_demand, reply, unthrottled};

fn throttled(stats: &Value, group: &str) -> u64 {
    stats["groups"][group]["throttled"].as_u64().unwrap()
}

fn received(stats: &Value, group: &str) -> u64 {
    stats["groups"][group]["requests"].as_u64().unwrap()
}

/// Sandbox with RingCentral's limits on, `group` lowered to `limit` per `window` s.
fn limited(group: &str, limit: u32, window: u64) -> SandboxConfig {
    let mut config = SandboxConfig::default();
    for (g, l) in config.limits.iter_mut() {
        if g.name() == group {
            l.limit = limit;
            l.window = Duration::from_secs(window);
            l.penalty = Duration::from_secs(window);
        }
    }
    config
}

#[tokio::test]
async fn sustained_demand_above_the_heavy_limit_gets_no_429_and_uses_the_limit() {
    // RingCentral's Heavy group at 5 requests per 2 s, and a gateway configured alike.
    let gw = TestGateway::start_with(
        limited("Heavy", 5, 2),
        &[
            ("RATE_LIMIT_HEAVY", "5"),
            ("RATE_LIMIT_WINDOW", "2"),
            ("REQUEST_TIMEOUT", "3"),
        ],
    )
    .await;
    let run = Duration::from_secs(8);
    let started = Instant::now();
    let (ok, exhausted, other) = heavy_demand(&gw.http, &[gw.url("")], 6, run).await;
    let elapsed = started.elapsed().as_secs_f64();
    let stats = gw.stats().await;
    assert!(other.is_empty(), "{other:?}");
    assert_eq!(throttled(&stats, "Heavy"), 0, "no upstream 429: {stats}");
    let sent = received(&stats, "Heavy") as f64;
    // RingCentral's allowed rate over the run: 5 requests per 2 s.
    let allowed = 5.0 * elapsed / 2.0;
    assert!(
        sent >= 0.9 * allowed,
        "used {sent} of {allowed} allowed requests"
    );
    assert_eq!(ok as f64, sent);
    assert!(exhausted > 0, "demand was above the limit");
}

#[tokio::test]
async fn a_429_storm_pauses_the_group_and_callers_get_clean_answers() {
    // The gateway believes RingCentral's default (50 per minute); RingCentral allows
    // 4 per 2 s. The first burst draws 429s; after that the group pauses and the
    // budget follows RingCentral's headers: no further 429.
    let gw = TestGateway::start_with(
        limited("Light", 4, 2),
        &[("CACHE_TTL", "0"), ("REQUEST_TIMEOUT", "3")],
    )
    .await;
    let ids: Vec<String> = gw.get("/api/users?perPage=40").await.json["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let deadline = Instant::now() + Duration::from_secs(7);
    let first_wave_over = Instant::now() + Duration::from_millis(1500);
    let mut throttled_after_first_wave = None;
    let mut outcomes = (0, 0);
    let mut round = 0;
    while Instant::now() < deadline {
        let calls = ids
            .iter()
            .skip(round % 5 * 8)
            .take(8)
            .map(|id| gw.get_owned(format!("/api/extensions/{id}")));
        for r in futures::future::join_all(calls).await {
            match r.status {
                StatusCode::OK => outcomes.0 += 1,
                StatusCode::TOO_MANY_REQUESTS => {
                    assert_eq!(r.json["status"], "RESOURCE_EXHAUSTED");
                    assert!(r.json["retryAfterSeconds"].as_u64().unwrap() >= 1);
                    outcomes.1 += 1;
                }
                other => panic!("unexpected {other}: {:?}", r.json),
            }
        }
        if throttled_after_first_wave.is_none() && Instant::now() > first_wave_over {
            throttled_after_first_wave = Some(throttled(&gw.stats().await, "Light"));
        }
        round += 1;
    }
    let stats = gw.stats().await;
    let first = throttled_after_first_wave.unwrap();
    assert!(
        (1..=8).contains(&first),
        "the first burst drew some 429s: {stats}"
    );
    assert_eq!(
        throttled(&stats, "Light"),
        first,
        "no 429 after the first burst: {stats}"
    );
    assert!(outcomes.0 > 0, "calls succeed once the budget is learned");
}

#[tokio::test]
async fn an_outage_opens_the_breaker_which_fails_fast_and_closes_after_recovery() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[
            ("CIRCUIT_BREAKER_THRESHOLD", "3"),
            ("CIRCUIT_BREAKER_TIMEOUT", "1"),
            ("RATE_LIMIT_RETRY_ATTEMPTS", "1"),
            ("RATE_LIMIT_BACKOFF_MULTIPLIER", "0.01"),
            ("CACHE_TTL", "0"),
        ],
    )
    .await;
    assert_eq!(gw.get("/api/extensions/~").await.status, StatusCode::OK);
    gw.sandbox_admin("/faults", json!({"outage": true})).await;
    // First call: an attempt and a retry, both 503.
    let r = gw.get("/api/extensions/~").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{:?}", r.json);
    assert_eq!(r.json["errorCode"], "CMN-201");
    // Second call: its first attempt is the third failure; the breaker opens and
    // stops the retry.
    let r = gw.get("/api/extensions/~").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{:?}", r.json);
    let before = gw.upstream_calls("readExtension").await;
    assert_eq!(
        before,
        1 + 3,
        "two calls, one retry before the breaker opened"
    );
    let fast = Instant::now();
    let open = gw
        .extensions()
        .get_extension(pb::GetExtensionRequest {
            extension_id: "~".into(),
        })
        .await
        .unwrap_err();
    assert!(fast.elapsed() < Duration::from_millis(200), "fails fast");
    assert_eq!(open.code(), Code::Unavailable);
    assert!(tonic_types::StatusExt::get_details_retry_info(&open).is_some());
    let r = gw.get("/api/extensions/~").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers.contains_key("retry-after"));
    assert_eq!(
        gw.upstream_calls("readExtension").await,
        before,
        "nothing sent while open"
    );
    let health = gw
        .health()
        .check(pb::CheckRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(health.upstream.unwrap().circuit_breaker, "open");
    assert_eq!(health.status, pb::ServingStatus::Degraded as i32);

    // RingCentral recovers; after the open period one probe closes the breaker.
    gw.sandbox_admin("/faults", json!({})).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(gw.get("/api/extensions/~").await.status, StatusCode::OK);
    let health = gw
        .health()
        .check(pb::CheckRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(health.upstream.unwrap().circuit_breaker, "closed");
    assert_eq!(gw.get("/api/sites").await.status, StatusCode::OK);
}

#[tokio::test]
async fn client_errors_never_open_the_breaker() {
    let gw = TestGateway::start_with(unthrottled(), &[("CIRCUIT_BREAKER_THRESHOLD", "2")]).await;
    for _ in 0..5 {
        assert_eq!(
            gw.get("/api/extensions/12345").await.status,
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(gw.get("/api/extensions/~").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_hundred_identical_gets_make_one_upstream_call() {
    let gw = TestGateway::start_with(unthrottled(), &[("CACHE_TTL", "0")]).await;
    gw.get("/api/sites").await; // log in first
    gw.sandbox_admin("/faults", json!({"latencyMs": 300})).await;
    let calls = (0..100).map(|_| gw.get_owned("/api/extensions/~".to_owned()));
    let answers = futures::future::join_all(calls).await;
    assert!(answers.iter().all(|r| r.status == StatusCode::OK));
    assert!(
        answers
            .iter()
            .all(|r| r.json["id"] == answers[0].json["id"])
    );
    assert_eq!(gw.upstream_calls("readExtension").await, 1);
}

#[tokio::test]
async fn reads_are_cached_until_a_write_or_the_ttl() {
    let gw = TestGateway::start_with(unthrottled(), &[("CACHE_TTL", "1")]).await;
    let id = gw.get("/api/extensions?extensionNumber=103").await.json["records"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/extensions/{id}");
    gw.get(&path).await;
    gw.get(&path).await;
    assert_eq!(
        gw.upstream_calls("readExtension").await,
        1,
        "the second read is cached"
    );
    // A write through the gateway drops the cached answer.
    let r = gw
        .call(
            Method::PUT,
            &path,
            Some(json!({"contact": {"jobTitle": "Cache Buster"}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        gw.get(&path).await.json["contact"]["jobTitle"],
        "Cache Buster"
    );
    assert_eq!(gw.upstream_calls("readExtension").await, 2);
    // Callers can ask for fresh data.
    let fresh = gw
        .http
        .get(gw.url(&path))
        .header("cache-control", "no-cache")
        .send()
        .await
        .unwrap();
    assert_eq!(fresh.status(), StatusCode::OK);
    assert_eq!(gw.upstream_calls("readExtension").await, 3);
    // The TTL ends it too.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    gw.get(&path).await;
    assert_eq!(gw.upstream_calls("readExtension").await, 4);
}

#[tokio::test]
async fn a_repeated_idempotency_key_acts_once() {
    let gw = TestGateway::start().await;
    let body = json!({"contact": {"firstName": "Once", "email": "once@example.com"}, "extensionNumber": "4500"});
    let send = |body: Value| {
        gw.http
            .post(gw.url("/api/extensions"))
            .header("idempotency-key", "create-once-1")
            .json(&body)
            .send()
    };
    let first = reply(send(body.clone()).await.unwrap()).await;
    let second = reply(send(body.clone()).await.unwrap()).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(first.json["id"], second.json["id"]);
    assert_eq!(gw.upstream_calls("createExtension").await, 1);

    // The same key with another request is refused.
    let changed = reply(
        send(json!({"contact": {"firstName": "Twice", "email": "twice@example.com"}}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(changed.status, StatusCode::CONFLICT, "{:?}", changed.json);
    assert_eq!(changed.json["status"], "FAILED_PRECONDITION");

    // gRPC metadata works the same.
    let mut request = tonic::Request::new(pb::CreateExtensionRequest {
        contact: Some(pb::Contact {
            first_name: Some("Grpc".into()),
            email: Some("grpc.once@example.com".into()),
            ..Default::default()
        }),
        ..Default::default()
    });
    request
        .metadata_mut()
        .insert("idempotency-key", "grpc-key-1".parse().unwrap());
    let a = gw
        .extensions()
        .create_extension(clone_request(&request))
        .await
        .unwrap()
        .into_inner();
    let b = gw
        .extensions()
        .create_extension(request)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(a.id, b.id);
    assert_eq!(gw.upstream_calls("createExtension").await, 2);
}

fn clone_request<T: Clone>(request: &tonic::Request<T>) -> tonic::Request<T> {
    let mut copy = tonic::Request::new(request.get_ref().clone());
    *copy.metadata_mut() = request.metadata().clone();
    copy
}

#[tokio::test]
async fn slow_answers_time_out_and_deadlines_are_respected() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[
            ("RC_REQUEST_TIMEOUT", "300ms"),
            ("RATE_LIMIT_RETRY_ATTEMPTS", "0"),
            ("CACHE_TTL", "0"),
        ],
    )
    .await;
    gw.get("/api/sites").await;
    gw.sandbox_admin(
        "/faults",
        json!({"latencyMs": 1000, "operations": ["readExtension"]}),
    )
    .await;
    let r = gw.get("/api/extensions/~").await;
    assert_eq!(r.status, StatusCode::GATEWAY_TIMEOUT, "{:?}", r.json);
    assert_eq!(r.json["status"], "UNAVAILABLE");

    gw.sandbox_admin(
        "/faults",
        json!({"latencyMs": 1000, "operations": ["listSites"]}),
    )
    .await;
    // The caller's deadline, in gRPC's format, also over HTTP: the gateway stops
    // waiting and answers DEADLINE_EXCEEDED itself.
    let started = Instant::now();
    let answer = gw
        .http
        .get(gw.url("/api/sites"))
        .header("grpc-timeout", "200m")
        .send()
        .await
        .unwrap();
    let r = reply(answer).await;
    assert_eq!(r.status, StatusCode::GATEWAY_TIMEOUT, "{:?}", r.json);
    assert_eq!(r.json["status"], "DEADLINE_EXCEEDED");
    assert!(started.elapsed() < Duration::from_millis(800));
    // A gRPC client's own deadline ends the call just as promptly.
    let mut request = tonic::Request::new(pb::ListSitesRequest::default());
    request.set_timeout(Duration::from_millis(200));
    let started = Instant::now();
    let err = gw.sites().list_sites(request).await.unwrap_err();
    assert!(
        matches!(err.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(800));
}

#[tokio::test]
async fn dropped_connections_are_retried_only_where_safe() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[
            ("RATE_LIMIT_BACKOFF_MULTIPLIER", "0.01"),
            ("CACHE_TTL", "0"),
            ("CIRCUIT_BREAKER_THRESHOLD", "50"),
        ],
    )
    .await;
    gw.get("/api/sites").await;
    gw.sandbox_admin(
        "/faults",
        json!({"resetRate": 1.0, "operations": ["readExtension", "createExtension"]}),
    )
    .await;
    let r = gw.get("/api/extensions/~").await;
    assert_eq!(r.status, StatusCode::BAD_GATEWAY, "{:?}", r.json);
    assert_eq!(
        gw.upstream_calls("readExtension").await,
        4,
        "a read is tried 1 + 3 times"
    );
    let r = gw
        .call(
            Method::POST,
            "/api/extensions",
            Some(json!({"contact": {"firstName": "X", "email": "x@example.com"}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_GATEWAY);
    assert_eq!(
        gw.upstream_calls("createExtension").await,
        1,
        "a create that may have happened is not repeated"
    );
    gw.sandbox_admin("/faults", json!({})).await;
    assert_eq!(gw.get("/api/extensions/~").await.status, StatusCode::OK);
}

#[tokio::test]
async fn injected_429s_and_503s_are_retried_after_retry_after_and_a_create_happens_once() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[
            ("RATE_LIMIT_BACKOFF_MULTIPLIER", "0.01"),
            ("CACHE_TTL", "0"),
            ("CIRCUIT_BREAKER_THRESHOLD", "50"),
        ],
    )
    .await;
    gw.get("/api/sites").await; // log in first
    // Every create is refused with a 429 and Retry-After: 1 s, until the faults clear.
    gw.sandbox_admin(
        "/faults",
        json!({"errors": [{"status": 429, "rate": 1.0, "retryAfter": 1}], "operations": ["createExtension"]}),
    )
    .await;
    let started = Instant::now();
    let create = gw.call(
        Method::POST,
        "/api/extensions",
        Some(json!({"contact": {"firstName": "Paced", "email": "paced@example.com"}})),
    );
    let clear = async {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        gw.sandbox_admin("/faults", json!({})).await;
    };
    let (r, ()) = tokio::join!(create, clear);
    // A 429 means RingCentral did not act: the create is sent again after the pause,
    // once the group's Retry-After has passed, and succeeds.
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    assert!(started.elapsed() >= Duration::from_millis(1500));
    let stats = gw.stats().await;
    let sent = stats["operations"]["createExtension"].as_u64().unwrap();
    assert_eq!(
        sent, 3,
        "two refused attempts one second apart, then the create: {stats}"
    );
    assert_eq!(throttled(&stats, "Medium"), 2, "{stats}");
    let created = gw.get("/api/extensions?email=paced@example.com").await;
    assert_eq!(created.json["records"].as_array().unwrap().len(), 1);

    // A 503 with Retry-After on a read: retried after the wait it asked for.
    gw.sandbox_admin(
        "/faults",
        json!({"errors": [{"status": 503, "rate": 1.0, "retryAfter": 1}], "operations": ["readSite"]}),
    )
    .await;
    let started = Instant::now();
    let read = gw.get("/api/sites/900000101");
    let clear = async {
        tokio::time::sleep(Duration::from_millis(500)).await;
        gw.sandbox_admin("/faults", json!({})).await;
    };
    let (r, ()) = tokio::join!(read, clear);
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited for Retry-After: {:?}",
        started.elapsed()
    );
    assert_eq!(gw.upstream_calls("readSite").await, 2);
}
