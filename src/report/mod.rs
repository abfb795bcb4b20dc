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
