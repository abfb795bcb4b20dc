//! `html-has-lang`: the `<html>` element of an HTML page has a non-empty `lang` attribute
//! (ACT b5c3f8, WCAG 3.1.1).
//!
//! Only the `lang` attribute counts: `xml:lang` alone is ignored by HTML user agents. SVG and
//! XML documents are not HTML pages, so the rule does not apply to them.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "html-has-lang",
    title: "HTML pages declare their language",
    wcag: &["3.1.1"],
    act: &["b5c3f8"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers pick the voice and pronunciation rules from the page language; without it text is read with the user's default language, often unintelligibly.",
    fix: "Add a lang attribute with the page's main language to the <html> element, e.g. <html lang=\"en\">.",
    examples: examples! {
        pass: &["<html lang=\"en\"><body>Hello</body></html>"],
        fail: &[
            "<html><body>Hello</body></html>",
            "<html lang=\" \"><body>Hello</body></html>",
            "<html xml:lang=\"en\"><body>Hello</body></html>",
        ],
        inapplicable: &["<svg xmlns=\"http://www.w3.org/2000/svg\" lang=\"en\"><text>Hello</text></svg>"],
    },
};

enum Reason {
    Missing { xml_lang: bool },
    Empty,
    Present(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Missing { xml_lang: true } => Evaluation::failed(
                "The <html> element has only an xml:lang attribute, which HTML pages ignore; it needs lang.",
            ),
            Reason::Missing { xml_lang: false } => {
                Evaluation::failed("The <html> element has no lang attribute.")
            }
            Reason::Empty => Evaluation::failed("The <html> element's lang attribute is empty."),
            Reason::Present(lang) => {
                Evaluation::passed(format!("The page declares its language as \"{lang}\"."))
            }
        }
    }
}

/// The rule.
pub struct HtmlHasLang;

impl Rule for HtmlHasLang {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // The document element of a text/html page, when it is an HTML `html` element.
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        cx.snap
            .root_element()
            .filter(|r| cx.snap.element(*r).is_some_and(|e| e.is_html(&local_name!("html"))))
            .into_iter()
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some(el) = cx.snap.element(target) else {
            return Reason::Missing { xml_lang: false }.evaluation();
        };
        let reason = match el.attr(&local_name!("lang")) {
            None => Reason::Missing { xml_lang: el.has_attr(&local_name!("xml:lang")) },
            Some(v) if v.trim_matches(is_ascii_ws).is_empty() => Reason::Empty,
            Some(v) => Reason::Present(v.to_string()),
        };
        reason.evaluation()
    }
}

/// ASCII whitespace as the Infra standard defines it (what "only whitespace" means here).
fn is_ascii_ws(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' ')
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn empty_lang_fails_and_names_the_cause() {
        let out = outcomes("html-has-lang", "<html lang=\"\"><body>x</body></html>");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, Outcome::Failed);
        assert!(out[0].2.contains("empty"), "{out:?}");
    }

    #[test]
    fn any_non_empty_value_passes_even_if_invalid() {
        // Validity is html-lang-valid's business.
        let out = outcomes("html-has-lang", "<html lang=\"xyz-123\"><body>x</body></html>");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, Outcome::Passed);
    }

    #[test]
    fn xml_documents_are_not_html_pages() {
        let out = outcomes("html-has-lang", "<?xml version=\"1.0\"?><math lang=\"en\">x</math>");
        assert!(out.is_empty(), "{out:?}");
    }
}
