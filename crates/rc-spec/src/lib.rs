//! What both sides of rc-gateway take from RingCentral's published API
//! (`spec/rc-platform.yml`) and nothing else: the operation table generated from it
//! (method, path template, usage-plan group, permissions, media types), the wire
//! models, the error body, and webhook signing. The client and the built-in emulator
//! both depend on this crate and never on each other, so they can only share what
//! RingCentral itself specifies.

#![forbid(unsafe_code)]

pub mod error_body;
pub mod models;
pub mod ops;
pub mod webhook;
