//! `multiple-labels`: a form control is associated with at most one `<label>` (best practice).
//!
//! HTML allows several labels per control (each `label[for]` naming it, plus a wrapping label),
//! and Chromium and Firefox concatenate them into the accessible name, but screen readers that
//! read labels themselves (JAWS, VoiceOver in places) announce only one, and a second label is
//! usually a copy-paste `for` mistake. It is reported as `failed` with moderate impact, like
//! axe's form-field-multiple-labels, because the outcome for some users is certain even though
//! browsers cope.


use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "multiple-labels",
    title: "Form controls have a single label",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "Browsers join several labels into one name, but some screen readers announce only one of them, so users may hear an incomplete or wrong label.",
    fix: "Keep one <label> per control and put all of its text there; use aria-describedby for extra hints.",
    examples: examples! {
        pass: &[
            "<label for=\"n\">Name</label> <input id=\"n\">",
            "<label>Name <input></label>",
        ],
        fail: &[
            "<label for=\"n\">First</label> <label for=\"n\">Name</label> <input id=\"n\">",
            "<label for=\"n\">Name</label> <label>Full name <input id=\"n\"></label>",
        ],
        inapplicable: &[
            "<input aria-label=\"Name\">",
            "<label for=\"nope\">Name</label><input id=\"n\">",
            "<label for=\"n\">A</label><label for=\"n\">B</label><input id=\"n\" hidden>",
        ],
    },
};

enum Reason {
    One,
    Several(Vec<NodeId>),
}

impl Reason {
    fn evaluation(self, cx: &Context) -> Evaluation {
        match self {
            Reason::One => Evaluation::passed("This control has one label."),
            Reason::Several(labels) => {
                let texts: Vec<String> = labels
                    .iter()
                    .map(|l| cx.snap.text_content(*l).split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect();
                let quoted: Vec<String> = texts.iter().take(4).map(|t| format!("\"{t}\"")).collect();
                Evaluation::failed(format!(
                    "This control has {} labels ({}); some screen readers announce only one.",
                    labels.len(),
                    quoted.join(", ")
                ))
                .with_data(serde_json::json!({
                    "labels": labels.iter().zip(&texts).map(|(l, t)| serde_json::json!({
                        "text": t,
                        "line": cx.snap.element(*l).map_or(0, |e| e.line),
                        "for": cx.snap.element(*l).and_then(|e| e.attr(&local_name!("for"))),
                    })).collect::<Vec<_>>(),
                }))
            }
        }
    }
}

/// The rule.
pub struct MultipleLabels;

impl Rule for MultipleLabels {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Labelable controls associated with at least one label, in document order. Controls
        // that are not rendered affect nobody.
        // Only labelable elements have labels.
        let labelable = [
            local_name!("button"),
            local_name!("input"),
            local_name!("meter"),
            local_name!("output"),
            local_name!("progress"),
            local_name!("select"),
            local_name!("textarea"),
        ];
        cx.snap
            .union(labelable.iter().map(|tag| cx.snap.with_tag(tag)))
            .into_iter()
            .filter(|n| !cx.tree.labels(*n).is_empty() && cx.tree.is_rendered(*n))
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let labels = cx.tree.labels(target);
        let reason = if labels.len() > 1 { Reason::Several(labels.to_vec()) } else { Reason::One };
        reason.evaluation(cx)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "multiple-labels";

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn failure_lists_the_label_texts() {
        let out = outcomes(ID, "<label for=\"n\">First</label><label for=\"n\">Second</label><input id=\"n\">");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, Outcome::Failed);
        assert!(out[0].2.contains("\"First\", \"Second\""), "{out:?}");
    }

    #[test]
    fn a_label_labels_only_its_first_labelable_descendant() {
        let out = outcomes(ID, "<label>Both <input id=\"a\"><input id=\"b\"></label>");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].0, Outcome::Passed);
        assert!(out[0].1.contains("#a"), "{out:?}");
    }

    #[test]
    fn targets_come_in_document_order() {
        let out = outcomes(ID, "<label>A <input id=\"a\"></label><label>B <select id=\"b\"></select></label>");
        let selectors: Vec<&str> = out.iter().map(|o| o.1.as_str()).collect();
        assert_eq!(selectors, vec!["#a", "#b"]);
    }
}
