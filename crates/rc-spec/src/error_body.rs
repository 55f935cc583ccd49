//! RingCentral's error bodies. The spec's form is `{"errors":[{errorCode, message,
//! parameterName, ...}]}`; the live API also mirrors `errorCode`/`message` at the top
//! level (sometimes with a symbolic code such as `InsufficientPermissions`), OAuth
//! errors add `error`/`error_description`, and some gateway errors carry only the
//! top-level pair. The parser accepts all of them; the sandbox writes the full form.

use std::time::Duration;

use http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};

/// An error answer from the RingCentral API, parsed from its error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RcApiError {
    /// HTTP status RingCentral answered with.
    pub status: StatusCode,
    /// RingCentral's error code (`CMN-102`, `OAU-149`, ...), preferring the spec's
    /// `errors[0].errorCode` over the legacy top-level copy.
    pub error_code: Option<String>,
    /// RingCentral's message (may be localized; never matched on).
    pub message: String,
    /// The parameter RingCentral complains about, if it said.
    pub parameter_name: Option<String>,
    /// The permission RingCentral says is missing, if it said.
    pub permission_name: Option<String>,
    /// `Retry-After` of a 429 or 503 answer.
    pub retry_after: Option<Duration>,
}

impl std::fmt::Display for RcApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.error_code {
            Some(code) => write!(f, "RingCentral: {} ({code})", self.message),
            None => write!(f, "RingCentral: {}", self.message),
        }
    }
}

/// One entry of `errors[]` (`ApiError`, `ApiErrorWithParameter`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorItem {
    // Defaults: an entry missing one of them must not cost the whole body (and the
    // top-level code with it).
    #[serde(default)]
    pub error_code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission_name: Option<String>,
}

/// A RingCentral error body in any of its forms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// OAuth's RFC 6749 error (`invalid_grant`, ...), token endpoints only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
    /// Legacy top-level copy of the first error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission_name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorItem>,
}

impl ErrorBody {
    /// The full form, as the live API sends it: `errors[]` plus the top-level mirror.
    pub fn new(item: ErrorItem) -> Self {
        ErrorBody {
            error: None,
            error_description: None,
            error_code: Some(item.error_code.clone()),
            message: Some(item.message.clone()),
            parameter_name: item.parameter_name.clone(),
            permission_name: item.permission_name.clone(),
            errors: vec![item],
        }
    }

    /// The most specific error code: the spec's `errors[0]`, else the top-level one.
    pub fn code(&self) -> Option<&str> {
        self.errors
            .first()
            .map(|e| e.error_code.as_str())
            .filter(|c| !c.is_empty())
            .or(self.error_code.as_deref())
    }
}

/// Reads an upstream error answer. Never fails: a body that is not RingCentral's
/// JSON (an HTML page from a proxy, say) still gives a useful message.
pub fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> RcApiError {
    let parsed: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
    let first = parsed.errors.first();
    let message = first
        .map(|e| e.message.clone())
        .filter(|m| !m.is_empty())
        .or_else(|| parsed.message.clone())
        .or_else(|| parsed.error_description.clone())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| {
            format!(
                "RingCentral answered HTTP {}{}",
                status.as_u16(),
                status
                    .canonical_reason()
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default()
            )
        });
    RcApiError {
        status,
        error_code: parsed.code().map(str::to_owned),
        message,
        parameter_name: first
            .and_then(|e| e.parameter_name.clone())
            .or_else(|| parsed.parameter_name.clone()),
        permission_name: first
            .and_then(|e| e.permission_name.clone())
            .or_else(|| parsed.permission_name.clone()),
        retry_after: retry_after(headers),
    }
}

/// The longest wait an upstream header may ask for. RingCentral's windows and
/// penalties are a minute; a larger value is a broken header, and taken as is it
/// would park a whole group for years (or overflow the clock).
pub const LONGEST_UPSTREAM_WAIT: Duration = Duration::from_secs(3600);

/// Seconds from an upstream header, at most [`LONGEST_UPSTREAM_WAIT`].
pub fn header_seconds(
    headers: &HeaderMap,
    name: impl http::header::AsHeaderName,
) -> Option<Duration> {
    let seconds = headers
        .get(name)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()?;
    Some(Duration::from_secs(seconds).min(LONGEST_UPSTREAM_WAIT))
}

/// `Retry-After` in seconds (RingCentral sends delta-seconds).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    header_seconds(headers, http::header::RETRY_AFTER)
}

/// Whether a 401 answer says the access token is bad (so a fresh token may help),
/// as opposed to, say, an unknown application.
pub fn is_token_rejection(error: &RcApiError) -> bool {
    error.status == StatusCode::UNAUTHORIZED
        && error.error_code.as_deref().is_some_and(|code| {
            code.starts_with("OAU-") || code.starts_with("AGW-") || code.starts_with("Token")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_json(status: u16, body: &str) -> RcApiError {
        parse(
            StatusCode::from_u16(status).unwrap(),
            &HeaderMap::new(),
            body.as_bytes(),
        )
    }

    #[test]
    fn prefers_the_spec_errors_array() {
        let e = parse_json(
            403,
            r#"{"errorCode":"InsufficientPermissions","message":"top",
                "errors":[{"errorCode":"CMN-401","message":"needs [ReadAccounts]","permissionName":"ReadAccounts"}],
                "permissionName":"ReadAccounts"}"#,
        );
        assert_eq!(e.error_code.as_deref(), Some("CMN-401"));
        assert_eq!(e.message, "needs [ReadAccounts]");
        assert_eq!(e.permission_name.as_deref(), Some("ReadAccounts"));
    }

    #[test]
    fn reads_the_top_level_only_form() {
        let e = parse_json(
            401,
            r#"{"errorCode":"AGW-401","message":"Authorization header is not specified"}"#,
        );
        assert_eq!(e.error_code.as_deref(), Some("AGW-401"));
        assert!(is_token_rejection(&e));
    }

    #[test]
    fn reads_oauth_errors() {
        let e = parse_json(
            400,
            r#"{"error":"invalid_grant","errors":[{"errorCode":"OAU-211","message":"Token is revoked"}],"error_description":"Token is revoked"}"#,
        );
        assert_eq!(e.error_code.as_deref(), Some("OAU-211"));
        assert_eq!(e.message, "Token is revoked");
    }

    #[test]
    fn an_incomplete_errors_entry_keeps_the_rest() {
        let e = parse_json(
            404,
            r#"{"errorCode":"CMN-102","message":"Resource not found","errors":[{"parameterName":"groupId"}]}"#,
        );
        assert_eq!(e.error_code.as_deref(), Some("CMN-102"));
        assert_eq!(e.message, "Resource not found");
        assert_eq!(e.parameter_name.as_deref(), Some("groupId"));
    }

    #[test]
    fn survives_bodies_that_are_not_json() {
        let e = parse_json(502, "<html>bad gateway</html>");
        assert_eq!(e.error_code, None);
        assert_eq!(e.message, "RingCentral answered HTTP 502 Bad Gateway");
    }

    #[test]
    fn reads_retry_after_seconds() {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, "42".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(42)));
        headers.insert(
            http::header::RETRY_AFTER,
            "18446744073709551615".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers), Some(LONGEST_UPSTREAM_WAIT));
        headers.insert(http::header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn a_401_for_an_unknown_app_is_not_a_token_rejection() {
        let e = parse_json(
            401,
            r#"{"errors":[{"errorCode":"CMN-405","message":"Login required"}]}"#,
        );
        assert!(!is_token_rejection(&e));
    }
}
