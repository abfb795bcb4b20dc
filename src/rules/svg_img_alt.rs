//! `svg-img-alt`: every SVG element given an image role explicitly (`img`,
//! `graphics-document`, `graphics-symbol`) has a non-empty accessible name
//! (ACT 7d6734, WCAG 1.1.1).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "svg-img-alt",
    title: "SVG images with an explicit role have an accessible name",
    wcag: &["1.1.1"],
    act: &["7d6734"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "An SVG given role=\"img\" is announced as an image: without a name, people who can't see it don't know what it shows. SVG <text> inside it does not name it.",
    fix: "Add a <title> as the SVG's first child or an aria-label, e.g. <svg role=\"img\" aria-label=\"Sales up 20%\">…</svg>; if it is decorative, use aria-hidden=\"true\" instead of role=\"img\".",
    examples: examples! {
        pass: &[
            "<svg role=\"img\" width=\"10\" height=\"10\"><title>1 circle</title><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
            "<svg><circle role=\"graphics-symbol\" aria-label=\"1 circle\" cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
        ],
        fail: &[
            "<svg role=\"img\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
            "<svg role=\"img\"><title></title><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
            "<svg role=\"img\"><text x=\"1\" y=\"9\">1 circle</text></svg>",
        ],
        inapplicable: &[
            "<svg><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
            "<svg role=\"img\" aria-hidden=\"true\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
            "<svg><circle role=\"graphics-object\" cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
        ],
    },
};

/// Explicit roles that make an SVG element an image.
const IMAGE_ROLES: &[&str] = &["img", "graphics-document", "graphics-symbol"];

enum Reason {
    Named(String),
    Unnamed(&'static str),
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => Evaluation::passed(format!("The SVG image is named {}.", common::quote(&name))),
            Reason::Unnamed(role) => Evaluation::failed(format!(
                "This SVG has role=\"{role}\" but no accessible name: it is announced as an image without saying what it shows."
            )),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this SVG image has a name depends on stylesheets that could not be loaded (they may hide it).",
            ),
        }
    }
}

/// The rule.
pub struct SvgImgAlt;

impl Rule for SvgImgAlt {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // An explicit role needs a role attribute.
        common::with_attr(cx, &local_name!("role"))
            .filter(|(id, el)| {
                el.is_svg()
                    && common::explicit_role(el).is_some_and(|r| IMAGE_ROLES.contains(&r))
                    && common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let role = cx.snap.element(target).and_then(common::explicit_role).unwrap_or("img");
        let check = common::check_name(cx, target);
        let data = check.data();
        let reason = match check {
            NameCheck::Named { name, .. } => Reason::Named(name),
            NameCheck::Empty => Reason::Unnamed(role),
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
    fn explicit_role_is_the_first_valid_token() {
        let first = |html: &str| outcomes("svg-img-alt", html).first().map(|o| o.0);
        assert_eq!(first("<svg role=\"bogus img\"></svg>"), Some(Outcome::Failed));
        assert_eq!(first("<svg role=\"IMG\" aria-label=\"Chart\"></svg>"), Some(Outcome::Passed));
        assert_eq!(first("<svg role=\"graphics-document\"><title>Map</title></svg>"), Some(Outcome::Passed));
        // An HTML element with role img belongs to image-alt, not here.
        assert_eq!(first("<div role=\"img\"></div>"), None);
    }
}
