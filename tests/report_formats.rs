//! Every report format over pages carrying planted payloads: markup and script in attributes,
//! text and snippets, `javascript:` URLs, `]]>` and control characters for XML, backticks and
//! `|` for Markdown, escape sequences for terminals. Each format must keep page content in its
//! context and have the structure its consumers need; the HTML report must itself pass curbcut.

use curbcut::{check_html, format_reports, Format, FormatOptions, Options, Outcome, Report};

/// A page whose findings quote hostile content in snippets, selectors and messages.
const HOSTILE: &str = r#"<!DOCTYPE html><html lang="en"><head>
<title>Shop </script><script>alert(1)</script> | `x` ]]></title></head>
<body><main>
<h1>Deals</h1>
<img src="x" onerror="alert(1)" data-x="</script><script>alert(1)</script>">
<a href="javascript:alert(1)"><img src=x onerror=alert(1)></a>
<button class="b" data-x="```` | ]]> `a`"></button>
<p>&lt;img src=x onerror=alert(1)&gt; and <b>bold</b></p>
<div style="color: #777; background: url(x.png)">Hard to read <script>alert(2)</script></div>
<div data-curbcut-ignore="button-name"><button id="quiet"></button></div>
</main></body></html>"#;

/// Something else on another page, so two pages share findings and have their own.
const OTHER: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Other</title></head>
<body><main><h1>Other</h1>
<img src="x" onerror="alert(1)" data-x="</script><script>alert(1)</script>">
<input type="text" id="q">
</main></body></html>"#;

fn report(html: &str, url: &str) -> Report {
    let options = Options { url: Some(url.into()), ..Options::default() };
    check_html(html, &options).expect("page checks")
}

/// Reports with control characters the parser would never keep (NUL, ESC, other C0) injected
/// into a finding: reports also come back from JSON, so formats can't trust the parser.
fn reports() -> Vec<Report> {
    let mut a = report(HOSTILE, "site/shop|`deals`.html");
    let b = report(OTHER, "site\\other page.html");
    let f = a.results.iter_mut().find(|f| f.outcome == Outcome::Failed).expect("a failure");
    f.message.push_str(" \u{0}nul \u{1b}]0;pwned\u{7} \u{1}ctl \u{FFFE}");
    f.selector.push_str("[data-x=\"]]>\u{0}\"]");
    vec![a, b]
}

fn opts() -> FormatOptions {
    FormatOptions { color: false, include_passed: false }
}

#[test]
fn format_names_round_trip() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>(), Ok(f));
    }
    assert!("xml".parse::<Format>().is_err());
    // As the JS API passes them.
    let f: Format = serde_json::from_str("\"markdown\"").expect("format");
    assert_eq!(f, Format::Markdown);
    let o: FormatOptions = serde_json::from_str(r#"{"color": true, "includePassed": true}"#).expect("options");
    assert_eq!(o, FormatOptions { color: true, include_passed: true });
    assert_eq!(serde_json::from_str::<FormatOptions>("{}").ok(), Some(FormatOptions::default()));
    assert!(serde_json::from_str::<FormatOptions>(r#"{"colour": true}"#).is_err(), "unknown keys refused");
}

#[test]
fn hostile_page_has_the_findings_the_tests_rely_on() {
    let [a, b] = reports().try_into().expect("two");
    for rule in ["image-alt", "link-name", "button-name"] {
        assert!(a.results.iter().any(|f| f.rule == rule && f.outcome == Outcome::Failed), "{rule}");
    }
    assert!(a.results.iter().any(|f| f.suppressed), "a suppressed finding");
    assert!(a.results.iter().any(|f| f.snippet.contains("</script>")), "a snippet with </script>");
    assert!(b.results.iter().any(|f| f.rule == "form-field-name" && f.outcome == Outcome::Failed));
}

// ---------------------------------------------------------------------------------------------
// JSON

#[test]
fn json_one_report_is_canonical_and_several_are_wrapped() {
    let rs = reports();
    let one = format_reports(&rs[..1], Format::Json, &opts());
    assert_eq!(one, rs[0].to_json());
    let v: serde_json::Value = serde_json::from_str(&one).expect("JSON");
    assert!(v["results"].is_array());

    let many = format_reports(&rs, Format::Json, &opts());
    let v: serde_json::Value = serde_json::from_str(&many).expect("JSON");
    assert_eq!(v["tool"]["name"], "curbcut");
    assert_eq!(v["reports"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["summary"]["files"], 2);
    let failed: usize = rs.iter().map(|r| r.summary.failed).sum();
    assert_eq!(v["summary"]["failed"], failed);
    assert_eq!(v["summary"]["suppressed"], rs[0].summary.suppressed);
    // Round trip: the wrapped reports read back as reports.
    let back: Vec<Report> = serde_json::from_value(v["reports"].clone()).expect("reports");
    assert_eq!(back[1].results.len(), rs[1].results.len());
}

// ---------------------------------------------------------------------------------------------
// SARIF

#[test]
fn sarif_has_the_structure_code_scanning_needs() {
    let rs = reports();
    let out = format_reports(&rs, Format::Sarif, &opts());
    let v: serde_json::Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let runs = v["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "curbcut");
    assert!(driver["version"].is_string() && driver["informationUri"].is_string());
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "rule ids unique");
    let image = rules.iter().find(|r| r["id"] == "image-alt").expect("image-alt rule");
    assert!(image["helpUri"].as_str().is_some_and(|u| u.starts_with("https://")));
    assert!(image["help"]["text"].is_string() && image["help"]["markdown"].is_string());
    assert!(image["shortDescription"]["text"].is_string() && image["fullDescription"]["text"].is_string());
    let tags: Vec<&str> = image["properties"]["tags"].as_array().expect("tags").iter().filter_map(|t| t.as_str()).collect();
    assert!(tags.contains(&"accessibility") && tags.contains(&"wcag2a") && tags.contains(&"WCAG 1.1.1"), "{tags:?}");
    assert_eq!(image["defaultConfiguration"]["level"], "error");

    let results = runs[0]["results"].as_array().expect("results");
    let unpassed: usize = rs.iter().map(|r| r.results.iter().filter(|f| f.outcome != Outcome::Passed).count()).sum();
    assert_eq!(results.len(), unpassed, "failed and cantTell findings, no passes");
    for r in results {
        let idx = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"], "ruleIndex points at the rule");
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap_or("")));
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(!uri.contains('\\') && !uri.starts_with('/') && !uri.contains(' '), "{uri}");
        assert!(loc["region"]["startLine"].as_u64().is_some_and(|l| l >= 1));
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(r["partialFingerprints"]["curbcut/v1"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].is_string());
    }
    let uris: Vec<&str> = results.iter().filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str()).collect();
    assert!(uris.contains(&"site/other%20page.html"), "{uris:?}");
    assert!(uris.contains(&"site/shop%7C%60deals%60.html"), "{uris:?}");
    // Fingerprints are unique per page and rule (code scanning merges equal ones).
    let mut prints: Vec<(String, String)> = results
        .iter()
        .map(|r| (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].to_string(), r["partialFingerprints"]["curbcut/v1"].to_string()))
        .collect();
    let n = prints.len();
    prints.sort();
    prints.dedup();
    assert_eq!(prints.len(), n, "partial fingerprints unique per file");
    // Suppressed findings stay, marked in source.
    let suppressed: Vec<_> = results.iter().filter(|r| r["suppressions"].is_array()).collect();
    assert_eq!(suppressed.len(), rs[0].summary.suppressed);
    assert!(suppressed.iter().all(|r| r["suppressions"][0]["kind"] == "inSource"));
    // Needs review is a note.
    for r in results {
        if r["properties"]["outcome"] == "cantTell" {
            assert_eq!(r["level"], "note");
        }
    }
    // A finding's snippet is carried as data, not altered.
    let snippet = rs[0].results.iter().find(|f| f.snippet.contains("</script>")).expect("snippet");
    assert!(results.iter().any(|r| r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == snippet.snippet.as_str()));
}

#[test]
fn sarif_levels_follow_impact() {
    let rs = reports();
    let v: serde_json::Value = serde_json::from_str(&format_reports(&rs, Format::Sarif, &opts())).expect("JSON");
    for r in v["runs"][0]["results"].as_array().expect("results") {
        let expected = match (r["properties"]["outcome"].as_str(), r["properties"]["impact"].as_str()) {
            (Some("cantTell"), _) => "note",
            (_, Some("critical" | "serious")) => "error",
            _ => "warning",
        };
        assert_eq!(r["level"], expected, "{r}");
    }
}

// ---------------------------------------------------------------------------------------------
// JUnit

#[test]
fn junit_is_well_formed_and_counts_add_up() {
    let rs = reports();
    let out = format_reports(&rs, Format::Junit, &opts());
    let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("well-formed XML: {e}\n{out}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
    assert_eq!(suites.len(), rs.len());
    let mut total_tests = 0;
    for (suite, r) in suites.iter().zip(&rs) {
        let url = r.page.url.as_deref().expect("url");
        assert_eq!(suite.attribute("name"), Some(url));
        for a in ["tests", "failures", "errors", "skipped", "time"] {
            assert!(suite.attribute(a).is_some(), "testsuite@{a}");
        }
        let cases: Vec<_> = suite.children().filter(|n| n.has_tag_name("testcase")).collect();
        assert_eq!(cases.len(), r.rules.len(), "one test case per rule that ran");
        total_tests += cases.len();
        let failing = cases.iter().filter(|c| c.children().any(|n| n.has_tag_name("failure"))).count();
        let skipped = cases.iter().filter(|c| c.children().any(|n| n.has_tag_name("skipped"))).count();
        assert_eq!(suite.attribute("failures"), Some(failing.to_string().as_str()));
        assert_eq!(suite.attribute("skipped"), Some(skipped.to_string().as_str()));
        let failing_rules: std::collections::BTreeSet<&str> = r
            .results
            .iter()
            .filter(|f| f.outcome == Outcome::Failed && !f.suppressed)
            .map(|f| f.rule.as_str())
            .collect();
        assert_eq!(failing, failing_rules.len());
        for c in &cases {
            assert_eq!(c.attribute("classname"), Some(url));
            let name = c.attribute("name").expect("name");
            let rule = name.split(':').next().unwrap_or("");
            assert!(r.rules.iter().any(|run| run.id == rule), "{name}");
            if let Some(fl) = c.children().find(|n| n.has_tag_name("failure")) {
                assert!(failing_rules.contains(rule));
                assert!(fl.attribute("message").is_some_and(|m| !m.is_empty()));
                assert!(["critical", "serious", "moderate", "minor"].contains(&fl.attribute("type").unwrap_or("")));
                assert!(fl.text().is_some_and(|t| t.contains("Fix: ")), "failure text lists the fix");
            }
        }
    }
    assert_eq!(root.attribute("tests"), Some(total_tests.to_string().as_str()));
    // Page content survived as text: the payloads are in the parsed text, not in the markup.
    assert!(doc.descendants().any(|n| n.text().is_some_and(|t| t.contains("</script><script>alert(1)</script>"))));
    assert!(doc.descendants().any(|n| n.text().is_some_and(|t| t.contains("]]>"))));
    assert!(!out.contains('\u{0}') && !out.contains('\u{1b}') && !out.contains('\u{1}') && !out.contains('\u{FFFE}'));
    assert!(!out.contains("<script"), "no raw markup from the page");
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Checks fenced blocks open and close in pairs with the same fence, and returns the text
/// outside them.
fn outside_fences(md: &str) -> String {
    let mut out = String::new();
    let mut open: Option<String> = None;
    for line in md.lines() {
        let t = line.trim_start();
        let ticks = t.chars().take_while(|c| *c == '`').count();
        match &open {
            None if ticks >= 3 => open = Some("`".repeat(ticks)),
            None => {
                out.push_str(line);
                out.push('\n');
            }
            Some(fence) => {
                if ticks >= fence.len() {
                    assert_eq!(t.trim_end(), fence.as_str(), "a closing fence is exactly the opener: {line:?}");
                    open = None;
                }
            }
        }
    }
    assert!(open.is_none(), "every fence closes");
    out
}

/// Removes code spans (a run of n backticks up to the next run of exactly n).
fn outside_code_spans(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            out.push(chars[i]);
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if chars[i] != '`' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let n = chars[i..].iter().take_while(|c| **c == '`').count();
        let mut j = i + n;
        let mut closed = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let m = chars[j..].iter().take_while(|c| **c == '`').count();
                if m == n {
                    closed = Some(j + m);
                    break;
                }
                j += m;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => i = end,
            None => panic!("unclosed code span at {:?}", chars[i..].iter().take(40).collect::<String>()),
        }
    }
    out
}

/// No unescaped `<` outside code (so no HTML tag), except our autolinks to the documentation.
fn assert_no_raw_markup(md: &str) {
    let prose = outside_code_spans(&outside_fences(md));
    for (i, c) in prose.char_indices() {
        if c == '<' {
            let escaped = prose[..i].ends_with('\\');
            let autolink = prose[i..].starts_with("<https://");
            assert!(escaped || autolink, "raw < at {:?}", &prose[i.saturating_sub(40)..(i + 40).min(prose.len())]);
        }
    }
}

#[test]
fn markdown_keeps_page_content_in_its_context() {
    let rs = reports();
    let out = format_reports(&rs, Format::Markdown, &opts());
    assert_no_raw_markup(&out);
    // Tables: every row has exactly four unescaped pipes.
    for line in out.lines().filter(|l| l.starts_with('|')) {
        let pipes = line.char_indices().filter(|(i, c)| *c == '|' && !line[..*i].ends_with('\\')).count();
        assert_eq!(pipes, 4, "{line}");
    }
    assert!(out.contains("## Summary by impact") && out.contains("## Summary by WCAG criterion"));
    assert!(out.contains("1.1.1 Non-text Content"), "criterion names");
    assert!(out.contains("**Why it matters:**") && out.contains("**How to fix:**"));
    assert!(out.contains("<https://"), "link to the rule documentation");
    // The snippet with backtick runs sits in a fence longer than its runs.
    assert!(out.contains("`````html\n"), "fence of five for a snippet holding four backticks");
    assert!(!out.contains('\u{0}') && !out.contains('\u{1b}'));
}

#[test]
fn markdown_and_text_show_repeated_findings_once() {
    let a = report(OTHER, "one.html");
    let b = report(OTHER, "two.html");
    let c = report(OTHER, "three.html");
    let rs = vec![a, b, c];
    let md = format_reports(&rs, Format::Markdown, &opts());
    assert!(md.contains("### Repeated on several pages"), "{md}");
    assert!(md.contains("on 3 pages: `one.html` line"), "{md}");
    let text = format_reports(&rs, Format::Text, &opts());
    assert!(text.contains("Repeated on several pages"), "{text}");
    assert!(text.contains("on 3 pages: one.html:"), "{text}");
    let fails = rs[0].results.iter().filter(|f| f.outcome == Outcome::Failed).count();
    // Each failure once (findings to review are listed after, and may repeat too).
    let failures_part = text.split("needs review").next().unwrap_or(&text);
    assert_eq!(failures_part.matches("on 3 pages").count(), fails, "{text}");
    // Totals still count every occurrence.
    assert!(text.contains(&format!("{} failures", 3 * fails)), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Text

#[test]
fn text_lists_everything_and_escapes_terminal_sequences() {
    let rs = reports();
    let plain = format_reports(&rs, Format::Text, &opts());
    assert!(!plain.contains('\u{1b}'), "no escape sequence without colour");
    assert!(plain.contains("\\x1b]0;pwned"), "page ESC shown as text");
    assert!(plain.contains("needs review") || rs.iter().all(|r| r.summary.cant_tell == r.summary.suppressed));
    assert!(plain.contains("suppressed: button-name"), "{plain}");
    assert!(plain.contains("site/shop|`deals`.html:"), "file:line");
    assert!(plain.contains("WCAG 1.1.1 Non-text Content"));
    assert!(plain.contains("fix: "));
    let last = plain.lines().last().expect("summary line");
    assert!(last.starts_with("2 files · ") && last.contains(" passed"), "{last}");

    let colour = format_reports(&rs, Format::Text, &FormatOptions { color: true, include_passed: false });
    assert!(colour.contains("\u{1b}[31m"));
    assert!(!colour.contains("\u{1b}]0;pwned"), "the page's own sequence stays escaped");
}

#[test]
fn include_passed_lists_passes_in_human_formats() {
    let options = Options { include_passed: true, url: Some("p.html".into()), ..Options::default() };
    let r = check_html(OTHER, &options).expect("checked");
    assert!(r.results.iter().any(|f| f.outcome == Outcome::Passed));
    let with = FormatOptions { color: false, include_passed: true };
    assert!(format_reports(std::slice::from_ref(&r), Format::Text, &with).contains("passed: "));
    assert!(!format_reports(std::slice::from_ref(&r), Format::Text, &opts()).contains("passed: "));
    assert!(format_reports(std::slice::from_ref(&r), Format::Markdown, &with).contains("## Passed"));
    let sarif: serde_json::Value =
        serde_json::from_str(&format_reports(std::slice::from_ref(&r), Format::Sarif, &with)).expect("JSON");
    let unpassed = r.results.iter().filter(|f| f.outcome != Outcome::Passed).count();
    assert_eq!(sarif["runs"][0]["results"].as_array().map(Vec::len), Some(unpassed));
}

// ---------------------------------------------------------------------------------------------
// HTML

fn all_tags() -> Options {
    let tags = ["wcag2a", "wcag2aa", "wcag2aaa", "wcag21a", "wcag21aa", "wcag21aaa", "wcag22a", "wcag22aa", "wcag22aaa", "best-practice"];
    Options { tags: Some(tags.iter().map(|t| t.to_string()).collect()), include_passed: true, ..Options::default() }
}

#[test]
fn html_escapes_every_payload() {
    let rs = reports();
    let out = format_reports(&rs, Format::Html, &opts());
    let lower = out.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains("<img"), "no element from the page");
    assert!(!lower.contains("href=\"javascript:"), "no script URL as a link");
    assert!(!out.contains('\u{0}') && !out.contains('\u{1b}'));
    assert!(out.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#));
    assert!(out.contains("<html lang=\"en\">") && out.contains("<main>") && out.contains("<title>"));
    // Every link is to the rule documentation.
    for (i, _) in out.match_indices("href=\"") {
        assert!(out[i + 6..].starts_with("https://"), "{}", &out[i..(i + 60).min(out.len())]);
    }
    // Filters: one radio per impact and per rule, each labelled.
    let radios = out.matches("type=\"radio\"").count();
    let labels = out.matches("<label for=").count();
    assert_eq!(radios, labels);
    assert!(out.contains("#impact-critical:checked~.results .g:not(.i-critical){display:none}"));
    // `:checked ~ .results` needs the radios to be siblings of .results: none sits in a <p>
    // (the only element the report wraps inline content in) and .results follows them.
    let results_at = out.find("<div class=\"results\">").expect("results");
    for (i, _) in out.match_indices("<input") {
        assert!(i < results_at);
        let open = out[..i].rfind("<p").unwrap_or(0);
        let close = out[..i].rfind("</p>").unwrap_or(0);
        assert!(close > open, "radio inside a <p>");
    }
    assert!(!out[out.find("<input").unwrap_or(0)..results_at].contains("<div"));
}

#[test]
fn html_report_passes_curbcut_itself() {
    let rs = reports();
    for (what, html) in [
        ("two pages", format_reports(&rs, Format::Html, &opts())),
        ("one page", format_reports(&rs[..1], Format::Html, &opts())),
        ("with passes", format_reports(&rs[..1], Format::Html, &FormatOptions { color: false, include_passed: true })),
        ("no pages", format_reports(&[], Format::Html, &opts())),
    ] {
        let report = check_html(&html, &all_tags()).expect("report checks");
        let bad: Vec<String> = report
            .results
            .iter()
            .filter(|f| f.outcome != Outcome::Passed)
            .map(|f| format!("{:?} {} {} {}", f.outcome, f.rule, f.selector, f.message))
            .collect();
        assert!(bad.is_empty(), "{what}: the HTML report has findings:\n{}", bad.join("\n"));
        assert!(report.summary.passed > 10, "{what}: rules did apply ({} passed)", report.summary.passed);
    }
}

#[test]
fn formats_are_deterministic() {
    let rs = reports();
    for f in Format::ALL {
        assert_eq!(format_reports(&rs, f, &opts()), format_reports(&rs, f, &opts()), "{f}");
    }
}

/// A report read back from JSON can carry anything: an unknown rule id with markup, a
/// `javascript:` help URL, hostile page names. No format may trust it.
#[test]
fn reports_read_back_from_json_are_not_trusted() {
    let mut r = report(OTHER, "x.html");
    let f = r.results.iter_mut().find(|f| f.outcome == Outcome::Failed).expect("a failure");
    f.rule = "x<script>alert(1)</script>".into();
    f.help_url = "javascript:alert(1)".into();
    f.help = "<img src=x onerror=alert(1)>".into();
    f.wcag = vec!["9.9.9|<b>".into()];
    r.page.url = Some("<script>alert(1)</script>|`.html".into());
    let json = r.to_json();
    let r: Report = serde_json::from_str(&json).expect("reads back");
    let rs = [r];
    let html = format_reports(&rs, Format::Html, &opts()).to_ascii_lowercase();
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("javascript:alert"));
    let md = format_reports(&rs, Format::Markdown, &opts());
    assert_no_raw_markup(&md);
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let pipes = line.char_indices().filter(|(i, c)| *c == '|' && !line[..*i].ends_with('\\')).count();
        assert_eq!(pipes, 4, "{line}");
    }
    let xml = format_reports(&rs, Format::Junit, &opts());
    roxmltree::Document::parse(&xml).expect("well-formed");
    let sarif: serde_json::Value = serde_json::from_str(&format_reports(&rs, Format::Sarif, &opts())).expect("JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    for res in results {
        let idx = res["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
    }
    assert!(!format_reports(&rs, Format::Text, &opts()).is_empty());
}

#[test]
fn no_reports_still_render() {
    for f in Format::ALL {
        let out = format_reports(&[], f, &opts());
        assert!(!out.is_empty(), "{f}");
    }
    roxmltree::Document::parse(&format_reports(&[], Format::Junit, &opts())).expect("well-formed");
    let v: serde_json::Value = serde_json::from_str(&format_reports(&[], Format::Json, &opts())).expect("JSON");
    assert_eq!(v["summary"]["files"], 0);
}

/// A CI run over many files: every format stays linear, and a finding repeated on every page is
/// listed once with a bounded list of pages.
#[test]
fn many_pages() {
    let base = report(OTHER, "p.html");
    let rs: Vec<Report> = (0..400)
        .map(|i| {
            let mut r = base.clone();
            r.page.url = Some(format!("pages/p{i}.html"));
            r
        })
        .collect();
    let start = std::time::Instant::now();
    for f in Format::ALL {
        assert!(!format_reports(&rs, f, &opts()).is_empty());
    }
    let text = format_reports(&rs, Format::Text, &opts());
    assert!(text.contains("on 400 pages: pages/p0.html:3, pages/p1.html:3"), "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("… and 390 more"));
    assert!(text.lines().count() < 40, "one entry per repeated finding");
    // Generous bound for a debug build on a shared machine: quadratic work would blow it.
    assert!(start.elapsed() < std::time::Duration::from_secs(20), "{:?}", start.elapsed());
}

// ---------------------------------------------------------------------------------------------
// Inputs that could not be read, and baseline state

/// What the CLI records for an input it could not read (`errorReport` in pkg-template/lib/cli.js).
fn unreadable_report(name: &str) -> Report {
    let json = serde_json::json!({
        "tool": { "name": "curbcut", "version": "0.0.0" },
        "page": { "url": name, "title": null },
        "rules": [], "results": [],
        "summary": { "passed": 0, "failed": 0, "cantTell": 0, "suppressed": 0, "inapplicable": 0 },
        "limits": [{ "limit": "unreadable", "message": "permission denied (EACCES)" }],
        "missingResources": [], "parseErrors": 0,
    });
    serde_json::from_value(json).expect("an error report deserialises")
}

/// The two test pages with a baseline comparison applied (every failure of page 2 known, the
/// first failure of page 1 known, the others new), then an input that could not be read.
fn compared_reports() -> (Vec<Report>, String) {
    let mut rs = reports();
    let known_rule = rs[1].results.iter().find(|f| f.outcome == Outcome::Failed).expect("a failure").rule.clone();
    for f in &mut rs[1].results {
        if f.outcome == Outcome::Failed {
            f.baseline = Some(if f.rule == known_rule { "known" } else { "new" }.into());
        }
    }
    for (i, f) in rs[0].results.iter_mut().filter(|f| f.outcome == Outcome::Failed).enumerate() {
        f.baseline = Some(if i == 0 { "known" } else { "new" }.into());
    }
    rs.push(unreadable_report("site/locked <b>page</b>.html"));
    (rs, known_rule)
}

#[test]
fn unreadable_inputs_are_named_in_every_format() {
    let (rs, _) = compared_reports();
    let text = format_reports(&rs, Format::Text, &opts());
    assert!(text.contains("not checked: permission denied (EACCES)"), "{text}");
    assert!(text.contains("· 1 unreadable"), "summary counts it: {text}");
    assert!(text.contains("2 files ·"), "only checked pages count as files: {text}");

    let md = format_reports(&rs, Format::Markdown, &opts());
    assert!(md.contains("## Notes"), "{md}");
    assert!(md.contains("**not checked**: permission denied (EACCES)"), "{md}");
    let checked_line = md.lines().find(|l| l.starts_with("Pages checked:")).expect("pages checked");
    assert!(!checked_line.contains("locked"), "an unread page is not listed as checked: {checked_line}");
    assert!(!outside_code_spans(&outside_fences(&md)).contains("<b>"), "the name stays in a code span");

    let junit = format_reports(&rs, Format::Junit, &opts());
    let doc = roxmltree::Document::parse(&junit).expect("well-formed XML");
    assert_eq!(doc.root_element().attribute("errors"), Some("1"));
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite") && n.attribute("name") == Some("site/locked <b>page</b>.html"))
        .expect("a suite for the unread input");
    assert_eq!(suite.attribute("errors"), Some("1"));
    let error = suite.descendants().find(|n| n.has_tag_name("error")).expect("an error test case");
    assert_eq!(error.attribute("type"), Some("unreadable"));
    assert!(error.attribute("message").is_some_and(|m| m.contains("EACCES")));

    let sarif: serde_json::Value = serde_json::from_str(&format_reports(&rs, Format::Sarif, &opts())).expect("JSON");
    let inv = &sarif["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let notes = inv["toolExecutionNotifications"].as_array().expect("notifications");
    let note = notes.iter().find(|n| n["level"] == "error").expect("an error notification");
    assert!(note["message"]["text"].as_str().is_some_and(|t| t.contains("EACCES")));
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str(),
        Some("site/locked%20%3Cb%3Epage%3C/b%3E.html")
    );

    let html = format_reports(&rs, Format::Html, &opts());
    assert!(html.contains("Not checked: site/locked &lt;b&gt;page&lt;/b&gt;.html: permission denied (EACCES)"), "{html}");

    // Every page read: the run succeeded.
    let sarif: serde_json::Value = serde_json::from_str(&format_reports(&reports(), Format::Sarif, &opts())).expect("JSON");
    assert_eq!(sarif["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn baseline_state_shows_in_every_format() {
    let (rs, known_rule) = compared_reports();
    let known = rs.iter().flat_map(|r| &r.results).filter(|f| f.baseline.as_deref() == Some("known")).count();
    assert!(known >= 2);

    // A finding on one page is marked as a whole; one repeated on several pages per page.
    let text = format_reports(&rs, Format::Text, &opts());
    assert!(text.contains(&format!("· {known} known from the baseline")), "{text}");
    let marks = text.matches("(known: in the baseline)").count() + text.matches(" (known)").count();
    assert_eq!(marks, known, "{text}");
    let md = format_reports(&rs, Format::Markdown, &opts());
    let marks = md.matches("— known: in the baseline").count() + md.matches(" (known)").count();
    assert_eq!(marks, known, "{md}");
    let html = format_reports(&rs, Format::Html, &opts());
    let marks = html.matches("known: in the baseline</span>").count() + html.matches(" (known)").count();
    assert_eq!(marks, known);

    let sarif: serde_json::Value = serde_json::from_str(&format_reports(&rs, Format::Sarif, &opts())).expect("JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let states: Vec<&str> = results.iter().filter_map(|r| r["baselineState"].as_str()).collect();
    assert_eq!(states.iter().filter(|s| **s == "unchanged").count(), known);
    assert!(states.contains(&"new"));

    // JUnit: a rule whose only failures are known is skipped, not failed, on page 2.
    let junit = format_reports(&rs, Format::Junit, &opts());
    let doc = roxmltree::Document::parse(&junit).expect("well-formed XML");
    let suite = doc.descendants().filter(|n| n.has_tag_name("testsuite")).nth(1).expect("page 2");
    let case = suite
        .children()
        .find(|c| c.attribute("name").is_some_and(|n| n.starts_with(&format!("{known_rule}:"))))
        .expect("the known rule's case");
    assert!(!case.children().any(|n| n.has_tag_name("failure")), "known findings don't fail");
    let skipped = case.children().find(|n| n.has_tag_name("skipped")).expect("listed as skipped");
    assert!(skipped.attribute("message").is_some_and(|m| m.starts_with("known: ")));
}
