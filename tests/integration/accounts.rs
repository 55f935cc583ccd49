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
    vars: std::collections::HashMap<&'static str, String>,
    dir: TempDir,
}

/// A gateway with `vars`, on fresh loopback ports (its webhook and OAuth callback
/// URLs follow them).
async fn launch(vars: &std::collections::HashMap<&'static str, String>) -> Gateway {
    let listeners = Listeners::ephemeral().await.unwrap();
    let sidecar = listeners.sidecar.local_addr().unwrap();
    let http = listeners.http.local_addr().unwrap();
    let mut vars = vars.clone();
    vars.insert(
        "WEBHOOK_PUBLIC_URL",
        format!("http://{sidecar}/api/webhooks/events"),
    );
    vars.insert(
        "OAUTH_REDIRECT_URL",
        format!("http://{http}/api/accounts/oauth/callback"),
    );
    let config = Config::from_lookup(|k| vars.get(k).cloned(), false).expect("config");
    Gateway::start(config, listeners).await.expect("starts")
}

/// [`launch`] once the stopped gateway before it has let go of its store.
async fn relaunch(vars: &std::collections::HashMap<&'static str, String>) -> Gateway {
    let store = format!("{}/rc-gateway.redb", vars["DATA_DIR"]);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while redb::Database::open(&store).is_err() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the store stays locked"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    launch(vars).await
}

/// 32 bytes in base64: the key that seals accounts added through the admin API.
const SEALING_KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const INITECH_ADMIN: i64 = 66_000_101;

impl Accounts {
    async fn start() -> Accounts {
        Self::start_on(None, true).await
    }

    /// A gateway on `dir` (a restart keeps it), with or without the accounts file.
    async fn start_on(dir: Option<TempDir>, file_accounts: bool) -> Accounts {
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
                // Onboarded by OAuth: no JWT.
                ("initech".into(), unthrottled()),
            ],
            listener,
        )
        .await
        .unwrap();
        let dir = dir.unwrap_or_default();
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
        let listed = if file_accounts {
            json!([
                app("acme", ACME_JWT, json!({})),
                app("globex", GLOBEX_JWT, json!({"rateLimits": {"light": 30}})),
            ])
        } else {
            json!([])
        };
        std::fs::write(&file, json!({"accounts": listed}).to_string()).unwrap();
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
        let vars: std::collections::HashMap<&'static str, String> = [
            ("RC_SERVER_URL", sandbox.url()),
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
            ("ACCOUNTS_ENCRYPTION_KEY", SEALING_KEY.to_owned()),
        ]
        .into_iter()
        .collect();
        let gateway = launch(&vars).await;
        Accounts {
            gateway: Some(gateway),
            sandbox,
            http: rc_gateway::http_client(),
            vars,
            dir,
        }
    }

    /// The same gateway again (same state, same sandbox), after a stop.
    async fn restart(&mut self) {
        if let Some(gateway) = self.gateway.take() {
            gateway.shutdown().await;
        }
        self.gateway = Some(relaunch(&self.vars).await);
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
        metrics.contains(r#"ringcentral_rate_budget_limit{account="globex",group="Light"} 30"#),
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
    // Idempotency keys are per account: the same key creates once in each.
    let create = |account: &'static str| {
        accounts
            .http
            .post(format!("http://{}/api/extensions", accounts.gateway().http_addr))
            .header("x-api-key", OPS)
            .header("RC-Account", account)
            .header("idempotency-key", "onboard-user-1")
            .json(&json!({"contact": {"firstName": "Once", "email": "once@example.com"}, "extensionNumber": "4501"}))
            .send()
    };
    let mut ids = Vec::new();
    for account in ["acme", "globex", "acme"] {
        let answer = create(account).await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK, "{account}");
        ids.push(id_of(&answer.json::<Value>().await.unwrap()));
    }
    assert_eq!(ids[0], ids[2], "the repeat on acme got acme's first answer");
    for account in ["acme", "globex"] {
        let stats: Value = accounts
            .http
            .get(format!(
                "{}/_sandbox/accounts/{account}/stats",
                accounts.sandbox.url()
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            stats["operations"]["createExtension"], 1,
            "{account}: {stats}"
        );
    }
    // The audit trail names the account.
    let audit = std::fs::read_to_string(format!("{}/audit.log", accounts.dir.path())).unwrap();
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

/// The secrets of the accounts, none of which may show in answers, audit records or
/// the gateway's files in the clear.
fn secrets() -> [&'static str; 3] {
    [sandbox::DEFAULT_CLIENT_SECRET, ACME_JWT, GLOBEX_JWT]
}

#[tokio::test]
async fn accounts_are_added_onboarded_by_oauth_changed_and_removed_without_a_restart() {
    let mut accounts = Accounts::start_on(None, false).await;
    let secret = sandbox::DEFAULT_CLIENT_SECRET;
    // A JWT account, live at once.
    let (status, created) = accounts
        .call(
            Method::POST,
            "/api/accounts",
            OPS,
            None,
            Some(
                json!({"accountId": "acme", "clientId": sandbox::DEFAULT_CLIENT_ID,
                        "clientSecret": secret, "jwt": ACME_JWT, "rateLimits": {"heavy": 3}}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["account"]["status"], "active");
    assert!(created.get("authorizationUrl").is_none(), "{created}");
    let (status, me) = accounts.me(OPS, Some("acme")).await;
    assert_eq!((status, id_of(&me)), (StatusCode::OK, ACME_ADMIN));
    // Bad input.
    for (body, field) in [
        (
            json!({"accountId": "Not Safe", "clientId": "c", "clientSecret": "s", "jwt": "j"}),
            "accountId",
        ),
        (
            json!({"accountId": "x", "clientSecret": "s", "jwt": "j"}),
            "clientId",
        ),
    ] {
        let (status, refused) = accounts
            .call(Method::POST, "/api/accounts", OPS, None, Some(body))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
        assert_eq!(refused["field"], field, "{refused}");
    }
    let (status, again) = accounts
        .call(
            Method::POST,
            "/api/accounts",
            OPS,
            None,
            Some(json!({"accountId": "acme", "clientId": "c", "clientSecret": "s", "jwt": "j"})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    let (status, _) = accounts
        .call(Method::DELETE, "/api/accounts/default", OPS, None, None)
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "the RC_* account is changed where it is set"
    );
    // Only callers with accounts:write add accounts.
    let (status, _) = accounts
        .call(
            Method::POST,
            "/api/accounts",
            ACME_ONLY,
            None,
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An account onboarded by OAuth: pending until its user authorizes the gateway.
    let (status, created) = accounts
        .call(
            Method::POST,
            "/api/accounts",
            OPS,
            None,
            Some(
                json!({"accountId": "initech", "clientId": sandbox::DEFAULT_CLIENT_ID,
                        "clientSecret": secret, "loginHint": "initech"}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["account"]["status"], "pending");
    let url = created["authorizationUrl"].as_str().unwrap().to_owned();
    assert!(url.contains("code_challenge_method=S256"), "{url}");
    let (status, waiting) = accounts.me(OPS, Some("initech")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{waiting}");
    assert!(
        waiting["message"].as_str().unwrap().contains("waiting"),
        "{waiting}"
    );
    // The user's browser: RingCentral's authorize page, then back to the gateway.
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let authorize = browser.get(&url).send().await.unwrap();
    assert_eq!(authorize.status(), StatusCode::FOUND);
    let back = authorize.headers()["location"].to_str().unwrap().to_owned();
    assert!(back.contains("/api/accounts/oauth/callback?"), "{back}");
    let done = browser.get(&back).send().await.unwrap();
    let page = (done.status(), done.text().await.unwrap());
    assert_eq!(page.0, StatusCode::OK, "{}", page.1);
    let (status, me) = accounts.me(OPS, Some("initech")).await;
    assert_eq!((status, id_of(&me)), (StatusCode::OK, INITECH_ADMIN));
    // The code is single use, and so is the flow's state.
    let replay = browser.get(&back).send().await.unwrap();
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    let forged = browser
        .get(format!(
            "http://{}/api/accounts/oauth/callback?code=x&state=initech.forged",
            accounts.gateway().http_addr
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::BAD_REQUEST);
    let stats: Value = accounts
        .http
        .get(format!(
            "{}/_sandbox/accounts/initech/stats",
            accounts.sandbox.url()
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["authCodeGrants"], 1, "{stats}");

    // Listed with their state, never with their credentials.
    let (status, list) = accounts
        .call(Method::GET, "/api/accounts", OPS, None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["acme", "default", "initech"], "{list}");
    let acme = &list["accounts"][0];
    assert_eq!(acme["source"], "admin");
    assert_eq!(acme["rateLimits"]["heavy"], 3, "{acme}");
    assert_eq!(list["accounts"][2]["login"], "oauth", "{list}");
    for s in secrets() {
        assert!(!list.to_string().contains(s), "a secret in the list");
    }

    // Disabled, then enabled again.
    let (status, off) = accounts
        .call(Method::POST, "/api/accounts/acme:disable", OPS, None, None)
        .await;
    assert_eq!(
        (status, off["status"].as_str()),
        (StatusCode::OK, Some("disabled"))
    );
    let (status, refused) = accounts.me(OPS, Some("acme")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
    let (status, _) = accounts
        .call(Method::POST, "/api/accounts/acme:enable", OPS, None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(accounts.me(OPS, Some("acme")).await.0, StatusCode::OK);

    // A restart keeps them: sealed in the store, the OAuth account's refresh token too.
    accounts.restart().await;
    let (status, me) = accounts.me(OPS, Some("initech")).await;
    assert_eq!(
        (status, id_of(&me)),
        (StatusCode::OK, INITECH_ADMIN),
        "{me}"
    );
    assert_eq!(id_of(&accounts.me(OPS, Some("acme")).await.1), ACME_ADMIN);
    let store = std::fs::read(format!("{}/rc-gateway.redb", accounts.dir.path())).unwrap();
    let tokens: Value = accounts
        .http
        .get(format!(
            "{}/_sandbox/accounts/initech/secrets",
            accounts.sandbox.url()
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let refresh: Vec<String> = serde_json::from_value(tokens["refreshTokens"].clone()).unwrap();
    assert!(!refresh.is_empty());
    for s in refresh.iter().map(String::as_str).chain([ACME_JWT, secret]) {
        assert!(
            !store.windows(s.len()).any(|w| w == s.as_bytes()),
            "a credential in the store in the clear"
        );
    }
    let audit = std::fs::read_to_string(format!("{}/audit.log", accounts.dir.path())).unwrap();
    assert!(audit.contains("AccountService/CreateAccount"), "{audit}");
    for s in secrets() {
        assert!(!audit.contains(s), "a secret in the audit trail");
    }

    // Removed: its calls stop, the store forgets it.
    let (status, _) = accounts
        .call(Method::DELETE, "/api/accounts/acme", OPS, None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        accounts.me(OPS, Some("acme")).await.0,
        StatusCode::NOT_FOUND
    );
    accounts.restart().await;
    assert_eq!(
        accounts.me(OPS, Some("acme")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_account_added_on_one_replica_is_served_by_all_with_one_session() {
    use crate::process;
    use crate::redis_server::RedisServer;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sandbox = sandbox::start_accounts(
        vec![
            ("default".into(), unthrottled()),
            (
                "acme".into(),
                SandboxConfig {
                    jwts: vec![ACME_JWT.to_owned()],
                    ..unthrottled()
                },
            ),
        ],
        listener,
    )
    .await
    .unwrap();
    let redis = RedisServer::start();
    let (url, redis_url) = (sandbox.url(), redis.url());
    let env = [
        ("RC_SERVER_URL", url.as_str()),
        ("RC_CLIENT_ID", sandbox::DEFAULT_CLIENT_ID),
        ("RC_CLIENT_SECRET", sandbox::DEFAULT_CLIENT_SECRET),
        ("RC_JWT", sandbox::DEFAULT_JWT),
        ("REDIS_URL", redis_url.as_str()),
        ("ACCOUNTS_ENCRYPTION_KEY", SEALING_KEY),
        ("ACCOUNTS_SYNC_INTERVAL", "200ms"),
    ];
    let replicas = [
        process::spawn(&["serve", "--insecure-no-auth"], &env),
        process::spawn(&["serve", "--insecure-no-auth"], &env),
    ];
    let http = rc_gateway::http_client();
    let me = |replica: usize| {
        http.get(format!(
            "http://{}/api/extensions/~",
            replicas[replica].http
        ))
        .header("RC-Account", "acme")
        .header("cache-control", "no-cache")
        .send()
    };
    let created = http
        .post(format!("http://{}/api/accounts", replicas[0].http))
        .json(
            &json!({"accountId": "acme", "clientId": sandbox::DEFAULT_CLIENT_ID,
                      "clientSecret": sandbox::DEFAULT_CLIENT_SECRET, "jwt": ACME_JWT}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::OK);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let answer = me(1).await.unwrap();
        if answer.status() == StatusCode::OK {
            let body: Value = answer.json().await.unwrap();
            assert_eq!(id_of(&body), ACME_ADMIN);
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "replica 1 never served acme"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for replica in [0, 1, 0, 1] {
        assert_eq!(me(replica).await.unwrap().status(), StatusCode::OK);
    }
    let stats: Value = http
        .get(format!("{url}/_sandbox/accounts/acme/stats"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        stats["jwtGrants"], 1,
        "one login for both replicas: {stats}"
    );
    // Removed on one, gone on both.
    let removed = http
        .delete(format!("http://{}/api/accounts/acme", replicas[1].http))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), StatusCode::OK);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while me(0).await.unwrap().status() != StatusCode::NOT_FOUND {
        assert!(
            tokio::time::Instant::now() < deadline,
            "replica 0 still serves acme"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(redis);
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn three_accounts_on_two_replicas_sharing_redis_stay_apart() {
    use crate::process;
    use crate::redis_server::RedisServer;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let jwt = |jwt: &str| SandboxConfig {
        jwts: vec![jwt.to_owned()],
        ..unthrottled()
    };
    let sandbox = sandbox::start_accounts(
        vec![
            ("default".into(), unthrottled()),
            ("acme".into(), jwt(ACME_JWT)),
            ("globex".into(), jwt(GLOBEX_JWT)),
            ("initech".into(), unthrottled()),
        ],
        listener,
    )
    .await
    .unwrap();
    let redis = RedisServer::start();
    let dir = TempDir::new();
    let file = format!("{}/accounts.json", dir.path());
    let entry = |id: &str, jwt: &str| {
        json!({"id": id, "clientId": sandbox::DEFAULT_CLIENT_ID,
               "clientSecret": sandbox::DEFAULT_CLIENT_SECRET, "jwt": jwt})
    };
    std::fs::write(
        &file,
        json!({"accounts": [entry("acme", ACME_JWT), entry("globex", GLOBEX_JWT)]}).to_string(),
    )
    .unwrap();
    let key = |id: &str, key: &str, rest: &str| {
        format!("id={id} hash={} {rest}", rc_gateway::auth::keys::hash(key))
    };
    let keys = [
        key("ops", OPS, "scopes=* accounts=*"),
        key("acme-only", ACME_ONLY, "scopes=* accounts=acme"),
        key("globex-only", GLOBEX_ONLY, "scopes=* accounts=globex"),
    ]
    .join(";");
    // Replica 0 takes RingCentral's webhooks and the OAuth callback.
    let (http0, sidecar0) = (free_port(), free_port());
    let (url, redis_url) = (sandbox.url(), redis.url());
    let public = format!("http://127.0.0.1:{sidecar0}/api/webhooks/events");
    let callback = format!("http://127.0.0.1:{http0}/api/accounts/oauth/callback");
    let env = [
        ("RC_SERVER_URL", url.as_str()),
        ("RC_CLIENT_ID", sandbox::DEFAULT_CLIENT_ID),
        ("RC_CLIENT_SECRET", sandbox::DEFAULT_CLIENT_SECRET),
        ("RC_JWT", sandbox::DEFAULT_JWT),
        ("REDIS_URL", redis_url.as_str()),
        ("ACCOUNTS_FILE", file.as_str()),
        ("AUTH_API_KEYS", keys.as_str()),
        ("ACCOUNTS_ENCRYPTION_KEY", SEALING_KEY),
        ("ACCOUNTS_SYNC_INTERVAL", "200ms"),
        ("OAUTH_REDIRECT_URL", callback.as_str()),
        ("WEBHOOK_PUBLIC_URL", public.as_str()),
        ("RATE_LIMIT_RETRY_ATTEMPTS", "0"),
    ];
    let (http0, sidecar0) = (
        format!("127.0.0.1:{http0}"),
        format!("127.0.0.1:{sidecar0}"),
    );
    let mut first = env.to_vec();
    first.extend([
        ("HTTP_ADDR", http0.as_str()),
        ("SIDECAR_ADDR", sidecar0.as_str()),
    ]);
    let replicas = [
        process::spawn(&["serve"], &first),
        process::spawn(&["serve"], &env),
    ];
    let http = rc_gateway::http_client();
    let call = |replica: usize, key: &str, account: &str, path: &str| {
        http.get(format!("http://{}{path}", replicas[replica].http))
            .header("x-api-key", key)
            .header("RC-Account", account)
            .header("cache-control", "no-cache")
            .send()
    };
    let base = sandbox.url();
    let sandbox_json = |path: String| {
        let http = http.clone();
        let url = format!("{base}{path}");
        async move {
            http.get(url)
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }
    };

    // initech is onboarded by OAuth through replica 0 and served by both.
    let created: Value = http
        .post(format!("http://{}/api/accounts", replicas[0].http))
        .header("x-api-key", OPS)
        .json(
            &json!({"accountId": "initech", "clientId": sandbox::DEFAULT_CLIENT_ID,
                      "clientSecret": sandbox::DEFAULT_CLIENT_SECRET, "loginHint": "initech"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let authorize = browser
        .get(
            created["authorizationUrl"]
                .as_str()
                .expect("an authorization URL"),
        )
        .send()
        .await
        .unwrap();
    let back = authorize.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        browser.get(&back).send().await.unwrap().status(),
        StatusCode::OK
    );
    // Data: every account's own, on both replicas (replica 1 once it has synced).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    for (account, admin) in [
        ("default", DEFAULT_ADMIN),
        ("acme", ACME_ADMIN),
        ("globex", GLOBEX_ADMIN),
        ("initech", INITECH_ADMIN),
    ] {
        for replica in [0, 1] {
            let me: Value = loop {
                let answer = call(replica, OPS, account, "/api/extensions/~")
                    .await
                    .unwrap();
                if answer.status() == StatusCode::OK {
                    break answer.json().await.unwrap();
                }
                assert!(
                    tokio::time::Instant::now() < deadline,
                    "{account} on {replica}"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            assert_eq!(id_of(&me), admin, "{account} on replica {replica}");
        }
    }
    // One session per account for both replicas: the OAuth one refreshed once.
    let initech = sandbox_json("/_sandbox/accounts/initech/stats".into()).await;
    assert_eq!(initech["authCodeGrants"], 1, "{initech}");
    assert_eq!(initech["refreshGrants"], 1, "{initech}");
    assert_eq!(
        sandbox_json("/_sandbox/accounts/globex/stats".into()).await["jwtGrants"],
        1
    );

    // Events: acme's webhook reaches replica 0; acme's watchers on replica 1 see it,
    // globex's do not.
    let created = http
        .post(format!(
            "http://{}/api/webhooks/subscriptions",
            replicas[1].http
        ))
        .header("x-api-key", ACME_ONLY)
        .json(&json!({"eventFilters": ["/restapi/v1.0/account/~/presence"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::OK);
    http.post(format!(
        "{}/_sandbox/accounts/acme/presence/{ACME_ADMIN}",
        sandbox.url()
    ))
    .json(&json!({"presenceStatus": "Busy"}))
    .send()
    .await
    .unwrap();
    let channel = Channel::from_shared(format!("http://{}", replicas[1].grpc))
        .unwrap()
        .connect_lazy();
    let watch = |key: &'static str| {
        let channel = channel.clone();
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
            drain(&mut stream, Duration::from_millis(500)).await
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
        !seen.is_empty() && seen.iter().all(|e| e.account == "acme"),
        "{seen:?}"
    );
    assert!(watch(GLOBEX_ONLY).await.is_empty());
    // A 429 storm on acme pauses acme's budget, in Redis, for both replicas; globex
    // goes on untouched.
    http.post(format!("{}/_sandbox/accounts/acme/faults", sandbox.url()))
        .json(&json!({"errors": [{"status": 429, "rate": 1.0, "retryAfter": 120}]}))
        .send()
        .await
        .unwrap();
    let throttled = call(0, OPS, "acme", "/api/extensions/~").await.unwrap();
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    let acme_seen =
        sandbox_json("/_sandbox/accounts/acme/stats".into()).await["groups"]["Light"]["requests"]
            .clone();
    for replica in [1, 0, 1] {
        let paused = call(replica, OPS, "acme", "/api/extensions/~")
            .await
            .unwrap();
        assert_eq!(
            paused.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "replica {replica}"
        );
    }
    assert_eq!(
        sandbox_json("/_sandbox/accounts/acme/stats".into()).await["groups"]["Light"]["requests"],
        acme_seen,
        "the paused budget sent nothing more to acme, from either replica"
    );
    for replica in [0, 1, 0, 1] {
        let ok = call(replica, GLOBEX_ONLY, "globex", "/api/extensions/~")
            .await
            .unwrap();
        assert_eq!(ok.status(), StatusCode::OK, "globex on replica {replica}");
    }
    let globex = sandbox_json("/_sandbox/accounts/globex/stats".into()).await;
    assert_eq!(globex["groups"]["Light"]["throttled"], 0, "{globex}");
    let account: Value = call(1, OPS, "acme", "/api/accounts/acme")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let light = account["budget"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "Light")
        .unwrap()
        .clone();
    assert!(light["pausedForSeconds"].as_u64().unwrap() > 0, "{account}");

    // Logs name each call's account.
    assert!(
        replicas[1]
            .output()
            .iter()
            .any(|l| l.contains("\"call finished\"") && l.contains("\"account\":\"globex\"")),
        "a call's log line names its account"
    );
    // ... and no credential: not the apps', the users' JWTs, nor any token issued.
    let issued: Value = http
        .get(format!(
            "{}/_sandbox/accounts/initech/secrets",
            sandbox.url()
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut secrets: Vec<String> = secrets().iter().map(|s| (*s).to_owned()).collect();
    for kind in ["accessTokens", "refreshTokens"] {
        secrets.extend(serde_json::from_value::<Vec<String>>(issued[kind].clone()).unwrap());
    }
    for replica in &replicas {
        for line in replica.output() {
            for secret in &secrets {
                assert!(
                    !line.contains(secret.as_str()),
                    "a credential in a log line: {line}"
                );
            }
        }
    }
    drop(redis);
}
