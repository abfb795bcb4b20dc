//! `scrollable-region-focusable`: an element whose content scrolls can be reached with the
//! keyboard, itself or through a focusable descendant (ACT 0ssw9k, WCAG 2.1.1 and 2.1.3).
//!
//! Whether content overflows needs layout. We look at elements with `overflow: scroll|auto`
//! and estimate their content from its text: at least 0.35em per character, lines of at least
//! `line-height`, in the box's width in px. Only when even that lower bound overflows the box's
//! height by a clear margin (paddings are not computed, so we allow `max(40px, 25%)`) is the
//! region surely scrollable; otherwise an unreachable region is `cantTell`.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};
use crate::style::Overflow;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "scrollable-region-focusable",
    title: "Scrollable regions can be reached with the keyboard",
    wcag: &["2.1.1", "2.1.3"],
    act: &["0ssw9k"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Keyboard users scroll a region by focusing it or something inside it; a scrolling region with nothing focusable hides its overflowing content from them.",
    fix: "Add tabindex=\"0\" (and a role and name, e.g. role=\"region\" aria-label=\"…\") to the scrolling element, or make sure it contains a focusable element.",
    examples: Examples {
        pass: &[
            "<section style=\"height: 100px; width: 500px; overflow: scroll\" tabindex=\"0\"><p>Long text.</p></section>",
            "<section style=\"height: 100px; width: 500px; overflow: auto\"><a href=\"/more\">More</a></section>",
        ],
        fail: &[
            "<section style=\"height: 100px; width: 300px; overflow-y: scroll\"><h1>Abstract</h1><p>Web Content Accessibility Guidelines (WCAG) 2.1 covers a wide range of recommendations for making Web content more accessible. Following these guidelines will make content more accessible to a wider range of people with disabilities, including accommodations for blindness and low vision, deafness and hearing loss, limited movement, speech disabilities, photosensitivity, and combinations of these.</p></section>",
        ],
        inapplicable: &[
            "<section style=\"height: 95px; width: 500px\"><p>Some text.</p></section>",
            "<section style=\"height: 95px; overflow: hidden\"><p>Some text.</p></section>",
            "<section style=\"height: 20px; width: 500px; overflow-x: scroll\"><div style=\"width: 1000px; height: 1px\"></div></section>",
        ],
    },
};

enum Reason {
    Focusable,
    FocusableDescendant,
    Inert,
    Unreachable { content: f32, height: f32 },
    MaybeScrolls,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Focusable => Evaluation::passed("The scrollable region is in the tab order itself."),
            Reason::FocusableDescendant => Evaluation::passed("The scrollable region contains an element in the tab order."),
            Reason::Inert => Evaluation::passed("The scrollable region is inert."),
            Reason::Unreachable { content, height } => Evaluation::failed(format!(
                "This region scrolls (its content is at least {content:.0}px tall in a {height:.0}px box) but neither it nor anything inside it can be focused: keyboard users can't scroll it."
            )),
            Reason::MaybeScrolls => Evaluation::cant_tell(
                "This region has overflow: scroll/auto and nothing focusable; whether its content actually overflows needs layout.",
            ),
        }
    }
}

fn scrolls(o: Overflow) -> bool {
    matches!(o, Overflow::Scroll | Overflow::Auto)
}

/// Whether the element has visible content: non-blank text or embedded content.
fn has_visible_content(cx: &Context, id: NodeId) -> bool {
    cx.snap.descendants(id).any(|d| {
        if let Some(t) = cx.snap.text(d) {
            return !t.trim().is_empty() && cx.snap.parent(d).is_some_and(|p| cx.tree.is_visible(p));
        }
        cx.snap.element(d).is_some_and(|el| {
            ["img", "svg", "video", "canvas", "iframe", "object", "embed", "input", "select", "textarea"]
                .iter()
                .any(|n| &*el.name == *n)
                && cx.tree.is_visible(d)
        })
    })
}

/// A lower bound of the height of the text inside `id` laid out in `width` px.
fn min_content_height(cx: &Context, id: NodeId, width: f32) -> f32 {
    let mut line_width = 0.0f32;
    let mut min_line = f32::INFINITY;
    for d in cx.snap.descendants(id) {
        let (Some(t), Some(p)) = (cx.snap.text(d), cx.snap.parent(d)) else { continue };
        if !cx.tree.is_visible(p) {
            continue;
        }
        let chars = t.split_whitespace().map(|w| w.chars().count() + 1).sum::<usize>() as f32;
        if chars == 0.0 {
            continue;
        }
        let style = cx.tree.style(p);
        line_width += chars * 0.35 * style.font_size;
        min_line = min_line.min(style.line_height.to_px(style.font_size));
    }
    if line_width == 0.0 || !min_line.is_finite() || width <= 0.0 {
        return 0.0;
    }
    (line_width / width).ceil() * min_line
}

/// The rule.
pub struct ScrollableRegionFocusable;

impl Rule for ScrollableRegionFocusable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // The style first: most elements don't scroll, and then the element is not read.
        let scrolling = cx.snap.elements().iter().copied().filter(|id| {
            let st = cx.tree.style(*id);
            scrolls(st.overflow_x) || scrolls(st.overflow_y)
        });
        scrolling
            .filter_map(|id| cx.snap.element(id).map(|el| (id, el)))
            .filter(|(id, el)| {
                common::is_html(el)
                    && !el.is_html(&local_name!("html"))
                    && !el.is_html(&local_name!("body"))
                    && cx.tree.is_rendered(*id)
                    && has_visible_content(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let reason = if cx.tree.tab_position(target).is_some() {
            Reason::Focusable
        } else if cx.snap.descendants(target).any(|d| cx.tree.tab_position(d).is_some()) {
            Reason::FocusableDescendant
        } else if cx.tree.is_inert(target) {
            Reason::Inert
        } else {
            let st = cx.tree.style(target);
            match (st.width, st.height) {
                (Some(w), Some(h)) if scrolls(st.overflow_y) => {
                    let content = min_content_height(cx, target, w);
                    if content > h + (0.25 * h).max(40.0) {
                        Reason::Unreachable { content, height: h }
                    } else {
                        Reason::MaybeScrolls
                    }
                }
                _ => Reason::MaybeScrolls,
            }
        };
        reason.evaluation()
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
    fn short_content_is_cant_tell_not_failed() {
        let out = outcomes(
            "scrollable-region-focusable",
            "<section style=\"height: 210px; width: 530px; overflow: scroll\"><div>A paragraph of a few dozen words that may or may not overflow the box, depending on the font and the padding that we do not compute at all.</div></section>",
        );
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
        let inert = outcomes("scrollable-region-focusable", "<section inert style=\"height: 10px; overflow: auto\">Text</section>");
        assert_eq!(inert.first().map(|o| o.0), Some(Outcome::Passed), "{inert:?}");
    }
}
