//! `duplicate-id`: no two elements share an `id` (best practice, after axe-core's
//! `duplicate-id`). Only the later elements fail; ids that ARIA attributes or `<label for>`
//! refer to are judged by `duplicate-id-aria` instead, where a duplicate does real harm.

use std::collections::HashSet;

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, LocalName, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "duplicate-id",
    title: "Ids are unique",
    wcag: &[],
    act: &[],
    impact: Impact::Minor,
    best_practice: true,
    needs: Needs::Static,
    help: "An id should name one element; with duplicates, scripts, fragment links and assistive technologies that look elements up by id may find the wrong one.",
    fix: "Give each element a distinct id, e.g. by adding a suffix to ids repeated by a template.",
    examples: Examples {
        pass: &["<div id=\"intro\">a</div><div id=\"outro\">b</div>"],
        fail: &["<div id=\"card\">a</div><div id=\"card\">b</div>"],
        inapplicable: &["<div>a</div>", "<label for=\"q\">Search</label><input id=\"q\"><input id=\"q\">"],
    },
};

enum Reason {
    Unique,
    Duplicate(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Unique => Evaluation::passed("No earlier element has this id."),
            Reason::Duplicate(id) => Evaluation::failed(format!(
                "An earlier element already has id {}: lookups by this id find that element, not this one.",
                common::quote(&id)
            ))
            .with_data(serde_json::json!({ "id": id })),
        }
    }
}

/// Attributes whose values are id references (the ARIA ones and `<label for>`).
const IDREF_ATTRS: &[LocalName] = &[
    local_name!("aria-activedescendant"),
    local_name!("aria-controls"),
    local_name!("aria-describedby"),
    local_name!("aria-details"),
    local_name!("aria-errormessage"),
    local_name!("aria-flowto"),
    local_name!("aria-labelledby"),
    local_name!("aria-owns"),
];

/// Ids that an ARIA attribute or a `<label for>` refers to.
pub(super) fn referenced_ids(cx: &Context) -> HashSet<String> {
    let mut ids = HashSet::new();
    // Only the elements that carry each attribute (the snapshot's index): a set, so order is moot.
    for name in IDREF_ATTRS {
        for (_, el) in common::with_attr(cx, name) {
            if let Some(v) = el.attr(name) {
                ids.extend(v.split_ascii_whitespace().map(str::to_string));
            }
        }
    }
    for (_, el) in common::html_with_tag(cx, &local_name!("label")) {
        if let Some(v) = el.attr(&local_name!("for")) {
            ids.insert(v.to_string());
        }
    }
    ids
}

/// Elements with a non-empty `id` for which `wanted(referenced)` holds.
pub(super) fn with_ids(cx: &Context, referenced: &HashSet<String>, want_referenced: bool) -> Vec<NodeId> {
    common::with_attr(cx, &local_name!("id"))
        .filter(|(_, el)| el.attr(&local_name!("id")).is_some_and(|v| !v.is_empty() && referenced.contains(v) == want_referenced))
        .map(|(id, _)| id)
        .collect()
}

/// Pass for the first element with its id, fail for the others.
pub(super) fn first_or_duplicate(cx: &Context, target: NodeId) -> Option<String> {
    let value = cx.snap.element(target).and_then(|el| el.attr(&local_name!("id")))?;
    (cx.snap.by_id(value) != Some(target)).then(|| value.to_string())
}

/// The rule.
pub struct DuplicateId;

impl Rule for DuplicateId {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        with_ids(cx, &cx.tree.memo("referenced-ids", || referenced_ids(cx)), false)
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
    use super::super::testing::{check_examples, outcomes};
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn only_later_duplicates_fail_and_case_matters() {
        let verdicts: Vec<Outcome> =
            outcomes("duplicate-id", "<p id=\"a\"></p><p id=\"a\"></p><p id=\"A\"></p>").into_iter().map(|o| o.0).collect();
        assert_eq!(verdicts, vec![Outcome::Passed, Outcome::Failed, Outcome::Passed]);
    }
}
