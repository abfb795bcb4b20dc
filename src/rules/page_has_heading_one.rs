//! `page-has-heading-one`: an HTML page has at least one level-one heading that is not hidden
//! (best practice, after axe-core's `page-has-heading-one`).

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "page-has-heading-one",
    title: "The page has a level-one heading",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "Screen reader users jump to the first level-one heading to find the start of the main content and learn what the page is about.",
    fix: "Add an <h1> (or role=\"heading\" aria-level=\"1\") at the start of the main content that says what the page is about.",
    examples: Examples {
        pass: &[
            "<html><head><title>Shop</title></head><body><main><h1>Our products</h1></main></body></html>",
            "<html><head><title>Shop</title></head><body><div role=\"heading\" aria-level=\"1\">Our products</div></body></html>",
        ],
        fail: &[
            "<html><head><title>Shop</title></head><body><main><h2>Our products</h2></main></body></html>",
            "<html><head><title>Shop</title></head><body><h1 hidden>Shop</h1><p>Text</p></body></html>",
        ],
        inapplicable: &["<h2>A fragment</h2>"],
    },
};

enum Reason {
    Found(String),
    Missing,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Found(name) => Evaluation::passed(format!("The page has a level-one heading, {}.", common::quote(&name))),
            Reason::Missing => Evaluation::failed("The page has no level-one heading: screen reader users can't jump to where its content starts."),
            Reason::StylesMissing => Evaluation::cant_tell(
                "The page's level-one headings may be hidden by stylesheets that could not be loaded.",
            ),
        }
    }
}

/// The rule.
pub struct PageHasHeadingOne;

impl Rule for PageHasHeadingOne {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        cx.snap.root_element().into_iter().collect()
    }

    fn evaluate(&self, cx: &Context, _target: NodeId) -> Evaluation {
        let first = common::headings(cx).iter().copied().find(|(_, level)| *level == 1);
        let reason = match first {
            Some((id, _)) => Reason::Found(cx.tree.name(id).trim().to_string()),
            None if !cx.styles.complete() => Reason::StylesMissing,
            None => Reason::Missing,
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }
}
