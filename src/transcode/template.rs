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

/// A variable bound by a match: the field path and its decoded value.
pub type Binding = (Vec<String>, String);

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
        let rest = match &self.verb {
            Some(verb) => rest.strip_suffix(verb.as_str())?.strip_suffix(':')?,
            None => rest,
        };
        let segments: Vec<&str> = rest.split('/').collect();
        let mut bindings = Vec::new();
        let mut at = 0;
        for (index, segment) in self.segments.iter().enumerate() {
            let last = index + 1 == self.segments.len();
            match segment {
                Segment::Part(p) => {
                    let taken = match_part(p, &segments[at..], last)?;
                    at += taken;
                }
                Segment::Variable { field, pattern } => {
                    let begin = at;
                    for (pi, p) in pattern.iter().enumerate() {
                        let taken =
                            match_part(p, &segments[at..], last && pi + 1 == pattern.len())?;
                        at += taken;
                    }
                    let raw = &segments[begin..at];
                    let value = if pattern.len() == 1 && pattern[0] == Part::One {
                        decode(raw[0])?
                    } else {
                        // Multi-segment variables keep "/" between segments and
                        // leave an encoded "%2F" inside a segment encoded.
                        raw.iter()
                            .map(|s| decode(&s.replace("%2F", "%252F").replace("%2f", "%252f")))
                            .collect::<Option<Vec<_>>>()?
                            .join("/")
                    };
                    bindings.push((field.clone(), value));
                }
            }
        }
        (at == segments.len()).then_some(bindings)
    }
}

/// How many segments `part` takes from `segments`, if it matches.
fn match_part(part: &Part, segments: &[&str], last: bool) -> Option<usize> {
    match part {
        Part::Literal(l) => {
            let first = segments.first()?;
            (decode(first)? == *l).then_some(1)
        }
        Part::One => {
            let first = segments.first()?;
            (!first.is_empty()).then_some(1)
        }
        Part::Rest => last.then_some(segments.len()),
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
        PathTemplate::parse(t)
            .unwrap()
            .matches(path)
            .map(|b| b.into_iter().map(|(f, v)| (f.join("."), v)).collect())
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
