//! The RingCentral operations the gateway and the sandbox use, with the usage-plan
//! group that rc-platform.yml gives each one (`x-throttling-group`).
//!
//! Both sides classify requests from this one table: the gateway to spend the right
//! rate budget, the sandbox to enforce the right limit. `tests/spec_conformance.rs`
//! checks every entry against the spec, so the table cannot drift from it.

use http::Method;

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
    /// The app permission RingCentral requires (`x-app-permission`).
    pub permission: Option<&'static str>,
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

macro_rules! operations {
    ($($name:ident = $id:literal $method:ident $path:literal $group:ident $resource:literal $($permission:literal)?;)*) => {
        $(
            #[doc = concat!("`", stringify!($method), " ", $path, "` (", $id, ")")]
            pub static $name: Operation = Operation {
                id: $id,
                method: Method::$method,
                path: $path,
                group: ThrottleGroup::$group,
                resource: $resource,
                permission: operations!(@permission $($permission)?),
            };
        )*

        /// Every operation in the table.
        pub static ALL: &[&Operation] = &[$(&$name),*];
    };
    (@permission $permission:literal) => { Some($permission) };
    (@permission) => { None };
}

operations! {
    GET_TOKEN = "getToken" POST "/restapi/oauth/token" Auth "oauth";
    REVOKE_TOKEN = "revokeToken" POST "/restapi/oauth/revoke" Auth "oauth";

    LIST_EXTENSIONS = "listExtensions" GET "/restapi/v1.0/account/{accountId}/extension" Medium "extensions" "ReadAccounts";
    CREATE_EXTENSION = "createExtension" POST "/restapi/v1.0/account/{accountId}/extension" Medium "extensions" "EditAccounts";
    READ_EXTENSION = "readExtension" GET "/restapi/v1.0/account/{accountId}/extension/{extensionId}" Light "extensions" "ReadAccounts";
    UPDATE_EXTENSION = "updateExtension" PUT "/restapi/v1.0/account/{accountId}/extension/{extensionId}" Medium "extensions" "EditExtensions";
    DELETE_EXTENSION = "deleteExtension" DELETE "/restapi/v1.0/account/{accountId}/extension/{extensionId}" Medium "extensions" "EditAccounts";

    LIST_SITES = "listSites" GET "/restapi/v1.0/account/{accountId}/sites" Light "sites" "ReadAccounts";
    CREATE_SITE = "createSite" POST "/restapi/v1.0/account/{accountId}/sites" Medium "sites" "EditAccounts";
    READ_SITE = "readSite" GET "/restapi/v1.0/account/{accountId}/sites/{siteId}" Light "sites" "ReadAccounts";
    UPDATE_SITE = "updateSite" PUT "/restapi/v1.0/account/{accountId}/sites/{siteId}" Light "sites" "EditExtensions";
    DELETE_SITE = "deleteSite" DELETE "/restapi/v1.0/account/{accountId}/sites/{siteId}" Light "sites" "EditAccounts";

    LIST_CALL_QUEUES = "listCallQueues" GET "/restapi/v1.0/account/{accountId}/call-queues" Medium "call-queues" "ReadAccounts";
    READ_CALL_QUEUE = "readCallQueueInfo" GET "/restapi/v1.0/account/{accountId}/call-queues/{groupId}" Light "call-queues" "ReadAccounts";
    UPDATE_CALL_QUEUE = "updateCallQueueInfo" PUT "/restapi/v1.0/account/{accountId}/call-queues/{groupId}" Light "call-queues" "EditExtensions";
    LIST_CALL_QUEUE_MEMBERS = "listCallQueueMembers" GET "/restapi/v1.0/account/{accountId}/call-queues/{groupId}/members" Light "call-queues" "ReadAccounts";
    ASSIGN_CALL_QUEUE_MEMBERS = "assignMultipleCallQueueMembers" POST "/restapi/v1.0/account/{accountId}/call-queues/{groupId}/bulk-assign" Heavy "call-queues" "EditExtensions";

    LIST_ACCOUNT_PHONE_NUMBERS = "listAccountPhoneNumbersV2" GET "/restapi/v2/accounts/{accountId}/phone-numbers" Heavy "phone-numbers" "ReadAccounts";
    LIST_EXTENSION_PHONE_NUMBERS = "listExtensionPhoneNumbers" GET "/restapi/v1.0/account/{accountId}/extension/{extensionId}/phone-number" Light "phone-numbers" "ReadAccounts";

    READ_COMPANY_CALL_LOG = "readCompanyCallLog" GET "/restapi/v1.0/account/{accountId}/call-log" Heavy "call-log" "ReadCallLog";
    READ_COMPANY_CALL_RECORD = "readCompanyCallRecord" GET "/restapi/v1.0/account/{accountId}/call-log/{callRecordId}" Heavy "call-log" "ReadCallLog";
    READ_USER_CALL_LOG = "readUserCallLog" GET "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log" Heavy "call-log" "ReadCallLog";

    LIST_SUBSCRIPTIONS = "listSubscriptions" GET "/restapi/v1.0/subscription" Light "subscriptions";
    CREATE_SUBSCRIPTION = "createSubscription" POST "/restapi/v1.0/subscription" Medium "subscriptions";
    READ_SUBSCRIPTION = "readSubscription" GET "/restapi/v1.0/subscription/{subscriptionId}" Light "subscriptions";
    UPDATE_SUBSCRIPTION = "updateSubscription" PUT "/restapi/v1.0/subscription/{subscriptionId}" Medium "subscriptions";
    DELETE_SUBSCRIPTION = "deleteSubscription" DELETE "/restapi/v1.0/subscription/{subscriptionId}" Medium "subscriptions";
    RENEW_SUBSCRIPTION = "renewSubscription" POST "/restapi/v1.0/subscription/{subscriptionId}/renew" Light "subscriptions";

    // Partner-only, absent from the public spec (API-NOTES §2.6): app permission
    // NumberLookup, usage plan group Medium, parameters in the query string.
    NUMBER_POOL_LOOKUP = "numberPoolLookup" POST "/restapi/v1.0/number-pool/lookup" Medium "number-pool" "NumberLookup";
}

/// Operations that RingCentral grants only to partner apps and leaves out of the
/// public spec.
pub static PARTNER_ONLY: &[&Operation] = &[&NUMBER_POOL_LOOKUP];

/// The operation with this method and spec path template.
pub fn find(method: &Method, path: &str) -> Option<&'static Operation> {
    ALL.iter()
        .copied()
        .find(|op| op.method == *method && op.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
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
    fn groups_parse_case_insensitively() {
        assert_eq!(ThrottleGroup::parse("light"), Some(ThrottleGroup::Light));
        assert_eq!(ThrottleGroup::parse("HEAVY"), Some(ThrottleGroup::Heavy));
        assert_eq!(ThrottleGroup::parse("other"), None);
    }
}
