//! Guards the generated ARIA tables (`aria_data.rs`): sizes, integrity (sorted, every reference
//! resolves) and facts checked by hand against the WAI-ARIA 1.2, DPUB-ARIA 1.0 and Graphics-ARIA
//! 1.0 texts, so a regeneration from a different `aria-query` can't silently change them.

use super::aria_data::{property, role, Global, Spec, ValueType, PROPERTIES, ROLES};

#[test]
fn sizes() {
    let count = |spec: Spec| ROLES.iter().filter(|r| r.spec == spec).count();
    // WAI-ARIA 1.2: 12 abstract + 82 concrete roles (presentation and directory included).
    assert_eq!(count(Spec::Aria12), 94);
    assert_eq!(ROLES.iter().filter(|r| r.is_abstract).count(), 12);
    // DPUB-ARIA 1.0's roles, with doc-pageheader / doc-pagefooter of DPUB-ARIA 1.1.
    assert_eq!(count(Spec::Dpub10), 41);
    assert_eq!(count(Spec::Graphics10), 3);
    // WAI-ARIA 1.2 has 48 states and properties; three 1.3 additions are flagged.
    assert_eq!(PROPERTIES.iter().filter(|p| p.spec == Spec::Aria12).count(), 48);
    assert_eq!(PROPERTIES.iter().filter(|p| p.spec == Spec::Aria13).count(), 3);
}

#[test]
fn sorted_and_every_reference_resolves() {
    for w in ROLES.windows(2) {
        assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
    }
    for w in PROPERTIES.windows(2) {
        assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
    }
    for r in ROLES {
        for s in r.superclass.iter().chain(r.required_context) {
            assert!(role(s).is_some(), "{}: unknown role {s}", r.name);
        }
        for path in r.required_owned {
            assert!(!path.is_empty() && path.len() <= 2, "{}: owned path {path:?}", r.name);
            for s in *path {
                assert!(role(s).is_some_and(|o| !o.is_abstract), "{}: owned role {s}", r.name);
            }
        }
        for p in r.required.iter().chain(r.supported).chain(r.prohibited) {
            assert!(property(p).is_some(), "{}: unknown property {p}", r.name);
        }
        for (p, _) in r.implicit {
            assert!(property(p).is_some(), "{}: unknown implicit property {p}", r.name);
        }
        for p in r.required {
            assert!(r.supported.contains(p), "{}: required {p} is not supported", r.name);
        }
        if r.is_abstract {
            assert!(r.required_context.is_empty() && r.required_owned.is_empty(), "{}", r.name);
        }
    }
    for p in PROPERTIES {
        let tokens = matches!(p.value, ValueType::Token | ValueType::TokenList);
        assert_eq!(tokens, !p.tokens.is_empty(), "{}: tokens iff token type", p.name);
    }
}

#[test]
fn no_abstract_role_is_a_valid_explicit_role() {
    for r in ROLES.iter().filter(|r| r.is_abstract) {
        assert!(!super::role::is_valid_role(r.name), "{} is abstract", r.name);
        assert_eq!(super::role::explicit_role(r.name), None, "{}", r.name);
    }
    for r in ROLES.iter().filter(|r| !r.is_abstract) {
        assert!(super::role::is_valid_role(r.name), "{} is a concrete role", r.name);
    }
}

#[test]
fn facts_from_the_spec_text() {
    // Roles.
    let heading = role("heading").map(|r| (r.required, r.implicit));
    assert_eq!(heading, Some((&["aria-level"][..], &[][..])), "ARIA 1.2 dropped heading's implicit level");
    let combobox = role("combobox").map(|r| r.required);
    assert_eq!(combobox, Some(&["aria-controls", "aria-expanded"][..]));
    assert_eq!(role("checkbox").map(|r| r.required), Some(&["aria-checked"][..]));
    assert_eq!(role("listitem").map(|r| r.required_context), Some(&["directory", "list"][..]));
    assert_eq!(role("tab").map(|r| r.required_context), Some(&["tablist"][..]));
    assert_eq!(role("list").map(|r| r.required_owned), Some(&[&["listitem"][..]][..]));
    let menu = role("menu").map(|r| r.required_owned.to_vec()).unwrap_or_default();
    assert!(menu.contains(&&["group", "menuitemradio"][..]) && menu.contains(&&["menuitem"][..]));
    assert!(role("button").is_some_and(|r| r.presentational_children && r.name_from.contents));
    assert!(role("generic").is_some_and(|r| r.name_from.prohibited && r.prohibited.contains(&"aria-label")));
    assert!(role("paragraph").is_some_and(|r| r.prohibited.contains(&"aria-labelledby")));
    assert!(role("none").is_some_and(|r| r.prohibited.contains(&"aria-label")));
    assert!(role("slider").is_some_and(|r| r.required == ["aria-valuenow"] && r.supported.contains(&"aria-orientation")));
    assert!(role("separator").is_some_and(|r| r.supported.contains(&"aria-valuenow")));
    assert!(role("switch").is_some_and(|r| r.supported.contains(&"aria-required")));
    assert!(role("textbox").is_some_and(|r| r.supported.contains(&"aria-required") && !r.supported.contains(&"aria-pressed")));
    assert_eq!(role("doc-endnote").map(|r| r.superclass), Some(&["listitem"][..]));
    assert_eq!(role("graphics-symbol").map(|r| r.superclass), Some(&["img"][..]));
    assert!(role("widget").is_some_and(|r| r.is_abstract));
    assert!(role("image").is_some_and(|r| r.spec == Spec::Aria13));
    // States and properties.
    let p = |n: &str| property(n).map(|p| (p.value, p.global, p.default));
    assert_eq!(p("aria-checked"), Some((ValueType::Tristate, Global::No, Some("undefined"))));
    assert_eq!(p("aria-expanded"), Some((ValueType::TrueFalseUndefined, Global::No, Some("undefined"))));
    assert_eq!(p("aria-label"), Some((ValueType::String, Global::Yes, None)));
    assert_eq!(p("aria-owns"), Some((ValueType::IdRefList, Global::Yes, None)));
    assert_eq!(p("aria-activedescendant"), Some((ValueType::IdRef, Global::No, None)));
    assert_eq!(p("aria-level"), Some((ValueType::Integer, Global::No, None)));
    assert_eq!(p("aria-valuenow"), Some((ValueType::Number, Global::No, None)));
    assert_eq!(p("aria-invalid"), Some((ValueType::Token, Global::Deprecated, Some("false"))));
    assert_eq!(p("aria-relevant"), Some((ValueType::TokenList, Global::Yes, Some("additions text"))));
    assert!(property("aria-grabbed").is_some_and(|p| p.deprecated && p.is_state));
    assert!(property("aria-live").is_some_and(|p| p.tokens == ["assertive", "off", "polite"]));
    assert!(property("aria-current").is_some_and(|p| p.tokens.contains(&"page") && p.tokens.contains(&"true")));
    assert!(property("aria-labeled").is_none());
}

/// Regenerates the tables and compares them with the checked-in file when the generator's input
/// is available: `ARIA_QUERY_DIR=/tmp/aria-gen/node_modules/aria-query cargo test --lib aria_data`.
#[test]
fn regenerating_gives_the_checked_in_tables() {
    let Some(dir) = std::env::var_os("ARIA_QUERY_DIR") else { return };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("node")
        .arg(root.join("src/a11y/aria_data.gen.mjs"))
        .arg(&dir)
        .output()
        .expect("node runs the generator");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let checked_in = std::fs::read_to_string(root.join("src/a11y/aria_data.rs")).expect("aria_data.rs");
    assert!(String::from_utf8_lossy(&out.stdout) == checked_in, "src/a11y/aria_data.rs is stale: rerun the generator");
}
