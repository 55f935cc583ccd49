//! PhoneNumberService over gRPC and HTTP/JSON.

use http::StatusCode;
use rc_gateway::proto::v1 as pb;
use serde_json::json;
use tonic::Code;

use crate::harness::{TestGateway, error_info};

#[tokio::test]
async fn account_numbers_are_paged_and_filtered_upstream() {
    let gw = TestGateway::start().await;
    let all = gw
        .phone_numbers()
        .list_phone_numbers(pb::ListPhoneNumbersRequest {
            per_page: 1000,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(all.records.len() > 200);
    let main = all
        .records
        .iter()
        .find(|n| n.usage_type == pb::PhoneNumberUsageType::MainCompanyNumber as i32)
        .unwrap();
    assert!(main.phone_number.starts_with("+1"));
    assert!(main.primary);

    let page = gw.get("/api/phone-numbers?page=2&perPage=10").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.json["records"].as_array().unwrap().len(), 10);
    assert_eq!(page.json["paging"]["page"], 2);
    assert_eq!(page.json["navigation"]["previousPage"]["page"], 1);

    let direct = gw
        .get("/api/phone-numbers?usageType=DirectNumber&perPage=1000")
        .await;
    let records = direct.json["records"].as_array().unwrap();
    assert!(!records.is_empty());
    assert!(records.iter().all(
        |n| n["usageType"] == "PHONE_NUMBER_USAGE_TYPE_DIRECT_NUMBER"
            && n["extension"]["id"].is_string()
    ));

    let fax = gw
        .get("/api/phone-numbers?type=FaxOnly&status=Normal")
        .await;
    let records = fax.json["records"].as_array().unwrap();
    assert!(!records.is_empty());
    assert!(
        records
            .iter()
            .all(|n| n["type"] == "PHONE_NUMBER_TYPE_FAX_ONLY"
                && n["status"] == "PHONE_NUMBER_STATUS_NORMAL")
    );

    let requests = gw.upstream_requests().await;
    let upstream: Vec<&str> = requests
        .iter()
        .filter(|r| r["operation"] == "listAccountPhoneNumbersV2")
        .map(|r| r["query"].as_str().unwrap())
        .collect();
    assert!(
        upstream
            .iter()
            .any(|q| q.contains("usageType=DirectNumber")),
        "{upstream:?}"
    );
    assert!(
        upstream
            .iter()
            .any(|q| q.contains("type=FaxOnly") && q.contains("status=Normal")),
        "{upstream:?}"
    );
}

#[tokio::test]
async fn an_extensions_numbers() {
    let gw = TestGateway::start().await;
    let direct = gw
        .get("/api/phone-numbers?usageType=DirectNumber&perPage=1")
        .await;
    let owner = direct.json["records"][0]["extension"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let numbers = gw
        .phone_numbers()
        .list_extension_phone_numbers(pb::ListExtensionPhoneNumbersRequest {
            extension_id: owner.clone(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!numbers.records.is_empty());
    let number = &numbers.records[0];
    assert_eq!(number.extension.as_ref().unwrap().id, owner);
    assert!(number.features.iter().any(|f| f == "CallerId"));
    assert_eq!(number.payment_type, "Local");
    let http = gw
        .get(&format!("/api/extensions/{owner}/phone-numbers"))
        .await;
    assert_eq!(http.status, StatusCode::OK);
    assert_eq!(http.json["records"][0]["phoneNumber"], number.phone_number);
    assert_eq!(
        gw.get("/api/extensions/12/phone-numbers").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn available_numbers_by_area_code() {
    let gw = TestGateway::start().await;
    let found = gw
        .get("/api/phone-numbers/available?areaCode=650&countryId=1&perPage=10")
        .await;
    assert_eq!(found.status, StatusCode::OK, "{:?}", found.json);
    let records = found.json["records"].as_array().unwrap();
    assert_eq!(records.len(), 10);
    assert!(
        records
            .iter()
            .all(|n| n["phoneNumber"].as_str().unwrap().starts_with("+1650"))
    );
    let grpc = gw
        .phone_numbers()
        .search_available_phone_numbers(pb::SearchAvailablePhoneNumbersRequest {
            area_code: "303".into(),
            per_page: 3,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(grpc.records.len(), 3);
    assert!(grpc.records[0].formatted_phone_number.starts_with("(303)"));
    let bad = gw.get("/api/phone-numbers/available?areaCode=65").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json["field"], "areaCode");
}

#[tokio::test]
async fn without_the_number_lookup_permission_the_search_names_it() {
    let gw = TestGateway::start().await;
    gw.sandbox_admin("/permissions", json!({"revoked": ["NumberLookup"]}))
        .await;
    let err = gw
        .phone_numbers()
        .search_available_phone_numbers(pb::SearchAvailablePhoneNumbersRequest {
            area_code: "650".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(err.message().contains("NumberLookup"), "{}", err.message());
    assert_eq!(error_info(&err)["permission"], "NumberLookup");
    let http = gw.get("/api/phone-numbers/available?areaCode=650").await;
    assert_eq!(http.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(http.json["permission"], "NumberLookup");
    assert_eq!(http.json["errorCode"], "CMN-401");
    // Other calls still work.
    assert_eq!(
        gw.get("/api/phone-numbers?perPage=1").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn bad_phone_number_input_is_refused_before_ringcentral() {
    let gw = TestGateway::start().await;
    for (path, field) in [
        ("/api/phone-numbers?perPage=1001", "perPage"),
        ("/api/phone-numbers?page=-1", "page"),
        ("/api/phone-numbers?usageType=Bogus", "usageType"),
        ("/api/phone-numbers?usageType=NumberPool", "usageType"),
        ("/api/phone-numbers?type=Carrier", "type"),
        ("/api/phone-numbers?status=Lost", "status"),
        (
            "/api/extensions/63000101/phone-numbers?usageType=Inventory",
            "usageType",
        ),
        (
            "/api/extensions/63000101/phone-numbers?perPage=0x10",
            "perPage",
        ),
        ("/api/extensions/x1/phone-numbers", "extensionId"),
        (
            "/api/phone-numbers/available?areaCode=650&perPage=5000",
            "perPage",
        ),
        (
            "/api/phone-numbers/available?areaCode=650&paymentType=Free",
            "paymentType",
        ),
        ("/api/phone-numbers/available", "areaCode"),
    ] {
        let r = gw.get(path).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}: {:?}", r.json);
        assert_eq!(r.json["field"], field, "{path}: {:?}", r.json);
    }
    let err = gw
        .phone_numbers()
        .list_phone_numbers(pb::ListPhoneNumbersRequest {
            usage_type: vec![99],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(error_info(&err)["field"], "usageType");
    let operations = &gw.stats().await["operations"];
    for op in [
        "listAccountPhoneNumbersV2",
        "listExtensionPhoneNumbers",
        "numberPoolLookup",
    ] {
        assert!(
            operations[op].is_null(),
            "{op} reached RingCentral: {operations}"
        );
    }
    // An unknown extension is RingCentral's 404, naming the field.
    let missing = gw.get("/api/extensions/999999/phone-numbers").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json["field"], "extensionId", "{:?}", missing.json);
}
