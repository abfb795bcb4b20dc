//! `marquee`: no `<marquee>` elements (WCAG 2.2.2, after axe-core's `marquee`). Scrolling
//! text that can't be paused is hard or impossible to read for many people.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "marquee",
    title: "Marquee elements are not used",
    wcag: &["2.2.2"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Text in a <marquee> moves on its own and can't be paused: people who read slowly, use magnification or are distracted by motion can't read it.",
    fix: "Replace the <marquee> with static text; if it must move, use CSS animation that stops within five seconds or has a pause button.",
    examples: Examples {
        pass: &[],
        fail: &["<marquee>Sale ends today!</marquee>"],
        inapplicable: &["<p>Sale ends today!</p>", "<marquee hidden>Old news</marquee>"],
    },
};

/// The rule.
pub struct Marquee;

impl Rule for Marquee {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("marquee"))
            .filter(|(id, _)| common::is_included(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, _cx: &Context, _target: NodeId) -> Evaluation {
        Evaluation::failed("This <marquee> scrolls its text and offers no way to pause it.")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }
}
