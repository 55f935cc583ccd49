//! The printed report: one table per scenario, then the targets.

use std::fmt::Write;

use crate::load::Measured;

/// One row of a table.
pub struct Row {
    pub label: String,
    pub concurrency: usize,
    pub measured: Measured,
    /// Gateway CPU time per request, µs (`None` for rows that bypass the gateway).
    pub cpu_us_per_request: Option<f64>,
    /// Gateway peak RSS during the row, MB.
    pub peak_rss_mb: Option<f64>,
    /// Share of the machine's CPU time in use during the row (all processes).
    pub machine_busy: Option<f64>,
}

pub struct Table {
    pub title: String,
    pub note: String,
    pub rows: Vec<Row>,
}

pub struct Target {
    pub what: String,
    pub goal: String,
    pub measured: String,
    pub met: bool,
}

impl Row {
    /// Requests that failed, and deliveries that never came.
    pub fn failures(&self) -> u64 {
        self.measured.errors.values().sum()
    }
}

#[derive(Default)]
pub struct Report {
    pub header: Vec<String>,
    pub tables: Vec<Table>,
    pub extra: Vec<String>,
    pub targets: Vec<Target>,
}

fn ms(us: f64) -> String {
    if us.is_nan() {
        "-".into()
    } else if us < 1000.0 {
        format!("{us:.0} µs")
    } else {
        format!("{:.2} ms", us / 1000.0)
    }
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.map_or("-".into(), |v| format!("{v:.digits$}"))
}

impl Report {
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for line in &self.header {
            let _ = writeln!(out, "{line}");
        }
        for table in &self.tables {
            let _ = writeln!(out, "\n### {}\n", table.title);
            if !table.note.is_empty() {
                let _ = writeln!(out, "{}\n", table.note);
            }
            let _ = writeln!(
                out,
                "| | concurrency | req/s | p50 | p99 | p99.9 | errors | gateway CPU s / 1,000 req | gateway peak RSS MB | machine busy |"
            );
            let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for row in &table.rows {
                let m = &row.measured;
                let errors = if m.errors.is_empty() {
                    "0".to_owned()
                } else {
                    m.errors
                        .iter()
                        .map(|(k, v)| format!("{v} {k}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {:.0} | {} | {} | {} | {} | {} | {} | {} |",
                    row.label,
                    row.concurrency,
                    m.throughput(),
                    ms(m.quantile_us(0.5)),
                    ms(m.quantile_us(0.99)),
                    ms(m.quantile_us(0.999)),
                    errors,
                    // µs per request = ms per 1,000 requests; the column is in seconds.
                    opt(row.cpu_us_per_request.map(|us| us / 1000.0), 3),
                    opt(row.peak_rss_mb, 1),
                    row.machine_busy
                        .map_or("-".into(), |b| format!("{:.0}%", b * 100.0)),
                );
            }
        }
        for line in &self.extra {
            let _ = writeln!(out, "\n{line}");
        }
        if !self.targets.is_empty() {
            let _ = writeln!(out, "\n### Targets\n");
            let _ = writeln!(out, "| target | goal | measured | met |");
            let _ = writeln!(out, "|---|---|---|---|");
            for t in &self.targets {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    t.what,
                    t.goal,
                    t.measured,
                    if t.met { "yes" } else { "**no**" }
                );
            }
        }
        out
    }
}

pub fn fmt_us(us: f64) -> String {
    ms(us)
}
