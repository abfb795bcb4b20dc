//! `aria-roledescription` (best practice, no ACT rule): `aria-roledescription` is used only on
//! elements whose role supports it, i.e. not on `generic` elements (div, span...) or
//! presentational ones, where WAI-ARIA 1.3 prohibits it and browsers ignore it.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::aria;
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-roledescription",
    title: "aria-roledescription is used only on elements with a role that supports it",
    wcag: &[],
    act: &[],
    impact: Impact::Serious,
    best_practice: true,
    needs: Needs::Static,
    help: "A role description replaces the role that screen readers announce; on an element with no meaningful role (a plain div or span, or a presentational element) it is ignored, or announces a role users can't operate.",
    fix: "Put aria-roledescription only on an element with an explicit or implicit role (e.g. role=\"group\" aria-roledescription=\"slide\"), and keep the description readable.",
    examples: Examples {
        pass: &[
            "<div role=\"group\" aria-roledescription=\"slide\" aria-label=\"1 of 4\">x</div>",
            "<button aria-roledescription=\"toggle\">x</button>",
        ],
        fail: &[
            "<div aria-roledescription=\"slide\">x</div>",
            "<span role=\"presentation\" aria-roledescription=\"x\">x</span>",
        ],
        inapplicable: &["<div aria-roledescription=\"\">x</div>", "<div hidden aria-roledescription=\"x\">x</div>"],
    },
};

enum Reason {
    Supported(&'static str),
    Unsupported(&'static str),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Supported(role) => Evaluation::passed(format!("aria-roledescription refines the role {role}.")),
            Reason::Unsupported(role) => Evaluation::failed(format!(
                "aria-roledescription is not supported on the {role} role: it is ignored, or announces a role with nothing behind it."
            )),
        }
    }
}

/// The rule.
pub struct AriaRoledescription;

impl Rule for AriaRoledescription {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        super::common::with_attr(cx, &local_name!("aria-roledescription"))
            .filter(|(id, el)| {
                aria::is_html_or_svg(el)
                    && el.attr(&local_name!("aria-roledescription")).is_some_and(|v| !v.trim().is_empty())
                    && super::common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        match aria::aria_role(cx.tree, target) {
            Some(role @ ("generic" | "none")) => Reason::Unsupported(role),
            Some(role) => Reason::Supported(role),
            // No ARIA equivalent (iframe, audio...): the browser's own role is refined.
            None => Reason::Supported("native"),
        }
        .evaluation()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::check_examples;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }
}
