//! Rules bucketed by the rightmost compound's id, class or tag (as stylo's `SelectorMap`), so
//! each element is only matched against selectors that can apply to it.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

use selectors::matching::QuirksMode;
use selectors::parser::{AncestorHashes, Combinator, Component, Selector};

use html5ever::{local_name, LocalName};

use super::element::{Impl, PseudoElement};
use super::sheet::Origin;
use crate::dom::{DocumentKind, Element, Snapshot};

/// A small multiplicative hasher (the Fx hash rustc uses): the cascade's maps are keyed by
/// short strings and pointers, where SipHash's DoS resistance buys nothing.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap` with [`FxHasher`].
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Which box a selector styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Element,
    Before,
    After,
}

/// One complex selector of a rule, with what the cascade sorts by.
pub(crate) struct Entry {
    pub selector: Selector<Impl>,
    pub specificity: u32,
    pub block: u32,
    pub layer: u32,
    pub order: u32,
    pub origin: Origin,
    pub target: Target,
    /// Ancestor names/ids/classes the selector needs, for bloom-filter rejection.
    pub hashes: AncestorHashes,
    /// Whether being a candidate means matching (see [`Sure`]).
    pub sure: Sure,
}

/// Whether a candidate entry matches without running the selector: it is its bucket key alone
/// (`p`, `.card`, `#main`). Tags, ids and classes were a third of the full matches on the
/// bench's 1k page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sure {
    No,
    /// An id or class: its bucket is looked up by the exact value.
    Always,
    /// A lower-case tag: an element whose name has upper case (SVG's `foreignObject`) is
    /// looked up lower-cased, and may not match.
    IfLowerCaseName,
}

#[derive(Default)]
pub(crate) struct SelectorMap {
    pub entries: Vec<Entry>,
    by_id: HashMap<String, Vec<u32>>,
    by_class: HashMap<String, Vec<u32>>,
    /// By lower-case tag name (atoms: their hash is precomputed).
    by_tag: HashMap<LocalName, Vec<u32>>,
    /// Selectors whose best key is an attribute name (`[data-state="open"]`), lower case.
    by_attr: HashMap<LocalName, Vec<u32>>,
    /// Selectors whose best key is `:root`.
    root: Vec<u32>,
    universal: Vec<u32>,
}

enum Key {
    Id(String),
    Class(String),
    Tag(LocalName),
    /// `:is(h1, h2, h3)`: one of these lower-case tags (distinct: an element meets one).
    Tags(Vec<LocalName>),
    Attr(LocalName),
    Root,
    Universal,
}

/// The lower-case tags of `:is()`/`:where()` alternatives that each need one (`h1` in
/// `h1.title` or `main h1`), distinct; None when one alternative needs none.
fn alternative_tags(list: &selectors::SelectorList<Impl>) -> Option<Vec<LocalName>> {
    let mut tags: Vec<LocalName> = Vec::new();
    for sel in list.slice() {
        // The rightmost compound only: iteration stops at its combinator.
        let tag = sel.iter().find_map(|c| match c {
            Component::LocalName(l) => Some(l.lower_name.0.clone()),
            _ => None,
        })?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Some(tags)
}

/// The bucket key and target of a selector (None: a pseudo-element we don't compute), and
/// whether it is that key alone.
fn key(selector: &Selector<Impl>) -> Option<(Key, Target, Sure)> {
    let mut iter = selector.iter();
    let mut target = Target::Element;
    let mut key = Key::Universal;
    let mut first = true;
    // Components of the element's compound.
    let mut components = 0;
    loop {
        for c in iter.by_ref() {
            components += 1;
            match c {
                Component::PseudoElement(p) => {
                    target = match p {
                        PseudoElement::Before => Target::Before,
                        PseudoElement::After => Target::After,
                        PseudoElement::Other => return None,
                    }
                }
                Component::ID(id) => key = Key::Id(String::from(&*id.0)),
                Component::Class(c) if !matches!(key, Key::Id(_)) => key = Key::Class(String::from(&*c.0)),
                Component::LocalName(l) if matches!(key, Key::Universal | Key::Attr(_)) => {
                    key = Key::Tag(l.lower_name.0.clone())
                }
                Component::AttributeInNoNamespaceExists { local_name_lower, .. } if matches!(key, Key::Universal) => {
                    key = Key::Attr(local_name_lower.0.clone())
                }
                Component::AttributeInNoNamespace { local_name, .. } if matches!(key, Key::Universal) => {
                    key = Key::Attr(local_name.0.clone())
                }
                Component::Is(list) | Component::Where(list) if matches!(key, Key::Universal | Key::Attr(_)) => {
                    if let Some(tags) = alternative_tags(list) {
                        key = Key::Tags(tags);
                    }
                }
                Component::Root if matches!(key, Key::Universal) => key = Key::Root,
                _ => {}
            }
        }
        // `a::before`: the pseudo-element compound comes first; the element compound follows.
        match iter.next_sequence() {
            Some(Combinator::PseudoElement) if first => {
                first = false;
                components = 0;
            }
            None if components == 1 && target == Target::Element => {
                let sure = match selector.iter().next() {
                    Some(Component::ID(_) | Component::Class(_)) => Sure::Always,
                    Some(Component::LocalName(l)) if l.name == l.lower_name => Sure::IfLowerCaseName,
                    _ => Sure::No,
                };
                return Some((key, target, sure));
            }
            _ => return Some((key, target, Sure::No)),
        }
    }
}

/// Whether an element's name and attribute names surely have no ASCII upper case: html5ever
/// lower-cases them for HTML-namespace elements of an HTML page (not SVG's `foreignObject` or
/// `viewBox`). Checking every name for upper case instead cost 0.10M instructions a 1k check.
pub(crate) fn lower_case_names(snap: &Snapshot, el: &Element) -> bool {
    snap.kind == DocumentKind::Html && el.ns == html5ever::ns!(html)
}

impl SelectorMap {
    pub(crate) fn insert(&mut self, entry: Entry) {
        let Some((key, target, sure)) = key(&entry.selector) else { return };
        let idx = self.entries.len() as u32;
        let hashes = AncestorHashes::new(&entry.selector, QuirksMode::NoQuirks);
        self.entries.push(Entry { target, hashes, sure, ..entry });
        match key {
            Key::Id(s) => self.by_id.entry(s).or_default().push(idx),
            Key::Class(s) => self.by_class.entry(s).or_default().push(idx),
            Key::Tag(s) => self.by_tag.entry(s).or_default().push(idx),
            Key::Tags(tags) => {
                for s in tags {
                    self.by_tag.entry(s).or_default().push(idx);
                }
            }
            Key::Attr(s) => self.by_attr.entry(s).or_default().push(idx),
            Key::Root => self.root.push(idx),
            Key::Universal => self.universal.push(idx),
        }
    }

    /// Indices of the entries that may match `el` (each at most once); `root`: whether it is
    /// the document element; `lower_case`: its names are lower case (see [`lower_case_names`]).
    pub(crate) fn candidates(&self, el: &Element, root: bool, lower_case: bool, out: &mut Vec<u32>) {
        out.clear();
        out.extend_from_slice(&self.universal);
        if root {
            out.extend_from_slice(&self.root);
        }
        if let Some(id) = el.attr(&local_name!("id")) {
            if let Some(v) = self.by_id.get(id) {
                out.extend_from_slice(v);
            }
        }
        if let Some(classes) = el.attr(&local_name!("class")) {
            for (i, c) in classes.split_ascii_whitespace().enumerate() {
                // A repeated class adds its bucket once (classes are few: no set needed).
                if classes.split_ascii_whitespace().take(i).any(|p| p == c) {
                    continue;
                }
                if let Some(v) = self.by_class.get(c) {
                    out.extend_from_slice(v);
                }
            }
        }
        let bucket = if !lower_case && el.name.bytes().any(|b| b.is_ascii_uppercase()) {
            self.by_tag.get(&LocalName::from(el.name.to_ascii_lowercase()))
        } else {
            self.by_tag.get(&el.name)
        };
        if let Some(v) = bucket {
            out.extend_from_slice(v);
        }
        if !self.by_attr.is_empty() {
            for a in &el.attrs {
                // Keys are lower case; SVG keeps some camelCase names (viewBox).
                let hit = if !lower_case && a.name.bytes().any(|b| b.is_ascii_uppercase()) {
                    self.by_attr.get(&LocalName::from(a.name.to_ascii_lowercase()))
                } else {
                    self.by_attr.get(&a.name)
                };
                if let Some(v) = hit {
                    out.extend_from_slice(v);
                }
            }
        }
    }
}
