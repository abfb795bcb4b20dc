//! `aria-describedby-target`: an `aria-describedby` attribute refers to at least one element
//! that exists (best practice). Ids that are missing while others exist are listed in the
//! passed result's data: the description still reaches people, only partly.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-describedby-target",
    title: "aria-describedby refers to existing elements",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "aria-describedby gives a control its description (a hint, a format, an error); when no referenced id exists, screen reader users never hear it.",
    fix: "Make the aria-describedby value list the id of the element holding the description, and check the id's spelling and case.",
    examples: Examples {
        pass: &["<input aria-label=\"Phone\" aria-describedby=\"fmt\"><span id=\"fmt\">Digits only</span>"],
        fail: &["<input aria-label=\"Phone\" aria-describedby=\"format\"><span id=\"fmt\">Digits only</span>"],
        inapplicable: &["<input aria-label=\"Phone\">", "<input aria-label=\"Phone\" aria-describedby=\" \">"],
    },
};

enum Reason {
    Found { missing: Vec<String> },
    NoneFound(Vec<String>),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Found { missing } if missing.is_empty() => {
                Evaluation::passed("Every id in aria-describedby exists.")
            }
            Reason::Found { missing } => Evaluation::passed(format!(
                "The description is found, but {} of the referenced ids do not exist.",
                missing.len()
            ))
            .with_data(serde_json::json!({ "missing": missing })),
            Reason::NoneFound(ids) => Evaluation::failed(format!(
                "None of the ids in aria-describedby ({}) exists: the description is never announced.",
                ids.join(", ")
            ))
            .with_data(serde_json::json!({ "missing": ids })),
        }
    }
}

/// The rule.
pub struct AriaDescribedbyTarget;

impl Rule for AriaDescribedbyTarget {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_attr(cx, &local_name!("aria-describedby"))
            .filter(|(id, el)| {
                el.attr(&local_name!("aria-describedby")).is_some_and(|v| !v.trim().is_empty()) && common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let value = cx.snap.element(target).and_then(|el| el.attr(&local_name!("aria-describedby"))).unwrap_or("");
        let ids: Vec<String> = value.split_ascii_whitespace().map(str::to_string).collect();
        let missing: Vec<String> = ids.iter().filter(|i| cx.snap.by_id(i).is_none()).cloned().collect();
        let reason = if missing.len() == ids.len() { Reason::NoneFound(ids) } else { Reason::Found { missing } };
        reason.evaluation()
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
    fn one_existing_id_is_enough() {
        let out = outcomes("aria-describedby-target", "<button aria-describedby=\"gone tip\">Go</button><p id=\"tip\">Tip</p>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
