//! `iframe-negative-tabindex`: an `iframe` whose document has visible content in its Tab order
//! is not taken out of the page's Tab order with a negative `tabindex` (ACT akn7bn, WCAG 2.1.1).
//!
//! The static collector does not load frames. Inline frames (`srcdoc`) are parsed and checked
//! with the same pipeline as the page; for a frame loaded from `src` the content is unknown, so
//! a negative tabindex there is `cantTell`.

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::Tree;
use crate::dom::{local_name, DocumentKind, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "iframe-negative-tabindex",
    title: "Frames with interactive content stay in the Tab order",
    wcag: &["2.1.1"],
    act: &["akn7bn"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "A negative tabindex on an iframe removes everything inside it from the Tab order: its links and controls can't be reached with the keyboard.",
    fix: "Remove the negative tabindex from the iframe (or make the frame's content non-interactive if it really should be skipped).",
    examples: examples! {
        pass: &[
            "<iframe srcdoc=\"<a href='/'>Home</a>\"></iframe>",
            "<iframe tabindex=\"0\" srcdoc=\"<a href='/'>Home</a>\"></iframe>",
        ],
        fail: &["<iframe tabindex=\"-1\" srcdoc=\"<a href='/'>Home</a>\"></iframe>"],
        inapplicable: &[
            "<iframe tabindex=\"-1\" srcdoc=\"<h1>Hello world</h1>\"></iframe>",
            "<iframe tabindex=\"-1\" hidden srcdoc=\"<a href='/'>Home</a>\"></iframe>",
            "<iframe tabindex=\"-1\" width=\"1\" height=\"1\" srcdoc=\"<a href='/'>Home</a>\"></iframe>",
            "<iframe tabindex=\"-1\" srcdoc=\"<a href='/' tabindex='-1'>Home</a>\"></iframe>",
            "<iframe tabindex=\"-1\" inert srcdoc=\"<a href='/'>Home</a>\"></iframe>",
        ],
    },
};

/// What is known of the frame's content.
enum Content {
    /// Inline content with this many visible elements in its Tab order (0: not applicable).
    Inline { focusable: usize, complete: bool },
    /// Loaded from `src`: not available to a static check.
    External(String),
    /// No `src` nor `srcdoc`: an empty `about:blank` document.
    Empty,
}

fn content(cx: &Context, iframe: NodeId) -> Content {
    let Some(el) = cx.snap.element(iframe) else { return Content::Empty };
    if let Some(doc) = el.attr(&local_name!("srcdoc")) {
        let inner = crate::dom::parse::parse_html(doc, DocumentKind::Html);
        let styles = crate::style::compute(&inner, cx.options);
        let tree = Tree::new(&inner, &styles);
        let focusable = tree.tab_order().iter().filter(|n| tree.is_visible(**n)).count();
        return Content::Inline { focusable, complete: styles.complete() };
    }
    match el.attr(&local_name!("src")).map(str::trim) {
        None | Some("") | Some("about:blank") => Content::Empty,
        Some(src) => Content::External(src.to_string()),
    }
}

/// A width or height given in CSS pixels (attribute or computed style), when one is at most
/// 1px: nothing inside can be seen.
fn too_small(cx: &Context, iframe: NodeId) -> bool {
    let Some(el) = cx.snap.element(iframe) else { return false };
    let attr_px = |name: &str| {
        el.attr_str(name).and_then(|v| {
            let v = v.trim_start();
            let digits: String = v.chars().take_while(|c| c.is_ascii_digit()).collect();
            digits.parse::<f32>().ok()
        })
    };
    let style = cx.tree.style(iframe);
    [attr_px("width"), attr_px("height"), style.width, style.height]
        .into_iter()
        .flatten()
        .any(|px| px <= 1.0)
}

enum Reason {
    InOrder { tabindex: Option<i32> },
    Excluded { tabindex: i32, focusable: usize },
    ExternalExcluded { tabindex: i32, src: String },
    StylesMissing { tabindex: i32 },
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::InOrder { tabindex: Some(t) } => Evaluation::passed(format!(
                "tabindex=\"{t}\" keeps the frame's content in the Tab order."
            )),
            Reason::InOrder { tabindex: None } => {
                Evaluation::passed("The frame's content is in the page's Tab order.")
            }
            Reason::Excluded { tabindex, focusable } => Evaluation::failed(format!(
                "tabindex=\"{tabindex}\" removes this frame from the Tab order, so its {focusable} focusable element{} can't be reached with the keyboard.",
                if focusable == 1 { "" } else { "s" }
            ))
            .with_data(serde_json::json!({ "tabindex": tabindex, "focusableInFrame": focusable })),
            Reason::ExternalExcluded { tabindex, src } => Evaluation::cant_tell(format!(
                "tabindex=\"{tabindex}\" removes this frame from the Tab order; its content ({src}) is not loaded by a static check: make sure it has nothing interactive."
            ))
            .with_data(serde_json::json!({ "tabindex": tabindex, "src": src })),
            Reason::StylesMissing { tabindex } => Evaluation::cant_tell(format!(
                "tabindex=\"{tabindex}\" removes this frame from the Tab order; some stylesheets were not loaded, so whether its interactive content is visible is unknown."
            )),
        }
    }
}

/// The rule.
pub struct IframeNegativeTabindex;

impl Rule for IframeNegativeTabindex {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Rendered, non-inert iframes that can show content and whose document has (or may
        // have) visible elements in its Tab order.
        cx.snap.with_tag(&local_name!("iframe"))
            .filter(|n| {
                cx.snap.element(*n).is_some_and(super::common::is_html)
                    && cx.tree.is_rendered(*n)
                    && cx.tree.is_visible(*n)
                    && !cx.tree.is_inert(*n)
                    && !too_small(cx, *n)
                    && match content(cx, *n) {
                        Content::Inline { focusable, .. } => focusable > 0,
                        Content::External(_) => true,
                        Content::Empty => false,
                    }
            })
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let tabindex = cx.tree.tabindex(target);
        let reason = match tabindex {
            Some(t) if t < 0 => match content(cx, target) {
                Content::Inline { complete, .. } if !complete || !cx.styles.complete() => {
                    Reason::StylesMissing { tabindex: t }
                }
                Content::Inline { focusable, .. } => Reason::Excluded { tabindex: t, focusable },
                Content::External(src) => Reason::ExternalExcluded { tabindex: t, src },
                Content::Empty => Reason::InOrder { tabindex },
            },
            _ => Reason::InOrder { tabindex },
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::outcomes;
    use crate::rules::Outcome;

    const ID: &str = "iframe-negative-tabindex";

    fn verdicts(html: &str) -> Vec<Outcome> {
        outcomes(ID, html).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn external_frame_with_negative_tabindex_is_cant_tell() {
        assert_eq!(verdicts("<iframe tabindex=\"-1\" src=\"https://example.com/\"></iframe>"), vec![Outcome::CantTell]);
        assert_eq!(verdicts("<iframe src=\"https://example.com/\"></iframe>"), vec![Outcome::Passed]);
    }

    #[test]
    fn empty_frame_is_not_applicable() {
        assert!(verdicts("<iframe tabindex=\"-1\"></iframe>").is_empty());
        assert!(verdicts("<iframe tabindex=\"-1\" src=\"about:blank\"></iframe>").is_empty());
    }

    #[test]
    fn inert_ancestor_makes_it_inapplicable() {
        assert!(verdicts("<div inert><iframe tabindex=\"-1\" srcdoc=\"<button>b</button>\"></iframe></div>").is_empty());
    }

    #[test]
    fn failure_counts_the_frame_content() {
        let out = outcomes(ID, "<iframe tabindex=\"-2\" srcdoc=\"<a href='/'>a</a><button>b</button>\"></iframe>");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, Outcome::Failed);
        assert!(out[0].2.contains("2 focusable elements"), "{out:?}");
    }
}
