//! `image-alt`: every `<img>` and every HTML element with role `img` that is not hidden has a
//! non-empty accessible name, or is decorative (role `none`/`presentation`)
//! (ACT 23a2a8, WCAG 1.1.1).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "image-alt",
    title: "Images have a text alternative or are marked decorative",
    wcag: &["1.1.1"],
    act: &["23a2a8"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "People who can't see an image rely on its text alternative; an image without one is announced by its file name or skipped without notice.",
    fix: "Add alt text that says what the image conveys, e.g. <img src=\"chart.png\" alt=\"Sales doubled in 2024\">; if it is decorative, use alt=\"\".",
    examples: examples! {
        pass: &[
            "<img src=\"logo.png\" alt=\"Acme logo\">",
            "<img src=\"swirl.png\" alt=\"\">",
            "<div role=\"img\" aria-label=\"Five stars\">★★★★★</div>",
        ],
        fail: &[
            "<img src=\"logo.png\">",
            "<img src=\"logo.png\" alt=\" \">",
            "<div role=\"img\"></div>",
            "<img src=\"logo.png\" role=\"none\" tabindex=\"0\">",
        ],
        inapplicable: &[
            "<img src=\"logo.png\" aria-hidden=\"true\">",
            "<div style=\"display: none\"><img src=\"logo.png\"></div>",
            "<svg width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
        ],
    },
};

enum Reason {
    Named(String),
    Decorative,
    Unnamed,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => {
                Evaluation::passed(format!("The image's text alternative is {}.", common::quote(&name)))
            }
            Reason::Decorative => Evaluation::passed("The image is marked decorative and is ignored by assistive technologies."),
            Reason::Unnamed => Evaluation::failed(
                "This image has no text alternative and is not marked decorative: screen readers may announce its file name, or nothing.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this image has a text alternative depends on stylesheets that could not be loaded (they may hide it).",
            ),
        }
    }
}

/// The rule.
pub struct ImageAlt;

impl Rule for ImageAlt {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_role_or_tag(cx, |r| r == "img", &local_name!("img"))
            .filter(|(id, el)| {
                (el.is_html(&local_name!("img")) || (common::is_html(el) && common::semantic_role(cx, *id) == Some("img")))
                    && !cx.tree.is_programmatically_hidden(*id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        // Decorative: the semantic role is none (after the presentational-role conflict:
        // a focusable `<img role="none">` is still an image).
        if common::semantic_role(cx, target) == Some("none") {
            return Reason::Decorative.evaluation();
        }
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
    fn names_from_title_and_hidden_labels() {
        let first = |html: &str| outcomes("image-alt", html).first().map(|o| o.0);
        assert_eq!(first("<img src=\"a.png\" title=\"Logo\">"), Some(Outcome::Passed));
        assert_eq!(
            first("<div id=\"l\" style=\"display:none\">Logo</div><div role=\"img\" aria-labelledby=\"l\"></div>"),
            Some(Outcome::Passed)
        );
        assert_eq!(first("<img role=\"presentation\" src=\"a.png\">"), Some(Outcome::Passed));
    }

    #[test]
    fn invisible_images_are_inapplicable_but_offscreen_ones_are_not() {
        assert!(outcomes("image-alt", "<div style=\"visibility: hidden\"><img src=\"a.png\"></div>").is_empty());
        let out = outcomes("image-alt", "<div style=\"margin-left:-9999px\"><img src=\"a.png\"></div>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
    }
}
