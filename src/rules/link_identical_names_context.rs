//! `link-identical-names-context`: links with the same accessible name in the same link context
//! (the text of the paragraph, list item, table cell or heading around them) serve the same purpose
//! (ACT fd3a94, WCAG 2.4.4). Same URL: passed; otherwise `cantTell`, as in
//! `link-identical-names`.

use super::common;
use super::link_identical_names::{is_link, judge};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "link-identical-names-context",
    title: "Links with identical names in the same context have the same purpose",
    wcag: &["2.4.4"],
    act: &["fd3a94"],
    impact: Impact::Moderate,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Links with the same text in the same sentence or list item look like the same destination; if they are not, people can't tell which to follow.",
    fix: "Make each link's text say where it leads, or point links with the same text in the same context to the same page.",
    examples: Examples {
        pass: &["<p><a href=\"/contact\">Contact us</a> or <a href=\"/contact\">contact us</a></p>"],
        fail: &[],
        inapplicable: &[
            "<p>To learn more: <a href=\"/a\">Contact us</a></p><p>To get in touch: <a href=\"/b\">Contact us</a></p>",
            "<div><a href=\"/a\">Read more</a> about us</div><div><a href=\"/b\">Read more</a> about them</div>",
        ],
    },
};

/// The programmatically determined link context: the closest paragraph, list item, cell or
/// heading ancestor (`None`: the document).
fn context_of(cx: &Context, id: NodeId) -> Option<NodeId> {
    cx.snap.ancestors(id).find(|a| {
        cx.snap.element(*a).is_some_and(|el| {
            // Atoms, not strings: compared for every ancestor of every link.
            common::is_html(el)
                && matches!(
                    el.name,
                    local_name!("p")
                        | local_name!("li")
                        | local_name!("td")
                        | local_name!("th")
                        | local_name!("dd")
                        | local_name!("h1")
                        | local_name!("h2")
                        | local_name!("h3")
                        | local_name!("h4")
                        | local_name!("h5")
                        | local_name!("h6")
                )
        }) || matches!(common::semantic_role(cx, *a), Some("cell" | "gridcell" | "listitem" | "heading"))
    })
}

/// Sets are split by the text of the context (two paragraphs that read the same are the same
/// context); a link without a context element is alone in its group.
fn group(cx: &Context, id: NodeId) -> u32 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match context_of(cx, id) {
        Some(c) => common::matching_key(&cx.snap.text_content(c)).hash(&mut h),
        None => ("\0no-context", id.0).hash(&mut h),
    }
    h.finish() as u32
}

/// The rule.
pub struct LinkIdenticalNamesContext;

impl Rule for LinkIdenticalNamesContext {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::identical_name_targets(cx, META.id, |id, el| is_link(cx, id, el), |id| group(cx, id))
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let set = common::identical_name_set_of(cx, META.id, target, |id, el| is_link(cx, id, el), |id| group(cx, id));
        judge(cx, target, &set)
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
    fn same_paragraph_different_urls() {
        let out = outcomes("link-identical-names-context", "<p><a href=\"/a\">More</a> and <a href=\"/b\">more</a></p>");
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|o| o.0 == Outcome::CantTell), "{out:?}");
    }
}
