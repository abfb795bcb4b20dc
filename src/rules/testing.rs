//! Test harness: runs a rule's documented examples (pass / fail / inapplicable) and helpers
//! for rule tests.

use super::{Outcome, RuleMeta};
use crate::{check_html, Options};

/// Outcomes of rule `id` on `html`, as (outcome, selector, message).
pub(crate) fn outcomes(id: &str, html: &str) -> Vec<(Outcome, String, String)> {
    let options = Options { rules: Some(vec![id.to_string()]), include_passed: true, ..Options::default() };
    let report = check_html(html, &options).expect("check runs");
    report.results.into_iter().map(|f| (f.outcome, f.selector, f.message)).collect()
}

/// Each pass example gives no failure, each fail example at least one, each inapplicable none.
pub(crate) fn check_examples(meta: &RuleMeta) {
    for html in meta.examples.pass {
        let out = outcomes(meta.id, html);
        assert!(!out.iter().any(|o| o.0 == Outcome::Failed), "{}: pass example failed: {html}\n{out:?}", meta.id);
        assert!(!out.is_empty(), "{}: pass example is inapplicable: {html}", meta.id);
    }
    for html in meta.examples.fail {
        let out = outcomes(meta.id, html);
        assert!(out.iter().any(|o| o.0 == Outcome::Failed), "{}: fail example did not fail: {html}\n{out:?}", meta.id);
    }
    for html in meta.examples.inapplicable {
        let out = outcomes(meta.id, html);
        assert!(out.is_empty(), "{}: inapplicable example had targets: {html}\n{out:?}", meta.id);
    }
}
