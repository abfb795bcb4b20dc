//! `button-name`: every element exposed as a button has a non-empty accessible name
//! (ACT 97a4e1, WCAG 4.1.2). Image buttons (`<input type="image">`) are judged by
//! `input-image-alt` instead.

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "button-name",
    title: "Buttons have an accessible name",
    wcag: &["4.1.2"],
    act: &["97a4e1"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A button without a name is announced only as \"button\": screen reader and voice control users can't tell what it does or ask for it by name.",
    fix: "Give the button visible text, or aria-label / aria-labelledby when it shows only an icon, e.g. <button aria-label=\"Close\"><svg aria-hidden=\"true\">…</svg></button>.",
    examples: examples! {
        pass: &[
            "<button>Save</button>",
            "<input type=\"submit\" value=\"Send\">",
            "<span role=\"button\" tabindex=\"0\" aria-label=\"Close\"></span>",
        ],
        fail: &[
            "<button></button>",
            "<button type=\"button\" value=\"read more\"></button>",
            "<div role=\"button\" tabindex=\"0\"></div>",
        ],
        inapplicable: &[
            "<input type=\"image\" src=\"go.png\" alt=\"Go\">",
            "<button style=\"display: none\"></button>",
            "<button role=\"link\">Home</button>",
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
            Reason::Named(name) => Evaluation::passed(format!("The button is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This button has no accessible name: screen readers announce it only as \"button\".",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this button has a name depends on stylesheets that could not be loaded (they may hide it or its text, or add ::before/::after text).",
            ),
        }
    }
}

/// The rule.
pub struct ButtonName;

impl Rule for ButtonName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::elements(cx)
            .filter(|(id, el)| {
                common::semantic_role(cx, *id) == Some("button")
                    && !common::is_input_type(el, "image")
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
    fn focusable_button_keeps_its_role_despite_role_none() {
        // Presentational-role conflict: a focusable button stays a button.
        let out = outcomes("button-name", "<button role=\"none\"></button>");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].0, Outcome::Failed);
        // Disabled, it is no longer focusable and role=none applies.
        assert!(outcomes("button-name", "<button role=\"none\" disabled></button>").is_empty());
    }

    #[test]
    fn default_names_and_hidden_content() {
        let pass = |html: &str| outcomes("button-name", html).iter().all(|o| o.0 == Outcome::Passed);
        assert!(pass("<input type=\"reset\">"), "reset buttons have a default name");
        assert!(pass("<button disabled>Delete</button>"));
        let out = outcomes("button-name", "<button><span aria-hidden=\"true\">×</span></button>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
        assert!(outcomes("button-name", "<div aria-hidden=\"true\"><button></button></div>").is_empty());
    }
}
