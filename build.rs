//! Compiles the protos with protox (a pure-Rust protoc, so a fresh machine needs no
//! protoc) into one descriptor set. The same bytes feed tonic codegen, gRPC reflection,
//! proto3 JSON and HTTP transcoding, so the four can never disagree.

use std::path::PathBuf;

#[path = "build/validators.rs"]
mod validators;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let proto_root = PathBuf::from("proto");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(proto_root.join("rcgateway/v1"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "proto") {
            files.push(path.strip_prefix(&proto_root)?.to_path_buf());
        }
    }
    files.sort();
    // Error details, so that reflection clients can decode them.
    files.push(PathBuf::from("google/rpc/error_details.proto"));

    let mut compiler = protox::Compiler::new([&proto_root])?;
    compiler.include_imports(true).include_source_info(true);
    for file in &files {
        compiler.open_file(file)?;
    }

    // Raw bytes, not a round trip through prost_types: prost drops extension fields
    // and the google.api.http options would vanish from the transcoding table.
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let descriptor_set = compiler.encode_file_descriptor_set();
    std::fs::write(out_dir.join("rcgateway_descriptor.bin"), &descriptor_set)?;

    // The request checks, generated from the same descriptors (options included).
    let pool = protox::prost_reflect::DescriptorPool::decode(descriptor_set.as_slice())?;
    let checks = validators::generate(&pool, "rcgateway.v1")?;
    std::fs::write(out_dir.join("rcgateway_validate.rs"), checks)?;

    // Requests are decoded by the gateway's codec: malformed bytes are the caller's
    // INVALID_ARGUMENT (not INTERNAL), and every request is checked as it is decoded.
    tonic_prost_build::configure()
        .codec_path("crate::codec::GatewayCodec")
        .build_client(true)
        .build_server(true)
        .compile_fds(compiler.file_descriptor_set())?;

    println!("cargo:rerun-if-changed=proto");
    println!("cargo:rerun-if-changed=build");
    Ok(())
}
