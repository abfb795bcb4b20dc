//! `td-headers-attr`: every id in a table cell's `headers` attribute names another cell of the
//! same table (ACT a25f45, WCAG 1.3.1). A header that points outside the table, to a non-cell
//! or to the cell itself leaves the cell without the header screen readers announce.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "td-headers-attr",
    title: "headers attributes refer to cells in the same table",
    wcag: &["1.3.1"],
    act: &["a25f45"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers announce a data cell's headers from its headers attribute; ids that don't name other cells of the same table leave the cell without context.",
    fix: "Make each id in headers the id of a th (or td) in the same table, never the cell's own id; or drop headers and use th with scope.",
    examples: Examples {
        pass: &[
            "<table><tr><th id=\"h1\">Projects</th><th id=\"h2\">Objective</th></tr><tr><td headers=\"h1\">15%</td><td headers=\"h2\">10%</td></tr></table>",
        ],
        fail: &[
            "<table><tr><th id=\"h1\">Projects</th></tr><tr><td headers=\"nope\">15%</td></tr></table>",
            "<table><tr><td id=\"self\" headers=\"self\">Birthday</td></tr></table>",
        ],
        inapplicable: &[
            "<table><tr><th scope=\"col\">Projects</th></tr><tr><td>15%</td></tr></table>",
            "<table role=\"presentation\"><tr><td id=\"h\">A</td></tr><tr><td headers=\"h\">B</td></tr></table>",
        ],
    },
};

enum Reason {
    Valid,
    Missing(String),
    NotACell(String),
    OtherTable(String),
    SelfReference(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Valid => Evaluation::passed("Every id in headers names another cell of this table."),
            Reason::Missing(id) => Evaluation::failed(format!(
                "headers refers to \"{id}\", which is not the id of any element: the cell loses that header."
            )),
            Reason::NotACell(id) => Evaluation::failed(format!(
                "headers refers to \"{id}\", which is not a table cell: only th/td of the same table can be headers."
            )),
            Reason::OtherTable(id) => Evaluation::failed(format!(
                "headers refers to \"{id}\", a cell of another table: headers must be in the same table."
            )),
            Reason::SelfReference(id) => Evaluation::failed(format!(
                "headers refers to \"{id}\", the cell's own id: a cell can't be its own header."
            )),
        }
    }
}

/// The nearest HTML `table` ancestor of `id`.
pub(crate) fn table_of(cx: &Context, id: NodeId) -> Option<NodeId> {
    cx.snap.ancestors(id).find(|a| cx.snap.element(*a).is_some_and(|el| el.is_html(&local_name!("table"))))
}

fn is_cell(cx: &Context, id: NodeId) -> bool {
    cx.snap.element(id).is_some_and(|el| el.is_html(&local_name!("td")) || el.is_html(&local_name!("th")))
}

/// The rule.
pub struct TdHeadersAttr;

impl Rule for TdHeadersAttr {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_attr(cx, &local_name!("headers"))
            .filter(|(id, el)| {
                (el.is_html(&local_name!("td")) || el.is_html(&local_name!("th")))
                    && table_of(cx, *id).is_some_and(|t| {
                        cx.tree.is_visible(t)
                            && !common::is_off_screen(cx, t)
                            && common::is_included(cx, t)
                            && matches!(common::semantic_role(cx, t), Some("table" | "grid" | "treegrid"))
                    })
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some(el) = cx.snap.element(target) else { return Reason::Valid.evaluation() };
        let table = table_of(cx, target);
        let own_id = el.attr(&local_name!("id"));
        let mut problem = None;
        for token in el.attr(&local_name!("headers")).unwrap_or("").split_ascii_whitespace() {
            let reason = match cx.snap.by_id(token) {
                _ if own_id == Some(token) => Reason::SelfReference(token.into()),
                None => Reason::Missing(token.into()),
                Some(h) if !is_cell(cx, h) => Reason::NotACell(token.into()),
                Some(h) if table_of(cx, h) != table => Reason::OtherTable(token.into()),
                Some(_) => continue,
            };
            problem = Some(reason);
            break;
        }
        let reason = match problem {
            None => Reason::Valid,
            Some(r) => r,
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
    fn other_tables_and_non_cells() {
        let first = |html: &str| outcomes("td-headers-attr", html).first().map(|o| o.0);
        assert_eq!(
            first("<table><tr><th id=\"a\">A</th></tr></table><table><tr><td headers=\"a\">1</td></tr></table>"),
            Some(Outcome::Failed)
        );
        assert_eq!(
            first("<table><tr><td><span id=\"a\">A</span></td></tr><tr><td headers=\"a\">1</td></tr></table>"),
            Some(Outcome::Failed)
        );
        assert_eq!(
            first("<table><tr><th colspan=\"2\" id=\"n\">Name</th></tr><tr><th headers=\"n\">First</th><th headers=\"n\">Last</th></tr></table>"),
            Some(Outcome::Passed)
        );
        assert!(outcomes("td-headers-attr", "<table style=\"display:none\"><tr><td headers=\"x\">1</td></tr></table>").is_empty());
    }
}
