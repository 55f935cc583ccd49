//! SiteService over gRPC and HTTP/JSON.

use http::{Method, StatusCode};
use rc_gateway::proto::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::harness::{TestGateway, error_info};

#[tokio::test]
async fn list_includes_the_main_site() {
    let gw = TestGateway::start().await;
    let sites = gw
        .sites()
        .list_sites(pb::ListSitesRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(sites.records.len(), 5);
    assert_eq!(sites.records[0].id, "main-site");
    assert_eq!(sites.records[0].name, "Headquarters");
    let http = gw.get("/api/sites?perPage=2").await;
    assert_eq!(http.json["records"].as_array().unwrap().len(), 2);
    assert_eq!(http.json["paging"]["totalElements"], 5);
}

#[tokio::test]
async fn create_read_update_delete() {
    let gw = TestGateway::start().await;
    let created = gw
        .sites()
        .create_site(pb::CreateSiteRequest {
            name: "Austin Office".into(),
            extension_number: "2005".into(),
            caller_id_name: "Acme Austin".into(),
            business_address: Some(pb::BusinessAddress {
                city: Some("Austin".into()),
                state: Some("TX".into()),
                country: Some("US".into()),
                ..Default::default()
            }),
            site_access: pb::SiteAccess::Limited as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!created.id.is_empty());
    assert_eq!(created.site_access, pb::SiteAccess::Limited as i32);

    let read = gw.get(&format!("/api/sites/{}", created.id)).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json["businessAddress"]["city"], "Austin");

    let updated = gw
        .call(
            Method::PUT,
            &format!("/api/sites/{}", created.id),
            Some(json!({"name": "Austin HQ"})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.json);
    assert_eq!(updated.json["name"], "Austin HQ");
    assert_eq!(updated.json["extensionNumber"], "2005");

    let deleted = gw
        .call(Method::DELETE, &format!("/api/sites/{}", created.id), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.json, json!({}));
    let gone = gw
        .sites()
        .get_site(pb::GetSiteRequest {
            site_id: created.id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(gone.code(), Code::NotFound);
    assert_eq!(error_info(&gone)["errorCode"], "CMN-102");
    gw.stop().await;
}

#[tokio::test]
async fn bad_site_input() {
    let gw = TestGateway::start().await;
    let r = gw.call(Method::DELETE, "/api/sites/main-site", None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["field"], "siteId");
    let r = gw
        .call(
            Method::POST,
            "/api/sites",
            Some(json!({"extensionNumber": "2010"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["field"], "name");
    let r = gw
        .call(Method::POST, "/api/sites", Some(json!({"name": "X", "extensionNumber": "2011", "callerIdName": "a name far too long"})))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["field"], "callerIdName");
    let r = gw.get("/api/sites/42").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // A number taken by an extension.
    let r = gw
        .call(
            Method::POST,
            "/api/sites",
            Some(json!({"name": "Y", "extensionNumber": "101"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(gw.upstream_calls("deleteSite").await, 0);
}

#[tokio::test]
async fn create_over_http_then_read_update_delete_over_grpc() {
    let gw = TestGateway::start().await;
    let created = gw
        .call(
            Method::POST,
            "/api/sites",
            Some(json!({"name": "Denver Office", "extensionNumber": "2006",
                        "businessAddress": {"city": "Denver", "state": "CO", "country": "US"}})),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.json);
    let id = created.json["id"].as_str().unwrap().to_owned();
    assert_eq!(created.json["name"], "Denver Office");

    let read = gw
        .sites()
        .get_site(pb::GetSiteRequest {
            site_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(read.extension_number, "2006");
    assert_eq!(
        read.business_address.unwrap().city.as_deref(),
        Some("Denver")
    );

    let updated = gw
        .sites()
        .update_site(pb::UpdateSiteRequest {
            site_id: id.clone(),
            name: Some("Denver Tech Center".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(updated.name, "Denver Tech Center");
    assert_eq!(
        updated.extension_number, "2006",
        "fields not given are kept"
    );
    assert_eq!(
        gw.get(&format!("/api/sites/{id}")).await.json["name"],
        "Denver Tech Center"
    );

    gw.sites()
        .delete_site(pb::DeleteSiteRequest {
            site_id: id.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        gw.get(&format!("/api/sites/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    let again = gw
        .sites()
        .delete_site(pb::DeleteSiteRequest { site_id: id })
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::NotFound);
}
