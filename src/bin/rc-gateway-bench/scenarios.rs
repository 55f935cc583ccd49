//! The measured scenarios: overhead against direct sandbox calls, cached reads, the
//! webhook ingress, event fan-out, page sizes, start-up.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::event_service_client::EventServiceClient;
use rc_gateway::proto::v1::extension_service_client::ExtensionServiceClient;
use serde_json::{Value, json};
use tonic::transport::Channel;

use crate::load::{self, Measured};
use crate::procs::{self, Gateway, Proc};
use crate::report::Row;

/// First of the sandbox's 260 user extensions; calls rotate through them so that
/// concurrent reads seldom coalesce.
pub const FIRST_USER: u64 = 63_000_101;
pub const USERS: u64 = 260;

pub struct Setup {
    /// Kept running for as long as the setup lives.
    pub sandbox: Proc,
    pub sandbox_url: String,
    pub gateway: Gateway,
    pub http: reqwest::Client,
    /// An access token for calling the sandbox directly.
    pub token: String,
    pub webhook_url: String,
}

pub fn http_client() -> reqwest::Client {
    // Installs the process's TLS provider (the gateway's client does).
    let _ = rc_gateway::http_client();
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(1024)
        .tcp_nodelay(true)
        .build()
        .expect("HTTP client")
}

/// Logs in to the sandbox as the gateway would.
async fn sandbox_token(http: &reqwest::Client, sandbox: &str) -> String {
    let answer: Value = http
        .post(format!("{sandbox}/restapi/oauth/token"))
        .basic_auth(
            rc_sandbox::DEFAULT_CLIENT_ID,
            Some(rc_sandbox::DEFAULT_CLIENT_SECRET),
        )
        .form(&[
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            ("assertion", rc_sandbox::DEFAULT_JWT),
        ])
        .send()
        .await
        .expect("sandbox login")
        .json()
        .await
        .expect("sandbox token");
    answer["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned()
}

/// Starts a sandbox and a gateway in front of it (extra settings in `env`).
pub async fn setup(env: &[(&str, String)]) -> Setup {
    let (sandbox, sandbox_url) = procs::sandbox();
    let sidecar = procs::free_port();
    let webhook_url = format!("http://127.0.0.1:{sidecar}/api/webhooks/events");
    let mut all = vec![
        ("SIDECAR_ADDR", format!("127.0.0.1:{sidecar}")),
        ("WEBHOOK_PUBLIC_URL", webhook_url.clone()),
    ];
    all.extend(env.iter().cloned());
    let gateway = procs::gateway(&sandbox_url, &all);
    let http = http_client();
    let token = sandbox_token(&http, &sandbox_url).await;
    Setup {
        sandbox,
        sandbox_url,
        gateway,
        http,
        token,
        webhook_url,
    }
}

/// `n` gRPC connections to `addr`.
pub async fn channels(addr: &str, n: usize) -> Vec<Channel> {
    let mut out = Vec::new();
    for _ in 0..n.max(1) {
        out.push(
            Channel::from_shared(format!("http://{addr}"))
                .unwrap()
                .timeout(Duration::from_secs(10))
                .tcp_nodelay(true)
                .connect()
                .await
                .expect("gRPC connection"),
        );
    }
    out
}

/// Sends `request` and reads the whole answer: `Err` names what went wrong.
pub async fn outcome(request: reqwest::RequestBuilder) -> Result<(), String> {
    let answer = request.send().await.map_err(|_| "transport".to_owned())?;
    let status = answer.status();
    answer.bytes().await.map_err(|_| "transport".to_owned())?;
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("HTTP {}", status.as_u16()))
    }
}

/// CPU seconds the whole machine has spent busy (from /proc/stat).
pub fn machine_busy() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let Some(cpu) = stat.lines().next() else {
        return 0.0;
    };
    let fields: Vec<f64> = cpu
        .split_whitespace()
        .skip(1)
        .filter_map(|f| f.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    let busy: f64 = fields
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 3 && *i != 4)
        .map(|(_, v)| v)
        .sum();
    busy / 100.0
}

/// Measures one row against the gateway process: CPU time and peak memory too.
pub async fn row<F, Fut>(
    gateway: Option<&Proc>,
    label: &str,
    concurrency: usize,
    duration: Duration,
    call: F,
) -> Row
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + Send,
{
    measure_row(
        gateway,
        label,
        concurrency,
        load::run(concurrency, duration, call),
    )
    .await
}

/// [`row`] with the callers paced to `per_second` requests a second in all.
pub async fn paced_row<F, Fut>(
    gateway: Option<&Proc>,
    label: &str,
    concurrency: usize,
    per_second: f64,
    duration: Duration,
    call: F,
) -> Row
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + Send,
{
    let load = load::run_paced(concurrency, per_second, duration, call);
    measure_row(gateway, label, concurrency, load).await
}

async fn measure_row(
    gateway: Option<&Proc>,
    label: &str,
    concurrency: usize,
    load: impl std::future::Future<Output = Measured>,
) -> Row {
    if let Some(g) = gateway {
        g.reset_peak();
    }
    let cpu_before = gateway.map(Proc::cpu_seconds);
    let machine_before = machine_busy();
    let measured = load.await;
    let machine = (machine_busy() - machine_before)
        / measured.elapsed.as_secs_f64()
        / std::thread::available_parallelism().map_or(1.0, |n| n.get() as f64);
    let cpu = gateway
        .zip(cpu_before)
        .map(|(g, before)| g.cpu_seconds() - before);
    eprintln!(
        "  {label} x{concurrency}: {:.0}/s, p50 {:.0} µs, errors {:?}, machine busy {:.0}%",
        measured.throughput(),
        measured.quantile_us(0.5),
        measured.errors,
        machine * 100.0
    );
    Row {
        label: label.to_owned(),
        concurrency,
        cpu_us_per_request: cpu.map(|c| c * 1e6 / measured.requests.max(1) as f64),
        peak_rss_mb: gateway.map(Proc::peak_rss_mb),
        machine_busy: Some(machine),
        measured,
    }
}

/// A direct GET of one extension at the sandbox.
pub fn direct_read(
    s: &Setup,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let http = s.http.clone();
    let base = format!("{}/restapi/v1.0/account/~/extension/", s.sandbox_url);
    let auth = format!("Bearer {}", s.token);
    move |n| {
        let request = http
            .get(format!("{base}{}", FIRST_USER + n % USERS))
            .header("authorization", &auth);
        Box::pin(outcome(request))
    }
}

/// The same read through the gateway's HTTP/JSON listener; `fresh` skips the cache.
pub fn http_read(
    s: &Setup,
    fresh: bool,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let http = s.http.clone();
    let base = format!("http://{}/api/extensions/", s.gateway.http);
    move |n| {
        let id = if fresh {
            FIRST_USER + n % USERS
        } else {
            FIRST_USER
        };
        let mut request = http.get(format!("{base}{id}"));
        if fresh {
            request = request.header("cache-control", "no-cache");
        }
        Box::pin(outcome(request))
    }
}

/// The same read at the gateway's RingCentral-compatible endpoint (RingCentral's own
/// path), uncached.
pub fn compat_read(
    s: &Setup,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let http = s.http.clone();
    let base = format!(
        "http://{}/restapi/v1.0/account/~/extension/",
        s.gateway.http
    );
    move |n| {
        let request = http
            .get(format!("{base}{}", FIRST_USER + n % USERS))
            .header("cache-control", "no-cache");
        Box::pin(outcome(request))
    }
}

/// The same read over gRPC.
pub fn grpc_read(
    channels: Vec<Channel>,
    fresh: bool,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let clients: Vec<_> = channels
        .into_iter()
        .map(ExtensionServiceClient::new)
        .collect();
    move |n| {
        let mut client = clients[n as usize % clients.len()].clone();
        let id = if fresh {
            FIRST_USER + n % USERS
        } else {
            FIRST_USER
        };
        let mut request = tonic::Request::new(pb::GetExtensionRequest {
            extension_id: id.to_string(),
        });
        if fresh {
            request.metadata_mut().insert(
                "cache-control",
                tonic::metadata::MetadataValue::from_static("no-cache"),
            );
        }
        Box::pin(async move {
            client
                .get_extension(request)
                .await
                .map(|_| ())
                .map_err(|s| format!("gRPC {:?}", s.code()))
        })
    }
}

/// A page of extensions, directly or through the gateway, uncached.
pub fn page_read(
    s: &Setup,
    per_page: u32,
    direct: bool,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let http = s.http.clone();
    let url = if direct {
        format!(
            "{}/restapi/v1.0/account/~/extension?perPage={per_page}",
            s.sandbox_url
        )
    } else {
        format!(
            "http://{}/api/extensions?perPage={per_page}",
            s.gateway.http
        )
    };
    let auth = format!("Bearer {}", s.token);
    move |_| {
        let request = http
            .get(&url)
            .header("authorization", &auth)
            .header("cache-control", "no-cache");
        Box::pin(outcome(request))
    }
}

/// Creates a presence subscription through the gateway at `http_addr` and returns
/// its id and verification token (read from the sandbox, which knows it).
pub async fn subscribe(
    http: &reqwest::Client,
    http_addr: &str,
    sandbox_url: &str,
) -> (String, String) {
    let created: Value = http
        .post(format!("http://{http_addr}/api/webhooks/subscriptions"))
        .json(&json!({"eventFilters": ["/restapi/v1.0/account/~/presence"]}))
        .send()
        .await
        .expect("subscription")
        .json()
        .await
        .expect("subscription answer");
    let id = created["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no subscription: {created}"))
        .to_owned();
    let secrets: Value = http
        .get(format!("{sandbox_url}/_sandbox/secrets"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = secrets["verificationTokens"][&id]
        .as_str()
        .expect("token")
        .to_owned();
    (id, token)
}

/// A RingCentral presence notification.
pub fn notification(uuid: &str, subscription: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "uuid": uuid,
        "event": "/restapi/v1.0/account/809646016/extension/63000101/presence",
        "timestamp": "2026-11-25T12:00:00.000Z",
        "subscriptionId": subscription,
        "ownerId": "63000101",
        "body": {"extensionId": 63000101, "presenceStatus": "Busy", "telephonyStatus": "NoCall",
                 "userStatus": "Busy", "dndStatus": "TakeAllCalls", "sequence": 1},
    }))
    .unwrap()
}

/// Posts notifications to a webhook URL; each is acknowledged only once stored.
pub fn webhook_post(
    http: &reqwest::Client,
    url: &str,
    subscription: &str,
    token: &str,
    prefix: &str,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let (http, url, subscription, token, prefix) = (
        http.clone(),
        url.to_owned(),
        subscription.to_owned(),
        token.to_owned(),
        prefix.to_owned(),
    );
    move |n| {
        let request = http
            .post(&url)
            .header("content-type", "application/json")
            .header("verification-token", &token)
            .body(notification(&format!("{prefix}-{n}"), &subscription));
        Box::pin(outcome(request))
    }
}

/// `watchers` open `WatchEvents` streams while `rate` events per second are posted
/// for `duration`; measures the time from each post to each delivery.
pub async fn fan_out(
    s: &Setup,
    subscription: &str,
    token: &str,
    watchers: usize,
    rate: u64,
    duration: Duration,
    run: &str,
) -> Row {
    let channels = channels(&s.gateway.grpc, watchers.div_ceil(100)).await;
    let epoch = Instant::now();
    let events = (rate * duration.as_secs_f64().ceil() as u64).max(1);
    let sent_at: Arc<Vec<AtomicU64>> = Arc::new((0..events).map(|_| AtomicU64::new(0)).collect());
    let prefix = format!("fan-{run}");
    let mut tasks = Vec::new();
    for i in 0..watchers {
        let mut client = EventServiceClient::new(channels[i % channels.len()].clone());
        let mut stream = client
            .watch_events(pb::WatchEventsRequest {
                start: pb::StartPosition::Newest as i32,
                ..Default::default()
            })
            .await
            .expect("watch")
            .into_inner();
        let (sent_at, prefix) = (sent_at.clone(), prefix.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(events as usize);
            while latencies.len() < events as usize {
                let next = tokio::time::timeout(Duration::from_secs(5), stream.message()).await;
                let Ok(Ok(Some(event))) = next else { break };
                let Some(n) = event
                    .uuid
                    .strip_prefix(&prefix)
                    .and_then(|r| r.strip_prefix('-'))
                    .and_then(|n| n.parse::<usize>().ok())
                else {
                    continue;
                };
                let now = epoch.elapsed().as_nanos() as u64;
                let sent = sent_at[n].load(Ordering::Acquire);
                latencies.push(((now.saturating_sub(sent)) / 1000) as u32);
            }
            latencies
        }));
    }
    // Let every watch stream settle before the first event.
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.gateway.proc.reset_peak();
    let cpu_before = s.gateway.proc.cpu_seconds();
    let post = webhook_post(&s.http, &s.webhook_url, subscription, token, &prefix);
    let started = Instant::now();
    let mut interval = tokio::time::interval(Duration::from_nanos(1_000_000_000 / rate));
    let mut posts = Vec::new();
    for n in 0..events {
        interval.tick().await;
        sent_at[n as usize].store(epoch.elapsed().as_nanos() as u64, Ordering::Release);
        posts.push(tokio::spawn(post(n)));
    }
    for p in posts {
        let _ = p.await;
    }
    let mut measured = Measured::default();
    let mut missing = 0u64;
    for task in tasks {
        let latencies = task.await.unwrap_or_default();
        missing += events - latencies.len() as u64;
        measured.requests += latencies.len() as u64;
        measured.latencies_us.extend(latencies);
    }
    measured.elapsed = started.elapsed();
    measured.latencies_us.sort_unstable();
    if missing > 0 {
        measured.errors.insert("not delivered".into(), missing);
    }
    let cpu = s.gateway.proc.cpu_seconds() - cpu_before;
    Row {
        machine_busy: None,
        label: format!("{watchers} watchers, {rate} events/s"),
        concurrency: watchers,
        cpu_us_per_request: Some(cpu * 1e6 / measured.requests.max(1) as f64),
        peak_rss_mb: Some(s.gateway.proc.peak_rss_mb()),
        measured,
    }
}

/// `n` notifications posted at the same instant (RingCentral catching up after an
/// outage): each acknowledgement's latency, and the rate the burst was absorbed at.
pub async fn burst(
    gateway: &Proc,
    http: &reqwest::Client,
    webhook_url: &str,
    subscription: &str,
    token: &str,
    n: u64,
    label: &str,
) -> Row {
    let post = Arc::new(webhook_post(
        http,
        webhook_url,
        subscription,
        token,
        &format!("burst-{label}"),
    ));
    gateway.reset_peak();
    let cpu_before = gateway.cpu_seconds();
    let started = Instant::now();
    let sends: Vec<_> = (0..n)
        .map(|i| {
            let post = post.clone();
            tokio::spawn(async move {
                let sent = Instant::now();
                post(i).await.map(|()| sent.elapsed().as_micros() as u32)
            })
        })
        .collect();
    let mut measured = Measured::default();
    for send in sends {
        match send.await.expect("a burst task panicked") {
            Ok(us) => {
                measured.requests += 1;
                measured.latencies_us.push(us);
            }
            Err(kind) => *measured.errors.entry(kind).or_default() += 1,
        }
    }
    measured.elapsed = started.elapsed();
    measured.latencies_us.sort_unstable();
    let cpu = gateway.cpu_seconds() - cpu_before;
    Row {
        label: format!("{label}: burst of {n}"),
        concurrency: n as usize,
        cpu_us_per_request: Some(cpu * 1e6 / measured.requests.max(1) as f64),
        peak_rss_mb: Some(gateway.peak_rss_mb()),
        machine_busy: None,
        measured,
    }
}

/// A page of extensions over gRPC, uncached.
pub fn grpc_page_read(
    channels: Vec<Channel>,
    per_page: i32,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let clients: Vec<_> = channels
        .into_iter()
        .map(ExtensionServiceClient::new)
        .collect();
    move |n| {
        let mut client = clients[n as usize % clients.len()].clone();
        let mut request = tonic::Request::new(pb::ListExtensionsRequest {
            per_page,
            ..Default::default()
        });
        request.metadata_mut().insert(
            "cache-control",
            tonic::metadata::MetadataValue::from_static("no-cache"),
        );
        Box::pin(async move {
            client
                .list_extensions(request)
                .await
                .map(|_| ())
                .map_err(|s| format!("gRPC {:?}", s.code()))
        })
    }
}

/// Start-up of `samples` gateways in front of `upstream`, one after the other: time
/// from spawning the process to its first 200 on `/readyz`, and the resident memory
/// it then holds. Sorted.
pub fn startups(upstream: &str, samples: usize) -> (Vec<Duration>, Vec<f64>) {
    let mut times = Vec::new();
    let mut memory = Vec::new();
    for _ in 0..samples {
        let gateway = procs::gateway(upstream, &[]);
        times.push(gateway.ready);
        memory.push(gateway.proc.rss_mb());
    }
    times.sort();
    memory.sort_by(f64::total_cmp);
    (times, memory)
}

/// What one large upload cost.
pub struct Upload {
    pub bytes: usize,
    pub took: Duration,
    /// The gateway's resident memory at its peak during the upload, above where it
    /// started (`None` for a direct upload).
    pub rss_growth_mb: Option<f64>,
}

/// Uploads an IVR prompt of about `size` bytes as `multipart/form-data`
/// (createIVRPrompt) at `base` (the sandbox, or the gateway's compatible endpoint).
pub async fn upload(
    s: &Setup,
    base: &str,
    token: Option<&str>,
    size: usize,
    gateway: Option<&Proc>,
) -> Result<Upload, String> {
    let boundary = "rcgw-bench-upload";
    let mut head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBench\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"bench.mp3\"\r\n\
         Content-Type: audio/mpeg\r\n\r\n"
    )
    .into_bytes();
    head.extend((0..=255u8).cycle().take(size));
    head.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let total = head.len();
    let before = gateway.map(Proc::rss_mb);
    if let Some(proc) = gateway {
        proc.reset_peak();
    }
    let mut request = s
        .http
        .post(format!("{base}/restapi/v1.0/account/~/ivr-prompts"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(head);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let start = Instant::now();
    let answer = request.send().await.map_err(|e| e.to_string())?;
    let status = answer.status();
    let text = answer.text().await.map_err(|e| e.to_string())?;
    let took = start.elapsed();
    if !status.is_success() {
        return Err(format!("{status}: {text}"));
    }
    Ok(Upload {
        bytes: total,
        took,
        rss_growth_mb: gateway
            .zip(before)
            .map(|(proc, before)| (proc.peak_rss_mb() - before).max(0.0)),
    })
}
