//! A strict reader of the Prometheus text exposition format (version 0.0.4): every
//! line must be a comment, a HELP/TYPE line or a well-formed sample, or the test
//! fails. Kept small on purpose; it checks what /metrics promises, nothing more.

use std::collections::{BTreeMap, HashMap};

pub type Labels = BTreeMap<String, String>;

#[derive(Debug, Default)]
pub struct Scrape {
    pub samples: Vec<(String, Labels, f64)>,
    pub types: HashMap<String, String>,
}

impl Scrape {
    /// Parses `text`, panicking with the offending line on any error.
    pub fn parse(text: &str) -> Scrape {
        let mut scrape = Scrape::default();
        for line in text.lines() {
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix("# TYPE ") {
                let (name, kind) = rest
                    .split_once(' ')
                    .expect("TYPE line has a name and a type");
                assert!(valid_name(name), "bad metric name in {line:?}");
                assert!(
                    ["counter", "gauge", "histogram", "summary", "untyped"].contains(&kind),
                    "bad type in {line:?}"
                );
                let previous = scrape.types.insert(name.to_owned(), kind.to_owned());
                assert!(previous.is_none(), "TYPE given twice: {line:?}");
                continue;
            }
            if let Some(rest) = line.strip_prefix("# HELP ") {
                let name = rest.split(' ').next().unwrap_or("");
                assert!(valid_name(name), "bad metric name in {line:?}");
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            scrape.samples.push(sample(line));
        }
        for (name, _, _) in &scrape.samples {
            let family = ["_bucket", "_sum", "_count"]
                .iter()
                .find_map(|s| {
                    name.strip_suffix(s)
                        .filter(|f| scrape.types.get(*f).is_some_and(|t| t == "histogram"))
                })
                .unwrap_or(name);
            assert!(scrape.types.contains_key(family), "{name} has no TYPE line");
        }
        scrape
    }

    /// The value of the sample named `name` whose labels include `labels`, summed over
    /// the samples that match (0 when none do).
    pub fn sum(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.samples
            .iter()
            .filter(|(n, l, _)| {
                n == name
                    && labels
                        .iter()
                        .all(|(k, v)| l.get(*k).is_some_and(|x| x == v))
            })
            .map(|(_, _, v)| v)
            .sum()
    }
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

fn sample(line: &str) -> (String, Labels, f64) {
    let name_end = line
        .find(['{', ' '])
        .unwrap_or_else(|| panic!("bad sample {line:?}"));
    let name = &line[..name_end];
    assert!(valid_name(name), "bad metric name in {line:?}");
    let mut labels = Labels::new();
    let mut rest = &line[name_end..];
    if let Some(body) = rest.strip_prefix('{') {
        let mut chars = body.char_indices().peekable();
        let mut end = None;
        while let Some(&(i, c)) = chars.peek() {
            if c == '}' {
                end = Some(i);
                break;
            }
            if c == ',' {
                chars.next();
                continue;
            }
            let start = i;
            while chars.peek().is_some_and(|&(_, c)| c != '=') {
                chars.next();
            }
            let (eq, _) = chars
                .next()
                .unwrap_or_else(|| panic!("bad labels in {line:?}"));
            let key = &body[start..eq];
            assert!(valid_name(key), "bad label name {key:?} in {line:?}");
            assert_eq!(
                chars.next().map(|(_, c)| c),
                Some('"'),
                "unquoted label value in {line:?}"
            );
            let mut value = String::new();
            loop {
                match chars.next() {
                    Some((_, '\\')) => match chars.next() {
                        Some((_, 'n')) => value.push('\n'),
                        Some((_, c @ ('\\' | '"'))) => value.push(c),
                        _ => panic!("bad escape in {line:?}"),
                    },
                    Some((_, '"')) => break,
                    Some((_, c)) => value.push(c),
                    None => panic!("unterminated label value in {line:?}"),
                }
            }
            assert!(
                labels.insert(key.to_owned(), value).is_none(),
                "label twice in {line:?}"
            );
        }
        let end = end.unwrap_or_else(|| panic!("unterminated labels in {line:?}"));
        rest = &body[end + 1..];
    }
    let value = rest
        .strip_prefix(' ')
        .and_then(|v| v.split(' ').next())
        .unwrap_or_else(|| panic!("no value in {line:?}"));
    let value = match value {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        "NaN" => f64::NAN,
        v => v
            .parse()
            .unwrap_or_else(|_| panic!("bad value in {line:?}")),
    };
    (name.to_owned(), labels, value)
}
