//! Accessible name and description (W3C accname 1.2 with the per-element rules of HTML-AAM),
//! following what Chromium computes where the specs leave room (checked ad hoc against
//! Chromium 148 through CDP `Accessibility.getPartialAXTree`).
//!
//! The computation is recursive in the spec. Here only *hops* recurse (following
//! `aria-labelledby`/`aria-describedby`, `<label>` elements, the chosen option of an embedded
//! select); each hop is bounded by [`MAX_HOPS`] and a visited set guards cycles. Name from content
//! walks the subtree with an explicit stack, so document depth never grows the native stack.
//!
//! Where Chromium departs from the letter of accname/HTML-AAM we follow Chromium (each choice is
//! a case in `tests/accname_cases.rs`): hidden `<label>`s are ignored (a hidden
//! aria-labelledby target is not); `<figure>` is not named by its `<figcaption>`; title comes
//! before placeholder for native fields but aria-placeholder before title for ARIA ones; text
//! containers (generic, paragraph, time...) are never named by their title, and a title that
//! only repeats the element's text is dropped; containers such as navigation, group, article
//! or img lend nothing to an ancestor's name from content; descendants named by something
//! other than their text (alt, aria-label, a value), and controls, are set apart by spaces;
//! rows are named from content only inside a grid; elements excluded from the tree have no
//! name.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::{NameSource, Tree};
use crate::dom::{local_name, LocalName, NodeId};
use crate::style::{Display, Position, Visibility};

/// Deepest chain of hops (labelledby → label → option ...) followed for one name.
const MAX_HOPS: usize = 32;

/// Per-tree data the name computation builds once: which `<label>` elements label which control.
#[derive(Default)]
pub(crate) struct Cache {
    labels: OnceCell<HashMap<NodeId, Vec<NodeId>>>,
}

/// Roles whose own name may come from their content: WAI-ARIA 1.2 "name from: contents", the
/// DPUB link roles, and `term`, which Chromium also names from its content.
pub(crate) fn allows_name_from_content(role: &str) -> bool {
    matches!(
        role,
        "button"
            | "cell"
            | "checkbox"
            | "columnheader"
            | "gridcell"
            | "heading"
            | "link"
            | "menuitem"
            | "menuitemcheckbox"
            | "menuitemradio"
            | "option"
            | "radio"
            | "rowheader"
            | "sectionhead"
            | "switch"
            | "tab"
            | "term"
            | "tooltip"
            | "treeitem"
            | "doc-backlink"
            | "doc-biblioref"
            | "doc-glossref"
            | "doc-noteref"
    )
}

/// Roles that never lend their content to an ancestor's name (outside an
/// aria-labelledby/label traversal): containers of many objects, and controls (whose value
/// counts instead). Chromium's "no name from contents" set.
fn blocks_content(role: &str) -> bool {
    matches!(
        role,
        "alert"
            | "alertdialog"
            | "application"
            | "article"
            | "banner"
            | "blockquote"
            | "combobox"
            | "complementary"
            | "contentinfo"
            | "dialog"
            | "document"
            | "feed"
            | "figure"
            | "form"
            | "graphics-document"
            | "grid"
            | "group"
            | "img"
            | "image"
            | "listbox"
            | "log"
            | "main"
            | "marquee"
            | "math"
            | "menu"
            | "menubar"
            | "meter"
            | "navigation"
            | "note"
            | "progressbar"
            | "radiogroup"
            | "region"
            | "scrollbar"
            | "search"
            | "searchbox"
            | "separator"
            | "slider"
            | "spinbutton"
            | "status"
            | "tablist"
            | "tabpanel"
            | "textbox"
            | "timer"
            | "toolbar"
            | "tree"
            | "treegrid"
    )
}

/// Controls whose value, not their subtree, stands for them inside another name (accname 2C).
fn is_value_control(role: &str) -> bool {
    matches!(
        role,
        "textbox"
            | "searchbox"
            | "combobox"
            | "listbox"
            | "slider"
            | "spinbutton"
            | "progressbar"
            | "scrollbar"
            | "meter"
    )
}

/// Descendants that Chromium sets apart with spaces inside a name from content, even inline.
fn spaced_role(role: &str) -> bool {
    matches!(
        role,
        "button"
            | "checkbox"
            | "radio"
            | "switch"
            | "menuitemcheckbox"
            | "menuitemradio"
            | "tab"
            | "option"
    ) || is_value_control(role)
}

/// Roles that WAI-ARIA 1.2 prohibits from being named; Chromium still honours aria-label and
/// aria-labelledby on them, but not title.
fn prohibits_title_name(role: &str) -> bool {
    matches!(
        role,
        "caption"
            | "code"
            | "definition"
            | "deletion"
            | "emphasis"
            | "generic"
            | "insertion"
            | "mark"
            | "none"
            | "paragraph"
            | "presentation"
            | "strong"
            | "subscript"
            | "superscript"
            | "time"
    )
}

/// Embedded content, form controls, and elements Chromium maps to roles of its own (`abbr`,
/// `label`, `dl`, `figcaption`): their title names them whatever ARIA role they map to.
fn is_replaced_or_control(el: &crate::dom::Element) -> bool {
    el.is_svg()
        || el.ns == crate::dom::ns!(html)
            && matches!(
                &*el.name,
                "iframe" | "frame" | "object" | "embed" | "img" | "area" | "audio" | "video"
                    | "canvas" | "input" | "select" | "textarea" | "button" | "meter"
                    | "progress" | "output" | "fieldset" | "details" | "summary" | "abbr"
                    | "label" | "dl" | "figcaption"
            )
}

/// Accessible name of `id` and where it came from, whitespace-folded.
pub(crate) fn compute_name(tree: &Tree, id: NodeId) -> (String, NameSource) {
    if tree.snap.element(id).is_none() {
        return (String::new(), NameSource::None);
    }
    // Like Chromium, an element excluded from the tree has no name.
    if tree.is_hidden(id) {
        return (String::new(), NameSource::None);
    }
    let mut cx = Cx::new(tree);
    let mode = Mode { in_ref: false, include_hidden: false, in_label: false };
    let (text, source) = cx.alt(id, mode, true);
    let text = fold(&text);
    if text.is_empty() {
        return (text, NameSource::None);
    }
    (text, source)
}

/// Accessible description of `id`: aria-describedby, aria-description, then the host
/// language's description (table caption, button value, SVG `<desc>`), then `title` when the
/// name did not come from it.
pub(crate) fn compute_description(tree: &Tree, id: NodeId) -> String {
    let Some(el) = tree.snap.element(id) else { return String::new() };
    if tree.is_hidden(id) {
        return String::new();
    }
    let mut cx = Cx::new(tree);
    cx.visited.insert(id);
    if let Some(refs) = el.attr(&local_name!("aria-describedby")) {
        let text = fold(&cx.follow_refs(refs));
        if !text.is_empty() {
            return text;
        }
    }
    if let Some(d) = el.attr(&local_name!("aria-description")).map(fold).filter(|d| !d.is_empty()) {
        return d;
    }
    let name = tree.name(id).to_string();
    let source = tree.name_source(id);
    // The host language's own description, when that text did not become the name.
    let native = if el.is_html(&local_name!("table")) && source != NameSource::Native {
        first_child_named(tree, id, &local_name!("caption")).map(|c| fold(&cx.subtree_text(c)))
    } else if el.is_html(&local_name!("input"))
        && matches!(input_type(el.attr(&local_name!("type"))), "button" | "submit" | "reset")
    {
        el.attr(&local_name!("value")).map(fold).filter(|v| *v != name)
    } else if el.is_svg() {
        // SVG: `<desc>`, else a `<title>` that did not give the name (Chromium, SVG-AAM).
        svg_child_text(tree, id, "desc").filter(|d| !d.is_empty()).or_else(|| {
            (source != NameSource::Native).then(|| svg_child_text(tree, id, "title")).flatten()
        })
    } else {
        None
    };
    if let Some(n) = native.filter(|n| !n.is_empty()) {
        return n;
    }
    if source != NameSource::Title {
        if let Some(t) = el.attr(&local_name!("title")).map(fold).filter(|t| !t.is_empty() && *t != name) {
            if !cx.repeats_text(id, &t) {
                return t;
            }
        }
    }
    String::new()
}

/// How the current node is reached.
#[derive(Clone, Copy)]
struct Mode {
    /// Inside an aria-labelledby/-describedby or `<label>` traversal: all content counts and
    /// labelledby is not followed again (accname 2B).
    in_ref: bool,
    /// The directly referenced node (or the root) is hidden: its hidden subtree counts (2A).
    include_hidden: bool,
    /// Inside a `<label>`: the element being named, met again there, lends nothing (in an
    /// aria-labelledby traversal it lends its content or value, as in Chromium).
    in_label: bool,
}

/// What a descendant contributes to its ancestor's name from content.
enum Part {
    /// This text, and not its subtree.
    Text(String),
    /// Its `::before`, its children, its `::after`.
    Descend,
    /// Nothing.
    Skip,
}

/// Hashes a node id by one multiplication: a name computation inserts every node it visits,
/// and SipHash was a sixth of what naming cost.
#[derive(Default)]
struct NodeIdHasher(u64);

impl std::hash::Hasher for NodeIdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type NodeSet = HashSet<NodeId, std::hash::BuildHasherDefault<NodeIdHasher>>;

struct Cx<'t, 'a> {
    tree: &'t Tree<'a>,
    /// Nodes whose text alternative was already started: their labelledby is not followed and
    /// their value not used again, which breaks cycles.
    visited: NodeSet,
    hops: usize,
}

impl<'t, 'a> Cx<'t, 'a> {
    fn new(tree: &'t Tree<'a>) -> Self {
        Cx { tree, visited: NodeSet::default(), hops: 0 }
    }

    fn role(&self, id: NodeId) -> &'static str {
        self.tree.role(id).unwrap_or("generic")
    }

    /// Text alternative of `id` as a "current node" of accname step 2: the root, or a node
    /// referenced by aria-labelledby/-describedby, or a `<label>`.
    fn alt(&mut self, id: NodeId, mode: Mode, is_root: bool) -> (String, NameSource) {
        let none = (String::new(), NameSource::None);
        let Some(el) = self.tree.snap.element(id) else {
            return (self.tree.snap.text(id).unwrap_or_default().to_string(), NameSource::Content)
        };
        if self.hops >= MAX_HOPS {
            return none;
        }
        self.hops += 1;
        let already = !self.visited.insert(id);
        let out = self.alt_steps(id, el, mode, is_root, already);
        self.hops -= 1;
        out
    }

    fn alt_steps(
        &mut self,
        id: NodeId,
        el: &crate::dom::Element,
        mode: Mode,
        is_root: bool,
        already: bool,
    ) -> (String, NameSource) {
        // 2B: aria-labelledby, once per computation.
        if !mode.in_ref && !already {
            if let Some(refs) = el.attr(&local_name!("aria-labelledby")) {
                let text = self.follow_refs(refs);
                if !is_blank(&text) {
                    return (text, NameSource::LabelledBy);
                }
            }
        }
        // 2C: a control referenced from another widget's name contributes its value...
        if !is_root && !already {
            if let Some(v) = self.embedded_value(id, mode) {
                return (v, NameSource::Native);
            }
        }
        // 2D: aria-label.
        if let Some(label) = el.attr(&local_name!("aria-label")).filter(|l| !is_blank(l)) {
            return (label.to_string(), NameSource::AriaLabel);
        }
        // 2E: the host language.
        if let Some(found) = self.native(id, mode, is_root) {
            return found;
        }
        // ...and, in Chromium, even when it references itself (then after its aria-label).
        if !is_root && already {
            if let Some(v) = self.embedded_value(id, mode).filter(|v| !is_blank(v)) {
                return (v, NameSource::Native);
            }
        }
        // 2F: content.
        let role = self.role(id);
        // Chromium names rows from their content only inside a grid or treegrid.
        let content_role =
            allows_name_from_content(role) || (role == "row" && self.in_grid(id));
        if mode.in_ref || content_role || el.is_html(&local_name!("summary")) {
            let text = self.content(id, mode);
            if !is_blank(&text) {
                return (text, NameSource::Content);
            }
        }
        // 2I: tooltip, and the placeholder of text fields: Chromium reads an ARIA field's
        // aria-placeholder before its title, a native field's placeholder after.
        if is_root && !is_native_text_field(el) {
            if let Some(p) = self.placeholder(id) {
                return (p, NameSource::Placeholder);
            }
        }
        // Chromium does not name text containers (generic, paragraph...) from their title: it
        // becomes their description.
        let title_names = !is_root || !prohibits_title_name(role) || is_replaced_or_control(el);
        if let Some(t) = el.attr(&local_name!("title")).filter(|t| title_names && !is_blank(t)) {
            // Chromium drops a title that only repeats the element's own text.
            if is_root && self.repeats_text(id, t) {
                return (String::new(), NameSource::None);
            }
            return (t.to_string(), NameSource::Title);
        }
        if is_root {
            if let Some(p) = self.placeholder(id) {
                return (p, NameSource::Placeholder);
            }
        }
        (String::new(), NameSource::None)
    }

    /// Whether `title` equals the element's own visible text (folded).
    fn repeats_text(&mut self, id: NodeId, title: &str) -> bool {
        if self.tree.snap.node(id).first_child.is_none() {
            return false;
        }
        let text = self.content(id, Mode { in_ref: true, include_hidden: false, in_label: false });
        fold(&text) == fold(title)
    }

    /// A row inside a grid or treegrid (row groups in between), as opposed to a table's.
    fn in_grid(&self, row: NodeId) -> bool {
        for a in self.tree.snap.ancestors(row) {
            match self.tree.role(a) {
                Some("grid" | "treegrid") => return true,
                Some("table") => return false,
                _ => {}
            }
        }
        false
    }

    /// Concatenated text alternatives of an IDREF list (2B): each referenced node is computed
    /// in a traversal that includes its hidden subtree when the node itself is hidden.
    fn follow_refs(&mut self, refs: &str) -> String {
        let mut out = String::new();
        for token in refs.split_ascii_whitespace() {
            let Some(target) = self.tree.snap.by_id(token) else { continue };
            let mode =
                Mode { in_ref: true, include_hidden: !is_shown(self.tree, target), in_label: false };
            // A node may name itself (accname example 5): in_ref stops a second labelledby hop.
            let (text, _) = self.alt(target, mode, false);
            out.push(' ');
            out.push_str(&text);
        }
        out
    }

    /// The host language's text alternative (HTML-AAM). `Some` stops the computation, even
    /// with an empty string (an `<img alt="">` has no name from its title).
    fn native(&mut self, id: NodeId, mode: Mode, is_root: bool) -> Option<(String, NameSource)> {
        let tree = self.tree;
        let el = tree.snap.element(id)?;
        let native = |s: String| Some((s, NameSource::Native));
        let presentational = matches!(self.role(id), "none" | "presentation");
        if el.is_svg() {
            if presentational || matches!(&*el.name, "title" | "desc") {
                return None;
            }
            return svg_child_text(tree, id, "title").filter(|t| !t.is_empty()).and_then(native);
        }
        if el.ns != crate::dom::ns!(html) {
            return None;
        }
        match &*el.name {
            "input" => {
                let ty = input_type(el.attr(&local_name!("type")));
                if ty == "hidden" {
                    return None;
                }
                if let Some(l) = self.labels_text(id) {
                    return Some((l, NameSource::Label));
                }
                let value = el.attr(&local_name!("value")).filter(|v| !is_blank(v));
                match ty {
                    "button" | "submit" | "reset" => match (value, ty) {
                        (Some(v), _) => native(v.to_string()),
                        (None, "submit") => native("Submit".into()),
                        (None, "reset") => native("Reset".into()),
                        _ => None,
                    },
                    "image" => {
                        if let Some(a) = el.attr(&local_name!("alt")).filter(|a| !is_blank(a)).or(value) {
                            return native(a.to_string());
                        }
                        if let Some(t) = el.attr(&local_name!("title")).filter(|t| !is_blank(t)) {
                            return Some((t.to_string(), NameSource::Title));
                        }
                        native("Submit".into())
                    }
                    "file" => native("Choose File".into()),
                    _ => None,
                }
            }
            "button" | "select" | "textarea" | "meter" | "output" | "progress" => {
                self.labels_text(id).map(|l| (l, NameSource::Label))
            }
            "img" => {
                if presentational {
                    return Some((String::new(), NameSource::None));
                }
                if let Some(alt) = el.attr(&local_name!("alt")) {
                    return native(alt.to_string());
                }
                // Inside another name, Chromium uses an image's title as its text.
                if !is_root {
                    if let Some(t) = el.attr(&local_name!("title")).filter(|t| !is_blank(t)) {
                        return Some((t.to_string(), NameSource::Title));
                    }
                }
                None
            }
            "area" => el.attr(&local_name!("alt")).filter(|a| !is_blank(a)).and_then(|a| native(a.to_string())),
            "fieldset" if !presentational => {
                let legend = first_child_named(tree, id, &local_name!("legend"))?;
                let text = self.subtree_text_mode(legend, mode);
                (!is_blank(&text)).then_some((text, NameSource::Native))
            }
            "table" if !presentational => {
                if let Some(caption) = first_child_named(tree, id, &local_name!("caption")) {
                    let text = self.subtree_text_mode(caption, mode);
                    if !is_blank(&text) {
                        return Some((text, NameSource::Native));
                    }
                }
                // Chromium still reads the obsolete summary attribute, after the caption.
                el.attr(&local_name!("summary")).filter(|s| !is_blank(s)).and_then(|s| native(s.to_string()))
            }
            "option" | "optgroup" => {
                el.attr(&local_name!("label")).filter(|l| !is_blank(l)).and_then(|l| native(l.to_string()))
            }
            _ => None,
        }
    }

    /// Text of the `<label>` elements of a labelable element, in document order.
    fn labels_text(&mut self, id: NodeId) -> Option<String> {
        let labels: Vec<NodeId> = label_index(self.tree).get(&id).cloned().unwrap_or_default();
        let mut out = String::new();
        for label in labels {
            // Chromium ignores a label that is not rendered or is aria-hidden.
            if self.visited.contains(&label) || !is_shown(self.tree, label) {
                continue;
            }
            let mode = Mode { in_ref: true, include_hidden: false, in_label: true };
            let (text, _) = self.alt(label, mode, false);
            out.push(' ');
            out.push_str(&text);
        }
        (!is_blank(&out)).then_some(out)
    }

    /// Placeholder of a text field: `placeholder` on native ones, `aria-placeholder` on ARIA ones.
    fn placeholder(&self, id: NodeId) -> Option<String> {
        let el = self.tree.snap.element(id)?;
        let attr = if is_native_text_field(el) {
            el.attr(&local_name!("placeholder"))
        } else if el.ns == crate::dom::ns!(html) && !el.is_html(&local_name!("input")) {
            el.attr(&local_name!("aria-placeholder"))
                .filter(|_| matches!(self.role(id), "textbox" | "searchbox" | "combobox"))
        } else {
            None
        };
        attr.filter(|p| !is_blank(p)).map(str::to_string)
    }

    /// The value an embedded control lends to another element's name (accname 2C).
    fn embedded_value(&mut self, id: NodeId, mode: Mode) -> Option<String> {
        let tree = self.tree;
        let el = tree.snap.element(id)?;
        let role = self.role(id);
        match role {
            "textbox" | "searchbox" => {
                if el.is_html(&local_name!("input")) {
                    let value = el.attr(&local_name!("value")).unwrap_or_default();
                    if input_type(el.attr(&local_name!("type"))) == "password" {
                        // Chromium masks a password, one bullet per character.
                        return Some("\u{2022}".repeat(value.chars().count()));
                    }
                    Some(value.to_string())
                } else if el.is_html(&local_name!("textarea")) {
                    let text = tree.snap.text_content(id);
                    Some(text.strip_prefix('\n').unwrap_or(&text).to_string())
                } else {
                    Some(tree.snap.text_content(id))
                }
            }
            "combobox" | "listbox" => {
                if el.is_html(&local_name!("select")) {
                    let chosen = selected_options(tree, id);
                    let mut out = String::new();
                    for option in chosen {
                        out.push(' ');
                        out.push_str(&option_text(tree, option));
                    }
                    Some(out)
                } else if el.is_html(&local_name!("input")) {
                    Some(el.attr(&local_name!("value")).unwrap_or_default().to_string())
                } else if role == "combobox" {
                    // An element combobox: Chromium lends its text when it is referenced or
                    // focusable, nothing otherwise.
                    let lends = mode.in_ref || tree.is_focusable(id);
                    Some(if lends { fold(&tree.snap.text_content(id)) } else { String::new() })
                } else {
                    // ARIA listbox: the options marked selected.
                    let mut out = String::new();
                    let mut walk = tree.snap.descendants(id);
                    while let Some(d) = walk.next() {
                        let Some(o) = tree.snap.element(d) else { continue };
                        if self.role(d) == "option" && o.attr(&local_name!("aria-selected")) == Some("true") {
                            let (text, _) = self.alt(
                                d,
                                Mode { in_ref: true, include_hidden: false, in_label: false },
                                false,
                            );
                            out.push(' ');
                            out.push_str(&text);
                            walk.skip_subtree_of(d);
                        }
                    }
                    Some(out)
                }
            }
            "slider" | "spinbutton" | "progressbar" | "scrollbar" | "meter" => {
                if let Some(t) = el.attr(&local_name!("aria-valuetext")) {
                    return Some(t.to_string());
                }
                if let Some(n) = el.attr(&local_name!("aria-valuenow")).and_then(parse_number) {
                    return Some(format_number(n));
                }
                native_range_value(el).map(format_number)
            }
            _ => None,
        }
    }

    /// Text of a subtree as a label (all content, hidden parts only when `mode` says so).
    fn subtree_text(&mut self, id: NodeId) -> String {
        let mode = Mode { in_ref: true, include_hidden: !is_shown(self.tree, id), in_label: false };
        self.content(id, mode)
    }

    fn subtree_text_mode(&mut self, id: NodeId, mode: Mode) -> String {
        let mode = Mode { in_ref: true, ..mode };
        self.content(id, mode)
    }

    /// What a descendant lends to name from content (accname 2B-2E applied to it, then 2F).
    fn part(&mut self, id: NodeId, mode: Mode) -> Part {
        let Some(el) = self.tree.snap.element(id) else { return Part::Skip };
        if self.hops >= MAX_HOPS {
            return Part::Skip;
        }
        let already = !self.visited.insert(id);
        if already && mode.in_label {
            // The element being named, met again inside its own label: Chromium drops it.
            return Part::Skip;
        }
        if !mode.in_ref && !already {
            if let Some(refs) = el.attr(&local_name!("aria-labelledby")) {
                self.hops += 1;
                let text = self.follow_refs(refs);
                self.hops -= 1;
                if !is_blank(&text) {
                    return Part::Text(text);
                }
            }
        }
        if !already {
            self.hops += 1;
            let value = self.embedded_value(id, mode);
            self.hops -= 1;
            if let Some(v) = value {
                return Part::Text(v);
            }
        }
        if let Some(label) = el.attr(&local_name!("aria-label")).filter(|l| !is_blank(l)) {
            return Part::Text(label.to_string());
        }
        self.hops += 1;
        let native = self.native(id, mode, false);
        self.hops -= 1;
        if let Some((text, _)) = native {
            return Part::Text(text);
        }
        let role = self.role(id);
        if is_value_control(role) {
            // A control's own subtree (options, typed text) is never read as content.
            return Part::Skip;
        }
        let title = el.attr(&local_name!("title")).filter(|t| !is_blank(t));
        if let Some(title) = title {
            // Chromium falls back to the title of controls and embedded objects inside
            // another name, never to the title of plain text containers.
            if matches!(&*el.name, "iframe" | "object" | "embed" | "input") {
                return Part::Text(title.to_string());
            }
            if spaced_role(role) {
                self.hops += 1;
                let text = self.content(id, mode);
                self.hops -= 1;
                return Part::Text(if is_blank(&text) { title.to_string() } else { text });
            }
        }
        if mode.in_ref || !blocks_content(role) {
            Part::Descend
        } else {
            Part::Skip
        }
    }

    /// Name from content (2F/2G) of `root`: its `::before`, every contributing descendant and
    /// its `::after`, with block-level boxes and `<br>` separated by spaces. Iterative.
    fn content(&mut self, root: NodeId, mode: Mode) -> String {
        enum Step {
            Enter(NodeId),
            Exit(NodeId, bool),
        }
        let tree = self.tree;
        let mut out = String::new();
        if let Some(b) = &tree.style(root).before {
            out.push_str(b);
        }
        let mut stack: Vec<Step> = Vec::new();
        push_children(tree, root, &mut stack, Step::Enter);
        while let Some(step) = stack.pop() {
            let id = match step {
                Step::Enter(id) => id,
                Step::Exit(id, block) => {
                    if let Some(a) = &tree.style(id).after {
                        out.push_str(a);
                    }
                    if block {
                        out.push(' ');
                    }
                    continue;
                }
            };
            if let Some(text) = tree.snap.text(id) {
                if mode.include_hidden || tree.style(id).visibility == Visibility::Visible {
                    out.push_str(text);
                }
                continue;
            }
            let Some(el) = tree.snap.element(id) else { continue };
            if never_rendered(el) {
                continue;
            }
            // Not rendered, inert or aria-hidden: the whole subtree is out. `visibility: hidden`
            // only hides the element's own text: a `visibility: visible` descendant shows.
            if !mode.include_hidden && (!tree.is_rendered(id) || tree.is_inert(id) || aria_hidden(el))
            {
                continue;
            }
            // Line breaks, and word-break opportunities, which Chromium reads as breaks too.
            if el.is_html(&local_name!("br")) || el.is_html(&local_name!("wbr")) {
                out.push(' ');
                continue;
            }
            let mut block = is_block(tree, id) || spaced_role(self.role(id));
            if block {
                out.push(' ');
            }
            let invisible = !mode.include_hidden && tree.style(id).visibility != Visibility::Visible;
            let part = if invisible { Part::Descend } else { self.part(id, mode) };
            match part {
                Part::Text(t) => {
                    // Text that did not come from content (alt, aria-label, a value) stands
                    // apart from its neighbours in Chromium.
                    if !block && !t.is_empty() {
                        out.push(' ');
                        block = true;
                    }
                    out.push_str(&t);
                    if block {
                        out.push(' ');
                    }
                }
                Part::Skip => {
                    if block {
                        out.push(' ');
                    }
                }
                Part::Descend => {
                    if !invisible {
                        if let Some(b) = &tree.style(id).before {
                            out.push_str(b);
                        }
                    }
                    stack.push(Step::Exit(id, block));
                    push_children(tree, id, &mut stack, Step::Enter);
                }
            }
        }
        if let Some(a) = &tree.style(root).after {
            out.push_str(a);
        }
        out
    }
}

/// Push `id`'s children so that the first is popped first.
fn push_children<S>(tree: &Tree, id: NodeId, stack: &mut Vec<S>, wrap: fn(NodeId) -> S) {
    let start = stack.len();
    stack.extend(tree.snap.children(id).map(wrap));
    stack[start..].reverse();
}

/// Shown for name purposes: rendered and not aria-hidden/inert.
fn is_shown(tree: &Tree, id: NodeId) -> bool {
    tree.is_rendered(id) && !tree.is_programmatically_hidden(id)
}

/// `aria-hidden="true"` on the element itself (ancestors were already skipped by the walk).
fn aria_hidden(el: &crate::dom::Element) -> bool {
    el.attr(&local_name!("aria-hidden")).is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Elements whose content never renders as text, hidden or not.
fn never_rendered(el: &crate::dom::Element) -> bool {
    if el.is_svg() {
        return matches!(&*el.name, "title" | "desc" | "style" | "script");
    }
    el.ns == crate::dom::ns!(html)
        && matches!(
            &*el.name,
            "script" | "style" | "template" | "noscript" | "head" | "title" | "datalist" | "param"
        )
}

/// Block-level boxes are separated from their neighbours in a name (Chromium adds spaces).
fn is_block(tree: &Tree, id: NodeId) -> bool {
    // `display: contents` too: Chromium spaces an element without a box of its own; and an
    // absolutely positioned box is blockified.
    let style = tree.style(id);
    matches!(style.display, Display::Block | Display::ListItem | Display::Table | Display::Contents)
        || matches!(style.position, Position::Absolute | Position::Fixed)
}

fn first_child_named(tree: &Tree, id: NodeId, name: &LocalName) -> Option<NodeId> {
    tree.snap
        .element_children(id)
        .find(|c| tree.snap.element(*c).is_some_and(|e| e.is_html(name)))
}

/// Folded text of the first SVG child element `name` (`title` or `desc`).
fn svg_child_text(tree: &Tree, id: NodeId, name: &str) -> Option<String> {
    let child = tree
        .snap
        .element_children(id)
        .find(|c| tree.snap.element(*c).is_some_and(|e| e.is_svg() && &*e.name == name))?;
    Some(fold(&tree.snap.text_content(child)))
}

/// The `type` of an `<input>`, lower-cased, `text` when missing or unknown.
fn input_type(ty: Option<&str>) -> &'static str {
    const KNOWN: &[&str] = &[
        "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week",
        "time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
        "submit", "image", "reset", "button",
    ];
    let ty = ty.unwrap_or("text").trim();
    KNOWN.iter().copied().find(|k| k.eq_ignore_ascii_case(ty)).unwrap_or("text")
}

fn is_native_text_field(el: &crate::dom::Element) -> bool {
    el.is_html(&local_name!("textarea")) || (el.is_html(&local_name!("input")) && is_text_input(input_type(el.attr(&local_name!("type")))))
}

fn is_text_input(ty: &str) -> bool {
    matches!(ty, "text" | "search" | "tel" | "url" | "email" | "password" | "number")
}

/// Which elements `<label>`s label: `for` targets and the first labelable descendant of a
/// label without `for`, labels in document order. Built once per tree.
pub(crate) fn label_index<'t>(tree: &'t Tree) -> &'t HashMap<NodeId, Vec<NodeId>> {
    tree.name_cache.labels.get_or_init(|| {
        let snap = tree.snap;
        let mut map: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
        for id in snap.descendants(NodeId::DOCUMENT) {
            let Some(el) = snap.element(id) else { continue };
            if !el.is_html(&local_name!("label")) {
                continue;
            }
            let target = match el.attr(&local_name!("for")) {
                Some(f) => snap.by_id(f).filter(|t| is_labelable(tree, *t)),
                None => snap.descendants(id).find(|d| is_labelable(tree, *d)),
            };
            if let Some(t) = target {
                map.entry(t).or_default().push(id);
            }
        }
        map
    })
}

/// A labelable element (HTML): button, input (not hidden), meter, output, progress, select, textarea.
pub(crate) fn is_labelable(tree: &Tree, id: NodeId) -> bool {
    tree.snap.element(id).is_some_and(|e| {
        e.ns == crate::dom::ns!(html)
            && match &*e.name {
                "button" | "meter" | "output" | "progress" | "select" | "textarea" => true,
                "input" => input_type(e.attr(&local_name!("type"))) != "hidden",
                _ => false,
            }
    })
}

/// Options of a `<select>` that are selected: those with `selected` (the last one for a
/// single select), else the first enabled option of a drop-down.
fn selected_options(tree: &Tree, select: NodeId) -> Vec<NodeId> {
    let snap = tree.snap;
    let Some(el) = snap.element(select) else { return Vec::new() };
    let multiple = el.has_attr(&local_name!("multiple"));
    let size = el.attr(&local_name!("size")).and_then(|s| s.trim().parse::<u32>().ok()).unwrap_or(0);
    let options: Vec<NodeId> = snap
        .descendants(select)
        .filter(|d| snap.element(*d).is_some_and(|e| e.is_html(&local_name!("option"))))
        .collect();
    let chosen: Vec<NodeId> = options
        .iter()
        .copied()
        .filter(|o| snap.element(*o).is_some_and(|e| e.has_attr(&local_name!("selected"))))
        .collect();
    if multiple {
        return chosen;
    }
    if let Some(last) = chosen.last() {
        return vec![*last];
    }
    if size > 1 {
        return Vec::new();
    }
    options
        .into_iter()
        .find(|o| snap.element(*o).is_some_and(|e| !e.has_attr(&local_name!("disabled"))))
        .into_iter()
        .collect()
}

/// An option's text: its `label` attribute, else its text with whitespace folded.
fn option_text(tree: &Tree, option: NodeId) -> String {
    if let Some(l) = tree.snap.element(option).and_then(|e| e.attr(&local_name!("label"))) {
        if !is_blank(l) {
            return l.to_string();
        }
    }
    fold(&tree.snap.text_content(option))
}

/// The value of a native range widget (`<input type=range|number>`, `<progress>`, `<meter>`).
fn native_range_value(el: &crate::dom::Element) -> Option<f64> {
    let attr = |n: &str| el.attr_str(n).and_then(parse_number);
    if el.is_html(&local_name!("input")) {
        match input_type(el.attr(&local_name!("type"))) {
            "range" => {
                let min = attr("min").unwrap_or(0.0);
                let max = attr("max").filter(|m| *m >= min).unwrap_or(100.0_f64.max(min));
                let v = attr("value").unwrap_or(min + (max - min) / 2.0);
                Some(v.clamp(min, max))
            }
            _ => attr("value"),
        }
    } else if el.is_html(&local_name!("progress")) || el.is_html(&local_name!("meter")) {
        Some(attr("value").unwrap_or(0.0))
    } else {
        None
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Whether `s` is ASCII with single spaces between words and none at either end, i.e. its own
/// [`fold`]: most names are, and one byte scan is cheaper than splitting them into words
/// (`fold` was 0.13M instructions per 1k-element check). (The ASCII whitespace `fold` splits on
/// is the space and `\t`..=`\r`.)
pub(crate) fn is_folded(s: &str) -> bool {
    let mut after_space = true;
    for &b in s.as_bytes() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t'..=b'\r' | 0x80.. => return false,
            _ => after_space = false,
        }
    }
    !after_space || s.is_empty()
}

/// Collapse every whitespace run to one space and trim (a "flat string").
pub(crate) fn fold(s: &str) -> String {
    if is_folded(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::DocumentKind;
    use crate::options::Options;

    /// Name, source and description of the element with id `t`.
    fn name_of(html: &str) -> (String, NameSource, String) {
        let snap = crate::dom::parse::parse_html(html, DocumentKind::Html);
        let styles = crate::style::compute(&snap, &Options::default());
        let tree = Tree::new(&snap, &styles);
        let Some(t) = snap.by_id("t") else { panic!("no #t in {html}") };
        (tree.name(t).to_string(), tree.name_source(t), tree.description(t).to_string())
    }

    #[test]
    fn name_sources() {
        let cases: &[(&str, &str, NameSource)] = &[
            (r#"<input id="t" placeholder="Email">"#, "Email", NameSource::Placeholder),
            (r#"<input id="t" title="Email" placeholder="e.g. a@b.c">"#, "Email", NameSource::Title),
            (r#"<div id="t" role="textbox" aria-placeholder="Email"></div>"#, "Email", NameSource::Placeholder),
            (r#"<label for="t">Email</label><input id="t" placeholder="x">"#, "Email", NameSource::Label),
            (r#"<label>Email <input id="t"></label>"#, "Email", NameSource::Label),
            (r#"<input id="t" aria-label="Email" title="x">"#, "Email", NameSource::AriaLabel),
            (r#"<p id="l">Email</p><input id="t" aria-labelledby="l" aria-label="x">"#, "Email", NameSource::LabelledBy),
            (r#"<img id="t" alt="Logo" title="x">"#, "Logo", NameSource::Native),
            (r#"<img id="t" title="Logo">"#, "Logo", NameSource::Title),
            (r#"<input id="t" type="submit">"#, "Submit", NameSource::Native),
            (r#"<input id="t" type="image" title="Go">"#, "Go", NameSource::Title),
            (r#"<fieldset id="t"><legend>Who</legend></fieldset>"#, "Who", NameSource::Native),
            (r#"<button id="t">Save</button>"#, "Save", NameSource::Content),
            (r#"<button id="t" title="Save"></button>"#, "Save", NameSource::Title),
            (r#"<button id="t"></button>"#, "", NameSource::None),
            (r#"<iframe id="t" title="Map"></iframe>"#, "Map", NameSource::Title),
            (r#"<svg id="t"><title>Chart</title></svg>"#, "Chart", NameSource::Native),
            (r#"<input id="t" aria-label="   " placeholder="Find">"#, "Find", NameSource::Placeholder),
        ];
        for (html, name, source) in cases {
            let (n, s, _) = name_of(html);
            assert_eq!((n.as_str(), s), (*name, *source), "{html}");
        }
    }

    #[test]
    fn descriptions() {
        assert_eq!(name_of(r#"<input id="t" title="Email" placeholder="p">"#).2, "");
        assert_eq!(name_of(r#"<label for="t">E</label><input id="t" title="Your mail">"#).2, "Your mail");
        assert_eq!(
            name_of(r#"<button id="t" aria-describedby="a b" title="x">B</button><i id="a">one</i><i id="b" hidden>two</i>"#).2,
            "one two"
        );
        assert_eq!(name_of(r#"<button id="t" aria-description=" d  e " title="x">B</button>"#).2, "d e");
    }

    #[test]
    fn cycles_and_self_references_terminate() {
        let (n, _, _) = name_of(
            r#"<span id="a" aria-labelledby="t">A</span><button id="t" aria-labelledby="a t">B</button>"#,
        );
        assert_eq!(n, "A B");
        let (n, _, _) = name_of(
            r#"<label for="t">L <input id="t" aria-labelledby="t"></label><label for="t">M</label>"#,
        );
        assert_eq!(n, "L M");
    }

    #[test]
    fn labels_are_indexed_once() {
        let mut html = String::new();
        for i in 0..2000 {
            html.push_str(&format!(r#"<label for="i{i}">Field {i}</label><input id="i{i}">"#));
        }
        html.push_str(r#"<label for="t">Last</label><input id="t">"#);
        let start = std::time::Instant::now();
        let snap = crate::dom::parse::parse_html(&html, DocumentKind::Html);
        let styles = crate::style::compute(&snap, &Options::default());
        let tree = Tree::new(&snap, &styles);
        let names: usize = snap.ids().map(|id| tree.name(id).len()).sum();
        assert!(names > 0);
        assert_eq!(snap.by_id("t").map(|t| tree.name(t)), Some("Last"));
        assert!(start.elapsed().as_secs() < 10, "naming 4000 elements took {:?}", start.elapsed());
    }

    #[test]
    fn fold_collapses_all_whitespace() {
        assert_eq!(fold(" a\t\n b\u{2003}c  "), "a b c");
        assert_eq!(fold("   "), "");
    }
}
