//! Logs (JSON with request and trace ids, or text), Prometheus metrics and
//! OpenTelemetry traces exported over OTLP.

pub mod json;
pub mod metrics;
pub mod observe;
pub mod propagation;
pub mod writer;

use opentelemetry::trace::TracerProvider;
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Log output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Text,
}

/// Telemetry settings.
#[derive(Clone, Debug)]
pub struct TelemetryConfig {
    pub log_level: String,
    pub log_format: LogFormat,
    /// OTLP/gRPC endpoint; tracing is off without one.
    pub otlp_endpoint: Option<String>,
    pub service_name: String,
}

/// Keeps the trace exporter alive; `shutdown` flushes it.
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    /// Sends the spans still buffered, and writes out the queued log lines.
    pub fn shutdown(self) {
        writer::flush();
        if let Some(provider) = self.provider
            && let Err(e) = provider.shutdown()
        {
            eprintln!("rc-gateway: flushing traces failed: {e}");
        }
    }
}

/// Installs logging and, when an OTLP endpoint is set, tracing. Must run inside the
/// Tokio runtime (the exporter runs on it). Safe to call more than once: later calls
/// keep the first subscriber.
pub fn init(config: &TelemetryConfig) -> Telemetry {
    let filter = EnvFilter::try_new(&config.log_level).unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = match config.log_format {
        LogFormat::Json => json::JsonLayer::default().with_filter(filter).boxed(),
        LogFormat::Text => tracing_subscriber::fmt::layer().with_filter(filter).boxed(),
    };
    let provider = config.otlp_endpoint.as_ref().and_then(|endpoint| {
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .with_endpoint(endpoint)
            .build();
        match exporter {
            Ok(exporter) => Some(
                SdkTracerProvider::builder()
                    .with_batch_exporter(exporter)
                    .with_resource(
                        Resource::builder()
                            .with_service_name(config.service_name.clone())
                            .build(),
                    )
                    .build(),
            ),
            Err(e) => {
                eprintln!("rc-gateway: tracing disabled, the OTLP exporter failed: {e}");
                None
            }
        }
    });
    // Traces take the gateway's own spans (its RingCentral client's included) whatever
    // the log level.
    let traces = provider.as_ref().map(|p| {
        tracing_opentelemetry::layer()
            .with_tracer(p.tracer("rc-gateway"))
            .with_filter(
                Targets::new()
                    .with_target("rc_gateway", LevelFilter::INFO)
                    .with_target("rc_client", LevelFilter::INFO),
            )
    });
    let _ = tracing_subscriber::registry()
        .with(logs)
        .with(traces)
        .try_init();
    Telemetry { provider }
}
