//! STOPGAP for the `name` branch only: rough roles and hidden-ness so the accname tests mean
//! something before the a11y branch lands. Lead: drop this file and its calls when merging.

use super::Tree;
use crate::dom::{NodeId, Snapshot};
use crate::style::Display;

pub(super) fn role(snap: &Snapshot, id: NodeId) -> Option<&'static str> {
    const KNOWN: &[&str] = &[
        "button", "link", "textbox", "searchbox", "combobox", "listbox", "option", "slider",
        "spinbutton", "progressbar", "scrollbar", "meter", "checkbox", "radio", "switch", "tab",
        "menuitem", "heading", "img", "group", "navigation", "list", "listitem", "table", "row",
        "cell", "gridcell", "columnheader", "rowheader", "tooltip", "term", "definition",
        "treeitem", "region", "paragraph", "generic", "none", "status", "figure", "dialog",
        "menuitemcheckbox", "menuitemradio", "doc-noteref", "note", "article", "main", "form",
    ];
    let el = snap.element(id)?;
    if let Some(r) = el.attr("role") {
        for t in r.split_ascii_whitespace() {
            let t = t.to_ascii_lowercase();
            if t == "presentation" || t == "none" {
                return Some("none");
            }
            if let Some(k) = KNOWN.iter().find(|k| **k == t) {
                return Some(k);
            }
        }
    }
    if el.is_svg() {
        return Some(if &*el.name == "svg" { "graphics-document" } else { "generic" });
    }
    let ty = el.attr("type").unwrap_or("text").to_ascii_lowercase();
    Some(match &*el.name {
        "a" | "area" if el.has_attr("href") => "link",
        "button" | "summary" => "button",
        "input" => match ty.as_str() {
            "button" | "submit" | "reset" | "image" => "button",
            "checkbox" => "checkbox",
            "radio" => "radio",
            "range" => "slider",
            "number" => "spinbutton",
            "search" => "searchbox",
            "hidden" => "generic",
            _ if el.has_attr("list") => "combobox",
            _ => "textbox",
        },
        "select" if el.has_attr("multiple") || el.attr("size").is_some_and(|s| s.trim() > "1") => "listbox",
        "select" => "combobox",
        "textarea" => "textbox",
        "option" => "option",
        "img" if el.attr("alt") == Some("") => "none",
        "img" => "img",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "table" => "table",
        "tr" => "row",
        "td" => "cell",
        "th" => "columnheader",
        "ul" | "ol" => "list",
        "li" => "listitem",
        "nav" => "navigation",
        "fieldset" | "details" => "group",
        "figure" => "figure",
        "progress" => "progressbar",
        "meter" => "meter",
        "output" => "status",
        "dt" | "dfn" => "term",
        "dd" => "definition",
        "p" => "paragraph",
        _ => "generic",
    })
}

pub(super) fn is_rendered(tree: &Tree, id: NodeId) -> bool {
    let snap = tree.snap;
    std::iter::once(id).chain(snap.ancestors(id)).all(|n| match snap.element(n) {
        Some(e) => {
            !e.has_attr("hidden")
                && tree.style(n).display != Display::None
                && !(e.ns == crate::dom::ns!(html)
                    && matches!(&*e.name, "head" | "script" | "style" | "template"))
        }
        None => n == NodeId::DOCUMENT || snap.parent(n).is_some() || snap.text(n).is_some(),
    })
}

pub(super) fn is_programmatically_hidden(tree: &Tree, id: NodeId) -> bool {
    let snap = tree.snap;
    !is_rendered(tree, id)
        || std::iter::once(id).chain(snap.ancestors(id)).any(|n| {
            snap.element(n).is_some_and(|e| e.attr("aria-hidden") == Some("true"))
        })
}
