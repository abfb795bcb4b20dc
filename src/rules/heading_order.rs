//! `heading-order`: heading levels only increase by one: an `h2` may be followed by an `h3`
//! but not by an `h4` (best practice, after axe-core's `heading-order`). Going back up any
//! number of levels is fine; the first heading may have any level. Levels come from
//! `aria-level`, then the `h1`–`h6` number, then 2 for role `heading`.

use std::collections::HashMap;

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::NodeId;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "heading-order",
    title: "Heading levels increase by one",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "Screen reader users skim a page by its headings; a skipped level (h2 then h4) suggests a missing section and makes the outline hard to follow.",
    fix: "Use the next level down for a subsection (h2 then h3), and style headings with CSS rather than picking a level for its size.",
    examples: Examples {
        pass: &["<h1>Shop</h1><h2>Shoes</h2><h3>Boots</h3><h2>Hats</h2>"],
        fail: &["<h1>Shop</h1><h3>Shoes</h3>", "<h2>Shoes</h2><div role=\"heading\" aria-level=\"4\">Boots</div>"],
        inapplicable: &["<p>No headings</p>", "<h2 hidden>Hidden</h2>"],
    },
};

enum Reason {
    First(u32),
    InOrder { level: u32, previous: u32 },
    Skipped { level: u32, previous: u32 },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::First(level) => Evaluation::passed(format!("The first heading, at level {level}.")),
            Reason::InOrder { level, previous } => {
                Evaluation::passed(format!("Level {level} after level {previous}."))
            }
            Reason::Skipped { level, previous } => Evaluation::failed(format!(
                "This level-{level} heading follows a level-{previous} heading: level {} is skipped, so the outline looks like a section is missing.",
                previous + 1
            ))
            .with_data(serde_json::json!({ "level": level, "previous": previous })),
        }
    }
}

struct Levels {
    targets: Vec<NodeId>,
    levels: HashMap<NodeId, (u32, Option<u32>)>,
}

fn levels(cx: &Context) -> Levels {
    let headings = common::headings(cx);
    let mut previous = None;
    let mut levels = HashMap::with_capacity(headings.len());
    for (id, level) in headings.iter() {
        levels.insert(*id, (*level, previous));
        previous = Some(*level);
    }
    Levels { targets: headings.iter().map(|(id, _)| *id).collect(), levels }
}

/// The rule.
pub struct HeadingOrder;

impl Rule for HeadingOrder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        cx.tree.memo(META.id, || levels(cx)).targets.clone()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let (level, previous) = cx.tree.memo(META.id, || levels(cx)).levels.get(&target).copied()
            .unwrap_or((2, None));
        let reason = match previous {
            None => Reason::First(level),
            Some(previous) if level > previous + 1 => Reason::Skipped { level, previous },
            Some(previous) => Reason::InOrder { level, previous },
        };
        if !matches!(reason, Reason::Skipped { .. }) && common::passes_unreported(cx) {
            return Evaluation::passed(String::new());
        }
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
    fn going_up_is_fine_and_hidden_headings_are_skipped() {
        let verdicts = |html: &str| outcomes("heading-order", html).into_iter().map(|o| o.0).collect::<Vec<_>>();
        assert_eq!(verdicts("<h1>a</h1><h2>b</h2><h3>c</h3><h1>d</h1>"), vec![Outcome::Passed; 4]);
        assert_eq!(verdicts("<h1>a</h1><h2 style=\"display:none\">b</h2><h3>c</h3>"), vec![Outcome::Passed, Outcome::Failed]);
        // An invalid aria-level falls back to the element's own level.
        assert_eq!(verdicts("<h1>a</h1><h2 aria-level=\"x\">b</h2>"), vec![Outcome::Passed; 2]);
    }
}
