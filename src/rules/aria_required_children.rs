//! `aria-required-children`: an element whose WAI-ARIA 1.2 semantic role has required owned
//! elements (list, listbox, menu, table, row, tablist, tree...) owns only elements with those
//! roles (ACT bc4a75), looking through presentational and hidden elements and following
//! `aria-owns`. A `group` allowed as a container (`menu` > `group` > `menuitem`) must itself own
//! only the allowed items; an owned element whose own required context is the target's role
//! (a `caption` in a `table`) is allowed, and so is a `separator` between menu items (the ARIA
//! Authoring Practices' menus use them; browsers expose them inside menus). Content being loaded (`aria-busy="true"` on an
//! inclusive ancestor) is not judged.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::aria_data::{self, Spec};
use crate::a11y::{aria, role};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "aria-required-children",
    title: "Elements with a role that needs specific children own only those",
    wcag: &["1.3.1"],
    act: &["bc4a75"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "A list, menu, tablist or table that owns elements of other roles breaks the structure assistive technologies rely on to count items and move between them.",
    fix: "Give each owned element a role the container expects (listitem in a list, option in a listbox, tab in a tablist, row in a table), or mark wrappers role=\"none\".",
    examples: Examples {
        pass: &[
            "<div role=\"list\"><span role=\"listitem\">a</span></div>",
            "<ul role=\"tablist\"><li role=\"none\"><span role=\"tab\">a</span></li></ul>",
            "<div role=\"menu\"><div role=\"group\"><span role=\"menuitem\">a</span></div></div>",
            "<table><caption>c</caption><tr><td>a</td></tr></table>",
            "<select multiple><optgroup label=\"g\"><option>a</option></optgroup></select>",
        ],
        fail: &[
            "<div role=\"list\"><span>a</span></div>",
            "<ol role=\"tablist\"><li role=\"listitem\">a</li></ol>",
            "<div role=\"list\" aria-owns=\"t\"></div><div id=\"t\" role=\"tab\">a</div>",
            "<div role=\"menu\"><div role=\"group\"><span role=\"treeitem\">a</span></div></div>",
        ],
        inapplicable: &[
            "<div role=\"list\" aria-hidden=\"true\"></div>",
            "<div role=\"progressbar\" aria-valuenow=\"20\" aria-label=\"p\">20 %</div>",
            "<ul role=\"menu\" aria-busy=\"true\"> Loading </ul>",
        ],
    },
};

enum Reason {
    Valid(&'static str),
    Invalid { role: &'static str, owned: Vec<String>, allowed: Vec<&'static str> },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Valid(role) => Evaluation::passed(format!("The {role} owns only elements with the roles it requires.")),
            Reason::Invalid { role, owned, allowed } => Evaluation::failed(format!(
                "A {role} may own only {}, but it owns {}.",
                allowed.join(", "),
                owned.join(", ")
            ))
            .with_data(serde_json::json!({ "role": role, "unexpected": owned, "allowed": allowed })),
        }
    }
}

/// Most owned elements looked at per target.
const LIMIT: usize = 10_000;

/// The semantic role of a target with required owned elements (WAI-ARIA 1.2 roles only).
fn required_owned(cx: &Context, id: NodeId) -> Option<(&'static str, &'static [&'static [&'static str]])> {
    let role = cx.tree.role(id)?;
    // Asked of every element: the dozen roles that require owned elements, once by name and
    // once per position in the tree's role table, so most elements cost one look into a table
    // (comparing the role with each name was 0.09M instructions per 1k-element check).
    type Owned = &'static [&'static [&'static str]];
    type Owners = (Vec<(&'static str, Owned)>, Vec<Option<Owned>>);
    static OWNERS: std::sync::OnceLock<Owners> = std::sync::OnceLock::new();
    let (by_name, by_index) = OWNERS.get_or_init(|| {
        let by_name: Vec<(&'static str, Owned)> = aria_data::ROLES
            .iter()
            .filter(|r| r.spec == Spec::Aria12 && !r.required_owned.is_empty())
            .map(|r| (r.name, r.required_owned))
            .collect();
        let by_index = role::ROLES
            .iter()
            .map(|info| by_name.iter().find(|(name, _)| *name == info.name).map(|(_, owned)| *owned))
            .collect();
        (by_name, by_index)
    });
    let owned = match cx.tree.role_index(id).and_then(|i| by_index.get(i)) {
        Some(owned) => *owned,
        None => by_name.iter().find(|(name, _)| *name == role).map(|(_, owned)| *owned),
    };
    owned.map(|owned| (role, owned))
}

/// Busy: aria-busy="true" on the element or an ancestor.
fn is_busy(cx: &Context, id: NodeId) -> bool {
    std::iter::once(id).chain(cx.snap.ancestors(id)).any(|a| {
        cx.snap.element(a).and_then(|e| e.attr(&local_name!("aria-busy"))).is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    })
}

/// Elements that never form an accessibility node of their own inside tables.
fn is_table_column(cx: &Context, id: NodeId) -> bool {
    cx.snap.element(id).is_some_and(|e| e.is_html(&local_name!("col")) || e.is_html(&local_name!("colgroup")))
}

/// The rule.
pub struct AriaRequiredChildren;

impl Rule for AriaRequiredChildren {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        super::common::elements(cx)
            .filter(|(id, el)| {
                aria::is_html_or_svg(el)
                    && super::common::is_included(cx, *id)
                    && required_owned(cx, *id).is_some()
                    && !is_busy(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some((role, paths)) = required_owned(cx, target) else { return Reason::Valid("element").evaluation() };
        let mut first: Vec<&'static str> = paths.iter().filter_map(|p| p.first().copied()).collect();
        first.sort_unstable();
        first.dedup();
        let mut unexpected: Vec<String> = Vec::new();
        // (element, roles allowed for what it owns, container role allowed to nest)
        let mut pending: Vec<(NodeId, Vec<&'static str>, Option<&'static str>)> = vec![(target, first.clone(), None)];
        let mut steps = 0usize;
        while let Some((owner, allowed, nested)) = pending.pop() {
            for child in aria::owned_elements(cx.tree, owner, LIMIT) {
                steps += 1;
                if steps > LIMIT {
                    break;
                }
                if is_table_column(cx, child) {
                    continue;
                }
                let child_role = cx.tree.role(child).unwrap_or("generic");
                // Looked up only when needed: a search of the ARIA table by name per child was
                // a third of this rule's cost.
                let context_ok = || aria_data::role(child_role).is_some_and(|r| r.required_context.contains(&role));
                let menu_separator = child_role == "separator" && matches!(role, "menu" | "menubar");
                if nested == Some(child_role) {
                    pending.push((child, allowed.clone(), nested));
                } else if menu_separator {
                    continue;
                } else if allowed.contains(&child_role) || (owner == target && context_ok()) {
                    // A container entry ([group, menuitem]): the container must own the items.
                    let items: Vec<&'static str> = paths
                        .iter()
                        .filter(|p| p.len() == 2 && p.first() == Some(&child_role))
                        .filter_map(|p| p.get(1).copied())
                        .collect();
                    if owner == target && !items.is_empty() && child_role == "group" {
                        pending.push((child, items, Some(child_role)));
                    }
                } else {
                    let tag = cx.snap.element(child).map_or(String::new(), |e| e.name.to_string());
                    unexpected.push(format!("a {child_role} (<{tag}>)"));
                }
            }
        }
        if unexpected.is_empty() {
            if super::common::passes_unreported(cx) {
                // Left out of the report: no wording needed.
                return Evaluation::passed(String::new());
            }
            Reason::Valid(role).evaluation()
        } else {
            unexpected.dedup();
            Reason::Invalid { role, owned: unexpected, allowed: first }.evaluation()
        }
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
    fn nested_groups_and_tables() {
        let all = |html: &str| outcomes("aria-required-children", html).iter().map(|o| o.0).collect::<Vec<_>>();
        assert_eq!(
            all("<div role=\"menu\"><div role=\"group\"><span role=\"menuitem\">a</span><div role=\"group\"><span role=\"menuitem\">b</span></div></div></div>"),
            vec![Outcome::Passed]
        );
        // list > group > listitem: group is not allowed in a list.
        assert_eq!(all("<div role=\"list\"><div role=\"group\"><span role=\"listitem\">a</span></div></div>"), vec![Outcome::Failed]);
        // The table, its row group and its row all pass.
        let out = all("<table><colgroup><col></colgroup><tr><td>a</td></tr></table>");
        assert!(out.iter().all(|o| *o == Outcome::Passed) && out.len() == 3, "{out:?}");
        assert_eq!(all("<ul><div></div></ul>"), vec![Outcome::Failed]);
        assert_eq!(all("<div role=\"menu\"><div role=\"menuitem\">a</div><div role=\"separator\"></div></div>"), vec![Outcome::Passed]);
    }
}
