//! `listitem`: an `<li>` exposed as a list item is a child of a list: a `<ul>`, `<ol>` or
//! `<menu>` exposed as a list, or an element with role `list` (WCAG 1.3.1, after axe-core's
//! `listitem`).

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "listitem",
    title: "List items are inside a list",
    wcag: &["1.3.1"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A list item outside a list is not announced as part of a list, so screen reader users lose the grouping and the item count.",
    fix: "Put <li> elements directly inside a <ul>, <ol> or <menu> (or an element with role=\"list\"), and don't give that parent another role.",
    examples: Examples {
        pass: &["<ul><li>Apples</li></ul>", "<div role=\"list\"><li>Apples</li></div>"],
        fail: &["<div><li>Apples</li></div>", "<ul role=\"navigation\"><li>Apples</li></ul>"],
        inapplicable: &["<ul><li role=\"menuitem\">Open</li></ul>", "<div><li hidden>Apples</li></div>"],
    },
};

enum Reason {
    InList,
    Orphan(Option<String>),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::InList => Evaluation::passed("The list item is inside a list."),
            Reason::Orphan(Some(role)) => Evaluation::failed(format!(
                "This list item's parent has role \"{role}\", not list: it is not announced as part of a list."
            )),
            Reason::Orphan(None) => Evaluation::failed(
                "This list item is not inside a list: it is not announced as part of one.",
            ),
        }
    }
}

/// The rule.
pub struct Listitem;

impl Rule for Listitem {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("li"))
            .filter(|(id, el)| {
                common::explicit_role(el).is_none_or(|r| r == "listitem")
                    && common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let parent = cx.snap.parent_element(target);
        let in_list = parent.is_some_and(|p| {
            common::semantic_role(cx, p) == Some("list")
                || cx.snap.element(p).and_then(common::explicit_role) == Some("list")
        });
        if in_list {
            return Reason::InList.evaluation();
        }
        let role = parent
            .filter(|p| cx.snap.element(*p).is_some_and(|el| el.has_attr(&local_name!("role"))))
            .and_then(|p| cx.tree.role(p))
            .map(str::to_string);
        Reason::Orphan(role).evaluation()
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
    fn menu_and_ol_are_lists() {
        for html in ["<menu><li>a</li></menu>", "<ol><li>a</li></ol>"] {
            let out = outcomes("listitem", html);
            assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{html}: {out:?}");
        }
    }
}
