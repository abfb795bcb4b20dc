//! `zoomed-text-not-clipped`: text zoomed to 200% (a 640×512 viewport) is not cut off by an
//! ancestor with `overflow: hidden | clip` (ACT 59br37, WCAG 1.4.4).
//!
//! Styles are taken at 640×512 when the page's media queries ask for the viewport's size or
//! orientation, or anything clips overflow. Without layout we only prove clipping from below: a box of fixed
//! height shorter than the lines its content must have (one per `<br>`, at least one) clips
//! vertically. A box with no fixed height or width is taken not to clip. Everything else
//! (a fixed width with `white-space` and `text-overflow` unknown, a height that may or may not
//! be enough) is `cantTell`. A box whose explicit `line-height` is at least its height is a
//! one-line box by design (the ACT exception).

use std::collections::HashMap;

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::hidden::clips_away;
use crate::dom::{local_name, NodeId};
use crate::options::Viewport;
use crate::style::{ComputedStyle, Display, LineHeight, Overflow, Position, Styles, Visibility};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "zoomed-text-not-clipped",
    title: "Text zoomed to 200% is not clipped",
    wcag: &["1.4.4"],
    act: &["59br37"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Renderer,
    help: "People with low vision zoom text to 200% or more; a box of fixed size with overflow: hidden then cuts the text off and they can't read it.",
    fix: "Let boxes holding text grow: use min-height instead of height, or overflow: auto instead of hidden, and sizes in em/rem.",
    examples: Examples {
        pass: &["<div style=\"overflow: hidden; font-size: 16px\">Once upon a midnight dreary, while I pondered, weak and weary.</div>"],
        fail: &["<div style=\"overflow: hidden; height: 16vh; font-size: 16px\">Once upon a midnight dreary,<br>Over many a quaint and curious volume,<br>While I nodded,<br>As of some one gently rapping,<br>Tis some visitor,<br>Only this and nothing more.</div>"],
        inapplicable: &[
            "<div style=\"overflow: auto; height: 1.5em; font-size: 16px\">Once upon a midnight dreary.</div>",
            "<p style=\"display:none\">Last updated</p>",
        ],
    },
};

/// The viewport of 1280×1024 zoomed to 200%.
const ZOOMED: Viewport = Viewport { width: 640.0, height: 512.0 };

fn clips(o: Overflow) -> bool {
    matches!(o, Overflow::Hidden | Overflow::Clip)
}

fn scrolls(o: Overflow) -> bool {
    matches!(o, Overflow::Auto | Overflow::Scroll)
}

/// Visible at the zoomed size: rendered, visible, not transparent, not clipped away or moved
/// off screen, no `aria-hidden` ancestor.
fn shown(cx: &Context, small: &Styles, id: NodeId) -> bool {
    if small.get(id).visibility != Visibility::Visible {
        return false;
    }
    std::iter::once(id).chain(cx.snap.ancestors(id)).all(|a| {
        let st = small.get(a);
        let off = matches!(st.position, Position::Absolute | Position::Fixed)
            && (st.top.is_some_and(|t| t <= -1000.0) || st.left.is_some_and(|l| l <= -1000.0));
        let aria_hidden = cx.snap.element(a).is_some_and(crate::a11y::hidden::aria_hidden);
        st.display != Display::None && st.opacity > 0.0 && !clips_away(st) && !off && !aria_hidden
    })
}

/// Lines the content of `box_id` has at least: one, plus one per rendered `<br>`.
fn min_lines(cx: &Context, small: &Styles, box_id: NodeId) -> usize {
    1 + cx
        .snap
        .descendants(box_id)
        .filter(|d| cx.snap.element(*d).is_some_and(|e| e.is_html(&local_name!("br"))) && small.get(*d).display != Display::None)
        .count()
}

fn line_px(st: &ComputedStyle) -> f32 {
    st.line_height.to_px(st.font_size)
}

enum Reason {
    NotClipped,
    Clipped { height: f32, content: f32 },
    MaybeClipped,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::NotClipped => Evaluation::passed("No box of fixed size clips this text at 200% zoom."),
            Reason::Clipped { height, content } => Evaluation::failed(format!(
                "At 200% zoom this text needs at least {content:.0}px but a box with overflow: hidden is {height:.0}px tall: the rest is cut off."
            )),
            Reason::MaybeClipped => Evaluation::cant_tell(
                "This text is inside a box of fixed size with overflow: hidden; whether it is cut off at 200% zoom needs layout.",
            ),
        }
    }
}

/// The verdict for the text of element `p` under the zoomed styles. `lines` memoises
/// `min_lines` per clipping box (a page-sized box would otherwise be walked once per text).
fn judge(cx: &Context, small: &Styles, p: NodeId, lines: &mut HashMap<NodeId, usize>) -> Option<Reason> {
    let mut any_clipper = false;
    let mut unsure = false;
    for a in std::iter::once(p).chain(cx.snap.ancestors(p)) {
        let st = small.get(a);
        if (scrolls(st.overflow_x) || scrolls(st.overflow_y)) && !clips(st.overflow_x) && !clips(st.overflow_y) {
            // Overflow inside a scroll container is reached by scrolling it.
            break;
        }
        if !(clips(st.overflow_x) || clips(st.overflow_y)) {
            continue;
        }
        any_clipper = true;
        if clips(st.overflow_y) {
            if let Some(h) = st.height {
                let one_line_box = !matches!(st.line_height, LineHeight::Normal) && line_px(st) >= h;
                if !one_line_box {
                    let n = *lines.entry(a).or_insert_with(|| min_lines(cx, small, a));
                    let content = n as f32 * line_px(small.get(p));
                    if content > h + 0.5 {
                        return Some(Reason::Clipped { height: h, content });
                    }
                    unsure = true;
                }
            }
        }
        if clips(st.overflow_x) && st.width.is_some() {
            unsure = true;
        }
    }
    if !any_clipper {
        return None;
    }
    Some(if unsure { Reason::MaybeClipped } else { Reason::NotClipped })
}

/// Targets in tree order and their verdicts, computed once per check (the tree's memo): the
/// zoomed restyle is the expensive part.
type Verdicts = (Vec<NodeId>, HashMap<NodeId, Evaluation>);

fn memoised(cx: &Context) -> std::rc::Rc<Verdicts> {
    cx.tree.memo("zoomed-text-not-clipped/verdicts", || {
        let found = verdicts(cx);
        (found.iter().map(|(id, _)| *id).collect(), found.into_iter().collect())
    })
}

fn verdicts(cx: &Context) -> Vec<(NodeId, Evaluation)> {
    let clipping = |styles: &Styles| {
        common::elements(cx).any(|(id, _)| {
            let st = styles.get(id);
            clips(st.overflow_x) || clips(st.overflow_y)
        })
    };
    // Without a query of the viewport's size or orientation, only values in viewport units
    // change at the zoomed size, and they never make a box clip.
    if !cx.styles.size_queried && !cx.styles.orientation_queried && !clipping(cx.styles) {
        return Vec::new();
    }
    // A second cascade runs only when some style can differ at the zoomed size.
    let zoomed = crate::style::at_viewport(cx.snap, cx.options, cx.styles, ZOOMED);
    let small = zoomed.as_ref().unwrap_or(cx.styles);
    if !clipping(small) {
        return Vec::new();
    }
    // Whether a box that clips overflow holds the node before any scroll container does (the
    // walk `judge` makes, once for the whole tree): only such elements can have a verdict.
    let mut clipped = vec![false; cx.snap.len()];
    for id in cx.snap.descendants(NodeId::DOCUMENT) {
        let st = small.get(id);
        let clipper = clips(st.overflow_x) || clips(st.overflow_y);
        let scroller = !clipper && (scrolls(st.overflow_x) || scrolls(st.overflow_y));
        let below_clipper = cx.snap.parent(id).is_some_and(|p| clipped[p.index()]);
        clipped[id.index()] = !scroller && (clipper || below_clipper);
    }
    let mut out = Vec::new();
    let mut lines = HashMap::new();
    for (id, el) in common::elements(cx) {
        if !clipped[id.index()] {
            continue;
        }
        let has_text = cx.snap.children(id).any(|c| cx.snap.text(c).is_some_and(|t| !t.trim().is_empty()));
        if !common::is_html(el) || !has_text || !shown(cx, small, id) {
            continue;
        }
        if let Some(reason) = judge(cx, small, id, &mut lines) {
            out.push((id, reason.evaluation()));
        }
    }
    out
}

/// The rule.
pub struct ZoomedTextNotClipped;

impl Rule for ZoomedTextNotClipped {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        memoised(cx).0.clone()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        memoised(cx).1.get(&target).cloned().unwrap_or_else(|| Reason::NotClipped.evaluation())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_examples, outcomes};
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn act_corners() {
        let first = |html: &str| outcomes("zoomed-text-not-clipped", html).first().map(|o| o.0);
        let text = "Once upon a midnight dreary, while I pondered, weak and weary, over many a quaint and curious volume.";
        assert_eq!(first(&format!("<div style=\"overflow-y: hidden; height: 10px; font-size: 16px\">{text}</div>")), Some(Outcome::Failed));
        assert_eq!(first(&format!("<div style=\"overflow: hidden; height: 16px; line-height: 16px; font-size: 16px\">{text}</div>")), Some(Outcome::Passed));
        assert_eq!(first(&format!("<div style=\"overflow: hidden; height: 1.5em; font-size: 16px\">{text}</div>")), Some(Outcome::CantTell));
        assert_eq!(first(&format!("<div style=\"overflow: hidden; height: 2em\"><div style=\"overflow: auto; height: 2em\">{text}</div></div>")), None, "text in a scroll container is reached by scrolling");
        assert_eq!(first(&format!("<div style=\"overflow: hidden; height: 10px\"><span aria-hidden=\"true\">{text}</span></div>")), None);
        // Hidden only at the zoomed size.
        let css = "<style>@media (max-width: 640px) { .m { position: absolute; width: 1px; height: 1px; overflow: hidden; } }</style>";
        assert_eq!(first(&format!("{css}<a href=\"/\">Next<span class=\"m\">: {text}</span></a>")), None);
    }
}
