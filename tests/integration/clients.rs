//! Third-party clients against the gateway: the official Python gRPC runtime,
//! generated from `proto/` the way a user of the gateway would generate it.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use http::StatusCode;
use rc_gateway::events::{EventLog, NewEvent};
use rc_gateway::proto::v1 as pb;
use rc_store::embedded::EmbeddedStore;
use serde_json::{Value, json};

use crate::harness::{TempDir, TestGateway, unthrottled};

/// The Python packages the clients need (installed on first use by scripts/tools.sh,
/// which the README's test command also runs).
pub fn python_path() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        let out = Command::new("bash")
            .args(["-c", "source scripts/tools.sh >/dev/null && ensure_py_clients && printf %s \"$PY_CLIENTS\""])
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "installing the Python clients failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    })
}

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `depth` levels of objects.
fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("leaf"), |inner, _| json!({ "a": inner }))
}

fn event(uuid: &str, body: Value) -> NewEvent {
    NewEvent {
        uuid: uuid.into(),
        event: "/restapi/v1.0/account/1/extension/63000101".into(),
        subscription_id: "legacy-subscription".into(),
        owner_id: None,
        timestamp: None,
        body,
    }
}

#[tokio::test]
async fn a_python_grpc_reader_reads_every_event_and_resumes_past_an_old_poison_pill() {
    // An event stored before the ingress refused deep bodies: 40 levels of objects,
    // 121 protobuf levels, more than any protobuf runtime decodes.
    let data = TempDir::new();
    {
        let log = EmbeddedStore::open(data.0.as_path()).unwrap();
        log.append(event("u-legacy", nested(40))).await.unwrap();
        log.append(event("u-plain", json!({"extensionId": "63000101"})))
            .await
            .unwrap();
    }
    let gw = TestGateway::start_with(unthrottled(), &[("DATA_DIR", data.path())]).await;
    let token = "pythonreadertoken012345";
    let sub = gw
        .subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec!["/restapi/v1.0/account/~/extension".into()],
            delivery_mode: Some(pb::DeliveryMode {
                verification_token: token.into(),
                ..Default::default()
            }),
            expires_in: 0,
        })
        .await
        .unwrap()
        .into_inner();
    // The deepest body the ingress takes: 21 levels of objects, 64 protobuf levels.
    for (uuid, body) in [("u-deepest", nested(21)), ("u-after", json!({"k": "v"}))] {
        let answer = gw
            .http
            .post(gw.sidecar("/api/webhooks/events"))
            .header("Verification-Token", token)
            .json(&json!({
                "uuid": uuid,
                "event": "/restapi/v1.0/account/1/extension/63000101",
                "subscriptionId": sub.id,
                "body": body,
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
    }

    let python = python_path().to_owned();
    let target = gw.gateway().grpc_addr.to_string();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(repo("tests/clients/python/watch_events.py"))
            .args(["--target", &target, "--count", "4", "--protos"])
            .arg(repo("proto"))
            .env("PYTHONPATH", python)
            .output()
            .expect("python3 runs")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the Python reader failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let read = |label: &str| -> Vec<(String, bool, u64)> {
        lines
            .iter()
            .filter(|l| l["read"] == label)
            .map(|l| {
                (
                    l["uuid"].as_str().unwrap().to_owned(),
                    l["hasBody"].as_bool().unwrap(),
                    l["bodyDepth"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        read("oldest"),
        [
            ("u-legacy".to_owned(), false, 0),
            ("u-plain".to_owned(), true, 1),
            ("u-deepest".to_owned(), true, 21),
            ("u-after".to_owned(), true, 1),
        ],
        "{stdout}"
    );
    assert_eq!(
        read("resumed"),
        [
            ("u-plain".to_owned(), true, 1),
            ("u-deepest".to_owned(), true, 21),
            ("u-after".to_owned(), true, 1),
        ],
        "{stdout}"
    );
}
