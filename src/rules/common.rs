//! Predicates that several rules share (after Alfa's `common/`): which elements are in the
//! accessibility tree, what their semantic and explicit roles are, and the "has a non-empty
//! accessible name" check that most name rules make, including the `cantTell` it becomes when
//! a stylesheet could not be loaded. Rules stay short because the definitions live here once.

use crate::a11y::NameSource;
use crate::dom::{Element, NodeId};

use super::Context;

/// Every element of the document in tree order (template contents excluded).
pub(crate) fn elements<'a>(cx: &'a Context<'a>) -> impl Iterator<Item = (NodeId, &'a Element)> + 'a {
    cx.snap.descendants(NodeId::DOCUMENT).filter_map(|id| cx.snap.element(id).map(|el| (id, el)))
}

/// An element in the HTML namespace.
pub(crate) fn is_html(el: &Element) -> bool {
    el.ns == crate::dom::ns!(html)
}

/// ACT "included in the accessibility tree": not excluded by hiding (display, visibility,
/// aria-hidden, inert...). Presentational roles are judged by the rules themselves.
pub(crate) fn is_included(cx: &Context, id: NodeId) -> bool {
    !cx.tree.is_hidden(id)
}

/// The semantic role (after presentational-role conflict resolution), `presentation` folded
/// into `none`.
pub(crate) fn semantic_role(cx: &Context, id: NodeId) -> Option<&'static str> {
    cx.tree.role(id).map(|r| if r == "presentation" { "none" } else { r })
}

/// ACT "inheriting semantic role" X: the semantic role is X or a role that inherits from it
/// (a `doc-biblioref` is a link).
pub(crate) fn has_inheriting_role(cx: &Context, id: NodeId, role: &str) -> bool {
    cx.tree.has_role(id, role)
}

/// ACT "explicit semantic role": the first valid, non-abstract token of `role`, whether or
/// not a presentational-role conflict makes user agents ignore it (`presentation` → `none`).
pub(crate) fn explicit_role(el: &Element) -> Option<&'static str> {
    el.attr("role").and_then(crate::a11y::role::explicit_role)
}

/// ACT "marked as decorative": explicit role `none`/`presentation`, or an `<img alt="">`
/// without an explicit role.
pub(crate) fn is_marked_decorative(el: &Element) -> bool {
    match explicit_role(el) {
        Some(role) => role == "none",
        None => el.is_html("img") && el.attr("alt") == Some(""),
    }
}

/// An HTML `input` of type `kind` (the `type` attribute is ASCII case-insensitive; a missing
/// or unknown type is `text`).
pub(crate) fn is_input_type(el: &Element, kind: &str) -> bool {
    el.is_html("input") && input_type(el) == kind
}

/// The state of an `input`'s `type` attribute as a lower-case keyword.
pub(crate) fn input_type(el: &Element) -> String {
    const KNOWN: &[&str] = &[
        "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week",
        "time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
        "submit", "image", "reset", "button",
    ];
    let t = el.attr("type").unwrap_or("").trim().to_ascii_lowercase();
    if KNOWN.contains(&t.as_str()) { t } else { "text".into() }
}

/// The accessible name of an element, judged for the "non-empty accessible name" rules.
pub(crate) enum NameCheck {
    /// A non-empty name and where it came from.
    Named {
        /// The name, whitespace-folded.
        name: String,
        /// Its source.
        source: NameSource,
    },
    /// No name (`""` after trimming).
    Empty,
    /// A stylesheet was not loaded and the verdict depends on styles: it could hide the
    /// element or its content, or add `::before`/`::after` text. Holds the name we computed.
    StylesMissing {
        /// The name computed without the missing stylesheets (may be empty).
        name: String,
        /// URLs of the stylesheets that were not loaded.
        missing: Vec<String>,
    },
}

impl NameCheck {
    /// Structured data for the finding.
    pub(crate) fn data(&self) -> serde_json::Value {
        match self {
            NameCheck::Named { name, source } => serde_json::json!({ "name": name, "nameSource": source }),
            NameCheck::Empty => serde_json::json!({ "name": "" }),
            NameCheck::StylesMissing { name, missing } => {
                serde_json::json!({ "name": name, "missingStylesheets": missing })
            }
        }
    }
}

/// Whether `id` has a non-empty accessible name; `StylesMissing` when a stylesheet is missing
/// and the answer depends on styles (no name, or a name taken from rendered content).
pub(crate) fn check_name(cx: &Context, id: NodeId) -> NameCheck {
    let name = cx.tree.name(id).trim();
    let source = cx.tree.name_source(id);
    let style_dependent = name.is_empty() || matches!(source, NameSource::Content | NameSource::Label);
    if !cx.styles.complete() && style_dependent {
        return NameCheck::StylesMissing {
            name: name.to_string(),
            missing: cx.styles.missing.iter().map(|m| m.url.clone()).collect(),
        };
    }
    if name.is_empty() {
        NameCheck::Empty
    } else {
        NameCheck::Named { name: name.to_string(), source }
    }
}

/// Quote a name for a message, shortened to a readable length.
pub(crate) fn quote(name: &str) -> String {
    const MAX: usize = 80;
    if name.chars().count() <= MAX {
        format!("\"{name}\"")
    } else {
        let short: String = name.chars().take(MAX - 1).collect();
        format!("\"{short}…\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse::parse_html;
    use crate::rules::testing::outcomes;
    use crate::{DocumentKind, Outcome};

    fn first_element(html: &str, tag: &str) -> Element {
        let snap = parse_html(html, DocumentKind::Html);
        let found = snap
            .descendants(NodeId::DOCUMENT)
            .find_map(|n| snap.element(n).filter(|e| &*e.name == tag).cloned());
        found.unwrap_or_else(|| panic!("no <{tag}> in {html}"))
    }

    #[test]
    fn explicit_role_is_the_first_valid_token() {
        let role = |attr: &str| explicit_role(&first_element(&format!("<div role=\"{attr}\"></div>"), "div"));
        assert_eq!(role("img"), Some("img"));
        assert_eq!(role("bogus BUTTON link"), Some("button"));
        assert_eq!(role("presentation"), Some("none"));
        assert_eq!(role("widget"), None, "abstract roles are not valid");
        assert_eq!(role(""), None);
        assert_eq!(explicit_role(&first_element("<div></div>", "div")), None);
    }

    #[test]
    fn decorative_and_input_types() {
        assert!(is_marked_decorative(&first_element("<img alt=\"\">", "img")));
        assert!(!is_marked_decorative(&first_element("<img alt=\"\" role=\"img\">", "img")));
        assert!(!is_marked_decorative(&first_element("<img alt=\" x\">", "img")));
        assert!(is_marked_decorative(&first_element("<iframe role=\"presentation\"></iframe>", "iframe")));
        assert_eq!(input_type(&first_element("<input type=\" Image \">", "input")), "image");
        assert_eq!(input_type(&first_element("<input type=\"bogus\">", "input")), "text");
        assert_eq!(input_type(&first_element("<input>", "input")), "text");
        assert!(is_input_type(&first_element("<input type=\"DATE\">", "input"), "date"));
    }

    #[test]
    fn a_missing_stylesheet_turns_failures_into_cant_tell() {
        // The unloadable sheet could hide the button or give it ::before text.
        let out = outcomes("button-name", "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><button></button>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
        // A name from aria-label doesn't depend on styles.
        let out = outcomes(
            "button-name",
            "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><button aria-label=\"Close\"></button>",
        );
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::Passed), "{out:?}");
    }
}
