//! `element-lang-valid`: an element inside `<body>` whose `lang` changes the language of some
//! text has a known primary language subtag (ACT de46e4, WCAG 3.1.2).
//!
//! The rule only applies when text actually inherits its language from the element (ACT's
//! "text inheriting its programmatic language"): visible or exposed text nodes, and the
//! accessible names and descriptions of exposed elements, in the element's subtree but outside
//! descendants that set their own non-empty `lang`.

use super::html_lang_valid::{check_language_tag, TagProblem};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "element-lang-valid",
    title: "Language changes use known language tags",
    wcag: &["3.1.2"],
    act: &["de46e4"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A lang attribute on part of the page tells screen readers to switch pronunciation; an unknown tag is ignored or read with the wrong rules.",
    fix: "Start the lang value with a registered language subtag, e.g. lang=\"en\" or lang=\"pt-BR\"; remove lang if it is not a human language.",
    examples: examples! {
        pass: &[
            "<html lang=\"es\"><body><article lang=\"en\">They wandered into a bar.</article></body></html>",
            "<html lang=\"es\"><body><div lang=\"EN\"><img src=\"a.jpg\" alt=\"Fireworks over Paris\"></div></body></html>",
            "<html lang=\"fr\"><body><article lang=\"invalid\"><div lang=\"en\">Text</div></article></body></html>",
        ],
        fail: &[
            "<html lang=\"es\"><body><article lang=\"dutch\">Zij liepen een bar binnen.</article></body></html>",
            "<html lang=\"en\"><body><p lang=\"eng\">I love ACT rules!</p></body></html>",
            "<html lang=\"fr\"><body><article lang=\"  \">They wandered into a bar.</article></body></html>",
        ],
        inapplicable: &[
            "<html lang=\"en\"><body><article lang=\"\">They wandered into a bar.</article></body></html>",
            "<html lang=\"en\"><body><div lang=\"invalid\"></div></body></html>",
            "<html lang=\"en\"><body><div lang=\"invalid\"><img src=\"a.jpg\" alt=\"\"></div></body></html>",
        ],
    },
};

enum Reason {
    Known { tag: String, primary: String },
    Problem { tag: String, problem: TagProblem },
    /// Invalid, but whether any text inherits it depends on styles that were not loaded.
    Unsure { tag: String, problem: TagProblem },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Known { tag, primary } => Evaluation::passed(format!(
                "lang=\"{tag}\" has the known primary language subtag \"{primary}\"."
            )),
            Reason::Problem { tag, problem } => Evaluation::failed(format!(
                "This element's language is not a known language: {}.",
                problem.describe(&tag)
            ))
            .with_data(serde_json::json!({ "lang": tag })),
            Reason::Unsure { tag, problem } => Evaluation::cant_tell(format!(
                "{}; some stylesheets were not loaded, so it is unknown whether its text is shown.",
                problem.describe(&tag)
            ))
            .with_data(serde_json::json!({ "lang": tag })),
        }
    }
}

/// Whether `el` sets a language for its subtree (a `lang` attribute that is not "").
fn sets_language(cx: &Context, el: NodeId) -> bool {
    cx.snap.element(el).and_then(|e| e.attr(&local_name!("lang"))).is_some_and(|v| !v.is_empty())
}

/// Whether some non-blank text inherits its programmatic language from `target`.
fn has_inheriting_text(cx: &Context, target: NodeId) -> bool {
    let blank = |s: &str| s.chars().all(char::is_whitespace);
    let exposed_text = |el: NodeId| {
        !cx.tree.is_hidden(el) && (!blank(cx.tree.name(el)) || !blank(cx.tree.description(el)))
    };
    if exposed_text(target) {
        return true;
    }
    let mut walk = cx.snap.descendants(target);
    while let Some(n) = walk.next() {
        if cx.snap.element(n).is_some() {
            if sets_language(cx, n) {
                walk.skip_subtree_of(n);
            } else if exposed_text(n) {
                return true;
            }
        } else if let Some(text) = cx.snap.text(n) {
            if blank(text) {
                continue;
            }
            let Some(parent) = cx.snap.parent_element(n) else { continue };
            if cx.tree.is_visible(parent) || !cx.tree.is_hidden(parent) {
                return true;
            }
        }
    }
    false
}

/// The rule.
pub struct ElementLangValid;

impl Rule for ElementLangValid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // HTML elements with a non-empty lang, inclusive descendants of <body>, in text/html.
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        let Some(body) = cx.snap.body() else { return Vec::new() };
        // Only elements with a lang attribute can set the language.
        cx.snap
            .with_attr(&local_name!("lang"))
            .filter(|n| {
                cx.snap.element(*n).is_some_and(|e| e.ns == crate::dom::ns!(html))
                    && (*n == body || cx.snap.ancestors(*n).any(|a| a == body))
                    && sets_language(cx, *n)
                    && has_inheriting_text(cx, *n)
            })
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let tag = cx.snap.element(target).and_then(|e| e.attr(&local_name!("lang"))).unwrap_or("").to_string();
        let reason = match check_language_tag(&tag) {
            Ok(primary) => Reason::Known { tag, primary },
            // Applicability (is any text shown?) depends on styles: never fail on partial ones.
            Err(problem) if !cx.styles.complete() => Reason::Unsure { tag, problem },
            Err(problem) => Reason::Problem { tag, problem },
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "element-lang-valid";

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn only_the_element_whose_scope_holds_text_is_judged() {
        let html = "<html lang=\"es\"><body><article lang=\"en\"><div lang=\"invalid\">Texto</div></article></body></html>";
        let out = outcomes(ID, html);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].0, Outcome::Failed);
        assert!(out[0].1.ends_with("div"), "{out:?}");
    }

    #[test]
    fn elements_outside_body_are_not_targets() {
        let out = outcomes(ID, "<html lang=\"en\"><head><title lang=\"xx-invalid\">T</title></head><body>x</body></html>");
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn hidden_text_does_not_make_it_applicable() {
        let html = "<html lang=\"en\"><body><p lang=\"hidden\"><span style=\"display: none;\">Text</span></p></body></html>";
        assert!(outcomes(ID, html).is_empty());
    }

    #[test]
    fn a_missing_stylesheet_makes_failures_cant_tell() {
        let out = outcomes(ID, "<html lang=\"en\"><head><link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"></head><body><p lang=\"xx-bad\">Text</p></body></html>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::CantTell]);
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let mut html = String::from("<html lang=\"en\"><body><div lang=\"zzzz\">");
        html.push_str(&"<span>".repeat(2000));
        html.push_str("deep text");
        let out = outcomes(ID, &html);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, Outcome::Failed);
    }
}
