//! `dlitem`: `<dt>` and `<dd>` elements are children of a `<dl>`, directly or through one
//! `<div>` group (WCAG 1.3.1, after axe-core's `dlitem`).

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "dlitem",
    title: "Terms and definitions are inside a definition list",
    wcag: &["1.3.1"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A <dt> or <dd> outside a <dl> is not announced as a term or definition, so the pairing it should convey is lost.",
    fix: "Put <dt> and <dd> elements directly inside a <dl> (or inside a <div> that is directly inside the <dl>).",
    examples: Examples {
        pass: &["<dl><dt>Coffee</dt><dd>Hot drink</dd></dl>", "<dl><div><dt>Coffee</dt><dd>Hot drink</dd></div></dl>"],
        fail: &["<div><dt>Coffee</dt><dd>Hot drink</dd></div>", "<dl role=\"list\"><dt>Coffee</dt></dl>"],
        inapplicable: &["<p>No definitions</p>", "<div><dt role=\"heading\">Coffee</dt></div>"],
    },
};

enum Reason {
    InList,
    Outside(&'static str),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::InList => Evaluation::passed("The element is inside a definition list."),
            Reason::Outside(tag) => Evaluation::failed(format!(
                "This <{tag}> is not inside a <dl> (without another role): it is not announced as part of a definition list."
            )),
        }
    }
}

fn is_plain_dl(cx: &Context, id: NodeId) -> bool {
    cx.snap.element(id).is_some_and(|el| el.is_html(&local_name!("dl")) && common::explicit_role(el).is_none())
}

/// The rule.
pub struct Dlitem;

impl Rule for Dlitem {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.snap
            .union([cx.snap.with_tag(&local_name!("dt")), cx.snap.with_tag(&local_name!("dd"))])
            .into_iter()
            .filter(|id| {
                cx.snap.element(*id).is_some_and(|el| common::is_html(el) && common::explicit_role(el).is_none())
                    && common::is_included(cx, *id)
            })
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let parent = cx.snap.parent_element(target);
        let in_dl = parent.is_some_and(|p| {
            is_plain_dl(cx, p)
                || (cx.snap.element(p).is_some_and(|el| el.is_html(&local_name!("div")) && common::explicit_role(el).is_none())
                    && cx.snap.parent_element(p).is_some_and(|g| is_plain_dl(cx, g)))
        });
        if in_dl {
            return Reason::InList.evaluation();
        }
        let tag = if cx.snap.element(target).is_some_and(|el| el.is_html(&local_name!("dt"))) { "dt" } else { "dd" };
        Reason::Outside(tag).evaluation()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }
}
