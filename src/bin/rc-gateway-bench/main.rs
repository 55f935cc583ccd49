//! `rc-gateway-bench`: measures the gateway against its own sandbox and prints a
//! report (Markdown); `rc-gateway-bench soak` runs mixed traffic with faults for a
//! long time and checks that nothing leaks, panics or gets lost.
//!
//! Load comes from our own tonic and reqwest clients (ghz is not available here),
//! in this process; the sandbox and the gateway run as separate processes, so the
//! gateway's CPU time and memory can be read from /proc. Everything shares the
//! machine's cores: the figures include that contention.

mod accounts;
mod load;
mod procs;
mod report;
mod scenarios;
mod soak;

use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

use report::{Report, Table, Target, fmt_us};
use scenarios::{compat_read, direct_read, grpc_read, http_read, paced_row, page_read, row};

/// Requests a second of the paced overhead rows: a fraction of what the machine can
/// serve, so that latencies show the path and not a queue.
const PACED_RATE: f64 = 500.0;

/// The audio of the upload row: within RingCentral's 20 MB (20,971,520 bytes) for an IVR
/// prompt, with room for the multipart framing.
const UPLOAD_AUDIO_BYTES: usize = 20_000_000;

#[derive(Parser)]
#[command(
    name = "rc-gateway-bench",
    about = "Benchmarks and soak runs of rc-gateway"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A short run of every scenario (a smoke test; the figures are rough).
    #[arg(long)]
    quick: bool,
    /// Also write the report to this file.
    #[arg(long, global = true)]
    markdown: Option<std::path::PathBuf>,
    /// Seconds per row (default: 5, or 1 with --quick).
    #[arg(long)]
    seconds: Option<u64>,
    /// Only the overhead table (for profiling).
    #[arg(long)]
    overhead_only: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Mixed traffic with injected faults; exits 1 if memory grows past the bound,
    /// anything panics or an acknowledged event is lost.
    Soak(soak::SoakArgs),
}

/// The report, and whether every request of every row succeeded (a benchmark with
/// failures measured something else; timings are never judged here).
type Outcome = (Report, bool);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (report, ok) = match cli.command {
        Some(Command::Soak(args)) => runtime.block_on(soak::run(args)),
        None => runtime.block_on(bench(cli.quick, cli.seconds, cli.overhead_only)),
    };
    let text = report.markdown();
    println!("{text}");
    if let Some(path) = cli.markdown
        && let Err(e) = std::fs::write(&path, &text)
    {
        eprintln!("cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or("?".into(), |kb| {
            format!("{:.1} GB", kb as f64 / 1024.0 / 1024.0)
        });
    format!("{cpu}, {cores} cores, {memory} RAM")
}

async fn bench(quick: bool, seconds: Option<u64>, overhead_only: bool) -> Outcome {
    let run = Duration::from_secs(seconds.unwrap_or(if quick { 1 } else { 5 }));
    let levels: &[usize] = if quick { &[1, 16] } else { &[1, 16, 64, 256] };
    let mut report = Report::default();
    report.header.push(format!(
        "## rc-gateway benchmark ({})\n\nMachine: {}. Build: release. Load generator, gateway and sandbox share the cores. \
         {} s per row.",
        if quick { "quick" } else { "full" },
        machine(),
        run.as_secs()
    ));

    eprintln!("starting the sandbox and the gateway");
    let s = scenarios::setup(&[]).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle_rss = s.gateway.proc.rss_mb();
    let (startups, startup_rss) = scenarios::startups(&s.sandbox_url, if quick { 3 } else { 10 });
    let median = |v: &[Duration]| v[v.len() / 2];
    let startup = median(&startups);
    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    report.extra.push(format!(
        "### Start-up and idle memory\n\n{} starts, each from spawning the process to its first 200 on `/readyz` \
         (listeners bound, event log opened; the RingCentral login happens with the first call).\n\n\
         | | median | fastest | slowest |\n|---|---:|---:|---:|\n\
         | start-up | {} | {} | {} |\n\
         | RSS right after start | {:.1} MB | {:.1} MB | {:.1} MB |\n\
         | RSS idle (1 s after start, logged in) | {idle_rss:.1} MB | | |",
        startups.len(),
        ms(startup),
        ms(startups[0]),
        ms(startups[startups.len() - 1]),
        startup_rss[startup_rss.len() / 2],
        startup_rss[0],
        startup_rss[startup_rss.len() - 1],
    ));

    // 1. Overhead.
    eprintln!("overhead");
    let gw = Some(&s.gateway.proc);
    let grpc = scenarios::channels(&s.gateway.grpc, 4).await;
    // Warm-up: connection pools (the gateway's to the sandbox too), allocator arenas
    // and caches settle before anything is measured.
    let warm = if quick {
        Duration::from_millis(500)
    } else {
        Duration::from_secs(3)
    };
    let _ = load::run(64, warm, direct_read(&s)).await;
    let _ = load::run(64, warm, http_read(&s, true)).await;
    let _ = load::run(64, warm, grpc_read(grpc.clone(), true)).await;
    let _ = load::run(64, warm, compat_read(&s)).await;
    let mut overhead = Table {
        title: "Overhead: one extension read, direct vs through the gateway (uncached)".into(),
        note: "`direct`: GET /restapi/v1.0/account/~/extension/{id} at the sandbox. `HTTP`: GET /api/extensions/{id} \
               with `cache-control: no-cache`. `gRPC`: ExtensionService.GetExtension, same metadata. `RingCentral-compatible`: \
               the direct request's path at the gateway's compatible endpoint, same header. Ids rotate over 260 \
               extensions. The CPU and RSS of `direct` rows are the sandbox's: what one plain HTTP/1.1 exchange \
               (with a JSON answer) costs on this machine."
            .into(),
        rows: Vec::new(),
    };
    let mut added = Vec::new();
    for &c in levels {
        let direct = row(Some(&s.sandbox), "direct", c, run, direct_read(&s)).await;
        let http = row(gw, "HTTP/JSON", c, run, http_read(&s, true)).await;
        let grpc_row = row(gw, "gRPC", c, run, grpc_read(grpc.clone(), true)).await;
        let compat = row(gw, "RingCentral-compatible", c, run, compat_read(&s)).await;
        for r in [&http, &grpc_row, &compat] {
            added.push((
                c,
                r.label.clone(),
                r.measured.quantile_us(0.5) - direct.measured.quantile_us(0.5),
                r.measured.quantile_us(0.99) - direct.measured.quantile_us(0.99),
                r.measured.throughput() / direct.measured.throughput(),
                r.cpu_us_per_request.unwrap_or(f64::NAN),
                direct.cpu_us_per_request.unwrap_or(f64::NAN),
            ));
        }
        overhead.rows.extend([direct, http, grpc_row, compat]);
    }
    // The same 16 callers paced well below the machine's capacity (RingCentral's own
    // limits keep real traffic far lower still): the path's cost without queueing.
    let rate = PACED_RATE;
    let paced = |label: &str| format!("{label}, 16 callers at {rate:.0}/s");
    let direct = paced_row(
        Some(&s.sandbox),
        &paced("direct"),
        16,
        rate,
        run,
        direct_read(&s),
    )
    .await;
    let http = paced_row(gw, &paced("HTTP/JSON"), 16, rate, run, http_read(&s, true)).await;
    let grpc_row = paced_row(
        gw,
        &paced("gRPC"),
        16,
        rate,
        run,
        grpc_read(grpc.clone(), true),
    )
    .await;
    let mut paced_added = Vec::new();
    for r in [&http, &grpc_row] {
        paced_added.push((
            r.label.clone(),
            r.measured.quantile_us(0.5) - direct.measured.quantile_us(0.5),
            r.measured.quantile_us(0.99) - direct.measured.quantile_us(0.99),
        ));
    }
    overhead.rows.extend([direct, http, grpc_row]);
    report.tables.push(overhead);
    let mut lines = vec![
        "### Added by the gateway\n".to_owned(),
        "| concurrency | protocol | added p50 | added p99 | throughput vs direct | gateway CPU µs / req | sandbox CPU µs / direct req |".to_owned(),
        "|---:|---|---:|---:|---:|---:|---:|".to_owned(),
    ];
    for (c, label, p50, p99, ratio, cpu, sandbox_cpu) in &added {
        lines.push(format!(
            "| {c} | {label} | {} | {} | {:.2} | {cpu:.1} | {sandbox_cpu:.1} |",
            fmt_us(*p50),
            fmt_us(*p99),
            ratio
        ));
    }
    for (label, p50, p99) in &paced_added {
        lines.push(format!(
            "| 16 at {PACED_RATE:.0}/s | {label} | {} | {} | | | |",
            fmt_us(*p50),
            fmt_us(*p99)
        ));
    }
    report.extra.push(lines.join("\n"));
    if overhead_only {
        let ok = report
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .all(|r| r.failures() == 0);
        return (report, ok);
    }

    // 2. Cached reads.
    eprintln!("cached reads");
    let cached_c = if quick { 16 } else { 64 };
    let cached_grpc = row(gw, "gRPC", cached_c, run, grpc_read(grpc.clone(), false)).await;
    let cached_http = row(gw, "HTTP/JSON", cached_c, run, http_read(&s, false)).await;
    let cached_rate = cached_grpc.measured.throughput();
    report.tables.push(Table {
        title: "Cached reads (the same extension, from the gateway's cache)".into(),
        note: String::new(),
        rows: vec![cached_grpc, cached_http],
    });

    // 3. Webhook ingress.
    eprintln!("webhook ingress");
    let (sub, token) = scenarios::subscribe(&s.http, &s.gateway.http, &s.sandbox_url).await;
    let ingress_c = if quick { 16 } else { 64 };
    let embedded = row(
        gw,
        "embedded log",
        ingress_c,
        run,
        scenarios::webhook_post(&s.http, &s.webhook_url, &sub, &token, "ingress"),
    )
    .await;
    let ingress_rate = embedded.measured.throughput();
    let ingress_p99 = embedded.measured.quantile_us(0.99);
    let burst = scenarios::burst(
        &s.gateway.proc,
        &s.http,
        &s.webhook_url,
        &sub,
        &token,
        1000,
        "embedded log",
    )
    .await;
    let mut ingress = Table {
        title: "Webhook ingress: notifications acknowledged after durable storage".into(),
        note: "POST /api/webhooks/events on the sidecar, each a new uuid, with the verification token; \
               a burst posts 1,000 at the same instant (req/s: how fast the burst was absorbed)."
            .into(),
        rows: vec![embedded, burst],
    };
    let mut skipped = false;
    let mut redis_ingress = None;
    if let Some((_redis, url)) = procs::redis() {
        let r = scenarios::setup(&[("REDIS_URL", url)]).await;
        let (sub, token) = scenarios::subscribe(&r.http, &r.gateway.http, &r.sandbox_url).await;
        let sustained = row(
            Some(&r.gateway.proc),
            "Redis Streams",
            ingress_c,
            run,
            scenarios::webhook_post(&r.http, &r.webhook_url, &sub, &token, "ingress-redis"),
        )
        .await;
        redis_ingress = Some((
            sustained.measured.throughput(),
            sustained.measured.quantile_us(0.99),
        ));
        ingress.rows.push(sustained);
        ingress.rows.push(
            scenarios::burst(
                &r.gateway.proc,
                &r.http,
                &r.webhook_url,
                &sub,
                &token,
                1000,
                "Redis Streams",
            )
            .await,
        );
    } else {
        skipped = true;
        ingress
            .note
            .push_str(" (redis-server not found: Redis rows skipped.)");
    }
    report.tables.push(ingress);

    // 4. Fan-out.
    eprintln!("event fan-out");
    let mut fan = Table {
        title: "Event fan-out: delivery latency from webhook post to each watcher".into(),
        note: "gRPC WatchEvents streams (100 per connection). Rows count deliveries; CPU is per delivery.".into(),
        rows: Vec::new(),
    };
    let watchers: &[usize] = if quick { &[1, 100] } else { &[1, 100, 1000] };
    for (i, &w) in watchers.iter().enumerate() {
        fan.rows
            .push(scenarios::fan_out(&s, &sub, &token, w, 100, run, &i.to_string()).await);
    }
    let fan_p99 = fan
        .rows
        .last()
        .map_or(f64::NAN, |r| r.measured.quantile_us(0.99));
    let fan_most = *watchers.last().unwrap_or(&0);
    report.tables.push(fan);

    // 5. Scale with work: 10x the clients, 10x the page size (10x the watchers: the
    // fan-out table, 100 -> 1,000).
    eprintln!("scale with work");
    let mut pages = Table {
        title: "Scale with work: 10x more concurrent clients, 10x larger pages".into(),
        note: "Clients: uncached gRPC reads of one extension at 16 and 160 callers. Pages: an uncached list of \
               extensions with perPage 100 and 1,000 (the sandbox holds 317), 4 callers. 10x more event \
               subscribers: the fan-out table, 100 and 1,000 watch streams."
            .into(),
        rows: Vec::new(),
    };
    for c in [16, 160] {
        pages.rows.push(
            row(
                gw,
                &format!("gRPC, {c} clients"),
                c,
                run,
                grpc_read(grpc.clone(), true),
            )
            .await,
        );
    }
    for per_page in [100, 1000] {
        pages.rows.push(
            row(
                Some(&s.sandbox),
                &format!("direct, perPage={per_page}"),
                4,
                run,
                page_read(&s, per_page, true),
            )
            .await,
        );
        pages.rows.push(
            row(
                gw,
                &format!("HTTP/JSON, perPage={per_page}"),
                4,
                run,
                page_read(&s, per_page, false),
            )
            .await,
        );
        pages.rows.push(
            row(
                gw,
                &format!("gRPC, perPage={per_page}"),
                4,
                run,
                scenarios::grpc_page_read(grpc.clone(), per_page as i32),
            )
            .await,
        );
    }
    report.tables.push(pages);

    // 7. A large upload through the compatible endpoint, streamed to RingCentral.
    eprintln!("multipart upload");
    let upload_bytes = UPLOAD_AUDIO_BYTES;
    let direct_upload =
        scenarios::upload(&s, &s.sandbox_url, Some(&s.token), upload_bytes, None).await;
    let gateway_url = format!("http://{}", s.gateway.http);
    let mut gateway_uploads = Vec::new();
    for _ in 0..2 {
        gateway_uploads.push(
            scenarios::upload(&s, &gateway_url, None, upload_bytes, Some(&s.gateway.proc)).await,
        );
    }
    let mut lines = vec![
        "### Multipart upload (createIVRPrompt, one 20 MB prompt, at RingCentral's limit)\n"
            .to_owned(),
        "| path | bytes | time | MB/s | gateway RSS growth (peak) |".to_owned(),
        "|---|---:|---:|---:|---:|".to_owned(),
    ];
    let mut upload_growth: Option<f64> = None;
    let mut upload_failed = false;
    for (label, outcome) in std::iter::once(("direct", &direct_upload)).chain(
        gateway_uploads
            .iter()
            .map(|u| ("RingCentral-compatible", u)),
    ) {
        match outcome {
            Ok(u) => {
                if let Some(g) = u.rss_growth_mb {
                    upload_growth = Some(upload_growth.map_or(g, |m: f64| m.max(g)));
                }
                lines.push(format!(
                    "| {label} | {} | {:.0} ms | {:.0} | {} |",
                    u.bytes,
                    u.took.as_secs_f64() * 1000.0,
                    u.bytes as f64 / 1e6 / u.took.as_secs_f64(),
                    u.rss_growth_mb.map_or("".into(), |g| format!("{g:.1} MB")),
                ));
            }
            Err(e) => {
                upload_failed = true;
                eprintln!("upload failed ({label}): {e}");
                lines.push(format!("| {label} | failed: {e} | | | |"));
            }
        }
    }
    report.extra.push(lines.join("\n"));

    // Targets.
    let at16 = |label: &str| added.iter().find(|a| a.0 == 16 && a.1 == label);
    for label in ["HTTP/JSON", "gRPC"] {
        if let Some((_, _, p50, p99, _, cpu, _)) = at16(label) {
            report.targets.push(Target {
                what: format!("added p50 at concurrency 16, {label}"),
                goal: "< 150 µs".into(),
                measured: fmt_us(*p50),
                met: *p50 < 150.0,
            });
            report.targets.push(Target {
                what: format!("added p99 at concurrency 16, {label}"),
                goal: "< 1 ms".into(),
                measured: fmt_us(*p99),
                met: *p99 < 1000.0,
            });
            if let Some((_, p50, p99)) = paced_added.iter().find(|p| p.0.starts_with(label)) {
                report.targets.push(Target {
                    what: format!(
                        "(for reference) added p50 / p99, 16 callers at {PACED_RATE:.0}/s, {label}"
                    ),
                    goal: "< 150 µs / < 1 ms".into(),
                    measured: format!("{} / {}", fmt_us(*p50), fmt_us(*p99)),
                    met: *p50 < 150.0 && *p99 < 1000.0,
                });
            }
            report.targets.push(Target {
                what: format!("gateway CPU per proxied request, {label}"),
                goal: "< 40 µs".into(),
                measured: format!("{cpu:.1} µs"),
                met: *cpu < 40.0,
            });
        }
    }
    // The compatible endpoint forwards what the typed API translates: it should cost
    // no more than a typed HTTP/JSON call, and keep half of the direct throughput.
    if let (Some(compat), Some(http)) = (at16("RingCentral-compatible"), at16("HTTP/JSON")) {
        report.targets.push(Target {
            what: "gateway CPU per call, RingCentral-compatible endpoint, 16 callers".into(),
            goal: "<= the typed HTTP/JSON call's".into(),
            measured: format!("{:.1} µs (HTTP/JSON {:.1} µs)", compat.5, http.5),
            met: compat.5 <= http.5,
        });
        report.targets.push(Target {
            what: "uncached throughput, RingCentral-compatible endpoint, 16 callers".into(),
            goal: ">= 50% of direct".into(),
            measured: format!("{:.0}%", compat.4 * 100.0),
            met: compat.4 >= 0.5,
        });
    }
    report.targets.push(Target {
        what: "gateway RSS growth during a 20 MB multipart upload".into(),
        goal: "< 8 MB".into(),
        measured: upload_growth.map_or("failed".into(), |g| format!("{g:.1} MB")),
        met: upload_growth.is_some_and(|g| g < 8.0),
    });
    report.targets.push(Target {
        what: "idle RSS".into(),
        goal: "< 30 MB".into(),
        measured: format!("{idle_rss:.1} MB"),
        met: idle_rss < 30.0,
    });
    report.targets.push(Target {
        what: "start-up".into(),
        goal: "< 200 ms".into(),
        measured: format!("{:.0} ms", startup.as_secs_f64() * 1000.0),
        met: startup < Duration::from_millis(200),
    });
    report.targets.push(Target {
        what: "cached gRPC reads".into(),
        goal: ">= 20,000/s".into(),
        measured: format!("{cached_rate:.0}/s"),
        met: cached_rate >= 20_000.0,
    });
    report.targets.push(Target {
        what: "webhook ingress (embedded log)".into(),
        goal: ">= 5,000 events/s, ack p99 < 20 ms".into(),
        measured: format!("{ingress_rate:.0}/s, p99 {}", fmt_us(ingress_p99)),
        met: ingress_rate >= 5_000.0 && ingress_p99 < 20_000.0,
    });
    if let Some((rate, p99)) = redis_ingress {
        report.targets.push(Target {
            what: "webhook ingress (Redis Streams)".into(),
            goal: ">= 5,000 events/s, ack p99 < 20 ms".into(),
            measured: format!("{rate:.0}/s, p99 {}", fmt_us(p99)),
            met: rate >= 5_000.0 && p99 < 20_000.0,
        });
    }
    report.targets.push(Target {
        what: format!("event delivery p99, {fan_most} watchers"),
        goal: "< 50 ms (1,000 watchers)".into(),
        measured: fmt_us(fan_p99),
        met: fan_p99 < 50_000.0,
    });
    let found = accounts::run(&s.http, &s.sandbox_url, quick, run).await;
    report.tables.extend(found.tables);
    report.targets.extend(found.targets);
    drop(s);
    let failed: Vec<String> = report
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| r.failures() > 0)
        .map(|r| format!("{} x{}: {:?}", r.label, r.concurrency, r.measured.errors))
        .collect();
    for f in &failed {
        eprintln!("failures in {f}");
    }
    (report, failed.is_empty() && !skipped && !upload_failed)
}
