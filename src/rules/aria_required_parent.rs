//! `aria-required-parent`: an element whose explicit WAI-ARIA 1.2 role has required context
//! roles (listitem, tab, row, menuitem...) is a child, in the accessibility tree, of an element
//! with one of them (ACT ff89c9). The accessibility-tree parent follows `aria-owns` and skips
//! presentational elements and plain `div`/`span` wrappers (see `a11y::aria`).
//!
//! A page whose script may still build the structure (an `aria-owns` pointing at ids that don't
//! exist yet, on an element that could be a required context) gives `cantTell` on that element.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::aria_data::{self, Spec};
use crate::a11y::aria;
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-required-parent",
    title: "Elements with a role that needs a context are inside it",
    wcag: &["1.3.1"],
    act: &["ff89c9"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A listitem outside a list, or a tab outside a tablist, loses the structure that gives it meaning: screen readers can't announce its position or let users move between its siblings.",
    fix: "Put the element inside (or aria-owns it from) an element with the required role, e.g. role=\"listitem\" inside role=\"list\", role=\"tab\" inside role=\"tablist\"; remove roles from wrappers in between or make them role=\"none\".",
    examples: Examples {
        pass: &[
            "<div role=\"list\"><div role=\"listitem\">a</div></div>",
            "<ul><div role=\"listitem\">a</div></ul>",
            "<div role=\"list\"><div role=\"presentation\"><div role=\"listitem\">a</div></div></div>",
            "<div role=\"list\" aria-owns=\"i1\"></div><div id=\"i1\" role=\"listitem\">a</div>",
        ],
        fail: &[
            "<div role=\"listitem\">a</div>",
            "<div role=\"list\"><div role=\"tabpanel\"><div role=\"listitem\">a</div></div></div>",
            "<div role=\"list\"><div aria-live=\"polite\"><div role=\"listitem\">a</div></div></div>",
        ],
        inapplicable: &[
            "<div role=\"listitem\" style=\"display:none\">a</div>",
            "<ul><li>a</li></ul>",
            "<ul><li role=\"listitem\">a</li></ul>",
            "<section role=\"doc-abstract\" aria-label=\"Abstract\"><p>x</p></section>",
        ],
    },
};

enum Reason {
    InContext { role: &'static str, parent: &'static str },
    OutOfContext { role: &'static str, parent: Option<&'static str>, required: &'static [&'static str] },
    ScriptMayOwn,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::InContext { role, parent } => {
                Evaluation::passed(format!("The {role} is owned by a {parent}, one of its required context roles."))
            }
            Reason::OutOfContext { role, parent, required } => Evaluation::failed(format!(
                "role=\"{role}\" must be owned by {}, but its parent in the accessibility tree is {}.",
                required.join(" or "),
                parent.map_or("the document".to_string(), |p| format!("a {p}"))
            ))
            .with_data(serde_json::json!({ "role": role, "parentRole": parent, "requiredContext": required })),
            Reason::ScriptMayOwn => Evaluation::cant_tell(
                "This element's aria-owns refers to ids that don't exist yet; a script on the page may create the owned elements (possibly in a shadow root). Check them in a browser.",
            ),
        }
    }
}

/// The explicit role of a target and its required context roles (WAI-ARIA 1.2 roles only).
fn context_of(cx: &Context, id: NodeId) -> Option<(&'static str, &'static [&'static str])> {
    let role = cx.snap.element(id).and_then(super::common::explicit_role)?;
    let info = aria_data::role(role).filter(|r| r.spec == Spec::Aria12 && !r.required_context.is_empty())?;
    (cx.tree.implicit_role(id) != Some(role)).then_some((role, info.required_context))
}

/// Whether any role with required context roles could be owned by `role`.
fn is_some_context(role: &str) -> bool {
    aria_data::ROLES.iter().any(|r| r.required_context.contains(&role))
}

/// An element whose `aria-owns` refers to a missing id, on a page with scripts.
fn script_may_own(cx: &Context, id: NodeId, has_script: bool) -> bool {
    has_script
        && cx.tree.role(id).is_some_and(is_some_context)
        && cx
            .snap
            .element(id)
            .and_then(|e| e.attr(&local_name!("aria-owns")))
            .is_some_and(|ids| ids.split_ascii_whitespace().any(|i| cx.snap.by_id(i).is_none()))
}

/// The rule.
pub struct AriaRequiredParent;

impl Rule for AriaRequiredParent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        let has_script = super::common::html_with_tag(cx, &local_name!("script")).next().is_some();
        // Both need an attribute: an explicit role, or aria-owns.
        let candidates = cx.snap.union([cx.snap.with_attr(&local_name!("role")), cx.snap.with_attr(&local_name!("aria-owns"))]);
        candidates
            .into_iter()
            .filter_map(|id| cx.snap.element(id).map(|el| (id, el)))
            .filter(|(id, el)| {
                aria::is_html_or_svg(el)
                    && super::common::is_included(cx, *id)
                    && (context_of(cx, *id).is_some() || script_may_own(cx, *id, has_script))
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some((role, required)) = context_of(cx, target) else { return Reason::ScriptMayOwn.evaluation() };
        let parent = aria::accessibility_parent(cx.tree, target);
        let parent_role = parent.and_then(|p| cx.tree.role(p));
        match parent_role {
            Some(p) if required.contains(&p) => Reason::InContext { role, parent: p },
            _ => Reason::OutOfContext { role, parent: parent_role, required },
        }
        .evaluation()
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
    fn rows_cells_and_scripts() {
        let all = |html: &str| outcomes("aria-required-parent", html).iter().map(|o| o.0).collect::<Vec<_>>();
        assert_eq!(all("<table><tr role=\"row\"><td role=\"gridcell\">x</td></tr></table>"), vec![Outcome::Passed]);
        assert_eq!(all("<div role=\"row\"><div role=\"cell\">x</div></div>"), vec![Outcome::Failed, Outcome::Passed]);
        assert_eq!(all("<div role=\"tablist\"><div><span role=\"tab\">x</span></div></div>"), vec![Outcome::Passed]);
        assert_eq!(
            all("<div role=\"list\" aria-owns=\"a b\"></div><div id=\"host\"></div><script>/* attachShadow */</script>"),
            vec![Outcome::CantTell]
        );
    }
}
