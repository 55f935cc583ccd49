//! Canonical proto3 JSON written straight from a message's wire bytes, guided by its
//! descriptor: no dynamic message is built on the way (the HTTP/JSON answer of a
//! 300-record page is written in one pass over the bytes the service encoded).
//!
//! The output is what prost-reflect writes for the same message (lowerCamel names,
//! defaults left out, 64-bit integers as strings, enums by name, well-known types in
//! their JSON forms); a property test holds the two to it. Input this writer does not
//! expect (a repeated field split across the message, a value of the wrong wire type)
//! is an error, and the caller falls back to the dynamic path.

use std::collections::HashSet;
use std::fmt::Write as _;

use base64::Engine;
use prost::encoding::{WireType, decode_varint};
use prost_reflect::{Cardinality, FieldDescriptor, Kind, MessageDescriptor};

/// Why the bytes could not be written directly.
#[derive(Debug)]
pub struct Unsupported(pub String);

type Result<T> = std::result::Result<T, Unsupported>;

fn bad(what: impl Into<String>) -> Unsupported {
    Unsupported(what.into())
}

/// The JSON of one encoded message of type `desc`. `empty_lists` adds `"name": []`
/// for the top level's unset repeated fields (RingCentral's envelope keeps
/// `"records": []`).
pub fn message(desc: &MessageDescriptor, bytes: &[u8], empty_lists: bool) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 2 + 16);
    let written = write_message(desc, bytes, &mut out)?;
    if empty_lists {
        let mut missing = desc
            .fields()
            .filter(|f| f.is_list() && !written.contains(&f.number()));
        if let Some(first) = missing.next() {
            out.pop(); // the closing brace
            let mut comma = out.len() > 1;
            for field in std::iter::once(first).chain(missing) {
                if comma {
                    out.push(b',');
                }
                comma = true;
                write_str(&mut out, field.json_name());
                out.extend_from_slice(b":[]");
            }
            out.push(b'}');
        }
    }
    Ok(out)
}

/// One field's occurrences on the wire, in order.
struct Fields<'a> {
    bytes: &'a [u8],
}

/// A field value on the wire.
enum Raw<'a> {
    Varint(u64),
    Fixed64(u64),
    Fixed32(u32),
    Bytes(&'a [u8]),
}

impl<'a> Iterator for Fields<'a> {
    type Item = Result<(u32, Raw<'a>)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.bytes.is_empty() {
            return None;
        }
        Some(self.read())
    }
}

impl<'a> Fields<'a> {
    fn read(&mut self) -> Result<(u32, Raw<'a>)> {
        let key = decode_varint(&mut self.bytes).map_err(|e| bad(e.to_string()))?;
        let number = u32::try_from(key >> 3).map_err(|_| bad("field number"))?;
        let wire = WireType::try_from(key & 7).map_err(|e| bad(e.to_string()))?;
        let raw = match wire {
            WireType::Varint => {
                Raw::Varint(decode_varint(&mut self.bytes).map_err(|e| bad(e.to_string()))?)
            }
            WireType::SixtyFourBit => {
                let (head, rest) = self.split(8)?;
                self.bytes = rest;
                Raw::Fixed64(u64::from_le_bytes(
                    head.try_into().map_err(|_| bad("fixed64"))?,
                ))
            }
            WireType::ThirtyTwoBit => {
                let (head, rest) = self.split(4)?;
                self.bytes = rest;
                Raw::Fixed32(u32::from_le_bytes(
                    head.try_into().map_err(|_| bad("fixed32"))?,
                ))
            }
            WireType::LengthDelimited => {
                let len = decode_varint(&mut self.bytes).map_err(|e| bad(e.to_string()))? as usize;
                let (head, rest) = self.split(len)?;
                self.bytes = rest;
                Raw::Bytes(head)
            }
            WireType::StartGroup | WireType::EndGroup => return Err(bad("groups")),
        };
        Ok((number, raw))
    }

    fn split(&self, len: usize) -> Result<(&'a [u8], &'a [u8])> {
        if self.bytes.len() < len {
            return Err(bad("truncated"));
        }
        Ok(self.bytes.split_at(len))
    }
}

/// Writes an object for the message; returns the numbers of the fields written.
fn write_message(
    desc: &MessageDescriptor,
    bytes: &[u8],
    out: &mut Vec<u8>,
) -> Result<HashSet<u32>> {
    if let Some(done) = write_well_known(desc, bytes, out)? {
        return Ok(done);
    }
    out.push(b'{');
    let mut written = HashSet::new();
    let mut fields = Fields { bytes }.peekable();
    let mut first = true;
    while let Some(item) = fields.next() {
        let (number, raw) = item?;
        let Some(field) = desc.get_field(number) else {
            continue; // unknown fields are not part of the JSON
        };
        if field.is_list() || field.is_map() {
            if !written.insert(number) {
                return Err(bad(format!("{} is not contiguous", field.full_name())));
            }
            separator(out, &mut first);
            write_str(out, field.json_name());
            out.push(b':');
            let (open, close) = if field.is_map() {
                (b'{', b'}')
            } else {
                (b'[', b']')
            };
            out.push(open);
            let mut first_item = true;
            write_items(&field, raw, out, &mut first_item)?;
            while let Some(Ok((next, _))) = fields.peek() {
                if *next != number {
                    break;
                }
                let Some(Ok((_, raw))) = fields.next() else {
                    break;
                };
                write_items(&field, raw, out, &mut first_item)?;
            }
            out.push(close);
            continue;
        }
        if !has_presence(&field) && is_default(&field, &raw) {
            continue;
        }
        if !written.insert(number) {
            // A singular field given twice: the last one wins in protobuf; prost never
            // writes that.
            return Err(bad(format!("{} given twice", field.full_name())));
        }
        separator(out, &mut first);
        write_str(out, field.json_name());
        out.push(b':');
        write_value(&field.kind(), raw, out)?;
    }
    out.push(b'}');
    Ok(written)
}

fn separator(out: &mut Vec<u8>, first: &mut bool) {
    if !*first {
        out.push(b',');
    }
    *first = false;
}

fn has_presence(field: &FieldDescriptor) -> bool {
    field.supports_presence() || field.cardinality() == Cardinality::Required
}

/// Whether a presence-less scalar holds its default (proto3 JSON leaves it out).
fn is_default(field: &FieldDescriptor, raw: &Raw<'_>) -> bool {
    match raw {
        Raw::Varint(v) => *v == 0,
        Raw::Fixed64(v) => *v == 0,
        Raw::Fixed32(v) => *v == 0,
        Raw::Bytes(b) => b.is_empty() && !matches!(field.kind(), Kind::Message(_)),
    }
}

/// The items of a repeated (or map) field occurrence: one item, or a packed run.
fn write_items(
    field: &FieldDescriptor,
    raw: Raw<'_>,
    out: &mut Vec<u8>,
    first: &mut bool,
) -> Result<()> {
    let kind = field.kind();
    if field.is_map() {
        let Kind::Message(entry) = &kind else {
            return Err(bad("map without an entry type"));
        };
        let Raw::Bytes(bytes) = raw else {
            return Err(bad("map entry wire type"));
        };
        let (key_field, value_field) = (entry.map_entry_key_field(), entry.map_entry_value_field());
        let mut key: Option<Raw<'_>> = None;
        let mut value: Option<Raw<'_>> = None;
        for item in (Fields { bytes }) {
            let (number, raw) = item?;
            if number == key_field.number() {
                key = Some(raw);
            } else if number == value_field.number() {
                value = Some(raw);
            }
        }
        separator(out, first);
        write_map_key(&key_field.kind(), key, out)?;
        out.push(b':');
        match value {
            Some(raw) => write_value(&value_field.kind(), raw, out)?,
            None => write_default(&value_field.kind(), out)?,
        }
        return Ok(());
    }
    let packable = !matches!(kind, Kind::String | Kind::Bytes | Kind::Message(_));
    match raw {
        Raw::Bytes(mut bytes) if packable => {
            while !bytes.is_empty() {
                let raw = match kind {
                    Kind::Double | Kind::Fixed64 | Kind::Sfixed64 => {
                        let (head, rest) = bytes
                            .split_at_checked(8)
                            .ok_or_else(|| bad("packed fixed64"))?;
                        bytes = rest;
                        Raw::Fixed64(u64::from_le_bytes(
                            head.try_into().map_err(|_| bad("fixed64"))?,
                        ))
                    }
                    Kind::Float | Kind::Fixed32 | Kind::Sfixed32 => {
                        let (head, rest) = bytes
                            .split_at_checked(4)
                            .ok_or_else(|| bad("packed fixed32"))?;
                        bytes = rest;
                        Raw::Fixed32(u32::from_le_bytes(
                            head.try_into().map_err(|_| bad("fixed32"))?,
                        ))
                    }
                    _ => Raw::Varint(decode_varint(&mut bytes).map_err(|e| bad(e.to_string()))?),
                };
                separator(out, first);
                write_value(&kind, raw, out)?;
            }
            Ok(())
        }
        raw => {
            separator(out, first);
            write_value(&kind, raw, out)
        }
    }
}

/// A map key: always a JSON string.
fn write_map_key(kind: &Kind, raw: Option<Raw<'_>>, out: &mut Vec<u8>) -> Result<()> {
    match (kind, raw) {
        (Kind::String, Some(Raw::Bytes(b))) => {
            write_str(out, std::str::from_utf8(b).map_err(|_| bad("utf-8"))?);
            Ok(())
        }
        (Kind::String, None) => {
            out.extend_from_slice(b"\"\"");
            Ok(())
        }
        (kind, raw) => {
            let mut scratch = Vec::new();
            match raw {
                Some(raw) => write_value(kind, raw, &mut scratch)?,
                None => write_default(kind, &mut scratch)?,
            }
            let text = String::from_utf8(scratch).map_err(|_| bad("map key"))?;
            write_str(out, text.trim_matches('"'));
            Ok(())
        }
    }
}

fn write_default(kind: &Kind, out: &mut Vec<u8>) -> Result<()> {
    match kind {
        Kind::String | Kind::Bytes => out.extend_from_slice(b"\"\""),
        Kind::Bool => out.extend_from_slice(b"false"),
        Kind::Message(m) => {
            write_message(m, &[], out)?;
        }
        Kind::Enum(e) => write_enum(e, 0, out),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 | Kind::Uint64 | Kind::Fixed64 => {
            out.extend_from_slice(b"\"0\"")
        }
        _ => out.push(b'0'),
    }
    Ok(())
}

fn write_enum(e: &prost_reflect::EnumDescriptor, number: i32, out: &mut Vec<u8>) {
    if e.full_name() == "google.protobuf.NullValue" {
        out.extend_from_slice(b"null");
        return;
    }
    match e.get_value(number) {
        Some(v) => write_str(out, v.name()),
        None => {
            let _ = write!(Utf8(out), "{number}");
        }
    }
}

/// One singular value of `kind`.
fn write_value(kind: &Kind, raw: Raw<'_>, out: &mut Vec<u8>) -> Result<()> {
    match (kind, raw) {
        (Kind::Double, Raw::Fixed64(v)) => write_f64(f64::from_bits(v), out),
        (Kind::Float, Raw::Fixed32(v)) => write_f32(f32::from_bits(v), out),
        (Kind::Int64, Raw::Varint(v)) => quoted(out, v as i64),
        (Kind::Uint64, Raw::Varint(v)) => quoted(out, v),
        (Kind::Sint64, Raw::Varint(v)) => quoted(out, zigzag64(v)),
        (Kind::Fixed64, Raw::Fixed64(v)) => quoted(out, v),
        (Kind::Sfixed64, Raw::Fixed64(v)) => quoted(out, v as i64),
        (Kind::Int32, Raw::Varint(v)) => plain(out, v as i32),
        (Kind::Uint32, Raw::Varint(v)) => plain(out, v as u32),
        (Kind::Sint32, Raw::Varint(v)) => plain(out, zigzag32(v)),
        (Kind::Fixed32, Raw::Fixed32(v)) => plain(out, v),
        (Kind::Sfixed32, Raw::Fixed32(v)) => plain(out, v as i32),
        (Kind::Bool, Raw::Varint(v)) => {
            out.extend_from_slice(if v != 0 { b"true" } else { b"false" })
        }
        (Kind::Enum(e), Raw::Varint(v)) => write_enum(e, v as i32, out),
        (Kind::String, Raw::Bytes(b)) => {
            write_str(out, std::str::from_utf8(b).map_err(|_| bad("utf-8"))?)
        }
        (Kind::Bytes, Raw::Bytes(b)) => {
            out.push(b'"');
            out.extend_from_slice(
                base64::engine::general_purpose::STANDARD
                    .encode(b)
                    .as_bytes(),
            );
            out.push(b'"');
        }
        (Kind::Message(m), Raw::Bytes(b)) => {
            write_message(m, b, out)?;
        }
        _ => return Err(bad("a value of another wire type than its field")),
    }
    Ok(())
}

/// The JSON forms of the well-known types the gateway uses; `None` for other types.
fn write_well_known(
    desc: &MessageDescriptor,
    bytes: &[u8],
    out: &mut Vec<u8>,
) -> Result<Option<HashSet<u32>>> {
    match desc.full_name() {
        "google.protobuf.Timestamp" | "google.protobuf.Duration" => {
            let (mut seconds, mut nanos) = (0i64, 0i32);
            for item in (Fields { bytes }) {
                match item? {
                    (1, Raw::Varint(v)) => seconds = v as i64,
                    (2, Raw::Varint(v)) => nanos = v as i32,
                    _ => return Err(bad("timestamp field")),
                }
            }
            if desc.full_name() == "google.protobuf.Timestamp" {
                // The range RFC 3339 can write (prost-reflect refuses the rest too).
                if !(-62_135_596_800..=253_402_300_799).contains(&seconds)
                    || !(0..1_000_000_000).contains(&nanos)
                {
                    return Err(bad("timestamp out of range"));
                }
                let ts = prost_types::Timestamp { seconds, nanos };
                let _ = write!(Utf8(out), "\"{ts}\"");
            } else {
                let d = prost_types::Duration { seconds, nanos };
                let _ = write!(Utf8(out), "\"{d}\"");
            }
            Ok(Some(HashSet::new()))
        }
        "google.protobuf.Struct" => {
            out.push(b'{');
            let mut first = true;
            let fields = desc.get_field(1).ok_or_else(|| bad("Struct.fields"))?;
            for item in (Fields { bytes }) {
                let (number, raw) = item?;
                if number == 1 {
                    write_items(&fields, raw, out, &mut first)?;
                }
            }
            out.push(b'}');
            Ok(Some(HashSet::new()))
        }
        "google.protobuf.ListValue" => {
            out.push(b'[');
            let mut first = true;
            let values = desc.get_field(1).ok_or_else(|| bad("ListValue.values"))?;
            for item in (Fields { bytes }) {
                let (number, raw) = item?;
                if number == 1 {
                    write_items(&values, raw, out, &mut first)?;
                }
            }
            out.push(b']');
            Ok(Some(HashSet::new()))
        }
        "google.protobuf.Value" => {
            // The last kind on the wire wins, as in any oneof.
            let mut kind: Option<(u32, Raw<'_>)> = None;
            for item in (Fields { bytes }) {
                kind = Some(item?);
            }
            match kind {
                None | Some((1, _)) => out.extend_from_slice(b"null"),
                Some((number, raw)) => {
                    let field = desc.get_field(number).ok_or_else(|| bad("Value kind"))?;
                    if let (Kind::Double, Raw::Fixed64(v)) = (field.kind(), &raw)
                        && !f64::from_bits(*v).is_finite()
                    {
                        return Err(bad("a Value number that JSON cannot hold"));
                    }
                    write_value(&field.kind(), raw, out)?;
                }
            }
            Ok(Some(HashSet::new()))
        }
        name if name.starts_with("google.protobuf.") && name.ends_with("Value") => {
            // The wrappers (Int32Value, StringValue, ...): their one value, unwrapped.
            let value = desc.get_field(1).ok_or_else(|| bad("wrapper value"))?;
            let mut raw = None;
            for item in (Fields { bytes }) {
                let (number, r) = item?;
                if number == 1 {
                    raw = Some(r);
                }
            }
            match raw {
                Some(raw) => write_value(&value.kind(), raw, out)?,
                None => write_default(&value.kind(), out)?,
            }
            Ok(Some(HashSet::new()))
        }
        "google.protobuf.Any" | "google.protobuf.FieldMask" | "google.protobuf.Empty" => {
            if desc.full_name() == "google.protobuf.Empty" {
                out.extend_from_slice(b"{}");
                return Ok(Some(HashSet::new()));
            }
            Err(bad(format!(
                "{} is written by the dynamic path",
                desc.full_name()
            )))
        }
        _ => Ok(None),
    }
}

fn zigzag64(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn zigzag32(v: u64) -> i32 {
    let v = v as u32;
    ((v >> 1) as i32) ^ -((v & 1) as i32)
}

fn quoted(out: &mut Vec<u8>, v: impl std::fmt::Display) {
    let _ = write!(Utf8(out), "\"{v}\"");
}

fn plain(out: &mut Vec<u8>, v: impl std::fmt::Display) {
    let _ = write!(Utf8(out), "{v}");
}

fn write_f64(v: f64, out: &mut Vec<u8>) {
    if v.is_nan() {
        out.extend_from_slice(b"\"NaN\"");
    } else if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 {
            b"\"Infinity\""
        } else {
            b"\"-Infinity\""
        });
    } else {
        let _ = serde_json::to_writer(&mut *out, &v);
    }
}

fn write_f32(v: f32, out: &mut Vec<u8>) {
    if v.is_nan() {
        out.extend_from_slice(b"\"NaN\"");
    } else if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 {
            b"\"Infinity\""
        } else {
            b"\"-Infinity\""
        });
    } else {
        let _ = serde_json::to_writer(&mut *out, &v);
    }
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    let _ = serde_json::to_writer(&mut *out, s);
}

/// `fmt::Write` into a byte buffer.
struct Utf8<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Utf8<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use prost::Message;
    use prost_reflect::{DynamicMessage, Value};

    use super::*;

    /// A random value of `field`'s kind (messages `depth` levels deep at most).
    fn value(rng: &mut fastrand::Rng, kind: &Kind, depth: usize) -> Option<Value> {
        Some(match kind {
            Kind::Double => Value::F64(match rng.u8(..10) {
                0 => f64::NAN,
                1 => f64::INFINITY,
                2 => 0.0,
                _ => rng.f64() * 1e6 - 5e5,
            }),
            Kind::Float => Value::F32(rng.f32() * 1000.0),
            Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => Value::I32(rng.i32(..)),
            Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => Value::I64(rng.i64(..)),
            Kind::Uint32 | Kind::Fixed32 => Value::U32(rng.u32(..)),
            Kind::Uint64 | Kind::Fixed64 => Value::U64(rng.u64(..)),
            Kind::Bool => Value::Bool(rng.bool()),
            Kind::String => Value::String(
                ["", "a", "ünï\"code\n", "63000101", "~", "\u{1F600}"][rng.usize(..6)].to_owned(),
            ),
            Kind::Bytes => Value::Bytes(bytes::Bytes::from(vec![rng.u8(..); rng.usize(..5)])),
            Kind::Enum(e) => Value::EnumNumber(match rng.u8(..5) {
                0 => 99, // a number the enum does not define
                _ => {
                    let values: Vec<i32> = e.values().map(|v| v.number()).collect();
                    values[rng.usize(..values.len())]
                }
            }),
            Kind::Message(m) => {
                if depth == 0 {
                    return None;
                }
                Value::Message(random(rng, m, depth - 1)?)
            }
        })
    }

    fn random(
        rng: &mut fastrand::Rng,
        desc: &MessageDescriptor,
        depth: usize,
    ) -> Option<DynamicMessage> {
        let mut message = DynamicMessage::new(desc.clone());
        match desc.full_name() {
            "google.protobuf.Timestamp" => {
                message.set_field_by_name(
                    "seconds",
                    Value::I64(rng.i64(-62_135_596_800..253_402_300_799)),
                );
                let nanos = [0, 5_000_000, 123_000, 7][rng.usize(..4)];
                message.set_field_by_name("nanos", Value::I32(nanos));
                return Some(message);
            }
            "google.protobuf.Value" => {
                // Numbers JSON can hold, and every other kind.
                let kind = rng.u8(..6);
                let v = match kind {
                    0 => ("null_value", Value::EnumNumber(0)),
                    1 => ("number_value", Value::F64(rng.f64() * 100.0)),
                    2 => ("string_value", Value::String("s".into())),
                    3 => ("bool_value", Value::Bool(true)),
                    4 if depth > 0 => (
                        "struct_value",
                        Value::Message(random(
                            rng,
                            &desc
                                .parent_pool()
                                .get_message_by_name("google.protobuf.Struct")?,
                            depth - 1,
                        )?),
                    ),
                    _ if depth > 0 => (
                        "list_value",
                        Value::Message(random(
                            rng,
                            &desc
                                .parent_pool()
                                .get_message_by_name("google.protobuf.ListValue")?,
                            depth - 1,
                        )?),
                    ),
                    _ => ("string_value", Value::String("leaf".into())),
                };
                message.set_field_by_name(v.0, v.1);
                return Some(message);
            }
            _ => {}
        }
        for field in desc.fields() {
            if rng.u8(..3) == 0 {
                continue;
            }
            if field.is_map() {
                let Kind::Message(entry) = field.kind() else {
                    continue;
                };
                let mut map = std::collections::HashMap::new();
                for _ in 0..rng.usize(..3) {
                    let key = match entry.map_entry_key_field().kind() {
                        Kind::String => prost_reflect::MapKey::String(format!("k{}", rng.u8(..9))),
                        _ => continue,
                    };
                    if let Some(v) = value(rng, &entry.map_entry_value_field().kind(), depth) {
                        map.insert(key, v);
                    }
                }
                message.set_field(&field, Value::Map(map));
            } else if field.is_list() {
                let items: Vec<Value> = (0..rng.usize(..4))
                    .filter_map(|_| value(rng, &field.kind(), depth))
                    .collect();
                message.set_field(&field, Value::List(items));
            } else if let Some(v) = value(rng, &field.kind(), depth) {
                message.set_field(&field, v);
            }
        }
        Some(message)
    }

    #[test]
    fn writes_what_prost_reflect_writes_for_every_gateway_message() {
        let pool = crate::proto::pool();
        let messages: Vec<MessageDescriptor> = pool
            .all_messages()
            .filter(|m| m.package_name() == crate::proto::PACKAGE && !m.is_map_entry())
            .collect();
        let mut rng = fastrand::Rng::with_seed(7);
        let mut compared = 0;
        for round in 0..40 {
            for desc in &messages {
                let Some(random_message) = random(&mut rng, desc, 3) else {
                    continue;
                };
                let bytes = random_message.encode_to_vec();
                let decoded = DynamicMessage::decode(desc.clone(), bytes.as_slice()).unwrap();
                let expected = match super::super::render::message_json(&decoded) {
                    Ok(json) => json,
                    Err(_) => continue, // prost-reflect refuses it too (e.g. out of range)
                };
                let ours = message(desc, &bytes, true)
                    .unwrap_or_else(|e| panic!("{} (round {round}): {e:?}", desc.full_name()));
                let a: serde_json::Value = serde_json::from_slice(&ours).unwrap_or_else(|e| {
                    panic!(
                        "{}: not JSON ({e}): {}",
                        desc.full_name(),
                        String::from_utf8_lossy(&ours)
                    )
                });
                let b: serde_json::Value = serde_json::from_slice(&expected).unwrap();
                assert_eq!(a, b, "{} (round {round})", desc.full_name());
                compared += 1;
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn a_repeated_field_out_of_order_is_left_to_the_dynamic_path() {
        let desc = crate::proto::pool()
            .get_message_by_name("rcgateway.v1.ListExtensionsResponse")
            .unwrap();
        // records (1), paging (2), records (1) again.
        let bytes = [0x0a, 0x00, 0x12, 0x00, 0x0a, 0x00];
        assert!(message(&desc, &bytes, true).is_err());
    }
}
