//! Several RingCentral accounts behind one gateway: the registry of accounts and what
//! serves each ([`registry`]), their settings ([`settings`]), which caller may use
//! which account and which account a call is for ([`binding`]).
//!
//! A gateway of one account (`RC_*` only) serves the account named `default`, with
//! its state where it always was; every call is for it.

pub mod admin;
pub mod binding;
pub mod name;
pub mod onboarding;
pub mod registry;
pub mod sealed;
pub mod settings;
#[cfg(test)]
pub mod testing;

use std::sync::Arc;

pub use binding::AccountSet;
pub use registry::{Account, Factory, Registry, Source, Status};

use crate::error::Error;

/// How a gateway finds its accounts.
#[derive(Clone, Debug, Default)]
pub struct AccountsConfig {
    /// `ACCOUNTS_FILE`.
    pub file: Option<settings::AccountsFile>,
    /// `DEFAULT_ACCOUNT` (else the file's `default`, else `default` if configured,
    /// else the only account).
    pub default: Option<String>,
    /// Accounts added through `AccountService`.
    pub admin: admin::AdminConfig,
}

/// The account of a call, as the authentication step resolved it.
pub fn of<T>(request: &tonic::Request<T>) -> Result<Arc<Account>, tonic::Status> {
    request
        .extensions()
        .get::<Arc<Account>>()
        .cloned()
        .ok_or_else(|| {
            Error::Internal("the call reached its service without an account".into()).to_status()
        })
}

/// The accounts whose events a call may see, set by the authentication step for
/// calls that may span accounts (`None`: every account).
#[derive(Debug, Clone)]
pub struct Visible(pub Option<Vec<Arc<str>>>);

/// The accounts whose events a call sees: the account it names, else every account
/// the caller may use (nothing, if the authentication step said nothing).
pub fn visible<T>(request: &tonic::Request<T>) -> Option<Vec<Arc<str>>> {
    if let Some(account) = request.extensions().get::<Arc<Account>>() {
        return Some(vec![account.id.clone()]);
    }
    match request.extensions().get::<Visible>() {
        Some(Visible(names)) => names.clone(),
        None => Some(Vec::new()),
    }
}

/// The registry of a starting gateway: the account of `RC_*` (named `default`), then
/// those of the accounts file.
pub fn load(config: &crate::config::Config, factory: &Factory) -> Result<Registry, String> {
    let file = config.accounts.file.as_ref();
    let from_env = config.upstream.credentials.clone();
    let default = config
        .accounts
        .default
        .clone()
        .or_else(|| file.and_then(|f| f.default.clone()))
        .or_else(|| from_env.as_ref().map(|_| name::DEFAULT.to_owned()))
        .or_else(|| {
            file.filter(|f| f.accounts.len() == 1)
                .map(|f| f.accounts[0].id.clone())
        });
    let registry = Registry::new(default.as_deref());
    if let Some(credentials) = from_env {
        let jwt = match &credentials.login {
            rc_client::config::Login::Jwt(jwt) => Some(jwt.expose().to_owned()),
            rc_client::config::Login::Authorized(_) => None,
        };
        let entry = settings::AccountEntry::new(
            name::DEFAULT,
            &credentials.client_id,
            credentials.client_secret.expose(),
            jwt,
        );
        let account = factory.build(
            entry,
            credentials.login,
            Source::Environment,
            Status::Active,
            0,
        )?;
        registry.insert(account);
    }
    for entry in file.iter().flat_map(|f| &f.accounts) {
        if registry.get(&entry.id).is_some() {
            return Err(format!(
                "account {} is the account of RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT: name the file's account otherwise",
                entry.id
            ));
        }
        let jwt = entry.jwt.clone().ok_or_else(|| {
            format!(
                "account {}: jwt is required in the accounts file (accounts authorized by OAuth are added through AccountService)",
                entry.id
            )
        })?;
        let status = if entry.disabled {
            Status::Disabled
        } else {
            Status::Active
        };
        let account = factory.build(
            entry.clone(),
            rc_client::config::Login::Jwt(rc_client::config::Secret::new(jwt)),
            Source::File,
            status,
            0,
        )?;
        registry.insert(account);
    }
    if let Some(default) = registry.default_name()
        && registry.get(default).is_none()
    {
        return Err(format!(
            "the default account {default:?} is not configured (DEFAULT_ACCOUNT or the file's default)"
        ));
    }
    if registry.is_empty() {
        return Err("no account is configured".into());
    }
    tracing::info!(
        accounts = registry.len(),
        default = registry.default_name().unwrap_or(""),
        "accounts loaded"
    );
    Ok(registry)
}
