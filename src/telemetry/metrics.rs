//! Prometheus metrics, served on the sidecar's `/metrics`. Label values are bounded:
//! RPC names and route templates (never raw paths or ids), operation ids, group names,
//! status codes and a fixed set of reasons.

use std::time::Duration;

use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};

use crate::api::events::WatchHooks;
use crate::webhooks::IngressHooks;
use rc_client::stack::breaker::{BreakerState, CircuitBreaker};
use rc_client::stack::{cache, coalesce, rate_budget, retry};
use rc_spec::ops::{Operation, ThrottleGroup};
use rc_store::BudgetState;

/// Latency buckets, from a cached answer to a slow RingCentral call.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

pub struct Metrics {
    registry: Registry,
    pub requests: IntCounterVec,
    pub request_duration: HistogramVec,
    pub in_progress: IntGaugeVec,
    pub rc_calls: IntCounterVec,
    pub rc_duration: HistogramVec,
    breaker_failures: IntGauge,
    breaker_state: IntGauge,
    rate_limit_hits: IntCounterVec,
    budget_remaining: IntGaugeVec,
    budget_limit: IntGaugeVec,
    retries: IntCounterVec,
    cache_hits: IntCounterVec,
    cache_misses: IntCounterVec,
    coalesced: IntCounter,
    token_refreshes: IntCounterVec,
    webhook_received: IntCounter,
    webhook_rejected: IntCounterVec,
    webhook_delivered: IntCounter,
    webhook_ack: Histogram,
    subscribers: IntGauge,
    lag: IntGauge,
    pub auth_denied: IntCounterVec,
}

fn counter(registry: &Registry, name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    let c = IntCounterVec::new(Opts::new(name, help), labels).expect("valid metric");
    registry
        .register(Box::new(c.clone()))
        .expect("unique metric");
    c
}

fn gauge(registry: &Registry, name: &str, help: &str, labels: &[&str]) -> IntGaugeVec {
    let g = IntGaugeVec::new(Opts::new(name, help), labels).expect("valid metric");
    registry
        .register(Box::new(g.clone()))
        .expect("unique metric");
    g
}

fn histogram(registry: &Registry, name: &str, help: &str, labels: &[&str]) -> HistogramVec {
    let h = HistogramVec::new(
        HistogramOpts::new(name, help).buckets(BUCKETS.to_vec()),
        labels,
    )
    .expect("valid metric");
    registry
        .register(Box::new(h.clone()))
        .expect("unique metric");
    h
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let r = Registry::new();
        let single_counter = |name: &str, help: &str| {
            let c = IntCounter::new(name, help).expect("valid metric");
            r.register(Box::new(c.clone())).expect("unique metric");
            c
        };
        let single_gauge = |name: &str, help: &str| {
            let g = IntGauge::new(name, help).expect("valid metric");
            r.register(Box::new(g.clone())).expect("unique metric");
            g
        };
        let webhook_ack = Histogram::with_opts(
            HistogramOpts::new(
                "webhook_ack_duration_seconds",
                "Time from a notification's arrival to its acknowledgement (stored durably)",
            )
            .buckets(BUCKETS.to_vec()),
        )
        .expect("valid metric");
        r.register(Box::new(webhook_ack.clone()))
            .expect("unique metric");
        let metrics = Metrics {
            requests: counter(
                &r,
                "http_requests_total",
                "Calls served, gRPC and HTTP/JSON",
                &["protocol", "method", "route", "status"],
            ),
            request_duration: histogram(
                &r,
                "http_request_duration_seconds",
                "Time to answer a call",
                &["protocol", "method", "route"],
            ),
            in_progress: gauge(
                &r,
                "http_requests_in_progress",
                "Calls being served",
                &["protocol", "route"],
            ),
            rc_calls: counter(
                &r,
                "ringcentral_api_calls_total",
                "Requests sent to RingCentral",
                &["operation", "group", "status"],
            ),
            rc_duration: histogram(
                &r,
                "ringcentral_api_duration_seconds",
                "RingCentral's time to answer",
                &["operation", "group"],
            ),
            breaker_failures: single_gauge(
                "circuit_breaker_failures",
                "Consecutive failed RingCentral attempts",
            ),
            breaker_state: single_gauge(
                "circuit_breaker_state",
                "Circuit breaker: 0 closed, 1 half-open, 2 open",
            ),
            rate_limit_hits: counter(
                &r,
                "rate_limit_hits_total",
                "429s from RingCentral (source=upstream) and calls the budget could not admit in time (source=budget)",
                &["group", "source"],
            ),
            budget_remaining: gauge(
                &r,
                "ringcentral_rate_budget_remaining",
                "Requests left in the group's current window",
                &["group"],
            ),
            budget_limit: gauge(
                &r,
                "ringcentral_rate_budget_limit",
                "The group's limit per window",
                &["group"],
            ),
            retries: counter(
                &r,
                "ringcentral_retries_total",
                "Retried RingCentral requests",
                &["operation", "reason"],
            ),
            cache_hits: counter(
                &r,
                "cache_hits_total",
                "Reads answered from the cache",
                &["resource"],
            ),
            cache_misses: counter(
                &r,
                "cache_misses_total",
                "Reads not in the cache",
                &["resource"],
            ),
            coalesced: single_counter(
                "coalesced_calls_total",
                "Reads that joined an identical read in flight",
            ),
            token_refreshes: counter(
                &r,
                "token_refreshes_total",
                "OAuth token grants",
                &["grant", "result"],
            ),
            webhook_received: single_counter(
                "webhook_events_received_total",
                "Notifications received on the webhook",
            ),
            webhook_rejected: counter(
                &r,
                "webhook_events_rejected_total",
                "Notifications refused",
                &["reason"],
            ),
            webhook_delivered: single_counter(
                "webhook_events_delivered_total",
                "Events sent to watch streams",
            ),
            webhook_ack,
            subscribers: single_gauge("event_stream_subscribers", "Open watch streams"),
            lag: single_gauge(
                "event_stream_lag_events",
                "Events the furthest-behind watch stream has yet to send",
            ),
            auth_denied: counter(
                &r,
                "auth_denied_total",
                "Calls refused by caller authentication",
                &["reason"],
            ),
            registry: r,
        };
        metrics.start_at_zero();
        metrics
    }

    /// Series with a known, small label set start at 0, so that rates and alerts see
    /// "none yet" rather than "no data".
    fn start_at_zero(&self) {
        for group in ThrottleGroup::LIMITED {
            for source in ["upstream", "budget", "caller"] {
                self.rate_limit_hits
                    .with_label_values(&[group.name(), source]);
            }
        }
        for grant in ["jwt", "refresh_token"] {
            for result in ["ok", "error"] {
                self.token_refreshes.with_label_values(&[grant, result]);
            }
        }
        for reason in crate::webhooks::REJECT_REASONS {
            self.webhook_rejected.with_label_values(&[reason]);
        }
        for reason in crate::auth::DENIED_REASONS {
            self.auth_denied.with_label_values(&[reason]);
        }
    }

    /// The registry that parts of the gateway register their own metrics into.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Reads the state-like gauges, then renders every metric in the text format.
    pub fn render(
        &self,
        breaker: &CircuitBreaker,
        budget: &[BudgetState],
        stream_lag: u64,
    ) -> Vec<u8> {
        self.breaker_failures.set(i64::from(breaker.failures()));
        self.breaker_state.set(match breaker.state() {
            BreakerState::Closed => 0,
            BreakerState::HalfOpen => 1,
            BreakerState::Open => 2,
        });
        for state in budget {
            self.budget_remaining
                .with_label_values(&[state.group])
                .set(i64::from(state.remaining));
            self.budget_limit
                .with_label_values(&[state.group])
                .set(i64::from(state.limit));
        }
        self.lag.set(i64::try_from(stream_lag).unwrap_or(i64::MAX));
        let mut out = Vec::new();
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        out
    }
}

impl rc_client::auth::TokenHooks for Metrics {
    fn granted(&self, grant: &'static str, ok: bool) {
        self.token_refreshes
            .with_label_values(&[grant, if ok { "ok" } else { "error" }])
            .inc();
    }
}

impl rc_client::stack::observe::UpstreamHooks for Metrics {
    fn called(&self, operation: &'static Operation, status: &str, elapsed: Duration) {
        let group = operation.group.name();
        self.rc_calls
            .with_label_values(&[operation.id, group, status])
            .inc();
        self.rc_duration
            .with_label_values(&[operation.id, group])
            .observe(elapsed.as_secs_f64());
    }
}

impl crate::auth::AuthHooks for Metrics {
    fn denied(&self, reason: &'static str) {
        self.auth_denied.with_label_values(&[reason]).inc();
    }
}

impl rate_budget::BudgetHooks for Metrics {
    fn refused(&self, group: ThrottleGroup) {
        self.rate_limit_hits
            .with_label_values(&[group.name(), "budget"])
            .inc();
    }

    fn caller_refused(&self, group: ThrottleGroup) {
        self.rate_limit_hits
            .with_label_values(&[group.name(), "caller"])
            .inc();
    }

    fn throttled(&self, group: ThrottleGroup) {
        self.rate_limit_hits
            .with_label_values(&[group.name(), "upstream"])
            .inc();
    }
}

impl retry::RetryHooks for Metrics {
    fn retrying(&self, operation: &'static str, reason: &'static str) {
        self.retries.with_label_values(&[operation, reason]).inc();
    }
}

impl cache::CacheHooks for Metrics {
    fn hit(&self, resource: &'static str) {
        self.cache_hits.with_label_values(&[resource]).inc();
    }

    fn miss(&self, resource: &'static str) {
        self.cache_misses.with_label_values(&[resource]).inc();
    }
}

impl coalesce::CoalesceHooks for Metrics {
    fn joined(&self) {
        self.coalesced.inc();
    }
}

impl IngressHooks for Metrics {
    fn received(&self) {
        self.webhook_received.inc();
    }

    fn rejected(&self, reason: &'static str) {
        self.webhook_rejected.with_label_values(&[reason]).inc();
    }

    fn acknowledged(&self, elapsed: Duration) {
        self.webhook_ack.observe(elapsed.as_secs_f64());
    }
}

impl WatchHooks for Metrics {
    fn subscribed(&self) {
        self.subscribers.inc();
    }

    fn unsubscribed(&self) {
        self.subscribers.dec();
    }

    fn delivered(&self) {
        self.webhook_delivered.inc();
    }
}
