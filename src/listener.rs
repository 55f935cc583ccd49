//! Serves one listener: accepts connections (TLS when configured), runs HTTP/1 and
//! HTTP/2 (or HTTP/2 only, for gRPC) on hyper, and keeps what a flood of idle or
//! slow clients can hold bounded:
//!
//! - a cap on open connections (`MAX_CONNECTIONS`): past it, a connection gets a
//!   short refusal (an HTTP 503, or an HTTP/2 GOAWAY on the gRPC port) and is closed;
//! - an idle timeout (`CONNECTION_IDLE_TIMEOUT`) before the first request and
//!   between requests: hyper has none before a connection's first byte;
//! - HTTP/2 keep-alive pings (`HTTP2_KEEPALIVE_INTERVAL`, `_TIMEOUT`), so that a
//!   dead peer does not hold a long stream open;
//! - a cap on calls in flight (`MAX_IN_FLIGHT_REQUESTS`): past it, a call is answered
//!   at once with `UNAVAILABLE` / 503 and `Retry-After`.
//!
//! Written on hyper-util rather than `axum::serve` or tonic's server, which have no
//! setting for either cap or for the first-byte timeout, and so that all three
//! listeners share one connection policy.

use std::convert::Infallible;
use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::{Request, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use prometheus::{IntCounterVec, IntGaugeVec, Opts, Registry};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

use crate::auth::PeerCert;
use crate::error::Error;

/// How long a refused connection is kept to deliver its refusal.
const REFUSAL_LINGER: Duration = Duration::from_millis(500);
/// Refusals being delivered at once; beyond this, connections are simply closed.
const MAX_REFUSING: usize = 256;
/// How long a connection closed for idleness gets to send its GOAWAY.
const CLOSE_GRACE: Duration = Duration::from_secs(1);

/// The connection policy of every listener.
#[derive(Debug, Clone, Copy)]
pub struct ListenerConfig {
    /// Largest request head (HTTP/1 and HTTP/2).
    pub max_header_bytes: usize,
    /// A connection with no call in flight for this long is closed (also before its
    /// first request).
    pub idle_timeout: Duration,
    /// Open connections per listener.
    pub max_connections: usize,
    /// Calls in flight per listener (streams count while they run).
    pub max_in_flight: usize,
    /// HTTP/2 ping interval on a connection, and how long an answer may take.
    pub keepalive_interval: Duration,
    pub keepalive_timeout: Duration,
}

impl Default for ListenerConfig {
    fn default() -> Self {
        ListenerConfig {
            max_header_bytes: 16 * 1024,
            idle_timeout: Duration::from_secs(60),
            max_connections: 10_000,
            max_in_flight: 10_000,
            keepalive_interval: Duration::from_secs(30),
            keepalive_timeout: Duration::from_secs(20),
        }
    }
}

/// What a listener speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// HTTP/1.1 and HTTP/2 (HTTP/JSON, the sidecar).
    Http,
    /// HTTP/2 only (gRPC).
    Grpc,
}

/// The listeners' metrics, registered once into the gateway's registry.
#[derive(Clone)]
pub struct ListenerMetrics {
    connections: IntGaugeVec,
    connections_refused: IntCounterVec,
    connections_idle_closed: IntCounterVec,
    in_flight: IntGaugeVec,
    requests_refused: IntCounterVec,
}

impl ListenerMetrics {
    pub fn register(registry: &Registry) -> Result<Self, prometheus::Error> {
        let gauge = |name: &str, help: &str| -> Result<IntGaugeVec, prometheus::Error> {
            let g = IntGaugeVec::new(Opts::new(name, help), &["listener"])?;
            registry.register(Box::new(g.clone()))?;
            Ok(g)
        };
        let counter = |name: &str, help: &str| -> Result<IntCounterVec, prometheus::Error> {
            let c = IntCounterVec::new(Opts::new(name, help), &["listener"])?;
            registry.register(Box::new(c.clone()))?;
            Ok(c)
        };
        let metrics = ListenerMetrics {
            connections: gauge("listener_connections", "Open connections")?,
            connections_refused: counter(
                "listener_connections_refused_total",
                "Connections refused because the listener had MAX_CONNECTIONS open",
            )?,
            connections_idle_closed: counter(
                "listener_connections_idle_closed_total",
                "Connections closed after CONNECTION_IDLE_TIMEOUT without a call",
            )?,
            in_flight: gauge("listener_requests_in_flight", "Calls being served")?,
            requests_refused: counter(
                "listener_requests_refused_total",
                "Calls refused because MAX_IN_FLIGHT_REQUESTS were in flight",
            )?,
        };
        for listener in ["grpc", "http", "sidecar"] {
            metrics.connections.with_label_values(&[listener]);
            metrics.connections_refused.with_label_values(&[listener]);
            metrics
                .connections_idle_closed
                .with_label_values(&[listener]);
            metrics.in_flight.with_label_values(&[listener]);
            metrics.requests_refused.with_label_values(&[listener]);
        }
        Ok(metrics)
    }
}

/// One listening socket and how its connections are opened.
pub struct Listener {
    pub tcp: TcpListener,
    /// TLS (and client certificates) on its connections.
    pub tls: Option<crate::tls::Acceptor>,
}

/// A connection's byte stream, plain or TLS.
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// What every connection of a listener shares.
struct Shared {
    name: &'static str,
    protocol: Protocol,
    config: ListenerConfig,
    in_flight: AtomicUsize,
    metrics: ListenerMetrics,
    started: Instant,
}

/// Serves `app` on `listener` until `shutdown`, then lets open calls finish.
pub async fn serve<S, B>(
    listener: Listener,
    app: S,
    protocol: Protocol,
    config: ListenerConfig,
    metrics: ListenerMetrics,
    shutdown: CancellationToken,
    name: &'static str,
) where
    S: tower::Service<Request<Incoming>, Response = Response<B>, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let shared = Arc::new(Shared {
        name,
        protocol,
        config,
        in_flight: AtomicUsize::new(0),
        metrics,
        started: Instant::now(),
    });
    let builder = Arc::new(builder(protocol, &config));
    let slots = Arc::new(Semaphore::new(config.max_connections));
    let refusing = Arc::new(Semaphore::new(MAX_REFUSING));
    let tasks = TaskTracker::new();
    loop {
        let (tcp, _) = tokio::select! {
            () = shutdown.cancelled() => break,
            accepted = listener.tcp.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: pause, then go on.
                    tracing::warn!(error = %e, listener = name, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = tcp.set_nodelay(true);
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            shared
                .metrics
                .connections_refused
                .with_label_values(&[name])
                .inc();
            tracing::warn!(
                listener = name,
                limit = config.max_connections,
                "connection refused: MAX_CONNECTIONS open"
            );
            if let Ok(permit) = refusing.clone().try_acquire_owned() {
                let plain = listener.tls.is_none();
                tasks.spawn(async move {
                    if plain {
                        refuse(tcp, protocol).await;
                    }
                    drop(permit);
                });
            }
            continue;
        };
        let shared = shared.clone();
        let builder = builder.clone();
        let app = app.clone();
        let tls = listener.tls.clone();
        let shutdown = shutdown.clone();
        tasks.spawn(async move {
            let _slot = slot;
            let gauge = shared.metrics.connections.with_label_values(&[shared.name]);
            gauge.inc();
            let (io, peer): (Box<dyn Io>, Option<PeerCert>) = match tls {
                None => (Box::new(tcp), None),
                Some(acceptor) => match acceptor.handshake(tcp, shared.config.idle_timeout).await {
                    Some((stream, peer)) => (Box::new(stream), peer),
                    None => {
                        gauge.dec();
                        return;
                    }
                },
            };
            connection(io, peer, app, &builder, &shared, shutdown).await;
            gauge.dec();
        });
    }
    tasks.close();
    tasks.wait().await;
}

fn builder(protocol: Protocol, config: &ListenerConfig) -> auto::Builder<TokioExecutor> {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    // The HTTP/JSON router refuses heads over the limit with a JSON error; hyper's
    // own (bare) 431 is a backstop well above it. hyper refuses a buffer below 8 KiB.
    builder
        .http1()
        .max_buf_size((config.max_header_bytes * 4).max(64 * 1024))
        .timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30));
    builder
        .http2()
        .max_header_list_size(u32::try_from(config.max_header_bytes).unwrap_or(u32::MAX))
        .keep_alive_interval(Some(config.keepalive_interval))
        .keep_alive_timeout(config.keepalive_timeout)
        .timer(TokioTimer::new());
    if protocol == Protocol::Grpc {
        builder = builder.http2_only();
    }
    builder
}

/// A connection's activity: calls in flight, and when it last changed (ms since the
/// listener started), for the idle timeout.
struct Activity {
    in_flight: AtomicUsize,
    changed_ms: AtomicU64,
}

impl Activity {
    fn touch(&self, shared: &Shared) {
        let ms = shared.started.elapsed().as_millis() as u64;
        self.changed_ms.store(ms, Ordering::Release);
    }

    /// When the connection counts as idle, if nothing happens before.
    fn idle_at(&self, shared: &Shared) -> Instant {
        shared.started
            + Duration::from_millis(self.changed_ms.load(Ordering::Acquire))
            + shared.config.idle_timeout
    }
}

/// Runs one connection until it ends, goes idle, or the listener shuts down.
async fn connection<S, B>(
    io: Box<dyn Io>,
    peer: Option<PeerCert>,
    app: S,
    builder: &auto::Builder<TokioExecutor>,
    shared: &Arc<Shared>,
    shutdown: CancellationToken,
) where
    S: tower::Service<Request<Incoming>, Response = Response<B>, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let activity = Arc::new(Activity {
        in_flight: AtomicUsize::new(0),
        changed_ms: AtomicU64::new(0),
    });
    activity.touch(shared);
    let service = Admit {
        inner: app,
        shared: shared.clone(),
        activity: activity.clone(),
        peer,
    };
    let conn =
        builder.serve_connection_with_upgrades(TokioIo::new(io), TowerToHyperService::new(service));
    let mut conn = pin!(conn);
    let mut closing = false;
    loop {
        let idle_at = activity.idle_at(shared);
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, listener = shared.name, "connection ended with an error");
                }
                return;
            }
            () = shutdown.cancelled(), if !closing => {
                closing = true;
                conn.as_mut().graceful_shutdown();
            }
            () = tokio::time::sleep_until(idle_at), if !closing => {
                if activity.in_flight.load(Ordering::Acquire) == 0 && Instant::now() >= activity.idle_at(shared) {
                    shared.metrics.connections_idle_closed.with_label_values(&[shared.name]).inc();
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(CLOSE_GRACE, conn.as_mut()).await;
                    return;
                }
            }
        }
    }
}

/// Writes a refusal the client can read, then closes: an HTTP/1.1 503 on HTTP
/// listeners, an HTTP/2 server preface and GOAWAY on the gRPC one.
async fn refuse(mut tcp: TcpStream, protocol: Protocol) {
    let bytes = match protocol {
        Protocol::Http => {
            let body = format!(
                "{{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"the gateway has as many connections open as it takes; retry shortly\",\"requestId\":\"{}\"}}",
                crate::context::new_request_id()
            );
            format!(
                "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
                body.len()
            )
            .into_bytes()
        }
        Protocol::Grpc => {
            let debug = b"too many connections";
            let mut frames = vec![0, 0, 0, 4, 0, 0, 0, 0, 0]; // an empty SETTINGS frame
            let len = (8 + debug.len()) as u32;
            frames.extend_from_slice(&len.to_be_bytes()[1..]);
            frames.extend_from_slice(&[7, 0, 0, 0, 0, 0]); // GOAWAY on stream 0
            frames.extend_from_slice(&0u32.to_be_bytes()); // last stream id
            frames.extend_from_slice(&0xbu32.to_be_bytes()); // ENHANCE_YOUR_CALM
            frames.extend_from_slice(debug);
            frames
        }
    };
    let _ = tokio::time::timeout(REFUSAL_LINGER, async {
        tcp.write_all(&bytes).await?;
        tcp.shutdown().await?;
        // Read what the client sent, so that closing does not reset the connection
        // before it has read the refusal.
        let mut sink = [0u8; 4096];
        while tcp.read(&mut sink).await? > 0 {}
        Ok::<_, std::io::Error>(())
    })
    .await;
}

/// Per connection: counts calls in flight (a call lasts until its body has been
/// sent or dropped), refuses calls past the listener's cap, and hands the client
/// certificate to the call.
#[derive(Clone)]
struct Admit<S> {
    inner: S,
    shared: Arc<Shared>,
    activity: Arc<Activity>,
    peer: Option<PeerCert>,
}

/// Held while a call is in flight.
struct InFlight {
    shared: Arc<Shared>,
    activity: Arc<Activity>,
}

impl InFlight {
    fn enter(shared: &Arc<Shared>, activity: &Arc<Activity>) -> Option<Self> {
        let before = shared.in_flight.fetch_add(1, Ordering::AcqRel);
        if before >= shared.config.max_in_flight {
            shared.in_flight.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        activity.touch(shared);
        shared
            .metrics
            .in_flight
            .with_label_values(&[shared.name])
            .inc();
        Some(InFlight {
            shared: shared.clone(),
            activity: activity.clone(),
        })
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.shared.in_flight.fetch_sub(1, Ordering::AcqRel);
        self.activity.in_flight.fetch_sub(1, Ordering::AcqRel);
        self.activity.touch(&self.shared);
        self.shared
            .metrics
            .in_flight
            .with_label_values(&[self.shared.name])
            .dec();
    }
}

type BoxBody =
    http_body_util::combinators::UnsyncBoxBody<Bytes, Box<dyn std::error::Error + Send + Sync>>;

impl<S, B> tower::Service<Request<Incoming>> for Admit<S>
where
    S: tower::Service<Request<Incoming>, Response = Response<B>, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = Response<BoxBody>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut request: Request<Incoming>) -> Self::Future {
        use http_body_util::BodyExt;
        let Some(guard) = InFlight::enter(&self.shared, &self.activity) else {
            self.shared
                .metrics
                .requests_refused
                .with_label_values(&[self.shared.name])
                .inc();
            let refusal = overloaded(self.shared.protocol, self.shared.config.max_in_flight);
            return Box::pin(async move { Ok(refusal) });
        };
        if let Some(peer) = &self.peer {
            request.extensions_mut().insert::<PeerCert>(peer.clone());
        }
        let inner = self.inner.clone();
        Box::pin(async move {
            let response = match inner.oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            Ok(response.map(|body| {
                Guarded {
                    inner: body,
                    _guard: guard,
                }
                .map_err(Into::into)
                .boxed_unsync()
            }))
        })
    }
}

pin_project_lite::pin_project! {
    /// A response body that keeps its call in flight until it is sent or dropped.
    struct Guarded<B> {
        #[pin]
        inner: B,
        _guard: InFlight,
    }
}

impl<B: http_body::Body> http_body::Body for Guarded<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<B::Data>, B::Error>>> {
        self.project().inner.poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// The answer to a call past `MAX_IN_FLIGHT_REQUESTS`.
fn overloaded(protocol: Protocol, limit: usize) -> Response<BoxBody> {
    use http_body_util::BodyExt;
    let err = Error::Overloaded { limit };
    match protocol {
        Protocol::Grpc => err
            .to_status()
            .into_http::<tonic::body::Body>()
            .map(|b| b.map_err(Into::into).boxed_unsync()),
        Protocol::Http => {
            let request_id = crate::context::new_request_id();
            crate::transcode::error_response(&err, &request_id)
                .map(|b| b.map_err(Into::into).boxed_unsync())
        }
    }
}
