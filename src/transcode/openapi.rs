//! The OpenAPI 3.0 document of the HTTP/JSON surface, generated once at start from
//! the same routes and descriptors the transcoder serves, so it cannot drift.

use std::collections::{BTreeMap, BTreeSet};

use prost_reflect::{FieldDescriptor, Kind, MessageDescriptor};
use serde_json::{Map, Value, json};

use super::rules::{BodyRule, Route};

/// The document, serialized.
pub fn document(routes: &[Route]) -> Vec<u8> {
    let mut schemas = BTreeMap::new();
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for route in routes {
        let input = route.rpc.input();
        let path = route.template.openapi_path(|field| {
            super::rules::resolve(&input, field)
                .map(|fields| {
                    fields
                        .iter()
                        .map(FieldDescriptor::json_name)
                        .collect::<Vec<_>>()
                        .join(".")
                })
                .unwrap_or_else(|| field.join("."))
        });
        let operation = operation(route, &mut schemas);
        paths
            .entry(path)
            .or_default()
            .insert(route.method.as_str().to_ascii_lowercase(), operation);
    }
    schemas.insert("Error".to_owned(), error_schema());
    let doc = json!({
        "openapi": "3.0.3",
        "info": {
            "title": "rc-gateway",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "HTTP/JSON access to the RingCentral Platform API through rc-gateway. \
                Every operation is also available over gRPC (package rcgateway.v1). \
                Bodies are canonical proto3 JSON (lowerCamel field names, enum values by name, \
                64-bit integers as strings). Query parameters accept enum values by their full \
                name or RingCentral's short spelling (status=Enabled).",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "apiKey": { "type": "apiKey", "in": "header", "name": "x-api-key" },
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "an API key, or a JWT from the configured identity provider",
                },
            },
        },
        "security": [ { "apiKey": [] }, { "bearer": [] } ],
    });
    serde_json::to_vec_pretty(&doc).unwrap_or_default()
}

fn operation(route: &Route, schemas: &mut BTreeMap<String, Value>) -> Value {
    let input = route.rpc.input();
    let path_fields: BTreeSet<String> = route
        .template
        .variables()
        .filter_map(|v| super::rules::resolve(&input, v))
        .map(|f| {
            f.iter()
                .map(FieldDescriptor::json_name)
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect();
    let mut parameters = Vec::new();
    for name in &path_fields {
        parameters.push(json!({
            "name": name, "in": "path", "required": true, "schema": { "type": "string" },
        }));
    }
    if matches!(route.body, BodyRule::None | BodyRule::Field(_)) {
        let skip = match &route.body {
            BodyRule::Field(f) => Some(f.json_name().to_owned()),
            _ => None,
        };
        query_parameters(
            &input,
            "",
            &path_fields,
            skip.as_deref(),
            0,
            &mut parameters,
            schemas,
        );
    }
    let mut op = Map::new();
    op.insert("operationId".into(), json!(route.rpc.name()));
    op.insert("tags".into(), json!([route.rpc.parent_service().name()]));
    op.insert(
        "summary".into(),
        json!(format!(
            "{} (gRPC {})",
            route.rpc.name(),
            route.rpc.full_name()
        )),
    );
    if !parameters.is_empty() {
        op.insert("parameters".into(), Value::Array(parameters));
    }
    let body_schema = match &route.body {
        BodyRule::None => None,
        BodyRule::Whole => Some(schema_ref(&input, schemas)),
        BodyRule::Field(field) => match field.kind() {
            Kind::Message(m) => Some(schema_ref(&m, schemas)),
            _ => None,
        },
    };
    if let Some(schema) = body_schema {
        op.insert(
            "requestBody".into(),
            json!({ "required": false, "content": { "application/json": { "schema": schema } } }),
        );
    }
    let output = route.rpc.output();
    let output_schema = match &route.response_body {
        Some(field) => field_schema(field, schemas),
        None => schema_ref(&output, schemas),
    };
    let content = if route.server_streaming() {
        json!({
            "application/x-ndjson": { "schema": output_schema },
            "text/event-stream": { "schema": { "type": "string", "description": "one `data:` event per message" } },
        })
    } else {
        json!({ "application/json": { "schema": output_schema } })
    };
    op.insert(
        "responses".into(),
        json!({
            "200": { "description": "OK", "content": content },
            "default": {
                "description": "Error",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } },
            },
        }),
    );
    Value::Object(op)
}

/// Scalar fields (and fields of nested messages, dotted) become query parameters.
fn query_parameters(
    message: &MessageDescriptor,
    prefix: &str,
    path_fields: &BTreeSet<String>,
    skip: Option<&str>,
    depth: usize,
    out: &mut Vec<Value>,
    schemas: &mut BTreeMap<String, Value>,
) {
    for field in message.fields() {
        let name = format!("{prefix}{}", field.json_name());
        if path_fields.contains(&name) || skip == Some(name.as_str()) || field.is_map() {
            continue;
        }
        match field.kind() {
            Kind::Message(m) if m.full_name() != "google.protobuf.Timestamp" => {
                if depth < 2 && !field.is_list() {
                    query_parameters(
                        &m,
                        &format!("{name}."),
                        path_fields,
                        skip,
                        depth + 1,
                        out,
                        schemas,
                    );
                }
            }
            _ => {
                let mut parameter = json!({
                    "name": name, "in": "query", "required": false,
                    "schema": field_schema(&field, schemas),
                });
                if field.is_list() {
                    parameter["explode"] = json!(true);
                    parameter["style"] = json!("form");
                }
                out.push(parameter);
            }
        }
    }
}

fn schema_ref(message: &MessageDescriptor, schemas: &mut BTreeMap<String, Value>) -> Value {
    let name = message.full_name().to_owned();
    if !schemas.contains_key(&name) {
        schemas.insert(name.clone(), Value::Null); // placeholder against recursion
        let mut properties = Map::new();
        for field in message.fields() {
            properties.insert(field.json_name().to_owned(), field_schema(&field, schemas));
        }
        schemas.insert(
            name.clone(),
            json!({ "type": "object", "properties": properties }),
        );
    }
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn field_schema(field: &FieldDescriptor, schemas: &mut BTreeMap<String, Value>) -> Value {
    let single = kind_schema(&field.kind(), schemas);
    if field.is_map()
        && let Kind::Message(entry) = field.kind()
    {
        let value = entry.map_entry_value_field();
        return json!({ "type": "object", "additionalProperties": kind_schema(&value.kind(), schemas) });
    }
    if field.is_list() {
        json!({ "type": "array", "items": single })
    } else {
        single
    }
}

fn kind_schema(kind: &Kind, schemas: &mut BTreeMap<String, Value>) -> Value {
    match kind {
        Kind::String => json!({ "type": "string" }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
            json!({ "type": "integer", "format": "int32" })
        }
        Kind::Uint32 | Kind::Fixed32 => {
            json!({ "type": "integer", "format": "int32", "minimum": 0 })
        }
        // proto3 JSON writes 64-bit integers as strings.
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 | Kind::Uint64 | Kind::Fixed64 => {
            json!({ "type": "string", "format": "int64" })
        }
        Kind::Float | Kind::Double => json!({ "type": "number" }),
        Kind::Bytes => json!({ "type": "string", "format": "byte" }),
        Kind::Enum(e) => json!({
            "type": "string",
            "enum": e.values().map(|v| v.name().to_owned()).collect::<Vec<_>>(),
        }),
        Kind::Message(m) => match m.full_name() {
            "google.protobuf.Timestamp" => json!({ "type": "string", "format": "date-time" }),
            "google.protobuf.Duration" => json!({ "type": "string", "example": "1.5s" }),
            "google.protobuf.Struct" => json!({ "type": "object" }),
            "google.protobuf.Value" => json!({}),
            _ => schema_ref(m, schemas),
        },
    }
}

fn error_schema() -> Value {
    json!({
        "type": "object",
        "required": ["code", "status", "message", "requestId"],
        "properties": {
            "code": { "type": "integer", "description": "HTTP status" },
            "status": { "type": "string", "description": "gRPC status name, e.g. NOT_FOUND" },
            "message": { "type": "string" },
            "errorCode": { "type": "string", "description": "RingCentral error code, e.g. CMN-102" },
            "field": { "type": "string", "description": "request field at fault" },
            "permission": { "type": "string", "description": "RingCentral permission the account lacks" },
            "scope": { "type": "string", "description": "scope the caller's credentials lack (PERMISSION_DENIED)" },
            "retryAfterSeconds": { "type": "integer" },
            "createdId": { "type": "string", "description": "resource created before a later step failed" },
            "requestId": { "type": "string" },
        },
    })
}
