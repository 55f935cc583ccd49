//! Input checks shared by the domain services. Every failure names the request field
//! (in its JSON spelling, which is also RingCentral's) so that callers can fix it.

use crate::error::{Error, Result};

/// Upper bound of RingCentral's `perPage`.
pub const MAX_PER_PAGE: i32 = 1000;

/// A RingCentral extension id: digits, or `~` for the gateway's own extension.
pub fn extension_id(field: &str, value: &str) -> Result<()> {
    if value == "~" || numeric_id(value) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{field} must be a RingCentral id (digits) or \"~\""),
        ))
    }
}

/// A RingCentral site id for get/update/delete: digits (the spec refuses `main-site` there).
pub fn site_id(field: &str, value: &str) -> Result<()> {
    if numeric_id(value) {
        Ok(())
    } else if value == "main-site" {
        Err(Error::invalid(
            field,
            "the main site cannot be addressed by id here",
        ))
    } else {
        Err(Error::invalid(
            field,
            format!("{field} must be a RingCentral site id (digits)"),
        ))
    }
}

/// A RingCentral numeric id: 1 to 20 digits.
pub fn numeric_id(value: &str) -> bool {
    !value.is_empty() && value.len() <= 20 && value.bytes().all(|b| b.is_ascii_digit())
}

/// `page` and `perPage`: zero means "RingCentral's default".
pub fn paging(page: i32, per_page: i32) -> Result<(Option<i32>, Option<i32>)> {
    let page = match page {
        0 => None,
        1.. => Some(page),
        _ => return Err(Error::invalid("page", "page must be 1 or more")),
    };
    let per_page = match per_page {
        0 => None,
        1..=MAX_PER_PAGE => Some(per_page),
        _ => {
            return Err(Error::invalid(
                "perPage",
                format!("perPage must be between 1 and {MAX_PER_PAGE}"),
            ));
        }
    };
    Ok((page, per_page))
}

/// A short extension number: 1 to 8 digits (RingCentral's maxLength is 8).
pub fn extension_number(field: &str, value: &str) -> Result<()> {
    if !value.is_empty() && value.len() <= 8 && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{field} must be 1 to 8 digits"),
        ))
    }
}

/// A plausible email address (RingCentral does the full check).
pub fn email(field: &str, value: &str) -> Result<()> {
    let ok = value.len() <= 254
        && value
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !value.chars().any(char::is_whitespace);
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{field} must be an email address"),
        ))
    }
}

/// A required, non-blank text field of bounded length.
pub fn required_text(field: &str, value: &str, max: usize) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::invalid(field, format!("{field} is required")))
    } else {
        max_len(field, value, max)
    }
}

/// A text field of at most `max` characters.
pub fn max_len(field: &str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        Err(Error::invalid(
            field,
            format!("{field} must be at most {max} characters"),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_ids_are_digits_or_tilde() {
        assert!(extension_id("id", "123").is_ok());
        assert!(extension_id("id", "~").is_ok());
        for bad in ["", "../x", "1?x=y", "12a", "%2F", &"9".repeat(21)] {
            assert!(extension_id("id", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn paging_bounds() {
        assert_eq!(paging(0, 0).unwrap(), (None, None));
        assert_eq!(paging(2, 1000).unwrap(), (Some(2), Some(1000)));
        assert!(paging(-1, 0).is_err());
        let err = paging(1, 1001).unwrap_err();
        assert!(matches!(err, Error::InvalidArgument { ref field, .. } if field == "perPage"));
    }

    #[test]
    fn emails_and_numbers() {
        assert!(email("email", "a@b.co").is_ok());
        assert!(email("email", "nope").is_err());
        assert!(extension_number("n", "101").is_ok());
        assert!(extension_number("n", "123456789").is_err());
        assert!(extension_number("n", "1x").is_err());
    }
}
