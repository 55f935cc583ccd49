//! HTTP/JSON access to the gRPC services, generated from their `google.api.http`
//! annotations, plus the OpenAPI document and a `/docs` page derived from them.
//!
//! Written here over prost-reflect rather than taken from a crate: the transcoder
//! calls the tonic services in-process through the same tower stack as the gRPC
//! listener (so request context and caller authentication apply to both alike,
//! which bridges that call service traits directly bypass), and it renders the
//! gateway's own error body (code, message, RingCentral errorCode, request id).

mod docs;
mod duplicates;
pub mod grpc;
mod json;
mod openapi;
mod render;
mod request;
pub mod rules;
mod template;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use futures::StreamExt;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use prost_reflect::ReflectMessage;

pub use grpc::GrpcService;
pub use render::{code_name, status_name};
pub use rules::Found;
use rules::{Route, RouteTable};

use crate::auth::{Authenticator, PeerCert};
use crate::context::{IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER, RequestId};
use crate::error::Error;

/// Request headers handed to the gRPC services as metadata.
const FORWARDED_HEADERS: &[&str] = &[
    REQUEST_ID_HEADER,
    IDEMPOTENCY_KEY_HEADER,
    "authorization",
    "x-api-key",
    // The account of the call (`RC-Account`).
    crate::accounts::binding::HEADER,
    "traceparent",
    "tracestate",
    "user-agent",
    "cache-control",
    // A deadline for HTTP callers, in gRPC's own format (as grpc-gateway accepts it).
    "grpc-timeout",
];

/// The transcoding HTTP router's shared state.
#[derive(Clone)]
pub struct Transcoder {
    inner: Arc<Inner>,
}

struct Inner {
    routes: &'static RouteTable,
    grpc: GrpcService,
    settings: Settings,
    openapi: Bytes,
    docs: Bytes,
}

/// The HTTP/JSON surface's limits, and what its OpenAPI document states of this
/// deployment.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Largest request body.
    pub max_body_bytes: usize,
    /// Largest request head: request line and headers.
    pub max_header_bytes: usize,
    /// The one delivery address subscriptions accept (the gateway's own ingress).
    pub webhook_url: Option<String>,
}

impl Transcoder {
    /// Reads the routes of every service in the gateway's proto package.
    pub fn new(
        grpc: GrpcService,
        auth: &Authenticator,
        settings: Settings,
    ) -> Result<Self, String> {
        let routes = rules::table()?;
        let openapi = Bytes::from(openapi::document(routes.routes(), auth, &settings));
        Ok(Transcoder {
            inner: Arc::new(Inner {
                routes,
                grpc,
                settings,
                openapi,
                docs: Bytes::from_static(docs::PAGE.as_bytes()),
            }),
        })
    }

    /// The route (and its variable bindings) for a request.
    pub fn find(&self, method: &Method, path: &str) -> Found {
        self.inner.routes.find(method, path)
    }
}

/// The route a request was matched to by the listener's observation layer, which
/// matches it once for its metric label; the transcoder takes it from there.
#[derive(Clone)]
pub struct Matched(pub Found);

/// The HTTP/JSON router: transcoded routes, `/openapi.json` and `/docs`.
pub fn router(transcoder: Transcoder) -> Router {
    Router::new()
        .route("/openapi.json", get(openapi_document))
        .route("/docs", get(docs_page))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(transcode)
        .layer(axum::middleware::from_fn_with_state(
            transcoder.clone(),
            head_limit,
        ))
        .with_state(transcoder)
}

/// Refuses a request head over `MAX_HEADER_BYTES` with the gateway's JSON error
/// (hyper's own limit, set higher, only catches heads far beyond it).
async fn head_limit(
    State(t): State<Transcoder>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    let limit = t.inner.settings.max_header_bytes;
    let size = request.method().as_str().len()
        + request.uri().to_string().len()
        + request
            .headers()
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + 4)
            .sum::<usize>();
    if limit > 0 && size > limit {
        return error(
            &Error::HeadersTooLarge { limit },
            &request_id(request.headers()),
        );
    }
    next.run(request).await
}

async fn openapi_document(State(t): State<Transcoder>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        t.inner.openapi.clone(),
    )
        .into_response()
}

async fn docs_page(State(t): State<Transcoder>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        t.inner.docs.clone(),
    )
        .into_response()
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_default()
}

fn json(status: StatusCode, headers: HeaderMap, body: Vec<u8>) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().extend(headers);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The HTTP/JSON answer for a gateway error (also for refusals made before a request
/// reaches the router).
pub fn error_response(err: &Error, request_id: &str) -> Response {
    error(err, request_id)
}

fn error(err: &Error, request_id: &str) -> Response {
    let (status, headers, body) = render::gateway_error(err, request_id);
    json(status, headers, body)
}

async fn transcode(State(t): State<Transcoder>, request: Request) -> Response {
    let (mut parts, body) = request.into_parts();
    let request_id = request_id(&parts.headers);
    let found = match parts.extensions.remove::<Matched>() {
        Some(Matched(found)) => found,
        None => t.find(&parts.method, parts.uri.path()),
    };
    let (route, bindings) = match found {
        Found::Route(route, bindings) => (route, bindings),
        Found::WrongMethod => {
            let mut response = error(
                &Error::MethodNotAllowed {
                    method: parts.method.to_string(),
                    path: parts.uri.path().to_owned(),
                },
                &request_id,
            );
            if let Ok(allow) = HeaderValue::from_str(&t.inner.routes.allowed(parts.uri.path())) {
                response.headers_mut().insert(header::ALLOW, allow);
            }
            return response;
        }
        Found::Nothing => {
            return error(
                &Error::NotFound(format!(
                    "no route for {} {}",
                    parts.method,
                    parts.uri.path()
                )),
                &request_id,
            );
        }
    };

    let body = match read_body(&parts.headers, body, t.inner.settings.max_body_bytes).await {
        Ok(body) => body,
        Err(err) => return error(&err, &request_id),
    };
    let mut message = match request::build(route, bindings, parts.uri.query(), &body) {
        Ok(message) => message,
        Err(err) => return error(&err, &request_id),
    };
    resume_from_last_event_id(&mut message, &parts.headers);

    let mut metadata = HeaderMap::new();
    for name in FORWARDED_HEADERS {
        for value in parts.headers.get_all(*name) {
            metadata.append(HeaderName::from_static(name), value.clone());
        }
    }
    let output = route.rpc.output();
    // The call continues as a gRPC call through the same inbound stack as any other
    // (context, audit, authentication), with what its listener settled.
    let mut extensions = http::Extensions::new();
    if let Some(peer) = parts.extensions.get::<PeerCert>() {
        extensions.insert(peer.clone());
    }
    if let Some(id) = parts.extensions.get::<RequestId>() {
        extensions.insert(id.clone());
    }
    let reply = match grpc::call(
        &t.inner.grpc,
        &route.grpc_path,
        &message,
        metadata,
        extensions,
        output,
    )
    .await
    {
        Ok(reply) => reply,
        Err((headers, status)) => {
            let (code, extra, body) = render::status_error(&status, &request_id);
            let mut response = json(code, extra, body);
            copy_metadata(&headers, response.headers_mut());
            return response;
        }
    };
    if route.server_streaming() {
        return streaming::respond(route, reply, &parts.headers, &request_id);
    }
    let mut messages = reply.messages;
    let output = messages.output().clone();
    let result = match messages.next().await {
        Some(Ok(message)) => match messages.next().await {
            None => Ok(message),
            Some(Err(status)) => Err(status),
            Some(Ok(_)) => Err(tonic::Status::internal("unary call answered twice")),
        },
        Some(Err(status)) => Err(status),
        None => Err(tonic::Status::internal("unary call answered nothing")),
    };
    let rendered = result.and_then(|bytes| match &route.response_body {
        // Rare: the answer's one field as the body, through a dynamic message.
        Some(field) => {
            let message = prost_reflect::DynamicMessage::decode(output.clone(), bytes)
                .map_err(|e| tonic::Status::internal(format!("undecodable response: {e}")))?;
            match message.get_field(field).as_ref() {
                prost_reflect::Value::Message(inner) => render::message_json(inner),
                _ => render::message_json(&message),
            }
        }
        None => render::answer_json(&output, &bytes),
    });
    let mut response = match rendered {
        Ok(body) => json(StatusCode::OK, HeaderMap::new(), body),
        Err(status) => {
            let (code, extra, body) = render::status_error(&status, &request_id);
            json(code, extra, body)
        }
    };
    copy_metadata(&reply.headers, response.headers_mut());
    response
}

/// An SSE client that reconnects sends `Last-Event-ID` (the `id:` of the last event
/// it got, which is the event's offset); it fills the request's `after_offset`
/// unless the query string already set one.
fn resume_from_last_event_id(message: &mut prost_reflect::DynamicMessage, headers: &HeaderMap) {
    let Some(last) = headers.get("last-event-id").and_then(|v| v.to_str().ok()) else {
        return;
    };
    let Some(field) = message.descriptor().get_field_by_name("after_offset") else {
        return;
    };
    if !message.has_field(&field) && !last.is_empty() {
        message.set_field(&field, prost_reflect::Value::String(last.to_owned()));
    }
}

/// Reads the body up to the limit; refuses non-JSON content types.
async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, Error> {
    let too_large = || Error::TooLarge {
        field: "body",
        what: "the request body",
        limit,
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > limit as u64) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| too_large())?;
    if !bytes.is_empty() {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/json");
        let essence = content_type.split(';').next().unwrap_or("").trim();
        if !essence.eq_ignore_ascii_case("application/json") {
            return Err(Error::UnsupportedMediaType {
                got: essence.to_owned(),
                expected: "application/json".to_owned(),
            });
        }
    }
    Ok(bytes)
}

/// Copies custom response metadata (request id, retry hints) to the HTTP answer.
fn copy_metadata(from: &HeaderMap, to: &mut HeaderMap) {
    for (name, value) in from {
        let name_str = name.as_str();
        if name_str.starts_with("grpc-")
            || name == header::CONTENT_TYPE
            || name == header::CONTENT_LENGTH
            || name == header::TE
            || name == header::TRAILER
            || name_str.ends_with("-bin")
        {
            continue;
        }
        to.insert(name.clone(), value.clone());
    }
}

mod streaming {
    //! Server-streaming RPCs over HTTP: Server-Sent Events when the client asks for
    //! `text/event-stream`, newline-delimited JSON otherwise.

    use super::*;

    pub fn respond(
        route: &Route,
        reply: grpc::Reply,
        headers: &HeaderMap,
        request_id: &str,
    ) -> Response {
        let sse = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/event-stream"));
        let request_id = request_id.to_owned();
        let output = route.rpc.output();
        let offset_field = output.get_field_by_name("offset");
        let stream = reply.messages.into_stream().map(move |item| {
            let item = item.and_then(|bytes| {
                let id = if sse {
                    offset_field
                        .as_ref()
                        .and_then(|f| wire_string(&bytes, f.number()))
                } else {
                    None
                };
                render::answer_json(&output, &bytes).map(|json| (id, json))
            });
            let chunk = match item {
                Ok((id, json)) => {
                    if sse {
                        let mut out = Vec::with_capacity(json.len() + 32);
                        if let Some(id) = id {
                            out.extend_from_slice(b"id: ");
                            out.extend_from_slice(id.as_bytes());
                            out.push(b'\n');
                        }
                        out.extend_from_slice(b"data: ");
                        out.extend_from_slice(&json);
                        out.extend_from_slice(b"\n\n");
                        out
                    } else {
                        let mut out = json;
                        out.push(b'\n');
                        out
                    }
                }
                Err(status) => {
                    let (_, _, body) = render::status_error(&status, &request_id);
                    if sse {
                        let mut out = b"event: error\ndata: ".to_vec();
                        out.extend_from_slice(&body);
                        out.extend_from_slice(b"\n\n");
                        out
                    } else {
                        let mut out = b"{\"error\":".to_vec();
                        out.extend_from_slice(&body);
                        out.extend_from_slice(b"}\n");
                        out
                    }
                }
            };
            Ok::<_, std::convert::Infallible>(Bytes::from(chunk))
        });
        let content_type = if sse {
            "text/event-stream"
        } else {
            "application/x-ndjson"
        };
        // Idle SSE streams get a comment line now and then, so that proxies and load
        // balancers do not close a quiet connection.
        let body = if sse {
            Body::from_stream(with_heartbeat(stream, std::time::Duration::from_secs(15)))
        } else {
            Body::from_stream(stream)
        };
        let mut response = Response::new(body);
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        copy_metadata(&reply.headers, response.headers_mut());
        response
    }

    /// A string field of an encoded message (the event offset, for SSE's `id:`).
    fn wire_string(mut bytes: &[u8], number: u32) -> Option<String> {
        use prost::encoding::{DecodeContext, WireType, decode_key, decode_varint, skip_field};
        while !bytes.is_empty() {
            let (tag, wire) = decode_key(&mut bytes).ok()?;
            if tag == number && wire == WireType::LengthDelimited {
                let len = decode_varint(&mut bytes).ok()? as usize;
                return std::str::from_utf8(bytes.get(..len)?)
                    .ok()
                    .map(str::to_owned);
            }
            skip_field(wire, tag, &mut bytes, DecodeContext::default()).ok()?;
        }
        None
    }

    fn with_heartbeat<S>(
        stream: S,
        every: std::time::Duration,
    ) -> impl futures::Stream<Item = Result<Bytes, std::convert::Infallible>> + Send
    where
        S: futures::Stream<Item = Result<Bytes, std::convert::Infallible>> + Send + 'static,
    {
        let ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        futures::stream::unfold(
            (Box::pin(stream), ticks),
            |(mut stream, mut ticks)| async move {
                tokio::select! {
                    item = stream.next() => item.map(|item| (item, (stream, ticks))),
                    _ = ticks.tick() => Some((Ok(Bytes::from_static(b": keep-alive\n\n")), (stream, ticks))),
                }
            },
        )
    }
}
