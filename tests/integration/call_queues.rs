//! CallQueueService over gRPC and HTTP/JSON.

use http::{Method, StatusCode};
use rc_gateway::proto::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::harness::{TestGateway, error_info};

/// Ids of a few enabled users.
async fn user_ids(gw: &TestGateway, n: usize) -> Vec<String> {
    let page = gw
        .get(&format!("/api/users?status=Enabled&perPage={n}&page=3"))
        .await;
    page.json["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn member_ids(gw: &TestGateway, queue: &str) -> Vec<String> {
    let members = gw
        .call_queues()
        .list_call_queue_members(pb::ListCallQueueMembersRequest {
            queue_id: queue.to_owned(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    members.records.into_iter().map(|m| m.id).collect()
}

#[tokio::test]
async fn create_with_members_then_manage_them() {
    let gw = TestGateway::start().await;
    let users = user_ids(&gw, 3).await;
    let queue = gw
        .call_queues()
        .create_call_queue(pb::CreateCallQueueRequest {
            name: "Customer Support".into(),
            extension_number: "5000".into(),
            email: "support@example.com".into(),
            members: users[..2]
                .iter()
                .map(|id| pb::CallQueueMember {
                    id: id.clone(),
                    extension_number: String::new(),
                })
                .collect(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(queue.extension_number, "5000");
    assert_eq!(queue.name, "Customer Support");
    let mut members = member_ids(&gw, &queue.id).await;
    members.sort();
    let mut expected = users[..2].to_vec();
    expected.sort();
    assert_eq!(members, expected);
    // It was created as a Department extension, then members were bulk-assigned.
    let ops = gw.stats().await["operations"].clone();
    assert_eq!(ops["createExtension"], 1);
    assert_eq!(ops["assignMultipleCallQueueMembers"], 1);

    // Add one, remove one, over HTTP.
    let r = gw
        .call(
            Method::POST,
            &format!("/api/call-queues/{}/members", queue.id),
            Some(json!({"addedExtensionIds": [users[2]], "removedExtensionIds": [users[0]]})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    let members = member_ids(&gw, &queue.id).await;
    assert!(
        members.contains(&users[2]) && members.contains(&users[1]) && !members.contains(&users[0])
    );

    let listed = gw
        .get(&format!("/api/call-queues/{}/members", queue.id))
        .await;
    assert_eq!(listed.json["records"].as_array().unwrap().len(), 2);
    assert!(listed.json["records"][0]["extensionNumber"].is_string());

    // Only queues with this member.
    let by_member = gw
        .get(&format!("/api/call-queues?memberExtensionId={}", users[2]))
        .await;
    let ids: Vec<&str> = by_member.json["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&queue.id.as_str()));
}

#[tokio::test]
async fn a_failed_member_step_names_the_created_queue() {
    let gw = TestGateway::start().await;
    let err = gw
        .call_queues()
        .create_call_queue(pb::CreateCallQueueRequest {
            name: "Half Done".into(),
            email: "half@example.com".into(),
            members: vec![pb::CallQueueMember {
                id: "99999999".into(),
                extension_number: String::new(),
            }],
            ..Default::default()
        })
        .await
        .unwrap_err();
    let created = error_info(&err)["createdId"].clone();
    assert!(!created.is_empty(), "{err:?}");
    assert!(err.message().contains(&created), "{}", err.message());
    assert!(err.message().contains("members could not be assigned"));
    // RingCentral knows no extension 99999999 (CMN-102).
    assert_eq!(err.code(), Code::NotFound, "the member step's own failure");
    // The queue does exist: nothing is silently half-done.
    let queue = gw.get(&format!("/api/call-queues/{created}")).await;
    assert_eq!(queue.status, StatusCode::OK);

    let http = gw
        .call(
            Method::POST,
            "/api/call-queues",
            Some(json!({"name": "Half Again", "email": "again@example.com", "members": [{"id": "99999998"}]})),
        )
        .await;
    assert_eq!(http.status, StatusCode::NOT_FOUND);
    assert!(http.json["createdId"].is_string(), "{:?}", http.json);
}

#[tokio::test]
async fn list_get_update_delete() {
    let gw = TestGateway::start().await;
    let page = gw.get("/api/call-queues?perPage=5").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.json["records"].as_array().unwrap().len(), 5);
    assert_eq!(page.json["paging"]["totalElements"], 12);
    let id = page.json["records"][0]["id"].as_str().unwrap().to_owned();

    let queue = gw
        .call_queues()
        .get_call_queue(pb::GetCallQueueRequest {
            queue_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(queue.alert_timer, 20);
    assert_eq!(queue.service_level_settings.unwrap().sla_goal, Some(80));

    let updated = gw
        .call(
            Method::PUT,
            &format!("/api/call-queues/{id}"),
            Some(json!({"name": "Escalations", "alertTimer": 30, "status": "EXTENSION_STATUS_DISABLED", "serviceLevelSettings": {"slaGoal": 90}})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.json);
    assert_eq!(updated.json["name"], "Escalations");
    assert_eq!(updated.json["alertTimer"], 30);
    assert_eq!(updated.json["status"], "EXTENSION_STATUS_DISABLED");
    assert_eq!(updated.json["serviceLevelSettings"]["slaGoal"], 90);
    assert_eq!(
        updated.json["serviceLevelSettings"]["slaThresholdSeconds"],
        30
    );

    let bad = gw
        .call(
            Method::PUT,
            &format!("/api/call-queues/{id}"),
            Some(json!({"alertTimer": 7})),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json["field"], "alertTimer");

    let deleted = gw
        .call(Method::DELETE, &format!("/api/call-queues/{id}"), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    let gone = gw.get(&format!("/api/call-queues/{id}")).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    // RingCentral says "groupId"; the caller is told its own field.
    assert_eq!(gone.json["errorCode"], "CMN-102", "{:?}", gone.json);
    assert_eq!(gone.json["field"], "queueId", "{:?}", gone.json);
}

#[tokio::test]
async fn delete_refuses_ids_that_are_not_queues() {
    let gw = TestGateway::start().await;
    let user = gw.get("/api/extensions/~").await.json["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let err = gw
        .call_queues()
        .delete_call_queue(pb::DeleteCallQueueRequest {
            queue_id: user.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(
        gw.get(&format!("/api/extensions/{user}")).await.status,
        StatusCode::OK
    );
    assert_eq!(gw.upstream_calls("deleteExtension").await, 0);
}

#[tokio::test]
async fn bad_queue_input() {
    let gw = TestGateway::start().await;
    for (method, path, body, field) in [
        (Method::GET, "/api/call-queues/abc", None, "queueId"),
        (
            Method::POST,
            "/api/call-queues",
            Some(json!({"email": "a@example.com"})),
            "name",
        ),
        (
            Method::POST,
            "/api/call-queues",
            Some(json!({"name": "No Email"})),
            "email",
        ),
        (
            Method::POST,
            "/api/call-queues",
            Some(json!({"name": "Q", "email": "q@example.com", "members": [{"id": "../1"}]})),
            "members.id",
        ),
        (
            Method::POST,
            "/api/call-queues/123/members",
            Some(json!({})),
            "addedExtensionIds",
        ),
        (
            Method::GET,
            "/api/call-queues?perPage=5000",
            None,
            "perPage",
        ),
    ] {
        let r = gw.call(method.clone(), path, body).await;
        assert_eq!(
            r.status,
            StatusCode::BAD_REQUEST,
            "{method} {path}: {:?}",
            r.json
        );
        assert_eq!(r.json["field"], field, "{method} {path}");
    }
    assert_eq!(gw.upstream_calls("createExtension").await, 0);
}

#[tokio::test]
async fn create_over_http_then_list_update_members_and_delete_over_grpc() {
    let gw = TestGateway::start().await;
    let users = user_ids(&gw, 2).await;
    let created = gw
        .call(
            Method::POST,
            "/api/call-queues",
            Some(
                json!({"name": "Billing", "extensionNumber": "5100", "email": "billing@example.com",
                        "members": [{"id": users[0]}]}),
            ),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.json);
    let id = created.json["id"].as_str().unwrap().to_owned();
    assert_eq!(created.json["extensionNumber"], "5100");
    assert_eq!(member_ids(&gw, &id).await, [users[0].clone()]);

    let mut queues = gw.call_queues();
    let listed = queues
        .list_call_queues(pb::ListCallQueuesRequest {
            per_page: 100,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.paging.unwrap().total_elements, Some(13));
    assert!(
        listed
            .records
            .iter()
            .any(|q| q.id == id && q.name == "Billing")
    );

    let updated = queues
        .update_call_queue(pb::UpdateCallQueueRequest {
            queue_id: id.clone(),
            name: Some("Billing and Payments".into()),
            alert_timer: Some(45),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(updated.name, "Billing and Payments");
    assert_eq!(updated.alert_timer, 45);
    assert_eq!(updated.extension_number, "5100");

    queues
        .update_call_queue_members(pb::UpdateCallQueueMembersRequest {
            queue_id: id.clone(),
            added_extension_ids: vec![users[1].clone()],
            removed_extension_ids: vec![users[0].clone()],
        })
        .await
        .unwrap();
    assert_eq!(member_ids(&gw, &id).await, [users[1].clone()]);

    queues
        .delete_call_queue(pb::DeleteCallQueueRequest {
            queue_id: id.clone(),
        })
        .await
        .unwrap();
    let gone = queues
        .get_call_queue(pb::GetCallQueueRequest { queue_id: id })
        .await
        .unwrap_err();
    assert_eq!(gone.code(), Code::NotFound);
    assert_eq!(error_info(&gone)["field"], "queueId");
}
