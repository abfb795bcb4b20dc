//! curbcut: an accessibility and UI-quality checker.
//!
//! Snapshot → accessibility tree → rules → report. [`check_html`] runs the whole pipeline over
//! an HTML text; [`rules`] lists what can run. Everything else is crate-private.
#![warn(missing_docs)]

pub mod a11y;
pub mod dom;
mod error;
mod options;
pub mod report;
pub mod rules;
pub mod style;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use crate::dom::DocumentKind;
pub use crate::error::Error;
pub use crate::options::{ColorScheme, Options, UrlMapping, Viewport, DEFAULT_TAGS};
pub use crate::report::{Finding, Report};
pub use crate::report::format::{format_reports, Format, FormatOptions};
pub use crate::rules::{Impact, Outcome, RuleMeta};

use crate::dom::{NodeId, Snapshot};
use crate::report::{Page, RuleRun, Summary, Tool};
use crate::rules::Context;

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Metadata of every rule.
pub fn rules() -> Vec<&'static RuleMeta> {
    rules::ALL.iter().map(|r| r.meta()).collect()
}

/// Serializable metadata of one rule (what `rules()` returns across the wasm boundary and in docs).
#[derive(Clone, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// Stable id.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// WCAG success criteria.
    pub wcag: &'static [&'static str],
    /// ACT rule ids.
    pub act: &'static [&'static str],
    /// Impact.
    pub impact: Impact,
    /// Tags.
    pub tags: Vec<&'static str>,
    /// Whether some verdicts need a renderer.
    pub needs_renderer: bool,
    /// Why it matters.
    pub help: &'static str,
    /// How to fix.
    pub fix: &'static str,
    /// Documentation URL.
    pub help_url: String,
}

/// [`RuleInfo`] for every rule.
pub fn rule_infos() -> Vec<RuleInfo> {
    rules()
        .into_iter()
        .map(|m| RuleInfo {
            id: m.id,
            title: m.title,
            wcag: m.wcag,
            act: m.act,
            impact: m.impact,
            tags: m.tags(),
            needs_renderer: m.needs == rules::Needs::Renderer,
            help: m.help,
            fix: m.fix,
            help_url: m.help_url(),
        })
        .collect()
}

/// Check an HTML page given as text.
pub fn check_html(html: &str, options: &Options) -> Result<Report, Error> {
    let snap = parse(html, options)?;
    check_snapshot(&snap, options)
}

/// Check a page given as bytes: the encoding is sniffed (BOM, `<meta charset>`, UTF-8).
pub fn check_bytes(bytes: &[u8], options: &Options) -> Result<Report, Error> {
    if bytes.len() > options.max_bytes {
        return Err(Error::TooLarge { bytes: bytes.len(), limit: options.max_bytes });
    }
    let (text, encoding) = dom::encoding::decode(bytes);
    let mut snap = parse(&text, options)?;
    snap.encoding = encoding;
    check_snapshot(&snap, options)
}

/// The computed accessibility tree of a page: one entry per element, in tree order.
pub fn accessibility_tree(html: &str, options: &Options) -> Result<Vec<a11y::TreeEntry>, Error> {
    let snap = parse(html, options)?;
    let styles = style::compute(&snap, options);
    let tree = a11y::Tree::new(&snap, &styles);
    Ok(tree.entries())
}

/// Guess the document kind from the content: a standalone `<svg>` root or an XML prolog.
fn detect_kind(html: &str) -> DocumentKind {
    let head = html.trim_start_matches('\u{feff}').trim_start();
    let head = head.get(..head.len().min(512)).unwrap_or(head);
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<svg") || (lower.starts_with("<?xml") && lower.contains("<svg")) {
        DocumentKind::Svg
    } else if lower.starts_with("<?xml") {
        DocumentKind::Xml
    } else {
        DocumentKind::Html
    }
}

/// Whether the text is a fragment (no `<html>` or `<body>` tag anywhere).
fn looks_like_fragment(html: &str) -> bool {
    let has_tag = |tag: &str| {
        html.as_bytes().windows(tag.len()).any(|w| w.eq_ignore_ascii_case(tag.as_bytes()))
    };
    !has_tag("<html") && !has_tag("<body")
}

fn parse(html: &str, options: &Options) -> Result<Snapshot, Error> {
    if html.len() > options.max_bytes {
        return Err(Error::TooLarge { bytes: html.len(), limit: options.max_bytes });
    }
    let kind = options.document_kind.unwrap_or_else(|| detect_kind(html));
    let mut snap = dom::parse::parse_html(html, kind);
    snap.fragment = kind == DocumentKind::Html && options.fragment.unwrap_or_else(|| looks_like_fragment(html));
    Ok(snap)
}

/// Whether the rule of `meta` (tagged `tags`) runs under `options`: listed ids win; otherwise
/// any tag matches.
fn selected(meta: &RuleMeta, tags: &[&str], options: &Options) -> bool {
    if options.disable.iter().any(|d| d == meta.id) {
        return false;
    }
    if let Some(ids) = &options.rules {
        return ids.iter().any(|i| i == meta.id);
    }
    match &options.tags {
        Some(wanted) => tags.iter().any(|t| wanted.iter().any(|w| w == t)),
        None => tags.iter().any(|t| DEFAULT_TAGS.contains(t)),
    }
}

fn check_snapshot(snap: &Snapshot, options: &Options) -> Result<Report, Error> {
    let styles = style::compute(snap, options);
    let tree = a11y::Tree::new(snap, &styles);
    let cx = Context { snap, styles: &styles, tree: &tree, options };
    let mut ids = report::selector::IdCounts::new(snap);
    let mut excluded = std::collections::HashSet::new();
    for selector in &options.exclude {
        excluded.extend(style::select_all(snap, selector).map_err(Error::BadOptions)?);
    }
    let mut runs = Vec::new();
    let mut results = Vec::new();
    let mut summary = Summary::default();
    for rule in rules::ALL {
        let meta = rule.meta();
        // Derived from the WCAG table: worked out once per rule and check, not per use.
        let tags = meta.tags();
        if !selected(meta, &tags, options) {
            continue;
        }
        runs.push(RuleRun {
            id: meta.id.into(),
            act: meta.act.iter().map(|s| s.to_string()).collect(),
            wcag: meta.wcag.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
        });
        let targets = rule.applicable(&cx);
        if targets.is_empty() {
            summary.inapplicable += 1;
        }
        for target in targets {
            let eval = rule.evaluate(&cx, target);
            match eval.outcome {
                Outcome::Passed => summary.passed += 1,
                Outcome::Failed => summary.failed += 1,
                Outcome::CantTell => summary.cant_tell += 1,
            }
            if eval.outcome == Outcome::Passed && !options.include_passed {
                continue;
            }
            let mut f = finding(&tree, &mut ids, meta, target, eval);
            f.suppressed = f.outcome != Outcome::Passed && report::is_suppressed(snap, &excluded, meta.id, target);
            if f.suppressed {
                summary.suppressed += 1;
            }
            results.push(f);
        }
    }
    let title = snap.title_element().map(|t| {
        snap.text_content(t).split_whitespace().collect::<Vec<_>>().join(" ")
    });
    Ok(Report {
        tool: Tool { name: "curbcut".into(), version: version().into() },
        page: Page { url: options.url.clone(), title },
        rules: runs,
        results,
        summary,
        limits: snap.limits.clone(),
        missing_resources: styles.missing.clone(),
        parse_errors: snap.parse_errors.len(),
    })
}

fn finding(
    tree: &a11y::Tree,
    ids: &mut report::selector::IdCounts,
    meta: &RuleMeta,
    target: NodeId,
    eval: rules::Evaluation,
) -> Finding {
    let snap = tree.snap;
    Finding {
        rule: meta.id.into(),
        act: meta.act.iter().map(|s| s.to_string()).collect(),
        wcag: meta.wcag.iter().map(|s| s.to_string()).collect(),
        outcome: eval.outcome,
        impact: meta.impact,
        selector: report::unique_selector(snap, ids, target),
        line: snap.element(target).map_or(0, |e| e.line),
        snippet: report::snippet(snap, target),
        message: eval.message.into_owned(),
        help: meta.fix.into(),
        help_url: meta.help_url(),
        data: eval.data,
        fingerprint: report::fingerprint(tree, meta.id, target),
        suppressed: false,
        baseline: None,
    }
}
