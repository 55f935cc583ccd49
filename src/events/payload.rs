//! From stored notifications to typed `Event` messages: the event type from the
//! event filter URI, the extension the event is about, typed payloads for the common
//! filters (RingCentral's ExtensionInfoEvent, ExtensionListEvent, presence,
//! MessageEvent and TelephonySessionsEvent bodies), and the raw body as a Struct.
//!
//! A body travels as a `google.protobuf.Struct`, where each level of JSON nesting
//! costs two or three levels of protobuf nesting; protobuf runtimes refuse messages
//! nested deeper than 100 (Python, Go, Java, JavaScript, prost). [`body_depth`] is how
//! the ingress keeps every stored event within [`MAX_EVENT_DEPTH`].

use prost_types::{ListValue, Struct, Timestamp, Value as PbValue, value::Kind};
use serde::Deserialize;
use serde_json::Value;

use super::LoggedEvent;
use crate::proto::v1 as pb;
use crate::proto::v1::event::Payload;

/// The type of an event filter URI such as
/// `/restapi/v1.0/account/123/extension/456/presence?detailedTelephonyState=true`.
pub fn event_type(uri: &str) -> pb::EventType {
    let path = uri.split('?').next().unwrap_or("").trim_end_matches('/');
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        ["restapi", _, "subscription", ..] => pb::EventType::SubscriptionReminder,
        [.., "telephony", "sessions"] => pb::EventType::TelephonySessions,
        [.., "presence"] => pb::EventType::Presence,
        [.., "message-store"] => pb::EventType::MessageStore,
        ["restapi", _, "account", _, "extension"] => pb::EventType::ExtensionList,
        ["restapi", _, "account", _, "extension", _] => pb::EventType::ExtensionInfo,
        _ => pb::EventType::Other,
    }
}

/// The extension id in an event filter URI (`.../extension/{id}/...`), if any.
fn uri_extension(uri: &str) -> Option<&str> {
    let path = uri.split('?').next()?;
    let mut parts = path.split('/');
    parts.find(|p| *p == "extension")?;
    parts.next().filter(|id| !id.is_empty() && *id != "~")
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ExtensionChange {
    extension_id: Option<String>,
    event_type: Option<String>,
    hints: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ExtensionList {
    extensions: Vec<ExtensionChange>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Presence {
    extension_id: Option<String>,
    telephony_status: Option<String>,
    presence_status: Option<String>,
    user_status: Option<String>,
    dnd_status: Option<String>,
    sequence: Option<i32>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Change {
    r#type: Option<String>,
    new_count: Option<i32>,
    updated_count: Option<i32>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Messages {
    extension_id: Option<String>,
    last_updated: Option<String>,
    changes: Vec<Change>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct PartyNumber {
    phone_number: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct PartyStatus {
    code: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Party {
    extension_id: Option<String>,
    direction: Option<String>,
    status: Option<PartyStatus>,
    from: Option<PartyNumber>,
    to: Option<PartyNumber>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Session {
    session_id: Option<String>,
    telephony_session_id: Option<String>,
    sequence: Option<i64>,
    event_time: Option<String>,
    parties: Vec<Party>,
}

fn typed<T: for<'de> Deserialize<'de> + Default>(body: &Value) -> T {
    T::deserialize(body).unwrap_or_default()
}

fn timestamp(value: Option<&str>) -> Option<Timestamp> {
    crate::api::convert::timestamp(value)
}

fn extension_info(c: ExtensionChange) -> pb::ExtensionInfoPayload {
    pb::ExtensionInfoPayload {
        extension_id: c.extension_id.unwrap_or_default(),
        event_type: c.event_type.unwrap_or_default(),
        hints: c.hints,
    }
}

/// The typed payload and the extension the event is about.
fn payload(kind: pb::EventType, body: &Value) -> (Option<Payload>, Option<String>) {
    match kind {
        pb::EventType::ExtensionInfo => {
            let change: ExtensionChange = typed(body);
            let extension = change.extension_id.clone();
            (
                Some(Payload::ExtensionInfo(extension_info(change))),
                extension,
            )
        }
        pb::EventType::ExtensionList => {
            let list: ExtensionList = typed(body);
            let payload = pb::ExtensionListPayload {
                extensions: list.extensions.into_iter().map(extension_info).collect(),
            };
            (Some(Payload::ExtensionList(payload)), None)
        }
        pb::EventType::Presence => {
            let p: Presence = typed(body);
            let extension = p.extension_id.clone();
            let payload = pb::PresencePayload {
                extension_id: p.extension_id.unwrap_or_default(),
                telephony_status: p.telephony_status.unwrap_or_default(),
                presence_status: p.presence_status.unwrap_or_default(),
                user_status: p.user_status.unwrap_or_default(),
                dnd_status: p.dnd_status.unwrap_or_default(),
                sequence: p.sequence.unwrap_or(0),
            };
            (Some(Payload::Presence(payload)), extension)
        }
        pb::EventType::MessageStore => {
            let m: Messages = typed(body);
            let extension = m.extension_id.clone();
            let payload = pb::MessageStorePayload {
                extension_id: m.extension_id.unwrap_or_default(),
                last_updated: timestamp(m.last_updated.as_deref()),
                changes: m
                    .changes
                    .into_iter()
                    .map(|c| pb::MessageChange {
                        r#type: c.r#type.unwrap_or_default(),
                        new_count: c.new_count.unwrap_or(0),
                        updated_count: c.updated_count.unwrap_or(0),
                    })
                    .collect(),
            };
            (Some(Payload::MessageStore(payload)), extension)
        }
        pb::EventType::TelephonySessions => {
            let s: Session = typed(body);
            let extension = s.parties.iter().find_map(|p| p.extension_id.clone());
            let payload = pb::TelephonySessionPayload {
                session_id: s.session_id.unwrap_or_default(),
                telephony_session_id: s.telephony_session_id.unwrap_or_default(),
                sequence: s.sequence.unwrap_or(0),
                event_time: timestamp(s.event_time.as_deref()),
                parties: s
                    .parties
                    .into_iter()
                    .map(|p| pb::SessionParty {
                        extension_id: p.extension_id.unwrap_or_default(),
                        direction: p.direction.unwrap_or_default(),
                        status: p.status.and_then(|s| s.code).unwrap_or_default(),
                        from_phone_number: p.from.and_then(|f| f.phone_number).unwrap_or_default(),
                        to_phone_number: p.to.and_then(|t| t.phone_number).unwrap_or_default(),
                    })
                    .collect(),
            };
            (Some(Payload::TelephonySession(payload)), extension)
        }
        _ => (None, None),
    }
}

/// The deepest protobuf nesting an `Event` may reach: well within the 100 levels that
/// every standard protobuf runtime decodes by default, with room for an envelope.
pub const MAX_EVENT_DEPTH: usize = 64;

/// How deep a notification body nests as `Event.body`: the Event is level 0, its
/// Struct level 1; each object member adds a map entry and a Value (plus a Struct for
/// an object), each list a ListValue and a Value. Scalars and other bodies add nothing.
pub fn body_depth(body: &Value) -> usize {
    fn value(v: &Value, at: usize) -> usize {
        match v {
            Value::Object(map) => object(map, at + 1),
            Value::Array(items) => items
                .iter()
                .map(|item| value(item, at + 2))
                .max()
                .unwrap_or(at + 1),
            _ => at,
        }
    }
    fn object(map: &serde_json::Map<String, Value>, at: usize) -> usize {
        map.values().map(|v| value(v, at + 2)).max().unwrap_or(at)
    }
    match body {
        Value::Object(map) => object(map, 1),
        _ => 0,
    }
}

/// JSON -> `google.protobuf.Value`.
pub fn to_value(value: &Value) -> PbValue {
    let kind = match value {
        Value::Null => Kind::NullValue(0),
        Value::Bool(b) => Kind::BoolValue(*b),
        Value::Number(n) => Kind::NumberValue(n.as_f64().unwrap_or(0.0)),
        Value::String(s) => Kind::StringValue(s.clone()),
        Value::Array(items) => Kind::ListValue(ListValue {
            values: items.iter().map(to_value).collect(),
        }),
        Value::Object(map) => Kind::StructValue(to_struct(map)),
    };
    PbValue { kind: Some(kind) }
}

fn to_struct(map: &serde_json::Map<String, Value>) -> Struct {
    Struct {
        fields: map.iter().map(|(k, v)| (k.clone(), to_value(v))).collect(),
    }
}

/// The stored event as the EventService sends it.
pub fn event(logged: &LoggedEvent) -> pb::Event {
    let e = &logged.event;
    let kind = event_type(&e.event);
    let (payload, body_extension) = payload(kind, &e.body);
    let extension = body_extension.or_else(|| uri_extension(&e.event).map(str::to_owned));
    pb::Event {
        offset: logged.offset.to_string(),
        uuid: e.uuid.clone(),
        r#type: kind as i32,
        event: e.event.clone(),
        subscription_id: e.subscription_id.clone(),
        account: e
            .account
            .clone()
            .unwrap_or_else(|| crate::accounts::name::DEFAULT.to_owned()),
        owner_id: e.owner_id.clone().unwrap_or_default(),
        extension_id: extension.unwrap_or_default(),
        timestamp: timestamp(e.timestamp.as_deref()),
        received_at: Some(Timestamp {
            seconds: (logged.received_at_ms / 1000) as i64,
            nanos: ((logged.received_at_ms % 1000) * 1_000_000) as i32,
        }),
        body: match &e.body {
            // The ingress refuses deeper bodies; one stored before it did is sent
            // without its raw body rather than as a message no reader can decode.
            Value::Object(_) if body_depth(&e.body) > MAX_EVENT_DEPTH => {
                tracing::warn!(uuid = %e.uuid, offset = %logged.offset, "event body nested too deeply to send; sent without it");
                None
            }
            Value::Object(map) => Some(to_struct(map)),
            _ => None,
        },
        payload,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_follow_the_filter_uri() {
        let t = |u| event_type(u);
        assert_eq!(
            t("/restapi/v1.0/account/1/extension/2"),
            pb::EventType::ExtensionInfo
        );
        assert_eq!(
            t("/restapi/v1.0/account/1/extension"),
            pb::EventType::ExtensionList
        );
        assert_eq!(
            t("/restapi/v1.0/account/1/extension/2/presence?detailedTelephonyState=true"),
            pb::EventType::Presence
        );
        assert_eq!(
            t("/restapi/v1.0/account/1/extension/2/message-store"),
            pb::EventType::MessageStore
        );
        assert_eq!(
            t("/restapi/v1.0/account/1/telephony/sessions"),
            pb::EventType::TelephonySessions
        );
        assert_eq!(
            t("/restapi/v1.0/subscription/~?threshold=60&interval=15"),
            pb::EventType::SubscriptionReminder
        );
        assert_eq!(t("/restapi/v1.0/glip/posts"), pb::EventType::Other);
    }

    #[test]
    fn typed_payloads_and_raw_body() {
        let logged = LoggedEvent {
            offset: super::super::Offset::sequence(9),
            received_at_ms: 1_700_000_000_123,
            event: super::super::NewEvent {
                uuid: "u".into(),
                event: "/restapi/v1.0/account/1/extension/2/presence".into(),
                subscription_id: "s".into(),
                owner_id: Some("2".into()),
                timestamp: Some("2024-01-01T00:00:00.000Z".into()),
                body: serde_json::json!({"extensionId": "2", "telephonyStatus": "Ringing", "presenceStatus": "Busy", "sequence": 4}),
                account: None,
            },
        };
        let e = event(&logged);
        assert_eq!(e.offset, "9");
        assert_eq!(e.extension_id, "2");
        let Some(Payload::Presence(p)) = e.payload else {
            panic!("presence")
        };
        assert_eq!((p.telephony_status.as_str(), p.sequence), ("Ringing", 4));
        assert!(e.body.unwrap().fields.contains_key("telephonyStatus"));
        assert_eq!(e.received_at.unwrap().nanos, 123_000_000);
    }

    /// `depth` levels of objects: `{"a": {"a": ... {"a": 1}}}`.
    fn nested(depth: usize) -> Value {
        (0..depth).fold(
            serde_json::json!(1),
            |inner, _| serde_json::json!({ "a": inner }),
        )
    }

    #[test]
    fn body_depth_counts_protobuf_levels() {
        assert_eq!(body_depth(&serde_json::json!({})), 1);
        assert_eq!(body_depth(&serde_json::json!({"a": 1})), 3);
        assert_eq!(body_depth(&serde_json::json!({"a": {"b": 1}})), 6);
        assert_eq!(body_depth(&serde_json::json!({"a": [1]})), 5);
        assert_eq!(body_depth(&serde_json::json!({"a": [[1]]})), 7);
        assert_eq!(body_depth(&serde_json::json!("text")), 0);
    }

    /// `depth` levels of lists: `[[ ... [1] ... ]]` under one key.
    fn listed(depth: usize) -> Value {
        let inner = (0..depth).fold(serde_json::json!(1), |inner, _| serde_json::json!([inner]));
        serde_json::json!({ "a": inner })
    }

    /// prost, like the other runtimes, refuses messages nested more than 100 levels
    /// deep: `body_depth` must say exactly where that happens.
    #[test]
    fn body_depth_is_the_depth_decoders_see() {
        use prost::Message;
        for body in (1..40).map(nested).chain((1..60).map(listed)) {
            let logged = LoggedEvent {
                offset: super::super::Offset::sequence(1),
                received_at_ms: 0,
                event: super::super::NewEvent {
                    uuid: "u".into(),
                    event: "/restapi/v1.0/glip/posts".into(),
                    subscription_id: "s".into(),
                    owner_id: None,
                    timestamp: None,
                    body: body.clone(),
                    account: None,
                },
            };
            let bytes = pb::Event {
                body: match &body {
                    Value::Object(map) => Some(to_struct(map)),
                    _ => None,
                },
                ..event(&logged)
            }
            .encode_to_vec();
            let decodes = pb::Event::decode(bytes.as_slice()).is_ok();
            assert_eq!(
                decodes,
                body_depth(&body) <= 100,
                "depth {}",
                body_depth(&body)
            );
        }
    }

    #[test]
    fn a_stored_body_too_deep_for_readers_is_left_out() {
        let logged = LoggedEvent {
            offset: super::super::Offset::sequence(1),
            received_at_ms: 0,
            event: super::super::NewEvent {
                uuid: "u".into(),
                event: "/restapi/v1.0/account/1/extension/77".into(),
                subscription_id: "s".into(),
                owner_id: None,
                timestamp: None,
                body: nested(40),
                account: None,
            },
        };
        assert!(body_depth(&logged.event.body) > MAX_EVENT_DEPTH);
        let e = event(&logged);
        assert!(e.body.is_none());
        assert_eq!(e.extension_id, "77");
    }

    #[test]
    fn odd_bodies_do_not_fail() {
        let logged = LoggedEvent {
            offset: super::super::Offset::sequence(1),
            received_at_ms: 0,
            event: super::super::NewEvent {
                uuid: "u".into(),
                event: "/restapi/v1.0/account/1/extension/77".into(),
                subscription_id: "s".into(),
                owner_id: None,
                timestamp: Some("not a time".into()),
                body: serde_json::json!(["not", "an", "object"]),
                account: None,
            },
        };
        let e = event(&logged);
        assert_eq!(e.extension_id, "77");
        assert!(e.body.is_none());
        assert!(e.timestamp.is_none());
    }
}
