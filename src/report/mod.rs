//! The report model every presenter formats, and how findings name their element: a unique
//! CSS selector, the source line and an HTML snippet of the start tag.

pub mod format;
pub(crate) mod selector;

use serde::{Deserialize, Serialize};

use crate::dom::{LimitHit, NodeData, NodeId, Snapshot};
use crate::rules::{Impact, Outcome};
use crate::style::MissingResource;

pub(crate) use selector::unique_selector;

/// The tool that wrote the report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Tool {
    /// `curbcut`
    pub name: String,
    /// Crate version.
    pub version: String,
}

/// The page checked.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Page {
    /// URL or path, when known.
    pub url: Option<String>,
    /// Document title, when present.
    pub title: Option<String>,
}

/// A rule that ran.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RuleRun {
    /// Rule id.
    pub id: String,
    /// ACT rule ids.
    pub act: Vec<String>,
    /// WCAG success criteria.
    pub wcag: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
}

/// One outcome of one rule on one element.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id.
    pub rule: String,
    /// ACT rule ids of the rule.
    pub act: Vec<String>,
    /// WCAG success criteria, e.g. `["1.4.3"]`.
    pub wcag: Vec<String>,
    /// passed | failed | cantTell
    pub outcome: Outcome,
    /// Impact of the rule.
    pub impact: Impact,
    /// Unique CSS selector of the element.
    pub selector: String,
    /// 1-based source line (0 when unknown).
    pub line: u32,
    /// The element's start tag (truncated), as HTML source.
    pub snippet: String,
    /// What was found.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Documentation of the rule.
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    /// Structured data.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub data: serde_json::Value,
    /// Stable identity for baselines: survives cosmetic refactors (class names, wrapper
    /// elements) because it hashes the rule, role, accessible name, landmark path and text,
    /// not the selector.
    #[serde(default)]
    pub fingerprint: String,
    /// Silenced by `data-curbcut-ignore` or an `exclude` selector: listed, never failing a build.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suppressed: bool,
    /// Set by a baseline comparison (CLI): `new` or `known`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
}

/// Counts of outcomes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Passed outcomes (counted even when not listed).
    pub passed: usize,
    /// Failed outcomes.
    pub failed: usize,
    /// Outcomes that need review.
    pub cant_tell: usize,
    /// Failed or cantTell outcomes that were suppressed (also counted above).
    #[serde(default)]
    pub suppressed: usize,
    /// Rules that ran and found no target.
    pub inapplicable: usize,
}

/// A check's result: the canonical JSON model.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Tool name and version.
    pub tool: Tool,
    /// Page checked.
    pub page: Page,
    /// Rules that ran.
    pub rules: Vec<RuleRun>,
    /// Findings in rule order, then document order.
    pub results: Vec<Finding>,
    /// Counts.
    pub summary: Summary,
    /// Limits hit (the report is partial when non-empty).
    pub limits: Vec<LimitHit>,
    /// Stylesheets not loaded (style-dependent verdicts are cantTell).
    pub missing_resources: Vec<MissingResource>,
    /// Number of HTML parse errors.
    pub parse_errors: usize,
}

impl Report {
    /// Canonical JSON, pretty-printed.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

const SNIPPET_MAX: usize = 250;

/// The start tag of an element as HTML, attribute values escaped, truncated to a readable size.
pub(crate) fn snippet(snap: &Snapshot, id: NodeId) -> String {
    let Some(el) = snap.element(id) else {
        return match &snap.node(id).data {
            NodeData::Text(t) => truncate(t.trim(), SNIPPET_MAX),
            _ => String::new(),
        };
    };
    let mut s = format!("<{}", el.name);
    for a in &el.attrs {
        s.push(' ');
        s.push_str(&a.name);
        if !a.value.is_empty() {
            s.push_str("=\"");
            s.push_str(&truncate(&a.value, 80).replace('&', "&amp;").replace('"', "&quot;"));
            s.push('"');
        }
    }
    s.push('>');
    truncate(&s, SNIPPET_MAX)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Whether findings of `rule` on `target` are silenced: the element or an ancestor is excluded
/// by selector, or carries `data-curbcut-ignore` listing the rule (an empty value or `*`
/// silences every rule).
pub(crate) fn is_suppressed(
    snap: &Snapshot,
    excluded: &std::collections::HashSet<NodeId>,
    rule: &str,
    target: NodeId,
) -> bool {
    std::iter::once(target).chain(snap.ancestors(target)).any(|n| {
        if excluded.contains(&n) {
            return true;
        }
        snap.element(n).and_then(|e| e.attr_str("data-curbcut-ignore")).is_some_and(|v| {
            let mut tokens = v.split_ascii_whitespace().peekable();
            tokens.peek().is_none() || tokens.any(|t| t == "*" || t.eq_ignore_ascii_case(rule))
        })
    })
}

const LANDMARKS: &[&str] =
    &["banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"];

/// A finding's stable identity: FNV-1a over rule, role, accessible name, the landmark path
/// (roles and names of landmark ancestors) and the element's folded text. Class names, ids,
/// wrapper elements and positions don't enter, so cosmetic refactors keep fingerprints;
/// two identical defects in one landmark share one, and baselines count occurrences.
pub(crate) fn fingerprint(tree: &crate::a11y::Tree, rule: &str, target: NodeId) -> String {
    let snap = tree.snap;
    let mut h = Fnv::new();
    h.write(rule);
    h.write(tree.role(target).unwrap_or(""));
    h.write(tree.name(target));
    let mut landmarks: Vec<NodeId> = snap
        .ancestors(target)
        .filter(|a| tree.role(*a).is_some_and(|r| LANDMARKS.contains(&r)))
        .collect();
    landmarks.reverse();
    for l in landmarks {
        h.write(tree.role(l).unwrap_or(""));
        h.write(tree.name(l));
    }
    if let Some(el) = snap.element(target) {
        h.write(&el.name);
    }
    h.write(&folded_prefix(snap, target, 200));
    format!("{:016x}", h.0)
}

/// The first `max` characters of the element's text with whitespace folded (words joined by
/// single spaces), read only as far as needed: a finding on `<body>` doesn't copy the page.
fn folded_prefix(snap: &Snapshot, id: NodeId, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut space = false;
    let texts = std::iter::once(id).chain(snap.descendants(id)).filter_map(|n| snap.text(n));
    for c in texts.flat_map(str::chars) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let needed = if space && count > 0 { 2 } else { 1 };
        if count + needed > max {
            // The space alone would still fit the limit.
            if needed == 2 && count < max {
                out.push(' ');
            }
            break;
        }
        if needed == 2 {
            out.push(' ');
        }
        out.push(c);
        count += needed;
        space = false;
    }
    out
}

/// 64-bit FNV-1a: tiny, stable across platforms and versions (unlike `DefaultHasher`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, s: &str) {
        for b in s.bytes().chain(std::iter::once(0xff)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse::parse_html, DocumentKind};

    #[test]
    fn folded_prefix_is_the_folded_text_cut() {
        let body = "<p>  a  <b>bc</b>d\n\té <i> </i>x</p>";
        let snap = parse_html(body, DocumentKind::Html);
        let whole = snap.text_content(NodeId::DOCUMENT);
        let folded = whole.split_whitespace().collect::<Vec<_>>().join(" ");
        for max in 0..=folded.chars().count() + 2 {
            let expected: String = folded.chars().take(max).collect();
            assert_eq!(folded_prefix(&snap, NodeId::DOCUMENT, max), expected, "max {max}");
        }
    }
}
