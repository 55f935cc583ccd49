//! The shared read cache against a real Redis: what the Lua scripts promise.

use std::time::Duration;

use rc_client::stack::RcResponse;
use rc_store::CacheStore;
use rc_store::redis::{Redis, RedisCache};

use crate::redis_server::RedisServer;

/// One replica's view of the shared cache.
async fn replica(server: &RedisServer) -> RedisCache {
    let redis = Redis::connect(&server.url(), "rcgw-test", Duration::from_secs(2))
        .await
        .unwrap();
    RedisCache::new(redis)
}

fn answer(body: &'static str) -> RcResponse {
    RcResponse {
        status: http::StatusCode::OK,
        headers: Default::default(),
        body: bytes::Bytes::from_static(body.as_bytes()),
    }
}

#[tokio::test]
async fn an_answer_read_before_a_write_is_not_stored_after_it_on_any_replica() {
    let server = RedisServer::start();
    let (a, b) = (replica(&server).await, replica(&server).await);
    let ttl = Duration::from_secs(30);
    // Replica A looks up (a miss), replica B writes the resource, then A's answer,
    // fetched before the write, arrives.
    let seen = a.get("acct|/extension/1", "extensions").await.unwrap();
    assert!(seen.hit.is_none());
    b.invalidate(&["extensions"]).await.unwrap();
    let stored = a
        .put(
            "acct|/extension/1",
            "extensions",
            &answer("{\"v\":1}"),
            ttl,
            seen.generation,
        )
        .await
        .unwrap();
    assert!(!stored, "a pre-write answer is refused");
    assert!(
        b.get("acct|/extension/1", "extensions")
            .await
            .unwrap()
            .hit
            .is_none()
    );
    // A fresh lookup sees the new generation, and its answer is shared by both.
    let fresh = a.get("acct|/extension/1", "extensions").await.unwrap();
    assert_eq!(fresh.generation, seen.generation + 1);
    assert!(
        a.put(
            "acct|/extension/1",
            "extensions",
            &answer("{\"v\":2}"),
            ttl,
            fresh.generation
        )
        .await
        .unwrap()
    );
    let hit = b
        .get("acct|/extension/1", "extensions")
        .await
        .unwrap()
        .hit
        .unwrap();
    assert_eq!(&hit.body[..], b"{\"v\":2}");
    // Other resources keep their entries and generations.
    let sites = a.get("acct|/sites", "sites").await.unwrap();
    assert_eq!(sites.generation, 0);
}

#[tokio::test]
async fn one_replica_holds_a_fetch_claim_at_a_time() {
    let server = RedisServer::start();
    let (a, b) = (replica(&server).await, replica(&server).await);
    let lease = Duration::from_secs(5);
    assert!(a.claim("k", lease).await.unwrap());
    assert!(!b.claim("k", lease).await.unwrap());
    assert!(b.is_claimed("k").await.unwrap());
    // Only the holder's release frees it.
    b.release("k").await.unwrap();
    assert!(b.is_claimed("k").await.unwrap());
    a.release("k").await.unwrap();
    assert!(!b.is_claimed("k").await.unwrap());
    assert!(b.claim("k", lease).await.unwrap());
}
