//! Scopes: what a caller may do, per telephony domain and access (read or write).
//!
//! A scope is `<domain>:<access>`, with `*` for any domain or access: `extensions:read`,
//! `events:read`, `call_queues:write`, `sites:*`, `*:read`, `*`. Write does not imply
//! read. Each RPC needs one scope: its service's domain, and `read` when its HTTP
//! binding is a GET (`write` otherwise), so a new RPC is covered without a table edit.

use std::collections::HashMap;
use std::fmt;

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
}

impl fmt::Display for Required {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.domain, self.access.name())
    }
}

/// The domain of each gateway service; `metrics` is the sidecar's `/metrics`.
pub const DOMAINS: &[(&str, &str)] = &[
    ("rcgateway.v1.ExtensionService", "extensions"),
    ("rcgateway.v1.UserService", "users"),
    ("rcgateway.v1.SiteService", "sites"),
    ("rcgateway.v1.CallQueueService", "call_queues"),
    ("rcgateway.v1.PhoneNumberService", "phone_numbers"),
    ("rcgateway.v1.CallLogService", "call_logs"),
    ("rcgateway.v1.SubscriptionService", "subscriptions"),
    ("rcgateway.v1.EventService", "events"),
    ("rcgateway.v1.HealthService", "health"),
    ("grpc.health.v1.Health", "health"),
    ("grpc.reflection.v1.ServerReflection", "reflection"),
    ("grpc.reflection.v1alpha.ServerReflection", "reflection"),
];

/// Every domain name a scope may use.
pub fn domain_names() -> impl Iterator<Item = &'static str> {
    let mut names: Vec<&'static str> = DOMAINS.iter().map(|(_, d)| *d).collect();
    names.push("metrics");
    names.sort_unstable();
    names.dedup();
    names.into_iter()
}

/// One granted scope.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Grant {
    /// `None`: any domain.
    domain: Option<String>,
    /// `None`: read and write.
    access: Option<Access>,
}

/// The scopes granted to a caller.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scopes(Vec<Grant>);

impl Scopes {
    /// Every scope.
    pub fn all() -> Self {
        Scopes(vec![Grant {
            domain: None,
            access: None,
        }])
    }

    /// Parses scopes separated by commas or spaces (the OAuth `scope` claim uses
    /// spaces). Unknown domains are errors: a typo must not silently grant nothing.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut grants = Vec::new();
        for item in text.split([',', ' ']).filter(|s| !s.is_empty()) {
            grants.push(Self::grant(item)?);
        }
        Ok(Scopes(grants))
    }

    /// Like [`Scopes::parse`], but skips what it does not know (scopes of a JWT may
    /// be meant for other services).
    pub fn parse_lenient(text: &str) -> Self {
        Scopes(
            text.split([',', ' '])
                .filter_map(|item| Self::grant(item).ok())
                .collect(),
        )
    }

    fn grant(item: &str) -> Result<Grant, String> {
        if item == "*" {
            return Ok(Grant {
                domain: None,
                access: None,
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
        Ok(Grant { domain, access })
    }

    pub fn allows(&self, required: Required) -> bool {
        self.0.iter().any(|g| {
            g.domain.as_deref().is_none_or(|d| d == required.domain)
                && g.access.is_none_or(|a| a == required.access)
        })
    }
}

/// The scope each RPC path (`/package.Service/Method`) needs, built once at start.
#[derive(Debug, Clone, Default)]
pub struct Table(HashMap<String, Required>);

impl Table {
    /// Reads every RPC of `pool` with a known service: its domain from [`DOMAINS`], its
    /// access from its first HTTP binding (GET is read). An RPC of ours without a
    /// binding needs write (and is audited): a gRPC-only mutation added later must not
    /// slip through as a read. Health and reflection are read.
    pub fn build(pool: &prost_reflect::DescriptorPool) -> Result<Self, String> {
        let routes = crate::transcode::rules::load(pool, crate::proto::PACKAGE)?;
        let mut table = HashMap::new();
        for (service_name, domain) in DOMAINS {
            let Some(service) = pool.get_service_by_name(service_name) else {
                // Health and reflection protos are not in the gateway's pool.
                for method in ["Check", "Watch", "ServerReflectionInfo"] {
                    table.insert(
                        format!("/{service_name}/{method}"),
                        Required {
                            domain,
                            access: Access::Read,
                        },
                    );
                }
                continue;
            };
            for method in service.methods() {
                let get = routes
                    .iter()
                    .find(|r| r.rpc.full_name() == method.full_name())
                    .is_some_and(|r| r.method == http::Method::GET);
                table.insert(
                    format!("/{}/{}", service.full_name(), method.name()),
                    Required {
                        domain,
                        access: if get { Access::Read } else { Access::Write },
                    },
                );
            }
        }
        Ok(Table(table))
    }

    /// The scope `path` needs; `None` for paths no service serves.
    pub fn required(&self, path: &str) -> Option<Required> {
        self.0.get(path).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, Required)> {
        self.0.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(domain: &'static str, access: Access) -> Required {
        Required { domain, access }
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
    fn typos_are_errors_but_foreign_jwt_scopes_are_skipped() {
        assert!(Scopes::parse("extension:read").is_err());
        assert!(Scopes::parse("extensions:delete").is_err());
        assert!(Scopes::parse("extensions").is_err());
        let s = Scopes::parse_lenient("openid profile extensions:write");
        assert!(s.allows(req("extensions", Access::Write)));
        assert!(!s.allows(req("extensions", Access::Read)));
    }

    #[test]
    fn every_rpc_needs_a_scope_and_gets_read_from_get() {
        let table = Table::build(crate::proto::pool()).unwrap();
        for service in crate::proto::pool()
            .services()
            .filter(|s| s.package_name() == crate::proto::PACKAGE)
        {
            for method in service.methods() {
                let path = format!("/{}/{}", service.full_name(), method.name());
                assert!(table.required(&path).is_some(), "{path} has no scope");
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
}
