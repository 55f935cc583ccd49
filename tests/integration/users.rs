//! UserService: users are extensions of type User, filtered by RingCentral.

use http::StatusCode;
use rc_gateway::proto::v1 as pb;

use crate::harness::TestGateway;

#[tokio::test]
async fn lists_only_users_filtered_upstream() {
    let gw = TestGateway::start().await;
    let page = gw
        .users()
        .list_users(pb::ListUsersRequest {
            per_page: 1000,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.records.len(), 260);
    assert!(
        page.records
            .iter()
            .all(|u| u.r#type == pb::ExtensionType::User as i32)
    );
    // RingCentral's own paging counts users only: the filter was applied upstream.
    assert_eq!(page.paging.unwrap().total_elements, Some(260));
    let requests = gw.upstream_requests().await;
    let list = requests
        .iter()
        .find(|r| r["operation"] == "listExtensions")
        .unwrap();
    assert!(
        list["query"].as_str().unwrap().contains("type=User"),
        "{list}"
    );
}

#[tokio::test]
async fn user_filters_and_paging_over_http() {
    let gw = TestGateway::start().await;
    let r = gw.get("/api/users?perPage=7&page=2&status=Enabled").await;
    assert_eq!(r.status, StatusCode::OK);
    let records = r.json["records"].as_array().unwrap();
    assert_eq!(records.len(), 7);
    assert!(
        records.iter().all(
            |u| u["status"] == "EXTENSION_STATUS_ENABLED" && u["type"] == "EXTENSION_TYPE_USER"
        )
    );
    assert_eq!(r.json["paging"]["page"], 2);
    let one = gw.get("/api/users?extensionNumber=101").await;
    assert_eq!(one.json["records"][0]["name"], "Jordan Rivera");
    // A queue's number is not a user.
    let none = gw.get("/api/users?extensionNumber=500").await;
    assert_eq!(none.status, StatusCode::OK, "{:?}", none.json);
    assert_eq!(none.json["paging"]["totalElements"], 0);
    assert_eq!(none.json["records"], serde_json::json!([]));
}
