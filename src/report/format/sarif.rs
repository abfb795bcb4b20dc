//! SARIF 2.1.0, for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).
//!
//! One run; `tool.driver.rules` lists every rule that ran on any page (then any other rule a
//! result names), with title, why it matters, help URI, help text and Markdown, and tags
//! (`accessibility`, the rule's tags, `WCAG x.y.z`). Results are the failed (`error` for
//! serious/critical, `warning` for moderate/minor) and needs-review (`note`) findings; passes are
//! not results. Each result points at the page (a relative URI with forward slashes), the line
//! (`startLine` is at least 1, as GitHub requires) and the element's start tag as the region's
//! snippet, names the element's selector as a logical location, and carries the fingerprint as
//! `partialFingerprints["curbcut/v1"]` = `FINGERPRINT/N`, N counting equal fingerprints of the
//! rule on the page (identical defects in one landmark share a fingerprint but are separate
//! alerts). Suppressed findings stay, with an `inSource` suppression; after a baseline
//! comparison, `baselineState` is `unchanged` for known findings and `new` for the others.
//! The run's invocation lists inputs not checked (level `error`, and `executionSuccessful`
//! false), partial reports (`warning`) and missing stylesheets (`note`) as notifications.
//! Object keys come out sorted (serde_json's map), so the output is deterministic.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::escape;
use super::{criterion_label, fingerprint, impact_name, is_known, is_suppressed, meta, notes, page_name, unreadable, Note};
use crate::report::Report;
use crate::rules::{Impact, Needs, Outcome};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/curbcut/curbcut";

fn level(impact: Impact) -> &'static str {
    match impact {
        Impact::Critical | Impact::Serious => "error",
        Impact::Moderate | Impact::Minor => "warning",
    }
}

/// A rule as a SARIF `reportingDescriptor`.
fn descriptor(id: &str, wcag: &[String], tags: &[String]) -> Value {
    let mut all_tags: Vec<String> = Vec::with_capacity(2 + tags.len() + wcag.len());
    all_tags.push("accessibility".into());
    all_tags.extend(tags.iter().cloned());
    all_tags.extend(wcag.iter().map(|sc| format!("WCAG {sc}")));
    let Some(m) = meta(id) else {
        // A rule this build doesn't know (a report read back from another version).
        return json!({
            "id": id,
            "shortDescription": { "text": id },
            "properties": { "tags": all_tags },
        });
    };
    let criteria: Vec<String> = m.wcag.iter().map(|sc| criterion_label(sc)).collect();
    let mut text = String::with_capacity(512);
    text.push_str(m.help);
    text.push_str("\n\nHow to fix: ");
    text.push_str(m.fix);
    if !criteria.is_empty() {
        text.push_str("\n\nWCAG: ");
        text.push_str(&criteria.join(", "));
    }
    text.push_str("\n\n");
    text.push_str(&m.help_url());
    let mut md = String::with_capacity(512);
    md.push_str("**Why it matters:** ");
    escape::markdown(&mut md, m.help);
    md.push_str("\n\n**How to fix:** ");
    escape::markdown(&mut md, m.fix);
    if !criteria.is_empty() {
        md.push_str("\n\n**WCAG:** ");
        escape::markdown(&mut md, &criteria.join(", "));
    }
    md.push_str("\n\n[Rule documentation](");
    md.push_str(&m.help_url());
    md.push(')');
    json!({
        "id": m.id,
        "name": pascal_case(m.id),
        "shortDescription": { "text": m.title },
        "fullDescription": { "text": m.help },
        "helpUri": m.help_url(),
        "help": { "text": text, "markdown": md },
        "defaultConfiguration": { "level": level(m.impact) },
        "properties": {
            "tags": all_tags,
            "precision": if m.needs == Needs::Renderer { "medium" } else { "high" },
            "problem.severity": if matches!(m.impact, Impact::Critical | Impact::Serious) { "error" } else { "warning" },
            "impact": impact_name(m.impact),
        },
    })
}

/// `image-alt` → `ImageAlt` (SARIF's `name` is an identifier-like form of the rule).
fn pascal_case(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for part in id.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        let mut chars = part.chars();
        if let Some(c) = chars.next() {
            out.push(c.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// Render the SARIF log.
pub(super) fn render(reports: &[Report]) -> String {
    let mut rules: Vec<Value> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    // Rules that ran, then any rule named only by a result, in first-seen order.
    let mut ids: Vec<&str> = Vec::new();
    for r in reports {
        for run in &r.rules {
            if !index.contains_key(run.id.as_str()) {
                index.insert(run.id.as_str(), ids.len());
                ids.push(run.id.as_str());
                rules.push(descriptor(&run.id, &run.wcag, &run.tags));
            }
        }
    }
    for r in reports {
        for f in &r.results {
            if !index.contains_key(f.rule.as_str()) {
                index.insert(f.rule.as_str(), ids.len());
                ids.push(f.rule.as_str());
                let tags: Vec<String> = meta(&f.rule).map(|m| m.tags().iter().map(|t| t.to_string()).collect()).unwrap_or_default();
                rules.push(descriptor(&f.rule, &f.wcag, &tags));
            }
        }
    }

    let mut results: Vec<Value> = Vec::new();
    for (ri, r) in reports.iter().enumerate() {
        let uri = escape::uri_reference(&page_name(r, ri, reports.len()));
        // Equal fingerprints on one page (identical defects in one landmark) get an ordinal so
        // code scanning keeps them as separate alerts; the n-th stays the n-th across runs.
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for f in &r.results {
            let level = match f.outcome {
                Outcome::Passed => continue,
                Outcome::Failed => level(f.impact),
                Outcome::CantTell => "note",
            };
            let mut text = String::with_capacity(f.message.len() + 16);
            if f.outcome == Outcome::CantTell {
                text.push_str("Needs review: ");
            }
            text.push_str(if f.message.is_empty() { rule_fallback(&f.rule) } else { &f.message });
            let n = seen.entry((f.rule.as_str(), fingerprint(f))).or_insert(0);
            *n += 1;
            let partial = format!("{}/{}", fingerprint(f), n);
            let mut region = Map::new();
            region.insert("startLine".into(), json!(f.line.max(1)));
            if !f.snippet.is_empty() {
                region.insert("snippet".into(), json!({ "text": f.snippet }));
            }
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": index.get(f.rule.as_str()).copied().unwrap_or(0),
                "level": level,
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": Value::Object(region),
                    },
                    "logicalLocations": [{ "fullyQualifiedName": f.selector, "kind": "element" }],
                }],
                "partialFingerprints": { "curbcut/v1": partial },
                "properties": {
                    "impact": impact_name(f.impact),
                    "outcome": if f.outcome == Outcome::CantTell { "cantTell" } else { "failed" },
                    "wcag": f.wcag,
                },
            });
            if let Some(o) = result.as_object_mut() {
                if is_suppressed(f) {
                    o.insert("suppressions".into(), json!([{ "kind": "inSource" }]));
                }
                if f.baseline.is_some() {
                    o.insert("baselineState".into(), json!(if is_known(f) { "unchanged" } else { "new" }));
                }
            }
            results.push(result);
        }
    }

    // Inputs not checked (error), partial reports (warning), missing stylesheets (note).
    let mut notifications: Vec<Value> = Vec::new();
    for (ri, r) in reports.iter().enumerate() {
        let uri = escape::uri_reference(&page_name(r, ri, reports.len()));
        for note in notes(r) {
            let (level, id) = match note {
                Note::NotChecked(_) => ("error", "unreadable"),
                Note::Partial(_) => ("warning", "partial"),
                Note::Stylesheet { .. } => ("note", "stylesheet-not-loaded"),
            };
            notifications.push(json!({
                "level": level,
                "descriptor": { "id": id },
                "message": { "text": format!("{}: {}", note.label(), note.detail()) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri } } }],
            }));
        }
    }
    let all_checked = reports.iter().all(|r| unreadable(r).is_none());

    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "curbcut",
                    "version": crate::version(),
                    "semanticVersion": crate::version(),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                },
            },
            "invocations": [{
                "executionSuccessful": all_checked,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn rule_fallback(rule: &str) -> &str {
    meta(rule).map_or(rule, |m| m.title)
}
