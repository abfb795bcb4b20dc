//! `region`: all perceivable content of a page is inside a landmark (best practice, after
//! axe-core's `region`). Each top-most element holding content outside every landmark is
//! reported once (not each of its descendants); each top-level landmark is a passed target.
//! A same-page link whose target exists (a skip link) may sit outside landmarks. Content is
//! non-blank text, images, embedded media and focusable elements that are not hidden.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, ns, Element, NodeData, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "region",
    title: "All page content is inside landmarks",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "Screen reader users move around a page by its landmarks; content outside every landmark is easy to miss when navigating that way.",
    fix: "Put the content in the landmark it belongs to: <header>, <nav>, <main>, <aside>, <footer>, or a <section> with an aria-label.",
    examples: Examples {
        pass: &["<html><head><title>Shop</title></head><body><a href=\"#main\">Skip to content</a><header>Acme</header><main id=\"main\"><h1>Shop</h1></main><footer>© Acme</footer></body></html>"],
        fail: &[
            "<html><head><title>Shop</title></head><body><div class=\"promo\">Free shipping today!</div><main><h1>Shop</h1></main></body></html>",
            "<html><head><title>Shop</title></head><body><p>Hello</p></body></html>",
        ],
        inapplicable: &[
            "<html><head><title>Empty</title></head><body><div> </div></body></html>",
            "<p>A fragment is not a page</p>",
        ],
    },
};

enum Reason {
    Landmark(&'static str),
    Outside,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Landmark(role) => Evaluation::passed(format!("This content is inside a {role} landmark.")),
            Reason::Outside => Evaluation::failed(
                "This content is not inside any landmark: people who navigate by landmarks can miss it.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "This content is outside landmarks, but stylesheets that could not be loaded may hide it.",
            ),
        }
    }
}

/// Whether an element is content in itself (not through its text).
fn is_content_element(cx: &Context, id: NodeId, el: &Element) -> bool {
    if cx.tree.is_focusable(id) {
        return true;
    }
    let embedded = common::is_html(el)
        && matches!(
            el.name,
            local_name!("img")
                | local_name!("iframe")
                | local_name!("video")
                | local_name!("audio")
                | local_name!("canvas")
                | local_name!("object")
                | local_name!("embed")
                | local_name!("input")
                | local_name!("select")
                | local_name!("textarea")
                | local_name!("button")
        );
    let role = common::semantic_role(cx, id);
    (embedded && role != Some("none") && !common::is_input_type(el, "hidden"))
        || (el.is_svg() && el.name == local_name!("svg") && role != Some("none"))
        || role == Some("img")
}

/// A same-page link whose target exists: skip links may precede every landmark.
fn is_skip_link(cx: &Context, el: &Element) -> bool {
    el.ns == ns!(html)
        && el.name == local_name!("a")
        && el.attr(&local_name!("href")).and_then(|h| h.strip_prefix('#')).is_some_and(|frag| {
            !frag.is_empty() && cx.snap.by_id(frag).is_some()
        })
}

/// The top-most elements with content outside landmarks, and the top-level landmarks.
fn targets(cx: &Context) -> Vec<NodeId> {
    let Some(body) = cx.snap.body() else { return Vec::new() };
    let n = cx.snap.len();
    let (mut content, mut landmark) = (vec![false; n], vec![false; n]);
    let order: Vec<NodeId> = cx.snap.descendants(body).collect();
    // Bottom-up: whether each subtree holds content, and whether it holds a landmark.
    for &id in order.iter().rev() {
        let i = id.index();
        match &cx.snap.node(id).data {
            // Only the parent reads a text node's flag: once a later sibling gave the parent
            // content, the text (a cache miss at 200k elements) needn't be read.
            NodeData::Text(t) if !cx.snap.parent(id).is_some_and(|p| content[p.index()]) => {
                content[i] |= cx.snap.parent_element(id).is_some_and(|p| common::is_included(cx, p)) && !t.trim().is_empty();
            }
            NodeData::Element(el) => {
                let included = common::is_included(cx, id);
                if is_skip_link(cx, el) {
                    content[i] = false;
                } else if !content[i] {
                    // (Already true when a descendant holds content: no need to look.)
                    content[i] = included && is_content_element(cx, id, el);
                }
                landmark[i] = landmark[i] || (included && common::is_landmark(cx, id));
            }
            _ => {}
        }
        if let Some(p) = cx.snap.parent(id) {
            let (c, l) = (content[i], landmark[i]);
            if let (Some(pc), Some(pl)) = (content.get_mut(p.index()), landmark.get_mut(p.index())) {
                *pc |= c;
                *pl |= l;
            }
        }
    }
    // Top-down: report the first element of each subtree that holds content but no landmark.
    let mut out = Vec::new();
    let direct_text = |id: NodeId| {
        cx.snap.children(id).any(|c| cx.snap.text(c).is_some_and(|t| !t.trim().is_empty()))
    };
    if common::is_included(cx, body) && direct_text(body) {
        out.push(body);
    }
    let mut walk = cx.snap.descendants(body);
    while let Some(id) = walk.next() {
        if cx.snap.element(id).is_none() {
            continue;
        }
        let i = id.index();
        if !common::is_included(cx, id) || !content[i] {
            walk.skip_subtree_of(id);
        } else if common::is_landmark(cx, id) || !landmark[i] {
            // A landmark (passes), or the top of content holding no landmark (fails).
            out.push(id);
            walk.skip_subtree_of(id);
        } else if direct_text(id) {
            // A wrapper of landmarks that also holds loose text of its own.
            out.push(id);
        }
    }
    out
}

/// The rule.
pub struct Region;

impl Rule for Region {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        targets(cx)
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let reason = match cx.tree.role(target).filter(|r| common::LANDMARK_ROLES.contains(r)) {
            // Passes left out of the report need no wording.
            Some(_) if common::passes_unreported(cx) => return Evaluation::passed(String::new()),
            Some(role) => Reason::Landmark(role),
            None if !cx.styles.complete() => Reason::StylesMissing,
            None => Reason::Outside,
        };
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

    fn page(body: &str) -> String {
        format!("<html><head><title>t</title></head><body>{body}</body></html>")
    }

    #[test]
    fn reports_the_top_most_offender_once() {
        let out = outcomes("region", &page("<div id=\"w\"><div><p>One</p><p>Two</p></div></div><main>M</main>"));
        let failed: Vec<&str> = out.iter().filter(|o| o.0 == Outcome::Failed).map(|o| o.1.as_str()).collect();
        assert_eq!(failed, vec!["#w"], "{out:?}");
    }

    #[test]
    fn wrappers_of_landmarks_are_entered_and_hidden_content_ignored() {
        let out = outcomes("region", &page("<div class=\"app\"><header>H</header><main>M</main></div><div hidden>old</div><script>x=1</script>"));
        assert!(out.iter().all(|o| o.0 == Outcome::Passed), "{out:?}");
        assert_eq!(out.len(), 2);
        let out = outcomes("region", &page("Loose text<main>M</main>"));
        assert!(out.iter().any(|o| o.0 == Outcome::Failed && o.1 == "html > body"), "{out:?}");
    }

    #[test]
    fn a_skip_link_to_a_missing_target_is_content() {
        let out = outcomes("region", &page("<a href=\"#nowhere\">Skip</a><main>M</main>"));
        assert!(out.iter().any(|o| o.0 == Outcome::Failed), "{out:?}");
    }
}
