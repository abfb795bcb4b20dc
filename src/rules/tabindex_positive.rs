//! `tabindex-positive`: no element has a `tabindex` greater than zero (best practice).
//!
//! A positive tabindex pulls the element ahead of everything else in the Tab order, so keyboard
//! users jump around the page out of reading order. Each failure's `data` carries the resulting
//! sequential focus order (the positively indexed elements come first, then the next few in
//! document order), so people can see the jumps.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "tabindex-positive",
    title: "No element has a positive tabindex",
    wcag: &[],
    act: &[],
    impact: Impact::Serious,
    best_practice: true,
    needs: Needs::Static,
    help: "A positive tabindex moves the element ahead of all others in the Tab order: keyboard and screen reader users are sent through the page in an order that no longer follows what they see (WCAG 2.4.3 Focus Order).",
    fix: "Use tabindex=\"0\" (or no tabindex on native controls) and order the markup the way it should be navigated.",
    examples: examples! {
        pass: &["<div tabindex=\"0\">Panel</div>", "<button tabindex=\"-1\">Later</button>"],
        fail: &["<a href=\"/a\">A</a> <button tabindex=\"3\">Jump</button>"],
        inapplicable: &["<button>Save</button>", "<div tabindex=\"x\">Not a number</div>"],
    },
};

/// How many focus-order neighbours on each side of the element `data` lists: enough to show
/// the jump, bounded so a page with thousands of positive tabindexes keeps small findings.
const ORDER_WINDOW: usize = 5;

enum Reason {
    ZeroOrNegative(i32),
    Positive { tabindex: i32, position: Option<usize> },
}

impl Reason {
    fn evaluation(self, cx: &Context) -> Evaluation {
        match self {
            Reason::ZeroOrNegative(t) => Evaluation::passed(format!(
                "tabindex=\"{t}\" keeps the element in document order."
            )),
            Reason::Positive { tabindex, position: Some(p) } => Evaluation::failed(format!(
                "tabindex=\"{tabindex}\" makes this element number {p} in the Tab order, ahead of the elements before it in the page."
            ))
            .with_data(order_data(cx, tabindex, Some(p))),
            Reason::Positive { tabindex, position: None } => Evaluation::failed(format!(
                "tabindex=\"{tabindex}\" will move this element ahead of the page's order as soon as it can be focused."
            ))
            .with_data(order_data(cx, tabindex, None)),
        }
    }
}

/// The stretch of the sequential focus order around the element (the start of the order when
/// it is not in it yet), plus how many elements jump ahead with a positive tabindex.
fn order_data(cx: &Context, tabindex: i32, position: Option<usize>) -> serde_json::Value {
    let order = cx.tree.tab_order();
    let positive = |n: &NodeId| cx.tree.tabindex(*n).is_some_and(|t| t > 0);
    // Positive tabindexes come first in the order: find where they end by bisection.
    let jumping = order.partition_point(positive);
    let center = position.map_or(0, |p| p.saturating_sub(1));
    let start = center.saturating_sub(ORDER_WINDOW);
    let end = (center + ORDER_WINDOW + 1).min(order.len());
    let entries: Vec<serde_json::Value> = order
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let el = cx.snap.element(*n);
            let name = cx.tree.name(*n);
            serde_json::json!({
                "position": start + i + 1,
                "tag": el.map(|e| e.name.to_string()),
                "id": el.and_then(|e| e.attr(&local_name!("id"))),
                "tabindex": cx.tree.tabindex(*n),
                "name": if name.is_empty() { None } else { Some(name) },
                "line": el.map_or(0, |e| e.line),
            })
        })
        .collect();
    serde_json::json!({
        "tabindex": tabindex,
        "position": position,
        "focusOrder": entries,
        "focusOrderLength": order.len(),
        "positiveTabindexCount": jumping,
    })
}

/// The rule.
pub struct TabindexPositive;

impl Rule for TabindexPositive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Elements with a valid tabindex attribute.
        cx.snap.with_attr(&local_name!("tabindex")).filter(|n| cx.tree.tabindex(*n).is_some()).collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let reason = match cx.tree.tabindex(target).unwrap_or(0) {
            t if t > 0 => Reason::Positive { tabindex: t, position: cx.tree.tab_position(target) },
            t => Reason::ZeroOrNegative(t),
        };
        reason.evaluation(cx)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;
    use crate::{check_html, Options};

    const ID: &str = "tabindex-positive";

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn data_shows_the_resulting_focus_order() {
        let html = r#"<a href="/a" id="a">A</a> <button id="b" tabindex="2">B</button> <input id="c" tabindex="1">"#;
        let options = Options { rules: Some(vec![ID.into()]), ..Options::default() };
        let report = check_html(html, &options).expect("check runs");
        assert_eq!(report.results.len(), 2);
        let first = &report.results[0];
        assert_eq!(first.outcome, Outcome::Failed);
        assert_eq!(first.data["position"], 2, "{}", first.data);
        let order: Vec<&str> = first.data["focusOrder"]
            .as_array()
            .expect("focusOrder list")
            .iter()
            .filter_map(|e| e["id"].as_str())
            .collect();
        assert_eq!(order, vec!["c", "b", "a"]);
    }

    #[test]
    fn leading_whitespace_and_plus_sign_parse_like_html() {
        let out = outcomes(ID, "<div tabindex=\" +4\">x</div>");
        assert_eq!(out.iter().map(|o| o.0).collect::<Vec<_>>(), vec![Outcome::Failed]);
    }
}
