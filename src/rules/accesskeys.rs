//! `accesskeys`: `accesskey` values are unique (best practice, after axe-core's `accesskeys`).
//! Values are compared case-insensitively; the later elements with a repeated key fail.

use std::collections::{HashMap, HashSet};

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "accesskeys",
    title: "Access keys are unique",
    wcag: &[],
    act: &[],
    impact: Impact::Serious,
    best_practice: true,
    needs: Needs::Static,
    help: "When two elements share an access key, the shortcut reaches only one of them (or cycles between them), so keyboard users can't rely on it.",
    fix: "Give each element a different accesskey, or remove the ones that aren't needed.",
    examples: Examples {
        pass: &["<a href=\"/\" accesskey=\"h\">Home</a><a href=\"/search\" accesskey=\"s\">Search</a>"],
        fail: &["<a href=\"/\" accesskey=\"s\">Home</a><button accesskey=\"S\">Save</button>"],
        inapplicable: &["<a href=\"/\">Home</a>", "<a href=\"/\" accesskey=\" \">Home</a>"],
    },
};

enum Reason {
    Unique,
    Duplicate(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Unique => Evaluation::passed("No earlier element uses this access key."),
            Reason::Duplicate(key) => Evaluation::failed(format!(
                "An earlier element already uses access key {}: the shortcut can't reach both.",
                common::quote(&key)
            ))
            .with_data(serde_json::json!({ "accesskey": key })),
        }
    }
}

struct Found {
    targets: Vec<NodeId>,
    repeats: HashMap<NodeId, String>,
}

fn find(cx: &Context) -> Found {
    let mut seen = HashSet::new();
    let mut found = Found { targets: Vec::new(), repeats: HashMap::new() };
    for (id, el) in common::with_attr(cx, &local_name!("accesskey")) {
        let Some(key) = el.attr(&local_name!("accesskey")).map(common::fold).filter(|k| !k.is_empty()) else { continue };
        found.targets.push(id);
        if !seen.insert(key.clone()) {
            found.repeats.insert(id, key);
        }
    }
    found
}

/// The rule.
pub struct Accesskeys;

impl Rule for Accesskeys {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.tree.memo(META.id, || find(cx)).targets.clone()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        match cx.tree.memo(META.id, || find(cx)).repeats.get(&target) {
            None => Reason::Unique.evaluation(),
            Some(key) => Reason::Duplicate(key.clone()).evaluation(),
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
