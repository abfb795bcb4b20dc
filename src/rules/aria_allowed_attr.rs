//! `aria-allowed-attr`: every WAI-ARIA state or property on an element in the accessibility
//! tree is global, or supported (inherited, supported or required) by the element's semantic
//! role, or allowed on that HTML element by ARIA in HTML (ACT 5c01ea). One verdict per element.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::{aria, aria_data};
use crate::dom::{local_name, Element, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-allowed-attr",
    title: "ARIA states and properties are allowed on the element's role",
    wcag: &["1.3.1", "4.1.2"],
    act: &["5c01ea"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A state or property the role does not support (aria-sort on a button, aria-checked on a link) is ignored by browsers, so the state the author meant to convey never reaches assistive technologies.",
    fix: "Remove the attribute, or give the element a role that supports it (aria-pressed belongs on a button, aria-checked on a checkbox, aria-sort on a column header).",
    examples: Examples {
        pass: &[
            "<button aria-pressed=\"false\">Bold</button>",
            "<div role=\"checkbox\" aria-checked=\"false\">x</div>",
            "<div aria-busy=\"true\">x</div>",
            "<button role=\"none\" aria-pressed=\"false\">x</button>",
        ],
        fail: &[
            "<button aria-sort=\"\">Sort by year</button>",
            "<a href=\"/\" aria-checked=\"true\">Home</a>",
        ],
        inapplicable: &["<div role=\"group\">x</div>", "<div role=\"button\" aria-sort=\"\" style=\"display:none\"></div>"],
    },
};

enum Reason {
    Allowed,
    NotAllowed { role: String, attributes: Vec<String> },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Allowed => Evaluation::passed("Every ARIA state and property is allowed on this element."),
            Reason::NotAllowed { role, attributes } => Evaluation::failed(format!(
                "Not supported by the role {role}, so ignored by browsers: {}.",
                attributes.join(", ")
            ))
            .with_data(serde_json::json!({ "role": role, "attributes": attributes })),
        }
    }
}

/// Roles whose states and properties ARIA in HTML allows on an element without an ARIA
/// equivalent (`audio`/`video` take those of `application`; date, time and colour inputs those
/// of `textbox`).
fn language_feature_role(el: &Element) -> Option<&'static str> {
    if el.is_html(&local_name!("audio")) || el.is_html(&local_name!("video")) {
        Some("application")
    } else if el.is_html(&local_name!("input")) {
        Some("textbox")
    } else {
        None
    }
}

/// The rule.
pub struct AriaAllowedAttr;

impl Rule for AriaAllowedAttr {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        let index = cx.tree.aria_index();
        index
            .elements()
            .iter()
            .filter(|e| {
                e.html_or_svg
                    && index.attributes(e).any(|a| a.property.is_some())
                    && super::common::is_included(cx, e.id)
            })
            .map(|e| e.id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let index = cx.tree.aria_index();
        let Some(e) = index.get(target) else { return Reason::Allowed.evaluation() };
        let mut candidates = index.attributes(e).filter(|a| a.property.is_some_and(|p| !aria::is_global(p))).peekable();
        // Global attributes are allowed everywhere: most targets are done without their role.
        if candidates.peek().is_none() {
            return Reason::Allowed.evaluation();
        }
        let role = e.role(cx.tree);
        let role_info = role.and_then(aria_data::role);
        let feature_info = cx.snap.element(target).and_then(language_feature_role).and_then(aria_data::role);
        let supported = |info: Option<&aria_data::Role>, name: &str| info.is_some_and(|i| i.supported.contains(&name));
        let bad: Vec<String> = candidates
            .filter(|a| !supported(role_info, a.name) && !supported(feature_info, a.name))
            .map(|a| a.name.to_string())
            .collect();
        if bad.is_empty() {
            Reason::Allowed.evaluation()
        } else {
            let role = role.or(cx.tree.role(target)).unwrap_or("generic").to_string();
            Reason::NotAllowed { role, attributes: bad }.evaluation()
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
    fn inherited_and_language_features() {
        let first = |html: &str| outcomes("aria-allowed-attr", html).first().map(|o| o.0);
        // switch inherits aria-required from checkbox; separator supports values.
        assert_eq!(first("<div role=\"switch\" aria-checked=\"false\" aria-required=\"true\">x</div>"), Some(Outcome::Passed));
        assert_eq!(first("<div role=\"separator\" tabindex=\"0\" aria-valuenow=\"3\">x</div>"), Some(Outcome::Passed));
        // audio takes the application role's properties, which don't include aria-orientation.
        assert_eq!(first("<audio controls aria-orientation=\"horizontal\"></audio>"), Some(Outcome::Failed));
        assert_eq!(first("<input type=\"date\" aria-required=\"true\">"), Some(Outcome::Passed));
        // aria-invalid is a deprecated global, still allowed.
        assert_eq!(first("<div aria-invalid=\"true\">x</div>"), Some(Outcome::Passed));
    }
}
