//! Starts a sandbox and a gateway on ephemeral loopback ports and hands out clients:
//! generated tonic clients over a real gRPC connection, and plain HTTP.

use std::collections::HashMap;

use http::{HeaderMap, Method, StatusCode};
use rc_gateway::config::Config;
use rc_gateway::proto::v1::call_log_service_client::CallLogServiceClient;
use rc_gateway::proto::v1::call_queue_service_client::CallQueueServiceClient;
use rc_gateway::proto::v1::event_service_client::EventServiceClient;
use rc_gateway::proto::v1::extension_service_client::ExtensionServiceClient;
use rc_gateway::proto::v1::health_service_client::HealthServiceClient;
use rc_gateway::proto::v1::phone_number_service_client::PhoneNumberServiceClient;
use rc_gateway::proto::v1::site_service_client::SiteServiceClient;
use rc_gateway::proto::v1::subscription_service_client::SubscriptionServiceClient;
use rc_gateway::proto::v1::user_service_client::UserServiceClient;
use rc_gateway::{Gateway, Listeners};
use rc_sandbox::{self as sandbox, RunningSandbox, SandboxConfig};
use serde_json::Value;
use tonic::transport::Channel;

/// A gateway in front of its own sandbox.
pub struct TestGateway {
    pub gateway: Option<Gateway>,
    pub sandbox: RunningSandbox,
    pub http: reqwest::Client,
    pub channel: Channel,
    /// The gateway's DATA_DIR, removed when the test ends.
    pub data_dir: TempDir,
}

/// A directory removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("rcgw-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Default for TempDir {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An HTTP answer with its JSON body (`Value::Null` when the body is not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

/// Sandbox settings for functional tests: RingCentral's rate limits off, so that
/// tests can make as many calls as they need. Rate-limit tests turn them on.
pub fn unthrottled() -> SandboxConfig {
    SandboxConfig {
        throttling: false,
        ..SandboxConfig::default()
    }
}

impl TestGateway {
    /// A gateway with default settings in front of an unthrottled sandbox.
    pub async fn start() -> Self {
        Self::start_with(unthrottled(), &[]).await
    }

    /// A gateway with extra environment settings in front of a sandbox with `config`.
    pub async fn start_with(config: SandboxConfig, env: &[(&str, &str)]) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let sandbox = sandbox::start(config, listener).await.unwrap();
        let listeners = Listeners::ephemeral().await.unwrap();
        let sidecar = listeners.sidecar.local_addr().unwrap();
        let data_dir = TempDir::new();
        let mut vars: HashMap<String, String> = [
            ("RC_SERVER_URL", sandbox.url()),
            ("RC_CLIENT_ID", sandbox::DEFAULT_CLIENT_ID.to_owned()),
            (
                "RC_CLIENT_SECRET",
                sandbox::DEFAULT_CLIENT_SECRET.to_owned(),
            ),
            ("RC_JWT", sandbox::DEFAULT_JWT.to_owned()),
            ("LOG_FORMAT", "json".to_owned()),
            ("DATA_DIR", data_dir.path().to_owned()),
            ("AUDIT_LOG", format!("{}/audit.log", data_dir.path())),
            (
                "WEBHOOK_PUBLIC_URL",
                format!("http://{sidecar}/api/webhooks/events"),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        for (k, v) in env {
            vars.insert((*k).to_owned(), (*v).to_owned());
        }
        let mut config = Config::from_lookup(|k| vars.get(k).cloned(), false).expect("test config");
        // Functional tests call without credentials unless they configure some.
        config.auth.insecure_no_auth = true;
        let gateway = Gateway::start(config, listeners)
            .await
            .expect("gateway starts");
        // Lazy: a TLS gateway refuses this plain channel, and its tests bring their own.
        let channel = Channel::from_shared(format!("http://{}", gateway.grpc_addr))
            .unwrap()
            .connect_lazy();
        TestGateway {
            gateway: Some(gateway),
            sandbox,
            http: rc_gateway::http_client(),
            channel,
            data_dir,
        }
    }

    pub fn gateway(&self) -> &Gateway {
        self.gateway.as_ref().expect("gateway running")
    }

    /// URL of the HTTP/JSON listener.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.gateway().http_addr)
    }

    /// URL of the sidecar listener.
    pub fn sidecar(&self, path: &str) -> String {
        format!("http://{}{path}", self.gateway().sidecar_addr)
    }

    pub fn extensions(&self) -> ExtensionServiceClient<Channel> {
        ExtensionServiceClient::new(self.channel.clone())
    }

    pub fn users(&self) -> UserServiceClient<Channel> {
        UserServiceClient::new(self.channel.clone())
    }

    pub fn sites(&self) -> SiteServiceClient<Channel> {
        SiteServiceClient::new(self.channel.clone())
    }

    pub fn call_queues(&self) -> CallQueueServiceClient<Channel> {
        CallQueueServiceClient::new(self.channel.clone())
    }

    pub fn phone_numbers(&self) -> PhoneNumberServiceClient<Channel> {
        PhoneNumberServiceClient::new(self.channel.clone())
    }

    pub fn call_logs(&self) -> CallLogServiceClient<Channel> {
        CallLogServiceClient::new(self.channel.clone())
    }

    pub fn subscriptions(&self) -> SubscriptionServiceClient<Channel> {
        SubscriptionServiceClient::new(self.channel.clone())
    }

    pub fn events(&self) -> EventServiceClient<Channel> {
        EventServiceClient::new(self.channel.clone())
    }

    pub fn health(&self) -> HealthServiceClient<Channel> {
        HealthServiceClient::new(self.channel.clone())
    }

    /// An HTTP request to the gateway.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self.http.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        reply(request.send().await.expect("HTTP request")).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    /// `get` for futures that must own their path (joined concurrently).
    pub async fn get_owned(&self, path: String) -> Reply {
        self.get(&path).await
    }

    /// The gateway's metrics, parsed.
    pub async fn scrape(&self) -> crate::prometheus::Scrape {
        let text = self
            .http
            .get(self.sidecar("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        crate::prometheus::Scrape::parse(&text)
    }

    /// The sandbox's counters.
    pub async fn stats(&self) -> Value {
        self.http
            .get(format!("{}/_sandbox/stats", self.sandbox.url()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// How many requests of `operation` the sandbox received.
    pub async fn upstream_calls(&self, operation: &str) -> u64 {
        self.stats().await["operations"][operation]
            .as_u64()
            .unwrap_or(0)
    }

    /// The requests the sandbox received, oldest first.
    pub async fn upstream_requests(&self) -> Vec<Value> {
        let value: Value = self
            .http
            .get(format!("{}/_sandbox/requests", self.sandbox.url()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        value.as_array().cloned().unwrap_or_default()
    }

    /// POSTs JSON to the sandbox's admin API.
    pub async fn sandbox_admin(&self, path: &str, body: Value) {
        let response = self
            .http
            .post(format!("{}/_sandbox{path}", self.sandbox.url()))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "sandbox admin {path}: {}",
            response.status()
        );
    }

    /// The audit records written so far (`AUDIT_LOG` is a file in the data directory).
    pub fn audit_records(&self) -> Vec<Value> {
        std::fs::read_to_string(format!("{}/audit.log", self.data_dir.path()))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).expect("audit records are JSON lines"))
            .collect()
    }

    /// Stops the gateway gracefully.
    pub async fn stop(mut self) {
        if let Some(gateway) = self.gateway.take() {
            gateway.shutdown().await;
        }
        self.sandbox.stop().await;
    }
}

pub async fn reply(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap_or_default();
    Reply {
        status,
        headers,
        json: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

/// The `ErrorInfo` metadata of a gRPC error.
pub fn error_info(status: &tonic::Status) -> HashMap<String, String> {
    use tonic_types::StatusExt;
    status
        .get_details_error_info()
        .map(|info| info.metadata)
        .unwrap_or_default()
}

/// Keeps `workers` callers busy with distinct, uncached Heavy reads (call log pages)
/// for `run`, spread over the gateways at `bases` (HTTP base URLs). Returns
/// (successes, clean RESOURCE_EXHAUSTED answers, anything else).
pub async fn heavy_demand(
    http: &reqwest::Client,
    bases: &[String],
    workers: usize,
    run: std::time::Duration,
) -> (u32, u32, Vec<String>) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};
    let ok = Arc::new(AtomicU32::new(0));
    let exhausted = Arc::new(AtomicU32::new(0));
    let page = Arc::new(AtomicU32::new(1));
    let deadline = std::time::Instant::now() + run;
    let tasks = (0..workers).map(|i| {
        let (http, ok, exhausted, page) =
            (http.clone(), ok.clone(), exhausted.clone(), page.clone());
        let base = format!(
            "{}/api/analytics/call-logs?perPage=1&page=",
            bases[i % bases.len()]
        );
        tokio::spawn(async move {
            let mut other = Vec::new();
            while std::time::Instant::now() < deadline {
                let n = page.fetch_add(1, Ordering::Relaxed) % 90 + 1;
                let answer = http
                    .get(format!("{base}{n}"))
                    .header("cache-control", "no-cache")
                    .send()
                    .await
                    .unwrap();
                match answer.status() {
                    StatusCode::OK => {
                        ok.fetch_add(1, Ordering::Relaxed);
                    }
                    StatusCode::TOO_MANY_REQUESTS => {
                        assert!(answer.headers().contains_key("retry-after"));
                        exhausted.fetch_add(1, Ordering::Relaxed);
                    }
                    status => other.push(format!(
                        "{status}: {}",
                        answer.text().await.unwrap_or_default()
                    )),
                }
            }
            other
        })
    });
    let mut other = Vec::new();
    for task in futures::future::join_all(tasks).await {
        other.extend(task.unwrap());
    }
    (
        ok.load(Ordering::Relaxed),
        exhausted.load(Ordering::Relaxed),
        other,
    )
}

/// The events a watch stream sends until it has been quiet for `quiet`.
pub async fn drain(
    stream: &mut tonic::Streaming<rc_gateway::proto::v1::Event>,
    quiet: std::time::Duration,
) -> Vec<rc_gateway::proto::v1::Event> {
    let mut events = Vec::new();
    while let Ok(Ok(Some(event))) = tokio::time::timeout(quiet, stream.message()).await {
        events.push(event);
    }
    events
}

/// Their uuids.
pub fn uuids(events: &[rc_gateway::proto::v1::Event]) -> Vec<String> {
    events.iter().map(|e| e.uuid.clone()).collect()
}
