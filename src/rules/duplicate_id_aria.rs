//! `duplicate-id-aria`: ids that ARIA attributes (`aria-labelledby`, `aria-describedby`,
//! `aria-controls`, ...) or `<label for>` refer to are unique (best practice, after axe-core's
//! `duplicate-id-aria`). A reference to a duplicated id reaches only the first element, so
//! names, descriptions and relationships silently point at the wrong one.

use super::duplicate_id::{first_or_duplicate, referenced_ids, with_ids};
use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "duplicate-id-aria",
    title: "Ids referenced by ARIA and labels are unique",
    wcag: &[],
    act: &[],
    impact: Impact::Critical,
    best_practice: true,
    needs: Needs::Static,
    help: "aria-labelledby, aria-describedby and <label for> find their target by id; when the id is repeated, only the first element is used, so a field or control gets the wrong name or description.",
    fix: "Make every id that a label or an ARIA attribute refers to unique, and update the references.",
    examples: Examples {
        pass: &["<label for=\"email\">Email</label><input id=\"email\">"],
        fail: &[
            "<label for=\"q\">Search</label><input id=\"q\"><input id=\"q\">",
            "<span id=\"hint\">Optional</span><span id=\"hint\">Required</span><input aria-describedby=\"hint\">",
        ],
        inapplicable: &["<div id=\"a\"></div><div id=\"a\"></div>"],
    },
};

enum Reason {
    Unique,
    Duplicate(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Unique => Evaluation::passed("No earlier element has this referenced id."),
            Reason::Duplicate(id) => Evaluation::failed(format!(
                "An earlier element already has id {}, which a label or ARIA attribute refers to: the reference reaches that element, never this one.",
                common::quote(&id)
            ))
            .with_data(serde_json::json!({ "id": id })),
        }
    }
}

/// The rule.
pub struct DuplicateIdAria;

impl Rule for DuplicateIdAria {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        with_ids(cx, &cx.tree.memo("referenced-ids", || referenced_ids(cx)), true)
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        match first_or_duplicate(cx, target) {
            None => Reason::Unique.evaluation(),
            Some(id) => Reason::Duplicate(id).evaluation(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }
}
