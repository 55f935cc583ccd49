//! Generated protobuf types and the descriptor set they were generated from.

use std::sync::LazyLock;

use prost_reflect::DescriptorPool;

#[allow(clippy::all, clippy::pedantic, missing_docs)]
pub mod v1 {
    tonic::include_proto!("rcgateway.v1");
}

/// The encoded `FileDescriptorSet` of every proto in `proto/`, imports included.
/// Reflection serves it as is; transcoding and proto3 JSON read it through [`pool`].
pub const DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/rcgateway_descriptor.bin"));

/// The proto package every gateway service lives in.
pub const PACKAGE: &str = "rcgateway.v1";

static POOL: LazyLock<DescriptorPool> = LazyLock::new(|| {
    DescriptorPool::decode(DESCRIPTOR_SET).expect("the descriptor set built by build.rs decodes")
});

/// The descriptor pool, decoded once per process.
pub fn pool() -> &'static DescriptorPool {
    &POOL
}
