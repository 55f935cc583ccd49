use super::{BusinessAddressInfo, RegionalSettingsInfo, model};

model! {
    /// `OperatorInfo` / `SiteOperatorReference`.
    pub struct OperatorInfo {
        pub id: Option<String>,
        pub uri: Option<String>,
        pub extension_number: Option<String>,
        pub name: Option<String>,
    }
}

model! {
    /// `SiteInfo`, also the body of `CreateSiteRequest` and `SiteUpdateRequest`.
    pub struct SiteInfo {
        pub id: Option<String>,
        pub uri: Option<String>,
        pub name: Option<String>,
        pub extension_number: Option<String>,
        pub caller_id_name: Option<String>,
        pub email: Option<String>,
        pub business_address: Option<BusinessAddressInfo>,
        pub regional_settings: Option<RegionalSettingsInfo>,
        /// `Limited` or `Unlimited`.
        pub site_access: Option<String>,
        pub operator: Option<OperatorInfo>,
        pub code: Option<String>,
    }
}
