//! Bad input: every page is either checked or refused with a clear error, in bounded time,
//! without a panic or a stack overflow.

use curbcut::{check_bytes, check_html, Error, Options};

fn opts() -> Options {
    Options { include_passed: true, ..Options::default() }
}

#[test]
fn malformed_html_is_checked_and_parse_errors_counted() {
    let r = check_html("<html><body><p><b>unclosed<table><td>x</b></div></span><<>>", &opts())
        .expect("malformed HTML is still checked");
    assert!(r.parse_errors > 0);
    assert!(!r.results.is_empty(), "rules still ran: {:?}", r.summary);
}

#[test]
fn invalid_css_does_not_stop_the_check() {
    let html = "<html lang=en><head><title>t</title><style>p{color:red;;;} @media {{{ x:y } \
                .a{background: url(</style></head><body style='color: rgb(1,2'><p class=a>x</p></body></html>";
    let r = check_html(html, &opts()).expect("checked");
    assert_eq!(r.page.title.as_deref(), Some("t"));
}

#[test]
fn absurd_nesting_is_bounded_and_reported() {
    for tag in ["div", "span", "b", "table", "a", "li"] {
        let html = format!("<html><title>deep</title>{}", format!("<{tag}>").repeat(100_000));
        let r = check_html(&html, &opts()).expect("deep input is checked, not refused");
        // Block and inline containers really nest; tables, list items and formatting elements
        // are closed or flattened by the HTML tree builder itself.
        if matches!(tag, "div" | "span") {
            assert!(r.limits.iter().any(|l| l.limit == "depth"), "{tag}: {:?}", r.limits);
        }
        // The report still carries what is certain: the title rule ran.
        assert!(r.results.iter().any(|f| f.rule == "page-has-title"), "{tag}");
    }
}

#[test]
fn oversized_input_is_refused_with_a_clear_error() {
    let big = vec![b'a'; 50 * 1024 * 1024];
    let err = check_bytes(&big, &Options::default()).expect_err("50 MB is over the default limit");
    assert!(matches!(err, Error::TooLarge { .. }));
    assert!(err.to_string().contains("maxBytes"), "{err}");
}

#[test]
fn nul_bytes_and_invalid_utf8_are_checked() {
    let mut bytes = b"<html><head><title>a\0b</title></head><body><p>\0x\xff\xfe\xc3(</p>".to_vec();
    bytes.extend_from_slice(&[0u8; 64]);
    let r = check_bytes(&bytes, &opts()).expect("checked");
    let title = r.page.title.unwrap_or_default();
    assert!(title.starts_with('a'), "{title:?}");
}

#[test]
fn non_utf8_encodings_are_decoded() {
    // windows-1252 "café" declared by meta charset; Shift_JIS title.
    let latin = b"<meta charset=windows-1252><title>caf\xe9</title>";
    assert_eq!(check_bytes(latin, &opts()).expect("checked").page.title.as_deref(), Some("caf\u{e9}"));
    let sjis = b"<meta charset=shift_jis><title>\x82\xa0</title>";
    assert_eq!(check_bytes(sjis, &opts()).expect("checked").page.title.as_deref(), Some("\u{3042}"));
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
        .chain("<title>hi</title>".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    assert_eq!(check_bytes(&utf16, &opts()).expect("checked").page.title.as_deref(), Some("hi"));
}

#[test]
fn empty_and_garbage_input() {
    for input in ["", "   ", "\u{feff}", "<", "<!--", "<![CDATA[", "</html>", "<svg><foreignObject><p>x"] {
        check_html(input, &opts()).expect("checked");
    }
}

#[test]
fn unknown_option_keys_are_an_error() {
    let err = Options::from_json(r#"{"includePassed": true, "viewPort": {}}"#).expect_err("unknown key");
    assert!(err.to_string().contains("viewPort"), "{err}");
}
