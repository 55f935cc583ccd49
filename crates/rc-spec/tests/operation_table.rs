//! The operation table (`src/ops/generated.rs`) is generated from RingCentral's spec
//! (`spec/rc-platform.yml`) by this test, which fails when the checked-in table and
//! the spec disagree. After changing the spec or the generator, write the new table:
//!
//!     RC_SPEC_REGENERATE=1 cargo test -p rc-spec --test operation_table
//!
//! (The crate must compile for the generator to run: a new field of `Operation` goes
//! into the checked-in table by hand once, then the generator writes it.)

use std::collections::BTreeSet;
use std::fmt::Write;

use serde_json::Value;

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../spec/rc-platform.yml");
const TABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ops/generated.rs");
const METHODS: [&str; 7] = ["get", "post", "put", "patch", "delete", "head", "options"];

/// The first segments of RingCentral's API roots and versions, which say nothing of
/// the resource.
fn is_prefix(segment: &str) -> bool {
    segment.len() > 1
        && segment.starts_with('v')
        && segment[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// The resource family of a path: its first literal segment after the API root, the
/// version and the account / extension an operation belongs to. Cached answers of a
/// family are what a write to that family makes stale.
fn family(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).skip(1).collect();
    let mut last = "";
    let mut i = 0;
    while i < segments.len() {
        let segment = segments[i];
        let is_param = |j: usize| segments.get(j).is_some_and(|s| s.starts_with('{'));
        if is_prefix(segment) {
            i += 1;
            continue;
        }
        // `account/{accountId}/...` and `extension/{extensionId}/...`: the owner, not
        // the resource, when something follows.
        if matches!(segment, "account" | "accounts" | "extension" | "extensions")
            && is_param(i + 1)
            && i + 2 < segments.len()
        {
            last = segment;
            i += 2;
            continue;
        }
        if !segment.starts_with('{') {
            return alias(segment);
        }
        i += 1;
    }
    alias(last)
}

/// The families the typed domains have always used, where the spec spells a family
/// in the singular.
fn alias(segment: &str) -> String {
    match segment {
        "extension" => "extensions",
        "phone-number" => "phone-numbers",
        "subscription" => "subscriptions",
        other => other,
    }
    .to_owned()
}

/// The scope domain of a family: scopes spell words with `_`, and the typed call-log
/// RPCs named theirs `call_logs`.
fn scope(family: &str) -> String {
    match family {
        "call-log" => "call_logs".to_owned(),
        other => other.replace('-', "_"),
    }
}

/// `listAccountPhoneNumbersV2` -> `LIST_ACCOUNT_PHONE_NUMBERS_V2`, `readAPIVersion` ->
/// `READ_API_VERSION`.
fn constant(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            let before = chars[i - 1];
            let after = chars.get(i + 1).copied().unwrap_or('A');
            if before.is_ascii_lowercase()
                || before.is_ascii_digit()
                || (before.is_ascii_uppercase() && after.is_ascii_lowercase())
            {
                out.push('_');
            }
        } else if i > 0 && c.is_ascii_digit() && chars[i - 1].is_ascii_lowercase() {
            out.push('_');
        }
        out.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_uppercase()
        } else {
            '_'
        });
    }
    out
}

/// `100m` -> 104857600 (RingCentral's `x-request-max-body-size`).
fn bytes(size: &str) -> u64 {
    let size = size.trim().to_ascii_lowercase();
    let (digits, unit) = size.split_at(
        size.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(size.len()),
    );
    let n: u64 = digits.parse().unwrap_or_else(|_| panic!("size {size}"));
    n * match unit {
        "" | "b" => 1,
        "k" | "kb" => 1 << 10,
        "m" | "mb" => 1 << 20,
        "g" | "gb" => 1 << 30,
        other => panic!("size unit {other}"),
    }
}

fn quoted(value: &str) -> String {
    format!("{value:?}")
}

fn option(value: Option<&str>) -> String {
    value.map_or("None".to_owned(), |v| format!("Some({})", quoted(v)))
}

/// The table as Rust source.
fn generate(spec: &Value) -> String {
    let mut ops = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            ops.push((path.clone(), method, op));
        }
    }
    ops.sort_by(|a, b| {
        (&a.0, METHODS.iter().position(|m| *m == a.1))
            .cmp(&(&b.0, METHODS.iter().position(|m| *m == b.1)))
    });

    let mut out = String::new();
    out.push_str(
        "// @generated from spec/rc-platform.yml by crates/rc-spec/tests/operation_table.rs:\n\
         // do not edit; regenerate with `RC_SPEC_REGENERATE=1 cargo test -p rc-spec --test operation_table`.\n\n\
         use http::Method;\n\n\
         use super::{Operation, ThrottleGroup};\n",
    );
    let mut names = Vec::new();
    let mut seen = BTreeSet::new();
    for (path, method, op) in &ops {
        let id = op["operationId"].as_str().expect("operationId");
        let name = constant(id);
        assert!(seen.insert(name.clone()), "{name} twice");
        let group = op["x-throttling-group"]
            .as_str()
            .unwrap_or_else(|| panic!("{id}: no x-throttling-group"));
        let mut body = op.get("requestBody").cloned().unwrap_or(Value::Null);
        if let Some(reference) = body.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().expect("a $ref name");
            body = spec["components"]["requestBodies"][name].clone();
        }
        let media: Vec<String> = body["content"]
            .as_object()
            .map(|c| c.keys().map(|k| quoted(k)).collect())
            .unwrap_or_default();
        let max_body = op
            .get("x-request-max-body-size")
            .and_then(Value::as_str)
            .map(|s| format!("Some({})", bytes(s)))
            .unwrap_or_else(|| "None".into());
        let flag = |key: &str| op.get(key).and_then(Value::as_bool).unwrap_or(false);
        // Success answers that are never JSON: audio, images, documents, CSV.
        let answer_media: Vec<&str> = op["responses"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(code, _)| code.starts_with('2'))
            .filter_map(|(_, r)| r["content"].as_object())
            .flat_map(|c| c.keys().map(String::as_str))
            .collect();
        let binary_answer =
            !answer_media.is_empty() && !answer_media.iter().any(|m| m.contains("json"));
        let summary = op["summary"]
            .as_str()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('`', "'");
        let _ = write!(
            out,
            "\n/// `{} {path}`: {summary}\n\
             pub static {name}: Operation = Operation {{\n    \
             id: {},\n    \
             method: Method::{},\n    \
             path: {},\n    \
             group: ThrottleGroup::{group},\n    \
             resource: {},\n    \
             scope: {},\n    \
             permission: {},\n    \
             user_permission: {},\n    \
             request_media: &[{}],\n    \
             max_body: {max_body},\n    \
             binary_answer: {binary_answer},\n    \
             media_server: {},\n    \
             deprecated: {},\n\
             }};\n",
            method.to_ascii_uppercase(),
            quoted(id),
            method.to_ascii_uppercase(),
            quoted(path),
            quoted(&family(path)),
            quoted(&scope(&family(path))),
            option(op.get("x-app-permission").and_then(Value::as_str)),
            option(op.get("x-user-permission").and_then(Value::as_str)),
            media.join(", "),
            flag("x-media-api"),
            flag("deprecated"),
        );
        names.push(name);
    }
    let _ = write!(
        out,
        "\n/// Every operation of the spec, by path template and method.\npub static SPEC: &[&Operation] = &[\n{}];\n",
        names
            .iter()
            .map(|n| format!("    &{n},\n"))
            .collect::<String>()
    );
    out
}

#[test]
fn the_operation_table_is_generated_from_the_spec() {
    let text = std::fs::read_to_string(SPEC).expect("spec/rc-platform.yml");
    let spec: Value = serde_norway::from_str(&text).expect("the spec parses");
    let table = generate(&spec);
    if std::env::var_os("RC_SPEC_REGENERATE").is_some() {
        std::fs::write(TABLE, &table).expect("the table is written");
        return;
    }
    let current = std::fs::read_to_string(TABLE).unwrap_or_default();
    assert!(
        current == table,
        "src/ops/generated.rs is not what spec/rc-platform.yml gives: regenerate it with \
         RC_SPEC_REGENERATE=1 cargo test -p rc-spec --test operation_table"
    );
}

#[test]
fn families_and_names() {
    assert_eq!(family("/restapi/oauth/token"), "oauth");
    assert_eq!(
        family("/restapi/v1.0/account/{accountId}/extension"),
        "extensions"
    );
    assert_eq!(
        family("/restapi/v1.0/account/{accountId}/extension/{extensionId}"),
        "extensions"
    );
    assert_eq!(
        family("/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log"),
        "call-log"
    );
    assert_eq!(
        family("/restapi/v1.0/account/{accountId}/extension/{extensionId}/phone-number"),
        "phone-numbers"
    );
    assert_eq!(
        family("/restapi/v2/accounts/{accountId}/phone-numbers"),
        "phone-numbers"
    );
    assert_eq!(
        family("/restapi/v1.0/subscription/{subscriptionId}/renew"),
        "subscriptions"
    );
    assert_eq!(family("/restapi/v1.0/account/{accountId}"), "account");
    assert_eq!(family("/team-messaging/v1/chats/{chatId}/posts"), "chats");
    assert_eq!(
        constant("listAccountPhoneNumbersV2"),
        "LIST_ACCOUNT_PHONE_NUMBERS_V2"
    );
    assert_eq!(constant("readAPIVersion"), "READ_API_VERSION");
    assert_eq!(constant("readCallQueueInfo"), "READ_CALL_QUEUE_INFO");
    assert_eq!(bytes("100m"), 100 << 20);
}
