//! `iframe-identical-names`: iframes with the same accessible name embed the same or an
//! equivalent resource (ACT 4b1c6c, WCAG 4.1.2). Iframes that load the same URL pass; whether
//! different URLs are equivalent needs a person (or their content), so those are `cantTell`.
//! Iframes inside `srcdoc` documents are not seen.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "iframe-identical-names",
    title: "Iframes with identical names embed equivalent content",
    wcag: &["4.1.2"],
    act: &["4b1c6c"],
    impact: Impact::Moderate,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Screen reader users pick frames from a list by name; two frames with the same name but different content can't be told apart.",
    fix: "Give each iframe a title that says what it contains, e.g. title=\"Sales chart 2024\" and title=\"Sales chart 2025\".",
    examples: Examples {
        pass: &["<iframe title=\"Contributors\" src=\"a.html\"></iframe><iframe aria-label=\"Contributors\" src=\"a.html\"></iframe>"],
        fail: &[],
        inapplicable: &[
            "<iframe title=\"Contributors\" src=\"a.html\"></iframe>",
            "<iframe title=\"Repository 1\" src=\"a.html\"></iframe><iframe title=\"Repository 2\" src=\"b.html\"></iframe>",
            "<iframe aria-hidden=\"true\" title=\"Contributors\" src=\"a.html\"></iframe><iframe title=\"Contributors\" src=\"b.html\"></iframe>",
        ],
    },
};

enum Reason {
    Same(String),
    Different(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Same(name) => Evaluation::passed(format!("Every iframe named {} loads the same URL.", common::quote(&name))),
            Reason::Different(name) => Evaluation::cant_tell(format!(
                "Several iframes are named {} but load different URLs: check that they show equivalent content, or give them distinct titles.",
                common::quote(&name)
            )),
        }
    }
}

fn is_target(el: &crate::dom::Element) -> bool {
    el.is_html(&local_name!("iframe"))
}

/// The rule.
pub struct IframeIdenticalNames;

impl Rule for IframeIdenticalNames {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::identical_name_targets(cx, META.id, |_, el| is_target(el), |_| 0)
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let name = cx.tree.name(target).trim().to_string();
        let set = common::identical_name_set_of(cx, META.id, target, |_, el| is_target(el), |_| 0);
        let src = |id: NodeId| cx.snap.element(id).and_then(|el| common::url_attr(el, "src"));
        let first = src(target);
        let same = first.is_some() && set.iter().all(|m| src(*m) == first);
        if same { Reason::Same(name) } else { Reason::Different(name) }.evaluation()
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
    fn different_sources_are_cant_tell() {
        let out = outcomes("iframe-identical-names", "<iframe title=\"X\" src=\"a.html\"></iframe><iframe title=\"x \" src=\"b.html\"></iframe>");
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|o| o.0 == Outcome::CantTell), "{out:?}");
    }
}
