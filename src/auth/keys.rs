//! API keys: the gateway keeps only their SHA-256 hashes.
//!
//! `AUTH_API_KEYS` (or the file `AUTH_API_KEYS_FILE`) lists one key per line or per
//! `;`, each as space-separated fields:
//!
//! ```text
//! id=billing hash=sha256:<64 hex digits> scopes=extensions:read,events:read share=0.25
//! id=crm hash=sha256:<64 hex digits> scopes=extensions:read,extensions:write@acme accounts=acme,globex
//! ```
//!
//! `id` names the caller in logs, metrics and the audit trail; `scopes` is required
//! (least privilege: no scopes, no access); `share` is the part of each RingCentral
//! rate-limit group the key may use (default `AUTH_DEFAULT_RATE_SHARE`); `accounts`
//! lists the gateway accounts the key may use (`*` for all; the default account when
//! left out), and a scope may hold on one of them only (`extensions:write@acme`). Keys are
//! random 256-bit values (`rc-gateway keygen`), so a plain SHA-256 is enough: there is
//! nothing to brute-force that a slow hash would protect.

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::scopes::Scopes;
use crate::accounts::AccountSet;

/// Prefix of generated keys, so that secret scanners recognise them.
pub const KEY_PREFIX: &str = "rcgw_";

/// One configured key.
#[derive(Debug, Clone)]
pub struct ApiKey {
    pub id: Arc<str>,
    pub scopes: Scopes,
    pub share: f64,
    /// The accounts the key may use (`accounts=`; the default account without it).
    pub accounts: AccountSet,
}

/// The configured keys, by hash.
#[derive(Debug, Clone, Default)]
pub struct KeyTable(HashMap<[u8; 32], ApiKey>);

impl KeyTable {
    /// Parses the `AUTH_API_KEYS` format; `default_share` applies to entries without one.
    pub fn parse(text: &str, default_share: f64) -> Result<Self, String> {
        let mut table = HashMap::new();
        let mut ids = std::collections::HashSet::new();
        for (n, entry) in text
            .split(['\n', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty() && !e.starts_with('#'))
            .enumerate()
        {
            let at = |message: String| format!("entry {}: {message}", n + 1);
            let mut id = None;
            let mut hash = None;
            let mut scopes = None;
            let mut share = default_share;
            let mut accounts = AccountSet::Default;
            for field in entry.split_whitespace() {
                let (name, value) = field
                    .split_once('=')
                    .ok_or_else(|| at(format!("{field:?} is not name=value")))?;
                match name {
                    "id" if valid_id(value) => id = Some(value),
                    "id" => {
                        return Err(at(format!(
                            "id {value:?} must be 1-64 of A-Z a-z 0-9 . _ -"
                        )));
                    }
                    "hash" => hash = Some(parse_hash(value).map_err(at)?),
                    "scopes" => scopes = Some(Scopes::parse(value).map_err(at)?),
                    "accounts" => accounts = AccountSet::parse(value).map_err(at)?,
                    "share" => {
                        share = value
                            .parse::<f64>()
                            .ok()
                            .filter(|s| *s > 0.0 && *s <= 1.0)
                            .ok_or_else(|| at(format!("share {value:?} is not in (0, 1]")))?;
                    }
                    other => return Err(at(format!("unknown field {other:?}"))),
                }
            }
            let id = id.ok_or_else(|| at("id= is missing".into()))?;
            let hash = hash.ok_or_else(|| at("hash= is missing".into()))?;
            let scopes = scopes.ok_or_else(|| at("scopes= is missing".into()))?;
            if !ids.insert(id.to_owned()) {
                return Err(at(format!("id {id:?} is used twice")));
            }
            let key = ApiKey {
                id: Arc::from(id),
                scopes,
                share,
                accounts,
            };
            if table.insert(hash, key).is_some() {
                return Err(at("the same key hash is listed twice".into()));
            }
        }
        Ok(KeyTable(table))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The key whose hash matches `presented`.
    /// Whether a key with this id is configured.
    pub fn has_id(&self, id: &str) -> bool {
        self.0.values().any(|k| &*k.id == id)
    }

    pub fn find(&self, presented: &str) -> Option<&ApiKey> {
        self.0.get(&digest(presented))
    }
}

fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

fn parse_hash(value: &str) -> Result<[u8; 32], String> {
    let hex = value
        .strip_prefix("sha256:")
        .ok_or_else(|| format!("hash {value:?} must start with sha256:"))?;
    let bytes = hex::decode(hex).map_err(|_| format!("hash {value:?} is not hex"))?;
    bytes
        .try_into()
        .map_err(|_| format!("hash {value:?} is not 32 bytes"))
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// The `hash=` value of `key`.
pub fn hash(key: &str) -> String {
    format!("sha256:{}", hex::encode(digest(key)))
}

/// A new random key.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    for chunk in bytes.chunks_mut(16) {
        chunk.copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    // UUIDv4 carries 122 random bits per 16 bytes: 244 bits in all.
    format!(
        "{KEY_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_parse_and_keys_are_found_by_hash() {
        let key = generate();
        assert!(key.starts_with(KEY_PREFIX) && key.len() > 40);
        let text = format!(
            "# callers\nid=billing hash={} scopes=extensions:read share=0.5; id=ops hash={} scopes=*",
            hash(&key),
            hash("other")
        );
        let table = KeyTable::parse(&text, 1.0).unwrap();
        let found = table.find(&key).unwrap();
        assert_eq!(&*found.id, "billing");
        assert_eq!(found.share, 0.5);
        assert_eq!(&*table.find("other").unwrap().id, "ops");
        assert_eq!(table.find("other").unwrap().share, 1.0);
        assert!(table.find("nope").is_none());
        assert!(table.find(&hash(&key)).is_none(), "the hash is not the key");
    }

    #[test]
    fn bad_entries_name_the_problem() {
        let h = hash("k");
        for (text, needle) in [
            ("id=a scopes=*".to_owned(), "hash= is missing"),
            (format!("id=a hash={h}"), "scopes= is missing"),
            (format!("hash={h} scopes=*"), "id= is missing"),
            (format!("id=a hash={h} scopes=nope:read"), "unknown domain"),
            (format!("id=a hash={h} scopes=* share=2"), "share"),
            ("id=a hash=md5:00 scopes=*".to_owned(), "sha256:"),
            (
                format!("id=a hash={h} scopes=*; id=a hash={} scopes=*", hash("j")),
                "twice",
            ),
            (format!("id=a b hash={h} scopes=*"), "name=value"),
        ] {
            let err = KeyTable::parse(&text, 1.0).unwrap_err();
            assert!(err.contains(needle), "{text}: {err}");
        }
    }
}
