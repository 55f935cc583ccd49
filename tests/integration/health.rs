//! Health (own service, grpc.health.v1, probes) and reflection.

use http::StatusCode;
use rc_gateway::proto::v1 as pb;
use tokio_stream::StreamExt;

use crate::harness::TestGateway;

#[tokio::test]
async fn health_check_reports_the_upstream() {
    let gw = TestGateway::start().await;
    let health = gw
        .health()
        .check(pb::CheckRequest {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(health.status, pb::ServingStatus::Serving as i32);
    let upstream = health.upstream.unwrap();
    assert!(upstream.server_url.starts_with("http://127.0.0.1:"));
    assert_eq!(upstream.circuit_breaker, "closed");

    let http = gw.get("/api/health").await;
    assert_eq!(http.status, StatusCode::OK);
    assert_eq!(http.json["status"], "SERVING_STATUS_SERVING");

    let mut grpc_health = tonic_health::pb::health_client::HealthClient::new(gw.channel.clone());
    for service in ["", "rcgateway.v1.ExtensionService"] {
        let answer = grpc_health
            .check(tonic_health::pb::HealthCheckRequest {
                service: service.into(),
            })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            answer.status,
            tonic_health::pb::health_check_response::ServingStatus::Serving as i32
        );
    }

    assert_eq!(
        gw.http
            .get(gw.sidecar("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        gw.http
            .get(gw.sidecar("/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn reflection_lists_the_services_in_v1_and_v1alpha() {
    use tonic_reflection::pb::{v1, v1alpha};
    let gw = TestGateway::start().await;
    let expected = [
        "rcgateway.v1.ExtensionService",
        "rcgateway.v1.UserService",
        "rcgateway.v1.SiteService",
        "rcgateway.v1.HealthService",
        "rcgateway.v1.CallQueueService",
        "rcgateway.v1.PhoneNumberService",
        "rcgateway.v1.CallLogService",
        "rcgateway.v1.SubscriptionService",
        "rcgateway.v1.EventService",
        "rcgateway.v1.PlatformService",
        "grpc.health.v1.Health",
    ];

    let mut client = v1::server_reflection_client::ServerReflectionClient::new(gw.channel.clone());
    let request = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1::server_reflection_request::MessageRequest::ListServices(
            String::new(),
        )),
    };
    let mut stream = client
        .server_reflection_info(tokio_stream::once(request))
        .await
        .unwrap()
        .into_inner();
    let answer = stream.next().await.unwrap().unwrap();
    let Some(v1::server_reflection_response::MessageResponse::ListServicesResponse(list)) =
        answer.message_response
    else {
        panic!("no service list");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for name in expected {
        assert!(names.iter().any(|n| n == name), "{name} not in {names:?}");
    }

    let mut client =
        v1alpha::server_reflection_client::ServerReflectionClient::new(gw.channel.clone());
    let request = v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            v1alpha::server_reflection_request::MessageRequest::ListServices(String::new()),
        ),
    };
    let mut stream = client
        .server_reflection_info(tokio_stream::once(request))
        .await
        .unwrap()
        .into_inner();
    let answer = stream.next().await.unwrap().unwrap();
    let Some(v1alpha::server_reflection_response::MessageResponse::ListServicesResponse(list)) =
        answer.message_response
    else {
        panic!("no service list");
    };
    assert!(
        list.service
            .iter()
            .any(|s| s.name == "rcgateway.v1.ExtensionService")
    );
}
