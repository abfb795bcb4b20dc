//! `landmark-one-main`: an HTML page has exactly one `main` landmark that is not hidden, so
//! that "skip to main content" works and screen reader users can jump straight to it
//! (best practice, after axe-core's `landmark-one-main` and `landmark-no-duplicate-main`).

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "landmark-one-main",
    title: "The page has one main landmark",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "Screen reader users jump to the main landmark to skip headers and navigation; with none they must read through everything, and with several they can't tell which one is the content.",
    fix: "Wrap the page's primary content in one <main> element (or role=\"main\"), and only one.",
    examples: Examples {
        pass: &["<html><head><title>Home</title></head><body><header>Site</header><main><h1>Welcome</h1></main></body></html>"],
        fail: &[
            "<html><head><title>Home</title></head><body><div><h1>Welcome</h1></div></body></html>",
            "<html><head><title>Home</title></head><body><main>One</main><div role=\"main\">Two</div></body></html>",
        ],
        inapplicable: &["<div><h1>A fragment, not a page</h1></div>"],
    },
};

enum Reason {
    One,
    None,
    Several(usize),
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::One => Evaluation::passed("The page has one main landmark."),
            Reason::None => Evaluation::failed("The page has no main landmark: screen reader users can't jump to its content."),
            Reason::Several(n) => Evaluation::failed(format!(
                "The page has {n} main landmarks: screen reader users can't tell which one holds the content."
            ))
            .with_data(serde_json::json!({ "count": n })),
            Reason::StylesMissing => Evaluation::cant_tell(
                "The page's main landmark may be hidden by stylesheets that could not be loaded.",
            ),
        }
    }
}

/// The rule.
pub struct LandmarkOneMain;

impl Rule for LandmarkOneMain {
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
        let mains = common::elements(cx)
            .filter(|(id, _)| common::semantic_role(cx, *id) == Some("main") && common::is_included(cx, *id))
            .count();
        let reason = match mains {
            1 => Reason::One,
            0 if !cx.styles.complete() => Reason::StylesMissing,
            0 => Reason::None,
            n => Reason::Several(n),
        };
        reason.evaluation()
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
    fn hidden_main_does_not_count() {
        let page = "<html><head><title>x</title></head><body><main hidden>Old</main><main>New</main></body></html>";
        assert_eq!(outcomes("landmark-one-main", page)[0].0, Outcome::Passed);
        let page = "<html><head><title>x</title></head><body><main style=\"display:none\">Old</main></body></html>";
        assert_eq!(outcomes("landmark-one-main", page)[0].0, Outcome::Failed);
    }
}
