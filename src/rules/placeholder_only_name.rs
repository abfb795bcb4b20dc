//! `placeholder-only-name`: a text field's accessible name does not come only from its
//! placeholder (best practice, related to WCAG 3.3.2).
//!
//! A placeholder disappears as soon as people type, is often low-contrast, and is not a label
//! for speech-input users who say the visible label. A name that comes only from `title` is
//! shown on mouse hover alone; WCAG technique H65 allows it when the purpose is clear from
//! context, which a static check can't judge, so that case is `cantTell`.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::NameSource;
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "placeholder-only-name",
    title: "Form fields are not labelled only by a placeholder",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "A placeholder vanishes while typing and is often faint, so people lose track of what the field is for (WCAG 3.3.2 Labels or Instructions asks for a persistent label).",
    fix: "Add a visible <label> (or aria-labelledby pointing at visible text); keep the placeholder only for an example value.",
    examples: examples! {
        pass: &[
            "<label for=\"q\">Search</label> <input id=\"q\" type=\"search\" placeholder=\"e.g. shoes\">",
            "<label>Comment <textarea placeholder=\"Be nice\"></textarea></label>",
        ],
        fail: &[
            "<input type=\"email\" placeholder=\"Email\">",
            "<textarea placeholder=\"Your message\"></textarea>",
        ],
        inapplicable: &["<input type=\"text\">", "<input type=\"checkbox\" title=\"Agree\">"],
    },
};

/// Roles of fields people type into or choose in.
const FIELD_ROLES: &[&str] = &["textbox", "searchbox", "combobox", "spinbutton", "listbox"];

enum Reason {
    Labelled(NameSource),
    PlaceholderOnly(String),
    TitleOnly(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Labelled(source) => Evaluation::passed(format!(
                "The field's name comes from {}.",
                match source {
                    NameSource::LabelledBy => "aria-labelledby",
                    NameSource::AriaLabel => "aria-label",
                    NameSource::Label => "its <label>",
                    NameSource::Content => "its content",
                    _ => "its markup",
                }
            )),
            Reason::PlaceholderOnly(name) => Evaluation::failed(format!(
                "The field's only name is its placeholder \"{name}\", which disappears as soon as something is typed."
            ))
            .with_data(serde_json::json!({ "name": name, "source": "placeholder" })),
            Reason::TitleOnly(name) => Evaluation::cant_tell(format!(
                "The field's only name is its title \"{name}\", shown only on mouse hover: check that its purpose is visible nearby."
            ))
            .with_data(serde_json::json!({ "name": name, "source": "title" })),
        }
    }
}

/// The rule.
pub struct PlaceholderOnlyName;

impl Rule for PlaceholderOnlyName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Exposed text fields, combo boxes and list boxes that have a name at all (a missing
        // name is form-field-name's finding).
        cx.snap.elements().iter().copied()
            .filter(|n| {
                cx.tree.role(*n).is_some_and(|r| FIELD_ROLES.contains(&r))
                    && !cx.tree.is_hidden(*n)
                    && cx.tree.name_source(*n) != NameSource::None
                    && !cx.tree.name(*n).is_empty()
            })
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let name = cx.tree.name(target).to_string();
        let reason = match cx.tree.name_source(target) {
            NameSource::Placeholder => Reason::PlaceholderOnly(name),
            NameSource::Title => Reason::TitleOnly(name),
            other => Reason::Labelled(other),
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "placeholder-only-name";

    fn verdicts(html: &str) -> Vec<Outcome> {
        outcomes(ID, html).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn title_only_is_cant_tell() {
        assert_eq!(verdicts("<input title=\"Search\">"), vec![Outcome::CantTell]);
    }

    #[test]
    fn aria_placeholder_on_a_custom_textbox_fails() {
        assert_eq!(
            verdicts("<div role=\"textbox\" contenteditable aria-placeholder=\"Message\"></div>"),
            vec![Outcome::Failed]
        );
    }

    #[test]
    fn aria_label_beats_placeholder() {
        assert_eq!(verdicts("<input aria-label=\"Email\" placeholder=\"you@example.com\">"), vec![Outcome::Passed]);
    }

    #[test]
    fn hidden_fields_are_not_checked() {
        assert!(verdicts("<input placeholder=\"Email\" style=\"display:none\">").is_empty());
    }
}
