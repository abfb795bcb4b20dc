//! JUnit XML, in the shape the Jenkins/Surefire schema describes, for CI test-result views.
//!
//! `<testsuites>` holds one `<testsuite name="FILE">` per report, and each suite one
//! `<testcase classname="FILE" name="RULE-ID: title">` per rule that ran on that page:
//! - a rule with failed (unsuppressed) findings not in the baseline gets one
//!   `<failure message="…" type="IMPACT">` whose text lists every finding (selector, line,
//!   message, snippet, fix), then the known and needs-review findings if any;
//! - otherwise a rule with findings a baseline already records, or with needs-review
//!   (`cantTell`) findings, gets `<skipped message="known: …">` / `<skipped message="needs
//!   review: …">` listing them: neither a pass nor a failure of this build;
//! - otherwise the test case passes (inapplicable rules too); suppressed findings are listed in
//!   the test case's `<system-out>`.
//!
//! An input that could not be read is a suite with one `<error type="unreadable">` test case;
//! a partial report's limits and missing stylesheets go to the suite's `<system-err>`.
//! Counts: `tests` test cases, `failures` with a failure, `skipped` with a skip, `errors`
//! unreadable inputs, `time` 0 (deterministic output). Everything is XML-escaped and characters
//! XML 1.0 forbids are replaced (`escape::xml`).

use super::escape;
use super::{impact_name, is_known, is_suppressed, notes, page_name, plural, rule_title, unreadable, UNREADABLE};
use crate::report::{Finding, Report};
use crate::rules::Outcome;

struct Case<'a> {
    rule: &'a str,
    /// Failed, not in the baseline: what fails the case.
    failed: Vec<&'a Finding>,
    /// Failed, recorded in the baseline: listed, not failing.
    known: Vec<&'a Finding>,
    review: Vec<&'a Finding>,
    suppressed: Vec<&'a Finding>,
}

impl<'a> Case<'a> {
    fn new(rule: &'a str) -> Case<'a> {
        Case { rule, failed: Vec::new(), known: Vec::new(), review: Vec::new(), suppressed: Vec::new() }
    }
}

/// The cases of one report: every rule that ran, in run order, then any rule named only by a
/// finding (a report assembled by hand).
fn cases(r: &Report) -> Vec<Case<'_>> {
    let mut cases: Vec<Case<'_>> = Vec::with_capacity(r.rules.len());
    let mut index = std::collections::HashMap::with_capacity(r.rules.len());
    for run in &r.rules {
        if !index.contains_key(run.id.as_str()) {
            index.insert(run.id.as_str(), cases.len());
            cases.push(Case::new(&run.id));
        }
    }
    for f in &r.results {
        let i = match index.get(f.rule.as_str()) {
            Some(&i) => i,
            None => {
                index.insert(f.rule.as_str(), cases.len());
                cases.push(Case::new(&f.rule));
                cases.len() - 1
            }
        };
        let Some(case) = cases.get_mut(i) else { continue };
        match f.outcome {
            Outcome::Passed => {}
            _ if is_suppressed(f) => case.suppressed.push(f),
            Outcome::Failed if is_known(f) => case.known.push(f),
            Outcome::Failed => case.failed.push(f),
            Outcome::CantTell => case.review.push(f),
        }
    }
    cases
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape::xml(out, value, true);
    out.push('"');
}

/// One finding as a few lines of the failure or skip text.
fn finding_text(out: &mut String, f: &Finding) {
    let mut s = String::with_capacity(256);
    s.push_str("- ");
    s.push_str(&f.selector);
    if f.line > 0 {
        s.push_str(&format!(" (line {})", f.line));
    }
    s.push_str("\n  ");
    s.push_str(&f.message);
    if !f.snippet.is_empty() {
        s.push_str("\n  ");
        s.push_str(&f.snippet);
    }
    s.push('\n');
    escape::xml(out, &s, false);
}

/// Render the JUnit XML document.
pub(super) fn render(reports: &[Report]) -> String {
    let mut body = String::with_capacity(4096);
    let (mut tests, mut failures, mut errors) = (0usize, 0usize, 0usize);
    for (ri, r) in reports.iter().enumerate() {
        let file = page_name(r, ri, reports.len());
        if let Some(why) = unreadable(r) {
            // The page was never checked: one test case in error, so CI shows it by name.
            tests += 1;
            errors += 1;
            body.push_str("  <testsuite");
            attr(&mut body, "name", &file);
            for (name, value) in [("tests", "1"), ("failures", "0"), ("errors", "1"), ("skipped", "0"), ("time", "0")] {
                attr(&mut body, name, value);
            }
            body.push_str(">\n    <testcase");
            attr(&mut body, "classname", &file);
            attr(&mut body, "name", "curbcut: check the page");
            attr(&mut body, "time", "0");
            body.push_str(">\n      <error");
            attr(&mut body, "message", &format!("not checked: {why}"));
            attr(&mut body, "type", UNREADABLE);
            body.push_str("/>\n    </testcase>\n  </testsuite>\n");
            continue;
        }
        let cases = cases(r);
        let suite_failures = cases.iter().filter(|c| !c.failed.is_empty()).count();
        let suite_skipped = cases.iter().filter(|c| c.failed.is_empty() && !(c.review.is_empty() && c.known.is_empty())).count();
        tests += cases.len();
        failures += suite_failures;
        body.push_str("  <testsuite");
        attr(&mut body, "name", &file);
        attr(&mut body, "tests", &cases.len().to_string());
        attr(&mut body, "failures", &suite_failures.to_string());
        attr(&mut body, "errors", "0");
        attr(&mut body, "skipped", &suite_skipped.to_string());
        attr(&mut body, "time", "0");
        body.push_str(">\n");
        for c in &cases {
            body.push_str("    <testcase");
            attr(&mut body, "classname", &file);
            attr(&mut body, "name", &format!("{}: {}", c.rule, rule_title(c.rule)));
            attr(&mut body, "time", "0");
            if c.failed.is_empty() && c.known.is_empty() && c.review.is_empty() && c.suppressed.is_empty() {
                body.push_str("/>\n");
                continue;
            }
            body.push_str(">\n");
            if let Some(first) = c.failed.first() {
                let message = format!(
                    "{}: {}",
                    plural(c.failed.len(), "element fails", "elements fail"),
                    first.message
                );
                body.push_str("      <failure");
                attr(&mut body, "message", &message);
                attr(&mut body, "type", impact_name(first.impact));
                body.push('>');
                for f in &c.failed {
                    finding_text(&mut body, f);
                }
                if !c.known.is_empty() {
                    escape::xml(&mut body, "Known (in the baseline):\n", false);
                    for f in &c.known {
                        finding_text(&mut body, f);
                    }
                }
                if !c.review.is_empty() {
                    escape::xml(&mut body, "Needs review:\n", false);
                    for f in &c.review {
                        finding_text(&mut body, f);
                    }
                }
                if !first.help.is_empty() {
                    body.push_str("Fix: ");
                    escape::xml(&mut body, &first.help, false);
                    body.push('\n');
                }
                body.push_str("</failure>\n");
            } else if let Some(first) = c.known.first().or(c.review.first()) {
                let message = if c.known.is_empty() {
                    format!("needs review: {} ({})", plural(c.review.len(), "element", "elements"), first.message)
                } else {
                    format!("known: {} in the baseline ({})", plural(c.known.len(), "element", "elements"), first.message)
                };
                body.push_str("      <skipped");
                attr(&mut body, "message", &message);
                body.push('>');
                for f in &c.known {
                    finding_text(&mut body, f);
                }
                if !c.review.is_empty() {
                    if !c.known.is_empty() {
                        escape::xml(&mut body, "Needs review:\n", false);
                    }
                    for f in &c.review {
                        finding_text(&mut body, f);
                    }
                }
                body.push_str("</skipped>\n");
            }
            if !c.suppressed.is_empty() {
                body.push_str("      <system-out>");
                escape::xml(&mut body, "Suppressed:\n", false);
                for f in &c.suppressed {
                    finding_text(&mut body, f);
                }
                body.push_str("</system-out>\n");
            }
            body.push_str("    </testcase>\n");
        }
        let notes = notes(r);
        if !notes.is_empty() {
            body.push_str("    <system-err>");
            for note in &notes {
                escape::xml(&mut body, &format!("{}: {}\n", note.label(), note.detail()), false);
            }
            body.push_str("</system-err>\n");
        }
        body.push_str("  </testsuite>\n");
    }
    let mut out = String::with_capacity(body.len() + 200);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    attr(&mut out, "name", "curbcut");
    attr(&mut out, "tests", &tests.to_string());
    attr(&mut out, "failures", &failures.to_string());
    attr(&mut out, "errors", &errors.to_string());
    // No `skipped` here: the Jenkins schema doesn't allow it on <testsuites> (only on suites).
    attr(&mut out, "time", "0");
    out.push_str(">\n");
    out.push_str(&body);
    out.push_str("</testsuites>\n");
    out
}
