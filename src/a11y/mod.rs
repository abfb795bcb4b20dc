//! The accessibility tree, derived from the snapshot and computed styles, memoised per node:
//! hidden-ness, roles (HTML-AAM + WAI-ARIA 1.2), accessible name and description (accname 1.2),
//! focusability and the sequential focus order. Rules read the page only through [`Tree`].

pub(crate) mod name;
mod stopgap;

use std::cell::OnceCell;

use crate::dom::{NodeId, Snapshot};
use crate::style::{ComputedStyle, Styles};

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
pub struct Tree<'a> {
    /// The document.
    pub snap: &'a Snapshot,
    /// Its computed styles.
    pub styles: &'a Styles,
    /// Per node: accessible name and its source, computed on first request.
    names: Vec<OnceCell<(String, NameSource)>>,
    /// Per node: accessible description, computed on first request.
    descriptions: Vec<OnceCell<String>>,
    /// Data the name computation builds once (label associations).
    pub(crate) name_cache: name::Cache,
}

impl<'a> Tree<'a> {
    /// Build the tree (roles, hidden-ness and focus order are computed here, names lazily).
    pub fn new(snap: &'a Snapshot, styles: &'a Styles) -> Tree<'a> {
        Tree {
            snap,
            styles,
            names: vec![OnceCell::new(); snap.len()],
            descriptions: vec![OnceCell::new(); snap.len()],
            name_cache: name::Cache::default(),
        }
    }

    /// Computed style of a node.
    pub fn style(&self, id: NodeId) -> &ComputedStyle {
        self.styles.get(id)
    }

    /// Computed role: a WAI-ARIA role name, `generic` for elements without a specific role,
    /// `none` for presentational ones; `None` for non-elements.
    pub fn role(&self, id: NodeId) -> Option<&'static str> {
        stopgap::role(self.snap, id)
    }

    fn name_entry(&self, id: NodeId) -> &(String, NameSource) {
        self.names[id.index()].get_or_init(|| name::compute_name(self, id))
    }

    /// Accessible name (accname 1.2), whitespace-folded.
    pub fn name(&self, id: NodeId) -> &str {
        &self.name_entry(id).0
    }

    /// Where the accessible name came from.
    pub fn name_source(&self, id: NodeId) -> NameSource {
        self.name_entry(id).1
    }

    /// Accessible description.
    pub fn description(&self, id: NodeId) -> &str {
        self.descriptions[id.index()].get_or_init(|| name::compute_description(self, id))
    }

    /// Excluded from the accessibility tree (not rendered, or programmatically hidden).
    pub fn is_hidden(&self, id: NodeId) -> bool {
        stopgap::is_programmatically_hidden(self, id)
    }

    /// Rendered at all (no `display:none` on it or an ancestor, not inside `<template>`...).
    pub fn is_rendered(&self, id: NodeId) -> bool {
        stopgap::is_rendered(self, id)
    }

    /// Visible: rendered, `visibility: visible`, not fully transparent, not clipped away.
    pub fn is_visible(&self, _id: NodeId) -> bool {
        true
    }

    /// Programmatically hidden: aria-hidden="true" or inert on it or an ancestor, or not rendered.
    pub fn is_programmatically_hidden(&self, id: NodeId) -> bool {
        stopgap::is_programmatically_hidden(self, id)
    }

    /// Can receive focus (by script or click): natively focusable or with a valid tabindex,
    /// not disabled, not inert, rendered.
    pub fn is_focusable(&self, _id: NodeId) -> bool {
        false
    }

    /// Parsed tabindex attribute (HTML integer rules), if valid.
    pub fn tabindex(&self, _id: NodeId) -> Option<i32> {
        None
    }

    /// Elements in sequential focus navigation order.
    pub fn tab_order(&self) -> &[NodeId] {
        &[]
    }

    /// 1-based position in the sequential focus order.
    pub fn tab_position(&self, _id: NodeId) -> Option<usize> {
        None
    }

    /// Disabled (the HTML disabled rules, including fieldset and optgroup, or aria-disabled).
    pub fn is_disabled(&self, _id: NodeId) -> bool {
        false
    }
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
    /// Every element of the document, in tree order.
    pub fn entries(&self) -> Vec<TreeEntry> {
        let mut out = Vec::new();
        let Some(root) = self.snap.root_element() else { return out };
        for id in std::iter::once(root).chain(self.snap.descendants(root)) {
            let Some(el) = self.snap.element(id) else { continue };
            out.push(TreeEntry {
                path: self.snap.element_path(id),
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
