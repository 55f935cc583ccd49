//! Calls the gateway's own gRPC services in-process: the transcoder sends a framed
//! protobuf request through the same tower stack the gRPC listener uses, so request
//! context, authentication and every service behave identically for HTTP callers.

use std::convert::Infallible;

use bytes::{Buf, BufMut, Bytes, BytesMut};
use futures::Stream;
use http::{HeaderMap, HeaderValue, header};
use http_body_util::BodyExt;
use prost::Message;
use prost_reflect::{DynamicMessage, MessageDescriptor};
use tower::ServiceExt;
use tower::util::BoxCloneSyncService;

/// The gRPC services as one tower service.
pub type GrpcService = BoxCloneSyncService<
    http::Request<tonic::body::Body>,
    http::Response<tonic::body::Body>,
    Infallible,
>;

/// The answer of a call: response headers and either messages or an error status.
pub struct Reply {
    pub headers: HeaderMap,
    pub messages: MessageStream,
}

/// Sends one request message to `grpc_path`.
pub async fn call(
    service: &GrpcService,
    grpc_path: &http::uri::PathAndQuery,
    message: &DynamicMessage,
    metadata: HeaderMap,
    extensions: http::Extensions,
    output: MessageDescriptor,
) -> Result<Reply, (HeaderMap, tonic::Status)> {
    let mut frame = BytesMut::with_capacity(5 + message.encoded_len());
    frame.put_u8(0);
    frame.put_u32(u32::try_from(message.encoded_len()).unwrap_or(u32::MAX));
    message
        .encode(&mut frame)
        .map_err(|e| (HeaderMap::new(), tonic::Status::internal(e.to_string())))?;
    let mut request = http::Request::builder()
        .method(http::Method::POST)
        .uri(grpc_path.clone())
        .body(tonic::body::Body::new(http_body_util::Full::new(
            frame.freeze(),
        )))
        .map_err(|e| (HeaderMap::new(), tonic::Status::internal(e.to_string())))?;
    *request.extensions_mut() = extensions;
    let headers = request.headers_mut();
    headers.extend(metadata);
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/grpc"),
    );
    headers.insert(header::TE, HeaderValue::from_static("trailers"));
    let response = match service.clone().oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let (parts, body) = response.into_parts();
    // Trailers-only answer: the status is in the headers.
    if let Some(status) = tonic::Status::from_header_map(&parts.headers)
        && status.code() != tonic::Code::Ok
    {
        return Err((parts.headers, status));
    }
    Ok(Reply {
        headers: parts.headers,
        messages: MessageStream {
            body,
            buffer: BytesMut::new(),
            output,
            finished: false,
        },
    })
}

/// Decodes length-prefixed messages from a gRPC response body, ending with the
/// trailers' status.
pub struct MessageStream {
    body: tonic::body::Body,
    buffer: BytesMut,
    output: MessageDescriptor,
    finished: bool,
}

impl MessageStream {
    /// The type of the messages.
    pub fn output(&self) -> &MessageDescriptor {
        &self.output
    }

    /// The next message's bytes; `None` once the call ended successfully.
    pub async fn next(&mut self) -> Option<Result<Bytes, tonic::Status>> {
        if self.finished {
            return None;
        }
        loop {
            if let Some(bytes) = self.take_message() {
                return Some(Ok(bytes));
            }
            match self.body.frame().await {
                Some(Ok(frame)) => {
                    let frame = match frame.into_data() {
                        Ok(data) => {
                            self.buffer.extend_from_slice(&data);
                            continue;
                        }
                        Err(frame) => frame,
                    };
                    if let Ok(trailers) = frame.into_trailers() {
                        self.finished = true;
                        return match tonic::Status::from_header_map(&trailers) {
                            Some(status) if status.code() != tonic::Code::Ok => Some(Err(status)),
                            _ => None,
                        };
                    }
                }
                Some(Err(status)) => {
                    self.finished = true;
                    return Some(Err(status));
                }
                None => {
                    self.finished = true;
                    return (!self.buffer.is_empty())
                        .then(|| Err(tonic::Status::internal("truncated gRPC response")));
                }
            }
        }
    }

    /// Turns the messages into a `Stream`.
    pub fn into_stream(self) -> impl Stream<Item = Result<Bytes, tonic::Status>> + Send {
        futures::stream::unfold(
            self,
            |mut s| async move { s.next().await.map(|item| (item, s)) },
        )
    }

    fn take_message(&mut self) -> Option<Bytes> {
        if self.buffer.len() < 5 {
            return None;
        }
        let len = u32::from_be_bytes([
            self.buffer[1],
            self.buffer[2],
            self.buffer[3],
            self.buffer[4],
        ]) as usize;
        if self.buffer.len() < 5 + len {
            return None;
        }
        self.buffer.advance(5);
        Some(self.buffer.split_to(len).freeze())
    }
}
