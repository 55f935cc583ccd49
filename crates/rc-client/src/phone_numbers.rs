//! Phone number calls: the v2 account inventory, extension numbers, and the
//! partner-only number-pool lookup.

use super::{ACCOUNT, Query, RingCentral, path, push_paging};
use crate::context::CallContext;
use crate::error::Result;
use rc_spec::models::{AccountPhoneNumberList, Page, PoolNumbers, UserPhoneNumberInfo};
use rc_spec::ops;

/// Filters of `listAccountPhoneNumbersV2`.
#[derive(Debug, Default, Clone)]
pub struct AccountNumberFilter {
    pub page: Option<i32>,
    pub per_page: Option<i32>,
    pub usage_types: Vec<&'static str>,
    pub types: Vec<&'static str>,
    pub status: Option<&'static str>,
}

/// Parameters of the number-pool lookup.
#[derive(Debug, Clone)]
pub struct NumberLookup {
    pub country_id: i32,
    pub area_code: String,
    pub per_page: i32,
    pub number_pattern: Option<String>,
    pub payment_type: Option<String>,
}

impl RingCentral {
    pub async fn list_account_phone_numbers(
        &self,
        ctx: &CallContext,
        filter: &AccountNumberFilter,
    ) -> Result<AccountPhoneNumberList> {
        let op = &ops::LIST_ACCOUNT_PHONE_NUMBERS;
        let path = path::build(op, &[("accountId", ACCOUNT)])?;
        let mut query = Query::new();
        push_paging(&mut query, filter.page, filter.per_page);
        query.extend(
            filter
                .usage_types
                .iter()
                .map(|u| ("usageType".into(), (*u).to_owned())),
        );
        query.extend(
            filter
                .types
                .iter()
                .map(|t| ("type".into(), (*t).to_owned())),
        );
        if let Some(status) = filter.status {
            query.push(("status".into(), status.to_owned()));
        }
        self.get(ctx, op, path, query).await
    }

    pub async fn list_extension_phone_numbers(
        &self,
        ctx: &CallContext,
        extension_id: &str,
        page: Option<i32>,
        per_page: Option<i32>,
        usage_types: &[&'static str],
        status: Option<&'static str>,
    ) -> Result<Page<UserPhoneNumberInfo>> {
        let op = &ops::LIST_EXTENSION_PHONE_NUMBERS;
        let path = path::build(op, &[("accountId", ACCOUNT), ("extensionId", extension_id)])?;
        let mut query = Query::new();
        push_paging(&mut query, page, per_page);
        query.extend(
            usage_types
                .iter()
                .map(|u| ("usageType".into(), (*u).to_owned())),
        );
        if let Some(status) = status {
            query.push(("status".into(), status.to_owned()));
        }
        self.get(ctx, op, path, query).await
    }

    /// `POST /restapi/v1.0/number-pool/lookup`: the parameters go in the query string
    /// even though the method is POST (API-NOTES §2.6).
    pub async fn lookup_pool_numbers(
        &self,
        ctx: &CallContext,
        lookup: &NumberLookup,
    ) -> Result<PoolNumbers> {
        let op = &ops::NUMBER_POOL_LOOKUP;
        let path = path::build(op, &[])?;
        let mut query: Query = vec![
            ("countryId".into(), lookup.country_id.to_string()),
            // `npa` is the mandatory spelling of the area code; `areaCode` is sent too,
            // as older deployments read that one.
            ("npa".into(), lookup.area_code.clone()),
            ("areaCode".into(), lookup.area_code.clone()),
            ("perPage".into(), lookup.per_page.to_string()),
        ];
        if let Some(pattern) = &lookup.number_pattern {
            query.push(("numberPattern".into(), pattern.clone()));
        }
        if let Some(payment) = &lookup.payment_type {
            query.push(("paymentType".into(), payment.clone()));
        }
        self.post_query(ctx, op, path, query).await
    }
}
