//! Hostile input at the webhook ingress: arbitrary bodies, tokens, signatures and
//! handshake headers. Every answer is one of the documented statuses, nothing panics,
//! and whatever is acknowledged with 200 is in the event log.

use std::sync::{Arc, LazyLock};

use axum::body::Body;
use http::{Request, StatusCode};
use proptest::prelude::*;
use tower::ServiceExt;

use super::*;
use rc_store::embedded::EmbeddedStore;
use rc_store::{SubscriptionRecord, SubscriptionStore};

const TOKEN: &str = "the-verification-token";
const SECRET: &str = "relay-signing-secret";

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
});

struct Fixture {
    router: Router,
    log: Arc<EmbeddedStore>,
    _dir: tempdir::Dir,
}

/// A throwaway directory for the embedded store.
mod tempdir {
    pub struct Dir(pub std::path::PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    RUNTIME.block_on(async {
        let dir = std::env::temp_dir().join(format!("rcgw-ingress-{}", uuid::Uuid::new_v4()));
        let store = EmbeddedStore::open(&dir).unwrap();
        store
            .put(&SubscriptionRecord {
                id: "sub-1".into(),
                token_hash: verify::token_hash(TOKEN),
                event_filters: vec![],
                address: "http://gateway/api/webhooks/events".into(),
                expires_in: None,
                expires_at_ms: u64::MAX / 2,
                created_at_ms: 0,
            })
            .await
            .unwrap();
        let accounts = crate::accounts::testing::registry(store.clone());
        let router = router(Ingress {
            accounts,
            log: store.clone(),
            hmac_secret: Some(Secret::new(SECRET)),
            max_body: 4096,
            hooks: Arc::new(NoHooks),
        });
        Fixture {
            router,
            log: store,
            _dir: tempdir::Dir(dir),
        }
    })
});

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,24}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Notification-shaped JSON with arbitrary parts, or arbitrary bytes.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let notification = (
        prop_oneof![Just("uuid-1".to_owned()), "[ -~]{0,40}"],
        prop_oneof![Just("sub-1".to_owned()), "[ -~]{0,20}"],
        prop_oneof![
            Just("/restapi/v1.0/account/~/extension/1/presence".to_owned()),
            Just("/restapi/v1.0/account/~/telephony/sessions".to_owned()),
            ".{0,60}",
        ],
        json_value(),
        json_value(),
    )
        .prop_map(|(uuid, sub, event, owner, body)| {
            serde_json::to_vec(&json!({
                "uuid": uuid, "subscriptionId": sub, "event": event,
                "ownerId": owner, "timestamp": "2026-01-01T00:00:00Z", "body": body,
            }))
            .unwrap()
        });
    prop_oneof![
        notification,
        prop::collection::vec(any::<u8>(), 0..600),
        json_value().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        // Over the size limit.
        Just(vec![b' '; 5000]),
    ]
}

fn header_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[ -~]{0,80}")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_ingress_answers_anything_without_panicking(
        body in body(),
        token in prop_oneof![Just(Some(TOKEN.to_owned())), header_text()],
        sign in any::<bool>(),
        signature in header_text(),
        validation in prop::option::weighted(0.1, "[ -~]{0,40}"),
        path in prop_oneof![Just("/api/webhooks/events"), Just("/api/webhooks/validate")],
    ) {
        let fixture = &*FIXTURE;
        let mut request = Request::post(path).header("content-type", "application/json");
        if let Some(token) = &token {
            request = request.header(VERIFICATION_TOKEN, token.as_str());
        }
        let signature = if sign { Some(verify::sign(SECRET.as_bytes(), &body)) } else { signature };
        if let Some(signature) = &signature {
            request = request.header(verify::SIGNATURE_HEADER, signature.as_str());
        }
        if let Some(validation) = &validation {
            request = request.header(VALIDATION_TOKEN, validation.as_str());
        }
        let request = request.body(Body::from(body.clone())).unwrap();
        let (status, stored) = RUNTIME.block_on(async {
            let response = fixture.router.clone().oneshot(request).await.unwrap();
            let status = response.status();
            let uuid = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|v| v["uuid"].as_str().map(str::to_owned));
            let stored = match uuid {
                Some(uuid) => fixture
                    .log
                    .read_after(None, 100_000)
                    .await
                    .unwrap()
                    .iter()
                    .any(|e| e.event.uuid == uuid),
                None => false,
            };
            (status, stored)
        });
        prop_assert!(
            [StatusCode::OK, StatusCode::BAD_REQUEST, StatusCode::UNAUTHORIZED,
             StatusCode::FORBIDDEN, StatusCode::PAYLOAD_TOO_LARGE].contains(&status),
            "status {status}"
        );
        if status == StatusCode::OK && validation.is_none() && path.ends_with("/events") {
            prop_assert!(stored, "acknowledged but not stored");
            prop_assert!(sign && token.as_deref() == Some(TOKEN));
        }
    }

    #[test]
    fn only_the_right_signature_verifies(
        secret in prop::collection::vec(any::<u8>(), 0..64),
        body in prop::collection::vec(any::<u8>(), 0..256),
        signature in "[ -~]{0,80}",
    ) {
        let good = verify::sign(&secret, &body);
        prop_assert!(verify::signature_valid(&secret, &body, &good));
        prop_assert_eq!(verify::signature_valid(&secret, &body, &signature), signature == good);
        let mut other = body.clone();
        other.push(0);
        prop_assert!(!verify::signature_valid(&secret, &other, &good));
    }
}
