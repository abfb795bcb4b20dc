//! Encoding sniffing for byte input, in the HTML standard's order: byte order mark, then a
//! `<meta charset>` / `<meta http-equiv=content-type>` in the first 1024 bytes, then UTF-8.
//! Decoding goes through a real decoder — encoding_rs natively, the platform's `TextDecoder`
//! in WebAssembly (which keeps encoding_rs's large CJK tables out of the wasm); malformed
//! sequences become U+FFFD, never an error.

/// Where the encoding came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Bom,
    Meta,
    Default,
}

/// The encoding label to decode with, and where it came from.
fn sniff(bytes: &[u8]) -> (String, Source) {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => ("utf-8".into(), Source::Bom),
        [0xFF, 0xFE, ..] => ("utf-16le".into(), Source::Bom),
        [0xFE, 0xFF, ..] => ("utf-16be".into(), Source::Bom),
        _ => match prescan_meta(&bytes[..bytes.len().min(1024)]) {
            Some(label) => (label, Source::Meta),
            None => ("utf-8".into(), Source::Default),
        },
    }
}

/// Decode `bytes` to text; returns the text and the encoding's name.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn decode(bytes: &[u8]) -> (String, String) {
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};
    let (label, source) = sniff(bytes);
    let mut encoding = Encoding::for_label(label.as_bytes()).unwrap_or(UTF_8);
    if source == Source::Meta {
        // A page that declares UTF-16 in ASCII bytes is really UTF-8; x-user-defined is
        // windows-1252 for this purpose (HTML standard, prescan).
        if encoding == UTF_16LE || encoding == UTF_16BE {
            encoding = UTF_8;
        } else if encoding == X_USER_DEFINED {
            encoding = WINDOWS_1252;
        }
    }
    // `decode` removes a BOM and replaces malformed sequences.
    let (text, used, _had_errors) = encoding.decode(bytes);
    (text.into_owned(), used.name().to_string())
}

/// Decode `bytes` to text; returns the text and the encoding's name.
#[cfg(target_arch = "wasm32")]
pub(crate) fn decode(bytes: &[u8]) -> (String, String) {
    let (label, source) = sniff(bytes);
    let decoder = |label: &str| web_sys::TextDecoder::new_with_label(label).ok();
    let mut dec = decoder(&label).or_else(|| decoder("utf-8"));
    if source == Source::Meta {
        let name = dec.as_ref().map(|d| d.encoding()).unwrap_or_default();
        if name.starts_with("utf-16") {
            dec = decoder("utf-8");
        } else if name == "x-user-defined" {
            dec = decoder("windows-1252");
        }
    }
    match dec {
        Some(d) => {
            let name = d.encoding();
            // TextDecoder drops a matching BOM itself.
            let text = d.decode_with_u8_array(bytes).unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned());
            (text, name)
        }
        None => (String::from_utf8_lossy(bytes).into_owned(), "utf-8".into()),
    }
}

/// A light version of the standard's prescan: finds `charset=` inside a `<meta` tag and
/// returns its label as written (lower case).
fn prescan_meta(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut pos = 0;
    while let Some(off) = find(&lower[pos..], b"<meta") {
        let start = pos + off;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            while let [b' ' | b'\t' | b'\n' | b'\r', tail @ ..] = rest {
                rest = tail;
            }
            if let [b'=', tail @ ..] = rest {
                let mut v = tail;
                while let [b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'', tail @ ..] = v {
                    v = tail;
                }
                let len = v
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>'))
                    .unwrap_or(v.len());
                if len > 0 {
                    return Some(String::from_utf8_lossy(&v[..len]).into_owned());
                }
            }
        }
        pos = end.max(start + 5);
        if pos >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn bom_meta_and_default() {
        assert_eq!(decode(b"\xEF\xBB\xBF<p>x").1, "UTF-8");
        assert_eq!(decode(b"\xFF\xFE<\0p\0>\0").1, "UTF-16LE");
        let (t, e) = decode(b"<meta charset=\"windows-1252\"><p>caf\xE9");
        assert_eq!(e, "windows-1252");
        assert!(t.ends_with("caf\u{e9}"));
        let (t, e) = decode(b"<meta http-equiv=content-type content='text/html; charset=Shift_JIS'>\x82\xa0");
        assert_eq!(e, "Shift_JIS");
        assert!(t.ends_with('\u{3042}'));
        let (t, e) = decode(b"<p>\xff\xfe bad");
        assert_eq!(e, "UTF-8");
        assert!(t.contains('\u{fffd}'));
    }
}
