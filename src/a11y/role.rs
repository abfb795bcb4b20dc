//! Roles: the WAI-ARIA 1.2 role table (plus DPUB-ARIA `doc-*`, Graphics-ARIA `graphics-*` and
//! the ARIA 1.3 roles Chromium already exposes), explicit role parsing with fallback tokens, and
//! the implicit role of HTML, SVG and MathML elements per HTML-AAM / html-aria.
//!
//! Where the specs leave room, we follow what Chromium's `computedRole` reports (checked with
//! Chromium 148), because the tree must agree with browsers:
//! - `header`/`footer` scoped to sectioning content or a landmark ancestor are `sectionheader`
//!   / `sectionfooter` (ARIA 1.3), otherwise `banner` / `contentinfo`;
//! - `section`, `form` and explicit `region` / `form` roles without a name are `generic`;
//! - `aside` inside `article`/`aside`/`nav`/`section` is `generic` unless named;
//! - `img alt=""` is `none` unless it has a `title`, a global ARIA attribute or is focusable;
//! - `th` is a row or column header by `scope`, else by Chromium's sibling heuristic;
//! - the `li` children of a list with an explicit presentational role are `none`; the parts of a
//!   presentational table (`thead`, `tr`, `td`...) are `generic`;
//! - the deprecated `directory` role is `list`; `image` (ARIA 1.3) is the synonym of `img`.
//!
//! Elements with no ARIA equivalent (Chromium reports an empty `computedRole`: `iframe`, `label`,
//! `legend`, `audio`, `video`, `canvas`, `dl`, `abbr`, ...) are `generic`. Metadata elements
//! (`head`, `script`, `style`, ...) are `none`. The `summary` that is its `details`' disclosure
//! widget is `button` (how Firefox and WebKit expose it; Chromium's internal role is
//! "DisclosureTriangle", with an empty `computedRole`).

use crate::dom::{local_name, ns, Element, NodeId, Snapshot};

/// One role of the table.
#[derive(Debug)]
pub(crate) struct RoleInfo {
    /// Role name.
    pub name: &'static str,
    /// Abstract roles can't be used in `role=""` (validity itself is read from `aria_data`;
    /// a test keeps the two tables in agreement).
    #[cfg_attr(not(test), allow(dead_code))]
    pub is_abstract: bool,
    /// Direct superclass roles.
    pub superclass: &'static [&'static str],
    /// Children presentational (WAI-ARIA "Children Presentational: True").
    pub presentational_children: bool,
}

const fn r(name: &'static str, superclass: &'static [&'static str]) -> RoleInfo {
    RoleInfo { name, is_abstract: false, superclass, presentational_children: false }
}
const fn a(name: &'static str, superclass: &'static [&'static str]) -> RoleInfo {
    RoleInfo { name, is_abstract: true, superclass, presentational_children: false }
}
const fn p(name: &'static str, superclass: &'static [&'static str]) -> RoleInfo {
    RoleInfo { name, is_abstract: false, superclass, presentational_children: true }
}

/// Every role, sorted by name (binary search).
pub(crate) static ROLES: &[RoleInfo] = &[
    r("alert", &["section"]),
    r("alertdialog", &["alert", "dialog"]),
    r("application", &["structure"]),
    r("article", &["document"]),
    r("banner", &["landmark"]),
    r("blockquote", &["section"]),
    p("button", &["command"]),
    r("caption", &["section"]),
    r("cell", &["section"]),
    p("checkbox", &["input"]),
    r("code", &["section"]),
    r("columnheader", &["cell", "gridcell", "sectionhead"]),
    r("combobox", &["input"]),
    a("command", &["widget"]),
    r("comment", &["article"]),
    r("complementary", &["landmark"]),
    a("composite", &["widget"]),
    r("contentinfo", &["landmark"]),
    r("definition", &["section"]),
    r("deletion", &["section"]),
    r("dialog", &["window"]),
    r("directory", &["list"]),
    r("doc-abstract", &["section"]),
    r("doc-acknowledgments", &["landmark"]),
    r("doc-afterword", &["landmark"]),
    r("doc-appendix", &["landmark"]),
    r("doc-backlink", &["link"]),
    r("doc-biblioentry", &["listitem"]),
    r("doc-bibliography", &["landmark"]),
    r("doc-biblioref", &["link"]),
    r("doc-chapter", &["landmark"]),
    r("doc-colophon", &["section"]),
    r("doc-conclusion", &["landmark"]),
    p("doc-cover", &["img"]),
    r("doc-credit", &["section"]),
    r("doc-credits", &["landmark"]),
    r("doc-dedication", &["section"]),
    r("doc-endnote", &["listitem"]),
    r("doc-endnotes", &["landmark"]),
    r("doc-epigraph", &["section"]),
    r("doc-epilogue", &["landmark"]),
    r("doc-errata", &["landmark"]),
    r("doc-example", &["section"]),
    r("doc-footnote", &["section"]),
    r("doc-foreword", &["landmark"]),
    r("doc-glossary", &["landmark"]),
    r("doc-glossref", &["link"]),
    r("doc-index", &["navigation"]),
    r("doc-introduction", &["landmark"]),
    r("doc-noteref", &["link"]),
    r("doc-notice", &["note"]),
    p("doc-pagebreak", &["separator"]),
    r("doc-pagefooter", &["section"]),
    r("doc-pageheader", &["section"]),
    r("doc-pagelist", &["navigation"]),
    r("doc-part", &["landmark"]),
    r("doc-preface", &["landmark"]),
    r("doc-prologue", &["landmark"]),
    r("doc-pullquote", &["none"]),
    r("doc-qna", &["section"]),
    r("doc-subtitle", &["sectionhead"]),
    r("doc-tip", &["note"]),
    r("doc-toc", &["navigation"]),
    r("document", &["structure"]),
    r("emphasis", &["section"]),
    r("feed", &["list"]),
    r("figure", &["section"]),
    r("form", &["landmark"]),
    r("generic", &["structure"]),
    r("graphics-document", &["document"]),
    r("graphics-object", &["group"]),
    p("graphics-symbol", &["img"]),
    r("grid", &["composite", "table"]),
    r("gridcell", &["cell", "widget"]),
    r("group", &["section"]),
    r("heading", &["sectionhead"]),
    p("img", &["section"]),
    a("input", &["widget"]),
    r("insertion", &["section"]),
    a("landmark", &["section"]),
    r("link", &["command"]),
    r("list", &["section"]),
    r("listbox", &["select"]),
    r("listitem", &["section"]),
    r("log", &["section"]),
    r("main", &["landmark"]),
    r("mark", &["section"]),
    r("marquee", &["section"]),
    p("math", &["section"]),
    r("menu", &["select"]),
    r("menubar", &["menu"]),
    r("menuitem", &["command"]),
    p("menuitemcheckbox", &["menuitem"]),
    p("menuitemradio", &["menuitemcheckbox"]),
    p("meter", &["range"]),
    r("navigation", &["landmark"]),
    r("none", &[]),
    r("note", &["section"]),
    p("option", &["input"]),
    r("paragraph", &["section"]),
    r("presentation", &["structure"]),
    p("progressbar", &["range", "widget"]),
    p("radio", &["input"]),
    r("radiogroup", &["select"]),
    a("range", &["structure"]),
    r("region", &["landmark"]),
    a("roletype", &[]),
    r("row", &["group", "widget"]),
    r("rowgroup", &["structure"]),
    r("rowheader", &["cell", "gridcell", "sectionhead"]),
    p("scrollbar", &["range", "widget"]),
    r("search", &["landmark"]),
    r("searchbox", &["textbox"]),
    a("section", &["structure"]),
    r("sectionfooter", &["section"]),
    a("sectionhead", &["structure"]),
    r("sectionheader", &["section"]),
    a("select", &["composite", "group"]),
    p("separator", &["structure"]),
    p("slider", &["input", "range"]),
    r("spinbutton", &["composite", "input", "range"]),
    r("status", &["section"]),
    r("strong", &["section"]),
    a("structure", &["roletype"]),
    r("subscript", &["section"]),
    r("suggestion", &["section"]),
    r("superscript", &["section"]),
    p("switch", &["checkbox"]),
    p("tab", &["sectionhead", "widget"]),
    r("table", &["section"]),
    r("tablist", &["composite"]),
    r("tabpanel", &["section"]),
    r("term", &["section"]),
    r("textbox", &["input"]),
    r("time", &["section"]),
    r("timer", &["status"]),
    r("toolbar", &["group"]),
    r("tooltip", &["section"]),
    r("tree", &["select"]),
    r("treegrid", &["grid", "tree"]),
    r("treeitem", &["listitem", "option"]),
    a("widget", &["roletype"]),
    a("window", &["roletype"]),
];

/// The position of `name` (lower-case) in `ROLES`. The tree keeps it per element, so that
/// the role questions rules ask of every element need no search.
pub(crate) fn role_index(name: &str) -> Option<usize> {
    ROLES.binary_search_by(|r| r.name.cmp(name)).ok()
}

/// The table entry of `name` (lower-case).
pub(crate) fn role_info(name: &str) -> Option<&'static RoleInfo> {
    role_index(name).and_then(|i| ROLES.get(i))
}

/// Whether `name` (lower-case) is a concrete role usable in `role=""`, per the generated ARIA
/// tables (`aria_data`, which include the ARIA 1.3 roles browsers expose, `image` among them).
pub(crate) fn is_valid_role(name: &str) -> bool {
    super::aria_data::role(name).is_some_and(|r| !r.is_abstract)
}

/// Whether `name` is an abstract role (never valid in `role=""`), per the generated tables.
pub(crate) fn is_abstract_role(name: &str) -> bool {
    super::aria_data::role(name).is_some_and(|r| r.is_abstract)
}

/// Whether `role` is `ancestor` or inherits from it (e.g. `searchbox` is a `textbox`, `main` a
/// `landmark`). Breadth-first over the superclass table; the table is a DAG of depth < 10.
pub fn is_subclass_of(role: &str, ancestor: &str) -> bool {
    if role == ancestor {
        return true;
    }
    role_index(role).is_some_and(|i| inherits(i, ancestor))
}

/// Whether the role at `index` in `ROLES` inherits from `ancestor`: one look into the
/// transitive superclasses computed once, not a walk with a table search per step.
pub(crate) fn inherits(index: usize, ancestor: &str) -> bool {
    ancestry().get(index).is_some_and(|list| list.contains(&ancestor))
}

/// Every role's superclasses, transitively, in `ROLES` order; computed once.
fn ancestry() -> &'static [Vec<&'static str>] {
    static ANCESTRY: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    ANCESTRY.get_or_init(|| {
        ROLES
            .iter()
            .map(|info| {
                let mut out: Vec<&'static str> = Vec::new();
                let mut queue: Vec<&'static str> = info.superclass.to_vec();
                // The graph is a small DAG; the bound only guards a mistaken cycle.
                while let Some(cur) = queue.pop() {
                    if out.contains(&cur) || out.len() > 64 {
                        continue;
                    }
                    out.push(cur);
                    if let Some(sup) = role_info(cur) {
                        queue.extend(sup.superclass.iter().copied());
                    }
                }
                out
            })
            .collect()
    })
}

/// The first valid, non-abstract token of a `role` attribute (case-insensitive), normalised:
/// `presentation` → `none`, `image` → `img`, `directory` → `list`.
pub(crate) fn explicit_role(attr: &str) -> Option<&'static str> {
    for token in attr.split_ascii_whitespace() {
        // Lower-cased on the stack, not in a new String (asked of every element with a role,
        // by the tree and by rules): a longer token is no role name anyway.
        let mut buf = [0u8; 32];
        let Some(lower) = buf.get_mut(..token.len()) else { continue };
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else { continue };
        let canonical = match lower {
            "presentation" => "none",
            "image" => "img",
            "directory" => "list",
            other => other,
        };
        if !is_valid_role(canonical) {
            continue;
        }
        if let Some(info) = role_info(canonical) {
            return Some(info.name);
        }
    }
    None
}

/// Whether the element has a global ARIA state or property that makes user agents ignore a
/// presentational role (WAI-ARIA 1.2 §9.3). Checked against Chromium: `aria-haspopup`,
/// `aria-invalid`, `aria-errormessage` and `aria-hidden` don't count (ARIA 1.2 deprecates the
/// first three as globals), and `aria-disabled` counts only when `true`.
pub(crate) fn has_global_aria(el: &crate::dom::Element) -> bool {
    el.attrs.iter().any(|attr| match &*attr.name {
        "aria-atomic" | "aria-busy" | "aria-controls" | "aria-current" | "aria-describedby"
        | "aria-details" | "aria-dropeffect" | "aria-flowto" | "aria-grabbed"
        | "aria-keyshortcuts" | "aria-label" | "aria-labelledby" | "aria-live" | "aria-owns"
        | "aria-relevant" | "aria-roledescription" | "aria-description" => true,
        "aria-disabled" => attr.value.trim().eq_ignore_ascii_case("true"),
        _ => false,
    })
}

/// What the implicit role of an element depends on beyond the element itself; filled in by the
/// tree's single top-down pass from values already computed for the ancestors.
pub(crate) struct RoleContext {
    /// Inside `article`, `aside`, `main`, `nav`, `section` or an element with role `article`,
    /// `complementary`, `main` or `navigation` (header/footer scoping; Chromium ignores
    /// `role=region` here).
    pub in_sectioning: bool,
    /// Inside `article`, `aside`, `nav`, `section` or their roles (aside scoping).
    pub in_sectioning_content: bool,
    /// Computed role of the nearest `<table>` ancestor (cells, rows, row groups).
    pub table_role: Option<&'static str>,
    /// This is the `summary` that is its parent `details`' disclosure widget.
    pub details_summary: bool,
    /// Can receive focus.
    pub focusable: bool,
}

/// Whether the element probably has a non-empty accessible name from author attributes
/// (aria-label, title, or aria-labelledby pointing at an element with text). Used for the roles
/// that depend on a name (`section`, `form`, named `aside`, explicit `region`/`form`), without
/// running the name computation while roles are being built.
pub(crate) fn has_author_name(snap: &Snapshot, el: &Element) -> bool {
    let nonblank = |v: Option<&str>| v.is_some_and(|v| !v.trim().is_empty());
    if nonblank(el.attr(&local_name!("aria-label"))) || nonblank(el.attr(&local_name!("title"))) {
        return true;
    }
    el.attr(&local_name!("aria-labelledby")).is_some_and(|ids| {
        ids.split_ascii_whitespace().filter_map(|i| snap.by_id(i)).any(|target| {
            // Stops at the first non-blank text: no full text_content per reference.
            snap.element(target).is_some_and(|t| nonblank(t.attr(&local_name!("aria-label"))))
                || snap.descendants(target).any(|d| snap.text(d).is_some_and(|t| !t.trim().is_empty()))
        })
    })
}

/// Implicit role of an element (HTML-AAM, html-aria, SVG-AAM; Chromium where they differ).
pub(crate) fn implicit_role(snap: &Snapshot, id: NodeId, el: &Element, cx: &RoleContext) -> &'static str {
    if el.ns == ns!(svg) {
        return svg_role(snap, el);
    }
    if el.ns == ns!(mathml) {
        return if &*el.name == "math" { "math" } else { "generic" };
    }
    if el.ns != ns!(html) {
        return "generic";
    }
    let table_part_of_presentational = cx.table_role == Some("none");
    match &*el.name {
        "a" => if el.has_attr(&local_name!("href")) { "link" } else { "generic" },
        "area" => if el.has_attr(&local_name!("href")) { "link" } else { "generic" },
        "address" | "hgroup" | "details" | "fieldset" | "optgroup" => "group",
        "article" => "article",
        "aside"
            if (!cx.in_sectioning_content || has_author_name(snap, el)) => { "complementary" }
        "blockquote" => "blockquote",
        "button" => "button",
        "caption" => "caption",
        "code" => "code",
        "datalist" => "listbox",
        "dd" => "definition",
        "dfn" | "dt" => "term",
        "del" | "s" => "deletion",
        "dialog" => "dialog",
        "em" => "emphasis",
        "figure" => "figure",
        "footer" => if cx.in_sectioning { "sectionfooter" } else { "contentinfo" },
        "header" => if cx.in_sectioning { "sectionheader" } else { "banner" },
        "form" => if has_author_name(snap, el) { "form" } else { "generic" },
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "hr" => "separator",
        "img" => {
            let decorative = el.attr(&local_name!("alt")) == Some("")
                && !cx.focusable
                && !el.has_attr(&local_name!("title"))
                && !has_global_aria(el);
            if decorative { "none" } else { "img" }
        }
        "input" => input_role(snap, el),
        "ins" => "insertion",
        "li" => "listitem",
        "main" => "main",
        "mark" => "mark",
        "math" => "math",
        "menu" | "ol" | "ul" => "list",
        "meter" => "meter",
        "nav" => "navigation",
        "option" => "option",
        "output" => "status",
        "p" => "paragraph",
        "progress" => "progressbar",
        "search" => "search",
        "section" => if has_author_name(snap, el) { "region" } else { "generic" },
        "select" => {
            let size = el.attr(&local_name!("size")).and_then(crate::a11y::focus::parse_integer).unwrap_or(0);
            if el.has_attr(&local_name!("multiple")) || size > 1 { "listbox" } else { "combobox" }
        }
        "strong" => "strong",
        "sub" => "subscript",
        "sup" => "superscript",
        "summary" => if cx.details_summary { "button" } else { "generic" },
        "svg" => "graphics-document",
        "table" => "table",
        "textarea" => "textbox",
        "time" => "time",
        "thead" | "tbody" | "tfoot" => if table_part_of_presentational { "generic" } else { "rowgroup" },
        "tr" => if table_part_of_presentational { "generic" } else { "row" },
        "td" => match cx.table_role {
            Some("none") => "generic",
            Some("grid") | Some("treegrid") => "gridcell",
            _ => "cell",
        },
        "th" => if table_part_of_presentational { "generic" } else { header_cell_role(snap, id, el) },
        "base" | "head" | "link" | "meta" | "noscript" | "script" | "style" | "template"
        | "title" | "param" | "source" | "track" => "none",
        _ => "generic",
    }
}

fn input_role(snap: &Snapshot, el: &Element) -> &'static str {
    let ty = el.attr(&local_name!("type")).map(|t| t.trim().to_ascii_lowercase()).unwrap_or_default();
    let has_list = el.attr(&local_name!("list")).and_then(|l| snap.by_id(l)).is_some_and(|l| {
        snap.element(l).is_some_and(|d| d.is_html(&local_name!("datalist")))
    });
    match ty.as_str() {
        "button" | "submit" | "reset" | "image" | "file" => "button",
        "checkbox" => "checkbox",
        "radio" => "radio",
        "range" => "slider",
        "number" => "spinbutton",
        "hidden" => "none",
        "color" | "date" | "datetime-local" | "month" | "time" | "week" => "generic",
        "search" => if has_list { "combobox" } else { "searchbox" },
        "password" => "textbox",
        // text, email, tel, url and every unknown type (the "text" state)
        _ => if has_list { "combobox" } else { "textbox" },
    }
}

/// `th` without a table-wide answer: `scope`, then Chromium's sibling heuristic (a header with a
/// non-empty data cell beside it, or at either end of its row, is a row header).
fn header_cell_role(snap: &Snapshot, id: NodeId, el: &Element) -> &'static str {
    match el.attr(&local_name!("scope")).map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("row") | Some("rowgroup") => return "rowheader",
        Some("col") | Some("colgroup") => return "columnheader",
        _ => {}
    }
    let next = next_element_sibling(snap, id);
    let prev = prev_element_sibling(snap, id);
    if next.is_none() && prev.is_none() {
        return "columnheader";
    }
    let is_header = |n: Option<NodeId>| n.and_then(|n| snap.element(n)).is_some_and(|e| e.is_html(&local_name!("th")));
    let is_data = |n: Option<NodeId>| {
        n.is_some_and(|n| {
            snap.element(n).is_some_and(|e| e.is_html(&local_name!("td")))
                && snap.children(n).any(|c| snap.element(c).is_some() || snap.text(c).is_some_and(|t| !t.trim().is_empty()))
        })
    };
    if is_header(next) && is_header(prev) {
        return "columnheader";
    }
    if is_data(next) || is_data(prev) {
        return "rowheader";
    }
    let Some(row) = snap.parent_element(id).filter(|r| snap.element(*r).is_some_and(|e| e.is_html(&local_name!("tr")))) else {
        return "columnheader";
    };
    let first = snap.element_children(row).next();
    let last = last_element_child(snap, row);
    if is_data(first) || is_data(last) {
        return "rowheader";
    }
    if is_data(first.and_then(|f| next_element_sibling(snap, f)))
        || is_data(last.and_then(|l| prev_element_sibling(snap, l)))
    {
        return "rowheader";
    }
    "columnheader"
}

fn next_element_sibling(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    std::iter::successors(snap.node(id).next_sibling, |n| snap.node(*n).next_sibling)
        .find(|n| snap.element(*n).is_some())
}

fn prev_element_sibling(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    std::iter::successors(snap.node(id).prev_sibling, |n| snap.node(*n).prev_sibling)
        .find(|n| snap.element(*n).is_some())
}

fn last_element_child(snap: &Snapshot, id: NodeId) -> Option<NodeId> {
    let last = snap.node(id).last_child?;
    if snap.element(last).is_some() {
        Some(last)
    } else {
        prev_element_sibling(snap, last)
    }
}

/// SVG-AAM, as Chromium applies it: shapes and `use` are graphics symbols/objects, `g` a group,
/// `a` with a link a link; descriptive and structural elements are hidden or generic.
fn svg_role(_snap: &Snapshot, el: &Element) -> &'static str {
    match &*el.name {
        "svg" => "graphics-document",
        "a" => if el.has_attr(&local_name!("href")) || el.has_attr(&local_name!("xlink:href")) { "link" } else { "group" },
        "g" | "foreignObject" => "group",
        "image" => "img",
        "circle" | "ellipse" | "line" | "path" | "polygon" | "polyline" | "rect" => "graphics-symbol",
        "use" => "graphics-object",
        "title" | "desc" | "defs" | "metadata" | "style" | "script" | "clipPath" | "mask"
        | "linearGradient" | "radialGradient" | "pattern" | "symbol" | "marker" | "filter" => "none",
        _ => "generic",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for w in ROLES.windows(2) {
            assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
        }
    }

    #[test]
    fn agrees_with_the_generated_tables() {
        // This table keeps the taxonomy the tree was tuned on (Chromium); validity comes from
        // `aria_data`. The two must agree on which roles exist and which are abstract.
        for r in ROLES {
            let data = super::super::aria_data::role(r.name);
            assert!(data.is_some(), "{} missing from aria_data", r.name);
            assert_eq!(data.map(|d| d.is_abstract), Some(r.is_abstract), "{}", r.name);
        }
    }

    #[test]
    fn superclasses_exist() {
        for r in ROLES {
            for s in r.superclass {
                assert!(role_info(s).is_some(), "{} has unknown superclass {s}", r.name);
            }
        }
    }

    #[test]
    fn validity() {
        assert!(is_valid_role("button"));
        assert!(is_valid_role("doc-chapter"));
        assert!(is_valid_role("graphics-symbol"));
        assert!(!is_valid_role("widget"));
        assert!(is_abstract_role("landmark"));
        assert!(!is_abstract_role("main"));
        assert!(!is_valid_role("foo"));
        assert_eq!(explicit_role("foo BUTTON link"), Some("button"));
        assert_eq!(explicit_role("command region"), Some("region"));
        assert_eq!(explicit_role("presentation"), Some("none"));
        assert_eq!(explicit_role("  "), None);
        assert!(is_subclass_of("searchbox", "textbox"));
        assert!(is_subclass_of("main", "landmark"));
        assert!(is_subclass_of("treegrid", "table"));
        assert!(!is_subclass_of("button", "landmark"));
        assert!(role_info("button").is_some_and(|r| r.presentational_children));
        assert!(!role_info("link").is_some_and(|r| r.presentational_children));
    }
}
