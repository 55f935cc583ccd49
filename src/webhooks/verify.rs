//! Checks on incoming notifications: the subscription's verification token (kept
//! only as a SHA-256 hash, compared in constant time) and, for relays that sign, an
//! HMAC-SHA256 signature over the raw body (`rc_spec::webhook`).

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub use rc_spec::webhook::{SIGNATURE_HEADER, sign, signature_valid};

/// SHA-256 of a token, hex.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Constant-time equality of two hashes.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// A new random verification token (256 bits, hex).
pub fn new_token() -> String {
    let mut bytes = Vec::with_capacity(32);
    bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    bytes.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hashes_compare() {
        let t = new_token();
        assert_eq!(t.len(), 64);
        assert!(same_hash(&token_hash(&t), &token_hash(&t)));
        assert!(!same_hash(&token_hash(&t), &token_hash("other")));
        assert!(!same_hash("ab", "abc"));
    }
}
