//! The authentication step of the inbound stack (direct gRPC calls and transcoded
//! HTTP/JSON calls alike): refuses a call before any work is done, or records its
//! caller in the request's [`CallContext`].

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;

use super::scopes::Need;
use super::{Authenticator, Caller, Denied, PeerCert};
use crate::context::CallContext;
use crate::error::Error;
use crate::inbound::{Answer, Call, Step, StepLayer, forward};

/// Caller authentication as a step.
pub struct Authenticate {
    auth: Arc<Authenticator>,
}

/// Caller authentication as a layer of the inbound stack.
pub type AuthLayer = StepLayer<Authenticate>;

impl AuthLayer {
    pub fn with(auth: Arc<Authenticator>) -> Self {
        StepLayer::new(Authenticate { auth })
    }
}

impl Step for Authenticate {
    fn call<S>(&self, mut call: Call, next: S) -> impl Future<Output = Answer> + Send + 'static
    where
        S: tower::Service<Call, Response = Answer, Error = Infallible> + Send + 'static,
        S::Future: Send + 'static,
    {
        let peer = call.extensions().get::<PeerCert>();
        let path = call.uri().path();
        // An RPC that calls any RingCentral operation checks that operation's scope
        // itself, with the caller's grants.
        let checked = match self.auth.need(path) {
            Some(Need::PerOperation) => {
                self.auth.authenticate(call.headers(), peer).map(|granted| {
                    let caller = granted.caller.clone();
                    call.extensions_mut().insert(granted);
                    caller
                })
            }
            Some(Need::Scope(required)) => self.auth.check(call.headers(), peer, Some(required)),
            // A path no service serves needs no scope: any authenticated caller gets its
            // UNIMPLEMENTED.
            None => self.auth.check(call.headers(), peer, None),
        };
        async move {
            match checked {
                Ok(caller) => {
                    // Handlers have no use for the credential: it goes no further.
                    call.headers_mut().remove(http::header::AUTHORIZATION);
                    call.headers_mut().remove("x-api-key");
                    if let Some(ctx) = call.extensions_mut().get_mut::<CallContext>() {
                        ctx.caller = Some(caller.clone());
                    }
                    let mut answer = forward(next, call).await;
                    // For the audit trail, which sits outside this step.
                    answer.extensions_mut().insert(caller);
                    answer
                }
                Err(denied) => {
                    let known = match &denied {
                        Denied::Scope { caller, .. } => Some(Arc::new(Caller {
                            id: caller.clone(),
                            share: 1.0,
                        })),
                        _ => None,
                    };
                    let mut answer = Error::from(denied).to_status().into_http();
                    if let Some(caller) = known {
                        answer.extensions_mut().insert(caller);
                    }
                    answer
                }
            }
        }
    }
}
