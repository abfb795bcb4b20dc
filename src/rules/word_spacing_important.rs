//! `word-spacing-important`: an `!important` `word-spacing` in a `style` attribute is at
//! least 0.16 times the font size (ACT 9e45ec, WCAG 1.4.12). Such a declaration beats every
//! author and user stylesheet, so a user can't widen the spacing to read the text.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "word-spacing-important",
    title: "Important word spacing in style attributes is wide enough",
    wcag: &["1.4.12"],
    act: &["9e45ec"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "People with dyslexia or low vision widen word spacing with their own stylesheets; a word-spacing marked !important in a style attribute overrides them and can't be changed.",
    fix: "Remove !important from the word-spacing in the style attribute, or make it at least 0.16em.",
    examples: Examples {
        pass: &["<p style=\"word-spacing: 0.2em !important\">Some text to read</p>"],
        fail: &[
            "<p style=\"word-spacing: 0.1em !important\">Some text to read</p>",
            "<p style=\"word-spacing: normal !important\">Some text to read</p>",
        ],
        inapplicable: &[
            "<p style=\"word-spacing: 0.1em\">Some text to read</p>",
            "<div style=\"word-spacing: 0.1em !important\"></div>",
            "<p style=\"word-spacing: 0.1em\"><span style=\"word-spacing: inherit !important\">Text</span></p>",
        ],
    },
};

const SPACING: common::ImportantSpacing = common::ImportantSpacing {
    property: "word-spacing",
    factor: 0.16,
    important: |s| s.important_in_style_attr.word_spacing,
    value: |s| s.word_spacing,
};

/// The rule.
pub struct WordSpacingImportant;

impl Rule for WordSpacingImportant {
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
        let one = |html: &str| outcomes("word-spacing-important", html).first().map(|o| o.0);
        assert_eq!(one("<p style=\"word-spacing: 0.1em !important; word-spacing: 0.2em !important\">Text</p>"), Some(Outcome::Passed));
        assert_eq!(one("<p style=\"word-spacing: 0.2em !important; word-spacing: 0.1em\">Text</p>"), Some(Outcome::Passed));
        assert_eq!(one("<p style=\"font-size: 20px; word-spacing: 2px !important\">Text</p>"), Some(Outcome::Failed));
        assert_eq!(one("<p style=\"position: absolute; top: -999em; word-spacing: 0 !important\">Text</p>"), None);
        assert_eq!(one("<p style=\"display: none; word-spacing: 0 !important\">Text</p>"), None);
    }
}
