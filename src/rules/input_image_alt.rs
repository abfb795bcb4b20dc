//! `input-image-alt`: every image button (`<input type="image">`) in the accessibility tree has
//! an accessible name that is neither empty nor the browser's default "Submit Query"
//! (ACT 59796f, WCAG 1.1.1 and 4.1.2).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::NameSource;
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "input-image-alt",
    title: "Image buttons have a text alternative",
    wcag: &["1.1.1", "4.1.2"],
    act: &["59796f"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "An image button's text alternative is the button's name: without one, screen readers announce \"Submit Query\" or the image's file name instead of what the button does.",
    fix: "Add an alt attribute naming the action, e.g. <input type=\"image\" src=\"search.svg\" alt=\"Search\">.",
    examples: examples! {
        pass: &[
            "<input type=\"image\" src=\"search.svg\" alt=\"Search\">",
            "<input type=\"image\" src=\"search.svg\" aria-label=\"Search\">",
        ],
        fail: &[
            "<input type=\"image\" name=\"search\" src=\"search.svg\">",
            "<input type=\"image\" src=\"search.svg\" alt=\"\">",
            "<input type=\"image\" src=\"search.svg\" aria-labelledby=\"missing\">",
        ],
        inapplicable: &[
            "<button><img src=\"search.svg\" alt=\"Search\"></button>",
            "<input type=\"image\" src=\"search.svg\" style=\"display: none\">",
        ],
    },
};

/// Whether a host-language name came from the author's `alt` (or `value`, which some browsers
/// use) rather than being the browser's default.
fn authored(cx: &Context, target: NodeId, name: &str) -> bool {
    let Some(el) = cx.snap.element(target) else { return false };
    let given = |attr: &str| el.attr_str(attr).map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "));
    given("alt").is_some_and(|a| !a.is_empty()) || given("value").is_some_and(|v| !v.is_empty() && v == name)
}

enum Reason {
    Named(String),
    Unnamed,
    DefaultName,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => Evaluation::passed(format!("The image button is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This image button has no text alternative: screen readers can't say what it does.",
            ),
            Reason::DefaultName => Evaluation::failed(
                "This image button has no text alternative of its own: browsers fall back to \"Submit Query\", which doesn't say what it does.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this image button has a name depends on stylesheets that could not be loaded (they may hide it).",
            ),
        }
    }
}

/// The rule.
pub struct InputImageAlt;

impl Rule for InputImageAlt {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_tag(cx, &local_name!("input"))
            .filter(|(id, el)| common::is_input_type(el, "image") && common::is_included(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let check = common::check_name(cx, target);
        let data = check.data();
        let reason = match check {
            // A host-language name that no attribute the author wrote gave: the browser's
            // default ("Submit Query" in HTML-AAM, "Submit" in Chromium, localised).
            NameCheck::Named { ref name, source } if source == NameSource::Native && !authored(cx, target, name) => {
                // A missing stylesheet could hide the button: no failure we can be sure of.
                if cx.styles.complete() { Reason::DefaultName } else { Reason::StylesMissing }
            }
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
    fn title_and_labelledby_name_it() {
        let first = |html: &str| outcomes("input-image-alt", html).first().map(|o| o.0);
        assert_eq!(first("<input type=\"image\" src=\"s.svg\" title=\"Search\">"), Some(Outcome::Passed));
        assert_eq!(
            first("<input type=\"image\" src=\"s.svg\" aria-labelledby=\"l\"><div id=\"l\">Search</div>"),
            Some(Outcome::Passed)
        );
        // A missing stylesheet could hide it.
        assert_eq!(
            first("<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><input type=\"image\" src=\"s.svg\">"),
            Some(Outcome::CantTell)
        );
        // The type keyword is case-insensitive.
        assert_eq!(first("<input type=\"IMAGE\" src=\"s.svg\">"), Some(Outcome::Failed));
    }
}
