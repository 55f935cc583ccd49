//! `google.api.http` path templates: parsing and matching.
//!
//! Grammar (google/api/http.proto):
//! `Template = "/" Segments [":" Verb]`, `Segment = "*" | "**" | LITERAL | Variable`,
//! `Variable = "{" FieldPath ["=" Segments] "}"`.

use percent_encoding::percent_decode_str;

/// One part of a variable's pattern, or of the template itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    /// `*`: exactly one segment.
    One,
    /// `**`: zero or more segments (last in the template only).
    Rest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Part(Part),
    Variable {
        field: Vec<String>,
        pattern: Vec<Part>,
    },
}

/// A compiled path template.
#[derive(Debug, Clone)]
pub struct PathTemplate {
    segments: Vec<Segment>,
    verb: Option<String>,
    source: String,
}

/// A variable bound by a match: its index among the template's variables (in
/// [`PathTemplate::variables`] order) and its decoded value.
pub type Binding = (usize, String);

impl PathTemplate {
    /// Parses a template such as `/api/extensions/{extension_id}/number`.
    pub fn parse(source: &str) -> Result<Self, String> {
        let rest = source
            .strip_prefix('/')
            .ok_or_else(|| format!("template {source:?} must start with '/'"))?;
        // The verb is a ':' after the last '/' that is outside of braces.
        let (body, verb) = split_verb(rest);
        let mut segments = Vec::new();
        let chars = body.char_indices().peekable();
        let mut start = 0;
        let mut depth = 0;
        let mut raw_segments = Vec::new();
        for (i, c) in chars {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                '/' if depth == 0 => {
                    raw_segments.push(&body[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        raw_segments.push(&body[start..]);
        for raw in raw_segments {
            if let Some(inner) = raw.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
                let (field, pattern) = match inner.split_once('=') {
                    Some((field, pattern)) => (field, pattern.split('/').map(part).collect()),
                    None => (inner, vec![Part::One]),
                };
                if field.is_empty() || !field.split('.').all(is_ident) {
                    return Err(format!("bad variable {raw:?} in {source:?}"));
                }
                segments.push(Segment::Variable {
                    field: field.split('.').map(str::to_owned).collect(),
                    pattern,
                });
            } else if raw.contains(['{', '}']) || raw.is_empty() {
                return Err(format!("bad segment {raw:?} in {source:?}"));
            } else {
                segments.push(Segment::Part(part(raw)));
            }
        }
        Ok(PathTemplate {
            segments,
            verb: verb.map(str::to_owned),
            source: source.to_owned(),
        })
    }

    /// The template as written in the proto (used as the route label in metrics).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Field paths of the template's variables.
    pub fn variables(&self) -> impl Iterator<Item = &[String]> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Variable { field, .. } => Some(field.as_slice()),
            Segment::Part(_) => None,
        })
    }

    /// The template in OpenAPI form: variables as `{fieldPath}` in JSON spelling.
    pub fn openapi_path(&self, json_name: impl Fn(&[String]) -> String) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            out.push('/');
            match segment {
                Segment::Part(Part::Literal(l)) => out.push_str(l),
                Segment::Part(Part::One) => out.push('*'),
                Segment::Part(Part::Rest) => out.push_str("**"),
                Segment::Variable { field, .. } => {
                    out.push('{');
                    out.push_str(&json_name(field));
                    out.push('}');
                }
            }
        }
        if let Some(verb) = &self.verb {
            out.push(':');
            out.push_str(verb);
        }
        out
    }

    /// Matches a request path (still percent-encoded); returns the variable bindings.
    pub fn matches(&self, path: &str) -> Option<Vec<Binding>> {
        let rest = path.strip_prefix('/')?;
        let segments: Vec<&str> = rest.split('/').collect();
        self.matches_segments(&segments)
    }

    /// Matches a path already split at `/` (after its leading `/`): the router splits
    /// a request's path once for every template it tries.
    pub fn matches_segments(&self, segments: &[&str]) -> Option<Vec<Binding>> {
        let (last, init) = segments.split_last()?;
        // The verb is on the last segment: `watch` of `events:watch`.
        let last = match &self.verb {
            Some(verb) => last.strip_suffix(verb.as_str())?.strip_suffix(':')?,
            None => last,
        };
        let at_segment = |i: usize| {
            if i == init.len() {
                Some(last)
            } else {
                init.get(i).copied()
            }
        };
        let count = segments.len();
        let mut bindings = Vec::new();
        let mut variable = 0;
        let mut at = 0;
        for (index, segment) in self.segments.iter().enumerate() {
            let is_last = index + 1 == self.segments.len();
            match segment {
                Segment::Part(p) => {
                    at += match_part(p, at, count, &at_segment, is_last)?;
                }
                Segment::Variable { pattern, .. } => {
                    let begin = at;
                    for (pi, p) in pattern.iter().enumerate() {
                        at += match_part(
                            p,
                            at,
                            count,
                            &at_segment,
                            is_last && pi + 1 == pattern.len(),
                        )?;
                    }
                    let value = if pattern.len() == 1 && pattern[0] == Part::One {
                        decode(at_segment(begin)?)?
                    } else {
                        // Multi-segment variables keep "/" between segments and
                        // leave an encoded "%2F" inside a segment encoded.
                        (begin..at)
                            .map(|i| {
                                let s = at_segment(i)?;
                                decode(&s.replace("%2F", "%252F").replace("%2f", "%252f"))
                            })
                            .collect::<Option<Vec<_>>>()?
                            .join("/")
                    };
                    bindings.push((variable, value));
                    variable += 1;
                }
            }
        }
        (at == count).then_some(bindings)
    }

    /// The first literal segments of the template (`["api", "extensions"]`), which a
    /// router can index it by.
    pub fn literal_prefix(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                // A verb sits on the last segment: it is not the segment's whole text.
                Segment::Part(Part::Literal(l))
                    if !(self.verb.is_some() && i + 1 == self.segments.len()) =>
                {
                    out.push(l.as_str())
                }
                _ => break,
            }
        }
        out
    }
}

/// How many segments `part` takes from position `at` (of `count`), if it matches.
fn match_part<'a>(
    part: &Part,
    at: usize,
    count: usize,
    segment: &impl Fn(usize) -> Option<&'a str>,
    last: bool,
) -> Option<usize> {
    match part {
        Part::Literal(l) => {
            let first = segment(at)?;
            let equal = if first.contains('%') {
                decode(first)? == *l
            } else {
                first == l
            };
            equal.then_some(1)
        }
        Part::One => {
            let first = segment(at)?;
            (!first.is_empty()).then_some(1)
        }
        Part::Rest => last.then_some(count - at),
    }
}

fn decode(segment: &str) -> Option<String> {
    percent_decode_str(segment)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

fn part(raw: &str) -> Part {
    match raw {
        "*" => Part::One,
        "**" => Part::Rest,
        literal => Part::Literal(literal.to_owned()),
    }
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn split_verb(rest: &str) -> (&str, Option<&str>) {
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    let tail = &rest[last_slash..];
    if tail.starts_with('{') && !tail.ends_with('}') {
        if let Some(close) = tail.find('}')
            && let Some(colon) = tail[close..].find(':')
        {
            let at = last_slash + close + colon;
            return (&rest[..at], Some(&rest[at + 1..]));
        }
    } else if !tail.starts_with('{')
        && let Some(colon) = tail.find(':')
    {
        let at = last_slash + colon;
        return (&rest[..at], Some(&rest[at + 1..]));
    }
    (rest, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bind(t: &str, path: &str) -> Option<Vec<(String, String)>> {
        let template = PathTemplate::parse(t).unwrap();
        let names: Vec<String> = template.variables().map(|f| f.join(".")).collect();
        template
            .matches(path)
            .map(|b| b.into_iter().map(|(i, v)| (names[i].clone(), v)).collect())
    }

    #[test]
    fn literal_paths_match_exactly() {
        assert_eq!(bind("/api/extensions", "/api/extensions"), Some(vec![]));
        assert_eq!(bind("/api/extensions", "/api/extensions/"), None);
        assert_eq!(bind("/api/extensions", "/api/extension"), None);
        assert_eq!(bind("/api/extensions", "/api"), None);
    }

    #[test]
    fn single_segment_variables_are_decoded() {
        assert_eq!(
            bind(
                "/api/extensions/{extension_id}/number",
                "/api/extensions/42/number"
            ),
            Some(vec![("extension_id".into(), "42".into())])
        );
        assert_eq!(
            bind("/api/extensions/{id}", "/api/extensions/..%2Fx"),
            Some(vec![("id".into(), "../x".into())])
        );
        assert_eq!(bind("/api/extensions/{id}", "/api/extensions/"), None);
        assert_eq!(bind("/api/extensions/{id}", "/api/extensions/1/2"), None);
    }

    #[test]
    fn nested_fields_and_patterns() {
        assert_eq!(
            bind("/v1/{sub.name=shelves/*}/books", "/v1/shelves/7/books"),
            Some(vec![("sub.name".into(), "shelves/7".into())])
        );
        assert_eq!(
            bind("/files/{path=**}", "/files/a/b/c"),
            Some(vec![("path".into(), "a/b/c".into())])
        );
    }

    #[test]
    fn verbs() {
        let t = PathTemplate::parse("/api/subscriptions/{id}:renew").unwrap();
        assert_eq!(t.matches("/api/subscriptions/9:renew").unwrap()[0].1, "9");
        assert!(t.matches("/api/subscriptions/9").is_none());
    }

    #[test]
    fn bad_templates_are_refused() {
        assert!(PathTemplate::parse("api").is_err());
        assert!(PathTemplate::parse("/a/{}").is_err());
        assert!(PathTemplate::parse("/a//b").is_err());
        assert!(PathTemplate::parse("/a/{1x}").is_err());
    }

    #[test]
    fn openapi_form_uses_json_names() {
        let t = PathTemplate::parse("/api/extensions/{extension_id}/number").unwrap();
        assert_eq!(
            t.openapi_path(|f| f.join(".").replace("_id", "Id")),
            "/api/extensions/{extensionId}/number"
        );
    }
}
