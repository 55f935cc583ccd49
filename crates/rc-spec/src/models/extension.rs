use super::{BusinessAddressInfo, IdRef, RegionalSettingsInfo, model};

model! {
    /// `ContactInfo` (and the creation/update variants, which have the same fields).
    pub struct ContactInfo {
        pub first_name: Option<String>,
        pub last_name: Option<String>,
        pub name: Option<String>,
        pub company: Option<String>,
        pub job_title: Option<String>,
        pub email: Option<String>,
        pub business_phone: Option<String>,
        pub mobile_phone: Option<String>,
        pub business_address: Option<BusinessAddressInfo>,
        pub email_as_login_name: Option<bool>,
        pub department: Option<String>,
    }
}

model! {
    /// `ExtensionStatusInfo`.
    pub struct StatusInfo {
        pub comment: Option<String>,
        /// `Voluntarily` or `Involuntarily`.
        pub reason: Option<String>,
    }
}

model! {
    /// `ProvisioningSiteInfo`: the site an extension belongs to.
    pub struct ExtensionSiteInfo {
        pub id: Option<String>,
        pub uri: Option<String>,
        pub name: Option<String>,
        pub code: Option<String>,
    }
}

model! {
    /// `PermissionInfoAdmin` / `PermissionInfoInt`.
    pub struct PermissionFlag {
        pub enabled: Option<bool>,
    }
}

model! {
    /// `ExtensionPermissions`.
    pub struct ExtensionPermissions {
        pub admin: Option<PermissionFlag>,
        pub international_calling: Option<PermissionFlag>,
    }
}

model! {
    /// `GetExtensionAccountInfo`.
    pub struct AccountRef {
        pub id: Option<String>,
        pub uri: Option<String>,
    }
}

model! {
    /// `CallQueueExtensionInfo`: service-level settings of a call queue extension.
    pub struct CallQueueExtensionInfo {
        pub sla_goal: Option<i32>,
        pub sla_threshold_seconds: Option<i32>,
        pub include_abandoned_calls: Option<bool>,
        pub abandoned_threshold_seconds: Option<i32>,
    }
}

model! {
    /// `GetExtensionInfoResponse` and `GetExtensionListInfoResponse`.
    pub struct ExtensionInfo {
        pub id: Option<i64>,
        pub uri: Option<String>,
        pub account: Option<AccountRef>,
        pub contact: Option<ContactInfo>,
        pub extension_number: Option<String>,
        pub name: Option<String>,
        pub permissions: Option<ExtensionPermissions>,
        pub regional_settings: Option<RegionalSettingsInfo>,
        pub status: Option<String>,
        pub status_info: Option<StatusInfo>,
        pub r#type: Option<String>,
        pub sub_type: Option<String>,
        pub call_queue_info: Option<CallQueueExtensionInfo>,
        pub hidden: Option<bool>,
        pub site: Option<ExtensionSiteInfo>,
        pub creation_time: Option<String>,
    }
}

model! {
    /// `ExtensionCreationRequest`.
    pub struct ExtensionCreationRequest {
        pub contact: Option<ContactInfo>,
        pub extension_number: Option<String>,
        pub r#type: Option<String>,
        pub status: Option<String>,
        pub site: Option<IdRef>,
        pub regional_settings: Option<RegionalSettingsInfo>,
        pub hidden: Option<bool>,
        pub name: Option<String>,
    }
}

model! {
    /// `ExtensionUpdateRequest`.
    pub struct ExtensionUpdateRequest {
        pub status: Option<String>,
        pub status_info: Option<StatusInfo>,
        pub extension_number: Option<String>,
        pub contact: Option<ContactInfo>,
        pub regional_settings: Option<RegionalSettingsInfo>,
        pub call_queue_info: Option<CallQueueExtensionInfo>,
        pub site: Option<IdRef>,
        pub r#type: Option<String>,
    }
}
