//! Finding identity and silencing: fingerprints survive cosmetic refactors, suppressions are
//! listed (never dropped), fragments skip page-level rules.

use curbcut::{check_html, Options, Outcome};

fn failed(html: &str, options: &Options) -> Vec<curbcut::Finding> {
    check_html(html, options).expect("checked").results.into_iter().filter(|f| f.outcome == Outcome::Failed).collect()
}

#[test]
fn fingerprints_survive_class_and_wrapper_changes() {
    let before = "<html lang=en><title>t</title><main><div class=a><button class=x><svg></svg></button></div></main>";
    let after = "<html lang=en><title>t</title><main><section class=b><div><button class=y-2 id=z><svg></svg></button></div></section></main>";
    let a: Vec<String> = failed(before, &Options::default()).into_iter().map(|f| f.fingerprint).collect();
    let b: Vec<String> = failed(after, &Options::default()).into_iter().map(|f| f.fingerprint).collect();
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn fingerprints_differ_by_landmark_and_rule() {
    let html = "<html lang=en><title>t</title><nav><button></button></nav><main><button></button><a href=/x></a></main>";
    let f = failed(html, &Options::default());
    let prints: std::collections::HashSet<&str> = f.iter().map(|f| f.fingerprint.as_str()).collect();
    assert_eq!(prints.len(), f.len(), "{f:#?}");
}

#[test]
fn ignore_attribute_and_exclude_selectors_suppress_without_dropping() {
    let html = "<html lang=en><title>t</title><body>\
        <div data-curbcut-ignore=\"button-name\"><button></button><a href=/a></a></div>\
        <section class=legacy><button></button></section><button></button></body>";
    // Only the two rules under test: page-level rules (e.g. region) would add suppressed findings.
    let rules = Some(vec!["button-name".to_string(), "link-name".to_string()]);
    let options = Options { exclude: vec![".legacy".into()], rules, ..Options::default() };
    let report = check_html(html, &options).expect("checked");
    let buttons: Vec<_> = report.results.iter().filter(|f| f.rule == "button-name").collect();
    assert_eq!(buttons.len(), 3, "suppressed findings stay listed");
    assert_eq!(buttons.iter().filter(|f| f.suppressed).count(), 2);
    let link = report.results.iter().find(|f| f.rule == "link-name").expect("link finding");
    assert!(!link.suppressed, "only the listed rule is silenced");
    assert_eq!(report.summary.suppressed, 2);

    let bad = Options { exclude: vec!["div[".into()], ..Options::default() };
    assert!(check_html(html, &bad).is_err(), "an invalid selector is an error");
}

#[test]
fn fragments_skip_page_rules() {
    let fragment = "<button class=icon><svg></svg></button>";
    let report = check_html(fragment, &Options::default()).expect("checked");
    assert!(report.results.iter().any(|f| f.rule == "button-name"));
    assert!(!report.results.iter().any(|f| f.rule == "page-has-title" || f.rule == "html-has-lang"));
    let forced = Options { fragment: Some(false), ..Options::default() };
    let report = check_html(fragment, &forced).expect("checked");
    assert!(report.results.iter().any(|f| f.rule == "page-has-title"));
}

#[test]
fn per_check_caches_never_leak_into_the_next_check() {
    // Two pages of the same shape, checked one after the other: rules that cache work between
    // `applicable` and `evaluate` must see only their own page.
    let options = Options { rules: Some(vec!["link-identical-names".into()]), include_passed: true, ..Options::default() };
    let same = "<html lang=en><title>t</title><a href=/a>More</a><a href=/a>More</a>";
    let differ = "<html lang=en><title>t</title><a href=/a>More</a><a href=/b>More</a>";
    for _ in 0..3 {
        let a = check_html(same, &options).expect("checked");
        let b = check_html(differ, &options).expect("checked");
        assert!(a.results.iter().all(|f| f.outcome == Outcome::Passed), "{:#?}", a.results);
        assert!(b.results.iter().all(|f| f.outcome != Outcome::Passed), "{:#?}", b.results);
    }
}
