//! `presentational-children-focus`: an element whose role makes its children presentational
//! (button, checkbox, img, tab, ...) has no descendant in the sequential focus order
//! (ACT 307n5z, WCAG 4.1.2).
//!
//! Assistive technologies flatten such an element's content into its name, so a link or
//! control inside it receives keyboard focus but has no role or name of its own.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "presentational-children-focus",
    title: "Elements with presentational children contain nothing focusable",
    wcag: &["4.1.2"],
    act: &["307n5z"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "Buttons, checkboxes, tabs, images and similar roles hide their content from assistive technologies; a focusable element inside them is reached with Tab but announced without a role or name.",
    fix: "Move the focusable element out of the control (place the link next to the checkbox, not inside), or remove it from the Tab order.",
    examples: examples! {
        pass: &[
            "<button>Save</button> <button aria-label=\"save options\" aria-expanded=\"false\">▼</button>",
            "<p><span role=\"checkbox\" aria-checked=\"false\" tabindex=\"0\">I agree to the</span> <a href=\"/terms\">terms</a></p>",
            "<button><a>button/link</a></button>",
        ],
        fail: &[
            "<button>Save <span role=\"button\" tabindex=\"0\">▼</span></button>",
            "<p role=\"checkbox\" aria-checked=\"false\" tabindex=\"0\">I agree to the <a href=\"/terms\">terms</a></p>",
            "<ul role=\"tablist\"><li role=\"tab\"><a href=\"#\">Tab 1</a></li></ul>",
        ],
        inapplicable: &[
            "<a href=\"https://w3.org\">W3C Website</a>",
            "<table><tr><th><a href=\"#\">Header link</a></th></tr><tr><td><a href=\"#\">Cell link</a></td></tr></table>",
        ],
    },
};

/// Roles whose children are presentational (WAI-ARIA 1.2 "Children Presentational: True").
const PRESENTATIONAL_CHILDREN: &[&str] = &[
    "button",
    "checkbox",
    "img",
    "meter",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "progressbar",
    "radio",
    "scrollbar",
    "separator",
    "slider",
    "switch",
    "tab",
];

enum Reason {
    NoFocusable { role: &'static str },
    FallbackNotRendered { role: &'static str },
    Focusable { role: &'static str, found: Vec<NodeId> },
    StylesMissing { role: &'static str },
}

impl Reason {
    fn evaluation(self, cx: &Context) -> Evaluation {
        match self {
            Reason::NoFocusable { .. } | Reason::FallbackNotRendered { .. } if common::passes_unreported(cx) => {
                Evaluation::passed(String::new())
            }
            Reason::NoFocusable { role } => Evaluation::passed(format!(
                "Nothing inside this {role} is in the Tab order."
            )),
            Reason::FallbackNotRendered { role } => Evaluation::passed(format!(
                "This {role}'s content is fallback content that browsers do not render."
            )),
            Reason::Focusable { role, found } => {
                let names: Vec<String> = found.iter().take(3).map(|n| describe(cx, *n)).collect();
                Evaluation::failed(format!(
                    "This {role} hides its content from assistive technologies, yet {} inside it {} in the Tab order: {}.",
                    if found.len() == 1 { "1 element".to_string() } else { format!("{} elements", found.len()) },
                    if found.len() == 1 { "is" } else { "are" },
                    names.join(", ")
                ))
                .with_data(serde_json::json!({
                    "role": role,
                    "focusable": found.iter().take(20).map(|n| serde_json::json!({
                        "element": describe(cx, *n),
                        "line": cx.snap.element(*n).map_or(0, |e| e.line),
                        "tabOrder": cx.tree.tab_position(*n),
                    })).collect::<Vec<_>>(),
                }))
            }
            Reason::StylesMissing { role } => Evaluation::cant_tell(format!(
                "Some stylesheets were not loaded, so whether the content of this {role} is rendered and focusable is unknown."
            )),
        }
    }
}

fn describe(cx: &Context, n: NodeId) -> String {
    match cx.snap.element(n) {
        Some(e) => match e.attr(&local_name!("id")).filter(|v| !v.is_empty()) {
            Some(id) => format!("<{}#{}>", e.name, id),
            None => format!("<{}>", e.name),
        },
        None => String::new(),
    }
}

/// The target's role, when it has presentational children.
fn presentational_role(cx: &Context, n: NodeId) -> Option<&'static str> {
    // The role first: it is one read per element, and most elements are then skipped unread.
    let role = cx.tree.role(n)?;
    let role = PRESENTATIONAL_CHILDREN.iter().find(|r| **r == role).copied()?;
    let el = cx.snap.element(n)?;
    (el.ns == crate::dom::ns!(html) || el.ns == crate::dom::ns!(svg)).then_some(role)
}

/// The rule.
pub struct PresentationalChildrenFocus;

impl Rule for PresentationalChildrenFocus {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // HTML and SVG elements whose semantic role has presentational children.
        cx.snap.elements().iter().copied()
            .filter(|n| presentational_role(cx, *n).is_some())
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let role = presentational_role(cx, target).unwrap_or("button");
        // <progress> and <meter> render a widget, never their children.
        let replaced = cx.snap.element(target).is_some_and(|e| e.is_html(&local_name!("progress")) || e.is_html(&local_name!("meter")));
        let found: Vec<NodeId> = cx
            .snap
            .descendants(target)
            .filter(|n| cx.snap.element(*n).is_some() && cx.tree.tab_position(*n).is_some())
            .collect();
        let reason = if replaced {
            Reason::FallbackNotRendered { role }
        } else if !cx.styles.complete()
            && (!found.is_empty()
                || cx.snap.descendants(target).any(|n| cx.snap.element(n).is_some() && !cx.tree.is_rendered(n)))
        {
            Reason::StylesMissing { role }
        } else if found.is_empty() {
            Reason::NoFocusable { role }
        } else {
            Reason::Focusable { role, found }
        };
        reason.evaluation(cx)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "presentational-children-focus";

    fn verdicts(html: &str) -> Vec<Outcome> {
        outcomes(ID, html).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn disabled_checkbox_inside_menuitemcheckbox_passes() {
        let html = "<ul role=\"menu\"><li role=\"menuitemcheckbox\" aria-checked=\"true\"><input type=\"checkbox\" role=\"none\" disabled checked> Sort</li></ul>";
        assert_eq!(verdicts(html), vec![Outcome::Passed]);
        let html = "<ul role=\"menu\"><li role=\"menuitemcheckbox\" aria-checked=\"true\"><input type=\"checkbox\" checked> Sort</li></ul>";
        assert!(verdicts(html).contains(&Outcome::Failed));
    }

    #[test]
    fn img_role_with_link_fails_and_names_it() {
        let out = outcomes(ID, "<span role=\"img\" aria-label=\"art\">*** <a href=\"#\" id=\"l\">link</a></span>");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, Outcome::Failed);
        assert!(out[0].2.contains("<a#l>"), "{out:?}");
    }

    #[test]
    fn progress_fallback_content_is_not_rendered() {
        assert_eq!(verdicts("<progress value=\"1\" max=\"2\"><a href=\"#\">50%</a></progress>"), vec![Outcome::Passed]);
    }

    #[test]
    fn a_missing_stylesheet_makes_failures_cant_tell() {
        let link = "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\">";
        assert_eq!(verdicts(&format!("{link}<button>Save <a href=\"/\">x</a></button>")), vec![Outcome::CantTell]);
        assert_eq!(verdicts(&format!("{link}<button>Save</button>")), vec![Outcome::Passed]);
    }

    #[test]
    fn tabindex_minus_one_inside_button_passes() {
        assert_eq!(verdicts("<button>Save <span tabindex=\"-1\">x</span></button>"), vec![Outcome::Passed]);
    }
}
