//! RingCentral notifications after the webhook ingress accepted them: the in-memory
//! hub that wakes watchers, and the mapping to typed events. The durable event log
//! itself (embedded by default, Redis Streams for several replicas) is `rc_store`'s.

pub mod hub;
pub mod payload;

pub use rc_store::events::{Appended, EventLog, LoggedEvent, NewEvent, Offset, Resume, now_ms};
