//! `bypass-skip-link`: the page has a link that moves focus to a place in the page, such as
//! "Skip to main content" (ACT ye5d6e, an input to `bypass-blocks`). Whether its target is where
//! the non-repeated content starts needs a person, so a page with such a link passes and one
//! without is `cantTell` (it may have other ways to bypass, or nothing to bypass). Pages with a
//! `main` landmark are left to `bypass-landmark`: assistive technologies jump to it, so a
//! missing skip link there is not worth a review item.

use super::bypass_blocks::{main_landmark, skip_link};
use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "bypass-skip-link",
    title: "The page has a link to skip to its content",
    wcag: &[],
    act: &["ye5d6e"],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Renderer,
    help: "Keyboard users otherwise tab through the whole header and navigation on every page before reaching the content.",
    fix: "Add <a href=\"#main\">Skip to main content</a> as the first focusable element, pointing to the start of the main content.",
    examples: Examples {
        pass: &["<html><title>T</title><a href=\"#main\">Skip to main content</a><nav><a href=\"/2\">Chapter 2</a></nav><div id=\"main\">Content</div></html>"],
        fail: &[],
        inapplicable: &["<svg xmlns=\"http://www.w3.org/2000/svg\"><title>SVG</title></svg>"],
    },
};

enum Reason {
    Link(String),
    Unknown,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Link(name) => Evaluation::passed(format!("The link {} moves focus to a place in the page.", common::quote(&name))),
            Reason::Unknown => Evaluation::cant_tell(
                "No link moves focus to a place in the page: if content repeats on every page, keyboard users have no way to skip it.",
            ),
        }
    }
}

/// The rule.
pub struct BypassSkipLink;

impl Rule for BypassSkipLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        if !cx.snap.is_html_page() || (main_landmark(cx).is_some() && skip_link(cx).is_none()) {
            return Vec::new();
        }
        cx.snap.root_element().into_iter().collect()
    }

    fn evaluate(&self, cx: &Context, _target: NodeId) -> Evaluation {
        match skip_link(cx) {
            Some((_, name)) => Reason::Link(name),
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
    fn a_link_to_a_missing_target_does_not_count() {
        let out = outcomes("bypass-skip-link", "<html><title>T</title><a href=\"#nowhere\">Skip</a><p>Text</p></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
    }
}
