//! `aria-attr-defined`: every attribute starting with `aria-` is a state or property defined by
//! the WAI-ARIA specifications (ACT 5f99a7). Misspelt attributes (`aria-labeled`) are silently
//! ignored by browsers. One verdict per element, listing every undefined attribute.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-attr-defined",
    title: "ARIA attributes are defined in WAI-ARIA",
    wcag: &["1.3.1", "4.1.2"],
    act: &["5f99a7"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "Browsers ignore aria-* attributes that WAI-ARIA does not define, so a misspelt name (aria-labeled for aria-labelledby) silently drops the name, state or relationship it was meant to give.",
    fix: "Correct the spelling to a WAI-ARIA state or property (aria-labelledby, aria-checked, ...) or remove the attribute.",
    examples: Examples {
        pass: &[
            "<div role=\"dialog\" aria-modal=\"true\" aria-label=\"Settings\">x</div>",
            "<input type=\"number\" aria-valuemin=\"0\" aria-label=\"Age\">",
        ],
        fail: &[
            "<div role=\"checkbox\" aria-not-checked=\"true\">x</div>",
            "<div role=\"searchbox\" aria-labeled=\"label\"></div>",
        ],
        inapplicable: &["<canvas></canvas>", "<div role=\"button\">x</div>"],
    },
};

enum Reason {
    Defined(usize),
    Undefined(Vec<String>),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Defined(n) => Evaluation::passed(format!("All {n} aria-* attributes are defined in WAI-ARIA.")),
            Reason::Undefined(names) => Evaluation::failed(format!(
                "Not defined in WAI-ARIA, so ignored by browsers: {}.",
                names.join(", ")
            ))
            .with_data(serde_json::json!({ "undefined": names })),
        }
    }
}

/// The rule.
pub struct AriaAttrDefined;

impl Rule for AriaAttrDefined {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.snap.with_aria_attrs().collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let index = cx.tree.aria_index();
        let Some(e) = index.get(target) else { return Reason::Defined(0).evaluation() };
        let undefined: Vec<String> = index
            .attributes(e)
            .filter(|a| a.property.is_none())
            .map(|a| a.name.to_string())
            .collect();
        if undefined.is_empty() && super::common::passes_unreported(cx) {
            Evaluation::passed(String::new())
        } else if undefined.is_empty() {
            Reason::Defined(index.attributes(e).count()).evaluation()
        } else {
            Reason::Undefined(undefined).evaluation()
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
    fn hidden_elements_are_checked_and_aria13_attributes_are_defined() {
        let out = outcomes("aria-attr-defined", "<div hidden aria-lable=\"x\"></div>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
        let out = outcomes("aria-attr-defined", "<button aria-description=\"More\">x</button>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
