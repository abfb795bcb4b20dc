//! The text format, for terminals and CI logs: grouped by file then rule, each finding with
//! `file:line`, selector, snippet and message, each rule with impact, WCAG criteria and the fix
//! hint; needs review listed apart from failures; suppressed findings on one compact line each;
//! findings repeated on several pages shown once with their pages; one summary line at the end.
//! ANSI colour only when asked. Page content goes through `escape::terminal`, so a page can't
//! send escape sequences to the terminal.

use super::escape;
use super::{
    criterion_label, impact_name, is_known, notes, rule_title, FormatOptions, Item, Kind, Note, RuleGroup, Section, View,
};
use crate::report::Report;

/// ANSI styles, or nothing without colour.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, out: &mut String, code: &str, text: &str) {
        if self.on {
            out.push_str("\x1b[");
            out.push_str(code);
            out.push('m');
            out.push_str(text);
            out.push_str("\x1b[0m");
        } else {
            out.push_str(text);
        }
    }
}

const BOLD: &str = "1";
const DIM: &str = "2";
const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";
const CYAN: &str = "36";

fn safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape::terminal(&mut out, s);
    out
}

/// Render the text report.
pub(super) fn render(reports: &[Report], options: &FormatOptions) -> String {
    let view = View::new(reports, options.include_passed);
    let paint = Paint { on: options.color };
    let mut out = String::with_capacity(4096);
    for page in &view.pages {
        let notes = notes(page.report);
        if page.failed.is_empty() && page.review.is_empty() && page.suppressed.is_empty() && page.passed.is_empty() && notes.is_empty() {
            continue;
        }
        paint.wrap(&mut out, BOLD, &safe(&page.name));
        out.push('\n');
        for note in &notes {
            out.push_str("  ");
            let label = format!("{}:", note.label());
            if matches!(note, Note::NotChecked(_)) {
                paint.wrap(&mut out, RED, &label);
            } else {
                out.push_str("note: ");
                out.push_str(&label);
            }
            out.push(' ');
            out.push_str(&safe(&note.detail()));
            out.push('\n');
        }
        section(&mut out, &paint, &view, &page.failed, Kind::Failed, "  ");
        if !page.review.is_empty() {
            out.push_str("  ");
            paint.wrap(&mut out, YELLOW, "needs review");
            out.push('\n');
            section(&mut out, &paint, &view, &page.review, Kind::Review, "    ");
        }
        compact(&mut out, &paint, &view, &page.suppressed, Kind::Suppressed, "  ");
        compact(&mut out, &paint, &view, &page.passed, Kind::Passed, "  ");
        out.push('\n');
    }
    let [failed, review, suppressed] = &view.repeated;
    if !(failed.is_empty() && review.is_empty() && suppressed.is_empty()) {
        paint.wrap(&mut out, BOLD, "Repeated on several pages");
        out.push('\n');
        section(&mut out, &paint, &view, failed, Kind::Failed, "  ");
        if !review.is_empty() {
            out.push_str("  ");
            paint.wrap(&mut out, YELLOW, "needs review");
            out.push('\n');
            section(&mut out, &paint, &view, review, Kind::Review, "    ");
        }
        compact(&mut out, &paint, &view, suppressed, Kind::Suppressed, "  ");
        out.push('\n');
    }
    let line = view.summary_line();
    let code = if view.totals.failed() > 0 { RED } else { GREEN };
    paint.wrap(&mut out, code, &line);
    out.push('\n');
    out
}

/// Pages listed for a repeated finding before "and N more".
const PAGES_LISTED: usize = 10;

/// `file:line`; for a finding on several pages "on N pages: a:1, b:2, … and K more".
fn locations(view: &View<'_>, item: &Item<'_>) -> String {
    let at = |o: &super::Occurrence<'_>| {
        let name = view.pages.get(o.report).map_or("", |p| p.name.as_str());
        if o.finding.line > 0 {
            format!("{}:{}", safe(name), o.finding.line)
        } else {
            safe(name)
        }
    };
    match item.occurrences.as_slice() {
        [one] => at(one),
        many => {
            let list: Vec<String> = many
                .iter()
                .take(PAGES_LISTED)
                .map(|o| if is_known(o.finding) { format!("{} (known)", at(o)) } else { at(o) })
                .collect();
            let mut s = format!("on {} pages: {}", view.pages_of(item).len(), list.join(", "));
            if many.len() > PAGES_LISTED {
                s.push_str(&format!(" … and {} more", many.len() - PAGES_LISTED));
            }
            s
        }
    }
}

fn rule_header(out: &mut String, paint: &Paint, g: &RuleGroup<'_>, kind: Kind, indent: &str) {
    out.push_str(indent);
    let (mark, code) = if kind == Kind::Failed { ("✗ ", RED) } else { ("? ", YELLOW) };
    paint.wrap(out, code, mark);
    paint.wrap(out, BOLD, &safe(g.rule));
    out.push_str(" · ");
    out.push_str(&safe(rule_title(g.rule)));
    out.push_str(" · ");
    out.push_str(impact_name(g.impact));
    if let Some(f) = g.items.first().map(|i| i.first()) {
        for sc in &f.wcag {
            out.push_str(" · WCAG ");
            out.push_str(&safe(&criterion_label(sc)));
        }
        out.push('\n');
        if !f.help.is_empty() {
            out.push_str(indent);
            out.push_str("  ");
            paint.wrap(out, GREEN, "fix:");
            out.push(' ');
            out.push_str(&safe(&f.help));
            out.push('\n');
        }
    } else {
        out.push('\n');
    }
}

fn section(out: &mut String, paint: &Paint, view: &View<'_>, s: &Section<'_>, kind: Kind, indent: &str) {
    for g in &s.groups {
        rule_header(out, paint, g, kind, indent);
        for item in &g.items {
            let f = item.first();
            out.push_str(indent);
            out.push_str("  ");
            if item.occurrences.len() == 1 {
                out.push_str(&locations(view, item));
                out.push_str("  ");
                paint.wrap(out, CYAN, &safe(&f.selector));
            } else {
                paint.wrap(out, CYAN, &safe(&f.selector));
                out.push_str("  ");
                out.push_str(&locations(view, item));
            }
            if item.occurrences.len() == 1 && is_known(f) {
                out.push_str("  ");
                paint.wrap(out, DIM, "(known: in the baseline)");
            }
            out.push('\n');
            if !f.snippet.is_empty() {
                out.push_str(indent);
                out.push_str("    ");
                paint.wrap(out, DIM, &safe(&f.snippet));
                out.push('\n');
            }
            out.push_str(indent);
            out.push_str("    ");
            out.push_str(&safe(&f.message));
            out.push('\n');
        }
    }
}

/// One line per finding: suppressed and passed ones.
fn compact(out: &mut String, paint: &Paint, view: &View<'_>, s: &Section<'_>, kind: Kind, indent: &str) {
    let (label, code) = if kind == Kind::Suppressed { ("suppressed", DIM) } else { ("passed", GREEN) };
    for g in &s.groups {
        for item in &g.items {
            let f = item.first();
            let mut line = String::with_capacity(128);
            line.push_str(label);
            line.push_str(": ");
            line.push_str(&safe(g.rule));
            line.push(' ');
            line.push_str(&locations(view, item));
            line.push(' ');
            line.push_str(&safe(&f.selector));
            line.push_str(" — ");
            line.push_str(&safe(&f.message));
            out.push_str(indent);
            paint.wrap(out, code, &line);
            out.push('\n');
        }
    }
}
