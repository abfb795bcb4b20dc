//! `frame-title-unique`: iframes and frames with the same accessible name embed the same
//! document (best practice, after axe-core's `frame-title-unique`). Two frames with one name
//! and the same `src` are fine (same content, same purpose); with different sources, the later
//! one fails. The ACT rule on identical iframe names (4b1c6c) is judged separately.

use std::collections::HashMap;

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "frame-title-unique",
    title: "Frames have unique titles",
    wcag: &[],
    act: &[],
    impact: Impact::Serious,
    best_practice: true,
    needs: Needs::Static,
    help: "Screen readers list frames by their titles; two different frames with one title can't be told apart without entering each.",
    fix: "Give each iframe a title that says what it contains, e.g. title=\"Map of our office\" and title=\"Booking form\".",
    examples: Examples {
        pass: &["<iframe src=\"/map\" title=\"Office map\"></iframe><iframe src=\"/book\" title=\"Booking form\"></iframe>"],
        fail: &["<iframe src=\"/map\" title=\"Widget\"></iframe><iframe src=\"/book\" title=\"widget\"></iframe>"],
        inapplicable: &["<iframe src=\"/map\"></iframe>", "<p>No frames</p>"],
    },
};

enum Reason {
    Unique,
    SameContent,
    Duplicate(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Unique => Evaluation::passed("No earlier frame has this name."),
            Reason::SameContent => Evaluation::passed("An earlier frame has this name and the same source, so the same purpose."),
            Reason::Duplicate(name) => Evaluation::failed(format!(
                "An earlier frame with different content is also named {}: screen reader users can't tell them apart.",
                common::quote(&name)
            ))
            .with_data(serde_json::json!({ "name": name })),
        }
    }
}

struct Found {
    targets: Vec<NodeId>,
    /// Later frame → whether its earlier namesake has the same `src`.
    repeats: HashMap<NodeId, bool>,
}

fn find(cx: &Context) -> Found {
    let mut first: HashMap<String, Option<String>> = HashMap::new();
    let mut found = Found { targets: Vec::new(), repeats: HashMap::new() };
    for id in cx.snap.union([cx.snap.with_tag(&local_name!("iframe")), cx.snap.with_tag(&local_name!("frame"))]) {
        let Some(el) = cx.snap.element(id) else { continue };
        if !common::is_html(el) || !common::is_included(cx, id) {
            continue;
        }
        let name = common::fold(cx.tree.name(id));
        if name.is_empty() {
            continue;
        }
        found.targets.push(id);
        let src = el.attr(&local_name!("src")).map(|s| s.trim().to_string());
        match first.get(&name) {
            Some(earlier) => {
                found.repeats.insert(id, *earlier == src && src.is_some());
            }
            None => {
                first.insert(name, src);
            }
        }
    }
    found
}

/// The rule.
pub struct FrameTitleUnique;

impl Rule for FrameTitleUnique {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.tree.memo(META.id, || find(cx)).targets.clone()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let reason = match cx.tree.memo(META.id, || find(cx)).repeats.get(&target) {
            None => Reason::Unique,
            Some(true) => Reason::SameContent,
            Some(false) => Reason::Duplicate(cx.tree.name(target).trim().to_string()),
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
    fn same_source_is_same_purpose() {
        let out = outcomes("frame-title-unique", "<iframe src=\"/ad\" title=\"Ad\"></iframe><iframe src=\"/ad\" title=\"Ad\"></iframe>");
        assert!(out.iter().all(|o| o.0 == Outcome::Passed) && out.len() == 2, "{out:?}");
    }
}
