//! CallLogService over gRPC and HTTP/JSON, the export stream included.

use std::time::{Duration, SystemTime};

use http::StatusCode;
use rc_gateway::proto::v1 as pb;
use tokio_stream::StreamExt;
use tonic::Code;

use crate::harness::TestGateway;

fn ts(time: SystemTime) -> prost_types::Timestamp {
    prost_types::Timestamp::from(time)
}

fn days_ago(days: u64) -> SystemTime {
    SystemTime::now() - Duration::from_secs(days * 86_400)
}

fn rfc3339(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()
}

#[tokio::test]
async fn account_call_log_defaults_to_the_last_day() {
    let gw = TestGateway::start().await;
    let list = gw
        .call_logs()
        .list_call_logs(pb::ListCallLogsRequest::default())
        .await
        .unwrap()
        .into_inner();
    assert!(!list.records.is_empty());
    let day_ago = ts(days_ago(1) - Duration::from_secs(60));
    for r in &list.records {
        assert!(r.start_time.as_ref().unwrap().seconds >= day_ago.seconds);
        assert!(!r.id.is_empty() && !r.session_id.is_empty());
        assert!(r.direction != 0 && r.r#type != 0 && !r.action.is_empty());
        assert!(r.from.is_some() && r.to.is_some());
    }
    // Newest first.
    assert!(
        list.records
            .windows(2)
            .all(|w| w[0].start_time.as_ref().unwrap().seconds
                >= w[1].start_time.as_ref().unwrap().seconds)
    );
}

#[tokio::test]
async fn filters_and_paging_over_http() {
    let gw = TestGateway::start().await;
    let from = rfc3339(days_ago(14));
    let to = rfc3339(days_ago(7));
    let r = gw
        .get(&format!("/api/analytics/call-logs?dateFrom={from}&dateTo={to}&direction=Inbound&type=Voice&perPage=50&page=2"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    let records = r.json["records"].as_array().unwrap();
    assert_eq!(records.len(), 50);
    assert_eq!(r.json["paging"]["page"], 2);
    for record in records {
        assert_eq!(record["direction"], "CALL_DIRECTION_INBOUND");
        assert_eq!(record["type"], "CALL_TYPE_VOICE");
        let start = record["startTime"].as_str().unwrap();
        assert!(start >= from.as_str() && start <= to.as_str(), "{start}");
    }
    // A recording link where there is a recording.
    let month = gw
        .get(&format!(
            "/api/analytics/call-logs?dateFrom={}&perPage=1000",
            rfc3339(days_ago(30))
        ))
        .await;
    let recorded = month.json["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["recording"].is_object())
        .expect("some calls are recorded");
    assert!(
        recorded["recording"]["contentUri"]
            .as_str()
            .unwrap()
            .contains("/recording/")
    );
}

#[tokio::test]
async fn one_extensions_calls_and_one_record() {
    let gw = TestGateway::start().await;
    let month = gw
        .get(&format!(
            "/api/analytics/call-logs?dateFrom={}&perPage=5",
            rfc3339(days_ago(30))
        ))
        .await;
    let record = month.json["records"][0].clone();
    let owner = record["extensionId"].as_str().unwrap();
    let mine = gw
        .get(&format!(
            "/api/analytics/call-logs/extension/{owner}?dateFrom={}&perPage=1000",
            rfc3339(days_ago(56))
        ))
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    let records = mine.json["records"].as_array().unwrap();
    assert!(records.iter().all(|r| r["extensionId"] == owner));
    assert!(records.iter().any(|r| r["id"] == record["id"]));

    let id = record["id"].as_str().unwrap();
    let simple = gw.get(&format!("/api/analytics/call-logs/{id}")).await;
    assert_eq!(simple.status, StatusCode::OK);
    assert_eq!(simple.json["sessionId"], record["sessionId"]);
    assert!(
        simple
            .json
            .get("legs")
            .is_none_or(|l| l.as_array().unwrap().is_empty())
    );
    let detailed = gw
        .call_logs()
        .get_call_log_record(pb::GetCallLogRecordRequest {
            record_id: id.to_owned(),
            view: pb::CallLogView::Detailed as i32,
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!detailed.legs.is_empty());
}

#[tokio::test]
async fn bad_call_log_input() {
    let gw = TestGateway::start().await;
    let from = rfc3339(days_ago(1));
    let to = rfc3339(days_ago(2));
    // A range that ends before it starts holds no calls: an empty page, and
    // RingCentral is not asked.
    let empty = gw
        .get(&format!(
            "/api/analytics/call-logs?dateFrom={from}&dateTo={to}"
        ))
        .await;
    assert_eq!(empty.status, StatusCode::OK, "{:?}", empty.json);
    assert_eq!(empty.json["records"], serde_json::json!([]));
    for (path, field) in [
        (
            "/api/analytics/call-logs?dateFrom=yesterday".to_owned(),
            "dateFrom",
        ),
        (
            "/api/analytics/call-logs?perPage=1001".to_owned(),
            "perPage",
        ),
        (
            "/api/analytics/call-logs?direction=Sideways".to_owned(),
            "direction",
        ),
        ("/api/analytics/call-logs?view=Verbose".to_owned(), "view"),
        ("/api/analytics/call-logs/a%2Cb".to_owned(), "recordId"),
        (
            "/api/analytics/call-logs/extension/x1".to_owned(),
            "extensionId",
        ),
    ] {
        let r = gw.get(&path).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}: {:?}", r.json);
        assert_eq!(r.json["field"], field, "{path}");
    }
    let missing = gw.get("/api/analytics/call-logs/NoSuchRecord1").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json["field"], "recordId", "{:?}", missing.json);
    let stats = gw.stats().await;
    assert_eq!(
        stats["operations"]["readCompanyCallLog"],
        serde_json::Value::Null,
        "no list reached RingCentral: {stats}"
    );
    let no_from = gw
        .call_logs()
        .export_call_logs(pb::ExportCallLogsRequest::default())
        .await
        .unwrap_err();
    assert_eq!(no_from.code(), Code::InvalidArgument);

    // A timestamp RFC 3339 cannot write (the year 10000 and later) is refused, and the
    // connection stays usable.
    let far = prost_types::Timestamp {
        seconds: 253_402_300_800,
        nanos: 0,
    };
    for request in [
        pb::ListCallLogsRequest {
            date_from: Some(far),
            ..Default::default()
        },
        pb::ListCallLogsRequest {
            date_to: Some(prost_types::Timestamp {
                seconds: i64::MAX,
                nanos: 0,
            }),
            ..Default::default()
        },
    ] {
        let status = gw.call_logs().list_call_logs(request).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert!(status.message().contains("year 10000"), "{status:?}");
    }
    let status = gw
        .call_logs()
        .export_call_logs(pb::ExportCallLogsRequest {
            date_from: Some(far),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        gw.call_logs()
            .list_call_logs(pb::ListCallLogsRequest::default())
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn export_streams_every_record_of_the_range() {
    let gw = TestGateway::start().await;
    let from = days_ago(5);
    let to = days_ago(2);
    let total = gw
        .get(&format!(
            "/api/analytics/call-logs?dateFrom={}&dateTo={}&perPage=1",
            rfc3339(from),
            rfc3339(to)
        ))
        .await
        .json["paging"]["totalElements"]
        .as_u64()
        .unwrap();
    assert!(total > 150);
    let mut stream = gw
        .call_logs()
        .export_call_logs(pb::ExportCallLogsRequest {
            date_from: Some(ts(from)),
            date_to: Some(ts(to)),
            per_page: 100,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let mut ids = std::collections::HashSet::new();
    while let Some(record) = stream.next().await {
        ids.insert(record.unwrap().id);
    }
    assert_eq!(ids.len() as u64, total, "every record once");
    assert_eq!(
        gw.upstream_calls("readCompanyCallLog").await,
        1 + total.div_ceil(100)
    );

    // NDJSON over HTTP.
    let path = format!(
        "/api/analytics/call-logs:export?dateFrom={}&dateTo={}&perPage=500",
        rfc3339(from),
        rfc3339(to)
    );
    let response = gw.http.get(gw.url(&path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/x-ndjson");
    let body = response.text().await.unwrap();
    let lines: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, total);
    assert!(
        lines
            .iter()
            .all(|l| l["id"].is_string() && l.get("error").is_none())
    );

    // Server-Sent Events.
    let response = gw
        .http
        .get(gw.url(&path))
        .header("accept", "text/event-stream")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let body = response.text().await.unwrap();
    assert_eq!(body.matches("data: ").count() as u64, total);
}

#[tokio::test]
async fn exporting_a_month_is_paced_within_the_heavy_limit() {
    // RingCentral's Heavy group at 3 requests a second; the gateway starts from its
    // default budget and learns the real limit from the first answer's headers.
    let mut config = rc_sandbox::SandboxConfig::default();
    for (group, limit) in config.limits.iter_mut() {
        if *group == rc_spec::ops::ThrottleGroup::Heavy {
            limit.limit = 3;
            limit.window = Duration::from_secs(1);
            limit.penalty = Duration::from_secs(1);
        }
    }
    let gw = TestGateway::start_with(config, &[]).await;
    let started = std::time::Instant::now();
    let mut stream = gw
        .call_logs()
        .export_call_logs(pb::ExportCallLogsRequest {
            date_from: Some(ts(days_ago(30))),
            per_page: 200,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let mut count = 0u64;
    while let Some(record) = stream.next().await {
        record.expect("no error in the stream");
        count += 1;
    }
    let stats = gw.stats().await;
    let pages = count.div_ceil(200);
    assert!(count > 2500, "a month of records: {count}");
    assert_eq!(
        stats["groups"]["Heavy"]["throttled"], 0,
        "zero upstream 429s: {stats}"
    );
    assert_eq!(
        stats["operations"]["readCompanyCallLog"].as_u64(),
        Some(pages)
    );
    // More pages than the limit allows at once: the export had to wait for slots.
    assert!(
        started.elapsed() >= Duration::from_secs(pages / 3 - 1),
        "paced: {:?}",
        started.elapsed()
    );
}
