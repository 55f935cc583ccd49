//! `HealthService.Check`: the gateway's own view of whether it can serve calls.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::lifecycle::Lifecycle;
use crate::proto::v1 as pb;
use crate::proto::v1::health_service_server::HealthService;
use rc_client::RingCentral;

pub struct HealthApi {
    rc: RingCentral,
    lifecycle: Arc<Lifecycle>,
    sandbox: bool,
}

impl HealthApi {
    pub fn new(rc: RingCentral, lifecycle: Arc<Lifecycle>, sandbox: bool) -> Self {
        HealthApi {
            rc,
            lifecycle,
            sandbox,
        }
    }
}

#[tonic::async_trait]
impl HealthService for HealthApi {
    async fn check(
        &self,
        _request: Request<pb::CheckRequest>,
    ) -> Result<Response<pb::CheckResponse>, Status> {
        let token = self.rc.tokens().status();
        let last_error = self.rc.tokens().last_error();
        let breaker = self.rc.breaker_state();
        let status = if self.lifecycle.is_shutting_down() {
            pb::ServingStatus::NotServing
        } else if (!token.valid && last_error.is_some()) || breaker != "closed" {
            pb::ServingStatus::Degraded
        } else {
            pb::ServingStatus::Serving
        };
        Ok(Response::new(pb::CheckResponse {
            status: status as i32,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            upstream: Some(pb::UpstreamHealth {
                server_url: self.rc.server_url().to_string(),
                sandbox: self.sandbox,
                token_valid: token.valid,
                token_expires_in_seconds: i32::try_from(token.expires_in.as_secs())
                    .unwrap_or(i32::MAX),
                circuit_breaker: breaker.to_owned(),
                last_error: last_error.unwrap_or_default(),
            }),
        }))
    }
}
