//! The gateway's Prometheus registry, served on the sidecar's `/metrics`, and the
//! metrics of the calls the gateway serves. Every other part registers its own metrics
//! into this registry (the client's layers, the listeners, the webhook ingress, the
//! watch streams, caller authentication): telemetry sits below them, not above.
//! Label values are bounded: RPC names and route templates (never raw paths or ids),
//! operation ids, group names, status codes and a fixed set of reasons.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};

/// Latency buckets, from a cached answer to a slow RingCentral call.
pub const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The registry, and the metrics of served calls.
pub struct Metrics {
    registry: Registry,
    pub requests: IntCounterVec,
    pub request_duration: HistogramVec,
    pub in_progress: IntGaugeVec,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("http_requests_total", "Calls served, gRPC and HTTP/JSON"),
            &["protocol", "method", "route", "status"],
        )
        .expect("valid metric");
        let request_duration = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "Time to answer a call")
                .buckets(BUCKETS.to_vec()),
            &["protocol", "method", "route"],
        )
        .expect("valid metric");
        let in_progress = IntGaugeVec::new(
            Opts::new("http_requests_in_progress", "Calls being served"),
            &["protocol", "route"],
        )
        .expect("valid metric");
        for metric in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(request_duration.clone()),
            Box::new(in_progress.clone()),
        ] {
            registry.register(metric).expect("unique metric");
        }
        Metrics {
            registry,
            requests,
            request_duration,
            in_progress,
        }
    }

    /// The registry that parts of the gateway register their own metrics into.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Every metric in the text format (state-like gauges refreshed by their owners
    /// first).
    pub fn render(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        out
    }
}
