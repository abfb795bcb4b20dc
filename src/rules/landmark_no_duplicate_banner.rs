//! `landmark-no-duplicate-banner`: a page has at most one `banner` landmark (a `<header>` that
//! is not inside sectioning content, or role `banner`). Best practice, after axe-core.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "landmark-no-duplicate-banner",
    title: "The page has at most one banner landmark",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "The banner landmark holds the site-wide header; screen reader users expect one per page, and several make the landmark list confusing.",
    fix: "Keep one page-level <header> (or role=\"banner\"); put other headers inside <article>, <section>, <aside>, <nav> or <main> so that they are not banners, or drop role=\"banner\".",
    examples: Examples {
        pass: &["<header>Site</header><main><article><header>Post title</header></article></main>"],
        fail: &["<header>Site</header><div role=\"banner\">Again</div>"],
        inapplicable: &["<main><article><header>Post title</header></article></main>"],
    },
};

/// The rule.
pub struct LandmarkNoDuplicateBanner;

impl Rule for LandmarkNoDuplicateBanner {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.tree.memo(META.id, || Ordered::new(unique_role_targets(cx, "banner"))).list.clone()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let earlier = cx.tree.memo(META.id, || Ordered::new(unique_role_targets(cx, "banner"))).position(target);
        unique_role_verdict(earlier, "banner")
    }
}

/// Included elements with semantic role `role`.
pub(super) fn unique_role_targets(cx: &Context, role: &str) -> Vec<NodeId> {
    common::elements(cx)
        .filter(|(id, _)| common::semantic_role(cx, *id) == Some(role) && common::is_included(cx, *id))
        .map(|(id, _)| id)
        .collect()
}

/// Targets in tree order with their positions.
pub(super) struct Ordered {
    /// The targets.
    pub(super) list: Vec<NodeId>,
    at: std::collections::HashMap<NodeId, usize>,
}

impl Ordered {
    /// Index the targets.
    pub(super) fn new(list: Vec<NodeId>) -> Ordered {
        let at = list.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        Ordered { list, at }
    }

    /// How many targets come before `target`.
    pub(super) fn position(&self, target: NodeId) -> usize {
        self.at.get(&target).copied().unwrap_or(0)
    }
}

/// The first landmark of `role` passes; each later one fails, naming how many came before.
pub(super) fn unique_role_verdict(earlier: usize, role: &str) -> Evaluation {
    if earlier == 0 {
        Evaluation::passed(format!("This is the page's first {role} landmark."))
    } else {
        Evaluation::failed(format!(
            "This is {role} landmark number {}: a page should have only one, so screen reader users find the right one.",
            earlier + 1
        ))
        .with_data(serde_json::json!({ "position": earlier + 1 }))
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
    fn only_later_banners_fail() {
        let out = outcomes("landmark-no-duplicate-banner", "<header>A</header><header>B</header><header hidden>C</header>");
        let verdicts: Vec<Outcome> = out.iter().map(|o| o.0).collect();
        assert_eq!(verdicts, vec![Outcome::Passed, Outcome::Failed]);
    }
}
