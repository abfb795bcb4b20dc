//! `text-contrast-enhanced`: visible text has a contrast ratio of at least 7:1 with its
//! background, 4.5:1 when large (ACT 09o5cg, WCAG 1.4.6 AAA).
//!
//! Same targets and colour work as `text-contrast` (which owns them); only the thresholds differ.

use super::text_contrast::{judge, targets};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;
use crate::style::contrast::AAA;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "text-contrast-enhanced",
    title: "Text has enhanced contrast with its background",
    wcag: &["1.4.6"],
    act: &["09o5cg"],
    impact: Impact::Moderate,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Text at 7:1 (4.5:1 when large) stays readable for people with moderately low vision who don't use magnification or contrast tools.",
    fix: "Darken the text or lighten its background (or the reverse) until the ratio is at least 7:1, or 4.5:1 for text of 24px, or 18.66px bold, and larger; the finding suggests the nearest passing text colour.",
    examples: examples! {
        pass: &[
            r#"<p style="color: #333; background: #fff">Readable text</p>"#,
            r#"<p style="color: #000; font-size: 18pt; background: #777">Large text needs 4.5:1</p>"#,
        ],
        fail: &[
            r#"<p style="color: #666; background: white">Passes AA, not AAA</p>"#,
            r#"<p style="color: rgba(0,0,0,.6); background: #fff">Translucent text</p>"#,
        ],
        inapplicable: &[
            r#"<p style="display: none">Not rendered</p>"#,
            r#"<div role="button" aria-disabled="true" style="color: #777; background: #eee">Disabled</div>"#,
        ],
    },
};

/// The rule.
pub struct TextContrastEnhanced;

impl Rule for TextContrastEnhanced {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        targets(cx)
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        // Wording and data: `text_contrast::Reason`, shared with the AA rule.
        judge(cx, target, AAA, "AAA", "1.4.6").evaluation(cx)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }
}
