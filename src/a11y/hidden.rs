//! Hidden-ness: the per-element facts the tree's top-down pass combines with its ancestors'.
//!
//! - *rendered*: no `display: none` on the element or an ancestor (`display: contents` renders
//!   its children), not in `<template>` contents, not the hidden content of a closed `details`;
//! - *visible*: rendered, computed `visibility: visible` (inherited, so a `visible` child of a
//!   hidden parent is visible), no ancestor with `opacity: 0`, not clipped away by the usual
//!   visually-hidden patterns (those stay in the accessibility tree);
//! - *programmatically hidden* (ACT): not rendered, `visibility` not `visible`, or
//!   `aria-hidden="true"` on it or an ancestor; `inert` on it or an ancestor also removes it from
//!   the accessibility tree.

use crate::dom::{local_name, Element};
use crate::style::{ComputedStyle, Overflow, Position};

/// `aria-hidden="true"` (ASCII case-insensitive, trimmed).
pub(crate) fn aria_hidden(el: &Element) -> bool {
    el.attr(&local_name!("aria-hidden")).is_some_and(is_true)
}

/// An ARIA `true` value (ASCII case-insensitive, trimmed).
pub(crate) fn is_true(value: &str) -> bool {
    value.trim().eq_ignore_ascii_case("true")
}

/// Whether this element's own style clips it and its descendants away entirely: `clip:
/// rect(...)` of at most one pixel on an absolutely positioned box, `clip-path` that keeps
/// nothing (`inset(50%)`, `circle(0)`...), or a box of at most 1px with hidden overflow (the
/// "sr-only" pattern). Such content is not visible but stays in the accessibility tree.
pub(crate) fn clips_away(style: &ComputedStyle) -> bool {
    if let Some([top, right, bottom, left]) = style.clip {
        let positioned = matches!(style.position, Position::Absolute | Position::Fixed);
        if positioned && (bottom - top).max(0.0) * (right - left).max(0.0) <= 1.0 {
            return true;
        }
    }
    if style.clip_path.as_deref().is_some_and(clip_path_empty) {
        return true;
    }
    let clipping = |o: Overflow| !matches!(o, Overflow::Visible);
    let tiny = |v: Option<f32>| v.is_some_and(|v| v <= 1.0);
    (clipping(style.overflow_x) || clipping(style.overflow_y))
        && (tiny(style.width) || tiny(style.height))
}

/// `clip-path` values that leave no visible area.
fn clip_path_empty(value: &str) -> bool {
    let v: String = value.to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(args) = v.strip_prefix("inset(") {
        // inset(50%) or more on one axis removes everything.
        let first = args.split([')', 'r']).next().unwrap_or("");
        return first
            .strip_suffix('%')
            .and_then(|n| n.split('%').next())
            .and_then(|n| n.parse::<f32>().ok())
            .is_some_and(|n| n >= 50.0);
    }
    ["circle(0)", "circle(0px)", "circle(0%)", "ellipse(0", "polygon(00,00,00)"]
        .iter()
        .any(|p| v.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_paths() {
        assert!(clip_path_empty("inset(50%)"));
        assert!(clip_path_empty("inset( 100% )"));
        assert!(!clip_path_empty("inset(10%)"));
        assert!(clip_path_empty("circle(0)"));
        assert!(!clip_path_empty("circle(40%)"));
    }

    #[test]
    fn sr_only() {
        let mut s = ComputedStyle {
            position: Position::Absolute,
            clip: Some([0.0, 0.0, 0.0, 0.0]),
            ..ComputedStyle::default()
        };
        assert!(clips_away(&s));
        s.clip = None;
        assert!(!clips_away(&s));
        s.width = Some(1.0);
        s.overflow_x = Overflow::Hidden;
        s.overflow_y = Overflow::Hidden;
        assert!(clips_away(&s));
    }
}
