//! `label-for-invalid`: a `<label for>` points at an element that exists and can be labelled
//! (best practice).
//!
//! HTML only associates a label with a *labelable* element (`button`, `input` other than
//! hidden, `meter`, `output`, `progress`, `select`, `textarea`, form-associated custom
//! elements). A `for` naming a missing id or, say, a `<div>` labels nothing: the visible text
//! stays disconnected from the control, and clicking it does nothing.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "label-for-invalid",
    title: "label[for] points at a labelable element",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "A label whose for attribute names a missing id or an element that can't be labelled is not connected to any control: screen readers don't announce it and clicking it doesn't focus the field.",
    fix: "Set for to the id of the input, select, textarea or button it describes (ids are case-sensitive), or wrap the control inside the label.",
    examples: examples! {
        pass: &["<label for=\"email\">Email</label> <input id=\"email\" type=\"email\">"],
        fail: &[
            "<label for=\"emial\">Email</label> <input id=\"email\" type=\"email\">",
            "<label for=\"box\">Options</label> <div id=\"box\">…</div>",
            "<label for=\"token\">Token</label> <input id=\"token\" type=\"hidden\">",
        ],
        inapplicable: &["<label>Email <input type=\"email\"></label>"],
    },
};

/// Whether an element can be associated with a label.
#[derive(Debug, PartialEq, Eq)]
enum Labelable {
    Yes,
    No,
    /// A custom element: labelable only if it is form-associated, which needs its script.
    Unknown,
}

fn labelable(cx: &Context, n: NodeId) -> Labelable {
    if cx.tree.is_labelable(n) {
        return Labelable::Yes;
    }
    // A custom element may be form-associated: only its script knows.
    match cx.snap.element(n) {
        Some(el) if el.ns == crate::dom::ns!(html) && el.name.contains('-') => Labelable::Unknown,
        _ => Labelable::No,
    }
}

enum Reason {
    Labels { target: String },
    Empty,
    Missing { id: String },
    NotLabelable { id: String, target: String },
    CustomElement { id: String, target: String },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Labels { target } => Evaluation::passed(format!("This label is associated with {target}.")),
            Reason::Empty => Evaluation::failed("This label has an empty for attribute, so it labels nothing."),
            Reason::Missing { id } => Evaluation::failed(format!(
                "for=\"{id}\" names no element on the page, so this label labels nothing."
            ))
            .with_data(serde_json::json!({ "for": id })),
            Reason::NotLabelable { id, target } => Evaluation::failed(format!(
                "for=\"{id}\" points at {target}, which can't be labelled, so this label labels nothing."
            ))
            .with_data(serde_json::json!({ "for": id, "target": target })),
            Reason::CustomElement { id, target } => Evaluation::cant_tell(format!(
                "for=\"{id}\" points at the custom element {target}: it is labelled only if it is form-associated, which its script decides."
            ))
            .with_data(serde_json::json!({ "for": id, "target": target })),
        }
    }
}

fn describe(cx: &Context, n: NodeId) -> String {
    match cx.snap.element(n) {
        Some(e) if e.is_html(&local_name!("input")) => {
            format!("<input type=\"{}\">", e.attr(&local_name!("type")).unwrap_or("text").trim().to_ascii_lowercase())
        }
        Some(e) => format!("<{}>", e.name),
        None => "a non-element".to_string(),
    }
}

/// The rule.
pub struct LabelForInvalid;

impl Rule for LabelForInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Every HTML <label> with a for attribute.
        cx.snap.with_tag(&local_name!("label"))
            .filter(|n| cx.snap.element(*n).is_some_and(|e| e.is_html(&local_name!("label")) && e.has_attr(&local_name!("for"))))
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let id = cx.snap.element(target).and_then(|e| e.attr(&local_name!("for"))).unwrap_or("").to_string();
        let reason = if id.is_empty() {
            Reason::Empty
        } else {
            match cx.snap.by_id(&id) {
                None => Reason::Missing { id },
                Some(t) => match labelable(cx, t) {
                    Labelable::Yes => Reason::Labels { target: describe(cx, t) },
                    Labelable::No => Reason::NotLabelable { id, target: describe(cx, t) },
                    Labelable::Unknown => Reason::CustomElement { id, target: describe(cx, t) },
                },
            }
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "label-for-invalid";

    fn verdicts(html: &str) -> Vec<Outcome> {
        outcomes(ID, html).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn every_labelable_element_passes() {
        for control in [
            "<button id=\"x\">b</button>",
            "<input id=\"x\" type=\"checkbox\">",
            "<meter id=\"x\"></meter>",
            "<output id=\"x\"></output>",
            "<progress id=\"x\"></progress>",
            "<select id=\"x\"></select>",
            "<textarea id=\"x\"></textarea>",
        ] {
            let html = format!("<label for=\"x\">L</label>{control}");
            assert_eq!(verdicts(&html), vec![Outcome::Passed], "{control}");
        }
    }

    #[test]
    fn ids_are_case_sensitive_and_the_first_match_counts() {
        assert_eq!(verdicts("<label for=\"Name\">N</label><input id=\"name\">"), vec![Outcome::Failed]);
        assert_eq!(
            verdicts("<label for=\"a\">N</label><span id=\"a\"></span><input id=\"a\">"),
            vec![Outcome::Failed],
            "getElementById finds the span first"
        );
    }

    #[test]
    fn custom_elements_and_empty_for() {
        assert_eq!(verdicts("<label for=\"c\">C</label><my-input id=\"c\"></my-input>"), vec![Outcome::CantTell]);
        let out = outcomes(ID, "<label for=\"\">E</label><input>");
        assert_eq!(out.len(), 1);
        assert!(out[0].0 == Outcome::Failed && out[0].2.contains("empty"), "{out:?}");
    }

    #[test]
    fn labels_inside_templates_are_not_checked() {
        assert!(verdicts("<template><label for=\"nope\">x</label></template>").is_empty());
    }
}
