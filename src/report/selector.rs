//! Unique CSS selectors for findings: the shortest `#id` anchor available, then
//! `tag:nth-of-type(n)` steps down to the element. Identifiers are escaped per CSSOM.

use std::collections::HashMap;

use crate::dom::{local_name, AtomHash, LocalName, NodeId, Snapshot};

/// What selectors need: how often each id value occurs (to know which are unique), and each
/// element's position among its same-named siblings with their count. Positions are worked out
/// per parent, once, when a selector first steps through one of its children: a page has far
/// fewer findings than elements (counting every parent's children was most of this at 1k), and
/// a wide parent is still scanned only once.
pub(crate) struct IdCounts {
    ids: HashMap<String, usize>,
    /// Per node: (1-based position among same-named element siblings, how many there are),
    /// valid once its parent is in `counted`.
    of_type: Vec<(u32, u32)>,
    /// Per node: whether its children's positions are in `of_type`.
    counted: Vec<bool>,
}

impl IdCounts {
    pub(crate) fn new(snap: &Snapshot) -> IdCounts {
        let mut ids = HashMap::new();
        // Only the elements with an id attribute (the snapshot's index): reading every
        // element's attributes was most of this pass on large pages.
        for el in snap.with_attr(&local_name!("id")).filter_map(|e| snap.element(e)) {
            if let Some(id) = el.attr(&local_name!("id")) {
                *ids.entry(id.to_string()).or_insert(0) += 1;
            }
        }
        IdCounts { ids, of_type: vec![(1, 1); snap.len()], counted: vec![false; snap.len()] }
    }

    /// `node`'s (position, count) among its same-named element siblings.
    fn of_type(&mut self, snap: &Snapshot, node: NodeId) -> (u32, u32) {
        if let Some(parent) = snap.parent(node) {
            if self.counted.get(parent.index()) == Some(&false) {
                self.count_children(snap, parent);
            }
        }
        self.of_type.get(node.index()).copied().unwrap_or((1, 1))
    }

    fn count_children(&mut self, snap: &Snapshot, parent: NodeId) {
        // Keyed by the name atoms: one integer hash instead of hashing the name's text.
        let mut counts: HashMap<&LocalName, u32, AtomHash> = HashMap::default();
        for c in snap.children(parent) {
            if let Some(el) = snap.element(c) {
                let n = counts.entry(&el.name).or_insert(0);
                *n += 1;
                if let Some(slot) = self.of_type.get_mut(c.index()) {
                    slot.0 = *n;
                }
            }
        }
        for c in snap.children(parent) {
            if let (Some(el), Some(slot)) = (snap.element(c), self.of_type.get_mut(c.index())) {
                slot.1 = counts.get(&el.name).copied().unwrap_or(1);
            }
        }
        if let Some(done) = self.counted.get_mut(parent.index()) {
            *done = true;
        }
    }
}

/// A selector that matches exactly this element. Written into one string: a step per ancestor
/// used to cost a `format!` each.
pub(crate) fn unique_selector(snap: &Snapshot, ids: &mut IdCounts, id: NodeId) -> String {
    // The elements from `id` up, each anchored by its unique id or not.
    let mut steps: Vec<(NodeId, Option<&str>)> = Vec::new();
    let mut cur = id;
    while let Some(el) = snap.element(cur) {
        if let Some(v) = el.attr(&local_name!("id")) {
            if !v.is_empty() && ids.ids.get(v) == Some(&1) {
                steps.push((cur, Some(v)));
                break;
            }
        }
        steps.push((cur, None));
        match snap.parent(cur) {
            Some(p) if snap.element(p).is_some() => cur = p,
            _ => break,
        }
    }
    // Template contents are outside the document: their elements count as alone of their type.
    let in_document = snap.ancestors(id).last() == Some(NodeId::DOCUMENT);
    let mut out = String::new();
    for (i, (node, anchor)) in steps.iter().rev().enumerate() {
        if i > 0 {
            out.push_str(" > ");
        }
        if let Some(v) = anchor {
            out.push('#');
            push_escaped(&mut out, v);
            continue;
        }
        let Some(el) = snap.element(*node) else { continue };
        push_escaped(&mut out, &el.name);
        let (pos, count) = if in_document { ids.of_type(snap, *node) } else { (1, 1) };
        if count > 1 {
            out.push_str(":nth-of-type(");
            out.push_str(&pos.to_string());
            out.push(')');
        }
    }
    out
}

/// CSS.escape() of identifier `s`, appended to `out`.
fn push_escaped(out: &mut String, s: &str) {
    // Most names and ids need no escape: copy them whole (bytes of non-ASCII chars are >= 0x80).
    let plain = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_' || !b.is_ascii();
    if s.as_bytes().iter().all(plain) && !s.as_bytes().first().is_some_and(u8::is_ascii_digit) && s != "-" {
        out.push_str(s);
        return;
    }
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
}

#[cfg(test)]
mod tests {
    use super::push_escaped;

    fn escape_ident(s: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, s);
        out
    }

    #[test]
    fn escapes_per_cssom() {
        for (raw, escaped) in [
            ("main", "main"),
            ("a-b_c9", "a-b_c9"),
            ("ünï", "ünï"),
            ("", ""),
            ("-", "\\-"),
            ("-x", "-x"),
            ("1a", "\\31 a"),
            ("a.b:c", "a\\.b\\:c"),
            ("a b", "a\\ b"),
            ("a\u{1}", "a\\1 "),
            ("a\0", "a\u{fffd}"),
        ] {
            assert_eq!(escape_ident(raw), escaped, "{raw:?}");
        }
    }
}
