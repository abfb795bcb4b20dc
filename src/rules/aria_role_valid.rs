//! `aria-role-valid`: a `role` attribute has at least one token that is a non-abstract role of
//! the WAI-ARIA specifications (ACT 674b10). Unknown tokens before a valid one are fallbacks and
//! fine; a `role` with no valid token leaves the element with its implicit role.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::{aria, role};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-role-valid",
    title: "The role attribute has a valid value",
    wcag: &["1.3.1", "4.1.2"],
    act: &["674b10"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A role that is misspelled, invented or abstract is ignored: assistive technologies announce the element as whatever it natively is, so the widget the author built is not conveyed.",
    fix: "Use a role defined by WAI-ARIA (e.g. role=\"link\", not role=\"lnik\"); abstract roles such as \"widget\" or \"landmark\" can't be used. Put fallback roles after the preferred one.",
    examples: Examples {
        pass: &[
            "<span role=\"link\" tabindex=\"0\">ACT rules</span>",
            "<span role=\"doc-biblioref link\">[1]</span>",
            "<input type=\"text\" role=\"searchfield searchbox\">",
        ],
        fail: &[
            "<span role=\"lnik\" tabindex=\"0\">ACT rules</span>",
            "<div role=\"widget\">x</div>",
        ],
        inapplicable: &[
            "<div role=\"\">x</div>",
            "<div role=\" \">x</div>",
            "<div aria-hidden=\"true\" role=\"banner\">x</div>",
        ],
    },
};

enum Reason {
    Valid(String),
    Invalid(String),
    Abstract(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Valid(role) => Evaluation::passed(format!("The role \"{role}\" is a valid WAI-ARIA role.")),
            Reason::Invalid(value) => Evaluation::failed(format!(
                "role=\"{value}\" has no valid WAI-ARIA role: it is ignored and the element keeps its native role."
            )),
            Reason::Abstract(value) => Evaluation::failed(format!(
                "role=\"{value}\" names only abstract roles, which authors can't use: it is ignored and the element keeps its native role."
            )),
        }
    }
}

/// The rule.
pub struct AriaRoleValid;

impl Rule for AriaRoleValid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        super::common::with_attr(cx, &local_name!("role"))
            .filter(|(id, el)| {
                aria::is_html_or_svg(el)
                    && el.attr(&local_name!("role")).is_some_and(|r| !r.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty())
                    && !cx.tree.is_programmatically_hidden(*id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let value = cx.snap.element(target).and_then(|e| e.attr(&local_name!("role"))).unwrap_or("");
        let valid = value
            .split_ascii_whitespace()
            .map(str::to_ascii_lowercase)
            .find(|t| role::is_valid_role(t));
        let abstract_only = value.split_ascii_whitespace().all(|t| role::is_abstract_role(&t.to_ascii_lowercase()));
        let reason = match valid {
            Some(r) => Reason::Valid(r),
            None if abstract_only => Reason::Abstract(value.trim().to_string()),
            None => Reason::Invalid(value.trim().to_string()),
        };
        reason.evaluation().with_data(serde_json::json!({ "role": value }))
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
    fn case_and_svg() {
        let out = outcomes("aria-role-valid", "<div role=\"BUTTON\">x</div><svg role=\"graphics-symbol img\"></svg>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Passed, Outcome::Passed]);
        // MathML is neither HTML nor SVG.
        assert!(outcomes("aria-role-valid", "<math role=\"bogus\"></math>").is_empty());
    }
}
