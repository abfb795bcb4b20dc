//! `landmark-no-duplicate-contentinfo`: a page has at most one `contentinfo` landmark (a
//! `<footer>` that is not inside sectioning content, or role `contentinfo`). Best practice, after axe-core.

use super::landmark_no_duplicate_banner::{unique_role_targets, unique_role_verdict, Ordered};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "landmark-no-duplicate-contentinfo",
    title: "The page has at most one contentinfo landmark",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "The contentinfo landmark holds the site-wide footer (copyright, contact, legal links); screen reader users expect one per page, and several make the landmark list confusing.",
    fix: "Keep one page-level <footer> (or role=\"contentinfo\"); put other footers inside <article>, <section>, <aside>, <nav> or <main> so that they are not contentinfo landmarks, or drop role=\"contentinfo\".",
    examples: Examples {
        pass: &["<main><article><footer>Posted today</footer></article></main><footer>© Acme</footer>"],
        fail: &["<footer>© Acme</footer><div role=\"contentinfo\">Again</div>"],
        inapplicable: &["<main><article><footer>Posted today</footer></article></main>"],
    },
};

/// The rule.
pub struct LandmarkNoDuplicateContentinfo;

impl Rule for LandmarkNoDuplicateContentinfo {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.tree.memo(META.id, || Ordered::new(unique_role_targets(cx, "contentinfo"))).list.clone()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let earlier = cx.tree.memo(META.id, || Ordered::new(unique_role_targets(cx, "contentinfo"))).position(target);
        unique_role_verdict(earlier, "contentinfo")
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
    fn only_later_footers_fail() {
        let out = outcomes("landmark-no-duplicate-contentinfo", "<footer>A</footer><footer>B</footer><footer hidden>C</footer>");
        let verdicts: Vec<Outcome> = out.iter().map(|o| o.0).collect();
        assert_eq!(verdicts, vec![Outcome::Passed, Outcome::Failed]);
    }
}
