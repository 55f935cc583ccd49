//! The event log on a Redis Stream, shared by the replicas: an event stored by one is
//! read by watchers on every other. Offsets are stream ids; retention trims by id
//! (age) and length, exactly, and remembers the newest id it trimmed: Redis 7.0 keeps
//! `max-deleted-entry-id` for XDEL only, and a resuming watcher must learn that events
//! after its offset are gone rather than silently skip them.
//!
//! Each replica tails the stream with a blocking `XREAD` on a connection of its own
//! and feeds the replica's [`EventSink`] (its hub); it publishes its own appends the same way, so every
//! replica sees one order. Consumer groups would split events among readers; here
//! every replica needs every event, so plain `XREAD` is the right tool.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use async_trait::async_trait;
use redis::Script;
use redis::streams::{StreamId, StreamRangeReply, StreamReadOptions, StreamReadReply};
use sha2::{Digest, Sha256};
use tokio_util::sync::CancellationToken;

use crate::events::{Appended, EventLog, EventSink, LoggedEvent, NewEvent, Offset, Resume};
use crate::redis::{Redis, error};
use crate::{StoreError, StoreResult};

/// KEYS: stream, uuid marker, trimmed marker. ARGV: event JSON, marker lifetime (ms),
/// most events kept. Appends unless the uuid was seen, then drops the oldest entry if
/// the stream is over its length (remembering its id); returns (new?, stream id).
static APPEND: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local seen = redis.call('GET', KEYS[2])
if seen then return {0, seen} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local id = redis.call('XADD', KEYS[1], '*', 'e', ARGV[1], 'r', now)
redis.call('SET', KEYS[2], id, 'PX', ARGV[2])
local over = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[3])
if over > 0 then
  local gone = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', over)
  redis.call('SET', KEYS[3], gone[#gone][1])
  redis.call('XTRIM', KEYS[1], 'MAXLEN', ARGV[3])
end
return {1, id}
"#,
    )
});

/// KEYS: stream, trimmed marker. ARGV: largest age (ms), most events kept. Drops
/// entries older than the age (by the server's clock, which made their ids) and beyond
/// the length, remembering the newest id dropped; returns how many were dropped.
static PRUNE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cutoff = now - tonumber(ARGV[1])
local dropped = 0
if cutoff > 0 then
  local minid = string.format('%d-0', cutoff)
  local last = redis.call('XREVRANGE', KEYS[1], '(' .. minid, '-', 'COUNT', 1)
  if #last > 0 then
    redis.call('SET', KEYS[2], last[1][1])
    dropped = dropped + redis.call('XTRIM', KEYS[1], 'MINID', minid)
  end
end
local over = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[2])
if over > 0 then
  local gone = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', over)
  redis.call('SET', KEYS[2], gone[#gone][1])
  dropped = dropped + redis.call('XTRIM', KEYS[1], 'MAXLEN', ARGV[2])
end
return dropped
"#,
    )
});

/// Entries read per `XREAD`.
const TAIL_BATCH: usize = 512;
/// How long one `XREAD` waits for new entries.
const TAIL_BLOCK: Duration = Duration::from_secs(2);

pub struct RedisLog {
    redis: Redis,
    stream: String,
    /// The newest stream id retention has dropped.
    trimmed: String,
    retention: Duration,
    max_events: u64,
}

impl RedisLog {
    pub fn new(redis: Redis, retention: Duration, max_events: u64) -> Self {
        RedisLog {
            stream: redis.key(&["events"]),
            trimmed: redis.key(&["events", "trimmed"]),
            redis,
            retention,
            max_events,
        }
    }

    /// Feeds `hub` with every event appended by any replica, from the newest one
    /// it knows, until shutdown. Reconnects when Redis goes away.
    pub async fn tail(self: Arc<Self>, hub: Arc<dyn EventSink>, shutdown: CancellationToken) {
        let mut conn = None;
        loop {
            if shutdown.is_cancelled() {
                return;
            }
            let c = match &mut conn {
                Some(c) => c,
                None => match self
                    .redis
                    .client
                    .get_multiplexed_async_connection_with_config(
                        &redis::AsyncConnectionConfig::new()
                            .set_connection_timeout(Some(self.redis.timeout()))
                            // A blocking read waits up to TAIL_BLOCK before it answers.
                            .set_response_timeout(Some(TAIL_BLOCK + self.redis.timeout())),
                    )
                    .await
                {
                    Ok(c) => conn.insert(c),
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot tail the event stream; retrying");
                        tokio::select! {
                            () = shutdown.cancelled() => return,
                            () = tokio::time::sleep(Duration::from_secs(1)) => continue,
                        }
                    }
                },
            };
            let from = hub.newest().map_or("0-0".to_owned(), |o| o.to_string());
            let options = StreamReadOptions::default()
                .block(TAIL_BLOCK.as_millis() as usize)
                .count(TAIL_BATCH);
            let mut command = redis::cmd("XREAD");
            command
                .arg(&options)
                .arg("STREAMS")
                .arg(&self.stream)
                .arg(&from);
            let read = command.query_async::<Option<StreamReadReply>>(c);
            let reply = tokio::select! {
                () = shutdown.cancelled() => return,
                reply = read => reply,
            };
            match reply {
                Ok(Some(reply)) => {
                    let events: Vec<LoggedEvent> = reply
                        .keys
                        .iter()
                        .flat_map(|k| k.ids.iter())
                        .filter_map(|entry| parse(entry).ok())
                        .collect();
                    hub.publish(events);
                }
                Ok(None) => {} // nothing new within the block time
                Err(e) => {
                    tracing::warn!(error = %e, "tailing the event stream failed; reconnecting");
                    conn = None;
                    tokio::select! {
                        () = shutdown.cancelled() => return,
                        () = tokio::time::sleep(Duration::from_millis(500)) => {}
                    }
                }
            }
        }
    }
}

fn parse_id(id: &str) -> StoreResult<Offset> {
    id.parse()
        .map_err(|_| StoreError(format!("bad stream id {id:?}")))
}

fn parse(entry: &StreamId) -> StoreResult<LoggedEvent> {
    let json: String = entry
        .get("e")
        .ok_or_else(|| StoreError(format!("stream entry {} has no event", entry.id)))?;
    let event: NewEvent = serde_json::from_str(&json)
        .map_err(|e| StoreError(format!("stream entry {}: {e}", entry.id)))?;
    Ok(LoggedEvent {
        offset: parse_id(&entry.id)?,
        received_at_ms: entry.get("r").unwrap_or(0),
        event,
    })
}

#[async_trait]
impl EventLog for RedisLog {
    async fn append(&self, event: NewEvent) -> StoreResult<Appended> {
        let marker = self.redis.key(&[
            "events",
            "uuid",
            &hex::encode(Sha256::digest(event.dedupe_key().as_bytes())),
        ]);
        let json = serde_json::to_string(&event).map_err(|e| StoreError(e.to_string()))?;
        let (new, id): (i64, String) = APPEND
            .key(&self.stream)
            .key(marker)
            .key(&self.trimmed)
            .arg(json)
            .arg(self.retention.as_millis().max(1) as u64)
            .arg(self.max_events)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(Appended {
            offset: parse_id(&id)?,
            new: new == 1,
        })
    }

    async fn read_after(
        &self,
        after: Option<Offset>,
        limit: usize,
    ) -> StoreResult<Vec<LoggedEvent>> {
        let start = match after {
            // Offsets of the embedded log (plain numbers) come before any stream id.
            Some(offset) if offset.stream_id => format!("({offset}"),
            _ => "-".to_owned(),
        };
        let reply: StreamRangeReply = redis::cmd("XRANGE")
            .arg(&self.stream)
            .arg(start)
            .arg("+")
            .arg("COUNT")
            .arg(limit.max(1))
            .query_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        reply.ids.iter().map(parse).collect()
    }

    async fn bounds(&self) -> StoreResult<Option<(Offset, Offset)>> {
        let (first, last): (StreamRangeReply, StreamRangeReply) = redis::pipe()
            .cmd("XRANGE")
            .arg(&self.stream)
            .arg("-")
            .arg("+")
            .arg("COUNT")
            .arg(1)
            .cmd("XREVRANGE")
            .arg(&self.stream)
            .arg("+")
            .arg("-")
            .arg("COUNT")
            .arg(1)
            .query_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        match (first.ids.first(), last.ids.first()) {
            (Some(first), Some(last)) => Ok(Some((parse_id(&first.id)?, parse_id(&last.id)?))),
            _ => Ok(None),
        }
    }

    async fn resume_after(&self, after: Offset) -> StoreResult<Resume> {
        let info: redis::Value = match redis::cmd("XINFO")
            .arg("STREAM")
            .arg(&self.stream)
            .query_async(&mut self.redis.conn())
            .await
        {
            Ok(info) => info,
            // No stream (yet, or Redis lost its data): new entries get ids from the
            // server's clock, after any id a client can hold, so nothing is skipped.
            Err(e) if e.to_string().contains("no such key") => return Ok(Resume::Retained),
            Err(e) => return Err(error(e)),
        };
        let fields: std::collections::HashMap<String, redis::Value> =
            redis::from_redis_value(info).map_err(|e| StoreError(e.to_string()))?;
        let id = |name: &str| -> StoreResult<Offset> {
            let id: String = fields
                .get(name)
                .cloned()
                .and_then(|v| redis::from_redis_value(v).ok())
                .unwrap_or_else(|| "0-0".to_owned());
            parse_id(&id)
        };
        if after.stream_id && after > id("last-generated-id")? {
            return Ok(Resume::Unknown);
        }
        let trimmed: Option<String> = redis::cmd("GET")
            .arg(&self.trimmed)
            .query_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        let deleted = match trimmed {
            Some(t) => parse_id(&t)?.max(id("max-deleted-entry-id")?),
            None => id("max-deleted-entry-id")?,
        };
        // A client that saw `after` misses nothing if nothing newer was trimmed
        // (offsets of the embedded log come before every stream id).
        Ok(
            if (deleted.major, deleted.minor) == (0, 0) || (after.stream_id && after >= deleted) {
                Resume::Retained
            } else {
                Resume::Pruned
            },
        )
    }

    async fn prune(&self, max_age: Duration, max_events: u64) -> StoreResult<u64> {
        PRUNE
            .key(&self.stream)
            .key(&self.trimmed)
            .arg(max_age.as_millis().min(u128::from(u64::MAX)) as u64)
            .arg(max_events)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)
    }
}
