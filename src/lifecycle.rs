//! Whether the gateway accepts calls, as the probes and health checks see it: kept
//! apart from the wiring so that the parts that report it (sidecar, health service)
//! need not know how the gateway is put together.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the gateway accepts calls.
#[derive(Debug, Default)]
pub struct Lifecycle {
    started: AtomicBool,
    shutting_down: AtomicBool,
    /// Reachability of the shared state (Redis), when there is any.
    shared_state: Option<Arc<AtomicBool>>,
}

impl Lifecycle {
    /// A lifecycle that follows `shared_state` (when the gateway has shared state).
    pub fn new(shared_state: Option<Arc<AtomicBool>>) -> Self {
        Lifecycle {
            shared_state,
            ..Lifecycle::default()
        }
    }

    /// Every part is up: calls are accepted.
    pub fn set_started(&self) {
        self.started.store(true, Ordering::Release);
    }

    /// Shutdown has begun: probes report not ready.
    pub fn set_shutting_down(&self) {
        self.shutting_down.store(true, Ordering::Release);
    }

    pub fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::Acquire)
    }

    pub fn is_ready(&self) -> bool {
        self.started.load(Ordering::Acquire) && !self.is_shutting_down() && self.shared_state_ok()
    }

    /// Whether the shared state (if any) is reachable.
    pub fn shared_state_ok(&self) -> bool {
        self.shared_state
            .as_ref()
            .is_none_or(|ok| ok.load(Ordering::Acquire))
    }
}
