//! Every RingCentral operation, with what the spec (`spec/rc-platform.yml`) says of it:
//! method, path template, usage-plan group (`x-throttling-group`), app and user
//! permissions, request media types and body size limit.
//!
//! Both sides classify requests from this one table: the gateway to spend the right
//! rate budget, the sandbox to enforce the right limit. The table is generated from
//! the spec (`generated.rs`, held in sync by `tests/operation_table.rs`); the typed
//! domains name the operations they use by their operationId (`READ_EXTENSION`), a
//! few by a shorter name below.

use std::collections::HashMap;
use std::sync::LazyLock;

use http::Method;

#[rustfmt::skip]
mod generated;
mod route;

pub use generated::*;
pub use route::{Routed, route};

/// A RingCentral usage-plan group ("API group"), each with its own rate limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ThrottleGroup {
    Light,
    Medium,
    Heavy,
    Auth,
    NoThrottling,
}

impl ThrottleGroup {
    /// Groups that have a limit.
    pub const LIMITED: [ThrottleGroup; 4] = [
        ThrottleGroup::Light,
        ThrottleGroup::Medium,
        ThrottleGroup::Heavy,
        ThrottleGroup::Auth,
    ];

    /// The name RingCentral uses (`x-throttling-group`, `X-Rate-Limit-Group`).
    pub const fn name(self) -> &'static str {
        match self {
            ThrottleGroup::Light => "Light",
            ThrottleGroup::Medium => "Medium",
            ThrottleGroup::Heavy => "Heavy",
            ThrottleGroup::Auth => "Auth",
            ThrottleGroup::NoThrottling => "NoThrottling",
        }
    }

    /// Parses a group name, ignoring case (the live API sends e.g. `light`).
    pub fn parse(name: &str) -> Option<Self> {
        [
            ThrottleGroup::Light,
            ThrottleGroup::Medium,
            ThrottleGroup::Heavy,
            ThrottleGroup::Auth,
            ThrottleGroup::NoThrottling,
        ]
        .into_iter()
        .find(|g| g.name().eq_ignore_ascii_case(name))
    }

    /// RingCentral's default limit per 60 s window (rate-limits.md).
    pub const fn default_limit(self) -> u32 {
        match self {
            ThrottleGroup::Light => 50,
            ThrottleGroup::Medium => 40,
            ThrottleGroup::Heavy => 10,
            ThrottleGroup::Auth => 5,
            ThrottleGroup::NoThrottling => u32::MAX,
        }
    }
}

impl std::fmt::Display for ThrottleGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One RingCentral REST operation.
#[derive(Debug)]
pub struct Operation {
    /// The spec's operationId.
    pub id: &'static str,
    pub method: Method,
    /// The spec's path template, e.g. `/restapi/v1.0/account/{accountId}/extension`.
    pub path: &'static str,
    pub group: ThrottleGroup,
    /// The resource family the operation reads or changes (cache keys and
    /// invalidation).
    pub resource: &'static str,
    /// The scope domain a caller needs to call it through the gateway: the resource
    /// family in the spelling of scopes (`call_queues`), with access `read` for
    /// GET and HEAD, `write` for the rest.
    pub scope: &'static str,
    /// The app permission RingCentral requires (`x-app-permission`).
    pub permission: Option<&'static str>,
    /// The user permission RingCentral requires (`x-user-permission`).
    pub user_permission: Option<&'static str>,
    /// The media types the request body may have; empty when it takes none.
    pub request_media: &'static [&'static str],
    /// The largest request body RingCentral accepts (`x-request-max-body-size`).
    pub max_body: Option<u64>,
    /// Whether its success answer is never JSON (audio, images, documents, CSV): such
    /// answers are streamed to the caller, never cached or held whole.
    pub binary_answer: bool,
    /// Whether RingCentral serves it from its media server (`x-media-api`): binary
    /// content such as recordings and attachments.
    pub media_server: bool,
    pub deprecated: bool,
}

impl Operation {
    /// Whether repeating the operation cannot change the outcome (RFC 9110 §9.2.2).
    pub fn idempotent(&self) -> bool {
        matches!(
            self.method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        )
    }
}

// The typed domains' names for operations whose operationId is longer.
pub use generated::{
    ASSIGN_MULTIPLE_CALL_QUEUE_MEMBERS as ASSIGN_CALL_QUEUE_MEMBERS,
    LIST_ACCOUNT_PHONE_NUMBERS_V2 as LIST_ACCOUNT_PHONE_NUMBERS,
    READ_CALL_QUEUE_INFO as READ_CALL_QUEUE, UPDATE_CALL_QUEUE_INFO as UPDATE_CALL_QUEUE,
};

/// Partner-only, absent from the public spec (API-NOTES §2.6): app permission
/// NumberLookup, usage plan group Medium, parameters in the query string.
pub static NUMBER_POOL_LOOKUP: Operation = Operation {
    id: "numberPoolLookup",
    method: Method::POST,
    path: "/restapi/v1.0/number-pool/lookup",
    group: ThrottleGroup::Medium,
    resource: "number-pool",
    scope: "number_pool",
    permission: Some("NumberLookup"),
    user_permission: None,
    request_media: &[],
    max_body: None,
    binary_answer: false,
    media_server: false,
    deprecated: false,
};

/// Operations that RingCentral grants only to partner apps and leaves out of the
/// public spec.
pub static PARTNER_ONLY: &[&Operation] = &[&NUMBER_POOL_LOOKUP];

/// Every operation: the spec's, then the partner-only ones.
pub fn all() -> impl Iterator<Item = &'static Operation> {
    SPEC.iter().chain(PARTNER_ONLY).copied()
}

static BY_ROUTE: LazyLock<HashMap<(&'static str, &'static str), &'static Operation>> =
    LazyLock::new(|| {
        all()
            .map(|op| ((op.method.as_str(), op.path), op))
            .collect()
    });

/// The operation with this method and spec path template.
pub fn find(method: &Method, path: &str) -> Option<&'static Operation> {
    BY_ROUTE.get(&(method.as_str(), path)).copied()
}

static BY_ID: LazyLock<HashMap<&'static str, &'static Operation>> =
    LazyLock::new(|| all().map(|op| (op.id, op)).collect());

/// The operation with this operationId.
pub fn by_id(id: &str) -> Option<&'static Operation> {
    BY_ID.get(id).copied()
}

/// The names of an operation's path parameters, in order.
pub fn path_params(op: &Operation) -> impl Iterator<Item = &'static str> {
    op.path
        .split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_are_found_by_id_with_their_parameters() {
        let op = by_id("readExtension").unwrap();
        assert_eq!(op.path, READ_EXTENSION.path);
        assert_eq!(
            path_params(op).collect::<Vec<_>>(),
            ["accountId", "extensionId"]
        );
        assert!(by_id("nope").is_none());
    }

    #[test]
    fn operations_are_unique() {
        let all: Vec<_> = all().collect();
        assert_eq!(all.len(), 521);
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(a.id != b.id, "{} twice", a.id);
                assert!(
                    !(a.method == b.method && a.path == b.path),
                    "{} {} twice",
                    a.method,
                    a.path
                );
            }
        }
    }

    #[test]
    fn operations_are_found_by_method_and_template() {
        let op = find(
            &Method::GET,
            "/restapi/v1.0/account/{accountId}/extension/{extensionId}",
        );
        assert_eq!(op.map(|op| op.id), Some("readExtension"));
        assert!(find(&Method::PATCH, READ_EXTENSION.path).is_none());
        assert_eq!(
            find(&Method::POST, NUMBER_POOL_LOOKUP.path).map(|op| op.id),
            Some("numberPoolLookup")
        );
    }

    #[test]
    fn groups_parse_case_insensitively() {
        assert_eq!(ThrottleGroup::parse("light"), Some(ThrottleGroup::Light));
        assert_eq!(ThrottleGroup::parse("HEAVY"), Some(ThrottleGroup::Heavy));
        assert_eq!(ThrottleGroup::parse("other"), None);
    }
}
