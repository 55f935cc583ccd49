//! Caller authentication and authorization, the same for gRPC and HTTP/JSON: the
//! [`layer::AuthLayer`] sits in the one gRPC service stack both listeners share, so a
//! transcoded call cannot skip it.
//!
//! Callers prove who they are with an API key (`x-api-key: <key>` or
//! `authorization: Bearer <key>`), a JWT from their identity provider
//! (`authorization: Bearer <jwt>`), or, with `TLS_CLIENT_CA_FILE`, a client
//! certificate. Each call then needs the scope of its RPC ([`scopes`]).

pub mod jwt;
pub mod keys;
pub mod layer;
pub mod scopes;

use std::sync::{Arc, LazyLock};

use http::HeaderMap;

use crate::accounts::AccountSet;
use crate::accounts::binding::AccountDenied;
use crate::error::Error;
use scopes::{Required, Scopes};

/// What may be called without credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Public {
    /// `grpc.health.v1` and `HealthService`.
    pub health: bool,
    /// gRPC server reflection.
    pub reflection: bool,
    /// The sidecar's `/metrics`.
    pub metrics: bool,
}

/// Caller authentication settings.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    pub keys: keys::KeyTable,
    pub jwt: Option<jwt::JwtConfig>,
    pub public: Public,
    /// The listeners require client certificates (`TLS_CLIENT_CA_FILE`).
    pub client_certs: bool,
    /// `--insecure-no-auth`: accept every caller.
    pub insecure_no_auth: bool,
}

impl AuthConfig {
    /// Whether any way of authenticating callers is configured.
    pub fn configured(&self) -> bool {
        !self.keys.is_empty() || self.jwt.is_some() || self.client_certs
    }
}

/// Who is calling: the client's caller, whose share of RingCentral's limits it keeps.
pub use rc_client::context::Caller;

/// The caller id of calls without credentials (public calls, a gateway without
/// caller authentication).
pub const ANONYMOUS_ID: &str = "anonymous";

static ANONYMOUS: LazyLock<Arc<Caller>> = LazyLock::new(|| {
    Arc::new(Caller {
        id: Arc::from(ANONYMOUS_ID),
        share: 1.0,
    })
});

/// The identity of a verified client certificate, set on requests by the TLS
/// listeners: `cert:` and the first 16 hex digits of the certificate's SHA-256.
#[derive(Debug, Clone)]
pub struct PeerCert(pub Arc<str>);

/// Why a call was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denied {
    Missing,
    UnknownKey,
    InvalidToken(String),
    ExpiredToken,
    Scope {
        caller: Arc<str>,
        scope: Required,
    },
    /// The call's account is refused (not safe, unknown, not the caller's, disabled).
    Account(AccountDenied),
}

/// Every `reason` label of `auth_denied_total`.
pub const DENIED_REASONS: [&str; 6] = [
    "missing_credentials",
    "unknown_key",
    "invalid_token",
    "expired_token",
    "insufficient_scope",
    "account",
];

impl Denied {
    pub fn reason(&self) -> &'static str {
        match self {
            Denied::Missing => DENIED_REASONS[0],
            Denied::UnknownKey => DENIED_REASONS[1],
            Denied::InvalidToken(_) => DENIED_REASONS[2],
            Denied::ExpiredToken => DENIED_REASONS[3],
            Denied::Scope { .. } => DENIED_REASONS[4],
            Denied::Account(_) => DENIED_REASONS[5],
        }
    }
}

impl From<Denied> for Error {
    fn from(denied: Denied) -> Self {
        match denied {
            Denied::Missing => Error::Unauthenticated(
                "credentials are required: an API key (x-api-key, or authorization: Bearer) or a JWT (authorization: Bearer)"
                    .into(),
            ),
            Denied::UnknownKey => Error::Unauthenticated("the API key is not accepted".into()),
            Denied::InvalidToken(why) => Error::Unauthenticated(format!("the JWT is not accepted: {why}")),
            Denied::ExpiredToken => Error::Unauthenticated("the JWT has expired".into()),
            Denied::Scope { caller, scope } => Error::MissingScope {
                caller: caller.to_string(),
                scope: scope.to_string(),
            },
            Denied::Account(denied) => Error::from(denied),
        }
    }
}

/// What authentication reports (metrics).
pub trait AuthHooks: Send + Sync {
    fn denied(&self, _reason: &'static str) {}
}

/// Reports nothing.
pub struct NoHooks;
impl AuthHooks for NoHooks {}

/// Caller authentication's metric, registered into the gateway's registry.
pub struct AuthMetrics {
    denied: prometheus::IntCounterVec,
}

impl AuthMetrics {
    pub fn register(r: &prometheus::Registry) -> prometheus::Result<Arc<Self>> {
        let denied = prometheus::IntCounterVec::new(
            prometheus::Opts::new(
                "auth_denied_total",
                "Calls refused by caller authentication",
            ),
            &["reason"],
        )?;
        r.register(Box::new(denied.clone()))?;
        for reason in DENIED_REASONS {
            denied.with_label_values(&[reason]);
        }
        Ok(Arc::new(AuthMetrics { denied }))
    }
}

impl AuthHooks for AuthMetrics {
    fn denied(&self, reason: &'static str) {
        self.denied.with_label_values(&[reason]).inc();
    }
}

/// Who a credential stands for, with what it may do.
#[derive(Debug, Clone)]
pub struct Identity {
    pub caller: Arc<str>,
    pub scopes: Scopes,
    pub share: f64,
    pub accounts: AccountSet,
}

/// An authenticated caller with its scopes, for calls whose scope depends on the
/// RingCentral operation they call (checked with [`Granted::require`]).
#[derive(Debug, Clone)]
pub struct Granted {
    pub caller: Arc<Caller>,
    pub scopes: Scopes,
    pub accounts: AccountSet,
    /// The account of the call, once resolved.
    pub account: Option<Arc<str>>,
}

impl Granted {
    /// The caller, if its scopes allow `required` on the call's account.
    pub fn require(&self, required: Required) -> Result<Arc<Caller>, Denied> {
        if self.scopes.allows_on(required, self.account.as_deref()) {
            Ok(self.caller.clone())
        } else {
            Err(Denied::Scope {
                caller: self.caller.id.clone(),
                scope: required,
            })
        }
    }
}

/// Checks callers against the configured keys, JWT settings and certificates.
pub struct Authenticator {
    table: Arc<scopes::Table>,
    keys: keys::KeyTable,
    jwt: Option<jwt::JwtVerifier>,
    public: Public,
    client_certs: bool,
    /// Nothing configured: every caller is let in (sandbox, `--insecure-no-auth`).
    open: bool,
    hooks: Arc<dyn AuthHooks>,
}

impl Authenticator {
    pub fn new(
        config: &AuthConfig,
        table: Arc<scopes::Table>,
        hooks: Arc<dyn AuthHooks>,
    ) -> Result<Self, String> {
        Ok(Authenticator {
            table,
            keys: config.keys.clone(),
            jwt: config.jwt.as_ref().map(jwt::JwtVerifier::new).transpose()?,
            public: config.public,
            client_certs: config.client_certs,
            open: !config.configured(),
            hooks,
        })
    }

    /// Whether every caller is let in.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The configured API key `presented` is, if any.
    pub fn api_key(&self, presented: &str) -> Option<&keys::ApiKey> {
        self.keys.find(presented)
    }

    /// Whether an API key with this id is configured.
    pub fn has_key_id(&self, id: &str) -> bool {
        self.keys.has_id(id)
    }

    /// The caller, scopes and rate share of a caller JWT; `None` when the gateway
    /// takes no JWTs or `token` is not one.
    pub fn verify_jwt(&self, token: &str) -> Option<Result<Identity, Denied>> {
        let verifier = self.jwt.as_ref().filter(|_| looks_like_jwt(token))?;
        Some(
            verifier
                .verify(token)
                .map(|v| Identity {
                    caller: v.caller,
                    scopes: v.scopes,
                    share: verifier.share,
                    accounts: v.accounts,
                })
                .map_err(|r| match r {
                    jwt::Rejection::Expired => Denied::ExpiredToken,
                    jwt::Rejection::Invalid(why) => Denied::InvalidToken(why),
                }),
        )
    }

    /// Counts and logs a refusal made outside [`Authenticator::check`].
    pub fn refused(&self, denied: &Denied) {
        self.hooks.denied(denied.reason());
        tracing::info!(
            reason = denied.reason(),
            "call refused by caller authentication"
        );
    }

    /// The scope the RPC at `path` needs (`None` for paths no service serves).
    pub fn required_scope(&self, path: &str) -> Option<Required> {
        self.table.required(path)
    }

    /// What the RPC at `path` needs (`None` for paths no service serves).
    pub fn need(&self, path: &str) -> Option<scopes::Need> {
        self.table.need(path)
    }

    /// Authenticates a caller without checking a scope yet: who it is and what it may
    /// do, for a call that learns the scope it needs later.
    pub fn authenticate(
        &self,
        headers: &HeaderMap,
        peer: Option<&PeerCert>,
    ) -> Result<Granted, Denied> {
        let checked = self
            .identify(headers, peer)
            .map(|(caller, scopes, accounts)| Granted {
                caller,
                scopes,
                accounts,
                account: None,
            });
        if let Err(denied) = &checked {
            self.refused(denied);
        }
        checked
    }

    /// Whether a call needing `required` must bring credentials on this gateway.
    pub fn needs_credentials(&self, required: Required) -> bool {
        !self.open && !self.is_public(required)
    }

    fn is_public(&self, required: Required) -> bool {
        match required.domain {
            "health" => self.public.health,
            "reflection" => self.public.reflection,
            "metrics" => self.public.metrics,
            _ => false,
        }
    }

    /// Authenticates the caller of the RPC at `path` (`/package.Service/Method`). A
    /// path no service serves needs no scope: any authenticated caller gets its
    /// UNIMPLEMENTED.
    pub fn check_path(
        &self,
        headers: &HeaderMap,
        peer: Option<&PeerCert>,
        path: &str,
    ) -> Result<Arc<Caller>, Denied> {
        self.check(headers, peer, self.table.required(path))
    }

    /// Authenticates the caller of a call that needs `required` (on no particular
    /// account).
    pub fn check(
        &self,
        headers: &HeaderMap,
        peer: Option<&PeerCert>,
        required: Option<Required>,
    ) -> Result<Arc<Caller>, Denied> {
        self.check_on(headers, peer, required, |_| Ok(None::<&str>))
            .map(|(caller, _)| caller)
    }

    /// Authenticates the caller of a call that needs `required` on the account that
    /// `account` picks for it (from the caller's accounts); a refusal of the account
    /// comes back as [`Checked::Account`].
    pub fn check_on<A>(
        &self,
        headers: &HeaderMap,
        peer: Option<&PeerCert>,
        required: Option<Required>,
        account: impl FnOnce(&Granted) -> Result<Option<A>, AccountDenied>,
    ) -> Result<(Arc<Caller>, Option<A>), Denied>
    where
        A: Named,
    {
        if self.open || required.is_some_and(|r| self.is_public(r)) {
            // A public call with good credentials is still known by them.
            let caller = match (self.open, credential(headers)) {
                (false, Some(_)) => self
                    .identify(headers, peer)
                    .map_or_else(|_| ANONYMOUS.clone(), |(caller, _, _)| caller),
                _ => ANONYMOUS.clone(),
            };
            let granted = Granted {
                caller,
                scopes: Scopes::all(),
                accounts: AccountSet::All,
                account: None,
            };
            let picked = account(&granted).map_err(Denied::Account)?;
            return Ok((granted.caller, picked));
        }
        let checked = self
            .identify(headers, peer)
            .and_then(|(caller, scopes, accounts)| {
                let granted = Granted {
                    caller,
                    scopes,
                    accounts,
                    account: None,
                };
                let picked = account(&granted).map_err(Denied::Account)?;
                if let Some(required) = required
                    && !granted
                        .scopes
                        .allows_on(required, picked.as_ref().map(Named::name))
                {
                    return Err(Denied::Scope {
                        caller: granted.caller.id.clone(),
                        scope: required,
                    });
                }
                Ok((granted.caller, picked))
            });
        if let Err(denied) = &checked {
            self.refused(denied);
        }
        checked
    }

    fn identify(
        &self,
        headers: &HeaderMap,
        peer: Option<&PeerCert>,
    ) -> Result<(Arc<Caller>, Scopes, AccountSet), Denied> {
        if self.open {
            return Ok((ANONYMOUS.clone(), Scopes::all(), AccountSet::All));
        }
        let (id, scopes, share, accounts) = match credential(headers) {
            Some(presented) => {
                if let Some(key) = self.keys.find(presented) {
                    (
                        Arc::from(format!("key:{}", key.id)),
                        key.scopes.clone(),
                        key.share,
                        key.accounts.clone(),
                    )
                } else if let Some(verifier) =
                    self.jwt.as_ref().filter(|_| looks_like_jwt(presented))
                {
                    let verified = verifier.verify(presented).map_err(|r| match r {
                        jwt::Rejection::Expired => Denied::ExpiredToken,
                        jwt::Rejection::Invalid(why) => Denied::InvalidToken(why),
                    })?;
                    (
                        verified.caller,
                        verified.scopes,
                        verifier.share,
                        verified.accounts,
                    )
                } else {
                    return Err(Denied::UnknownKey);
                }
            }
            // Certificates alone are enough only when nothing else is configured.
            None => match peer {
                Some(cert) if self.client_certs && self.keys.is_empty() && self.jwt.is_none() => {
                    (cert.0.clone(), Scopes::all(), 1.0, AccountSet::All)
                }
                _ => return Err(Denied::Missing),
            },
        };
        Ok((Arc::new(Caller { id, share }), scopes, accounts))
    }
}

/// What names the account a call is for (scopes may hold on one account only).
pub trait Named {
    fn name(&self) -> &str;
}

impl Named for &str {
    fn name(&self) -> &str {
        self
    }
}

impl Named for Arc<crate::accounts::Account> {
    fn name(&self) -> &str {
        &self.id
    }
}

/// The credential of a request: `x-api-key`, else a bearer token.
pub fn credential(headers: &HeaderMap) -> Option<&str> {
    if let Some(key) = headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        return Some(key);
    }
    let value = headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

fn looks_like_jwt(token: &str) -> bool {
    token.bytes().filter(|b| *b == b'.').count() == 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use scopes::Access;

    fn auth(keys: &str, client_certs: bool) -> Authenticator {
        let config = AuthConfig {
            keys: keys::KeyTable::parse(keys, 1.0).unwrap(),
            jwt: None,
            public: Public {
                health: true,
                reflection: false,
                metrics: true,
            },
            client_certs,
            insecure_no_auth: false,
        };
        Authenticator::new(&config, Arc::default(), Arc::new(NoHooks)).unwrap()
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    const READ: Option<Required> = Some(Required::new("extensions", Access::Read));
    const WRITE: Option<Required> = Some(Required::new("extensions", Access::Write));

    #[test]
    fn keys_from_either_header_with_their_scopes() {
        let a = auth(
            &format!("id=reader hash={} scopes=extensions:read", keys::hash("k1")),
            false,
        );
        for h in [
            headers(&[("x-api-key", "k1")]),
            headers(&[("authorization", "Bearer k1")]),
            headers(&[("authorization", "bearer  k1 ")]),
        ] {
            assert_eq!(&*a.check(&h, None, READ).unwrap().id, "key:reader");
        }
        let h = headers(&[("x-api-key", "k1")]);
        assert!(matches!(
            a.check(&h, None, WRITE),
            Err(Denied::Scope { .. })
        ));
        assert_eq!(
            a.check(&headers(&[("x-api-key", "k2")]), None, READ)
                .unwrap_err(),
            Denied::UnknownKey
        );
        assert_eq!(
            a.check(&headers(&[]), None, READ).unwrap_err(),
            Denied::Missing
        );
        assert_eq!(
            a.check(&headers(&[("authorization", "Basic azE6")]), None, READ)
                .unwrap_err(),
            Denied::Missing
        );
        // Health is public; reflection is not.
        let health = Some(Required::new("health", Access::Read));
        assert!(a.check(&headers(&[]), None, health).is_ok());
        let reflection = Some(Required::new("reflection", Access::Read));
        assert!(a.check(&headers(&[]), None, reflection).is_err());
    }

    #[test]
    fn certificates_alone_only_without_other_credentials() {
        let cert = PeerCert(Arc::from("cert:0011223344556677"));
        let certs_only = auth("", true);
        assert_eq!(
            &*certs_only
                .check(&headers(&[]), Some(&cert), WRITE)
                .unwrap()
                .id,
            "cert:0011223344556677"
        );
        assert_eq!(
            certs_only.check(&headers(&[]), None, WRITE).unwrap_err(),
            Denied::Missing
        );
        let both = auth(&format!("id=a hash={} scopes=*", keys::hash("k")), true);
        assert_eq!(
            both.check(&headers(&[]), Some(&cert), WRITE).unwrap_err(),
            Denied::Missing
        );
    }

    #[test]
    fn nothing_configured_lets_everyone_in() {
        let open = auth("", false);
        assert!(open.is_open());
        assert_eq!(
            &*open.check(&headers(&[]), None, WRITE).unwrap().id,
            "anonymous"
        );
    }
}
