//! PlatformService: any RingCentral operation by operationId over gRPC (a real tonic
//! client) and HTTP/JSON, against the sandbox.

use std::collections::HashMap;

use http::StatusCode;
use rc_gateway::auth::keys;
use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::platform_service_client::PlatformServiceClient;
use serde_json::{Value, json};
use tonic::Code;
use tonic::transport::Channel;

use crate::harness::{TestGateway, error_info, reply, unthrottled};

fn client(gw: &TestGateway) -> PlatformServiceClient<Channel> {
    PlatformServiceClient::new(gw.channel.clone())
}

fn params(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn invoke(op: &str, path: &[(&str, &str)]) -> pb::InvokeRequest {
    pb::InvokeRequest {
        operation_id: op.to_owned(),
        path_params: params(path),
        ..Default::default()
    }
}

/// The JSON body of an answer.
fn json_of(answer: &pb::InvokeResponse) -> Value {
    match &answer.body {
        Some(pb::invoke_response::Body::Json(v)) => {
            serde_json::to_value(prost_value(v)).expect("a JSON document")
        }
        other => panic!("not a JSON answer: {other:?}"),
    }
}

fn prost_value(v: &prost_types::Value) -> Value {
    use prost_types::value::Kind;
    match &v.kind {
        None | Some(Kind::NullValue(_)) => Value::Null,
        Some(Kind::BoolValue(b)) => json!(b),
        Some(Kind::NumberValue(n)) => json!(n),
        Some(Kind::StringValue(s)) => json!(s),
        Some(Kind::ListValue(l)) => Value::Array(l.values.iter().map(prost_value).collect()),
        Some(Kind::StructValue(s)) => Value::Object(
            s.fields
                .iter()
                .map(|(k, v)| (k.clone(), prost_value(v)))
                .collect(),
        ),
    }
}

#[tokio::test]
async fn invoke_calls_any_operation_and_returns_ringcentrals_answer() {
    let gw = TestGateway::start().await;
    let mut rpc = client(&gw);

    let me = rpc
        .invoke(invoke("readExtension", &[("extensionId", "~")]))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(me.status, 200);
    assert!(me.headers["content-type"].contains("json"), "{me:?}");
    let record = json_of(&me);
    crate::spec_conformance::assert_conforms("GetExtensionInfoResponse", &record);
    let id = record["id"].as_f64().unwrap() as i64;

    // A write with a JSON body, with an idempotency key; audited with what it changed.
    let mut update = invoke("updateExtension", &[("extensionId", &id.to_string())]);
    update.body = Some(pb::invoke_request::Body::Json(
        rc_gateway::events::payload::to_value(&json!({"contact": {"jobTitle": "Dispatcher"}})),
    ));
    update.idempotency_key = "update-1".to_owned();
    let updated = rpc.invoke(update.clone()).await.unwrap().into_inner();
    assert_eq!(updated.status, 200, "{updated:?}");
    assert_eq!(json_of(&updated)["contact"]["jobTitle"], "Dispatcher");
    let again = rpc.invoke(update).await.unwrap().into_inner();
    assert_eq!(json_of(&again), json_of(&updated));
    assert_eq!(gw.upstream_calls("updateExtension").await, 1);
    let records = gw.audit_records();
    let audited = records
        .iter()
        .find(|r| r["method"] == "rc:updateExtension")
        .unwrap_or_else(|| panic!("no audit record: {records:?}"));
    assert_eq!(audited["result"], "OK");
    assert_eq!(audited["targets"]["extensionId"], id.to_string());

    // RingCentral's refusal is an answer, with RingCentral's error body.
    let missing = rpc
        .invoke(invoke("readExtension", &[("extensionId", "999999999")]))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(missing.status, 404);
    assert!(json_of(&missing)["errorCode"].is_string(), "{missing:?}");

    // What the gateway refuses is a gRPC error naming the field.
    for (request, field) in [
        (invoke("noSuchOperation", &[]), "operation_id"),
        (invoke("readExtension", &[]), "path_params"),
        (
            invoke("readExtension", &[("extensionId", "~"), ("siteId", "1")]),
            "path_params",
        ),
        (invoke("getToken", &[]), "operation_id"),
        (
            invoke("readExtension", &[("extensionId", "..")]),
            "extensionId",
        ),
    ] {
        let status = rpc.invoke(request.clone()).await.unwrap_err();
        assert_eq!(
            status.code(),
            Code::InvalidArgument,
            "{request:?}: {status:?}"
        );
        assert_eq!(error_info(&status)["field"], field, "{status:?}");
    }
    let mut raw = invoke("createIVRPrompt", &[]);
    raw.body = Some(pb::invoke_request::Body::Raw(b"hello".to_vec()));
    raw.content_type = "text/plain".to_owned();
    let status = rpc.invoke(raw).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status.message().contains("multipart/form-data"),
        "{status:?}"
    );
}

#[tokio::test]
async fn list_all_pages_through_a_list_operation() {
    let gw = TestGateway::start().await;
    let mut rpc = client(&gw);
    let request = pb::ListAllRequest {
        operation_id: "listExtensions".to_owned(),
        query: vec![pb::QueryParameter {
            name: "type".to_owned(),
            value: "User".to_owned(),
        }],
        per_page: 100,
        ..Default::default()
    };
    let mut stream = rpc.list_all(request.clone()).await.unwrap().into_inner();
    let mut pages = Vec::new();
    while let Some(page) = stream.message().await.unwrap() {
        pages.push(page);
    }
    let records: usize = pages.iter().map(|p| p.records.len()).sum();
    assert_eq!(records, 260, "every user once");
    assert_eq!(pages.len(), 3);
    assert_eq!(pages.iter().map(|p| p.page).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(pages[0].paging.as_ref().unwrap().total_elements, Some(260));
    assert!(pages.iter().flat_map(|p| &p.records).all(|r| {
        matches!(&r.fields["type"].kind, Some(prost_types::value::Kind::StringValue(t)) if t == "User")
    }));

    let first_two = pb::ListAllRequest {
        max_pages: 2,
        ..request.clone()
    };
    let mut stream = rpc.list_all(first_two).await.unwrap().into_inner();
    let mut count = 0;
    while stream.message().await.unwrap().is_some() {
        count += 1;
    }
    assert_eq!(count, 2);

    let paged = pb::ListAllRequest {
        query: vec![pb::QueryParameter {
            name: "page".to_owned(),
            value: "2".to_owned(),
        }],
        ..request.clone()
    };
    let status = rpc.list_all(paged).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let not_a_list = pb::ListAllRequest {
        operation_id: "readExtension".to_owned(),
        path_params: params(&[("extensionId", "~")]),
        ..Default::default()
    };
    let mut stream = rpc.list_all(not_a_list).await.unwrap().into_inner();
    let status = stream.message().await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(status.message().contains("no records"), "{status:?}");
}

#[tokio::test]
async fn platform_calls_over_http_json() {
    let gw = TestGateway::start().await;
    let r = reply(
        gw.http
            .post(gw.url("/api/platform/operations/readExtension:invoke"))
            .json(&json!({"pathParams": {"extensionId": "~"}}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    assert_eq!(r.json["status"], 200);
    assert_eq!(r.json["json"]["extensionNumber"], "101");

    let list = gw
        .http
        .post(gw.url("/api/platform/operations/listSites:list-all"))
        .json(&json!({"perPage": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), StatusCode::OK);
    let text = list.text().await.unwrap();
    let pages: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(pages.len() >= 2, "{text}");
    assert_eq!(pages[0]["page"], 1);
    assert!(pages[0]["records"][0]["id"].is_string(), "{text}");
}

#[tokio::test]
async fn platform_calls_need_the_operations_scope() {
    let reader = keys::generate();
    let one_op = keys::generate();
    let table = format!(
        "id=reader hash={} scopes=extensions:read;id=sites-lister hash={} scopes=op:listSites",
        keys::hash(&reader),
        keys::hash(&one_op)
    );
    let gw = TestGateway::start_with(unthrottled(), &[("AUTH_API_KEYS", &table)]).await;
    let mut rpc = client(&gw);
    let with_key = |key: &str, mut request: tonic::Request<pb::InvokeRequest>| {
        request
            .metadata_mut()
            .insert("x-api-key", key.parse().unwrap());
        request
    };
    let read = rpc
        .invoke(with_key(
            &reader,
            tonic::Request::new(invoke("readExtension", &[("extensionId", "~")])),
        ))
        .await
        .unwrap();
    assert_eq!(read.into_inner().status, 200);

    let before = gw.upstream_requests().await.len();
    let write = rpc
        .invoke(with_key(
            &reader,
            tonic::Request::new(invoke("deleteExtension", &[("extensionId", "102")])),
        ))
        .await
        .unwrap_err();
    assert_eq!(write.code(), Code::PermissionDenied);
    assert!(
        write
            .message()
            .contains("extensions:write or op:deleteExtension"),
        "{write:?}"
    );
    let unauthenticated = rpc
        .invoke(invoke("readExtension", &[("extensionId", "~")]))
        .await
        .unwrap_err();
    assert_eq!(unauthenticated.code(), Code::Unauthenticated);

    // A grant of one operation allows that one only.
    let sites = rpc
        .invoke(with_key(
            &one_op,
            tonic::Request::new(invoke("listSites", &[])),
        ))
        .await
        .unwrap();
    assert_eq!(sites.into_inner().status, 200);
    let site = rpc
        .invoke(with_key(
            &one_op,
            tonic::Request::new(invoke("readSite", &[("siteId", "1")])),
        ))
        .await
        .unwrap_err();
    assert_eq!(site.code(), Code::PermissionDenied);
    // The same grant on the RingCentral-compatible endpoint.
    let compat = |path: &str| {
        gw.http
            .get(gw.url(path))
            .header("authorization", format!("Bearer {one_op}"))
            .send()
    };
    let listed = compat("/restapi/v1.0/account/~/sites").await.unwrap();
    assert_eq!(listed.status(), StatusCode::OK);
    let refused = compat("/restapi/v1.0/account/~/extension").await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // Refused calls never reached RingCentral: only the first listSites did (the
    // compatible endpoint's was answered from the cache they share). The refused delete
    // is audited with its caller.
    let calls = gw.upstream_requests().await.len();
    assert_eq!(calls, before + 1);
    let records = gw.audit_records();
    let refused = records
        .iter()
        .find(|r| r["method"] == "rc:deleteExtension")
        .unwrap_or_else(|| panic!("no audit record: {records:?}"));
    assert_eq!(refused["result"], "PERMISSION_DENIED");
    assert_eq!(refused["caller"], "key:reader");
}
