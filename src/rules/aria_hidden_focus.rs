//! `aria-hidden-focus`: an element with `aria-hidden="true"` has no inclusive descendant in the
//! sequential focus order (ACT 6cfa84, WCAG 4.1.2).
//!
//! `aria-hidden` removes the subtree from assistive technologies, but not from the Tab order:
//! keyboard users then land on something their screen reader cannot announce. Focus
//! "sentinels" that immediately move focus elsewhere are allowed; a static check can't run the
//! script, so a focusable element that page script visibly manages (an `onfocus` handler, or
//! an inline script naming its id and focus) is `cantTell` rather than failed.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-hidden-focus",
    title: "Content hidden with aria-hidden can't be reached with Tab",
    wcag: &["4.1.2"],
    act: &["6cfa84"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "aria-hidden hides content from screen readers but not from the keyboard: focus lands on an element that has no name or role for assistive technologies.",
    fix: "Remove aria-hidden from content that can be focused, or take the focusable elements out of the Tab order (tabindex=\"-1\", disabled, or hide them with display:none / inert).",
    examples: examples! {
        pass: &[
            "<p aria-hidden=\"true\">Some text</p>",
            "<div aria-hidden=\"true\"><button tabindex=\"-1\">Some button</button></div>",
            "<input disabled aria-hidden=\"true\">",
            "<a href=\"#\"><svg aria-hidden=\"true\"><circle r=\"4\"/></svg>Hello</a>",
        ],
        fail: &[
            "<div aria-hidden=\"true\"><a href=\"/\" style=\"position:absolute; top:-999em\">Link</a></div>",
            "<div aria-hidden=\"true\"><div aria-hidden=\"false\"><button>Some button</button></div></div>",
            "<p tabindex=\"0\" aria-hidden=\"true\">Some text</p>",
        ],
        inapplicable: &[
            "<button tabindex=\"-1\" aria-hidden>Some button</button>",
            "<p aria-hidden=\"false\">Some text</p>",
            "<div aria-hidden=\"yes\"><p>Some text</p></div>",
        ],
    },
};

enum Reason {
    NoFocusable,
    Focusable(Vec<NodeId>),
    ScriptManaged(Vec<NodeId>),
    StylesMissing,
}

impl Reason {
    fn evaluation(self, cx: &Context) -> Evaluation {
        match self {
            Reason::NoFocusable => {
                Evaluation::passed("Nothing inside this aria-hidden content is in the Tab order.")
            }
            Reason::Focusable(found) => Evaluation::failed(format!(
                "This aria-hidden content contains {} in the Tab order: {}.",
                plural(found.len()),
                describe_list(cx, &found)
            ))
            .with_data(focus_data(cx, &found)),
            Reason::ScriptManaged(found) => Evaluation::cant_tell(format!(
                "This aria-hidden content contains {} in the Tab order ({}), but page script handles its focus: check that focus moves away at once (a focus sentinel).",
                plural(found.len()),
                describe_list(cx, &found)
            ))
            .with_data(focus_data(cx, &found)),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Some stylesheets were not loaded, so whether elements inside this aria-hidden content are rendered and focusable is unknown.",
            ),
        }
    }
}

fn plural(n: usize) -> String {
    if n == 1 { "1 element".to_string() } else { format!("{n} elements") }
}

/// `tag#id` (or `tag`) of the first few elements, for messages.
fn describe_list(cx: &Context, ids: &[NodeId]) -> String {
    let mut parts: Vec<String> = ids.iter().take(3).map(|n| describe(cx, *n)).collect();
    if ids.len() > 3 {
        parts.push(format!("and {} more", ids.len() - 3));
    }
    parts.join(", ")
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

fn focus_data(cx: &Context, ids: &[NodeId]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = ids
        .iter()
        .take(20)
        .map(|n| {
            serde_json::json!({
                "element": describe(cx, *n),
                "line": cx.snap.element(*n).map_or(0, |e| e.line),
                "tabOrder": cx.tree.tab_position(*n),
            })
        })
        .collect();
    serde_json::json!({ "focusable": items, "count": ids.len() })
}

/// `aria-hidden="true"` (ASCII case-insensitive, surrounding whitespace ignored).
fn aria_hidden_true(cx: &Context, n: NodeId) -> bool {
    cx.snap
        .element(n)
        .and_then(|e| e.attr(&local_name!("aria-hidden")))
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Page script visibly manages this element's focus: an `onfocus`/`onfocusin` handler, or an
/// inline `<script>` that mentions both its id and focus.
fn script_manages_focus(cx: &Context, el: NodeId) -> bool {
    let Some(e) = cx.snap.element(el) else { return false };
    if e.has_attr(&local_name!("onfocus")) || e.has_attr(&local_name!("onfocusin")) {
        return true;
    }
    let Some(id) = e.attr(&local_name!("id")).filter(|v| !v.trim().is_empty()) else { return false };
    cx.snap.elements().iter().copied().any(|n| {
        cx.snap.element(n).is_some_and(|s| s.is_html(&local_name!("script"))) && {
            let text = cx.snap.text_content(n);
            text.contains(id) && text.contains("focus")
        }
    })
}

/// The rule.
pub struct AriaHiddenFocus;

impl Rule for AriaHiddenFocus {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Every element with aria-hidden="true", nested ones included.
        cx.snap.with_attr(&local_name!("aria-hidden")).filter(|n| aria_hidden_true(cx, *n)).collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let inclusive = || std::iter::once(target).chain(cx.snap.descendants(target));
        let found: Vec<NodeId> = inclusive()
            .filter(|n| cx.snap.element(*n).is_some() && cx.tree.tab_position(*n).is_some())
            .collect();
        let reason = if !cx.styles.complete()
            && (!found.is_empty()
                || inclusive().any(|n| cx.snap.element(n).is_some() && !cx.tree.is_rendered(n)))
        {
            // A missing stylesheet could hide what looks focusable, or reveal what looks hidden.
            Reason::StylesMissing
        } else if found.is_empty() {
            Reason::NoFocusable
        } else if found.iter().all(|n| script_manages_focus(cx, *n)) {
            Reason::ScriptManaged(found)
        } else {
            Reason::Focusable(found)
        };
        reason.evaluation(cx)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "aria-hidden-focus";

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn display_none_and_summary() {
        let pass = outcomes(ID, "<div aria-hidden=\"true\"><a href=\"/\" style=\"display:none\">Link</a></div>");
        assert_eq!(pass.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Passed]);
        let fail = outcomes(ID, "<details aria-hidden=\"true\"><summary>More</summary><p>x</p></details>");
        assert_eq!(fail.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Failed]);
        assert!(fail[0].2.contains("<summary>"), "{fail:?}");
    }

    #[test]
    fn aria_disabled_does_not_remove_from_tab_order() {
        let out = outcomes(ID, "<div aria-hidden=\"true\"><input aria-disabled=\"true\"></div>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Failed]);
    }

    #[test]
    fn focus_sentinel_managed_by_script_is_cant_tell() {
        let html = r##"<div aria-hidden="true"><a href="#" id="sentinel">wrap</a></div>
            <input id="first">
            <script>document.getElementById('sentinel').addEventListener('focus', () => first.focus())</script>"##;
        let out = outcomes(ID, html);
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::CantTell]);
        // The same markup whose script does not manage focus fails.
        let html = r##"<div aria-hidden="true"><a href="#" id="sentinel">wrap</a></div>
            <script>document.getElementById('close').addEventListener('click', () => {})</script>"##;
        let out = outcomes(ID, html);
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Failed]);
    }

    #[test]
    fn a_missing_stylesheet_makes_failures_cant_tell() {
        let out = outcomes(ID, "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><div aria-hidden=\"true\"><button>b</button></div>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::CantTell]);
        // Nothing focusable and nothing hidden: the verdict doesn't depend on styles.
        let out = outcomes(ID, "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><p aria-hidden=\"true\">text</p>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Passed]);
    }

    #[test]
    fn aria_hidden_value_is_case_insensitive() {
        let out = outcomes(ID, "<div aria-hidden=\"TRUE\"><button>b</button></div>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Failed]);
    }
}
