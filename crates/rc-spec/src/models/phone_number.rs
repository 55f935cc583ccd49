use serde::{Deserialize, Serialize};

use super::{PagingInfo, model};

model! {
    /// The extension a v2 inventory number is assigned to.
    pub struct NumberExtensionRef {
        pub id: Option<String>,
        pub extension_number: Option<String>,
    }
}

model! {
    /// `AccountPhoneNumberInfo` (v2 inventory).
    pub struct AccountPhoneNumberInfo {
        pub id: Option<String>,
        pub phone_number: Option<String>,
        pub r#type: Option<String>,
        pub toll_type: Option<String>,
        pub usage_type: Option<String>,
        pub status: Option<String>,
        pub label: Option<String>,
        pub primary: Option<bool>,
        pub caller_id_name: Option<String>,
        pub activation_status: Option<String>,
        pub byoc_number: Option<bool>,
        pub extension: Option<NumberExtensionRef>,
    }
}

/// `AccountPhoneNumberList`: v2 lists carry `paging` only, no `uri` or `navigation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountPhoneNumberList {
    #[serde(default)]
    pub records: Vec<AccountPhoneNumberInfo>,
    pub paging: PagingInfo,
}

model! {
    /// `CountryInfoBasicModel`.
    pub struct CountryBasic {
        pub id: Option<String>,
        pub uri: Option<String>,
        pub name: Option<String>,
    }
}

model! {
    /// `UserPhoneNumberExtensionInfo`.
    pub struct UserPhoneNumberExtension {
        pub id: Option<i64>,
        pub uri: Option<String>,
        pub extension_number: Option<String>,
        pub r#type: Option<String>,
        pub name: Option<String>,
    }
}

model! {
    /// `UserPhoneNumberInfo`.
    pub struct UserPhoneNumberInfo {
        pub uri: Option<String>,
        pub id: Option<i64>,
        pub country: Option<CountryBasic>,
        pub extension: Option<UserPhoneNumberExtension>,
        pub label: Option<String>,
        pub location: Option<String>,
        pub payment_type: Option<String>,
        pub phone_number: Option<String>,
        pub primary: Option<bool>,
        pub status: Option<String>,
        pub r#type: Option<String>,
        pub usage_type: Option<String>,
        pub features: Vec<String>,
        pub caller_id_name: Option<String>,
    }
}

model! {
    /// One number of the partner number-pool lookup (not in the public spec).
    pub struct PoolNumber {
        pub phone_number: Option<String>,
        pub formatted_phone_number: Option<String>,
        pub area_code: Option<String>,
        pub location: Option<String>,
        pub payment_type: Option<String>,
        pub sms_enabled: Option<bool>,
        pub country: Option<CountryBasic>,
    }
}

model! {
    /// The number-pool lookup answer: `{records: [...]}`.
    pub struct PoolNumbers {
        pub records: Vec<PoolNumber>,
    }
}
