//! Account names: chosen by the operator, used in URL paths, Redis keys, metric labels
//! and log fields, so they are kept to a small, safe alphabet.

/// The account a gateway of one account serves (from `RC_*`): its state keeps the
/// layout it had before accounts existed, and its webhook path is the plain one.
pub const DEFAULT: &str = "default";

/// Whether `name` is a safe account name: 1-63 of `a-z 0-9 - _`, starting with a
/// letter or digit.
pub fn check(name: &str) -> Result<(), String> {
    let ok = (1..=63).contains(&name.len())
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "account {:?} is not a valid account name: 1-63 of a-z 0-9 - _, starting with a letter or digit",
            name.chars().take(80).collect::<String>()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_only() {
        for good in ["default", "acme", "acme-eu_2", "9lives"] {
            assert!(check(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "-acme",
            "Acme",
            "ac me",
            "a/b",
            "a:b",
            "ä",
            &"a".repeat(64),
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
    }
}
