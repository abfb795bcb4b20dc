//! The HTML table model (HTML "forming a table") and the header-cell assignment algorithm
//! ("internal algorithm for scanning and assigning header cells"), plus a column/row model of
//! ARIA tables; shared by the table rules. Building is linear in the number of slots, which
//! is capped: a table too large for the cap has no model (rules then say `cantTell`).

use std::collections::HashMap;

use crate::dom::{local_name, LocalName, NodeId, Snapshot};

/// Slots (columns × rows) a table may have before we give up on modelling it.
const MAX_SLOTS: usize = 200_000;

/// Slot visits the header scans may make.
const MAX_SCAN: usize = 5_000_000;

/// One cell of the grid.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    /// The `td`/`th` element (or ARIA cell).
    pub id: NodeId,
    /// Anchor column.
    pub x: usize,
    /// Anchor row.
    pub y: usize,
    /// Columns spanned.
    pub w: usize,
    /// Rows spanned.
    pub h: usize,
    /// A `th` (a header cell in HTML's sense).
    pub header: bool,
}

/// A table's cells on their slots.
pub(crate) struct Grid {
    /// Cells in tree order.
    pub cells: Vec<Cell>,
    /// `rows[y][x]`: index into `cells` of the cell covering the slot.
    rows: Vec<Vec<Option<usize>>>,
}

fn span(value: Option<&str>, default: usize, min: usize, max: usize) -> usize {
    value
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(default, |n| n.clamp(min, max))
}

impl Grid {
    /// The HTML table model of the `table` element `table`; `None` when too large.
    pub(crate) fn html(snap: &Snapshot, table: NodeId) -> Option<Grid> {
        let is = |id: NodeId, name: &LocalName| snap.element(id).is_some_and(|e| e.is_html(name));
        // Row groups in order: consecutive direct `tr`s form one group; tfoot goes last.
        let mut groups: Vec<Vec<NodeId>> = Vec::new();
        let mut feet: Vec<Vec<NodeId>> = Vec::new();
        let mut loose: Vec<NodeId> = Vec::new();
        for child in snap.element_children(table) {
            if is(child, &local_name!("tr")) {
                loose.push(child);
                continue;
            }
            if !loose.is_empty() {
                groups.push(std::mem::take(&mut loose));
            }
            if is(child, &local_name!("thead")) || is(child, &local_name!("tbody")) {
                groups.push(snap.element_children(child).filter(|r| is(*r, &local_name!("tr"))).collect());
            } else if is(child, &local_name!("tfoot")) {
                feet.push(snap.element_children(child).filter(|r| is(*r, &local_name!("tr"))).collect());
            }
        }
        if !loose.is_empty() {
            groups.push(loose);
        }
        groups.extend(feet);

        let mut grid = Grid { cells: Vec::new(), rows: Vec::new() };
        let mut slots = 0usize;
        let mut y = 0usize;
        for group in groups {
            let group_end = y + group.len();
            for tr in group {
                let mut x = 0usize;
                for cell in snap.element_children(tr) {
                    let Some(el) = snap.element(cell) else { continue };
                    if !(el.is_html(&local_name!("td")) || el.is_html(&local_name!("th"))) {
                        continue;
                    }
                    while grid.at(x, y).is_some() {
                        x += 1;
                    }
                    let w = span(el.attr(&local_name!("colspan")), 1, 1, 1000);
                    let mut h = span(el.attr(&local_name!("rowspan")), 1, 0, 65534);
                    if h == 0 {
                        h = group_end.saturating_sub(y).max(1);
                    }
                    slots = slots.saturating_add(w.saturating_mul(h));
                    if slots > MAX_SLOTS {
                        return None;
                    }
                    let index = grid.cells.len();
                    grid.cells.push(Cell { id: cell, x, y, w, h, header: el.is_html(&local_name!("th")) });
                    for yy in y..y + h {
                        if grid.rows.len() <= yy {
                            grid.rows.resize_with(yy + 1, Vec::new);
                        }
                        if let Some(row) = grid.rows.get_mut(yy) {
                            if row.len() < x + w {
                                row.resize(x + w, None);
                            }
                            for slot in row.iter_mut().skip(x).take(w) {
                                if slot.is_none() {
                                    *slot = Some(index);
                                }
                            }
                        }
                    }
                    x += w;
                }
                y += 1;
            }
        }
        Some(grid)
    }

    /// The cell covering slot (x, y).
    pub(crate) fn at(&self, x: usize, y: usize) -> Option<usize> {
        self.rows.get(y).and_then(|r| r.get(x)).copied().flatten()
    }

    /// The `scope` attribute, trimmed (compared ASCII case-insensitively by the caller).
    fn scope<'s>(snap: &'s Snapshot, cell: &Cell) -> &'s str {
        snap.element(cell.id).and_then(|e| e.attr(&local_name!("scope"))).map_or("", str::trim)
    }

    /// No data cell (`td`) covers any slot of rows `y..y+h` (or of columns, `by_row` false).
    fn no_data_cells(&self, from: usize, len: usize, by_row: bool) -> bool {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let height = self.rows.len();
        (from..from + len).all(|i| {
            let n = if by_row { width } else { height };
            (0..n).all(|j| {
                let (x, y) = if by_row { (j, i) } else { (i, j) };
                self.at(x, y).and_then(|c| self.cells.get(c)).is_none_or(|c| c.header)
            })
        })
    }

    /// HTML "column header" / "row header" of header cells (auto scope decided by the grid).
    fn header_kinds(&self, snap: &Snapshot) -> Vec<(bool, bool)> {
        // Memoise the row/column "no data cells" tests.
        let mut rows: HashMap<(usize, usize), bool> = HashMap::new();
        let mut cols: HashMap<(usize, usize), bool> = HashMap::new();
        self.cells
            .iter()
            .map(|c| {
                if !c.header {
                    return (false, false);
                }
                let scope = Self::scope(snap, c);
                let is = |word: &str| scope.eq_ignore_ascii_case(word);
                if is("col") {
                    (true, false)
                } else if is("row") {
                    (false, true)
                } else if is("rowgroup") || is("colgroup") {
                    (false, false)
                } else {
                    let col = *rows.entry((c.y, c.h)).or_insert_with(|| self.no_data_cells(c.y, c.h, true));
                    let row = !col && *cols.entry((c.x, c.w)).or_insert_with(|| self.no_data_cells(c.x, c.w, false));
                    (col, row)
                }
            })
            .collect()
    }

    /// For each cell (by index), the indices of the header cells assigned to it; `None` when
    /// the scans would be too long (each cell scans its row and column).
    pub(crate) fn assigned_headers(&self, snap: &Snapshot) -> Option<Vec<Vec<usize>>> {
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        if self.cells.len().saturating_mul(width + self.rows.len()) > MAX_SCAN {
            return None;
        }
        let kinds = self.header_kinds(snap);
        // Cell index by element, for `headers` attributes only: built when the first one is met.
        let mut index_of: Option<HashMap<NodeId, usize>> = None;
        // Whether a cell is empty (no element, only whitespace text), found once per cell: the
        // header cells are asked about from every cell they label.
        let mut empty: Vec<Option<bool>> = vec![None; self.cells.len()];
        let mut is_empty = |i: usize| -> bool {
            let Some(c) = self.cells.get(i) else { return false };
            *empty.get_mut(i).unwrap_or(&mut None).get_or_insert_with(|| {
                snap.descendants(c.id).all(|d| snap.element(d).is_none() && snap.text(d).is_none_or(|t| t.trim().is_empty()))
            })
        };
        self.cells
            .iter()
            .enumerate()
            .map(|(pi, p)| {
                let mut list: Vec<usize> = Vec::new();
                let headers_attr = snap.element(p.id).and_then(|e| e.attr(&local_name!("headers")));
                if let Some(attr) = headers_attr {
                    let index_of = index_of
                        .get_or_insert_with(|| self.cells.iter().enumerate().map(|(i, c)| (c.id, i)).collect());
                    for token in attr.split_ascii_whitespace() {
                        if let Some(i) = snap.by_id(token).and_then(|n| index_of.get(&n)) {
                            list.push(*i);
                        }
                    }
                } else {
                    for y in p.y..p.y + p.h {
                        self.scan(pi, p.x, y, true, &kinds, &mut list);
                    }
                    for x in p.x..p.x + p.w {
                        self.scan(pi, x, p.y, false, &kinds, &mut list);
                    }
                }
                // First occurrences only: the lists are short, a scan beats a set per cell.
                let mut kept: Vec<usize> = Vec::with_capacity(list.len());
                for i in list {
                    if i != pi && !kept.contains(&i) && self.cells.get(i).is_some() && !is_empty(i) {
                        kept.push(i);
                    }
                }
                kept
            })
            .collect::<Vec<_>>()
            .into()
    }

    /// The scan left (`leftwards`) or up from (x, y) for the principal cell `pi`.
    fn scan(&self, pi: usize, x: usize, y: usize, leftwards: bool, kinds: &[(bool, bool)], list: &mut Vec<usize>) {
        let Some(principal) = self.cells.get(pi) else { return };
        let mut opaque: Vec<usize> = Vec::new();
        let mut in_block = principal.header;
        let mut block: Vec<usize> = if principal.header { vec![pi] } else { Vec::new() };
        let (mut x, mut y) = (x, y);
        loop {
            if leftwards {
                let Some(nx) = x.checked_sub(1) else { break };
                x = nx;
            } else {
                let Some(ny) = y.checked_sub(1) else { break };
                y = ny;
            }
            let Some(ci) = self.at(x, y) else { continue };
            let Some(cell) = self.cells.get(ci) else { continue };
            if cell.header {
                in_block = true;
                block.push(ci);
                let (col, row) = kinds.get(ci).copied().unwrap_or((false, false));
                let blocked = if leftwards {
                    !row || opaque.iter().filter_map(|o| self.cells.get(*o)).any(|o| o.y == cell.y && o.h == cell.h)
                } else {
                    !col || opaque.iter().filter_map(|o| self.cells.get(*o)).any(|o| o.x == cell.x && o.w == cell.w)
                };
                if !blocked {
                    list.push(ci);
                }
            } else if in_block {
                in_block = false;
                opaque.append(&mut block);
            }
        }
    }
}
