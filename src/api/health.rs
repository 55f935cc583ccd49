//! `HealthService.Check`: the gateway's own view of whether it can serve calls.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::accounts::{Registry, Status as AccountStatus};
use crate::lifecycle::Lifecycle;
use crate::proto::v1 as pb;
use crate::proto::v1::health_service_server::HealthService;
use rc_client::RingCentral;

pub struct HealthApi {
    accounts: Arc<Registry>,
    lifecycle: Arc<Lifecycle>,
    sandbox: bool,
    /// Every caller is let in: the account list is no one's secret.
    open: bool,
}

impl HealthApi {
    pub fn new(
        accounts: Arc<Registry>,
        lifecycle: Arc<Lifecycle>,
        sandbox: bool,
        open: bool,
    ) -> Self {
        HealthApi {
            accounts,
            lifecycle,
            sandbox,
            open,
        }
    }

    fn upstream(&self, rc: &RingCentral) -> (pb::UpstreamHealth, bool) {
        let token = rc.tokens().status();
        let last_error = rc.tokens().last_error();
        let breaker = rc.breaker_state();
        let degraded = (!token.valid && last_error.is_some()) || breaker != "closed";
        (
            pb::UpstreamHealth {
                server_url: rc.server_url().to_string(),
                sandbox: self.sandbox,
                token_valid: token.valid,
                token_expires_in_seconds: i32::try_from(token.expires_in.as_secs())
                    .unwrap_or(i32::MAX),
                circuit_breaker: breaker.to_owned(),
                last_error: last_error.unwrap_or_default(),
            },
            degraded,
        )
    }
}

#[tonic::async_trait]
impl HealthService for HealthApi {
    async fn check(
        &self,
        request: Request<pb::CheckRequest>,
    ) -> Result<Response<pb::CheckResponse>, Status> {
        let ctx = crate::context::of(&request);
        let known_caller = self.open
            || ctx
                .caller
                .as_ref()
                .is_some_and(|c| &*c.id != crate::auth::ANONYMOUS_ID);
        let all = self.accounts.all();
        let mut degraded = false;
        let mut accounts = Vec::with_capacity(all.len());
        for account in &all {
            let (upstream, failing) = self.upstream(&account.rc);
            let active = account.status == AccountStatus::Active;
            degraded |= active && failing;
            if known_caller {
                accounts.push(pb::AccountHealth {
                    account: account.id.to_string(),
                    status: account.status.name().to_owned(),
                    upstream: Some(upstream),
                });
            }
        }
        let main = self
            .accounts
            .default_name()
            .and_then(|d| self.accounts.get(d))
            .or_else(|| (all.len() == 1).then(|| all[0].clone()));
        let status = if self.lifecycle.is_shutting_down() {
            pb::ServingStatus::NotServing
        } else if degraded {
            pb::ServingStatus::Degraded
        } else {
            pb::ServingStatus::Serving
        };
        Ok(Response::new(pb::CheckResponse {
            status: status as i32,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            upstream: main.map(|m| self.upstream(&m.rc).0),
            accounts,
        }))
    }
}
