use super::{IdRef, model};

model! {
    /// `SiteBasicInfo`.
    pub struct SiteBasicInfo {
        pub id: Option<String>,
        pub name: Option<String>,
    }
}

model! {
    /// `CallQueueServiceLevelSettings`.
    pub struct ServiceLevelSettingsInfo {
        pub sla_goal: Option<i32>,
        pub sla_threshold_seconds: Option<i32>,
        pub include_abandoned_calls: Option<bool>,
        pub abandoned_threshold_seconds: Option<i32>,
    }
}

model! {
    /// `CallQueueInfo` and `CallQueueDetails` (the details add the last three fields).
    pub struct CallQueueInfo {
        pub uri: Option<String>,
        pub id: Option<String>,
        pub extension_number: Option<String>,
        pub name: Option<String>,
        pub status: Option<String>,
        pub sub_type: Option<String>,
        pub site: Option<SiteBasicInfo>,
        pub service_level_settings: Option<ServiceLevelSettingsInfo>,
        pub editable_member_status: Option<bool>,
        pub alert_timer: Option<i32>,
    }
}

model! {
    /// `CallQueueDetailsForUpdate`.
    pub struct CallQueueUpdate {
        pub extension_number: Option<String>,
        pub name: Option<String>,
        pub status: Option<String>,
        pub site: Option<IdRef>,
        pub service_level_settings: Option<ServiceLevelSettingsInfo>,
        pub editable_member_status: Option<bool>,
        pub alert_timer: Option<i32>,
    }
}

model! {
    /// `CallQueueMemberInfo`.
    pub struct CallQueueMemberInfo {
        pub uri: Option<String>,
        pub id: Option<i64>,
        pub extension_number: Option<String>,
    }
}

model! {
    /// `CallQueueBulkAssignResource`.
    pub struct CallQueueBulkAssign {
        pub added_extension_ids: Vec<String>,
        pub removed_extension_ids: Vec<String>,
    }
}
