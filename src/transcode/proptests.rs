//! Hostile input for the HTTP/JSON side: arbitrary paths against every route
//! template, arbitrary query strings and bodies against every route's request
//! parser. Parsing either succeeds or fails with INVALID_ARGUMENT; it never panics.

use proptest::prelude::*;
use std::sync::LazyLock;

use super::request;
use super::rules::{self, Route};
use crate::error::Error;

static ROUTES: LazyLock<Vec<Route>> = LazyLock::new(|| {
    rules::load(crate::proto::pool(), crate::proto::PACKAGE).expect("routes load")
});

/// Paths built from route-like pieces, percent-escapes and junk.
fn path() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        Just("api".to_owned()),
        Just("extensions".to_owned()),
        Just("call-queues".to_owned()),
        Just("members".to_owned()),
        Just("~".to_owned()),
        Just("..".to_owned()),
        Just("%2F".to_owned()),
        Just("%2e%2e".to_owned()),
        Just("%".to_owned()),
        Just("%zz".to_owned()),
        Just("%00".to_owned()),
        "[0-9]{1,25}",
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    (
        prop::collection::vec(segment, 0..6),
        prop::option::of(":[a-z]{0,8}"),
    )
        .prop_map(|(segments, verb)| format!("/{}{}", segments.join("/"), verb.unwrap_or_default()))
}

fn json_text() -> impl Strategy<Value = Vec<u8>> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        "-?[0-9]{1,30}(\\.[0-9]{1,5})?(e[0-9]{1,4})?",
        "\"[ -~]{0,20}\"",
        Just("\"\\ud800\"".to_owned()),
    ];
    let value = leaf.prop_recursive(3, 20, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("contact".to_owned()),
                        Just("firstName".to_owned()),
                        Just("first_name".to_owned()),
                        Just("email".to_owned()),
                        Just("type".to_owned()),
                        Just("status".to_owned()),
                        Just("perPage".to_owned()),
                        Just("eventFilters".to_owned()),
                        Just("addedExtensionIds".to_owned()),
                        Just("deliveryMode".to_owned()),
                        "[a-zA-Z_]{1,10}",
                    ],
                    inner
                ),
                0..4
            )
            .prop_map(|kv| {
                let fields: Vec<String> = kv
                    .into_iter()
                    .map(|(k, v)| format!("\"{k}\":{v}"))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    });
    prop_oneof![
        value.prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..200),
    ]
}

fn query() -> impl Strategy<Value = Option<String>> {
    let pair = (
        prop_oneof![
            Just("page".to_owned()),
            Just("perPage".to_owned()),
            Just("per_page".to_owned()),
            Just("type".to_owned()),
            Just("status".to_owned()),
            Just("dateFrom".to_owned()),
            Just("extensionNumber".to_owned()),
            Just("types".to_owned()),
            Just("afterOffset".to_owned()),
            "[a-zA-Z_.%]{0,12}",
        ],
        prop_oneof![
            "-?[0-9]{1,22}",
            Just("USER".to_owned()),
            Just("2026-01-01T00:00:00Z".to_owned()),
            "[ -~]{0,20}",
            "%[0-9A-Fa-f]{0,2}",
        ],
    )
        .prop_map(|(k, v)| format!("{k}={v}"));
    prop::option::of(prop::collection::vec(pair, 0..5).prop_map(|p| p.join("&")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_path_matches_or_not_without_panicking(path in path()) {
        for route in ROUTES.iter() {
            if let Some(bindings) = route.template.matches(&path) {
                if route.template.source().contains("**") {
                    continue;
                }
                for (_, value) in bindings {
                    // A single-segment variable is the decoding of exactly one segment
                    // (an encoded "%2F" decodes to "/", as google.api.http says; ids are
                    // then checked, and escaped again when they become RingCentral paths).
                    let decoded = |raw: &str| {
                        percent_encoding::percent_decode_str(raw)
                            .decode_utf8()
                            .map(|d| d.into_owned())
                            .ok()
                    };
                    prop_assert!(
                        path.split('/').any(|seg| {
                            decoded(seg).as_deref() == Some(value.as_str())
                                || decoded(seg.split(':').next().unwrap_or("")).as_deref()
                                    == Some(value.as_str())
                        }),
                        "{path}: {value:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn any_path_variables_query_and_body_parse_or_fail_cleanly(
        index in 0..64usize,
        values in prop::collection::vec(prop_oneof!["[ -~]{0,30}", "\\PC{0,8}", "[0-9]{1,40}", Just("~".to_owned())], 3),
        query in query(),
        body in json_text(),
    ) {
        let route = &ROUTES[index % ROUTES.len()];
        // The route's own template with each variable replaced by an escaped value.
        let mut path = String::new();
        let mut values = values.iter();
        let mut rest = route.template.source();
        while let Some(open) = rest.find('{') {
            path.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
            let value = values.next().map_or("", String::as_str);
            path.push_str(&percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string());
            rest = &rest[close..];
        }
        path.push_str(rest);
        if let Some(bindings) = route.template.matches(&path) {
            match request::build(route, bindings, query.as_deref(), &body) {
                Ok(_) => {}
                Err(Error::InvalidArgument { .. }) => {}
                Err(other) => prop_assert!(false, "{path}: {other:?}"),
            }
        }
    }

    #[test]
    fn any_query_and_body_parse_or_fail_cleanly(
        index in 0..64usize,
        query in query(),
        body in json_text(),
    ) {
        let route = &ROUTES[index % ROUTES.len()];
        match request::build(route, Vec::new(), query.as_deref(), &body) {
            Ok(_) => {}
            Err(Error::InvalidArgument { .. }) => {}
            Err(other) => prop_assert!(false, "{}: {other:?}", route.template.source()),
        }
    }

    #[test]
    fn ringcentral_error_bodies_always_parse(
        status in 400u16..600,
        body in json_text(),
        retry_after in prop::option::of("[ -~]{0,20}"),
    ) {
        let status = http::StatusCode::from_u16(status).unwrap();
        let mut headers = http::HeaderMap::new();
        if let Some(value) = retry_after.and_then(|v| http::HeaderValue::from_str(&v).ok()) {
            headers.insert(http::header::RETRY_AFTER, value);
        }
        let parsed = rc_spec::error_body::parse(status, &headers, &body);
        prop_assert_eq!(parsed.status, status);
        // Whatever came in, the caller's error maps to a status.
        let _ = Error::Client(rc_client::Error::Upstream(Box::new(parsed))).to_status();
    }

    #[test]
    fn ringcentral_models_and_rate_headers_never_panic(
        body in json_text(),
        limit in "[ -~]{0,12}",
        remaining in "[ -~]{0,12}",
    ) {
        use rc_spec::models;
        let _ = serde_json::from_slice::<models::ExtensionInfo>(&body);
        let _ = serde_json::from_slice::<models::CallLogRecord>(&body);
        let _ = serde_json::from_slice::<models::SubscriptionInfo>(&body);
        let mut headers = http::HeaderMap::new();
        for (name, value) in [("x-rate-limit-limit", &limit), ("x-rate-limit-remaining", &remaining)] {
            if let Ok(value) = http::HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        }
        let _ = rc_client::stack::rate_budget::observed(&headers);
    }

    #[test]
    fn caller_credentials_and_key_tables_never_panic(
        authorization in "[ -~]{0,80}",
        api_key in "[ -~]{0,80}",
        table in "[ -~\n;]{0,200}",
        scopes in "[ -~]{0,60}",
    ) {
        let _ = crate::auth::keys::KeyTable::parse(&table, 1.0);
        let _ = crate::auth::scopes::Scopes::parse(&scopes);
        let keys = crate::auth::keys::KeyTable::parse(
            &format!("id=k hash={} scopes=*", crate::auth::keys::hash("right")),
            1.0,
        )
        .unwrap();
        let auth = crate::auth::Authenticator::new(
            &crate::auth::AuthConfig {
                keys,
                jwt: Some(crate::auth::jwt::JwtConfig {
                    algorithm: jsonwebtoken::Algorithm::HS256,
                    key: rc_client::config::Secret::new("a-secret-of-at-least-thirty-two-bytes"),
                    issuer: "i".into(),
                    audience: "a".into(),
                    leeway: std::time::Duration::ZERO,
                    share: 1.0,
                }),
                public: crate::auth::Public { health: true, reflection: false, metrics: true },
                client_certs: false,
                insecure_no_auth: false,
            },
            Default::default(),
            std::sync::Arc::new(crate::auth::NoHooks),
        )
        .unwrap();
        let mut headers = http::HeaderMap::new();
        for (name, value) in [("authorization", &authorization), ("x-api-key", &api_key)] {
            if let Ok(value) = http::HeaderValue::from_str(value) {
                headers.insert(name, value);
            }
        }
        let allowed = auth.check_path(&headers, None, "/rcgateway.v1.ExtensionService/GetExtension");
        // Only the right key gets in.
        prop_assert_eq!(
            allowed.is_ok(),
            api_key.trim() == "right"
                || (api_key.trim().is_empty() && authorization.trim().strip_prefix("Bearer ").map(str::trim) == Some("right"))
        );
    }
}
