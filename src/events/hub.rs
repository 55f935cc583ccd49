//! Live distribution of new events to watchers: a ring of the most recent events
//! (so that watchers that keep up never touch the durable log) and a watch channel
//! that wakes them. The durable log stays the source of truth: watchers that fall
//! behind the ring read from it.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use tokio::sync::watch;

use super::{EventLog, LoggedEvent, Offset};
use rc_store::StoreResult;

/// Recent events kept in memory (a few MB: notifications are 1-2 KB each).
const RING: usize = 4096;

pub struct EventHub {
    log: Arc<dyn EventLog>,
    ring: RwLock<VecDeque<Arc<LoggedEvent>>>,
    newest: watch::Sender<Option<Offset>>,
    /// Where each open watch stream is (the last event it has taken to send).
    positions: Mutex<HashMap<u64, Option<Offset>>>,
    next_watcher: AtomicU64,
}

/// One watch stream's place in the log; forgotten when dropped.
pub struct WatchPosition {
    hub: Arc<EventHub>,
    id: u64,
}

impl WatchPosition {
    pub fn set(&self, cursor: Option<Offset>) {
        self.hub
            .positions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(self.id, cursor);
    }
}

impl Drop for WatchPosition {
    fn drop(&mut self) {
        self.hub
            .positions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
    }
}

impl EventHub {
    pub fn new(log: Arc<dyn EventLog>, newest: Option<Offset>) -> Self {
        EventHub {
            log,
            ring: RwLock::new(VecDeque::with_capacity(1024)),
            newest: watch::Sender::new(newest),
            positions: Mutex::default(),
            next_watcher: AtomicU64::new(1),
        }
    }

    /// Registers a watch stream starting after `cursor`.
    pub fn track(self: &Arc<Self>, cursor: Option<Offset>) -> WatchPosition {
        let position = WatchPosition {
            hub: self.clone(),
            id: self.next_watcher.fetch_add(1, Ordering::Relaxed),
        };
        position.set(cursor);
        position
    }

    /// How many events the furthest-behind watch stream has yet to send. Computed when
    /// asked (a scrape), so that a stream stuck on a slow client shows a growing lag.
    pub fn furthest_behind(&self) -> u64 {
        let cursors: Vec<Option<Offset>> = self
            .positions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .copied()
            .collect();
        cursors
            .into_iter()
            .map(|cursor| self.behind(cursor))
            .max()
            .unwrap_or(0)
    }

    /// Events after `cursor`: exact for the embedded log's counting offsets; for Redis
    /// stream ids, exact within the ring and at least the ring's length beyond it.
    fn behind(&self, cursor: Option<Offset>) -> u64 {
        let ring = self.ring.read().unwrap_or_else(|e| e.into_inner());
        let newest = self.newest();
        match (cursor, newest) {
            (_, None) => 0,
            (Some(c), Some(n)) if !c.stream_id && !n.stream_id => n.major.saturating_sub(c.major),
            (None, Some(n)) if !n.stream_id => n.major,
            (Some(c), _) if ring.front().is_some_and(|first| first.offset <= c) => {
                (ring.len() - ring.partition_point(|e| e.offset <= c)) as u64
            }
            _ => ring.len() as u64,
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

impl rc_store::events::EventSink for EventHub {
    fn newest(&self) -> Option<Offset> {
        EventHub::newest(self)
    }

    fn publish(&self, events: Vec<LoggedEvent>) {
        EventHub::publish(self, events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::NewEvent;

    fn event(offset: Offset) -> LoggedEvent {
        LoggedEvent {
            offset,
            received_at_ms: 0,
            event: NewEvent {
                uuid: offset.to_string(),
                event: "/restapi/v1.0/account/~/extension".into(),
                subscription_id: "s".into(),
                owner_id: None,
                timestamp: None,
                body: serde_json::Value::Null,
                account: None,
            },
        }
    }

    struct NoLog;
    #[async_trait::async_trait]
    impl EventLog for NoLog {
        async fn append(&self, _: crate::events::NewEvent) -> StoreResult<crate::events::Appended> {
            unreachable!()
        }
        async fn read_after(&self, _: Option<Offset>, _: usize) -> StoreResult<Vec<LoggedEvent>> {
            Ok(Vec::new())
        }
        async fn bounds(&self) -> StoreResult<Option<(Offset, Offset)>> {
            Ok(None)
        }
        async fn resume_after(&self, _: Offset) -> StoreResult<crate::events::Resume> {
            Ok(crate::events::Resume::Retained)
        }
        async fn prune(&self, _: std::time::Duration, _: u64) -> StoreResult<u64> {
            Ok(0)
        }
    }

    #[test]
    fn lag_is_that_of_the_furthest_behind_open_stream() {
        let hub = Arc::new(EventHub::new(Arc::new(NoLog), None));
        assert_eq!(hub.furthest_behind(), 0);
        hub.publish((1..=10).map(|n| event(Offset::sequence(n))));
        let slow = hub.track(Some(Offset::sequence(3)));
        let fast = hub.track(Some(Offset::sequence(9)));
        assert_eq!(hub.furthest_behind(), 7);
        // A stream that does not move falls further behind as events arrive.
        hub.publish((11..=15).map(|n| event(Offset::sequence(n))));
        assert_eq!(hub.furthest_behind(), 12);
        slow.set(Some(Offset::sequence(15)));
        assert_eq!(hub.furthest_behind(), 6);
        drop(fast);
        assert_eq!(hub.furthest_behind(), 0);
        drop(slow);
        assert_eq!(hub.furthest_behind(), 0);
    }

    #[test]
    fn stream_id_lag_is_counted_in_the_ring() {
        let hub = Arc::new(EventHub::new(Arc::new(NoLog), None));
        let id = |ms: u64| Offset {
            major: ms,
            minor: 0,
            stream_id: true,
        };
        hub.publish([1000, 1005, 2000, 9000].map(|ms| event(id(ms))));
        let position = hub.track(Some(id(1005)));
        assert_eq!(hub.furthest_behind(), 2);
        position.set(Some(id(10)));
        assert_eq!(
            hub.furthest_behind(),
            4,
            "before the ring: at least the ring"
        );
    }
}
