//! Mapping between the gateway's proto messages and RingCentral's JSON models,
//! for the types that several domains share.

use prost_types::Timestamp;

use crate::error::{Error, Result};
use crate::proto::v1 as pb;
use rc_spec::models as rc;

/// A proto enum that stands for a RingCentral string enum.
pub trait RcEnum: Sized + Copy {
    /// RingCentral's spelling, `None` for the unspecified value.
    fn to_rc(self) -> Option<&'static str>;
    /// The proto value for RingCentral's spelling; unspecified when unknown (RingCentral
    /// adds values over time, and an unknown one must not fail a whole list).
    fn from_rc(value: &str) -> Self;
}

/// Implements [`RcEnum`] from a table of `Variant => "RingCentralName"`.
macro_rules! rc_enum {
    ($ty:ty { $($variant:ident => $name:literal),* $(,)? }) => {
        impl RcEnum for $ty {
            fn to_rc(self) -> Option<&'static str> {
                match self {
                    $(<$ty>::$variant => Some($name),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            fn from_rc(value: &str) -> Self {
                match value {
                    $($name => <$ty>::$variant,)*
                    _ => <$ty>::Unspecified,
                }
            }
        }
    };
}
pub(crate) use rc_enum;

rc_enum!(pb::ExtensionStatus {
    Enabled => "Enabled",
    Disabled => "Disabled",
    Frozen => "Frozen",
    NotActivated => "NotActivated",
    Unassigned => "Unassigned",
});

rc_enum!(pb::ExtensionType {
    User => "User",
    Department => "Department",
    Announcement => "Announcement",
    Voicemail => "Voicemail",
    DigitalUser => "DigitalUser",
    VirtualUser => "VirtualUser",
    FaxUser => "FaxUser",
    PagingOnly => "PagingOnly",
    SharedLinesGroup => "SharedLinesGroup",
    DelegatedLinesGroup => "DelegatedLinesGroup",
    GroupCallPickup => "GroupCallPickup",
    IvrMenu => "IvrMenu",
    ApplicationExtension => "ApplicationExtension",
    ProxyAdmin => "ProxyAdmin",
    RoomConnector => "RoomConnector",
    ParkLocation => "ParkLocation",
    Limited => "Limited",
    Bot => "Bot",
    Site => "Site",
    Room => "Room",
    FlexibleUser => "FlexibleUser",
    TieLine => "TieLine",
    Unknown => "Unknown",
});

rc_enum!(pb::TimeFormat {
    TimeFormat12h => "12h",
    TimeFormat24h => "24h",
});

rc_enum!(pb::SiteAccess {
    Limited => "Limited",
    Unlimited => "Unlimited",
});

/// Reads a proto enum field, refusing numbers the proto does not define.
pub fn enum_value<E>(field: &str, value: i32) -> Result<E>
where
    E: TryFrom<i32>,
{
    E::try_from(value).map_err(|_| Error::invalid(field, format!("{field} has no value {value}")))
}

/// An optional enum field: unspecified becomes `None`.
pub fn optional_enum<E>(field: &str, value: i32) -> Result<Option<&'static str>>
where
    E: TryFrom<i32> + RcEnum,
{
    Ok(enum_value::<E>(field, value)?.to_rc())
}

/// A repeated enum filter: every entry must be a real value.
pub fn enum_filter<E>(field: &str, values: &[i32]) -> Result<Vec<&'static str>>
where
    E: TryFrom<i32> + RcEnum,
{
    values
        .iter()
        .map(|v| {
            enum_value::<E>(field, *v)?
                .to_rc()
                .ok_or_else(|| Error::invalid(field, format!("{field} must not be unspecified")))
        })
        .collect()
}

/// `2024-01-31T10:00:00.000Z` -> Timestamp. Unparseable values are dropped: a display
/// field must not fail the whole answer.
pub fn timestamp(value: Option<&str>) -> Option<Timestamp> {
    let time = humantime::parse_rfc3339_weak(value?).ok()?;
    let since = time.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(Timestamp {
        seconds: i64::try_from(since.as_secs()).ok()?,
        nanos: i32::try_from(since.subsec_nanos()).ok()?,
    })
}

/// Timestamp -> RFC 3339 in UTC, as RingCentral takes it.
pub fn rfc3339(field: &str, ts: &Timestamp) -> Result<String> {
    // RFC 3339 has four-digit years: 9999-12-31T23:59:59Z is the last instant it can say.
    const LAST_RFC3339_SECOND: u64 = 253_402_300_799;
    let secs = u64::try_from(ts.seconds)
        .map_err(|_| Error::invalid(field, format!("{field} must be after 1970")))?;
    if secs > LAST_RFC3339_SECOND {
        return Err(Error::invalid(
            field,
            format!("{field} must be before the year 10000"),
        ));
    }
    let nanos = u32::try_from(ts.nanos)
        .ok()
        .filter(|n| *n < 1_000_000_000)
        .ok_or_else(|| Error::invalid(field, format!("{field} has invalid nanos")))?;
    let time = std::time::UNIX_EPOCH + std::time::Duration::new(secs, nanos);
    Ok(humantime::format_rfc3339_millis(time).to_string())
}

/// RingCentral ids are numbers in some models and strings in others; the proto
/// always uses strings.
pub fn id_string(id: Option<i64>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

pub fn paging(p: Option<rc::PagingInfo>) -> Option<pb::Paging> {
    p.map(|p| pb::Paging {
        page: p.page,
        per_page: p.per_page,
        page_start: p.page_start,
        page_end: p.page_end,
        total_pages: p.total_pages,
        total_elements: p.total_elements,
    })
}

/// Navigation links become page numbers: the upstream URIs are RingCentral's, not ours.
pub fn navigation(n: Option<rc::NavigationInfo>) -> Option<pb::Navigation> {
    let n = n?;
    let link = |l: Option<rc::NavigationUri>| {
        let uri = l?.uri?;
        let url = reqwest::Url::parse(&uri).ok()?;
        let page = url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        Some(pb::PageLink { page })
    };
    Some(pb::Navigation {
        first_page: link(n.first_page),
        next_page: link(n.next_page),
        previous_page: link(n.previous_page),
        last_page: link(n.last_page),
    })
}

pub fn address(a: rc::BusinessAddressInfo) -> pb::BusinessAddress {
    pb::BusinessAddress {
        country: a.country,
        state: a.state,
        city: a.city,
        street: a.street,
        zip: a.zip,
    }
}

pub fn address_to_rc(a: pb::BusinessAddress) -> rc::BusinessAddressInfo {
    rc::BusinessAddressInfo {
        country: a.country,
        state: a.state,
        city: a.city,
        street: a.street,
        zip: a.zip,
    }
}

pub fn regional_settings(r: rc::RegionalSettingsInfo) -> pb::RegionalSettings {
    let locale = |l: Option<rc::LocaleInfo>| {
        l.map(|l| pb::Locale {
            id: l.id.unwrap_or_default(),
            locale_code: l.locale_code.unwrap_or_default(),
            name: l.name.unwrap_or_default(),
        })
    };
    pb::RegionalSettings {
        home_country: r.home_country.map(|c| pb::Country {
            id: c.id.unwrap_or_default(),
            iso_code: c.iso_code.unwrap_or_default(),
            name: c.name.unwrap_or_default(),
        }),
        timezone: r.timezone.map(|t| pb::Timezone {
            id: t.id.unwrap_or_default(),
            name: t.name.unwrap_or_default(),
            description: t.description.unwrap_or_default(),
            bias: t.bias.unwrap_or_default(),
        }),
        language: locale(r.language),
        greeting_language: locale(r.greeting_language),
        formatting_locale: locale(r.formatting_locale),
        time_format: pb::TimeFormat::from_rc(r.time_format.as_deref().unwrap_or("")) as i32,
    }
}

/// Regional settings for create/update: RingCentral takes references by id only.
pub fn regional_settings_to_rc(
    field: &str,
    r: pb::RegionalSettings,
) -> Result<rc::RegionalSettingsInfo> {
    let id = |id: String| (!id.is_empty()).then_some(id);
    let locale = |l: Option<pb::Locale>| {
        l.and_then(|l| id(l.id)).map(|id| rc::LocaleInfo {
            id: Some(id),
            ..Default::default()
        })
    };
    Ok(rc::RegionalSettingsInfo {
        home_country: r
            .home_country
            .and_then(|c| id(c.id))
            .map(|id| rc::CountryInfo {
                id: Some(id),
                ..Default::default()
            }),
        timezone: r
            .timezone
            .and_then(|t| id(t.id))
            .map(|id| rc::TimezoneInfo {
                id: Some(id),
                ..Default::default()
            }),
        language: locale(r.language),
        greeting_language: locale(r.greeting_language),
        formatting_locale: locale(r.formatting_locale),
        time_format: optional_enum::<pb::TimeFormat>(
            &format!("{field}.timeFormat"),
            r.time_format,
        )?
        .map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_ringcentral_names() {
        assert_eq!(pb::ExtensionType::IvrMenu.to_rc(), Some("IvrMenu"));
        assert_eq!(
            pb::ExtensionType::from_rc("IvrMenu"),
            pb::ExtensionType::IvrMenu
        );
        assert_eq!(
            pb::ExtensionType::from_rc("Martian"),
            pb::ExtensionType::Unspecified
        );
        assert_eq!(pb::ExtensionStatus::Unspecified.to_rc(), None);
        assert_eq!(
            pb::TimeFormat::from_rc("24h"),
            pb::TimeFormat::TimeFormat24h
        );
    }

    #[test]
    fn enum_filters_refuse_unknown_numbers_and_unspecified() {
        assert_eq!(
            enum_filter::<pb::ExtensionStatus>("status", &[1, 2]).unwrap(),
            vec!["Enabled", "Disabled"]
        );
        assert!(enum_filter::<pb::ExtensionStatus>("status", &[99]).is_err());
        assert!(enum_filter::<pb::ExtensionStatus>("status", &[0]).is_err());
    }

    #[test]
    fn timestamps_convert_both_ways() {
        let ts = timestamp(Some("2024-01-31T10:00:00.250Z")).unwrap();
        assert_eq!(ts.seconds, 1_706_695_200);
        assert_eq!(ts.nanos, 250_000_000);
        assert_eq!(rfc3339("t", &ts).unwrap(), "2024-01-31T10:00:00.250Z");
        assert!(timestamp(Some("yesterday")).is_none());
    }

    #[test]
    fn navigation_keeps_page_numbers_only() {
        let nav = navigation(Some(rc::NavigationInfo {
            next_page: Some(rc::NavigationUri {
                uri: Some("https://x/restapi/v1.0/account/1/extension?page=3&perPage=5".into()),
            }),
            ..Default::default()
        }))
        .unwrap();
        assert_eq!(nav.next_page.unwrap().page, 3);
        assert!(nav.first_page.is_none());
    }
}
