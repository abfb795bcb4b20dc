//! `letter-spacing-important`: an `!important` `letter-spacing` in a `style` attribute is at
//! least 0.12 times the font size (ACT 24afc2, WCAG 1.4.12). Such a declaration beats every
//! author and user stylesheet, so a user can't widen the spacing to read the text.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "letter-spacing-important",
    title: "Important letter spacing in style attributes is wide enough",
    wcag: &["1.4.12"],
    act: &["24afc2"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "People with dyslexia or low vision widen letter spacing with their own stylesheets; a letter-spacing marked !important in a style attribute overrides them and can't be changed.",
    fix: "Remove !important from the letter-spacing in the style attribute, or make it at least 0.12em.",
    examples: Examples {
        pass: &["<p style=\"letter-spacing: 0.15em !important\">Some text to read</p>"],
        fail: &[
            "<p style=\"letter-spacing: 0.1em !important\">Some text to read</p>",
            "<p style=\"letter-spacing: normal !important\">Some text to read</p>",
        ],
        inapplicable: &[
            "<p style=\"letter-spacing: 0.1em\">Some text to read</p>",
            "<div style=\"letter-spacing: 0.1em !important\"></div>",
            "<p style=\"letter-spacing: 0.1em\"><span style=\"letter-spacing: inherit !important\">Text</span></p>",
        ],
    },
};

const SPACING: common::ImportantSpacing = common::ImportantSpacing {
    property: "letter-spacing",
    factor: 0.12,
    important: |s| s.important_in_style_attr.letter_spacing,
    value: |s| s.letter_spacing,
};

/// The rule.
pub struct LetterSpacingImportant;

impl Rule for LetterSpacingImportant {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        SPACING.applicable(cx)
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        SPACING.evaluate(cx, target)
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
    fn last_important_declaration_wins() {
        let one = |html: &str| outcomes("letter-spacing-important", html).first().map(|o| o.0);
        assert_eq!(one("<p style=\"letter-spacing: 0.1em !important; letter-spacing: 0.15em !important\">Text</p>"), Some(Outcome::Passed));
        assert_eq!(one("<p style=\"letter-spacing: 0.15em !important; letter-spacing: 0.1em\">Text</p>"), Some(Outcome::Passed));
        assert_eq!(one("<p style=\"font-size: 20px; letter-spacing: 2px !important\">Text</p>"), Some(Outcome::Failed));
        assert_eq!(one("<p style=\"position: absolute; top: -999em; letter-spacing: 0 !important\">Text</p>"), None);
        assert_eq!(one("<p style=\"display: none; letter-spacing: 0 !important\">Text</p>"), None);
    }
}
