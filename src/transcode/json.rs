//! Canonical proto3 JSON written straight from a message's wire bytes, guided by a
//! plan of each message type made once from its descriptor: no dynamic message is
//! built on the way, and no descriptor is consulted per field (the HTTP/JSON answer
//! of a 300-record page is written in one pass over the bytes the service encoded,
//! with every field's quoted name ready to copy).
//!
//! The output is what prost-reflect writes for the same message (lowerCamel names,
//! defaults left out, 64-bit integers as strings, enums by name, well-known types in
//! their JSON forms); a property test holds the two to it. Input this writer does not
//! expect (a repeated field split across the message, a value of the wrong wire type,
//! a type outside the gateway's descriptor pool) is an error, and the caller falls
//! back to the dynamic path.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use base64::Engine;
use prost::encoding::{WireType, decode_varint};
use prost_reflect::{Cardinality, DescriptorPool, FieldDescriptor, Kind, MessageDescriptor};

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
    let plans = &*PLANS;
    let index = *plans
        .by_name
        .get(desc.full_name())
        .ok_or_else(|| bad(format!("{} is not a gateway message", desc.full_name())))?;
    let mut out = Vec::with_capacity(bytes.len() * 3 + 16);
    let written = plans.write_message(index, bytes, &mut out)?;
    if empty_lists {
        let plan = &plans.messages[index];
        let mut missing = plan
            .lists
            .iter()
            .filter(|number| !written.contains(**number));
        if let Some(first) = missing.next() {
            out.pop(); // the closing brace
            let mut comma = out.len() > 1;
            for number in std::iter::once(first).chain(missing) {
                if comma {
                    out.push(b',');
                }
                comma = true;
                if let Some(field) = plan.field(*number) {
                    out.extend_from_slice(&field.key);
                }
                out.extend_from_slice(b"[]");
            }
            out.push(b'}');
        }
    }
    Ok(out)
}

static PLANS: LazyLock<Plans> = LazyLock::new(|| Plans::build(crate::proto::pool()));

/// How to write each message and enum type of a pool.
struct Plans {
    by_name: HashMap<String, usize>,
    messages: Vec<MessagePlan>,
    enums: Vec<EnumPlan>,
}

struct MessagePlan {
    well_known: Option<WellKnown>,
    /// Indexed by field number.
    fields: Vec<Option<FieldPlan>>,
    /// The repeated fields (not maps), for `empty_lists`.
    lists: Vec<u32>,
    full_name: String,
}

impl MessagePlan {
    fn field(&self, number: u32) -> Option<&FieldPlan> {
        self.fields.get(number as usize).and_then(Option::as_ref)
    }
}

/// The types whose JSON form is not an object of their fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WellKnown {
    Timestamp,
    Duration,
    Struct,
    ListValue,
    Value,
    /// Int32Value, StringValue, ...: their one value, unwrapped.
    Wrapper,
    Empty,
    /// Any and FieldMask: left to the dynamic path.
    Dynamic,
}

struct FieldPlan {
    /// `"jsonName":`, escaped and quoted.
    key: Box<[u8]>,
    kind: Scalar,
    shape: Shape,
    /// A presence-less scalar at its default is left out.
    presence: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Single,
    List,
    /// A map entry type; the key's and value's kinds.
    Map {
        key: Scalar,
        value: Scalar,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scalar {
    Double,
    Float,
    Int64,
    Uint64,
    Sint64,
    Fixed64,
    Sfixed64,
    Int32,
    Uint32,
    Sint32,
    Fixed32,
    Sfixed32,
    Bool,
    String,
    Bytes,
    Enum(usize),
    Message(usize),
}

impl Scalar {
    fn packable(self) -> bool {
        !matches!(self, Scalar::String | Scalar::Bytes | Scalar::Message(_))
    }
}

/// An enum's quoted value names by number; `null` for `google.protobuf.NullValue`.
struct EnumPlan {
    null: bool,
    names: HashMap<i32, Box<[u8]>>,
}

impl Plans {
    fn build(pool: &DescriptorPool) -> Plans {
        let mut plans = Plans {
            by_name: HashMap::new(),
            messages: Vec::new(),
            enums: Vec::new(),
        };
        let messages: Vec<MessageDescriptor> = pool.all_messages().collect();
        for (i, m) in messages.iter().enumerate() {
            plans.by_name.insert(m.full_name().to_owned(), i);
        }
        let mut enum_index = HashMap::new();
        for e in pool.all_enums() {
            enum_index.insert(e.full_name().to_owned(), plans.enums.len());
            let mut names = HashMap::new();
            for v in e.values() {
                let mut quoted = Vec::new();
                write_str(&mut quoted, v.name());
                names.entry(v.number()).or_insert(quoted.into_boxed_slice());
            }
            plans.enums.push(EnumPlan {
                null: e.full_name() == "google.protobuf.NullValue",
                names,
            });
        }
        let scalar = |kind: &Kind| match kind {
            Kind::Double => Scalar::Double,
            Kind::Float => Scalar::Float,
            Kind::Int64 => Scalar::Int64,
            Kind::Uint64 => Scalar::Uint64,
            Kind::Sint64 => Scalar::Sint64,
            Kind::Fixed64 => Scalar::Fixed64,
            Kind::Sfixed64 => Scalar::Sfixed64,
            Kind::Int32 => Scalar::Int32,
            Kind::Uint32 => Scalar::Uint32,
            Kind::Sint32 => Scalar::Sint32,
            Kind::Fixed32 => Scalar::Fixed32,
            Kind::Sfixed32 => Scalar::Sfixed32,
            Kind::Bool => Scalar::Bool,
            Kind::String => Scalar::String,
            Kind::Bytes => Scalar::Bytes,
            Kind::Enum(e) => Scalar::Enum(enum_index[e.full_name()]),
            Kind::Message(m) => Scalar::Message(plans.by_name[m.full_name()]),
        };
        let mut built = Vec::with_capacity(messages.len());
        for m in &messages {
            let max = m.fields().map(|f| f.number()).max().unwrap_or(0) as usize;
            let mut fields: Vec<Option<FieldPlan>> = (0..=max).map(|_| None).collect();
            let mut lists = Vec::new();
            for f in m.fields() {
                let kind = f.kind();
                let shape = if f.is_map() {
                    let Kind::Message(entry) = &kind else {
                        continue;
                    };
                    Shape::Map {
                        key: scalar(&entry.map_entry_key_field().kind()),
                        value: scalar(&entry.map_entry_value_field().kind()),
                    }
                } else if f.is_list() {
                    lists.push(f.number());
                    Shape::List
                } else {
                    Shape::Single
                };
                let mut key = Vec::new();
                write_str(&mut key, f.json_name());
                key.push(b':');
                fields[f.number() as usize] = Some(FieldPlan {
                    key: key.into_boxed_slice(),
                    kind: scalar(&kind),
                    shape,
                    presence: has_presence(&f),
                });
            }
            built.push(MessagePlan {
                well_known: well_known(m.full_name()),
                fields,
                lists,
                full_name: m.full_name().to_owned(),
            });
        }
        plans.messages = built;
        plans
    }

    /// Writes an object for the message; returns the numbers of the fields written.
    fn write_message(&self, index: usize, bytes: &[u8], out: &mut Vec<u8>) -> Result<Seen> {
        let plan = &self.messages[index];
        if let Some(kind) = plan.well_known {
            self.write_well_known(kind, plan, bytes, out)?;
            return Ok(Seen::default());
        }
        out.push(b'{');
        let mut written = Seen::default();
        let mut fields = Fields { bytes }.peekable();
        let mut first = true;
        while let Some(item) = fields.next() {
            let (number, raw) = item?;
            let Some(field) = plan.field(number) else {
                continue; // unknown fields are not part of the JSON
            };
            if field.shape != Shape::Single {
                if !written.insert(number) {
                    return Err(bad(format!(
                        "{}.{number} is not contiguous",
                        plan.full_name
                    )));
                }
                separator(out, &mut first);
                out.extend_from_slice(&field.key);
                let (open, close) = match field.shape {
                    Shape::Map { .. } => (b'{', b'}'),
                    _ => (b'[', b']'),
                };
                out.push(open);
                let mut first_item = true;
                self.write_items(field, raw, out, &mut first_item)?;
                while let Some(Ok((next, _))) = fields.peek() {
                    if *next != number {
                        break;
                    }
                    let Some(Ok((_, raw))) = fields.next() else {
                        break;
                    };
                    self.write_items(field, raw, out, &mut first_item)?;
                }
                out.push(close);
                continue;
            }
            if !field.presence && is_default(field.kind, &raw) {
                continue;
            }
            if !written.insert(number) {
                // A singular field given twice: the last one wins in protobuf; prost never
                // writes that.
                return Err(bad(format!("{}.{number} given twice", plan.full_name)));
            }
            separator(out, &mut first);
            out.extend_from_slice(&field.key);
            self.write_value(field.kind, raw, out)?;
        }
        out.push(b'}');
        Ok(written)
    }

    /// The items of a repeated (or map) field occurrence: one item, or a packed run.
    fn write_items(
        &self,
        field: &FieldPlan,
        raw: Raw<'_>,
        out: &mut Vec<u8>,
        first: &mut bool,
    ) -> Result<()> {
        if let Shape::Map { key, value } = field.shape {
            let Raw::Bytes(bytes) = raw else {
                return Err(bad("map entry wire type"));
            };
            let mut key_raw: Option<Raw<'_>> = None;
            let mut value_raw: Option<Raw<'_>> = None;
            for item in (Fields { bytes }) {
                match item? {
                    (1, raw) => key_raw = Some(raw),
                    (2, raw) => value_raw = Some(raw),
                    _ => {}
                }
            }
            separator(out, first);
            self.write_map_key(key, key_raw, out)?;
            out.push(b':');
            match value_raw {
                Some(raw) => self.write_value(value, raw, out)?,
                None => self.write_default(value, out)?,
            }
            return Ok(());
        }
        let kind = field.kind;
        match raw {
            Raw::Bytes(mut bytes) if kind.packable() => {
                while !bytes.is_empty() {
                    let raw = match kind {
                        Scalar::Double | Scalar::Fixed64 | Scalar::Sfixed64 => {
                            let (head, rest) = bytes
                                .split_at_checked(8)
                                .ok_or_else(|| bad("packed fixed64"))?;
                            bytes = rest;
                            Raw::Fixed64(u64::from_le_bytes(
                                head.try_into().map_err(|_| bad("fixed64"))?,
                            ))
                        }
                        Scalar::Float | Scalar::Fixed32 | Scalar::Sfixed32 => {
                            let (head, rest) = bytes
                                .split_at_checked(4)
                                .ok_or_else(|| bad("packed fixed32"))?;
                            bytes = rest;
                            Raw::Fixed32(u32::from_le_bytes(
                                head.try_into().map_err(|_| bad("fixed32"))?,
                            ))
                        }
                        _ => {
                            Raw::Varint(decode_varint(&mut bytes).map_err(|e| bad(e.to_string()))?)
                        }
                    };
                    separator(out, first);
                    self.write_value(kind, raw, out)?;
                }
                Ok(())
            }
            raw => {
                separator(out, first);
                self.write_value(kind, raw, out)
            }
        }
    }

    /// A map key: always a JSON string.
    fn write_map_key(&self, kind: Scalar, raw: Option<Raw<'_>>, out: &mut Vec<u8>) -> Result<()> {
        match (kind, raw) {
            (Scalar::String, Some(Raw::Bytes(b))) => {
                write_str(out, std::str::from_utf8(b).map_err(|_| bad("utf-8"))?);
                Ok(())
            }
            (Scalar::String, None) => {
                out.extend_from_slice(b"\"\"");
                Ok(())
            }
            (kind, raw) => {
                let mut scratch = Vec::new();
                match raw {
                    Some(raw) => self.write_value(kind, raw, &mut scratch)?,
                    None => self.write_default(kind, &mut scratch)?,
                }
                let text = String::from_utf8(scratch).map_err(|_| bad("map key"))?;
                write_str(out, text.trim_matches('"'));
                Ok(())
            }
        }
    }

    fn write_default(&self, kind: Scalar, out: &mut Vec<u8>) -> Result<()> {
        match kind {
            Scalar::String | Scalar::Bytes => out.extend_from_slice(b"\"\""),
            Scalar::Bool => out.extend_from_slice(b"false"),
            Scalar::Message(m) => {
                self.write_message(m, &[], out)?;
            }
            Scalar::Enum(e) => self.write_enum(e, 0, out),
            Scalar::Int64
            | Scalar::Sint64
            | Scalar::Sfixed64
            | Scalar::Uint64
            | Scalar::Fixed64 => out.extend_from_slice(b"\"0\""),
            _ => out.push(b'0'),
        }
        Ok(())
    }

    fn write_enum(&self, index: usize, number: i32, out: &mut Vec<u8>) {
        let plan = &self.enums[index];
        if plan.null {
            out.extend_from_slice(b"null");
            return;
        }
        match plan.names.get(&number) {
            Some(name) => out.extend_from_slice(name),
            None => {
                let _ = write!(Utf8(out), "{number}");
            }
        }
    }

    /// One singular value of `kind`.
    fn write_value(&self, kind: Scalar, raw: Raw<'_>, out: &mut Vec<u8>) -> Result<()> {
        match (kind, raw) {
            (Scalar::Double, Raw::Fixed64(v)) => write_float(f64::from_bits(v), out),
            (Scalar::Float, Raw::Fixed32(v)) => write_float(f32::from_bits(v), out),
            (Scalar::Int64, Raw::Varint(v)) => quoted(out, v as i64),
            (Scalar::Uint64, Raw::Varint(v)) => quoted(out, v),
            (Scalar::Sint64, Raw::Varint(v)) => quoted(out, zigzag64(v)),
            (Scalar::Fixed64, Raw::Fixed64(v)) => quoted(out, v),
            (Scalar::Sfixed64, Raw::Fixed64(v)) => quoted(out, v as i64),
            (Scalar::Int32, Raw::Varint(v)) => plain(out, v as i32),
            (Scalar::Uint32, Raw::Varint(v)) => plain(out, v as u32),
            (Scalar::Sint32, Raw::Varint(v)) => plain(out, zigzag32(v)),
            (Scalar::Fixed32, Raw::Fixed32(v)) => plain(out, v),
            (Scalar::Sfixed32, Raw::Fixed32(v)) => plain(out, v as i32),
            (Scalar::Bool, Raw::Varint(v)) => {
                out.extend_from_slice(if v != 0 { b"true" } else { b"false" })
            }
            (Scalar::Enum(e), Raw::Varint(v)) => self.write_enum(e, v as i32, out),
            (Scalar::String, Raw::Bytes(b)) => {
                write_str(out, std::str::from_utf8(b).map_err(|_| bad("utf-8"))?)
            }
            (Scalar::Bytes, Raw::Bytes(b)) => {
                out.push(b'"');
                out.extend_from_slice(
                    base64::engine::general_purpose::STANDARD
                        .encode(b)
                        .as_bytes(),
                );
                out.push(b'"');
            }
            (Scalar::Message(m), Raw::Bytes(b)) => {
                self.write_message(m, b, out)?;
            }
            _ => return Err(bad("a value of another wire type than its field")),
        }
        Ok(())
    }

    /// The JSON forms of the well-known types.
    fn write_well_known(
        &self,
        kind: WellKnown,
        plan: &MessagePlan,
        bytes: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<()> {
        match kind {
            WellKnown::Timestamp | WellKnown::Duration => {
                let (mut seconds, mut nanos) = (0i64, 0i32);
                for item in (Fields { bytes }) {
                    match item? {
                        (1, Raw::Varint(v)) => seconds = v as i64,
                        (2, Raw::Varint(v)) => nanos = v as i32,
                        _ => return Err(bad("timestamp field")),
                    }
                }
                if kind == WellKnown::Timestamp {
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
            }
            WellKnown::Struct | WellKnown::ListValue => {
                let (open, close) = if kind == WellKnown::Struct {
                    (b'{', b'}')
                } else {
                    (b'[', b']')
                };
                out.push(open);
                let mut first = true;
                let field = plan
                    .field(1)
                    .ok_or_else(|| bad("Struct or ListValue field"))?;
                for item in (Fields { bytes }) {
                    let (number, raw) = item?;
                    if number == 1 {
                        self.write_items(field, raw, out, &mut first)?;
                    }
                }
                out.push(close);
            }
            WellKnown::Value => {
                // The last kind on the wire wins, as in any oneof.
                let mut last: Option<(u32, Raw<'_>)> = None;
                for item in (Fields { bytes }) {
                    last = Some(item?);
                }
                match last {
                    None | Some((1, _)) => out.extend_from_slice(b"null"),
                    Some((number, raw)) => {
                        let field = plan.field(number).ok_or_else(|| bad("Value kind"))?;
                        if let (Scalar::Double, Raw::Fixed64(v)) = (field.kind, &raw)
                            && !f64::from_bits(*v).is_finite()
                        {
                            return Err(bad("a Value number that JSON cannot hold"));
                        }
                        self.write_value(field.kind, raw, out)?;
                    }
                }
            }
            WellKnown::Wrapper => {
                let value = plan.field(1).ok_or_else(|| bad("wrapper value"))?;
                let mut raw = None;
                for item in (Fields { bytes }) {
                    let (number, r) = item?;
                    if number == 1 {
                        raw = Some(r);
                    }
                }
                match raw {
                    Some(raw) => self.write_value(value.kind, raw, out)?,
                    None => self.write_default(value.kind, out)?,
                }
            }
            WellKnown::Empty => out.extend_from_slice(b"{}"),
            WellKnown::Dynamic => {
                return Err(bad(format!(
                    "{} is written by the dynamic path",
                    plan.full_name
                )));
            }
        }
        Ok(())
    }
}

fn well_known(name: &str) -> Option<WellKnown> {
    Some(match name {
        "google.protobuf.Timestamp" => WellKnown::Timestamp,
        "google.protobuf.Duration" => WellKnown::Duration,
        "google.protobuf.Struct" => WellKnown::Struct,
        "google.protobuf.ListValue" => WellKnown::ListValue,
        "google.protobuf.Value" => WellKnown::Value,
        "google.protobuf.Empty" => WellKnown::Empty,
        "google.protobuf.Any" | "google.protobuf.FieldMask" => WellKnown::Dynamic,
        name if name.starts_with("google.protobuf.") && name.ends_with("Value") => {
            WellKnown::Wrapper
        }
        _ => return None,
    })
}

/// Field numbers seen in one message: a bit each below 128, a list above.
#[derive(Default)]
struct Seen {
    low: u128,
    high: Vec<u32>,
}

impl Seen {
    /// Adds `number`; `false` when it was there.
    fn insert(&mut self, number: u32) -> bool {
        if number < 128 {
            let bit = 1u128 << number;
            let new = self.low & bit == 0;
            self.low |= bit;
            new
        } else if self.high.contains(&number) {
            false
        } else {
            self.high.push(number);
            true
        }
    }

    fn contains(&self, number: u32) -> bool {
        if number < 128 {
            self.low & (1u128 << number) != 0
        } else {
            self.high.contains(&number)
        }
    }
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
fn is_default(kind: Scalar, raw: &Raw<'_>) -> bool {
    match raw {
        Raw::Varint(v) => *v == 0,
        Raw::Fixed64(v) => *v == 0,
        Raw::Fixed32(v) => *v == 0,
        Raw::Bytes(b) => b.is_empty() && !matches!(kind, Scalar::Message(_)),
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

/// A float as proto3 JSON: the names of the non-finite values as strings, whole
/// numbers as integers, the rest in the shortest form of its own width (`0.1` for the
/// f32 0.1, not its f64 digits).
fn write_float<F: Copy + Into<f64> + serde::Serialize>(v: F, out: &mut Vec<u8>) {
    let wide: f64 = v.into();
    if wide.is_nan() {
        out.extend_from_slice(b"\"NaN\"");
    } else if wide.is_infinite() {
        out.extend_from_slice(if wide > 0.0 {
            b"\"Infinity\""
        } else {
            b"\"-Infinity\""
        });
    } else if wide.fract() == 0.0 && wide.abs() < 9_007_199_254_740_992.0 {
        // Whole numbers as integers (`63000101`, not `63000101.0`): RingCentral's ids
        // in `google.protobuf.Value`s read as they were sent.
        let _ = write!(Utf8(out), "{}", wide as i64);
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
