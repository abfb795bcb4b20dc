//! `aria-prohibited-attr`: a global state or property is not one the element's semantic role
//! prohibits (ACT kb1m8s): naming (`aria-label`, `aria-labelledby`, `aria-braillelabel`) on
//! roles whose name is prohibited (generic, paragraph, none, code...), and role descriptions on
//! `generic` and `none`. Elements without any ARIA equivalent (iframe, audio, canvas...) are not
//! `generic` and are not judged. One verdict per element.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::{aria, aria_data};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-prohibited-attr",
    title: "Global ARIA properties are not used where the role prohibits them",
    wcag: &["1.3.1"],
    act: &["kb1m8s"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Some roles can't be named: an aria-label on a plain div, a paragraph or a presentational element is ignored by most assistive technologies, so the text it was meant to convey is lost.",
    fix: "Put the text in the content, or give the element a role that can be named (a landmark, a group, a widget); for a div with aria-label, consider whether it should be a region or an image.",
    examples: Examples {
        pass: &[
            "<div aria-live=\"polite\">x</div>",
            "<a href=\"#\" aria-label=\"Now 1 euro\"><s>€100</s> €1</a>",
            "<div role=\"heading\" aria-level=\"2\" aria-braillelabel=\"x\">x</div>",
            "<iframe aria-label=\"Map\" src=\"map.html\"></iframe>",
        ],
        fail: &[
            "<div aria-label=\"Now 1 euro\"><s>€100</s> €1</div>",
            "<p aria-labelledby=\"x\">text</p>",
            "<div aria-roledescription=\"Banana text\">x</div>",
            "<h1 role=\"none\" aria-brailleroledescription=\"x\">x</h1>",
        ],
        inapplicable: &["<div aria-label=\"Bananas\" hidden></div>", "<div>x</div>", "<section aria-label=\"\">x</section>"],
    },
};

enum Reason {
    Allowed,
    Prohibited { role: &'static str, attributes: Vec<String> },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Allowed => Evaluation::passed("No global ARIA attribute here is prohibited for the element's role."),
            Reason::Prohibited { role, attributes } => Evaluation::failed(format!(
                "The {role} role prohibits {}: assistive technologies ignore {}.",
                attributes.join(", "),
                if attributes.len() == 1 { "it" } else { "them" }
            ))
            .with_data(serde_json::json!({ "role": role, "attributes": attributes })),
        }
    }
}

/// Global states and properties with a value (an empty one conveys nothing to ignore).
fn globals<'a>(index: &'a aria::AriaIndex, e: &aria::AriaElement) -> impl Iterator<Item = &'a str> + 'a {
    index
        .attributes(e)
        .filter(|a| !a.value.trim().is_empty() && a.property.is_some_and(aria::is_global))
        .map(|a| a.name)
}

/// The rule.
pub struct AriaProhibitedAttr;

impl Rule for AriaProhibitedAttr {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        let index = cx.tree.aria_index();
        index
            .elements()
            .iter()
            .filter(|e| e.html_or_svg && globals(index, e).next().is_some() && super::common::is_included(cx, e.id))
            .map(|e| e.id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let index = cx.tree.aria_index();
        let Some(e) = index.get(target) else { return Reason::Allowed.evaluation() };
        let Some(role) = e.role(cx.tree) else { return Reason::Allowed.evaluation() };
        let prohibited = aria_data::role(role).map(|r| r.prohibited).unwrap_or(&[]);
        let bad: Vec<String> = globals(index, e).filter(|n| prohibited.contains(n)).map(str::to_string).collect();
        if bad.is_empty() { Reason::Allowed } else { Reason::Prohibited { role, attributes: bad } }.evaluation()
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
    fn named_sections_and_custom_elements() {
        let first = |html: &str| outcomes("aria-prohibited-attr", html).first().map(|o| o.0);
        // A named section is a region, which can be named.
        assert_eq!(first("<section aria-label=\"News\">x</section>"), Some(Outcome::Passed));
        assert_eq!(first("<my-widget aria-label=\"x\">x</my-widget>"), Some(Outcome::Failed));
        assert_eq!(first("<span aria-describedby=\"d\">x</span>"), Some(Outcome::Passed));
    }
}
