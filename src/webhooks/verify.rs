//! Checks on incoming notifications: the subscription's verification token (kept
//! only as a SHA-256 hash, compared in constant time) and, for relays that sign, an
//! HMAC-SHA256 signature over the raw body.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The header a relay puts its signature in: `sha256=<hex>` (or bare hex).
pub const SIGNATURE_HEADER: &str = "x-webhook-signature";

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

/// Whether `signature` is the HMAC-SHA256 of `body` under `secret`.
pub fn signature_valid(secret: &[u8], body: &[u8], signature: &str) -> bool {
    let hex_part = signature
        .strip_prefix("sha256=")
        .unwrap_or(signature)
        .trim();
    let Ok(expected) = hex::decode(hex_part) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return false;
    };
    mac.update(body);
    // verify_slice compares in constant time.
    mac.verify_slice(&expected).is_ok()
}

/// The signature a relay would send (for tests and tools).
pub fn sign(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_for_the_same_body_and_secret() {
        let sig = sign(b"secret", b"{\"a\":1}");
        assert!(signature_valid(b"secret", b"{\"a\":1}", &sig));
        assert!(signature_valid(
            b"secret",
            b"{\"a\":1}",
            sig.trim_start_matches("sha256=")
        ));
        assert!(!signature_valid(b"secret", b"{\"a\":2}", &sig));
        assert!(!signature_valid(b"other", b"{\"a\":1}", &sig));
        assert!(!signature_valid(b"secret", b"{\"a\":1}", "sha256=zz"));
        assert!(!signature_valid(b"secret", b"{\"a\":1}", ""));
    }

    #[test]
    fn token_hashes_compare() {
        let t = new_token();
        assert_eq!(t.len(), 64);
        assert!(same_hash(&token_hash(&t), &token_hash(&t)));
        assert!(!same_hash(&token_hash(&t), &token_hash("other")));
        assert!(!same_hash("ab", "abc"));
    }
}
