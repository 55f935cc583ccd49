//! Black-box tests: real gRPC clients, real HTTP, the sandbox as RingCentral.
//! One test binary (modules below) keeps link time low.

mod harness;
mod process;

mod extensions;
mod health;
mod lifecycle;
mod sites;
mod spec_conformance;
mod tokens;
mod transcoding;
mod users;
