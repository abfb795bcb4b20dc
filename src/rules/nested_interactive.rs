//! `nested-interactive`: an interactive control (button, link, checkbox, tab, menu item,
//! option, ...) contains no other interactive or focusable element (WCAG 4.1.2, after
//! axe-core's `nested-interactive`). Unlike `presentational-children-focus` (ACT 307n5z), this
//! also covers links, whose children are not presentational: a button inside a link is still
//! two controls in one, which keyboard and screen reader users can't operate separately.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "nested-interactive",
    title: "Interactive controls are not nested",
    wcag: &["4.1.2"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A control inside another control (a button in a link, a link in a button) is announced as one control, or not at all; keyboard and screen reader users can't reach or activate the inner one reliably.",
    fix: "Move the inner control out, placing the two side by side, e.g. <a href=\"/post\">Read the post</a> <button>Share</button>.",
    examples: Examples {
        pass: &["<a href=\"/post\">Read the post</a> <button>Share</button>", "<button><span>Save</span></button>"],
        fail: &["<a href=\"/post\">Read <button>Share</button></a>", "<button>Open <a href=\"/help\">help</a></button>", "<div role=\"tab\">Tab <input type=\"checkbox\"></div>"],
        inapplicable: &["<p>Text</p>", "<button hidden><a href=\"/\">x</a></button>"],
    },
};

/// Roles of controls that must not hold other controls: links and the widgets whose children
/// are presentational. (A combobox or textbox legitimately owns options or editable content,
/// and a `menuitem` may hold its submenu.)
const OUTER: &[&str] =
    &["button", "checkbox", "link", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "tab", "slider"];

/// Roles that count as a nested control inside one of `OUTER`.
const CONTROLS: &[&str] = &[
    "button", "checkbox", "link", "menuitem", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "tab",
    "slider", "spinbutton", "textbox", "searchbox", "combobox",
];

enum Reason {
    Simple,
    Nested { outer: &'static str, inner: &'static str },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Simple => Evaluation::passed("The control holds no other interactive element."),
            Reason::Nested { outer, inner } => Evaluation::failed(format!(
                "This {outer} contains an interactive element ({inner}): assistive technologies announce them as one control, and the inner one may be unreachable."
            ))
            .with_data(serde_json::json!({ "role": outer, "nestedRole": inner })),
        }
    }
}

/// The rule.
pub struct NestedInteractive;

impl Rule for NestedInteractive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::with_role(cx, |r| OUTER.contains(&r))
            .filter(|(id, _)| common::is_included(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let outer = cx.tree.role(target).unwrap_or("control");
        let mut walk = cx.snap.descendants(target);
        while let Some(id) = walk.next() {
            if cx.snap.element(id).is_none() {
                continue;
            }
            if !common::is_included(cx, id) {
                walk.skip_subtree_of(id);
                continue;
            }
            let role = cx.tree.role(id).filter(|r| CONTROLS.contains(r));
            if role.is_some() || cx.tree.is_focusable(id) {
                return Reason::Nested { outer, inner: role.unwrap_or("focusable element") }.evaluation();
            }
        }
        Reason::Simple.evaluation()
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
    fn native_select_and_textbox_owners_are_not_nested_controls() {
        let fails = |html: &str| outcomes("nested-interactive", html).into_iter().filter(|o| o.0 == Outcome::Failed).count();
        assert_eq!(fails("<select><option>a</option><option>b</option></select>"), 0);
        assert_eq!(fails("<div contenteditable role=textbox><a href=/x>x</a></div>"), 0);
        let first = |html: &str| outcomes("nested-interactive", html).first().map(|o| o.0);
        assert_eq!(first("<button><select><option>a</option></select></button>"), Some(Outcome::Failed));
    }

    #[test]
    fn composite_widgets_own_their_items() {
        let all_pass = |html: &str| outcomes("nested-interactive", html).iter().all(|o| o.0 == Outcome::Passed);
        assert!(all_pass("<select><option>a</option><option>b</option></select>"));
        assert!(all_pass("<ul role=\"menu\"><li role=\"menuitem\">File<ul role=\"menu\"><li role=\"menuitem\">Open</li></ul></li></ul>"));
        assert!(all_pass("<div role=\"listbox\" tabindex=\"0\"><div role=\"option\">a</div></div>"));
    }

    #[test]
    fn focusable_descendants_count_and_hidden_ones_do_not() {
        let first = |html: &str| outcomes("nested-interactive", html).first().map(|o| o.0);
        assert_eq!(first("<a href=\"/\">x <span tabindex=\"0\">y</span></a>"), Some(Outcome::Failed));
        assert_eq!(first("<a href=\"/\">x <button hidden>y</button></a>"), Some(Outcome::Passed));
    }
}
