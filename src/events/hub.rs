//! Live distribution of new events to watchers: a ring of the most recent events
//! (so that watchers that keep up never touch the durable log) and a watch channel
//! that wakes them. The durable log stays the source of truth: watchers that fall
//! behind the ring read from it.

use std::collections::VecDeque;
use std::sync::{Arc, RwLock};

use tokio::sync::watch;

use super::{EventLog, LoggedEvent, Offset};
use crate::store::StoreResult;

/// Recent events kept in memory (a few MB: notifications are 1-2 KB each).
const RING: usize = 4096;

pub struct EventHub {
    log: Arc<dyn EventLog>,
    ring: RwLock<VecDeque<Arc<LoggedEvent>>>,
    newest: watch::Sender<Option<Offset>>,
}

impl EventHub {
    pub fn new(log: Arc<dyn EventLog>, newest: Option<Offset>) -> Self {
        EventHub {
            log,
            ring: RwLock::new(VecDeque::with_capacity(1024)),
            newest: watch::Sender::new(newest),
        }
    }

    pub fn log(&self) -> &Arc<dyn EventLog> {
        &self.log
    }

    /// Takes in newly stored events, in offset order.
    pub fn publish(&self, events: impl IntoIterator<Item = LoggedEvent>) {
        let mut newest = None;
        {
            let mut ring = self.ring.write().unwrap_or_else(|e| e.into_inner());
            for event in events {
                if ring.back().is_some_and(|last| last.offset >= event.offset) {
                    continue; // already published (a replica's own event seen again)
                }
                newest = Some(event.offset);
                if ring.len() == RING {
                    ring.pop_front();
                }
                ring.push_back(Arc::new(event));
            }
        }
        if let Some(offset) = newest {
            self.newest.send_replace(Some(offset));
        }
    }

    /// A receiver that changes whenever new events are published.
    pub fn subscribe(&self) -> watch::Receiver<Option<Offset>> {
        self.newest.subscribe()
    }

    /// The newest offset known.
    pub fn newest(&self) -> Option<Offset> {
        *self.newest.borrow()
    }

    /// Up to `limit` events after `after`: from the ring when it holds them all,
    /// otherwise from the durable log.
    pub async fn read_after(
        &self,
        after: Option<Offset>,
        limit: usize,
    ) -> StoreResult<Vec<Arc<LoggedEvent>>> {
        if let Some(cursor) = after {
            let ring = self.ring.read().unwrap_or_else(|e| e.into_inner());
            if ring.front().is_some_and(|first| first.offset <= cursor) {
                let start = ring.partition_point(|e| e.offset <= cursor);
                return Ok(ring.range(start..).take(limit).cloned().collect());
            }
        }
        let events = self.log.read_after(after, limit).await?;
        Ok(events.into_iter().map(Arc::new).collect())
    }
}
