//! ARIA validity predicates over the generated tables (`aria_data`) that the ARIA rules share:
//! value-type checks for states and properties, which elements HTML-AAM maps to `generic`, and
//! the ACT notion of accessibility-tree parent and owned children (`aria-owns` followed,
//! presentational and hidden elements skipped).

use std::collections::HashMap;

use super::aria_data::{self, Global, Property, ValueType};
use super::Tree;
use crate::dom::{local_name, ns, AtomHash, Element, LocalName, NodeId, Snapshot};

/// An element in the HTML or SVG namespace (ACT's "HTML or SVG element").
pub(crate) fn is_html_or_svg(el: &Element) -> bool {
    el.ns == ns!(html) || el.ns == ns!(svg)
}

/// One `aria-*` attribute of an element with its WAI-ARIA definition.
#[derive(Clone, Copy)]
pub(crate) struct AriaAttr<'a> {
    /// Name, lower-cased.
    pub name: &'a str,
    /// Value as written.
    pub value: &'a str,
    /// The state or property it names; `None` when WAI-ARIA defines no such name.
    pub property: Option<&'static Property>,
}

/// An element with at least one `aria-*` attribute, as [`AriaIndex`] holds it.
pub(crate) struct AriaElement {
    /// The element's node.
    pub id: NodeId,
    /// In the HTML or SVG namespace.
    pub html_or_svg: bool,
    /// HTML-AAM maps it to `generic` ([`maps_to_generic`]).
    maps_to_generic: bool,
    /// Its attributes in [`AriaIndex::attrs`].
    attrs: std::ops::Range<u32>,
}

/// The `aria-*` attributes of every element that has any, each with its WAI-ARIA definition,
/// found once per check for the ARIA attribute rules. Each of those rules used to re-read every
/// such element's attributes in `applicable` and `evaluate`: at 200k elements that was eight
/// cache misses per element into the node arena (8 % of a check); the rules now read this
/// compact list. Names are atoms, so a definition is found by the atom (one per distinct name
/// in the document) rather than by lower-casing and searching the table for every attribute.
/// The values are copied (into one string) so that the index borrows nothing from the page.
pub(crate) struct AriaIndex {
    /// Distinct `aria-*` names of the document: lower-cased, and their definitions.
    names: Vec<(Box<str>, Option<&'static Property>)>,
    /// The elements, in tree order.
    elements: Vec<AriaElement>,
    /// Positions in `elements` sorted by node id, for [`AriaIndex::get`].
    by_node: Vec<u32>,
    /// Per attribute, in source order per element: its position in `names` and the end of its
    /// value in `values` (it starts where the previous one ends).
    attrs: Vec<(u32, u32)>,
    /// The attribute values, one after the other.
    values: String,
}

impl AriaIndex {
    /// Index the elements of `snap` that have an `aria-*` attribute.
    pub(crate) fn new(snap: &Snapshot) -> AriaIndex {
        let mut names = Vec::new();
        let mut name_of: HashMap<&LocalName, u32, AtomHash> = HashMap::default();
        for name in snap.attr_names().filter(|n| n.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("aria-"))) {
            // The HTML parser lower-cases names already; XML documents may not.
            let lower: Box<str> = str::to_ascii_lowercase(name).into();
            let definition = property(&lower);
            name_of.insert(name, names.len() as u32);
            names.push((lower, definition));
        }
        let mut elements = Vec::new();
        let mut attrs = Vec::new();
        let mut values = String::new();
        for id in snap.with_aria_attrs() {
            let Some(el) = snap.element(id) else { continue };
            let start = attrs.len() as u32;
            for a in &el.attrs {
                let Some(name) = name_of.get(&a.name) else { continue };
                values.push_str(&a.value);
                attrs.push((*name, values.len() as u32));
            }
            elements.push(AriaElement {
                id,
                html_or_svg: is_html_or_svg(el),
                maps_to_generic: maps_to_generic(el),
                attrs: start..attrs.len() as u32,
            });
        }
        let mut by_node: Vec<u32> = (0..elements.len() as u32).collect();
        by_node.sort_unstable_by_key(|i| elements[*i as usize].id);
        AriaIndex { names, elements, by_node, attrs, values }
    }

    /// The elements with an `aria-*` attribute, in tree order.
    pub(crate) fn elements(&self) -> &[AriaElement] {
        &self.elements
    }

    /// The entry of `id`, if it has an `aria-*` attribute.
    pub(crate) fn get(&self, id: NodeId) -> Option<&AriaElement> {
        let found = self.by_node.binary_search_by_key(&id, |i| self.elements[*i as usize].id).ok()?;
        self.elements.get(self.by_node[found] as usize)
    }

    /// The `aria-*` attributes of `e`, names lower-cased, in source order.
    pub(crate) fn attributes<'s>(&'s self, e: &AriaElement) -> impl Iterator<Item = AriaAttr<'s>> + 's {
        let first = e.attrs.start as usize;
        let mut start = first.checked_sub(1).and_then(|i| self.attrs.get(i)).map_or(0, |(_, end)| *end as usize);
        self.attrs.get(first..e.attrs.end as usize).unwrap_or(&[]).iter().filter_map(move |(name, end)| {
            let value = self.values.get(start..*end as usize).unwrap_or("");
            start = *end as usize;
            let (name, property) = self.names.get(*name as usize)?;
            Some(AriaAttr { name, value, property: *property })
        })
    }
}

impl AriaElement {
    /// [`aria_role`] of this element, without reading the element again.
    pub(crate) fn role(&self, tree: &Tree) -> Option<&'static str> {
        fold_role(tree.role(self.id)?, || self.maps_to_generic)
    }
}

/// Whether a state or property applies to every role (deprecated global use included).
pub(crate) fn is_global(prop: &Property) -> bool {
    prop.global != Global::No
}

/// Whether `value` is valid for the property's value type (WAI-ARIA 1.2 §6.3). Keywords are
/// compared ASCII case-insensitively after trimming, as browsers do; ID references need not
/// resolve (ACT 6a7281's exception).
pub(crate) fn value_is_valid(prop: &Property, value: &str) -> bool {
    let v = value.trim();
    let one_of = |allowed: &[&str]| allowed.iter().any(|a| a.eq_ignore_ascii_case(v));
    match prop.value {
        ValueType::TrueFalse => one_of(&["true", "false"]),
        ValueType::TrueFalseUndefined => one_of(&["true", "false", "undefined"]),
        // aria-checked and aria-pressed: "undefined" is their default value.
        ValueType::Tristate => one_of(&["true", "false", "mixed", "undefined"]),
        ValueType::IdRef | ValueType::IdRefList | ValueType::String => true,
        ValueType::Integer => is_integer(v),
        ValueType::Number => is_number(v),
        ValueType::Token => one_of(prop.tokens),
        ValueType::TokenList => {
            let mut tokens = v.split_ascii_whitespace().peekable();
            tokens.peek().is_some()
                && tokens.all(|t| prop.tokens.iter().any(|a| a.eq_ignore_ascii_case(t)))
        }
    }
}

/// An optionally signed run of ASCII digits.
fn is_integer(v: &str) -> bool {
    let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A decimal number (`1`, `-1.5`, `.5`, `2e3`); no `inf`/`NaN`, which Rust's parser accepts.
fn is_number(v: &str) -> bool {
    let body = v.strip_prefix(['-', '+']).unwrap_or(v);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i).unwrap_or(""), Some(body.get(i + 1..).unwrap_or(""))),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    mantissa_ok && exponent.is_none_or(is_integer)
}

/// Whether HTML-AAM maps this element to the `generic` role (div, span, b, i...), as opposed to
/// elements that have no ARIA equivalent at all (iframe, audio, canvas, label...), which the
/// tree also reports as `generic` (Chromium's empty computed role). ARIA's prohibitions for
/// `generic` apply only to the former.
pub(crate) fn maps_to_generic(el: &Element) -> bool {
    if el.ns != ns!(html) {
        return false;
    }
    // Autonomous custom elements are generic.
    if el.name.contains('-') {
        return true;
    }
    matches!(
        &*el.name,
        "a" | "area" | "b" | "bdi" | "bdo" | "body" | "data" | "div" | "footer" | "header" | "i"
            | "pre" | "q" | "samp" | "section" | "small" | "span" | "u" | "form" | "aside"
            | "summary" | "nobr" | "center" | "font" | "big" | "tt" | "strike"
    )
}

/// The semantic role for the ARIA attribute rules: the computed role, `presentation` folded
/// into `none`; `None` for an element whose role is `generic` only because it has no ARIA
/// equivalent (see [`maps_to_generic`]).
pub(crate) fn aria_role(tree: &Tree, id: NodeId) -> Option<&'static str> {
    fold_role(tree.role(id)?, || tree.snap.element(id).is_some_and(maps_to_generic))
}

/// [`aria_role`] from the computed role and whether the element maps to `generic`.
fn fold_role(role: &'static str, maps_to_generic: impl FnOnce() -> bool) -> Option<&'static str> {
    let role = if role == "presentation" { "none" } else { role };
    (role != "generic" || maps_to_generic()).then_some(role)
}

/// Whether an element is invisible to the ACT accessibility tree walk: not included, or
/// presentational (its children are lifted to its parent).
fn is_transparent(tree: &Tree, id: NodeId) -> bool {
    tree.role(id).is_some_and(|r| r == "none" || r == "presentation")
}

/// Element children of `id` in the accessibility tree (ACT "owned by"): DOM element children
/// not claimed by another element's `aria-owns`, then the elements its own `aria-owns` claims;
/// hidden elements are left out and presentational ones replaced by their own children.
/// Iterative; `limit` bounds the result.
pub(crate) fn owned_elements(tree: &Tree, id: NodeId, limit: usize) -> Vec<NodeId> {
    let snap = tree.snap;
    let direct = |n: NodeId| -> Vec<NodeId> {
        let mut out: Vec<NodeId> = snap
            .element_children(n)
            .filter(|c| tree.aria_owner(*c).is_none_or(|o| o == n))
            .collect();
        if let Some(ids) = snap.element(n).and_then(|e| e.attr(&local_name!("aria-owns"))) {
            for t in ids.split_ascii_whitespace().filter_map(|i| snap.by_id(i)) {
                if tree.aria_owner(t) == Some(n) && !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    };
    let mut out = Vec::new();
    // Depth-first, in order: a stack of pending child lists.
    let mut stack: Vec<std::vec::IntoIter<NodeId>> = vec![direct(id).into_iter()];
    let mut visited = 0usize;
    while let Some(top) = stack.last_mut() {
        let Some(child) = top.next() else {
            stack.pop();
            continue;
        };
        visited += 1;
        if visited > 100_000 || out.len() >= limit {
            break;
        }
        if tree.is_hidden(child) {
            continue;
        }
        if is_transparent(tree, child) {
            stack.push(direct(child).into_iter());
        } else {
            out.push(child);
        }
    }
    out
}

/// Whether a `generic` element is one browsers leave out of the platform tree: no ARIA
/// attribute, no role, not focusable.
pub(crate) fn is_plain_generic(tree: &Tree, id: NodeId) -> bool {
    tree.role(id) == Some("generic")
        && !tree.is_focusable(id)
        && tree.snap.element(id).is_some_and(|e| {
            !e.has_attr(&local_name!("role")) && tree.aria_index().get(id).is_none() && !e.has_attr(&local_name!("tabindex"))
        })
}

/// The parent of `id` in the accessibility tree: its `aria-owns` owner, or the nearest DOM
/// ancestor element that is neither presentational nor a plain generic wrapper.
pub(crate) fn accessibility_parent(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let mut cur = id;
    // Bounded by the document depth; an aria-owns cycle is cut by the step limit.
    for _ in 0..10_000 {
        let next = tree.aria_owner(cur).or_else(|| tree.snap.parent_element(cur))?;
        if is_transparent(tree, next) || is_plain_generic(tree, next) {
            cur = next;
            continue;
        }
        return Some(next);
    }
    None
}

/// Look up a state or property by attribute name.
pub(crate) fn property(name: &str) -> Option<&'static Property> {
    aria_data::property(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let p = |n: &str| property(n).unwrap_or_else(|| panic!("{n}"));
        assert!(value_is_valid(p("aria-expanded"), "undefined"));
        assert!(!value_is_valid(p("aria-expanded"), "collapsed"));
        assert!(!value_is_valid(p("aria-required"), "undefined"));
        assert!(value_is_valid(p("aria-pressed"), " Mixed "));
        assert!(!value_is_valid(p("aria-pressed"), "horizontal"));
        assert!(value_is_valid(p("aria-rowindex"), "2"));
        assert!(!value_is_valid(p("aria-rowindex"), "2.5"));
        assert!(value_is_valid(p("aria-valuenow"), "1.5"));
        assert!(value_is_valid(p("aria-valuenow"), "-.5e2"));
        assert!(!value_is_valid(p("aria-valuenow"), "two"));
        assert!(!value_is_valid(p("aria-valuenow"), "inf"));
        assert!(!value_is_valid(p("aria-valuenow"), "."));
        assert!(!value_is_valid(p("aria-live"), "page"));
        assert!(value_is_valid(p("aria-relevant"), "text removals"));
        assert!(!value_is_valid(p("aria-relevant"), "text always"));
        assert!(value_is_valid(p("aria-current"), "page"));
        assert!(value_is_valid(p("aria-errormessage"), "my-error"));
    }
}
