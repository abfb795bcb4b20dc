//! `table-headers`: a data table has header cells (WCAG 1.3.1, after axe-core's table rules).
//! Tables are exempt when they are presentational (`role="none"`/`presentation`) or have only
//! one row or one column (a layout or a plain list). A table with two or more rows and
//! columns but no `<th>` (nor a cell with role `columnheader`/`rowheader`) fails when
//! something marks it as data (a caption, `summary`, `<thead>`/`<tfoot>`, `<col>`, `scope` or
//! `headers` attributes, or an explicit `role="table"`); otherwise it may be a layout table,
//! and the verdict is `cantTell`.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, LocalName, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "table-headers",
    title: "Data tables have header cells",
    wcag: &["1.3.1"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers announce a cell's row and column headers as people move through a table; without header cells every number is read without saying what it is.",
    fix: "Mark the cells that label rows or columns as <th> (with scope=\"col\" or scope=\"row\" when it isn't obvious); use CSS rather than a table for layout.",
    examples: Examples {
        pass: &["<table><tr><th>Name</th><th>Price</th></tr><tr><td>Tea</td><td>2.50</td></tr></table>"],
        fail: &["<table><caption>Prices</caption><tr><td>Name</td><td>Price</td></tr><tr><td>Tea</td><td>2.50</td></tr></table>"],
        inapplicable: &[
            "<table role=\"presentation\"><tr><td>Logo</td><td>Menu</td></tr><tr><td>a</td><td>b</td></tr></table>",
            "<table><tr><td>Only</td><td>one row</td></tr></table>",
        ],
    },
};

enum Reason {
    Headers,
    NoHeaders,
    MaybeLayout,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Headers => Evaluation::passed("The table has header cells."),
            Reason::NoHeaders => Evaluation::failed(
                "This data table has no header cells: screen readers read its cells without saying which row or column they belong to.",
            ),
            Reason::MaybeLayout => Evaluation::cant_tell(
                "This table has no header cells; if it holds data (not layout), mark the cells that label rows or columns as <th>.",
            ),
        }
    }
}

/// Shape of a table's own rows (not those of nested tables).
struct Shape {
    rows: usize,
    columns: usize,
    headers: bool,
    data_signals: bool,
}

fn shape(cx: &Context, table: NodeId) -> Shape {
    let mut s = Shape { rows: 0, columns: 0, headers: false, data_signals: false };
    let el_named = |id: NodeId, name: &LocalName| cx.snap.element(id).is_some_and(|e| e.is_html(name));
    let mut rows = Vec::new();
    for child in cx.snap.element_children(table) {
        if el_named(child, &local_name!("tr")) {
            rows.push(child);
        } else if el_named(child, &local_name!("thead"))
            || el_named(child, &local_name!("tbody"))
            || el_named(child, &local_name!("tfoot"))
        {
            let section_rows: Vec<NodeId> = cx.snap.element_children(child).filter(|r| el_named(*r, &local_name!("tr"))).collect();
            if !el_named(child, &local_name!("tbody")) && !section_rows.is_empty() {
                s.data_signals = true;
            }
            rows.extend(section_rows);
        } else if el_named(child, &local_name!("caption")) {
            s.data_signals |= !cx.snap.text_content(child).trim().is_empty();
        } else if el_named(child, &local_name!("colgroup")) || el_named(child, &local_name!("col")) {
            s.data_signals = true;
        }
    }
    for row in rows {
        if !common::is_included(cx, row) {
            continue;
        }
        let mut columns = 0usize;
        for cell in cx.snap.element_children(row) {
            let Some(el) = cx.snap.element(cell) else { continue };
            if !(el.is_html(&local_name!("td")) || el.is_html(&local_name!("th"))) {
                continue;
            }
            let span = el.attr(&local_name!("colspan")).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 1000);
            columns = columns.saturating_add(span);
            s.headers |= el.is_html(&local_name!("th"))
                || matches!(cx.tree.role(cell), Some("columnheader" | "rowheader"));
            s.data_signals |= el.has_attr(&local_name!("scope")) || el.has_attr(&local_name!("headers"));
        }
        s.rows += 1;
        s.columns = s.columns.max(columns);
    }
    s
}

/// The rule.
pub struct TableHeaders;

impl Rule for TableHeaders {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::elements(cx)
            .filter(|(id, el)| {
                el.is_html(&local_name!("table")) && common::semantic_role(cx, *id) == Some("table") && common::is_included(cx, *id)
            })
            .filter(|(id, _)| {
                let s = shape(cx, *id);
                s.rows >= 2 && s.columns >= 2
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let s = shape(cx, target);
        let el = cx.snap.element(target);
        let marked = s.data_signals
            || el.is_some_and(|e| e.has_attr(&local_name!("summary")) || common::explicit_role(e) == Some("table"));
        let reason = if s.headers {
            Reason::Headers
        } else if marked {
            Reason::NoHeaders
        } else {
            Reason::MaybeLayout
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
    fn unmarked_tables_are_cant_tell_and_nested_tables_are_separate() {
        let first = |html: &str| outcomes("table-headers", html).first().map(|o| o.0);
        assert_eq!(first("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"), Some(Outcome::CantTell));
        let nested = "<table><tr><th>h</th><th>i</th></tr><tr><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></td><td>x</td></tr></table>";
        let out = outcomes("table-headers", nested);
        let verdicts: Vec<Outcome> = out.iter().map(|o| o.0).collect();
        assert_eq!(verdicts, vec![Outcome::Passed, Outcome::CantTell], "{out:?}");
        assert_eq!(first("<table><thead><tr><td>a</td><td>b</td></tr></thead><tr><td>c</td><td>d</td></tr></table>"), Some(Outcome::Failed));
    }
}
