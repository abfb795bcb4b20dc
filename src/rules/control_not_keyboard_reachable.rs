//! `control-not-keyboard-reachable`: an element that acts as a control can be reached with the
//! Tab key (best practice, related to WCAG 2.1.1 Keyboard).
//!
//! "Acts as a control" is read from the markup: a click, pointer or key handler attribute, an
//! explicit interactive ARIA role, or a `cursor: pointer` that starts on a non-interactive
//! element. Elements inside a focusable ancestor (a `<span onclick>` in a link) or holding
//! focusable content (a `<div onclick>` delegating clicks from its buttons) are not controls of
//! their own and are left out. Only strong signals fail: a pointer cursor alone, mouse-down
//! handlers, empty click targets (backdrops) and items of composite widgets whose focus script
//! may manage are `cantTell`.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "control-not-keyboard-reachable",
    title: "Controls can be reached with the keyboard",
    wcag: &[],
    act: &[],
    impact: Impact::Serious,
    best_practice: true,
    needs: Needs::Static,
    help: "An element that reacts to clicks but is not focusable can't be used by keyboard, switch or screen reader users (WCAG 2.1.1 Keyboard).",
    fix: "Use a <button> or <a href> for it; if it must stay a custom element, add tabindex=\"0\", an interactive role and Enter/Space key handling.",
    examples: examples! {
        pass: &[
            "<button onclick=\"save()\">Save</button>",
            "<div role=\"button\" tabindex=\"0\" onclick=\"save()\">Save</div>",
        ],
        fail: &[
            "<div onclick=\"save()\">Save</div>",
            "<span role=\"button\">Close</span>",
            "<a onclick=\"go()\">Next page</a>",
        ],
        inapplicable: &[
            "<a href=\"/x\"><span onclick=\"track()\">Docs</span></a>",
            "<div onclick=\"handle(event)\"><button>One</button><button>Two</button></div>",
            "<p>Plain text</p>",
        ],
    },
};

/// Event handler attributes that make an element act as a control, and how strongly.
const STRONG_HANDLERS: &[&str] = &["onclick", "ondblclick", "onkeydown", "onkeyup", "onkeypress"];
const WEAK_HANDLERS: &[&str] = &["onmousedown", "onmouseup", "onpointerdown", "onpointerup", "ontouchstart", "ontouchend"];

/// Widget roles an author gives to an element meant to be operated.
const WIDGET_ROLES: &[&str] = &[
    "button", "checkbox", "combobox", "gridcell", "link", "listbox", "menuitem", "menuitemcheckbox",
    "menuitemradio", "option", "radio", "searchbox", "slider", "spinbutton", "switch", "tab",
    "textbox", "treeitem",
];

/// Items whose focus the composite widget around them may manage (roving tabindex).
const COMPOSITE_ITEMS: &[&str] =
    &["gridcell", "menuitem", "menuitemcheckbox", "menuitemradio", "option", "radio", "tab", "treeitem"];
const COMPOSITE_CONTAINERS: &[&str] =
    &["combobox", "grid", "listbox", "menu", "menubar", "radiogroup", "tablist", "tree", "treegrid"];

/// Bound on the nodes scanned inside a composite container per item (keeps the rule linear).
const CONTAINER_SCAN: usize = 5000;

/// Why the element looks like a control.
#[derive(Default)]
struct Signals {
    strong_handlers: Vec<&'static str>,
    weak_handlers: Vec<&'static str>,
    role: Option<&'static str>,
    cursor: bool,
}

impl Signals {
    fn of(cx: &Context, n: NodeId) -> Signals {
        let Some(el) = cx.snap.element(n) else { return Signals::default() };
        // Asked of nearly every element: most have no `on…` attribute to look for.
        let handlers = |list: &[&'static str]| -> Vec<&'static str> {
            if el.attrs.iter().any(|a| a.name.starts_with("on")) {
                list.iter().copied().filter(|h| el.has_attr_str(h)).collect()
            } else {
                Vec::new()
            }
        };
        let (strong_handlers, weak_handlers) = (handlers(STRONG_HANDLERS), handlers(WEAK_HANDLERS));
        let role = if el.has_attr(&local_name!("role")) {
            cx.tree.role(n).and_then(|r| WIDGET_ROLES.iter().find(|w| **w == r).copied())
        } else {
            None
        };
        let cursor = pointer_cursor(cx, n);
        Signals { strong_handlers, weak_handlers, role, cursor }
    }

    /// Whether `Signals::of(cx, n)` finds any signal, without building the lists:
    /// `applicable` asks it of most elements of a page, knowing from the attribute index
    /// whether `n` has a handler. The role and style are read before the element: at 200k
    /// elements, reading each element's attributes is a cache miss.
    fn any_of(cx: &Context, n: NodeId, has_handler: bool) -> bool {
        has_handler
            || (cx.tree.role(n).is_some_and(|r| WIDGET_ROLES.contains(&r))
                && cx.snap.element(n).is_some_and(|el| el.has_attr(&local_name!("role"))))
            || pointer_cursor(cx, n)
    }

    fn list(&self) -> Vec<String> {
        let mut out: Vec<String> = self.strong_handlers.iter().chain(&self.weak_handlers).map(|h| h.to_string()).collect();
        if let Some(r) = self.role {
            out.push(format!("role={r}"));
        }
        if self.cursor {
            out.push("cursor:pointer".into());
        }
        out
    }
}

/// A pointer cursor that starts at `n` (descendants inherit it), on an element that is not
/// focusable: links and buttons get it from the user-agent sheet.
fn pointer_cursor(cx: &Context, n: NodeId) -> bool {
    let pointer = |id: NodeId| cx.tree.style(id).cursor.trim().eq_ignore_ascii_case("pointer");
    let parent = cx.snap.parent_element(n);
    // An inherited cursor is the parent's own shared text: then it didn't start here. Asked
    // first: most elements inherit it, and comparing two pointers is cheaper than the text.
    if parent.is_some_and(|p| std::sync::Arc::ptr_eq(&cx.tree.style(p).cursor, &cx.tree.style(n).cursor)) {
        return false;
    }
    pointer(n) && !parent.is_some_and(pointer) && !cx.tree.is_focusable(n)
}

/// Elements that never count as controls of their own: the page, and labels (they forward
/// clicks to their control, which is reached instead).
fn excluded_element(cx: &Context, n: NodeId) -> bool {
    cx.snap.element(n).is_none_or(|e| {
        (e.ns != crate::dom::ns!(html) && e.ns != crate::dom::ns!(svg))
            || e.is_html(&local_name!("html"))
            || e.is_html(&local_name!("body"))
            || e.is_html(&local_name!("label"))
    })
}

enum Reason {
    InTabOrder,
    RovingItem,
    NotInTabOrder { signals: Vec<String> },
    ManagedComposite { signals: Vec<String>, role: &'static str },
    EmptyTarget { signals: Vec<String> },
    WeakSignal { signals: Vec<String> },
    Unreachable { signals: Vec<String> },
    StylesMissing { signals: Vec<String> },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        let data = |s: &[String]| serde_json::json!({ "signals": s });
        match self {
            Reason::InTabOrder => Evaluation::passed("This control is in the Tab order."),
            Reason::RovingItem => Evaluation::passed(
                "This item is focusable and its widget has an element in the Tab order (roving tabindex).",
            ),
            Reason::NotInTabOrder { signals } => Evaluation::cant_tell(format!(
                "This element acts as a control ({}) and is focusable, but tabindex=\"-1\" keeps it out of the Tab order: check the same action is reachable with the keyboard elsewhere.",
                signals.join(", ")
            ))
            .with_data(data(&signals)),
            Reason::ManagedComposite { signals, role } => Evaluation::cant_tell(format!(
                "This {role} ({}) is not focusable, but its widget has focusable items: check that arrow keys move focus to it.",
                signals.join(", ")
            ))
            .with_data(data(&signals)),
            Reason::EmptyTarget { signals } => Evaluation::cant_tell(format!(
                "This empty element reacts to clicks ({}) but can't be focused: if it is more than a backdrop, keyboard users can't use it.",
                signals.join(", ")
            ))
            .with_data(data(&signals)),
            Reason::WeakSignal { signals } => Evaluation::cant_tell(format!(
                "This element looks clickable ({}) but can't be focused: if it does something, keyboard users can't reach it.",
                signals.join(", ")
            ))
            .with_data(data(&signals)),
            Reason::Unreachable { signals } => Evaluation::failed(format!(
                "This element acts as a control ({}) but can't be focused, so keyboard users can't reach it.",
                signals.join(", ")
            ))
            .with_data(data(&signals)),
            Reason::StylesMissing { signals } => Evaluation::cant_tell(format!(
                "This element acts as a control ({}) and looks unfocusable, but some stylesheets were not loaded.",
                signals.join(", ")
            ))
            .with_data(data(&signals)),
        }
    }
}

/// For a composite item: whether the nearest widget container around it has (or may have)
/// something in the Tab order or an active-descendant, meaning script manages focus.
fn container_manages_focus(cx: &Context, item: NodeId) -> bool {
    let Some(container) = cx.snap.ancestors(item).find(|a| {
        cx.tree.role(*a).is_some_and(|r| COMPOSITE_CONTAINERS.contains(&r))
    }) else {
        return false;
    };
    if cx.snap.element(container).is_some_and(|e| e.has_attr(&local_name!("aria-activedescendant"))) {
        return true;
    }
    let mut scanned = 0;
    for d in cx.snap.descendants(container) {
        scanned += 1;
        if scanned > CONTAINER_SCAN {
            return true;
        }
        if cx.snap.element(d).is_some() && cx.tree.tab_position(d).is_some() {
            return true;
        }
    }
    false
}

/// Whether the element has no text, no name and no image inside: a click area like a backdrop.
fn empty_target(cx: &Context, n: NodeId) -> bool {
    cx.tree.name(n).trim().is_empty()
        && cx.snap.text_content(n).trim().is_empty()
        && !cx.snap.descendants(n).any(|d| {
            cx.snap.element(d).is_some_and(|e| e.is_html(&local_name!("img")) || (e.is_svg() && &*e.name == "svg"))
        })
        && !cx.snap.element(n).is_some_and(|e| e.is_html(&local_name!("img")) || e.is_html(&local_name!("input")) || e.is_svg())
}

/// The rule.
pub struct ControlNotKeyboardReachable;

impl Rule for ControlNotKeyboardReachable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Rendered, enabled, non-inert elements with a control signal and no focusable
        // ancestor or descendant. Two linear passes give those two facts for every node.
        // Only elements can be focusable or targets: walk the element list, not every node.
        // Both passes follow a link only from an element that hands something on (few do):
        // at 200k elements, reading every element's node is a cache miss each.
        let elements = cx.snap.elements();
        let mut focus_below = vec![false; cx.snap.len()];
        for &n in elements.iter().rev() {
            if focus_below[n.index()] || cx.tree.is_focusable(n) {
                if let Some(p) = cx.snap.parent(n) {
                    focus_below[p.index()] = true;
                }
            }
        }
        // Popups a focusable element owns or controls (a combobox's listbox, a menu button's
        // menu): focus stays on the owner, which moves through them with the arrow keys.
        let mut shadowed = vec![false; cx.snap.len()];
        // The owners come from the attribute index: reading every focusable element's
        // attributes is a cache miss each at 200k elements.
        let refs = [local_name!("aria-owns"), local_name!("aria-controls"), local_name!("aria-activedescendant")];
        let owners = cx.snap.union(refs.iter().map(|a| cx.snap.with_attr(a)));
        for n in owners.into_iter().filter(|n| cx.tree.is_focusable(*n)) {
            let Some(el) = cx.snap.element(n) else { continue };
            for token in refs.iter().filter_map(|a| el.attr(a)).flat_map(str::split_ascii_whitespace) {
                if let Some(t) = cx.snap.by_id(token) {
                    shadowed[t.index()] = true;
                }
            }
        }
        // Focusable or managing ancestor, inherited top-down (tree order: parents first).
        for &n in elements {
            if shadowed[n.index()] || cx.tree.is_focusable(n) {
                for c in cx.snap.element_children(n) {
                    shadowed[c.index()] = true;
                }
            }
        }
        // Elements with a handler attribute, from the attribute index.
        let mut has_handler = vec![false; cx.snap.len()];
        let handlers = cx.snap.attr_names().filter(|a| STRONG_HANDLERS.contains(&&***a) || WEAK_HANDLERS.contains(&&***a));
        for id in cx.snap.union(handlers.map(|a| cx.snap.with_attr(a))) {
            has_handler[id.index()] = true;
        }
        elements
            .iter()
            .copied()
            .filter(|n| {
                !shadowed[n.index()]
                    && !focus_below[n.index()]
                    && cx.tree.is_rendered(*n)
                    // What can't be seen can't be clicked (visibility:hidden ignores the pointer).
                    && cx.tree.is_visible(*n)
                    && !cx.tree.is_inert(*n)
                    && !cx.tree.is_disabled(*n)
                    && Signals::any_of(cx, *n, has_handler[n.index()])
                    && !excluded_element(cx, *n)
            })
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let signals = Signals::of(cx, target);
        let list = signals.list();
        let composite = signals.role.filter(|r| COMPOSITE_ITEMS.contains(r));
        let stops_propagation = cx.snap.element(target).is_some_and(|e| {
            signals.strong_handlers.iter().any(|h| e.attr_str(h).is_some_and(|v| v.contains("stopPropagation")))
        });
        let reason = if cx.tree.tab_position(target).is_some() {
            Reason::InTabOrder
        } else if let Some(role) = composite.filter(|_| container_manages_focus(cx, target)) {
            if cx.tree.is_focusable(target) {
                Reason::RovingItem
            } else {
                Reason::ManagedComposite { signals: list, role }
            }
        } else if cx.tree.is_focusable(target) {
            Reason::NotInTabOrder { signals: list }
        } else if signals.strong_handlers.is_empty() && signals.role.is_none() {
            // Only a pointer cursor or mouse-down style handlers: not proof of a control.
            Reason::WeakSignal { signals: list }
        } else if signals.role.is_none() && (stops_propagation || empty_target(cx, target)) {
            Reason::EmptyTarget { signals: list }
        } else if !cx.styles.complete() {
            Reason::StylesMissing { signals: list }
        } else {
            Reason::Unreachable { signals: list }
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "control-not-keyboard-reachable";

    fn verdicts(html: &str) -> Vec<Outcome> {
        outcomes(ID, html).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn pointer_cursor_alone_is_cant_tell_and_inherited_cursor_is_ignored() {
        let html = "<div style=\"cursor:pointer\"><span>Open</span> <em>menu</em></div>";
        assert_eq!(verdicts(html), vec![Outcome::CantTell]);
        // The link's own pointer cursor is inherited by its content: nothing to report.
        assert!(verdicts("<a href=\"/\" style=\"cursor:pointer\"><span>Home</span></a>").is_empty());
    }

    #[test]
    fn labels_forward_clicks_and_are_not_controls() {
        assert!(verdicts("<label style=\"cursor:pointer\" onclick=\"x()\">Agree</label><input type=\"checkbox\">").is_empty());
    }

    #[test]
    fn disabled_and_hidden_controls_are_not_targets() {
        assert!(verdicts("<button disabled onclick=\"x()\">Save</button>").is_empty());
        assert!(verdicts("<div hidden onclick=\"x()\">Save</div>").is_empty());
        assert!(verdicts("<div inert><span role=\"button\">Save</span></div>").is_empty());
    }

    #[test]
    fn roving_tabindex_items() {
        let html = "<div role=\"tablist\"><button role=\"tab\" tabindex=\"0\">A</button><button role=\"tab\" tabindex=\"-1\">B</button></div>";
        assert_eq!(verdicts(html), vec![Outcome::Passed, Outcome::Passed]);
        let html = "<div role=\"tablist\"><span role=\"tab\" tabindex=\"0\">A</span><span role=\"tab\">B</span></div>";
        assert_eq!(verdicts(html), vec![Outcome::Passed, Outcome::CantTell]);
        let html = "<div role=\"tablist\"><span role=\"tab\">A</span><span role=\"tab\">B</span></div>";
        assert_eq!(verdicts(html), vec![Outcome::Failed, Outcome::Failed]);
    }

    #[test]
    fn options_of_a_listbox_with_active_descendant() {
        let html = "<ul role=\"listbox\" tabindex=\"0\" aria-activedescendant=\"o1\"><li role=\"option\" id=\"o1\">One</li><li role=\"option\">Two</li></ul>";
        // The focusable listbox takes the keyboard: options are not targets.
        assert!(!verdicts(html).contains(&Outcome::Failed));
    }

    #[test]
    fn backdrops_and_mouse_down_handlers_are_cant_tell() {
        assert_eq!(verdicts("<div class=\"backdrop\" onclick=\"close()\"></div>"), vec![Outcome::CantTell]);
        assert_eq!(verdicts("<div onmousedown=\"drag(event)\">Handle</div>"), vec![Outcome::CantTell]);
    }

    #[test]
    fn icon_with_click_handler_fails() {
        assert_eq!(verdicts("<span onclick=\"close()\"><svg><path d=\"M0 0\"/></svg></span>"), vec![Outcome::Failed]);
        assert_eq!(verdicts("<svg onclick=\"close()\"><path d=\"M0 0\"/></svg>"), vec![Outcome::Failed]);
        assert_eq!(verdicts("<img src=\"x.png\" alt=\"Zoom\" onclick=\"zoom()\">"), vec![Outcome::Failed]);
    }

    #[test]
    fn combobox_popups_are_managed_by_their_owner() {
        let html = r#"<input role="combobox" aria-expanded="true" aria-owns="pop" aria-label="Tag">
            <ul role="listbox" id="pop"><li role="option">Zebra</li><li role="option">Zoom</li></ul>"#;
        assert!(!verdicts(html).contains(&Outcome::Failed), "{:?}", outcomes(ID, html));
        // Without an owner the listbox can't be reached.
        let html = r#"<ul role="listbox"><li role="option">Zebra</li></ul>"#;
        assert!(verdicts(html).contains(&Outcome::Failed));
    }

    #[test]
    fn invisible_elements_are_not_targets() {
        assert!(verdicts("<span onclick=\"x()\" style=\"visibility:hidden\">Go</span>").is_empty());
    }

    #[test]
    fn a_missing_stylesheet_makes_failures_cant_tell() {
        assert_eq!(verdicts("<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><div onclick=\"save()\">Save</div>"), vec![Outcome::CantTell]);
    }

    #[test]
    fn focusable_but_out_of_tab_order_is_cant_tell() {
        assert_eq!(verdicts("<div role=\"button\" tabindex=\"-1\">Save</div>"), vec![Outcome::CantTell]);
    }
}
