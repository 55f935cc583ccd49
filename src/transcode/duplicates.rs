//! Finds a key repeated within one JSON object. JSON parsers disagree on what such
//! a body means (the last value wins, the first, or an error), so the gateway refuses
//! it instead of guessing, and names the key as the caller spelled it.

use std::collections::HashSet;
use std::fmt;

use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// The path of the first repeated key (`contact.jobTitle`, `members[2].id`), or
/// `None` when there is none or the body is not JSON (the parser reports that).
pub fn first_duplicate_key(body: &[u8]) -> Option<String> {
    let mut path = Vec::new();
    let mut found = None;
    let mut json = serde_json::Deserializer::from_slice(body);
    let _ = json.deserialize_any(Walk {
        path: &mut path,
        found: &mut found,
    });
    found
}

enum Segment {
    Key(String),
    Index(usize),
}

fn render(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

struct Walk<'a> {
    path: &'a mut Vec<Segment>,
    found: &'a mut Option<String>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let repeated = !seen.insert(key.clone());
            self.path.push(Segment::Key(key));
            if repeated {
                *self.found = Some(render(self.path));
                // Stops the walk: one repeated key is enough to refuse the body.
                return Err(de::Error::custom("repeated key"));
            }
            map.next_value_seed(Walk {
                path: self.path,
                found: self.found,
            })?;
            self.path.pop();
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            self.path.push(Segment::Index(index));
            let more = seq
                .next_element_seed(Walk {
                    path: self.path,
                    found: self.found,
                })?
                .is_some();
            self.path.pop();
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_found_at_any_depth() {
        let find = |s: &str| first_duplicate_key(s.as_bytes());
        assert_eq!(find(r#"{"a": 1, "b": 2}"#), None);
        assert_eq!(
            find(r#"{"jobTitle": "x", "jobTitle": "y"}"#).as_deref(),
            Some("jobTitle")
        );
        assert_eq!(
            find(r#"{"contact": {"jobTitle": "x", "jobTitle": "y"}}"#).as_deref(),
            Some("contact.jobTitle")
        );
        assert_eq!(
            find(r#"{"contact": {}, "contact": {}}"#).as_deref(),
            Some("contact")
        );
        assert_eq!(
            find(r#"{"members": [{"id": "1"}, {"id": "2", "id": "3"}]}"#).as_deref(),
            Some("members[1].id")
        );
        // The same key in sibling objects is not a repeat.
        assert_eq!(find(r#"[{"id": 1}, {"id": 2}]"#), None);
        // Not JSON: left to the parser, which says what is wrong.
        assert_eq!(find(r#"{"a": "#), None);
    }
}
