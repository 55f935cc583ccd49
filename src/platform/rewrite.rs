//! Absolute URIs in RingCentral's JSON answers (`uri`, `navigation.*.uri`, content
//! URIs) pointed at the gateway: every JSON string that starts with RingCentral's base
//! URL followed by `/`, `?` or its end gets the gateway's base instead.

use bytes::Bytes;

/// `body` with each string starting with `from` starting with `to` instead.
pub fn uris(body: &Bytes, from: &str, to: &str) -> Bytes {
    let needle = format!("\"{from}");
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    for at in finder.find_iter(body) {
        let after = body.get(at + needle.len()).copied();
        if !matches!(after, Some(b'/' | b'?' | b'"')) {
            continue;
        }
        // A quote that is itself escaped (`\"`) is inside a string, not its start.
        if at > 0 && escaped(&body[..at]) {
            continue;
        }
        let out = out.get_or_insert_with(|| Vec::with_capacity(body.len()));
        out.extend_from_slice(&body[copied..at]);
        out.push(b'"');
        out.extend_from_slice(to.as_bytes());
        copied = at + needle.len();
    }
    match out {
        Some(mut out) => {
            out.extend_from_slice(&body[copied..]);
            Bytes::from(out)
        }
        None => body.clone(),
    }
}

/// Whether the byte after `before` is escaped: an odd number of backslashes end it.
fn escaped(before: &[u8]) -> bool {
    before.iter().rev().take_while(|b| **b == b'\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const RC: &str = "https://platform.ringcentral.com";
    const GW: &str = "http://gateway:8080";

    fn rewrite(s: &str) -> String {
        String::from_utf8(uris(&Bytes::from(s.to_owned()), RC, GW).to_vec()).unwrap()
    }

    #[test]
    fn uris_at_string_starts_point_at_the_gateway() {
        let page = r#"{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/1/extension?page=1","navigation":{"nextPage":{"uri":"https://platform.ringcentral.com/restapi/v1.0/account/1/extension?page=2"}},"home":"https://platform.ringcentral.com"}"#;
        let want = r#"{"uri":"http://gateway:8080/restapi/v1.0/account/1/extension?page=1","navigation":{"nextPage":{"uri":"http://gateway:8080/restapi/v1.0/account/1/extension?page=2"}},"home":"http://gateway:8080"}"#;
        assert_eq!(rewrite(page), want);
    }

    #[test]
    fn other_strings_stay_as_they_are() {
        for s in [
            r#"{"note":"see https://platform.ringcentral.com/restapi"}"#,
            r#"{"uri":"https://platform.ringcentral.com.example.org/x"}"#,
            r#"{"note":"a \"https://platform.ringcentral.com/restapi\" quoted"}"#,
            r#"{"uri":"https://media.ringcentral.com/restapi/v1.0/x"}"#,
        ] {
            assert_eq!(rewrite(s), s);
        }
    }
}
