//! An account's settings: from the accounts file (`ACCOUNTS_FILE`, a mounted Secret)
//! or, sealed, from the admin API. One JSON shape for both:
//!
//! ```json
//! {"default": "acme",
//!  "accounts": [{"id": "acme", "clientId": "…", "clientSecret": "…", "jwt": "…",
//!                "serverUrl": "https://platform.ringcentral.com",
//!                "rateLimits": {"light": 50, "medium": 40, "heavy": 10, "auth": 5},
//!                "cacheTtl": "30s", "webhookSecret": "…", "disabled": false}]}
//! ```
//!
//! Everything but `id`, `clientId` and `clientSecret` is optional; what is left out is
//! the gateway's own setting. An account without `jwt` logs in with the OAuth
//! authorization given through the gateway's onboarding flow.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::name;
use rc_client::config::Secret;
use rc_spec::ops::ThrottleGroup;

/// The accounts file.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountsFile {
    /// The account of calls that name none.
    #[serde(default)]
    pub default: Option<String>,
    pub accounts: Vec<AccountEntry>,
}

/// Per-group limits of an account (requests per window).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub light: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heavy: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth: Option<u32>,
}

impl RateLimits {
    /// The overrides, by group.
    pub fn overrides(&self) -> Vec<(ThrottleGroup, u32)> {
        [
            (ThrottleGroup::Light, self.light),
            (ThrottleGroup::Medium, self.medium),
            (ThrottleGroup::Heavy, self.heavy),
            (ThrottleGroup::Auth, self.auth),
        ]
        .into_iter()
        .filter_map(|(g, l)| Some((g, l?)))
        .collect()
    }
}

/// The OAuth authorization of an onboarded account (sealed with the rest).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationState {
    /// The newest refresh token; empty while the account waits for its authorization.
    #[serde(default)]
    pub refresh_token: String,
    #[serde(default)]
    pub refresh_expires_at_ms: u64,
    /// The flow under way: SHA-256 (hex) of its `state`, its PKCE verifier, where
    /// RingCentral sends the user back, and when the flow lapses.
    #[serde(default)]
    pub pending_state_hash: String,
    #[serde(default)]
    pub pending_verifier: String,
    #[serde(default)]
    pub pending_redirect_uri: String,
    #[serde(default)]
    pub pending_expires_at_ms: u64,
    /// Why the last authorization ended (RingCentral refused its refresh token).
    #[serde(default)]
    pub revoked: String,
}

impl std::fmt::Debug for AuthorizationState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthorizationState")
            .field("authorized", &!self.refresh_token.is_empty())
            .field("pending", &!self.pending_state_hash.is_empty())
            .finish_non_exhaustive()
    }
}

/// One account's settings.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountEntry {
    pub id: String,
    pub client_id: String,
    pub client_secret: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limits: Option<RateLimits>,
    /// A duration (`30s`, `5m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_ttl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_secret: Option<String>,
    #[serde(default)]
    pub disabled: bool,
    /// Only in sealed records of the admin API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization: Option<AuthorizationState>,
}

impl std::fmt::Debug for AccountEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountEntry")
            .field("id", &self.id)
            .field("client_id", &self.client_id)
            .field("server_url", &self.server_url)
            .field("disabled", &self.disabled)
            .finish_non_exhaustive()
    }
}

/// What an entry says, checked.
#[derive(Debug, Clone)]
pub struct Checked {
    pub server_url: Option<url::Url>,
    pub limits: Vec<(ThrottleGroup, u32)>,
    pub cache_ttl: Option<Duration>,
    pub webhook_secret: Option<Secret>,
}

/// A field of an entry that is not right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The field's JSON name.
    pub field: &'static str,
    /// Names the account and the field.
    pub message: String,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<Invalid> for String {
    fn from(invalid: Invalid) -> Self {
        invalid.message
    }
}

impl AccountEntry {
    /// An account of an app and a login, with the gateway's own settings otherwise.
    pub fn new(id: &str, client_id: &str, client_secret: &str, jwt: Option<String>) -> Self {
        AccountEntry {
            id: id.to_owned(),
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            jwt,
            server_url: None,
            rate_limits: None,
            cache_ttl: None,
            webhook_secret: None,
            disabled: false,
            authorization: None,
        }
    }

    /// Checks every field.
    pub fn check(&self) -> Result<Checked, Invalid> {
        name::check(&self.id).map_err(|message| Invalid {
            field: "id",
            message,
        })?;
        let at = |field: &'static str, message: String| Invalid {
            field,
            message: format!("account {}: {field}: {message}", self.id),
        };
        if self.client_id.trim().is_empty() {
            return Err(at("clientId", "is required".into()));
        }
        if self.client_secret.trim().is_empty() {
            return Err(at("clientSecret", "is required".into()));
        }
        if self.jwt.as_deref().is_some_and(|j| j.trim().is_empty()) {
            return Err(at(
                "jwt",
                "is empty (leave it out for an OAuth-authorized account)".into(),
            ));
        }
        let server_url = self
            .server_url
            .as_deref()
            .map(|u| {
                let url = url::Url::parse(u).map_err(|e| at("serverUrl", e.to_string()))?;
                if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
                    return Err(at("serverUrl", "must be an http(s) URL with a host".into()));
                }
                Ok(url)
            })
            .transpose()?;
        let limits = self.rate_limits.unwrap_or_default().overrides();
        if let Some((group, _)) = limits.iter().find(|(_, l)| *l == 0) {
            return Err(at(
                "rateLimits",
                format!("{} must be at least 1", group.name()),
            ));
        }
        let cache_ttl = self
            .cache_ttl
            .as_deref()
            .map(|t| humantime::parse_duration(t).map_err(|e| at("cacheTtl", e.to_string())))
            .transpose()?;
        Ok(Checked {
            server_url,
            limits,
            cache_ttl,
            webhook_secret: self.webhook_secret.clone().map(Secret::new),
        })
    }
}

impl AccountsFile {
    /// Reads and checks the file's text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let file: AccountsFile =
            serde_json::from_str(text).map_err(|e| format!("not an accounts file: {e}"))?;
        let mut seen = std::collections::HashSet::new();
        for entry in &file.accounts {
            entry.check()?;
            if entry.authorization.is_some() {
                return Err(format!(
                    "account {}: authorization is kept by the gateway, not set in the file",
                    entry.id
                ));
            }
            if !seen.insert(entry.id.as_str()) {
                return Err(format!("account {} is listed twice", entry.id));
            }
        }
        if let Some(default) = &file.default {
            name::check(default)?;
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_checked_field_by_field() {
        let good = r#"{"default":"acme","accounts":[
            {"id":"acme","clientId":"c","clientSecret":"s","jwt":"j","rateLimits":{"heavy":5},"cacheTtl":"10s"},
            {"id":"globex","clientId":"c","clientSecret":"s","serverUrl":"https://platform.devtest.ringcentral.com"}]}"#;
        let file = AccountsFile::parse(good).unwrap();
        assert_eq!(file.accounts.len(), 2);
        let checked = file.accounts[0].check().unwrap();
        assert_eq!(checked.limits, [(ThrottleGroup::Heavy, 5)]);
        assert_eq!(checked.cache_ttl, Some(Duration::from_secs(10)));
        for (bad, says) in [
            (
                r#"{"accounts":[{"id":"Acme","clientId":"c","clientSecret":"s"}]}"#,
                "not a valid account name",
            ),
            (
                r#"{"accounts":[{"id":"a","clientId":"","clientSecret":"s"}]}"#,
                "clientId",
            ),
            (
                r#"{"accounts":[{"id":"a","clientId":"c","clientSecret":"s","serverUrl":"ftp://x"}]}"#,
                "serverUrl",
            ),
            (
                r#"{"accounts":[{"id":"a","clientId":"c","clientSecret":"s","rateLimits":{"light":0}}]}"#,
                "rateLimits",
            ),
            (
                r#"{"accounts":[{"id":"a","clientId":"c","clientSecret":"s","cacheTtl":"soon"}]}"#,
                "cacheTtl",
            ),
            (
                r#"{"accounts":[{"id":"a","clientId":"c","clientSecret":"s","secret":"x"}]}"#,
                "unknown field",
            ),
            (
                r#"{"accounts":[{"id":"a","clientId":"c","clientSecret":"s"},{"id":"a","clientId":"c","clientSecret":"s"}]}"#,
                "twice",
            ),
        ] {
            let err = AccountsFile::parse(bad).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
        // Secrets stay out of Debug output.
        let shown = format!("{:?}", file.accounts[0]);
        assert!(
            !shown.contains("\"s\"") && !shown.contains("\"j\""),
            "{shown}"
        );
    }
}
