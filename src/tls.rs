//! TLS, and optionally client-certificate authentication (mTLS), on the gRPC and
//! HTTP/JSON listeners. The sidecar stays plain HTTP: kubelet probes, Prometheus and
//! the webhook ingress (behind its own TLS-terminating proxy) use it.
//!
//! Handshakes run in each connection's own task, so a slow or silent client never
//! holds up the accept loop.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

use crate::auth::PeerCert;

/// How long a client may take to finish the handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// TLS files.
#[derive(Debug, Clone)]
pub struct TlsSettings {
    pub cert_file: PathBuf,
    pub key_file: PathBuf,
    /// Clients must present a certificate signed by one of these CAs.
    pub client_ca_file: Option<PathBuf>,
}

fn certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{}: no certificate in it", path.display()));
    }
    Ok(certs)
}

/// The server configuration of one listener; `alpn` lists its protocols.
pub fn server_config(
    settings: &TlsSettings,
    alpn: &[&[u8]],
) -> Result<Arc<rustls::ServerConfig>, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let chain = certs(&settings.cert_file)?;
    let key = PrivateKeyDer::from_pem_file(&settings.key_file)
        .map_err(|e| format!("{}: {e}", settings.key_file.display()))?;
    let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let builder = match &settings.client_ca_file {
        Some(ca) => {
            let mut roots = rustls::RootCertStore::empty();
            for cert in certs(ca)? {
                roots
                    .add(cert)
                    .map_err(|e| format!("{}: {e}", ca.display()))?;
            }
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider,
            )
            .build()
            .map_err(|e| format!("{}: {e}", ca.display()))?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut config = builder
        .with_single_cert(chain, key)
        .map_err(|e| format!("{}: {e}", settings.cert_file.display()))?;
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Ok(Arc::new(config))
}

/// Handshakes TLS on accepted connections (the listener's accept loop owns the socket
/// and its connection slot; the handshake runs in the connection's own task, so a
/// slow or silent client holds only that slot).
#[derive(Clone)]
pub struct Acceptor(TlsAcceptor);

impl Acceptor {
    pub fn new(config: Arc<rustls::ServerConfig>) -> Self {
        Acceptor(TlsAcceptor::from(config))
    }

    /// The handshaken stream and the verified client certificate (with mTLS), or
    /// `None` when the handshake fails or takes longer than it may.
    pub async fn handshake(
        &self,
        tcp: TcpStream,
        idle_timeout: Duration,
    ) -> Option<(TlsStream<TcpStream>, Option<PeerCert>)> {
        let remote = tcp.peer_addr().ok();
        let limit = HANDSHAKE_TIMEOUT.min(idle_timeout);
        let stream = match tokio::time::timeout(limit, self.0.accept(tcp)).await {
            Ok(Ok(stream)) => stream,
            Ok(Err(e)) => {
                tracing::debug!(?remote, error = %e, "TLS handshake failed");
                return None;
            }
            Err(_) => {
                tracing::debug!(?remote, "TLS handshake timed out");
                return None;
            }
        };
        let peer = stream
            .get_ref()
            .1
            .peer_certificates()
            .and_then(|chain| chain.first())
            .map(fingerprint);
        Some((stream, peer))
    }
}

/// `cert:` and the first 16 hex digits of the certificate's SHA-256.
fn fingerprint(cert: &CertificateDer<'_>) -> PeerCert {
    let digest = Sha256::digest(cert.as_ref());
    PeerCert(Arc::from(format!("cert:{}", &hex::encode(digest)[..16])))
}
