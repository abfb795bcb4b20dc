//! `menuitem-name`: every HTML element exposed as a `menuitem` has a non-empty accessible name
//! (ACT m6b1q3, WCAG 4.1.2).

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "menuitem-name",
    title: "Menu items have an accessible name",
    wcag: &["4.1.2"],
    act: &["m6b1q3"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A menu item without a name is announced only as \"menu item\": screen reader users can't tell the commands of the menu apart.",
    fix: "Give the item text, or aria-label when it shows only an icon, e.g. <button role=\"menuitem\" aria-label=\"New file\"><img src=\"new.svg\" alt=\"\"></button>.",
    examples: examples! {
        pass: &[
            "<div role=\"menu\"><button role=\"menuitem\">New file</button></div>",
            "<div role=\"menu\"><button role=\"menuitem\" title=\"New file\"><img src=\"f.svg\" alt=\"\"></button></div>",
        ],
        fail: &[
            "<div role=\"menu\"><button role=\"menuitem\"><img src=\"f.svg\" alt=\"\"></button></div>",
            "<div role=\"menu\"><div role=\"menuitem\" tabindex=\"-1\"></div></div>",
        ],
        inapplicable: &[
            "<menu><li><a href=\"#\">New file</a></li></menu>",
            "<div role=\"menu\" hidden><button role=\"menuitem\"></button></div>",
        ],
    },
};

enum Reason {
    Named(String),
    Unnamed,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => Evaluation::passed(format!("The menu item is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This menu item has no accessible name: screen readers announce only \"menu item\".",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this menu item has a name depends on stylesheets that could not be loaded (they may hide it or its text).",
            ),
        }
    }
}

/// The rule.
pub struct MenuitemName;

impl Rule for MenuitemName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_role(cx, |r| r == "menuitem")
            .filter(|(id, el)| common::is_html(el) && common::is_included(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let check = common::check_name(cx, target);
        let data = check.data();
        let reason = match check {
            NameCheck::Named { name, .. } => Reason::Named(name),
            NameCheck::Empty => Reason::Unnamed,
            NameCheck::StylesMissing { .. } => Reason::StylesMissing,
        };
        reason.evaluation().with_data(data)
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
    fn hidden_labelledby_target_names_it() {
        let html = "<div role=\"menu\"><button role=\"menuitem\" aria-labelledby=\"n\"><img src=\"f.svg\" alt=\"\">\
                    <span id=\"n\" hidden>New file</span></button></div>";
        let out = outcomes("menuitem-name", html);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].0, Outcome::Passed);
        // menuitemcheckbox is a form field (form-field-name), not a menuitem here.
        assert!(outcomes("menuitem-name", "<div role=\"menu\"><div role=\"menuitemcheckbox\"></div></div>").is_empty());
    }
}
