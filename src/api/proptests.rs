//! Property tests: whatever RingCentral (or something pretending to be it) answers,
//! converting its models to the gateway's messages never panics. Each case starts
//! from a well-formed answer and replaces some of its values, at any depth, with
//! values of any JSON type: wrong types fail deserialization cleanly, and odd values
//! of the right type (huge numbers, malformed timestamps and URIs) reach the
//! conversions.

use proptest::prelude::*;
use serde_json::{Value, json};

use rc_spec::models as rc;

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[ -~]{0,40}".prop_map(Value::from),
        "[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}T[0-9]{1,2}:[0-9]{1,2}:[0-9.]{1,8}(Z|[+-][0-9:]{1,6})?"
            .prop_map(Value::from),
        "(https?://)?[a-z./?=&%0-9]{0,40}".prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
        Just(json!([{"id": 1}])),
    ]
}

/// JSON pointers of every value in `v` (containers and leaves), root excluded.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(child, p, out);
            }
        }
        _ => {}
    }
}

fn mutate(template: &Value, edits: &[(usize, Value)]) -> Value {
    let mut value = template.clone();
    for (pick, replacement) in edits {
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        if all.is_empty() {
            break;
        }
        if let Some(slot) = value.pointer_mut(&all[pick % all.len()]) {
            *slot = replacement.clone();
        }
    }
    value
}

fn edits() -> impl Strategy<Value = Vec<(usize, Value)>> {
    prop::collection::vec((any::<usize>(), scalar()), 0..8)
}

/// Deserializes the mutated answer and, when it is a `T`, converts it.
fn check<T: serde::de::DeserializeOwned>(
    template: &Value,
    edits: &[(usize, Value)],
    convert: impl Fn(T),
) {
    if let Ok(model) = serde_json::from_value::<T>(mutate(template, edits)) {
        convert(model);
    }
}

fn navigation() -> Value {
    json!({
        "firstPage": {"uri": "https://platform.ringcentral.com/restapi/v1.0/account/1/extension?page=1&perPage=2"},
        "nextPage": {"uri": "https://platform.ringcentral.com/restapi/v1.0/account/1/extension?page=2&perPage=2"},
        "previousPage": {"uri": "https://platform.ringcentral.com/restapi/v1.0/account/1/extension?page=1&perPage=2"},
        "lastPage": {"uri": "https://platform.ringcentral.com/restapi/v1.0/account/1/extension?page=9&perPage=2"}
    })
}

fn paging() -> Value {
    json!({"page": 2, "perPage": 2, "pageStart": 2, "pageEnd": 3, "totalPages": 9, "totalElements": 17})
}

fn extension() -> Value {
    json!({
        "id": 63000101, "uri": "https://platform.ringcentral.com/restapi/v1.0/account/1/extension/63000101",
        "account": {"id": "809646016"},
        "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                    "businessPhone": "+16505550100", "mobilePhone": "+16505550101", "department": "R&D",
                    "jobTitle": "Engineer", "company": "Acme", "emailAsLoginName": true,
                    "businessAddress": {"country": "US", "state": "CA", "city": "Belmont", "street": "20 Davis Dr", "zip": "94002"}},
        "extensionNumber": "101", "name": "Ada Lovelace",
        "permissions": {"admin": {"enabled": true}, "internationalCalling": {"enabled": false}},
        "regionalSettings": {
            "homeCountry": {"id": "1", "name": "United States", "isoCode": "US", "callingCode": "1"},
            "timezone": {"id": "58", "name": "US/Pacific", "description": "Pacific Time", "bias": "-480"},
            "language": {"id": "1033", "localeCode": "en-US", "name": "English (United States)"},
            "greetingLanguage": {"id": "1033", "localeCode": "en-US"},
            "formattingLocale": {"id": "1033", "localeCode": "en-US"},
            "timeFormat": "12h"},
        "status": "Enabled", "statusInfo": {"reason": "Voluntarily", "comment": "ok"},
        "type": "User", "subType": "VideoPro",
        "callQueueInfo": {"slaGoal": 80, "slaThresholdSeconds": 30, "includeAbandonedCalls": true, "abandonedThresholdSeconds": 10},
        "hidden": false,
        "site": {"id": "900000101", "name": "Austin", "code": "AUS"},
        "creationTime": "2024-01-31T10:00:00.000Z"
    })
}

fn site() -> Value {
    json!({
        "id": "900000101", "uri": "https://x/restapi/v1.0/account/1/sites/900000101",
        "name": "Austin", "extensionNumber": "2001", "callerIdName": "Acme Austin",
        "email": "austin@example.com", "code": "AUS",
        "businessAddress": {"country": "US", "state": "TX", "city": "Austin", "street": "1 Main", "zip": "78701"},
        "regionalSettings": {"timezone": {"id": "64"}, "timeFormat": "24h"},
        "operator": {"id": "63000101", "extensionNumber": "101", "name": "Ada"},
        "siteAccess": "Limited"
    })
}

fn call_queue() -> Value {
    json!({
        "id": "63000361", "name": "Sales Queue 1", "extensionNumber": "500", "status": "Enabled",
        "site": {"id": "900000101", "name": "Austin"},
        "serviceLevelSettings": {"slaGoal": 80, "slaThresholdSeconds": 30, "includeAbandonedCalls": false, "abandonedThresholdSeconds": 10},
        "alertTimer": 20, "editableMemberStatus": true
    })
}

fn call_record() -> Value {
    let party = json!({"phoneNumber": "+16505550199", "extensionNumber": "101", "extensionId": "63000101", "name": "Ada", "location": "Belmont, CA"});
    json!({
        "id": "xYzogscsPG3MZuUE", "uri": "https://x/restapi/v1.0/account/1/call-log/xYzogscsPG3MZuUE",
        "sessionId": "4503991004", "telephonySessionId": "s-a0d7", "startTime": "2026-11-30T09:15:00.000Z",
        "duration": 125, "durationMs": 125000, "type": "Voice", "direction": "Inbound", "action": "Phone Call",
        "result": "Accepted", "reason": "Accepted", "from": party, "to": party,
        "extension": {"id": 63000101, "uri": "https://x/ext/63000101"}, "transport": "PSTN",
        "recording": {"id": "401", "uri": "https://x/recording/401", "type": "Automatic", "contentUri": "https://media.x/recording/401/content"},
        "legs": [{"startTime": "2026-11-30T09:15:00.000Z", "duration": 125, "type": "Voice", "direction": "Inbound",
                  "action": "Phone Call", "result": "Accepted", "from": party, "to": party, "legType": "Accept",
                  "transport": "PSTN", "extension": {"id": 63000101}, "master": true}],
        "lastModifiedTime": "2026-11-30T09:17:05.000Z"
    })
}

fn account_number() -> Value {
    json!({
        "id": "1000001", "phoneNumber": "+16505550100", "type": "VoiceFax", "tollType": "Local",
        "usageType": "DirectNumber", "status": "Normal", "label": "Main", "primary": true,
        "callerIdName": "Acme", "activationStatus": "Active", "byocNumber": false,
        "extension": {"id": "63000101", "extensionNumber": "101"}
    })
}

fn extension_number() -> Value {
    json!({
        "uri": "https://x/phone-number/1000001", "id": 1000001,
        "country": {"id": "1", "name": "United States"},
        "extension": {"id": 63000101, "extensionNumber": "101", "type": "User", "name": "Ada"},
        "label": "Direct", "location": "Belmont, CA", "paymentType": "Local", "phoneNumber": "+16505550100",
        "primary": true, "status": "Normal", "type": "VoiceFax", "usageType": "DirectNumber",
        "features": ["CallerId", "SmsSender"], "callerIdName": "Ada"
    })
}

fn subscription() -> Value {
    json!({
        "id": "5a1c9f21-8c47-4f9e-9c4b-0c9d2a8f7e11", "uri": "https://x/restapi/v1.0/subscription/5a1c",
        "eventFilters": ["/restapi/v1.0/account/809646016/extension"],
        "expirationTime": "2026-12-09T10:00:00.000Z", "expiresIn": 604799, "status": "Active",
        "creationTime": "2026-12-02T10:00:00.000Z",
        "deliveryMode": {"transportType": "WebHook", "address": "https://gw.example/api/webhooks/events"},
        "blacklistedData": {"blacklistedAt": "2026-12-02T11:00:00.000Z", "reason": "Webhook responses are too slow"}
    })
}

fn page(record: Value) -> Value {
    json!({"uri": "https://x/list", "records": [record], "paging": paging(), "navigation": navigation()})
}

#[test]
fn the_templates_are_well_formed_answers() {
    // Without edits every template converts: the properties below start from real
    // answers, not from values that never get past deserialization.
    serde_json::from_value::<rc::Page<rc::ExtensionInfo>>(page(extension())).unwrap();
    serde_json::from_value::<rc::Page<rc::SiteInfo>>(page(site())).unwrap();
    serde_json::from_value::<rc::Page<rc::CallQueueInfo>>(page(call_queue())).unwrap();
    serde_json::from_value::<rc::Page<rc::CallLogRecord>>(page(call_record())).unwrap();
    serde_json::from_value::<rc::AccountPhoneNumberList>(
        json!({"records": [account_number()], "paging": paging()}),
    )
    .unwrap();
    serde_json::from_value::<rc::Page<rc::UserPhoneNumberInfo>>(page(extension_number())).unwrap();
    serde_json::from_value::<rc::SubscriptionInfo>(subscription()).unwrap();
    let converted = super::call_logs::record(serde_json::from_value(call_record()).unwrap());
    assert!(converted.start_time.is_some() && !converted.legs.is_empty());
    let nav = super::convert::navigation(serde_json::from_value(navigation()).unwrap()).unwrap();
    assert_eq!(nav.last_page.unwrap().page, 9);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extension_answers_convert_without_panic(e in edits()) {
        check(&page(extension()), &e, |p: rc::Page<rc::ExtensionInfo>| {
            let _ = super::convert::paging(p.paging);
            let _ = super::convert::navigation(p.navigation);
            for r in p.records {
                let _ = super::extensions::extension(r);
            }
        });
    }

    #[test]
    fn site_and_queue_answers_convert_without_panic(e in edits()) {
        check(&page(site()), &e, |p: rc::Page<rc::SiteInfo>| {
            p.records.into_iter().for_each(|r| { let _ = super::sites::site(r); });
        });
        check(&page(call_queue()), &e, |p: rc::Page<rc::CallQueueInfo>| {
            p.records.into_iter().for_each(|r| { let _ = super::call_queues::call_queue(r); });
        });
    }

    #[test]
    fn call_log_answers_convert_without_panic(e in edits()) {
        check(&page(call_record()), &e, |p: rc::Page<rc::CallLogRecord>| {
            let _ = super::convert::navigation(p.navigation);
            p.records.into_iter().for_each(|r| { let _ = super::call_logs::record(r); });
        });
    }

    #[test]
    fn phone_number_and_subscription_answers_convert_without_panic(e in edits()) {
        check(&json!({"records": [account_number()], "paging": paging()}), &e, |l: rc::AccountPhoneNumberList| {
            l.records.into_iter().for_each(|r| { let _ = super::phone_numbers::account_number(r); });
        });
        check(&page(extension_number()), &e, |p: rc::Page<rc::UserPhoneNumberInfo>| {
            p.records.into_iter().for_each(|r| { let _ = super::phone_numbers::extension_number(r); });
        });
        check(&subscription(), &e, |s: rc::SubscriptionInfo| {
            let _ = super::subscriptions::subscription(s, true);
        });
    }
}
