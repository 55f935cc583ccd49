//! Which accounts a caller may use, and which account a call is for.
//!
//! An API key lists its accounts (`accounts=acme,globex`, or `*`); a caller JWT names
//! them in its `accounts` claim. A caller that names none may use the gateway's
//! default account only. A call names its account in `rc-account` gRPC metadata or
//! the `RC-Account` HTTP header; without one it is for the caller's only account, or
//! else the default account.

use std::sync::Arc;

use super::name;

/// The metadata key (gRPC) and header (HTTP) that name a call's account.
pub const HEADER: &str = "rc-account";

/// Why a call's account is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountDenied {
    /// Not a safe account name (INVALID_ARGUMENT).
    BadName(String),
    /// The call names no account and none is implied (INVALID_ARGUMENT).
    Unnamed(String),
    /// Not one of the caller's accounts (PERMISSION_DENIED).
    NotAllowed(String),
    /// Not served by this gateway (NOT_FOUND).
    Unknown(String),
    /// Disabled, or waiting for its authorization (FAILED_PRECONDITION).
    Unavailable(String),
}

impl From<AccountDenied> for crate::error::Error {
    fn from(denied: AccountDenied) -> Self {
        use crate::error::Error;
        match denied {
            AccountDenied::BadName(m) | AccountDenied::Unnamed(m) => Error::invalid(HEADER, m),
            AccountDenied::NotAllowed(m) => Error::PermissionDenied(m),
            AccountDenied::Unknown(name) => Error::UnknownAccount(name),
            AccountDenied::Unavailable(m) => Error::AccountUnavailable(m),
        }
    }
}

/// The accounts a caller may use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AccountSet {
    /// Named none: the gateway's default account.
    #[default]
    Default,
    /// `*`: every account the gateway serves.
    All,
    /// These, by name.
    Only(Vec<Arc<str>>),
}

impl AccountSet {
    /// Reads `*` or a list of names separated by commas or spaces.
    pub fn parse(text: &str) -> Result<Self, String> {
        let names: Vec<&str> = text.split([',', ' ']).filter(|s| !s.is_empty()).collect();
        if names == ["*"] {
            return Ok(AccountSet::All);
        }
        if names.is_empty() {
            return Err("accounts= names no account".into());
        }
        let mut out: Vec<Arc<str>> = Vec::with_capacity(names.len());
        for n in names {
            name::check(n)?;
            if !out.iter().any(|o| &**o == n) {
                out.push(Arc::from(n));
            }
        }
        Ok(AccountSet::Only(out))
    }

    /// Reads a JWT's `accounts` claim, skipping names that are not valid (a claim
    /// may be meant for other services too).
    pub fn from_claim(names: &[String]) -> Self {
        if names.iter().any(|n| n == "*") {
            return AccountSet::All;
        }
        let valid: Vec<Arc<str>> = names
            .iter()
            .filter(|n| name::check(n).is_ok())
            .map(|n| Arc::from(n.as_str()))
            .collect();
        if valid.is_empty() && names.is_empty() {
            AccountSet::Default
        } else {
            AccountSet::Only(valid)
        }
    }

    /// Whether the caller may use `account`, `default` being the gateway's default.
    pub fn allows(&self, account: &str, default: Option<&str>) -> bool {
        match self {
            AccountSet::All => true,
            AccountSet::Default => default == Some(account),
            AccountSet::Only(names) => names.iter().any(|n| &**n == account),
        }
    }

    /// The account of a call that names none: the caller's only account, else the
    /// default account if the caller may use it.
    pub fn implied<'a>(&'a self, default: Option<&'a str>) -> Option<&'a str> {
        match self {
            AccountSet::Only(names) if names.len() == 1 => Some(&names[0]),
            _ => default.filter(|d| self.allows(d, default)),
        }
    }

    /// The names listed, for messages (`*` for all).
    pub fn describe(&self, default: Option<&str>) -> String {
        match self {
            AccountSet::All => "*".into(),
            AccountSet::Default => default.unwrap_or("none").into(),
            AccountSet::Only(names) => names.join(", "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_stars_and_the_default() {
        let only = AccountSet::parse("acme, globex").unwrap();
        assert!(only.allows("acme", Some("default")));
        assert!(!only.allows("default", Some("default")));
        assert_eq!(only.implied(Some("default")), None);
        assert_eq!(only.implied(Some("acme")), Some("acme"));
        let one = AccountSet::parse("acme").unwrap();
        assert_eq!(one.implied(Some("default")), Some("acme"));
        assert_eq!(AccountSet::parse("*").unwrap(), AccountSet::All);
        assert_eq!(AccountSet::All.implied(Some("default")), Some("default"));
        assert_eq!(AccountSet::All.implied(None), None);
        assert!(AccountSet::Default.allows("default", Some("default")));
        assert!(!AccountSet::Default.allows("acme", Some("default")));
        assert!(AccountSet::parse("Acme").is_err());
        assert!(AccountSet::parse("").is_err());
        assert_eq!(
            AccountSet::from_claim(&["acme".into(), "Not Valid".into()]),
            AccountSet::Only(vec![Arc::from("acme")])
        );
        assert_eq!(AccountSet::from_claim(&[]), AccountSet::Default);
    }
}
