//! The accessibility tree, derived from the snapshot and computed styles, memoised per node:
//! hidden-ness, roles (HTML-AAM + WAI-ARIA 1.2), accessible name and description (accname 1.2),
//! focusability and the sequential focus order. Rules read the page only through [`Tree`].

pub(crate) mod aria;
pub(crate) mod aria_data;
#[cfg(test)]
mod aria_data_tests;
pub(crate) mod focus;
pub(crate) mod hidden;
pub(crate) mod name;
pub(crate) mod role;

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::dom::{local_name, ns, Element, LocalName, NodeId, Snapshot};
use crate::style::{ComputedStyle, Display, Styles, Visibility};

/// How an element got its accessible name (rules judge placeholder- or title-only names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NameSource {
    /// No name.
    None,
    /// aria-labelledby
    LabelledBy,
    /// aria-label
    AriaLabel,
    /// `<label>` (for= or wrapping)
    Label,
    /// alt, value, caption, legend, figcaption, `<title>` of SVG, ... (host-language attribute/element)
    Native,
    /// Subtree content.
    Content,
    /// title attribute
    Title,
    /// placeholder / aria-placeholder
    Placeholder,
}

/// The accessibility tree over one snapshot.
///
/// Roles, hidden-ness, focusability and the tab order are computed eagerly by one top-down pass
/// in [`Tree::new`] (each node reads only its parent's already computed state) and stored per
/// node; names and descriptions are computed on demand by `name.rs` and memoised here.
pub struct Tree<'a> {
    /// The document.
    pub snap: &'a Snapshot,
    /// Its computed styles.
    pub styles: &'a Styles,
    roles: Vec<Option<&'static str>>,
    /// Position of each element's computed role in `role::ROLES`, for [`Tree::has_role`].
    role_index: Vec<Option<u16>>,
    /// Implicit (host-language) role per element, before `role=""` and conflict resolution.
    implicit_roles: Vec<Option<&'static str>>,
    /// `aria-owns` owner per owned element, built on first use by [`Tree::aria_owner`].
    aria_owners: OnceCell<HashMap<NodeId, NodeId>>,
    /// The elements with `aria-*` attributes and their definitions, built on first use.
    aria_index: OnceCell<aria::AriaIndex>,
    flags: Vec<Flags>,
    tabindex: Vec<Option<i32>>,
    tab_order: Vec<NodeId>,
    /// 1-based tab position per node, 0 when not in the sequential order.
    tab_pos: Vec<u32>,
    /// Memo of accessible names, filled by [`Tree::name`] (for `name.rs`). Computing a name may
    /// ask for other nodes' names; a cycle must be cut by `name.rs` itself (accname's visited
    /// set): the memo is written with `set`, never re-entered, so it can't panic.
    pub(crate) names: Vec<OnceCell<(String, NameSource)>>,
    /// Memo of accessible descriptions, filled by [`Tree::description`].
    pub(crate) descriptions: Vec<OnceCell<String>>,
    /// Data the name computation builds once (label associations).
    pub(crate) name_cache: name::Cache,
    /// Document-wide data that rules build once per check (see [`Tree::memo`]).
    /// A list, not a map: a check holds a dozen entries and rules ask on every target, so
    /// comparing keys beats hashing them.
    rule_memo: std::cell::RefCell<Vec<(&'static str, std::rc::Rc<dyn std::any::Any>)>>,
}

/// Per-node booleans of the tree pass.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Flags(u16);

impl Flags {
    const RENDERED: u16 = 1;
    const VISIBLE: u16 = 1 << 1;
    const PROG_HIDDEN: u16 = 1 << 2;
    const INERT: u16 = 1 << 3;
    const FOCUSABLE: u16 = 1 << 4;
    const HTML_DISABLED: u16 = 1 << 5;
    const ARIA_DISABLED: u16 = 1 << 6;
    // Inherited state handed to children.
    const ARIA_HIDDEN: u16 = 1 << 7;
    const TRANSPARENT: u16 = 1 << 8;
    const CLIPPED: u16 = 1 << 9;
    const EDITABLE: u16 = 1 << 10;
    /// Descendants are disabled by a disabled fieldset (before the legend exception).
    const FIELDSET_DISABLED: u16 = 1 << 11;
    /// Children are inside sectioning content / a landmark (header and footer scoping).
    const SECTIONING: u16 = 1 << 12;
    /// Children are inside article/aside/nav/section (aside scoping).
    const SECTIONING_CONTENT: u16 = 1 << 13;
    /// An ancestor's role has presentational children (button, img, checkbox...).
    const PRES_CHILDREN: u16 = 1 << 14;
    /// Its own role has presentational children (looked up once here, not once per child).
    const ROLE_PRES_CHILDREN: u16 = 1 << 15;

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
    fn set(&mut self, bit: u16, on: bool) {
        if on {
            self.0 |= bit;
        } else {
            self.0 &= !bit;
        }
    }
}

/// Positions in `role::ROLES` of the roles met while building, by the address and length of
/// their (static) name: a page uses a few dozen roles, and finding one in a small open-addressed
/// table is cheaper than a binary search of the role table for every element (a linear list of
/// the roles met was 0.13M instructions per 1k-element check). A full table only means a search.
struct RoleLookups([Option<RoleLookup>; 256]);

/// (address, length) of a role name → its position in `role::ROLES`.
type RoleLookup = ((usize, usize), Option<usize>);

impl Default for RoleLookups {
    fn default() -> Self {
        RoleLookups([None; 256])
    }
}

impl RoleLookups {
    fn index(&mut self, name: &'static str) -> Option<usize> {
        let key = (name.as_ptr() as usize, name.len());
        // Fibonacci hashing of the address: literals sit close together in memory.
        let home = (((key.0 ^ key.1) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize;
        let len = self.0.len();
        for probe in 0..len {
            let slot = &mut self.0[(home + probe) % len];
            match slot {
                Some((k, index)) if *k == key => return *index,
                Some(_) => {}
                None => {
                    let index = role::role_index(name);
                    *slot = Some((key, index));
                    return index;
                }
            }
        }
        role::role_index(name)
    }
}

impl<'a> Tree<'a> {
    /// Build the tree (roles, hidden-ness and focus order are computed here, names lazily).
    pub fn new(snap: &'a Snapshot, styles: &'a Styles) -> Tree<'a> {
        let n = snap.len();
        let mut tree = Tree {
            snap,
            styles,
            roles: vec![None; n],
            role_index: vec![None; n],
            implicit_roles: vec![None; n],
            aria_owners: OnceCell::new(),
            aria_index: OnceCell::new(),
            flags: vec![Flags::default(); n],
            tabindex: vec![None; n],
            tab_order: Vec::new(),
            tab_pos: vec![0; n],
            names: (0..n).map(|_| OnceCell::new()).collect(),
            descriptions: (0..n).map(|_| OnceCell::new()).collect(),
            name_cache: name::Cache::default(),
            rule_memo: std::cell::RefCell::new(Vec::new()),
        };
        tree.build();
        tree
    }

    /// The single top-down pass. Template contents are never visited: their nodes keep the
    /// default flags (not rendered, hidden, not focusable).
    fn build(&mut self) {
        let snap = self.snap;
        // Parent → its special child: the first `summary` of a `details`, the first `legend` of
        // a `fieldset`; found once per parent so the per-child checks stay O(1).
        let mut special_child: HashMap<NodeId, Option<NodeId>> = HashMap::new();
        // Table element → role of the nearest table ancestor of its descendants.
        let mut table_role: Vec<Option<&'static str>> = vec![None; snap.len()];
        let mut candidates: Vec<(NodeId, i32)> = Vec::new();
        let mut looked_up = RoleLookups::default();

        // Image map names used by an `<img usemap>`: an `area` is focusable only in a used map.
        let used_maps: std::collections::HashSet<&str> = snap
            .with_attr(&local_name!("usemap"))
            .filter_map(|n| snap.element(n))
            .filter(|e| e.is_html(&local_name!("img")))
            .filter_map(|e| e.attr(&local_name!("usemap")))
            .map(|u| u.trim().trim_start_matches('#'))
            .filter(|u| !u.is_empty())
            .collect();

        // Elements with an attribute that `TreeAttrs` reads, from the attribute index: most
        // elements have none, and reading an element's attributes is a cache miss per element
        // at 200k elements (a quarter of this pass).
        let mut has_tree_attrs = vec![false; snap.len()];
        for id in snap.union(TreeAttrs::NAMES.iter().map(|n| snap.with_attr(n))) {
            has_tree_attrs[id.index()] = true;
        }

        let mut doc = Flags::default();
        doc.set(Flags::RENDERED, true);
        self.flags[NodeId::DOCUMENT.index()] = doc;

        // Nodes the walk reaches, the document included.
        let mut visited = 1;
        for id in snap.descendants(NodeId::DOCUMENT) {
            visited += 1;
            let Some(parent) = snap.parent(id) else { continue };
            let pf = self.flags[parent.index()];
            let parent_el = snap.element(parent);
            let style = self.styles.get(id);
            let mut f = Flags::default();

            // The first summary of a details, and whether the parent is a closed details.
            let mut details_summary = false;
            let mut closed_details_content = false;
            if let Some(pe) = parent_el.filter(|pe| pe.is_html(&local_name!("details"))) {
                let first = *special_child
                    .entry(parent)
                    .or_insert_with(|| first_child_named(snap, parent, &local_name!("summary")));
                details_summary = first == Some(id);
                closed_details_content = !pe.has_attr(&local_name!("open")) && !details_summary;
            }

            // Hidden-ness.
            let el = snap.element(id);
            let attrs = el.filter(|_| has_tree_attrs[id.index()]).map(TreeAttrs::of).unwrap_or_default();
            // The UA sheet hides `area`, but an area of a used image map is rendered through its
            // image (focusable, exposed as a link): it follows its map instead.
            let is_area = el.is_some_and(|e| e.is_html(&local_name!("area")));
            let displayed = if is_area {
                in_used_map(snap, id, &used_maps)
            } else {
                style.display != Display::None
            };
            let rendered = pf.has(Flags::RENDERED) && displayed && !closed_details_content;
            let aria_hidden = pf.has(Flags::ARIA_HIDDEN) || attrs.aria_hidden.is_some_and(hidden::is_true);
            let inert = pf.has(Flags::INERT) || attrs.inert;
            let transparent = pf.has(Flags::TRANSPARENT) || style.opacity <= 0.0;
            let clipped = pf.has(Flags::CLIPPED) || (el.is_some() && hidden::clips_away(style));
            let shown = style.visibility == Visibility::Visible;
            f.set(Flags::RENDERED, rendered);
            f.set(Flags::VISIBLE, rendered && shown && !transparent && !clipped);
            f.set(Flags::PROG_HIDDEN, !rendered || !shown || aria_hidden || inert);
            f.set(Flags::INERT, inert);
            f.set(Flags::ARIA_HIDDEN, aria_hidden);
            f.set(Flags::TRANSPARENT, transparent);
            f.set(Flags::CLIPPED, clipped);

            // Disabled: a disabled fieldset disables its descendants except those in its first
            // legend child (which keep what the fieldset itself received).
            let mut fieldset_disabled = pf.has(Flags::FIELDSET_DISABLED);
            if parent_el.is_some_and(|pe| pe.is_html(&local_name!("fieldset")) && pe.has_attr(&local_name!("disabled"))) {
                let legend = *special_child
                    .entry(parent)
                    .or_insert_with(|| first_child_named(snap, parent, &local_name!("legend")));
                if legend != Some(id) {
                    fieldset_disabled = true;
                }
            }
            f.set(Flags::FIELDSET_DISABLED, fieldset_disabled);
            f.set(Flags::ARIA_DISABLED, pf.has(Flags::ARIA_DISABLED));

            f.set(Flags::PRES_CHILDREN, pf.has(Flags::PRES_CHILDREN) || pf.has(Flags::ROLE_PRES_CHILDREN));

            let Some(el) = el else {
                // Text and comments: inherit the parent's element context.
                f.set(Flags::EDITABLE, pf.has(Flags::EDITABLE));
                f.set(Flags::SECTIONING, pf.has(Flags::SECTIONING));
                f.set(Flags::SECTIONING_CONTENT, pf.has(Flags::SECTIONING_CONTENT));
                self.flags[id.index()] = f;
                continue;
            };

            let html_disabled = is_html_disabled(el, parent_el, fieldset_disabled);
            f.set(Flags::HTML_DISABLED, html_disabled);
            if attrs.aria_disabled.is_some_and(hidden::is_true) {
                f.set(Flags::ARIA_DISABLED, true);
            }

            // Focus.
            let editable = match attrs.contenteditable.and_then(focus::contenteditable_state) {
                Some(state) => state && el.ns == ns!(html),
                None => pf.has(Flags::EDITABLE),
            };
            f.set(Flags::EDITABLE, editable);
            let editing_host = editable && !pf.has(Flags::EDITABLE);
            let summaryless_details = el.is_html(&local_name!("details"))
                && special_child
                    .entry(id)
                    .or_insert_with(|| first_child_named(snap, id, &local_name!("summary")))
                    .is_none();
            let native = focus::natively_focusable(el, details_summary)
                || editing_host
                || summaryless_details;
            let tabindex = attrs.tabindex.and_then(focus::parse_integer);
            let hidden_input = el.is_html(&local_name!("input"))
                && el.attr(&local_name!("type")).is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden"));
            let focusable = (native || tabindex.is_some())
                && !html_disabled
                && !inert
                && rendered
                && shown
                && !hidden_input;
            f.set(Flags::FOCUSABLE, focusable);
            self.tabindex[id.index()] = tabindex;
            if focusable {
                let effective = tabindex.unwrap_or(0);
                if effective >= 0 {
                    candidates.push((id, effective));
                }
            }

            // Role.
            let cx = role::RoleContext {
                in_sectioning: pf.has(Flags::SECTIONING),
                in_sectioning_content: pf.has(Flags::SECTIONING_CONTENT),
                table_role: table_role[parent.index()],
                details_summary,
                focusable,
            };
            let implicit = role::implicit_role(snap, id, el, &cx);
            self.implicit_roles[id.index()] = Some(implicit);
            let explicit = attrs.role.and_then(role::explicit_role);
            let computed = match explicit {
                Some("none") => {
                    if focusable || role::has_global_aria(el) {
                        implicit
                    } else {
                        "none"
                    }
                }
                Some("region") | Some("form") if !role::has_author_name(snap, el) => implicit,
                Some(r) => r,
                None if implicit == "listitem" && parent_el.is_some_and(is_presentational_list) => {
                    "none"
                }
                None => implicit,
            };
            let info = self.set_role(id, computed, &mut looked_up);
            f.set(Flags::ROLE_PRES_CHILDREN, info.is_some_and(|r| r.presentational_children));

            // Context for the children.
            table_role[id.index()] =
                if el.is_html(&local_name!("table")) { Some(computed) } else { table_role[parent.index()] };
            let sectioning_tag = el.ns == ns!(html)
                && matches!(
                    el.name,
                    local_name!("article") | local_name!("aside") | local_name!("nav") | local_name!("section")
                );
            let sectioning_role =
                matches!(computed, "article" | "complementary" | "navigation" | "region");
            f.set(
                Flags::SECTIONING_CONTENT,
                pf.has(Flags::SECTIONING_CONTENT) || sectioning_tag || sectioning_role,
            );
            // Chromium scopes header/footer by these tags and roles, but not by role=region.
            f.set(
                Flags::SECTIONING,
                pf.has(Flags::SECTIONING)
                    || sectioning_tag
                    || el.is_html(&local_name!("main"))
                    || matches!(computed, "article" | "complementary" | "navigation" | "main"),
            );
            self.flags[id.index()] = f;
        }

        // Elements never visited (template contents) still get a role. Most pages have none:
        // then the scan, which reads every node of the arena again (a fifth of this pass at
        // 200k elements), is skipped.
        if visited < snap.len() {
            for id in snap.ids() {
                if self.roles[id.index()].is_none() && snap.element(id).is_some() {
                    self.set_role(id, "generic", &mut looked_up);
                }
            }
        }

        self.tab_order = focus::sequential_order(&candidates);
        for (i, id) in self.tab_order.iter().enumerate() {
            self.tab_pos[id.index()] = u32::try_from(i + 1).unwrap_or(u32::MAX);
        }
    }

    /// Record the computed role of `id`; its table entry, if the role has one.
    fn set_role(&mut self, id: NodeId, computed: &'static str, looked_up: &mut RoleLookups) -> Option<&'static role::RoleInfo> {
        let index = looked_up.index(computed);
        self.roles[id.index()] = Some(computed);
        self.role_index[id.index()] = index.and_then(|i| u16::try_from(i).ok());
        index.and_then(|i| role::ROLES.get(i))
    }

    fn flag(&self, id: NodeId, bit: u16) -> bool {
        self.flags.get(id.index()).is_some_and(|f| f.has(bit))
    }

    /// Computed style of a node.
    pub fn style(&self, id: NodeId) -> &ComputedStyle {
        self.styles.get(id)
    }

    /// Computed role: a WAI-ARIA role name, `generic` for elements without a specific role,
    /// `none` for presentational ones; `None` for non-elements.
    pub fn role(&self, id: NodeId) -> Option<&'static str> {
        self.roles.get(id.index()).copied().flatten()
    }

    /// Implicit role (HTML-AAM / SVG-AAM) of an element, whatever its `role` attribute says;
    /// `None` for non-elements and template contents.
    pub fn implicit_role(&self, id: NodeId) -> Option<&'static str> {
        self.implicit_roles.get(id.index()).copied().flatten()
    }

    /// The element whose `aria-owns` claims `id` (the first one in tree order, as browsers do),
    /// if any. The map is built once, on first use.
    pub fn aria_owner(&self, id: NodeId) -> Option<NodeId> {
        let owners = self.aria_owners.get_or_init(|| {
            let mut map = HashMap::new();
            for owner in self.snap.with_attr(&local_name!("aria-owns")) {
                let Some(ids) = self.snap.element(owner).and_then(|e| e.attr(&local_name!("aria-owns"))) else { continue };
                for target in ids.split_ascii_whitespace().filter_map(|i| self.snap.by_id(i)) {
                    // An element can't own itself or an ancestor (a cycle browsers reject).
                    if target != owner && !self.snap.ancestors(owner).any(|a| a == target) {
                        map.entry(target).or_insert(owner);
                    }
                }
            }
            map
        });
        owners.get(&id).copied()
    }

    /// The elements with `aria-*` attributes, with those attributes' definitions.
    pub(crate) fn aria_index(&self) -> &aria::AriaIndex {
        self.aria_index.get_or_init(|| aria::AriaIndex::new(self.snap))
    }

    /// Position of the computed role in `role::ROLES` (`None` for non-elements and roles
    /// outside that table): rules that ask a per-role question of every element index a table
    /// with it instead of comparing role names.
    pub(crate) fn role_index(&self, id: NodeId) -> Option<usize> {
        self.role_index.get(id.index()).copied().flatten().map(usize::from)
    }

    /// Whether the computed role is `role` or inherits from it in the WAI-ARIA role taxonomy
    /// (`has_role(id, "landmark")` holds for `main`, `has_role(id, "textbox")` for `searchbox`).
    pub fn has_role(&self, id: NodeId, role: &str) -> bool {
        self.role(id).is_some_and(|r| {
            r == role
                || self.role_index.get(id.index()).copied().flatten().is_some_and(|i| role::inherits(usize::from(i), role))
        })
    }

    /// Whether the element's role is `none` (presentational: not exposed itself, though its
    /// content and focusability remain).
    pub fn is_presentational(&self, id: NodeId) -> bool {
        self.role(id) == Some("none")
    }

    /// Marked as decorative (ACT): an explicit `none`/`presentation` role, or an `img` with
    /// `alt=""`, whatever role conflict resolution finally gives it.
    pub fn is_marked_decorative(&self, id: NodeId) -> bool {
        let Some(el) = self.snap.element(id) else { return false };
        el.attr(&local_name!("role")).and_then(role::explicit_role) == Some("none")
            || (el.is_html(&local_name!("img")) && el.attr(&local_name!("alt")) == Some(""))
    }

    /// Whether some ancestor's role makes its descendants presentational (button, img,
    /// checkbox...: WAI-ARIA "children presentational").
    pub fn in_presentational_children(&self, id: NodeId) -> bool {
        self.flag(id, Flags::PRES_CHILDREN)
    }

    /// Accessible name (accname 1.2), whitespace-folded.
    pub fn name(&self, id: NodeId) -> &str {
        self.name_entry(id).map_or("", |(n, _)| n.as_str())
    }

    /// Where the accessible name came from.
    pub fn name_source(&self, id: NodeId) -> NameSource {
        self.name_entry(id).map_or(NameSource::None, |(_, s)| *s)
    }

    fn name_entry(&self, id: NodeId) -> Option<&(String, NameSource)> {
        let cell = self.names.get(id.index())?;
        if cell.get().is_none() {
            let computed = name::compute_name(self, id);
            // A nested computation may have filled the cell meanwhile: keep the first value.
            let _ = cell.set(computed);
        }
        cell.get()
    }

    /// The `<label>` elements that label `id`, in document order (HTML's labeled control:
    /// `for` targets, else the first labelable descendant). Built once per tree.
    pub fn labels(&self, id: NodeId) -> &[NodeId] {
        name::label_index(self).get(&id).map_or(&[], Vec::as_slice)
    }

    /// Labelable element (HTML): button, input (not hidden), meter, output, progress, select,
    /// textarea.
    pub fn is_labelable(&self, id: NodeId) -> bool {
        name::is_labelable(self, id)
    }

    /// Document-wide data a rule computes once per tree under `key` (usually its id), e.g. the
    /// duplicates or heading levels that `applicable` finds and `evaluate` reads, so that a rule
    /// stays linear. `compute` runs without the memo borrowed (it may use other memos); a value
    /// stored under `key` with another type is recomputed.
    pub(crate) fn memo<T: 'static>(&self, key: &'static str, compute: impl FnOnce() -> T) -> std::rc::Rc<T> {
        let found = self
            .rule_memo
            .try_borrow()
            .ok()
            .and_then(|m| m.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()));
        if let Some(rc) = found.and_then(|v| v.downcast::<T>().ok()) {
            return rc;
        }
        let value = std::rc::Rc::new(compute());
        if let Ok(mut m) = self.rule_memo.try_borrow_mut() {
            match m.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = value.clone(),
                None => m.push((key, value.clone())),
            }
        }
        value
    }

    /// Accessible description.
    pub fn description(&self, id: NodeId) -> &str {
        let Some(cell) = self.descriptions.get(id.index()) else { return "" };
        if cell.get().is_none() {
            let computed = name::compute_description(self, id);
            let _ = cell.set(computed);
        }
        cell.get().map_or("", String::as_str)
    }

    /// Excluded from the accessibility tree (not rendered, or programmatically hidden).
    pub fn is_hidden(&self, id: NodeId) -> bool {
        !self.flag(id, Flags::RENDERED) || self.flag(id, Flags::PROG_HIDDEN)
    }

    /// Rendered at all (no `display:none` on it or an ancestor, not inside `<template>`, not
    /// the hidden content of a closed `<details>`).
    pub fn is_rendered(&self, id: NodeId) -> bool {
        self.flag(id, Flags::RENDERED)
    }

    /// Visible: rendered, `visibility: visible`, not fully transparent, not clipped away.
    pub fn is_visible(&self, id: NodeId) -> bool {
        self.flag(id, Flags::VISIBLE)
    }

    /// Programmatically hidden: aria-hidden="true" or inert on it or an ancestor, not rendered,
    /// or computed `visibility` other than `visible` (ACT's definition, plus inert).
    pub fn is_programmatically_hidden(&self, id: NodeId) -> bool {
        self.flag(id, Flags::PROG_HIDDEN) || !self.flag(id, Flags::RENDERED)
    }

    /// Inert (the `inert` attribute on it or an ancestor).
    pub fn is_inert(&self, id: NodeId) -> bool {
        self.flag(id, Flags::INERT)
    }

    /// Can receive focus (by script or click): natively focusable or with a valid tabindex,
    /// not disabled, not inert, rendered.
    pub fn is_focusable(&self, id: NodeId) -> bool {
        self.flag(id, Flags::FOCUSABLE)
    }

    /// Parsed tabindex attribute (HTML integer rules), if valid.
    pub fn tabindex(&self, id: NodeId) -> Option<i32> {
        self.tabindex.get(id.index()).copied().flatten()
    }

    /// Elements in sequential focus navigation order.
    pub fn tab_order(&self) -> &[NodeId] {
        &self.tab_order
    }

    /// 1-based position in the sequential focus order.
    pub fn tab_position(&self, id: NodeId) -> Option<usize> {
        self.tab_pos.get(id.index()).filter(|p| **p > 0).map(|p| *p as usize)
    }

    /// Disabled (the HTML disabled rules, including fieldset and optgroup, or aria-disabled).
    pub fn is_disabled(&self, id: NodeId) -> bool {
        self.is_html_disabled(id) || self.is_aria_disabled(id)
    }

    /// Disabled by HTML alone (what removes focusability): the `disabled` attribute on a form
    /// control, a disabled fieldset ancestor (outside its first legend), a disabled optgroup.
    pub fn is_html_disabled(&self, id: NodeId) -> bool {
        self.flag(id, Flags::HTML_DISABLED)
    }

    /// `aria-disabled="true"` on it or an ancestor.
    pub fn is_aria_disabled(&self, id: NodeId) -> bool {
        self.flag(id, Flags::ARIA_DISABLED)
    }
}

/// The attributes the tree pass reads, found in one scan of an element's attributes by
/// interned name instead of one string search each (the first occurrence, as `Element::attr`).
#[derive(Default)]
struct TreeAttrs<'e> {
    aria_hidden: Option<&'e str>,
    aria_disabled: Option<&'e str>,
    inert: bool,
    contenteditable: Option<&'e str>,
    tabindex: Option<&'e str>,
    role: Option<&'e str>,
}

impl<'e> TreeAttrs<'e> {
    /// The attributes read.
    const NAMES: [LocalName; 6] = [
        local_name!("aria-hidden"),
        local_name!("aria-disabled"),
        local_name!("contenteditable"),
        local_name!("tabindex"),
        local_name!("role"),
        local_name!("inert"),
    ];

    fn of(el: &'e Element) -> TreeAttrs<'e> {
        let mut out = TreeAttrs::default();
        for a in &el.attrs {
            let slot = match a.name {
                local_name!("aria-hidden") => &mut out.aria_hidden,
                local_name!("aria-disabled") => &mut out.aria_disabled,
                local_name!("contenteditable") => &mut out.contenteditable,
                local_name!("tabindex") => &mut out.tabindex,
                local_name!("role") => &mut out.role,
                local_name!("inert") => {
                    out.inert = true;
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(&*a.value);
            }
        }
        out
    }
}

/// The first element child of `parent` that is an HTML `name` element.
fn first_child_named(snap: &Snapshot, parent: NodeId, name: &LocalName) -> Option<NodeId> {
    snap.element_children(parent).find(|c| snap.element(*c).is_some_and(|e| e.is_html(name)))
}

/// Whether an `area` sits in a `map` whose name an `<img usemap>` refers to. O(depth), for
/// areas only.
fn in_used_map(snap: &Snapshot, area: NodeId, used: &std::collections::HashSet<&str>) -> bool {
    snap.ancestors(area)
        .filter_map(|a| snap.element(a))
        .find(|e| e.is_html(&local_name!("map")))
        .and_then(|m| m.attr(&local_name!("name")).or_else(|| m.attr(&local_name!("id"))))
        .is_some_and(|name| used.contains(name))
}

/// HTML's "actually disabled": form controls with `disabled` or in a disabled fieldset (the
/// caller applies the legend exception), options in a disabled optgroup, disabled optgroups.
fn is_html_disabled(el: &Element, parent: Option<&Element>, in_disabled_fieldset: bool) -> bool {
    if focus::is_form_control(el) {
        return el.has_attr(&local_name!("disabled")) || in_disabled_fieldset;
    }
    if el.is_html(&local_name!("optgroup")) {
        return el.has_attr(&local_name!("disabled"));
    }
    if el.is_html(&local_name!("option")) {
        return el.has_attr(&local_name!("disabled"))
            || parent.is_some_and(|p| p.is_html(&local_name!("optgroup")) && p.has_attr(&local_name!("disabled")));
    }
    false
}

/// A `ul`/`ol`/`menu` whose `role` attribute makes it presentational: its `li` children are
/// presentational too (Chromium applies this even when the list's own role is restored by a
/// global ARIA attribute).
fn is_presentational_list(el: &Element) -> bool {
    el.ns == ns!(html)
        && matches!(&*el.name, "ul" | "ol" | "menu")
        && el.attr(&local_name!("role")).and_then(role::explicit_role) == Some("none")
}

/// One element of the computed accessibility tree, as `--tree` prints it.
#[derive(Clone, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TreeEntry {
    /// Element-child indices from the root `<html>` element.
    pub path: Vec<usize>,
    /// Local name.
    pub tag: String,
    /// Computed role (`generic`, `none`, or a WAI-ARIA role).
    pub role: Option<String>,
    /// Accessible name.
    pub name: String,
    /// Accessible description.
    pub description: String,
    /// Excluded from the accessibility tree.
    pub hidden: bool,
    /// Focusable.
    pub focusable: bool,
    /// 1-based position in the sequential focus order.
    pub tab_order: Option<usize>,
}

impl Tree<'_> {
    /// Every element of the document, in tree order. Paths are built from the parent's path
    /// (one walk, no per-element climb to the root).
    pub fn entries(&self) -> Vec<TreeEntry> {
        let mut out = Vec::new();
        let Some(root) = self.snap.root_element() else { return out };
        // Per node: its element-child index under its parent and the index of its entry in `out`.
        let mut next_index: HashMap<NodeId, usize> = HashMap::new();
        let mut entry_of: HashMap<NodeId, usize> = HashMap::new();
        for id in std::iter::once(root).chain(self.snap.descendants(root)) {
            let Some(el) = self.snap.element(id) else { continue };
            let path = match self.snap.parent(id).filter(|_| id != root) {
                Some(parent) => {
                    let counter = next_index.entry(parent).or_insert(0);
                    let index = *counter;
                    *counter += 1;
                    let mut path = entry_of
                        .get(&parent)
                        .and_then(|i| out.get(*i))
                        .map_or_else(Vec::new, |e: &TreeEntry| e.path.clone());
                    path.push(index);
                    path
                }
                None => Vec::new(),
            };
            entry_of.insert(id, out.len());
            out.push(TreeEntry {
                path,
                tag: el.name.to_string(),
                role: self.role(id).map(str::to_string),
                name: self.name(id).to_string(),
                description: self.description(id).to_string(),
                hidden: self.is_hidden(id),
                focusable: self.is_focusable(id),
                tab_order: self.tab_position(id),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse::parse_html, DocumentKind};

    fn find(snap: &Snapshot, tag: &str, nth: usize) -> NodeId {
        snap.descendants(NodeId::DOCUMENT)
            .filter(|n| snap.element(*n).is_some_and(|e| &*e.name == tag))
            .nth(nth)
            .unwrap_or(NodeId::DOCUMENT)
    }

    #[test]
    fn disabled_predicates() {
        let snap = parse_html(
            "<select><optgroup disabled><option>a</option></optgroup><option>b</option></select>\
             <div aria-disabled='true'><button>c</button></div>",
            DocumentKind::Html,
        );
        let styles = crate::style::compute(&snap, &crate::Options::default());
        let tree = Tree::new(&snap, &styles);
        assert!(tree.is_disabled(find(&snap, "option", 0)));
        assert!(tree.is_html_disabled(find(&snap, "option", 0)));
        assert!(!tree.is_disabled(find(&snap, "option", 1)));
        assert!(tree.is_aria_disabled(find(&snap, "button", 0)));
        assert!(tree.is_disabled(find(&snap, "button", 0)));
        assert!(!tree.is_html_disabled(find(&snap, "button", 0)));
    }

    #[test]
    fn role_taxonomy_and_presentational_children() {
        let snap = parse_html(
            "<main><input type='search'></main><button><span>x</span></button>",
            DocumentKind::Html,
        );
        let styles = crate::style::compute(&snap, &crate::Options::default());
        let tree = Tree::new(&snap, &styles);
        assert!(tree.has_role(find(&snap, "main", 0), "landmark"));
        assert!(tree.has_role(find(&snap, "input", 0), "textbox"));
        assert!(!tree.has_role(find(&snap, "input", 0), "landmark"));
        assert!(tree.in_presentational_children(find(&snap, "span", 0)));
        assert!(!tree.in_presentational_children(find(&snap, "input", 0)));
    }

    #[test]
    fn marked_decorative() {
        let snap = parse_html(
            "<img alt='' src='a'><img alt='x' src='a'><nav role='none' aria-label='n'></nav><p>x</p>",
            DocumentKind::Html,
        );
        let styles = crate::style::compute(&snap, &crate::Options::default());
        let tree = Tree::new(&snap, &styles);
        assert!(tree.is_marked_decorative(find(&snap, "img", 0)));
        assert!(!tree.is_marked_decorative(find(&snap, "img", 1)));
        let nav = find(&snap, "nav", 0);
        assert!(tree.is_marked_decorative(nav));
        assert_eq!(tree.role(nav), Some("navigation"), "conflict resolution restores the role");
        assert!(!tree.is_marked_decorative(find(&snap, "p", 0)));
    }

    #[test]
    fn name_memo_is_sized_to_the_snapshot() {
        let snap = parse_html("<p>x</p>", DocumentKind::Html);
        let styles = crate::style::compute(&snap, &crate::Options::default());
        let tree = Tree::new(&snap, &styles);
        assert_eq!(tree.names.len(), snap.len());
        assert_eq!(tree.descriptions.len(), snap.len());
        let p = find(&snap, "p", 0);
        // Asking twice returns the memoised value.
        assert_eq!(tree.name(p), tree.name(p));
        assert!(tree.names[p.index()].get().is_some());
    }
}
