//! `bypass-blocks`: a page offers a way past blocks of content repeated across pages (ACT
//! cf77f2, WCAG 2.4.1): a `main` landmark, headings, or a link to a place in the page (a skip
//! link). Which content repeats across pages can't be known from one page, so a page with none
//! of these is `cantTell` rather than failed (it may have nothing to bypass), and a page with
//! them passes even though a person may find its heading or landmark in the wrong place.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "bypass-blocks",
    title: "Pages have a way to bypass repeated blocks",
    wcag: &["2.4.1"],
    act: &["cf77f2"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Keyboard and screen reader users otherwise go through the same header and navigation on every page before reaching the content.",
    fix: "Wrap the main content in <main>, start it with a heading, and/or add a \"Skip to main content\" link at the top of the page pointing to it.",
    examples: Examples {
        pass: &[
            "<html><title>T</title><nav><a href=\"/2\">Chapter 2</a></nav><main><p>Content</p></main></html>",
            "<html><title>T</title><a href=\"#main\">Skip to main content</a><nav><a href=\"/2\">Chapter 2</a></nav><div id=\"main\"><p>Content</p></div></html>",
        ],
        fail: &[],
        inapplicable: &["<svg xmlns=\"http://www.w3.org/2000/svg\"><title>SVG</title></svg>"],
    },
};

enum Reason {
    Main,
    Heading(String),
    SkipLink(String),
    Unknown,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Main => Evaluation::passed("The page has a main landmark that assistive technologies can jump to."),
            Reason::Heading(h) => Evaluation::passed(format!("The page has headings to navigate by (first: {}).", common::quote(&h))),
            Reason::SkipLink(l) => Evaluation::passed(format!("The page has a link to a place in the page ({}).", common::quote(&l))),
            Reason::Unknown => Evaluation::cant_tell(
                "The page has no main landmark, no heading and no link to a place in the page: if blocks of content (header, navigation) repeat on every page, keyboard and screen reader users can't skip them.",
            ),
        }
    }
}

/// The first exposed `main` landmark.
pub(crate) fn main_landmark(cx: &Context) -> Option<NodeId> {
    common::elements(cx)
        .find(|(id, _)| common::semantic_role(cx, *id) == Some("main") && common::is_included(cx, *id) && cx.tree.is_visible(*id))
        .map(|(id, _)| id)
}

/// The first exposed link to a place in the page (`href="#id"` with an element of that id,
/// outside navigation, banner, aside and footer landmarks), with its name.
pub(crate) fn skip_link(cx: &Context) -> Option<(NodeId, String)> {
    common::elements(cx).find_map(|(id, el)| {
        let exposed = common::is_included(cx, id) && cx.tree.is_visible(id);
        let target = el
            .attr(&local_name!("href"))
            .and_then(|h| h.trim().strip_prefix('#'))
            .filter(|t| !t.is_empty())
            .and_then(|t| cx.snap.by_id(t));
        // A target inside navigation, banner, aside or footer is not where the content starts.
        let in_repeated_block = |t: NodeId| {
            std::iter::once(t).chain(cx.snap.ancestors(t)).any(|a| {
                matches!(common::semantic_role(cx, a), Some("navigation" | "banner" | "complementary" | "contentinfo"))
            })
        };
        (exposed && common::semantic_role(cx, id) == Some("link") && target.is_some_and(|t| !in_repeated_block(t)))
            .then(|| (id, cx.tree.name(id).trim().to_string()))
    })
}

/// The rule.
pub struct BypassBlocks;

impl Rule for BypassBlocks {
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
        if main_landmark(cx).is_some() {
            return Reason::Main.evaluation();
        }
        if let Some((_, name)) = skip_link(cx) {
            return Reason::SkipLink(name).evaluation();
        }
        let heading = common::elements(cx).find(|(id, _)| {
            common::semantic_role(cx, *id) == Some("heading")
                && common::is_included(cx, *id)
                && cx.tree.is_visible(*id)
                && !common::is_off_screen(cx, *id)
        });
        match heading {
            Some((id, _)) => Reason::Heading(cx.tree.name(id).trim().to_string()).evaluation(),
            None => Reason::Unknown.evaluation(),
        }
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
    fn nothing_to_navigate_by_is_cant_tell() {
        let out = outcomes("bypass-blocks", "<html><title>T</title><a href=\"/2\">Read chapter 2</a><aside>About</aside><div><p>Text</p></div></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
        let out = outcomes("bypass-blocks", "<html><title>T</title><nav><a href=\"/\">Home</a></nav><h1>Chapter</h1><p>Text</p></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
