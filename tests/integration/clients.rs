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
        installed(
            "the Python clients",
            "ensure_py_clients && printf %s \"$PY_CLIENTS\"",
        )
    })
}

/// Runs `install` (functions of `scripts/tools.sh`, which install once) and returns what
/// it prints: where `what` is installed.
fn installed(what: &str, install: &str) -> String {
    let out = Command::new("bash")
        .args([
            "-c",
            &format!("source scripts/tools.sh >/dev/null && {install}"),
        ])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "installing {what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
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
        account: None,
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

/// An official RingCentral SDK, installed on first use by scripts/tools.sh.
#[derive(Clone, Copy, Debug)]
enum Sdk {
    Python,
    JavaScript,
}

impl Sdk {
    const ALL: [Sdk; 2] = [Sdk::Python, Sdk::JavaScript];

    /// Where the SDK is installed.
    fn path(self) -> &'static str {
        static PATHS: [OnceLock<String>; 2] = [OnceLock::new(), OnceLock::new()];
        let (slot, install) = match self {
            Sdk::Python => (&PATHS[0], "ensure_py_sdk && printf %s \"$PY_SDK\""),
            Sdk::JavaScript => (
                &PATHS[1],
                "ensure_js_sdk && printf %s \"$JS_SDK/node_modules\"",
            ),
        };
        slot.get_or_init(|| installed(&format!("the {self:?} SDK"), install))
    }

    /// Runs the SDK's flow against `server` (`sandbox` delivers its webhook event) and
    /// returns what it saw.
    async fn flow(
        self,
        server: &str,
        client_id: &str,
        secret: &str,
        jwt: &str,
        sandbox: &str,
    ) -> Value {
        let path = self.path().to_owned();
        let args: Vec<String> = [server, client_id, secret, jwt, sandbox]
            .map(str::to_owned)
            .into();
        let out = tokio::task::spawn_blocking(move || {
            let mut command = match self {
                Sdk::Python => {
                    let mut c = Command::new("python3");
                    c.arg(repo("tests/clients/python/sdk_flow.py"))
                        .args(["--server", &args[0], "--client-id", &args[1]])
                        .args(["--client-secret", &args[2], "--jwt", &args[3]])
                        .args(["--sandbox", &args[4]])
                        .env("PYTHONPATH", path);
                    c
                }
                Sdk::JavaScript => {
                    let mut c = Command::new("node");
                    c.arg(repo("tests/clients/js/sdk_flow.cjs"))
                        .args(&args)
                        .env("NODE_PATH", path);
                    c
                }
            };
            command.output().expect("the SDK's runtime runs")
        })
        .await
        .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "the {self:?} SDK's flow failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_str(stdout.trim()).unwrap()
    }
}

#[tokio::test]
async fn the_official_sdks_run_their_flow_against_the_sandbox() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sandbox = rc_sandbox::start(unthrottled(), listener).await.unwrap();
    for sdk in Sdk::ALL {
        let seen = sdk
            .flow(
                &sandbox.url(),
                rc_sandbox::DEFAULT_CLIENT_ID,
                rc_sandbox::DEFAULT_CLIENT_SECRET,
                rc_sandbox::DEFAULT_JWT,
                &sandbox.url(),
            )
            .await;
        assert_eq!(seen["token_type"], "bearer", "{sdk:?}");
        assert!(
            seen["webhook"]["event"]
                .as_str()
                .unwrap()
                .ends_with("/presence")
        );
        assert!(
            seen["next_page_uri"]
                .as_str()
                .unwrap()
                .starts_with(&sandbox.url())
        );
        assert!(
            seen["ivr_prompt"]["content_uri"]
                .as_str()
                .unwrap()
                .starts_with(&sandbox.url()),
            "{seen}"
        );
        assert_eq!(seen["after_logout"], 401, "{sdk:?}");
    }
}

#[tokio::test]
async fn the_official_sdks_run_their_flow_through_the_gateway() {
    let key = rc_gateway::auth::keys::generate();
    let table = format!(
        "id=sdk hash={} scopes=extensions:*,subscriptions:*,ivr_prompts:*",
        rc_gateway::auth::keys::hash(&key)
    );
    let gw = TestGateway::start_with(unthrottled(), &[("AUTH_API_KEYS", &table)]).await;
    let base = gw.url("");
    for sdk in Sdk::ALL {
        // The SDK logs in with the gateway's credentials: the key's id and the key; the
        // assertion is not a RingCentral JWT (the SDK needs one to send the JWT grant).
        let seen = sdk
            .flow(&base, "sdk", &key, "unused", &gw.sandbox.url())
            .await;
        assert_eq!(seen["token_type"], "bearer", "{sdk:?}");
        // The subscription went through the gateway; RingCentral delivered to the
        // SDK's own address after the handshake.
        assert!(
            seen["webhook"]["event"]
                .as_str()
                .unwrap()
                .ends_with("/presence"),
            "{seen}"
        );
        // Paging by the answer's navigation stayed behind the gateway.
        assert!(
            seen["next_page_uri"].as_str().unwrap().starts_with(&base),
            "{seen}"
        );
        assert!(
            seen["me_uri"].as_str().unwrap().starts_with(&base),
            "{seen}"
        );
        // The prompt's audio was uploaded and downloaded through the gateway.
        assert!(
            seen["ivr_prompt"]["content_uri"]
                .as_str()
                .unwrap()
                .starts_with(&base),
            "{seen}"
        );
        assert_eq!(seen["after_logout"], 401, "{sdk:?}");
        let created = seen["created_id"].as_str().unwrap();
        let requests = gw.upstream_requests().await;
        assert!(
            requests
                .iter()
                .any(|r| r["path"].as_str().is_some_and(|p| p.ends_with(created))),
            "{sdk:?}: the update went upstream"
        );
    }
    for op in ["createIVRPrompt", "readIVRPromptContent", "deleteIVRPrompt"] {
        assert_eq!(gw.upstream_calls(op).await, 2, "{op}: one per SDK");
    }
    // RingCentral saw the gateway's one login, not the SDKs'.
    assert_eq!(gw.upstream_calls("getToken").await, 1);
}
