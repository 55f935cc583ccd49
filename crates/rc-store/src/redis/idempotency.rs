//! Idempotency records in Redis: the first call with a key claims it atomically
//! (`SET NX` semantics in one script); every replica then sees it in progress, and
//! later the stored answer.

use std::sync::LazyLock;
use std::time::Duration;

use async_trait::async_trait;
use redis::Script;
use sha2::{Digest, Sha256};

use super::{Redis, error};
use crate::Answer;
use crate::{IdempotencyState, IdempotencyStore, StoreResult};

/// A claimed key is given up if its call has not finished after this long.
const IN_PROGRESS: Duration = Duration::from_secs(300);

/// KEYS: record. ARGV: claim marker, claim lifetime (ms). Returns the existing record,
/// or nothing after claiming it.
static BEGIN: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r#"
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
"#,
    )
});

const CLAIMED: &[u8] = b"P";

pub struct RedisIdempotency {
    redis: Redis,
}

impl RedisIdempotency {
    pub fn new(redis: Redis) -> Self {
        RedisIdempotency { redis }
    }

    fn key(&self, key: &str) -> String {
        self.redis
            .key(&["idem", &hex::encode(Sha256::digest(key.as_bytes()))])
    }
}

/// `D`, the fingerprint's length (2 bytes), the fingerprint, the answer.
fn encode_done(fingerprint: &str, response: &Answer) -> Vec<u8> {
    let mut out = vec![b'D'];
    out.extend_from_slice(&(fingerprint.len() as u16).to_be_bytes());
    out.extend_from_slice(fingerprint.as_bytes());
    out.extend_from_slice(&Answer::encode(response));
    out
}

fn decode(value: &[u8]) -> IdempotencyState {
    let done = || -> Option<IdempotencyState> {
        let rest = value.strip_prefix(b"D")?;
        let len = u16::from_be_bytes(rest.get(..2)?.try_into().ok()?) as usize;
        let fingerprint = std::str::from_utf8(rest.get(2..2 + len)?).ok()?.to_owned();
        let response = Answer::decode(rest.get(2 + len..)?)?;
        Some(IdempotencyState::Done {
            fingerprint,
            response,
        })
    };
    done().unwrap_or(IdempotencyState::InProgress)
}

#[async_trait]
impl IdempotencyStore for RedisIdempotency {
    async fn begin(
        &self,
        key: &str,
        _fingerprint: &str,
        _ttl: Duration,
    ) -> StoreResult<IdempotencyState> {
        let existing: Option<Vec<u8>> = BEGIN
            .key(self.key(key))
            .arg(CLAIMED)
            .arg(IN_PROGRESS.as_millis() as u64)
            .invoke_async(&mut self.redis.conn())
            .await
            .map_err(error)?;
        Ok(match existing {
            None => IdempotencyState::New,
            Some(value) => decode(&value),
        })
    }

    async fn complete(
        &self,
        key: &str,
        fingerprint: &str,
        response: &Answer,
        ttl: Duration,
    ) -> StoreResult<()> {
        redis::cmd("SET")
            .arg(self.key(key))
            .arg(encode_done(fingerprint, response))
            .arg("PX")
            .arg(ttl.as_millis().max(1) as u64)
            .query_async::<()>(&mut self.redis.conn())
            .await
            .map_err(error)
    }

    async fn release(&self, key: &str) -> StoreResult<()> {
        redis::cmd("DEL")
            .arg(self.key(key))
            .query_async::<()>(&mut self.redis.conn())
            .await
            .map_err(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip() {
        let response = Answer {
            status: http::StatusCode::OK,
            headers: Default::default(),
            body: bytes::Bytes::from_static(b"{\"id\":\"7\"}"),
        };
        match decode(&encode_done("fp-1", &response)) {
            IdempotencyState::Done {
                fingerprint,
                response: back,
            } => {
                assert_eq!(fingerprint, "fp-1");
                assert_eq!(back.body, response.body);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(decode(CLAIMED), IdempotencyState::InProgress));
    }
}
