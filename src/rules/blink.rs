//! `blink`: no `<blink>` elements (WCAG 2.2.2, after axe-core's `blink`). Blinking
//! text that can't be stopped is hard to read and distracting; browsers no longer render it, but
//! the intent (and older or custom styles) remain.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "blink",
    title: "Blink elements are not used",
    wcag: &["2.2.2"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Blinking content distracts and can't be stopped: people with attention or reading difficulties lose their place, and flashing can harm people with photosensitive conditions.",
    fix: "Remove the <blink> element and convey emphasis with <strong> or static styling.",
    examples: Examples {
        pass: &[],
        fail: &["<blink>Sale ends today!</blink>"],
        inapplicable: &["<p>Sale ends today!</p>", "<blink hidden>Old news</blink>"],
    },
};

/// The rule.
pub struct Blink;

impl Rule for Blink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("blink"))
            .filter(|(id, _)| common::is_included(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, _cx: &Context, _target: NodeId) -> Evaluation {
        Evaluation::failed("This <blink> element marks its text to blink, with no way to stop it.")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }
}
