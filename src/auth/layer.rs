//! The authentication step of the inbound stack (direct gRPC calls and transcoded
//! HTTP/JSON calls alike): refuses a call before any work is done, or records its
//! caller in the request's [`CallContext`].

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;

use super::scopes::Need;
use super::{Authenticator, Caller, Denied, Granted, PeerCert};
use crate::accounts::binding::{self, AccountDenied};
use crate::accounts::{Account, Registry, Visible};
use crate::context::CallContext;
use crate::error::Error;
use crate::inbound::{Answer, Call, Step, StepLayer, forward};

/// Caller authentication as a step: who calls, with what scopes, on which account.
pub struct Authenticate {
    auth: Arc<Authenticator>,
    accounts: Arc<Registry>,
}

/// Caller authentication as a layer of the inbound stack.
pub type AuthLayer = StepLayer<Authenticate>;

impl AuthLayer {
    pub fn with(auth: Arc<Authenticator>, accounts: Arc<Registry>) -> Self {
        StepLayer::new(Authenticate { auth, accounts })
    }
}

/// Domains whose calls are for no account (they name accounts, or span them).
const ACCOUNTLESS: &[&str] = &["health", "reflection", "metrics", "accounts"];

/// The account a call names, if any (a header that is not text names no safe one).
fn requested(headers: &http::HeaderMap) -> Result<Option<&str>, AccountDenied> {
    match headers.get(binding::HEADER) {
        None => Ok(None),
        Some(v) => v
            .to_str()
            .map(|s| Some(s.trim()))
            .map_err(|_| AccountDenied::BadName("the rc-account header is not text".into())),
    }
}

impl Step for Authenticate {
    fn call<S>(&self, mut call: Call, next: S) -> impl Future<Output = Answer> + Send + 'static
    where
        S: tower::Service<Call, Response = Answer, Error = Infallible> + Send + 'static,
        S::Future: Send + 'static,
    {
        let peer = call.extensions().get::<PeerCert>();
        let path = call.uri().path();
        let headers = call.headers();
        let registry = &self.accounts;
        let need = self.auth.need(path);
        let spans_accounts = matches!(need, Some(Need::Scope(r)) if r.domain == "events");
        let accountless = match need {
            Some(Need::Scope(r)) => ACCOUNTLESS.contains(&r.domain),
            Some(Need::PerOperation) => false,
            None => true,
        };
        let mut visible = None;
        let mut granted_out = None;
        // The account is resolved with the caller's accounts, before the scope check:
        // a scope may hold on one account only.
        let pick = |granted: &Granted| -> Result<Option<Arc<Account>>, AccountDenied> {
            if accountless {
                return Ok(None);
            }
            let named = requested(headers)?;
            if spans_accounts && named.is_none() {
                visible = Some(Visible(registry.visible(&granted.accounts)));
                return Ok(None);
            }
            let account = registry.resolve(named, &granted.caller.id, &granted.accounts)?;
            if matches!(need, Some(Need::PerOperation)) {
                granted_out = Some(Granted {
                    account: Some(account.id.clone()),
                    ..granted.clone()
                });
            }
            Ok(Some(account))
        };
        let required = match need {
            Some(Need::Scope(required)) => Some(required),
            _ => None,
        };
        let checked = self.auth.check_on(headers, peer, required, pick);
        if let Some(granted) = granted_out {
            call.extensions_mut().insert(granted);
        }
        if let Some(visible) = visible {
            call.extensions_mut().insert(visible);
        }
        let checked = checked.map(|(caller, account)| {
            if let Some(account) = &account {
                // The call's log lines and trace name its account.
                tracing::Span::current().record("account", &*account.id);
                call.extensions_mut().insert(account.clone());
            }
            (caller, account)
        });
        async move {
            match checked {
                Ok((caller, account)) => {
                    // Handlers have no use for the credential: it goes no further.
                    call.headers_mut().remove(http::header::AUTHORIZATION);
                    call.headers_mut().remove("x-api-key");
                    if let Some(ctx) = call.extensions_mut().get_mut::<CallContext>() {
                        ctx.caller = Some(caller.clone());
                    }
                    let mut answer = forward(next, call).await;
                    // For the audit trail, which sits outside this step.
                    answer.extensions_mut().insert(caller);
                    if let Some(account) = account {
                        answer
                            .extensions_mut()
                            .insert(AuditedAccount(account.id.clone()));
                    }
                    answer
                }
                Err(denied) => {
                    let known = match &denied {
                        Denied::Scope { caller, .. } => Some(Arc::new(Caller {
                            id: caller.clone(),
                            share: 1.0,
                        })),
                        _ => None,
                    };
                    let mut answer = Error::from(denied).to_status().into_http();
                    if let Some(caller) = known {
                        answer.extensions_mut().insert(caller);
                    }
                    answer
                }
            }
        }
    }
}

/// The account of an answered call, for the audit trail.
#[derive(Debug, Clone)]
pub struct AuditedAccount(pub Arc<str>);
