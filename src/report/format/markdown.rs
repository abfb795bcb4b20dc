//! Markdown, ready to paste into a ticket: a title naming the page(s), the summary line, a table
//! by impact and one by WCAG criterion, then the failures, the needs-review findings and the
//! suppressed ones, by rule: title, impact, WCAG criteria with names, why it matters, how to fix,
//! the documentation link, then each element with its page and line, selector in a code span,
//! message and snippet in a fenced block. A finding repeated on several pages is listed once
//! with its pages. Inputs that could not be read, partial reports and missing stylesheets are
//! listed under "Notes"; findings a baseline already records are marked as known.
//!
//! Page content never leaves its context: text goes through `escape::markdown` (no link, image,
//! HTML tag or emphasis can open), selectors through `escape::markdown_code` (a fence longer than
//! any backtick run), snippets through `escape::markdown_fenced`, table cells escape `|`.

use std::collections::BTreeMap;

use super::escape;
use super::{
    criterion_label, impact_name, is_known, meta, notes, plural, rule_title, unreadable, FormatOptions, Item, Kind,
    Note, RuleGroup, Section, View, IMPACTS,
};
use crate::report::Report;

fn text(out: &mut String, s: &str) {
    escape::markdown(out, s);
}

/// Render the Markdown report.
pub(super) fn render(reports: &[Report], options: &FormatOptions) -> String {
    let view = View::new(reports, options.include_passed);
    let mut out = String::with_capacity(8192);

    out.push_str("# Accessibility report: ");
    match view.pages.as_slice() {
        [one] => {
            escape::markdown_code(&mut out, &one.name, false);
            if let Some(title) = one.report.page.title.as_deref().filter(|t| !t.is_empty()) {
                out.push_str(" (");
                text(&mut out, title);
                out.push(')');
            }
        }
        pages => out.push_str(&plural(pages.len(), "page", "pages")),
    }
    out.push_str("\n\n");
    text(&mut out, &view.summary_line());
    out.push_str("\n\n");
    let checked: Vec<&str> =
        view.pages.iter().filter(|p| unreadable(p.report).is_none()).map(|p| p.name.as_str()).collect();
    if view.pages.len() > 1 && !checked.is_empty() {
        out.push_str("Pages checked: ");
        for (i, name) in checked.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            escape::markdown_code(&mut out, name, false);
        }
        out.push_str("\n\n");
    }
    page_notes(&mut out, &view);

    summary_tables(&mut out, &view);

    let [rep_failed, rep_review, rep_suppressed] = &view.repeated;
    let single = view.pages.len() == 1;
    let any = |k: Kind| view.pages.iter().any(|p| !p.get(k).is_empty());
    for (kind, heading, repeated) in [
        (Kind::Failed, "Failures", Some(rep_failed)),
        (Kind::Review, "Needs review", Some(rep_review)),
        (Kind::Suppressed, "Suppressed", Some(rep_suppressed)),
        (Kind::Passed, "Passed", None),
    ] {
        let has_repeated = repeated.is_some_and(|s| !s.is_empty());
        if !any(kind) && !has_repeated {
            continue;
        }
        out.push_str("## ");
        out.push_str(heading);
        out.push_str("\n\n");
        if kind == Kind::Review {
            out.push_str("A person has to decide these: the checker could not (e.g. colours behind text, a stylesheet it could not load).\n\n");
        }
        if let Some(s) = repeated.filter(|s| !s.is_empty()) {
            out.push_str("### Repeated on several pages\n\n");
            section(&mut out, &view, s, kind, "####");
        }
        for p in &view.pages {
            let s = p.get(kind);
            if s.is_empty() {
                continue;
            }
            if single && !has_repeated {
                section(&mut out, &view, s, kind, "###");
            } else {
                out.push_str("### ");
                escape::markdown_code(&mut out, &p.name, false);
                out.push_str("\n\n");
                section(&mut out, &view, s, kind, "####");
            }
        }
    }
    if view.totals.failed() == 0 && view.totals.review == 0 {
        out.push_str("No failures and nothing to review.\n");
    }
    out
}

/// Inputs not checked, partial reports and missing stylesheets, one list item each.
fn page_notes(out: &mut String, view: &View<'_>) {
    let mut any = false;
    for p in &view.pages {
        for note in notes(p.report) {
            if !any {
                out.push_str("## Notes\n\n");
                any = true;
            }
            out.push_str("- ");
            escape::markdown_code(out, &p.name, false);
            out.push_str(if matches!(note, Note::NotChecked(_)) { ": **" } else { ": " });
            out.push_str(note.label());
            out.push_str(if matches!(note, Note::NotChecked(_)) { "**: " } else { ": " });
            text(out, &note.detail());
            out.push('\n');
        }
    }
    if any {
        out.push('\n');
    }
}

fn summary_tables(out: &mut String, view: &View<'_>) {
    // Occurrences per impact and per criterion (not de-duplicated: they are what to fix).
    let mut review_by_impact = [0usize; 4];
    let mut by_sc: BTreeMap<(Vec<u32>, String), (usize, usize)> = BTreeMap::new();
    for p in &view.pages {
        for f in &p.report.results {
            let k = super::kind(f);
            if !matches!(k, Kind::Failed | Kind::Review) {
                continue;
            }
            if k == Kind::Review {
                review_by_impact[super::impact_index(f.impact)] += 1;
            }
            let scs: Vec<&str> = if f.wcag.is_empty() { vec![""] } else { f.wcag.iter().map(String::as_str).collect() };
            for sc in scs {
                // Sort criteria numerically: 1.4.3 before 1.4.10.
                let key = (sc.split('.').map(|n| n.parse().unwrap_or(u32::MAX)).collect(), sc.to_string());
                let e = by_sc.entry(key).or_insert((0, 0));
                if k == Kind::Failed {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    out.push_str("## Summary by impact\n\n| Impact | Failures | Needs review |\n| --- | ---: | ---: |\n");
    for (i, impact) in IMPACTS.iter().enumerate() {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            impact_name(*impact),
            view.totals.failed_by_impact[i],
            review_by_impact[i]
        ));
    }
    out.push_str(&format!(
        "| **Total** | **{}** | **{}** |\n\n",
        view.totals.failed(),
        view.totals.review
    ));
    out.push_str("## Summary by WCAG criterion\n\n");
    if by_sc.is_empty() {
        out.push_str("No failures and nothing to review.\n\n");
        return;
    }
    out.push_str("| WCAG criterion | Failures | Needs review |\n| --- | ---: | ---: |\n");
    for ((_, sc), (failed, review)) in &by_sc {
        out.push_str("| ");
        if sc.is_empty() {
            out.push_str("Best practice (no WCAG criterion)");
        } else {
            // Our own table's names, but escaped anyway: a report read back may name anything.
            text(out, &criterion_label(sc));
        }
        out.push_str(&format!(" | {failed} | {review} |\n"));
    }
    out.push('\n');
}

fn rule_heading(out: &mut String, g: &RuleGroup<'_>, kind: Kind, level: &str) {
    out.push_str(level);
    out.push(' ');
    text(out, rule_title(g.rule));
    out.push_str(" (");
    escape::markdown_code(out, g.rule, false);
    out.push_str(")\n\n");
    let first = g.items.first().map(|i| i.first());
    out.push_str("- **Impact:** ");
    out.push_str(impact_name(g.impact));
    if kind == Kind::Review {
        out.push_str(" (needs review)");
    }
    out.push('\n');
    if let Some(f) = first {
        if !f.wcag.is_empty() {
            out.push_str("- **WCAG:** ");
            for (i, sc) in f.wcag.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                text(out, &criterion_label(sc));
            }
            out.push('\n');
        }
    }
    match meta(g.rule) {
        Some(m) => {
            out.push_str("- **Why it matters:** ");
            text(out, m.help);
            out.push_str("\n- **How to fix:** ");
            text(out, m.fix);
            out.push_str("\n- **Rule documentation:** <");
            out.push_str(&m.help_url());
            out.push_str(">\n");
        }
        None => {
            if let Some(f) = first {
                out.push_str("- **How to fix:** ");
                text(out, &f.help);
                out.push('\n');
            }
        }
    }
    out.push('\n');
}

/// Pages listed for a repeated finding before "and N more".
const PAGES_LISTED: usize = 25;

fn item(out: &mut String, view: &View<'_>, it: &Item<'_>, n: usize) {
    let f = it.first();
    out.push_str(&format!("{n}. "));
    escape::markdown_code(out, &f.selector, false);
    let pages = view.pages_of(it);
    if it.occurrences.len() == 1 {
        if view.pages.len() > 1 {
            out.push_str(" in ");
            escape::markdown_code(out, pages.first().copied().unwrap_or(""), false);
        }
        if f.line > 0 {
            out.push_str(&format!(" (line {})", f.line));
        }
    } else {
        out.push_str(&format!(" — on {}: ", plural(pages.len(), "page", "pages")));
        for (i, o) in it.occurrences.iter().take(PAGES_LISTED).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let name = view.pages.get(o.report).map_or("", |p| p.name.as_str());
            escape::markdown_code(out, name, false);
            if o.finding.line > 0 {
                out.push_str(&format!(" line {}", o.finding.line));
            }
            if is_known(o.finding) {
                out.push_str(" (known)");
            }
        }
        if it.occurrences.len() > PAGES_LISTED {
            out.push_str(&format!(" and {} more", it.occurrences.len() - PAGES_LISTED));
        }
    }
    if it.occurrences.len() == 1 && is_known(f) {
        out.push_str(" — known: in the baseline");
    }
    out.push_str("\n\n   ");
    text(out, &f.message);
    out.push_str("\n\n");
    if !f.snippet.is_empty() {
        // Indented by three spaces: the fence stays inside the list item.
        let mut block = String::with_capacity(f.snippet.len() + 16);
        escape::markdown_fenced(&mut block, &f.snippet, "html");
        for line in block.lines() {
            out.push_str("   ");
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
}

fn section(out: &mut String, view: &View<'_>, s: &Section<'_>, kind: Kind, level: &str) {
    if matches!(kind, Kind::Suppressed | Kind::Passed) {
        return compact(out, view, s);
    }
    for g in &s.groups {
        rule_heading(out, g, kind, level);
        for (i, it) in g.items.iter().enumerate() {
            item(out, view, it, i + 1);
        }
    }
}

/// Suppressed and passed findings: one list item each.
fn compact(out: &mut String, view: &View<'_>, s: &Section<'_>) {
    for g in &s.groups {
        for it in &g.items {
            let f = it.first();
            out.push_str("- ");
            escape::markdown_code(out, g.rule, false);
            out.push(' ');
            escape::markdown_code(out, &f.selector, false);
            for (i, o) in it.occurrences.iter().take(PAGES_LISTED).enumerate() {
                out.push_str(if i == 0 { " in " } else { ", " });
                let name = view.pages.get(o.report).map_or("", |p| p.name.as_str());
                escape::markdown_code(out, name, false);
                if o.finding.line > 0 {
                    out.push_str(&format!(" line {}", o.finding.line));
                }
            }
            if it.occurrences.len() > PAGES_LISTED {
                out.push_str(&format!(" and {} more", it.occurrences.len() - PAGES_LISTED));
            }
            out.push_str(": ");
            text(out, &f.message);
            out.push('\n');
        }
    }
    out.push('\n');
}
