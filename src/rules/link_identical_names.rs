//! `link-identical-names`: links with the same accessible name lead to the same or an
//! equivalent resource (ACT b20e66, WCAG 2.4.9). Links to the same URL pass; whether different
//! URLs (or script-driven links) serve the same purpose needs a person, so those are
//! `cantTell`. `link-identical-names-context` makes the same check within a link context.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{Element, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "link-identical-names",
    title: "Links with identical names have the same purpose",
    wcag: &["2.4.9"],
    act: &["b20e66"],
    impact: Impact::Minor,
    best_practice: false,
    needs: Needs::Renderer,
    help: "People who list links by name (screen readers, voice control) expect links with the same text to go to the same place.",
    fix: "Make each link's text say where it leads (\"Contact sales\", \"Contact support\"), or point links with the same text to the same page.",
    examples: Examples {
        pass: &["<a href=\"/contact\">Contact us</a><a href=\"/contact\">Contact us</a>"],
        fail: &[],
        inapplicable: &[
            "<a href=\"/contact\">Reach out</a><a href=\"/contact\">Contact us</a>",
            "<a>Link text</a><area aria-label=\"Link text\">",
        ],
    },
};

/// Links: inheriting role `link`, HTML or SVG.
pub(crate) fn is_link(cx: &Context, id: NodeId, el: &Element) -> bool {
    (common::is_html(el) || el.is_svg()) && common::has_inheriting_role(cx, id, "link")
}

/// Where a link leads: `href` (or SVG `xlink:href`) as written.
fn destination(el: &Element) -> Option<&str> {
    common::url_attr(el, "href").or_else(|| common::url_attr(el, "xlink:href"))
}

/// Passed when every link of the set has the same destination, else cantTell.
pub(crate) fn judge(cx: &Context, target: NodeId, set: &[NodeId]) -> Evaluation {
    let name = cx.tree.name(target).trim().to_string();
    let dest = |id: NodeId| cx.snap.element(id).and_then(destination);
    let first = dest(target);
    if first.is_some() && set.iter().all(|m| dest(*m) == first) {
        Reason::Same(name).evaluation()
    } else {
        Reason::Different(name).evaluation()
    }
}

enum Reason {
    Same(String),
    Different(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Same(name) => Evaluation::passed(format!("Every link named {} goes to the same URL.", common::quote(&name))),
            Reason::Different(name) => Evaluation::cant_tell(format!(
                "Several links are named {} but lead to different places (or are driven by script): check that they serve the same purpose, or name them apart.",
                common::quote(&name)
            )),
        }
    }
}

/// The rule.
pub struct LinkIdenticalNames;

impl Rule for LinkIdenticalNames {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::identical_name_targets(cx, META.id, |id, el| is_link(cx, id, el), |_| 0)
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let set = common::identical_name_set_of(cx, META.id, target, |id, el| is_link(cx, id, el), |_| 0);
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
    fn different_destinations_are_cant_tell() {
        let out = outcomes(
            "link-identical-names",
            "<a href=\"https://act-rules.github.io/\">ACT rules</a><a href=\"https://www.w3.org/community/act-r/\">ACT rules</a>",
        );
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|o| o.0 == Outcome::CantTell), "{out:?}");
        let svg = outcomes(
            "link-identical-names",
            "<a href=\"https://act-rules.github.io/\">ACT rules</a><svg><a href=\"https://act-rules.github.io/\" aria-label=\"ACT rules\"><circle r=\"5\"/></a></svg>",
        );
        assert!(svg.len() == 2 && svg.iter().all(|o| o.0 == Outcome::Passed), "{svg:?}");
    }
}
