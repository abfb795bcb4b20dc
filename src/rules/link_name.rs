//! `link-name`: every element exposed as a link (including DPUB link roles such as
//! `doc-biblioref`, and `<area href>`) has a non-empty accessible name (ACT c487ae,
//! WCAG 2.4.4 and 4.1.2).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "link-name",
    title: "Links have an accessible name",
    wcag: &["2.4.4", "4.1.2"],
    act: &["c487ae"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A link without a name is announced as \"link\" or by its URL: people using screen readers or voice control can't tell where it goes.",
    fix: "Put text inside the link, or give its only image an alt text; for icon links use aria-label, e.g. <a href=\"/cart\" aria-label=\"Cart\"><svg aria-hidden=\"true\">…</svg></a>.",
    examples: examples! {
        pass: &[
            "<a href=\"/about\">About us</a>",
            "<a href=\"/\"><img src=\"logo.png\" alt=\"Home\"></a>",
            "<div role=\"link\" tabindex=\"0\">Docs</div>",
        ],
        fail: &[
            "<a href=\"/\"></a>",
            "<a href=\"/\"><img src=\"logo.png\" alt=\"\"></a>",
            "<a href=\"/\" role=\"none\"> </a>",
        ],
        inapplicable: &[
            "<a href=\"/\" role=\"button\">Go</a>",
            "<a href=\"/\" aria-hidden=\"true\">Home</a>",
            "<a>Not a link without href</a>",
        ],
    },
};

enum Reason {
    Named(String),
    Unnamed,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => Evaluation::passed(format!("The link is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This link has no accessible name: screen readers announce it only as \"link\", so its purpose is unknown.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this link has a name depends on stylesheets that could not be loaded (they may hide it or its text, or add ::before/::after text).",
            ),
        }
    }
}

/// The rule.
pub struct LinkName;

impl Rule for LinkName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::elements(cx)
            .filter(|(id, el)| {
                common::is_html(el)
                    && common::has_inheriting_role(cx, *id, "link")
                    && common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
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
    fn dpub_link_roles_are_links() {
        let out = outcomes("link-name", "<a href=\"#r1\" role=\"doc-biblioref\"><img src=\"a.png\" alt=\"\"></a>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
        let out = outcomes("link-name", "<a href=\"#r1\" role=\"doc-biblioref\">[1]</a>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }

    #[test]
    fn image_map_areas() {
        let page = |area: &str| {
            format!("<img src=\"p.png\" alt=\"Planets\" usemap=\"#m\"><map name=\"m\">{area}</map>")
        };
        let out = outcomes("link-name", &page("<area shape=\"rect\" coords=\"0,0,9,9\" href=\"sun.htm\">"));
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
        let out = outcomes("link-name", &page("<area shape=\"rect\" coords=\"0,0,9,9\" href=\"sun.htm\" alt=\"Sun\">"));
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }

    #[test]
    fn names_from_images_and_titles() {
        let passes = |html: &str| {
            let out = outcomes("link-name", html);
            !out.is_empty() && out.iter().all(|o| o.0 == Outcome::Passed)
        };
        assert!(passes("<a href=\"/\" title=\"Home\"><img src=\"a.png\" alt=\"\"></a>"));
        assert!(passes("<a href=\"/\"><img src=\"a.png\" aria-labelledby=\"l\"></a><div id=\"l\">Home</div>"));
        assert!(!passes("<a href=\"/\"><img src=\"a.png\" aria-labelledby=\"missing\"></a>"));
        assert!(!passes("<a href=\"/\"><img src=\"a.png\" role=\"presentation\"></a>"));
    }
}
