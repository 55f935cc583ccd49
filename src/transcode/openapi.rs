//! The OpenAPI 3.0 document of the HTTP/JSON surface, generated once at start from
//! the same routes, descriptors and rule annotations the gateway serves and enforces,
//! so it cannot drift: descriptions come from the proto comments, constraints from
//! the `(rcgateway.v1.field)` / `(rcgateway.v1.message)` rules (with the patterns of
//! [`crate::api::validate::format_spec`]), security from the caller authentication.
//!
//! Requests and answers get separate schemas: a request schema (`...Input`) says
//! what the gateway accepts; an answer schema only describes what it sends, since
//! RingCentral's data is not held to the request rules.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use prost::Message;
use prost_reflect::{
    DescriptorPool, EnumDescriptor, ExtensionDescriptor, FieldDescriptor, Kind, MessageDescriptor,
    MethodDescriptor, Value as ProtoValue,
};
use serde_json::{Map, Value, json};

use super::rules::{BodyRule, Route};
use crate::api::validate::format_spec;
use crate::auth::Authenticator;
use crate::proto::v1 as pb;

/// The document, serialized.
pub fn document(routes: &[Route], auth: &Authenticator, settings: &super::Settings) -> Vec<u8> {
    let pool = crate::proto::pool();
    let mut doc_gen = Generator::new(pool);
    // Values that only this deployment knows.
    if let Some(url) = &settings.webhook_url {
        doc_gen
            .fixed
            .insert("rcgateway.v1.DeliveryMode.address".into(), url.clone());
    }
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for route in routes {
        let input = route.rpc.input();
        let path = route.template.openapi_path(|field| {
            super::rules::resolve(&input, field)
                .map(|fields| json_path(&fields))
                .unwrap_or_else(|| field.join("."))
        });
        let operation = doc_gen.operation(route, auth);
        paths
            .entry(path)
            .or_default()
            .insert(route.method.as_str().to_ascii_lowercase(), operation);
    }
    doc_gen.schemas.insert("Error".to_owned(), error_schema());
    let doc = json!({
        "openapi": "3.0.3",
        "info": {
            "title": "rc-gateway",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "HTTP/JSON access to the RingCentral Platform API through rc-gateway. \
                Every operation is also available over gRPC (package rcgateway.v1). \
                Bodies are canonical proto3 JSON (lowerCamel field names, enum values by name, \
                64-bit integers as strings); a key given twice is refused. Query parameters \
                accept enum values by their full name or RingCentral's short spelling \
                (status=Enabled). Numbers and text left at zero or empty mean \"not set\".",
        },
        "paths": paths,
        "components": {
            "schemas": doc_gen.schemas,
            "securitySchemes": {
                "apiKey": { "type": "apiKey", "in": "header", "name": "x-api-key" },
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "an API key, or a JWT from the configured identity provider",
                },
            },
        },
    });
    serde_json::to_vec_pretty(&doc).unwrap_or_default()
}

/// The dotted JSON name of a field path.
fn json_path(fields: &[FieldDescriptor]) -> String {
    fields
        .iter()
        .map(FieldDescriptor::json_name)
        .collect::<Vec<_>>()
        .join(".")
}

struct Generator {
    schemas: BTreeMap<String, Value>,
    comments: HashMap<(String, Vec<i32>), String>,
    field_rules: Option<ExtensionDescriptor>,
    message_rules: Option<ExtensionDescriptor>,
    /// Fields that take exactly one value here, by full name.
    fixed: HashMap<String, String>,
}

impl Generator {
    fn new(pool: &DescriptorPool) -> Self {
        let mut comments = HashMap::new();
        for file in pool.files() {
            let Some(info) = &file.file_descriptor_proto().source_code_info else {
                continue;
            };
            for location in &info.location {
                let text = location
                    .leading_comments
                    .as_deref()
                    .or(location.trailing_comments.as_deref())
                    .map(clean_comment)
                    .filter(|c| !c.is_empty());
                if let Some(text) = text {
                    comments.insert((file.name().to_owned(), location.path.clone()), text);
                }
            }
        }
        Generator {
            schemas: BTreeMap::new(),
            comments,
            field_rules: pool.get_extension_by_name("rcgateway.v1.field"),
            message_rules: pool.get_extension_by_name("rcgateway.v1.message"),
            fixed: HashMap::new(),
        }
    }

    fn comment(&self, file: &str, path: &[i32]) -> Option<&str> {
        self.comments
            .get(&(file.to_owned(), path.to_vec()))
            .map(String::as_str)
    }

    fn field_comment(&self, field: &FieldDescriptor) -> Option<&str> {
        self.comment(field.parent_file().name(), field.path())
    }

    fn message_comment(&self, message: &MessageDescriptor) -> Option<&str> {
        self.comment(message.parent_file().name(), message.path())
    }

    fn method_comment(&self, method: &MethodDescriptor) -> Option<&str> {
        self.comment(method.parent_file().name(), method.path())
    }

    fn rules(&self, field: &FieldDescriptor) -> pb::FieldRules {
        decode_option(&field.options(), self.field_rules.as_ref())
    }

    fn message_rules(&self, message: &MessageDescriptor) -> pb::MessageRules {
        decode_option(&message.options(), self.message_rules.as_ref())
    }

    fn operation(&mut self, route: &Route, auth: &Authenticator) -> Value {
        let input = route.rpc.input();
        let path_fields: BTreeSet<String> = route
            .template
            .variables()
            .filter_map(|v| super::rules::resolve(&input, v))
            .map(|f| json_path(&f))
            .collect();
        let mut parameters = Vec::new();
        for name in &path_fields {
            let field = input.get_field_by_json_name(name);
            let mut schema = match &field {
                Some(f) => self.input_field_schema(f),
                None => json!({ "type": "string" }),
            };
            let mut parameter = json!({ "name": name, "in": "path", "required": true });
            if let Some(d) = field
                .as_ref()
                .and_then(|f| self.field_comment(f))
                .map(str::to_owned)
            {
                parameter["description"] = json!(d);
            }
            if let Some(obj) = schema.as_object_mut() {
                obj.remove("description");
            }
            parameter["schema"] = schema;
            parameters.push(parameter);
        }
        if matches!(route.body, BodyRule::None | BodyRule::Field(_)) {
            let skip = match &route.body {
                BodyRule::Field(f) => Some(f.json_name().to_owned()),
                _ => None,
            };
            self.query_parameters(
                &input,
                "",
                &path_fields,
                skip.as_deref(),
                0,
                &mut parameters,
            );
        }
        let name = route.rpc.name();
        let mut op = Map::new();
        op.insert("operationId".into(), json!(name));
        op.insert("tags".into(), json!([route.rpc.parent_service().name()]));
        let comment = self.method_comment(&route.rpc).map(str::to_owned);
        let summary = comment
            .as_deref()
            .and_then(|c| c.split(". ").next())
            .map(|s| s.trim_end_matches('.').to_owned())
            .unwrap_or_else(|| name.to_owned());
        op.insert("summary".into(), json!(summary));
        let need = auth.need(route.grpc_path.path());
        let mut description = comment.unwrap_or_default();
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(&format!("gRPC: `{}`.", route.rpc.full_name()));
        match need {
            Some(crate::auth::scopes::Need::Scope(scope)) => {
                description.push_str(&format!(" Scope: `{scope}`."));
            }
            Some(crate::auth::scopes::Need::PerOperation) => description.push_str(
                " Scope: the operation's: its resource family's (`extensions:write` for \
                 `deleteExtension`), or `op:<operationId>`.",
            ),
            None => {}
        }
        op.insert("description".into(), json!(description));
        if !parameters.is_empty() {
            op.insert("parameters".into(), Value::Array(parameters));
        }
        let body = match &route.body {
            BodyRule::None => None,
            BodyRule::Whole => Some(self.body_schema(&input, &path_fields)),
            BodyRule::Field(field) => match field.kind() {
                Kind::Message(m) => Some(self.input_ref(&m)),
                _ => None,
            },
        };
        if let Some(schema) = body {
            let name = schema["$ref"]
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .unwrap_or("");
            let target = self.schemas.get(name).unwrap_or(&Value::Null);
            let required = target.get("required").is_some() || target.get("anyOf").is_some();
            op.insert(
                "requestBody".into(),
                json!({ "required": required, "content": { "application/json": { "schema": schema } } }),
            );
        }
        let output = route.rpc.output();
        let output_schema = match &route.response_body {
            Some(field) => self.output_field_schema(field),
            None => self.output_ref(&output),
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
        // What credentials the call needs on this gateway, as configured.
        let open = match need {
            Some(crate::auth::scopes::Need::Scope(scope)) => !auth.needs_credentials(scope),
            Some(crate::auth::scopes::Need::PerOperation) => auth.is_open(),
            None => true,
        };
        let security = if open {
            json!([])
        } else {
            json!([ { "apiKey": [] }, { "bearer": [] } ])
        };
        op.insert("security".into(), security);
        Value::Object(op)
    }

    /// Scalar fields (and fields of nested messages, dotted) become query parameters.
    fn query_parameters(
        &mut self,
        message: &MessageDescriptor,
        prefix: &str,
        path_fields: &BTreeSet<String>,
        skip: Option<&str>,
        depth: usize,
        out: &mut Vec<Value>,
    ) {
        for field in message.fields() {
            let name = format!("{prefix}{}", field.json_name());
            if path_fields.contains(&name) || skip == Some(name.as_str()) || field.is_map() {
                continue;
            }
            match field.kind() {
                Kind::Message(m) if m.full_name() != "google.protobuf.Timestamp" => {
                    if depth < 2 && !field.is_list() {
                        self.query_parameters(
                            &m,
                            &format!("{name}."),
                            path_fields,
                            skip,
                            depth + 1,
                            out,
                        );
                    }
                }
                _ => {
                    let mut schema = self.input_field_schema(&field);
                    let description = schema.as_object_mut().and_then(|o| o.remove("description"));
                    let mut parameter = json!({
                        "name": name, "in": "query",
                        "required": self.rules(&field).required,
                        "schema": schema,
                    });
                    if let Some(d) = description {
                        parameter["description"] = d;
                    }
                    if field.is_list() {
                        parameter["explode"] = json!(true);
                        parameter["style"] = json!("form");
                    }
                    out.push(parameter);
                }
            }
        }
    }

    /// The body of a `body: "*"` route: the request's fields minus those in the path.
    fn body_schema(
        &mut self,
        message: &MessageDescriptor,
        path_fields: &BTreeSet<String>,
    ) -> Value {
        let name = format!("{}Body", message.full_name());
        if !self.schemas.contains_key(&name) {
            let schema = self.input_object(message, path_fields);
            self.schemas.insert(name.clone(), schema);
        }
        json!({ "$ref": format!("#/components/schemas/{name}") })
    }

    fn input_ref(&mut self, message: &MessageDescriptor) -> Value {
        let name = format!("{}Input", message.full_name());
        if !self.schemas.contains_key(&name) {
            self.schemas.insert(name.clone(), Value::Null); // placeholder against recursion
            let schema = self.input_object(message, &BTreeSet::new());
            self.schemas.insert(name.clone(), schema);
        }
        json!({ "$ref": format!("#/components/schemas/{name}") })
    }

    /// A request object: its fields with their rules, the required ones, and the
    /// message's at-least-one-of rule.
    fn input_object(&mut self, message: &MessageDescriptor, skip: &BTreeSet<String>) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for field in message.fields() {
            if skip.contains(field.json_name())
                || field.containing_oneof().is_some_and(|o| !o.is_synthetic())
            {
                continue;
            }
            if self.rules(&field).required {
                required.push(json!(field.json_name()));
            }
            properties.insert(
                field.json_name().to_owned(),
                self.input_field_schema(&field),
            );
        }
        let mut schema =
            json!({ "type": "object", "properties": properties, "additionalProperties": false });
        if let Some(d) = self.message_comment(message) {
            schema["description"] = json!(d);
        }
        if !required.is_empty() {
            schema["required"] = Value::Array(required);
        }
        let rules = self.message_rules(message);
        let mut alternatives: Vec<Vec<Value>> = Vec::new();
        let at_least_one: Vec<Value> = rules
            .at_least_one_of
            .iter()
            .filter_map(|name| message.get_field_by_name(name))
            .filter(|f| !skip.contains(f.json_name()))
            .map(|f| set_branch(&f))
            .collect();
        if !at_least_one.is_empty() {
            alternatives.push(at_least_one);
        }
        for only in &rules.only_with {
            if let Some(branches) = only_with_branches(message, only) {
                alternatives.push(branches);
            }
        }
        match alternatives.len() {
            0 => {}
            1 => schema["anyOf"] = Value::Array(alternatives.remove(0)),
            _ => {
                schema["allOf"] = alternatives
                    .into_iter()
                    .map(|branches| json!({ "anyOf": branches }))
                    .collect()
            }
        }
        schema
    }

    /// A request field: its kind, its rules and its description.
    fn input_field_schema(&mut self, field: &FieldDescriptor) -> Value {
        let rules = self.rules(field);
        let optional = field.containing_oneof().is_some();
        let mut single = match field.kind() {
            Kind::String => {
                let mut s = json!({ "type": "string" });
                let spec = format_spec(rules.format());
                if let Some(spec) = spec {
                    s["pattern"] = json!(spec.pattern);
                    if let Some(max) = spec.max_length {
                        s["maxLength"] = json!(max);
                    }
                } else if rules.not_blank {
                    s["pattern"] = json!("\\S");
                }
                if rules.max_length > 0 {
                    s["maxLength"] = json!(rules.max_length);
                }
                if !rules.one_of_texts.is_empty() {
                    s["enum"] = json!(rules.one_of_texts);
                }
                if let Some(value) = self.fixed.get(field.full_name()) {
                    s["enum"] = json!([value]);
                }
                s
            }
            Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 | Kind::Uint32 | Kind::Fixed32 => {
                let mut s = scalar_schema(&field.kind());
                if !rules.one_of_numbers.is_empty() {
                    s["enum"] = json!(rules.one_of_numbers);
                }
                // Zero means "not set" for a plain (non-optional) number, so it is
                // accepted even where the rule's minimum is higher.
                let zero_unset = !optional && !field.is_list();
                if let Some(min) = rules.minimum {
                    s["minimum"] = json!(if zero_unset { min.min(0) } else { min });
                }
                if let Some(max) = rules.maximum {
                    s["maximum"] = json!(max);
                }
                s
            }
            Kind::Enum(e) => {
                let refused: Vec<&str> = rules.not_in.iter().map(String::as_str).collect();
                enum_schema(&e, true, &refused)
            }
            Kind::Message(m) if m.package_name() == crate::proto::PACKAGE => {
                let reference = self.input_ref(&m);
                if rules.require_fields.is_empty() {
                    reference
                } else {
                    let mut required = Vec::new();
                    let mut properties = Map::new();
                    for name in &rules.require_fields {
                        if let Some(inner) = m.get_field_by_name(name) {
                            required.push(json!(inner.json_name()));
                            if let Some(branch) =
                                set_branch(&inner)["properties"].get(inner.json_name())
                            {
                                properties.insert(inner.json_name().to_owned(), branch.clone());
                            }
                        }
                    }
                    let mut needed = json!({ "required": required });
                    if !properties.is_empty() {
                        needed["properties"] = Value::Object(properties);
                    }
                    json!({ "allOf": [reference, needed] })
                }
            }
            other => self.kind_schema_output(&other),
        };
        if field.is_list() {
            let mut list = json!({ "type": "array", "items": single });
            if rules.max_items > 0 {
                list["maxItems"] = json!(rules.max_items);
            }
            // Required means set: an empty list is not.
            if rules.required {
                list["minItems"] = json!(1);
            }
            single = list;
        } else if rules.required && field.kind() == Kind::String && !optional {
            single["minLength"] = json!(1);
        }
        self.describe(single, field, &rules)
    }

    /// Adds the field's comment (and what its format means) to a schema.
    fn describe(
        &self,
        mut schema: Value,
        field: &FieldDescriptor,
        rules: &pb::FieldRules,
    ) -> Value {
        let mut text = self.field_comment(field).unwrap_or("").to_owned();
        if let Some(spec) = format_spec(rules.format()) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&format!("Must be {}.", spec.describe));
        }
        if !text.is_empty() {
            if schema.get("$ref").is_some() {
                // A $ref ignores its siblings in OpenAPI 3.0.
                schema = json!({ "allOf": [schema], "description": text });
            } else if let Some(obj) = schema.as_object_mut() {
                obj.insert("description".into(), json!(text));
            }
        }
        schema
    }

    fn output_ref(&mut self, message: &MessageDescriptor) -> Value {
        let name = message.full_name().to_owned();
        if !self.schemas.contains_key(&name) {
            self.schemas.insert(name.clone(), Value::Null); // placeholder against recursion
            let mut properties = Map::new();
            for field in message.fields() {
                let mut schema = self.output_field_schema(&field);
                if let Some(d) = self.field_comment(&field) {
                    if schema.get("$ref").is_some() {
                        schema = json!({ "allOf": [schema], "description": d });
                    } else if let Some(obj) = schema.as_object_mut() {
                        obj.insert("description".into(), json!(d));
                    }
                }
                properties.insert(field.json_name().to_owned(), schema);
            }
            let mut schema = json!({ "type": "object", "properties": properties });
            if let Some(d) = self.message_comment(message) {
                schema["description"] = json!(d);
            }
            self.schemas.insert(name.clone(), schema);
        }
        json!({ "$ref": format!("#/components/schemas/{name}") })
    }

    fn output_field_schema(&mut self, field: &FieldDescriptor) -> Value {
        if field.is_map()
            && let Kind::Message(entry) = field.kind()
        {
            let value = entry.map_entry_value_field();
            return json!({ "type": "object", "additionalProperties": self.kind_schema_output(&value.kind()) });
        }
        let single = self.kind_schema_output(&field.kind());
        if field.is_list() {
            json!({ "type": "array", "items": single })
        } else {
            single
        }
    }

    fn kind_schema_output(&mut self, kind: &Kind) -> Value {
        match kind {
            Kind::Enum(e) => enum_schema(e, false, &[]),
            Kind::Message(m) => match m.full_name() {
                "google.protobuf.Timestamp" => json!({ "type": "string", "format": "date-time" }),
                "google.protobuf.Duration" => json!({ "type": "string", "example": "1.5s" }),
                "google.protobuf.Struct" => json!({ "type": "object" }),
                "google.protobuf.Value" => json!({}),
                _ => self.output_ref(m),
            },
            other => scalar_schema(other),
        }
    }
}

/// Decodes a rule annotation into its generated type (empty when absent).
fn decode_option<T: Message + Default>(
    options: &prost_reflect::DynamicMessage,
    extension: Option<&ExtensionDescriptor>,
) -> T {
    let Some(extension) = extension.filter(|e| options.has_extension(e)) else {
        return T::default();
    };
    match options.get_extension(extension).as_ref() {
        ProtoValue::Message(m) => T::decode(m.encode_to_vec().as_slice()).unwrap_or_default(),
        _ => T::default(),
    }
}

/// The `anyOf` branches of an `only_with` rule: the deciding enum has an allowing
/// value (or is absent, if unset stands for one), or the field is not given.
fn only_with_branches(message: &MessageDescriptor, rule: &pb::OnlyWith) -> Option<Vec<Value>> {
    let decider = message.get_field_by_name(&rule.enum_field)?;
    let mut branches = vec![json!({
        "required": [decider.json_name()],
        "properties": { decider.json_name(): { "enum": rule.values } },
    })];
    if rule.values.contains(&rule.unset_means) {
        branches.push(json!({ "not": { "required": [decider.json_name()] } }));
    }
    // "Not given", nested: {"properties": {"contact": {"not": {"required": ["lastName"]}}}}.
    let mut names = Vec::new();
    let mut current = message.clone();
    for part in rule.field.split('.') {
        let field = current.get_field_by_name(part)?;
        names.push(field.json_name().to_owned());
        if let Kind::Message(inner) = field.kind() {
            current = inner;
        }
    }
    let (last, parents) = names.split_last()?;
    let absent = parents.iter().rev().fold(
        json!({ "not": { "required": [last] } }),
        |inner, parent| json!({ "properties": { parent: inner } }),
    );
    branches.push(absent);
    Some(branches)
}

/// The `anyOf` branch saying that `field` is set to something other than its default.
fn set_branch(field: &FieldDescriptor) -> Value {
    let name = field.json_name();
    let optional = field.containing_oneof().is_some();
    let value = if field.is_list() {
        json!({ "minItems": 1 })
    } else {
        match field.kind() {
            Kind::String if !optional => json!({ "minLength": 1 }),
            Kind::Bool if !optional => json!({ "enum": [true] }),
            Kind::String | Kind::Bool | Kind::Message(_) | Kind::Enum(_) => json!({}),
            _ if optional => json!({}),
            _ => json!({ "not": { "enum": [0] } }),
        }
    };
    json!({ "required": [name], "properties": { name: value } })
}

fn scalar_schema(kind: &Kind) -> Value {
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
        Kind::Enum(_) | Kind::Message(_) => json!({}),
    }
}

/// An enum by value names. In requests, the unspecified value (it means "not set")
/// and the values a rule refuses are left out.
fn enum_schema(e: &EnumDescriptor, input: bool, refused: &[&str]) -> Value {
    let names: Vec<String> = e
        .values()
        .filter(|v| !input || (v.number() != 0 && !refused.contains(&v.name())))
        .map(|v| v.name().to_owned())
        .collect();
    json!({ "type": "string", "enum": names })
}

/// A proto comment as prose: one paragraph, lines joined.
fn clean_comment(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn error_schema() -> Value {
    json!({
        "type": "object",
        "required": ["code", "status", "message", "requestId"],
        "properties": {
            "code": { "type": "integer", "description": "HTTP status (the same as the answer's)" },
            "status": { "type": "string", "description": "gRPC status name, e.g. NOT_FOUND" },
            "message": { "type": "string" },
            "errorCode": { "type": "string", "description": "RingCentral error code, e.g. CMN-102" },
            "field": { "type": "string", "description": "request field at fault, as the caller spelled it" },
            "permission": { "type": "string", "description": "RingCentral permission the account lacks" },
            "scope": { "type": "string", "description": "scope the caller's credentials lack (PERMISSION_DENIED)" },
            "retryAfterSeconds": { "type": "integer" },
            "createdId": { "type": "string", "description": "resource created before a later step failed" },
            "requestId": { "type": "string" },
        },
    })
}
