//! `element-lang-matches-content`: an element's `lang` names the language of the text that
//! inherits it (ACT off6ek, WCAG 3.1.2). Detection as in `html-lang-matches-content`: it
//! answers only on clear evidence (a sentence of eight words or more), so the short passages
//! `lang` usually marks (a quoted phrase, a greeting) are `cantTell`.

use super::common;
use super::html_lang_matches_content::{has_text_in_scope, known_primary, text_in_scope, verdict};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "element-lang-matches-content",
    title: "lang attributes match the language of their content",
    wcag: &["3.1.2"],
    act: &["off6ek"],
    impact: Impact::Moderate,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers switch pronunciation where lang says the language changes; a wrong lang makes that passage read with the wrong accent.",
    fix: "Set lang on the passage to the language it is written in, e.g. <span lang=\"nl\">Gelukkig nieuwjaar</span>.",
    examples: Examples {
        pass: &["<html lang=\"fr\"><body><p>Voici une phrase.</p><p lang=\"en\">The Accessibility Conformance Testing Rules Format defines a format for writing accessibility test rules. These test rules can be used for developing automated testing tools and manual testing methodologies.</p></body></html>"],
        fail: &["<html lang=\"en\"><body><p lang=\"fr\">The Accessibility Conformance Testing Rules Format defines a format for writing accessibility test rules. These test rules can be used for developing automated testing tools and manual testing methodologies.</p></body></html>"],
        inapplicable: &[
            "<html lang=\"en\"><body><p>I love ACT rules!</p></body></html>",
            "<html lang=\"en\"><body><p lang=\"fr\"></p><p lang=\"fr\" hidden>Bonjour</p></body></html>",
            "<html lang=\"en\"><body><div lang=\"invalid\">Some text</div></body></html>",
        ],
    },
};

/// The rule.
pub struct ElementLangMatchesContent;

impl Rule for ElementLangMatchesContent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        let Some(body) = cx.snap.body() else { return Vec::new() };
        common::with_attr(cx, &local_name!("lang"))
            .filter(|(id, el)| {
                common::is_html(el)
                    && (*id == body || cx.snap.ancestors(*id).any(|a| a == body))
                    && known_primary(cx, *id).is_some()
                    && has_text_in_scope(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let lang = known_primary(cx, target).unwrap_or_default();
        verdict(&text_in_scope(cx, target), &lang, "element's")
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
    fn short_passages_are_cant_tell() {
        let out = outcomes(
            "element-lang-matches-content",
            "<html lang=\"en\"><body><p>The Dutch phrase <span lang=\"fr\">\"Hij ging met de kippen op stok\"</span> means he went to bed early.</p></body></html>",
        );
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
    }
}
