//! The authentication layer of the shared gRPC service stack (direct gRPC calls and
//! transcoded HTTP/JSON calls alike): refuses a call before any work is done, or
//! records its caller in the request's [`CallContext`].

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::{Authenticator, Caller, Denied, PeerCert};
use crate::context::CallContext;
use crate::error::Error;

#[derive(Clone)]
pub struct AuthLayer {
    auth: Arc<Authenticator>,
}

impl AuthLayer {
    pub fn new(auth: Arc<Authenticator>) -> Self {
        AuthLayer { auth }
    }
}

impl<S> tower::Layer<S> for AuthLayer {
    type Service = Auth<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Auth {
            inner,
            layer: self.clone(),
        }
    }
}

#[derive(Clone)]
pub struct Auth<S> {
    inner: S,
    layer: AuthLayer,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = Result<T, Infallible>> + Send>>;

impl<S> tower::Service<http::Request<tonic::body::Body>> for Auth<S>
where
    S: tower::Service<
            http::Request<tonic::body::Body>,
            Response = http::Response<tonic::body::Body>,
            Error = Infallible,
        >,
    S::Future: Send + 'static,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Self::Response>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<tonic::body::Body>) -> Self::Future {
        // The transcoder authenticates HTTP callers before it parses their request,
        // and hands the caller over in-process (extensions never come off the wire).
        let checked = match request.extensions().get::<Arc<Caller>>() {
            Some(caller) => Ok(caller.clone()),
            None => {
                let peer = request.extensions().get::<PeerCert>();
                self.layer
                    .auth
                    .check_path(request.headers(), peer, request.uri().path())
            }
        };
        match checked {
            Ok(caller) => {
                // Handlers have no use for the credential: it goes no further.
                request.headers_mut().remove(http::header::AUTHORIZATION);
                request.headers_mut().remove("x-api-key");
                if let Some(ctx) = request.extensions_mut().get_mut::<CallContext>() {
                    ctx.caller = Some(caller.clone());
                }
                request.extensions_mut().insert(caller.clone());
                let future = self.inner.call(request);
                Box::pin(async move {
                    let Ok(mut response) = future.await;
                    // For the audit trail, which sits outside this layer.
                    response.extensions_mut().insert(caller);
                    Ok(response)
                })
            }
            Err(denied) => {
                let known = match &denied {
                    Denied::Scope { caller, .. } => Some(Arc::new(Caller {
                        id: caller.clone(),
                        share: 1.0,
                    })),
                    _ => None,
                };
                let mut response = Error::from(denied).to_status().into_http();
                if let Some(caller) = known {
                    response.extensions_mut().insert(caller);
                }
                Box::pin(std::future::ready(Ok(response)))
            }
        }
    }
}
