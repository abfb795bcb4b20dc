//! `html-lang-valid`: the `lang` of an HTML page's `<html>` element has a known primary
//! language subtag (ACT bf051a, WCAG 3.1.1).
//!
//! Also owns the language-tag check shared with `element-lang-valid`: following the ACT
//! definition of a *known primary language tag*, the tag is split on hyphens and only its first
//! subtag is judged, case-insensitively, against the `language` subtags of the IANA Language
//! Subtag Registry (`data/language_subtags.txt`). Region or variant subtags are not checked
//! (user agents ignore bad ones), while ISO 639-2 codes such as `eng` and grandfathered tags
//! such as `i-lux` are not registered primary subtags and fail.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "html-lang-valid",
    title: "The page language is a known language tag",
    wcag: &["3.1.1"],
    act: &["bf051a"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Assistive technologies only switch voice and pronunciation for language tags they know; a misspelt or unregistered code is ignored.",
    fix: "Use a registered language subtag first, e.g. lang=\"en\", \"fr-CA\" or \"zh-Hant\" (two-letter ISO 639-1 codes where they exist, not \"eng\").",
    examples: examples! {
        pass: &["<html lang=\"FR\"></html>", "<html lang=\"en-US-GB\"></html>"],
        fail: &["<html lang=\"em-US\"></html>", "<html lang=\"eng\"></html>", "<html lang=\"i-lux\"></html>"],
        inapplicable: &["<html lang=\" \"></html>", "<html></html>"],
    },
};

/// Why a language tag has no known primary language subtag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum TagProblem {
    /// The value is empty or whitespace.
    Empty,
    /// The first subtag holds characters other than ASCII letters and digits.
    Malformed(String),
    /// The first subtag is well formed but not a registered language subtag.
    Unknown(String),
}

impl TagProblem {
    /// A sentence describing the problem, for a tag written as `tag`.
    pub(super) fn describe(&self, tag: &str) -> String {
        match self {
            TagProblem::Empty => "the lang attribute is empty".to_string(),
            TagProblem::Malformed(p) => {
                format!("\"{tag}\" does not start with a language subtag (\"{p}\" is not letters)")
            }
            TagProblem::Unknown(p) => {
                format!("\"{p}\" in \"{tag}\" is not a registered primary language subtag")
            }
        }
    }
}

/// Index of a two- or three-letter lower-case subtag in [`SUBTAGS`]: two-letter subtags take
/// 0..676, three-letter ones the 17,576 after; `None` for anything else.
const fn subtag_index(s: &[u8]) -> Option<usize> {
    let mut index = 0;
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_lowercase() {
            return None;
        }
        index = index * 26 + (s[i] - b'a') as usize;
        i += 1;
    }
    match s.len() {
        2 => Some(index),
        3 => Some(26 * 26 + index),
        _ => None,
    }
}

const SUBTAG_BITS: usize = 26 * 26 + 26 * 26 * 26;

/// One bit per possible subtag, set for the registered ones: 2.3 KB instead of the 33 KB list
/// (the text is read at compile time only). A line that is not a comment, blank or a
/// two/three-letter lower-case subtag fails the build.
const fn subtag_bits(text: &[u8]) -> [u8; SUBTAG_BITS.div_ceil(8)] {
    let mut bits = [0u8; SUBTAG_BITS.div_ceil(8)];
    let mut start = 0;
    while start < text.len() {
        let mut end = start;
        while end < text.len() && text[end] != b'\n' {
            end += 1;
        }
        let (line, _) = text.split_at(end);
        let (_, line) = line.split_at(start);
        if !line.is_empty() && line[0] != b'#' {
            match subtag_index(line) {
                Some(i) => bits[i / 8] |= 1 << (i % 8),
                None => panic!("language_subtags.txt: not a two- or three-letter lower-case subtag"),
            }
        }
        start = end + 1;
    }
    bits
}

/// The registry's language subtags as a bit set (see [`subtag_bits`]).
static SUBTAGS: [u8; SUBTAG_BITS.div_ceil(8)] = subtag_bits(include_bytes!("data/language_subtags.txt"));

/// Whether `subtag` (lower case) is a registered primary language subtag.
fn is_registered(subtag: &str) -> bool {
    subtag_index(subtag.as_bytes()).is_some_and(|i| SUBTAGS.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0))
}

/// Check a `lang` value: `Ok(primary subtag)` when it is known, the problem otherwise.
/// Leading and trailing ASCII whitespace is ignored.
pub(super) fn check_language_tag(value: &str) -> Result<String, TagProblem> {
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if value.is_empty() {
        return Err(TagProblem::Empty);
    }
    let primary = value.split('-').next().unwrap_or(value).to_ascii_lowercase();
    if primary.is_empty() || !primary.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(TagProblem::Malformed(primary));
    }
    let private_use = primary.len() == 3
        && primary.as_bytes()[0] == b'q'
        && (b'a'..=b't').contains(&primary.as_bytes()[1])
        && primary.as_bytes()[2].is_ascii_lowercase();
    if private_use || is_registered(&primary) {
        Ok(primary)
    } else {
        Err(TagProblem::Unknown(primary))
    }
}

enum Reason {
    Known { tag: String, primary: String },
    Problem { tag: String, problem: TagProblem },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Known { tag, primary } => Evaluation::passed(format!(
                "The page language \"{tag}\" has the known primary language subtag \"{primary}\"."
            )),
            Reason::Problem { tag, problem } => Evaluation::failed(format!(
                "The page language is not a known language: {}.",
                problem.describe(&tag)
            ))
            .with_data(serde_json::json!({ "lang": tag })),
        }
    }
}

/// The rule.
pub struct HtmlLangValid;

impl Rule for HtmlLangValid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // The `html` document element of a text/html page with a non-blank lang.
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        cx.snap
            .root_element()
            .filter(|r| {
                cx.snap.element(*r).is_some_and(|e| {
                    e.is_html(&local_name!("html"))
                        && e.attr(&local_name!("lang")).is_some_and(|v| !v.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty())
                })
            })
            .into_iter()
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let tag = cx.snap.element(target).and_then(|e| e.attr(&local_name!("lang"))).unwrap_or("").to_string();
        let reason = match check_language_tag(&tag) {
            Ok(primary) => Reason::Known { tag, primary },
            Err(problem) => Reason::Problem { tag, problem },
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use super::{check_language_tag, is_registered, TagProblem, SUBTAGS};

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn registry_data_is_sorted_lower_case_and_complete() {
        let text = include_str!("data/language_subtags.txt");
        let list: Vec<&str> = text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert!(list.len() > 8000, "expected the whole registry, got {}", list.len());
        assert!(list.windows(2).all(|w| w[0] < w[1]), "data file must be sorted and unique");
        let set = SUBTAGS.iter().map(|b| b.count_ones() as usize).sum::<usize>();
        assert_eq!(set, list.len(), "one bit per listed subtag");
        assert!(list.iter().all(|s| is_registered(s)));
        for known in ["en", "fr", "de", "zh", "lb", "ast", "yue", "iw", "art"] {
            assert!(is_registered(known), "{known} missing");
        }
        for unknown in ["", "e", "eng", "zz", "xyzw", "EN", "e1", "qaa"] {
            assert!(!is_registered(unknown), "{unknown} should not be registered");
        }
    }

    #[test]
    fn primary_subtag_is_judged_case_insensitively() {
        assert_eq!(check_language_tag("EN"), Ok("en".into()));
        assert_eq!(check_language_tag("de-hello"), Ok("de".into()));
        assert_eq!(check_language_tag(" fr-CA "), Ok("fr".into()));
        assert_eq!(check_language_tag("qab"), Ok("qab".into()), "private use range qaa..qtz");
    }

    #[test]
    fn unregistered_and_malformed_tags_are_refused() {
        assert_eq!(check_language_tag("eng"), Err(TagProblem::Unknown("eng".into())));
        assert_eq!(check_language_tag("i-lux"), Err(TagProblem::Unknown("i".into())));
        assert_eq!(check_language_tag("dutch"), Err(TagProblem::Unknown("dutch".into())));
        assert_eq!(check_language_tag("qzz"), Err(TagProblem::Unknown("qzz".into())));
        assert_eq!(check_language_tag("#1"), Err(TagProblem::Malformed("#1".into())));
        assert_eq!(check_language_tag("-en"), Err(TagProblem::Malformed(String::new())));
        assert_eq!(check_language_tag("en_US"), Err(TagProblem::Malformed("en_us".into())));
        assert_eq!(check_language_tag("  "), Err(TagProblem::Empty));
    }
}
