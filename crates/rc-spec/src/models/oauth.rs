use serde::{Deserialize, Deserializer, Serialize};

/// RingCentral's tokens live an hour (access) and days (refresh). A lifetime past ten
/// years is a broken answer; it is clamped so that expiry arithmetic stays in range.
const LONGEST_LIFETIME_S: u64 = 10 * 365 * 86_400;

fn lifetime<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(u64::deserialize(d)?.min(LONGEST_LIFETIME_S))
}

fn optional_lifetime<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(Option::<u64>::deserialize(d)?.map(|s| s.min(LONGEST_LIFETIME_S)))
}

/// `TokenInfo`: the answer of `POST /restapi/oauth/token`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenInfo {
    pub access_token: String,
    pub token_type: String,
    #[serde(deserialize_with = "lifetime")]
    pub expires_in: u64,
    pub scope: String,
    pub session_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[serde(
        default,
        deserialize_with = "optional_lifetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub refresh_token_expires_in: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
}

impl std::fmt::Debug for TokenInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenInfo")
            .field("expires_in", &self.expires_in)
            .field("owner_id", &self.owner_id)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_lifetimes_are_clamped() {
        let info: TokenInfo = serde_json::from_value(serde_json::json!({
            "access_token": "a", "token_type": "bearer", "scope": "", "owner_id": "1",
            "session_id": "s", "expires_in": u64::MAX, "refresh_token_expires_in": u64::MAX,
        }))
        .unwrap();
        assert_eq!(info.expires_in, LONGEST_LIFETIME_S);
        assert_eq!(info.refresh_token_expires_in, Some(LONGEST_LIFETIME_S));
        let info: TokenInfo = serde_json::from_value(serde_json::json!({
            "access_token": "a", "token_type": "bearer", "scope": "",
            "session_id": "s", "expires_in": 3600,
        }))
        .unwrap();
        assert_eq!(
            (info.expires_in, info.refresh_token_expires_in),
            (3600, None)
        );
    }
}
