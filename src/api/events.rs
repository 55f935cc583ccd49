//! `EventService.WatchEvents`: a resumable stream over the durable event log.

use std::pin::Pin;
use std::sync::Arc;

use futures::Stream;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status};
use tracing::Instrument;

use crate::error::Error;
use crate::events::hub::EventHub;
use crate::events::{LoggedEvent, Offset, Resume, payload};
use crate::proto::v1 as pb;
use crate::proto::v1::event_service_server::EventService;

/// Events read from the log per round.
const BATCH: usize = 256;

/// What the watch streams report (metrics).
pub trait WatchHooks: Send + Sync {
    fn subscribed(&self) {}
    fn unsubscribed(&self) {}
    fn delivered(&self) {}
}

/// Reports nothing.
pub struct NoHooks;
impl WatchHooks for NoHooks {}

/// The watch streams' metrics, registered into the gateway's registry.
pub struct WatchMetrics {
    subscribers: prometheus::IntGauge,
    delivered: prometheus::IntCounter,
    lag: prometheus::IntGauge,
}

impl WatchMetrics {
    pub fn register(r: &prometheus::Registry) -> prometheus::Result<Arc<Self>> {
        let subscribers =
            prometheus::IntGauge::new("event_stream_subscribers", "Open watch streams")?;
        r.register(Box::new(subscribers.clone()))?;
        let delivered = prometheus::IntCounter::new(
            "webhook_events_delivered_total",
            "Events sent to watch streams",
        )?;
        r.register(Box::new(delivered.clone()))?;
        let lag = prometheus::IntGauge::new(
            "event_stream_lag_events",
            "Events the furthest-behind watch stream has yet to send",
        )?;
        r.register(Box::new(lag.clone()))?;
        Ok(Arc::new(WatchMetrics {
            subscribers,
            delivered,
            lag,
        }))
    }

    /// Sets the lag gauge before a scrape (computed then from each stream's position).
    pub fn refresh(&self, furthest_behind: u64) {
        self.lag
            .set(i64::try_from(furthest_behind).unwrap_or(i64::MAX));
    }
}

impl WatchHooks for WatchMetrics {
    fn subscribed(&self) {
        self.subscribers.inc();
    }

    fn unsubscribed(&self) {
        self.subscribers.dec();
    }

    fn delivered(&self) {
        self.delivered.inc();
    }
}

pub struct EventApi {
    hub: Arc<EventHub>,
    shutdown: CancellationToken,
    hooks: Arc<dyn WatchHooks>,
}

impl EventApi {
    pub fn new(
        hub: Arc<EventHub>,
        shutdown: CancellationToken,
        hooks: Arc<dyn WatchHooks>,
    ) -> Self {
        EventApi {
            hub,
            shutdown,
            hooks,
        }
    }
}

/// The filters of one watch.
struct Filter {
    types: Vec<i32>,
    subscriptions: Vec<String>,
    extensions: Vec<String>,
    /// The accounts whose events the caller sees (`None`: every account).
    accounts: Option<Vec<Arc<str>>>,
}

impl Filter {
    fn wants(&self, event: &pb::Event) -> bool {
        self.accounts
            .as_ref()
            .is_none_or(|names| names.iter().any(|n| **n == event.account))
            && (self.types.is_empty() || self.types.contains(&event.r#type))
            && (self.subscriptions.is_empty()
                || self.subscriptions.contains(&event.subscription_id))
            && (self.extensions.is_empty() || self.extensions.contains(&event.extension_id))
    }
}

type EventStream = Pin<Box<dyn Stream<Item = Result<pb::Event, Status>> + Send>>;

/// Keeps the subscriber gauge right however the stream ends.
struct Watching(Arc<dyn WatchHooks>);

impl Drop for Watching {
    fn drop(&mut self) {
        self.0.unsubscribed();
    }
}

#[tonic::async_trait]
impl EventService for EventApi {
    type WatchEventsStream = EventStream;

    async fn watch_events(
        &self,
        request: Request<pb::WatchEventsRequest>,
    ) -> Result<Response<Self::WatchEventsStream>, Status> {
        let accounts = crate::accounts::visible(&request);
        let req = request.into_inner();
        let start = crate::api::convert::enum_value::<pb::StartPosition>("start", req.start)?;
        // Subscribe before deciding where to start, so nothing slips in between.
        let mut wake = self.hub.subscribe();
        let mut cursor: Option<Offset> = if !req.after_offset.is_empty() {
            let after: Offset = req.after_offset.parse().map_err(|_| {
                Error::invalid(
                    "afterOffset",
                    format!("{:?} is not an event offset", req.after_offset),
                )
            })?;
            match self
                .hub
                .log()
                .resume_after(after)
                .await
                .map_err(Error::from)?
            {
                Resume::Retained => {}
                Resume::Pruned => {
                    return Err(Status::out_of_range(format!(
                        "events after offset {after} are no longer retained; resume from the oldest (start=START_POSITION_OLDEST)"
                    )));
                }
                Resume::Unknown => {
                    return Err(Status::out_of_range(format!(
                        "offset {after} was never handed out by this event log (it is past the newest event); start from the newest or the oldest"
                    )));
                }
            }
            Some(after)
        } else if start == pb::StartPosition::Oldest {
            None
        } else {
            match self.hub.newest() {
                Some(newest) => Some(newest),
                None => self
                    .hub
                    .log()
                    .bounds()
                    .await
                    .map_err(Error::from)?
                    .map(|(_, newest)| newest),
            }
        };
        let filter = Filter {
            types: req.types,
            subscriptions: req.subscription_ids,
            extensions: req.extension_ids,
            accounts,
        };
        let hub = self.hub.clone();
        let shutdown = self.shutdown.clone();
        let hooks = self.hooks.clone();
        hooks.subscribed();
        let (tx, rx) = tokio::sync::mpsc::channel::<Result<pb::Event, Status>>(64);
        let position = hub.track(cursor);
        tokio::spawn(async move {
            let _watching = Watching(hooks.clone());
            loop {
                let batch: Vec<Arc<LoggedEvent>> = match hub.read_after(cursor, BATCH).await {
                    Ok(batch) => batch,
                    Err(e) => {
                        let _ = tx.send(Err(Error::from(e).into())).await;
                        return;
                    }
                };
                if batch.is_empty() {
                    tokio::select! {
                        () = shutdown.cancelled() => {
                            let _ = tx.send(Err(Status::unavailable("the gateway is shutting down; reconnect with your last offset"))).await;
                            return;
                        }
                        () = tx.closed() => return,
                        changed = wake.changed() => if changed.is_err() { return },
                    }
                    continue;
                }
                for logged in batch {
                    cursor = Some(logged.offset);
                    let event = payload::event(&logged);
                    if !filter.wants(&event) {
                        continue;
                    }
                    if tx.send(Ok(event)).await.is_err() {
                        return; // the watcher went away
                    }
                    hooks.delivered();
                }
                position.set(cursor);
            }
        }.instrument(tracing::Span::current()));
        Ok(Response::new(Box::pin(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        )))
    }
}
