//! Webhooks end to end: subscriptions through the gateway, the sandbox's handshake
//! and deliveries, the ingress checks, the durable log and the watch streams.

use std::time::Duration;

use http::StatusCode;
use rc_gateway::proto::v1 as pb;
use rc_gateway::webhooks::verify;
use serde_json::{Value, json};
use tokio_stream::StreamExt;
use tonic::Code;

use crate::harness::{TestGateway, drain, error_info, unthrottled, uuids};

/// How long a watch stream must be quiet before a test takes it to have sent all.
const QUIET: Duration = Duration::from_millis(300);

const ADMIN: &str = "63000101";

/// Subscribes through the gateway to the common filters.
async fn subscribe(gw: &TestGateway, token: Option<&str>) -> pb::Subscription {
    gw.subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec![
                "/restapi/v1.0/account/~/extension".into(),
                "/restapi/v1.0/account/~/presence?detailedTelephonyState=true".into(),
                "/restapi/v1.0/account/~/telephony/sessions".into(),
                "/restapi/v1.0/account/~/extension/~/message-store".into(),
            ],
            delivery_mode: token.map(|t| pb::DeliveryMode {
                verification_token: t.into(),
                ..Default::default()
            }),
            expires_in: 0,
        })
        .await
        .expect("subscription created")
        .into_inner()
}

/// Waits until `n` deliveries reached the gateway with a 200.
async fn delivered(gw: &TestGateway, n: usize) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let all: Vec<Value> = gw
            .http
            .get(format!("{}/_sandbox/deliveries", gw.sandbox.url()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ok: Vec<Value> = all.into_iter().filter(|d| d["status"] == 200).collect();
        if ok.len() >= n {
            return ok;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "only {} of {n} deliveries",
            ok.len()
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Reads every retained event (from the oldest) over gRPC.
async fn all_events(gw: &TestGateway) -> Vec<pb::Event> {
    let mut stream = gw
        .events()
        .watch_events(pb::WatchEventsRequest {
            start: pb::StartPosition::Oldest as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    drain(&mut stream, QUIET).await
}

async fn sandbox_post(gw: &TestGateway, path: &str, body: Value) -> Value {
    gw.http
        .post(format!("{}/_sandbox{path}", gw.sandbox.url()))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn subscribe_cause_changes_and_watch_them_over_grpc_and_sse() {
    let gw = TestGateway::start().await;
    let sub = subscribe(&gw, None).await;
    assert_eq!(sub.status, pb::SubscriptionStatus::Active as i32);
    assert!(sub.managed);
    assert_eq!(
        sub.delivery_mode.as_ref().unwrap().address,
        gw.sidecar("/api/webhooks/events")
    );
    assert!(
        sub.delivery_mode.unwrap().verification_token.is_empty(),
        "tokens are never shown"
    );
    assert!(
        sub.event_filters[0].starts_with("/restapi/v1.0/account/809646016"),
        "{:?}",
        sub.event_filters
    );

    let mut watch = gw
        .events()
        .watch_events(pb::WatchEventsRequest::default())
        .await
        .unwrap()
        .into_inner();

    // Changes in the account: a new extension, a presence change, a call to voicemail.
    let created = gw
        .call(
            http::Method::POST,
            "/api/extensions",
            Some(json!({"contact": {"firstName": "Webhook", "email": "webhook@example.com"}})),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK);
    sandbox_post(
        &gw,
        &format!("/presence/{ADMIN}"),
        json!({"telephonyStatus": "Ringing", "presenceStatus": "Busy"}),
    )
    .await;
    sandbox_post(
        &gw,
        "/calls",
        json!({"extensionId": ADMIN, "result": "Voicemail"}),
    )
    .await;

    let mut seen = Vec::new();
    while seen.len() < 4 {
        let event = tokio::time::timeout(Duration::from_secs(10), watch.next())
            .await
            .expect("events arrive")
            .unwrap()
            .unwrap();
        seen.push(event);
    }
    let of = |t: pb::EventType| {
        seen.iter()
            .find(|e| e.r#type == t as i32)
            .unwrap_or_else(|| panic!("{t:?} in {seen:#?}"))
    };
    let list = of(pb::EventType::ExtensionList);
    let Some(pb::event::Payload::ExtensionList(changes)) = &list.payload else {
        panic!()
    };
    assert_eq!(
        changes.extensions[0].extension_id,
        created.json["id"].as_str().unwrap()
    );
    assert_eq!(changes.extensions[0].event_type, "Create");
    let presence = of(pb::EventType::Presence);
    assert_eq!(presence.extension_id, ADMIN);
    let Some(pb::event::Payload::Presence(p)) = &presence.payload else {
        panic!()
    };
    assert_eq!(p.telephony_status, "Ringing");
    assert!(
        presence
            .body
            .as_ref()
            .unwrap()
            .fields
            .contains_key("presenceStatus")
    );
    assert_eq!(of(pb::EventType::TelephonySessions).extension_id, ADMIN);
    assert_eq!(of(pb::EventType::MessageStore).extension_id, ADMIN);
    assert!(
        seen.iter()
            .all(|e| e.subscription_id == sub.id && !e.offset.is_empty())
    );
    assert!(
        seen.windows(2)
            .all(|w| w[0].offset.parse::<u64>().unwrap() < w[1].offset.parse::<u64>().unwrap())
    );

    // The same events over Server-Sent Events, from the oldest, filtered by type.
    let response = gw
        .http
        .get(gw.url("/api/events:watch?start=START_POSITION_OLDEST&types=EVENT_TYPE_PRESENCE"))
        .header("accept", "text/event-stream")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let mut response = response;
    let mut text = String::new();
    while !text.contains("\n\n") {
        let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(
        text.starts_with(&format!("id: {}\ndata: ", presence.offset)),
        "{text}"
    );
    let data: Value =
        serde_json::from_str(text.lines().nth(1).unwrap().trim_start_matches("data: ")).unwrap();
    assert_eq!(data["type"], "EVENT_TYPE_PRESENCE");
    assert_eq!(data["presence"]["telephonyStatus"], "Ringing");
}

#[tokio::test]
async fn a_watch_resumes_after_its_last_offset_without_gaps_or_repeats() {
    let gw = TestGateway::start().await;
    subscribe(&gw, None).await;
    for status in ["Available", "Busy", "Offline", "Available", "Busy"] {
        sandbox_post(
            &gw,
            &format!("/presence/{ADMIN}"),
            json!({"presenceStatus": status}),
        )
        .await;
    }
    delivered(&gw, 5).await;
    let everything = all_events(&gw).await;
    assert_eq!(everything.len(), 5);

    let mut first = gw
        .events()
        .watch_events(pb::WatchEventsRequest {
            start: pb::StartPosition::Oldest as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let a = first.next().await.unwrap().unwrap();
    let b = first.next().await.unwrap().unwrap();
    drop(first);
    let mut resumed = gw
        .events()
        .watch_events(pb::WatchEventsRequest {
            after_offset: b.offset.clone(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let rest = uuids(&drain(&mut resumed, QUIET).await);
    let expected: Vec<String> = everything[2..].iter().map(|e| e.uuid.clone()).collect();
    assert_eq!(rest, expected);
    assert!(!rest.contains(&a.uuid) && !rest.contains(&b.uuid));

    // SSE: Last-Event-ID resumes the same way.
    let response = gw
        .http
        .get(gw.url("/api/events:watch"))
        .header("accept", "text/event-stream")
        .header("last-event-id", &everything[3].offset)
        .send()
        .await
        .unwrap();
    let mut response = response;
    let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&chunk);
    assert!(
        text.starts_with(&format!("id: {}\n", everything[4].offset)),
        "{text}"
    );

    let bad = gw
        .events()
        .watch_events(pb::WatchEventsRequest {
            after_offset: "nope".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
}

#[tokio::test]
async fn tokens_and_signatures_are_checked_and_refusals_store_nothing() {
    let secret = "relay-signing-secret";
    let gw = TestGateway::start_with(unthrottled(), &[("WEBHOOK_HMAC_SECRET", secret)]).await;
    let token = "0123456789abcdef0123456789abcdef";
    let sub = subscribe(&gw, Some(token)).await;
    let notification = |uuid: &str, subscription: &str| {
        serde_json::to_vec(&json!({
            "uuid": uuid,
            "event": format!("/restapi/v1.0/account/809646016/extension/{ADMIN}/presence"),
            "timestamp": "2026-01-01T00:00:00.000Z",
            "subscriptionId": subscription,
            "ownerId": ADMIN,
            "body": {"extensionId": ADMIN, "presenceStatus": "Busy"},
        }))
        .unwrap()
    };
    let post = |body: Vec<u8>, token: Option<&str>, signature: Option<String>| {
        let mut request = gw
            .http
            .post(gw.sidecar("/api/webhooks/events"))
            .header("content-type", "application/json")
            .body(body);
        if let Some(t) = token {
            request = request.header("Verification-Token", t);
        }
        if let Some(s) = signature {
            request = request.header(verify::SIGNATURE_HEADER, s);
        }
        request.send()
    };
    let signed = |body: &[u8]| Some(verify::sign(secret.as_bytes(), body));

    let body = notification("u-missing", &sub.id);
    assert_eq!(
        post(body.clone(), None, signed(&body))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let body = notification("u-wrong", &sub.id);
    assert_eq!(
        post(
            body.clone(),
            Some("not-the-token-at-all-0000000000"),
            signed(&body)
        )
        .await
        .unwrap()
        .status(),
        StatusCode::FORBIDDEN
    );
    let body = notification("u-unknown", "no-such-subscription");
    assert_eq!(
        post(body.clone(), Some(token), signed(&body))
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let body = notification("u-unsigned", &sub.id);
    assert_eq!(
        post(body.clone(), Some(token), None)
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let body = notification("u-badsig", &sub.id);
    let other = verify::sign(b"another secret", &body);
    assert_eq!(
        post(body.clone(), Some(token), Some(other))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(b"{not json".to_vec(), Some(token), signed(b"{not json"))
            .await
            .unwrap()
            .status(),
        StatusCode::BAD_REQUEST
    );
    // Over WEBHOOK_MAX_BODY_BYTES (256 KiB by default): 413, even with a good token.
    let mut big = notification("u-big", &sub.id);
    let padding = format!(",\"padding\":\"{}\"}}", "x".repeat(300 * 1024));
    big.pop();
    big.extend_from_slice(padding.as_bytes());
    assert_eq!(
        post(big.clone(), Some(token), signed(&big))
            .await
            .unwrap()
            .status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert!(
        all_events(&gw).await.is_empty(),
        "nothing refused is stored"
    );

    let body = notification("u-good", &sub.id);
    assert_eq!(
        post(body.clone(), Some(token), signed(&body))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    // The dry run answers without storing.
    let body = notification("u-dry", &sub.id);
    let dry = gw
        .http
        .post(gw.sidecar("/api/webhooks/validate"))
        .header("Verification-Token", token)
        .header(
            verify::SIGNATURE_HEADER,
            verify::sign(secret.as_bytes(), &body),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(dry.status(), StatusCode::OK);
    assert_eq!(dry.json::<Value>().await.unwrap()["valid"], true);
    let stored = all_events(&gw).await;
    assert_eq!(
        stored.iter().map(|e| e.uuid.as_str()).collect::<Vec<_>>(),
        ["u-good"]
    );

    // The handshake is echoed and tiny.
    let hello = gw
        .http
        .post(gw.sidecar("/api/webhooks/events"))
        .header("Validation-Token", "abc123")
        .send()
        .await
        .unwrap();
    assert_eq!(hello.status(), StatusCode::OK);
    assert_eq!(hello.headers()["validation-token"], "abc123");
    assert!(hello.bytes().await.unwrap().is_empty());
}

/// Posts a presence notification for `extension` straight to the ingress.
async fn notify(gw: &TestGateway, sub: &str, token: &str, uuid: &str, extension: &str) {
    let answer = gw
        .http
        .post(gw.sidecar("/api/webhooks/events"))
        .header("Verification-Token", token)
        .json(&json!({
            "uuid": uuid,
            "event": format!("/restapi/v1.0/account/809646016/extension/{extension}/presence"),
            "subscriptionId": sub,
            "ownerId": extension,
            "body": {"extensionId": extension, "presenceStatus": "Busy"},
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
}

#[tokio::test]
async fn watches_filter_by_subscription_extension_and_type() {
    let gw = TestGateway::start().await;
    let (token_a, token_b) = (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    );
    let a = subscribe(&gw, Some(token_a)).await.id;
    let b = subscribe(&gw, Some(token_b)).await.id;
    notify(&gw, &a, token_a, "a-101", "63000101").await;
    notify(&gw, &a, token_a, "a-102", "63000102").await;
    notify(&gw, &b, token_b, "b-101", "63000101").await;
    notify(&gw, &b, token_b, "b-103", "63000103").await;
    let watch = |request: pb::WatchEventsRequest| {
        let gw = &gw;
        async move {
            let mut stream = gw
                .events()
                .watch_events(pb::WatchEventsRequest {
                    start: pb::StartPosition::Oldest as i32,
                    ..request
                })
                .await
                .unwrap()
                .into_inner();
            uuids(&drain(&mut stream, QUIET).await)
        }
    };
    assert_eq!(
        watch(pb::WatchEventsRequest {
            subscription_ids: vec![b.clone()],
            ..Default::default()
        })
        .await,
        ["b-101", "b-103"]
    );
    assert_eq!(
        watch(pb::WatchEventsRequest {
            extension_ids: vec!["63000101".into()],
            ..Default::default()
        })
        .await,
        ["a-101", "b-101"]
    );
    assert_eq!(
        watch(pb::WatchEventsRequest {
            subscription_ids: vec![a.clone()],
            extension_ids: vec!["63000102".into(), "63000103".into()],
            ..Default::default()
        })
        .await,
        ["a-102"]
    );
    assert!(
        watch(pb::WatchEventsRequest {
            types: vec![pb::EventType::MessageStore as i32],
            ..Default::default()
        })
        .await
        .is_empty()
    );
    // The same filters over SSE.
    let mut response = gw
        .http
        .get(gw.url(&format!(
            "/api/events:watch?start=START_POSITION_OLDEST&subscriptionIds={a}&extensionIds=63000101"
        )))
        .header("accept", "text/event-stream")
        .send()
        .await
        .unwrap();
    let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&chunk);
    assert!(
        text.contains("\"a-101\"") && !text.contains("b-101"),
        "{text}"
    );
}

#[tokio::test]
async fn retention_drops_old_events_and_a_resume_before_them_is_out_of_range() {
    let gw = TestGateway::start_with(unthrottled(), &[("EVENT_RETENTION", "2s")]).await;
    let token = "cccccccccccccccccccccccccccccccc";
    let sub = subscribe(&gw, Some(token)).await.id;
    for i in 1..=3 {
        notify(&gw, &sub, token, &format!("old-{i}"), "63000101").await;
    }
    let old = all_events(&gw).await;
    assert_eq!(old.len(), 3);
    // Past the retention (pruning runs every second with a 2 s retention).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !all_events(&gw).await.is_empty() {
        assert!(tokio::time::Instant::now() < deadline, "old events kept");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    notify(&gw, &sub, token, "new-1", "63000101").await;
    let watch = |after: String| {
        let gw = &gw;
        async move {
            gw.events()
                .watch_events(pb::WatchEventsRequest {
                    after_offset: after,
                    ..Default::default()
                })
                .await
        }
    };
    // Resuming after a dropped event that was not the last: some were never seen.
    let pruned = watch(old[0].offset.clone()).await.unwrap_err();
    assert_eq!(pruned.code(), Code::OutOfRange, "{pruned:?}");
    assert!(
        pruned.message().contains("no longer retained"),
        "{pruned:?}"
    );
    // Resuming after the last one seen before the drop: offsets are not reused, so
    // the new event comes next.
    let mut stream = watch(old[2].offset.clone()).await.unwrap().into_inner();
    assert_eq!(uuids(&drain(&mut stream, QUIET).await), ["new-1"]);
    // An offset this log never handed out.
    let ahead = watch("999999".into()).await.unwrap_err();
    assert_eq!(ahead.code(), Code::OutOfRange, "{ahead:?}");
    let sse = gw
        .http
        .get(gw.url("/api/events:watch"))
        .header("accept", "text/event-stream")
        .header("last-event-id", "999999")
        .send()
        .await
        .unwrap();
    assert_eq!(sse.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_repeated_notification_is_stored_once() {
    let gw = TestGateway::start().await;
    subscribe(&gw, None).await;
    sandbox_post(&gw, &format!("/messages/{ADMIN}"), json!({"type": "SMS"})).await;
    let first = delivered(&gw, 1).await;
    let uuid = first[0]["uuid"].as_str().unwrap().to_owned();
    let replay = gw
        .http
        .post(format!("{}/_sandbox/deliveries/replay", gw.sandbox.url()))
        .json(&json!({"uuid": uuid}))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), StatusCode::NO_CONTENT);
    let both = delivered(&gw, 2).await;
    assert_eq!(
        both[1]["uuid"], both[0]["uuid"],
        "RingCentral delivered it twice"
    );
    let events = all_events(&gw).await;
    assert_eq!(events.iter().filter(|e| e.uuid == uuid).count(), 1);
}

#[tokio::test]
async fn a_thousand_concurrent_notifications_are_all_stored() {
    let gw = TestGateway::start().await;
    let token = "fedcba9876543210fedcba9876543210";
    let sub = subscribe(&gw, Some(token)).await;
    let sends = (0..1000).map(|i| {
        let body = json!({
            "uuid": format!("burst-{i}"),
            "event": "/restapi/v1.0/account/809646016/extension",
            "subscriptionId": sub.id,
            "body": {"extensions": [{"extensionId": "1", "eventType": "Update"}]},
        });
        gw.http
            .post(gw.sidecar("/api/webhooks/events"))
            .header("Verification-Token", token)
            .json(&body)
            .send()
    });
    let answers = futures::future::join_all(sends).await;
    assert!(
        answers
            .iter()
            .all(|a| a.as_ref().unwrap().status() == StatusCode::OK)
    );
    let events = all_events(&gw).await;
    assert_eq!(events.len(), 1000);
    let mut offsets: Vec<u64> = events.iter().map(|e| e.offset.parse().unwrap()).collect();
    offsets.dedup();
    assert_eq!(offsets.len(), 1000);
}

#[tokio::test]
async fn subscriptions_are_listed_read_renewed_and_deleted() {
    let gw = TestGateway::start().await;
    let sub = subscribe(&gw, None).await;
    let list = gw.get("/api/webhooks/subscriptions").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json["records"][0]["id"], sub.id);
    assert_eq!(list.json["records"][0]["managed"], true);
    let read = gw
        .get(&format!("/api/webhooks/subscriptions/{}", sub.id))
        .await;
    assert_eq!(read.json["status"], "SUBSCRIPTION_STATUS_ACTIVE");
    assert!(read.json["expiresIn"].as_i64().unwrap() > 600_000);
    let renewed = gw
        .call(
            http::Method::POST,
            &format!("/api/webhooks/subscriptions/{}/renew", sub.id),
            None,
        )
        .await;
    assert_eq!(renewed.status, StatusCode::OK);
    let deleted = gw
        .call(
            http::Method::DELETE,
            &format!("/api/webhooks/subscriptions/{}", sub.id),
            None,
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    let gone = gw
        .get(&format!("/api/webhooks/subscriptions/{}", sub.id))
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let bad = gw.get("/api/webhooks/subscriptions/..%2Fx").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn subscriptions_deliver_only_to_the_gateway() {
    let gw = TestGateway::start().await;
    let err = gw
        .subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec!["/restapi/v1.0/account/~/extension".into()],
            delivery_mode: Some(pb::DeliveryMode {
                address: "https://attacker.example.com/hook".into(),
                ..Default::default()
            }),
            expires_in: 0,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(error_info(&err)["field"], "deliveryMode.address");
    assert_eq!(gw.upstream_calls("createSubscription").await, 0);
    let empty = gw
        .call(
            http::Method::POST,
            "/api/webhooks/subscriptions",
            Some(json!({"eventFilters": []})),
        )
        .await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert_eq!(empty.json["field"], "eventFilters");
}

#[tokio::test]
async fn a_failed_handshake_fails_the_creation_with_ringcentrals_error() {
    let dead = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/api/webhooks/events", dead.local_addr().unwrap());
    drop(dead);
    let gw = TestGateway::start_with(unthrottled(), &[("WEBHOOK_PUBLIC_URL", &url)]).await;
    let err = gw
        .subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec!["/restapi/v1.0/account/~/extension".into()],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(error_info(&err)["errorCode"], "SUB-521");
}

#[tokio::test]
async fn subscriptions_are_renewed_before_they_expire() {
    let gw =
        TestGateway::start_with(unthrottled(), &[("SUBSCRIPTION_CHECK_INTERVAL", "300ms")]).await;
    let sub = gw
        .subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec!["/restapi/v1.0/account/~/extension".into()],
            expires_in: 6,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let first_expiry = sub.expiration_time.unwrap().seconds;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(8);
    while gw.upstream_calls("renewSubscription").await == 0 {
        assert!(tokio::time::Instant::now() < deadline, "renewed within 8 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    let read = gw
        .subscriptions()
        .get_subscription(pb::GetSubscriptionRequest {
            subscription_id: sub.id.clone(),
        })
        .await
        .expect("still alive after its first lifetime")
        .into_inner();
    assert!(read.expiration_time.unwrap().seconds > first_expiry);
}

#[tokio::test]
async fn blacklisted_or_vanished_subscriptions_are_recreated() {
    let gw =
        TestGateway::start_with(unthrottled(), &[("SUBSCRIPTION_CHECK_INTERVAL", "300ms")]).await;
    let sub = subscribe(&gw, None).await;
    sandbox_post(
        &gw,
        &format!("/subscriptions/{}/blacklist", sub.id),
        json!({}),
    )
    .await;
    let recreated = wait_for_replacement(&gw, &sub.id).await;
    // Events flow through the new one.
    sandbox_post(
        &gw,
        &format!("/presence/{ADMIN}"),
        json!({"presenceStatus": "Busy"}),
    )
    .await;
    delivered(&gw, 1).await;
    assert_eq!(all_events(&gw).await[0].subscription_id, recreated);
    // A subscription that expired (is gone at RingCentral) comes back too.
    sandbox_post(
        &gw,
        &format!("/subscriptions/{recreated}/expire"),
        json!({}),
    )
    .await;
    wait_for_replacement(&gw, &recreated).await;
}

async fn wait_for_replacement(gw: &TestGateway, old: &str) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(8);
    loop {
        let list = gw
            .subscriptions()
            .list_subscriptions(pb::ListSubscriptionsRequest {})
            .await
            .unwrap()
            .into_inner();
        let fresh: Vec<_> = list
            .records
            .iter()
            .filter(|s| {
                s.id != old && s.managed && s.status == pb::SubscriptionStatus::Active as i32
            })
            .collect();
        if let Some(s) = fresh.first() {
            assert!(
                list.records.iter().all(|s| s.id != old || !s.managed),
                "the old one is no longer kept"
            );
            return s.id.clone();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "recreated within 8 s: {:?}",
            list.records
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn events_survive_a_gateway_restart() {
    use crate::harness::TempDir;
    use crate::process;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sandbox = rc_sandbox::start(unthrottled(), listener).await.unwrap();
    let data = TempDir::new();
    let port = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let sidecar = format!("127.0.0.1:{port}");
    let public = format!("http://{sidecar}/api/webhooks/events");
    let url = sandbox.url();
    let env = [
        ("RC_SERVER_URL", url.as_str()),
        ("RC_CLIENT_ID", rc_sandbox::DEFAULT_CLIENT_ID),
        ("RC_CLIENT_SECRET", rc_sandbox::DEFAULT_CLIENT_SECRET),
        ("RC_JWT", rc_sandbox::DEFAULT_JWT),
        ("DATA_DIR", data.path()),
        ("SIDECAR_ADDR", sidecar.as_str()),
        ("WEBHOOK_PUBLIC_URL", public.as_str()),
    ];
    let http = rc_gateway::http_client();
    let mut first = process::spawn(&["serve", "--insecure-no-auth"], &env);
    let created = http
        .post(format!("http://{}/api/webhooks/subscriptions", first.http))
        .json(&json!({"eventFilters": ["/restapi/v1.0/account/~/presence"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::OK);
    let presence = |status: &'static str| {
        http.post(format!("{url}/_sandbox/presence/{ADMIN}"))
            .json(&json!({"presenceStatus": status}))
            .send()
    };
    presence("Busy").await.unwrap();
    presence("Available").await.unwrap();
    let deliveries = || async {
        let all: Vec<Value> = http
            .get(format!("{url}/_sandbox/deliveries"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        all.into_iter().filter(|d| d["status"] == 200).count()
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while deliveries().await < 2 {
        assert!(tokio::time::Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    // Acknowledged means stored: kill the gateway without warning (no shutdown, no
    // flush) and start another on the same data.
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    let second = process::spawn(&["serve", "--insecure-no-auth"], &env);
    let channel = second.channel().await;
    let mut events = rc_gateway::proto::v1::event_service_client::EventServiceClient::new(channel);
    let mut stream = events
        .watch_events(pb::WatchEventsRequest {
            start: pb::StartPosition::Oldest as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let a = stream.next().await.unwrap().unwrap();
    let b = stream.next().await.unwrap().unwrap();
    let Some(pb::event::Payload::Presence(p)) = &b.payload else {
        panic!("presence")
    };
    assert_eq!(p.presence_status, "Available");
    assert_eq!((a.offset.as_str(), b.offset.as_str()), ("1", "2"));
    // The restarted gateway still knows the subscription's token.
    presence("Offline").await.unwrap();
    let c = tokio::time::timeout(Duration::from_secs(10), stream.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(c.offset, "3");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_sandbox_blacklists_an_endpoint_that_keeps_failing() {
    use axum::routing::post;
    // An endpoint that passes the handshake, then fails every notification.
    let app = axum::Router::new().route(
        "/hook",
        post(|headers: http::HeaderMap| async move {
            match headers.get("validation-token") {
                Some(token) => {
                    (StatusCode::OK, [("validation-token", token.clone())]).into_response()
                }
                None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    use axum::response::IntoResponse;

    let gw = TestGateway::start().await;
    let (token, _) = sandbox_login(&gw).await;
    let created: Value = gw
        .http
        .post(format!("{}/restapi/v1.0/subscription", gw.sandbox.url()))
        .bearer_auth(&token)
        .json(&json!({"eventFilters": ["/restapi/v1.0/account/~/presence"], "deliveryMode": {"transportType": "WebHook", "address": hook}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    for _ in 0..3 {
        sandbox_post(&gw, &format!("/presence/{ADMIN}"), json!({})).await;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let read: Value = gw
            .http
            .get(format!(
                "{}/restapi/v1.0/subscription/{id}",
                gw.sandbox.url()
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if read["status"] == "Blacklisted" {
            assert!(
                read["blacklistedData"]["reason"]
                    .as_str()
                    .unwrap()
                    .contains("[500]"),
                "{read}"
            );
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{read}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A handshake that is not answered right fails the creation.
    let refused: Value = gw
        .http
        .post(format!("{}/restapi/v1.0/subscription", gw.sandbox.url()))
        .bearer_auth(&token)
        .json(&json!({"eventFilters": ["/restapi/v1.0/account/~/presence"], "deliveryMode": {"transportType": "WebHook", "address": format!("{}/openapi.json", gw.url(""))}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        matches!(
            refused["errors"][0]["errorCode"].as_str(),
            Some("SUB-520" | "SUB-525")
        ),
        "{refused}"
    );
}

/// Logs in to the sandbox directly: (access token, owner id).
async fn sandbox_login(gw: &TestGateway) -> (String, String) {
    use base64::Engine;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        rc_sandbox::DEFAULT_CLIENT_ID,
        rc_sandbox::DEFAULT_CLIENT_SECRET
    ));
    let token: Value = gw
        .http
        .post(format!("{}/restapi/oauth/token", gw.sandbox.url()))
        .header("authorization", format!("Basic {auth}"))
        .form(&[
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            ("assertion", rc_sandbox::DEFAULT_JWT),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        token["access_token"].as_str().unwrap().to_owned(),
        token["owner_id"].as_str().unwrap().to_owned(),
    )
}
