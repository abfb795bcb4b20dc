//! Focus: tabindex parsing (HTML "rules for parsing integers"), which elements are natively
//! focusable, which are disabled (HTML form-control rules, fieldset and optgroup included), and
//! the sequential focus navigation order. The per-node results are stored by [`super::Tree`],
//! which calls these helpers from its single top-down pass.
//!
//! Checked against Chromium 148: an editing host is focusable and its editable descendants are
//! not; a `details` with no `summary` child is in the tab order (through its default summary);
//! `object`, `embed` and `dialog` are not counted (Chromium doesn't put them in the tab order).

use crate::dom::{local_name, Element, NodeId};

/// HTML "rules for parsing integers": leading ASCII whitespace, an optional sign, at least one
/// digit; anything after the digits is ignored. `None` on error or overflow.
pub(crate) fn parse_integer(s: &str) -> Option<i32> {
    let s = s.trim_start_matches([' ', '\t', '\n', '\x0c', '\r']);
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let value: i64 = rest.get(..digits)?.parse().ok()?;
    let value = if negative { -value } else { value };
    i32::try_from(value).ok()
}

/// Element kinds that can be disabled by the `disabled` attribute or a disabled fieldset.
pub(crate) fn is_form_control(el: &Element) -> bool {
    // Interned names compared, not strings: asked of every element by the tree pass.
    el.ns == crate::dom::ns!(html)
        && matches!(
            el.name,
            local_name!("button")
                | local_name!("input")
                | local_name!("select")
                | local_name!("textarea")
                | local_name!("fieldset")
        )
}

/// Natively focusable (before disabled/inert/rendering checks): links, form controls, iframes,
/// the details' summary, media with controls. Editing hosts are handled by the tree (they need
/// the inherited editable state).
pub(crate) fn natively_focusable(el: &Element, details_summary: bool) -> bool {
    if el.is_svg() {
        return &*el.name == "a" && (el.has_attr(&local_name!("href")) || el.has_attr(&local_name!("xlink:href")));
    }
    if el.ns != crate::dom::ns!(html) {
        return false;
    }
    match &*el.name {
        "a" | "area" => el.has_attr(&local_name!("href")),
        "button" | "select" | "textarea" | "iframe" => true,
        "input" => !el.attr(&local_name!("type")).is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden")),
        "summary" => details_summary,
        "audio" | "video" => el.has_attr(&local_name!("controls")),
        _ => false,
    }
}

/// The `contenteditable` state the attribute sets: `Some(true)` for `""`, `true`,
/// `plaintext-only`; `Some(false)` for `false`; `None` (inherit) otherwise.
pub(crate) fn contenteditable_state(value: &str) -> Option<bool> {
    let v = value.trim();
    if v.is_empty() || v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("plaintext-only") {
        Some(true)
    } else if v.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// The sequential focus navigation order: positive tabindex ascending (ties in tree order), then
/// tabindex 0 and natively focusable elements in tree order. `candidates` are the focusable
/// elements in tree order with their effective tabindex.
pub(crate) fn sequential_order(candidates: &[(NodeId, i32)]) -> Vec<NodeId> {
    let mut positive: Vec<(i32, usize, NodeId)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, (_, t))| *t > 0)
        .map(|(i, (id, t))| (*t, i, *id))
        .collect();
    positive.sort_unstable();
    positive
        .into_iter()
        .map(|(_, _, id)| id)
        .chain(candidates.iter().filter(|(_, t)| *t == 0).map(|(id, _)| *id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(parse_integer("  3"), Some(3));
        assert_eq!(parse_integer("-1"), Some(-1));
        assert_eq!(parse_integer("+2"), Some(2));
        assert_eq!(parse_integer("0x"), Some(0));
        assert_eq!(parse_integer("7px"), Some(7));
        assert_eq!(parse_integer("abc"), None);
        assert_eq!(parse_integer(""), None);
        assert_eq!(parse_integer("-"), None);
        assert_eq!(parse_integer("+-1"), None);
        assert_eq!(parse_integer("\u{a0}1"), None);
        assert_eq!(parse_integer("99999999999"), None);
    }

    #[test]
    fn order() {
        let c = [(NodeId(1), 0), (NodeId(2), 2), (NodeId(3), 1), (NodeId(4), 2), (NodeId(5), 0)];
        assert_eq!(
            sequential_order(&c),
            vec![NodeId(3), NodeId(2), NodeId(4), NodeId(1), NodeId(5)]
        );
    }
}
