//! Which operation of the table a concrete request path is: segments of the path
//! template match literally, `{name}` matches any one non-empty segment, and where
//! several templates match, the one with a literal where the others have a parameter
//! wins (`user-role/default` over `user-role/{roleId}`).

use std::collections::HashMap;
use std::sync::LazyLock;

use http::Method;

use super::{Operation, all};

enum Segment {
    Literal(&'static str),
    Param(&'static str),
}

struct Template {
    op: &'static Operation,
    segments: Vec<Segment>,
}

/// Templates by method and number of segments: a request is compared with a few
/// dozen templates at most.
static TEMPLATES: LazyLock<HashMap<(Method, usize), Vec<Template>>> = LazyLock::new(|| {
    let mut by_shape: HashMap<(Method, usize), Vec<Template>> = HashMap::new();
    for op in all() {
        let segments: Vec<Segment> = op
            .path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => Segment::Param(name),
                    None => Segment::Literal(s),
                },
            )
            .collect();
        by_shape
            .entry((op.method.clone(), segments.len()))
            .or_default()
            .push(Template { op, segments });
    }
    by_shape
});

/// A request path matched to its operation, with the values of the template's
/// parameters (as they appear in the path, still percent-encoded).
#[derive(Debug)]
pub struct Routed<'a> {
    pub op: &'static Operation,
    pub params: Vec<(&'static str, &'a str)>,
}

/// The operation `method path` calls, if the table has one.
pub fn route<'a>(method: &Method, path: &'a str) -> Option<Routed<'a>> {
    let inner = path.strip_prefix('/')?;
    let parts: Vec<&str> = inner
        .strip_suffix('/')
        .unwrap_or(inner)
        .split('/')
        .collect();
    // An empty segment (`a//b`) is no template's.
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let candidates = TEMPLATES.get(&(method.clone(), parts.len()))?;
    let mut best: Option<(&Template, Vec<bool>)> = None;
    for template in candidates {
        let matches = template.segments.iter().zip(&parts).all(|(s, p)| match s {
            Segment::Literal(l) => l == p,
            Segment::Param(_) => !p.is_empty(),
        });
        if !matches {
            continue;
        }
        let literals: Vec<bool> = template
            .segments
            .iter()
            .map(|s| matches!(s, Segment::Literal(_)))
            .collect();
        if best.as_ref().is_none_or(|(_, b)| literals > *b) {
            best = Some((template, literals));
        }
    }
    let (template, _) = best?;
    let params = template
        .segments
        .iter()
        .zip(&parts)
        .filter_map(|(s, p)| match s {
            Segment::Param(name) => Some((*name, *p)),
            Segment::Literal(_) => None,
        })
        .collect();
    Some(Routed {
        op: template.op,
        params,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_route_to_their_operation_with_parameters() {
        let r = route(&Method::GET, "/restapi/v1.0/account/~/extension/101").unwrap();
        assert_eq!(r.op.id, "readExtension");
        assert_eq!(r.params, [("accountId", "~"), ("extensionId", "101")]);
        let r = route(&Method::PUT, "/restapi/v1.0/account/~/extension/101").unwrap();
        assert_eq!(r.op.id, "updateExtension");
        assert_eq!(
            route(&Method::GET, "/restapi/oauth/token").map(|r| r.op.id),
            None
        );
        assert_eq!(
            route(&Method::POST, "/restapi/oauth/token").map(|r| r.op.id),
            Some("getToken")
        );
    }

    #[test]
    fn a_literal_segment_beats_a_parameter() {
        let r = route(&Method::GET, "/restapi/v1.0/account/~/user-role/default").unwrap();
        assert_eq!(r.op.id, "readDefaultRole");
        let r = route(&Method::GET, "/restapi/v1.0/account/~/user-role/7").unwrap();
        assert_eq!(r.op.id, "readUserRole");
        let hold = "/restapi/v1.0/account/~/extension/~/greeting/hold-music";
        assert_eq!(
            route(&Method::GET, hold).unwrap().op.id,
            "readHoldMusicGreeting"
        );
        let r = route(
            &Method::GET,
            "/restapi/v1.0/account/~/message-threads/messages",
        )
        .unwrap();
        assert_eq!(r.op.id, "mthListMessages");
    }

    #[test]
    fn paths_of_no_operation_route_nowhere() {
        for path in [
            "/restapi/v1.0/account/~/no-such-thing",
            "/restapi/v1.0/account//extension",
            "/restapi/v1.0/account/~/extension/101/extra/segments/here",
            "/",
            "",
            "/restapi//v1.0/account/~/extension/",
            "restapi/v1.0/account/~/extension",
        ] {
            assert!(route(&Method::GET, path).is_none(), "{path}");
        }
    }
}
