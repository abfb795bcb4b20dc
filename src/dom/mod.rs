//! The snapshot: one document model for every source (static parse, later the live DOM walk).
//!
//! An arena of nodes addressed by [`NodeId`]. Elements keep their namespace, local name,
//! attributes in source order and the source line where their start tag ended. The document
//! also keeps the parse errors html5ever reported and the limits that were hit while building it.
//! Every walk over the arena is iterative: documents may be deeper than the native stack allows.

pub(crate) mod encoding;
pub(crate) mod parse;

use std::collections::HashMap;
use html5ever::tendril::StrTendril;

pub use html5ever::{local_name, ns, LocalName, Namespace};

/// Index of a node in the snapshot arena. The document node is always `NodeId(0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The document node.
    pub const DOCUMENT: NodeId = NodeId(0);
    /// Index into per-node vectors.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of document the snapshot holds: HTML page rules (title, lang) apply only to `Html`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A text/html page.
    Html,
    /// A standalone SVG document.
    Svg,
    /// An XML or XHTML document.
    Xml,
}

/// One attribute, name lower-cased by the parser (namespaced ones keep their prefix, e.g. `xlink:href`).
#[derive(Clone, Debug)]
pub struct Attr {
    /// Local name (for `xlink:href`, the full `xlink:href`).
    pub name: LocalName,
    /// Raw value as written: the parser's own buffer, moved in, not copied (values of up to 8
    /// bytes are stored inline).
    pub value: StrTendril,
}

/// Element payload.
#[derive(Clone, Debug)]
pub struct Element {
    /// Namespace (HTML, SVG or MathML).
    pub ns: Namespace,
    /// Local name, lower case for HTML elements.
    pub name: LocalName,
    /// Attributes in source order.
    pub attrs: Vec<Attr>,
    /// 1-based source line where the start tag ended (0 when created by the parser implicitly).
    pub line: u32,
    /// For `<template>`: the content fragment, which is not rendered.
    pub template_contents: Option<NodeId>,
}

impl Element {
    /// Value of attribute `name` (`local_name!("aria-label")`). Names are atoms: one integer
    /// compare per attribute, where a string compare showed as 4-6 % of a check in wasm.
    #[inline]
    pub fn attr(&self, name: &LocalName) -> Option<&str> {
        self.attrs.iter().find(|a| a.name == *name).map(|a| &*a.value)
    }
    /// Whether attribute `name` is present.
    #[inline]
    pub fn has_attr(&self, name: &LocalName) -> bool {
        self.attrs.iter().any(|a| a.name == *name)
    }
    /// Whether this is an HTML element named `name`.
    #[inline]
    pub fn is_html(&self, name: &LocalName) -> bool {
        self.ns == ns!(html) && self.name == *name
    }
    /// [`Element::attr`] for a name known only as text (from a table or the page).
    pub fn attr_str(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|a| &*a.name == name).map(|a| &*a.value)
    }
    /// [`Element::has_attr`] for a name known only as text.
    pub fn has_attr_str(&self, name: &str) -> bool {
        self.attrs.iter().any(|a| &*a.name == name)
    }
    /// [`Element::is_html`] for a name known only as text.
    pub fn is_html_str(&self, name: &str) -> bool {
        self.ns == ns!(html) && &*self.name == name
    }
    /// Whether this is an SVG element.
    pub fn is_svg(&self) -> bool {
        self.ns == ns!(svg)
    }
}

/// Node payload.
#[derive(Clone, Debug)]
pub enum NodeData {
    /// The document root.
    Document,
    /// A doctype.
    Doctype,
    /// A document fragment (template contents).
    Fragment,
    /// An element.
    Element(Element),
    /// A text node (the parser's buffer).
    Text(StrTendril),
    /// A comment or processing instruction.
    Comment,
}

/// One node of the arena with its tree links.
#[derive(Clone, Debug)]
pub struct Node {
    /// Parent node.
    pub parent: Option<NodeId>,
    /// First child.
    pub first_child: Option<NodeId>,
    /// Last child.
    pub last_child: Option<NodeId>,
    /// Previous sibling.
    pub prev_sibling: Option<NodeId>,
    /// Next sibling.
    pub next_sibling: Option<NodeId>,
    /// Payload.
    pub data: NodeData,
}

/// A limit hit while building or checking: the report says so and is marked partial.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitHit {
    /// Stable id: `depth`, `size`, ...
    pub limit: String,
    /// What happened, for people.
    pub message: String,
}

/// The parsed document.
#[derive(Debug)]
pub struct Snapshot {
    pub(crate) nodes: Vec<Node>,
    /// Parse errors reported by html5ever (kept, never raised).
    pub parse_errors: Vec<String>,
    /// Kind of document.
    pub kind: DocumentKind,
    /// Limits hit while parsing.
    pub limits: Vec<LimitHit>,
    /// Encoding the bytes were decoded with.
    pub encoding: String,
    /// A fragment (component or snippet) rather than a whole page.
    pub fragment: bool,
    ids: HashMap<String, NodeId>,
    /// Every element in tree order (template contents excluded): most rules scan elements
    /// only, so they walk this list instead of every node's links.
    elements: Vec<NodeId>,
    /// Positions in `elements` of the elements with each local name, in tree order.
    by_tag: AtomMap<Vec<u32>>,
    /// Positions in `elements` of the elements with each attribute, in tree order.
    by_attr: AtomMap<Vec<u32>>,
    /// Positions in `elements` of the elements with an `aria-*` attribute, in tree order.
    with_aria: Vec<u32>,
}

/// Map keyed by atoms. An atom hashes as one precomputed u64 (for short names, the packed
/// bytes themselves), so one multiply and fold spread it enough; SipHash would cost more
/// than the rest of the look-up.
type AtomMap<V> = HashMap<LocalName, V, AtomHash>;

/// Hasher builder for maps keyed by atoms (or references to them).
pub(crate) type AtomHash = std::hash::BuildHasherDefault<AtomHasher>;

/// The [`AtomMap`] hasher: the atom's own hash, mixed once.
#[derive(Default)]
pub(crate) struct AtomHasher(u64);

impl std::hash::Hasher for AtomHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Not reached for atoms (they write one u64); kept correct for any other key.
        for b in bytes {
            self.write_u64(self.0.rotate_left(8) ^ u64::from(*b));
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn finish(&self) -> u64 {
        let h = self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ (h >> 32)
    }
}

/// Elements of the snapshot picked out by an index, in tree order.
#[derive(Clone)]
pub struct Indexed<'a> {
    elements: &'a [NodeId],
    positions: std::slice::Iter<'a, u32>,
}

impl Iterator for Indexed<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        self.positions.next().map(|p| self.elements[*p as usize])
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.positions.size_hint()
    }
}

impl Snapshot {
    pub(crate) fn new(nodes: Vec<Node>, kind: DocumentKind) -> Snapshot {
        let mut snap = Snapshot {
            nodes,
            parse_errors: Vec::new(),
            kind,
            limits: Vec::new(),
            encoding: "UTF-8".into(),
            fragment: false,
            ids: HashMap::new(),
            elements: Vec::new(),
            by_tag: AtomMap::default(),
            by_attr: AtomMap::default(),
            with_aria: Vec::new(),
        };
        snap.index();
        snap
    }

    /// The element list, the first element in tree order for each id (what `getElementById`
    /// returns), and the elements by local name and by attribute name, so that rules visit only
    /// the elements their applicability can match instead of scanning all of them. Elements
    /// inside `<template>` contents are not in the document and are in none of these.
    fn index(&mut self) {
        let mut ids = HashMap::new();
        let mut elements = Vec::new();
        let mut by_tag = AtomMap::<Vec<u32>>::default();
        let mut by_attr = AtomMap::<Vec<u32>>::default();
        for id in self.descendants(NodeId::DOCUMENT) {
            let Some(el) = self.element(id) else { continue };
            let pos = elements.len() as u32;
            elements.push(id);
            push_at(&mut by_tag, &el.name, pos);
            for a in &el.attrs {
                push_at(&mut by_attr, &a.name, pos);
            }
            if let Some(v) = el.attr(&local_name!("id")) {
                if !v.is_empty() {
                    ids.entry(v.to_string()).or_insert(id);
                }
            }
        }
        // A page has a few dozen distinct attribute names: merging the aria-* lists costs less
        // than testing the prefix of every attribute.
        let mut with_aria: Vec<u32> = by_attr
            .iter()
            .filter(|(name, _)| name.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("aria-")))
            .flat_map(|(_, positions)| positions.iter().copied())
            .collect();
        with_aria.sort_unstable();
        with_aria.dedup();
        self.ids = ids;
        self.elements = elements;
        self.by_tag = by_tag;
        self.by_attr = by_attr;
        self.with_aria = with_aria;
    }

    /// Every element of the document in tree order (template contents excluded).
    pub fn elements(&self) -> &[NodeId] {
        &self.elements
    }

    /// The elements with local name `name` (any namespace), in tree order.
    pub fn with_tag(&self, name: &LocalName) -> Indexed<'_> {
        self.indexed(self.by_tag.get(name).map_or(&[], Vec::as_slice))
    }

    /// The elements with an attribute `name`, in tree order.
    pub fn with_attr(&self, name: &LocalName) -> Indexed<'_> {
        self.indexed(self.by_attr.get(name).map_or(&[], Vec::as_slice))
    }

    /// Every distinct attribute name of the document's elements.
    pub fn attr_names(&self) -> impl Iterator<Item = &LocalName> {
        self.by_attr.keys()
    }

    /// The elements with at least one `aria-*` attribute, in tree order.
    pub fn with_aria_attrs(&self) -> Indexed<'_> {
        self.indexed(&self.with_aria)
    }

    /// The elements of any of `sets` (from this snapshot's `with_*`), each once, in tree order.
    pub fn union<'a>(&'a self, sets: impl IntoIterator<Item = Indexed<'a>>) -> Vec<NodeId> {
        let mut positions: Vec<u32> = sets.into_iter().flat_map(|s| s.positions.copied()).collect();
        positions.sort_unstable();
        positions.dedup();
        positions.into_iter().map(|p| self.elements[p as usize]).collect()
    }

    fn indexed<'a>(&'a self, positions: &'a [u32]) -> Indexed<'a> {
        Indexed { elements: &self.elements, positions: positions.iter() }
    }

    /// A whole HTML page: page-level rules (title, lang, landmarks) apply only then, not to
    /// SVG/XML documents or fragments.
    pub fn is_html_page(&self) -> bool {
        self.kind == DocumentKind::Html && !self.fragment
    }

    /// Number of nodes in the arena (size of per-node vectors).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the arena is empty (never: it always holds the document).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The node behind `id`.
    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// The element behind `id`, if it is one.
    #[inline]
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.index()].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.index()].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The element with this id attribute (first in tree order), like `getElementById`.
    pub fn by_id(&self, id: &str) -> Option<NodeId> {
        self.ids.get(id).copied()
    }

    /// Parent node.
    #[inline]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.index()].parent
    }

    /// Parent if it is an element.
    pub fn parent_element(&self, id: NodeId) -> Option<NodeId> {
        self.parent(id).filter(|p| self.element(*p).is_some())
    }

    /// Children in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { snap: self, next: self.nodes[id.index()].first_child }
    }

    /// Element children in order.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |c| self.element(*c).is_some())
    }

    /// Ancestors from the parent up to the document.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |n| self.parent(*n))
    }

    /// Descendants of `id` in tree order, excluding `id` itself. Iterative. Template contents
    /// are not descendants (they are not part of the document tree).
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { snap: self, root: id, next: self.nodes[id.index()].first_child }
    }

    /// The root `<html>` element (or the root element of an SVG/XML document).
    pub fn root_element(&self) -> Option<NodeId> {
        self.element_children(NodeId::DOCUMENT).next()
    }

    /// The first `<body>` child of the root element.
    pub fn body(&self) -> Option<NodeId> {
        let root = self.root_element()?;
        self.element_children(root)
            .find(|c| self.element(*c).is_some_and(|e| e.is_html(&local_name!("body"))))
    }

    /// The first `<title>` in the document, as browsers find `document.title`.
    pub fn title_element(&self) -> Option<NodeId> {
        self.descendants(NodeId::DOCUMENT).find(|n| {
            self.element(*n)
                .is_some_and(|e| e.is_html(&local_name!("title")) || (e.is_svg() && &*e.name == "title"))
        })
    }

    /// Concatenated text of all descendant text nodes (like `textContent`).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Some(t) = self.text(id) {
            out.push_str(t);
        }
        for d in self.descendants(id) {
            if let Some(t) = self.text(d) {
                out.push_str(t);
            }
        }
        out
    }

    /// Element-child indices from the root element down to `id` (empty for the root itself).
    pub fn element_path(&self, id: NodeId) -> Vec<usize> {
        let root = self.root_element();
        let mut path = Vec::new();
        let mut cur = id;
        while Some(cur) != root {
            let Some(p) = self.parent(cur) else { break };
            let idx = self.element_children(p).position(|c| c == cur).unwrap_or(0);
            path.push(idx);
            cur = p;
        }
        path.reverse();
        path
    }

    /// All node ids in arena order.
    pub fn ids(&self) -> impl Iterator<Item = NodeId> {
        (0..self.nodes.len() as u32).map(NodeId)
    }
}

/// Append `pos` to the list of `name`, cloning the atom only for a name not seen before.
fn push_at(map: &mut AtomMap<Vec<u32>>, name: &LocalName, pos: u32) {
    match map.get_mut(name) {
        // The parser drops repeated attributes; the check keeps each element once regardless.
        Some(list) => {
            if list.last() != Some(&pos) {
                list.push(pos);
            }
        }
        None => {
            map.insert(name.clone(), vec![pos]);
        }
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    snap: &'a Snapshot,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.snap.nodes[cur.index()].next_sibling;
        Some(cur)
    }
}

/// Pre-order iterator over descendants, without recursion.
pub struct Descendants<'a> {
    snap: &'a Snapshot,
    root: NodeId,
    next: Option<NodeId>,
}

impl<'a> Descendants<'a> {
    /// Skip the subtree of the node returned last: continue with its next sibling or an
    /// ancestor's next sibling.
    pub fn skip_subtree_of(&mut self, last: NodeId) {
        self.next = self.after_subtree(last);
    }

    fn after_subtree(&self, mut cur: NodeId) -> Option<NodeId> {
        loop {
            if cur == self.root {
                return None;
            }
            let node = &self.snap.nodes[cur.index()];
            if let Some(s) = node.next_sibling {
                return Some(s);
            }
            cur = node.parent?;
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        let node = &self.snap.nodes[cur.index()];
        self.next = match node.first_child {
            Some(c) => Some(c),
            None => self.after_subtree(cur),
        };
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(snap: &Snapshot, ids: impl IntoIterator<Item = NodeId>) -> Vec<String> {
        ids.into_iter().filter_map(|id| snap.element(id)).map(|e| e.name.to_string()).collect()
    }

    #[test]
    fn indexes_list_elements_in_tree_order_without_template_contents() {
        // The table's <p> is foster-parented: created after the <td> but placed before the table.
        let snap = parse::parse_html(
            "<table><tr><td lang=en>x</td><p aria-label=a role=note>y</table>\
             <template><p lang=fr aria-hidden=true></p></template><b ARIA-busy=true lang=de></b>",
            DocumentKind::Html,
        );
        assert_eq!(names(&snap, snap.with_attr(&local_name!("lang"))), ["td", "b"]);
        assert_eq!(names(&snap, snap.with_tag(&local_name!("p"))), ["p"]);
        assert_eq!(names(&snap, snap.with_aria_attrs()), ["p", "b"]);
        let union = snap.union([snap.with_tag(&local_name!("td")), snap.with_attr(&local_name!("role"))]);
        assert_eq!(names(&snap, union), ["p", "td"]);
        assert_eq!(snap.with_tag(&local_name!("video")).count(), 0);
    }
}
