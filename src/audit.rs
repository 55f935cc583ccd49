//! The audit trail: one JSON record per mutation (every RPC that needs a `write`
//! scope), refused ones included: time, caller, RPC, target ids, the id of what was
//! created, result, request id and trace id. Records go to their own sink
//! (`AUDIT_LOG`: stdout with `"logger":"audit"`, or a file), apart from LOG_LEVEL, so
//! they can be shipped and kept separately.
//!
//! The [`AuditLayer`] sits in the inbound stack, outside authentication (so refused
//! calls are recorded too), and direct and transcoded calls are audited alike, and a new mutating RPC is audited without code of its own: target
//! ids are the request's top-level `*_id`/`*_ids` fields, decoded with the RPC's
//! descriptor (looked up once at start).

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io::Write;
use std::sync::{Arc, Mutex};

use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;
use prost_reflect::{DynamicMessage, MessageDescriptor, MethodDescriptor, Value as ProtoValue};
use serde_json::{Map, Value};

use crate::auth::Caller;
use crate::auth::scopes::{Access, Need, Table};
use crate::context::CallContext;
use crate::inbound::{Answer, Call, Step, StepLayer, Watcher, forward, watch_end};

/// Where audit records go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditTarget {
    Stdout,
    File(std::path::PathBuf),
    Off,
}

/// The audit sink.
pub struct AuditLog {
    sink: Sink,
}

enum Sink {
    Stdout,
    File(Mutex<std::fs::File>),
    Off,
}

impl AuditLog {
    pub fn open(target: &AuditTarget) -> std::io::Result<Self> {
        let sink = match target {
            AuditTarget::Stdout => Sink::Stdout,
            AuditTarget::Off => Sink::Off,
            AuditTarget::File(path) => Sink::File(Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)?,
            )),
        };
        Ok(AuditLog { sink })
    }

    fn write(&self, record: &Map<String, Value>) {
        let mut line = serde_json::to_vec(record).unwrap_or_default();
        line.push(b'\n');
        // One write per record: appends from several tasks never interleave.
        let written = match &self.sink {
            Sink::Off => return,
            // With the logs, in their order and batches.
            Sink::Stdout => {
                crate::telemetry::writer::write_line(line);
                Ok(())
            }
            Sink::File(file) => file
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .write_all(&line),
        };
        if let Err(e) = written {
            tracing::error!(error = %e, "could not write an audit record");
        }
    }
}

/// What the layer knows of one mutating RPC.
#[derive(Clone)]
struct Mutation {
    input: MessageDescriptor,
    output: MessageDescriptor,
}

/// Knows which RPCs mutate, and writes their records.
pub struct Auditor {
    log: AuditLog,
    mutations: HashMap<String, Mutation>,
}

impl Auditor {
    pub fn new(log: AuditLog, table: &Table) -> Self {
        let pool = crate::proto::pool();
        let mutations = table
            .iter()
            // RPCs that call any operation audit what they call themselves.
            .filter(|(_, need)| matches!(need, Need::Scope(r) if r.access == Access::Write))
            .filter_map(|(path, _)| {
                let (service, method) = path.trim_start_matches('/').split_once('/')?;
                let method: MethodDescriptor = pool
                    .get_service_by_name(service)?
                    .methods()
                    .find(|m| m.name() == method)?;
                Some((
                    path.to_owned(),
                    Mutation {
                        input: method.input(),
                        output: method.output(),
                    },
                ))
            })
            .collect();
        Auditor { log, mutations }
    }

    pub fn is_mutation(&self, path: &str) -> bool {
        self.mutations.contains_key(path)
    }

    /// Records a call of the RingCentral-compatible endpoint that is not a read (the
    /// endpoint calls this for every operation other than GET and HEAD, refused ones
    /// included): `method` is `rc:<operationId>`, the targets its path parameters.
    pub fn platform_call(&self, call: PlatformCall<'_>) {
        let mut targets = Map::new();
        for (name, value) in call.targets {
            targets.insert((*name).to_owned(), Value::from(value.as_str()));
        }
        let record = Record {
            caller: call.caller.cloned(),
            account: call.account.map(Arc::from),
            method: format!("rc:{}", call.operation),
            targets,
            request_id: Some(call.request_id.clone()),
            trace_id: call.trace_id,
        };
        self.log.write(&record.line(call.result, call.created_id));
    }
}

/// One call of the RingCentral-compatible endpoint, for the audit trail.
pub struct PlatformCall<'a> {
    pub caller: Option<&'a Arc<Caller>>,
    /// The gateway account of the call, once known.
    pub account: Option<&'a str>,
    pub operation: &'a str,
    pub targets: &'a [(&'a str, String)],
    /// `OK` for a 2xx answer, `HTTP <status>` for RingCentral's refusals, the gRPC
    /// code name for the gateway's.
    pub result: &'a str,
    pub created_id: Option<&'a str>,
    pub request_id: &'a Arc<str>,
    pub trace_id: Option<String>,
}

/// The audit trail as a step of the inbound stack.
pub struct AuditStep {
    auditor: Arc<Auditor>,
    /// Largest request body buffered for decoding (the gRPC message limit).
    max_body: usize,
}

/// The audit trail as a layer of the inbound stack.
pub type AuditLayer = StepLayer<AuditStep>;

impl AuditLayer {
    pub fn with(auditor: Arc<Auditor>, max_body: usize) -> Self {
        StepLayer::new(AuditStep { auditor, max_body })
    }
}

impl Step for AuditStep {
    fn call<S>(&self, call: Call, next: S) -> impl Future<Output = Answer> + Send + 'static
    where
        S: tower::Service<Call, Response = Answer, Error = Infallible> + Send + 'static,
        S::Future: Send + 'static,
    {
        let mutation = self.auditor.mutations.get(call.uri().path()).cloned();
        let auditor = self.auditor.clone();
        let max_body = self.max_body;
        let method = call.uri().path().to_owned();
        let ctx = call.extensions().get::<CallContext>().cloned();
        let trace_id = crate::telemetry::propagation::trace_id(
            &tracing::Span::current(),
            ctx.as_ref().and_then(|c| c.traceparent.as_deref()),
        );
        async move {
            let Some(mutation) = mutation else {
                return forward(next, call).await;
            };
            let (parts, body) = call.into_parts();
            // The message limit refuses a message over the limit as it arrives; this
            // bound (one message and its prefix) only caps the buffer.
            let bytes = match http_body_util::Limited::new(body, max_body + 5)
                .collect()
                .await
            {
                Ok(collected) => collected.to_bytes(),
                Err(err) => {
                    let status = match err.downcast::<tonic::Status>() {
                        Ok(status) => *status,
                        Err(_) => crate::error::Error::TooLarge {
                            field: "message",
                            what: "the request message",
                            limit: max_body,
                        }
                        .to_status(),
                    };
                    return status.into_http();
                }
            };
            let targets = message(&bytes)
                .and_then(|m| DynamicMessage::decode(mutation.input.clone(), m).ok())
                .map(|m| ids(&m))
                .unwrap_or_default();
            let call = http::Request::from_parts(
                parts,
                tonic::body::Body::new(http_body_util::Full::new(bytes)),
            );
            let answer = forward(next, call).await;
            let record = Pending {
                auditor,
                record: Record {
                    caller: answer.extensions().get::<Arc<Caller>>().cloned(),
                    account: answer
                        .extensions()
                        .get::<crate::auth::layer::AuditedAccount>()
                        .map(|a| a.0.clone()),
                    method,
                    targets,
                    request_id: ctx.map(|c| c.request_id),
                    trace_id,
                },
                output: mutation.output,
                reply: BytesMut::new(),
            };
            watch_end(answer, record)
        }
    }
}

/// The message of a single uncompressed gRPC frame.
fn message(frame: &[u8]) -> Option<&[u8]> {
    let (&compressed, rest) = frame.split_first()?;
    if compressed != 0 || rest.len() < 4 {
        return None;
    }
    let len = u32::from_be_bytes(rest[..4].try_into().ok()?) as usize;
    rest.get(4..4 + len)
}

/// The top-level `*_id` and `*_ids` fields that are set.
fn ids(message: &DynamicMessage) -> Map<String, Value> {
    let mut out = Map::new();
    for (field, value) in message.fields() {
        let name = field.name();
        if !(name.ends_with("_id") || name.ends_with("_ids")) {
            continue;
        }
        let json = match value {
            ProtoValue::String(s) if !s.is_empty() => Value::from(s.as_str()),
            ProtoValue::List(items) if !items.is_empty() => Value::from(
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect::<Vec<_>>(),
            ),
            _ => continue,
        };
        out.insert(name.to_owned(), json);
    }
    out
}

/// What an audit record says of a call.
struct Record {
    caller: Option<Arc<Caller>>,
    /// The gateway account the call was for.
    account: Option<Arc<str>>,
    method: String,
    targets: Map<String, Value>,
    request_id: Option<Arc<str>>,
    trace_id: Option<String>,
}

/// One pending audit record of an RPC, written when the call's status is known.
struct Pending {
    auditor: Arc<Auditor>,
    record: Record,
    output: MessageDescriptor,
    /// The reply message, for the id of what was created.
    reply: BytesMut,
}

/// Largest reply kept to read a created id from.
const MAX_REPLY: usize = 64 * 1024;

impl Pending {
    fn write(self, result: &str) {
        let created = (result == "OK")
            .then(|| message(&self.reply))
            .flatten()
            .and_then(|m| DynamicMessage::decode(self.output.clone(), m).ok())
            .and_then(|reply| {
                reply
                    .get_field_by_name("id")
                    .and_then(|id| id.as_str().filter(|s| !s.is_empty()).map(str::to_owned))
            });
        let line = self.record.line(result, created.as_deref());
        self.auditor.log.write(&line);
    }
}

impl Record {
    fn line(self, result: &str, created_id: Option<&str>) -> Map<String, Value> {
        let mut line = Map::new();
        line.insert(
            "timestamp".into(),
            Value::from(humantime::format_rfc3339_micros(std::time::SystemTime::now()).to_string()),
        );
        line.insert("level".into(), Value::from("INFO"));
        line.insert("logger".into(), Value::from("audit"));
        line.insert("message".into(), Value::from("mutation"));
        line.insert(
            "caller".into(),
            Value::from(self.caller.as_ref().map_or("unauthenticated", |c| &*c.id)),
        );
        if let Some(account) = &self.account {
            line.insert("account".into(), Value::from(&**account));
        }
        line.insert("method".into(), Value::from(self.method));
        line.insert("targets".into(), Value::Object(self.targets));
        if let Some(id) = created_id {
            line.insert("created_id".into(), Value::from(id));
        }
        line.insert("result".into(), Value::from(result));
        if let Some(id) = self.request_id {
            line.insert("request_id".into(), Value::from(&*id));
        }
        if let Some(id) = self.trace_id {
            line.insert("trace_id".into(), Value::from(id));
        }
        line
    }
}

impl Watcher for Pending {
    fn data(&mut self, data: &Bytes) {
        if self.reply.len() + data.len() <= MAX_REPLY {
            self.reply.extend_from_slice(data);
        }
    }

    fn end(self, status: &'static str) {
        self.write(status);
    }
}

#[cfg(test)]
mod tests {
    use prost::Message;

    use super::*;
    use crate::proto::v1 as pb;

    #[test]
    fn ids_come_from_top_level_id_fields() {
        let request = pb::UpdateCallQueueMembersRequest {
            queue_id: "63000361".into(),
            added_extension_ids: vec!["63000102".into(), "63000103".into()],
            removed_extension_ids: vec![],
        };
        let mut frame = vec![0u8];
        frame.extend_from_slice(&(request.encoded_len() as u32).to_be_bytes());
        request.encode(&mut frame).unwrap();
        let descriptor = crate::proto::pool()
            .get_message_by_name("rcgateway.v1.UpdateCallQueueMembersRequest")
            .unwrap();
        let decoded = DynamicMessage::decode(descriptor, message(&frame).unwrap()).unwrap();
        let ids = ids(&decoded);
        assert_eq!(ids["queue_id"], "63000361");
        assert_eq!(
            ids["added_extension_ids"],
            serde_json::json!(["63000102", "63000103"])
        );
        assert!(!ids.contains_key("removed_extension_ids"));
        assert!(
            message(&[1, 0, 0, 0, 0]).is_none(),
            "compressed frames are skipped"
        );
        assert!(
            message(&[0, 0, 0, 0, 9, 1]).is_none(),
            "short frames are skipped"
        );
    }
}
