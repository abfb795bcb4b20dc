//! Predicates that several rules share (after Alfa's `common/`): which elements are in the
//! accessibility tree, what their semantic and explicit roles are, and the "has a non-empty
//! accessible name" check that most name rules make, including the `cantTell` it becomes when
//! a stylesheet could not be loaded. Rules stay short because the definitions live here once.

use crate::a11y::NameSource;
use crate::dom::{local_name, Element, LocalName, NodeId};

use super::{Context, Evaluation};

/// Every element of the document in tree order (template contents excluded).
pub(crate) fn elements<'a>(cx: &'a Context<'a>) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    cx.snap.elements().iter().filter_map(|id| cx.snap.element(*id).map(|el| (*id, el)))
}

/// The elements with local name `tag` (any namespace), in tree order: rules whose
/// applicability names a tag visit only those (the snapshot's index) instead of every element.
pub(crate) fn with_tag<'a>(cx: &'a Context<'a>, tag: &LocalName) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    indexed(cx, cx.snap.with_tag(tag))
}

/// The HTML elements with local name `tag`, in tree order.
pub(crate) fn html_with_tag<'a>(cx: &'a Context<'a>, tag: &LocalName) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    with_tag(cx, tag).filter(|(_, el)| is_html(el))
}

/// The elements with attribute `name`, in tree order.
pub(crate) fn with_attr<'a>(cx: &'a Context<'a>, name: &LocalName) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    indexed(cx, cx.snap.with_attr(name))
}

/// The elements whose semantic role passes `wanted`, in tree order. The role is read from the
/// tree's per-node vector before the element is touched, so most elements cost one read.
pub(crate) fn with_role<'a>(
    cx: &'a Context<'a>,
    wanted: impl Fn(&'static str) -> bool + 'a,
) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    let ids = cx.snap.elements().iter().copied();
    indexed(cx, ids.filter(move |id| semantic_role(cx, *id).is_some_and(&wanted)))
}

/// The elements whose semantic role passes `wanted` or whose local name is `tag`, in tree
/// order: for rules that apply to a tag and to other elements with some role. One read of
/// the role vector per element; the tag comes from the index.
pub(crate) fn with_role_or_tag<'a>(
    cx: &'a Context<'a>,
    wanted: impl Fn(&'static str) -> bool + 'a,
    tag: &LocalName,
) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    let mut tagged = cx.snap.with_tag(tag).peekable();
    let ids = cx.snap.elements().iter().copied().filter(move |id| {
        // Both lists are in tree order: the next tagged element is the only one to compare.
        let is_tagged = tagged.peek() == Some(id);
        if is_tagged {
            tagged.next();
        }
        is_tagged || semantic_role(cx, *id).is_some_and(&wanted)
    });
    indexed(cx, ids)
}

fn indexed<'a>(
    cx: &'a Context<'a>,
    ids: impl Iterator<Item = NodeId> + 'a,
) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    ids.filter_map(|id| cx.snap.element(id).map(|el| (id, el)))
}

/// An element in the HTML namespace.
pub(crate) fn is_html(el: &Element) -> bool {
    el.ns == crate::dom::ns!(html)
}

/// ACT "included in the accessibility tree": not excluded by hiding (display, visibility,
/// aria-hidden, inert...). Presentational roles are judged by the rules themselves.
pub(crate) fn is_included(cx: &Context, id: NodeId) -> bool {
    !cx.tree.is_hidden(id)
}

/// The semantic role (after presentational-role conflict resolution), `presentation` folded
/// into `none`.
pub(crate) fn semantic_role(cx: &Context, id: NodeId) -> Option<&'static str> {
    cx.tree.role(id).map(|r| if r == "presentation" { "none" } else { r })
}

/// ACT "inheriting semantic role" X: the semantic role is X or a role that inherits from it
/// (a `doc-biblioref` is a link).
pub(crate) fn has_inheriting_role(cx: &Context, id: NodeId, role: &str) -> bool {
    cx.tree.has_role(id, role)
}

/// ACT "explicit semantic role": the first valid, non-abstract token of `role`, whether or
/// not a presentational-role conflict makes user agents ignore it (`presentation` → `none`).
pub(crate) fn explicit_role(el: &Element) -> Option<&'static str> {
    el.attr(&local_name!("role")).and_then(crate::a11y::role::explicit_role)
}

/// ACT "marked as decorative": explicit role `none`/`presentation`, or an `<img alt="">`
/// without an explicit role.
pub(crate) fn is_marked_decorative(el: &Element) -> bool {
    match explicit_role(el) {
        Some(role) => role == "none",
        None => el.is_html(&local_name!("img")) && el.attr(&local_name!("alt")) == Some(""),
    }
}

/// An HTML `input` of type `kind` (the `type` attribute is ASCII case-insensitive; a missing
/// or unknown type is `text`).
pub(crate) fn is_input_type(el: &Element, kind: &str) -> bool {
    el.is_html(&local_name!("input")) && input_type(el) == kind
}

/// The state of an `input`'s `type` attribute as a lower-case keyword.
pub(crate) fn input_type(el: &Element) -> String {
    const KNOWN: &[&str] = &[
        "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week",
        "time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
        "submit", "image", "reset", "button",
    ];
    let t = el.attr(&local_name!("type")).unwrap_or("").trim().to_ascii_lowercase();
    if KNOWN.contains(&t.as_str()) { t } else { "text".into() }
}

/// The accessible name of an element, judged for the "non-empty accessible name" rules.
pub(crate) enum NameCheck {
    /// A non-empty name and where it came from.
    Named {
        /// The name, whitespace-folded.
        name: String,
        /// Its source.
        source: NameSource,
    },
    /// No name (`""` after trimming).
    Empty,
    /// A stylesheet was not loaded and the verdict depends on styles: it could hide the
    /// element or its content, or add `::before`/`::after` text. Holds the name we computed.
    StylesMissing {
        /// The name computed without the missing stylesheets (may be empty).
        name: String,
        /// URLs of the stylesheets that were not loaded.
        missing: Vec<String>,
    },
}

impl NameCheck {
    /// Structured data for the finding.
    pub(crate) fn data(&self) -> serde_json::Value {
        match self {
            NameCheck::Named { name, source } => serde_json::json!({ "name": name, "nameSource": source }),
            NameCheck::Empty => serde_json::json!({ "name": "" }),
            NameCheck::StylesMissing { name, missing } => {
                serde_json::json!({ "name": name, "missingStylesheets": missing })
            }
        }
    }
}

/// Whether passes are left out of the report (`include_passed` off): then a rule may skip
/// wording them, which is most of what a pass costs.
pub(crate) fn passes_unreported(cx: &Context) -> bool {
    !cx.options.include_passed
}

/// Whether `id` has a non-empty accessible name; `StylesMissing` when a stylesheet is missing
/// and the answer depends on styles (no name, or a name taken from rendered content).
pub(crate) fn check_name(cx: &Context, id: NodeId) -> NameCheck {
    let name = cx.tree.name(id).trim();
    let source = cx.tree.name_source(id);
    let style_dependent = name.is_empty() || matches!(source, NameSource::Content | NameSource::Label);
    if !cx.styles.complete() && style_dependent {
        return NameCheck::StylesMissing {
            name: name.to_string(),
            missing: cx.styles.missing.iter().map(|m| m.url.clone()).collect(),
        };
    }
    if name.is_empty() {
        NameCheck::Empty
    } else {
        NameCheck::Named { name: name.to_string(), source }
    }
}

/// Whether `id` has a text node child with non-whitespace text and is itself visible (ACT
/// "visible text node child"; whitespace alone renders nothing).
pub(crate) fn has_visible_text_child(cx: &Context, id: NodeId) -> bool {
    cx.tree.is_visible(id)
        && cx.snap.children(id).any(|c| cx.snap.text(c).is_some_and(|t| !t.trim().is_empty()))
}

/// Moved off screen by positioning (the `position: absolute; top: -9999px` pattern): the element
/// or an ancestor is absolutely positioned or fixed with `top` or `left` of -500px or less (the
/// `-999px` / `-9999px` / `-999em` idioms; offsets are from the containing block, so this is a
/// convention rather than geometry).
/// Such content is not visible though it stays in the accessibility tree.
pub(crate) fn is_off_screen(cx: &Context, id: NodeId) -> bool {
    use crate::style::Position;
    std::iter::once(id).chain(cx.snap.ancestors(id)).any(|a| {
        let st = cx.tree.style(a);
        matches!(st.position, Position::Absolute | Position::Fixed)
            && (st.top.is_some_and(|t| t <= -500.0) || st.left.is_some_and(|l| l <= -500.0))
    })
}

/// Whether the element's text wraps onto more than one line: `Some(true)` when it surely
/// does, `Some(false)` when it surely doesn't, `None` when only layout could tell. The text is
/// at least 0.35em and at most 0.7em per character wide; the width available is the nearest
/// `width` / `max-width` in px on it or an ancestor (up to a horizontal scroll container,
/// beyond which content may overflow), else the viewport.
pub(crate) fn text_wraps(cx: &Context, id: NodeId) -> Option<bool> {
    use crate::style::Overflow;
    let text = cx.snap.text_content(id);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 {
        // A single word has no soft wrap opportunity we can rely on.
        return if words.is_empty() { Some(false) } else { None };
    }
    let chars = words.iter().map(|w| w.chars().count() + 1).sum::<usize>().saturating_sub(1) as f32;
    let font = cx.tree.style(id).font_size.max(1.0);
    let mut available = cx.options.viewport.width;
    for a in std::iter::once(id).chain(cx.snap.ancestors(id)) {
        let st = cx.tree.style(a);
        for w in [st.width, st.max_width].into_iter().flatten() {
            available = available.min(w);
        }
        if a != id && matches!(st.overflow_x, Overflow::Scroll | Overflow::Auto) {
            break;
        }
        if st.width.is_some() {
            // A fixed width is not widened by ancestors.
            break;
        }
    }
    if chars * 0.35 * font > available {
        Some(true)
    } else if chars * 0.7 * font < available {
        Some(false)
    } else {
        None
    }
}

/// ACT "matching" names: whitespace-collapsed, case-insensitive.
pub(crate) fn matching_key(name: &str) -> String {
    fold(name)
}

/// Elements passing `pred` that share a non-empty matching accessible name with another one:
/// each returned with the members of its set, in tree order. Linear: one pass, one map.
/// `group` splits sets further (e.g. by link context); return the same value to not split.
pub(crate) fn identical_name_sets(
    cx: &Context,
    pred: impl Fn(NodeId, &Element) -> bool,
    group: impl Fn(NodeId) -> u32,
) -> Vec<(NodeId, std::rc::Rc<Vec<NodeId>>)> {
    // Fx, not SipHash: the maps only group, the order comes from `named`.
    use crate::style::FxHashMap as HashMap;
    let mut named: Vec<(NodeId, String)> = Vec::new();
    for (id, el) in elements(cx) {
        if !pred(id, el) || !is_included(cx, id) {
            continue;
        }
        let name = matching_key(cx.tree.name(id));
        if !name.is_empty() {
            named.push((id, name));
        }
    }
    // Only elements whose name another one shares can be in a set, so only they need their
    // group (a link's reads the whole text of its context).
    let mut uses: HashMap<&str, u32> = HashMap::default();
    for (_, name) in &named {
        *uses.entry(name.as_str()).or_default() += 1;
    }
    let mut sets: HashMap<(&str, u32), Vec<NodeId>> = HashMap::default();
    let mut order: Vec<(NodeId, (&str, u32))> = Vec::new();
    for (id, name) in &named {
        if uses.get(name.as_str()).is_some_and(|n| *n > 1) {
            let key = (name.as_str(), group(*id));
            sets.entry(key).or_default().push(*id);
            order.push((*id, key));
        }
    }
    let shared: HashMap<(&str, u32), std::rc::Rc<Vec<NodeId>>> =
        sets.into_iter().filter(|(_, v)| v.len() > 1).map(|(k, v)| (k, std::rc::Rc::new(v))).collect();
    order.into_iter().filter_map(|(id, key)| shared.get(&key).map(|set| (id, set.clone()))).collect()
}

type NameSets = std::collections::HashMap<NodeId, std::rc::Rc<Vec<NodeId>>>;

/// Targets in tree order and their identical-name sets, computed once per check and rule
/// (the tree's memo, keyed by the rule id) so that `evaluate` stays linear.
fn name_sets(
    cx: &Context,
    rule: &'static str,
    pred: impl Fn(NodeId, &Element) -> bool,
    group: impl Fn(NodeId) -> u32,
) -> std::rc::Rc<(Vec<NodeId>, NameSets)> {
    cx.tree.memo(rule, || {
        let sets = identical_name_sets(cx, pred, group);
        (sets.iter().map(|(id, _)| *id).collect(), sets.into_iter().collect())
    })
}

/// Targets of an identical-names rule `rule`.
pub(crate) fn identical_name_targets(
    cx: &Context,
    rule: &'static str,
    pred: impl Fn(NodeId, &Element) -> bool,
    group: impl Fn(NodeId) -> u32,
) -> Vec<NodeId> {
    name_sets(cx, rule, pred, group).0.clone()
}

/// The set of elements sharing `target`'s name under rule `rule`.
pub(crate) fn identical_name_set_of(
    cx: &Context,
    rule: &'static str,
    target: NodeId,
    pred: impl Fn(NodeId, &Element) -> bool,
    group: impl Fn(NodeId) -> u32,
) -> Vec<NodeId> {
    name_sets(cx, rule, pred, group).1.get(&target).map(|s| s.to_vec()).unwrap_or_default()
}

/// A URL attribute as a comparable string: trimmed, fragment kept (it names a different place).
pub(crate) fn url_attr<'a>(el: &'a Element, attr: &str) -> Option<&'a str> {
    el.attr_str(attr).map(str::trim).filter(|u| !u.is_empty())
}

/// Quote a name for a message, shortened to a readable length.
pub(crate) fn quote(name: &str) -> String {
    const MAX: usize = 80;
    if name.chars().count() <= MAX {
        format!("\"{name}\"")
    } else {
        let short: String = name.chars().take(MAX - 1).collect();
        format!("\"{short}…\"")
    }
}

/// Landmark roles (WAI-ARIA 1.2 `landmark` subclasses).
pub(crate) const LANDMARK_ROLES: &[&str] =
    &["banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"];

/// Whether the semantic role of `id` is a landmark.
pub(crate) fn is_landmark(cx: &Context, id: NodeId) -> bool {
    cx.tree.role(id).is_some_and(|r| LANDMARK_ROLES.contains(&r))
}

/// The level of a heading: a valid `aria-level` (a positive integer), else the `hN` number,
/// else 2 (the ARIA default for role `heading`).
pub(crate) fn heading_level(el: &Element) -> u32 {
    if let Some(level) = el.attr(&local_name!("aria-level")).and_then(|v| v.trim().parse::<u32>().ok()).filter(|l| *l > 0) {
        return level;
    }
    match &*el.name {
        "h1" if is_html(el) => 1,
        "h2" if is_html(el) => 2,
        "h3" if is_html(el) => 3,
        "h4" if is_html(el) => 4,
        "h5" if is_html(el) => 5,
        "h6" if is_html(el) => 6,
        _ => 2,
    }
}

/// Included headings with their levels, in tree order (found once per check: several rules
/// ask).
pub(crate) fn headings(cx: &Context) -> std::rc::Rc<Vec<(NodeId, u32)>> {
    cx.tree.memo("headings", || {
        with_role(cx, |r| r == "heading")
            .filter(|(id, _)| is_included(cx, *id))
            .map(|(id, el)| (id, heading_level(el)))
            .collect()
    })
}

/// Whitespace-folded, lower-cased text for comparing names and values. One string, lowered in
/// place when ASCII (most names): the words joined and lowered the obvious way took three.
pub(crate) fn fold(text: &str) -> String {
    if crate::a11y::name::is_folded(text) {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

/// Text-spacing rules (ACT 24afc2, 9e45ec): a spacing property declared `!important` in a
/// `style` attribute must be at least `factor` × the font size, since users can't override it.
pub(crate) struct ImportantSpacing {
    /// CSS property name, for messages.
    pub property: &'static str,
    /// Minimum as a multiple of the font size (WCAG 1.4.12).
    pub factor: f32,
    /// Whether the element's own style attribute marks the property `!important`.
    pub important: fn(&crate::style::ComputedStyle) -> bool,
    /// The computed value in px.
    pub value: fn(&crate::style::ComputedStyle) -> f32,
}

impl ImportantSpacing {
    /// Elements with visible text whose style attribute sets the property `!important`.
    pub(crate) fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Only a style attribute can make a declaration important there.
        with_attr(cx, &crate::dom::local_name!("style"))
            .filter(|(id, el)| {
                is_html(el)
                    && (self.important)(cx.tree.style(*id))
                    && has_visible_text_child(cx, *id)
                    && !is_off_screen(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// Passed when wide enough, failed otherwise.
    pub(crate) fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let style = cx.tree.style(target);
        let (px, min) = ((self.value)(style), self.factor * style.font_size);
        let (property, factor) = (self.property, self.factor);
        if px + 0.005 >= min {
            Evaluation::passed(format!("{property} is {px:.2}px, at least the {min:.2}px ({factor}em) needed."))
        } else {
            Evaluation::failed(format!(
                "{property} is {px:.2}px and marked !important in the style attribute: users can't widen it to the {min:.2}px ({factor}em) they may need."
            ))
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse::parse_html;
    use crate::rules::testing::outcomes;
    use crate::{DocumentKind, Outcome};

    fn first_element(html: &str, tag: &str) -> Element {
        let snap = parse_html(html, DocumentKind::Html);
        let found = snap
            .descendants(NodeId::DOCUMENT)
            .find_map(|n| snap.element(n).filter(|e| &*e.name == tag).cloned());
        found.unwrap_or_else(|| panic!("no <{tag}> in {html}"))
    }

    #[test]
    fn explicit_role_is_the_first_valid_token() {
        let role = |attr: &str| explicit_role(&first_element(&format!("<div role=\"{attr}\"></div>"), "div"));
        assert_eq!(role("img"), Some("img"));
        assert_eq!(role("bogus BUTTON link"), Some("button"));
        assert_eq!(role("presentation"), Some("none"));
        assert_eq!(role("widget"), None, "abstract roles are not valid");
        assert_eq!(role(""), None);
        assert_eq!(explicit_role(&first_element("<div></div>", "div")), None);
    }

    #[test]
    fn decorative_and_input_types() {
        assert!(is_marked_decorative(&first_element("<img alt=\"\">", "img")));
        assert!(!is_marked_decorative(&first_element("<img alt=\"\" role=\"img\">", "img")));
        assert!(!is_marked_decorative(&first_element("<img alt=\" x\">", "img")));
        assert!(is_marked_decorative(&first_element("<iframe role=\"presentation\"></iframe>", "iframe")));
        assert_eq!(input_type(&first_element("<input type=\" Image \">", "input")), "image");
        assert_eq!(input_type(&first_element("<input type=\"bogus\">", "input")), "text");
        assert_eq!(input_type(&first_element("<input>", "input")), "text");
        assert!(is_input_type(&first_element("<input type=\"DATE\">", "input"), "date"));
    }

    #[test]
    fn a_missing_stylesheet_turns_failures_into_cant_tell() {
        // The unloadable sheet could hide the button or give it ::before text.
        let out = outcomes("button-name", "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><button></button>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
        // A name from aria-label doesn't depend on styles.
        let out = outcomes(
            "button-name",
            "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><button aria-label=\"Close\"></button>",
        );
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
