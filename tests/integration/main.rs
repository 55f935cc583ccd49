//! Black-box tests: real gRPC clients, real HTTP, the sandbox as RingCentral.
//! One test binary (modules below) keeps link time low.

mod harness;
mod process;
mod prometheus;
mod redis_server;

mod redis_cache;

mod accounts;
mod call_logs;
mod call_queues;
mod clients;
mod events;
mod extensions;
mod hardening;
mod health;
mod lifecycle;
mod observability;
mod phone_numbers;
mod platform;
mod platform_rpc;
mod replicas;
mod resilience;
mod security;
mod sites;
mod spec_conformance;
mod tokens;
mod transcoding;
mod users;
