//! Caller authentication (API keys, JWTs, client certificates), scopes, per-caller
//! rate shares, hostile input and the audit trail, on gRPC and HTTP/JSON alike.

use std::sync::Arc;
use std::time::Duration;

use http::{Method, StatusCode};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rc_gateway::auth::keys;
use rc_gateway::proto::v1 as pb;
use rc_gateway::proto::v1::extension_service_client::ExtensionServiceClient;
use serde_json::{Value, json};
use tonic::Code;
use tonic::transport::Channel;

use crate::harness::{TestGateway, error_info, reply, unthrottled};
use crate::process;
use crate::prometheus::Scrape;

/// A request with metadata.
fn with<T>(message: T, pairs: &[(&'static str, &str)]) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    for (k, v) in pairs {
        request.metadata_mut().insert(*k, v.parse().unwrap());
    }
    request
}

fn get_ext(id: &str) -> pb::GetExtensionRequest {
    pb::GetExtensionRequest {
        extension_id: id.into(),
    }
}

fn new_extension() -> pb::CreateExtensionRequest {
    pb::CreateExtensionRequest {
        contact: Some(pb::Contact {
            first_name: Some("Audit".into()),
            email: Some(format!(
                "audit-{}@example.com",
                uuid::Uuid::new_v4().simple()
            )),
            ..Default::default()
        }),
        ..Default::default()
    }
}

async fn http_with(
    gw: &TestGateway,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> crate::harness::Reply {
    let mut request = gw.http.request(method, gw.url(path));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    reply(request.send().await.unwrap()).await
}

async fn scrape(gw: &TestGateway) -> Scrape {
    gw.scrape().await
}

#[tokio::test]
async fn api_keys_and_scopes_on_grpc_and_http() {
    let reader = keys::generate();
    let admin = keys::generate();
    let table = format!(
        "id=reader hash={} scopes=extensions:read; id=admin hash={} scopes=*",
        keys::hash(&reader),
        keys::hash(&admin)
    );
    let gw = TestGateway::start_with(unthrottled(), &[("AUTH_API_KEYS", &table)]).await;
    let before_calls = gw.upstream_calls("readExtension").await;
    let before = scrape(&gw).await;
    let mut ext = gw.extensions();

    // No credentials, a wrong key: UNAUTHENTICATED / 401.
    let err = ext.get_extension(get_ext("~")).await.unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated, "{err:?}");
    let r = gw.get("/api/extensions/~").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json["status"], "UNAUTHENTICATED");
    assert!(
        r.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let err = ext
        .get_extension(with(get_ext("~"), &[("x-api-key", "rcgw_not-a-key")]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated);
    let r = http_with(
        &gw,
        Method::GET,
        "/api/extensions/~",
        &[("authorization", "Bearer nope")],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // The hash itself is not a key.
    let r = http_with(
        &gw,
        Method::GET,
        "/api/extensions/~",
        &[("x-api-key", &keys::hash(&reader))],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // The reader reads, by either header, on both protocols.
    let bearer = format!("Bearer {reader}");
    let me = ext
        .get_extension(with(get_ext("~"), &[("authorization", &bearer)]))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(me.extension_number, "101");
    let r = http_with(
        &gw,
        Method::GET,
        "/api/extensions/~",
        &[("x-api-key", &reader)],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);

    // ... but may not write, nor read another domain: PERMISSION_DENIED / 403 naming
    // the scope.
    let err = ext
        .create_extension(with(new_extension(), &[("x-api-key", &reader)]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::PermissionDenied);
    assert_eq!(error_info(&err)["scope"], "extensions:write");
    let r = http_with(
        &gw,
        Method::POST,
        "/api/extensions",
        &[("x-api-key", &reader)],
        Some(json!({"contact": {"firstName": "X", "email": "x@example.com"}})),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json["scope"], "extensions:write");
    let r = http_with(
        &gw,
        Method::GET,
        "/api/sites",
        &[("x-api-key", &reader)],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json["scope"], "sites:read");

    // The admin key may do anything.
    let r = http_with(
        &gw,
        Method::GET,
        "/api/sites",
        &[("x-api-key", &admin)],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);

    // Health and /metrics are public by default; reflection is not.
    let mut health = tonic_health::pb::health_client::HealthClient::new(gw.channel.clone());
    health
        .check(tonic_health::pb::HealthCheckRequest::default())
        .await
        .unwrap();
    gw.health()
        .check(pb::CheckRequest::default())
        .await
        .unwrap();
    assert_eq!(gw.get("/api/health").await.status, StatusCode::OK);
    let mut reflection =
        tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient::new(
            gw.channel.clone(),
        );
    let listing = tonic_reflection::pb::v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            tonic_reflection::pb::v1::server_reflection_request::MessageRequest::ListServices(
                String::new(),
            ),
        ),
    };
    let err = reflection
        .server_reflection_info(tokio_stream::once(listing.clone()))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::Unauthenticated);
    let mut stream = reflection
        .server_reflection_info(with(tokio_stream::once(listing), &[("x-api-key", &admin)]))
        .await
        .unwrap()
        .into_inner();
    assert!(stream.message().await.unwrap().is_some());

    // Refused calls never reached RingCentral, and were counted by reason.
    // Two reads went through: one to RingCentral, one from the cache.
    assert_eq!(gw.upstream_calls("readExtension").await, before_calls + 1);
    assert_eq!(gw.upstream_calls("createExtension").await, 0);
    assert_eq!(gw.upstream_calls("listSites").await, 1, "the admin's only");
    let after = scrape(&gw).await;
    let denied = |reason: &str| {
        after.sum("auth_denied_total", &[("reason", reason)])
            - before.sum("auth_denied_total", &[("reason", reason)])
    };
    assert_eq!(denied("missing_credentials"), 3.0);
    assert_eq!(denied("unknown_key"), 3.0);
    assert_eq!(denied("insufficient_scope"), 3.0);
}

#[tokio::test]
async fn metrics_can_require_a_scope() {
    let ops = keys::generate();
    let table = format!("id=ops hash={} scopes=metrics:read", keys::hash(&ops));
    let gw = TestGateway::start_with(
        unthrottled(),
        &[("AUTH_API_KEYS", &table), ("AUTH_PUBLIC", "health")],
    )
    .await;
    let metrics = gw.http.get(gw.sidecar("/metrics")).send().await.unwrap();
    assert_eq!(metrics.status(), StatusCode::UNAUTHORIZED);
    let metrics = gw
        .http
        .get(gw.sidecar("/metrics"))
        .bearer_auth(&ops)
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), StatusCode::OK);
    // Probes stay open.
    let ready = gw.http.get(gw.sidecar("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    // metrics:read grants nothing else.
    let r = http_with(&gw, Method::GET, "/api/sites", &[("x-api-key", &ops)], None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

fn jwt(algorithm: Algorithm, key: &EncodingKey, claims: Value) -> String {
    jsonwebtoken::encode(&Header::new(algorithm), &claims, key).unwrap()
}

fn now() -> u64 {
    jsonwebtoken::get_current_timestamp()
}

/// Accepts good tokens and refuses bad ones, over gRPC and HTTP.
async fn check_jwts(gw: &TestGateway, algorithm: Algorithm, key: &EncodingKey) {
    let claims = |extra: Value| {
        let mut c = json!({"sub": "billing-svc", "iss": "https://idp.example", "aud": "rc-gateway",
                           "exp": now() + 300, "scope": "extensions:read"});
        for (k, v) in extra.as_object().unwrap() {
            c[k] = v.clone();
        }
        c
    };
    let good = jwt(algorithm, key, claims(json!({})));
    let bearer = format!("Bearer {good}");
    let mut ext = gw.extensions();
    ext.get_extension(with(get_ext("~"), &[("authorization", &bearer)]))
        .await
        .unwrap();
    let r = http_with(
        gw,
        Method::GET,
        "/api/extensions/~",
        &[("authorization", &bearer)],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    let r = http_with(
        gw,
        Method::GET,
        "/api/sites",
        &[("authorization", &bearer)],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "scope claim is honoured");

    for (bad, why) in [
        (claims(json!({"exp": now() - 120})), "expired"),
        (claims(json!({"iss": "https://evil.example"})), "issuer"),
        (claims(json!({"aud": "another-service"})), "audience"),
        (claims(json!({"nbf": now() + 600})), "nbf"),
    ] {
        let token = format!("Bearer {}", jwt(algorithm, key, bad));
        let err = ext
            .get_extension(with(get_ext("~"), &[("authorization", &token)]))
            .await
            .unwrap_err();
        assert_eq!(err.code(), Code::Unauthenticated, "{why}");
        let r = http_with(
            gw,
            Method::GET,
            "/api/extensions/~",
            &[("authorization", &token)],
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{why}: {:?}", r.json);
    }
    // A token signed by someone else.
    let forged = jwt(
        Algorithm::HS256,
        &EncodingKey::from_secret(b"a-secret-the-gateway-does-not-know!!"),
        claims(json!({})),
    );
    let r = http_with(
        gw,
        Method::GET,
        "/api/extensions/~",
        &[("authorization", &format!("Bearer {forged}"))],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn jwts_signed_with_hs256_rs256_and_es256() {
    let common = [
        ("AUTH_JWT_ISSUER", "https://idp.example"),
        ("AUTH_JWT_AUDIENCE", "rc-gateway"),
        ("AUTH_JWT_LEEWAY", "5s"),
    ];
    let secret = "a-shared-secret-of-at-least-32-bytes";
    let mut env = common.to_vec();
    env.push(("AUTH_JWT_SECRET", secret));
    let gw = TestGateway::start_with(unthrottled(), &env).await;
    check_jwts(
        &gw,
        Algorithm::HS256,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .await;
    drop(gw);

    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/jwt");
    for (algorithm, name) in [(Algorithm::RS256, "rs256"), (Algorithm::ES256, "es256")] {
        let public = format!("{data}/{name}-pub.pem");
        let mut env = common.to_vec();
        let alg = format!("{algorithm:?}");
        env.push(("AUTH_JWT_ALGORITHM", &alg));
        env.push(("AUTH_JWT_PUBLIC_KEY_FILE", &public));
        let gw = TestGateway::start_with(unthrottled(), &env).await;
        let private = std::fs::read(format!("{data}/{name}-key.pem")).unwrap();
        let key = match algorithm {
            Algorithm::RS256 => EncodingKey::from_rsa_pem(&private).unwrap(),
            _ => EncodingKey::from_ec_pem(&private).unwrap(),
        };
        check_jwts(&gw, algorithm, &key).await;
    }
}

mod mtls {
    use super::*;

    fn file(name: &str) -> String {
        format!("{}/tests/data/tls/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    fn pem(name: &str) -> Vec<u8> {
        std::fs::read(file(name)).unwrap()
    }

    fn http_client(identity: Option<(&str, &str)>) -> reqwest::Client {
        // Installs the process's TLS provider.
        rc_gateway::http_client();
        let mut builder = reqwest::Client::builder()
            .tls_certs_only([reqwest::Certificate::from_pem(&pem("ca.pem")).unwrap()]);
        if let Some((cert, key)) = identity {
            let mut both = pem(cert);
            both.extend(pem(key));
            builder = builder.identity(reqwest::Identity::from_pem(&both).unwrap());
        }
        builder.build().unwrap()
    }

    /// A gRPC channel over TLS, with or without a client certificate.
    async fn grpc_channel(
        addr: std::net::SocketAddr,
        identity: Option<(&str, &str)>,
    ) -> Result<Channel, tonic::transport::Error> {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_slice(&pem("ca.pem")).unwrap())
            .unwrap();
        let builder = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots);
        let mut config = match identity {
            Some((cert, key)) => builder
                .with_client_auth_cert(
                    vec![CertificateDer::from_pem_slice(&pem(cert)).unwrap()],
                    PrivateKeyDer::from_pem_slice(&pem(key)).unwrap(),
                )
                .unwrap(),
            None => builder.with_no_client_auth(),
        };
        config.alpn_protocols = vec![b"h2".to_vec()];
        let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
        tonic::transport::Endpoint::from_shared(format!("http://localhost:{}", addr.port()))
            .unwrap()
            .connect_with_connector(tower::service_fn(move |_: http::Uri| {
                let connector = connector.clone();
                async move {
                    let tcp = tokio::net::TcpStream::connect(addr).await?;
                    let tls = connector
                        .connect(ServerName::try_from("localhost").unwrap(), tcp)
                        .await?;
                    Ok::<_, std::io::Error>(hyper_util::rt::TokioIo::new(tls))
                }
            }))
            .await
    }

    #[tokio::test]
    async fn client_certificates_on_grpc_and_http() {
        let (cert, key, ca) = (file("server.pem"), file("server-key.pem"), file("ca.pem"));
        let gw = TestGateway::start_with(
            unthrottled(),
            &[
                ("TLS_CERT_FILE", &cert),
                ("TLS_KEY_FILE", &key),
                ("TLS_CLIENT_CA_FILE", &ca),
            ],
        )
        .await;
        let http = gw.gateway().http_addr;
        let url = format!("https://localhost:{}/api/extensions/~", http.port());

        // HTTP: the CA's client gets in; no certificate, or one from another CA, does not.
        let good = http_client(Some(("client.pem", "client-key.pem")));
        let answer = good.get(&url).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK);
        assert!(http_client(None).get(&url).send().await.is_err());
        let rogue = http_client(Some(("rogue-client.pem", "rogue-client-key.pem")));
        assert!(rogue.get(&url).send().await.is_err());
        // Plain HTTP on the TLS port goes nowhere.
        assert!(
            gw.http
                .get(format!("http://{http}/api/extensions/~"))
                .send()
                .await
                .is_err()
        );

        // gRPC: the same.
        let grpc = gw.gateway().grpc_addr;
        let channel = grpc_channel(grpc, Some(("client.pem", "client-key.pem")))
            .await
            .unwrap();
        let me = ExtensionServiceClient::new(channel)
            .get_extension(get_ext("~"))
            .await
            .unwrap()
            .into_inner();
        assert_eq!(me.extension_number, "101");
        let refused = match grpc_channel(grpc, None).await {
            Err(_) => true,
            Ok(channel) => ExtensionServiceClient::new(channel)
                .get_extension(get_ext("~"))
                .await
                .is_err(),
        };
        assert!(refused, "no client certificate, no call");

        // The certificate names the caller in the audit trail.
        let created = good
            .post(format!("https://localhost:{}/api/sites", http.port()))
            .json(&json!({"name": "mTLS site", "extensionNumber": "7101"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            created.status(),
            StatusCode::OK,
            "{:?}",
            created.text().await
        );
        let record = gw
            .audit_records()
            .into_iter()
            .find(|r| r["method"] == "/rcgateway.v1.SiteService/CreateSite")
            .expect("an audit record");
        assert!(
            record["caller"].as_str().unwrap().starts_with("cert:"),
            "{record}"
        );
    }
}

#[tokio::test]
async fn a_key_with_a_share_cannot_spend_the_whole_budget() {
    let noisy = keys::generate();
    let other = keys::generate();
    let table = format!(
        "id=noisy hash={} scopes=* share=0.2; id=other hash={} scopes=*",
        keys::hash(&noisy),
        keys::hash(&other)
    );
    // RingCentral's own limits on (Heavy: 10 per minute); no cache.
    let gw = TestGateway::start_with(
        rc_sandbox::SandboxConfig::default(),
        &[("AUTH_API_KEYS", &table), ("CACHE_TTL", "0")],
    )
    .await;
    let mut logs = rc_gateway::proto::v1::call_log_service_client::CallLogServiceClient::new(
        gw.channel.clone(),
    );
    let list = |key: &str| {
        let mut request = with(
            pb::ListCallLogsRequest {
                per_page: 1,
                ..Default::default()
            },
            &[("x-api-key", key)],
        );
        request.set_timeout(Duration::from_millis(800));
        request
    };
    // 20% of 10: two calls a minute.
    for _ in 0..2 {
        logs.list_call_logs(list(&noisy)).await.unwrap();
    }
    let err = logs.list_call_logs(list(&noisy)).await.unwrap_err();
    assert_eq!(err.code(), Code::ResourceExhausted, "{err:?}");
    assert!(err.message().contains("key:noisy"), "{}", err.message());
    assert!(err.metadata().get("retry-after").is_some());
    // The rest of the budget is still there for others.
    for _ in 0..5 {
        logs.list_call_logs(list(&other)).await.unwrap();
    }
    let after = scrape(&gw).await;
    assert_eq!(
        after.sum(
            "rate_limit_hits_total",
            &[("group", "Heavy"), ("source", "caller")]
        ),
        1.0
    );
    assert_eq!(
        after.sum(
            "rate_limit_hits_total",
            &[("group", "Heavy"), ("source", "upstream")]
        ),
        0.0
    );
}

#[tokio::test]
async fn hostile_ids_never_reach_ringcentral() {
    let gw = TestGateway::start().await;
    gw.get("/api/extensions/~").await;
    let before = gw.stats().await["operations"].clone();
    let long = "9".repeat(5000);
    for path in [
        "/api/extensions/..%2F..%2Faccount",
        "/api/extensions/%2E%2E",
        "/api/extensions/1%2F2",
        "/api/extensions/1%3Fx=y",
        "/api/extensions/1%23frag",
        "/api/extensions/%00",
        "/api/extensions/-1",
        "/api/sites/main-site%2F..",
        "/api/call-queues/1%20OR%201=1",
        "/api/webhooks/subscriptions/..%2F..%2Fextension",
        &format!("/api/extensions/{long}"),
    ] {
        let r = gw.get(path).await;
        assert!(
            r.status == StatusCode::BAD_REQUEST || r.status == StatusCode::NOT_FOUND,
            "{path}: {} {:?}",
            r.status,
            r.json
        );
    }
    let mut ext = gw.extensions();
    for id in ["../../account", "1/2", "1?x=y", "%2F", "~/x", "", &long] {
        let err = ext.get_extension(get_ext(id)).await.unwrap_err();
        assert_eq!(err.code(), Code::InvalidArgument, "{id:?}");
    }
    assert_eq!(
        gw.stats().await["operations"],
        before,
        "nothing was sent to RingCentral"
    );
}

#[tokio::test]
async fn oversized_requests_are_refused() {
    let gw = TestGateway::start_with(
        unthrottled(),
        &[
            ("HTTP_MAX_BODY_BYTES", "4096"),
            ("GRPC_MAX_MESSAGE_BYTES", "4096"),
            ("MAX_HEADER_BYTES", "8192"),
        ],
    )
    .await;
    let big = "x".repeat(10_000);
    let r = gw
        .call(
            Method::POST,
            "/api/extensions",
            Some(json!({"contact": {"firstName": big, "email": "x@example.com"}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{:?}", r.json);
    let mut request = new_extension();
    request.contact.as_mut().unwrap().first_name = Some(big.clone());
    let err = gw.extensions().create_extension(request).await.unwrap_err();
    assert_eq!(err.code(), Code::ResourceExhausted, "{err:?}");
    // A header block over the limit: 431, and nothing reaches RingCentral.
    let reads = gw.upstream_calls("readExtension").await;
    let answer = gw
        .http
        .get(gw.url("/api/extensions/63000104"))
        .header("x-padding", "y".repeat(20_000))
        .send()
        .await
        .expect("an answer, not a dropped connection");
    assert_eq!(answer.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    let err = gw
        .extensions()
        .get_extension(with(
            get_ext("63000104"),
            &[("x-padding", &"y".repeat(20_000))],
        ))
        .await
        .unwrap_err();
    assert_ne!(err.code(), Code::Ok);
    assert_eq!(gw.upstream_calls("readExtension").await, reads);
    assert_eq!(gw.upstream_calls("createExtension").await, 0);
}

#[tokio::test]
async fn what_needs_no_credentials_is_configurable() {
    let key = keys::generate();
    let table = format!("id=any hash={} scopes=*", keys::hash(&key));
    let listing = || {
        tokio_stream::once(tonic_reflection::pb::v1::ServerReflectionRequest {
            host: String::new(),
            message_request: Some(
                tonic_reflection::pb::v1::server_reflection_request::MessageRequest::ListServices(
                    String::new(),
                ),
            ),
        })
    };
    for (public, health_open, reflection_open, metrics_open) in [
        ("reflection", false, true, false),
        ("none", false, false, false),
        ("health,reflection,metrics", true, true, true),
    ] {
        let gw = TestGateway::start_with(
            unthrottled(),
            &[("AUTH_API_KEYS", &table), ("AUTH_PUBLIC", public)],
        )
        .await;
        let code = |ok: bool| if ok { Code::Ok } else { Code::Unauthenticated };
        let mut health = tonic_health::pb::health_client::HealthClient::new(gw.channel.clone());
        let answer = health
            .check(tonic_health::pb::HealthCheckRequest::default())
            .await;
        assert_eq!(
            answer.err().map_or(Code::Ok, |e| e.code()),
            code(health_open),
            "{public}"
        );
        let answer = gw.health().check(pb::CheckRequest::default()).await;
        assert_eq!(
            answer.err().map_or(Code::Ok, |e| e.code()),
            code(health_open),
            "{public}"
        );
        let http_health = gw.get("/api/health").await.status;
        assert_eq!(
            http_health.is_success(),
            health_open,
            "{public}: {http_health}"
        );
        let mut reflection =
            tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient::new(
                gw.channel.clone(),
            );
        let answer = reflection.server_reflection_info(listing()).await;
        assert_eq!(
            answer.err().map_or(Code::Ok, |e| e.code()),
            code(reflection_open),
            "{public}"
        );
        let metrics = gw.http.get(gw.sidecar("/metrics")).send().await.unwrap();
        assert_eq!(metrics.status().is_success(), metrics_open, "{public}");
        // A key opens all of them.
        health
            .check(with(
                tonic_health::pb::HealthCheckRequest::default(),
                &[("x-api-key", &key)],
            ))
            .await
            .unwrap();
        reflection
            .server_reflection_info(with(listing(), &[("x-api-key", &key)]))
            .await
            .unwrap();
        let metrics = gw
            .http
            .get(gw.sidecar("/metrics"))
            .header("x-api-key", &key)
            .send()
            .await
            .unwrap();
        assert_eq!(metrics.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn subscriptions_cannot_point_ringcentral_elsewhere() {
    let gw = TestGateway::start().await;
    let err = gw
        .subscriptions()
        .create_subscription(pb::CreateSubscriptionRequest {
            event_filters: vec!["/restapi/v1.0/account/~/presence".into()],
            delivery_mode: Some(pb::DeliveryMode {
                address: "https://attacker.example.com/hook".into(),
                ..Default::default()
            }),
            expires_in: 0,
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Code::InvalidArgument);
    assert_eq!(error_info(&err)["field"], "deliveryMode.address");
    let r = gw
        .call(
            Method::POST,
            "/api/webhooks/subscriptions",
            Some(json!({"eventFilters": ["/restapi/v1.0/account/~/presence"],
                        "deliveryMode": {"transportType": "WebHook", "address": "https://attacker.example.com/hook"}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.json);
    assert_eq!(r.json["field"], "deliveryMode.address");
    assert_eq!(gw.upstream_calls("createSubscription").await, 0);
}

#[tokio::test]
async fn mutations_are_audited_and_reads_are_not() {
    let writer = keys::generate();
    let reader = keys::generate();
    let table = format!(
        "id=writer hash={} scopes=*; id=reader hash={} scopes=*:read",
        keys::hash(&writer),
        keys::hash(&reader)
    );
    let gw = TestGateway::start_with(unthrottled(), &[("AUTH_API_KEYS", &table)]).await;
    let w = [("x-api-key", writer.as_str())];
    // Reads: no records.
    http_with(&gw, Method::GET, "/api/extensions?perPage=2", &w, None).await;
    gw.extensions()
        .get_extension(with(get_ext("~"), &[("x-api-key", &writer)]))
        .await
        .unwrap();
    assert!(gw.audit_records().is_empty(), "{:?}", gw.audit_records());

    // A create over gRPC, an update over HTTP, members, a subscription, a refusal.
    let created = gw
        .extensions()
        .create_extension(with(
            new_extension(),
            &[("x-api-key", &writer), ("x-request-id", "audit-create-1")],
        ))
        .await
        .unwrap()
        .into_inner();
    let r = http_with(
        &gw,
        Method::PUT,
        "/api/sites/900000101",
        &[("x-api-key", &writer), ("x-request-id", "audit-site-1")],
        Some(json!({"name": "Renamed by audit test"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    let r = http_with(
        &gw,
        Method::POST,
        "/api/call-queues/63000361/members",
        &w,
        Some(json!({"addedExtensionIds": ["63000104"]})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    let r = http_with(
        &gw,
        Method::DELETE,
        "/api/sites/123",
        &[("x-api-key", &reader)],
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let subscribed = http_with(
        &gw,
        Method::POST,
        "/api/webhooks/subscriptions",
        &w,
        Some(json!({"eventFilters": ["/restapi/v1.0/account/~/presence"]})),
    )
    .await;
    assert_eq!(subscribed.status, StatusCode::OK, "{:?}", subscribed.json);
    // No credentials at all: refused, and recorded as such.
    let r = http_with(&gw, Method::DELETE, "/api/sites/124", &[], None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    let records = gw.audit_records();
    let find = |method: &str| -> Value {
        records
            .iter()
            .find(|r| r["method"] == format!("/rcgateway.v1.{method}"))
            .unwrap_or_else(|| panic!("no record for {method}: {records:?}"))
            .clone()
    };
    let create = find("ExtensionService/CreateExtension");
    assert_eq!(create["caller"], "key:writer");
    assert_eq!(create["result"], "OK");
    assert_eq!(create["created_id"], created.id);
    assert_eq!(create["request_id"], "audit-create-1");
    assert_eq!(create["logger"], "audit");
    assert!(create["timestamp"].as_str().unwrap().ends_with('Z'));
    let site = find("SiteService/UpdateSite");
    assert_eq!(site["targets"]["site_id"], "900000101");
    assert_eq!(site["request_id"], "audit-site-1");
    let members = find("CallQueueService/UpdateCallQueueMembers");
    assert_eq!(members["targets"]["queue_id"], "63000361");
    assert_eq!(
        members["targets"]["added_extension_ids"],
        json!(["63000104"])
    );
    let deletes: Vec<&Value> = records
        .iter()
        .filter(|r| r["method"] == "/rcgateway.v1.SiteService/DeleteSite")
        .collect();
    assert_eq!(deletes.len(), 2, "{records:?}");
    assert_eq!(deletes[0]["caller"], "key:reader");
    assert_eq!(deletes[0]["result"], "PERMISSION_DENIED");
    assert_eq!(deletes[0]["targets"]["site_id"], "123");
    assert_eq!(deletes[1]["result"], "UNAUTHENTICATED");
    assert_eq!(deletes[1]["targets"]["site_id"], "124");
    let subscription = find("SubscriptionService/CreateSubscription");
    assert_eq!(subscription["result"], "OK");
    assert_eq!(subscription["created_id"], subscribed.json["id"]);
    assert_eq!(records.len(), 6, "{records:?}");
}

#[tokio::test]
async fn no_authentication_means_no_start_unless_asked_for() {
    let sandbox = rc_sandbox::start(
        unthrottled(),
        tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap(),
    )
    .await
    .unwrap();
    let url = sandbox.url();
    let data = crate::harness::TempDir::new();
    let env = [
        ("RC_SERVER_URL", url.as_str()),
        ("RC_CLIENT_ID", rc_sandbox::DEFAULT_CLIENT_ID),
        ("RC_CLIENT_SECRET", rc_sandbox::DEFAULT_CLIENT_SECRET),
        ("RC_JWT", rc_sandbox::DEFAULT_JWT),
        ("DATA_DIR", data.path()),
        ("GRPC_ADDR", "127.0.0.1:0"),
        ("HTTP_ADDR", "127.0.0.1:0"),
        ("SIDECAR_ADDR", "127.0.0.1:0"),
        ("LOG_FORMAT", "json"),
    ];
    let (code, output) = process::run(&["serve"], &env);
    assert_eq!(code, Some(64), "{output}");
    assert!(
        output.contains("AUTH_API_KEYS") && output.contains("--insecure-no-auth"),
        "{output}"
    );
    let gateway = process::spawn(&["serve", "--insecure-no-auth"], &env[..5]);
    gateway
        .log_line(|l| {
            l["level"] == "WARN"
                && l["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("caller authentication is OFF"))
        })
        .await;
    // A bad key table stops the start and names the variable.
    let mut bad = env.to_vec();
    bad.push(("AUTH_API_KEYS", "id=x hash=sha256:00 scopes=*"));
    let (code, output) = process::run(&["serve"], &bad);
    assert_eq!(code, Some(64));
    assert!(output.contains("AUTH_API_KEYS"), "{output}");
    // keygen makes an entry the gateway accepts.
    let (code, out) = process::run(
        &["keygen", "--id", "billing", "--scopes", "extensions:read"],
        &[],
    );
    assert_eq!(code, Some(0));
    let key = out.lines().find_map(|l| l.strip_prefix("key:   ")).unwrap();
    let entry = out.lines().find_map(|l| l.strip_prefix("entry: ")).unwrap();
    assert!(key.starts_with("rcgw_"));
    assert_eq!(
        entry,
        format!("id=billing hash={} scopes=extensions:read", keys::hash(key))
    );
    sandbox.stop().await;
}
