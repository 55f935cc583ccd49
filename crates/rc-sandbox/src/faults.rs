//! Fault injection for tests of the gateway's resilience: added latency, error
//! answers at given rates (500, 502, 503, 429 with Retry-After), a full outage, and
//! connections dropped mid-answer. Set through `POST /_sandbox/faults`.

use std::time::Duration;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde::{Deserialize, Serialize};

use super::errors::ApiError;
use rc_spec::ops::Operation;

/// One injected error answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ErrorFault {
    /// HTTP status to answer with (429, 500, 502, 503, 504, ...).
    pub status: u16,
    /// Share of requests (0.0..=1.0) that get it.
    pub rate: f64,
    /// `Retry-After` seconds, for 429 and 503.
    #[serde(default)]
    pub retry_after: Option<u64>,
}

/// The active faults.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Faults {
    /// Added before every API answer.
    #[serde(default)]
    pub latency_ms: u64,
    #[serde(default)]
    pub errors: Vec<ErrorFault>,
    /// Every API request fails with 503.
    #[serde(default)]
    pub outage: bool,
    /// Share of requests whose connection is dropped before the answer completes.
    #[serde(default)]
    pub reset_rate: f64,
    /// Limit the faults to these operation ids (all API operations when empty).
    #[serde(default)]
    pub operations: Vec<String>,
}

/// What to do with one request.
pub enum Verdict {
    Pass,
    Answer(Response),
}

impl Faults {
    pub fn applies_to(&self, op: &Operation) -> bool {
        self.operations.is_empty() || self.operations.iter().any(|o| o == op.id)
    }

    pub fn latency(&self) -> Duration {
        Duration::from_millis(self.latency_ms)
    }

    /// Draws the fault (if any) for one request.
    pub fn decide(&self, rng: &mut fastrand::Rng) -> Verdict {
        if self.outage {
            return Verdict::Answer(unavailable(None));
        }
        if self.reset_rate > 0.0 && rng.f64() < self.reset_rate {
            return Verdict::Answer(dropped_connection());
        }
        let draw = rng.f64();
        let mut cumulative = 0.0;
        for fault in &self.errors {
            cumulative += fault.rate;
            if draw < cumulative {
                return Verdict::Answer(error_answer(fault));
            }
        }
        Verdict::Pass
    }
}

fn unavailable(retry_after: Option<u64>) -> Response {
    let mut e = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "CMN-201",
        "Service Temporary Unavailable",
    );
    e.retry_after = retry_after.map(Duration::from_secs);
    e.into_response()
}

fn error_answer(fault: &ErrorFault) -> Response {
    let status = StatusCode::from_u16(fault.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut e = match status.as_u16() {
        429 => ApiError::new(status, "CMN-301", "Request rate exceeded"),
        503 => return unavailable(fault.retry_after),
        500 => ApiError::new(status, "CMN-203", "Internal Server Error"),
        _ => ApiError::new(status, "CMN-201", "Service Temporary Unavailable"),
    };
    e.retry_after = fault.retry_after.map(Duration::from_secs);
    e.into_response()
}

/// An answer whose body fails after the headers: the server drops the connection,
/// and the client sees the exchange break off.
fn dropped_connection() -> Response {
    let stream = futures::stream::once(async {
        Err::<bytes::Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected connection reset",
        ))
    });
    let mut response = Response::new(Body::from_stream(stream));
    *response.status_mut() = StatusCode::OK;
    response
}
