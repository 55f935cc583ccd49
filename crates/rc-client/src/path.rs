//! Upstream request paths, built from an operation's template with every parameter
//! escaped as one path segment, so that no caller-supplied id (`../x`, `1?x=y`,
//! `a/b`, `%2F`) can change which RingCentral resource is addressed.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::error::{Error, Result};

use rc_spec::ops::Operation;

/// Characters left as they are in a segment: RFC 3986 unreserved. Everything else,
/// `/`, `?`, `#` and `%` included, is percent-encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Fills `op.path`'s `{placeholders}` in order with `params`, each escaped as a
/// single segment. `field` names the request field for error messages.
pub fn build(op: &Operation, params: &[(&str, &str)]) -> Result<String> {
    let mut out = String::with_capacity(op.path.len() + 16);
    let mut rest = op.path;
    let mut params = params.iter();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find('}')
            .map(|i| open + i)
            .ok_or_else(|| Error::Internal(format!("bad template {}", op.path)))?;
        let (field, value) = params
            .next()
            .ok_or_else(|| Error::Internal(format!("too few parameters for {}", op.id)))?;
        push_segment(&mut out, field, value)?;
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    if params.next().is_some() {
        return Err(Error::Internal(format!(
            "too many parameters for {}",
            op.id
        )));
    }
    Ok(out)
}

fn push_segment(out: &mut String, field: &str, value: &str) -> Result<()> {
    // "." and ".." survive percent-encoding as dot segments in URL normalization
    // (WHATWG treats %2E like "."), so they are refused outright.
    if value.is_empty() || value == "." || value == ".." {
        return Err(Error::invalid(
            field,
            format!("{field} must not be empty, \".\" or \"..\""),
        ));
    }
    out.extend(utf8_percent_encode(value, SEGMENT));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rc_spec::ops;

    fn ext(id: &str) -> Result<String> {
        build(
            &ops::READ_EXTENSION,
            &[("accountId", "~"), ("extensionId", id)],
        )
    }

    #[test]
    fn fills_parameters_in_order() {
        assert_eq!(ext("123").unwrap(), "/restapi/v1.0/account/~/extension/123");
    }

    #[test]
    fn hostile_ids_stay_inside_one_segment() {
        assert_eq!(
            ext("../x").unwrap(),
            "/restapi/v1.0/account/~/extension/..%2Fx"
        );
        assert_eq!(
            ext("1?x=y").unwrap(),
            "/restapi/v1.0/account/~/extension/1%3Fx%3Dy"
        );
        assert_eq!(
            ext("%2F").unwrap(),
            "/restapi/v1.0/account/~/extension/%252F"
        );
        assert_eq!(
            ext("a#b").unwrap(),
            "/restapi/v1.0/account/~/extension/a%23b"
        );
    }

    #[test]
    fn dot_segments_and_empty_ids_are_refused() {
        for bad in ["", ".", ".."] {
            let err = ext(bad).unwrap_err();
            assert!(matches!(err, Error::InvalidArgument { .. }), "{bad:?}");
        }
    }

    #[test]
    fn parameter_count_must_match() {
        assert!(build(&ops::READ_EXTENSION, &[("accountId", "~")]).is_err());
        assert!(build(&ops::LIST_EXTENSIONS, &[("a", "~"), ("b", "1")]).is_err());
    }
}
