//! `landmark-unique`: landmarks of the same role have different accessible names, so that
//! people moving by landmark can tell two navigations or two regions apart (best practice,
//! after axe-core's `landmark-unique`). Names are compared whitespace-folded and
//! case-insensitively; two unnamed landmarks of one role count as the same.

use std::collections::HashMap;

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "landmark-unique",
    title: "Landmarks of the same role have unique names",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "Screen readers list landmarks by role and name; two navigations both called \"navigation\" can't be told apart, so people open the wrong one.",
    fix: "Give each landmark of a role a distinct aria-label or aria-labelledby, e.g. <nav aria-label=\"Main\"> and <nav aria-label=\"Footer\">.",
    examples: Examples {
        pass: &["<nav aria-label=\"Main\"><a href=\"/\">Home</a></nav><nav aria-label=\"Footer\"><a href=\"/about\">About</a></nav>"],
        fail: &[
            "<nav><a href=\"/\">Home</a></nav><nav><a href=\"/about\">About</a></nav>",
            "<aside aria-label=\"Related\">A</aside><aside aria-label=\"related\">B</aside>",
        ],
        inapplicable: &["<div><p>No landmarks here</p></div>"],
    },
};

enum Reason {
    Unique,
    SameAs { role: &'static str, name: String },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Unique => Evaluation::passed("No earlier landmark has this role and name."),
            Reason::SameAs { role, name } => {
                let what = if name.is_empty() { "no name".to_string() } else { format!("the name {}", common::quote(&name)) };
                Evaluation::failed(format!(
                    "An earlier {role} landmark has {what} too: screen reader users can't tell them apart."
                ))
                .with_data(serde_json::json!({ "role": role, "name": name }))
            }
        }
    }
}

struct Found {
    targets: Vec<NodeId>,
    repeats: HashMap<NodeId, &'static str>,
}

fn find(cx: &Context) -> Found {
    let mut seen: HashMap<(&'static str, String), NodeId> = HashMap::new();
    let mut found = Found { targets: Vec::new(), repeats: HashMap::new() };
    for (id, _) in common::elements(cx) {
        let Some(role) = cx.tree.role(id).filter(|r| common::LANDMARK_ROLES.contains(r)) else { continue };
        if !common::is_included(cx, id) {
            continue;
        }
        found.targets.push(id);
        let key = (role, common::fold(cx.tree.name(id)));
        if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(key) {
            slot.insert(id);
        } else {
            found.repeats.insert(id, role);
        }
    }
    found
}

/// The rule.
pub struct LandmarkUnique;

impl Rule for LandmarkUnique {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.tree.memo(META.id, || find(cx)).targets.clone()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let reason = match cx.tree.memo(META.id, || find(cx)).repeats.get(&target).copied() {
            None => Reason::Unique,
            Some(role) => Reason::SameAs { role, name: cx.tree.name(target).trim().to_string() },
        };
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
    fn different_roles_with_one_name_are_fine() {
        let out = outcomes("landmark-unique", "<nav aria-label=\"Site\">a</nav><aside aria-label=\"Site\">b</aside><nav aria-label=\"Site\">c</nav>");
        let verdicts: Vec<Outcome> = out.iter().map(|o| o.0).collect();
        assert_eq!(verdicts, vec![Outcome::Passed, Outcome::Passed, Outcome::Failed]);
    }
}
