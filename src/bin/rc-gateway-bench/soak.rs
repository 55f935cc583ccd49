//! The soak run: reads, writes, webhook notifications and watch streams at once, for
//! a long time, against a sandbox injecting faults (5xx, 429 with Retry-After,
//! dropped connections, latency). Reports the gateway's memory over time, errors by
//! kind, panics and lost events.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::event_service_client::EventServiceClient;
use serde_json::json;

use crate::load;
use crate::report::{Report, Row, Table, Target};
use crate::scenarios::{self, grpc_read, http_read};

#[derive(clap::Args)]
pub struct SoakArgs {
    /// How long to run (e.g. 60s, 10m).
    #[arg(long, default_value = "10m", value_parser = humantime::parse_duration)]
    duration: Duration,
    /// Largest RSS growth (MB) from the end of the warm-up to the end of the run.
    #[arg(long, default_value_t = 32.0)]
    max_growth_mb: f64,
}

fn row(label: &str, concurrency: usize, measured: load::Measured) -> Row {
    Row {
        label: label.into(),
        concurrency,
        measured,
        cpu_us_per_request: None,
        peak_rss_mb: None,
        machine_busy: None,
    }
}

pub async fn run(args: SoakArgs) -> (Report, bool) {
    let s = scenarios::setup(&[("CACHE_TTL", "2s".into())]).await;
    let (sub, token) = scenarios::subscribe(&s.http, &s.gateway.http, &s.sandbox_url).await;
    let faults = s
        .http
        .post(format!("{}/_sandbox/faults", s.sandbox_url))
        .json(&json!({
            "latencyMs": 2,
            "errors": [
                {"status": 503, "rate": 0.03},
                {"status": 500, "rate": 0.01},
                {"status": 429, "rate": 0.001, "retryAfter": 1}
            ],
            "resetRate": 0.01
        }))
        .send()
        .await
        .expect("faults");
    assert!(faults.status().is_success(), "the sandbox took the faults");

    // Watchers first, so that they see every event.
    let grpc = scenarios::channels(&s.gateway.grpc, 2).await;
    let seen: Vec<Arc<Mutex<HashSet<String>>>> = (0..3).map(|_| Arc::default()).collect();
    let mut watchers = Vec::new();
    for (i, set) in seen.iter().enumerate() {
        let mut stream = EventServiceClient::new(grpc[i % grpc.len()].clone())
            .watch_events(pb::WatchEventsRequest {
                start: pb::StartPosition::Newest as i32,
                ..Default::default()
            })
            .await
            .expect("watch")
            .into_inner();
        let set = set.clone();
        watchers.push(tokio::spawn(async move {
            while let Ok(Some(event)) = stream.message().await {
                set.lock().unwrap().insert(event.uuid);
            }
        }));
    }

    let acked = Arc::new(Mutex::new(HashSet::<String>::new()));
    let post = scenarios::webhook_post(&s.http, &s.webhook_url, &sub, &token, "soak");
    let acked_by_post = acked.clone();
    let posts = move |n: u64| {
        let (future, acked) = (post(n), acked_by_post.clone());
        async move {
            let result = future.await;
            if result.is_ok() {
                acked.lock().unwrap().insert(format!("soak-{n}"));
            }
            // About 25 notifications a second per worker.
            tokio::time::sleep(Duration::from_millis(40)).await;
            result
        }
    };
    let http = s.http.clone();
    let gw_http = s.gateway.http.clone();
    let writes = move |n: u64| {
        let request = http
            .put(format!(
                "http://{gw_http}/api/extensions/{}",
                63_000_110 + n % 20
            ))
            .json(&json!({"contact": {"department": format!("Soak {n}")}}));
        async move {
            let result = scenarios::outcome(request).await;
            tokio::time::sleep(Duration::from_millis(100)).await;
            result
        }
    };
    let lists = {
        let http = s.http.clone();
        let base = format!("http://{}", s.gateway.http);
        move |n: u64| {
            let path = match n % 3 {
                0 => "/api/sites",
                1 => "/api/call-queues?perPage=5",
                _ => "/api/analytics/call-logs?perPage=5",
            };
            scenarios::outcome(http.get(format!("{base}{path}")))
        }
    };

    // Memory: sampled every tenth of the run; the baseline is taken after warm-up.
    let sample_every = (args.duration / 10).max(Duration::from_secs(1));
    let samples = Arc::new(Mutex::new(Vec::<(f64, f64)>::new()));
    let sampler = {
        let samples = samples.clone();
        let pid = s.gateway.proc.pid();
        let started = Instant::now();
        tokio::spawn(async move {
            loop {
                let rss = std::fs::read_to_string(format!("/proc/{pid}/status"))
                    .unwrap_or_default()
                    .lines()
                    .find_map(|l| l.strip_prefix("VmRSS:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
                    .unwrap_or(0.0)
                    / 1024.0;
                samples
                    .lock()
                    .unwrap()
                    .push((started.elapsed().as_secs_f64(), rss));
                tokio::time::sleep(sample_every).await;
            }
        })
    };

    let d = args.duration;
    let (reads_http, reads_grpc, listed, written, posted) = tokio::join!(
        load::run(3, d, http_read(&s, false)),
        load::run(3, d, grpc_read(grpc.clone(), true)),
        load::run(2, d, lists),
        load::run(1, d, writes),
        load::run(2, d, posts),
    );
    sampler.abort();

    // Every acknowledged event must reach every watcher.
    let acked = acked.lock().unwrap().clone();
    let deadline = Instant::now() + Duration::from_secs(15);
    let lost = loop {
        let lost = seen
            .iter()
            .map(|set| acked.difference(&set.lock().unwrap()).count())
            .max()
            .unwrap_or(0);
        if lost == 0 || Instant::now() > deadline {
            break lost;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    for w in watchers {
        w.abort();
    }
    let mut gateway = s.gateway;
    let running = gateway.proc.is_running();
    let panics = gateway
        .proc
        .output()
        .iter()
        .filter(|l| l.contains("panicked"))
        .count();
    let samples = samples.lock().unwrap().clone();
    let baseline = samples
        .iter()
        .find(|(t, _)| *t >= sample_every.as_secs_f64())
        .or(samples.first())
        .map_or(0.0, |s| s.1);
    let before = samples.first().map_or(0.0, |s| s.1);
    let end = gateway.proc.rss_mb();
    let peak = samples.iter().map(|s| s.1).fold(end, f64::max);
    let growth = end - baseline;

    let mut report = Report::default();
    report.header.push(format!(
        "## rc-gateway soak run\n\n{} s of mixed traffic against a sandbox injecting 503 (3%), 500 (1%), 429 with Retry-After \
         (0.1%), dropped connections (1%) and 2 ms of latency. Errors below are what callers saw after the gateway's retries.",
        args.duration.as_secs()
    ));
    report.tables.push(Table {
        title: "Traffic".into(),
        note: String::new(),
        rows: vec![
            row("extension reads, HTTP/JSON (cached 2 s)", 3, reads_http),
            row("extension reads, gRPC (uncached)", 3, reads_grpc),
            row("sites, queues, call logs, HTTP/JSON", 2, listed),
            row("extension updates, HTTP/JSON", 1, written),
            row("webhook notifications", 2, posted),
        ],
    });
    let timeline: Vec<String> = samples
        .iter()
        .map(|(t, rss)| format!("{t:.0} s: {rss:.1} MB"))
        .collect();
    report.extra.push(format!(
        "### Gateway memory\n\nRSS before the traffic {before:.1} MB, after warm-up {baseline:.1} MB, at the end {end:.1} MB, \
         peak {peak:.1} MB (growth after warm-up {growth:+.1} MB). Samples: {}.\n\n### Events\n\n{} notifications acknowledged; \
         {lost} not delivered to every one of the 3 watchers.",
        timeline.join(", "),
        acked.len()
    ));
    report.targets = vec![
        Target {
            what: "RSS growth after warm-up".into(),
            goal: format!("<= {:.0} MB", args.max_growth_mb),
            measured: format!("{growth:+.1} MB"),
            met: growth <= args.max_growth_mb,
        },
        Target {
            what: "panics".into(),
            goal: "0".into(),
            measured: panics.to_string(),
            met: panics == 0 && running,
        },
        Target {
            what: "lost events".into(),
            goal: "0".into(),
            measured: lost.to_string(),
            met: lost == 0 && !acked.is_empty(),
        },
    ];
    let ok = report.targets.iter().all(|t| t.met);
    (report, ok)
}
