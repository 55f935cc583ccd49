//! `PlatformService`: any operation of RingCentral's spec by its operationId, through
//! the same upstream stack as the typed services, and `ListAll`, which pages through
//! any list operation at its group's pace. The scope each call needs is its
//! operation's, checked here once the operation is known (the authentication step
//! hands over the caller's grants).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderValue, Method};
use http_body_util::BodyExt;
use prost_types::value::Kind;
use serde_json::Value;
use tonic::{Request, Response, Status};

use crate::audit::{Auditor, PlatformCall};
use crate::auth::{Authenticator, Granted};
use crate::context::CallContext;
use crate::error::Error;
use crate::events::payload::{MAX_EVENT_DEPTH, body_depth, to_value};
use crate::proto::v1 as pb;
use crate::proto::v1::platform_service_server::PlatformService;
use rc_client::RingCentral;
use rc_client::stack::RequestBody;
use rc_spec::ops::{self, Operation};

/// The deadline of each page of `ListAll`: pacing may hold a page for a while.
const PAGE_DEADLINE: Duration = Duration::from_secs(150);

/// Records per page of `ListAll` when the caller names none.
const DEFAULT_PER_PAGE: i32 = 100;

/// The answer headers `Invoke` returns.
const ANSWER_HEADERS: &[&str] = &[
    "content-type",
    "content-disposition",
    "content-language",
    "etag",
    "last-modified",
    "retry-after",
    "rcrequestid",
];

pub struct PlatformApi {
    auth: Arc<Authenticator>,
    auditor: Arc<Auditor>,
    /// The largest answer returned in one message (the gRPC message limit).
    max_answer_bytes: usize,
}

impl PlatformApi {
    pub fn new(auth: Arc<Authenticator>, auditor: Arc<Auditor>, max_answer_bytes: usize) -> Self {
        PlatformApi {
            auth,
            auditor,
            max_answer_bytes,
        }
    }

    /// The operation named `id`, if the caller may call it.
    fn authorize(
        &self,
        granted: Option<&Granted>,
        id: &str,
    ) -> Result<(&'static Operation, Arc<crate::auth::Caller>), Error> {
        let op = ops::by_id(id).ok_or_else(|| {
            Error::invalid(
                "operation_id",
                format!("{id:?} is no operationId of RingCentral's API"),
            )
        })?;
        if op.resource == "oauth" {
            return Err(Error::invalid(
                "operation_id",
                format!(
                    "{} is RingCentral's own OAuth: the gateway keeps RingCentral's session to itself",
                    op.id
                ),
            ));
        }
        let granted = granted.ok_or_else(|| {
            Error::Internal("the call reached PlatformService unauthenticated".into())
        })?;
        match granted.require(crate::platform::required_scope(op)) {
            Ok(caller) => Ok((op, caller)),
            Err(denied) => {
                self.auth.refused(&denied);
                Err(denied.into())
            }
        }
    }
}

/// The operation's path parameters in template order; `accountId` defaults to `~`.
fn path_params(
    op: &Operation,
    given: &HashMap<String, String>,
) -> Result<Vec<(&'static str, String)>, Error> {
    let mut params = Vec::new();
    for name in ops::path_params(op) {
        let value = match given.get(name) {
            Some(value) => value.clone(),
            None if name == "accountId" => "~".to_owned(),
            None => {
                return Err(Error::invalid(
                    "path_params",
                    format!("{} needs the path parameter {name}", op.id),
                ));
            }
        };
        params.push((name, value));
    }
    if let Some(unknown) = given
        .keys()
        .find(|k| !ops::path_params(op).any(|n| n == *k))
    {
        return Err(Error::invalid(
            "path_params",
            format!(
                "{} has no path parameter {unknown:?} (it has: {})",
                op.id,
                ops::path_params(op).collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    Ok(params)
}

fn query(params: Vec<pb::QueryParameter>) -> rc_client::Query {
    params
        .into_iter()
        .map(|p| (Cow::Owned(p.name), p.value))
        .collect()
}

/// The request body: JSON, or bytes in one of the operation's media types.
fn body(
    op: &Operation,
    body: Option<pb::invoke_request::Body>,
    content_type: &str,
) -> Result<Option<RequestBody>, Error> {
    let (content_type, bytes) = match body {
        None => return Ok(None),
        Some(pb::invoke_request::Body::Json(value)) => (
            HeaderValue::from_static("application/json"),
            serde_json::to_vec(&from_value(&value))
                .map_err(|e| Error::invalid("json", format!("not a JSON document: {e}")))?,
        ),
        Some(pb::invoke_request::Body::Raw(bytes)) => {
            if content_type.trim().is_empty() {
                return Err(Error::invalid(
                    "content_type",
                    "a raw body needs its content_type",
                ));
            }
            let value = HeaderValue::from_str(content_type)
                .map_err(|_| Error::invalid("content_type", "not a valid Content-Type value"))?;
            (value, bytes.to_vec())
        }
    };
    crate::platform::body::accepted_media(op, &content_type)?;
    if let Some(limit) = op.max_body
        && bytes.len() as u64 > limit
    {
        return Err(crate::platform::body::too_large(
            usize::try_from(limit).unwrap_or(usize::MAX),
        ));
    }
    Ok(Some(RequestBody::whole(content_type, bytes)))
}

/// `google.protobuf.Value` -> JSON; whole numbers stay integers (RingCentral's ids).
fn from_value(value: &prost_types::Value) -> Value {
    match &value.kind {
        None | Some(Kind::NullValue(_)) => Value::Null,
        Some(Kind::BoolValue(b)) => Value::Bool(*b),
        Some(Kind::NumberValue(n)) => {
            if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
                Value::from(*n as i64)
            } else {
                serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number)
            }
        }
        Some(Kind::StringValue(s)) => Value::String(s.clone()),
        Some(Kind::ListValue(list)) => Value::Array(list.values.iter().map(from_value).collect()),
        Some(Kind::StructValue(s)) => Value::Object(
            s.fields
                .iter()
                .map(|(k, v)| (k.clone(), from_value(v)))
                .collect(),
        ),
    }
}

#[tonic::async_trait]
impl PlatformService for PlatformApi {
    async fn invoke(
        &self,
        request: Request<pb::InvokeRequest>,
    ) -> Result<Response<pb::InvokeResponse>, Status> {
        let mut ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let granted = request.extensions().get::<Granted>().cloned();
        let req = request.into_inner();
        let (op, caller) = match self.authorize(granted.as_ref(), &req.operation_id) {
            Ok(authorized) => authorized,
            Err(e) => {
                if let Some(op) = ops::by_id(&req.operation_id) {
                    let caller = granted.map(|g| g.caller);
                    self.audit(
                        &ctx,
                        op,
                        (caller.as_ref(), Some(&account.id)),
                        &[],
                        &e,
                        None,
                    );
                }
                return Err(e.into());
            }
        };
        let outcome = async {
            let params = path_params(op, &req.path_params)?;
            let body = body(op, req.body, &req.content_type)?;
            if !req.idempotency_key.is_empty() {
                ctx.idempotency_key = Some(Arc::from(req.idempotency_key.as_str()));
            }
            ctx.caller = Some(caller.clone());
            let refs: Vec<(&str, &str)> = params.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let invoked = account
                .rc
                .invoke(&ctx, op, &refs, query(req.query), body)
                .await?;
            Ok::<_, Error>((params, invoked))
        }
        .await;
        let (params, invoked) = match outcome {
            Ok(done) => done,
            Err(e) => {
                self.audit(&ctx, op, (Some(&caller), Some(&account.id)), &[], &e, None);
                return Err(e.into());
            }
        };
        let mut answer = invoked.answer;
        if let Some(stream) = invoked.stream {
            answer.body = read_whole(stream, self.max_answer_bytes).await?;
        }
        let created = crate::platform::created_id(op, &answer);
        crate::platform::audit(
            &self.auditor,
            PlatformCall {
                caller: Some(&caller),
                account: Some(&account.id),
                operation: op.id,
                targets: &params,
                result: &crate::platform::audit_result(answer.status),
                created_id: created.as_deref(),
                request_id: &ctx.request_id,
                trace_id: None,
            },
            op,
            ctx.traceparent.as_deref(),
        );
        let headers = ANSWER_HEADERS
            .iter()
            .filter_map(|name| {
                let value = answer.headers.get(*name)?.to_str().ok()?;
                Some(((*name).to_owned(), value.to_owned()))
            })
            .collect();
        let json = crate::platform::is_json(&answer.headers)
            .then(|| serde_json::from_slice::<Value>(&answer.body).ok())
            .flatten()
            // A document nested too deeply for protobuf readers goes as bytes.
            .filter(|v| body_depth(v) <= MAX_EVENT_DEPTH);
        let body = match json {
            Some(value) => Some(pb::invoke_response::Body::Json(to_value(&value))),
            None if answer.body.is_empty() => None,
            None => Some(pb::invoke_response::Body::Raw(answer.body.to_vec())),
        };
        Ok(Response::new(pb::InvokeResponse {
            status: i32::from(answer.status.as_u16()),
            headers,
            body,
        }))
    }

    type ListAllStream = futures::stream::BoxStream<'static, Result<pb::ListAllPage, Status>>;

    async fn list_all(
        &self,
        request: Request<pb::ListAllRequest>,
    ) -> Result<Response<Self::ListAllStream>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let granted = request.extensions().get::<Granted>().cloned();
        let req = request.into_inner();
        let (op, caller) = self.authorize(granted.as_ref(), &req.operation_id)?;
        if op.method != Method::GET || op.binary_answer {
            return Err(Error::invalid(
                "operation_id",
                format!(
                    "{} is not a list operation (a GET answering records)",
                    op.id
                ),
            )
            .into());
        }
        if let Some(p) = req
            .query
            .iter()
            .find(|p| matches!(p.name.as_str(), "page" | "perPage" | "pageToken"))
        {
            return Err(Error::invalid(
                "query",
                format!("{} is set by ListAll; use per_page and max_pages", p.name),
            )
            .into());
        }
        let params = path_params(op, &req.path_params)?;
        let per_page = match req.per_page {
            0 => DEFAULT_PER_PAGE,
            n => n,
        };
        let base = query(req.query);
        let rc = account.rc.clone();
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let pages = async move {
            let refs: Vec<(&str, &str)> = params.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let mut page = 1;
            let mut token: Option<String> = None;
            loop {
                let mut query = base.clone();
                match &token {
                    Some(token) => query.push(("pageToken".into(), token.clone())),
                    None => query.push(("page".into(), page.to_string())),
                }
                query.push(("perPage".into(), per_page.to_string()));
                // Each page gets its own deadline: pacing may hold the next one.
                let page_ctx = CallContext {
                    deadline: tokio::time::Instant::now() + PAGE_DEADLINE,
                    caller: Some(caller.clone()),
                    ..ctx.clone()
                };
                let next = match fetch(&rc, &page_ctx, op, &refs, query, page).await {
                    Ok((listed, next)) => {
                        let last = listed.records.is_empty();
                        if tx.send(Ok(listed)).await.is_err() {
                            return; // the caller went away
                        }
                        next.filter(|_| !last)
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e.into())).await;
                        return;
                    }
                };
                match next {
                    Some(next) if req.max_pages == 0 || page < req.max_pages => {
                        token = next;
                        page += 1;
                    }
                    _ => return,
                }
            }
        };
        tokio::spawn(tracing::Instrument::instrument(
            pages,
            tracing::Span::current(),
        ));
        Ok(Response::new(Box::pin(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        )))
    }
}

/// A streamed answer read whole, up to what one message may hold.
async fn read_whole(
    stream: rc_client::stack::body::StreamBody,
    limit: usize,
) -> Result<bytes::Bytes, Error> {
    let mut stream = stream;
    let mut whole = bytes::BytesMut::new();
    while let Some(frame) = stream.frame().await {
        let frame = frame.map_err(|e| {
            Error::Client(rc_client::Error::UpstreamInvalid(format!(
                "the answer could not be read: {e}"
            )))
        })?;
        if let Ok(data) = frame.into_data() {
            if whole.len() + data.len() > limit {
                return Err(Error::TooLarge {
                    field: "body",
                    what: "the answer (download it at the RingCentral-compatible endpoint)",
                    limit,
                });
            }
            whole.extend_from_slice(&data);
        }
    }
    Ok(whole.freeze())
}

/// One page, and how to ask for the next: `Some(None)` by page number,
/// `Some(Some(token))` by RingCentral's page token, `None` when it was the last.
async fn fetch(
    rc: &RingCentral,
    ctx: &CallContext,
    op: &'static Operation,
    params: &[(&str, &str)],
    query: rc_client::Query,
    page: i32,
) -> Result<(pb::ListAllPage, Option<Option<String>>), Error> {
    let answer = rc.invoke(ctx, op, params, query, None).await?.answer;
    if !answer.status.is_success() {
        return Err(rc_client::answer_error(&answer).into());
    }
    let mut value: Value = serde_json::from_slice(&answer.body)
        .map_err(|e| Error::Client(rc_client::Error::UpstreamInvalid(format!("{}: {e}", op.id))))?;
    let Some(Value::Array(records)) = value.get_mut("records").map(Value::take) else {
        return Err(Error::invalid(
            "operation_id",
            format!(
                "{}'s answer has no records: it is not a list operation",
                op.id
            ),
        ));
    };
    let paging = value
        .get("paging")
        .cloned()
        .and_then(|p| serde_json::from_value::<rc_spec::models::PagingInfo>(p).ok());
    let navigation = &value["navigation"];
    let next = if let Some(token) = navigation["nextPageToken"]
        .as_str()
        .or_else(|| value["paging"]["nextPageToken"].as_str())
    {
        Some(Some(token.to_owned()))
    } else {
        navigation.get("nextPage").map(|_| None)
    };
    let records = records
        .into_iter()
        .filter_map(|r| match to_value(&r).kind {
            Some(Kind::StructValue(s)) => Some(s),
            _ => None,
        })
        .collect();
    Ok((
        pb::ListAllPage {
            page,
            records,
            paging: super::convert::paging(paging),
        },
        next,
    ))
}

impl PlatformApi {
    /// Audits a refused call of an operation that changes something.
    fn audit(
        &self,
        ctx: &CallContext,
        op: &'static Operation,
        caller: (Option<&Arc<crate::auth::Caller>>, Option<&str>),
        targets: &[(&str, String)],
        error: &Error,
        created: Option<&str>,
    ) {
        let (caller, account) = caller;
        crate::platform::audit(
            &self.auditor,
            PlatformCall {
                caller,
                account,
                operation: op.id,
                targets,
                result: crate::transcode::code_name(error.grpc_code()),
                created_id: created,
                request_id: &ctx.request_id,
                trace_id: None,
            },
            op,
            ctx.traceparent.as_deref(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_default_only_the_account() {
        let op = &ops::READ_EXTENSION;
        let given = HashMap::from([("extensionId".to_owned(), "101".to_owned())]);
        assert_eq!(
            path_params(op, &given).unwrap(),
            [
                ("accountId", "~".to_owned()),
                ("extensionId", "101".to_owned())
            ]
        );
        assert!(path_params(op, &HashMap::new()).is_err());
        let unknown = HashMap::from([
            ("extensionId".to_owned(), "1".to_owned()),
            ("siteId".to_owned(), "2".to_owned()),
        ]);
        assert!(path_params(op, &unknown).is_err());
    }

    #[test]
    fn json_bodies_keep_whole_numbers_whole() {
        let value = to_value(
            &serde_json::json!({"id": 1234567890123_i64, "rate": 0.5, "on": true, "tags": ["a"]}),
        );
        assert_eq!(
            from_value(&value),
            serde_json::json!({"id": 1234567890123_i64, "rate": 0.5, "on": true, "tags": ["a"]})
        );
    }

    #[test]
    fn raw_bodies_need_one_of_the_operations_media_types() {
        let op = &ops::CREATE_IVR_PROMPT;
        let raw = || Some(pb::invoke_request::Body::Raw(b"--x--".to_vec()));
        assert!(body(op, raw(), "multipart/form-data; boundary=x").is_ok());
        assert!(matches!(
            body(op, raw(), "text/plain"),
            Err(Error::UnsupportedMediaType { .. })
        ));
        assert!(body(op, raw(), "").is_err());
        // The prompt upload takes no JSON either.
        let json = Some(pb::invoke_request::Body::Json(to_value(
            &serde_json::json!({}),
        )));
        assert!(matches!(
            body(op, json, ""),
            Err(Error::UnsupportedMediaType { .. })
        ));
    }
}
