//! Presenters: every output format of a check, rendered in Rust so the CLI, the wasm package and
//! any other front end print exactly the same thing. One page is one [`Report`]; a CI run over
//! many files passes many reports, each with `page.url` set to the file's path.
//!
//! This module owns the [`Format`] names, [`FormatOptions`], the entry point [`format_reports`],
//! and the grouping shared by the human formats (text, Markdown, HTML): findings sorted into
//! failures, needs review (`cantTell`), suppressed and passed, grouped by page then rule, with a
//! finding repeated on several pages (same rule, same fingerprint) pulled out and shown once with
//! its pages. Escaping for each output context lives in `escape`.
//!
//! All formats are deterministic: no clock, no hash-map iteration order in the output.

mod escape;
mod html;
mod junit;
mod markdown;
mod sarif;
mod text;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crate::report::{Finding, Report};
use crate::rules::{Impact, Outcome, RuleMeta};

/// An output format. Deserialises from its name (`"sarif"`), as `FromStr` parses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Human-readable, for terminals (ANSI colour with [`FormatOptions::color`]).
    Text,
    /// The canonical JSON report (several reports: see [`format_reports`]).
    Json,
    /// SARIF 2.1.0, for code-scanning tools (GitHub code scanning...).
    Sarif,
    /// JUnit XML, one test case per rule per page.
    Junit,
    /// Markdown, ready to paste into a ticket.
    Markdown,
    /// One self-contained HTML file, filterable by impact and rule.
    Html,
}

impl Format {
    /// Every format, in the order of their names in [`Format::name`].
    pub const ALL: [Format; 6] =
        [Format::Text, Format::Json, Format::Sarif, Format::Junit, Format::Markdown, Format::Html];

    /// The name accepted by [`FromStr`], e.g. `sarif`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The usual file extension of the format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "xml",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of `text`, `json`, `sarif`, `junit`, `markdown`, `html`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown format {:?}: expected one of text, json, sarif, junit, markdown, html", self.0)
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// How to render. Deserialises from `{ "color": bool, "includePassed": bool }` (both optional,
/// unknown keys refused), e.g. from the JS `formatReport` options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", default)]
pub struct FormatOptions {
    /// ANSI colours in the text format (for a terminal; off for files and pipes).
    pub color: bool,
    /// List passed outcomes too (when the reports carry them: see `Options::include_passed`).
    /// JSON always has every finding the report carries; SARIF never lists passes.
    pub include_passed: bool,
}

/// Render `reports` (one per page) in `format`.
///
/// JSON: one report gives its canonical JSON ([`Report::to_json`]); any other number gives
/// ```json
/// { "tool": { "name": "curbcut", "version": "…" },
///   "reports": [ /* canonical reports, in input order */ ],
///   "summary": { "files": 2, "passed": 0, "failed": 0, "cantTell": 0, "suppressed": 0,
///                "inapplicable": 0 } }
/// ```
/// where `files` is the number of reports and the other counts add up the reports' summaries
/// (as in a report, `failed` and `cantTell` include the suppressed ones).
pub fn format_reports(reports: &[Report], format: Format, options: &FormatOptions) -> String {
    match format {
        Format::Text => text::render(reports, options),
        Format::Json => json(reports),
        Format::Sarif => sarif::render(reports),
        Format::Junit => junit::render(reports),
        Format::Markdown => markdown::render(reports, options),
        Format::Html => html::render(reports, options),
    }
}

/// The JSON of several reports (see [`format_reports`]), serialised straight from the reports
/// (no intermediate `serde_json::Value`).
#[derive(serde::Serialize)]
struct Reports<'a> {
    tool: crate::report::Tool,
    reports: &'a [Report],
    summary: TotalSummary,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct TotalSummary {
    files: usize,
    passed: usize,
    failed: usize,
    cant_tell: usize,
    suppressed: usize,
    inapplicable: usize,
}

fn json(reports: &[Report]) -> String {
    if let [one] = reports {
        return one.to_json();
    }
    let mut summary = TotalSummary {
        files: reports.len(),
        passed: 0,
        failed: 0,
        cant_tell: 0,
        suppressed: 0,
        inapplicable: 0,
    };
    for r in reports {
        summary.passed += r.summary.passed;
        summary.failed += r.summary.failed;
        summary.cant_tell += r.summary.cant_tell;
        summary.suppressed += r.summary.suppressed;
        summary.inapplicable += r.summary.inapplicable;
    }
    let all = Reports {
        tool: crate::report::Tool { name: "curbcut".into(), version: crate::version().into() },
        reports,
        summary,
    };
    serde_json::to_string_pretty(&all).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

// ---------------------------------------------------------------------------------------------
// Shared by the presenters.

/// Stable identity of a finding's element across runs (baselines, SARIF partialFingerprints,
/// de-duplication across pages).
pub(crate) fn fingerprint(f: &Finding) -> &str {
    &f.fingerprint
}

/// Whether a finding was silenced (`data-curbcut-ignore`, exclusions): shown as such, never
/// counted as a failure.
pub(crate) fn is_suppressed(f: &Finding) -> bool {
    f.suppressed
}

/// The registry's metadata of a rule, when the id is known (a report read back from JSON may
/// name a rule this build doesn't have).
pub(crate) fn meta(rule: &str) -> Option<&'static RuleMeta> {
    crate::rules::by_id(rule).map(|r| r.meta())
}

/// Title of a rule, or its id when unknown.
pub(crate) fn rule_title(rule: &str) -> &str {
    meta(rule).map_or(rule, |m| m.title)
}

/// `critical`, `serious`...
pub(crate) fn impact_name(i: Impact) -> &'static str {
    match i {
        Impact::Critical => "critical",
        Impact::Serious => "serious",
        Impact::Moderate => "moderate",
        Impact::Minor => "minor",
    }
}

/// Impacts, most severe first.
pub(crate) const IMPACTS: [Impact; 4] = [Impact::Critical, Impact::Serious, Impact::Moderate, Impact::Minor];

/// "1.1.1 Non-text Content (A)", or the bare criterion when unknown.
pub(crate) fn criterion_label(sc: &str) -> String {
    match crate::rules::wcag::criterion(sc) {
        Some((level, _, name)) => format!("{sc} {name} ({level:?})"),
        None => sc.to_string(),
    }
}

/// Name of the page of report `index` among `count`: its path or URL, else a placeholder.
pub(crate) fn page_name(report: &Report, index: usize, count: usize) -> String {
    match report.page.url.as_deref() {
        Some(u) if !u.is_empty() => u.to_string(),
        _ if count == 1 => "page".to_string(),
        _ => format!("page {}", index + 1),
    }
}

/// Id of the limit a front end records for an input it could not read (the CLI's
/// `errorReport`): that report has no rules and no findings.
pub(crate) const UNREADABLE: &str = "unreadable";

/// Why a page was not checked at all, when it wasn't.
pub(crate) fn unreadable(r: &Report) -> Option<&str> {
    r.limits.iter().find(|l| l.limit == UNREADABLE).map(|l| l.message.as_str())
}

/// Whether a baseline comparison found this finding already recorded: it is shown, marked,
/// and doesn't fail a build.
pub(crate) fn is_known(f: &Finding) -> bool {
    f.baseline.as_deref() == Some("known")
}

/// What a reader must know about a page before its findings: it was not checked, or only
/// partly, or a stylesheet was missing. Every format shows the same notes in its own markup.
pub(crate) enum Note<'a> {
    /// The input could not be read or checked.
    NotChecked(&'a str),
    /// A limit was hit: the report is partial.
    Partial(&'a str),
    /// A stylesheet was not loaded: style-dependent verdicts need review.
    Stylesheet { url: &'a str, reason: &'a str },
}

impl Note<'_> {
    /// The note's lead-in, e.g. "partial report".
    pub fn label(&self) -> &'static str {
        match self {
            Note::NotChecked(_) => "not checked",
            Note::Partial(_) => "partial report",
            Note::Stylesheet { .. } => "stylesheet not loaded (style-dependent results need review)",
        }
    }

    /// The page-supplied detail (escape it for the output context).
    pub fn detail(&self) -> String {
        match self {
            Note::NotChecked(m) | Note::Partial(m) => m.to_string(),
            Note::Stylesheet { url, reason } => format!("{url}: {reason}"),
        }
    }
}

/// The notes of a page, in a fixed order: limits, then missing stylesheets.
pub(crate) fn notes(r: &Report) -> Vec<Note<'_>> {
    let limits = r.limits.iter().map(|l| {
        if l.limit == UNREADABLE {
            Note::NotChecked(&l.message)
        } else {
            Note::Partial(&l.message)
        }
    });
    let sheets = r.missing_resources.iter().map(|m| Note::Stylesheet { url: &m.url, reason: &m.reason });
    limits.chain(sheets).collect()
}

/// Which list a finding belongs to in the human formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// Failed, not suppressed.
    Failed,
    /// cantTell, not suppressed: needs review.
    Review,
    /// Failed or cantTell, silenced.
    Suppressed,
    /// Passed.
    Passed,
}

pub(crate) fn kind(f: &Finding) -> Kind {
    match f.outcome {
        Outcome::Passed => Kind::Passed,
        _ if is_suppressed(f) => Kind::Suppressed,
        Outcome::Failed => Kind::Failed,
        Outcome::CantTell => Kind::Review,
    }
}

/// Where one finding was seen.
pub(crate) struct Occurrence<'a> {
    /// Index of the report.
    pub report: usize,
    /// The finding on that page.
    pub finding: &'a Finding,
}

/// One finding, or the same finding on several pages.
pub(crate) struct Item<'a> {
    /// Every place it was seen (at least one); the first is shown in full.
    pub occurrences: Vec<Occurrence<'a>>,
}

impl<'a> Item<'a> {
    pub fn first(&self) -> &'a Finding {
        self.occurrences[0].finding
    }
}

/// Findings of one rule and one kind.
pub(crate) struct RuleGroup<'a> {
    pub rule: &'a str,
    pub impact: Impact,
    pub items: Vec<Item<'a>>,
}

/// Findings of one kind, grouped by rule in first-seen order.
#[derive(Default)]
pub(crate) struct Section<'a> {
    pub groups: Vec<RuleGroup<'a>>,
    index: HashMap<&'a str, usize>,
}

impl<'a> Section<'a> {
    fn push(&mut self, item: Item<'a>) {
        let f = item.first();
        let i = *self.index.entry(f.rule.as_str()).or_insert_with(|| {
            self.groups.push(RuleGroup { rule: f.rule.as_str(), impact: f.impact, items: Vec::new() });
            self.groups.len() - 1
        });
        self.groups[i].items.push(item);
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// One page's findings that are not repeated on other pages.
pub(crate) struct PageView<'a> {
    pub name: String,
    pub report: &'a Report,
    pub failed: Section<'a>,
    pub review: Section<'a>,
    pub suppressed: Section<'a>,
    pub passed: Section<'a>,
}

impl<'a> PageView<'a> {
    /// The page's findings of kind `k`.
    pub fn get(&self, k: Kind) -> &Section<'a> {
        match k {
            Kind::Failed => &self.failed,
            Kind::Review => &self.review,
            Kind::Suppressed => &self.suppressed,
            Kind::Passed => &self.passed,
        }
    }

    fn section(&mut self, k: Kind) -> &mut Section<'a> {
        match k {
            Kind::Failed => &mut self.failed,
            Kind::Review => &mut self.review,
            Kind::Suppressed => &mut self.suppressed,
            Kind::Passed => &mut self.passed,
        }
    }
}

/// Totals over all reports (occurrences, not de-duplicated).
#[derive(Default)]
pub(crate) struct Totals {
    /// Pages checked (the unreadable ones not counted).
    pub files: usize,
    /// Inputs that could not be read or checked.
    pub unreadable: usize,
    /// Failures and needs-review findings a baseline already records.
    pub known: usize,
    /// Failures by impact, in [`IMPACTS`] order.
    pub failed_by_impact: [usize; 4],
    pub review: usize,
    pub suppressed: usize,
    pub passed: usize,
}

impl Totals {
    pub fn failed(&self) -> usize {
        self.failed_by_impact.iter().sum()
    }
}

/// What the human formats show.
pub(crate) struct View<'a> {
    pub pages: Vec<PageView<'a>>,
    /// Findings seen on two pages or more (failed, review, suppressed: passes aren't repeated
    /// here), each once with all its occurrences.
    pub repeated: [Section<'a>; 3],
    pub totals: Totals,
}

pub(crate) fn impact_index(i: Impact) -> usize {
    IMPACTS.iter().position(|x| *x == i).unwrap_or(3)
}

impl<'a> View<'a> {
    pub fn new(reports: &'a [Report], include_passed: bool) -> View<'a> {
        // Pass 1: which keys occur on two pages or more. A key is (rule, kind, fingerprint, n):
        // the n-th element of a page with that fingerprint pairs with the n-th of other pages, so
        // two identical defects on one page stay two items (fingerprints are equal for them).
        type Key<'k> = (&'k str, Kind, &'k str, usize);
        let keys: Vec<Vec<Option<Key<'a>>>> = reports
            .iter()
            .map(|r| {
                let mut seen: HashMap<(&str, Kind, &str), usize> = HashMap::new();
                r.results
                    .iter()
                    .map(|f| {
                        let k = kind(f);
                        if k == Kind::Passed || fingerprint(f).is_empty() || reports.len() < 2 {
                            return None;
                        }
                        let n = seen.entry((f.rule.as_str(), k, fingerprint(f))).or_insert(0);
                        *n += 1;
                        Some((f.rule.as_str(), k, fingerprint(f), *n))
                    })
                    .collect()
            })
            .collect();
        let mut pages_of: HashMap<Key<'a>, (usize, bool)> = HashMap::new(); // (first page, repeated)
        for (ri, page_keys) in keys.iter().enumerate() {
            for key in page_keys.iter().flatten() {
                let e = pages_of.entry(*key).or_insert((ri, false));
                if e.0 != ri {
                    e.1 = true;
                }
            }
        }
        // Pass 2: sort every finding into its page or into the repeated sections.
        let unreadable = reports.iter().filter(|r| unreadable(r).is_some()).count();
        let mut totals = Totals { files: reports.len() - unreadable, unreadable, ..Totals::default() };
        let mut repeated: [Section<'a>; 3] = Default::default();
        let mut repeated_at: HashMap<Key<'a>, (usize, usize)> = HashMap::new(); // → (group, item)
        let mut pages = Vec::with_capacity(reports.len());
        for (ri, r) in reports.iter().enumerate() {
            totals.passed += r.summary.passed;
            let mut page = PageView {
                name: page_name(r, ri, reports.len()),
                report: r,
                failed: Section::default(),
                review: Section::default(),
                suppressed: Section::default(),
                passed: Section::default(),
            };
            for (fi, f) in r.results.iter().enumerate() {
                let k = kind(f);
                if matches!(k, Kind::Failed | Kind::Review) && is_known(f) {
                    totals.known += 1;
                }
                match k {
                    Kind::Failed => totals.failed_by_impact[impact_index(f.impact)] += 1,
                    Kind::Review => totals.review += 1,
                    Kind::Suppressed => totals.suppressed += 1,
                    Kind::Passed if !include_passed => continue,
                    Kind::Passed => {}
                }
                let occurrence = Occurrence { report: ri, finding: f };
                let key = keys.get(ri).and_then(|p| p.get(fi)).copied().flatten();
                if let Some(key) = key.filter(|key| pages_of.get(key).is_some_and(|e| e.1)) {
                    let section = &mut repeated[k as usize];
                    match repeated_at.get(&key) {
                        Some(&(g, i)) => section.groups[g].items[i].occurrences.push(occurrence),
                        None => {
                            section.push(Item { occurrences: vec![occurrence] });
                            let g = section.index[f.rule.as_str()];
                            repeated_at.insert(key, (g, section.groups[g].items.len() - 1));
                        }
                    }
                } else {
                    page.section(k).push(Item { occurrences: vec![occurrence] });
                }
            }
            pages.push(page);
        }
        View { pages, repeated, totals }
    }

    /// Distinct page names an item was seen on, in order.
    pub fn pages_of(&self, item: &Item<'_>) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::with_capacity(item.occurrences.len());
        for o in &item.occurrences {
            let name = self.pages.get(o.report).map_or("", |p| p.name.as_str());
            if out.last() != Some(&name) {
                out.push(name);
            }
        }
        out
    }

    /// "3 files · 5 failures (2 critical, 3 serious) · 1 needs review · 1 suppressed · 20 passed",
    /// then "· 2 known from the baseline" and "· 1 unreadable" when there are any.
    pub fn summary_line(&self) -> String {
        let t = &self.totals;
        let mut s = String::with_capacity(120);
        s.push_str(&plural(t.files, "file", "files"));
        s.push_str(" · ");
        s.push_str(&plural(t.failed(), "failure", "failures"));
        let parts: Vec<String> = IMPACTS
            .iter()
            .zip(t.failed_by_impact)
            .filter(|(_, n)| *n > 0)
            .map(|(i, n)| format!("{n} {}", impact_name(*i)))
            .collect();
        if !parts.is_empty() {
            s.push_str(" (");
            s.push_str(&parts.join(", "));
            s.push(')');
        }
        s.push_str(&format!(" · {} need{} review", t.review, if t.review == 1 { "s" } else { "" }));
        if t.suppressed > 0 {
            s.push_str(&format!(" · {} suppressed", t.suppressed));
        }
        s.push_str(&format!(" · {} passed", t.passed));
        if t.known > 0 {
            s.push_str(&format!(" · {} known from the baseline", t.known));
        }
        if t.unreadable > 0 {
            s.push_str(&format!(" · {} unreadable", t.unreadable));
        }
        s
    }
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
