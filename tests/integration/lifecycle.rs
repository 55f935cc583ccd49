//! Start-up checks and graceful shutdown of the real binary.

use std::time::Duration;

use http::StatusCode;
use serde_json::json;

use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::extension_service_client::ExtensionServiceClient;

use crate::harness::unthrottled;
use crate::process;

#[tokio::test]
async fn sigterm_lets_in_flight_calls_finish_then_exits_zero() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sandbox = rc_sandbox::start(unthrottled(), listener).await.unwrap();
    let url = sandbox.url();
    let mut gateway = process::spawn(
        &["serve", "--insecure-no-auth"],
        &[
            ("RC_SERVER_URL", &url),
            ("RC_CLIENT_ID", rc_sandbox::DEFAULT_CLIENT_ID),
            ("RC_CLIENT_SECRET", rc_sandbox::DEFAULT_CLIENT_SECRET),
            ("RC_JWT", rc_sandbox::DEFAULT_JWT),
            ("SHUTDOWN_GRACE_PERIOD", "10"),
        ],
    );
    let http = rc_gateway::http_client();
    // Log in first, then make RingCentral slow.
    let warm = http
        .get(format!("http://{}/api/extensions/~", gateway.http))
        .send()
        .await
        .unwrap();
    assert_eq!(warm.status(), StatusCode::OK);
    http.post(format!("{url}/_sandbox/faults"))
        .json(&json!({"latencyMs": 1500}))
        .send()
        .await
        .unwrap();

    let slow = tokio::spawn({
        let http = http.clone();
        let address = format!("http://{}/api/extensions/63000102", gateway.http);
        async move { http.get(address).send().await }
    });
    let channel = gateway.channel().await;
    let slow_grpc = tokio::spawn(async move {
        ExtensionServiceClient::new(channel)
            .get_extension(pb::GetExtensionRequest {
                extension_id: "63000103".into(),
            })
            .await
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    process::terminate(&gateway.child);

    let answer = slow.await.unwrap().expect("the in-flight call is answered");
    assert_eq!(answer.status(), StatusCode::OK);
    let answer = slow_grpc
        .await
        .unwrap()
        .expect("the in-flight gRPC call is answered");
    assert_eq!(answer.into_inner().id, "63000103");
    let status = process::wait(&mut gateway.child, Duration::from_secs(15)).await;
    assert_eq!(status.code(), Some(0));
    let refused = http
        .get(format!("http://{}/api/extensions/~", gateway.http))
        .send()
        .await;
    assert!(refused.is_err(), "no longer accepting");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_call_longer_than_the_grace_period_does_not_hold_the_exit() {
    let mut gateway = process::spawn(
        &["serve", "--sandbox"],
        &[
            ("SANDBOX_ADDR", "127.0.0.1:0"),
            ("SHUTDOWN_GRACE_PERIOD", "1"),
        ],
    );
    let http = rc_gateway::http_client();
    let warm = http
        .get(format!("http://{}/api/sites", gateway.http))
        .send()
        .await
        .unwrap();
    assert_eq!(warm.status(), StatusCode::OK);
    http.post(format!("{}/_sandbox/faults", gateway.upstream))
        .json(&json!({"latencyMs": 20000}))
        .send()
        .await
        .unwrap();
    let stuck = tokio::spawn({
        let http = http.clone();
        let address = format!("http://{}/api/extensions/63000102", gateway.http);
        async move { http.get(address).send().await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Ctrl-C this time: the same shutdown as SIGTERM.
    let asked = tokio::time::Instant::now();
    process::interrupt(&gateway.child);
    let status = process::wait(&mut gateway.child, Duration::from_secs(10)).await;
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "{:?}",
        asked.elapsed()
    );
    assert_eq!(status.code(), Some(0));
    assert!(
        gateway
            .logs()
            .iter()
            .any(|l| l["message"] == "calls still running after the grace period; stopping anyway")
    );
    // The caller sees its connection end, not a hang.
    let _ = tokio::time::timeout(Duration::from_secs(5), stuck)
        .await
        .expect("the stuck caller is released");
}

#[tokio::test]
async fn serve_sandbox_needs_no_account() {
    let mut gateway = process::spawn(&["serve", "--sandbox"], &[("SANDBOX_ADDR", "127.0.0.1:0")]);
    let http = rc_gateway::http_client();
    let page: serde_json::Value = http
        .get(format!("http://{}/api/extensions?perPage=5", gateway.http))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page["records"].as_array().unwrap().len(), 5);
    let ready = http
        .get(format!("http://{}/readyz", gateway.sidecar))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    let channel = gateway.channel().await;
    let mut health = tonic_health::pb::health_client::HealthClient::new(channel);
    let serving = health
        .check(tonic_health::pb::HealthCheckRequest {
            service: String::new(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        serving.status,
        tonic_health::pb::health_check_response::ServingStatus::Serving as i32
    );
    // The container health check: the binary probes its own readiness.
    let sidecar_port = gateway.sidecar.rsplit(':').next().unwrap().to_owned();
    let sidecar_addr = format!("0.0.0.0:{sidecar_port}");
    let (code, stderr) = process::run(&["healthcheck"], &[("SIDECAR_ADDR", &sidecar_addr)]);
    assert_eq!(code, Some(0), "{stderr}");
    process::terminate(&gateway.child);
    assert_eq!(
        process::wait(&mut gateway.child, Duration::from_secs(15))
            .await
            .code(),
        Some(0)
    );
    let url = format!("http://{}/readyz", gateway.sidecar);
    let (code, _) = process::run(&["healthcheck", "--url", &url], &[]);
    assert_eq!(code, Some(1), "a stopped gateway is not healthy");
}

#[test]
fn missing_credentials_refuse_to_start() {
    let (code, stderr) = process::run(&["serve"], &[]);
    assert_eq!(code, Some(64));
    assert!(stderr.contains("RC_CLIENT_ID"), "{stderr}");
    assert!(stderr.contains("--sandbox"), "{stderr}");
}

#[test]
fn bad_settings_name_the_variable() {
    for (var, value) in [
        ("GRPC_ADDR", "nowhere"),
        ("RC_REQUEST_TIMEOUT", "soon"),
        ("LOG_FORMAT", "xml"),
    ] {
        let (code, stderr) = process::run(&["serve", "--sandbox"], &[(var, value)]);
        assert_eq!(code, Some(64), "{var}");
        assert!(stderr.contains(var), "{var}: {stderr}");
    }
}
