//! The load generator: `concurrency` workers, each sending its next request when the
//! previous one is answered (closed loop) or at its next tick (paced), for a fixed
//! time. Latencies are kept whole and sorted at the end (exact percentiles, no
//! histogram buckets).

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What one run measured.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    pub requests: u64,
    pub elapsed: Duration,
    /// Sorted, in microseconds.
    pub latencies_us: Vec<u32>,
    pub errors: BTreeMap<String, u64>,
}

impl Measured {
    pub fn throughput(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `q` quantile (0..=1), in microseconds.
    pub fn quantile_us(&self, q: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies_us.len() as f64 - 1.0) * q).round() as usize;
        f64::from(self.latencies_us[i])
    }
}

/// Runs `call` from `concurrency` workers for `duration`. `call` gets a sequence
/// number and answers `Err(kind)` for a failed request.
pub async fn run<F, Fut>(concurrency: usize, duration: Duration, call: F) -> Measured
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send,
{
    drive(concurrency, duration, None, call).await
}

/// Like [`run`], but the `concurrency` workers together send `per_second` requests a
/// second, evenly spaced: latencies without the queueing of a saturated machine.
pub async fn run_paced<F, Fut>(
    concurrency: usize,
    per_second: f64,
    duration: Duration,
    call: F,
) -> Measured
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send,
{
    let period = Duration::from_secs_f64(concurrency as f64 / per_second.max(1e-3));
    drive(concurrency, duration, Some(period), call).await
}

/// The workers: each sends its next request when the previous one is answered, or,
/// with a `period`, at its next tick (ticks staggered across workers).
async fn drive<F, Fut>(
    concurrency: usize,
    duration: Duration,
    period: Option<Duration>,
    call: F,
) -> Measured
where
    F: Fn(u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send,
{
    let call = Arc::new(call);
    let sequence = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started + duration;
    let workers: Vec<_> = (0..concurrency)
        .map(|i| {
            let (call, sequence) = (call.clone(), sequence.clone());
            let mut ticks = period.map(|period| {
                let first =
                    tokio::time::Instant::now() + period.mul_f64(i as f64 / concurrency as f64);
                let mut ticks = tokio::time::interval_at(first, period);
                ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                ticks
            });
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(4096);
                let mut errors: BTreeMap<String, u64> = BTreeMap::new();
                loop {
                    if let Some(ticks) = &mut ticks {
                        ticks.tick().await;
                    }
                    if Instant::now() >= deadline {
                        break;
                    }
                    let n = sequence.fetch_add(1, Ordering::Relaxed);
                    let sent = Instant::now();
                    match call(n).await {
                        Ok(()) => {
                            latencies.push(sent.elapsed().as_micros().min(u32::MAX as u128) as u32)
                        }
                        Err(kind) => *errors.entry(kind).or_default() += 1,
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut measured = Measured::default();
    for worker in workers {
        let (latencies, errors) = worker.await.expect("a load worker panicked");
        measured.requests += latencies.len() as u64;
        measured.latencies_us.extend(latencies);
        for (k, v) in errors {
            *measured.errors.entry(k).or_default() += v;
        }
    }
    measured.elapsed = started.elapsed();
    measured.latencies_us.sort_unstable();
    measured
}
