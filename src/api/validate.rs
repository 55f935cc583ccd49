//! Input checks of the gateway's requests. The rules are annotations on the protos
//! (`proto/rcgateway/v1/rules.proto`); build.rs turns them into one
//! [`ValidateFields`] impl per message, and the codec runs [`ValidateRequest`] on every
//! request it decodes. The same annotations, with the [`FormatSpec`] patterns below,
//! make the OpenAPI document's constraints: a check and its documented pattern are
//! written side by side here, once. Every failure names the request field in its JSON
//! spelling (which is also RingCentral's) so that callers can fix it.

use crate::error::Result;
pub use crate::proto::v1::Format;

/// Upper bound of RingCentral's `perPage`.
pub const MAX_PER_PAGE: i32 = 1000;

/// `page` and `perPage` as RingCentral takes them (their bounds are checked as the
/// request is decoded): zero, unset, asks for RingCentral's default.
pub fn paging(page: i32, per_page: i32) -> (Option<i32>, Option<i32>) {
    (
        (page != 0).then_some(page),
        (per_page != 0).then_some(per_page),
    )
}

/// The checks of a request message, run as it is decoded (a no-op for messages that
/// are not RPC inputs).
pub trait ValidateRequest {
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}

/// The checks of a message's fields, under `prefix` (`""`, or `contact.` inside a
/// request).
pub trait ValidateFields {
    fn validate_fields(&self, prefix: &str) -> Result<()>;
}

/// One field's annotation, as the generated checks pass it.
#[derive(Debug)]
pub struct Rule {
    pub json: &'static str,
    pub format: Format,
    pub max_length: u32,
    pub not_blank: bool,
    pub minimum: Option<i64>,
    pub maximum: Option<i64>,
    pub one_of_numbers: &'static [i64],
    pub one_of_texts: &'static [&'static str],
    pub not_in: &'static [&'static str],
    pub max_items: u32,
}

impl Rule {
    /// A field without an annotation (enums are still checked for known values).
    pub const fn plain(json: &'static str) -> Rule {
        Rule {
            json,
            format: Format::Unspecified,
            max_length: 0,
            not_blank: false,
            minimum: None,
            maximum: None,
            one_of_numbers: &[],
            one_of_texts: &[],
            not_in: &[],
            max_items: 0,
        }
    }
}

/// A text format: its check, the equivalent OpenAPI (ECMA-262) pattern, and how an
/// error describes it.
pub struct FormatSpec {
    pub check: fn(&str) -> bool,
    pub pattern: &'static str,
    pub max_length: Option<u32>,
    /// Completes "{field} must be ...".
    pub describe: &'static str,
}

/// 1 to `max` ASCII digits.
fn digits(value: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
}

/// Printable ASCII other than `@` (the pattern's `[!-?A-~]`).
fn email_char(b: u8) -> bool {
    b.is_ascii_graphic() && b != b'@'
}

fn email_check(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let dot = domain
        .bytes()
        .enumerate()
        .any(|(i, b)| b == b'.' && i > 0 && i + 1 < domain.len());
    value.len() <= 254
        && !local.is_empty()
        && local.bytes().all(email_char)
        && domain.bytes().all(email_char)
        && dot
}

/// A path segment of an event filter: word characters, dots only between them.
fn filter_segment(segment: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b"~_-".contains(&b);
    segment
        .split('.')
        .all(|part| !part.is_empty() && part.bytes().all(word))
}

/// `/restapi/v1.0/<segments>[?<query>]`: the shape of RingCentral's event filters,
/// with no empty segment and no "..".
fn event_filter_check(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("/restapi/v1.0/") else {
        return false;
    };
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    let query_char = |b: u8| b.is_ascii_alphanumeric() || b"~_=&%+,-".contains(&b);
    let query_ok = |q: &str| {
        q.split('.')
            .enumerate()
            .all(|(i, part)| (i == 0 || !part.is_empty()) && part.bytes().all(query_char))
    };
    value.len() <= 512 && path.split('/').all(filter_segment) && query.is_none_or(query_ok)
}

fn offset_check(value: &str) -> bool {
    match value.split_once('-') {
        Some((major, minor)) => digits(major, 1, 19) && digits(minor, 1, 19),
        None => digits(value, 1, 19),
    }
}

static ID: FormatSpec = FormatSpec {
    check: |v| digits(v, 1, 20),
    pattern: "^[0-9]{1,20}$",
    max_length: None,
    describe: "a RingCentral id (digits)",
};
static EXTENSION_ID: FormatSpec = FormatSpec {
    check: |v| v == "~" || digits(v, 1, 20),
    pattern: "^(~|[0-9]{1,20})$",
    max_length: None,
    describe: "a RingCentral id (digits) or \"~\"",
};
static SITE_ID: FormatSpec = FormatSpec {
    check: |v| digits(v, 1, 20),
    pattern: "^[0-9]{1,20}$",
    max_length: None,
    describe: "a RingCentral site id (digits)",
};
static SITE_REF: FormatSpec = FormatSpec {
    check: |v| v == "main-site" || digits(v, 1, 20),
    pattern: "^(main-site|[0-9]{1,20})$",
    max_length: None,
    describe: "a site id (digits) or \"main-site\"",
};
static EXTENSION_NUMBER: FormatSpec = FormatSpec {
    check: |v| digits(v, 1, 8),
    pattern: "^[0-9]{1,8}$",
    max_length: None,
    describe: "1 to 8 digits",
};
static EMAIL: FormatSpec = FormatSpec {
    check: email_check,
    pattern: "^[!-?A-~]+@[!-?A-~]+\\.[!-?A-~]+$",
    max_length: Some(254),
    describe: "an email address",
};
static RECORD_ID: FormatSpec = FormatSpec {
    check: |v| {
        (1..=64).contains(&v.len())
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    },
    pattern: "^[A-Za-z0-9_-]{1,64}$",
    max_length: None,
    describe: "one RingCentral call record id (letters, digits, - and _)",
};
static SUBSCRIPTION_ID: FormatSpec = FormatSpec {
    check: |v| {
        (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    },
    pattern: "^[A-Za-z0-9-]{1,64}$",
    max_length: None,
    describe: "a RingCentral subscription id",
};
static EVENT_OFFSET: FormatSpec = FormatSpec {
    check: offset_check,
    pattern: "^[0-9]{1,19}(-[0-9]{1,19})?$",
    max_length: None,
    describe: "an event offset (digits, or a stream id such as 1700000000000-0)",
};
static AREA_CODE: FormatSpec = FormatSpec {
    check: |v| digits(v, 3, 3),
    pattern: "^[0-9]{3}$",
    max_length: None,
    describe: "3 digits, e.g. 650",
};
static NUMBER_PATTERN: FormatSpec = FormatSpec {
    check: |v| (1..=15).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit() || b == b'*'),
    pattern: "^[0-9*]{1,15}$",
    max_length: None,
    describe: "digits and '*' (at most 15)",
};
static EVENT_FILTER: FormatSpec = FormatSpec {
    check: event_filter_check,
    pattern: "^/restapi/v1\\.0(/[A-Za-z0-9~_-]+(\\.[A-Za-z0-9~_-]+)*)+(\\?([A-Za-z0-9~_=&%+,-]|\\.[A-Za-z0-9~_=&%+,-])*)?$",
    max_length: Some(512),
    describe: "a RingCentral event filter (/restapi/v1.0/..., without empty segments or \"..\")",
};
static VERIFICATION_TOKEN: FormatSpec = FormatSpec {
    check: |v| (16..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric()),
    pattern: "^[A-Za-z0-9]{16,64}$",
    max_length: None,
    describe: "a verification token (16 to 64 letters and digits)",
};

static ACCOUNT_ID: FormatSpec = FormatSpec {
    check: |v| crate::accounts::name::check(v).is_ok(),
    pattern: "^[a-z0-9][a-z0-9_-]{0,62}$",
    max_length: None,
    describe: "an account name (1 to 63 of a-z, 0-9, - and _, starting with a letter or digit)",
};

/// The spec of a format (`None` for the unspecified one).
pub fn format_spec(format: Format) -> Option<&'static FormatSpec> {
    Some(match format {
        Format::Unspecified => return None,
        Format::Id => &ID,
        Format::ExtensionId => &EXTENSION_ID,
        Format::SiteId => &SITE_ID,
        Format::SiteRef => &SITE_REF,
        Format::ExtensionNumber => &EXTENSION_NUMBER,
        Format::Email => &EMAIL,
        Format::RecordId => &RECORD_ID,
        Format::SubscriptionId => &SUBSCRIPTION_ID,
        Format::EventOffset => &EVENT_OFFSET,
        Format::AreaCode => &AREA_CODE,
        Format::NumberPattern => &NUMBER_PATTERN,
        Format::EventFilter => &EVENT_FILTER,
        Format::VerificationToken => &VERIFICATION_TOKEN,
        Format::AccountId => &ACCOUNT_ID,
    })
}

/// The checks the generated code calls. A value that is not set (`None`) passes all
/// of them; `required` is checked before.
pub mod check {
    use super::{Format, Rule, format_spec};
    use crate::error::{Error, Result};

    fn name(prefix: &str, json: &str) -> String {
        format!("{prefix}{json}")
    }

    /// The prefix of a nested message's fields.
    pub fn nested(prefix: &str, json: &str) -> String {
        format!("{prefix}{json}.")
    }

    pub fn required(prefix: &str, json: &str) -> Error {
        let field = name(prefix, json);
        Error::invalid(&field, format!("{field} is required"))
    }

    /// None of the fields of an `at_least_one_of` rule is set.
    pub fn none_of(prefix: &str, fields: &[&str]) -> Error {
        let names: Vec<String> = fields.iter().map(|f| name(prefix, f)).collect();
        let message = match names.as_slice() {
            [a, b] => format!("give {a} or {b}"),
            _ => format!(
                "the request changes nothing: set at least one of {}",
                names.join(", ")
            ),
        };
        Error::invalid(&names[0], message)
    }

    /// A field given while another field's value does not allow it.
    pub fn only_with(prefix: &str, json: &str, decider: &str, values: &[&str]) -> Error {
        let field = name(prefix, json);
        Error::invalid(
            &field,
            format!(
                "{field} can only be given when {prefix}{decider} is {}",
                values.join(" or ")
            ),
        )
    }

    pub fn text(prefix: &str, rule: &Rule, value: Option<&str>) -> Result<()> {
        let Some(value) = value else {
            return Ok(());
        };
        let bad = |what: String| {
            let field = name(prefix, rule.json);
            Error::invalid(&field, format!("{field} {what}"))
        };
        if rule.not_blank && value.trim().is_empty() {
            return Err(bad("must not be blank".into()));
        }
        if rule.max_length > 0 && value.chars().count() > rule.max_length as usize {
            return Err(bad(format!(
                "must be at most {} characters",
                rule.max_length
            )));
        }
        if !rule.one_of_texts.is_empty() && !rule.one_of_texts.contains(&value) {
            return Err(bad(format!(
                "must be one of {}",
                rule.one_of_texts.join(", ")
            )));
        }
        if let Some(spec) = format_spec(rule.format)
            && !(spec.check)(value)
        {
            if rule.format == Format::SiteId && value == "main-site" {
                return Err(bad(
                    "cannot be the main site here: address it by its id".into()
                ));
            }
            return Err(bad(format!("must be {}", spec.describe)));
        }
        Ok(())
    }

    pub fn items(prefix: &str, rule: &Rule, count: usize) -> Result<()> {
        if rule.max_items > 0 && count > rule.max_items as usize {
            let field = name(prefix, rule.json);
            return Err(Error::invalid(
                &field,
                format!("{field} takes at most {} items", rule.max_items),
            ));
        }
        Ok(())
    }

    pub fn texts(prefix: &str, rule: &Rule, values: &[String]) -> Result<()> {
        items(prefix, rule, values.len())?;
        values
            .iter()
            .try_for_each(|v| text(prefix, rule, Some(v.as_str())))
    }

    pub fn number(prefix: &str, rule: &Rule, value: Option<i64>) -> Result<()> {
        let Some(value) = value else {
            return Ok(());
        };
        let field = || name(prefix, rule.json);
        let below = rule.minimum.is_some_and(|min| value < min);
        let above = rule.maximum.is_some_and(|max| value > max);
        if below || above {
            let f = field();
            let message = match (rule.minimum, rule.maximum) {
                (Some(min), Some(max)) => format!("{f} must be between {min} and {max}"),
                (Some(min), None) => format!("{f} must be {min} or more"),
                (None, Some(max)) => format!("{f} must be {max} or less"),
                (None, None) => unreachable!("a bound was crossed"),
            };
            return Err(Error::invalid(&f, message));
        }
        if !rule.one_of_numbers.is_empty() && !rule.one_of_numbers.contains(&value) {
            let f = field();
            return Err(Error::invalid(
                &f,
                format!("{f} must be one of {:?}", rule.one_of_numbers),
            ));
        }
        Ok(())
    }

    /// A set enum field: a value the proto defines, and not one the rule refuses.
    pub fn enumeration(
        prefix: &str,
        rule: &Rule,
        value: Option<i32>,
        name_of: impl Fn(i32) -> Option<&'static str>,
    ) -> Result<()> {
        let Some(value) = value else {
            return Ok(());
        };
        let field = || name(prefix, rule.json);
        match name_of(value) {
            None => {
                let f = field();
                Err(Error::invalid(&f, format!("{f} has no value {value}")))
            }
            Some(refused) if rule.not_in.contains(&refused) => {
                let f = field();
                Err(Error::invalid(&f, format!("{f} cannot be {refused}")))
            }
            Some(_) => Ok(()),
        }
    }

    /// A repeated enum field (a filter): every item a real, non-zero value.
    pub fn enumerations(
        prefix: &str,
        rule: &Rule,
        values: &[i32],
        name_of: impl Fn(i32) -> Option<&'static str>,
    ) -> Result<()> {
        items(prefix, rule, values.len())?;
        for value in values {
            if *value == 0 {
                let f = name(prefix, rule.json);
                return Err(Error::invalid(&f, format!("{f} must not be unspecified")));
            }
            enumeration(prefix, rule, Some(*value), &name_of)?;
        }
        Ok(())
    }
}

/// The generated impls, one per message of the package.
#[allow(clippy::all)]
mod generated {
    use super::check;
    use super::{Format, Rule, ValidateFields, ValidateRequest};
    use crate::error::Result;

    include!(concat!(env!("OUT_DIR"), "/rcgateway_validate.rs"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn extension_ids_are_digits_or_tilde() {
        let ok = EXTENSION_ID.check;
        assert!(ok("123") && ok("~"));
        for bad in ["", "../x", "1?x=y", "12a", "%2F", &"9".repeat(21)] {
            assert!(!ok(bad), "{bad:?}");
        }
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        let ok = EMAIL.check;
        assert!(ok("a@b.co") && ok("first.last+tag@mail.example.com"));
        for bad in [
            "nope", "@b.co", "a@.co", "a@b.", "a@bco", "a b@c.de", "a@b@c.de", "é@b.co",
        ] {
            assert!(!ok(bad), "{bad:?}");
        }
    }

    #[test]
    fn event_filters_are_restapi_paths_without_dot_dot() {
        let ok = EVENT_FILTER.check;
        assert!(ok(
            "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true"
        ));
        assert!(ok("/restapi/v1.0/subscription/~?threshold=60&interval=15"));
        assert!(ok("/restapi/v1.0/glip/posts"));
        for bad in [
            "/other",
            "/restapi/",
            "/restapi/v1.0/",
            "/restapi/v1.0/a//b",
            "/restapi/v1.0/../x",
            "/restapi/v1.0/a b",
            "/restapi/v1.0/x?a..b",
            &format!("/restapi/v1.0/{}", "x".repeat(600)),
        ] {
            assert!(!ok(bad), "{bad:?}");
        }
    }

    #[test]
    fn rules_name_the_field_with_its_prefix() {
        let rule = Rule {
            json: "email",
            format: Format::Email,
            ..Rule::plain("email")
        };
        let err = check::text("contact.", &rule, Some("nope")).unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument { ref field, .. } if field == "contact.email")
        );
        assert!(check::text("contact.", &rule, None).is_ok());
        let per_page = Rule {
            minimum: Some(1),
            maximum: Some(MAX_PER_PAGE.into()),
            ..Rule::plain("perPage")
        };
        assert!(check::number("", &per_page, Some(1000)).is_ok());
        assert!(check::number("", &per_page, Some(1001)).is_err());
        assert!(check::number("", &per_page, None).is_ok());
    }

    #[test]
    fn generated_checks_run_on_requests() {
        use crate::proto::v1 as pb;
        let bad = pb::GetExtensionRequest {
            extension_id: "../x".into(),
        };
        assert!(
            matches!(bad.validate(), Err(Error::InvalidArgument { ref field, .. }) if field == "extensionId")
        );
        let missing = pb::GetExtensionRequest::default();
        assert!(missing.validate().is_err());
        let create = pb::CreateExtensionRequest {
            contact: Some(pb::Contact {
                first_name: Some("Ada".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let err = create.validate().unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument { ref field, .. } if field == "contact.email"),
            "{err:?}"
        );
        // An answer is not a request: nothing is checked when a client decodes it.
        let answer = pb::Extension {
            extension_number: "not digits".into(),
            ..Default::default()
        };
        assert!(answer.validate().is_ok());
    }
}
