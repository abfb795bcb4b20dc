//! `form-field-name`: every form field in the accessibility tree (textbox, checkbox, combobox,
//! slider, ... and the `input` types without an ARIA role such as `date` or `color`) has a
//! non-empty accessible name (ACT e086e5, WCAG 4.1.2).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "form-field-name",
    title: "Form fields have an accessible name",
    wcag: &["4.1.2"],
    act: &["e086e5"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A field without a name is announced only by its type (\"edit text\", \"checkbox\"): screen reader users can't tell what to enter, and voice control users can't target it.",
    fix: "Associate a visible <label> (<label for=\"email\">Email</label><input id=\"email\">), or use aria-labelledby pointing at the visible text.",
    examples: examples! {
        pass: &[
            "<label>First name <input></label>",
            "<label for=\"c\">Country</label><select id=\"c\"><option>Wales</option></select>",
            "<div id=\"l\">Notes</div><textarea aria-labelledby=\"l\"></textarea>",
            "<div role=\"checkbox\" tabindex=\"0\" aria-checked=\"false\">I agree</div>",
        ],
        fail: &[
            "<div>Last name</div><input>",
            "<input disabled>",
            "<input aria-label=\" \">",
            "<label for=\"f\">First name</label><div role=\"textbox\" id=\"f\"></div>",
        ],
        inapplicable: &[
            "<input aria-label=\"Name\" style=\"display: none\">",
            "<input disabled aria-hidden=\"true\">",
            "<select role=\"none\" disabled><option>Volvo</option></select>",
        ],
    },
};

/// Roles of form fields (ACT e086e5's list).
const FIELD_ROLES: &[&str] = &[
    "checkbox", "combobox", "listbox", "menuitemcheckbox", "menuitemradio", "radio", "searchbox",
    "slider", "spinbutton", "switch", "textbox",
];

/// `input` types that have no ARIA role but are form fields all the same.
const ROLELESS_INPUT_TYPES: &[&str] = &["color", "date", "datetime-local", "file", "month", "password", "time", "week"];

enum Reason {
    Named(String),
    Unnamed,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => Evaluation::passed(format!("The form field is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This form field has no accessible name: screen readers announce only its type, not what to enter.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this form field has a name depends on stylesheets that could not be loaded (they may hide it or its label).",
            ),
        }
    }
}

/// The rule.
pub struct FormFieldName;

impl Rule for FormFieldName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_role_or_tag(cx, |r| FIELD_ROLES.contains(&r), &local_name!("input"))
            .filter(|(id, el)| {
                let role = common::semantic_role(cx, *id);
                let is_field = role.is_some_and(|r| FIELD_ROLES.contains(&r))
                    || (el.is_html(&local_name!("input"))
                        && ROLELESS_INPUT_TYPES.contains(&common::input_type(el).as_str())
                        && matches!(role, None | Some("generic")));
                is_field && common::is_included(cx, *id)
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
    fn roleless_input_types_are_fields() {
        let first = |html: &str| outcomes("form-field-name", html).first().map(|o| o.0);
        assert_eq!(first("<input type=\"date\">"), Some(Outcome::Failed));
        assert_eq!(first("<input type=\"password\" aria-label=\"Password\">"), Some(Outcome::Passed));
        assert_eq!(first("<label>Colour <input type=\"color\"></label>"), Some(Outcome::Passed));
    }

    #[test]
    fn placeholder_names_and_textbox_content() {
        let first = |html: &str| outcomes("form-field-name", html).first().map(|o| o.0);
        // The placeholder is a (weak) name; other rules judge placeholder-only names.
        assert_eq!(first("<input placeholder=\"Search\">"), Some(Outcome::Passed));
        // role=textbox doesn't take its name from content.
        assert_eq!(first("<div role=\"textbox\">first name</div>"), Some(Outcome::Failed));
        // Buttons and hidden inputs are not form fields.
        assert_eq!(first("<input type=\"hidden\" name=\"t\">"), None);
        assert_eq!(first("<input type=\"submit\">"), None);
    }
}
