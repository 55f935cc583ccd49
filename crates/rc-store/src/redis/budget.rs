//! One RingCentral rate budget for every replica: per group, a sorted set of the
//! requests counted in the window (score: when they count from), a hash with the
//! learned limit, window and 429 pause, and per capped caller a sorted set of its own.

use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::Duration;

use async_trait::async_trait;
use redis::Script;

use super::{Redis, error};
use crate::Group;
use crate::memory::GroupLimit;
use crate::{Acquire, BudgetState, BudgetStore, CallerShare, Observed, Slot, StoreResult};

/// Shared by the scripts: the server's time in ms, and the group's limit and window.
const PRELUDE: &str = r#"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(redis.call('HGET', KEYS[2], 'limit') or ARGV[1])
local window = tonumber(redis.call('HGET', KEYS[2], 'window') or ARGV[2])
"#;

/// KEYS: sent, meta, caller's sent, slot sequence. ARGV: default limit, default
/// window (ms), requests the caller may have in the window (0: no cap).
static ACQUIRE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{PRELUDE}{}",
        r#"
local paused = tonumber(redis.call('HGET', KEYS[2], 'paused') or '0')
if paused > now then return {'wait', paused - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local allowed = tonumber(ARGV[3])
if allowed > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - window)
  if redis.call('ZCARD', KEYS[3]) >= allowed then
    local oldest = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
    return {'caller', math.max(1, tonumber(oldest[2]) + window - now)}
  end
end
if redis.call('ZCARD', KEYS[1]) < limit then
  local slot = redis.call('INCR', KEYS[4])
  redis.call('ZADD', KEYS[1], now, slot)
  redis.call('PEXPIRE', KEYS[1], window * 2)
  if allowed > 0 then
    redis.call('ZADD', KEYS[3], now, slot)
    redis.call('PEXPIRE', KEYS[3], window * 2)
  end
  return {'granted', slot}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {'wait', math.max(1, tonumber(oldest[2]) + window - now)}
"#
    ))
});

/// KEYS: as ACQUIRE. ARGV: default limit, default window, slot, seen limit (0: no
/// headers), seen remaining, seen window (ms).
static ANSWERED: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{PRELUDE}{}",
        r#"
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[3])
redis.call('ZADD', KEYS[3], 'XX', now, ARGV[3])
local seen = tonumber(ARGV[4])
if seen > 0 then
  redis.call('HSET', KEYS[2], 'limit', seen)
  local seen_window = tonumber(ARGV[6])
  if seen_window > 0 then
    redis.call('HSET', KEYS[2], 'window', seen_window)
    window = seen_window
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
  -- RingCentral counted more than the replicas sent (other clients of the same user
  -- and app): the difference counts from now.
  local used = seen - tonumber(ARGV[5])
  local have = redis.call('ZCARD', KEYS[1])
  while have < used do
    redis.call('ZADD', KEYS[1], now, 'p' .. redis.call('INCR', KEYS[4]))
    have = have + 1
  end
  redis.call('PEXPIRE', KEYS[1], window * 2)
end
return 1
"#
    ))
});

/// KEYS: as ACQUIRE. ARGV: default limit, default window, pause (ms).
static PENALIZE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{PRELUDE}{}",
        r#"
local until_ms = now + tonumber(ARGV[3])
local paused = tonumber(redis.call('HGET', KEYS[2], 'paused') or '0')
if until_ms > paused then redis.call('HSET', KEYS[2], 'paused', until_ms) end
return 1
"#
    ))
});

/// KEYS: as ACQUIRE. ARGV: default limit, default window. Returns limit, requests
/// in the window, window, pause left.
static SNAPSHOT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(&format!(
        "{PRELUDE}{}",
        r#"
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local paused = tonumber(redis.call('HGET', KEYS[2], 'paused') or '0')
return {limit, redis.call('ZCARD', KEYS[1]), window, math.max(0, paused - now)}
"#
    ))
});

pub struct RedisBudget {
    redis: Redis,
    defaults: HashMap<Group, GroupLimit>,
    /// The groups in the order they were configured (snapshots keep it).
    order: Vec<Group>,
}

impl RedisBudget {
    pub fn new(redis: Redis, limits: &[(Group, GroupLimit)]) -> Self {
        RedisBudget {
            redis,
            defaults: limits.iter().copied().collect(),
            order: limits.iter().map(|(g, _)| *g).collect(),
        }
    }

    fn invocation(
        &self,
        script: &'static Script,
        group: Group,
        caller: Option<&CallerShare>,
    ) -> Option<redis::ScriptInvocation<'static>> {
        let defaults = self.defaults.get(&group)?;
        let name = group;
        let mut invocation = script.prepare_invoke();
        invocation
            .key(self.redis.key(&["budget", name]))
            .key(self.redis.key(&["budget", name, "meta"]))
            .key(match caller {
                Some(c) => self.redis.key(&["budget", name, "caller", &c.id]),
                None => self.redis.key(&["budget", name, "caller", ""]),
            })
            .key(self.redis.key(&["budget", "seq"]))
            .arg(defaults.limit)
            .arg(defaults.window.as_millis() as u64);
        Some(invocation)
    }
}

#[async_trait]
impl BudgetStore for RedisBudget {
    async fn try_acquire(
        &self,
        group: Group,
        caller: Option<&CallerShare>,
    ) -> StoreResult<Acquire> {
        let Some(mut invocation) = self.invocation(&ACQUIRE, group, caller) else {
            return Ok(Acquire::Granted(Slot(0)));
        };
        let limit = self.defaults.get(&group).map_or(1, |d| d.limit);
        invocation.arg(caller.map_or(0, |c| c.allowed(limit)));
        let (kind, value): (String, u64) = invocation
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(match kind.as_str() {
            "granted" => Acquire::Granted(Slot(value)),
            "caller" => Acquire::CallerWait(Duration::from_millis(value)),
            _ => Acquire::Wait(Duration::from_millis(value)),
        })
    }

    async fn answered(
        &self,
        group: Group,
        slot: Slot,
        observed: Option<Observed>,
    ) -> StoreResult<()> {
        let Some(mut invocation) = self.invocation(&ANSWERED, group, None) else {
            return Ok(());
        };
        let seen = observed.unwrap_or(Observed {
            limit: 0,
            remaining: 0,
            window: Duration::ZERO,
        });
        invocation
            .arg(slot.0)
            .arg(seen.limit)
            .arg(seen.remaining)
            .arg(seen.window.as_millis() as u64);
        let _: i64 = invocation
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(())
    }

    async fn penalize(&self, group: Group, pause: Duration) -> StoreResult<()> {
        let Some(mut invocation) = self.invocation(&PENALIZE, group, None) else {
            return Ok(());
        };
        invocation.arg(pause.as_millis() as u64);
        let _: i64 = invocation
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(())
    }

    async fn snapshot(&self) -> StoreResult<Vec<BudgetState>> {
        let mut states = Vec::new();
        for &group in &self.order {
            let Some(invocation) = self.invocation(&SNAPSHOT, group, None) else {
                continue;
            };
            let (limit, used, window, paused): (u32, u32, u64, u64) = invocation
                .invoke_async(&mut self.redis.conn())
                .await
                .map_err(error)?;
            states.push(BudgetState {
                group,
                limit,
                remaining: limit.saturating_sub(used),
                window: Duration::from_millis(window),
                paused_for: Duration::from_millis(paused),
            });
        }
        Ok(states)
    }
}
