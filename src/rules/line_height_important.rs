//! `line-height-important`: an `!important` `line-height` in a `style` attribute on text that
//! wraps is at least 1.5 times the font size (ACT 78fd32, WCAG 1.4.12). Whether text wraps
//! needs layout: we estimate it from the text length and the widths in px around it, and say
//! `cantTell` when the estimate can't decide.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "line-height-important",
    title: "Important line height in style attributes is wide enough",
    wcag: &["1.4.12"],
    act: &["78fd32"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Renderer,
    help: "People with dyslexia or low vision increase line height with their own stylesheets; a line-height marked !important in a style attribute overrides them and can't be changed.",
    fix: "Remove !important from the line-height in the style attribute, or make it at least 1.5.",
    examples: Examples {
        pass: &["<p style=\"line-height: 1.6 !important; max-width: 200px\">The toy brought back fond memories of being lost in the rain forest.</p>"],
        fail: &[
            "<p style=\"line-height: 1em !important; max-width: 200px\">The toy brought back fond memories of being lost in the rain forest.</p>",
            "<p style=\"line-height: normal !important; max-width: 200px\">The toy brought back fond memories of being lost in the rain forest.</p>",
        ],
        inapplicable: &[
            "<p style=\"line-height: 1em; max-width: 200px\">The toy brought back fond memories of being lost in the rain forest.</p>",
            "<div style=\"overflow-x: scroll\"><p style=\"line-height: 1em !important; width: 1000px\">The toy brought back fond memories.</p></div>",
            "<p style=\"line-height: 1.2em\"><span style=\"line-height: unset !important; display: block; max-width: 200px\">The toy brought back fond memories of being lost in the rain forest.</span></p>",
        ],
    },
};

enum Reason {
    Tall { px: f32, min: f32 },
    Short { px: f32, min: f32 },
    ShortMaybeWraps { px: f32, min: f32 },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Tall { px, min } => {
                Evaluation::passed(format!("line-height is {px:.1}px, at least the {min:.1}px (1.5 times the font size) needed."))
            }
            Reason::Short { px, min } => Evaluation::failed(format!(
                "line-height is {px:.1}px and marked !important in the style attribute: users can't increase it to the {min:.1}px (1.5 times the font size) they may need."
            )),
            Reason::ShortMaybeWraps { px, min } => Evaluation::cant_tell(format!(
                "line-height is {px:.1}px (under {min:.1}px) and !important; it matters only if the text wraps, which needs layout to tell."
            )),
        }
    }
}

/// The rule.
pub struct LineHeightImportant;

impl Rule for LineHeightImportant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Only a style attribute can make a declaration important there.
        common::with_attr(cx, &local_name!("style"))
            .filter(|(id, el)| {
                common::is_html(el)
                    && cx.tree.style(*id).important_in_style_attr.line_height
                    && common::has_visible_text_child(cx, *id)
                    && !common::is_off_screen(cx, *id)
                    // Text that surely stays on one line has no soft wrap break.
                    && common::text_wraps(cx, *id) != Some(false)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let style = cx.tree.style(target);
        let (px, min) = (style.line_height.to_px(style.font_size), 1.5 * style.font_size);
        let reason = if px + 0.005 >= min {
            Reason::Tall { px, min }
        } else if common::text_wraps(cx, target) != Some(true) {
            Reason::ShortMaybeWraps { px, min }
        } else {
            Reason::Short { px, min }
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
    fn units_and_wrapping() {
        let long = "The toy brought back fond memories of being lost in the rain forest.";
        let one = |style: &str| {
            outcomes("line-height-important", &format!("<p style=\"{style}\">{long}</p>")).first().map(|o| o.0)
        };
        assert_eq!(one("font-size: 16px; line-height: 160% !important; max-width: 200px"), Some(Outcome::Passed));
        assert_eq!(one("font-size: 16px; line-height: 120% !important; max-width: 200px"), Some(Outcome::Failed));
        assert_eq!(one("font-size: 20px; line-height: 20px !important; max-width: 200px"), Some(Outcome::Failed));
        assert_eq!(one("line-height: 1em !important; line-height: 2em !important; max-width: 200px"), Some(Outcome::Passed));
        // Short text in the wide default viewport stays on one line.
        assert!(outcomes("line-height-important", "<p style=\"line-height: 1 !important\">Hi there</p>").is_empty());
    }
}
