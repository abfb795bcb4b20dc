//! `label-in-name`: a widget named with `aria-label`/`aria-labelledby` keeps its visible text
//! in that name, so voice-control users can say what they see (ACT 2ee8b8, WCAG 2.5.3).
//!
//! The ACT "label in name" comparison: both texts are lower-cased, characters that are not
//! letters or digits become spaces, text in parentheses is dropped, and the visible words must
//! appear in the name as a contiguous run of whole words. The visible inner text is built from
//! visible text with breaks at block boxes and `<br>`. What a static check can't know is
//! `cantTell`: a lone lower-case word may be an icon-font ligature ("search" drawn as a
//! magnifier), single symbols may stand for icons ("X"), a word ending in "." may be an
//! abbreviation, and texts that differ only in hyphenation are out of scope.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};
use crate::style::Display;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "label-in-name",
    title: "Visible labels are part of accessible names",
    wcag: &["2.5.3"],
    act: &["2ee8b8"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Voice-control users activate a control by saying its visible label; if aria-label or aria-labelledby gives it a name without those words, the command doesn't work.",
    fix: "Start the aria-label with the visible text (e.g. visible \"Next\" → aria-label=\"Next page\"), or drop aria-label and let the visible text be the name.",
    examples: Examples {
        pass: &[
            "<a href=\"/\" aria-label=\"act Rules\">ACT rules</a>",
            "<button aria-label=\"Next Page in the list\">Next Page</button>",
            "<button aria-label=\"Search by date\">Search by date (YYYY-MM-DD)</button>",
        ],
        fail: &[
            "<a href=\"/\" aria-label=\"WCAG\">ACT rules</a>",
            "<button aria-label=\"Download the specification\">Download specification</button>",
        ],
        inapplicable: &[
            "<nav aria-label=\"main nav\">W3C navigation</nav>",
            "<a href=\"/\">ACT rules</a>",
            "<a href=\"/\" aria-label=\"W3C homepage\"><img src=\"logo.png\" alt=\"w3c logo\"></a>",
        ],
    },
};

/// Widget roles that take their name from content.
const ROLES: &[&str] = &[
    "button", "checkbox", "gridcell", "link", "menuitem", "menuitemcheckbox", "menuitemradio", "option",
    "radio", "searchbox", "switch", "tab", "treeitem",
];

/// The visible inner text: visible text, with a space at block boundaries and `<br>`.
fn visible_inner_text(cx: &Context, id: NodeId) -> String {
    let mut out = String::new();
    let mut walk = cx.snap.descendants(id);
    while let Some(d) = walk.next() {
        if let Some(t) = cx.snap.text(d) {
            if cx.snap.parent(d).is_some_and(|p| cx.tree.is_visible(p)) {
                out.push_str(t);
            }
            continue;
        }
        let Some(el) = cx.snap.element(d) else { continue };
        if d != id && !cx.tree.is_rendered(d) {
            walk.skip_subtree_of(d);
            continue;
        }
        let display = cx.tree.style(d).display;
        if el.is_html(&local_name!("br")) || matches!(display, Display::Block | Display::ListItem | Display::Table) {
            // Block boxes separate words; a trailing space after the block is harmless.
            out.push(' ');
        }
    }
    out
}

/// Lower-cased words, parenthesised text dropped, anything but letters and digits a separator.
/// With `join_hyphens`, hyphens join words instead (to spot hyphenation differences).
fn words(text: &str, join_hyphens: bool) -> Vec<String> {
    let mut cleaned = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '-' | '\u{2010}' | '\u{2011}' if join_hyphens => {}
            c if c.is_alphanumeric() => cleaned.extend(c.to_lowercase()),
            _ => cleaned.push(' '),
        }
    }
    cleaned.split_whitespace().map(str::to_string).collect()
}

/// `needle` occurs in `haystack` as a contiguous run.
fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

enum Reason {
    Contained { label: String, name: String },
    Missing { label: String, name: String },
    MaybeIcon(String),
    MaybeAbbreviation(String),
    Hyphenation(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Contained { label, name } => Evaluation::passed(format!(
                "The visible label {} is part of the accessible name {}.",
                common::quote(&label),
                common::quote(&name)
            )),
            Reason::Missing { label, name } => Evaluation::failed(format!(
                "The visible label {} is not part of the accessible name {}: voice-control users saying what they see can't activate it.",
                common::quote(&label),
                common::quote(&name)
            )),
            Reason::MaybeIcon(label) => Evaluation::cant_tell(format!(
                "The visible text {} is not in the accessible name, but it may be drawn as an icon (an icon-font ligature or symbol) rather than read as text.",
                common::quote(&label)
            )),
            Reason::MaybeAbbreviation(label) => Evaluation::cant_tell(format!(
                "The visible text {} seems to contain an abbreviation; whether the name spells it out needs a person to judge.",
                common::quote(&label)
            )),
            Reason::Hyphenation(label) => Evaluation::cant_tell(format!(
                "The visible text {} and the accessible name differ only in hyphenation.",
                common::quote(&label)
            )),
        }
    }
}

/// A visible text that may not be read as words: a lone lower-case word (icon-font ligatures
/// such as "search" or "arrow_forward") or only single symbol-like characters ("X", "×", "+").
fn maybe_icon(label: &str) -> bool {
    let trimmed = label.trim();
    let ligature = !trimmed.is_empty()
        && trimmed.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
        && trimmed.chars().any(|c| c.is_ascii_lowercase());
    let symbols = trimmed
        .split_whitespace()
        .all(|w| w.chars().count() == 1 && w.chars().all(|c| !c.is_ascii_digit()));
    ligature || (!trimmed.is_empty() && symbols && trimmed.chars().filter(|c| !c.is_whitespace()).count() <= 2)
}

/// The visible text comes from one text node (as an icon-font ligature does).
fn single_text_node(cx: &Context, id: NodeId) -> bool {
    cx.snap
        .descendants(id)
        .filter(|d| cx.snap.text(*d).is_some_and(|t| !t.trim().is_empty()))
        .filter(|d| cx.snap.parent(*d).is_some_and(|p| cx.tree.is_visible(p)))
        .take(2)
        .count()
        == 1
}

/// A word followed by "." that is a proper prefix of a name word ("Ave." for "Avenue").
fn has_abbreviation(label: &str, name_words: &[String]) -> bool {
    label.split_whitespace().filter_map(|w| w.strip_suffix('.')).any(|w| {
        let w = w.to_lowercase();
        !w.is_empty() && name_words.iter().any(|n| n.len() > w.len() && n.starts_with(&w))
    })
}

/// The rule.
pub struct LabelInName;

impl Rule for LabelInName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        let labelled = cx.snap.with_attr(&local_name!("aria-label"));
        cx.snap
            .union([labelled, cx.snap.with_attr(&local_name!("aria-labelledby"))])
            .into_iter()
            .filter(|id| {
                common::semantic_role(cx, *id).is_some_and(|r| ROLES.contains(&r))
                    && common::is_included(cx, *id)
                    && !visible_inner_text(cx, *id).trim().is_empty()
            })
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let label_text = visible_inner_text(cx, target);
        let label_text = label_text.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = cx.tree.name(target).to_string();
        let (label, named) = (words(&label_text, false), words(&name, false));
        let reason = if contains_run(&named, &label) {
            Reason::Contained { label: label_text, name }
        } else if contains_run(&words(&name, true), &words(&label_text, true)) {
            Reason::Hyphenation(label_text)
        } else if has_abbreviation(&label_text, &named) {
            Reason::MaybeAbbreviation(label_text)
        } else if maybe_icon(&label_text) && single_text_node(cx, target) {
            Reason::MaybeIcon(label_text)
        } else {
            Reason::Missing { label: label_text, name }
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
    fn act_corners() {
        let first = |html: &str| outcomes("label-in-name", html).first().map(|o| o.0);
        assert_eq!(first("<button aria-label=\"Hello world\"><p>Hello</p><p>world</p></button>"), Some(Outcome::Passed));
        assert_eq!(first("<a href=\"#\" aria-label=\"ACT\"><div style=\"display: inline\">A</div><div style=\"display: inline\">C</div><div style=\"display: inline\">T</div></a>"), Some(Outcome::Passed));
        assert_eq!(first("<a aria-label=\"Download specification\" href=\"#\">Download <span style=\"visibility: hidden\">the</span> <span style=\"display: none\">gizmo</span> specification</a>"), Some(Outcome::Passed));
        assert_eq!(first("<a aria-label=\"compose email\" href=\"#\">compose &nbsp;&nbsp;<br>email</a>"), Some(Outcome::Passed));
        assert_eq!(first("<button aria-label=\"💡 Submit 💡\">&gt;&gt;&gt; ** Submit ** &lt;&lt;&lt;</button>"), Some(Outcome::Passed));
        assert_eq!(first("<a aria-label=\"Download specification\" href=\"#\">Download <span aria-hidden=\"true\">gizmo</span> specification</a>"), Some(Outcome::Failed));
        assert_eq!(first("<button aria-label=\"how are you\"><span>you</span><span>how</span><span>are</span></button>"), Some(Outcome::Failed));
        assert_eq!(first("<a aria-label=\"WCAG\" href=\"#\">W C A G</a>"), Some(Outcome::Failed));
        assert_eq!(first("<a href=\"#2021\" aria-label=\"20 21\">2021</a>"), Some(Outcome::Failed));
        // Out of static reach: icons, abbreviations, hyphenation.
        assert_eq!(first("<button aria-label=\"anything\">X</button>"), Some(Outcome::CantTell));
        assert_eq!(first("<button aria-label=\"Find\">search</button>"), Some(Outcome::CantTell));
        assert_eq!(first("<a aria-label=\"University Avenue\" href=\"#\">University Ave.</a>"), Some(Outcome::CantTell));
        assert_eq!(first("<a href=\"#\" aria-label=\"non-standard\">nonstandard</a>"), Some(Outcome::CantTell));
    }
}
