//! ExtensionService over gRPC and HTTP/JSON against the sandbox.

use http::{Method, StatusCode};
use rc_gateway::proto::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::harness::{TestGateway, error_info};

#[tokio::test]
async fn list_returns_a_ringcentral_page_over_grpc_and_http() {
    let gw = TestGateway::start().await;
    let page = gw
        .extensions()
        .list_extensions(pb::ListExtensionsRequest {
            per_page: 5,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.records.len(), 5);
    let paging = page.paging.unwrap();
    assert_eq!(paging.per_page, 5);
    assert_eq!(paging.page, Some(1));
    assert!(paging.total_elements.unwrap() > 300);
    assert_eq!(page.navigation.unwrap().next_page.unwrap().page, 2);

    let http = gw.get("/api/extensions?perPage=5").await;
    assert_eq!(http.status, StatusCode::OK);
    assert_eq!(http.json["records"].as_array().unwrap().len(), 5);
    assert_eq!(http.json["paging"]["perPage"], 5);
    assert_eq!(http.json["navigation"]["nextPage"]["page"], 2);
    // Canonical proto3 JSON: camelCase names, enum names.
    let first = &http.json["records"][0];
    assert_eq!(first["id"], page.records[0].id);
    assert!(first["extensionNumber"].is_string());
    assert!(
        first["type"]
            .as_str()
            .unwrap()
            .starts_with("EXTENSION_TYPE_")
    );
}

#[tokio::test]
async fn pages_follow_each_other() {
    let gw = TestGateway::start().await;
    let first = gw.get("/api/extensions?perPage=10&page=1").await.json;
    let second = gw.get("/api/extensions?perPage=10&page=2").await.json;
    assert_eq!(second["paging"]["page"], 2);
    assert_eq!(second["paging"]["pageStart"], 10);
    assert_eq!(second["navigation"]["previousPage"]["page"], 1);
    let ids = |v: &serde_json::Value| {
        v["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let (a, b) = (ids(&first), ids(&second));
    assert_eq!(b.len(), 10);
    assert!(a.iter().all(|id| !b.contains(id)), "pages overlap");
}

#[tokio::test]
async fn filters_are_applied_by_ringcentral() {
    let gw = TestGateway::start().await;
    let disabled = gw
        .extensions()
        .list_extensions(pb::ListExtensionsRequest {
            status: vec![pb::ExtensionStatus::Disabled as i32],
            per_page: 1000,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!disabled.records.is_empty());
    assert!(
        disabled
            .records
            .iter()
            .all(|e| e.status == pb::ExtensionStatus::Disabled as i32)
    );

    // Short RingCentral-style enum names work in URLs, as do the proto names.
    for query in ["type=Department", "type=EXTENSION_TYPE_DEPARTMENT"] {
        let queues = gw
            .get(&format!("/api/extensions?{query}&perPage=100"))
            .await;
        assert_eq!(queues.status, StatusCode::OK, "{query}");
        let records = queues.json["records"].as_array().unwrap();
        assert_eq!(records.len(), 12, "{query}");
        assert!(
            records
                .iter()
                .all(|r| r["type"] == "EXTENSION_TYPE_DEPARTMENT")
        );
    }

    let one = gw.get("/api/extensions?extensionNumber=101").await.json;
    assert_eq!(one["records"].as_array().unwrap().len(), 1);
    assert_eq!(one["records"][0]["extensionNumber"], "101");

    let by_email = gw
        .get("/api/extensions?email=jordan.rivera@example.com")
        .await
        .json;
    assert_eq!(by_email["records"][0]["extensionNumber"], "101");

    // The filters went to RingCentral as query parameters, not applied afterwards.
    let requests = gw.upstream_requests().await;
    assert!(requests.iter().any(|r| r["operation"] == "listExtensions"
        && r["query"].as_str().unwrap().contains("type=Department")));
}

#[tokio::test]
async fn get_by_id_and_by_tilde() {
    let gw = TestGateway::start().await;
    let me = gw
        .extensions()
        .get_extension(pb::GetExtensionRequest {
            extension_id: "~".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(me.extension_number, "101");
    assert_eq!(
        me.contact.as_ref().unwrap().first_name.as_deref(),
        Some("Jordan")
    );
    assert!(me.regional_settings.is_some());
    assert!(me.creation_time.is_some());

    let http = gw.get(&format!("/api/extensions/{}", me.id)).await;
    assert_eq!(http.status, StatusCode::OK);
    assert_eq!(http.json["id"], me.id);
    assert_eq!(http.json["contact"]["email"], "jordan.rivera@example.com");
    assert!(http.json["creationTime"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn create_then_read_back() {
    let gw = TestGateway::start().await;
    let created = gw
        .extensions()
        .create_extension(pb::CreateExtensionRequest {
            contact: Some(pb::Contact {
                first_name: Some("Ada".into()),
                last_name: Some("Lovelace".into()),
                email: Some("ada@example.com".into()),
                ..Default::default()
            }),
            extension_number: "4242".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(created.extension_number, "4242");
    assert_eq!(created.r#type, pb::ExtensionType::User as i32);
    assert_eq!(created.status, pb::ExtensionStatus::NotActivated as i32);

    let read = gw
        .get(&format!("/api/extensions/{}", created.id))
        .await
        .json;
    assert_eq!(read["name"], "Ada Lovelace");

    let http = gw
        .call(
            Method::POST,
            "/api/extensions",
            Some(json!({
                "contact": {"firstName": "Support Line", "email": "line@example.com"},
                "extensionNumber": "4343",
                "type": "EXTENSION_TYPE_ANNOUNCEMENT",
            })),
        )
        .await;
    assert_eq!(http.status, StatusCode::OK, "{:?}", http.json);
    assert_eq!(http.json["type"], "EXTENSION_TYPE_ANNOUNCEMENT");

    // A taken number is a conflict.
    let dup = gw
        .call(
            Method::POST,
            "/api/extensions",
            Some(json!({"contact": {"firstName": "B", "email": "b@example.com"}, "extensionNumber": "4242"})),
        )
        .await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
    assert_eq!(dup.json["status"], "ALREADY_EXISTS");
    assert_eq!(dup.json["errorCode"], "CMN-204");
}

#[tokio::test]
async fn create_requires_first_name_and_email() {
    let gw = TestGateway::start().await;
    let err = gw
        .extensions()
        .create_extension(pb::CreateExtensionRequest {
            contact: Some(pb::Contact {
                first_name: Some("No Email".into()),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(error_info(&err)["field"], "contact.email");
    let http = gw
        .call(
            Method::POST,
            "/api/extensions",
            Some(json!({"contact": {"email": "x@example.com"}})),
        )
        .await;
    assert_eq!(http.status, StatusCode::BAD_REQUEST);
    assert_eq!(http.json["field"], "contact.firstName");
    assert_eq!(gw.upstream_calls("createExtension").await, 0);
}

#[tokio::test]
async fn update_changes_only_the_given_fields() {
    let gw = TestGateway::start().await;
    let before = gw.get("/api/extensions?extensionNumber=102").await.json["records"][0].clone();
    let id = before["id"].as_str().unwrap();
    let updated = gw
        .call(
            Method::PUT,
            &format!("/api/extensions/{id}"),
            Some(json!({"contact": {"jobTitle": "Chief Listener"}, "status": "EXTENSION_STATUS_DISABLED"})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.json);
    assert_eq!(updated.json["contact"]["jobTitle"], "Chief Listener");
    assert_eq!(updated.json["status"], "EXTENSION_STATUS_DISABLED");
    assert_eq!(
        updated.json["contact"]["firstName"],
        before["contact"]["firstName"]
    );
    assert_eq!(updated.json["contact"]["email"], before["contact"]["email"]);

    let grpc = gw
        .extensions()
        .update_extension(pb::UpdateExtensionRequest {
            extension_id: id.to_owned(),
            status: pb::ExtensionStatus::Enabled as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(grpc.status, pb::ExtensionStatus::Enabled as i32);
    assert_eq!(
        grpc.contact.unwrap().job_title.as_deref(),
        Some("Chief Listener")
    );

    let nothing = gw
        .call(
            Method::PUT,
            &format!("/api/extensions/{id}"),
            Some(json!({})),
        )
        .await;
    assert_eq!(nothing.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn update_number() {
    let gw = TestGateway::start().await;
    let me = gw.get("/api/extensions/~").await.json;
    let id = me["id"].as_str().unwrap();
    let http = gw
        .call(
            Method::PUT,
            &format!("/api/extensions/{id}/number"),
            Some(json!({"extensionNumber": "1101"})),
        )
        .await;
    assert_eq!(http.status, StatusCode::OK, "{:?}", http.json);
    assert_eq!(http.json["extensionNumber"], "1101");
    let err = gw
        .extensions()
        .update_extension_number(pb::UpdateExtensionNumberRequest {
            extension_id: id.to_owned(),
            extension_number: "12ab".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(error_info(&err)["field"], "extensionNumber");
    // Taken by another extension.
    let taken = gw
        .call(
            Method::PUT,
            &format!("/api/extensions/{id}/number"),
            Some(json!({"extensionNumber": "102"})),
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn unknown_ids_are_not_found_with_ringcentral_error_code() {
    let gw = TestGateway::start().await;
    let err = gw
        .extensions()
        .get_extension(pb::GetExtensionRequest {
            extension_id: "12345".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(error_info(&err)["errorCode"], "CMN-102");
    let http = gw.get("/api/extensions/12345").await;
    assert_eq!(http.status, StatusCode::NOT_FOUND);
    assert_eq!(http.json["status"], "NOT_FOUND");
    assert_eq!(http.json["errorCode"], "CMN-102");
    let request_id = http.headers["x-request-id"].to_str().unwrap();
    assert_eq!(http.json["requestId"], request_id);
}

#[tokio::test]
async fn hostile_ids_never_reach_ringcentral() {
    let gw = TestGateway::start().await;
    for path in [
        "/api/extensions/..%2F..%2Fsites",
        "/api/extensions/1%3Fx=y",
        "/api/extensions/1%2F2",
    ] {
        let http = gw.get(path).await;
        assert_eq!(
            http.status,
            StatusCode::BAD_REQUEST,
            "{path}: {:?}",
            http.json
        );
        assert_eq!(http.json["field"], "extensionId", "{path}");
    }
    // A raw request: HTTP clients would normalize the dot segment away themselves.
    let raw = raw_get(gw.gateway().http_addr, "/api/extensions/%2E%2E").await;
    assert!(raw.starts_with("HTTP/1.1 400"), "{raw}");
    let long = format!("/api/extensions/{}", "9".repeat(500));
    assert_eq!(gw.get(&long).await.status, StatusCode::BAD_REQUEST);
    for id in ["../x", "1?x=y", "", "~~"] {
        let err = gw
            .extensions()
            .get_extension(pb::GetExtensionRequest {
                extension_id: id.into(),
            })
            .await
            .unwrap_err();
        assert_eq!(err.code(), Code::InvalidArgument, "{id:?}");
    }
    assert_eq!(gw.upstream_calls("readExtension").await, 0);
}

/// Sends a GET with the path exactly as given and returns the raw answer.
async fn raw_get(addr: std::net::SocketAddr, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}
