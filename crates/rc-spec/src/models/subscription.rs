use super::model;

model! {
    /// `deliveryMode` of a request (`WebhookDeliveryModeRequest`); the token is
    /// write-only.
    pub struct DeliveryModeRequest {
        pub transport_type: Option<String>,
        pub address: Option<String>,
        pub verification_token: Option<String>,
    }
}

model! {
    /// `CreateSubscriptionRequest`.
    pub struct CreateSubscriptionRequest {
        pub event_filters: Vec<String>,
        pub delivery_mode: Option<DeliveryModeRequest>,
        pub expires_in: Option<i64>,
    }
}

model! {
    /// `deliveryMode` of `SubscriptionInfo`.
    pub struct DeliveryModeInfo {
        pub transport_type: Option<String>,
        pub address: Option<String>,
        pub encryption: Option<bool>,
    }
}

model! {
    /// `blacklistedData`.
    pub struct BlacklistedInfo {
        pub blacklisted_at: Option<String>,
        pub reason: Option<String>,
    }
}

model! {
    /// `SubscriptionInfo`.
    pub struct SubscriptionInfo {
        pub uri: Option<String>,
        pub id: Option<String>,
        pub event_filters: Vec<String>,
        pub expiration_time: Option<String>,
        pub expires_in: Option<i64>,
        pub status: Option<String>,
        pub creation_time: Option<String>,
        pub delivery_mode: Option<DeliveryModeInfo>,
        pub blacklisted_data: Option<BlacklistedInfo>,
    }
}

model! {
    /// `SubscriptionListResource`.
    pub struct SubscriptionList {
        pub uri: Option<String>,
        pub records: Vec<SubscriptionInfo>,
    }
}
