//! The protobuf codec of the gateway's services: prost encoding, and a decoder that
//! treats what it reads as the caller's input. Bytes that are not a valid message
//! (a wrong wire type, invalid UTF-8 in a string) are the caller's mistake, so they
//! answer `INVALID_ARGUMENT` where tonic's own codec answers `INTERNAL`; and each
//! request message is checked against its proto's rules as it is decoded, so that no
//! service can receive a request the rules refuse.

use std::convert::Infallible;
use std::future::Future;
use std::marker::PhantomData;

use prost::Message;
use tonic::Status;
use tonic::codec::{Codec, DecodeBuf, Decoder};
use tonic_prost::ProstEncoder;

use crate::api::validate::ValidateRequest;
use crate::error::Error;
use crate::inbound::{Answer, Call, Step, StepLayer, forward};

/// The codec named by the generated service and client code.
#[derive(Debug, Clone)]
pub struct GatewayCodec<T, U> {
    _types: PhantomData<(T, U)>,
}

impl<T, U> Default for GatewayCodec<T, U> {
    fn default() -> Self {
        GatewayCodec {
            _types: PhantomData,
        }
    }
}

impl<T, U> Codec for GatewayCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + ValidateRequest + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = CheckedDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        ProstEncoder::default()
    }

    fn decoder(&mut self) -> Self::Decoder {
        CheckedDecoder { _type: PhantomData }
    }
}

/// Decodes with prost, then applies the message's request rules (a no-op for
/// messages that are not requests, such as the answers a client decodes).
#[derive(Debug)]
pub struct CheckedDecoder<U> {
    _type: PhantomData<U>,
}

impl<U> Decoder for CheckedDecoder<U>
where
    U: Message + Default + ValidateRequest,
{
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        let message = U::decode(buf).map_err(|e| {
            Error::invalid("body", format!("the message is not valid protobuf: {e}")).to_status()
        })?;
        message.validate().map_err(|e| e.to_status())?;
        Ok(Some(message))
    }
}

/// The gRPC request message limit, on the wire: each message's 5-byte prefix is
/// read as the body streams in, and a message declared over the limit ends the call
/// with `RESOURCE_EXHAUSTED` (gRPC's convention) before its bytes are buffered.
pub type MessageLimitLayer = StepLayer<MessageLimit>;

impl MessageLimitLayer {
    pub fn with(limit: usize) -> Self {
        StepLayer::new(MessageLimit { limit })
    }
}

/// The step of [`MessageLimitLayer`].
pub struct MessageLimit {
    limit: usize,
}

impl Step for MessageLimit {
    fn call<S>(&self, call: Call, next: S) -> impl Future<Output = Answer> + Send + 'static
    where
        S: tower::Service<Call, Response = Answer, Error = Infallible> + Send + 'static,
        S::Future: Send + 'static,
    {
        let limit = self.limit;
        let call = call.map(|body| {
            tonic::body::Body::new(LimitedMessages {
                inner: body,
                limit,
                prefix: [0; 5],
                prefix_len: 0,
                remaining: 0,
            })
        });
        forward(next, call)
    }
}

pin_project_lite::pin_project! {
    struct LimitedMessages {
        #[pin]
        inner: tonic::body::Body,
        limit: usize,
        // The prefix of the next message, as far as it has arrived.
        prefix: [u8; 5],
        prefix_len: usize,
        // Bytes of the current message still to come.
        remaining: usize,
    }
}

impl http_body::Body for LimitedMessages {
    type Data = bytes::Bytes;
    type Error = Status;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, Status>>> {
        let this = self.project();
        let polled = this.inner.poll_frame(cx);
        if let std::task::Poll::Ready(Some(Ok(frame))) = &polled
            && let Some(data) = frame.data_ref()
        {
            let mut rest = &data[..];
            while !rest.is_empty() {
                if *this.remaining > 0 {
                    let take = (*this.remaining).min(rest.len());
                    *this.remaining -= take;
                    rest = &rest[take..];
                    continue;
                }
                this.prefix[*this.prefix_len] = rest[0];
                *this.prefix_len += 1;
                rest = &rest[1..];
                if *this.prefix_len == 5 {
                    *this.prefix_len = 0;
                    let p = *this.prefix;
                    let len = u32::from_be_bytes([p[1], p[2], p[3], p[4]]) as usize;
                    if len > *this.limit {
                        let err = Error::TooLarge {
                            field: "message",
                            what: "the request message",
                            limit: *this.limit,
                        };
                        return std::task::Poll::Ready(Some(Err(err.to_status())));
                    }
                    *this.remaining = len;
                }
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}
