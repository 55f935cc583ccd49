//! RingCentral notifications after the webhook ingress accepted them: the in-memory
//! hub that wakes watchers, and the mapping to typed events. The durable event log
//! itself (embedded by default, Redis Streams for several replicas) is `rc_store`'s.

pub mod hub;
pub mod payload;

pub use rc_store::events::{Appended, EventLog, LoggedEvent, NewEvent, Offset, Resume, now_ms};

/// Where events are kept and for how long.
#[derive(Clone, Debug)]
pub struct EventsConfig {
    /// Directory of the embedded store (event log, subscriptions, idempotency records).
    pub data_dir: std::path::PathBuf,
    pub retention: std::time::Duration,
    pub max_events: u64,
}
