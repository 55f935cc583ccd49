//! What a webhook notification carries besides its JSON: RingCentral's handshake and
//! verification headers, and the HMAC-SHA256 signature a relay (or the sandbox, when
//! configured) puts over the raw body. Both the emulator, which sends notifications,
//! and the gateway, which receives them, take it from here.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// RingCentral's handshake header, echoed back as is.
pub const VALIDATION_TOKEN: &str = "validation-token";
/// The token RingCentral sends with every notification.
pub const VERIFICATION_TOKEN: &str = "verification-token";
/// The header a relay puts its signature in: `sha256=<hex>` (or bare hex).
pub const SIGNATURE_HEADER: &str = "x-webhook-signature";

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

/// The signature of `body` under `secret`, as a relay sends it.
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
}
