//! Serves an axum app on a listener, plain or TLS, with the header limits the gateway
//! promises and graceful shutdown. Written on hyper-util rather than `axum::serve`,
//! which has no setting for header sizes and no way to attach a connection's client
//! certificate to its requests.

use std::convert::Infallible;
use std::time::Duration;

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;

use crate::auth::PeerCert;
use crate::tls::TlsConn;

/// Where connections come from.
pub enum Incoming {
    Plain(TcpListener),
    /// Handshaken TLS connections from [`crate::tls::accept`].
    Tls(mpsc::Receiver<TlsConn>),
}

/// Limits of one HTTP listener.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest request header block (HTTP/1 and HTTP/2).
    pub max_header_bytes: usize,
}

/// A connection's byte stream, plain or TLS.
trait Io: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send {}
impl<T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send> Io for T {}

type Conn = (Box<dyn Io>, Option<PeerCert>);

impl Incoming {
    async fn next(&mut self) -> Option<Conn> {
        match self {
            Incoming::Plain(listener) => loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        let _ = stream.set_nodelay(true);
                        return Some((Box::new(stream), None));
                    }
                    Err(e) => {
                        // Out of file descriptors and the like: pause, then go on.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            },
            Incoming::Tls(rx) => rx.recv().await.map(|conn| {
                let peer = conn.info().peer.clone();
                (Box::new(conn) as Box<dyn Io>, peer)
            }),
        }
    }
}

/// Serves `app` until `shutdown`, then lets open requests finish.
pub async fn serve_http(
    mut incoming: Incoming,
    app: axum::Router,
    limits: Limits,
    shutdown: CancellationToken,
    name: &'static str,
) {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    // The HTTP/JSON router refuses heads over the limit with a JSON error; hyper's
    // own (bare) 431 is a backstop well above it. hyper refuses a buffer below 8 KiB.
    builder
        .http1()
        .max_buf_size((limits.max_header_bytes * 4).max(64 * 1024))
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30));
    builder
        .http2()
        .max_header_list_size(u32::try_from(limits.max_header_bytes).unwrap_or(u32::MAX))
        .timer(hyper_util::rt::TokioTimer::new());
    let graceful = GracefulShutdown::new();
    loop {
        let conn = tokio::select! {
            () = shutdown.cancelled() => break,
            conn = incoming.next() => match conn {
                Some(conn) => conn,
                None => break,
            },
        };
        let (io, peer) = conn;
        let service = app
            .clone()
            .map_request(
                move |mut request: axum::extract::Request<hyper::body::Incoming>| {
                    if let Some(peer) = &peer {
                        request.extensions_mut().insert::<PeerCert>(peer.clone());
                    }
                    request
                },
            )
            .map_err(|never: Infallible| match never {});
        let conn = builder
            .serve_connection_with_upgrades(TokioIo::new(io), TowerToHyperService::new(service))
            .into_owned();
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, server = name, "connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
}
