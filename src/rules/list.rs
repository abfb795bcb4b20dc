//! `list`: `<ul>` and `<ol>` that are exposed as lists contain only `<li>`, `<script>` and
//! `<template>` children (hidden children aside), and no loose text (WCAG 1.3.1, after
//! axe-core's `list`). A child with role `listitem` is accepted whatever its element: it is
//! exposed as an item, which is what matters to assistive technologies.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "list",
    title: "Lists contain only list items",
    wcag: &["1.3.1"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers announce a list and how many items it has; other elements or loose text directly inside <ul>/<ol> break that count and the item-by-item navigation.",
    fix: "Put every piece of content of a <ul> or <ol> inside an <li>; wrap the list rather than putting headings, divs or text between its items.",
    examples: Examples {
        pass: &["<ul><li>Apples</li><li>Pears</li></ul>", "<ol><li>One</li><script></script><template><li>x</li></template></ol>"],
        fail: &["<ul><li>Apples</li><div>Pears</div></ul>", "<ol>Loose text<li>One</li></ol>", "<ul><li role=\"button\">Apples</li></ul>"],
        inapplicable: &["<ul role=\"menu\"><li role=\"menuitem\">Open</li></ul>", "<ul hidden><div>x</div></ul>"],
    },
};

enum Reason {
    Items,
    Invalid(String),
    Text,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Items => Evaluation::passed("The list contains only list items."),
            Reason::Invalid(what) => Evaluation::failed(format!(
                "The list contains {what} directly: screen readers miscount its items and may skip that content."
            ))
            .with_data(serde_json::json!({ "child": what })),
            Reason::Text => Evaluation::failed(
                "The list contains text outside its <li> items: screen readers may skip it or miscount the items.",
            ),
        }
    }
}

/// The rule.
pub struct List;

impl Rule for List {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.snap
            .union([cx.snap.with_tag(&local_name!("ul")), cx.snap.with_tag(&local_name!("ol"))])
            .into_iter()
            .filter(|id| {
                cx.snap.element(*id).is_some_and(common::is_html)
                    && common::semantic_role(cx, *id) == Some("list")
                    && common::is_included(cx, *id)
            })
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        for child in cx.snap.children(target) {
            if cx.snap.text(child).is_some_and(|t| !t.trim().is_empty()) {
                return Reason::Text.evaluation();
            }
            let Some(el) = cx.snap.element(child) else { continue };
            if el.is_html(&local_name!("script")) || el.is_html(&local_name!("template")) || !common::is_included(cx, child) {
                continue;
            }
            let role = common::semantic_role(cx, child);
            if !el.is_html(&local_name!("li")) && role != Some("listitem") {
                return Reason::Invalid(format!("a <{}>", el.name)).evaluation();
            }
            if let Some(role) = role.filter(|r| *r != "listitem") {
                return Reason::Invalid(format!("an <li> with role \"{role}\"")).evaluation();
            }
        }
        Reason::Items.evaluation()
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
    fn hidden_children_and_whitespace_are_ignored() {
        let out = outcomes("list", "<ul>\n  <li>a</li>\n  <div hidden>x</div>\n</ul>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
