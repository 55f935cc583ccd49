//! The durable event log: notifications the ingress accepted, each with an offset
//! that orders it, retained by age and count, resumable after any offset.

use std::fmt;
use std::str::FromStr;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::StoreResult;

/// A position in the event log. The embedded log counts (`42`); Redis Streams use
/// their entry ids (`1700000000000-0`). Offsets order events, and a client resumes
/// after the last one it saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Offset {
    pub major: u64,
    pub minor: u64,
    /// Written as `major-minor` (a Redis stream id) rather than a plain number.
    pub stream_id: bool,
}

impl Offset {
    pub fn sequence(n: u64) -> Self {
        Offset {
            major: n,
            minor: 0,
            stream_id: false,
        }
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.stream_id {
            write!(f, "{}-{}", self.major, self.minor)
        } else {
            write!(f, "{}", self.major)
        }
    }
}

impl FromStr for Offset {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        match s.split_once('-') {
            Some((major, minor)) => Ok(Offset {
                major: major.parse().map_err(|_| ())?,
                minor: minor.parse().map_err(|_| ())?,
                stream_id: true,
            }),
            None => Ok(Offset::sequence(s.parse().map_err(|_| ())?)),
        }
    }
}

/// A notification accepted by the ingress, before it has an offset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewEvent {
    pub uuid: String,
    pub event: String,
    pub subscription_id: String,
    #[serde(default)]
    pub owner_id: Option<String>,
    #[serde(default)]
    pub timestamp: Option<String>,
    /// The notification's `body`, as RingCentral sent it.
    #[serde(default)]
    pub body: serde_json::Value,
    /// The gateway account whose webhook path it came in on; `None` for the default
    /// path (and for events stored before accounts existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
}

impl NewEvent {
    /// What makes a notification a duplicate: its uuid within its account, so that
    /// one account's notifications can never stand in for another's.
    pub fn dedupe_key(&self) -> std::borrow::Cow<'_, str> {
        match &self.account {
            None => self.uuid.as_str().into(),
            Some(account) => format!("{account}/{}", self.uuid).into(),
        }
    }
}

/// A stored notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedEvent {
    pub offset: Offset,
    /// Milliseconds since the Unix epoch at which the gateway stored it.
    pub received_at_ms: u64,
    #[serde(flatten)]
    pub event: NewEvent,
}

/// The result of an append.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub offset: Offset,
    /// False when an event with the same uuid was already stored.
    pub new: bool,
}

/// What the log says of a client's resume offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    /// Every event after it is still retained.
    Retained,
    /// Retention dropped events after it that the client has not seen.
    Pruned,
    /// The log never handed out this offset (it is ahead of the newest event, or of
    /// another kind of log): resuming there could silently skip events.
    Unknown,
}

/// The durable event log.
#[async_trait]
pub trait EventLog: Send + Sync {
    /// Stores an event durably, unless its uuid is already stored.
    async fn append(&self, event: NewEvent) -> StoreResult<Appended>;
    /// Up to `limit` events after `after` (from the oldest retained when `None`).
    async fn read_after(
        &self,
        after: Option<Offset>,
        limit: usize,
    ) -> StoreResult<Vec<LoggedEvent>>;
    /// The oldest and newest retained offsets.
    async fn bounds(&self) -> StoreResult<Option<(Offset, Offset)>>;
    /// Whether a client that has seen `after` can resume there.
    async fn resume_after(&self, after: Offset) -> StoreResult<Resume>;
    /// Drops events older than `max_age` and beyond the newest `max_events`; returns
    /// how many were dropped.
    async fn prune(&self, max_age: std::time::Duration, max_events: u64) -> StoreResult<u64>;
}

/// Where a log's newly stored events go (the gateway's hub, which wakes watchers),
/// for logs that learn of events from elsewhere (other replicas).
pub trait EventSink: Send + Sync {
    /// The newest offset it has.
    fn newest(&self) -> Option<Offset>;
    /// Takes in newly stored events, in offset order.
    fn publish(&self, events: Vec<LoggedEvent>);
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_round_trip_in_both_forms() {
        let seq: Offset = "42".parse().unwrap();
        assert_eq!(seq, Offset::sequence(42));
        assert_eq!(seq.to_string(), "42");
        let stream: Offset = "1700000000000-3".parse().unwrap();
        assert_eq!(stream.to_string(), "1700000000000-3");
        assert!(stream > "1700000000000-2".parse().unwrap());
        assert!("x".parse::<Offset>().is_err());
        assert!("1-x".parse::<Offset>().is_err());
    }
}
