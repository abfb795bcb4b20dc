//! Static collector, part 1: html5ever drives a `TreeSink` that builds the [`Snapshot`] arena.
//!
//! Parsing never fails: parse errors are recorded. Tree depth is capped the way Chromium's
//! parser caps it (`kMaximumHTMLParserDOMTreeDepth` = 512): once the open-element stack is that
//! deep, new nodes are attached to the parent's parent, so absurdly nested input stays flat
//! and every later walk stays cheap.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, ParseOpts, QualName};

use super::{Attr, DocumentKind, Element, LimitHit, Node, NodeData, NodeId, Snapshot};

/// Chromium's maximum DOM depth for parser-inserted nodes.
pub(crate) const MAX_DEPTH: u32 = 512;
/// Nesting the tree builder is allowed to reach before parsing stops: html5ever scans its stack
/// of open elements on each insertion, so unbounded nesting costs quadratic time.
pub(crate) const MAX_OPEN_DEPTH: u32 = 4096;
/// Input is fed in chunks of this many bytes; the nesting limit is checked between chunks.
const CHUNK: usize = 16 * 1024;
/// Fewest bytes of markup per node in typical pages (the bench's generated pages have 17-25,
/// ACT's test pages more), for reserving the node vectors up front.
const BYTES_PER_NODE: usize = 16;
/// Reservation cap (the check refuses far larger documents anyway).
const MAX_RESERVED_NODES: usize = 1 << 20;
/// At most this many parse errors are kept (a broken 50 MB page reports millions).
const MAX_PARSE_ERRORS: usize = 1000;

/// Each node's element name, for the tree builder (`None` for other nodes, which are answered
/// with the empty name `none`).
struct QualNames {
    names: Vec<Option<QualName>>,
    none: QualName,
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    depth: RefCell<Vec<u32>>,
    /// Depth each node would have without the cap (the tree builder's stack depth).
    open_depth: RefCell<Vec<u32>>,
    too_deep: Rc<Cell<u32>>,
    qual_names: RefCell<QualNames>,
    errors: RefCell<Vec<String>>,
    error_count: Cell<usize>,
    line: Cell<u32>,
    depth_capped: Cell<bool>,
}

impl Sink {
    /// A sink for a document of `len` bytes. The node vectors start at a size estimated from
    /// the length, as growing them by doubling copied each several times (0.25M instructions
    /// of a 1k-element page's check). A generous estimate costs little: memory that is
    /// reserved and never written is not paged in.
    fn new(len: usize) -> Sink {
        let nodes = (len / BYTES_PER_NODE).clamp(16, MAX_RESERVED_NODES);
        fn with<T>(first: T, capacity: usize) -> Vec<T> {
            let mut v = Vec::with_capacity(capacity);
            v.push(first);
            v
        }
        let doc = Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data: NodeData::Document,
        };
        Sink {
            nodes: RefCell::new(with(doc, nodes)),
            depth: RefCell::new(with(0, nodes)),
            open_depth: RefCell::new(with(0, nodes)),
            too_deep: Rc::new(Cell::new(0)),
            qual_names: RefCell::new(QualNames {
                names: with(None, nodes),
                none: QualName::new(None, html5ever::ns!(html), html5ever::local_name!("")),
            }),
            errors: RefCell::new(Vec::new()),
            error_count: Cell::new(0),
            line: Cell::new(1),
            depth_capped: Cell::new(false),
        }
    }

    fn push(&self, data: NodeData, qual: Option<QualName>) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = NodeId(nodes.len() as u32);
        nodes.push(Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        });
        self.depth.borrow_mut().push(0);
        self.open_depth.borrow_mut().push(0);
        self.qual_names.borrow_mut().names.push(qual);
        id
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id.index()];
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => nodes[p.index()].next_sibling = next,
            None => nodes[parent.index()].first_child = next,
        }
        match next {
            Some(n) => nodes[n.index()].prev_sibling = prev,
            None => nodes[parent.index()].last_child = prev,
        }
        let n = &mut nodes[id.index()];
        n.parent = None;
        n.prev_sibling = None;
        n.next_sibling = None;
    }

    /// Where a child of `parent` really goes once the depth cap applies.
    fn capped_parent(&self, parent: NodeId) -> NodeId {
        let nodes = self.nodes.borrow();
        let depth = self.depth.borrow();
        let mut p = parent;
        while depth[p.index()] >= MAX_DEPTH {
            match nodes[p.index()].parent {
                Some(pp) => p = pp,
                None => break,
            }
        }
        if p != parent {
            self.depth_capped.set(true);
        }
        p
    }

    fn append_node(&self, parent: NodeId, child: NodeId) {
        {
            let mut open = self.open_depth.borrow_mut();
            let d = open[parent.index()] + 1;
            open[child.index()] = d;
            if d > MAX_OPEN_DEPTH && self.too_deep.get() == 0 {
                self.too_deep.set(self.line.get().max(1));
            }
        }
        let parent = self.capped_parent(parent);
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let last = nodes[parent.index()].last_child;
        {
            let c = &mut nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => nodes[l.index()].next_sibling = Some(child),
            None => nodes[parent.index()].first_child = Some(child),
        }
        nodes[parent.index()].last_child = Some(child);
        let mut depth = self.depth.borrow_mut();
        depth[child.index()] = depth[parent.index()] + 1;
    }

    fn insert_before(&self, sibling: NodeId, child: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let Some(parent) = nodes[sibling.index()].parent else { return };
        let prev = nodes[sibling.index()].prev_sibling;
        {
            let c = &mut nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
        }
        nodes[sibling.index()].prev_sibling = Some(child);
        match prev {
            Some(p) => nodes[p.index()].next_sibling = Some(child),
            None => nodes[parent.index()].first_child = Some(child),
        }
        let mut depth = self.depth.borrow_mut();
        depth[child.index()] = depth[parent.index()] + 1;
    }

    /// Append text, merging with a preceding text node as the DOM does. The parser's buffer is
    /// kept, not copied.
    fn append_text_to(&self, parent: NodeId, text: StrTendril) {
        let parent = self.capped_parent(parent);
        {
            let mut nodes = self.nodes.borrow_mut();
            if let Some(last) = nodes[parent.index()].last_child {
                if let NodeData::Text(t) = &mut nodes[last.index()].data {
                    t.push_tendril(&text);
                    return;
                }
            }
        }
        let id = self.push(NodeData::Text(text), None);
        self.append_node(parent, id);
    }

    fn text_before(&self, sibling: NodeId, text: StrTendril) {
        {
            let mut nodes = self.nodes.borrow_mut();
            if let Some(prev) = nodes[sibling.index()].prev_sibling {
                if let NodeData::Text(t) = &mut nodes[prev.index()].data {
                    t.push_tendril(&text);
                    return;
                }
            }
        }
        let id = self.push(NodeData::Text(text), None);
        self.insert_before(sibling, id);
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Sink;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Sink {
        self
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.error_count.set(self.error_count.get() + 1);
        let mut errors = self.errors.borrow_mut();
        if errors.len() < MAX_PARSE_ERRORS {
            errors.push(format!("line {}: {}", self.line.get(), msg));
        }
    }

    fn get_document(&self) -> NodeId {
        NodeId::DOCUMENT
    }

    // A borrow, not a copy: the tree builder asks for names tens of times per element (scope
    // checks), and cloning the three atoms each time cost ~0.8M instructions per 1k-element
    // page. markup5ever provides `ElemName` for `Ref<QualName>` for such RefCell sinks.
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.qual_names.borrow(), |q| {
            q.names.get(target.index()).and_then(Option::as_ref).unwrap_or(&q.none)
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let attrs = attrs
            .into_iter()
            .map(|a| {
                let name = match &a.name.prefix {
                    Some(p) => html5ever::LocalName::from(format!("{}:{}", p, a.name.local)),
                    None => a.name.local.clone(),
                };
                Attr { name, value: a.value }
            })
            .collect();
        let template_contents =
            if flags.template { Some(self.push(NodeData::Fragment, None)) } else { None };
        let el = Element {
            ns: name.ns.clone(),
            name: name.local.clone(),
            attrs,
            line: self.line.get(),
            template_contents,
        };
        self.push(NodeData::Element(el), Some(name))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Comment, None)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Comment, None)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(n) => self.append_node(*parent, n),
            NodeOrText::AppendText(t) => self.append_text_to(*parent, t),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[element.index()].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {
        let id = self.push(NodeData::Doctype, None);
        self.append_node(NodeId::DOCUMENT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.nodes.borrow()[target.index()].data {
            NodeData::Element(Element { template_contents: Some(c), .. }) => *c,
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(n) => self.insert_before(*sibling, n),
            NodeOrText::AppendText(t) => self.text_before(*sibling, t),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(el) = &mut nodes[target.index()].data {
            for a in attrs {
                if !el.attrs.iter().any(|x| x.name == a.name.local) {
                    el.attrs.push(Attr { name: a.name.local, value: a.value });
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let children: Vec<NodeId> = {
            let nodes = self.nodes.borrow();
            std::iter::successors(nodes[node.index()].first_child, |c| nodes[c.index()].next_sibling)
                .collect()
        };
        for c in children {
            self.append_node(*new_parent, c);
        }
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line.min(u32::MAX as u64) as u32);
    }
}

/// Parse decoded HTML text into a snapshot. Never fails.
pub(crate) fn parse_html(text: &str, kind: DocumentKind) -> Snapshot {
    let sink = Sink::new(text.len());
    let too_deep = sink.too_deep.clone();
    let mut parser = parse_document(sink, ParseOpts::default());
    let mut rest = text;
    let mut stopped_at = None;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from(chunk));
        rest = tail;
        if too_deep.get() > 0 {
            stopped_at = Some(too_deep.get());
            break;
        }
    }
    let sink = parser.finish();
    let capped = sink.depth_capped.get();
    let error_count = sink.error_count.get();
    let mut snap = Snapshot::new(sink.nodes.into_inner(), kind);
    snap.parse_errors = sink.errors.into_inner();
    if error_count > MAX_PARSE_ERRORS {
        snap.parse_errors.push(format!("... and {} more parse errors", error_count - MAX_PARSE_ERRORS));
    }
    if let Some(line) = stopped_at {
        snap.limits.push(LimitHit {
            limit: "depth".into(),
            message: format!(
                "elements are nested more than {MAX_OPEN_DEPTH} levels deep near line {line}; the rest of the document was not parsed or checked"
            ),
        });
    } else if capped {
        snap.limits.push(LimitHit {
            limit: "depth".into(),
            message: format!(
                "elements nested deeper than {MAX_DEPTH} levels were attached higher up, as Chromium's parser does"
            ),
        });
    }
    snap
}
