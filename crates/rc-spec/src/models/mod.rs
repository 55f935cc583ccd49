//! RingCentral's JSON models (serde), named after the schemas in rc-platform.yml.
//!
//! The gateway reads them from RingCentral and the sandbox writes them, so both speak
//! the same shapes; `tests/spec_conformance.rs` validates the sandbox's output against
//! the spec's schemas. Absent fields stay `None` and are not serialized.

mod call_log;
mod call_queue;
mod common;
mod extension;
mod oauth;
mod phone_number;
mod site;
mod subscription;

pub use call_log::*;
pub use call_queue::*;
pub use common::*;
pub use extension::*;
pub use oauth::*;
pub use phone_number::*;
pub use site::*;
pub use subscription::*;

/// `skip_serializing_if` helper: leaves out `None`, empty lists and other defaults.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Declares a RingCentral model: camelCase JSON, every field optional on input and
/// left out of the output when unset.
macro_rules! model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "crate::models::is_default")]
                pub $field: $ty,
            )*
        }
    };
}
pub(crate) use model;
