//! The circuit breaker: after `threshold` consecutive failures that mean RingCentral
//! is unhealthy (5xx answers, timeouts, connection errors; never 4xx), calls fail fast
//! for `open_for`; then one probe goes through, and its success closes the circuit.
//! It sits under the retry layer, so it sees every attempt and stops retries against
//! a RingCentral that is down.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::BoxFuture;
use tokio::time::Instant;
use tower::ServiceExt;

use super::layered::UpstreamLayer;
use super::{RcRequest, RcResponse, UpstreamError, UpstreamService};
use crate::error::Error;

/// The breaker's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

impl BreakerState {
    pub fn name(self) -> &'static str {
        match self {
            BreakerState::Closed => "closed",
            BreakerState::Open => "open",
            BreakerState::HalfOpen => "half-open",
        }
    }
}

#[derive(Debug)]
enum Gate {
    Closed { failures: u32 },
    Open { until: Instant },
    HalfOpen { probing: bool },
}

/// Shared breaker state (one per RingCentral client).
pub struct CircuitBreaker {
    gate: Mutex<Gate>,
    threshold: u32,
    open_for: Duration,
    /// Consecutive failures, for metrics.
    failures: std::sync::atomic::AtomicU32,
}

/// What an attempt's outcome means for RingCentral's health.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Healthy,
    Unhealthy,
    /// Says nothing about RingCentral (the caller's deadline, the gateway's own budget).
    Unknown,
}

pub fn classify(result: &Result<RcResponse, UpstreamError>) -> Outcome {
    match result {
        Ok(r) if r.status.is_server_error() && r.status != http::StatusCode::NOT_IMPLEMENTED => {
            Outcome::Unhealthy
        }
        Ok(_) => Outcome::Healthy,
        Err(UpstreamError::Connect(_) | UpstreamError::Io(_) | UpstreamError::Timeout) => {
            Outcome::Unhealthy
        }
        Err(UpstreamError::DeadlineExceeded) => Outcome::Unknown,
        Err(UpstreamError::Gateway(e)) => match e.as_ref() {
            // Token requests fail below this layer; their failures count too.
            Error::Unreachable(_) | Error::UpstreamTimeout => Outcome::Unhealthy,
            Error::Upstream(rc) if rc.status.is_server_error() => Outcome::Unhealthy,
            _ => Outcome::Unknown,
        },
    }
}

/// Permission to send one request; a probe that is dropped unfinished reopens the way
/// for the next probe.
pub struct Ticket<'a> {
    breaker: &'a CircuitBreaker,
    probe: bool,
    done: bool,
}

impl Ticket<'_> {
    pub fn finish(mut self, outcome: Outcome) {
        self.done = true;
        self.breaker.record(self.probe, outcome);
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        if !self.done && self.probe {
            self.breaker.record(true, Outcome::Unknown);
        }
    }
}

impl CircuitBreaker {
    pub fn new(threshold: u32, open_for: Duration) -> Self {
        CircuitBreaker {
            gate: Mutex::new(Gate::Closed { failures: 0 }),
            threshold: threshold.max(1),
            open_for,
            failures: Default::default(),
        }
    }

    fn gate(&self) -> std::sync::MutexGuard<'_, Gate> {
        self.gate.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A ticket to send, or how long until the breaker lets a probe through.
    pub fn admit(&self) -> Result<Ticket<'_>, Duration> {
        let mut gate = self.gate();
        let now = Instant::now();
        match *gate {
            Gate::Closed { .. } => Ok(Ticket {
                breaker: self,
                probe: false,
                done: false,
            }),
            Gate::Open { until } if until > now => Err(until - now),
            Gate::Open { .. } | Gate::HalfOpen { probing: false } => {
                *gate = Gate::HalfOpen { probing: true };
                tracing::info!("circuit breaker half-open: sending one probe to RingCentral");
                Ok(Ticket {
                    breaker: self,
                    probe: true,
                    done: false,
                })
            }
            // One probe at a time; the others wait for its verdict.
            Gate::HalfOpen { probing: true } => Err(Duration::from_secs(1)),
        }
    }

    fn record(&self, probe: bool, outcome: Outcome) {
        let mut gate = self.gate();
        let opened = Gate::Open {
            until: Instant::now() + self.open_for,
        };
        match (&mut *gate, outcome) {
            (Gate::HalfOpen { .. }, Outcome::Healthy) if probe => {
                *gate = Gate::Closed { failures: 0 };
                self.failures.store(0, std::sync::atomic::Ordering::Relaxed);
                tracing::info!("circuit breaker closed: RingCentral answered the probe");
            }
            (Gate::HalfOpen { .. }, Outcome::Unhealthy) if probe => {
                *gate = opened;
                tracing::warn!(
                    open_s = self.open_for.as_secs(),
                    "circuit breaker open again: the probe failed"
                );
            }
            (Gate::HalfOpen { probing }, Outcome::Unknown) if probe => *probing = false,
            (Gate::Closed { failures }, Outcome::Healthy) => {
                *failures = 0;
                self.failures.store(0, std::sync::atomic::Ordering::Relaxed);
            }
            (Gate::Closed { failures }, Outcome::Unhealthy) => {
                *failures += 1;
                self.failures
                    .store(*failures, std::sync::atomic::Ordering::Relaxed);
                if *failures >= self.threshold {
                    tracing::warn!(
                        failures = *failures,
                        open_s = self.open_for.as_secs(),
                        "circuit breaker open: RingCentral keeps failing"
                    );
                    *gate = opened;
                }
            }
            _ => {}
        }
    }

    pub fn state(&self) -> BreakerState {
        match *self.gate() {
            Gate::Closed { .. } => BreakerState::Closed,
            Gate::Open { until } if until > Instant::now() => BreakerState::Open,
            Gate::Open { .. } | Gate::HalfOpen { .. } => BreakerState::HalfOpen,
        }
    }

    /// Consecutive failures counted so far.
    pub fn failures(&self) -> u32 {
        self.failures.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The layer over the shared breaker.
#[derive(Clone)]
pub struct Breaker(pub Arc<CircuitBreaker>);

impl UpstreamLayer for Breaker {
    fn call(
        &self,
        inner: UpstreamService,
        request: RcRequest,
    ) -> BoxFuture<'static, Result<RcResponse, UpstreamError>> {
        let breaker = self.0.clone();
        Box::pin(async move {
            let ticket = breaker
                .admit()
                .map_err(|retry_after| UpstreamError::from(Error::CircuitOpen { retry_after }))?;
            let result = inner.oneshot(request).await;
            ticket.finish(classify(&result));
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn opens_after_consecutive_failures_then_probes_and_closes() {
        let b = CircuitBreaker::new(3, Duration::from_secs(60));
        for _ in 0..2 {
            b.admit().unwrap().finish(Outcome::Unhealthy);
        }
        assert_eq!(b.state(), BreakerState::Closed);
        b.admit().unwrap().finish(Outcome::Unhealthy);
        assert_eq!(b.state(), BreakerState::Open);
        assert_eq!(b.admit().err(), Some(Duration::from_secs(60)));
        tokio::time::advance(Duration::from_secs(60)).await;
        let probe = b.admit().expect("one probe");
        assert!(b.admit().is_err(), "only one probe at a time");
        probe.finish(Outcome::Healthy);
        assert_eq!(b.state(), BreakerState::Closed);
        assert!(b.admit().is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn a_success_resets_the_count_and_4xx_is_healthy() {
        let b = CircuitBreaker::new(2, Duration::from_secs(60));
        b.admit().unwrap().finish(Outcome::Unhealthy);
        b.admit().unwrap().finish(Outcome::Healthy);
        b.admit().unwrap().finish(Outcome::Unhealthy);
        assert_eq!(b.state(), BreakerState::Closed);
        let not_found: Result<RcResponse, UpstreamError> = Ok(RcResponse {
            status: http::StatusCode::NOT_FOUND,
            headers: Default::default(),
            body: Default::default(),
        });
        assert_eq!(classify(&not_found), Outcome::Healthy);
        assert_eq!(classify(&Err(UpstreamError::Timeout)), Outcome::Unhealthy);
        assert_eq!(
            classify(&Err(UpstreamError::DeadlineExceeded)),
            Outcome::Unknown
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_probe_reopens_and_a_dropped_probe_frees_the_way() {
        let b = CircuitBreaker::new(1, Duration::from_secs(10));
        b.admit().unwrap().finish(Outcome::Unhealthy);
        tokio::time::advance(Duration::from_secs(10)).await;
        b.admit().unwrap().finish(Outcome::Unhealthy);
        assert_eq!(b.state(), BreakerState::Open);
        tokio::time::advance(Duration::from_secs(10)).await;
        drop(b.admit().unwrap());
        assert!(
            b.admit().is_ok(),
            "a cancelled probe does not block the breaker"
        );
    }
}
