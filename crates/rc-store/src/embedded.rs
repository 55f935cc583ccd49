//! The embedded durable store (redb, one file in DATA_DIR): the event log,
//! subscription bookkeeping and idempotency records of a single replica, surviving
//! restarts with no external service.
//!
//! All writes go through one writer thread that commits whatever is queued in one
//! transaction (group commit): each append is on disk before its caller is answered,
//! and a burst of webhooks costs one fsync per batch instead of one per event.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use async_trait::async_trait;
use redb::{Database, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableDefinition};
use tokio::sync::{mpsc, oneshot};

use crate::Answer;
use crate::events::{Appended, EventLog, LoggedEvent, NewEvent, Offset, Resume, now_ms};
use crate::{
    AccountStore, CallerToken, CallerTokenStore, IdempotencyState, IdempotencyStore, StoreError,
    StoreResult, StoredAccount, SubscriptionRecord, SubscriptionStore,
};

const EVENTS: TableDefinition<u64, &[u8]> = TableDefinition::new("events");
const EVENT_UUIDS: TableDefinition<&str, u64> = TableDefinition::new("event_uuids");
const SUBSCRIPTIONS: TableDefinition<&str, &[u8]> = TableDefinition::new("subscriptions");
const IDEMPOTENCY: TableDefinition<&str, &[u8]> = TableDefinition::new("idempotency");
const CALLER_TOKENS: TableDefinition<&str, &[u8]> = TableDefinition::new("caller_tokens");
const ACCOUNTS: TableDefinition<&str, &[u8]> = TableDefinition::new("accounts");
/// Counters that must outlive the rows they count.
const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// The next event offset. Kept apart from the events: once retention has dropped
/// them all, the last event no longer tells where numbering stopped, and reused
/// offsets would make resuming clients skip new events.
const NEXT_OFFSET: &str = "next_offset";

/// The file in DATA_DIR.
pub const FILE_NAME: &str = "rc-gateway.redb";

/// Most operations committed in one transaction.
const BATCH: usize = 2048;

/// Receives events once they are committed.
pub type Publisher = Arc<dyn Fn(Vec<LoggedEvent>) + Send + Sync>;

type Reply<T> = oneshot::Sender<StoreResult<T>>;

/// An answer held back until the batch's commit succeeded or failed.
type Deferred = Box<dyn FnOnce(Option<&StoreError>)>;

enum Op {
    Append(NewEvent, Reply<Appended>),
    PutSubscription(SubscriptionRecord, Reply<()>),
    RemoveSubscription(String, Reply<()>),
    IdemBegin(String, Reply<IdempotencyState>),
    IdemComplete(String, StoredAnswer, Reply<()>),
    IdemRelease(String, Reply<()>),
    PutToken(String, CallerToken, Reply<()>),
    TakeToken(String, Reply<Option<CallerToken>>),
    Prune(Duration, u64, Reply<u64>),
    PutAccount(StoredAccount, Reply<()>),
    RemoveAccount(String, Reply<bool>),
}

/// An idempotency record as stored.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredAnswer {
    expires_at_ms: u64,
    /// Empty while the first call is in progress.
    fingerprint: String,
    done: bool,
    /// The answer in its stored form ([`Answer::encode`]), base64.
    #[serde(default)]
    answer: Option<String>,
    // Records written before the stored form was shared kept only these.
    #[serde(default)]
    status: u16,
    #[serde(default)]
    body: String,
}

impl StoredAnswer {
    fn answer(&self) -> Answer {
        use base64::Engine;
        self.answer
            .as_deref()
            .and_then(|a| base64::engine::general_purpose::STANDARD.decode(a).ok())
            .and_then(|bytes| Answer::decode(&bytes))
            .unwrap_or_else(|| Answer {
                status: http::StatusCode::from_u16(self.status).unwrap_or(http::StatusCode::OK),
                headers: Default::default(),
                body: bytes::Bytes::from(self.body.clone()),
            })
    }
}

/// redb's page cache.
const CACHE_BYTES: usize = 8 * 1024 * 1024;

/// A claimed key is given up if its call has not finished after this long.
const IN_PROGRESS: Duration = Duration::from_secs(300);

pub struct EmbeddedStore {
    db: Arc<Database>,
    writes: mpsc::Sender<Op>,
    publisher: Arc<OnceLock<Publisher>>,
    pending: Mutex<HashMap<String, tokio::time::Instant>>,
    path: PathBuf,
}

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError(format!("embedded store: {e}"))
}

impl EmbeddedStore {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> StoreResult<Arc<Self>> {
        std::fs::create_dir_all(dir).map_err(|e| err(format!("{}: {e}", dir.display())))?;
        let path = dir.join(FILE_NAME);
        // redb caches up to 1 GiB by default; the log is written far more than it is
        // read back (watchers read recent events from the hub), so a small cache keeps
        // the gateway's memory flat.
        let db = redb::Builder::new()
            .set_cache_size(CACHE_BYTES)
            .create(&path)
            .map_err(|e| err(format!("{}: {e}", path.display())))?;
        {
            // Create the tables, so that readers never find them missing.
            let txn = db.begin_write().map_err(err)?;
            txn.open_table(EVENTS).map_err(err)?;
            txn.open_table(EVENT_UUIDS).map_err(err)?;
            txn.open_table(SUBSCRIPTIONS).map_err(err)?;
            txn.open_table(IDEMPOTENCY).map_err(err)?;
            txn.open_table(CALLER_TOKENS).map_err(err)?;
            txn.open_table(ACCOUNTS).map_err(err)?;
            txn.open_table(META).map_err(err)?;
            txn.commit().map_err(err)?;
        }
        let db = Arc::new(db);
        let (writes, ops) = mpsc::channel(65_536);
        let publisher: Arc<OnceLock<Publisher>> = Arc::default();
        let writer_db = db.clone();
        let writer_publisher = publisher.clone();
        std::thread::Builder::new()
            .name("rc-gateway-store".into())
            .spawn(move || writer(writer_db, ops, writer_publisher))
            .map_err(err)?;
        Ok(Arc::new(EmbeddedStore {
            db,
            writes,
            publisher,
            pending: Mutex::default(),
            path,
        }))
    }

    /// Where committed events go (the event hub); set once.
    pub fn set_publisher(&self, publisher: Publisher) {
        let _ = self.publisher.set(publisher);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    async fn request<T>(&self, make: impl FnOnce(Reply<T>) -> Op) -> StoreResult<T> {
        let (tx, rx) = oneshot::channel();
        self.writes
            .send(make(tx))
            .await
            .map_err(|_| err("the writer has stopped"))?;
        rx.await.map_err(|_| err("the writer has stopped"))?
    }

    /// Runs a read on the blocking pool (redb reads may touch the disk).
    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Database) -> StoreResult<T> + Send + 'static,
    ) -> StoreResult<T> {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || f(&db))
            .await
            .map_err(|e| err(format!("read task: {e}")))?
    }
}

/// The writer thread: commits queued operations in batches until the store is dropped.
fn writer(db: Arc<Database>, mut ops: mpsc::Receiver<Op>, publisher: Arc<OnceLock<Publisher>>) {
    let mut next = match next_offset(&db) {
        Ok(next) => next,
        Err(e) => {
            tracing::error!(error = %e, "embedded store unreadable");
            return;
        }
    };
    while let Some(first) = ops.blocking_recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match ops.try_recv() {
                Ok(op) => batch.push(op),
                Err(_) => break,
            }
        }
        let mut committed = Vec::new();
        let mut replies: Vec<Deferred> = Vec::with_capacity(batch.len());
        let result = (|| -> StoreResult<()> {
            let txn = db.begin_write().map_err(err)?;
            {
                let mut events = txn.open_table(EVENTS).map_err(err)?;
                let mut uuids = txn.open_table(EVENT_UUIDS).map_err(err)?;
                let mut subscriptions = txn.open_table(SUBSCRIPTIONS).map_err(err)?;
                let mut idempotency = txn.open_table(IDEMPOTENCY).map_err(err)?;
                let mut tokens = txn.open_table(CALLER_TOKENS).map_err(err)?;
                let mut accounts = txn.open_table(ACCOUNTS).map_err(err)?;
                let first_offset = next;
                for op in batch {
                    match op {
                        Op::Append(event, reply) => {
                            let existing = uuids
                                .get(event.dedupe_key().as_ref())
                                .map_err(err)?
                                .map(|v| v.value());
                            let appended = match existing {
                                Some(offset) => Appended {
                                    offset: Offset::sequence(offset),
                                    new: false,
                                },
                                None => {
                                    let offset = next;
                                    next += 1;
                                    let logged = LoggedEvent {
                                        offset: Offset::sequence(offset),
                                        received_at_ms: now_ms(),
                                        event,
                                    };
                                    let bytes = serde_json::to_vec(&logged).map_err(err)?;
                                    events.insert(offset, bytes.as_slice()).map_err(err)?;
                                    uuids
                                        .insert(logged.event.dedupe_key().as_ref(), offset)
                                        .map_err(err)?;
                                    committed.push(logged);
                                    Appended {
                                        offset: Offset::sequence(offset),
                                        new: true,
                                    }
                                }
                            };
                            replies.push(answer(reply, appended));
                        }
                        Op::PutSubscription(record, reply) => {
                            let bytes = serde_json::to_vec(&record).map_err(err)?;
                            subscriptions
                                .insert(record.id.as_str(), bytes.as_slice())
                                .map_err(err)?;
                            replies.push(answer(reply, ()));
                        }
                        Op::PutAccount(account, reply) => {
                            let bytes = serde_json::to_vec(&account).map_err(err)?;
                            accounts
                                .insert(account.id.as_str(), bytes.as_slice())
                                .map_err(err)?;
                            replies.push(answer(reply, ()));
                        }
                        Op::RemoveAccount(id, reply) => {
                            let removed = accounts.remove(id.as_str()).map_err(err)?.is_some();
                            replies.push(answer(reply, removed));
                        }
                        Op::RemoveSubscription(id, reply) => {
                            subscriptions.remove(id.as_str()).map_err(err)?;
                            replies.push(answer(reply, ()));
                        }
                        Op::IdemBegin(key, reply) => {
                            let now = now_ms();
                            let found: Option<StoredAnswer> = idempotency
                                .get(key.as_str())
                                .map_err(err)?
                                .and_then(|v| serde_json::from_slice(v.value()).ok())
                                .filter(|a: &StoredAnswer| a.expires_at_ms > now);
                            let state = match found {
                                Some(a) if a.done => IdempotencyState::Done {
                                    response: a.answer(),
                                    fingerprint: a.fingerprint,
                                },
                                Some(_) => IdempotencyState::InProgress,
                                None => {
                                    let claim = StoredAnswer {
                                        expires_at_ms: now + IN_PROGRESS.as_millis() as u64,
                                        fingerprint: String::new(),
                                        done: false,
                                        answer: None,
                                        status: 0,
                                        body: String::new(),
                                    };
                                    let bytes = serde_json::to_vec(&claim).map_err(err)?;
                                    idempotency
                                        .insert(key.as_str(), bytes.as_slice())
                                        .map_err(err)?;
                                    IdempotencyState::New
                                }
                            };
                            replies.push(answer(reply, state));
                        }
                        Op::IdemComplete(key, stored, reply) => {
                            let bytes = serde_json::to_vec(&stored).map_err(err)?;
                            idempotency
                                .insert(key.as_str(), bytes.as_slice())
                                .map_err(err)?;
                            replies.push(answer(reply, ()));
                        }
                        Op::IdemRelease(key, reply) => {
                            let in_progress = idempotency
                                .get(key.as_str())
                                .map_err(err)?
                                .and_then(|v| {
                                    serde_json::from_slice::<StoredAnswer>(v.value()).ok()
                                })
                                .is_some_and(|a| !a.done);
                            if in_progress {
                                idempotency.remove(key.as_str()).map_err(err)?;
                            }
                            replies.push(answer(reply, ()));
                        }
                        Op::PutToken(hash, token, reply) => {
                            let bytes = serde_json::to_vec(&token).map_err(err)?;
                            tokens
                                .insert(hash.as_str(), bytes.as_slice())
                                .map_err(err)?;
                            replies.push(answer(reply, ()));
                        }
                        Op::TakeToken(hash, reply) => {
                            let taken = tokens
                                .remove(hash.as_str())
                                .map_err(err)?
                                .and_then(|v| serde_json::from_slice::<CallerToken>(v.value()).ok())
                                .filter(|t| t.expires_at_ms > now_ms());
                            replies.push(answer(reply, taken));
                        }
                        Op::Prune(max_age, max_events, reply) => {
                            prune_tokens(&mut tokens)?;
                            let dropped = prune(
                                &mut events,
                                &mut uuids,
                                &mut idempotency,
                                max_age,
                                max_events,
                            )?;
                            replies.push(answer(reply, dropped));
                        }
                    }
                }
                if next != first_offset {
                    txn.open_table(META)
                        .map_err(err)?
                        .insert(NEXT_OFFSET, next)
                        .map_err(err)?;
                }
            }
            txn.commit().map_err(err)
        })();
        match &result {
            Ok(()) => {
                for reply in replies {
                    reply(None);
                }
                if !committed.is_empty()
                    && let Some(publish) = publisher.get()
                {
                    publish(committed);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "embedded store write failed");
                // The transaction rolled back: offsets handed out in it are free again.
                next = next_offset(&db).unwrap_or(next);
                for reply in replies {
                    reply(Some(e));
                }
            }
        }
    }
}

/// A deferred answer: sent the value after the commit, or the commit's error.
fn answer<T: Send + 'static>(reply: Reply<T>, value: T) -> Deferred {
    Box::new(move |failure| {
        let _ = reply.send(match failure {
            None => Ok(value),
            Some(e) => Err(e.clone()),
        });
    })
}

fn next_offset(db: &Database) -> StoreResult<u64> {
    let txn = db.begin_read().map_err(err)?;
    let events = txn.open_table(EVENTS).map_err(err)?;
    let after_last = events
        .last()
        .map_err(err)?
        .map_or(1, |(k, _)| k.value() + 1);
    // Stores written before the counter existed have only their events to go by.
    let kept = txn
        .open_table(META)
        .map_err(err)?
        .get(NEXT_OFFSET)
        .map_err(err)?
        .map_or(1, |v| v.value());
    Ok(after_last.max(kept))
}

/// Drops expired caller tokens (with the event log's pruning, once a minute or so).
fn prune_tokens(tokens: &mut redb::Table<&str, &[u8]>) -> StoreResult<()> {
    let now = now_ms();
    let expired: Vec<String> = tokens
        .iter()
        .map_err(err)?
        .filter_map(|entry| entry.ok())
        .filter(|(_, v)| {
            serde_json::from_slice::<CallerToken>(v.value())
                .map_or(true, |t| t.expires_at_ms <= now)
        })
        .map(|(k, _)| k.value().to_owned())
        .collect();
    for hash in expired {
        tokens.remove(hash.as_str()).map_err(err)?;
    }
    Ok(())
}

fn prune(
    events: &mut redb::Table<u64, &[u8]>,
    uuids: &mut redb::Table<&str, u64>,
    idempotency: &mut redb::Table<&str, &[u8]>,
    max_age: Duration,
    max_events: u64,
) -> StoreResult<u64> {
    let cutoff = now_ms().saturating_sub(max_age.as_millis() as u64);
    let total = events.len().map_err(err)?;
    let over = total.saturating_sub(max_events);
    let mut dropped = 0u64;
    loop {
        let Some((offset, logged)) = events.first().map_err(err)?.map(|(k, v)| {
            (
                k.value(),
                serde_json::from_slice::<LoggedEvent>(v.value()).ok(),
            )
        }) else {
            break;
        };
        let too_old = logged.as_ref().is_none_or(|l| l.received_at_ms < cutoff);
        if dropped >= over && !too_old {
            break;
        }
        events.remove(offset).map_err(err)?;
        if let Some(logged) = logged {
            uuids
                .remove(logged.event.dedupe_key().as_ref())
                .map_err(err)?;
        }
        dropped += 1;
    }
    let now = now_ms();
    idempotency
        .retain(|_, v| {
            serde_json::from_slice::<StoredAnswer>(v).is_ok_and(|a| a.expires_at_ms > now)
        })
        .map_err(err)?;
    Ok(dropped)
}

#[async_trait]
impl EventLog for EmbeddedStore {
    async fn append(&self, event: NewEvent) -> StoreResult<Appended> {
        self.request(|reply| Op::Append(event, reply)).await
    }

    async fn read_after(
        &self,
        after: Option<Offset>,
        limit: usize,
    ) -> StoreResult<Vec<LoggedEvent>> {
        let start = after.map_or(0, |o| o.major.saturating_add(1));
        self.read(move |db| {
            let txn = db.begin_read().map_err(err)?;
            let events = txn.open_table(EVENTS).map_err(err)?;
            let mut out = Vec::with_capacity(limit.min(1024));
            for entry in events.range(start..).map_err(err)?.take(limit) {
                let (_, value) = entry.map_err(err)?;
                out.push(serde_json::from_slice(value.value()).map_err(err)?);
            }
            Ok(out)
        })
        .await
    }

    async fn bounds(&self) -> StoreResult<Option<(Offset, Offset)>> {
        self.read(|db| {
            let txn = db.begin_read().map_err(err)?;
            let events = txn.open_table(EVENTS).map_err(err)?;
            let first = events.first().map_err(err)?.map(|(k, _)| k.value());
            let last = events.last().map_err(err)?.map(|(k, _)| k.value());
            Ok(first
                .zip(last)
                .map(|(a, b)| (Offset::sequence(a), Offset::sequence(b))))
        })
        .await
    }

    async fn resume_after(&self, after: Offset) -> StoreResult<Resume> {
        let next = self.read(next_offset).await?;
        if after.stream_id || after.major >= next {
            return Ok(Resume::Unknown);
        }
        let first_kept = self
            .bounds()
            .await?
            .map_or(next, |(oldest, _)| oldest.major);
        // Offsets count up by one: the next event after `after` must still be there.
        Ok(if after.major + 1 >= first_kept {
            Resume::Retained
        } else {
            Resume::Pruned
        })
    }

    async fn prune(&self, max_age: Duration, max_events: u64) -> StoreResult<u64> {
        self.request(|reply| Op::Prune(max_age, max_events, reply))
            .await
    }
}

#[async_trait]
impl CallerTokenStore for EmbeddedStore {
    async fn save(&self, hash: &str, token: &CallerToken) -> StoreResult<()> {
        let (hash, token) = (hash.to_owned(), token.clone());
        self.request(|reply| Op::PutToken(hash, token, reply)).await
    }

    async fn lookup(&self, hash: &str) -> StoreResult<Option<CallerToken>> {
        let hash = hash.to_owned();
        self.read(move |db| {
            let txn = db.begin_read().map_err(err)?;
            let table = txn.open_table(CALLER_TOKENS).map_err(err)?;
            let value = table.get(hash.as_str()).map_err(err)?;
            Ok(value
                .and_then(|v| serde_json::from_slice::<CallerToken>(v.value()).ok())
                .filter(|t| t.expires_at_ms > now_ms()))
        })
        .await
    }

    async fn take(&self, hash: &str) -> StoreResult<Option<CallerToken>> {
        let hash = hash.to_owned();
        self.request(|reply| Op::TakeToken(hash, reply)).await
    }
}

#[async_trait]
impl AccountStore for EmbeddedStore {
    async fn list(&self) -> StoreResult<Vec<StoredAccount>> {
        self.read(|db| {
            let txn = db.begin_read().map_err(err)?;
            let table = txn.open_table(ACCOUNTS).map_err(err)?;
            let mut out = Vec::new();
            for entry in table.iter().map_err(err)? {
                let (_, value) = entry.map_err(err)?;
                out.push(serde_json::from_slice(value.value()).map_err(err)?);
            }
            Ok(out)
        })
        .await
    }

    async fn get(&self, id: &str) -> StoreResult<Option<StoredAccount>> {
        let id = id.to_owned();
        self.read(move |db| {
            let txn = db.begin_read().map_err(err)?;
            let table = txn.open_table(ACCOUNTS).map_err(err)?;
            let value = table.get(id.as_str()).map_err(err)?;
            value
                .map(|v| serde_json::from_slice(v.value()).map_err(err))
                .transpose()
        })
        .await
    }

    async fn put(&self, account: &StoredAccount) -> StoreResult<()> {
        let account = account.clone();
        self.request(|reply| Op::PutAccount(account, reply)).await
    }

    async fn remove(&self, id: &str) -> StoreResult<bool> {
        let id = id.to_owned();
        self.request(|reply| Op::RemoveAccount(id, reply)).await
    }
}

#[async_trait]
impl SubscriptionStore for EmbeddedStore {
    async fn put(&self, record: &SubscriptionRecord) -> StoreResult<()> {
        let record = record.clone();
        self.request(|reply| Op::PutSubscription(record, reply))
            .await
    }

    async fn get(&self, id: &str) -> StoreResult<Option<SubscriptionRecord>> {
        let id = id.to_owned();
        self.read(move |db| {
            let txn = db.begin_read().map_err(err)?;
            let table = txn.open_table(SUBSCRIPTIONS).map_err(err)?;
            let value = table.get(id.as_str()).map_err(err)?;
            value
                .map(|v| serde_json::from_slice(v.value()).map_err(err))
                .transpose()
        })
        .await
    }

    async fn remove(&self, id: &str) -> StoreResult<()> {
        let id = id.to_owned();
        self.request(|reply| Op::RemoveSubscription(id, reply))
            .await
    }

    async fn list(&self) -> StoreResult<Vec<SubscriptionRecord>> {
        self.read(|db| {
            let txn = db.begin_read().map_err(err)?;
            let table = txn.open_table(SUBSCRIPTIONS).map_err(err)?;
            let mut out = Vec::new();
            for entry in table.iter().map_err(err)? {
                let (_, value) = entry.map_err(err)?;
                out.push(serde_json::from_slice(value.value()).map_err(err)?);
            }
            Ok(out)
        })
        .await
    }

    async fn put_pending(&self, token_hash: &str, ttl: Duration) -> StoreResult<()> {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let now = tokio::time::Instant::now();
        pending.retain(|_, until| *until > now);
        pending.insert(token_hash.to_owned(), now + ttl);
        Ok(())
    }

    async fn is_pending(&self, token_hash: &str) -> StoreResult<bool> {
        let pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        Ok(pending
            .get(token_hash)
            .is_some_and(|until| *until > tokio::time::Instant::now()))
    }

    async fn remove_pending(&self, token_hash: &str) -> StoreResult<()> {
        self.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(token_hash);
        Ok(())
    }

    async fn try_lease(&self, _id: &str, _holder: &str, _ttl: Duration) -> StoreResult<bool> {
        // One replica owns the embedded store, and with it every subscription.
        Ok(true)
    }
}

#[async_trait]
impl IdempotencyStore for EmbeddedStore {
    async fn begin(
        &self,
        key: &str,
        _fingerprint: &str,
        _ttl: Duration,
    ) -> StoreResult<IdempotencyState> {
        let key = key.to_owned();
        self.request(|reply| Op::IdemBegin(key, reply)).await
    }

    async fn complete(
        &self,
        key: &str,
        fingerprint: &str,
        response: &Answer,
        ttl: Duration,
    ) -> StoreResult<()> {
        let stored = StoredAnswer {
            expires_at_ms: now_ms() + ttl.as_millis() as u64,
            fingerprint: fingerprint.to_owned(),
            done: true,
            answer: Some({
                use base64::Engine;
                base64::engine::general_purpose::STANDARD.encode(response.encode())
            }),
            status: 0,
            body: String::new(),
        };
        let key = key.to_owned();
        self.request(|reply| Op::IdemComplete(key, stored, reply))
            .await
    }

    async fn release(&self, key: &str) -> StoreResult<()> {
        let key = key.to_owned();
        self.request(|reply| Op::IdemRelease(key, reply)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("rcgw-store-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn event(uuid: &str) -> NewEvent {
        NewEvent {
            uuid: uuid.to_owned(),
            event: "/restapi/v1.0/account/1/extension/2".to_owned(),
            subscription_id: "s".to_owned(),
            owner_id: None,
            timestamp: None,
            body: serde_json::json!({"extensionId": "2"}),
            account: None,
        }
    }

    #[tokio::test]
    async fn accounts_are_kept_and_removed() {
        let dir = temp_dir();
        let store = EmbeddedStore::open(&dir).unwrap();
        let account = StoredAccount {
            id: "acme".into(),
            sealed: "c2VhbGVk".into(),
            version: 3,
        };
        AccountStore::put(&*store, &account).await.unwrap();
        drop(store);
        let store = loop {
            match EmbeddedStore::open(&dir) {
                Ok(store) => break store,
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        };
        assert_eq!(
            AccountStore::list(&*store).await.unwrap(),
            std::slice::from_ref(&account)
        );
        assert_eq!(
            AccountStore::get(&*store, "acme").await.unwrap(),
            Some(account)
        );
        assert_eq!(AccountStore::get(&*store, "globex").await.unwrap(), None);
        assert!(AccountStore::remove(&*store, "acme").await.unwrap());
        assert!(!AccountStore::remove(&*store, "acme").await.unwrap());
        assert!(AccountStore::list(&*store).await.unwrap().is_empty());
        drop(store);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn a_uuid_is_a_duplicate_only_within_its_account() {
        let dir = temp_dir();
        let store = EmbeddedStore::open(&dir).unwrap();
        let of = |account: Option<&str>| NewEvent {
            account: account.map(str::to_owned),
            ..event("same")
        };
        assert!(store.append(of(None)).await.unwrap().new);
        assert!(store.append(of(Some("acme"))).await.unwrap().new);
        assert!(store.append(of(Some("globex"))).await.unwrap().new);
        assert!(!store.append(of(Some("acme"))).await.unwrap().new);
        assert!(!store.append(of(None)).await.unwrap().new);
        let read = store.read_after(None, 10).await.unwrap();
        let accounts: Vec<_> = read.iter().map(|e| e.event.account.as_deref()).collect();
        assert_eq!(accounts, [None, Some("acme"), Some("globex")]);
        drop(store);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn appends_are_numbered_deduplicated_and_survive_a_reopen() {
        let dir = temp_dir();
        {
            let store = EmbeddedStore::open(&dir).unwrap();
            let a = store.append(event("u1")).await.unwrap();
            let b = store.append(event("u2")).await.unwrap();
            let again = store.append(event("u1")).await.unwrap();
            assert_eq!((a.offset, a.new), (Offset::sequence(1), true));
            assert_eq!(b.offset, Offset::sequence(2));
            assert_eq!((again.offset, again.new), (Offset::sequence(1), false));
        }
        // The writer thread exits once the store is dropped; wait for the file lock.
        let store = loop {
            match EmbeddedStore::open(&dir) {
                Ok(store) => break store,
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        };
        let all = store.read_after(None, 10).await.unwrap();
        assert_eq!(
            all.iter()
                .map(|e| e.event.uuid.as_str())
                .collect::<Vec<_>>(),
            ["u1", "u2"]
        );
        let after = store
            .read_after(Some(Offset::sequence(1)), 10)
            .await
            .unwrap();
        assert_eq!(after.len(), 1);
        assert_eq!(
            store.append(event("u3")).await.unwrap().offset,
            Offset::sequence(3)
        );
        assert!(!store.append(event("u2")).await.unwrap().new);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn concurrent_appends_share_commits() {
        let dir = temp_dir();
        let store = EmbeddedStore::open(&dir).unwrap();
        let appends = (0..500).map(|i| {
            let store = store.clone();
            tokio::spawn(async move { store.append(event(&format!("u{i}"))).await.unwrap() })
        });
        let mut offsets: Vec<u64> = futures::future::join_all(appends)
            .await
            .into_iter()
            .map(|r| r.unwrap().offset.major)
            .collect();
        offsets.sort_unstable();
        assert_eq!(offsets, (1..=500).collect::<Vec<_>>());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn pruning_keeps_the_newest_and_reports_gaps() {
        let dir = temp_dir();
        let store = EmbeddedStore::open(&dir).unwrap();
        for i in 0..10 {
            store.append(event(&format!("u{i}"))).await.unwrap();
        }
        assert_eq!(store.prune(Duration::from_secs(3600), 4).await.unwrap(), 6);
        let (oldest, newest) = store.bounds().await.unwrap().unwrap();
        assert_eq!((oldest.major, newest.major), (7, 10));
        let resume = |n| store.resume_after(Offset::sequence(n));
        assert_eq!(resume(6).await.unwrap(), Resume::Retained);
        assert_eq!(resume(10).await.unwrap(), Resume::Retained);
        assert_eq!(resume(5).await.unwrap(), Resume::Pruned);
        assert_eq!(resume(11).await.unwrap(), Resume::Unknown);
        // A pruned uuid may come back as a new event.
        assert!(store.append(event("u0")).await.unwrap().new);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn offsets_are_never_reused_after_everything_was_pruned() {
        let dir = temp_dir();
        {
            let store = EmbeddedStore::open(&dir).unwrap();
            for i in 0..5 {
                store.append(event(&format!("u{i}"))).await.unwrap();
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
            assert_eq!(store.prune(Duration::ZERO, 100).await.unwrap(), 5);
            assert!(store.bounds().await.unwrap().is_none());
            let resume = |n| store.resume_after(Offset::sequence(n));
            assert_eq!(resume(5).await.unwrap(), Resume::Retained);
            assert_eq!(resume(4).await.unwrap(), Resume::Pruned);
            assert_eq!(resume(6).await.unwrap(), Resume::Unknown);
        }
        let store = loop {
            match EmbeddedStore::open(&dir) {
                Ok(store) => break store,
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        };
        // A client that saw offset 5 before the restart gets the next event.
        let next = store.append(event("new")).await.unwrap();
        assert_eq!(next.offset, Offset::sequence(6));
        let after = store
            .read_after(Some(Offset::sequence(5)), 10)
            .await
            .unwrap();
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].event.uuid, "new");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn subscription_records_and_idempotency_answers_are_kept() {
        let dir = temp_dir();
        let store = EmbeddedStore::open(&dir).unwrap();
        let record = SubscriptionRecord {
            id: "sub-1".into(),
            token_hash: "h".into(),
            event_filters: vec!["/restapi/v1.0/account/~/extension".into()],
            address: "https://x/api/webhooks/events".into(),
            expires_in: Some(60),
            expires_at_ms: 1,
            created_at_ms: 1,
        };
        SubscriptionStore::put(&*store, &record).await.unwrap();
        assert_eq!(
            SubscriptionStore::get(&*store, "sub-1").await.unwrap(),
            Some(record)
        );
        assert_eq!(SubscriptionStore::list(&*store).await.unwrap().len(), 1);
        SubscriptionStore::remove(&*store, "sub-1").await.unwrap();
        assert!(
            SubscriptionStore::get(&*store, "sub-1")
                .await
                .unwrap()
                .is_none()
        );

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
            body: bytes::Bytes::from_static(b"{\"id\":7}"),
        };
        store.complete("k", "f", &response, ttl).await.unwrap();
        let IdempotencyState::Done {
            fingerprint,
            response,
        } = store.begin("k", "f", ttl).await.unwrap()
        else {
            panic!("done")
        };
        assert_eq!(fingerprint, "f");
        assert_eq!(&response.body[..], b"{\"id\":7}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn caller_tokens_expire_and_are_taken_once() {
        use crate::{CallerToken, CallerTokenStore, TokenKind};
        let dir = temp_dir();
        let token = |expires_at_ms| CallerToken {
            caller: "key:reader".into(),
            key_id: Some("reader".into()),
            scopes: "extensions:read".into(),
            share: 1.0,
            kind: TokenKind::Refresh,
            account: None,
            pair: "other".into(),
            expires_at_ms,
        };
        let store = EmbeddedStore::open(&dir).unwrap();
        let live = token(now_ms() + 60_000);
        store.save("live", &live).await.unwrap();
        store.save("expired", &token(now_ms() - 1)).await.unwrap();
        assert_eq!(store.lookup("live").await.unwrap(), Some(live.clone()));
        assert_eq!(store.lookup("expired").await.unwrap(), None);
        assert_eq!(store.take("expired").await.unwrap(), None);
        assert_eq!(store.take("live").await.unwrap(), Some(live));
        assert_eq!(store.take("live").await.unwrap(), None);
        assert_eq!(store.lookup("live").await.unwrap(), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
