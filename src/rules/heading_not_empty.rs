//! `heading-not-empty`: every HTML element exposed as a heading has a non-empty accessible name
//! (ACT ffd0e9, WCAG 1.3.1).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "heading-not-empty",
    title: "Headings have an accessible name",
    wcag: &["1.3.1"],
    act: &["ffd0e9"],
    impact: Impact::Moderate,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen reader users navigate by headings: an empty heading is announced as \"heading level 1\" with nothing after it, a stop that leads nowhere.",
    fix: "Put text in the heading, or remove the element if it is only used for spacing or styling.",
    examples: examples! {
        pass: &[
            "<h1>ACT rules</h1>",
            "<div role=\"heading\" aria-level=\"2\">Pricing</div>",
            "<h1><img src=\"logo.png\" alt=\"Acme\"></h1>",
        ],
        fail: &[
            "<h1></h1>",
            "<h1><img src=\"logo.png\" alt=\"\"></h1>",
            "<h2 aria-label=\"\"><span aria-hidden=\"true\">Pricing</span></h2>",
            "<h1><br></h1>",
        ],
        inapplicable: &["<div></div>", "<h1 aria-hidden=\"true\"></h1>"],
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
            Reason::Named(name) => Evaluation::passed(format!("The heading reads {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This heading is empty for assistive technologies: screen readers announce a heading with no text.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this heading has text depends on stylesheets that could not be loaded (they may hide it or its text).",
            ),
        }
    }
}

/// The rule.
pub struct HeadingNotEmpty;

impl Rule for HeadingNotEmpty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_role(cx, |r| r == "heading")
            .filter(|(id, el)| common::is_html(el) && common::is_included(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let check = common::check_name(cx, target);
        if matches!(check, NameCheck::Named { .. }) && common::passes_unreported(cx) {
            return Evaluation::passed(String::new());
        }
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
    fn presentational_role_is_ignored_when_aria_label_is_present() {
        // A global ARIA attribute (aria-label, even empty) cancels role="none": still a heading.
        let out = outcomes("heading-not-empty", "<h1 aria-label=\"\" role=\"none\"><span aria-hidden=\"true\">x</span></h1>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
        let out = outcomes("heading-not-empty", "<h1 role=\"none\"></h1>");
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn hidden_labelledby_and_offscreen() {
        let first = |html: &str| outcomes("heading-not-empty", html).first().map(|o| o.0);
        assert_eq!(
            first("<span id=\"n\" hidden>ACT rules</span><h1 aria-labelledby=\"n\">Learn</h1>"),
            Some(Outcome::Passed)
        );
        assert_eq!(first("<h1 style=\"position: absolute; top: -9999px\">ACT rules</h1>"), Some(Outcome::Passed));
        assert_eq!(
            first("<h1><img src=\"a.png\" alt=\"ACT\" role=\"presentation\"></h1>"),
            Some(Outcome::Failed)
        );
    }
}
