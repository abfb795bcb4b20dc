//! ACT conformance: every registered rule that implements an ACT rule runs on every test case
//! of that ACT rule (W3C ACT Rules suite, copied in `tests/act/`), and each ACT rule is scored the
//! way the public ACT implementation reports score implementations (`../shared/act/README.md`):
//!
//! - **inconsistent**: a `passed` or `inapplicable` example got `failed` (a false positive);
//! - **complete**: no false positive, at least one `failed` example got `failed`, no `failed`
//!   example got only `passed`/`inapplicable`, every example got an answer (`cantTell` is an
//!   answer, an error is not), and the WCAG criteria on our failures cover the ACT rule's
//!   conformance criteria;
//! - **partial**: true positives that miss the rest, or only `cantTell` where we can't decide;
//! - **untested**: nothing of the above (e.g. inapplicable everywhere).
//!
//! Approved ACT rules are scored on their approved cases only, proposed ones on all cases.
//!
//! The test asserts zero inconsistent rules, a floor of complete approved rules, and a ratchet:
//! `tests/act/complete.txt` lists the ACT ids that were complete, and each must stay complete.
//! Run `cargo test --test act -- --nocapture` to see the table; it is also written to
//! `target/tmp/act-report.txt`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use curbcut::{check_bytes, DocumentKind, Options, Outcome, UrlMapping};
use serde::Deserialize;

/// Approved ACT rules that must be complete (issue 3's target is 27; raised as rules land).
const MIN_APPROVED_COMPLETE: usize = 27;

/// Proposed ACT rules that must be complete (issue 3's target is 8).
const MIN_PROPOSED_COMPLETE: usize = 8;

/// URL prefix the ACT pages use for their assets; served from `tests/act/`.
const ACT_PREFIX: &str = "/WAI/content-assets/wcag-act-rules/";

#[derive(Deserialize)]
struct Suite {
    testcases: Vec<Case>,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct Case {
    rule_id: String,
    rule_name: String,
    #[serde(default)]
    rule_accessibility_requirements: Option<BTreeMap<String, Requirement>>,
    expected: Expected,
    testcase_id: String,
    testcase_title: String,
    relative_path: String,
    #[serde(default)]
    approved: bool,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct Requirement {
    #[serde(default)]
    for_conformance: bool,
    /// A string saying how the criterion differs, or `true`: not needed for completeness.
    #[serde(default)]
    secondary: Option<serde_json::Value>,
}

impl Requirement {
    fn is_secondary(&self) -> bool {
        !matches!(self.secondary, None | Some(serde_json::Value::Null) | Some(serde_json::Value::Bool(false)))
    }
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "camelCase")]
enum Expected {
    Passed,
    Failed,
    Inapplicable,
}

/// What our rules said about one test case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Actual {
    Passed,
    Failed,
    CantTell,
    Inapplicable,
    /// The check returned an error: no answer.
    Untested,
}

impl Actual {
    fn label(self) -> &'static str {
        match self {
            Actual::Passed => "passed",
            Actual::Failed => "failed",
            Actual::CantTell => "cantTell",
            Actual::Inapplicable => "inapplicable",
            Actual::Untested => "untested",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
enum Verdict {
    Complete,
    Partial,
    Untested,
    Inconsistent,
}

impl Verdict {
    fn label(self) -> &'static str {
        match self {
            Verdict::Complete => "complete",
            Verdict::Partial => "partial",
            Verdict::Untested => "untested",
            Verdict::Inconsistent => "INCONSISTENT",
        }
    }
}

/// One test case's result.
struct CaseResult {
    case: Case,
    actual: Actual,
    /// WCAG criteria on the failed findings.
    failed_wcag: BTreeSet<String>,
    /// Error or first failure message, for the table.
    note: String,
}

/// One ACT rule's score.
struct RuleScore {
    act: String,
    name: String,
    approved: bool,
    rules: Vec<String>,
    verdict: Verdict,
    results: Vec<CaseResult>,
    /// Conformance criteria of the ACT rule that our failures don't map to.
    missing_wcag: Vec<String>,
    /// Criteria on our failures that the ACT rule doesn't list at all (reported, not scored).
    extra_wcag: Vec<String>,
}

impl RuleScore {
    fn with(&self, pred: impl Fn(&CaseResult) -> bool) -> Vec<&CaseResult> {
        self.results.iter().filter(|r| pred(r)).collect()
    }
    fn false_positives(&self) -> Vec<&CaseResult> {
        self.with(|r| r.case.expected != Expected::Failed && r.actual == Actual::Failed)
    }
    fn missed(&self) -> Vec<&CaseResult> {
        self.with(|r| {
            r.case.expected == Expected::Failed
                && matches!(r.actual, Actual::Passed | Actual::Inapplicable | Actual::Untested)
        })
    }
    fn cant_tell(&self) -> Vec<&CaseResult> {
        self.with(|r| r.actual == Actual::CantTell)
    }
    fn untested(&self) -> Vec<&CaseResult> {
        self.with(|r| r.actual == Actual::Untested)
    }
    /// Other disagreements that don't affect the score (e.g. passed where inapplicable was expected).
    fn other_mismatches(&self) -> Vec<&CaseResult> {
        self.with(|r| match (r.case.expected, r.actual) {
            (Expected::Passed, Actual::Inapplicable) | (Expected::Inapplicable, Actual::Passed) => true,
            _ => false,
        })
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_suite() -> Vec<Case> {
    let path = repo().join("tests/act/testcases.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let suite: Suite = serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad testcases.json: {e}"));
    suite.testcases
}

fn document_kind(path: &str) -> DocumentKind {
    let ext = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "svg" => DocumentKind::Svg,
        "xml" | "xhtml" => DocumentKind::Xml,
        _ => DocumentKind::Html,
    }
}

/// Run our rules `rules` on one test case.
fn run_case(case: &Case, rules: &[String]) -> CaseResult {
    let act_dir = repo().join("tests/act");
    let file = act_dir.join(&case.relative_path);
    let folder = file.parent().map(Path::to_path_buf).unwrap_or_else(|| act_dir.clone());
    let options = Options {
        rules: Some(rules.to_vec()),
        include_passed: true,
        url: Some(format!("{ACT_PREFIX}{}", case.relative_path)),
        url_map: vec![UrlMapping { prefix: ACT_PREFIX.into(), dir: act_dir.to_string_lossy().into_owned() }],
        base_dir: Some(folder.to_string_lossy().into_owned()),
        document_kind: Some(document_kind(&case.relative_path)),
        ..Options::default()
    };
    let result = std::fs::read(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))
        .and_then(|bytes| check_bytes(&bytes, &options).map_err(|e| e.to_string()));
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            return CaseResult { case: case.clone(), actual: Actual::Untested, failed_wcag: BTreeSet::new(), note: e }
        }
    };
    let findings: Vec<_> = report.results.iter().filter(|f| rules.contains(&f.rule)).collect();
    let has = |o: Outcome| findings.iter().any(|f| f.outcome == o);
    let actual = if has(Outcome::Failed) {
        Actual::Failed
    } else if has(Outcome::CantTell) {
        Actual::CantTell
    } else if has(Outcome::Passed) {
        Actual::Passed
    } else {
        Actual::Inapplicable
    };
    let failed_wcag = findings
        .iter()
        .filter(|f| f.outcome == Outcome::Failed)
        .flat_map(|f| f.wcag.iter().cloned())
        .collect();
    let note = findings
        .iter()
        .find(|f| match actual {
            Actual::Failed => f.outcome == Outcome::Failed,
            Actual::CantTell => f.outcome == Outcome::CantTell,
            _ => true,
        })
        .map(|f| format!("{} {}: {}", f.rule, f.selector, f.message))
        .unwrap_or_default();
    CaseResult { case: case.clone(), actual, failed_wcag, note }
}

/// WCAG criterion ids (`1.1.1`) of an accessibility-requirement key (`wcag20:1.1.1`), if it is one.
fn wcag_criterion(key: &str) -> Option<&str> {
    let (scheme, sc) = key.split_once(':')?;
    scheme.strip_prefix("wcag").filter(|v| v.chars().all(|c| c.is_ascii_digit()))?;
    Some(sc)
}

/// Score one ACT rule from its case results (the ACT implementation report logic).
fn score(act: &str, name: &str, approved: bool, rules: Vec<String>, results: Vec<CaseResult>) -> RuleScore {
    let requirements = results
        .first()
        .and_then(|r| r.case.rule_accessibility_requirements.clone())
        .unwrap_or_default();
    let conformance: Vec<String> = requirements
        .iter()
        .filter(|(_, req)| req.for_conformance && !req.is_secondary())
        .filter_map(|(k, _)| wcag_criterion(k).map(str::to_string))
        .collect();
    let listed: BTreeSet<String> = requirements.keys().filter_map(|k| wcag_criterion(k).map(str::to_string)).collect();
    let on_failures: BTreeSet<String> = results.iter().flat_map(|r| r.failed_wcag.iter().cloned()).collect();
    let missing_wcag: Vec<String> = conformance.iter().filter(|c| !on_failures.contains(*c)).cloned().collect();
    let extra_wcag: Vec<String> = on_failures.iter().filter(|c| !listed.contains(*c)).cloned().collect();

    let mut s = RuleScore {
        act: act.into(),
        name: name.into(),
        approved,
        rules,
        verdict: Verdict::Untested,
        results,
        missing_wcag,
        extra_wcag,
    };
    let true_positive = s.results.iter().any(|r| r.case.expected == Expected::Failed && r.actual == Actual::Failed);
    let inapplicable_ok = s
        .results
        .iter()
        .all(|r| r.case.expected != Expected::Inapplicable || matches!(r.actual, Actual::Passed | Actual::Inapplicable));
    s.verdict = if !s.false_positives().is_empty() {
        Verdict::Inconsistent
    } else if true_positive && s.missed().is_empty() && s.untested().is_empty() && s.missing_wcag.is_empty() {
        Verdict::Complete
    } else if true_positive || (!s.cant_tell().is_empty() && inapplicable_ok) {
        Verdict::Partial
    } else {
        Verdict::Untested
    };
    s
}

fn ids(list: &[&CaseResult]) -> String {
    list.iter()
        .map(|r| format!("{} [{}…] → {}", r.case.testcase_title, r.case.testcase_id.get(..8).unwrap_or(&r.case.testcase_id), r.actual.label()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn table(scores: &[RuleScore]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<7} {:<9} {:<13} {:<5} {:>4} {:>4} {:>4} {:>4}  {:<58} our rules",
        "ACT", "approved", "verdict", "cases", "ok", "FP", "miss", "?", "ACT rule"
    );
    for s in scores {
        let ok = s
            .results
            .iter()
            .filter(|r| match r.case.expected {
                Expected::Failed => r.actual == Actual::Failed,
                Expected::Passed => r.actual == Actual::Passed,
                Expected::Inapplicable => r.actual == Actual::Inapplicable,
            })
            .count();
        let _ = writeln!(
            out,
            "{:<7} {:<9} {:<13} {:>5} {:>4} {:>4} {:>4} {:>4}  {:<58} {}",
            s.act,
            if s.approved { "approved" } else { "proposed" },
            s.verdict.label(),
            s.results.len(),
            ok,
            s.false_positives().len(),
            s.missed().len(),
            s.cant_tell().len(),
            s.name.chars().take(58).collect::<String>(),
            s.rules.join(", ")
        );
        let detail = [
            ("false positives", s.false_positives()),
            ("missed failures", s.missed()),
            ("cantTell", s.cant_tell()),
            ("other mismatches (not scored)", s.other_mismatches()),
        ];
        for (label, list) in detail {
            if !list.is_empty() {
                let _ = writeln!(out, "        {label}: {}", ids(&list));
                if label == "false positives" || label == "missed failures" {
                    for r in list.iter().filter(|r| !r.note.is_empty()) {
                        let _ = writeln!(out, "          {}: {}", r.case.testcase_title, r.note);
                    }
                }
            }
        }
        if !s.missing_wcag.is_empty() {
            let _ = writeln!(out, "        WCAG criteria not covered by our failures: {}", s.missing_wcag.join(", "));
        }
        if !s.extra_wcag.is_empty() {
            let _ = writeln!(out, "        note: our failures also map to {} (not listed by the ACT rule)", s.extra_wcag.join(", "));
        }
    }
    out
}

/// Compare the scores with the ACT ids listed as complete: (regressions, ids to add).
fn ratchet(listed: &[String], scores: &[RuleScore]) -> (Vec<String>, Vec<String>) {
    let mut regressions = Vec::new();
    for act in listed {
        match scores.iter().find(|s| &s.act == act) {
            Some(s) if s.verdict == Verdict::Complete => {}
            Some(s) => regressions.push(format!(
                "{act} ({}) is listed in tests/act/complete.txt but is now {}",
                s.name,
                s.verdict.label()
            )),
            None => regressions.push(format!("{act} is listed in tests/act/complete.txt but no rule implements it any more")),
        }
    }
    let additions = scores
        .iter()
        .filter(|s| s.verdict == Verdict::Complete && !listed.contains(&s.act))
        .map(|s| format!("add to complete.txt: {} ({})", s.act, s.name))
        .collect();
    (regressions, additions)
}

fn read_complete_list() -> Vec<String> {
    let path = repo().join("tests/act/complete.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn act_conformance() {
    let suite = load_suite();
    let approved_rules: BTreeSet<&str> =
        suite.iter().filter(|c| c.approved).map(|c| c.rule_id.as_str()).collect();

    // ACT id → our rule ids implementing it.
    let mut mapped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for meta in curbcut::rules() {
        for act in meta.act {
            mapped.entry(act.to_string()).or_default().push(meta.id.to_string());
        }
    }

    let mut scores = Vec::new();
    for (act, rules) in &mapped {
        let approved = approved_rules.contains(act.as_str());
        let cases: Vec<&Case> =
            suite.iter().filter(|c| &c.rule_id == act && (!approved || c.approved)).collect();
        assert!(!cases.is_empty(), "ACT rule {act} (mapped by {rules:?}) has no test cases");
        let name = cases[0].rule_name.clone();
        let results = cases.iter().map(|c| run_case(c, rules)).collect();
        scores.push(score(act, &name, approved, rules.clone(), results));
    }

    let approved_total = approved_rules.len();
    let approved_complete = scores.iter().filter(|s| s.approved && s.verdict == Verdict::Complete).count();
    let proposed_complete = scores.iter().filter(|s| !s.approved && s.verdict == Verdict::Complete).count();
    let partial = scores.iter().filter(|s| s.verdict == Verdict::Partial).count();
    let inconsistent: Vec<&RuleScore> = scores.iter().filter(|s| s.verdict == Verdict::Inconsistent).collect();

    let mut text = table(&scores);
    let _ = writeln!(
        text,
        "approved complete {approved_complete}/{approved_total}, proposed complete {proposed_complete}, partial {partial}, inconsistent {}",
        inconsistent.len()
    );
    let complete_with_cant_tell: Vec<&str> = scores
        .iter()
        .filter(|s| s.verdict == Verdict::Complete && !s.cant_tell().is_empty())
        .map(|s| s.act.as_str())
        .collect();
    if !complete_with_cant_tell.is_empty() {
        let _ = writeln!(text, "complete with some cantTell answers: {}", complete_with_cant_tell.join(", "));
    }

    let (regressions, additions) = ratchet(&read_complete_list(), &scores);
    for line in &additions {
        let _ = writeln!(text, "{line}");
    }
    println!("{text}");
    // Also kept on disk for CI logs and for people who ran the test without --nocapture.
    let report = Path::new(env!("CARGO_TARGET_TMPDIR")).join("act-report.txt");
    if std::fs::write(&report, &text).is_ok() {
        println!("(table written to {})", report.display());
    }

    assert!(
        inconsistent.is_empty(),
        "false positives on passed/inapplicable examples of {}:\n{text}",
        inconsistent.iter().map(|s| s.act.as_str()).collect::<Vec<_>>().join(", ")
    );
    assert!(regressions.is_empty(), "ACT ratchet regressions:\n  {}\n\n{text}", regressions.join("\n  "));
    assert!(
        approved_complete >= MIN_APPROVED_COMPLETE,
        "only {approved_complete} approved ACT rules are complete; the floor is {MIN_APPROVED_COMPLETE}\n{text}"
    );
    assert!(
        proposed_complete >= MIN_PROPOSED_COMPLETE,
        "only {proposed_complete} proposed ACT rules are complete; the floor is {MIN_PROPOSED_COMPLETE}\n{text}"
    );
}

#[cfg(test)]
mod scoring {
    use super::*;

    fn case(expected: Expected, req: &[(&str, bool)]) -> Case {
        Case {
            rule_id: "x".into(),
            rule_name: "X".into(),
            rule_accessibility_requirements: Some(
                req.iter()
                    .map(|(k, c)| (k.to_string(), Requirement { for_conformance: *c, secondary: None }))
                    .collect(),
            ),
            expected,
            testcase_id: "0123456789".into(),
            testcase_title: "T".into(),
            relative_path: "testcases/x/a.html".into(),
            approved: true,
        }
    }

    fn result(expected: Expected, actual: Actual, wcag: &[&str]) -> CaseResult {
        CaseResult {
            case: case(expected, &[("wcag20:1.1.1", true), ("wcag-technique:G94", false)]),
            actual,
            failed_wcag: wcag.iter().map(|s| s.to_string()).collect(),
            note: String::new(),
        }
    }

    fn verdict(results: Vec<CaseResult>) -> Verdict {
        score("x", "X", true, vec!["r".into()], results).verdict
    }

    #[test]
    fn scoring_follows_the_act_report_logic() {
        use Actual as A;
        use Expected as E;
        let all_right = || {
            vec![
                result(E::Failed, A::Failed, &["1.1.1"]),
                result(E::Passed, A::Passed, &[]),
                result(E::Inapplicable, A::Inapplicable, &[]),
            ]
        };
        assert_eq!(verdict(all_right()), Verdict::Complete);
        // A false positive on a passed or inapplicable example.
        let mut r = all_right();
        r[1].actual = A::Failed;
        assert_eq!(verdict(r), Verdict::Inconsistent);
        let mut r = all_right();
        r[2].actual = A::Failed;
        assert_eq!(verdict(r), Verdict::Inconsistent);
        // A missed failure.
        let mut r = all_right();
        r.push(result(E::Failed, A::Passed, &[]));
        assert_eq!(verdict(r), Verdict::Partial);
        // cantTell is an answer; an error is not.
        let mut r = all_right();
        r.push(result(E::Failed, A::CantTell, &[]));
        assert_eq!(verdict(r), Verdict::Complete);
        let mut r = all_right();
        r.push(result(E::Passed, A::Untested, &[]));
        assert_eq!(verdict(r), Verdict::Partial);
        // Failures that don't map to the rule's criterion.
        let mut r = all_right();
        r[0].failed_wcag = ["4.1.2".to_string()].into_iter().collect();
        assert_eq!(verdict(r), Verdict::Partial);
        // Nothing but inapplicable.
        assert_eq!(verdict(vec![result(E::Failed, A::Inapplicable, &[])]), Verdict::Untested);
        // Only cantTell, inapplicable examples right.
        assert_eq!(
            verdict(vec![result(E::Failed, A::CantTell, &[]), result(E::Inapplicable, A::Inapplicable, &[])]),
            Verdict::Partial
        );
    }

    #[test]
    fn ratchet_flags_regressions_and_new_complete_rules() {
        use Actual as A;
        use Expected as E;
        let complete = score("aaa111", "A", true, vec![], vec![result(E::Failed, A::Failed, &["1.1.1"])]);
        let partial = score(
            "bbb222",
            "B",
            true,
            vec![],
            vec![result(E::Failed, A::Failed, &["1.1.1"]), result(E::Failed, A::Passed, &[])],
        );
        let scores = [complete, partial];
        let listed = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (reg, add) = ratchet(&listed(&["aaa111"]), &scores);
        assert!(reg.is_empty() && add.is_empty(), "{reg:?} {add:?}");
        let (reg, add) = ratchet(&listed(&["bbb222", "ccc333"]), &scores);
        assert_eq!(reg.len(), 2, "{reg:?}");
        assert!(reg[0].contains("bbb222") && reg[0].contains("partial"), "{reg:?}");
        assert!(reg[1].contains("no rule implements it"), "{reg:?}");
        assert_eq!(add, vec!["add to complete.txt: aaa111 (A)".to_string()]);
    }

    #[test]
    fn requirement_keys() {
        assert_eq!(wcag_criterion("wcag20:1.1.1"), Some("1.1.1"));
        assert_eq!(wcag_criterion("wcag21:2.5.3"), Some("2.5.3"));
        assert_eq!(wcag_criterion("wcag-technique:G94"), None);
        assert_eq!(wcag_criterion("aria12:namecalculation"), None);
    }
}
