use serde::{Deserialize, Serialize};

use super::model;

/// `EnumeratedPagingModel`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PagingInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<i32>,
    #[serde(default)]
    pub per_page: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_start: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_end: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_pages: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_elements: Option<i32>,
}

model! {
    /// `PageNavigationUri`.
    pub struct NavigationUri {
        pub uri: Option<String>,
    }
}

model! {
    /// `PageNavigationModel`.
    pub struct NavigationInfo {
        pub first_page: Option<NavigationUri>,
        pub next_page: Option<NavigationUri>,
        pub previous_page: Option<NavigationUri>,
        pub last_page: Option<NavigationUri>,
    }
}

/// A RingCentral list response: `{uri, records, paging, navigation}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default = "Vec::new")]
    pub records: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<PagingInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub navigation: Option<NavigationInfo>,
}

model! {
    /// `ContactBusinessAddressInfo`.
    pub struct BusinessAddressInfo {
        pub country: Option<String>,
        pub state: Option<String>,
        pub city: Option<String>,
        pub street: Option<String>,
        pub zip: Option<String>,
    }
}

model! {
    /// `CountryInfoShortModel`.
    pub struct CountryInfo {
        pub id: Option<String>,
        pub uri: Option<String>,
        pub name: Option<String>,
        pub iso_code: Option<String>,
        pub calling_code: Option<String>,
    }
}

model! {
    /// `TimezoneInfoBase`.
    pub struct TimezoneInfo {
        pub uri: Option<String>,
        pub id: Option<String>,
        pub name: Option<String>,
        pub description: Option<String>,
        pub bias: Option<String>,
    }
}

model! {
    /// `RegionalLanguageInfo`, `GreetingLanguageInfo`, `FormattingLocaleInfo`.
    pub struct LocaleInfo {
        pub id: Option<String>,
        pub locale_code: Option<String>,
        pub name: Option<String>,
    }
}

model! {
    /// `RegionalSettings`.
    pub struct RegionalSettingsInfo {
        pub home_country: Option<CountryInfo>,
        pub timezone: Option<TimezoneInfo>,
        pub language: Option<LocaleInfo>,
        pub greeting_language: Option<LocaleInfo>,
        pub formatting_locale: Option<LocaleInfo>,
        /// `12h` or `24h`.
        pub time_format: Option<String>,
    }
}

model! {
    /// A reference by id only (`SiteReference`, `ExtensionTimezoneInfoRequest`, ...).
    pub struct IdRef {
        pub id: Option<String>,
    }
}
