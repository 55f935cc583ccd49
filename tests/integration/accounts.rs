//! Several RingCentral accounts behind one gateway: each call reaches only its own
//! account's data, budget and breaker; callers use only the accounts they are bound
//! to; webhooks and events stay with their account. One sandbox emulates the three
//! accounts, two of them sharing one app (RingCentral's public-app model).

use std::time::Duration;

use http::{Method, StatusCode};
use rc_gateway::config::Config;
use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::event_service_client::EventServiceClient;
use rc_gateway::proto::v1::extension_service_client::ExtensionServiceClient;
use rc_gateway::{Gateway, Listeners};
use rc_sandbox::{self as sandbox, RunningSandbox, SandboxConfig};
use serde_json::{Value, json};
use tonic::transport::Channel;

use crate::harness::{TempDir, drain, unthrottled};

const ACME_JWT: &str = "acme-user-jwt-0123456789";
const GLOBEX_JWT: &str = "globex-user-jwt-0123456789";
/// The administrators the sandbox seeds: account #0, #1, #2.
const DEFAULT_ADMIN: i64 = 63_000_101;
const ACME_ADMIN: i64 = 64_000_101;
const GLOBEX_ADMIN: i64 = 65_000_101;

const OPS: &str = "rcgw_ops-key-0123456789abcdef";
const ACME_ONLY: &str = "rcgw_acme-key-0123456789abcdef";
const GLOBEX_ONLY: &str = "rcgw_globex-key-0123456789abcdef";
const MIXED: &str = "rcgw_mixed-key-0123456789abcdef";

struct Accounts {
    gateway: Option<Gateway>,
    sandbox: RunningSandbox,
    http: reqwest::Client,
    _dir: TempDir,
}

impl Accounts {
    async fn start() -> Accounts {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let account = |jwt: &str| SandboxConfig {
            jwts: vec![jwt.to_owned()],
            ..unthrottled()
        };
        let sandbox = sandbox::start_accounts(
            vec![
                ("default".into(), unthrottled()),
                ("acme".into(), account(ACME_JWT)),
                ("globex".into(), account(GLOBEX_JWT)),
            ],
            listener,
        )
        .await
        .unwrap();
        let dir = TempDir::new();
        let file = format!("{}/accounts.json", dir.path());
        let app = |id: &str, jwt: &str, extra: Value| {
            let mut entry = json!({
                "id": id,
                "clientId": sandbox::DEFAULT_CLIENT_ID,
                "clientSecret": sandbox::DEFAULT_CLIENT_SECRET,
                "jwt": jwt,
            });
            entry
                .as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            entry
        };
        std::fs::write(
            &file,
            json!({"accounts": [
                app("acme", ACME_JWT, json!({})),
                app("globex", GLOBEX_JWT, json!({"rateLimits": {"light": 7}})),
            ]})
            .to_string(),
        )
        .unwrap();
        let key = |id: &str, key: &str, rest: &str| {
            format!("id={id} hash={} {rest}", rc_gateway::auth::keys::hash(key))
        };
        let keys = [
            key("ops", OPS, "scopes=* accounts=*"),
            key(
                "acme-only",
                ACME_ONLY,
                "scopes=extensions:read,events:read,subscriptions:* accounts=acme",
            ),
            key("globex-only", GLOBEX_ONLY, "scopes=* accounts=globex"),
            key(
                "mixed",
                MIXED,
                "scopes=extensions:read,extensions:write@acme accounts=acme,globex",
            ),
        ]
        .join(";");
        let listeners = Listeners::ephemeral().await.unwrap();
        let sidecar = listeners.sidecar.local_addr().unwrap();
        let url = sandbox.url();
        let vars: std::collections::HashMap<&str, String> = [
            ("RC_SERVER_URL", url),
            ("RC_CLIENT_ID", sandbox::DEFAULT_CLIENT_ID.to_owned()),
            (
                "RC_CLIENT_SECRET",
                sandbox::DEFAULT_CLIENT_SECRET.to_owned(),
            ),
            ("RC_JWT", sandbox::DEFAULT_JWT.to_owned()),
            ("ACCOUNTS_FILE", file),
            ("AUTH_API_KEYS", keys),
            ("LOG_FORMAT", "json".to_owned()),
            ("DATA_DIR", dir.path().to_owned()),
            ("AUDIT_LOG", format!("{}/audit.log", dir.path())),
            ("CIRCUIT_BREAKER_THRESHOLD", "3".to_owned()),
            ("RATE_LIMIT_RETRY_ATTEMPTS", "0".to_owned()),
            (
                "WEBHOOK_PUBLIC_URL",
                format!("http://{sidecar}/api/webhooks/events"),
            ),
        ]
        .into_iter()
        .collect();
        let config = Config::from_lookup(|k| vars.get(k).cloned(), false).expect("config");
        let gateway = Gateway::start(config, listeners).await.expect("starts");
        Accounts {
            gateway: Some(gateway),
            sandbox,
            http: rc_gateway::http_client(),
            _dir: dir,
        }
    }

    fn gateway(&self) -> &Gateway {
        self.gateway.as_ref().unwrap()
    }

    fn channel(&self) -> Channel {
        Channel::from_shared(format!("http://{}", self.gateway().grpc_addr))
            .unwrap()
            .connect_lazy()
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        key: &str,
        account: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .http
            .request(method, format!("http://{}{path}", self.gateway().http_addr))
            .header("x-api-key", key)
            .header("cache-control", "no-cache");
        if let Some(account) = account {
            request = request.header("RC-Account", account);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let answer = request.send().await.unwrap();
        let status = answer.status();
        (status, answer.json().await.unwrap_or_default())
    }

    async fn me(&self, key: &str, account: Option<&str>) -> (StatusCode, Value) {
        self.call(Method::GET, "/api/extensions/~", key, account, None)
            .await
    }

    /// What the sandbox account `name` has received.
    async fn received(&self, name: &str) -> usize {
        let all: Vec<Value> = self
            .http
            .get(format!(
                "{}/_sandbox/accounts/{name}/requests",
                self.sandbox.url()
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        all.len()
    }

    async fn admin(&self, name: &str, path: &str, body: Value) {
        let answer = self
            .http
            .post(format!(
                "{}/_sandbox/accounts/{name}{path}",
                self.sandbox.url()
            ))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(answer.status().is_success(), "{path}: {}", answer.status());
    }
}

impl Drop for Accounts {
    fn drop(&mut self) {
        if let Some(gateway) = self.gateway.take() {
            tokio::spawn(gateway.shutdown());
        }
    }
}

fn id_of(answer: &Value) -> i64 {
    answer["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no id in {answer}"))
}

#[tokio::test]
async fn each_call_reaches_its_own_account_and_callers_use_only_theirs() {
    let accounts = Accounts::start().await;
    // Budgets are per account, with the file's overrides: before any call.
    let metrics = accounts
        .http
        .get(format!(
            "http://{}/metrics",
            accounts.gateway().sidecar_addr
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains(r#"ringcentral_rate_budget_limit{account="globex",group="Light"} 7"#),
        "{metrics}"
    );
    assert!(metrics.contains(r#"ringcentral_rate_budget_limit{account="acme",group="Light"} 50"#));

    // Data: the same path answers each account's own administrator.
    for (account, admin) in [
        (None, DEFAULT_ADMIN),
        (Some("default"), DEFAULT_ADMIN),
        (Some("acme"), ACME_ADMIN),
        (Some("globex"), GLOBEX_ADMIN),
    ] {
        let (status, me) = accounts.me(OPS, account).await;
        assert_eq!(status, StatusCode::OK, "{account:?}: {me}");
        assert_eq!(id_of(&me), admin, "{account:?}");
    }
    // The same over gRPC, with rc-account metadata.
    let mut grpc = ExtensionServiceClient::new(accounts.channel());
    let mut request = tonic::Request::new(pb::GetExtensionRequest {
        extension_id: "~".into(),
    });
    request
        .metadata_mut()
        .insert("x-api-key", OPS.parse().unwrap());
    request
        .metadata_mut()
        .insert("rc-account", "globex".parse().unwrap());
    let me = grpc.get_extension(request).await.unwrap().into_inner();
    assert_eq!(me.id, GLOBEX_ADMIN.to_string());
    // Another account's extension is not found through this one.
    let (status, _) = accounts
        .call(
            Method::GET,
            &format!("/api/extensions/{GLOBEX_ADMIN}"),
            OPS,
            Some("acme"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Binding: a caller of one account uses it without naming it, and nothing else.
    let globex_before = accounts.received("globex").await;
    let (status, me) = accounts.me(ACME_ONLY, None).await;
    assert_eq!((status, id_of(&me)), (StatusCode::OK, ACME_ADMIN));
    let (status, refused) = accounts.me(ACME_ONLY, Some("globex")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    assert!(
        refused["message"].as_str().unwrap().contains("globex"),
        "{refused}"
    );
    // Whether or not the account exists: a bound caller learns nothing of others.
    let (status, _) = accounts.me(ACME_ONLY, Some("nosuch")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, unknown) = accounts.me(OPS, Some("nosuch")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}");
    assert!(
        unknown["message"].as_str().unwrap().contains("nosuch"),
        "{unknown}"
    );
    let (status, bad) = accounts.me(OPS, Some("Not/Safe")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    // A caller of several accounts names one (its scopes may differ between them).
    let (status, unnamed) = accounts.me(MIXED, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{unnamed}");
    assert_eq!(accounts.me(MIXED, Some("globex")).await.0, StatusCode::OK);
    let update = json!({"contact": {"department": "Sales"}});
    let path = format!("/api/extensions/{GLOBEX_ADMIN}");
    let (status, denied) = accounts
        .call(
            Method::PUT,
            &path,
            MIXED,
            Some("globex"),
            Some(update.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{denied}");
    assert_eq!(
        accounts.received("globex").await,
        globex_before + 1,
        "only the one allowed read reached globex"
    );
    let path = format!("/api/extensions/{ACME_ADMIN}");
    let (status, updated) = accounts
        .call(Method::PUT, &path, MIXED, Some("acme"), Some(update))
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    // The audit trail names the account.
    let audit = std::fs::read_to_string(format!("{}/audit.log", accounts._dir.path())).unwrap();
    let record: Value = audit
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|r| {
            r["method"]
                .as_str()
                .is_some_and(|m| m.ends_with("ExtensionService/UpdateExtension"))
                && r["result"] == "OK"
        })
        .unwrap_or_else(|| panic!("{audit}"));
    assert_eq!(record["account"], "acme", "{record}");
    assert_eq!(record["caller"], "key:mixed", "{record}");
    // gRPC callers get the codes.
    let mut request = tonic::Request::new(pb::GetExtensionRequest {
        extension_id: "~".into(),
    });
    request
        .metadata_mut()
        .insert("x-api-key", ACME_ONLY.parse().unwrap());
    request
        .metadata_mut()
        .insert("rc-account", "globex".parse().unwrap());
    let err = grpc.get_extension(request).await.unwrap_err();
    assert_eq!(err.code(), tonic::Code::PermissionDenied, "{err:?}");

    // Breaker: acme's outage opens acme's breaker only.
    accounts
        .admin("acme", "/faults", json!({"outage": true}))
        .await;
    for _ in 0..4 {
        let (status, _) = accounts.me(OPS, Some("acme")).await;
        assert!(status.is_server_error(), "{status}");
    }
    for _ in 0..5 {
        let (status, me) = accounts.me(OPS, Some("globex")).await;
        assert_eq!((status, id_of(&me)), (StatusCode::OK, GLOBEX_ADMIN));
    }
    let (_, health) = accounts
        .call(Method::GET, "/api/health", OPS, None, None)
        .await;
    let breaker = |name: &str| {
        health["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["account"] == name)
            .unwrap_or_else(|| panic!("{name} in {health}"))["upstream"]["circuitBreaker"]
            .clone()
    };
    assert_eq!(breaker("acme"), "open", "{health}");
    assert_eq!(breaker("globex"), "closed", "{health}");
    assert_eq!(breaker("default"), "closed", "{health}");
    assert_eq!(health["status"], "SERVING_STATUS_DEGRADED");
    // Without credentials, health says how the gateway is, not which accounts it has.
    let anonymous: Value = accounts
        .http
        .get(format!(
            "http://{}/api/health",
            accounts.gateway().http_addr
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        anonymous
            .get("accounts")
            .is_none_or(|a| a.as_array().unwrap().is_empty()),
        "{anonymous}"
    );
    accounts.admin("acme", "/faults", json!({})).await;
}

#[tokio::test]
async fn webhooks_and_events_stay_with_their_account() {
    let accounts = Accounts::start().await;
    let token = "acmeVerificationToken0123456789";
    let (status, created) = accounts
        .call(
            Method::POST,
            "/api/webhooks/subscriptions",
            ACME_ONLY,
            None,
            Some(json!({
                "eventFilters": ["/restapi/v1.0/account/~/presence"],
                "deliveryMode": {"transportType": "WebHook", "verificationToken": token},
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let subscription = created["id"].as_str().unwrap().to_owned();
    assert!(
        created["deliveryMode"]["address"]
            .as_str()
            .unwrap()
            .ends_with("/api/webhooks/events/acme"),
        "{created}"
    );
    // The subscription is acme's: the default account and globex do not have it.
    let (status, _) = accounts
        .call(
            Method::GET,
            &format!("/api/webhooks/subscriptions/{subscription}"),
            OPS,
            Some("globex"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    accounts
        .admin(
            "acme",
            &format!("/presence/{ACME_ADMIN}"),
            json!({"presenceStatus": "Busy"}),
        )
        .await;
    let watch = |key: &'static str| {
        let channel = accounts.channel();
        async move {
            let mut client = EventServiceClient::new(channel);
            let mut request = tonic::Request::new(pb::WatchEventsRequest {
                start: pb::StartPosition::Oldest as i32,
                ..Default::default()
            });
            request
                .metadata_mut()
                .insert("x-api-key", key.parse().unwrap());
            let mut stream = client.watch_events(request).await.unwrap().into_inner();
            drain(&mut stream, Duration::from_millis(700)).await
        }
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let seen = loop {
        let seen = watch(ACME_ONLY).await;
        if !seen.is_empty() || tokio::time::Instant::now() > deadline {
            break seen;
        }
    };
    assert!(
        !seen.is_empty(),
        "acme's notification reached acme's watchers"
    );
    assert!(seen.iter().all(|e| e.account == "acme"), "{seen:?}");
    assert!(
        watch(GLOBEX_ONLY).await.is_empty(),
        "globex sees none of acme's events"
    );
    // A caller of every account sees it, with its account.
    let all = watch(OPS).await;
    assert!(all.iter().any(|e| e.account == "acme"));

    // acme's verification token is no good on globex's path: refused, not stored.
    let notification = json!({
        "uuid": "forged-0001",
        "event": "/restapi/v1.0/account/1/presence",
        "subscriptionId": subscription,
        "body": {"presenceStatus": "Busy"},
    });
    let forged = accounts
        .http
        .post(format!(
            "http://{}/api/webhooks/events/globex",
            accounts.gateway().sidecar_addr
        ))
        .header("Verification-Token", token)
        .json(&notification)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let unknown = accounts
        .http
        .post(format!(
            "http://{}/api/webhooks/events/nosuch",
            accounts.gateway().sidecar_addr
        ))
        .header("Verification-Token", token)
        .json(&notification)
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(
        watch(OPS).await.iter().all(|e| e.uuid != "forged-0001"),
        "nothing forged was stored"
    );
}
