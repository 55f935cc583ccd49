//! Several gateway processes on one Redis and one RingCentral (the sandbox) behave as
//! one gateway: one rate budget, one session, one renewal, one event log. And what
//! happens when Redis goes away.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use http::StatusCode;
use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::event_service_client::EventServiceClient;
use rc_sandbox::{self as sandbox, RunningSandbox, SandboxConfig};
use serde_json::{Value, json};

use crate::harness::{drain, heavy_demand, unthrottled, uuids};
use crate::process::{self, Process};
use crate::redis_server::RedisServer;

struct Cluster {
    sandbox: RunningSandbox,
    redis: RedisServer,
    replicas: Vec<Process>,
    http: reqwest::Client,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Cluster {
    /// `env` goes to every replica; `each` adds settings per replica.
    async fn start(
        config: SandboxConfig,
        replicas: usize,
        env: &[(&str, &str)],
        each: impl Fn(usize) -> Vec<(String, String)>,
    ) -> Cluster {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let sandbox = sandbox::start(config, listener).await.unwrap();
        let redis = RedisServer::start();
        let url = sandbox.url();
        let redis_url = redis.url();
        let mut processes = Vec::new();
        for i in 0..replicas {
            let mut all: Vec<(String, String)> = [
                ("RC_SERVER_URL", url.as_str()),
                ("RC_CLIENT_ID", sandbox::DEFAULT_CLIENT_ID),
                ("RC_CLIENT_SECRET", sandbox::DEFAULT_CLIENT_SECRET),
                ("RC_JWT", sandbox::DEFAULT_JWT),
                ("REDIS_URL", redis_url.as_str()),
            ]
            .iter()
            .chain(env)
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
            all.extend(each(i));
            let borrowed: Vec<(&str, &str)> =
                all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            processes.push(process::spawn(&["serve", "--insecure-no-auth"], &borrowed));
        }
        Cluster {
            sandbox,
            redis,
            replicas: processes,
            http: rc_gateway::http_client(),
        }
    }

    fn api(&self, replica: usize, path: &str) -> String {
        format!("http://{}{path}", self.replicas[replica].http)
    }

    async fn stats(&self) -> Value {
        self.http
            .get(format!("{}/_sandbox/stats", self.sandbox.url()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Subscribes through `replica` and returns RingCentral's answer.
    async fn subscribe(&self, replica: usize, body: Value) -> Value {
        let answer = self
            .http
            .post(self.api(replica, "/api/webhooks/subscriptions"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = answer.status();
        let body: Value = answer.json().await.unwrap_or_default();
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    async fn admin(&self, path: &str, body: Value) -> reqwest::Response {
        self.http
            .post(format!("{}/_sandbox{path}", self.sandbox.url()))
            .json(&body)
            .send()
            .await
            .unwrap()
    }
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
async fn two_replicas_share_one_rate_budget() {
    let cluster = Cluster::start(
        limited("Heavy", 5, 2),
        2,
        &[
            ("RATE_LIMIT_HEAVY", "5"),
            ("RATE_LIMIT_WINDOW", "2"),
            ("REQUEST_TIMEOUT", "3"),
        ],
        |_| vec![],
    )
    .await;
    let run = Duration::from_secs(8);
    let started = Instant::now();
    // Three callers on each replica: together far above 5 per 2 s.
    let bases = [cluster.api(0, ""), cluster.api(1, "")];
    let (ok, _, other) = heavy_demand(&cluster.http, &bases, 6, run).await;
    let elapsed = started.elapsed().as_secs_f64();
    assert!(other.is_empty(), "{other:?}");
    let stats = cluster.stats().await;
    assert_eq!(
        stats["groups"]["Heavy"]["throttled"], 0,
        "no upstream 429 with two replicas: {stats}"
    );
    let sent = stats["groups"]["Heavy"]["requests"].as_f64().unwrap();
    let allowed = 5.0 * elapsed / 2.0;
    assert!(
        sent >= 0.9 * allowed,
        "used {sent} of {allowed} allowed requests"
    );
    assert_eq!(f64::from(ok), sent);
    // One login for both replicas.
    assert_eq!(stats["jwtGrants"], 1, "{stats}");
}

#[tokio::test]
async fn an_event_taken_by_one_replica_is_watched_on_the_other_even_when_it_dies() {
    let sidecar_a = free_port();
    let public = format!("http://127.0.0.1:{sidecar_a}/api/webhooks/events");
    let mut cluster = Cluster::start(unthrottled(), 2, &[("WEBHOOK_PUBLIC_URL", &public)], |i| {
        if i == 0 {
            vec![("SIDECAR_ADDR".into(), format!("127.0.0.1:{sidecar_a}"))]
        } else {
            vec![]
        }
    })
    .await;
    // Subscribe through replica B; RingCentral delivers to replica A.
    cluster
        .subscribe(
            1,
            json!({"eventFilters": ["/restapi/v1.0/account/~/presence"]}),
        )
        .await;

    // Watch on replica B.
    let channel = cluster.replicas[1].channel().await;
    let mut stream = EventServiceClient::new(channel)
        .watch_events(pb::WatchEventsRequest {
            start: pb::StartPosition::Oldest as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok(Some(event)) = stream.message().await {
            let _ = tx.send((event.offset, event.uuid));
        }
    });

    // Presence changes; replica A is killed halfway.
    for i in 0..30 {
        let status = if i % 2 == 0 { "Busy" } else { "Available" };
        cluster
            .admin("/presence/63000102", json!({"presenceStatus": status}))
            .await;
        if i == 15 {
            // Wait for the first half to be delivered, then kill A without warning.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let a = &mut cluster.replicas[0];
            a.child.kill().unwrap();
            a.child.wait().unwrap();
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let deliveries: Vec<Value> = cluster
        .http
        .get(format!("{}/_sandbox/deliveries", cluster.sandbox.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let acknowledged: HashSet<String> = deliveries
        .iter()
        .filter(|d| d["status"] == 200)
        .map(|d| d["uuid"].as_str().unwrap().to_owned())
        .collect();
    assert!(acknowledged.len() >= 10, "{deliveries:?}");
    assert!(
        deliveries.iter().any(|d| d["status"] != 200),
        "deliveries after the kill fail"
    );
    // Every event A acknowledged reaches the watcher on B.
    let mut seen = HashSet::new();
    let mut in_order = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !acknowledged.is_subset(&seen) {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, rx.recv()).await {
            Ok(Some((offset, uuid))) => {
                seen.insert(uuid.clone());
                in_order.push((offset, uuid));
            }
            _ => break,
        }
    }
    let missing: Vec<_> = acknowledged.difference(&seen).collect();
    assert!(missing.is_empty(), "lost events: {missing:?}");

    // A watcher that reconnects after an offset (a stream id) gets the rest: no gap,
    // nothing twice.
    let (resume_at, _) = in_order[4].clone();
    let channel = cluster.replicas[1].channel().await;
    let mut resumed = EventServiceClient::new(channel)
        .watch_events(pb::WatchEventsRequest {
            after_offset: resume_at.clone(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let rest = uuids(&drain(&mut resumed, Duration::from_millis(500)).await);
    let expected: Vec<String> = in_order[5..].iter().map(|(_, u)| u.clone()).collect();
    assert!(
        resume_at.contains('-'),
        "offsets are stream ids: {resume_at}"
    );
    assert_eq!(rest, expected);
}

#[tokio::test]
async fn replicas_share_the_cache_its_invalidation_and_idempotency_keys() {
    let cluster = Cluster::start(unthrottled(), 2, &[], |_| vec![]).await;
    let path = "/api/extensions/63000105";
    // Concurrent identical reads on both replicas: one RingCentral request.
    let reads = (0..20).map(|i| {
        let url = cluster.api(i % 2, path);
        let http = cluster.http.clone();
        async move {
            let r = http.get(url).send().await.unwrap();
            (r.status(), r.json::<Value>().await.unwrap())
        }
    });
    for (status, body) in futures::future::join_all(reads).await {
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["id"], "63000105");
    }
    let reads_upstream = |stats: &Value| stats["operations"]["readExtension"].as_u64().unwrap_or(0);
    assert_eq!(reads_upstream(&cluster.stats().await), 1);

    // A write through replica A drops replica B's cached answer.
    let updated = cluster
        .http
        .put(cluster.api(0, path))
        .json(&json!({"contact": {"jobTitle": "Shared Cache"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(updated.status(), StatusCode::OK);
    let read: Value = cluster
        .http
        .get(cluster.api(1, path))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(read["contact"]["jobTitle"], "Shared Cache");
    assert_eq!(reads_upstream(&cluster.stats().await), 2);

    // An idempotency key used on A, then on B: one creation.
    let create = |replica: usize| {
        cluster
            .http
            .post(cluster.api(replica, "/api/extensions"))
            .header("idempotency-key", "shared-create-1")
            .json(&json!({"contact": {"firstName": "Shared", "email": "shared@example.com"}}))
            .send()
    };
    let first: Value = create(0).await.unwrap().json().await.unwrap();
    let second: Value = create(1).await.unwrap().json().await.unwrap();
    assert!(first["id"].is_string(), "{first}");
    assert_eq!(first["id"], second["id"]);
    assert_eq!(
        cluster.stats().await["operations"]["createExtension"],
        1,
        "created once"
    );
}

#[tokio::test]
async fn one_login_one_refresh_and_one_renewal_for_two_replicas() {
    let sidecar_a = free_port();
    let public = format!("http://127.0.0.1:{sidecar_a}/api/webhooks/events");
    let cluster = Cluster::start(
        unthrottled(),
        2,
        &[
            ("WEBHOOK_PUBLIC_URL", &public),
            ("SUBSCRIPTION_CHECK_INTERVAL", "1s"),
            ("SUBSCRIPTION_RENEW_BEFORE", "1h"),
            ("CACHE_TTL", "0"),
        ],
        |i| {
            if i == 0 {
                vec![("SIDECAR_ADDR".into(), format!("127.0.0.1:{sidecar_a}"))]
            } else {
                vec![]
            }
        },
    )
    .await;
    for replica in 0..2 {
        let r = cluster
            .http
            .get(cluster.api(replica, "/api/extensions/~"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let stats = cluster.stats().await;
    assert_eq!(stats["jwtGrants"], 1, "one login for both: {stats}");

    // RingCentral ends the session: both replicas see 401s; one refresh serves both.
    assert!(
        cluster
            .admin("/tokens/expire", json!({}))
            .await
            .status()
            .is_success()
    );
    let calls = (0..8).map(|i| {
        let url = cluster.api(i % 2, "/api/sites");
        let http = cluster.http.clone();
        async move { http.get(url).send().await.unwrap().status() }
    });
    for status in futures::future::join_all(calls).await {
        assert_eq!(status, StatusCode::OK);
    }
    let stats = cluster.stats().await;
    assert_eq!(stats["refreshGrants"], 1, "one refresh for both: {stats}");
    assert_eq!(stats["jwtGrants"], 1, "{stats}");

    // A 9 s subscription is renewed when a third of its life is left (6 s after its
    // creation, then every 6 s): once in the next 9 s, by one replica.
    cluster
        .subscribe(
            0,
            json!({"eventFilters": ["/restapi/v1.0/account/~/presence"], "expiresIn": 9}),
        )
        .await;
    let renewals = || async {
        cluster.stats().await["operations"]["renewSubscription"]
            .as_u64()
            .unwrap_or(0)
    };
    let deadline = Instant::now() + Duration::from_secs(12);
    while renewals().await == 0 {
        assert!(Instant::now() < deadline, "no renewal happened");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Both replicas check every second; the next renewal is due 6 s later.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(renewals().await, 1);
}

#[tokio::test]
async fn losing_redis_turns_readiness_off_and_its_return_turns_it_back_on() {
    let sidecar = free_port();
    let public = format!("http://127.0.0.1:{sidecar}/api/webhooks/events");
    let mut cluster = Cluster::start(
        unthrottled(),
        1,
        &[
            ("WEBHOOK_PUBLIC_URL", &public),
            ("SIDECAR_ADDR", &format!("127.0.0.1:{sidecar}")),
        ],
        |_| vec![],
    )
    .await;
    // A watch stream that stays open through the outage.
    let channel = cluster.replicas[0].channel().await;
    let mut watch = EventServiceClient::new(channel)
        .watch_events(pb::WatchEventsRequest::default())
        .await
        .unwrap()
        .into_inner();
    let ready = |c: &Cluster| {
        let url = format!("http://{}/readyz", c.replicas[0].sidecar);
        let http = c.http.clone();
        async move { http.get(url).send().await.map(|r| r.status()).ok() }
    };
    let call = |c: &Cluster| {
        let url = c.api(0, "/api/extensions/~");
        let http = c.http.clone();
        async move {
            let r = http
                .get(url)
                .header("cache-control", "no-cache")
                .send()
                .await
                .unwrap();
            (r.status(), r.json::<Value>().await.unwrap_or_default())
        }
    };
    assert_eq!(ready(&cluster).await, Some(StatusCode::OK));
    assert_eq!(call(&cluster).await.0, StatusCode::OK);

    cluster.redis.stop();
    let deadline = Instant::now() + Duration::from_secs(10);
    while ready(&cluster).await != Some(StatusCode::SERVICE_UNAVAILABLE) {
        assert!(Instant::now() < deadline, "readiness did not follow Redis");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // No shared budget, no call: UNAVAILABLE rather than a budget of its own.
    let (status, body) = call(&cluster).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["status"], "UNAVAILABLE");
    // Notifications cannot be checked (the subscription records are in Redis): 503, so
    // that RingCentral delivers them again, rather than 403.
    let refused = cluster
        .http
        .post(&public)
        .header("verification-token", "0123456789abcdef0123456789abcdef")
        .json(&json!({
            "uuid": "during-outage",
            "event": "/restapi/v1.0/account/809646016/extension/63000101/presence",
            "subscriptionId": "some-subscription",
            "body": {"extensionId": "63000101"},
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);

    cluster.redis.restart();
    let deadline = Instant::now() + Duration::from_secs(15);
    while ready(&cluster).await != Some(StatusCode::OK) {
        assert!(Instant::now() < deadline, "readiness did not come back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = call(&cluster).await;
        if status == StatusCode::OK {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "calls did not recover: {status} {body}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The watch stream opened before the outage carries on with new events (the new,
    // empty Redis hands out later stream ids).
    cluster
        .subscribe(
            0,
            json!({"eventFilters": ["/restapi/v1.0/account/~/presence"]}),
        )
        .await;
    cluster
        .admin("/presence/63000101", json!({"presenceStatus": "Busy"}))
        .await;
    let event = tokio::time::timeout(Duration::from_secs(10), watch.message())
        .await
        .expect("an event after the outage")
        .expect("the stream is still open")
        .expect("an event");
    assert_eq!(event.extension_id, "63000101");
    assert!(
        cluster.replicas[0].child.try_wait().unwrap().is_none(),
        "the gateway is still running"
    );
    let logs = cluster.replicas[0].output().join("\n");
    assert!(!logs.contains("panicked"), "{logs}");
}

#[tokio::test]
async fn an_unreachable_redis_stops_the_start() {
    let data = crate::harness::TempDir::new();
    let closed = format!("redis://127.0.0.1:{}", free_port());
    let (code, output) = process::run(
        &["serve", "--sandbox"],
        &[
            ("REDIS_URL", &closed),
            ("REDIS_TIMEOUT", "500ms"),
            ("DATA_DIR", data.path()),
            ("SANDBOX_ADDR", "127.0.0.1:0"),
            ("GRPC_ADDR", "127.0.0.1:0"),
            ("HTTP_ADDR", "127.0.0.1:0"),
            ("SIDECAR_ADDR", "127.0.0.1:0"),
            ("LOG_FORMAT", "json"),
        ],
    );
    assert_eq!(code, Some(69), "{output}");
    assert!(
        output.contains("Redis") && output.contains("REDIS_URL"),
        "{output}"
    );
}

#[tokio::test]
async fn the_redis_event_log_applies_retention_and_checks_resume_offsets() {
    let sidecar = free_port();
    let public = format!("http://127.0.0.1:{sidecar}/api/webhooks/events");
    let cluster = Cluster::start(
        unthrottled(),
        1,
        &[
            ("WEBHOOK_PUBLIC_URL", &public),
            ("SIDECAR_ADDR", &format!("127.0.0.1:{sidecar}")),
            ("EVENT_RETENTION", "2s"),
        ],
        |_| vec![],
    )
    .await;
    let token = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
    let created = cluster
        .subscribe(
            0,
            json!({"eventFilters": ["/restapi/v1.0/account/~/presence"],
                   "deliveryMode": {"verificationToken": token}}),
        )
        .await;
    let subscription = created["id"].as_str().expect("a subscription").to_owned();
    let notify = |uuid: String| {
        cluster
            .http
            .post(&public)
            .header("verification-token", token)
            .json(&json!({
                "uuid": uuid,
                "event": "/restapi/v1.0/account/809646016/extension/63000101/presence",
                "subscriptionId": subscription,
                "body": {"extensionId": "63000101", "presenceStatus": "Busy"},
            }))
            .send()
    };
    for i in 0..3 {
        assert_eq!(
            notify(format!("old-{i}")).await.unwrap().status(),
            StatusCode::OK
        );
    }
    let channel = cluster.replicas[0].channel().await;
    let mut events = EventServiceClient::new(channel);
    let oldest = |events: &mut EventServiceClient<tonic::transport::Channel>| {
        let mut events = events.clone();
        async move {
            let mut stream = events
                .watch_events(pb::WatchEventsRequest {
                    start: pb::StartPosition::Oldest as i32,
                    ..Default::default()
                })
                .await
                .unwrap()
                .into_inner();
            let events = drain(&mut stream, Duration::from_millis(400)).await;
            events.into_iter().map(|e| e.offset).collect::<Vec<_>>()
        }
    };
    let old = oldest(&mut events).await;
    assert_eq!(old.len(), 3);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !oldest(&mut events).await.is_empty() {
        assert!(
            Instant::now() < deadline,
            "the stream was not trimmed by age"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(
        notify("new-0".into()).await.unwrap().status(),
        StatusCode::OK
    );
    let resume = |after: String| {
        let mut events = events.clone();
        async move {
            events
                .watch_events(pb::WatchEventsRequest {
                    after_offset: after,
                    ..Default::default()
                })
                .await
        }
    };
    let pruned = resume(old[0].clone()).await.unwrap_err();
    assert_eq!(pruned.code(), tonic::Code::OutOfRange, "{pruned:?}");
    let mut stream = resume(old[2].clone()).await.unwrap().into_inner();
    let next = tokio::time::timeout(Duration::from_secs(5), stream.message())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(next.uuid, "new-0");
    let ahead = resume("99999999999999-0".into()).await.unwrap_err();
    assert_eq!(ahead.code(), tonic::Code::OutOfRange, "{ahead:?}");
}

#[tokio::test]
async fn a_caller_token_issued_by_one_replica_works_on_the_other_and_is_refreshed_once() {
    let key = rc_gateway::auth::keys::generate();
    let table = format!(
        "id=sdk hash={} scopes=extensions:read",
        rc_gateway::auth::keys::hash(&key)
    );
    let cluster = Cluster::start(unthrottled(), 2, &[("AUTH_API_KEYS", &table)], |_| vec![]).await;
    let token = |replica: usize, form: Vec<(&'static str, String)>| {
        let request = cluster
            .http
            .post(cluster.api(replica, "/restapi/oauth/token"))
            .basic_auth("sdk", Some(&key))
            .form(&form);
        async move {
            let r = request.send().await.unwrap();
            (r.status(), r.json::<Value>().await.unwrap())
        }
    };
    let read = |replica: usize, access: String| {
        let request = cluster
            .http
            .get(cluster.api(replica, "/restapi/v1.0/account/~/extension/~"))
            .bearer_auth(access);
        async move { request.send().await.unwrap().status() }
    };
    let (status, login) = token(0, vec![("grant_type", "client_credentials".into())]).await;
    assert_eq!(status, StatusCode::OK, "{login}");
    let access = login["access_token"].as_str().unwrap().to_owned();
    let refresh = login["refresh_token"].as_str().unwrap().to_owned();
    assert_eq!(read(1, access.clone()).await, StatusCode::OK);

    // Both replicas asked to refresh with the same token at once: one wins.
    let form = || {
        vec![
            ("grant_type", "refresh_token".to_owned()),
            ("refresh_token", refresh.clone()),
        ]
    };
    let (a, b) = tokio::join!(token(0, form()), token(1, form()));
    let wins: Vec<_> = [&a, &b]
        .into_iter()
        .filter(|(s, _)| *s == StatusCode::OK)
        .collect();
    assert_eq!(wins.len(), 1, "{a:?} {b:?}");
    let fresh = wins[0].1["access_token"].as_str().unwrap().to_owned();
    assert_eq!(read(0, access).await, StatusCode::UNAUTHORIZED);
    assert_eq!(read(0, fresh.clone()).await, StatusCode::OK);
    assert_eq!(read(1, fresh).await, StatusCode::OK);
}
