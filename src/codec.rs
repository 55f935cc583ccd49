//! The protobuf codec of the gateway's services: prost encoding, and a decoder that
//! treats what it reads as the caller's input. Bytes that are not a valid message
//! (a wrong wire type, invalid UTF-8 in a string) are the caller's mistake, so they
//! answer `INVALID_ARGUMENT` where tonic's own codec answers `INTERNAL`; and each
//! request message is checked against its proto's rules as it is decoded, so that no
//! service can receive a request the rules refuse.

use std::marker::PhantomData;

use prost::Message;
use tonic::Status;
use tonic::codec::{Codec, DecodeBuf, Decoder};
use tonic_prost::ProstEncoder;

use crate::api::validate::ValidateRequest;
use crate::error::Error;

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
