//! Unique CSS selectors for findings: the shortest `#id` anchor available, then
//! `tag:nth-of-type(n)` steps down to the element. Identifiers are escaped per CSSOM.

use std::collections::HashMap;

use crate::dom::{NodeId, Snapshot};

/// Counts of id attribute values, to know which ids are unique.
pub(crate) struct IdCounts(HashMap<String, usize>);

impl IdCounts {
    pub(crate) fn new(snap: &Snapshot) -> IdCounts {
        let mut map = HashMap::new();
        for n in snap.descendants(crate::dom::NodeId::DOCUMENT) {
            if let Some(id) = snap.element(n).and_then(|e| e.attr("id")) {
                *map.entry(id.to_string()).or_insert(0) += 1;
            }
        }
        IdCounts(map)
    }
}

/// A selector that matches exactly this element.
pub(crate) fn unique_selector(snap: &Snapshot, ids: &IdCounts, id: NodeId) -> String {
    let mut steps = Vec::new();
    let mut cur = id;
    loop {
        let Some(el) = snap.element(cur) else { break };
        if let Some(v) = el.attr("id") {
            if !v.is_empty() && ids.0.get(v) == Some(&1) {
                steps.push(format!("#{}", escape_ident(v)));
                break;
            }
        }
        let name = el.name.to_string();
        let parent = snap.parent(cur);
        let same: Vec<NodeId> = match parent {
            Some(p) => snap
                .element_children(p)
                .filter(|c| snap.element(*c).is_some_and(|e| e.name == el.name))
                .collect(),
            None => vec![cur],
        };
        if same.len() > 1 {
            let pos = same.iter().position(|c| *c == cur).unwrap_or(0) + 1;
            steps.push(format!("{}:nth-of-type({pos})", escape_ident(&name)));
        } else {
            steps.push(escape_ident(&name));
        }
        match parent {
            Some(p) if snap.element(p).is_some() => cur = p,
            _ => break,
        }
    }
    steps.reverse();
    steps.join(" > ")
}

/// CSS.escape() for identifiers.
pub(crate) fn escape_ident(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        match c {
            '\0' => out.push('\u{fffd}'),
            '\u{1}'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("\\{:x} ", c as u32)),
            '0'..='9' if i == 0 => out.push_str(&format!("\\{:x} ", c as u32)),
            '-' if i == 0 && s.chars().count() == 1 => out.push_str("\\-"),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii() => out.push(c),
            c => {
                out.push('\\');
                out.push(c);
            }
        }
    }
    out
}
