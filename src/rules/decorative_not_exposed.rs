//! `decorative-not-exposed`: an element marked as decorative (`role="none"`/`"presentation"`,
//! or `<img alt="">` without a role) is either not in the accessibility tree or really ends up
//! with a presentational role (ACT 46ca7f; WCAG 1.1.1 is its secondary requirement).
//!
//! Browsers ignore the decorative intent when the element is focusable or carries a global
//! ARIA attribute (WAI-ARIA's presentational roles conflict resolution) and expose it with its
//! implicit role. The accessibility tree computes that resolution; this rule compares the
//! author's intent with the outcome.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "decorative-not-exposed",
    title: "Decorative elements are not exposed to assistive technologies",
    wcag: &["1.1.1"],
    act: &["46ca7f"],
    impact: Impact::Minor,
    best_practice: false,
    needs: Needs::Static,
    help: "An element marked decorative that is focusable or has ARIA attributes is exposed anyway, with its original role: screen reader users meet content the author meant to hide, often without a useful name.",
    fix: "Either make it truly decorative (drop the aria-* attributes and tabindex) or remove role=\"none\"/alt=\"\" and give it a proper name.",
    examples: examples! {
        pass: &[
            "<img src=\"logo.png\" alt=\"\">",
            "<img src=\"logo.png\" alt=\"\" aria-hidden=\"true\">",
            "<nav role=\"presentation\"><a href=\"/\">ACT rules</a></nav>",
            "<svg role=\"none\"><circle cx=\"50\" cy=\"50\" r=\"40\"></circle></svg>",
        ],
        fail: &[
            "<nav role=\"presentation\" aria-label=\"global\"><a href=\"/\">ACT rules</a></nav>",
            "<img src=\"logo.png\" alt=\"\" aria-labelledby=\"label\"> <span hidden id=\"label\">W3C logo</span>",
            "<svg role=\"none\" aria-label=\"Yellow circle\"><circle r=\"40\"></circle></svg>",
        ],
        inapplicable: &["<img src=\"logo.png\" aria-label=\"W3C logo\">", "<img src=\"logo.png\" alt=\"\" role=\"img\" aria-label=\"x\">"],
    },
};

/// How the element is marked as decorative, if it is (the explicit role is the first valid
/// token of the role attribute, from the accessibility tree's role table).
fn marked_decorative(cx: &Context, n: NodeId) -> Option<Marking> {
    let el = cx.snap.element(n)?;
    match super::common::explicit_role(el) {
        Some("none" | "presentation") => Some(Marking::Role(el.attr(&local_name!("role")).unwrap_or("none").trim().to_string())),
        Some(_) => None,
        None if el.is_html(&local_name!("img")) && el.attr(&local_name!("alt")) == Some("") => Some(Marking::EmptyAlt),
        None => None,
    }
}

#[derive(Clone)]
enum Marking {
    /// The role attribute as written.
    Role(String),
    EmptyAlt,
}

impl Marking {
    fn describe(&self) -> String {
        match self {
            Marking::Role(r) => format!("role=\"{r}\""),
            Marking::EmptyAlt => "alt=\"\"".to_string(),
        }
    }
}

enum Reason {
    Presentational(Marking),
    NotExposed(Marking),
    Exposed { marking: Marking, role: &'static str, why: Vec<&'static str> },
    StylesMissing(Marking),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Presentational(m) => Evaluation::passed(format!(
                "Marked decorative with {} and exposed with no role.",
                m.describe()
            )),
            Reason::NotExposed(m) => Evaluation::passed(format!(
                "Marked decorative with {} and not included in the accessibility tree.",
                m.describe()
            )),
            Reason::Exposed { marking, role, why } => {
                let cause = if why.is_empty() {
                    String::new()
                } else {
                    format!(" because of {}", why.join(", "))
                };
                Evaluation::failed(format!(
                    "Marked decorative with {}, but exposed to assistive technologies as {role}{cause}.",
                    marking.describe()
                ))
                .with_data(serde_json::json!({ "exposedRole": role, "triggers": why }))
            }
            Reason::StylesMissing(m) => Evaluation::cant_tell(format!(
                "Marked decorative with {}; some stylesheets were not loaded, so whether it is rendered and exposed is unknown.",
                m.describe()
            )),
        }
    }
}

/// Global ARIA attributes and focusability: what makes browsers expose the element anyway.
const GLOBAL_ARIA: &[&str] = &[
    "aria-atomic", "aria-braillelabel", "aria-brailleroledescription", "aria-busy",
    "aria-controls", "aria-current", "aria-describedby", "aria-description", "aria-details",
    "aria-disabled", "aria-dropeffect", "aria-errormessage", "aria-flowto", "aria-grabbed",
    "aria-haspopup", "aria-hidden", "aria-invalid", "aria-keyshortcuts", "aria-label",
    "aria-labelledby", "aria-live", "aria-owns", "aria-relevant", "aria-roledescription",
];

fn triggers(cx: &Context, n: NodeId) -> Vec<&'static str> {
    let Some(el) = cx.snap.element(n) else { return Vec::new() };
    let mut why: Vec<&'static str> =
        GLOBAL_ARIA.iter().copied().filter(|a| el.has_attr_str(a)).collect();
    if cx.tree.is_focusable(n) {
        why.push("being focusable");
    }
    why
}

/// The rule.
pub struct DecorativeNotExposed;

impl Rule for DecorativeNotExposed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Every element marked as decorative.
        // Marked by an explicit role (a role attribute) or by an `<img alt="">`.
        cx.snap
            .union([cx.snap.with_attr(&local_name!("role")), cx.snap.with_tag(&local_name!("img"))])
            .into_iter()
            .filter(|n| marked_decorative(cx, *n).is_some())
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let marking = marked_decorative(cx, target).unwrap_or(Marking::EmptyAlt);
        let role = cx.tree.role(target).unwrap_or("none");
        let presentational = matches!(role, "none" | "presentation");
        let reason = if presentational && !cx.tree.is_hidden(target) {
            Reason::Presentational(marking)
        } else if !cx.styles.complete() {
            // Being hidden (pass) or rendered and exposed (fail) both depend on styles.
            Reason::StylesMissing(marking)
        } else if cx.tree.is_hidden(target) {
            Reason::NotExposed(marking)
        } else if presentational {
            Reason::Presentational(marking)
        } else {
            Reason::Exposed { marking, role, why: triggers(cx, target) }
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "decorative-not-exposed";

    fn verdicts(html: &str) -> Vec<Outcome> {
        outcomes(ID, html).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn hidden_decorative_image_passes() {
        assert_eq!(verdicts("<img src=\"a.png\" alt=\"\" hidden>"), vec![Outcome::Passed]);
    }

    #[test]
    fn own_alt_does_not_trigger_conflict_resolution() {
        assert_eq!(verdicts("<img src=\"a.png\" role=\"presentation\" alt=\"W3C logo\">"), vec![Outcome::Passed]);
    }

    #[test]
    fn focusable_presentation_is_exposed() {
        let out = outcomes(ID, "<span role=\"none\" tabindex=\"0\">x</span>");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, Outcome::Failed);
        assert!(out[0].2.contains("focusable"), "{out:?}");
    }

    #[test]
    fn a_missing_stylesheet_makes_failures_cant_tell() {
        assert_eq!(verdicts("<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><nav role=\"none\" aria-label=\"x\"><a href=\"/\">a</a></nav>"), vec![Outcome::CantTell]);
        assert_eq!(verdicts("<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><img src=\"a.png\" alt=\"\">"), vec![Outcome::Passed]);
    }

    #[test]
    fn explicit_role_is_the_first_valid_token() {
        // An unknown first token is skipped: "none" is the explicit role.
        assert_eq!(verdicts("<span role=\"foo none\">x</span>"), vec![Outcome::Passed]);
        // A valid first token wins: not marked decorative.
        assert!(verdicts("<span role=\"button none\">x</span>").is_empty());
    }
}
