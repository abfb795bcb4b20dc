//! `definition-list`: a `<dl>` without an explicit role contains only `<dt>`/`<dd>` groups
//! (optionally each wrapped in a `<div>`), `<script>` and `<template>`, every `<dd>` follows a
//! `<dt>`, and the list doesn't end on a `<dt>` (WCAG 1.3.1, after axe-core's
//! `definition-list`). Hidden children are ignored.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "definition-list",
    title: "Definition lists contain only term and definition groups",
    wcag: &["1.3.1"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers announce a definition list's terms and their definitions as pairs; other content inside <dl>, or definitions without a term, break that pairing.",
    fix: "Inside a <dl>, use only <dt> terms each followed by their <dd> definitions (a <div> may wrap one group); move anything else outside the list.",
    examples: Examples {
        pass: &[
            "<dl><dt>Coffee</dt><dd>Black hot drink</dd><dt>Milk</dt><dd>White cold drink</dd></dl>",
            "<dl><div><dt>Coffee</dt><dd>Black hot drink</dd></div></dl>",
        ],
        fail: &[
            "<dl><dt>Coffee</dt><p>Black hot drink</p></dl>",
            "<dl><dd>A definition without a term</dd></dl>",
            "<dl><dt>Coffee</dt><dd>Drink</dd><dt>Milk</dt></dl>",
        ],
        inapplicable: &["<dl role=\"list\"><div role=\"listitem\">x</div></dl>"],
    },
};

enum Reason {
    Valid,
    Invalid(String),
    Text,
    DdFirst,
    DtLast,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Valid => Evaluation::passed("The definition list holds only terms and their definitions."),
            Reason::Invalid(what) => Evaluation::failed(format!(
                "The definition list contains {what}: only <dt>, <dd> and <div> groups of them belong there."
            )),
            Reason::Text => Evaluation::failed("The definition list contains text outside its <dt> and <dd> elements."),
            Reason::DdFirst => Evaluation::failed("A <dd> definition comes before any <dt> term: it is not paired with a term."),
            Reason::DtLast => Evaluation::failed("The last <dt> term has no <dd> definition after it."),
        }
    }
}

/// The items of a `dl` (dt/dd, looking into `div` groups), or why the structure is wrong.
fn items(cx: &Context, dl: NodeId) -> Result<Vec<bool>, Reason> {
    // true: dt, false: dd
    let mut out = Vec::new();
    for child in cx.snap.children(dl) {
        if cx.snap.text(child).is_some_and(|t| !t.trim().is_empty()) {
            return Err(Reason::Text);
        }
        let Some(el) = cx.snap.element(child) else { continue };
        if el.is_html(&local_name!("script")) || el.is_html(&local_name!("template")) || !common::is_included(cx, child) {
            continue;
        }
        match &*el.name {
            "dt" | "dd" if common::is_html(el) => out.push(&*el.name == "dt"),
            "div" if common::is_html(el) && common::explicit_role(el).is_none() => {
                for inner in cx.snap.children(child) {
                    if cx.snap.text(inner).is_some_and(|t| !t.trim().is_empty()) {
                        return Err(Reason::Text);
                    }
                    let Some(ie) = cx.snap.element(inner) else { continue };
                    if ie.is_html(&local_name!("script")) || ie.is_html(&local_name!("template")) || !common::is_included(cx, inner) {
                        continue;
                    }
                    if ie.is_html(&local_name!("dt")) || ie.is_html(&local_name!("dd")) {
                        out.push(ie.is_html(&local_name!("dt")));
                    } else {
                        return Err(Reason::Invalid(format!("a <{}> inside a <div> group", ie.name)));
                    }
                }
            }
            other => return Err(Reason::Invalid(format!("a <{other}>"))),
        }
    }
    Ok(out)
}

/// The rule.
pub struct DefinitionList;

impl Rule for DefinitionList {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("dl"))
            .filter(|(id, el)| common::explicit_role(el).is_none() && common::is_included(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let reason = match items(cx, target) {
            Err(reason) => reason,
            Ok(items) if items.first() == Some(&false) => Reason::DdFirst,
            Ok(items) if items.last() == Some(&true) => Reason::DtLast,
            Ok(_) => Reason::Valid,
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
    fn several_terms_share_a_definition() {
        let out = outcomes("definition-list", "<dl><dt>Color</dt><dt>Colour</dt><dd>Hue</dd><dd>Tint</dd></dl>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
