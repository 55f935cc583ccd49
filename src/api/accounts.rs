//! `AccountService`: the accounts the gateway serves, without their credentials.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use crate::accounts::Account;
use crate::accounts::admin::{Admin, Started};
use crate::accounts::settings::{AccountEntry, RateLimits};
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::account_service_server::AccountService;

pub struct AccountApi {
    admin: Arc<Admin>,
}

impl AccountApi {
    pub fn new(admin: Arc<Admin>) -> Self {
        AccountApi { admin }
    }
}

fn text(value: String) -> Option<String> {
    Some(value).filter(|v| !v.is_empty())
}

/// What the answers say of an account: its state, never its credentials.
async fn account(account: &Account) -> pb::Account {
    let rc = &account.rc;
    let token = rc.tokens().status();
    let budget = rc.stores().budget.snapshot().await.unwrap_or_default();
    let limits = account.entry.rate_limits.unwrap_or_default();
    pb::Account {
        id: account.id.to_string(),
        source: account.source.name().to_owned(),
        status: account.status.name().to_owned(),
        login: if account.entry.jwt.is_some() || account.entry.authorization.is_none() {
            "jwt"
        } else {
            "oauth"
        }
        .to_owned(),
        server_url: rc.server_url().to_string(),
        client_id: account.entry.client_id.clone(),
        session: Some(pb::AccountSession {
            token_valid: token.valid,
            token_expires_in_seconds: i32::try_from(token.expires_in.as_secs()).unwrap_or(i32::MAX),
            last_error: rc.tokens().last_error().unwrap_or_default(),
        }),
        circuit_breaker: rc.breaker_state().to_owned(),
        budget: budget
            .into_iter()
            .map(|b| pb::GroupBudget {
                group: b.group.to_owned(),
                limit: b.limit,
                remaining: b.remaining,
                paused_for_seconds: u32::try_from(b.paused_for.as_secs()).unwrap_or(u32::MAX),
            })
            .collect(),
        rate_limits: account.entry.rate_limits.map(|_| pb::AccountRateLimits {
            light: limits.light.unwrap_or(0),
            medium: limits.medium.unwrap_or(0),
            heavy: limits.heavy.unwrap_or(0),
            auth: limits.auth.unwrap_or(0),
        }),
        authorization_error: account
            .entry
            .authorization
            .as_ref()
            .map(|a| a.revoked.clone())
            .unwrap_or_default(),
    }
}

async fn started(started: Started) -> pb::CreateAccountResponse {
    pb::CreateAccountResponse {
        account: Some(account(&started.account).await),
        authorization_url: started.authorization_url.unwrap_or_default(),
    }
}

fn limits(limits: Option<pb::AccountRateLimits>) -> Option<RateLimits> {
    let l = limits?;
    let set = |n: u32| (n != 0).then_some(n);
    let out = RateLimits {
        light: set(l.light),
        medium: set(l.medium),
        heavy: set(l.heavy),
        auth: set(l.auth),
    };
    (out != RateLimits::default()).then_some(out)
}

#[tonic::async_trait]
impl AccountService for AccountApi {
    async fn list_accounts(
        &self,
        _request: Request<pb::ListAccountsRequest>,
    ) -> Result<Response<pb::ListAccountsResponse>, Status> {
        let mut accounts = Vec::new();
        for a in self.admin.registry().all() {
            accounts.push(account(&a).await);
        }
        Ok(Response::new(pb::ListAccountsResponse { accounts }))
    }

    async fn get_account(
        &self,
        request: Request<pb::GetAccountRequest>,
    ) -> Result<Response<pb::Account>, Status> {
        let id = request.into_inner().account_id;
        let found = self
            .admin
            .registry()
            .get(&id)
            .ok_or(Error::UnknownAccount(id))?;
        Ok(Response::new(account(&found).await))
    }

    async fn create_account(
        &self,
        request: Request<pb::CreateAccountRequest>,
    ) -> Result<Response<pb::CreateAccountResponse>, Status> {
        let req = request.into_inner();
        let entry = AccountEntry {
            server_url: text(req.server_url),
            rate_limits: limits(req.rate_limits),
            cache_ttl: text(req.cache_ttl),
            webhook_secret: text(req.webhook_secret),
            ..AccountEntry::new(
                &req.account_id,
                &req.client_id,
                &req.client_secret,
                text(req.jwt),
            )
        };
        let hint = text(req.login_hint);
        let done = self.admin.create(entry, hint.as_deref()).await?;
        Ok(Response::new(started(done).await))
    }

    async fn update_account_credentials(
        &self,
        request: Request<pb::UpdateAccountCredentialsRequest>,
    ) -> Result<Response<pb::CreateAccountResponse>, Status> {
        let req = request.into_inner();
        let hint = text(req.login_hint);
        let done = self
            .admin
            .update_credentials(
                &req.account_id,
                req.client_id,
                req.client_secret,
                text(req.jwt),
                hint.as_deref(),
            )
            .await?;
        Ok(Response::new(started(done).await))
    }

    async fn disable_account(
        &self,
        request: Request<pb::DisableAccountRequest>,
    ) -> Result<Response<pb::Account>, Status> {
        let id = request.into_inner().account_id;
        let changed = self.admin.set_disabled(&id, true).await?;
        Ok(Response::new(account(&changed).await))
    }

    async fn enable_account(
        &self,
        request: Request<pb::EnableAccountRequest>,
    ) -> Result<Response<pb::Account>, Status> {
        let id = request.into_inner().account_id;
        let changed = self.admin.set_disabled(&id, false).await?;
        Ok(Response::new(account(&changed).await))
    }

    async fn delete_account(
        &self,
        request: Request<pb::DeleteAccountRequest>,
    ) -> Result<Response<pb::DeleteAccountResponse>, Status> {
        self.admin.delete(&request.into_inner().account_id).await?;
        Ok(Response::new(pb::DeleteAccountResponse {}))
    }

    async fn authorize_account(
        &self,
        request: Request<pb::AuthorizeAccountRequest>,
    ) -> Result<Response<pb::CreateAccountResponse>, Status> {
        let req = request.into_inner();
        let hint = text(req.login_hint);
        let done = self
            .admin
            .authorize(&req.account_id, hint.as_deref())
            .await?;
        Ok(Response::new(started(done).await))
    }
}
