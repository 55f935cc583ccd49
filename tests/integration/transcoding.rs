//! The HTTP/JSON surface: request parsing, error bodies, OpenAPI and docs.

use http::{Method, StatusCode};
use serde_json::json;

use crate::harness::{TestGateway, reply};

#[tokio::test]
async fn malformed_json_is_a_400_naming_the_body() {
    let gw = TestGateway::start().await;
    let response = gw
        .http
        .post(gw.url("/api/extensions"))
        .header("content-type", "application/json")
        .body("{\"contact\": ")
        .send()
        .await
        .unwrap();
    let r = reply(response).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["status"], "INVALID_ARGUMENT");
    assert!(
        r.json["message"]
            .as_str()
            .unwrap()
            .contains("not valid JSON"),
        "{:?}",
        r.json
    );
}

#[tokio::test]
async fn wrong_types_and_unknown_fields_name_the_field() {
    let gw = TestGateway::start().await;
    let r = gw
        .call(
            Method::POST,
            "/api/extensions",
            Some(json!({"contact": {"firstName": 5, "email": "a@b.co"}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["field"], "contact.firstName", "{:?}", r.json);

    let r = gw
        .call(
            Method::POST,
            "/api/extensions",
            Some(json!({"contact": {"firstName": "A", "email": "a@b.co"}, "color": "red"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.json["message"].as_str().unwrap().contains("color"),
        "{:?}",
        r.json
    );

    let r = gw
        .call(Method::POST, "/api/extensions", Some(json!({"contact": {"firstName": "A", "email": "a@b.co"}, "type": "EXTENSION_TYPE_MARTIAN"})))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["field"], "type", "{:?}", r.json);
}

#[tokio::test]
async fn query_parameters_are_checked() {
    let gw = TestGateway::start().await;
    let cases = [
        ("/api/extensions?perPage=abc", "perPage"),
        ("/api/extensions?perPage=1001", "perPage"),
        ("/api/extensions?perPage=0&page=-1", "page"),
        ("/api/extensions?status=Sleeping", "status"),
        ("/api/extensions?colour=blue", "colour"),
    ];
    for (path, field) in cases {
        let r = gw.get(path).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}: {:?}", r.json);
        assert_eq!(r.json["field"], field, "{path}: {:?}", r.json);
        assert!(r.json["requestId"].is_string());
    }
    assert_eq!(gw.upstream_calls("listExtensions").await, 0);
}

#[tokio::test]
async fn oversized_and_non_json_bodies_are_refused() {
    let gw = TestGateway::start().await;
    let big = "x".repeat(2 * 1024 * 1024);
    let r = reply(
        gw.http
            .post(gw.url("/api/extensions"))
            .header("content-type", "application/json")
            .body(format!("{{\"contact\":{{\"firstName\":\"{big}\"}}}}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.json["field"], "body");

    let r = reply(
        gw.http
            .post(gw.url("/api/extensions"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("a=b")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(gw.upstream_calls("createExtension").await, 0);
}

#[tokio::test]
async fn unknown_routes_and_methods() {
    let gw = TestGateway::start().await;
    let r = gw.get("/api/nothing-here").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json["status"], "NOT_FOUND");
    let r = gw.call(Method::DELETE, "/api/extensions", None).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.headers["allow"].to_str().unwrap().contains("GET"));
    let r = gw.call(Method::GET, "/api/health", None).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn request_ids_are_echoed_or_created() {
    let gw = TestGateway::start().await;
    let response = gw
        .http
        .get(gw.url("/api/extensions/~"))
        .header("x-request-id", "caller-chosen-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "caller-chosen-42");
    let requests = gw.upstream_requests().await;
    assert!(
        requests
            .iter()
            .any(|r| r["headers"]["x-request-id"] == "caller-chosen-42"),
        "the request id reaches RingCentral"
    );
    let response = gw
        .http
        .get(gw.url("/api/extensions/~"))
        .send()
        .await
        .unwrap();
    let made_up = response.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(made_up.len(), 36);
}

#[tokio::test]
async fn openapi_document_lists_every_route() {
    let gw = TestGateway::start().await;
    let doc = gw.get("/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    assert_eq!(doc.json["openapi"], "3.0.3");
    let paths = doc.json["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/extensions", "get"),
        ("/api/extensions", "post"),
        ("/api/extensions/{extensionId}", "put"),
        ("/api/extensions/{extensionId}/number", "put"),
        ("/api/users", "get"),
        ("/api/sites/{siteId}", "delete"),
        ("/api/health", "get"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path} missing");
    }
    let list = &paths["/api/extensions"]["get"];
    let params: Vec<&str> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(
        params.contains(&"perPage") && params.contains(&"status"),
        "{params:?}"
    );
    let schema = &doc.json["components"]["schemas"]["rcgateway.v1.Extension"]["properties"];
    assert_eq!(schema["creationTime"]["format"], "date-time");

    let docs = gw.http.get(gw.url("/docs")).send().await.unwrap();
    assert_eq!(docs.status(), StatusCode::OK);
    assert!(docs.text().await.unwrap().contains("/openapi.json"));
}
