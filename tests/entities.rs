//! Named character references: html5ever's entity table is a curbcut fork
//! (vendor/web_atoms, compacted for the wasm size budget). These pin the HTML tokenizer's
//! behaviour through the public API: full names, prefixes, legacy names without `;`, the longest
//! match, two-code-point entities, unknown names and the attribute-value exception.

use curbcut::{accessibility_tree, Options};

fn button_names(html: &str) -> Vec<String> {
    let tree = accessibility_tree(html, &Options::default()).expect("page parses");
    tree.into_iter().filter(|e| e.tag == "button").map(|e| e.name).collect()
}

#[test]
fn named_references_decode_like_the_html_tokenizer() {
    let cases = [
        ("a &amp; b", "a & b"),
        ("&lt;&gt;", "<>"),
        ("x &amp y", "x & y"),
        ("&ampx", "&x"),
        ("&notin; &notit;", "\u{2209} \u{ac}it;"),
        ("&AElig &AElig;", "\u{c6} \u{c6}"),
        ("&NotEqualTilde;", "\u{2242}\u{338}"),
        ("&Afr;", "\u{1d504}"),
        ("&zwnj;|", "\u{200c}|"),
        ("&unknown; &a; &", "&unknown; &a; &"),
        ("&Zfr; &zwj; &aacute", "\u{2128} \u{200d} \u{e1}"),
    ];
    for (source, expected) in cases {
        let names = button_names(&format!("<button>{source}</button>"));
        assert_eq!(names, vec![expected.to_string()], "decoding {source:?}");
    }
}

#[test]
fn attribute_values_keep_legacy_prefixes_followed_by_alphanumerics() {
    let names = button_names(r#"<button aria-label="&ampx &amp; &notin &lt"></button>"#);
    assert_eq!(names, vec!["&ampx & &notin <".to_string()]);
}
