//! Deterministic seed data: a realistic multi-site account with a few hundred
//! extensions of several types. The same seed always gives the same account, so tests
//! and examples can rely on it.

use std::collections::BTreeMap;
use std::time::{Duration, UNIX_EPOCH};

use super::state::Data;
use rc_spec::models::{
    AccountRef, BusinessAddressInfo, ContactInfo, CountryInfo, ExtensionInfo, ExtensionPermissions,
    ExtensionSiteInfo, LocaleInfo, OperatorInfo, PermissionFlag, RegionalSettingsInfo, SiteInfo,
    TimezoneInfo,
};

/// The sandbox account's id (of the first account of a multi-account sandbox).
#[cfg(test)]
pub const ACCOUNT_ID: &str = "809646016";
const FIRST_ACCOUNT_ID: i64 = 809_646_016;

/// Extension id of the administrator (extension number 101) of the first account.
pub const ADMIN_ID: i64 = 63_000_101;

/// The ids an account's data is built around.
pub struct Ids {
    pub account_id: String,
    /// The administrator's extension id; the other extensions follow it.
    pub admin_id: i64,
}

impl Ids {
    /// Account number `index`'s: account 0 has the historical ids, the others ids of
    /// their own (a million extension ids apart), so that no two accounts share one.
    pub fn of_account(index: usize) -> Self {
        let index = index as i64;
        Ids {
            account_id: (FIRST_ACCOUNT_ID + index * 1_000_003).to_string(),
            admin_id: ADMIN_ID + index * 1_000_000,
        }
    }
}

/// The data seed of account number `index` of a sandbox configured with `seed`:
/// `seed` itself for account 0, so that it is the single-account sandbox's.
pub fn account_seed(seed: u64, index: usize) -> u64 {
    seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

const FIRST_NAMES: &[&str] = &[
    "Jordan", "Avery", "Riley", "Morgan", "Casey", "Taylor", "Jamie", "Quinn", "Harper", "Rowan",
    "Elena", "Marcus", "Priya", "Kenji", "Sofia", "Liam", "Amara", "Noah", "Isabel", "Mateo",
    "Chloe", "Ethan", "Zara", "Lucas", "Maya", "Omar", "Grace", "Hugo", "Ines", "Felix",
];
const LAST_NAMES: &[&str] = &[
    "Rivera",
    "Chen",
    "Patel",
    "Okafor",
    "Novak",
    "Schmidt",
    "Kowalski",
    "Haddad",
    "Silva",
    "Tanaka",
    "Murphy",
    "Johansson",
    "Dubois",
    "Rossi",
    "Nguyen",
    "Garcia",
    "Kim",
    "Brown",
    "Walsh",
    "Moreau",
    "Fischer",
    "Costa",
    "Larsen",
    "Ibrahim",
    "Hughes",
];
const TITLES: &[&str] = &[
    "Account Executive",
    "Support Engineer",
    "Sales Manager",
    "Developer",
    "Office Manager",
    "Customer Success Manager",
    "Marketing Specialist",
    "Finance Analyst",
    "IT Administrator",
];
const DEPARTMENTS: &[&str] = &[
    "Sales",
    "Support",
    "Engineering",
    "Marketing",
    "Finance",
    "Operations",
];

struct SiteSeed {
    id: &'static str,
    name: &'static str,
    number: Option<&'static str>,
    code: &'static str,
    city: &'static str,
    state: &'static str,
    street: &'static str,
    zip: &'static str,
    country: (&'static str, &'static str, &'static str),
    timezone: (&'static str, &'static str, &'static str, &'static str),
}

const SITES: &[SiteSeed] = &[
    SiteSeed {
        id: "main-site",
        name: "Headquarters",
        number: None,
        code: "10",
        city: "Belmont",
        state: "CA",
        street: "20 Davis Drive",
        zip: "94002",
        country: ("1", "US", "United States"),
        timezone: ("58", "US/Pacific", "Pacific Time (US & Canada)", "-480"),
    },
    SiteSeed {
        id: "900000101",
        name: "Denver Office",
        number: Some("2001"),
        code: "20",
        city: "Denver",
        state: "CO",
        street: "1701 Wynkoop Street",
        zip: "80202",
        country: ("1", "US", "United States"),
        timezone: ("59", "US/Mountain", "Mountain Time (US & Canada)", "-420"),
    },
    SiteSeed {
        id: "900000102",
        name: "New York Office",
        number: Some("2002"),
        code: "30",
        city: "New York",
        state: "NY",
        street: "350 Fifth Avenue",
        zip: "10118",
        country: ("1", "US", "United States"),
        timezone: ("60", "US/Eastern", "Eastern Time (US & Canada)", "-300"),
    },
    SiteSeed {
        id: "900000103",
        name: "Toronto Office",
        number: Some("2003"),
        code: "40",
        city: "Toronto",
        state: "ON",
        street: "100 King Street West",
        zip: "M5X 1A9",
        country: ("39", "CA", "Canada"),
        timezone: ("60", "US/Eastern", "Eastern Time (US & Canada)", "-300"),
    },
    SiteSeed {
        id: "900000104",
        name: "London Office",
        number: Some("2004"),
        code: "50",
        city: "London",
        state: "",
        street: "30 St Mary Axe",
        zip: "EC3A 8BF",
        country: ("224", "GB", "United Kingdom"),
        timezone: ("71", "Europe/London", "London, Edinburgh, Lisbon", "0"),
    },
];

/// How many extensions of each kind the account has, and their first number.
const NON_USERS: &[(&str, &str, u32, usize)] = &[
    ("Department", "Queue", 500, 12),
    ("Announcement", "Announcement", 600, 6),
    ("Voicemail", "Voicemail Box", 650, 6),
    ("IvrMenu", "Main Menu", 700, 4),
    ("ParkLocation", "Park Location", 800, 5),
    ("Limited", "Common Phone", 850, 6),
    ("FaxUser", "Fax Line", 870, 5),
    ("DigitalUser", "Digital Line", 880, 8),
    ("PagingOnly", "Paging Group", 890, 3),
    ("SharedLinesGroup", "Shared Lines", 895, 2),
];

const USERS: u32 = 260;

fn regional(site: &SiteSeed) -> RegionalSettingsInfo {
    let locale = |id: &str, code: &str, name: &str| {
        Some(LocaleInfo {
            id: Some(id.to_owned()),
            locale_code: Some(code.to_owned()),
            name: Some(name.to_owned()),
        })
    };
    let (language, time_format) = if site.country.1 == "GB" {
        (locale("2057", "en-GB", "English (United Kingdom)"), "24h")
    } else {
        (locale("1033", "en-US", "English (United States)"), "12h")
    };
    RegionalSettingsInfo {
        home_country: Some(CountryInfo {
            id: Some(site.country.0.to_owned()),
            uri: None,
            name: Some(site.country.2.to_owned()),
            iso_code: Some(site.country.1.to_owned()),
            calling_code: Some(if site.country.1 == "GB" { "44" } else { "1" }.to_owned()),
        }),
        timezone: Some(TimezoneInfo {
            uri: None,
            id: Some(site.timezone.0.to_owned()),
            name: Some(site.timezone.1.to_owned()),
            description: Some(site.timezone.2.to_owned()),
            bias: Some(site.timezone.3.to_owned()),
        }),
        greeting_language: language.clone(),
        formatting_locale: language.clone(),
        language,
        time_format: Some(time_format.to_owned()),
    }
}

fn address(site: &SiteSeed) -> BusinessAddressInfo {
    BusinessAddressInfo {
        country: Some(site.country.1.to_owned()),
        state: Some(site.state.to_owned()).filter(|s| !s.is_empty()),
        city: Some(site.city.to_owned()),
        street: Some(site.street.to_owned()),
        zip: Some(site.zip.to_owned()),
    }
}

/// RFC 3339 in RingCentral's form (`2024-03-01T10:00:00.000Z`).
pub fn rc_time(since_epoch: Duration) -> String {
    humantime::format_rfc3339_millis(UNIX_EPOCH + since_epoch).to_string()
}

/// Builds the account; the call history ends at `now` (rounded down to the hour).
pub fn account(seed: u64, base_url: &str, ids: &Ids, now: std::time::SystemTime) -> Data {
    let mut rng = fastrand::Rng::with_seed(seed);
    let account_id = ids.account_id.as_str();
    let admin_id = ids.admin_id;
    let account_uri = format!("{base_url}/restapi/v1.0/account/{account_id}");
    // Creation times spread over 2023-2025.
    let epoch_2023 = 1_672_531_200u64;
    let mut created = || {
        rc_time(Duration::from_secs(
            epoch_2023 + rng.u64(0..3 * 365 * 86_400),
        ))
    };
    let creation_times: Vec<String> = (0..USERS as usize + 100).map(|_| created()).collect();
    let mut times = creation_times.into_iter();

    let mut extensions = BTreeMap::new();
    let mut next_id = admin_id - 1;
    let mut used_emails = std::collections::HashSet::new();
    let site_info = |site: &SiteSeed| ExtensionSiteInfo {
        id: Some(site.id.to_owned()),
        uri: Some(format!("{account_uri}/sites/{}", site.id)),
        name: Some(site.name.to_owned()),
        code: Some(site.code.to_owned()),
    };

    for n in 0..USERS {
        next_id += 1;
        let id = next_id;
        let number = 101 + n;
        let (first, last) = if n == 0 {
            ("Jordan", "Rivera")
        } else {
            (
                FIRST_NAMES[rng.usize(0..FIRST_NAMES.len())],
                LAST_NAMES[rng.usize(0..LAST_NAMES.len())],
            )
        };
        let mut email = format!(
            "{}.{}@example.com",
            first.to_lowercase(),
            last.to_lowercase()
        );
        if !used_emails.insert(email.clone()) {
            email = format!(
                "{}.{}{}@example.com",
                first.to_lowercase(),
                last.to_lowercase(),
                number
            );
            used_emails.insert(email.clone());
        }
        let site = if n == 0 {
            &SITES[0]
        } else {
            &SITES[rng.usize(0..SITES.len())]
        };
        let status = match (n, rng.u32(0..100)) {
            (0, _) => "Enabled",
            (_, 0..=84) => "Enabled",
            (_, 85..=90) => "Disabled",
            (_, 91..=95) => "NotActivated",
            (_, 96..=97) => "Frozen",
            _ => "Unassigned",
        };
        extensions.insert(
            id,
            ExtensionInfo {
                id: Some(id),
                uri: Some(format!("{account_uri}/extension/{id}")),
                account: Some(AccountRef {
                    id: Some(account_id.to_owned()),
                    uri: Some(account_uri.clone()),
                }),
                contact: Some(ContactInfo {
                    first_name: Some(first.to_owned()),
                    last_name: Some(last.to_owned()),
                    company: Some("Acme Telecom Inc.".to_owned()),
                    job_title: Some(
                        if n == 0 {
                            "IT Director"
                        } else {
                            TITLES[rng.usize(0..TITLES.len())]
                        }
                        .to_owned(),
                    ),
                    email: Some(email),
                    business_phone: Some(format!("+1650555{:04}", 1000 + n)),
                    business_address: Some(address(site)),
                    email_as_login_name: Some(true),
                    department: Some(DEPARTMENTS[rng.usize(0..DEPARTMENTS.len())].to_owned()),
                    ..Default::default()
                }),
                extension_number: Some(number.to_string()),
                name: Some(format!("{first} {last}")),
                permissions: Some(ExtensionPermissions {
                    admin: Some(PermissionFlag {
                        enabled: Some(n == 0 || n % 40 == 0),
                    }),
                    international_calling: Some(PermissionFlag {
                        enabled: Some(n % 3 == 0),
                    }),
                }),
                regional_settings: Some(regional(site)),
                status: Some(status.to_owned()),
                r#type: Some("User".to_owned()),
                hidden: Some(false),
                site: Some(site_info(site)),
                creation_time: times.next(),
                ..Default::default()
            },
        );
    }

    for (kind, label, first_number, count) in NON_USERS {
        for i in 0..*count {
            next_id += 1 + rng.i64(0..5);
            let id = next_id;
            let site = &SITES[i % SITES.len()];
            let name = if *kind == "Department" {
                let dept = DEPARTMENTS[i % DEPARTMENTS.len()];
                format!("{dept} {label} {}", i / DEPARTMENTS.len() + 1)
            } else {
                format!("{label} {}", i + 1)
            };
            extensions.insert(
                id,
                ExtensionInfo {
                    id: Some(id),
                    uri: Some(format!("{account_uri}/extension/{id}")),
                    account: Some(AccountRef {
                        id: Some(account_id.to_owned()),
                        uri: Some(account_uri.clone()),
                    }),
                    contact: Some(ContactInfo {
                        first_name: Some(name.clone()),
                        email: Some(format!(
                            "{}@example.com",
                            name.to_lowercase().replace(' ', ".")
                        )),
                        ..Default::default()
                    }),
                    extension_number: Some((first_number + i as u32).to_string()),
                    name: Some(name),
                    regional_settings: Some(regional(site)),
                    status: Some(if i % 11 == 10 { "Disabled" } else { "Enabled" }.to_owned()),
                    r#type: Some((*kind).to_owned()),
                    hidden: Some(false),
                    site: Some(site_info(site)),
                    creation_time: times.next(),
                    ..Default::default()
                },
            );
        }
    }

    let sites = SITES
        .iter()
        .map(|s| {
            (
                s.id.to_owned(),
                SiteInfo {
                    id: Some(s.id.to_owned()),
                    uri: Some(format!("{account_uri}/sites/{}", s.id)),
                    name: Some(s.name.to_owned()),
                    extension_number: s.number.map(str::to_owned),
                    caller_id_name: Some(s.name.chars().take(15).collect()),
                    email: Some(format!(
                        "{}@example.com",
                        s.name.to_lowercase().replace(' ', ".")
                    )),
                    business_address: Some(address(s)),
                    regional_settings: Some(regional(s)),
                    site_access: Some("Unlimited".to_owned()),
                    operator: Some(OperatorInfo {
                        id: Some(admin_id.to_string()),
                        uri: Some(format!("{account_uri}/extension/{admin_id}")),
                        extension_number: Some("101".to_owned()),
                        name: Some("Jordan Rivera".to_owned()),
                    }),
                    code: Some(s.code.to_owned()),
                },
            )
        })
        .collect();

    let queues = super::call_queues::seed(&mut rng, &extensions);
    let numbers = super::phone_numbers::seed(&mut rng, &extensions);
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    let anchor = UNIX_EPOCH + Duration::from_secs(since_epoch - since_epoch % 3600);
    let call_log = super::call_logs::seed(&mut rng, &extensions, &account_uri, base_url, anchor);
    Data {
        admin_id,
        next_id: next_id + 1000,
        extensions,
        sites,
        queues,
        numbers,
        call_log,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_account() {
        let now = std::time::SystemTime::now();
        let a = account(7, "http://x", &Ids::of_account(0), now);
        let b = account(7, "http://x", &Ids::of_account(0), now);
        assert_eq!(a.extensions, b.extensions);
        assert_eq!(a.sites, b.sites);
        assert_eq!(a.queues, b.queues);
        assert_eq!(a.numbers, b.numbers);
        let ids = |d: &Data| {
            d.call_log
                .iter()
                .map(|e| e.record.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&b));
    }

    #[test]
    fn account_zero_keeps_the_historical_ids_and_seed_and_the_others_differ() {
        let first = Ids::of_account(0);
        assert_eq!(
            (first.account_id.as_str(), first.admin_id),
            (ACCOUNT_ID, ADMIN_ID)
        );
        assert_eq!(account_seed(42, 0), 42);
        assert_ne!(account_seed(42, 1), 42);
        let now = std::time::SystemTime::now();
        let a = account(account_seed(42, 0), "http://x", &first, now);
        let second = Ids::of_account(1);
        assert_ne!(second.account_id, first.account_id);
        let b = account(account_seed(42, 1), "http://x", &second, now);
        assert_eq!(b.admin_id, second.admin_id);
        assert!(
            a.extensions.keys().all(|id| !b.extensions.contains_key(id)),
            "no extension id is in both accounts"
        );
        let names = |d: &Data| {
            d.extensions
                .values()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
        };
        assert_ne!(names(&a), names(&b));
        assert!(b.extensions.values().all(|e| {
            e.account.as_ref().and_then(|a| a.id.as_deref()) == Some(second.account_id.as_str())
        }));
    }

    #[test]
    fn the_account_is_realistic() {
        let data = account(
            1,
            "http://x",
            &Ids::of_account(0),
            std::time::SystemTime::now(),
        );
        assert!(data.extensions.len() > 300);
        let users = data
            .extensions
            .values()
            .filter(|e| e.r#type.as_deref() == Some("User"))
            .count();
        assert_eq!(users, USERS as usize);
        let numbers: std::collections::HashSet<_> = data
            .extensions
            .values()
            .map(|e| e.extension_number.clone())
            .collect();
        assert_eq!(
            numbers.len(),
            data.extensions.len(),
            "extension numbers are unique"
        );
        assert_eq!(
            data.extensions[&ADMIN_ID].extension_number.as_deref(),
            Some("101")
        );
        assert_eq!(data.sites.len(), SITES.len());
        assert_eq!(data.queues.len(), 12);
        assert!(data.queues.values().all(|q| q.members.len() >= 2));
        assert!(data.numbers.len() > 200);
        assert_eq!(data.call_log.len(), super::super::call_logs::RECORDS);
        assert!(
            data.call_log.windows(2).all(|w| w[0].at >= w[1].at),
            "newest first"
        );
    }
}
