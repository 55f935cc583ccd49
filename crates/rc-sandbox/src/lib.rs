//! A RingCentral look-alike for development and tests: the same paths, JSON shapes,
//! paging envelope, error bodies, OAuth token lifecycle and per-group rate limits
//! (with headers and the 429 penalty) as the real Platform API, over deterministic
//! seeded data. It follows rc-platform.yml; `tests/spec_conformance.rs` checks its
//! answers against the spec's schemas.
//!
//! Tests and operators drive it through a small admin API under `/_sandbox/`.
//!
//! # Accounts
//!
//! One server can emulate several RingCentral accounts ([`start_accounts`]; [`start`]
//! serves one, named `default`). Each account is a [`State`] of its own: its app and
//! JWTs, seeded data (its own account id and extension ids, data drawn from a seed
//! derived from the configured one and the account's position, the first account's
//! being exactly a single-account sandbox's), sessions and authorization codes, rate
//! limits and windows, faults, subscriptions and webhook deliveries, counters.
//! Nothing is shared, not even the app: accounts may have the same client id and
//! secret, as the customers of one public RingCentral app do. A front routes each
//! request to its account by the routing prefix of its token or code, the JWT of a
//! JWT grant, or the `login_hint` of an authorization request (`accounts.rs`).
//!
//! The admin API of account `name` is `/_sandbox/accounts/{name}/...` (the same
//! routes as `/_sandbox/...`, which stays the first account's); `GET
//! /_sandbox/accounts` lists the accounts, `GET /_sandbox/accounts/{name}` one.
//!
//! # Logging in
//!
//! The token endpoint takes the JWT grant (a JWT of the account's `jwts`), the
//! refresh grant, and the authorization code grant with or without PKCE, whose code
//! `GET`/`POST /restapi/oauth/authorize` issues without a login page: the user logs
//! into the account named by `login_hint` (`authorize.rs`, `oauth.rs`). All of them log
//! in as the account's administrator.

mod accounts;
mod admin;
mod authorize;
mod call_logs;
mod call_queues;
mod errors;
mod events;
mod extensions;
mod faults;
mod fax;
mod gate;
mod ivr_prompts;
mod message_store;
mod multipart;
mod oauth;
mod paging;
mod phone_numbers;
mod query;
mod seed;
mod sites;
mod state;
mod subscriptions;
mod throttle;
mod uploads;
mod webhooks;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::{get, post};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use faults::{ErrorFault, Faults};
pub use state::State;

use rc_spec::ops::{self, ThrottleGroup};

/// The sandbox's default app: documented in README so any RingCentral client can log in.
pub const DEFAULT_CLIENT_ID: &str = "rcgw-sandbox-client-id";
/// The sandbox's default app secret.
pub const DEFAULT_CLIENT_SECRET: &str = "rcgw-sandbox-client-secret";
/// The sandbox's default user credential (a JWT in RingCentral's format; it logs in as
/// the account's administrator, extension 101).
pub const DEFAULT_JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL3BsYXRmb3JtLnJpbmdjZW50cmFsLmNvbS9yZXN0YXBpL29hdXRoL3Rva2VuIiwiaXNzIjoicmMtZ2F0ZXdheS1zYW5kYm94Iiwic3ViIjoic2FuZGJveC1hZG1pbiIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjo0MTAyNDQ0ODAwLCJqdGkiOiJyYy1nYXRld2F5LXNhbmRib3gtZGVmYXVsdC11c2VyIn0.cmMtZ2F0ZXdheSBzYW5kYm94IGNyZWRlbnRpYWwsIG5vdCBhIHNlY3JldA";

/// Rate limit of one usage-plan group.
#[derive(Clone, Copy, Debug)]
pub struct GroupLimit {
    pub limit: u32,
    pub window: Duration,
    pub penalty: Duration,
}

/// Sandbox settings.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    pub client_id: String,
    pub client_secret: String,
    /// Accepted user JWTs; each logs in as the administrator extension.
    pub jwts: Vec<String>,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    /// Whether the per-group rate limits are enforced.
    pub throttling: bool,
    pub limits: [(ThrottleGroup, GroupLimit); 4],
    /// Seed of the generated account data.
    pub seed: u64,
    /// Sign notifications with this secret (`X-Webhook-Signature`), as a signing relay
    /// in front of the gateway would.
    pub webhook_signing_secret: Option<String>,
    /// The app's registered redirect URIs for the authorization code flow; empty
    /// accepts any absolute http(s) URI.
    pub redirect_uris: Vec<String>,
    /// How long an authorization code can be exchanged.
    pub authorization_code_ttl: Duration,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        let limit = |group: ThrottleGroup| {
            (
                group,
                GroupLimit {
                    limit: group.default_limit(),
                    window: Duration::from_secs(60),
                    penalty: Duration::from_secs(60),
                },
            )
        };
        SandboxConfig {
            client_id: DEFAULT_CLIENT_ID.to_owned(),
            client_secret: DEFAULT_CLIENT_SECRET.to_owned(),
            jwts: vec![DEFAULT_JWT.to_owned()],
            access_token_ttl: Duration::from_secs(3600),
            refresh_token_ttl: Duration::from_secs(604_800),
            throttling: true,
            limits: ThrottleGroup::LIMITED.map(limit),
            seed: 20_240_101,
            webhook_signing_secret: None,
            redirect_uris: Vec::new(),
            authorization_code_ttl: Duration::from_secs(60),
        }
    }
}

/// A running sandbox.
pub struct RunningSandbox {
    pub addr: SocketAddr,
    /// The first account (the only one of a [`start`]ed sandbox).
    pub state: Arc<State>,
    accounts: Vec<Arc<State>>,
    shutdown: CancellationToken,
    task: tokio::task::JoinHandle<()>,
}

impl RunningSandbox {
    /// Its base URL, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The account named `name`.
    pub fn account(&self, name: &str) -> Option<&Arc<State>> {
        self.accounts.iter().find(|s| s.name == name)
    }

    /// The accounts' names, in order.
    pub fn account_names(&self) -> Vec<&str> {
        self.accounts.iter().map(|s| s.name.as_str()).collect()
    }

    /// Stops serving and waits for the server task.
    pub async fn stop(mut self) {
        self.shutdown.cancel();
        // Requests still held (injected latency, say) get a moment, not a veto: the
        // gateway's own grace period has already been spent when it stops its sandbox.
        if tokio::time::timeout(STOP_GRACE, &mut self.task)
            .await
            .is_err()
        {
            self.task.abort();
        }
    }
}

/// How long `stop` waits for requests in flight.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// Serves a one-account sandbox (the account is named `default`) on `listener` until
/// `stop` is called.
pub async fn start(
    config: SandboxConfig,
    listener: TcpListener,
) -> std::io::Result<RunningSandbox> {
    start_accounts(vec![("default".to_owned(), config)], listener).await
}

/// Serves a sandbox of several accounts on `listener` until `stop` is called: each
/// `(name, config)` is an account, `name` its sandbox name (1 to 64 ASCII letters,
/// digits, `-` or `_`, unique), the first the one that answers what belongs to no
/// account. Fails with `InvalidInput` for no accounts or a bad or repeated name.
pub async fn start_accounts(
    accounts: Vec<(String, SandboxConfig)>,
    listener: TcpListener,
) -> std::io::Result<RunningSandbox> {
    let invalid = |message: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, message);
    if accounts.is_empty() {
        return Err(invalid("a sandbox needs at least one account".to_owned()));
    }
    for (i, (name, _)) in accounts.iter().enumerate() {
        let safe = (1..=64).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !safe {
            return Err(invalid(format!("invalid sandbox account name {name:?}")));
        }
        if accounts[..i].iter().any(|(other, _)| other == name) {
            return Err(invalid(format!("two sandbox accounts are named {name:?}")));
        }
    }
    let addr = listener.local_addr()?;
    let base_url = format!("http://{addr}");
    let states: Vec<Arc<State>> = accounts
        .into_iter()
        .enumerate()
        .map(|(index, (name, config))| {
            Arc::new(State::for_account(&name, index, config, base_url.clone()))
        })
        .collect();
    let state = states[0].clone();
    let shutdown = CancellationToken::new();
    let app = accounts::front(accounts::Accounts::new(&states));
    let signal = shutdown.clone();
    let task = tokio::spawn(async move {
        let serve = axum::serve(listener, app).with_graceful_shutdown(signal.cancelled_owned());
        if let Err(err) = serve.await {
            tracing::error!(error = %err, "sandbox server failed");
        }
    });
    Ok(RunningSandbox {
        addr,
        state,
        accounts: states,
        shutdown,
        task,
    })
}

/// The HTTP routes of one account. API routes are registered under the spec's own path
/// templates, so the gate can look the operation (and its throttling group) up from
/// the matched path.
pub fn router(state: Arc<State>) -> Router {
    let api = Router::new()
        .route(
            ops::LIST_EXTENSIONS.path,
            get(extensions::list).post(extensions::create),
        )
        .route(
            ops::READ_EXTENSION.path,
            get(extensions::read)
                .put(extensions::update)
                .delete(extensions::delete),
        )
        .route(
            ops::LIST_EXTENSION_PHONE_NUMBERS.path,
            get(phone_numbers::list_extension),
        )
        .route(ops::READ_USER_CALL_LOG.path, get(call_logs::list_extension))
        .route(ops::LIST_SITES.path, get(sites::list).post(sites::create))
        .route(
            ops::READ_SITE.path,
            get(sites::read).put(sites::update).delete(sites::delete),
        )
        .route(ops::LIST_CALL_QUEUES.path, get(call_queues::list))
        .route(
            ops::READ_CALL_QUEUE.path,
            get(call_queues::read).put(call_queues::update),
        )
        .route(ops::LIST_CALL_QUEUE_MEMBERS.path, get(call_queues::members))
        .route(
            ops::ASSIGN_CALL_QUEUE_MEMBERS.path,
            post(call_queues::bulk_assign),
        )
        .route(
            ops::LIST_ACCOUNT_PHONE_NUMBERS.path,
            get(phone_numbers::list_account),
        )
        .route(ops::NUMBER_POOL_LOOKUP.path, post(phone_numbers::lookup))
        .route(
            ops::READ_COMPANY_CALL_LOG.path,
            get(call_logs::list_account),
        )
        .route(ops::READ_COMPANY_CALL_RECORD.path, get(call_logs::read))
        .route(
            ops::LIST_SUBSCRIPTIONS.path,
            get(subscriptions::list).post(subscriptions::create),
        )
        .route(
            ops::READ_SUBSCRIPTION.path,
            get(subscriptions::read)
                .put(subscriptions::update)
                .delete(subscriptions::delete),
        )
        .route(ops::RENEW_SUBSCRIPTION.path, post(subscriptions::renew))
        .route(
            ops::LIST_IVR_PROMPTS.path,
            get(ivr_prompts::list).post(ivr_prompts::create),
        )
        .route(
            ops::READ_IVR_PROMPT.path,
            get(ivr_prompts::read)
                .put(ivr_prompts::update)
                .delete(ivr_prompts::delete),
        )
        .route(ops::READ_IVR_PROMPT_CONTENT.path, get(ivr_prompts::content))
        .route(ops::CREATE_FAX_MESSAGE.path, post(fax::create))
        .route(ops::READ_MESSAGE.path, get(message_store::read))
        .route(ops::READ_MESSAGE_CONTENT.path, get(message_store::content))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            gate::api,
        ));
    let oauth = Router::new()
        .route(
            ops::AUTHORIZE.path,
            get(authorize::get).post(authorize::post),
        )
        .route(ops::GET_TOKEN.path, post(oauth::token))
        .route(ops::REVOKE_TOKEN.path, post(oauth::revoke))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            gate::oauth,
        ));
    Router::new()
        .merge(api)
        .merge(oauth)
        .nest("/_sandbox", admin::router())
        .fallback(errors::unrouted)
        .method_not_allowed_fallback(errors::unrouted)
        .with_state(state)
}
