//! `aria-valid-attr-value`: every WAI-ARIA state or property with a non-empty value has a value
//! allowed by its type (true/false, tristate, integer, number, token, token list...; ACT
//! 6a7281). ID references need not resolve. One verdict per element.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::aria;
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-valid-attr-value",
    title: "ARIA states and properties have valid values",
    wcag: &["1.3.1", "4.1.2"],
    act: &["6a7281"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A state or property with a value outside its type (aria-expanded=\"collapsed\", aria-level=\"2.5\") is ignored or replaced by a default, so assistive technologies report the wrong state.",
    fix: "Use a value of the attribute's type: true/false (aria-required), true/false/mixed (aria-pressed), an integer (aria-level), a number (aria-valuenow) or one of its tokens (aria-live=\"polite\").",
    examples: Examples {
        pass: &[
            "<div role=\"button\" aria-expanded=\"undefined\">x</div>",
            "<div role=\"button\" aria-pressed=\"mixed\">x</div>",
            "<div role=\"spinbutton\" aria-valuenow=\"1.5\" aria-label=\"n\"></div>",
            "<a href=\"/\" aria-current=\"page\">Home</a>",
        ],
        fail: &[
            "<div role=\"button\" aria-expanded=\"collapsed\">x</div>",
            "<div role=\"gridcell\" aria-rowindex=\"2.5\">x</div>",
            "<div role=\"alert\" aria-relevant=\"text always\"></div>",
        ],
        inapplicable: &["<div role=\"alert\" aria-live>x</div>", "<math aria-hidden=\"false\"></math>"],
    },
};

enum Reason {
    Valid,
    Invalid(Vec<(String, String)>),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Valid => Evaluation::passed("Every ARIA state and property has a value of its type."),
            Reason::Invalid(bad) => {
                let list: Vec<String> = bad.iter().map(|(n, v)| format!("{n}=\"{v}\"")).collect();
                Evaluation::failed(format!(
                    "Invalid value for its type, so ignored or replaced by a default: {}.",
                    list.join(", ")
                ))
                .with_data(serde_json::json!({ "invalid": bad.iter().map(|(n, v)| serde_json::json!({"attribute": n, "value": v})).collect::<Vec<_>>() }))
            }
        }
    }
}

/// Defined states and properties with a non-empty value.
fn targets<'a>(
    index: &'a aria::AriaIndex,
    e: &aria::AriaElement,
) -> impl Iterator<Item = (&'a str, &'a str, &'static crate::a11y::aria_data::Property)> + 'a {
    index
        .attributes(e)
        .filter(|a| !a.value.is_empty())
        .filter_map(|a| a.property.map(|p| (a.name, a.value, p)))
}

/// The rule.
pub struct AriaValidAttrValue;

impl Rule for AriaValidAttrValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        let index = cx.tree.aria_index();
        index
            .elements()
            .iter()
            .filter(|e| e.html_or_svg && targets(index, e).next().is_some())
            .map(|e| e.id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let index = cx.tree.aria_index();
        let Some(e) = index.get(target) else { return Reason::Valid.evaluation() };
        let bad: Vec<(String, String)> = targets(index, e)
            .filter(|(_, v, p)| !aria::value_is_valid(p, v))
            .map(|(n, v, _)| (n.to_string(), v.to_string()))
            .collect();
        if bad.is_empty() { Reason::Valid } else { Reason::Invalid(bad) }.evaluation()
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
    fn id_references_need_not_resolve_and_undefined_attributes_are_not_judged() {
        let out = outcomes("aria-valid-attr-value", "<div role=\"textbox\" aria-errormessage=\"nope\" aria-foo=\"?\"></div>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Passed]);
        let out = outcomes("aria-valid-attr-value", "<div role=\"main\" aria-live=\"page\"></div>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed));
    }
}
