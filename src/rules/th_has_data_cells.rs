//! `th-has-data-cells`: every row or column header of a table is assigned to at least one cell
//! (ACT d0f69e, WCAG 1.3.1). HTML tables use the HTML table model and its header assignment
//! (`headers`, then scanning up and left); ARIA tables (`role="table"`/`"grid"` on other
//! elements) pair a header with the cells in its column or row.

use std::collections::HashMap;
use std::rc::Rc;

use super::common;
use super::table::Grid;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "th-has-data-cells",
    title: "Table headers have data cells",
    wcag: &["1.3.1"],
    act: &["d0f69e"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers announce a header with the cells it labels; a header with no cells under or beside it suggests a broken table structure and confuses navigation.",
    fix: "Give the header cells in its column or row, fix colspan/rowspan or headers attributes, or make it a plain cell (td) if it is not a header.",
    examples: Examples {
        pass: &[
            "<table><tr><th>Time</th></tr><tr><td>05:41</td></tr></table>",
            "<table><thead><tr><th>Projects</th><th>Exams</th></tr></thead><tbody><tr><td colspan=\"2\">15%</td></tr></tbody></table>",
        ],
        fail: &[
            "<table><thead><tr><th>Rate</th><th>Value</th></tr></thead><tbody><tr><td>15%</td></tr></tbody></table>",
            "<div role=\"grid\"><div role=\"row\"><div role=\"columnheader\">Room</div><div role=\"columnheader\">Occupant</div></div><div role=\"row\"><div role=\"gridcell\">1A</div></div></div>",
        ],
        inapplicable: &[
            "<table><tr><td>12:00</td></tr></table>",
            "<table role=\"presentation\"><tr><th>Time</th></tr><tr><td>12:00</td></tr></table>",
            "<table><tr><th aria-hidden=\"true\">Organization</th></tr><tr><td>W3C</td></tr></table>",
        ],
    },
};

enum Reason {
    HasCells(usize),
    NoCells,
    TooLarge,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::HasCells(n) => Evaluation::passed(format!("This header is assigned to {n} cell(s).")),
            Reason::NoCells => Evaluation::failed(
                "This header has no cells assigned to it: nothing in its column or row (or pointing to it with headers) is a cell it labels.",
            ),
            Reason::TooLarge => Evaluation::cant_tell("The table is too large to work out which cells its headers label."),
        }
    }
}

/// The nearest ancestor with semantic role table or grid.
fn table_of(cx: &Context, id: NodeId) -> Option<NodeId> {
    cx.snap.ancestors(id).find(|a| matches!(common::semantic_role(cx, *a), Some("table" | "grid" | "treegrid")))
}

/// Cells (inheriting role `cell`) that `header` labels in the ARIA table `table`.
fn aria_assigned(cx: &Context, table: NodeId, header: NodeId) -> usize {
    let column = common::semantic_role(cx, header) == Some("columnheader");
    // Rows of this table, each with its cells in order.
    let mut rows: Vec<Vec<NodeId>> = Vec::new();
    let mut walk = cx.snap.descendants(table);
    while let Some(d) = walk.next() {
        if d == table {
            continue;
        }
        match common::semantic_role(cx, d) {
            Some("table" | "grid" | "treegrid") => walk.skip_subtree_of(d),
            Some("row") => {
                let mut cells = Vec::new();
                let mut inner = cx.snap.descendants(d);
                while let Some(c) = inner.next() {
                    if c != d && cx.tree.has_role(c, "cell") {
                        cells.push(c);
                        inner.skip_subtree_of(c);
                    } else if c != d && matches!(common::semantic_role(cx, c), Some("row" | "table" | "grid" | "treegrid")) {
                        inner.skip_subtree_of(c);
                    }
                }
                rows.push(cells);
                walk.skip_subtree_of(d);
            }
            _ => {}
        }
    }
    let Some((hy, hx)) = rows.iter().enumerate().find_map(|(y, r)| r.iter().position(|c| *c == header).map(|x| (y, x))) else {
        return 0;
    };
    if column {
        rows.iter().enumerate().filter(|(y, r)| *y != hy && r.get(hx).is_some()).count()
    } else {
        rows.get(hy).map_or(0, |r| r.len().saturating_sub(1))
    }
}

/// The rule.
pub struct ThHasDataCells;

impl Rule for ThHasDataCells {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::elements(cx)
            .filter(|(id, el)| {
                common::is_html(el)
                    && matches!(common::semantic_role(cx, *id), Some("rowheader" | "columnheader"))
                    && cx.tree.is_visible(*id)
                    && common::is_included(cx, *id)
                    && table_of(cx, *id).is_some_and(|t| common::is_included(cx, t))
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some(table) = table_of(cx, target) else { return Reason::NoCells.evaluation() };
        let html_table = cx.snap.element(table).is_some_and(|e| e.is_html(&local_name!("table")));
        let in_html_model = html_table
            && cx.snap.element(target).is_some_and(|e| e.is_html(&local_name!("th")) || e.is_html(&local_name!("td")))
            && super::td_headers_attr::table_of(cx, target) == Some(table);
        let reason = if in_html_model {
            match html_counts(cx, table) {
                None => Reason::TooLarge,
                Some(counts) => match counts.get(&target).copied().unwrap_or(0) {
                    0 => Reason::NoCells,
                    n => Reason::HasCells(n),
                },
            }
        } else {
            match aria_assigned(cx, table, target) {
                0 => Reason::NoCells,
                n => Reason::HasCells(n),
            }
        };
        if matches!(reason, Reason::HasCells(_)) && common::passes_unreported(cx) {
            // Left out of the report: no wording needed.
            return Evaluation::passed(String::new());
        }
        reason.evaluation()
    }
}

/// For each header cell of the HTML table `table`, the number of cells (inheriting role `cell`)
/// it is assigned to; `None` when the table is too large to model. Memoised per table for the
/// check (in the tree's memo), since every header of a table asks.
fn html_counts(cx: &Context, table: NodeId) -> Option<Rc<HashMap<NodeId, usize>>> {
    let tables = cx.tree.memo("th-has-data-cells/tables", || std::cell::RefCell::new(HashMap::<NodeId, Counts>::new()));
    if let Some(hit) = tables.borrow().get(&table) {
        return hit.clone();
    }
    let counts = Grid::html(cx.snap, table).and_then(|g| {
        let lists = g.assigned_headers(cx.snap)?;
        let mut counts: HashMap<NodeId, usize> = HashMap::new();
        for (ci, list) in lists.iter().enumerate() {
            if !g.cells.get(ci).is_some_and(|c| cx.tree.has_role(c.id, "cell")) {
                continue;
            }
            for h in list {
                if let Some(cell) = g.cells.get(*h) {
                    *counts.entry(cell.id).or_default() += 1;
                }
            }
        }
        Some(Rc::new(counts))
    });
    tables.borrow_mut().insert(table, counts.clone());
    counts
}

/// A table's header counts (`None`: too large to model).
type Counts = Option<Rc<HashMap<NodeId, usize>>>;


#[cfg(test)]
mod tests {
    use super::super::testing::{check_examples, outcomes};
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn headers_attribute_and_row_headers() {
        let all = |html: &str| outcomes("th-has-data-cells", html).into_iter().map(|o| o.0).collect::<Vec<_>>();
        // col2 labels nothing: the second cell points to col1 only.
        assert!(all("<table><tr><th id=\"col1\">Country</th><th id=\"col2\">Z</th></tr><tr><td>Zambia</td><td headers=\"col1\">Zimbabwe</td></tr></table>")
            .contains(&Outcome::Failed));
        let pass = all("<table><tr><th>Day</th><th>Morning</th></tr><tr><th>Mon-Fri</th><td>8-12</td></tr><tr><th>Sat-Sun</th><td>10-14</td></tr></table>");
        assert!(!pass.is_empty() && pass.iter().all(|o| *o == Outcome::Passed), "{pass:?}");
    }
}
