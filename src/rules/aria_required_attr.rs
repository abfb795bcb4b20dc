//! `aria-required-attr`: an element with an explicit role (different from its implicit one) has
//! the states and properties WAI-ARIA 1.2 requires for that role, set and non-empty, unless the
//! role gives them an implicit value (ACT 4e8ab6). Native attributes that HTML-AAM maps to a
//! required state (a checkbox input's checkedness, a range input's value, `h1`-`h6` levels)
//! count as set. A focusable `separator` is a widget and needs `aria-valuenow`; a combobox needs
//! `aria-controls` only while expanded.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::{aria, aria_data};
use crate::dom::{local_name, Element, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-required-attr",
    title: "Elements with a role have the states and properties it requires",
    wcag: &["1.3.1", "4.1.2"],
    act: &["4e8ab6"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A custom widget without the state its role requires (a checkbox without aria-checked, a heading without aria-level) leaves assistive technologies to guess, and they guess differently.",
    fix: "Set the required state or property and keep it up to date, e.g. aria-checked=\"false\" on role=\"checkbox\", aria-level=\"2\" on role=\"heading\", aria-valuenow on role=\"slider\".",
    examples: Examples {
        pass: &[
            "<div role=\"heading\" aria-level=\"1\">Title</div>",
            "<div role=\"checkbox\" aria-checked=\"false\" aria-label=\"x\"></div>",
            "<ul role=\"listbox\" aria-label=\"x\"><li role=\"option\">a</li></ul>",
            "<div role=\"separator\"></div>",
        ],
        fail: &[
            "<div role=\"heading\">Title</div>",
            "<div role=\"switch\">Toggle</div>",
            "<div role=\"separator\" tabindex=\"0\"></div>",
            "<input role=\"combobox\" aria-controls=\"x\">",
        ],
        inapplicable: &[
            "<div>x</div>",
            "<input type=\"checkbox\" role=\"checkbox\" aria-label=\"x\">",
            "<div role=\"combobox\" style=\"display:none\"></div>",
        ],
    },
};

enum Reason {
    Complete(&'static str),
    Missing { role: &'static str, missing: Vec<&'static str> },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Complete(role) => Evaluation::passed(format!("The {role} has every state and property its role requires.")),
            Reason::Missing { role, missing } => Evaluation::failed(format!(
                "role=\"{role}\" requires {}, which {} missing or empty.",
                missing.join(", "),
                if missing.len() == 1 { "is" } else { "are" }
            ))
            .with_data(serde_json::json!({ "role": role, "missing": missing })),
        }
    }
}

/// Whether HTML-AAM maps a native attribute or state of `el` to `prop`.
fn native_value(el: &Element, prop: &str) -> bool {
    let input = |types: &[&str]| {
        el.is_html(&local_name!("input")) && types.contains(&super::common::input_type(el).as_str())
    };
    match prop {
        "aria-checked" => input(&["checkbox", "radio"]),
        "aria-valuenow" => input(&["range", "number"]) || el.is_html(&local_name!("meter")) || el.is_html(&local_name!("progress")),
        "aria-level" => el.ns == crate::dom::ns!(html) && matches!(&*el.name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
        "aria-selected" => el.is_html(&local_name!("option")),
        "aria-expanded" => el.is_html(&local_name!("select")),
        _ => false,
    }
}

fn is_set(el: &Element, prop: &str) -> bool {
    el.attr_str(prop).is_some_and(|v| !v.trim().is_empty()) || native_value(el, prop)
}

/// The rule.
pub struct AriaRequiredAttr;

impl Rule for AriaRequiredAttr {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // An explicit role needs a role attribute.
        super::common::with_attr(cx, &local_name!("role"))
            .filter(|(id, el)| {
                aria::is_html_or_svg(el)
                    && super::common::is_included(cx, *id)
                    && super::common::explicit_role(el).is_some_and(|r| cx.tree.implicit_role(*id) != Some(r))
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let el = cx.snap.element(target);
        let role = el.and_then(super::common::explicit_role).unwrap_or("generic");
        let Some(el) = el else { return Reason::Complete(role).evaluation() };
        let info = aria_data::role(role);
        let mut required: Vec<&'static str> = info.map(|r| r.required.to_vec()).unwrap_or_default();
        // A focusable separator is a widget (WAI-ARIA 1.2 separator).
        if role == "separator" && (cx.tree.is_focusable(target) || cx.tree.tabindex(target).is_some()) {
            required.push("aria-valuenow");
        }
        // aria-controls names the popup, which exists only while the combobox is expanded.
        if role == "combobox" && !el.attr(&local_name!("aria-expanded")).is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
            required.retain(|p| *p != "aria-controls");
        }
        let implicit = info.map(|r| r.implicit).unwrap_or(&[]);
        let missing: Vec<&'static str> = required
            .into_iter()
            .filter(|p| !is_set(el, p) && !implicit.iter().any(|(name, _)| name == p))
            .collect();
        if missing.is_empty() { Reason::Complete(role) } else { Reason::Missing { role, missing } }.evaluation()
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
    fn native_states_count() {
        let first = |html: &str| outcomes("aria-required-attr", html).first().map(|o| o.0);
        assert_eq!(first("<input type=\"checkbox\" role=\"switch\" aria-label=\"x\">"), Some(Outcome::Passed));
        assert_eq!(first("<h2 role=\"heading\">x</h2>"), None, "implicit role equals the explicit one");
        assert_eq!(first("<div role=\"scrollbar\" aria-controls=\"c\" aria-valuenow=\"0\"></div>"), Some(Outcome::Passed));
        assert_eq!(first("<div role=\"slider\" aria-valuenow=\"\"></div>"), Some(Outcome::Failed));
        assert_eq!(first("<div role=\"combobox\" aria-expanded=\"true\"></div>"), Some(Outcome::Failed));
    }
}
