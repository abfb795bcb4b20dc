//! `iframe-title`: every `<iframe>` in the accessibility tree that can be reached (no negative
//! `tabindex`) and is not marked decorative has a non-empty accessible name
//! (ACT cae760, WCAG 4.1.2).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "iframe-title",
    title: "Frames have an accessible name",
    wcag: &["4.1.2"],
    act: &["cae760"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers list and announce frames by their name: without one, people can't tell what an embedded frame holds before entering it.",
    fix: "Add a title that describes the frame's content, e.g. <iframe src=\"map.html\" title=\"Store location map\">.",
    examples: examples! {
        pass: &[
            "<iframe title=\"Grocery list\" src=\"list.html\"></iframe>",
            "<div id=\"t\">Grocery list</div><iframe aria-labelledby=\"t\" src=\"list.html\"></iframe>",
        ],
        fail: &[
            "<iframe src=\"list.html\"></iframe>",
            "<iframe name=\"Grocery list\" src=\"list.html\"></iframe>",
            "<iframe title=\" \" src=\"list.html\"></iframe>",
        ],
        inapplicable: &[
            "<iframe style=\"display:none\" src=\"list.html\"></iframe>",
            "<iframe tabindex=\"-1\" src=\"list.html\"></iframe>",
            "<iframe role=\"none\" src=\"list.html\"></iframe>",
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
            Reason::Named(name) => Evaluation::passed(format!("The frame is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This iframe has no accessible name: screen readers announce \"frame\" without saying what it contains.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this iframe has a name depends on stylesheets that could not be loaded (they may hide it).",
            ),
        }
    }
}

/// The rule.
pub struct IframeTitle;

impl Rule for IframeTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("iframe"))
            .filter(|(id, el)| {
                cx.tree.tabindex(*id).is_none_or(|t| t >= 0)
                    && !common::is_marked_decorative(el)
                    && common::is_included(cx, *id)
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
    fn tabindex_must_parse_as_negative() {
        let first = |html: &str| outcomes("iframe-title", html).first().map(|o| o.0);
        assert_eq!(first("<iframe tabindex=\" -2 \" src=\"a.html\"></iframe>"), None);
        assert_eq!(first("<iframe tabindex=\"0\" src=\"a.html\"></iframe>"), Some(Outcome::Failed));
        assert_eq!(first("<iframe tabindex=\"x\" src=\"a.html\"></iframe>"), Some(Outcome::Failed));
        assert_eq!(first("<iframe aria-label=\"Map\" src=\"a.html\"></iframe>"), Some(Outcome::Passed));
    }
}
