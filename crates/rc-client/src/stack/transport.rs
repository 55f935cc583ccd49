//! The innermost layer: one shared, pooled HTTP client for every call to RingCentral.
//!
//! Built on hyper's client directly rather than reqwest: reqwest parses each request's
//! URL again for its redirect policy (twice per call, with IDNA checks of the host),
//! which measured as a tenth of the gateway's CPU per proxied call. Here the base URL
//! is parsed once, and no redirect is ever followed (an API answer that redirects is
//! an error, not a place to send the bearer token).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Once};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::uri::{Authority, PathAndQuery, Scheme};
use http::{HeaderValue, Request, Uri, header};
use http_body_util::{BodyExt, Either, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use super::body::{BoxError, StreamBody};
use super::{Content, RcRequest, RcResponse, UpstreamError};

/// The largest answer read from RingCentral (a page of 1,000 detailed call-log records
/// is a few MB); a larger one is refused rather than buffered.
const MAX_ANSWER_BYTES: usize = 64 * 1024 * 1024;

/// A request body: whole (most calls), or streamed from the caller.
type UpstreamBody = Either<Full<Bytes>, StreamBody>;

type UpstreamClient = Client<HttpsConnector<HttpConnector>, UpstreamBody>;

/// The pooled HTTP client behind transports: one per process, shared by every
/// account's transport (each client carries its TLS roots and pool, which a thousand
/// accounts must not multiply).
#[derive(Clone)]
pub struct Connector(UpstreamClient);

impl Connector {
    pub fn new() -> Self {
        Connector(upstream_client())
    }
}

impl Default for Connector {
    fn default() -> Self {
        Self::new()
    }
}

/// Sends requests to RingCentral's base URL.
#[derive(Clone)]
pub struct Transport {
    client: UpstreamClient,
    /// Scheme and host of the base URL, parsed once.
    scheme: Scheme,
    authority: Authority,
    /// The base URL's own path, without a trailing slash (usually empty).
    base_path: Arc<str>,
    user_agent: HeaderValue,
}

impl Transport {
    /// A transport for `base_url` (no trailing slash needed).
    pub fn new(base_url: &url::Url) -> Self {
        Self::with_connector(&Connector::new(), base_url)
    }

    /// A transport for `base_url` over a shared connector.
    pub fn with_connector(connector: &Connector, base_url: &url::Url) -> Self {
        let uri: Uri = base_url
            .as_str()
            .parse()
            .expect("a parsed URL is a valid URI");
        let parts = uri.into_parts();
        Transport {
            client: connector.0.clone(),
            scheme: parts.scheme.unwrap_or(Scheme::HTTPS),
            authority: parts
                .authority
                .expect("RC_SERVER_URL is checked to have a host"),
            base_path: base_url.path().trim_end_matches('/').into(),
            user_agent: HeaderValue::from_static(concat!("rc-gateway/", env!("CARGO_PKG_VERSION"))),
        }
    }

    fn uri(&self, req: &RcRequest) -> Result<Uri, UpstreamError> {
        let mut target = String::with_capacity(self.base_path.len() + req.path.len() + 64);
        target.push_str(&self.base_path);
        target.push_str(&req.path);
        if !req.query.is_empty() {
            target.push('?');
            let start = target.len();
            let mut query = form_urlencoded::Serializer::for_suffix(&mut target, start);
            query.extend_pairs(req.query.iter().map(|(k, v)| (k.as_ref(), v.as_str())));
            query.finish();
        }
        let path_and_query = PathAndQuery::try_from(target)
            .map_err(|e| UpstreamError::Io(format!("request target: {e}")))?;
        Uri::builder()
            .scheme(self.scheme.clone())
            .authority(self.authority.clone())
            .path_and_query(path_and_query)
            .build()
            .map_err(|e| UpstreamError::Io(format!("request URI: {e}")))
    }
}

/// Installs ring as the process's TLS crypto provider, once. The TLS clients are built
/// without a default provider (ring builds far faster than aws-lc on small machines),
/// so everything that opens TLS connections calls this first.
pub fn install_crypto_provider() {
    static PROVIDER: Once = Once::new();
    PROVIDER.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// The pooled client for RingCentral: TLS verified against the platform's roots,
/// HTTP/2 when RingCentral offers it (ALPN), else HTTP/1.1 keep-alive.
fn upstream_client() -> UpstreamClient {
    use rustls_platform_verifier::ConfigVerifierExt;
    install_crypto_provider();
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_nodelay(true);
    http.set_connect_timeout(Some(Duration::from_secs(5)));
    let tls = rustls::ClientConfig::with_platform_verifier()
        .expect("the platform's certificate verifier is available");
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .wrap_connector(http);
    Client::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(90))
        .build(https)
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
        let uri = self.uri(&req);
        let user_agent = self.user_agent.clone();
        Box::pin(async move {
            let mut builder = Request::builder()
                .method(req.op.method.clone())
                .uri(uri?)
                .header(header::ACCEPT, accept(req.op))
                .header(header::USER_AGENT, user_agent)
                .header(crate::context::REQUEST_ID_HEADER, &*req.ctx.request_id);
            if let Some(traceparent) = &req.traceparent {
                builder = builder.header("traceparent", &**traceparent);
            }
            if let Some(auth) = req.authorization {
                builder = builder.header(header::AUTHORIZATION, auth);
            }
            let body = match req.body {
                Some(body) => {
                    builder = builder.header(header::CONTENT_TYPE, body.content_type.clone());
                    match body.content {
                        Content::Whole(bytes) => Either::Left(Full::new(bytes)),
                        Content::Streamed(upload) => {
                            if let Some(length) = upload.length {
                                builder = builder.header(header::CONTENT_LENGTH, length);
                            }
                            Either::Right(upload.take().ok_or_else(|| {
                                UpstreamError::Io("the streamed body was already sent".into())
                            })?)
                        }
                    }
                }
                None => Either::Left(Full::default()),
            };
            let request = builder
                .body(body)
                .map_err(|e| UpstreamError::Io(format!("request: {e}")))?;
            let response = client.request(request).await.map_err(classify)?;
            let (parts, body) = response.into_parts();
            // A binary success answer goes to the caller as it arrives.
            if let Some(download) = &req.download
                && parts.status.is_success()
                && !is_json(&parts.headers)
            {
                download.put(body.map_err(BoxError::from).boxed_unsync());
                return Ok(RcResponse {
                    status: parts.status,
                    headers: parts.headers,
                    body: Bytes::new(),
                });
            }
            let body = Limited::new(body, MAX_ANSWER_BYTES)
                .collect()
                .await
                .map_err(|e| UpstreamError::Io(format!("reading the answer: {e}")))?
                .to_bytes();
            Ok(RcResponse {
                status: parts.status,
                headers: parts.headers,
                body,
            })
        })
    }
}

/// What the operation answers: JSON, or for binary content whatever RingCentral has.
fn accept(op: &rc_spec::ops::Operation) -> HeaderValue {
    HeaderValue::from_static(if op.binary_answer {
        "*/*"
    } else {
        "application/json"
    })
}

fn is_json(headers: &http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"))
}

fn classify(err: hyper_util::client::legacy::Error) -> UpstreamError {
    // A connection that could not be set up (refused, or timed out while connecting)
    // carried no request, so even a create may be sent again.
    if err.is_connect() {
        UpstreamError::Connect(error_chain(&err))
    } else {
        UpstreamError::Io(error_chain(&err))
    }
}

/// The error with its causes: hyper's top-level messages alone ("client error
/// (Connect)") do not say what happened.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stack::testing::request;
    use rc_spec::ops;

    #[tokio::test]
    async fn request_targets_keep_the_base_path_and_encode_the_query() {
        let base = url::Url::parse("https://platform.example.com/ringcentral/").unwrap();
        let transport = Transport::new(&base);
        let mut req = request(&ops::LIST_EXTENSIONS);
        req.path = "/restapi/v1.0/account/~/extension".into();
        req.query = vec![
            ("email".into(), "a+b@example.com".into()),
            ("type".into(), "User".into()),
        ];
        let uri = transport.uri(&req).unwrap();
        assert_eq!(
            uri.to_string(),
            "https://platform.example.com/ringcentral/restapi/v1.0/account/~/extension?email=a%2Bb%40example.com&type=User"
        );
    }

    #[tokio::test]
    async fn a_refused_connection_is_a_connect_error() {
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = closed.local_addr().unwrap().port();
        drop(closed);
        let base = url::Url::parse(&format!("http://127.0.0.1:{port}")).unwrap();
        let mut transport = Transport::new(&base);
        let err = tower::Service::call(&mut transport, request(&ops::READ_EXTENSION))
            .await
            .unwrap_err();
        assert!(matches!(err, UpstreamError::Connect(_)), "{err:?}");
    }
}
