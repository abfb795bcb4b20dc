//! `summary-name`: the `<summary>` that opens and closes its `<details>` has a non-empty
//! accessible name (ACT 2t702h, WCAG 4.1.2).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "summary-name",
    title: "Summary elements have an accessible name",
    wcag: &["4.1.2"],
    act: &["2t702h"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "The <summary> is the button that expands its <details>: without a name, screen reader users hear only \"disclosure triangle\" or \"button\" and can't tell what it reveals.",
    fix: "Put text in the summary, e.g. <summary>Opening times</summary>, or give it aria-label.",
    examples: examples! {
        pass: &[
            "<details><summary>Opening times</summary><p>24/7</p></details>",
            "<details><summary aria-label=\"Opening times\"></summary><p>24/7</p></details>",
            "<details><summary>Opening times</summary><summary></summary><p>24/7</p></details>",
        ],
        fail: &[
            "<details><summary></summary><p>24/7</p></details>",
            "<details><summary role=\"none\"></summary><p>24/7</p></details>",
            "<details><summary></summary><summary>Opening times</summary></details>",
        ],
        inapplicable: &[
            "<summary></summary>",
            "<details><div><summary></summary></div></details>",
            "<details><summary role=\"button\">Opening hours</summary></details>",
            "<details style=\"display:none\"><summary></summary></details>",
        ],
    },
};

enum Reason {
    Named(String),
    Unnamed,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => Evaluation::passed(format!("The summary is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This <summary> has no accessible name: screen readers announce a disclosure control without saying what it reveals.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this summary has a name depends on stylesheets that could not be loaded (they may hide it or its text).",
            ),
        }
    }
}

/// The rule.
pub struct SummaryName;

/// Whether `id` is the first `<summary>` child of a `<details>`: the one that toggles it.
fn is_details_summary(cx: &Context, id: NodeId) -> bool {
    let Some(parent) = cx.snap.parent_element(id) else { return false };
    if !cx.snap.element(parent).is_some_and(|p| p.is_html(&local_name!("details"))) {
        return false;
    }
    cx.snap.element_children(parent).find(|c| cx.snap.element(*c).is_some_and(|e| e.is_html(&local_name!("summary")))) == Some(id)
}

impl Rule for SummaryName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("summary"))
            .filter(|(id, el)| {
                // No explicit role, or one that the presentational-role conflict makes
                // browsers ignore (a details summary is focusable, so role="none" is ignored).
                let role_ignored = match common::explicit_role(el) {
                    None => true,
                    Some(r) => r == "none" && common::semantic_role(cx, *id) != Some("none"),
                };
                role_ignored && is_details_summary(cx, *id) && common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let check = common::check_name(cx, target);
        let data = check.data();
        let reason = match check {
            NameCheck::Named { name, .. } => Reason::Named(name),
            NameCheck::Empty => Reason::Unnamed,
            NameCheck::StylesMissing { .. } => Reason::StylesMissing,
        };
        reason.evaluation().with_data(data)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_examples, outcomes};
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn summary_after_other_content_still_toggles() {
        let out = outcomes("summary-name", "<details><p>24/7</p><summary>Opening times</summary></details>");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].0, Outcome::Passed);
        let out = outcomes(
            "summary-name",
            "<span id=\"t\">Opening times</span><details><summary aria-labelledby=\"t\"></summary></details>",
        );
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
