//! Encoding sniffing for byte input, in the HTML standard's order: byte order mark, then a
//! `<meta charset>` / `<meta http-equiv=content-type>` in the first 1024 bytes, then UTF-8.
//! Decoding goes through encoding_rs; malformed sequences become U+FFFD, never an error.

use encoding_rs::{Encoding, UTF_8};

/// Decode `bytes` to text; returns the text and the encoding's name.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| prescan_meta(&bytes[..bytes.len().min(1024)]))
        .unwrap_or(UTF_8);
    // `decode` removes a BOM and replaces malformed sequences.
    let (text, used, _had_errors) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// A light version of the standard's prescan: finds `charset=` inside a `<meta` tag.
fn prescan_meta(head: &[u8]) -> Option<&'static Encoding> {
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
                if let Some(e) = Encoding::for_label(&v[..len]) {
                    // A page that declares UTF-16 in ASCII bytes is really UTF-8 (HTML standard).
                    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                        return Some(UTF_8);
                    }
                    // x-user-defined is windows-1252 for this purpose.
                    return Some(if e == encoding_rs::X_USER_DEFINED { encoding_rs::WINDOWS_1252 } else { e });
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
