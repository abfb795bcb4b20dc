//! `bypass-heading`: the main content starts with a heading people can jump to (ACT 047fe0, an
//! input to `bypass-blocks`). A heading in the `main` landmark, or the first heading after the
//! page's leading navigation and banner blocks, passes; anything else is `cantTell`, since which
//! content repeats across pages can't be known from one page.

use super::bypass_blocks::main_landmark;
use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "bypass-heading",
    title: "The main content starts with a heading",
    wcag: &[],
    act: &["047fe0"],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Renderer,
    help: "Screen reader users skip the repeated header and navigation by jumping to the first heading of the main content.",
    fix: "Start the main content with a heading (usually the page's h1).",
    examples: Examples {
        pass: &["<html><title>T</title><nav><a href=\"/2\">Chapter 2</a></nav><main><h1>Chapter 1</h1><p>Content</p></main></html>"],
        fail: &[],
        inapplicable: &["<svg xmlns=\"http://www.w3.org/2000/svg\"><title>SVG</title></svg>"],
    },
};

enum Reason {
    Heading(String),
    Unknown,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Heading(h) => Evaluation::passed(format!("The main content has the heading {}.", common::quote(&h))),
            Reason::Unknown => Evaluation::cant_tell(
                "No heading was found where the main content starts: check that the content not repeated across pages begins with a heading.",
            ),
        }
    }
}

fn exposed_heading(cx: &Context, id: NodeId) -> bool {
    common::semantic_role(cx, id) == Some("heading")
        && common::is_included(cx, id)
        && cx.tree.is_visible(id)
        && !common::is_off_screen(cx, id)
}

/// The rule.
pub struct BypassHeading;

impl Rule for BypassHeading {
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
        let in_main = main_landmark(cx).and_then(|m| cx.snap.descendants(m).find(|d| exposed_heading(cx, *d)));
        // Otherwise: the first heading after a navigation or banner block, outside such blocks.
        let after_blocks = || {
            let mut seen_block = false;
            let mut walk = cx.snap.descendants(NodeId::DOCUMENT);
            while let Some(d) = walk.next() {
                if matches!(common::semantic_role(cx, d), Some("navigation" | "banner")) {
                    seen_block = true;
                    walk.skip_subtree_of(d);
                } else if seen_block && exposed_heading(cx, d) {
                    return Some(d);
                }
            }
            None
        };
        match in_main.or_else(after_blocks) {
            Some(h) => Reason::Heading(cx.tree.name(h).trim().to_string()),
            None => Reason::Unknown,
        }
        .evaluation()
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
    fn headings_only_in_navigation_are_cant_tell() {
        let out = outcomes("bypass-heading", "<html><title>T</title><nav><h2>Contents</h2><a href=\"/\">Home</a></nav><div><strong>Chapter</strong><p>Text</p></div></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
        let out = outcomes("bypass-heading", "<html><title>T</title><nav><a href=\"/\">Home</a></nav><div><h1>Chapter</h1><p>Text</p></div></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
