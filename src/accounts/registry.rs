//! The accounts a gateway serves, each with its own RingCentral client (session, rate
//! budget, breaker, cache, idempotency scope), subscription keeper and webhook path,
//! and the background work that keeps them (token refresher, subscription upkeep).
//! Accounts come and go without a restart: lookups take a read lock on a map of
//! shared handles, and a removed account's work stops with its cancellation token.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use tokio_util::sync::CancellationToken;

use super::binding::{AccountDenied, AccountSet};
use super::name;
use super::settings::AccountEntry;
use crate::state::Backend;
use crate::webhooks::{KeeperConfig, SubscriptionKeeper};
use rc_client::RingCentral;
use rc_client::config::{ClientConfig, Credentials, Login, Secret};
use rc_client::metrics::{AccountMetrics, ClientMetrics};
use rc_client::stack::Connector;

/// Where an account's settings come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `RC_CLIENT_ID`, `RC_CLIENT_SECRET`, `RC_JWT`: the account named `default`.
    Environment,
    /// `ACCOUNTS_FILE`.
    File,
    /// `AccountService`, kept sealed in the store.
    Admin,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Environment => "environment",
            Source::File => "file",
            Source::Admin => "admin",
        }
    }
}

/// Whether an account takes calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Active,
    Disabled,
    /// Waiting for the OAuth authorization of its onboarding.
    Pending,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Disabled => "disabled",
            Status::Pending => "pending",
        }
    }
}

/// One account and everything that serves it.
pub struct Account {
    pub id: Arc<str>,
    pub rc: RingCentral,
    pub keeper: Arc<SubscriptionKeeper>,
    pub metrics: Arc<AccountMetrics>,
    /// Signs its webhook notifications, when it has its own secret.
    pub webhook_secret: Option<Secret>,
    pub source: Source,
    pub status: Status,
    /// The settings as given (admin accounts are sealed back from these).
    pub entry: AccountEntry,
    /// The version of its sealed record (admin accounts).
    pub version: u64,
    stop: CancellationToken,
}

impl Account {
    /// An account of ready-made parts, taking calls (tests of the layers above).
    pub fn ready(id: &str, rc: RingCentral, keeper: Arc<SubscriptionKeeper>) -> Arc<Self> {
        let metrics = ClientMetrics::register(&prometheus::Registry::new())
            .expect("a fresh registry takes the metrics")
            .for_account(id, true);
        Arc::new(Account {
            id: Arc::from(id),
            rc,
            keeper,
            metrics,
            webhook_secret: None,
            source: Source::Environment,
            status: Status::Active,
            entry: AccountEntry::new(id, "", "", None),
            version: 0,
            stop: CancellationToken::new(),
        })
    }

    /// The `account` of its events in the log: `None` for the default account, whose
    /// events look as they did before accounts existed.
    pub fn event_tag(&self) -> Option<&str> {
        (&*self.id != name::DEFAULT).then_some(&*self.id)
    }

    /// Whether the event with this tag belongs to this account.
    pub fn owns_event(&self, tag: Option<&str>) -> bool {
        self.event_tag() == tag
    }

    /// Refuses calls while the account cannot take them.
    pub fn usable(&self) -> Result<(), AccountDenied> {
        match self.status {
            Status::Active => Ok(()),
            Status::Disabled => Err(AccountDenied::Unavailable(format!(
                "account {:?} is disabled",
                &*self.id
            ))),
            Status::Pending => Err(AccountDenied::Unavailable(format!(
                "account {:?} is waiting for its OAuth authorization",
                &*self.id
            ))),
        }
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

/// What every account's client and keeper are built from.
pub struct Factory {
    pub client: ClientConfig,
    pub backend: Arc<Backend>,
    pub connector: Connector,
    pub metrics: Arc<ClientMetrics>,
    /// The default account's keeper settings; others get their own webhook path.
    pub keeper: KeeperConfig,
    pub shutdown: CancellationToken,
}

impl Factory {
    /// Builds an account and starts its background work (unless it takes no calls).
    pub fn build(
        &self,
        entry: AccountEntry,
        login: Login,
        source: Source,
        status: Status,
        version: u64,
    ) -> Result<Arc<Account>, String> {
        let checked = entry.check()?;
        let id: Arc<str> = Arc::from(entry.id.as_str());
        let default = &*id == name::DEFAULT;
        let mut client = self.client.clone();
        if let Some(url) = checked.server_url {
            client.server_url = url;
        }
        for (group, limit) in &checked.limits {
            match client
                .resilience
                .limits
                .iter_mut()
                .find(|(g, _)| g == group)
            {
                Some(slot) => slot.1 = *limit,
                None => client.resilience.limits.push((*group, *limit)),
            }
        }
        if let Some(ttl) = checked.cache_ttl {
            client.resilience.cache_ttl = ttl;
            client.resilience.cache_ttl_by_resource.clear();
        }
        let stores = if default && checked.limits.is_empty() {
            self.backend.stores.clone()
        } else {
            self.backend.stores_for(&id, &client.resilience)
        };
        let metrics = self.metrics.for_account(&id, default);
        let credentials = Credentials {
            client_id: entry.client_id.clone(),
            client_secret: Secret::new(entry.client_secret.clone()),
            login,
        };
        let rc = RingCentral::with_parts(
            &client,
            credentials,
            rc_client::Parts {
                stores: stores.clone(),
                hooks: metrics.hooks(),
                token_hooks: metrics.clone(),
                connector: self.connector.clone(),
                account: (!default).then(|| id.clone()),
            },
        );
        let mut keeper_config = self.keeper.clone();
        if !default {
            keeper_config.public_url = keeper_config
                .public_url
                .map(|base| format!("{}/{id}", base.trim_end_matches('/')));
        }
        let keeper = Arc::new(SubscriptionKeeper::new(
            rc.clone(),
            stores.subscriptions.clone(),
            keeper_config,
        ));
        let stop = self.shutdown.child_token();
        if status == Status::Active {
            tokio::spawn(rc.tokens().clone().run_refresher(stop.clone()));
            tokio::spawn(keeper.clone().run(stop.clone()));
        }
        Ok(Arc::new(Account {
            id,
            rc,
            keeper,
            metrics,
            webhook_secret: checked.webhook_secret,
            source,
            status,
            entry,
            version,
            stop,
        }))
    }
}

/// The accounts a gateway serves.
pub struct Registry {
    accounts: RwLock<HashMap<Arc<str>, Arc<Account>>>,
    default: Option<Arc<str>>,
}

impl Registry {
    pub fn new(default: Option<&str>) -> Self {
        Registry {
            accounts: RwLock::default(),
            default: default.map(Arc::from),
        }
    }

    /// The account of calls that name none (if it is configured).
    pub fn default_name(&self) -> Option<&str> {
        self.default.as_deref()
    }

    pub fn get(&self, id: &str) -> Option<Arc<Account>> {
        self.accounts
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(id)
            .cloned()
    }

    /// Every account, by name.
    pub fn all(&self) -> Vec<Arc<Account>> {
        let mut all: Vec<_> = self
            .accounts
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .cloned()
            .collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }

    pub fn len(&self) -> usize {
        self.accounts
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds or replaces an account (the replaced one's work stops once the calls that
    /// hold it are done).
    pub fn insert(&self, account: Arc<Account>) {
        self.accounts
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(account.id.clone(), account);
    }

    pub fn remove(&self, id: &str) -> Option<Arc<Account>> {
        self.accounts
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(id)
    }

    /// The account of a call: the one it names (`requested`), else the caller's only
    /// account, else the default. Refused: a name that is not safe (INVALID_ARGUMENT),
    /// an account the caller may not use (PERMISSION_DENIED, whether it exists or
    /// not, unless the caller may use every account), an unknown one (NOT_FOUND), one
    /// that takes no calls (FAILED_PRECONDITION).
    pub fn resolve(
        &self,
        requested: Option<&str>,
        caller: &str,
        accounts: &AccountSet,
    ) -> Result<Arc<Account>, AccountDenied> {
        let default = self.default_name();
        let name = match requested {
            Some(name) => {
                name::check(name).map_err(AccountDenied::BadName)?;
                if !accounts.allows(name, default) {
                    return Err(AccountDenied::NotAllowed(format!(
                        "{caller} may not use account {name:?} (it may use: {})",
                        accounts.describe(default)
                    )));
                }
                name
            }
            None => accounts.implied(default).ok_or_else(|| {
                AccountDenied::Unnamed(format!(
                    "name the account of the call in rc-account metadata or the RC-Account header ({caller} may use: {})",
                    accounts.describe(default)
                ))
            })?,
        };
        let account = self
            .get(name)
            .ok_or_else(|| AccountDenied::Unknown(name.to_owned()))?;
        account.usable()?;
        Ok(account)
    }

    /// The names a caller may see (event streams): `None` for every account.
    pub fn visible(&self, accounts: &AccountSet) -> Option<Vec<Arc<str>>> {
        match accounts {
            AccountSet::All => None,
            AccountSet::Default => Some(self.default.iter().cloned().collect()),
            AccountSet::Only(names) => Some(names.clone()),
        }
    }
}
