//! Several accounts: what an idle account costs in memory, a call's CPU with many
//! accounts configured, and one account's latency while another is under a 429
//! storm and an outage. Every configured account logs in to the same sandbox with the
//! same credentials: to the gateway each is an account of its own (session, budget,
//! breaker, cache, keeper), which is what is measured.

use std::time::Duration;

use serde_json::{Value, json};

use crate::load;
use crate::procs::{self, TempDir};
use crate::report::{Table, Target, fmt_us};
use crate::scenarios::{FIRST_USER, USERS, outcome, row};

/// Calls a second of account a's callers while it fails: far above what RingCentral
/// lets one account make, far below what a saturated machine would say nothing about.
const A_RATE: f64 = 1_000.0;

/// What the accounts rows found.
pub struct Found {
    pub tables: Vec<Table>,
    pub targets: Vec<Target>,
}

/// An uncached extension read at the gateway on `http`, for `account`.
fn read(
    http: &reqwest::Client,
    addr: &str,
    account: &'static str,
) -> impl Fn(u64) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>
+ Send
+ Sync
+ 'static {
    let http = http.clone();
    let base = format!("http://{addr}/api/extensions/");
    move |n| {
        let request = http
            .get(format!("{base}{}", FIRST_USER + n % USERS))
            .header("cache-control", "no-cache")
            .header("rc-account", account);
        Box::pin(outcome(request))
    }
}

/// A gateway on `sandbox` with `accounts` in its accounts file (`id`, server URL).
fn gateway(sandbox: &str, accounts: &[(String, String)]) -> (procs::Gateway, TempDir) {
    let dir = TempDir::new("accounts");
    let file = dir.0.join("accounts.json");
    let entries: Vec<Value> = accounts
        .iter()
        .map(|(id, url)| {
            json!({"id": id, "clientId": rc_sandbox::DEFAULT_CLIENT_ID,
                   "clientSecret": rc_sandbox::DEFAULT_CLIENT_SECRET,
                   "jwt": rc_sandbox::DEFAULT_JWT, "serverUrl": url})
        })
        .collect();
    std::fs::write(&file, json!({"accounts": entries}).to_string()).unwrap();
    let gateway = procs::gateway(
        sandbox,
        &[("ACCOUNTS_FILE", file.to_string_lossy().into_owned())],
    );
    (gateway, dir)
}

async fn jwt_grants(http: &reqwest::Client, sandbox: &str) -> u64 {
    let stats: Value = match http.get(format!("{sandbox}/_sandbox/stats")).send().await {
        Ok(answer) => answer.json().await.unwrap_or_default(),
        Err(_) => Value::Null,
    };
    stats["jwtGrants"].as_u64().unwrap_or(0)
}

async fn faults(http: &reqwest::Client, sandbox: &str, faults: Value) {
    let _ = http
        .post(format!("{sandbox}/_sandbox/faults"))
        .json(&faults)
        .send()
        .await;
}

pub async fn run(http: &reqwest::Client, sandbox: &str, quick: bool, run: Duration) -> Found {
    let many = if quick { 100 } else { 1000 };
    let mut tables = Vec::new();
    let mut targets = Vec::new();

    // Memory: one account, then `many`, each once every account has logged in.
    eprintln!("accounts: memory and CPU with {many} accounts");
    let before = jwt_grants(http, sandbox).await;
    let (one, _one_dir) = gateway(sandbox, &[]);
    let _ = outcome(http.get(format!("http://{}/api/extensions/~", one.http))).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let one_rss = one.proc.rss_mb();
    let ids: Vec<(String, String)> = (0..many)
        .map(|i| (format!("tenant-{i:04}"), sandbox.to_owned()))
        .collect();
    let (lots, _lots_dir) = gateway(sandbox, &ids);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    while jwt_grants(http, sandbox).await < before + 2 + many as u64
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = outcome(http.get(format!("http://{}/api/extensions/~", lots.http))).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let lots_rss = lots.proc.rss_mb();
    let per_account_kb = (lots_rss - one_rss) * 1024.0 / many as f64;

    // CPU per call on the default account, alternating the two gateways.
    let _ = load::run(
        16,
        Duration::from_millis(500),
        read(http, &one.http, "default"),
    )
    .await;
    let _ = load::run(
        16,
        Duration::from_millis(500),
        read(http, &lots.http, "default"),
    )
    .await;
    let first = row(
        Some(&one.proc),
        "1 account",
        16,
        run,
        read(http, &one.http, "default"),
    )
    .await;
    let with_many = row(
        Some(&lots.proc),
        &format!("{many} accounts configured"),
        16,
        run,
        read(http, &lots.http, "default"),
    )
    .await;
    let again = row(
        Some(&one.proc),
        "1 account (again)",
        16,
        run,
        read(http, &one.http, "default"),
    )
    .await;
    let cpu = |r: &crate::report::Row| r.cpu_us_per_request.unwrap_or(f64::NAN);
    let one_cpu = (cpu(&first) + cpu(&again)) / 2.0;
    let cpu_ratio = cpu(&with_many) / one_cpu;
    tables.push(Table {
        title: format!("Several accounts: a call's cost with {many} accounts configured"),
        note: format!(
            "Uncached extension reads of the default account, 16 callers, on a gateway of one account and on one \
             with {many} more (each its own session, budget, breaker, cache and keeper, all logged in). \
             Idle RSS: {one_rss:.1} MB with one account, {lots_rss:.1} MB with {many}: {per_account_kb:.1} KB an account."
        ),
        rows: vec![first, with_many, again],
    });
    targets.push(Target {
        what: "idle memory per configured account".into(),
        goal: "< 50 KB".into(),
        measured: format!("{per_account_kb:.1} KB ({many} accounts)"),
        met: per_account_kb < 50.0,
    });
    targets.push(Target {
        what: format!("a call's CPU with {many} accounts configured, against one"),
        goal: "within 5%".into(),
        measured: format!("{:+.1}%", (cpu_ratio - 1.0) * 100.0),
        met: cpu_ratio <= 1.05,
    });
    drop((one, lots));

    // Isolation: account b's latency while account a, on its own RingCentral, is
    // under a 429 storm, then an outage, with callers hammering it.
    eprintln!("accounts: isolation under a 429 storm and an outage");
    let (other, other_url) = procs::sandbox();
    let (gw, _dir) = gateway(
        sandbox,
        &[
            ("a".to_owned(), sandbox.to_owned()),
            ("b".to_owned(), other_url.clone()),
        ],
    );
    let _ = load::run(16, Duration::from_millis(500), read(http, &gw.http, "b")).await;
    let quiet = row(
        Some(&gw.proc),
        "b, a quiet",
        16,
        run,
        read(http, &gw.http, "b"),
    )
    .await;
    let mut rows = vec![quiet];
    for (label, fault) in [
        (
            "b, a in a 429 storm",
            json!({"errors": [{"status": 429, "rate": 1.0, "retryAfter": 1}]}),
        ),
        ("b, a in an outage", json!({"outage": true})),
    ] {
        faults(http, sandbox, fault).await;
        // Paced: a's failures are fast (an open breaker answers at once), and 16
        // unpaced callers would turn them into a busy loop on the shared cores.
        let hammer = tokio::spawn(load::run_paced(16, A_RATE, run, read(http, &gw.http, "a")));
        rows.push(row(Some(&gw.proc), label, 16, run, read(http, &gw.http, "b")).await);
        let hammered = hammer.await.unwrap();
        eprintln!(
            "  a meanwhile: {} calls, {:?}",
            hammered.requests, hammered.errors
        );
        faults(http, sandbox, json!({})).await;
    }
    let p99 = |r: &crate::report::Row| r.measured.quantile_us(0.99);
    let worst = rows[1..].iter().map(p99).fold(0.0, f64::max);
    targets.push(Target {
        what: "account b's p99 while account a is in a 429 storm or an outage".into(),
        goal: "unchanged within noise (<= 1.3x quiet)".into(),
        measured: format!(
            "{} quiet, {} at worst",
            fmt_us(p99(&rows[0])),
            fmt_us(worst)
        ),
        met: worst <= p99(&rows[0]) * 1.3,
    });
    tables.push(Table {
        title: "Several accounts: one account's latency while another fails".into(),
        note: format!(
            "Uncached reads of account b (its own sandbox), 16 callers, while 16 other callers read account a \
             ({A_RATE:.0} calls/s in all), whose sandbox answers every call with 429 (Retry-After 1 s), then \
             with 503. The table counts b's calls only; a's failures are a's."
        ),
        rows,
    });
    drop((gw, other));
    Found { tables, targets }
}
