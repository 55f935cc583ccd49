//! Scopes: what a caller may do, per telephony domain and access (read or write).
//!
//! A scope is `<domain>:<access>`, with `*` for any domain or access: `extensions:read`,
//! `events:read`, `call_queues:write`, `sites:*`, `*:read`, `*`. Write does not imply
//! read. Each RPC of the gateway declares the one scope it needs, beside its
//! definition (`option (rcgateway.v1.scope) = "extensions:read"`); an RPC without one
//! stops the gateway at start. The RPCs that call any RingCentral operation declare
//! `per-operation`: they need the scope of the operation they call.
//!
//! RingCentral's operations (the compatible endpoint, `PlatformService`) need their
//! resource family's scope (`extensions:write` for `deleteExtension`), or a grant of
//! the one operation by its operationId in RingCentral's spec: `op:deleteExtension`.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Read or write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    Read,
    Write,
}

impl Access {
    pub fn name(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
        }
    }
}

/// The scope an RPC needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Required {
    pub domain: &'static str,
    pub access: Access,
    /// For a RingCentral operation, its operationId, which may be granted alone.
    pub operation: Option<&'static str>,
}

impl Required {
    pub const fn new(domain: &'static str, access: Access) -> Self {
        Required {
            domain,
            access,
            operation: None,
        }
    }
}

impl fmt::Display for Required {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.domain, self.access.name())?;
        if let Some(op) = self.operation {
            write!(f, " or {OPERATION_PREFIX}{op}")?;
        }
        Ok(())
    }
}

/// The prefix of a grant of one RingCentral operation: `op:<operationId>`.
pub const OPERATION_PREFIX: &str = "op:";

/// The scope RPCs declare when what they need depends on the operation they call.
pub const PER_OPERATION: &str = "per-operation";

/// Domains outside the gateway's own RPCs: grpc.health.v1, reflection, `/metrics`
/// (and, below, the resource families of RingCentral's operations).
const OTHER_DOMAINS: &[&str] = &["health", "reflection", "metrics"];

/// Every domain name a scope may use: those the RPCs declare, and the others.
pub fn domain_names() -> impl Iterator<Item = &'static str> {
    static NAMES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        let mut names: Vec<&'static str> = OTHER_DOMAINS.to_vec();
        // The families of RingCentral's operations, for the compatible endpoint.
        names.extend(rc_spec::ops::all().map(|op| op.scope));
        if let Ok(table) = Table::get() {
            names.extend(table.0.values().filter_map(|n| match n {
                Need::Scope(r) => Some(r.domain),
                Need::PerOperation => None,
            }));
        }
        names.sort_unstable();
        names.dedup();
        names
    });
    NAMES.iter().copied()
}

/// One granted scope.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Grant {
    Scope {
        /// `None`: any domain.
        domain: Option<String>,
        /// `None`: read and write.
        access: Option<Access>,
    },
    /// One RingCentral operation, by operationId.
    Operation(&'static str),
}

/// The scopes granted to a caller. A scope may be limited to one account
/// (`extensions:write@acme`); without one it holds on every account the caller uses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scopes(Vec<(Grant, Option<Arc<str>>)>);

impl fmt::Display for Scopes {
    /// The scopes as [`Scopes::parse`] reads them, separated by spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (g, account)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            match g {
                Grant::Scope {
                    domain: None,
                    access: None,
                } => f.write_str("*")?,
                Grant::Scope { domain, access } => write!(
                    f,
                    "{}:{}",
                    domain.as_deref().unwrap_or("*"),
                    access.map_or("*", Access::name)
                )?,
                Grant::Operation(id) => write!(f, "{OPERATION_PREFIX}{id}")?,
            }
            if let Some(account) = account {
                write!(f, "@{account}")?;
            }
        }
        Ok(())
    }
}

impl Scopes {
    /// Every scope.
    pub fn all() -> Self {
        Scopes(vec![(
            Grant::Scope {
                domain: None,
                access: None,
            },
            None,
        )])
    }

    /// Parses scopes separated by commas or spaces (the OAuth `scope` claim uses
    /// spaces). Unknown domains are errors: a typo must not silently grant nothing.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut grants = Vec::new();
        for item in text.split([',', ' ']).filter(|s| !s.is_empty()) {
            grants.push(Self::scoped(item)?);
        }
        Ok(Scopes(grants))
    }

    /// Like [`Scopes::parse`], but skips what it does not know (scopes of a JWT may
    /// be meant for other services).
    pub fn parse_lenient(text: &str) -> Self {
        Scopes(
            text.split([',', ' '])
                .filter_map(|item| Self::scoped(item).ok())
                .collect(),
        )
    }

    fn scoped(item: &str) -> Result<(Grant, Option<Arc<str>>), String> {
        match item.rsplit_once('@') {
            Some((grant, account)) => {
                crate::accounts::name::check(account)
                    .map_err(|m| format!("scope {item:?}: {m}"))?;
                Ok((Self::grant(grant)?, Some(Arc::from(account))))
            }
            None => Ok((Self::grant(item)?, None)),
        }
    }

    fn grant(item: &str) -> Result<Grant, String> {
        if item == "*" {
            return Ok(Grant::Scope {
                domain: None,
                access: None,
            });
        }
        if let Some(id) = item.strip_prefix(OPERATION_PREFIX) {
            return rc_spec::ops::by_id(id)
                .map(|op| Grant::Operation(op.id))
                .ok_or_else(|| {
                    format!("scope {item:?}: {id:?} is no operationId of RingCentral's API")
                });
        }
        let (domain, access) = item
            .split_once(':')
            .ok_or_else(|| format!("scope {item:?} is not <domain>:<read|write|*>"))?;
        let access = match access {
            "read" => Some(Access::Read),
            "write" => Some(Access::Write),
            "*" => None,
            other => return Err(format!("scope {item:?}: {other:?} is not read, write or *")),
        };
        let domain = match domain {
            "*" => None,
            d if domain_names().any(|known| known == d) => Some(d.to_owned()),
            d => {
                return Err(format!(
                    "scope {item:?}: unknown domain {d:?} (one of {})",
                    domain_names().collect::<Vec<_>>().join(", ")
                ));
            }
        };
        Ok(Grant::Scope { domain, access })
    }

    /// Whether the scopes allow `required` whatever the account (calls that are for
    /// no account: administration, health).
    pub fn allows(&self, required: Required) -> bool {
        self.allows_on(required, None)
    }

    /// Whether the scopes allow `required` on `account`.
    pub fn allows_on(&self, required: Required, account: Option<&str>) -> bool {
        self.0.iter().any(|(g, only)| {
            only.as_deref().is_none_or(|o| Some(o) == account)
                && match g {
                    Grant::Scope { domain, access } => {
                        domain.as_deref().is_none_or(|d| d == required.domain)
                            && access.is_none_or(|a| a == required.access)
                    }
                    Grant::Operation(id) => required.operation == Some(*id),
                }
        })
    }
}

/// What an RPC needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Scope(Required),
    /// The scope of the RingCentral operation it calls, checked by the RPC itself
    /// once it knows the operation.
    PerOperation,
}

/// The scope each RPC path (`/package.Service/Method`) needs, built once at start.
#[derive(Debug, Clone, Default)]
pub struct Table(HashMap<String, Need>);

impl Table {
    /// The gateway's table, read once per process from its (static) descriptor set.
    pub fn get() -> Result<&'static Table, String> {
        static TABLE: std::sync::LazyLock<Result<Table, String>> =
            std::sync::LazyLock::new(|| Table::build(crate::proto::pool()));
        TABLE.as_ref().map_err(Clone::clone)
    }

    /// Reads the scope every RPC of the gateway's package declares; health and
    /// reflection need `health:read` and `reflection:read`.
    pub fn build(pool: &prost_reflect::DescriptorPool) -> Result<Self, String> {
        let option = pool
            .get_extension_by_name("rcgateway.v1.scope")
            .ok_or("rcgateway.v1.scope is not in the descriptor set")?;
        let mut table = HashMap::new();
        for service in pool
            .services()
            .filter(|s| s.package_name() == crate::proto::PACKAGE)
        {
            for method in service.methods() {
                let options = method.options();
                let declared = options
                    .has_extension(&option)
                    .then(|| options.get_extension(&option).as_str().map(str::to_owned))
                    .flatten()
                    .ok_or_else(|| format!("{} declares no scope", method.full_name()))?;
                let need = if declared == PER_OPERATION {
                    Need::PerOperation
                } else {
                    Need::Scope(declared_scope(method.full_name(), &declared)?)
                };
                table.insert(format!("/{}/{}", service.full_name(), method.name()), need);
            }
        }
        for (path, domain) in [
            ("/grpc.health.v1.Health/Check", "health"),
            ("/grpc.health.v1.Health/Watch", "health"),
            (
                "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                "reflection",
            ),
            (
                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                "reflection",
            ),
        ] {
            table.insert(
                path.to_owned(),
                Need::Scope(Required::new(domain, Access::Read)),
            );
        }
        Ok(Table(table))
    }

    /// What `path` needs; `None` for paths no service serves.
    pub fn need(&self, path: &str) -> Option<Need> {
        self.0.get(path).copied()
    }

    /// The scope `path` needs; `None` for paths no service serves and for those that
    /// need their operation's.
    pub fn required(&self, path: &str) -> Option<Required> {
        match self.need(path)? {
            Need::Scope(required) => Some(required),
            Need::PerOperation => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, Need)> {
        self.0.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// A declared `<domain>:<read|write>`.
fn declared_scope(rpc: &str, text: &str) -> Result<Required, String> {
    let (domain, access) = text
        .split_once(':')
        .ok_or_else(|| format!("{rpc}: scope {text:?} is not <domain>:<read|write>"))?;
    let access = match access {
        "read" => Access::Read,
        "write" => Access::Write,
        other => {
            return Err(format!(
                "{rpc}: scope {text:?}: {other:?} is not read or write"
            ));
        }
    };
    Ok(Required::new(intern(domain), access))
}

/// A domain name for the life of the process: the few the protos declare, kept once.
fn intern(name: &str) -> &'static str {
    static NAMES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = names.iter().find(|n| **n == name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.push(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(domain: &'static str, access: Access) -> Required {
        Required::new(domain, access)
    }

    #[test]
    fn scopes_print_as_they_parse() {
        for text in ["*", "extensions:read sites:*", "*:read call_queues:write"] {
            assert_eq!(Scopes::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn grants_match_domain_and_access() {
        let s = Scopes::parse("extensions:read, events:read sites:*").unwrap();
        assert!(s.allows(req("extensions", Access::Read)));
        assert!(!s.allows(req("extensions", Access::Write)));
        assert!(s.allows(req("sites", Access::Write)));
        assert!(!s.allows(req("users", Access::Read)));
        let readonly = Scopes::parse("*:read").unwrap();
        assert!(readonly.allows(req("call_logs", Access::Read)));
        assert!(!readonly.allows(req("call_logs", Access::Write)));
        assert!(Scopes::all().allows(req("subscriptions", Access::Write)));
        assert!(!Scopes::default().allows(req("health", Access::Read)));
    }

    #[test]
    fn one_operation_may_be_granted_by_its_id() {
        let s = Scopes::parse("op:deleteExtension sites:read").unwrap();
        assert_eq!(s.to_string(), "op:deleteExtension sites:read");
        let delete = Required {
            operation: Some("deleteExtension"),
            ..req("extensions", Access::Write)
        };
        let update = Required {
            operation: Some("updateExtension"),
            ..req("extensions", Access::Write)
        };
        assert!(s.allows(delete));
        assert!(!s.allows(update));
        assert!(!s.allows(req("extensions", Access::Write)));
        assert_eq!(delete.to_string(), "extensions:write or op:deleteExtension");
        assert!(Scopes::parse("op:deleteExtensions").is_err());
    }

    #[test]
    fn typos_are_errors_but_foreign_jwt_scopes_are_skipped() {
        assert!(Scopes::parse("extension:read").is_err());
        assert!(Scopes::parse("extensions:delete").is_err());
        assert!(Scopes::parse("extensions").is_err());
        let s = Scopes::parse_lenient("openid profile extensions:write");
        assert!(s.allows(req("extensions", Access::Write)));
        assert!(!s.allows(req("extensions", Access::Read)));
    }

    #[test]
    fn every_rpc_declares_its_scope() {
        let table = Table::build(crate::proto::pool()).unwrap();
        for service in crate::proto::pool()
            .services()
            .filter(|s| s.package_name() == crate::proto::PACKAGE)
        {
            for method in service.methods() {
                let path = format!("/{}/{}", service.full_name(), method.name());
                assert!(table.need(&path).is_some(), "{path} has no scope");
            }
        }
        let need = |p: &str| table.required(p).unwrap().to_string();
        assert_eq!(
            need("/rcgateway.v1.ExtensionService/GetExtension"),
            "extensions:read"
        );
        assert_eq!(
            need("/rcgateway.v1.ExtensionService/CreateExtension"),
            "extensions:write"
        );
        assert_eq!(
            need("/rcgateway.v1.CallQueueService/UpdateCallQueueMembers"),
            "call_queues:write"
        );
        assert_eq!(
            need("/rcgateway.v1.EventService/WatchEvents"),
            "events:read"
        );
        assert_eq!(
            need("/rcgateway.v1.PhoneNumberService/SearchAvailablePhoneNumbers"),
            "phone_numbers:read"
        );
        assert_eq!(need("/grpc.health.v1.Health/Check"), "health:read");
        assert!(table.required("/nope.Service/Method").is_none());
    }

    #[test]
    fn scopes_may_hold_on_one_account_only() {
        let s = Scopes::parse("extensions:read,extensions:write@acme").unwrap();
        let write = Required::new("extensions", Access::Write);
        let read = Required::new("extensions", Access::Read);
        assert!(s.allows_on(write, Some("acme")));
        assert!(!s.allows_on(write, Some("globex")));
        assert!(!s.allows(write));
        assert!(s.allows_on(read, Some("globex")));
        assert_eq!(s.to_string(), "extensions:read extensions:write@acme");
        assert_eq!(Scopes::parse(&s.to_string()).unwrap(), s);
        assert!(Scopes::parse("extensions:read@Acme").is_err());
        assert!(Scopes::parse("nothing:read@acme").is_err());
    }
}
