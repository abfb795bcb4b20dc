//! `bypass-landmark`: the page's main content is in a landmark people can jump to (ACT b40fd1,
//! an input to `bypass-blocks`). A `main` landmark passes; otherwise which content repeats
//! across pages can't be known from one page, so it is `cantTell`.

use super::bypass_blocks::main_landmark;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "bypass-landmark",
    title: "The main content is in a landmark",
    wcag: &[],
    act: &["b40fd1"],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Renderer,
    help: "Screen reader users jump straight to the main landmark, past the header and navigation repeated on every page.",
    fix: "Wrap the page's main content in <main> (one per page).",
    examples: Examples {
        pass: &["<html><title>T</title><nav><a href=\"/2\">Chapter 2</a></nav><main><p>Content</p></main></html>"],
        fail: &[],
        inapplicable: &["<svg xmlns=\"http://www.w3.org/2000/svg\"><title>SVG</title></svg>"],
    },
};

enum Reason {
    Main,
    Unknown,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Main => Evaluation::passed("The page has a main landmark."),
            Reason::Unknown => Evaluation::cant_tell(
                "The page has no main landmark: check that the content that is not repeated across pages starts a landmark.",
            ),
        }
    }
}

/// The rule.
pub struct BypassLandmark;

impl Rule for BypassLandmark {
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
        if main_landmark(cx).is_some() { Reason::Main } else { Reason::Unknown }.evaluation()
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
    fn no_main_is_cant_tell() {
        let out = outcomes("bypass-landmark", "<html><title>T</title><nav><a href=\"/\">Home</a></nav><div><p>Text</p></div></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
    }
}
