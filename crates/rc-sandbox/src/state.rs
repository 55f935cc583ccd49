//! One emulated account in memory: data, OAuth sessions and authorization codes,
//! rate-limit windows and counters that tests read. A multi-account sandbox holds one
//! `State` per account and shares nothing between them.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use tokio::time::Instant;

use super::SandboxConfig;
use super::call_logs::Entry as CallLogEntry;
use super::call_queues::QueueSettings;
use super::faults::Faults;
use super::phone_numbers::SandboxNumber;
use super::seed;
use super::throttle::Throttle;
use rc_spec::models::{ExtensionInfo, SiteInfo};
use rc_spec::ops::{self, ThrottleGroup};

/// Everything the sandbox knows.
pub struct State {
    /// The account's sandbox name (`default` for a single-account sandbox): the
    /// `login_hint` of the authorization code flow and the `/_sandbox/accounts/{name}`
    /// of the admin API.
    pub name: String,
    pub config: SandboxConfig,
    pub base_url: String,
    pub account_id: String,
    /// Starts every token and code this account mints, so that the front can route
    /// them back to it (see `accounts.rs`).
    pub(crate) token_prefix: String,
    pub data: Mutex<Data>,
    pub sessions: Mutex<Sessions>,
    pub throttle: Mutex<Throttle>,
    pub counters: Counters,
    pub recorded: Mutex<VecDeque<RecordedRequest>>,
    pub faults: Mutex<Faults>,
    /// App permissions taken away from the sandbox app (all are granted by default).
    pub revoked_permissions: Mutex<std::collections::HashSet<String>>,
    /// Draws injected faults (seeded, so fault tests are repeatable).
    pub rng: Mutex<fastrand::Rng>,
    pub subscriptions: Mutex<BTreeMap<String, super::subscriptions::SandboxSubscription>>,
    pub deliveries: Mutex<VecDeque<super::webhooks::Delivery>>,
    pub webhook_client: reqwest::Client,
    /// Presence sequence numbers per extension.
    pub presence_sequence: AtomicU64,
    /// The IVR prompt library, by id.
    pub prompts: Mutex<BTreeMap<String, super::ivr_prompts::Prompt>>,
    /// Messages the extensions sent (faxes), by id.
    pub messages: Mutex<BTreeMap<i64, super::message_store::StoredMessage>>,
}

/// How many requests the sandbox remembers for `/_sandbox/requests`.
const RECORDED_MAX: usize = 500;

/// Account data.
pub struct Data {
    /// The administrator the default JWT logs in as.
    pub admin_id: i64,
    pub next_id: i64,
    pub extensions: BTreeMap<i64, ExtensionInfo>,
    pub sites: BTreeMap<String, SiteInfo>,
    /// Settings and members of the call queues (Department extensions).
    pub queues: BTreeMap<i64, QueueSettings>,
    pub numbers: Vec<SandboxNumber>,
    /// Newest first.
    pub call_log: Vec<CallLogEntry>,
}

impl Data {
    pub fn new_id(&mut self) -> i64 {
        self.next_id += 1 + (self.next_id % 7);
        self.next_id
    }

    /// Whether an extension number is taken by an extension or a site.
    pub fn number_taken(&self, number: &str, except_extension: Option<i64>) -> bool {
        self.extensions
            .values()
            .any(|e| e.extension_number.as_deref() == Some(number) && e.id != except_extension)
    }
}

/// An issued access token.
pub struct Session {
    pub owner_id: i64,
    pub expires_at: Instant,
    pub session_id: String,
    /// The authorization code the chain of tokens started from (None for the JWT
    /// grant): a replayed code ends every token it led to, refreshed ones included.
    pub code: Option<String>,
}

/// A refresh token; single-use.
pub struct RefreshGrant {
    pub owner_id: i64,
    pub expires_at: Instant,
    pub access_token: String,
    pub code: Option<String>,
}

/// An authorization code (`/restapi/oauth/authorize`), bound to the app, the
/// redirect URI and the PKCE challenge of the request that got it.
pub struct AuthCode {
    pub owner_id: i64,
    pub client_id: String,
    pub redirect_uri: String,
    pub challenge: Option<super::authorize::Challenge>,
    pub expires_at: Instant,
    /// Set by the first exchange: a code is kept until it expires so that a second
    /// one is recognised as a replay.
    pub used: bool,
}

#[derive(Default)]
pub struct Sessions {
    pub access: HashMap<String, Session>,
    pub refresh: HashMap<String, RefreshGrant>,
    pub codes: HashMap<String, AuthCode>,
}

impl Sessions {
    /// Ends every token issued from authorization code `code`.
    pub fn end_code_sessions(&mut self, code: &str) {
        let from_code = |c: &Option<String>| c.as_deref() == Some(code);
        self.access.retain(|_, s| !from_code(&s.code));
        self.refresh.retain(|_, g| !from_code(&g.code));
    }
}

/// Counters that tests read through `/_sandbox/stats`.
#[derive(Default)]
pub struct Counters {
    requests: [AtomicU64; 5],
    throttled: [AtomicU64; 5],
    pub jwt_grants: AtomicU64,
    pub refresh_grants: AtomicU64,
    /// Successful `authorization_code` grants (codes exchanged for tokens).
    pub auth_code_grants: AtomicU64,
    pub by_operation: Mutex<BTreeMap<&'static str, u64>>,
}

fn group_index(group: ThrottleGroup) -> usize {
    match group {
        ThrottleGroup::Light => 0,
        ThrottleGroup::Medium => 1,
        ThrottleGroup::Heavy => 2,
        ThrottleGroup::Auth => 3,
        ThrottleGroup::NoThrottling => 4,
    }
}

impl Counters {
    pub fn request(&self, op: &'static ops::Operation) {
        self.requests[group_index(op.group)].fetch_add(1, Ordering::Relaxed);
        *self
            .by_operation
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(op.id)
            .or_default() += 1;
    }

    pub fn throttled(&self, group: ThrottleGroup) {
        self.throttled[group_index(group)].fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self, state: &State) -> Stats {
        let groups = ThrottleGroup::LIMITED
            .iter()
            .map(|g| {
                let i = group_index(*g);
                let limit = state
                    .throttle
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .limit(*g);
                (
                    g.name(),
                    GroupStats {
                        requests: self.requests[i].load(Ordering::Relaxed),
                        throttled: self.throttled[i].load(Ordering::Relaxed),
                        limit: limit.limit,
                        window_seconds: limit.window.as_secs(),
                        penalty_seconds: limit.penalty.as_secs(),
                    },
                )
            })
            .collect();
        Stats {
            groups,
            operations: self
                .by_operation
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .map(|(k, v)| ((*k).to_owned(), *v))
                .collect(),
            jwt_grants: self.jwt_grants.load(Ordering::Relaxed),
            refresh_grants: self.refresh_grants.load(Ordering::Relaxed),
            auth_code_grants: self.auth_code_grants.load(Ordering::Relaxed),
        }
    }

    pub fn reset(&self) {
        for c in self.requests.iter().chain(&self.throttled) {
            c.store(0, Ordering::Relaxed);
        }
        self.jwt_grants.store(0, Ordering::Relaxed);
        self.refresh_grants.store(0, Ordering::Relaxed);
        self.auth_code_grants.store(0, Ordering::Relaxed);
        self.by_operation
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

/// `/_sandbox/stats`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub groups: BTreeMap<&'static str, GroupStats>,
    pub operations: BTreeMap<String, u64>,
    pub jwt_grants: u64,
    pub refresh_grants: u64,
    pub auth_code_grants: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupStats {
    /// Requests received in this group, rejected ones included.
    pub requests: u64,
    /// 429 answers sent.
    pub throttled: u64,
    pub limit: u32,
    pub window_seconds: u64,
    pub penalty_seconds: u64,
}

/// A request as the sandbox received it (for tests of header propagation).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub operation: Option<&'static str>,
    pub headers: BTreeMap<String, String>,
}

impl State {
    /// The single account of a one-account sandbox, named `default`.
    pub fn new(config: SandboxConfig, base_url: String) -> Self {
        State::for_account("default", 0, config, base_url)
    }

    /// Account number `index` of a sandbox, named `name`. Its account id, extension ids
    /// and seed are derived from `index`, so that accounts differ from each other even
    /// with the same configuration; account 0 is exactly the single-account sandbox's.
    pub fn for_account(name: &str, index: usize, config: SandboxConfig, base_url: String) -> Self {
        let ids = seed::Ids::of_account(index);
        let seed = seed::account_seed(config.seed, index);
        let account_id = ids.account_id.clone();
        let data = seed::account(seed, &base_url, &ids, std::time::SystemTime::now());
        let throttle = Throttle::new(&config);
        State {
            name: name.to_owned(),
            config,
            base_url,
            account_id,
            token_prefix: super::accounts::token_prefix(index),
            data: Mutex::new(data),
            sessions: Mutex::new(Sessions::default()),
            throttle: Mutex::new(throttle),
            counters: Counters::default(),
            recorded: Mutex::new(VecDeque::new()),
            faults: Mutex::new(Faults::default()),
            revoked_permissions: Mutex::new(Default::default()),
            rng: Mutex::new(fastrand::Rng::with_seed(seed)),
            subscriptions: Mutex::default(),
            deliveries: Mutex::default(),
            webhook_client: crate::webhooks::client(),
            presence_sequence: AtomicU64::new(1),
            prompts: Mutex::default(),
            messages: Mutex::default(),
        }
    }

    pub fn data(&self) -> std::sync::MutexGuard<'_, Data> {
        self.data.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn sessions(&self) -> std::sync::MutexGuard<'_, Sessions> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new token or code of this account: its routing prefix and two v4 UUIDs' worth of
    /// randomness, URL-safe (codes travel in a redirect URI's query).
    pub fn mint_token(&self) -> String {
        use base64::Engine;
        let mut bytes = Vec::with_capacity(32);
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        let random = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        format!("{}{random}", self.token_prefix)
    }

    pub fn prompts(
        &self,
    ) -> std::sync::MutexGuard<'_, BTreeMap<String, super::ivr_prompts::Prompt>> {
        self.prompts.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn messages(
        &self,
    ) -> std::sync::MutexGuard<'_, BTreeMap<i64, super::message_store::StoredMessage>> {
        self.messages.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn record(&self, request: RecordedRequest) {
        let mut recorded = self.recorded.lock().unwrap_or_else(|e| e.into_inner());
        if recorded.len() == RECORDED_MAX {
            recorded.pop_front();
        }
        recorded.push_back(request);
    }

    /// The account URI prefix of resources, e.g. `http://host/restapi/v1.0/account/123`.
    pub fn account_uri(&self) -> String {
        format!("{}/restapi/v1.0/account/{}", self.base_url, self.account_id)
    }

    /// Makes every access token expire now (tests of token renewal).
    pub fn expire_access_tokens(&self) {
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        for session in sessions.access.values_mut() {
            session.expires_at = now;
        }
    }
}
