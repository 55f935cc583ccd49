//! The innermost layer: one shared reqwest client (one connection pool for all calls).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Once};
use std::task::{Context, Poll};
use std::time::Duration;

use http::header;

use super::{RcRequest, RcResponse, UpstreamError};

/// Sends requests to RingCentral's base URL.
#[derive(Clone)]
pub struct Transport {
    client: reqwest::Client,
    /// Parsed once: each request only sets its path, so that scheme and host are not
    /// parsed (and IDNA-checked) again per request.
    base: Arc<reqwest::Url>,
    /// The base URL's own path, without a trailing slash (usually empty).
    base_path: Arc<str>,
}

impl Transport {
    /// A transport for `base_url` (no trailing slash needed).
    pub fn new(base_url: &reqwest::Url) -> Self {
        Transport {
            client: http_client(),
            base_path: base_url.path().trim_end_matches('/').into(),
            base: Arc::new(base_url.clone()),
        }
    }
}

/// Installs ring as the process's TLS crypto provider, once. reqwest and the Redis
/// client are built without a default provider (ring builds far faster than aws-lc on
/// small machines), so everything that opens TLS connections calls this first.
pub fn install_crypto_provider() {
    static PROVIDER: Once = Once::new();
    PROVIDER.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The process's HTTP client for upstream calls.
pub fn http_client() -> reqwest::Client {
    install_crypto_provider();
    reqwest::Client::builder()
        .user_agent(concat!("rc-gateway/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(5))
        .pool_idle_timeout(Duration::from_secs(90))
        .tcp_nodelay(true)
        .build()
        .expect("the HTTP client builds with static settings")
}

impl tower::Service<RcRequest> for Transport {
    type Response = RcResponse;
    type Error = UpstreamError;
    type Future = Pin<Box<dyn Future<Output = Result<RcResponse, UpstreamError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: RcRequest) -> Self::Future {
        let client = self.client.clone();
        let mut url = (*self.base).clone();
        if self.base_path.is_empty() {
            url.set_path(&req.path);
        } else {
            url.set_path(&format!("{}{}", self.base_path, req.path));
        }
        Box::pin(async move {
            if !req.query.is_empty() {
                url.query_pairs_mut()
                    .extend_pairs(req.query.iter().map(|(k, v)| (*k, v.as_str())));
            }
            let mut builder = client
                .request(req.op.method.clone(), url)
                .header(header::ACCEPT, "application/json")
                .header(crate::context::REQUEST_ID_HEADER, &*req.ctx.request_id);
            if let Some(traceparent) = &req.traceparent {
                builder = builder.header("traceparent", &**traceparent);
            }
            if let Some(auth) = req.authorization {
                builder = builder.header(header::AUTHORIZATION, auth);
            }
            if let Some(body) = req.body {
                builder = builder
                    .header(header::CONTENT_TYPE, body.content_type)
                    .body(body.bytes);
            }
            let mut response = builder.send().await.map_err(classify)?;
            let status = response.status();
            let headers = std::mem::take(response.headers_mut());
            let body = response.bytes().await.map_err(classify)?;
            Ok(RcResponse {
                status,
                headers,
                body,
            })
        })
    }
}

fn classify(err: reqwest::Error) -> UpstreamError {
    // Connect first: a connection that timed out while being set up carried no
    // request, so even a create may be sent again.
    if err.is_connect() {
        UpstreamError::Connect(err.to_string())
    } else if err.is_timeout() {
        UpstreamError::Timeout
    } else {
        UpstreamError::Io(err.to_string())
    }
}
