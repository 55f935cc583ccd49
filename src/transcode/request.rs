//! Builds the gRPC request message of a transcoded call from the path variables,
//! the query string and the JSON body, with canonical proto3 JSON parsing
//! (prost-reflect) and errors that name the offending field.

use std::collections::HashSet;

use prost_reflect::{
    DeserializeOptions, DynamicMessage, FieldDescriptor, Kind, MessageDescriptor, Value,
};

use super::rules::{BodyRule, Route, resolve};
use super::template::Binding;
use crate::error::{Error, Result};

/// Query strings longer than this are refused (HTTP servers commonly cap the whole
/// request line near 8 KiB; this keeps parsing cost bounded).
const MAX_QUERY_BYTES: usize = 8 * 1024;

/// The request message for `route`.
pub fn build(
    route: &Route,
    bindings: Vec<Binding>,
    query: Option<&str>,
    body: &[u8],
) -> Result<DynamicMessage> {
    let input = route.rpc.input();
    let mut message = match &route.body {
        BodyRule::None => {
            if !body.iter().all(u8::is_ascii_whitespace) {
                return Err(Error::invalid("body", "this method takes no request body"));
            }
            DynamicMessage::new(input.clone())
        }
        BodyRule::Whole => parse_json(&input, body, "")?,
        BodyRule::Field(field) => {
            let mut message = DynamicMessage::new(input.clone());
            if let Kind::Message(body_type) = field.kind() {
                let value = parse_json(&body_type, body, field.json_name())?;
                message.set_field(field, Value::Message(value));
            }
            message
        }
    };

    let mut bound = HashSet::new();
    for (index, value) in bindings {
        let (Some(fields), Some(name)) =
            (route.variables.get(index), route.variable_names.get(index))
        else {
            return Err(Error::Internal(format!("no path variable {index}")));
        };
        set_scalar(&mut message, fields, &value, name)?;
        bound.insert(name.clone());
    }

    if let Some(query) = query.filter(|q| !q.is_empty()) {
        let mut given = HashSet::new();
        if query.len() > MAX_QUERY_BYTES {
            return Err(Error::invalid(
                "query",
                format!("the query string is longer than {MAX_QUERY_BYTES} bytes"),
            ));
        }
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let path: Vec<String> = key.split('.').map(str::to_owned).collect();
            let fields = resolve(&input, &path)
                .filter(|_| query_allowed(&route.body, &path))
                .ok_or_else(|| {
                    Error::invalid(key.as_ref(), format!("unknown query parameter {key:?}"))
                })?;
            let name = json_path(&fields);
            if bound.contains(&name) {
                return Err(Error::invalid(
                    &name,
                    format!("{name} is already given in the path"),
                ));
            }
            // Only repeated fields take a parameter more than once: for any other,
            // "last one wins" would silently drop what the caller also asked for.
            let repeated = fields.last().is_some_and(FieldDescriptor::is_list);
            if !repeated && !given.insert(name.clone()) {
                return Err(Error::invalid(
                    &name,
                    format!("{key} is given more than once"),
                ));
            }
            set_scalar(&mut message, &fields, &value, &name)?;
        }
    }
    Ok(message)
}

/// With `body: "*"` every field is in the body; with `body: "f"`, `f` is.
fn query_allowed(rule: &BodyRule, path: &[String]) -> bool {
    match rule {
        BodyRule::None => true,
        BodyRule::Whole => false,
        BodyRule::Field(field) => path
            .first()
            .is_some_and(|first| first != field.name() && first != field.json_name()),
    }
}

fn json_path(fields: &[FieldDescriptor]) -> String {
    fields
        .iter()
        .map(FieldDescriptor::json_name)
        .collect::<Vec<_>>()
        .join(".")
}

/// Parses a JSON body into `desc`; an empty body is an empty message.
fn parse_json(desc: &MessageDescriptor, body: &[u8], prefix: &str) -> Result<DynamicMessage> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(DynamicMessage::new(desc.clone()));
    }
    if let Some(path) = super::duplicates::first_duplicate_key(body) {
        let field = if prefix.is_empty() {
            path
        } else {
            format!("{prefix}.{path}")
        };
        return Err(Error::invalid(
            &field,
            format!("{field} is given more than once in the request body"),
        ));
    }
    let mut json = serde_json::Deserializer::from_slice(body);
    let options = DeserializeOptions::new().deny_unknown_fields(true);
    let mut track = serde_path_to_error::Track::new();
    let tracked = serde_path_to_error::Deserializer::new(&mut json, &mut track);
    let result = DynamicMessage::deserialize_with_options(desc.clone(), tracked, &options);
    let message = result.map_err(|inner| {
        let path = track.path().to_string();
        let field = match (prefix, path.as_str()) {
            (p, ".") | (p, "") if p.is_empty() => "body".to_owned(),
            ("", path) => path.to_owned(),
            (p, ".") | (p, "") => p.to_owned(),
            (p, path) => format!("{p}.{path}"),
        };
        let message = if inner.is_syntax() || inner.is_eof() {
            format!("the request body is not valid JSON: {inner}")
        } else {
            format!("invalid value for {field}: {inner}")
        };
        Error::invalid(field, message)
    })?;
    json.end()
        .map_err(|e| Error::invalid("body", format!("the request body is not valid JSON: {e}")))?;
    Ok(message)
}

/// Sets (or, for repeated fields, appends) a value given as text in the path or query.
fn set_scalar(
    message: &mut DynamicMessage,
    fields: &[FieldDescriptor],
    text: &str,
    name: &str,
) -> Result<()> {
    let (leaf, parents) = fields
        .split_last()
        .ok_or_else(|| Error::Internal("empty field path".into()))?;
    let mut target = message;
    for parent in parents {
        let value = target.get_field_mut(parent);
        target = match value {
            Value::Message(m) => m,
            _ => {
                return Err(Error::invalid(
                    name,
                    format!("{name} is not a message field"),
                ));
            }
        };
    }
    if leaf.is_map() {
        return Err(Error::invalid(
            name,
            format!("{name} cannot be set from the URL"),
        ));
    }
    let value = parse_scalar(&leaf.kind(), text, name)?;
    if leaf.is_list() {
        match target.get_field_mut(leaf) {
            Value::List(list) => list.push(value),
            _ => return Err(Error::Internal(format!("{name} is not a list"))),
        }
    } else {
        target.set_field(leaf, value);
    }
    Ok(())
}

fn parse_scalar(kind: &Kind, text: &str, name: &str) -> Result<Value> {
    let bad = |what: &str| Error::invalid(name, format!("{name} must be {what}, not {text:?}"));
    Ok(match kind {
        Kind::String => Value::String(text.to_owned()),
        Kind::Bool => match text {
            "true" | "1" => Value::Bool(true),
            "false" | "0" => Value::Bool(false),
            _ => return Err(bad("true or false")),
        },
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
            Value::I32(text.parse().map_err(|_| bad("a 32-bit integer"))?)
        }
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => {
            Value::I64(text.parse().map_err(|_| bad("an integer"))?)
        }
        Kind::Uint32 | Kind::Fixed32 => Value::U32(
            text.parse()
                .map_err(|_| bad("a non-negative 32-bit integer"))?,
        ),
        Kind::Uint64 | Kind::Fixed64 => {
            Value::U64(text.parse().map_err(|_| bad("a non-negative integer"))?)
        }
        Kind::Float => Value::F32(text.parse().map_err(|_| bad("a number"))?),
        Kind::Double => Value::F64(text.parse().map_err(|_| bad("a number"))?),
        Kind::Bytes => {
            use base64::Engine;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text)
                .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text))
                .map_err(|_| bad("base64"))?;
            Value::Bytes(bytes.into())
        }
        Kind::Enum(e) => {
            let number = enum_number(e, text).ok_or_else(|| {
                let names: Vec<_> = e
                    .values()
                    .filter(|v| v.number() != 0)
                    .map(|v| v.name().to_owned())
                    .collect();
                Error::invalid(
                    name,
                    format!("{name} must be one of {}, not {text:?}", names.join(", ")),
                )
            })?;
            Value::EnumNumber(number)
        }
        Kind::Message(m) if m.full_name() == "google.protobuf.Timestamp" => {
            let (seconds, nanos) =
                rfc3339(text).ok_or_else(|| bad("an RFC 3339 time like 2024-01-31T00:00:00Z"))?;
            let mut ts = DynamicMessage::new(m.clone());
            ts.set_field_by_name("seconds", Value::I64(seconds));
            ts.set_field_by_name("nanos", Value::I32(nanos));
            Value::Message(ts)
        }
        Kind::Message(_) => {
            return Err(Error::invalid(
                name,
                format!("{name} cannot be set from the URL"),
            ));
        }
    })
}

/// An RFC 3339 date-time (`2024-01-31T10:00:00.5+02:00`, `t`/`z` in either case, any
/// offset, years 0001 to 9999, as JSON Schema's `date-time` allows) as seconds and
/// nanoseconds since the Unix epoch.
pub fn rfc3339(text: &str) -> Option<(i64, i32)> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    // A leap second (:60) is read as the last second of its minute.
    if year == 0 || day == 0 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    let mut nanos = 0i64;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for (i, d) in fraction[..digits].iter().enumerate() {
            if i < 9 {
                nanos += i64::from(d - b'0') * 10i64.pow(8 - i as u32);
            }
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digit = |c: &u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
            let (h, m) = (digit(h1)? * 10 + digit(h2)?, digit(m1)? * 10 + digit(m2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h * 60 + m;
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset * 60;
    Some((seconds, nanos as i32))
}

/// Enum values by their proto name (`EXTENSION_STATUS_ENABLED`), number, or the short
/// RingCentral-style spelling (`Enabled`, `NotActivated`, `not_activated`) that URL
/// users type: the short form is the value name without the enum's prefix.
fn enum_number(e: &prost_reflect::EnumDescriptor, text: &str) -> Option<i32> {
    if let Some(v) = e.get_value_by_name(text) {
        return Some(v.number());
    }
    if let Ok(n) = text.parse::<i32>() {
        return e.get_value(n).map(|v| v.number());
    }
    let prefix = upper_snake(e.name());
    let wanted = format!("{prefix}_{}", upper_snake(text));
    e.values()
        .find(|v| v.name() == wanted && v.number() != 0)
        .map(|v| v.number())
}

/// `NotActivated` -> `NOT_ACTIVATED`, `not_activated` -> `NOT_ACTIVATED`, `12h` -> `12H`.
fn upper_snake(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev_lower = false;
    for c in text.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        if c == '-' || c == ' ' {
            out.push('_');
            prev_lower = false;
            continue;
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_times_in_every_form_json_schema_allows() {
        assert_eq!(rfc3339("1970-01-01T00:00:00Z"), Some((0, 0)));
        assert_eq!(
            rfc3339("2024-01-31T10:00:00.5Z"),
            Some((1_706_695_200, 500_000_000))
        );
        assert_eq!(
            rfc3339("2024-01-31t12:00:00+02:00"),
            Some((1_706_695_200, 0))
        );
        assert_eq!(
            rfc3339("2024-01-31T05:45:00-04:15"),
            Some((1_706_695_200, 0))
        );
        assert_eq!(
            rfc3339("1184-01-06T01:33:59.5787-12:48").map(|t| t.1),
            Some(578_700_000)
        );
        assert_eq!(rfc3339("0001-01-01T00:00:00Z"), Some((-62_135_596_800, 0)));
        assert_eq!(rfc3339("9999-12-31T23:59:59Z"), Some((253_402_300_799, 0)));
        assert!(rfc3339("2024-02-29T00:00:00Z").is_some());
        for bad in [
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-01-31T24:00:00Z",
            "2024-01-31T10:00:00",
            "2024-01-31T10:00:00.Z",
            "2024-01-31T10:00:00+2:00",
            "0000-01-01T00:00:00Z",
            "yesterday",
        ] {
            assert_eq!(rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn upper_snake_handles_the_spellings_people_use() {
        assert_eq!(upper_snake("NotActivated"), "NOT_ACTIVATED");
        assert_eq!(upper_snake("not_activated"), "NOT_ACTIVATED");
        assert_eq!(upper_snake("IvrMenu"), "IVR_MENU");
        assert_eq!(upper_snake("ExtensionStatus"), "EXTENSION_STATUS");
        assert_eq!(upper_snake("12h"), "12H");
    }

    #[test]
    fn enums_accept_proto_names_numbers_and_short_names() {
        let e = crate::proto::pool()
            .get_enum_by_name("rcgateway.v1.ExtensionStatus")
            .unwrap();
        assert_eq!(enum_number(&e, "EXTENSION_STATUS_ENABLED"), Some(1));
        assert_eq!(enum_number(&e, "Enabled"), Some(1));
        assert_eq!(enum_number(&e, "NotActivated"), Some(4));
        assert_eq!(enum_number(&e, "4"), Some(4));
        assert_eq!(enum_number(&e, "Unspecified"), None);
        assert_eq!(enum_number(&e, "Martian"), None);
    }
}
