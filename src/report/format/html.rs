//! The HTML report: one self-contained file (inline CSS, no script, no external request) that
//! QA can attach to a ticket, filterable by impact and by rule with CSS only (radio buttons and
//! `:checked ~` selectors), and that itself passes curbcut with zero findings.
//!
//! Safety: every piece of page or report content goes through `escape::html` (text and quoted
//! attributes alike); class names and ids are our own (impact names, rule indexes), never page
//! text; links point only at the registry's documentation URLs, never at a URL from the report.
//! A Content-Security-Policy `<meta>` (`default-src 'none'; style-src 'unsafe-inline'`) makes sure
//! that even an escaping mistake couldn't run script or fetch anything.

use std::collections::HashMap;

use super::escape;
use super::{
    criterion_label, impact_name, meta, plural, rule_title, FormatOptions, Item, Kind, RuleGroup, Section,
    View, IMPACTS,
};
use crate::report::Report;

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// Colours are solid and meet 4.5:1 (most 7:1) against their backgrounds: the report must pass
/// the contrast rules it reports on.
const STYLE: &str = "\
*{box-sizing:border-box}
body{margin:0;background:#ffffff;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.8rem;margin:.5rem 0}
h2{font-size:1.4rem;margin:2rem 0 .5rem;border-bottom:2px solid #d0d0d0}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
h4{font-size:1.1rem;margin:1.25rem 0 .5rem}
a{color:#0645ad}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
code{background:#f0f0f0;color:#1a1a1a;padding:0 .2rem;word-break:break-all}
pre{background:#f0f0f0;color:#1a1a1a;padding:.5rem .75rem;margin:.25rem 0;white-space:pre-wrap;word-break:break-all;border-left:4px solid #767676}
pre code{padding:0}
table{border-collapse:collapse;margin:.5rem 0 1rem}
th,td{border:1px solid #b0b0b0;padding:.25rem .75rem;text-align:left}
td.n{text-align:right}
.summary{font-weight:600}
.badge{display:inline-block;padding:0 .5rem;border-radius:.25rem;background:#3d4f5c;color:#ffffff;font-size:.85rem;font-weight:600}
.b-critical{background:#7a0010}
.b-serious{background:#8a3b00}
.b-moderate{background:#5c4700}
.b-minor{background:#2f4454}
.b-review{background:#4b3c78}
.b-suppressed{background:#555555}
.b-passed{background:#1e5c2e}
.filters{margin:.75rem 0 .25rem;font-weight:600}
input[type=radio]{margin:.25rem .25rem .25rem 0}
label{margin-right:1rem}
.g{border-left:4px solid #b0b0b0;padding-left:1rem;margin:1rem 0}
.g.i-critical{border-left-color:#7a0010}
.g.i-serious{border-left-color:#8a3b00}
.g.i-moderate{border-left-color:#5c4700}
.g.i-minor{border-left-color:#2f4454}
.meta{margin:.25rem 0}
ol.items>li{margin:.75rem 0}
ol.items p{margin:.25rem 0}
";

fn esc(out: &mut String, s: &str) {
    escape::html(out, s);
}

/// Rule ids in first-seen order with their number of (unpassed) occurrences, and each id's
/// index: the index names the filter's radio button and the group's class.
struct RuleIndex<'a> {
    ids: Vec<(&'a str, usize)>,
    index: HashMap<&'a str, usize>,
}

impl<'a> RuleIndex<'a> {
    fn new(reports: &'a [Report], include_passed: bool) -> RuleIndex<'a> {
        let mut ids: Vec<(&'a str, usize)> = Vec::new();
        let mut index = HashMap::new();
        for r in reports {
            for f in &r.results {
                let passed = super::kind(f) == Kind::Passed;
                if passed && !include_passed {
                    continue;
                }
                let i = *index.entry(f.rule.as_str()).or_insert_with(|| {
                    ids.push((f.rule.as_str(), 0));
                    ids.len() - 1
                });
                if !passed {
                    if let Some(e) = ids.get_mut(i) {
                        e.1 += 1;
                    }
                }
            }
        }
        RuleIndex { ids, index }
    }

    fn of(&self, rule: &str) -> usize {
        self.index.get(rule).copied().unwrap_or(0)
    }
}

/// Render the HTML report.
pub(super) fn render(reports: &[Report], options: &FormatOptions) -> String {
    let view = View::new(reports, options.include_passed);
    let rules = RuleIndex::new(reports, options.include_passed);
    let mut out = String::with_capacity(16384);

    let page_label = match view.pages.as_slice() {
        [one] => one.name.clone(),
        pages => plural(pages.len(), "page", "pages"),
    };
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(CSP);
    out.push_str("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"curbcut ");
    esc(&mut out, crate::version());
    out.push_str("\">\n<title>Accessibility report: ");
    esc(&mut out, &page_label);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    filter_css(&mut out, &rules);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>Accessibility report: ");
    esc(&mut out, &page_label);
    out.push_str("</h1>\n");
    if let [one] = view.pages.as_slice() {
        if let Some(t) = one.report.page.title.as_deref().filter(|t| !t.is_empty()) {
            out.push_str("<p>Page title: ");
            esc(&mut out, t);
            out.push_str("</p>\n");
        }
    }
    out.push_str("<p class=\"summary\">");
    esc(&mut out, &view.summary_line());
    out.push_str("</p>\n");
    notes(&mut out, &view);
    summary_table(&mut out, &view);

    // The radio buttons must be siblings of `.results` for the `:checked ~` selectors, so they
    // sit directly in <main>, each followed by its label.
    out.push_str("<h2 id=\"filters\">Filter</h2>\n");
    out.push_str("<p class=\"filters\">By impact:</p>\n");
    radio(&mut out, "impact", "impact-all", "All impacts", true);
    for (i, impact) in IMPACTS.iter().enumerate() {
        let n = view.totals.failed_by_impact[i];
        let id = format!("impact-{}", impact_name(*impact));
        let label = format!("{} ({n} failed)", capitalise(impact_name(*impact)));
        radio(&mut out, "impact", &id, &label, false);
    }
    out.push_str("<p class=\"filters\">By rule:</p>\n");
    radio(&mut out, "rule", "rule-all", "All rules", true);
    for (i, (id, n)) in rules.ids.iter().enumerate() {
        radio(&mut out, "rule", &format!("rule-{i}"), &format!("{id} ({n})"), false);
    }
    out.push_str("<div class=\"results\">\n");

    let [rep_failed, rep_review, rep_suppressed] = &view.repeated;
    let single = view.pages.len() == 1;
    for (kind, heading, repeated) in [
        (Kind::Failed, "Failures", Some(rep_failed)),
        (Kind::Review, "Needs review", Some(rep_review)),
        (Kind::Suppressed, "Suppressed", Some(rep_suppressed)),
        (Kind::Passed, "Passed", None),
    ] {
        let has_repeated = repeated.is_some_and(|s| !s.is_empty());
        let sections: Vec<(&str, &Section<'_>)> = view
            .pages
            .iter()
            .map(|p| (p.name.as_str(), p.get(kind)))
            .filter(|(_, s)| !s.is_empty())
            .collect();
        if sections.is_empty() && !has_repeated {
            continue;
        }
        out.push_str("<h2>");
        out.push_str(heading);
        out.push_str("</h2>\n");
        if kind == Kind::Review {
            out.push_str("<p>A person has to decide these: the checker could not (e.g. colours behind text, a stylesheet it could not load).</p>\n");
        }
        if let Some(s) = repeated.filter(|s| !s.is_empty()) {
            out.push_str("<h3>Repeated on several pages</h3>\n");
            section(&mut out, &view, &rules, s, kind, 4);
        }
        for (name, s) in sections {
            if single && !has_repeated {
                section(&mut out, &view, &rules, s, kind, 3);
            } else {
                out.push_str("<h3>");
                esc(&mut out, name);
                out.push_str("</h3>\n");
                section(&mut out, &view, &rules, s, kind, 4);
            }
        }
    }
    if view.totals.failed() == 0 && view.totals.review == 0 {
        out.push_str("<p>No failures and nothing to review.</p>\n");
    }
    out.push_str("</div>\n</main>\n</body>\n</html>\n");
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// CSS that hides the groups a checked filter excludes. Ids and classes are ours only.
fn filter_css(out: &mut String, rules: &RuleIndex<'_>) {
    for impact in IMPACTS {
        let n = impact_name(impact);
        out.push_str(&format!("#impact-{n}:checked~.results .g:not(.i-{n}){{display:none}}\n"));
    }
    for i in 0..rules.ids.len() {
        out.push_str(&format!("#rule-{i}:checked~.results .g:not(.r-{i}){{display:none}}\n"));
    }
}

fn radio(out: &mut String, name: &str, id: &str, label: &str, checked: bool) {
    out.push_str("<input type=\"radio\" name=\"");
    out.push_str(name);
    out.push_str("\" id=\"");
    esc(out, id);
    out.push('"');
    if checked {
        out.push_str(" checked");
    }
    out.push_str("><label for=\"");
    esc(out, id);
    out.push_str("\">");
    esc(out, label);
    out.push_str("</label>\n");
}

fn notes(out: &mut String, view: &View<'_>) {
    for p in &view.pages {
        for note in super::notes(p.report) {
            out.push_str("<p>");
            esc(out, &capitalise(note.label()));
            out.push_str(": ");
            esc(out, &p.name);
            out.push_str(": ");
            esc(out, &note.detail());
            out.push_str("</p>\n");
        }
    }
}

fn summary_table(out: &mut String, view: &View<'_>) {
    let mut review = [0usize; 4];
    for p in &view.pages {
        for f in &p.report.results {
            if super::kind(f) == Kind::Review {
                review[super::impact_index(f.impact)] += 1;
            }
        }
    }
    out.push_str("<h2>Summary</h2>\n<table>\n<caption>Findings by impact</caption>\n");
    out.push_str("<thead><tr><th scope=\"col\">Impact</th><th scope=\"col\">Failures</th><th scope=\"col\">Needs review</th></tr></thead>\n<tbody>\n");
    for (i, impact) in IMPACTS.iter().enumerate() {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            impact_name(*impact),
            view.totals.failed_by_impact[i],
            review[i]
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn badge(out: &mut String, class: &str, text: &str) {
    out.push_str("<span class=\"badge b-");
    out.push_str(class);
    out.push_str("\">");
    esc(out, text);
    out.push_str("</span>");
}

fn group_open(out: &mut String, g: &RuleGroup<'_>, kind: Kind, level: u8, rules: &RuleIndex<'_>) {
    out.push_str(&format!(
        "<section class=\"g i-{} r-{}\">\n<h{level}>",
        impact_name(g.impact),
        rules.of(g.rule)
    ));
    esc(out, rule_title(g.rule));
    out.push_str(" <code>");
    esc(out, g.rule);
    out.push_str("</code></h");
    out.push((b'0' + level) as char);
    out.push_str(">\n<p class=\"meta\">");
    badge(out, impact_name(g.impact), impact_name(g.impact));
    match kind {
        Kind::Review => {
            out.push(' ');
            badge(out, "review", "needs review");
        }
        Kind::Suppressed => {
            out.push(' ');
            badge(out, "suppressed", "suppressed");
        }
        Kind::Passed => {
            out.push(' ');
            badge(out, "passed", "passed");
        }
        Kind::Failed => {}
    }
    if let Some(f) = g.items.first().map(|i| i.first()) {
        for sc in &f.wcag {
            out.push_str(" WCAG ");
            esc(out, &criterion_label(sc));
            out.push('.');
        }
    }
    out.push_str("</p>\n");
    match meta(g.rule) {
        Some(m) => {
            out.push_str("<p><strong>Why it matters:</strong> ");
            esc(out, m.help);
            out.push_str("</p>\n<p><strong>How to fix:</strong> ");
            esc(out, m.fix);
            out.push_str("</p>\n<p><a href=\"");
            esc(out, &m.help_url());
            out.push_str("\">Documentation of the ");
            esc(out, m.id);
            out.push_str(" rule</a></p>\n");
        }
        None => {
            if let Some(f) = g.items.first().map(|i| i.first()).filter(|f| !f.help.is_empty()) {
                out.push_str("<p><strong>How to fix:</strong> ");
                esc(out, &f.help);
                out.push_str("</p>\n");
            }
        }
    }
}

fn item(out: &mut String, view: &View<'_>, it: &Item<'_>) {
    let f = it.first();
    out.push_str("<li><p><code>");
    esc(out, &f.selector);
    out.push_str("</code> ");
    let name_of = |r: usize| view.pages.get(r).map_or("", |p| p.name.as_str());
    if it.occurrences.len() == 1 {
        if view.pages.len() > 1 {
            out.push_str("in ");
            esc(out, name_of(it.occurrences.first().map_or(0, |o| o.report)));
            out.push(' ');
        }
        if f.line > 0 {
            out.push_str(&format!("(line {})", f.line));
        }
    } else {
        let pages = view.pages_of(it).len();
        out.push_str(&format!("on {}: ", plural(pages, "page", "pages")));
        for (i, o) in it.occurrences.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            esc(out, name_of(o.report));
            if o.finding.line > 0 {
                out.push_str(&format!(" line {}", o.finding.line));
            }
            if super::is_known(o.finding) {
                out.push_str(" (known)");
            }
        }
    }
    if it.occurrences.len() == 1 && super::is_known(f) {
        out.push(' ');
        badge(out, "suppressed", "known: in the baseline");
    }
    out.push_str("</p>\n<p>");
    esc(out, &f.message);
    out.push_str("</p>\n");
    if !f.snippet.is_empty() {
        out.push_str("<pre><code>");
        esc(out, &f.snippet);
        out.push_str("</code></pre>\n");
    }
    out.push_str("</li>\n");
}

fn section(out: &mut String, view: &View<'_>, rules: &RuleIndex<'_>, s: &Section<'_>, kind: Kind, level: u8) {
    for g in &s.groups {
        group_open(out, g, kind, level, rules);
        out.push_str("<ol class=\"items\">\n");
        for it in &g.items {
            item(out, view, it);
        }
        out.push_str("</ol>\n</section>\n");
    }
}
