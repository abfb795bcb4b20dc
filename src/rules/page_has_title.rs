//! `page-has-title`: an HTML page has a non-empty `<title>` (ACT 2779a5, WCAG 2.4.2).

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "page-has-title",
    title: "Pages have a title",
    wcag: &["2.4.2"],
    act: &["2779a5"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "The page title is the first thing a screen reader announces and what tabs, bookmarks and history show; without it people can't tell pages apart.",
    fix: "Add a <title> inside <head> that describes the page, e.g. <title>Checkout – Acme</title>.",
    examples: examples! {
        pass: &["<html><head><title>Checkout – Acme</title></head><body></body></html>"],
        fail: &[
            "<html><head></head><body><p>Hello</p></body></html>",
            "<html><head><title> </title></head><body></body></html>",
        ],
        inapplicable: &[],
    },
};

enum Reason {
    Missing,
    Empty,
    Present(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Missing => Evaluation::failed("The page has no <title> element."),
            Reason::Empty => Evaluation::failed("The page's <title> is empty."),
            Reason::Present(t) => Evaluation::passed(format!("The page is titled \"{t}\".")),
        }
    }
}

/// The rule.
pub struct PageHasTitle;

impl Rule for PageHasTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // The document element of an HTML page (not SVG/XML documents, not iframes' pages).
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        cx.snap.root_element().into_iter().collect()
    }

    fn evaluate(&self, cx: &Context, _target: NodeId) -> Evaluation {
        let reason = match cx.snap.title_element() {
            None => Reason::Missing,
            Some(t) => {
                let text = cx.snap.text_content(t);
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() { Reason::Empty } else { Reason::Present(text) }
            }
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
