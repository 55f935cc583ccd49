//! Multipart bodies as RingCentral's upload operations take them: `multipart/form-data`
//! (RFC 7578) and `multipart/mixed` (RFC 2046), over a buffered body. Parts are slices
//! of that body, never copies.

use std::fmt;

use bytes::Bytes;

/// More parts than any RingCentral upload takes (a fax has a handful of documents).
const MAX_PARTS: usize = 1000;
/// Bound on one part's header section.
const MAX_HEADER_BYTES: usize = 16 * 1024;

/// One body part.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Header names in lower case, in their order.
    pub headers: Vec<(String, String)>,
    /// `Content-Disposition`'s `name`.
    pub name: Option<String>,
    /// `Content-Disposition`'s `filename` (`filename*` preferred), possibly empty.
    pub filename: Option<String>,
    /// The part's `Content-Type` value as sent.
    pub content_type: Option<String>,
    pub body: Bytes,
}

impl Part {
    /// The part's media type in lower case without parameters (`audio/mpeg`).
    pub fn media_type(&self) -> Option<String> {
        self.content_type
            .as_deref()
            .map(|v| media_type(v).0)
            .filter(|m| !m.is_empty())
    }

    /// Whether the part carries JSON (`application/json`, `application/*+json`).
    pub fn is_json(&self) -> bool {
        self.media_type()
            .is_some_and(|m| m == "application/json" || m.ends_with("+json"))
    }

    /// The body as text (form fields are UTF-8 per RFC 7578 section 5.1).
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }
}

/// Why a body is not the multipart body its Content-Type announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The Content-Type has no `boundary` parameter.
    NoBoundary,
    /// The boundary breaks RFC 2046's rules (1 to 70 characters, no trailing space).
    BadBoundary,
    /// No delimiter line in the body.
    NoParts,
    /// The close delimiter (`--boundary--`) is missing.
    Unterminated,
    /// A part's headers are not `Name: value` lines ended by an empty line.
    BadHeaders,
    TooManyParts,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Error::NoBoundary => "the Content-Type has no boundary parameter",
            Error::BadBoundary => "the multipart boundary is invalid",
            Error::NoParts => "the body has no part delimited by the boundary",
            Error::Unterminated => "the body does not end with the closing boundary",
            Error::BadHeaders => "a part's headers are malformed",
            Error::TooManyParts => "the body has too many parts",
        })
    }
}

/// A media type's essence in lower case and its parameters (names in lower case).
pub fn media_type(value: &str) -> (String, Vec<(String, String)>) {
    let (essence, rest) = value.split_once(';').unwrap_or((value, ""));
    (essence.trim().to_ascii_lowercase(), parameters(rest))
}

/// The boundary of a `multipart/*` Content-Type value.
pub fn boundary(content_type: &str) -> Result<String, Error> {
    let (_, params) = media_type(content_type);
    let boundary = params
        .into_iter()
        .find(|(k, _)| k == "boundary")
        .map(|(_, v)| v)
        .ok_or(Error::NoBoundary)?;
    // RFC 2046 section 5.1.1: bchars, at most 70, not ending with a space.
    let valid = !boundary.is_empty()
        && boundary.len() <= 70
        && !boundary.ends_with(' ')
        && boundary
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"'()+_,-./:=? ".contains(&b));
    if valid {
        Ok(boundary)
    } else {
        Err(Error::BadBoundary)
    }
}

/// `; name=value; name="quoted"` parameters; names in lower case. `name*` values
/// (RFC 8187) are kept undecoded under their starred name.
fn parameters(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ';' || c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return out;
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c == ';' {
                break;
            }
            name.push(c);
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'=') {
            chars.next();
            while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                chars.next();
            }
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        // A backslash quotes `"` and itself only: Windows paths sent
                        // unescaped keep their backslashes.
                        '\\' if matches!(chars.peek(), Some('"' | '\\')) => {
                            value.extend(chars.next());
                        }
                        c => value.push(c),
                    }
                }
                while chars.peek().is_some_and(|c| *c != ';') {
                    chars.next();
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ';' {
                        break;
                    }
                    value.push(c);
                    chars.next();
                }
                value = value.trim_end().to_owned();
            }
        }
        let name = name.trim().to_ascii_lowercase();
        if !name.is_empty() {
            out.push((name, value));
        }
    }
}

/// An RFC 8187 `charset'language'value` extended value, percent-decoded.
fn extended_value(raw: &str) -> Option<String> {
    let mut pieces = raw.splitn(3, '\'');
    let charset = pieces.next()?;
    let _language = pieces.next()?;
    let encoded = pieces.next()?.as_bytes();
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut i = 0;
    while i < encoded.len() {
        if encoded[i] == b'%' {
            let hex = encoded.get(i + 1..i + 3)?;
            bytes.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            bytes.push(encoded[i]);
            i += 1;
        }
    }
    if charset.eq_ignore_ascii_case("utf-8") {
        String::from_utf8(bytes).ok()
    } else {
        // ISO-8859-1, the other charset RFC 8187 names: bytes are code points.
        Some(bytes.into_iter().map(char::from).collect())
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let last = haystack.len() - needle.len();
    let mut i = from;
    while i <= last {
        let off = haystack[i..=last].iter().position(|b| *b == needle[0])?;
        i += off;
        if haystack[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// What follows `--boundary` on a delimiter line.
enum Line {
    /// An opening or inner delimiter; the next part starts at this offset.
    Next(usize),
    /// The close delimiter.
    Close,
}

/// Reads the rest of a delimiter line at `at` (just past `--boundary`): transport
/// padding then CRLF, or `--`. Anything else means the bytes were not a delimiter.
fn delimiter_line(body: &[u8], at: usize) -> Option<Line> {
    let rest = &body[at..];
    if rest.starts_with(b"--") {
        return Some(Line::Close);
    }
    let pad = rest
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    rest[pad..]
        .starts_with(b"\r\n")
        .then_some(Line::Next(at + pad + 2))
}

/// The next delimiter at or after `from`: where it starts (its leading CRLF, or the
/// body's start for a first delimiter there) and what it is.
fn next_delimiter(body: &[u8], dash: &[u8], from: usize) -> Option<(usize, Line)> {
    if from == 0
        && body.starts_with(dash)
        && let Some(line) = delimiter_line(body, dash.len())
    {
        return Some((0, line));
    }
    let mut crlf_dash = Vec::with_capacity(dash.len() + 2);
    crlf_dash.extend_from_slice(b"\r\n");
    crlf_dash.extend_from_slice(dash);
    let mut search = from;
    loop {
        let start = find(body, &crlf_dash, search)?;
        // Boundary-like bytes inside content (`--boundaryX`) are content.
        if let Some(line) = delimiter_line(body, start + crlf_dash.len()) {
            return Some((start, line));
        }
        search = start + 1;
    }
}

/// The parts of `body`, delimited by `boundary`. The preamble and epilogue are
/// ignored; each part is its header lines, an empty line, then its content, which
/// ends at the CRLF before the next delimiter.
pub fn parse(body: &Bytes, boundary: &str) -> Result<Vec<Part>, Error> {
    let dash = format!("--{boundary}").into_bytes();
    let (_, first) = next_delimiter(body, &dash, 0).ok_or(Error::NoParts)?;
    let mut start = match first {
        Line::Next(start) => start,
        Line::Close => return Ok(Vec::new()),
    };
    let mut parts = Vec::new();
    loop {
        let (end, line) = next_delimiter(body, &dash, start).ok_or(Error::Unterminated)?;
        if parts.len() == MAX_PARTS {
            return Err(Error::TooManyParts);
        }
        parts.push(part(body.slice(start..end))?);
        match line {
            Line::Next(next) => start = next,
            Line::Close => return Ok(parts),
        }
    }
}

/// One part: headers, an empty line, the content.
fn part(raw: Bytes) -> Result<Part, Error> {
    // A part without headers starts with the empty line.
    let (head, body) = if raw.starts_with(b"\r\n") {
        (&raw[..0], raw.slice(2..))
    } else {
        let end = find(&raw, b"\r\n\r\n", 0).ok_or(Error::BadHeaders)?;
        (&raw[..end], raw.slice(end + 4..))
    };
    if head.len() > MAX_HEADER_BYTES {
        return Err(Error::BadHeaders);
    }
    // RFC 7578 section 5.1: non-ASCII file names may be sent as raw UTF-8.
    let head = String::from_utf8_lossy(head);
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n").filter(|l| !l.is_empty()) {
        if line.starts_with([' ', '\t']) {
            // An obsolete folded line continues the previous header.
            let (_, value) = headers.last_mut().ok_or(Error::BadHeaders)?;
            value.push(' ');
            value.push_str(line.trim());
            continue;
        }
        let (name, value) = line.split_once(':').ok_or(Error::BadHeaders)?;
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(Error::BadHeaders);
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let disposition = header("content-disposition")
        .map(|v| media_type(&v).1)
        .unwrap_or_default();
    let param = |name: &str| {
        disposition
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let filename = param("filename*")
        .and_then(|v| extended_value(&v))
        .or_else(|| param("filename"));
    Ok(Part {
        name: param("name"),
        filename,
        content_type: header("content-type"),
        body,
        headers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(parts: &[&[u8]]) -> Bytes {
        Bytes::from(parts.concat())
    }

    #[test]
    fn boundaries_come_from_the_content_type() {
        assert_eq!(
            boundary("multipart/form-data; boundary=----abc123").unwrap(),
            "----abc123"
        );
        assert_eq!(
            boundary("Multipart/Mixed;Boundary=\"Boundary_1 x\"").unwrap(),
            "Boundary_1 x"
        );
        assert_eq!(
            boundary("multipart/form-data; charset=utf-8; boundary=a; x=y").unwrap(),
            "a"
        );
        assert_eq!(boundary("multipart/form-data"), Err(Error::NoBoundary));
        assert_eq!(
            boundary("multipart/form-data; boundary=\"\""),
            Err(Error::BadBoundary)
        );
        assert_eq!(
            boundary(&format!("multipart/mixed; boundary={}", "x".repeat(71))),
            Err(Error::BadBoundary)
        );
        assert_eq!(
            boundary("multipart/mixed; boundary=\"a\r\nb\""),
            Err(Error::BadBoundary)
        );
    }

    #[test]
    fn form_data_fields_and_files() {
        let raw = body(&[
            b"preamble to ignore\r\n--XyZ\r\n",
            b"Content-Disposition: form-data; name=\"name\"\r\n\r\n",
            b"Welcome prompt\r\n--XyZ\r\n",
            b"content-disposition: form-data; name=\"attachment\"; filename=\"hello.mp3\"\r\n",
            b"Content-Type: audio/mpeg\r\n\r\n",
            b"ID3\x00\x01\r\n\r\n--\r\n--XyZ--\r\nepilogue",
        ]);
        let parts = parse(&raw, "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name.as_deref(), Some("name"));
        assert_eq!(parts[0].filename, None);
        assert_eq!(parts[0].text(), Some("Welcome prompt"));
        assert_eq!(parts[1].name.as_deref(), Some("attachment"));
        assert_eq!(parts[1].filename.as_deref(), Some("hello.mp3"));
        assert_eq!(parts[1].media_type().as_deref(), Some("audio/mpeg"));
        assert_eq!(&parts[1].body[..], b"ID3\x00\x01\r\n\r\n--");
    }

    #[test]
    fn binary_content_keeps_crlf_and_boundary_like_bytes() {
        // Every byte value, CR LF runs, the boundary without its leading CRLF, the
        // boundary followed by other bytes, and a dash-dash line.
        let mut content: Vec<u8> = (0..=255u8).collect();
        content.extend_from_slice(b"\r\n\r\n--b0und\r\n--b0undary-not\r\n--b0undary\tX");
        content.extend_from_slice(b"--b0undary\r\n\r\n--\r\n\r");
        let raw = body(&[
            b"--b0undary\r\nContent-Type: application/octet-stream\r\n\r\n",
            &content,
            b"\r\n--b0undary--",
        ]);
        let parts = parse(&raw, "b0undary").unwrap();
        assert_eq!(parts.len(), 1);
        assert_eq!(&parts[0].body[..], &content[..]);
    }

    #[test]
    fn content_ending_in_cr_or_lf_is_kept() {
        for tail in [&b"\r"[..], b"\n", b"\r\n", b"\r\n\r\n"] {
            let content = [b"data".as_slice(), tail].concat();
            let raw = body(&[b"--B\r\n\r\n", &content, b"\r\n--B--\r\n"]);
            let parts = parse(&raw, "B").unwrap();
            assert_eq!(&parts[0].body[..], &content[..], "{tail:?}");
        }
    }

    #[test]
    fn empty_parts_and_parts_without_headers() {
        let raw = body(&[b"--B\r\n\r\n\r\n--B\r\nX-A: 1\r\n\r\n\r\n--B--"]);
        let parts = parse(&raw, "B").unwrap();
        assert_eq!(parts.len(), 2);
        assert!(parts[0].headers.is_empty() && parts[0].body.is_empty());
        assert_eq!(parts[1].headers, [("x-a".to_owned(), "1".to_owned())]);
        assert!(parts[1].body.is_empty());
        assert_eq!(parse(&body(&[b"--B--\r\n"]), "B").unwrap(), []);
    }

    #[test]
    fn transport_padding_after_a_boundary_is_allowed() {
        let raw = body(&[b"--B  \t\r\n\r\nvalue\r\n--B--  \r\n"]);
        assert_eq!(&parse(&raw, "B").unwrap()[0].body[..], b"value");
    }

    #[test]
    fn multipart_mixed_as_ringcentral_documents_it_for_fax() {
        let raw = body(&[
            b"--Boundary_1_14413901_1361871080888\r\n",
            b"Content-Type: application/json\r\n\r\n",
            b"{\"to\":[{\"phoneNumber\":\"+18005630003\"}],\"faxResolution\":\"High\"}\r\n",
            b"--Boundary_1_14413901_1361871080888\r\n",
            b"Content-Type: text/plain\r\n",
            b"Content-Disposition: attachment; filename=\"fax.txt\"\r\n\r\n",
            b"Hello, World!\r\n",
            b"--Boundary_1_14413901_1361871080888--\r\n",
        ]);
        let parts = parse(&raw, "Boundary_1_14413901_1361871080888").unwrap();
        assert_eq!(parts.len(), 2);
        assert!(parts[0].is_json());
        assert_eq!(parts[0].name, None);
        assert_eq!(parts[1].filename.as_deref(), Some("fax.txt"));
        assert_eq!(parts[1].text(), Some("Hello, World!"));
    }

    #[test]
    fn disposition_parameters_quoted_escaped_and_extended() {
        let raw = body(&[
            b"--B\r\nContent-Disposition: form-data; name=\"a\\\"b\"; filename=\"C:\\dir\\x.pdf\"\r\n\r\n1",
            b"\r\n--B\r\nContent-Disposition: form-data; name=plain ; filename=\"x\"; ",
            b"filename*=UTF-8''%E2%82%AC%20rates.pdf\r\n\r\n2",
            b"\r\n--B\r\nContent-Disposition: form-data; name=\"to\"; filename=\"\"\r\n",
            b" \r\nContent-Type:text/plain\r\n\r\n3\r\n--B--",
        ]);
        let parts = parse(&raw, "B").unwrap();
        assert_eq!(parts[0].name.as_deref(), Some("a\"b"));
        assert_eq!(parts[0].filename.as_deref(), Some("C:\\dir\\x.pdf"));
        assert_eq!(parts[1].name.as_deref(), Some("plain"));
        assert_eq!(parts[1].filename.as_deref(), Some("€ rates.pdf"));
        assert_eq!(parts[2].filename.as_deref(), Some(""));
        assert_eq!(parts[2].media_type().as_deref(), Some("text/plain"));
    }

    #[test]
    fn malformed_bodies_are_refused() {
        assert_eq!(parse(&body(&[b"no delimiter"]), "B"), Err(Error::NoParts));
        assert_eq!(
            parse(&body(&[b"--B\r\n\r\nnever closed"]), "B"),
            Err(Error::Unterminated)
        );
        assert_eq!(
            parse(&body(&[b"--B\r\nno empty line\r\n--B--"]), "B"),
            Err(Error::BadHeaders)
        );
        assert_eq!(
            parse(&body(&[b"--B\r\nNo colon here\r\n\r\nx\r\n--B--"]), "B"),
            Err(Error::BadHeaders)
        );
        // A boundary that differs from the body's finds nothing.
        assert_eq!(
            parse(&body(&[b"--A\r\n\r\nx\r\n--A--"]), "B"),
            Err(Error::NoParts)
        );
        // Bare LF line ends are not delimiters (RFC 2046 requires CRLF).
        assert_eq!(
            parse(&body(&[b"--B\n\nx\n--B--"]), "B"),
            Err(Error::NoParts)
        );
        let many: Vec<u8> = (0..=MAX_PARTS)
            .flat_map(|_| b"--B\r\n\r\nx\r\n".iter().copied())
            .chain(*b"--B--")
            .collect();
        assert_eq!(parse(&Bytes::from(many), "B"), Err(Error::TooManyParts));
    }

    #[test]
    fn media_types_are_case_insensitive_without_parameters() {
        let (essence, params) = media_type("Audio/MPEG; Rate=44100");
        assert_eq!(essence, "audio/mpeg");
        assert_eq!(params, [("rate".to_owned(), "44100".to_owned())]);
    }
}
