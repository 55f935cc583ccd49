//! Accounts added through `AccountService`: kept sealed in the store (embedded, or
//! Redis for several replicas), built into the registry on every replica that sees
//! them (each replica looks for changes every `ACCOUNTS_SYNC_INTERVAL`), and onboarded
//! by RingCentral's OAuth authorization-code flow with PKCE when they come without a
//! JWT ([`super::onboarding`]).

use std::sync::Arc;
use std::time::Duration;

use rc_client::config::{Authorization, Login, Secret, StoredRefresh};
use rc_store::{AccountStore, StoredAccount};
use tokio_util::sync::CancellationToken;

use super::onboarding::{self, Flow};
use super::registry::{Account, Factory, Registry, Source, Status};
use super::sealed::SealingKey;
use super::settings::{AccountEntry, AuthorizationState};
use crate::error::Error;

/// How the admin API works.
#[derive(Clone, Debug, Default)]
pub struct AdminConfig {
    /// `ACCOUNTS_ENCRYPTION_KEY`; without it accounts cannot be added.
    pub sealing_key: Option<SealingKey>,
    /// `OAUTH_REDIRECT_URL`: the gateway's `/api/accounts/oauth/callback` as
    /// RingCentral reaches it (the app must have it registered).
    pub redirect_url: Option<String>,
    /// `ACCOUNTS_SYNC_INTERVAL`.
    pub sync_interval: Duration,
}

/// Adds, changes and removes accounts, here and (through the store) everywhere.
pub struct Admin {
    registry: Arc<Registry>,
    factory: Factory,
    store: Arc<dyn AccountStore>,
    config: AdminConfig,
    /// One change at a time on this replica.
    changing: tokio::sync::Mutex<()>,
    /// Stored records already reported as left out (by id and version): each sync
    /// would report them again.
    reported: std::sync::Mutex<std::collections::HashSet<(String, u64)>>,
}

/// What the onboarding of an account needs from its settings.
pub struct Started {
    pub account: Arc<Account>,
    pub authorization_url: Option<String>,
}

impl Admin {
    pub fn new(
        registry: Arc<Registry>,
        factory: Factory,
        store: Arc<dyn AccountStore>,
        config: AdminConfig,
    ) -> Self {
        Admin {
            registry,
            factory,
            store,
            config,
            changing: tokio::sync::Mutex::new(()),
            reported: std::sync::Mutex::default(),
        }
    }

    pub fn registry(&self) -> &Arc<Registry> {
        &self.registry
    }

    fn key(&self) -> Result<&SealingKey, Error> {
        self.config.sealing_key.as_ref().ok_or_else(|| {
            Error::AccountUnavailable(
                "accounts cannot be added or changed here: set ACCOUNTS_ENCRYPTION_KEY (32 random bytes in base64) so that their credentials are stored encrypted"
                    .into(),
            )
        })
    }

    fn redirect_uri(&self) -> Result<&str, Error> {
        self.config.redirect_url.as_deref().ok_or_else(|| {
            Error::AccountUnavailable(
                "OAuth onboarding needs OAUTH_REDIRECT_URL: the gateway's /api/accounts/oauth/callback as registered in the RingCentral app"
                    .into(),
            )
        })
    }

    /// The admin account `id` (others are changed where they are configured).
    fn admin_account(&self, id: &str) -> Result<Arc<Account>, Error> {
        let account = self
            .registry
            .get(id)
            .ok_or_else(|| Error::UnknownAccount(id.to_owned()))?;
        if account.source != Source::Admin {
            return Err(Error::AccountUnavailable(format!(
                "account {id:?} comes from the {}: change it there",
                match account.source {
                    Source::Environment => "environment (RC_*)",
                    _ => "accounts file",
                }
            )));
        }
        Ok(account)
    }

    /// Seals and stores `entry` as `version`, then serves it here.
    async fn save(&self, entry: AccountEntry, version: u64) -> Result<Arc<Account>, Error> {
        let key = self.key()?;
        let plain = serde_json::to_vec(&entry).map_err(|e| Error::Internal(e.to_string()))?;
        let sealed = key.seal(&entry.id, &plain).map_err(Error::Internal)?;
        self.store
            .put(&StoredAccount {
                id: entry.id.clone(),
                sealed,
                version,
            })
            .await?;
        let account = self.build(entry, version).map_err(Error::Internal)?;
        self.registry.insert(account.clone());
        Ok(account)
    }

    fn build(&self, entry: AccountEntry, version: u64) -> Result<Arc<Account>, String> {
        let authorized = entry
            .authorization
            .as_ref()
            .is_some_and(|a| !a.refresh_token.is_empty());
        let login = match &entry.jwt {
            Some(jwt) => Login::Jwt(Secret::new(jwt.clone())),
            None => Login::Authorized(Arc::new(StoredAuthorization {
                id: entry.id.clone(),
                store: self.store.clone(),
                key: self
                    .config
                    .sealing_key
                    .clone()
                    .ok_or("no ACCOUNTS_ENCRYPTION_KEY to open it")?,
            })),
        };
        let status = if entry.disabled {
            Status::Disabled
        } else if entry.jwt.is_none() && !authorized {
            Status::Pending
        } else {
            Status::Active
        };
        self.factory
            .build(entry, login, Source::Admin, status, version)
    }

    /// Adds an account; one without a JWT gets an authorization URL to open.
    pub async fn create(
        &self,
        mut entry: AccountEntry,
        login_hint: Option<&str>,
    ) -> Result<Started, Error> {
        self.key()?;
        entry.check().map_err(invalid)?;
        let _one = self.changing.lock().await;
        if self.registry.get(&entry.id).is_some() || self.store.get(&entry.id).await?.is_some() {
            return Err(Error::Conflict {
                field: "accountId".into(),
                message: format!("account {:?} exists already", entry.id),
            });
        }
        let url = self.begin(&mut entry, login_hint)?;
        let account = self.save(entry, 1).await?;
        tracing::info!(account = %account.id, onboarding = url.is_some(), "account added");
        Ok(Started {
            account,
            authorization_url: url,
        })
    }

    /// For an account without a JWT: a new authorization flow in `entry`, and its URL.
    fn begin(
        &self,
        entry: &mut AccountEntry,
        login_hint: Option<&str>,
    ) -> Result<Option<String>, Error> {
        if entry.jwt.is_some() {
            entry.authorization = None;
            return Ok(None);
        }
        let redirect_uri = self.redirect_uri()?.to_owned();
        let server = match &entry.server_url {
            Some(url) => url.clone(),
            None => self.factory.client.server_url.to_string(),
        };
        let flow = Flow::new();
        let url = flow.url(
            &server,
            &entry.client_id,
            &redirect_uri,
            &entry.id,
            login_hint,
        );
        let state = entry
            .authorization
            .get_or_insert_with(AuthorizationState::default);
        flow.keep(state, redirect_uri);
        Ok(Some(url))
    }

    /// Replaces an admin account's credentials.
    pub async fn update_credentials(
        &self,
        id: &str,
        client_id: String,
        client_secret: String,
        jwt: Option<String>,
        login_hint: Option<&str>,
    ) -> Result<Started, Error> {
        let _one = self.changing.lock().await;
        let (current, mut entry) = self.editable(id).await?;
        entry.client_id = client_id;
        entry.client_secret = client_secret;
        entry.jwt = jwt;
        entry.authorization = None;
        entry.check().map_err(invalid)?;
        let url = self.begin(&mut entry, login_hint)?;
        let account = self.save(entry, current.version + 1).await?;
        tracing::info!(account = %account.id, "account credentials replaced");
        Ok(Started {
            account,
            authorization_url: url,
        })
    }

    /// Disables or enables an admin account.
    pub async fn set_disabled(&self, id: &str, disabled: bool) -> Result<Arc<Account>, Error> {
        let _one = self.changing.lock().await;
        let (current, mut entry) = self.editable(id).await?;
        if entry.disabled == disabled {
            return Ok(current);
        }
        entry.disabled = disabled;
        let account = self.save(entry, current.version + 1).await?;
        tracing::info!(account = %account.id, disabled, "account status changed");
        Ok(account)
    }

    /// A new authorization flow for an admin account without a JWT.
    pub async fn authorize(&self, id: &str, login_hint: Option<&str>) -> Result<Started, Error> {
        let _one = self.changing.lock().await;
        let (current, mut entry) = self.editable(id).await?;
        if entry.jwt.is_some() {
            return Err(Error::AccountUnavailable(format!(
                "account {id:?} logs in with a JWT: it needs no OAuth authorization"
            )));
        }
        let url = self.begin(&mut entry, login_hint)?;
        let account = self.save(entry, current.version + 1).await?;
        Ok(Started {
            account,
            authorization_url: url,
        })
    }

    /// Removes an admin account and its stored credentials.
    pub async fn delete(&self, id: &str) -> Result<(), Error> {
        let _one = self.changing.lock().await;
        self.admin_account(id)?;
        self.store.remove(id).await?;
        self.registry.remove(id);
        tracing::info!(account = id, "account removed");
        Ok(())
    }

    /// The end of an onboarding: RingCentral sent the user back with `code` for the
    /// flow of `state`. The code is exchanged (with the flow's PKCE verifier) and the
    /// refresh token kept: the account is live.
    pub async fn complete(&self, state: &str, code: &str) -> Result<Arc<Account>, Error> {
        let (id, secret) = onboarding::split_state(state)
            .ok_or_else(|| Error::invalid("state", "not a state of this gateway"))?;
        let _one = self.changing.lock().await;
        let current = self.admin_account(id)?;
        let mut entry = self
            .stored_entry(id)
            .await?
            .ok_or_else(|| Error::UnknownAccount(id.to_owned()))?;
        let pending = entry
            .authorization
            .as_ref()
            .filter(|a| onboarding::matches(a, secret))
            .ok_or_else(|| {
                Error::invalid(
                    "state",
                    format!("no authorization of account {id:?} is under way with this state (expired, used, or never started)"),
                )
            })?
            .clone();
        let ctx = rc_client::context::CallContext::internal(Duration::from_secs(30));
        let refresh = current
            .rc
            .tokens()
            .exchange_code(
                &ctx,
                code,
                &pending.pending_redirect_uri,
                &pending.pending_verifier,
            )
            .await
            .map_err(Error::from)?;
        entry.authorization = Some(AuthorizationState {
            refresh_token: refresh.token.expose().to_owned(),
            refresh_expires_at_ms: refresh.expires_at_ms,
            ..AuthorizationState::default()
        });
        let account = self.save(entry, current.version + 1).await?;
        tracing::info!(account = %account.id, "account authorized by OAuth");
        Ok(account)
    }

    /// An admin account and its settings as stored (the newest, refresh token
    /// included), to change.
    async fn editable(&self, id: &str) -> Result<(Arc<Account>, AccountEntry), Error> {
        let current = self.admin_account(id)?;
        let entry = self
            .stored_entry(id)
            .await?
            .unwrap_or_else(|| current.entry.clone());
        Ok((current, entry))
    }

    async fn stored_entry(&self, id: &str) -> Result<Option<AccountEntry>, Error> {
        let Some(stored) = self.store.get(id).await? else {
            return Ok(None);
        };
        open(self.key()?, &stored)
            .map(Some)
            .map_err(Error::Internal)
    }

    /// Serves what the store holds: new and changed accounts built, removed ones
    /// dropped. Records that do not open (another key) are left out, with a warning.
    pub async fn sync(&self) -> Result<(), rc_store::StoreError> {
        let stored = self.store.list().await?;
        let _one = self.changing.lock().await;
        let mut seen = std::collections::HashSet::new();
        for record in &stored {
            seen.insert(record.id.as_str());
            if let Some(current) = self.registry.get(&record.id) {
                if current.source != Source::Admin {
                    tracing::warn!(account = %record.id, "a stored account has the name of a configured one; the configured one is served");
                    continue;
                }
                if current.version == record.version {
                    continue;
                }
            }
            let built = match &self.config.sealing_key {
                Some(key) => open(key, record).and_then(|entry| self.build(entry, record.version)),
                None => Err("it cannot be opened without ACCOUNTS_ENCRYPTION_KEY".to_owned()),
            };
            match built {
                Ok(account) => {
                    tracing::info!(account = %account.id, version = record.version, "account loaded");
                    self.registry.insert(account);
                }
                Err(e) => {
                    let first = self
                        .reported
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert((record.id.clone(), record.version));
                    if first {
                        tracing::warn!(account = %record.id, error = %e, "a stored account is left out");
                    }
                }
            }
        }
        for account in self.registry.all() {
            if account.source == Source::Admin && !seen.contains(&*account.id) {
                tracing::info!(account = %account.id, "account removed elsewhere");
                self.registry.remove(&account.id);
            }
        }
        Ok(())
    }

    /// Syncs every `interval` until shutdown.
    pub async fn run_sync(self: Arc<Self>, shutdown: CancellationToken) {
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(self.config.sync_interval) => {}
            }
            if let Err(e) = self.sync().await {
                tracing::warn!(error = %e, "could not read the stored accounts");
            }
        }
    }
}

/// A bad field of a request, in the request's own spelling.
fn invalid(invalid: super::settings::Invalid) -> Error {
    let field = match invalid.field {
        "id" => "accountId",
        other => other,
    };
    Error::invalid(field, invalid.message)
}

fn open(key: &SealingKey, stored: &StoredAccount) -> Result<AccountEntry, String> {
    let plain = key.open(&stored.id, &stored.sealed)?;
    serde_json::from_slice(&plain).map_err(|e| format!("the stored account does not read: {e}"))
}

/// An account's OAuth authorization, kept in its sealed record: every replica reads
/// the newest refresh token from the store, and each rotation is stored before the
/// old token is forgotten.
struct StoredAuthorization {
    id: String,
    store: Arc<dyn AccountStore>,
    key: SealingKey,
}

impl StoredAuthorization {
    async fn change(&self, change: impl FnOnce(&mut AuthorizationState)) {
        let result = async {
            let stored = self
                .store
                .get(&self.id)
                .await
                .map_err(|e| e.to_string())?
                .ok_or("the account is gone")?;
            let mut entry = open(&self.key, &stored)?;
            change(
                entry
                    .authorization
                    .get_or_insert_with(AuthorizationState::default),
            );
            let plain = serde_json::to_vec(&entry).map_err(|e| e.to_string())?;
            // The same version: a rotation is no change of settings to rebuild for.
            let sealed = self.key.seal(&self.id, &plain)?;
            self.store
                .put(&StoredAccount { sealed, ..stored })
                .await
                .map_err(|e| e.to_string())
        }
        .await;
        if let Err(e) = result {
            tracing::error!(account = %self.id, error = %e, "could not keep the account's refresh token");
        }
    }
}

#[async_trait::async_trait]
impl Authorization for StoredAuthorization {
    fn id(&self) -> &str {
        &self.id
    }

    async fn refresh_token(&self) -> Option<StoredRefresh> {
        let stored = self.store.get(&self.id).await.ok()??;
        let entry = open(&self.key, &stored).ok()?;
        let authorization = entry.authorization?;
        (!authorization.refresh_token.is_empty()).then(|| StoredRefresh {
            token: Secret::new(authorization.refresh_token),
            expires_at_ms: authorization.refresh_expires_at_ms,
        })
    }

    async fn rotated(&self, refresh: StoredRefresh) {
        self.change(|a| {
            a.refresh_token = refresh.token.expose().to_owned();
            a.refresh_expires_at_ms = refresh.expires_at_ms;
            a.revoked.clear();
        })
        .await;
    }

    async fn revoked(&self, reason: &str) {
        self.change(|a| {
            a.refresh_token.clear();
            a.revoked = reason.chars().take(200).collect();
        })
        .await;
    }
}
