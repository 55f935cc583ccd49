//! The client's Prometheus metrics, registered into the registry its owner passes in:
//! each layer of the stack reports through them (the `*Hooks` traits the layers call).
//! Every series carries the gateway `account` it is about: the label's values are the
//! configured accounts' names, never anything a caller sends.

use std::sync::Arc;
use std::time::Duration;

use prometheus::{HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry};
use rc_spec::ops::{Operation, ThrottleGroup};
use rc_store::BudgetState;

use crate::stack::breaker::{BreakerState, CircuitBreaker};
use crate::stack::{Hooks, cache, coalesce, observe, rate_budget, retry};

/// RingCentral's time to answer, from a fast read to a slow export page.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// Every metric of the client.
pub struct ClientMetrics {
    rc_calls: IntCounterVec,
    rc_duration: HistogramVec,
    rate_limit_hits: IntCounterVec,
    budget_remaining: IntGaugeVec,
    budget_limit: IntGaugeVec,
    retries: IntCounterVec,
    cache_hits: IntCounterVec,
    cache_misses: IntCounterVec,
    coalesced: IntCounterVec,
    token_refreshes: IntCounterVec,
    breaker_failures: IntGaugeVec,
    breaker_state: IntGaugeVec,
}

/// The metrics of one account's client: the hooks its stack reports through.
pub struct AccountMetrics {
    metrics: Arc<ClientMetrics>,
    account: Arc<str>,
}

fn counter(
    r: &Registry,
    name: &str,
    help: &str,
    labels: &[&str],
) -> prometheus::Result<IntCounterVec> {
    let c = IntCounterVec::new(Opts::new(name, help), labels)?;
    r.register(Box::new(c.clone()))?;
    Ok(c)
}

fn gauge(r: &Registry, name: &str, help: &str, labels: &[&str]) -> prometheus::Result<IntGaugeVec> {
    let g = IntGaugeVec::new(Opts::new(name, help), labels)?;
    r.register(Box::new(g.clone()))?;
    Ok(g)
}

impl ClientMetrics {
    pub fn register(r: &Registry) -> prometheus::Result<Arc<Self>> {
        let rc_duration = HistogramVec::new(
            HistogramOpts::new(
                "ringcentral_api_duration_seconds",
                "RingCentral's time to answer",
            )
            .buckets(BUCKETS.to_vec()),
            &["account", "operation", "group"],
        )?;
        r.register(Box::new(rc_duration.clone()))?;
        let metrics = ClientMetrics {
            rc_calls: counter(
                r,
                "ringcentral_api_calls_total",
                "Requests sent to RingCentral",
                &["account", "operation", "group", "status"],
            )?,
            rc_duration,
            rate_limit_hits: counter(
                r,
                "rate_limit_hits_total",
                "429s from RingCentral (source=upstream) and calls the budget could not admit in time (source=budget)",
                &["account", "group", "source"],
            )?,
            budget_remaining: gauge(
                r,
                "ringcentral_rate_budget_remaining",
                "Requests left in the group's current window",
                &["account", "group"],
            )?,
            budget_limit: gauge(
                r,
                "ringcentral_rate_budget_limit",
                "The group's limit per window",
                &["account", "group"],
            )?,
            retries: counter(
                r,
                "ringcentral_retries_total",
                "Retried RingCentral requests",
                &["account", "operation", "reason"],
            )?,
            cache_hits: counter(
                r,
                "cache_hits_total",
                "Reads answered from the cache",
                &["account", "resource"],
            )?,
            cache_misses: counter(
                r,
                "cache_misses_total",
                "Reads not in the cache",
                &["account", "resource"],
            )?,
            coalesced: counter(
                r,
                "coalesced_calls_total",
                "Reads that joined an identical read in flight",
                &["account"],
            )?,
            token_refreshes: counter(
                r,
                "token_refreshes_total",
                "OAuth token grants",
                &["account", "grant", "result"],
            )?,
            breaker_failures: gauge(
                r,
                "circuit_breaker_failures",
                "Consecutive failed RingCentral attempts",
                &["account"],
            )?,
            breaker_state: gauge(
                r,
                "circuit_breaker_state",
                "Circuit breaker: 0 closed, 1 half-open, 2 open",
                &["account"],
            )?,
        };
        Ok(Arc::new(metrics))
    }

    /// The metrics of `account`'s client. With `preset`, the series with a small,
    /// known label set start at 0, so that rates and alerts see "none yet" rather
    /// than "no data"; without (the accounts beyond the first of a gateway serving
    /// many), an account's series appear with its first event, so that an idle
    /// account costs no series.
    pub fn for_account(self: &Arc<Self>, account: &str, preset: bool) -> Arc<AccountMetrics> {
        if preset {
            for group in ThrottleGroup::LIMITED {
                for source in ["upstream", "budget", "caller"] {
                    self.rate_limit_hits
                        .with_label_values(&[account, group.name(), source]);
                }
            }
            for grant in GRANTS {
                for result in ["ok", "error"] {
                    self.token_refreshes
                        .with_label_values(&[account, grant, result]);
                }
            }
            self.coalesced.with_label_values(&[account]);
        }
        Arc::new(AccountMetrics {
            metrics: self.clone(),
            account: Arc::from(account),
        })
    }
}

/// Every grant the token source reports.
const GRANTS: [&str; 3] = ["jwt", "refresh_token", "authorization_code"];

impl AccountMetrics {
    /// The stack's hooks, all reporting here.
    pub fn hooks(self: &Arc<Self>) -> Hooks {
        Hooks {
            budget: self.clone(),
            retry: self.clone(),
            cache: self.clone(),
            coalesce: self.clone(),
            upstream: self.clone(),
        }
    }

    /// Sets the state-like gauges (breaker, rate budget) before a scrape.
    pub fn refresh(&self, breaker: &CircuitBreaker, budget: &[BudgetState]) {
        let m = &self.metrics;
        let account = &*self.account;
        m.breaker_failures
            .with_label_values(&[account])
            .set(i64::from(breaker.failures()));
        m.breaker_state
            .with_label_values(&[account])
            .set(match breaker.state() {
                BreakerState::Closed => 0,
                BreakerState::HalfOpen => 1,
                BreakerState::Open => 2,
            });
        for state in budget {
            m.budget_remaining
                .with_label_values(&[account, state.group])
                .set(i64::from(state.remaining));
            m.budget_limit
                .with_label_values(&[account, state.group])
                .set(i64::from(state.limit));
        }
    }
}

impl crate::auth::TokenHooks for AccountMetrics {
    fn granted(&self, grant: &'static str, ok: bool) {
        self.metrics
            .token_refreshes
            .with_label_values(&[&*self.account, grant, if ok { "ok" } else { "error" }])
            .inc();
    }
}

impl observe::UpstreamHooks for AccountMetrics {
    fn called(&self, operation: &'static Operation, status: &str, elapsed: Duration) {
        let group = operation.group.name();
        self.metrics
            .rc_calls
            .with_label_values(&[&*self.account, operation.id, group, status])
            .inc();
        self.metrics
            .rc_duration
            .with_label_values(&[&*self.account, operation.id, group])
            .observe(elapsed.as_secs_f64());
    }
}

impl rate_budget::BudgetHooks for AccountMetrics {
    fn refused(&self, group: ThrottleGroup) {
        self.metrics
            .rate_limit_hits
            .with_label_values(&[&*self.account, group.name(), "budget"])
            .inc();
    }

    fn caller_refused(&self, group: ThrottleGroup) {
        self.metrics
            .rate_limit_hits
            .with_label_values(&[&*self.account, group.name(), "caller"])
            .inc();
    }

    fn throttled(&self, group: ThrottleGroup) {
        self.metrics
            .rate_limit_hits
            .with_label_values(&[&*self.account, group.name(), "upstream"])
            .inc();
    }
}

impl retry::RetryHooks for AccountMetrics {
    fn retrying(&self, operation: &'static str, reason: &'static str) {
        self.metrics
            .retries
            .with_label_values(&[&*self.account, operation, reason])
            .inc();
    }
}

impl cache::CacheHooks for AccountMetrics {
    fn hit(&self, resource: &'static str) {
        self.metrics
            .cache_hits
            .with_label_values(&[&*self.account, resource])
            .inc();
    }

    fn miss(&self, resource: &'static str) {
        self.metrics
            .cache_misses
            .with_label_values(&[&*self.account, resource])
            .inc();
    }
}

impl coalesce::CoalesceHooks for AccountMetrics {
    fn joined(&self) {
        self.metrics
            .coalesced
            .with_label_values(&[&self.account])
            .inc();
    }
}
