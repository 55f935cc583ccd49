//! Sealing of the accounts the admin API adds (credentials, refresh tokens): the
//! store, and Redis with it, only ever holds them encrypted with the gateway's key
//! (`ACCOUNTS_ENCRYPTION_KEY`, 32 random bytes in base64), by ChaCha20-Poly1305 with
//! a random nonce per record and the account's name as associated data (a record
//! copied under another account's name does not open).

use base64::Engine;
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};

/// The key, which never shows in `Debug` output.
#[derive(Clone)]
pub struct SealingKey([u8; 32]);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(***)")
    }
}

impl SealingKey {
    /// Reads 32 bytes in base64 (standard or URL-safe, padded or not).
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(text)
            .or_else(|_| {
                base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text.trim_end_matches('='))
            })
            .map_err(|_| "not base64 (make one with: openssl rand -base64 32)".to_owned())?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "must be 32 bytes (make one with: openssl rand -base64 32)".to_owned())?;
        Ok(SealingKey(key))
    }

    fn key(&self) -> LessSafeKey {
        LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &self.0).expect("32 bytes"))
    }

    /// Encrypts `plain` for the account `id`: base64 of nonce, ciphertext and tag.
    pub fn seal(&self, id: &str, plain: &[u8]) -> Result<String, String> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| "no randomness for a nonce".to_owned())?;
        let mut data = plain.to_vec();
        self.key()
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(id.as_bytes()),
                &mut data,
            )
            .map_err(|_| "cannot seal the record".to_owned())?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&data);
        Ok(base64::engine::general_purpose::STANDARD.encode(out))
    }

    /// Decrypts what [`SealingKey::seal`] made for `id`.
    pub fn open(&self, id: &str, sealed: &str) -> Result<Vec<u8>, String> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(sealed)
            .map_err(|_| "the sealed record is not base64".to_owned())?;
        if bytes.len() < NONCE_LEN {
            return Err("the sealed record is too short".into());
        }
        let (nonce, data) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| "bad nonce".to_owned())?;
        let mut data = data.to_vec();
        let plain = self
            .key()
            .open_in_place(nonce, Aad::from(id.as_bytes()), &mut data)
            .map_err(|_| {
                "the sealed record does not open with ACCOUNTS_ENCRYPTION_KEY (another key, or altered)"
                    .to_owned()
            })?;
        Ok(plain.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_records_open_only_with_their_key_and_name() {
        let key = SealingKey::parse(&base64::engine::general_purpose::STANDARD.encode([7u8; 32]))
            .unwrap();
        let sealed = key.seal("acme", b"{\"clientSecret\":\"s3cret\"}").unwrap();
        assert!(!sealed.contains("s3cret"));
        assert_eq!(
            key.open("acme", &sealed).unwrap(),
            b"{\"clientSecret\":\"s3cret\"}"
        );
        assert!(key.open("globex", &sealed).is_err());
        let other = SealingKey::parse(&base64::engine::general_purpose::STANDARD.encode([8u8; 32]))
            .unwrap();
        assert!(other.open("acme", &sealed).is_err());
        assert_ne!(
            sealed,
            key.seal("acme", b"{\"clientSecret\":\"s3cret\"}").unwrap()
        );
        assert!(SealingKey::parse("c2hvcnQ=").is_err());
        assert!(SealingKey::parse("not base64!").is_err());
        assert_eq!(format!("{key:?}"), "SealingKey(***)");
    }
}
