//! `PhoneNumberService`.

use tonic::{Request, Response, Status};

use super::convert::{self, RcEnum, rc_enum};
use super::validate;
use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use crate::proto::v1::phone_number_service_server::PhoneNumberService;
use rc_client::{AccountNumberFilter, NumberLookup};
use rc_spec::models as rc;

rc_enum!(pb::PhoneNumberType {
    VoiceFax => "VoiceFax",
    VoiceOnly => "VoiceOnly",
    FaxOnly => "FaxOnly",
});

rc_enum!(pb::PhoneNumberUsageType {
    MainCompanyNumber => "MainCompanyNumber",
    AdditionalCompanyNumber => "AdditionalCompanyNumber",
    CompanyNumber => "CompanyNumber",
    DirectNumber => "DirectNumber",
    CompanyFaxNumber => "CompanyFaxNumber",
    ForwardedNumber => "ForwardedNumber",
    ForwardedCompanyNumber => "ForwardedCompanyNumber",
    ContactCenterNumber => "ContactCenterNumber",
    ConferencingNumber => "ConferencingNumber",
    MeetingsNumber => "MeetingsNumber",
    Inventory => "Inventory",
    PhoneLine => "PhoneLine",
    NumberStorage => "NumberStorage",
    BusinessMobileNumber => "BusinessMobileNumber",
    FmcBusinessMobileNumber => "FmcBusinessMobileNumber",
    Elin => "ELIN",
    InventoryMobileNumber => "InventoryMobileNumber",
    NumberPool => "NumberPool",
});

rc_enum!(pb::PhoneNumberStatus {
    Normal => "Normal",
    Pending => "Pending",
    PortedIn => "PortedIn",
    Temporary => "Temporary",
    Unknown => "Unknown",
});

rc_enum!(pb::TollType {
    Toll => "Toll",
    TollFree => "TollFree",
});

/// Serves each call on the client of the call's account.
#[derive(Default)]
pub struct PhoneNumberApi;

/// Usage types the v2 account list does not know (its PhoneNumberUsageTypeV2 has no
/// NumberPool), and those the v1 extension list does not know (its PhoneNumberUsageType
/// has no Inventory or PhoneLine). Refused here rather than spending a request (a Heavy
/// one, for the account list) on RingCentral's CMN-101.
const NOT_IN_ACCOUNT_LIST: &[&str] = &["NumberPool"];
const NOT_IN_EXTENSION_LIST: &[&str] = &["Inventory", "PhoneLine"];

fn usage_filter(values: &[i32], unknown: &[&str], list: &str) -> Result<Vec<&'static str>, Status> {
    let usage = convert::enum_filter::<pb::PhoneNumberUsageType>("usageType", values)?;
    if let Some(value) = usage.iter().find(|u| unknown.contains(u)) {
        return Err(Error::invalid(
            "usageType",
            format!("RingCentral does not list {value} numbers in {list}"),
        )
        .into());
    }
    Ok(usage)
}

#[tonic::async_trait]
impl PhoneNumberService for PhoneNumberApi {
    async fn list_phone_numbers(
        &self,
        request: Request<pb::ListPhoneNumbersRequest>,
    ) -> Result<Response<pb::ListPhoneNumbersResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let filter = AccountNumberFilter {
            page,
            per_page,
            usage_types: usage_filter(
                &req.usage_type,
                NOT_IN_ACCOUNT_LIST,
                "the account's inventory",
            )?,
            types: convert::enum_filter::<pb::PhoneNumberType>("type", &req.r#type)?,
            status: convert::optional_enum::<pb::PhoneNumberStatus>("status", req.status)?,
        };
        let list = account
            .rc
            .list_account_phone_numbers(&ctx, &filter)
            .await
            .map_err(Error::from)?;
        let paging = convert::paging(Some(list.paging));
        Ok(Response::new(pb::ListPhoneNumbersResponse {
            records: list.records.into_iter().map(account_number).collect(),
            navigation: navigation(paging.as_ref()),
            paging,
        }))
    }

    async fn list_extension_phone_numbers(
        &self,
        request: Request<pb::ListExtensionPhoneNumbersRequest>,
    ) -> Result<Response<pb::ListExtensionPhoneNumbersResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let (page, per_page) = validate::paging(req.page, req.per_page);
        let usage = usage_filter(
            &req.usage_type,
            NOT_IN_EXTENSION_LIST,
            "an extension's numbers",
        )?;
        let status = convert::optional_enum::<pb::PhoneNumberStatus>("status", req.status)?;
        let list = account
            .rc
            .list_extension_phone_numbers(&ctx, &req.extension_id, page, per_page, &usage, status)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListExtensionPhoneNumbersResponse {
            records: list.records.into_iter().map(extension_number).collect(),
            paging: convert::paging(list.paging),
            navigation: convert::navigation(list.navigation),
        }))
    }

    async fn search_available_phone_numbers(
        &self,
        request: Request<pb::SearchAvailablePhoneNumbersRequest>,
    ) -> Result<Response<pb::SearchAvailablePhoneNumbersResponse>, Status> {
        let ctx = crate::context::of(&request);
        let account = crate::accounts::of(&request)?;
        let req = request.into_inner();
        let country_id = match req.country_id {
            0 => 1,
            n => n,
        };
        let per_page = match req.per_page {
            0 => 10,
            n => n,
        };
        let payment_type = Some(req.payment_type.clone()).filter(|p| !p.is_empty());
        let lookup = NumberLookup {
            country_id,
            area_code: req.area_code,
            per_page,
            number_pattern: Some(req.number_pattern).filter(|p| !p.is_empty()),
            payment_type,
        };
        let found = account
            .rc
            .lookup_pool_numbers(&ctx, &lookup)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::SearchAvailablePhoneNumbersResponse {
            records: found
                .records
                .into_iter()
                .map(|n| pb::AvailablePhoneNumber {
                    phone_number: n.phone_number.unwrap_or_default(),
                    formatted_phone_number: n.formatted_phone_number.unwrap_or_default(),
                    area_code: n.area_code.unwrap_or_default(),
                    location: n.location.unwrap_or_default(),
                    payment_type: n.payment_type.unwrap_or_default(),
                    sms_enabled: n.sms_enabled.unwrap_or(false),
                })
                .collect(),
        }))
    }
}

/// v2 lists have no navigation links; the page numbers follow from the paging.
fn navigation(paging: Option<&pb::Paging>) -> Option<pb::Navigation> {
    let paging = paging?;
    let page = paging.page.unwrap_or(1);
    let last = paging.total_pages.unwrap_or(page).max(1);
    Some(pb::Navigation {
        first_page: Some(pb::PageLink { page: 1 }),
        next_page: (page < last).then_some(pb::PageLink { page: page + 1 }),
        previous_page: (page > 1).then_some(pb::PageLink { page: page - 1 }),
        last_page: Some(pb::PageLink { page: last }),
    })
}

pub(crate) fn account_number(n: rc::AccountPhoneNumberInfo) -> pb::PhoneNumber {
    pb::PhoneNumber {
        id: n.id.unwrap_or_default(),
        phone_number: n.phone_number.unwrap_or_default(),
        r#type: pb::PhoneNumberType::from_rc(n.r#type.as_deref().unwrap_or("")) as i32,
        usage_type: pb::PhoneNumberUsageType::from_rc(n.usage_type.as_deref().unwrap_or("")) as i32,
        status: pb::PhoneNumberStatus::from_rc(n.status.as_deref().unwrap_or("")) as i32,
        toll_type: pb::TollType::from_rc(n.toll_type.as_deref().unwrap_or("")) as i32,
        label: n.label.unwrap_or_default(),
        primary: n.primary.unwrap_or(false),
        extension: n.extension.map(|e| pb::ExtensionRef {
            id: e.id.unwrap_or_default(),
            extension_number: e.extension_number.unwrap_or_default(),
            name: String::new(),
        }),
        features: Vec::new(),
        payment_type: String::new(),
        caller_id_name: n.caller_id_name.unwrap_or_default(),
    }
}

pub(crate) fn extension_number(n: rc::UserPhoneNumberInfo) -> pb::PhoneNumber {
    let toll_type = match n.payment_type.as_deref() {
        Some("TollFree" | "ExternalNumberProviderTollFree") => pb::TollType::TollFree,
        Some(_) => pb::TollType::Toll,
        None => pb::TollType::Unspecified,
    };
    pb::PhoneNumber {
        id: convert::id_string(n.id),
        phone_number: n.phone_number.unwrap_or_default(),
        r#type: pb::PhoneNumberType::from_rc(n.r#type.as_deref().unwrap_or("")) as i32,
        usage_type: pb::PhoneNumberUsageType::from_rc(n.usage_type.as_deref().unwrap_or("")) as i32,
        status: pb::PhoneNumberStatus::from_rc(n.status.as_deref().unwrap_or("")) as i32,
        toll_type: toll_type as i32,
        label: n.label.unwrap_or_default(),
        primary: n.primary.unwrap_or(false),
        extension: n.extension.map(|e| pb::ExtensionRef {
            id: convert::id_string(e.id),
            extension_number: e.extension_number.unwrap_or_default(),
            name: e.name.unwrap_or_default(),
        }),
        features: n.features,
        payment_type: n.payment_type.unwrap_or_default(),
        caller_id_name: n.caller_id_name.unwrap_or_default(),
    }
}
