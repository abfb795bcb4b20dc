//! `html-lang-matches-content`: the primary language of `<html lang>` is the language the page's
//! text is written in (ACT ucwvc8, WCAG 3.1.1).
//!
//! The text judged is what inherits its language from `<html>`: the title and the rendered or
//! exposed text outside elements with their own `lang`, plus `alt`/`aria-label`/`title`
//! attribute text there. Its language is detected by our own compact detector (`lang_detect`:
//! the script by Unicode block, then the most frequent words of 42 languages; 63 languages in
//! all), and the rule answers only on clear evidence, which takes at least a plain sentence:
//! shorter or mixed text, languages the detector doesn't know, and near relatives
//! (Dutch/Afrikaans, Danish/Norwegian...) are `cantTell`. Text clearly written in a script the
//! declared language doesn't use fails even when its language isn't known. The helpers are
//! shared with `element-lang-matches-content`.

mod lang_detect;

use super::html_lang_valid::check_language_tag;
use lang_detect::Guess;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "html-lang-matches-content",
    title: "The page's lang attribute matches the language of its content",
    wcag: &["3.1.1"],
    act: &["ucwvc8"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Screen readers pick their pronunciation rules from the page's lang attribute; a wrong language makes the whole page read with the wrong accent, often unintelligibly.",
    fix: "Set <html lang> to the language most of the page is written in (e.g. lang=\"en\"), and mark passages in other languages with their own lang.",
    examples: Examples {
        pass: &["<html lang=\"en\"><title>ACT Rules Format</title><p>The Accessibility Conformance Testing Rules Format defines a format for writing accessibility test rules. These test rules can be used for developing automated testing tools and manual testing methodologies.</p></html>"],
        fail: &["<html lang=\"da\"><title>ACT Rules Format</title><p>The Accessibility Conformance Testing Rules Format defines a format for writing accessibility test rules. These test rules can be used for developing automated testing tools and manual testing methodologies.</p></html>"],
        inapplicable: &[
            "<html><p lang=\"en\">I love ACT rules!</p></html>",
            "<html lang=\"i-lux\"><p lang=\"lb\">Lëtzebuerg ass e Land an Europa.</p></html>",
        ],
    },
};

/// Text longer than this is cut before detection (enough for a reliable answer).
const MAX_CHARS: usize = 4000;

/// The text whose language `scope` determines: text nodes under it that are rendered or in the
/// accessibility tree and not under a descendant with its own `lang` (or `xml:lang`), plus
/// `alt`, `aria-label` and `title` text there.
pub(crate) fn text_in_scope(cx: &Context, scope: NodeId) -> String {
    let mut out = String::new();
    for_text_in_scope(cx, scope, |piece| {
        out.push_str(piece);
        out.push(' ');
        true
    });
    out
}

/// Whether [`text_in_scope`] is more than white space, found without building it.
pub(crate) fn has_text_in_scope(cx: &Context, scope: NodeId) -> bool {
    let mut found = false;
    for_text_in_scope(cx, scope, |piece| {
        found = !piece.trim().is_empty();
        !found
    });
    found
}

/// Each piece of [`text_in_scope`] in order, to `f` until it returns false; the pieces stop
/// once they add up to more than [`MAX_CHARS`] bytes (with a separator each).
fn for_text_in_scope(cx: &Context, scope: NodeId, mut f: impl FnMut(&str) -> bool) {
    let mut len = 0;
    let mut piece = |text: &str, len: &mut usize| {
        *len += text.len() + 1;
        f(text)
    };
    let mut walk = cx.snap.descendants(scope);
    while let Some(d) = walk.next() {
        if len > MAX_CHARS {
            return;
        }
        if let Some(t) = cx.snap.text(d) {
            let shown = cx.snap.parent(d).is_some_and(|p| {
                let title = cx.snap.element(p).is_some_and(|e| e.is_html(&local_name!("title")));
                title || cx.tree.is_visible(p) || !cx.tree.is_hidden(p)
            });
            let code = cx.snap.parent(d).and_then(|p| cx.snap.element(p)).is_some_and(|e| e.is_html(&local_name!("script")) || e.is_html(&local_name!("style")));
            if shown && !code && !piece(t, &mut len) {
                return;
            }
            continue;
        }
        let Some(el) = cx.snap.element(d) else { continue };
        if d != scope && (el.has_attr(&local_name!("lang")) || el.has_attr(&local_name!("xml:lang"))) {
            walk.skip_subtree_of(d);
            continue;
        }
        if !cx.tree.is_hidden(d) {
            for attr in [local_name!("alt"), local_name!("aria-label"), local_name!("title")] {
                if let Some(v) = el.attr(&attr) {
                    if !piece(v, &mut len) {
                        return;
                    }
                }
            }
        }
    }
}

/// What detection says about `text` against the declared primary subtag.
enum Detection {
    /// The text is clearly in the declared language.
    Matches(&'static str),
    /// The text is clearly in another language (English name, primary subtag).
    Differs(&'static str, &'static str),
    /// The text is clearly in a script the declared language isn't written in (script name).
    OtherScript(&'static str),
    /// Too little text, mixed text, or no clear answer.
    Unsure,
    /// The detector doesn't know the declared language.
    Unknown,
    /// A close relative of the declared language was found.
    Near(&'static str),
}

/// Detect the language of `text` and compare it with the declared primary subtag.
fn detect(text: &str, declared: &str) -> Detection {
    let declared = declared.to_ascii_lowercase();
    let cut = text.char_indices().nth(MAX_CHARS).map_or(text, |(end, _)| &text[..end]);
    let known = lang_detect::by_tag(&declared);
    match lang_detect::detect(cut) {
        Guess::Unsure => Detection::Unsure,
        Guess::Script(script) if known.is_some() && !lang_detect::written_in(&declared, script) => {
            Detection::OtherScript(script.name())
        }
        Guess::Script(_) => Detection::Unsure,
        Guess::Lang(found) if found.tags.contains(&declared.as_str()) => Detection::Matches(found.name),
        Guess::Lang(found) => match known {
            None => Detection::Unknown,
            Some(k) if lang_detect::near(k, found) => Detection::Near(found.name),
            Some(_) => Detection::Differs(found.name, found.tags.first().copied().unwrap_or("")),
        },
    }
}

/// The known primary language subtag of an element's `lang`.
pub(crate) fn known_primary(cx: &Context, id: NodeId) -> Option<String> {
    cx.snap.element(id).and_then(|e| e.attr(&local_name!("lang"))).and_then(|v| check_language_tag(v).ok())
}

/// The verdict on text declared to be in `lang` (a known primary subtag), worded for `whose`
/// text ("page's", "element's"). Shared by this rule and element-lang-matches-content.
pub(crate) fn verdict(text: &str, lang: &str, whose: &str) -> Evaluation {
    match detect(text, lang) {
        Detection::Matches(name) => Evaluation::passed(format!("The {whose} text is in {name}, as lang=\"{lang}\" says.")),
        Detection::Differs(name, tag) => Evaluation::failed(format!(
            "lang=\"{lang}\" doesn't match the {whose} text, which is in {name} (\"{tag}\"): screen readers will pronounce it wrongly."
        )),
        Detection::OtherScript(script) => Evaluation::failed(format!(
            "lang=\"{lang}\" doesn't match the {whose} text, which is written in {script} script: screen readers will pronounce it wrongly."
        )),
        Detection::Unsure => Evaluation::cant_tell(
            "There is too little text (or too mixed) to tell its language reliably; a person needs to check it.",
        ),
        Detection::Unknown => Evaluation::cant_tell(format!(
            "The language detector doesn't know lang=\"{lang}\"; a person needs to check the text is in that language."
        )),
        Detection::Near(name) => Evaluation::cant_tell(format!(
            "The text reads as {name}, a close relative of lang=\"{lang}\"; a person needs to check which it is."
        )),
    }
}

/// The rule.
pub struct HtmlLangMatchesContent;

impl Rule for HtmlLangMatchesContent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        cx.snap
            .root_element()
            .filter(|r| {
                cx.snap.element(*r).is_some_and(|e| e.is_html(&local_name!("html")))
                    && known_primary(cx, *r).is_some()
                    && has_text_in_scope(cx, *r)
            })
            .into_iter()
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let lang = known_primary(cx, target).unwrap_or_default();
        verdict(&text_in_scope(cx, target), &lang, "page's")
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_examples, outcomes};
    use super::{detect, Detection};
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn short_or_ambiguous_text_is_cant_tell() {
        assert!(matches!(detect("Paul put dire comment on tape", "fr"), Detection::Unsure));
        assert!(matches!(detect("Hij ging met de kippen op stok", "en"), Detection::Unsure));
        let out = outcomes("html-lang-matches-content", "<html lang=\"nl\"><title>Gelukkig</title><p>Gelukkig nieuwjaar!</p></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
    }

    #[test]
    fn one_plain_sentence_is_enough() {
        // ACT ucwvc8 Failed Example 2.
        let out = outcomes("html-lang-matches-content", "<html lang=\"nl\"><title>Gelukkig</title><p>The Dutch word \"gelukkig\" has no equivalent in English.</p></html>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
    }

    #[test]
    fn passages_in_other_languages_are_left_out() {
        let english = "The Dutch phrase literally translates into \"He went to roost with the chickens\", but it means that he went to bed early, as people did before electric light.";
        let out = outcomes(
            "html-lang-matches-content",
            &format!("<html lang=\"fr\"><p>Bien que tous les mots soient français et qu'elle ait un sens en français, la phrase est aussi une phrase anglaise et tout le monde le sait.</p><p lang=\"en\">{english}</p></html>"),
        );
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
        assert!(matches!(detect(english, "lb"), Detection::Unknown));
        assert!(matches!(detect(english, "en"), Detection::Matches(_)));
    }

    #[test]
    fn declared_tags_map_to_detected_languages() {
        let norwegian = "Komiteen møttes på tirsdag for å diskutere det nye budsjettet, men medlemmene ble ikke enige om hvordan pengene skulle brukes, så avstemningen ble utsatt til neste måned, og hva som skjer nå vet ingen.";
        assert!(matches!(detect(norwegian, "nb"), Detection::Matches("Norwegian")));
        assert!(matches!(detect(norwegian, "NO"), Detection::Matches("Norwegian")));
        assert!(matches!(detect(norwegian, "da"), Detection::Near("Norwegian")));
        // Nynorsk isn't a language the detector knows.
        assert!(matches!(detect(norwegian, "nn"), Detection::Unknown));
        assert!(matches!(detect(norwegian, "en"), Detection::Differs("Norwegian", "nb")));
        let chinese = "委员会星期二开会讨论新的预算，但是委员们无法就如何使用这笔钱达成一致，所以投票被推迟到下个月。";
        assert!(matches!(detect(chinese, "zh"), Detection::Matches("Chinese")));
        assert!(matches!(detect(chinese, "cmn"), Detection::Matches("Chinese")));
        assert!(matches!(detect(chinese, "ja"), Detection::Near("Chinese")));
        assert!(matches!(detect(chinese, "ko"), Detection::Differs("Chinese", "zh")));
        let hebrew = "הוועדה התכנסה ביום שלישי כדי לדון בתקציב החדש, אבל החברים לא הצליחו להסכים כיצד להוציא את הכסף, ולכן ההצבעה נדחתה לחודש הבא.";
        assert!(matches!(detect(hebrew, "iw"), Detection::Matches("Hebrew")));
        assert!(matches!(detect(hebrew, "en"), Detection::Differs("Hebrew", "he")));
    }

    #[test]
    fn text_in_another_script_fails_even_in_an_unknown_language() {
        let kazakh = "Қазақстан Республикасы Орталық Азияда орналасқан мемлекет, оның астанасы Астана қаласы, ал ең үлкен қаласы Алматы болып табылады.";
        assert!(matches!(detect(kazakh, "en"), Detection::OtherScript("Cyrillic")));
        // Cyrillic but unclear which language: not a failure for a Cyrillic-script language.
        assert!(matches!(detect(kazakh, "ru"), Detection::Unsure));
        // The detector doesn't know Kazakh, so it can't judge lang="kk".
        assert!(matches!(detect(kazakh, "kk"), Detection::Unsure));
        // Serbian is written in Latin too.
        let latin = "Lëtzebuerg ass e Land an Europa. D'Haaptstad ass Lëtzebuerg-Stad an d'Leit schwätze Lëtzebuergesch, Franséisch an Däitsch.";
        assert!(matches!(detect(latin, "sr"), Detection::Unsure));
        assert!(matches!(detect(latin, "ru"), Detection::OtherScript("Latin")));
        let out = outcomes("html-lang-matches-content", &format!("<html lang=\"en\"><title>Қазақстан</title><p>{kazakh}</p></html>"));
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Failed), "{out:?}");
    }
}
