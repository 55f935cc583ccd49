//! The account's phone numbers (v2 inventory list and the v1 per-extension list) and
//! the partner-only number-pool lookup.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use axum::extract::{Extension, Path, RawQuery, State as AxumState};
use axum::response::Json;

use super::errors::ApiError;
use super::extensions::resolve_id;
use super::gate::Caller;
use super::paging;
use super::query::Params;
use super::state::State;
use rc_spec::models::{
    AccountPhoneNumberInfo, AccountPhoneNumberList, CountryBasic, ExtensionInfo,
    NumberExtensionRef, Page, PagingInfo, PoolNumber, PoolNumbers, UserPhoneNumberExtension,
    UserPhoneNumberInfo,
};

/// A number of the account, with the v1-only fields next to the v2 record.
#[derive(Debug, Clone, PartialEq)]
pub struct SandboxNumber {
    pub info: AccountPhoneNumberInfo,
    pub payment_type: &'static str,
    pub features: Vec<String>,
    pub location: &'static str,
}

const TYPES: &[&str] = &["VoiceFax", "VoiceOnly", "FaxOnly"];
const STATUSES: &[&str] = &["Normal", "Pending", "PortedIn", "Temporary", "Unknown"];
const USAGE_V2: &[&str] = &[
    "MainCompanyNumber",
    "DirectNumber",
    "Inventory",
    "InventoryPartnerBusinessMobileNumber",
    "InventoryFmcBusinessMobileNumber",
    "PartnerBusinessMobileNumber",
    "AdditionalCompanyNumber",
    "CompanyNumber",
    "PhoneLine",
    "CompanyFaxNumber",
    "ForwardedNumber",
    "ForwardedCompanyNumber",
    "ContactCenterNumber",
    "ConferencingNumber",
    "MeetingsNumber",
    "NumberStorage",
    "BusinessMobileNumber",
    "FmcBusinessMobileNumber",
    "ELIN",
    "InventoryMobileNumber",
];
const USAGE_V1: &[&str] = &[
    "MainCompanyNumber",
    "AdditionalCompanyNumber",
    "CompanyNumber",
    "DirectNumber",
    "CompanyFaxNumber",
    "FmcBusinessMobileNumber",
    "InventoryFmcBusinessMobileNumber",
    "ForwardedNumber",
    "ForwardedCompanyNumber",
    "ContactCenterNumber",
    "ConferencingNumber",
    "MeetingsNumber",
    "NumberPool",
    "BusinessMobileNumber",
    "ELIN",
    "PartnerBusinessMobileNumber",
    "NumberPoolPartnerBusinessMobileNumber",
    "NumberStorage",
    "IntegrationNumber",
    "InventoryMobileNumber",
];

/// The account's numbers: company numbers, a direct number for most users, fax,
/// toll-free, forwarded and unassigned inventory numbers.
pub fn seed(
    rng: &mut fastrand::Rng,
    extensions: &BTreeMap<i64, ExtensionInfo>,
) -> Vec<SandboxNumber> {
    let mut numbers = Vec::new();
    let mut next_id = 1_162_820_000_i64;
    let mut push = |phone: String,
                    usage: &str,
                    kind: &str,
                    toll_free: bool,
                    status: &str,
                    extension: Option<&ExtensionInfo>,
                    primary: bool,
                    label: Option<&str>| {
        next_id += 1;
        let direct = usage == "DirectNumber";
        numbers.push(SandboxNumber {
            info: AccountPhoneNumberInfo {
                id: Some(next_id.to_string()),
                phone_number: Some(phone),
                r#type: Some(kind.to_owned()),
                toll_type: Some(if toll_free { "TollFree" } else { "Toll" }.to_owned()),
                usage_type: Some(usage.to_owned()),
                status: Some(status.to_owned()),
                label: label.map(str::to_owned),
                primary: Some(primary),
                caller_id_name: None,
                activation_status: Some("Active".to_owned()),
                byoc_number: Some(false),
                extension: extension.map(|e| NumberExtensionRef {
                    id: e.id.map(|i| i.to_string()),
                    extension_number: e.extension_number.clone(),
                }),
            },
            payment_type: if toll_free { "TollFree" } else { "Local" },
            features: if direct {
                vec!["CallerId".to_owned(), "SmsSender".to_owned()]
            } else {
                vec!["CallerId".to_owned()]
            },
            location: "San Mateo, CA",
        });
    };
    push(
        "+16505550100".into(),
        "MainCompanyNumber",
        "VoiceFax",
        false,
        "Normal",
        None,
        true,
        Some("Main"),
    );
    for i in 1..=3 {
        push(
            format!("+1650555010{i}"),
            "CompanyNumber",
            "VoiceOnly",
            false,
            "Normal",
            None,
            false,
            Some("Sales line"),
        );
    }
    push(
        "+16505550110".into(),
        "AdditionalCompanyNumber",
        "VoiceFax",
        false,
        "PortedIn",
        None,
        false,
        None,
    );
    push(
        "+16505550120".into(),
        "CompanyFaxNumber",
        "FaxOnly",
        false,
        "Normal",
        None,
        false,
        Some("Fax"),
    );
    for i in 0..5 {
        push(
            format!("+1800555{:04}", 100 + i),
            "CompanyNumber",
            "VoiceOnly",
            true,
            "Normal",
            None,
            false,
            Some("Toll-free"),
        );
    }
    for i in 0..4 {
        push(
            format!("+1415555{:04}", 9000 + i),
            "ForwardedCompanyNumber",
            "VoiceOnly",
            false,
            "Normal",
            None,
            false,
            None,
        );
    }
    let mut line = 2000;
    for ext in extensions.values() {
        let kind = ext.r#type.as_deref().unwrap_or("");
        let gets_number = match kind {
            "User" => ext.status.as_deref() != Some("Unassigned") && rng.u32(0..10) < 8,
            "Department" | "IvrMenu" => true,
            "FaxUser" => true,
            _ => false,
        };
        if !gets_number {
            continue;
        }
        line += 1 + rng.u32(0..3);
        let status = match rng.u32(0..50) {
            0 => "Pending",
            1 => "Temporary",
            2..=4 => "PortedIn",
            _ => "Normal",
        };
        let number_kind = if kind == "FaxUser" {
            "FaxOnly"
        } else {
            "VoiceFax"
        };
        let usage = if kind == "Department" {
            "ContactCenterNumber"
        } else {
            "DirectNumber"
        };
        push(
            format!("+1650555{line:04}"),
            usage,
            number_kind,
            false,
            status,
            Some(ext),
            true,
            None,
        );
    }
    for i in 0..20 {
        push(
            format!("+1650556{:04}", 100 + i * 7),
            "Inventory",
            "VoiceOnly",
            false,
            "Normal",
            None,
            false,
            None,
        );
    }
    numbers
}

pub async fn list_account(
    AxumState(state): AxumState<Arc<State>>,
    RawQuery(query): RawQuery,
) -> Result<Json<AccountPhoneNumberList>, ApiError> {
    let params = Params::parse(query.as_deref());
    let (page, per_page) = paging::params(&params)?;
    if page > 1000 {
        return Err(ApiError::invalid("page", Some(&page.to_string())));
    }
    let types = params.enums("type", TYPES)?;
    let usages = params.enums("usageType", USAGE_V2)?;
    let status = params.enums("status", STATUSES)?;
    let data = state.data();
    let matching: Vec<AccountPhoneNumberInfo> = data
        .numbers
        .iter()
        .map(|n| &n.info)
        .filter(|n| types.is_empty() || types.iter().any(|t| n.r#type.as_deref() == Some(t)))
        .filter(|n| usages.is_empty() || usages.iter().any(|u| n.usage_type.as_deref() == Some(u)))
        .filter(|n| status.is_empty() || status.iter().any(|s| n.status.as_deref() == Some(s)))
        .cloned()
        .collect();
    let listed = paging::page(&matching, page, per_page, "", "");
    Ok(Json(AccountPhoneNumberList {
        records: listed.records,
        paging: listed.paging.unwrap_or(PagingInfo {
            per_page: per_page as i32,
            ..Default::default()
        }),
    }))
}

pub async fn list_extension(
    AxumState(state): AxumState<Arc<State>>,
    Extension(caller): Extension<Caller>,
    Path((_, raw)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<UserPhoneNumberInfo>>, ApiError> {
    let params = Params::parse(query.as_deref());
    let (page, per_page) = paging::params(&params)?;
    let usages = params.enums("usageType", USAGE_V1)?;
    let status = params.enums("status", STATUSES)?;
    let id = resolve_id(&caller, &raw)?;
    let data = state.data();
    let ext = data
        .extensions
        .get(&id)
        .ok_or_else(|| ApiError::not_found("extensionId", &raw))?;
    let id_text = id.to_string();
    let records: Vec<UserPhoneNumberInfo> = data
        .numbers
        .iter()
        .filter(|n| {
            n.info.extension.as_ref().and_then(|e| e.id.as_deref()) == Some(id_text.as_str())
        })
        .filter(|n| {
            usages.is_empty()
                || usages
                    .iter()
                    .any(|u| n.info.usage_type.as_deref() == Some(u))
        })
        .filter(|n| status.is_empty() || status.iter().any(|s| n.info.status.as_deref() == Some(s)))
        .map(|n| UserPhoneNumberInfo {
            uri: Some(format!(
                "{}/phone-number/{}",
                state.account_uri(),
                n.info.id.clone().unwrap_or_default()
            )),
            id: n.info.id.as_deref().and_then(|i| i.parse().ok()),
            country: Some(CountryBasic {
                id: Some("1".to_owned()),
                uri: None,
                name: Some("United States".to_owned()),
            }),
            extension: Some(UserPhoneNumberExtension {
                id: ext.id,
                uri: ext.uri.clone(),
                extension_number: ext.extension_number.clone(),
                r#type: ext.r#type.clone(),
                name: ext.name.clone(),
            }),
            label: n.info.label.clone(),
            location: Some(n.location.to_owned()),
            payment_type: Some(n.payment_type.to_owned()),
            phone_number: n.info.phone_number.clone(),
            primary: n.info.primary,
            status: n.info.status.clone(),
            r#type: n.info.r#type.clone(),
            usage_type: n.info.usage_type.clone(),
            features: n.features.clone(),
            caller_id_name: None,
        })
        .collect();
    let uri = format!("{}/extension/{id}/phone-number", state.account_uri());
    Ok(Json(paging::page(&records, page, per_page, &uri, "")))
}

/// Numbers available for an area code: a deterministic pool per area code, minus the
/// account's own numbers, filtered by an optional `*` pattern.
pub async fn lookup(
    AxumState(state): AxumState<Arc<State>>,
    RawQuery(query): RawQuery,
) -> Result<Json<PoolNumbers>, ApiError> {
    let params = Params::parse(query.as_deref());
    // `npa` is mandatory (API-NOTES §2.6); an `areaCode` given with it must agree.
    let area = params
        .one("npa")
        .ok_or_else(|| ApiError::missing("npa"))?
        .to_owned();
    if area.len() != 3 || !area.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::invalid("npa", Some(&area)));
    }
    if let Some(other) = params.one("areaCode").filter(|a| *a != area) {
        return Err(ApiError::invalid("areaCode", Some(other)));
    }
    let country = params.int("countryId", 1..=1000)?.unwrap_or(1);
    let per_page = params.int("perPage", 1..=100)?.unwrap_or(10) as usize;
    let toll_free = match params.one("paymentType") {
        None | Some("Local") => false,
        Some("TollFree") => true,
        Some(other) => return Err(ApiError::invalid("paymentType", Some(other))),
    };
    let pattern = params.one("numberPattern").map(str::to_owned);
    let data = state.data();
    let taken: HashSet<&str> = data
        .numbers
        .iter()
        .filter_map(|n| n.info.phone_number.as_deref())
        .collect();
    let npa = if toll_free {
        "888".to_owned()
    } else {
        area.clone()
    };
    let mut rng = fastrand::Rng::with_seed(npa.parse::<u64>().unwrap_or(0) * 7919 + country as u64);
    let records = (0..200)
        .map(|_| format!("+1{npa}{}{:04}", rng.u32(201..=989), rng.u32(0..10_000)))
        .filter(|n| !taken.contains(n.as_str()))
        .filter(|n| {
            pattern
                .as_deref()
                .is_none_or(|p| matches_pattern(&n[2..], p))
        })
        .take(per_page)
        .map(|n| PoolNumber {
            formatted_phone_number: Some(format!("({}) {}-{}", &n[2..5], &n[5..8], &n[8..])),
            phone_number: Some(n),
            area_code: Some(npa.clone()),
            location: Some(if toll_free {
                "Toll-free".to_owned()
            } else {
                format!("Area code {area}")
            }),
            payment_type: Some(if toll_free { "TollFree" } else { "Local" }.to_owned()),
            sms_enabled: Some(!toll_free),
            country: Some(CountryBasic {
                id: Some(country.to_string()),
                uri: None,
                name: None,
            }),
        })
        .collect();
    Ok(Json(PoolNumbers { records }))
}

/// `*` matches any run of digits; other characters match themselves, anywhere in the
/// national number.
fn matches_pattern(number: &str, pattern: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').filter(|p| !p.is_empty()).collect();
    let mut rest = number;
    for (i, part) in parts.iter().enumerate() {
        match rest.find(part) {
            Some(at) if i > 0 || pattern.starts_with('*') || at == 0 => {
                rest = &rest[at + part.len()..]
            }
            _ => return false,
        }
    }
    pattern.ends_with('*') || parts.last().is_none_or(|last| number.ends_with(last))
}

#[cfg(test)]
mod tests {
    use super::matches_pattern;

    #[test]
    fn wildcard_patterns() {
        assert!(matches_pattern("6505551234", "*1234"));
        assert!(matches_pattern("6505551234", "650*"));
        assert!(matches_pattern("6505551234", "*555*"));
        assert!(!matches_pattern("6505551234", "*9999"));
        assert!(!matches_pattern("6505551234", "555*"));
    }
}
