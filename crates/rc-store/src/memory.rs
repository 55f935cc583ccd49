//! In-process stores: the default for a single gateway replica.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use tokio::time::Instant;

use super::{
    Acquire, BudgetState, BudgetStore, CacheStore, CallerShare, IdempotencyState, IdempotencyStore,
    Lookup, Observed, Slot, StoreResult,
};
use crate::events::now_ms;
use crate::{Answer, CallerToken, CallerTokenStore, Group};

/// Limit and window of one group.
#[derive(Debug, Clone, Copy)]
pub struct GroupLimit {
    pub limit: u32,
    pub window: Duration,
}

struct Window {
    limit: u32,
    window: Duration,
    /// Requests sent and not yet answered: they count from their start (until the
    /// window has passed, so that a call dropped before its answer does not keep
    /// its slot forever).
    in_flight: HashMap<u64, (Instant, Option<Arc<str>>)>,
    /// The same, by start time.
    in_flight_order: BTreeSet<(Instant, u64)>,
    /// Answered requests (and RingCentral's extra usage), oldest first: they count
    /// from their answer until the window has passed. A deque, so that every
    /// operation is amortized O(1) however many requests the window holds.
    answered: VecDeque<(Instant, Option<Arc<str>>)>,
    /// Requests in the window per capped caller.
    per_caller: HashMap<Arc<str>, u32>,
    paused_until: Option<Instant>,
}

impl Window {
    fn new(limit: GroupLimit) -> Self {
        Window {
            limit: limit.limit,
            window: limit.window,
            in_flight: HashMap::new(),
            in_flight_order: BTreeSet::new(),
            answered: VecDeque::new(),
            per_caller: HashMap::new(),
            paused_until: None,
        }
    }

    fn count(&self) -> usize {
        self.in_flight.len() + self.answered.len()
    }

    fn prune(&mut self, now: Instant) {
        while let Some(&(at, slot)) = self.in_flight_order.first() {
            if now.duration_since(at) < self.window {
                break;
            }
            self.in_flight_order.pop_first();
            if let Some((_, Some(caller))) = self.in_flight.remove(&slot) {
                self.release(&caller);
            }
        }
        while let Some((at, _)) = self.answered.front() {
            if now.duration_since(*at) < self.window {
                break;
            }
            if let Some((_, Some(caller))) = self.answered.pop_front() {
                self.release(&caller);
            }
        }
    }

    fn release(&mut self, caller: &Arc<str>) {
        if let Some(n) = self.per_caller.get_mut(caller) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.per_caller.remove(caller);
            }
        }
    }

    /// When the oldest counted request of `caller` (any request, for `None`) leaves
    /// the window.
    fn next_free(&self, caller: Option<&str>, now: Instant) -> Duration {
        let mine = |who: &Option<Arc<str>>| caller.is_none_or(|c| who.as_deref() == Some(c));
        let oldest_answered = self.answered.iter().find(|(_, who)| mine(who)).map(|e| e.0);
        let oldest_in_flight = match caller {
            None => self.in_flight_order.first().map(|e| e.0),
            Some(_) => self
                .in_flight
                .values()
                .filter(|(_, who)| mine(who))
                .map(|e| e.0)
                .min(),
        };
        let oldest = match (oldest_answered, oldest_in_flight) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(now),
        };
        (oldest + self.window)
            .saturating_duration_since(now)
            .max(Duration::from_millis(1))
    }
}

/// The rate budget of a single replica.
pub struct MemoryBudget {
    groups: Mutex<HashMap<Group, Window>>,
    /// The groups in the order they were configured (snapshots keep it).
    order: Vec<Group>,
    next_slot: AtomicU64,
}

impl MemoryBudget {
    pub fn new(limits: &[(Group, GroupLimit)]) -> Self {
        let groups = limits.iter().map(|(g, l)| (*g, Window::new(*l))).collect();
        MemoryBudget {
            groups: Mutex::new(groups),
            order: limits.iter().map(|(g, _)| *g).collect(),
            next_slot: AtomicU64::new(1),
        }
    }

    fn with<T>(&self, group: Group, f: impl FnOnce(&mut Window, Instant) -> T) -> Option<T> {
        let mut groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        groups.get_mut(&group).map(|g| {
            g.prune(now);
            f(g, now)
        })
    }
}

#[async_trait]
impl BudgetStore for MemoryBudget {
    async fn try_acquire(
        &self,
        group: Group,
        caller: Option<&CallerShare>,
    ) -> StoreResult<Acquire> {
        let slot = self.next_slot.fetch_add(1, Ordering::Relaxed);
        let decision = self.with(group, |g, now| {
            if let Some(until) = g.paused_until.filter(|u| *u > now) {
                return Acquire::Wait(until - now);
            }
            let caller = caller.filter(|c| c.share < 1.0);
            if let Some(c) = caller
                && g.per_caller.get(&c.id).copied().unwrap_or(0) >= c.allowed(g.limit)
            {
                return Acquire::CallerWait(g.next_free(Some(&c.id), now));
            }
            if (g.count() as u32) < g.limit {
                let who = caller.map(|c| c.id.clone());
                if let Some(id) = &who {
                    *g.per_caller.entry(id.clone()).or_default() += 1;
                }
                g.in_flight.insert(slot, (now, who));
                g.in_flight_order.insert((now, slot));
                return Acquire::Granted(Slot(slot));
            }
            Acquire::Wait(g.next_free(None, now))
        });
        Ok(decision.unwrap_or(Acquire::Granted(Slot(slot))))
    }

    async fn answered(
        &self,
        group: Group,
        slot: Slot,
        observed: Option<Observed>,
    ) -> StoreResult<()> {
        self.with(group, |g, now| {
            // From now on it counts from its answer.
            if let Some((started, who)) = g.in_flight.remove(&slot.0) {
                g.in_flight_order.remove(&(started, slot.0));
                g.answered.push_back((now, who));
            }
            if let Some(seen) = observed {
                if seen.limit > 0 {
                    g.limit = seen.limit;
                }
                if !seen.window.is_zero() {
                    g.window = seen.window;
                }
                // RingCentral counts more than this replica sent (other clients of
                // the same user and app): the difference counts from now.
                let used = g.limit.saturating_sub(seen.remaining) as usize;
                while g.count() < used {
                    g.answered.push_back((now, None));
                }
            }
        });
        Ok(())
    }

    async fn penalize(&self, group: Group, pause: Duration) -> StoreResult<()> {
        self.with(group, |g, now| {
            let until = now + pause;
            g.paused_until = Some(g.paused_until.map_or(until, |u| u.max(until)));
        });
        Ok(())
    }

    async fn snapshot(&self) -> StoreResult<Vec<BudgetState>> {
        let mut groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let mut states: Vec<BudgetState> = groups
            .iter_mut()
            .map(|(group, g)| {
                g.prune(now);
                BudgetState {
                    group,
                    limit: g.limit,
                    remaining: g.limit.saturating_sub(g.count() as u32),
                    window: g.window,
                    paused_for: g
                        .paused_until
                        .map_or(Duration::ZERO, |u| u.saturating_duration_since(now)),
                }
            })
            .collect();
        states.sort_by_key(|s| self.order.iter().position(|g| *g == s.group));
        Ok(states)
    }
}

struct CacheEntry {
    expires: Instant,
    resource: &'static str,
    response: Answer,
}

#[derive(Default)]
struct CacheState {
    entries: HashMap<String, CacheEntry>,
    generations: HashMap<&'static str, u64>,
}

/// The read cache of a single replica, bounded in entries.
pub struct MemoryCache {
    state: Mutex<CacheState>,
    max_entries: usize,
}

impl MemoryCache {
    pub fn new(max_entries: usize) -> Self {
        MemoryCache {
            state: Mutex::default(),
            max_entries: max_entries.max(1),
        }
    }
}

#[async_trait]
impl CacheStore for MemoryCache {
    async fn get(&self, key: &str, resource: &'static str) -> StoreResult<Lookup> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        Ok(Lookup {
            hit: state
                .entries
                .get(key)
                .filter(|e| e.expires > Instant::now())
                .map(|e| e.response.clone()),
            generation: state.generations.get(resource).copied().unwrap_or(0),
        })
    }

    async fn put(
        &self,
        key: &str,
        resource: &'static str,
        response: &Answer,
        ttl: Duration,
        generation: u64,
    ) -> StoreResult<bool> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.generations.get(resource).copied().unwrap_or(0) != generation {
            return Ok(false);
        }
        let entries = &mut state.entries;
        let now = Instant::now();
        if entries.len() >= self.max_entries {
            entries.retain(|_, e| e.expires > now);
            if entries.len() >= self.max_entries {
                // Still full of live entries: drop the ones closest to expiry.
                let mut by_expiry: Vec<(Instant, String)> = entries
                    .iter()
                    .map(|(k, e)| (e.expires, k.clone()))
                    .collect();
                by_expiry.sort();
                for (_, k) in by_expiry.into_iter().take(self.max_entries / 4 + 1) {
                    entries.remove(&k);
                }
            }
        }
        entries.insert(
            key.to_owned(),
            CacheEntry {
                expires: now + ttl,
                resource,
                response: response.clone(),
            },
        );
        Ok(true)
    }

    async fn invalidate(&self, resources: &[&'static str]) -> StoreResult<()> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state
            .entries
            .retain(|_, e| !resources.contains(&e.resource));
        for resource in resources {
            *state.generations.entry(resource).or_default() += 1;
        }
        Ok(())
    }
}

enum Record {
    InProgress {
        expires: Instant,
    },
    Done {
        expires: Instant,
        fingerprint: String,
        response: Answer,
    },
}

/// Idempotency records of a single replica.
#[derive(Default)]
pub struct MemoryIdempotency {
    records: Mutex<HashMap<String, Record>>,
}

/// A claimed key is given up if its call has not finished after this long.
const IN_PROGRESS_TTL: Duration = Duration::from_secs(300);

#[async_trait]
impl IdempotencyStore for MemoryIdempotency {
    async fn begin(
        &self,
        key: &str,
        _fingerprint: &str,
        _ttl: Duration,
    ) -> StoreResult<IdempotencyState> {
        let mut records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        records.retain(|_, r| match r {
            Record::InProgress { expires } | Record::Done { expires, .. } => *expires > now,
        });
        match records.get(key) {
            Some(Record::InProgress { .. }) => Ok(IdempotencyState::InProgress),
            Some(Record::Done {
                fingerprint,
                response,
                ..
            }) => Ok(IdempotencyState::Done {
                fingerprint: fingerprint.clone(),
                response: response.clone(),
            }),
            None => {
                records.insert(
                    key.to_owned(),
                    Record::InProgress {
                        expires: now + IN_PROGRESS_TTL,
                    },
                );
                Ok(IdempotencyState::New)
            }
        }
    }

    async fn complete(
        &self,
        key: &str,
        fingerprint: &str,
        response: &Answer,
        ttl: Duration,
    ) -> StoreResult<()> {
        let mut records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        records.insert(
            key.to_owned(),
            Record::Done {
                expires: Instant::now() + ttl,
                fingerprint: fingerprint.to_owned(),
                response: response.clone(),
            },
        );
        Ok(())
    }

    async fn release(&self, key: &str) -> StoreResult<()> {
        let mut records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        if matches!(records.get(key), Some(Record::InProgress { .. })) {
            records.remove(key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    fn answer(status: u16) -> Answer {
        Answer {
            status: http::StatusCode::from_u16(status).expect("a status"),
            headers: Default::default(),
            body: bytes::Bytes::from(format!("{{\"status\":{status}}}")),
        }
    }

    use super::*;

    fn budget(limit: u32, window_s: u64) -> MemoryBudget {
        MemoryBudget::new(&[(
            "Heavy",
            GroupLimit {
                limit,
                window: Duration::from_secs(window_s),
            },
        )])
    }

    #[tokio::test(start_paused = true)]
    async fn grants_up_to_the_limit_then_says_how_long_to_wait() {
        let b = budget(2, 60);
        assert!(matches!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Granted(_)
        ));
        tokio::time::advance(Duration::from_secs(10)).await;
        assert!(matches!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Granted(_)
        ));
        assert_eq!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Wait(Duration::from_secs(50))
        );
        tokio::time::advance(Duration::from_secs(50)).await;
        assert!(matches!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Granted(_)
        ));
    }

    #[tokio::test(start_paused = true)]
    async fn a_caller_with_a_share_waits_while_others_go_on() {
        let b = budget(10, 60);
        let noisy = CallerShare {
            id: Arc::from("key:noisy"),
            share: 0.2,
        };
        for _ in 0..2 {
            assert!(matches!(
                b.try_acquire("Heavy", Some(&noisy)).await.unwrap(),
                Acquire::Granted(_)
            ));
        }
        tokio::time::advance(Duration::from_secs(15)).await;
        assert_eq!(
            b.try_acquire("Heavy", Some(&noisy)).await.unwrap(),
            Acquire::CallerWait(Duration::from_secs(45))
        );
        // Everyone else still has the other eight.
        for _ in 0..8 {
            assert!(matches!(
                b.try_acquire("Heavy", None).await.unwrap(),
                Acquire::Granted(_)
            ));
        }
        assert!(matches!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Wait(_)
        ));
        assert_eq!(
            CallerShare {
                id: Arc::from("x"),
                share: 0.01
            }
            .allowed(10),
            1
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_slot_counts_from_its_answer() {
        let b = budget(1, 60);
        let Acquire::Granted(slot) = b.try_acquire("Heavy", None).await.unwrap() else {
            panic!()
        };
        tokio::time::advance(Duration::from_secs(5)).await;
        b.answered("Heavy", slot, None).await.unwrap();
        tokio::time::advance(Duration::from_secs(58)).await;
        // 63 s after sending but only 58 s after the answer: still counted.
        assert_eq!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Wait(Duration::from_secs(2))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn headers_correct_limit_window_and_usage() {
        let b = budget(10, 60);
        let Acquire::Granted(slot) = b.try_acquire("Heavy", None).await.unwrap() else {
            panic!()
        };
        // RingCentral: limit 5 per 30 s, 2 left: 3 used although this replica sent 1.
        b.answered(
            "Heavy",
            slot,
            Some(Observed {
                limit: 5,
                remaining: 2,
                window: Duration::from_secs(30),
            }),
        )
        .await
        .unwrap();
        let state = b.snapshot().await.unwrap()[0];
        assert_eq!(
            (state.limit, state.remaining, state.window),
            (5, 2, Duration::from_secs(30))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_penalty_pauses_the_group() {
        let b = budget(10, 60);
        b.penalize("Heavy", Duration::from_secs(30)).await.unwrap();
        assert_eq!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Wait(Duration::from_secs(30))
        );
        tokio::time::advance(Duration::from_secs(30)).await;
        assert!(matches!(
            b.try_acquire("Heavy", None).await.unwrap(),
            Acquire::Granted(_)
        ));
    }

    #[tokio::test(start_paused = true)]
    async fn cache_entries_expire_and_are_invalidated_by_resource() {
        let cache = MemoryCache::new(100);
        let response = answer(200);
        let ttl = Duration::from_secs(10);
        assert!(
            cache
                .put("a", "extensions", &response, ttl, 0)
                .await
                .unwrap()
        );
        assert!(cache.put("b", "sites", &response, ttl, 0).await.unwrap());
        assert!(cache.get("a", "extensions").await.unwrap().hit.is_some());
        cache.invalidate(&["extensions"]).await.unwrap();
        let after = cache.get("a", "extensions").await.unwrap();
        assert!(after.hit.is_none());
        assert_eq!(after.generation, 1);
        assert!(cache.get("b", "sites").await.unwrap().hit.is_some());
        tokio::time::advance(Duration::from_secs(11)).await;
        assert!(cache.get("b", "sites").await.unwrap().hit.is_none());
    }

    #[tokio::test]
    async fn an_answer_fetched_before_a_write_is_not_cached_after_it() {
        let cache = MemoryCache::new(100);
        let response = answer(200);
        let ttl = Duration::from_secs(10);
        // A read looks up (generation 0), a write invalidates, then the read's
        // (pre-write) answer arrives.
        let seen = cache.get("a", "extensions").await.unwrap().generation;
        cache.invalidate(&["extensions"]).await.unwrap();
        assert!(
            !cache
                .put("a", "extensions", &response, ttl, seen)
                .await
                .unwrap()
        );
        assert!(cache.get("a", "extensions").await.unwrap().hit.is_none());
        // Other resources are unaffected.
        assert!(cache.put("b", "sites", &response, ttl, 0).await.unwrap());
    }

    #[tokio::test]
    async fn idempotency_keys_move_from_new_to_done() {
        let store = MemoryIdempotency::default();
        let ttl = Duration::from_secs(60);
        assert!(matches!(
            store.begin("k", "f", ttl).await.unwrap(),
            IdempotencyState::New
        ));
        assert!(matches!(
            store.begin("k", "f", ttl).await.unwrap(),
            IdempotencyState::InProgress
        ));
        let response = Answer {
            status: http::StatusCode::OK,
            headers: Default::default(),
            body: bytes::Bytes::from_static(b"{\"id\":1}"),
        };
        store.complete("k", "f", &response, ttl).await.unwrap();
        match store.begin("k", "f", ttl).await.unwrap() {
            IdempotencyState::Done {
                fingerprint,
                response,
            } => {
                assert_eq!(fingerprint, "f");
                assert_eq!(&response.body[..], b"{\"id\":1}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            store.begin("other", "f", ttl).await.unwrap(),
            IdempotencyState::New
        ));
        store.release("other").await.unwrap();
        assert!(matches!(
            store.begin("other", "f", ttl).await.unwrap(),
            IdempotencyState::New
        ));
    }
}

/// The caller tokens of one replica.
#[derive(Default)]
pub struct MemoryCallerTokens {
    tokens: Mutex<HashMap<String, CallerToken>>,
}

#[async_trait]
impl CallerTokenStore for MemoryCallerTokens {
    async fn save(&self, hash: &str, token: &CallerToken) -> StoreResult<()> {
        let mut tokens = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        let now = now_ms();
        tokens.retain(|_, t| t.expires_at_ms > now);
        tokens.insert(hash.to_owned(), token.clone());
        Ok(())
    }

    async fn lookup(&self, hash: &str) -> StoreResult<Option<CallerToken>> {
        let tokens = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        Ok(tokens
            .get(hash)
            .filter(|t| t.expires_at_ms > now_ms())
            .cloned())
    }

    async fn take(&self, hash: &str) -> StoreResult<Option<CallerToken>> {
        let mut tokens = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        Ok(tokens.remove(hash).filter(|t| t.expires_at_ms > now_ms()))
    }
}
