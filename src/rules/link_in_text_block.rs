//! `link-in-text-block`: a link inside a block of text can be told from the text around it
//! without relying on colour (WCAG 1.4.1, after axe-core's `link-in-text-block`).
//!
//! Applies to links with text whose nearest block container also holds text outside links.
//! A link passes when computed styles set it apart by more than colour: an underline or other
//! text decoration (on the link, a descendant or an inline ancestor inside the block), a bottom
//! border, a different font weight class, its own background, an outline or a box shadow.
//! Otherwise its colour is compared with the surrounding text's: below 3:1 it fails; at 3:1
//! or more the colour difference may suffice only if hover and focus add a non-colour cue,
//! which a static check can't see, so the verdict is `cantTell`. Unknown colours (background
//! images, positioned ancestors) and missing stylesheets are `cantTell` too.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{NodeData, NodeId};
use crate::style::contrast;
use crate::style::Display;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "link-in-text-block",
    title: "Links in text are distinguishable without colour",
    wcag: &["1.4.1"],
    act: &[],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "People who can't tell colours apart, and many with low vision, can't find a link that differs from the text around it only by colour.",
    fix: "Underline links inside text (the browser default), or set them apart by another visual cue such as a bottom border or bold text; a colour with at least 3:1 contrast to the text also needs a cue on hover and focus.",
    examples: Examples {
        pass: &["<p>Read our <a href=\"/terms\">terms</a> before ordering.</p>"],
        fail: &[
            "<style>a { text-decoration: none; color: #333 }</style><p style=\"color: #000\">Read our <a href=\"/terms\">terms</a> before ordering.</p>",
        ],
        inapplicable: &[
            "<nav><p><a href=\"/\">Home</a></p></nav>",
            "<style>a { display: block }</style><div>Menu <a href=\"/\">Home</a></div>",
        ],
    },
};

enum Reason {
    NotByColourAlone(&'static str),
    ColourOnly { link: String, text: String, ratio: f64 },
    ColourContrast { link: String, text: String, ratio: f64 },
    ColoursUnknown,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::NotByColourAlone(cue) => Evaluation::passed(format!("The link is set apart from the text by {cue}.")),
            Reason::ColourOnly { link, text, ratio } => Evaluation::failed(format!(
                "Only colour sets this link apart, and its colour {link} has a contrast of {ratio:.2}:1 with the surrounding text {text} (3:1 needed): people who don't see the colour difference can't find the link."
            ))
            .with_data(serde_json::json!({ "linkColor": link, "textColor": text, "ratio": round2(ratio) })),
            Reason::ColourContrast { link, text, ratio } => Evaluation::cant_tell(format!(
                "Only colour sets this link apart ({link} against text {text}, {ratio:.2}:1); that is enough only if hovering and focusing it add an underline or another non-colour cue."
            ))
            .with_data(serde_json::json!({ "linkColor": link, "textColor": text, "ratio": round2(ratio) })),
            Reason::ColoursUnknown => Evaluation::cant_tell(
                "The link has no non-colour cue, and its colours can't be computed without a renderer (background image or positioned content).",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this link is set apart from its text depends on stylesheets that could not be loaded.",
            ),
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The nearest ancestor that makes a block box (`display: contents` and inline boxes are
/// looked through).
fn text_block(cx: &Context, link: NodeId) -> Option<NodeId> {
    cx.snap
        .ancestors(link)
        .filter(|a| cx.snap.element(*a).is_some())
        .find(|a| !matches!(cx.tree.style(*a).display, Display::Inline | Display::Contents))
}

/// Whether `block` holds visible text outside links (its own text, not nested blocks').
fn has_text_outside_links(cx: &Context, block: NodeId) -> bool {
    let mut walk = cx.snap.descendants(block);
    while let Some(id) = walk.next() {
        match &cx.snap.node(id).data {
            NodeData::Text(t)
                if !t.trim().is_empty() && cx.snap.parent_element(id).is_some_and(|p| common::is_included(cx, p)) =>
            {
                return true;
            }
            NodeData::Element(_) => {
                let style = cx.tree.style(id);
                let nested_block = !matches!(style.display, Display::Inline | Display::Contents);
                if common::semantic_role(cx, id) == Some("link") || nested_block || !common::is_included(cx, id) {
                    walk.skip_subtree_of(id);
                }
            }
            _ => {}
        }
    }
    false
}

/// A non-colour cue that sets the link apart, if any.
fn non_colour_cue(cx: &Context, link: NodeId, block: NodeId) -> Option<&'static str> {
    let decorated = |id: NodeId| {
        let s = cx.tree.style(id);
        if s.text_decoration {
            Some("a text decoration")
        } else if s.border_bottom {
            Some("a bottom border")
        } else {
            None
        }
    };
    let inside = std::iter::once(link).chain(cx.snap.descendants(link)).filter(|d| cx.snap.element(*d).is_some());
    for id in inside {
        if let Some(cue) = decorated(id) {
            return Some(cue);
        }
    }
    // Decorations of inline ancestors within the block are drawn across the link too.
    for a in cx.snap.ancestors(link).take_while(|a| *a != block) {
        if let Some(cue) = decorated(a) {
            return Some(cue);
        }
    }
    let (ls, bs) = (cx.tree.style(link), cx.tree.style(block));
    if (ls.font_weight >= 600) != (bs.font_weight >= 600) {
        return Some("its font weight");
    }
    if ls.background_image || (ls.background_color.a > 0.0 && ls.background_color != bs.background_color) {
        return Some("its background");
    }
    if ls.outline || ls.box_shadow {
        return Some("an outline or shadow");
    }
    None
}

/// The rule.
pub struct LinkInTextBlock;

impl Rule for LinkInTextBlock {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        let mut blocks: std::collections::HashMap<NodeId, bool> = std::collections::HashMap::new();
        common::elements(cx)
            .filter(|(id, _)| {
                common::semantic_role(cx, *id) == Some("link")
                    && common::is_included(cx, *id)
                    && cx.tree.style(*id).display == Display::Inline
                    // Some non-blank text, found without building the text.
                    && cx.snap.descendants(*id).any(|d| cx.snap.text(d).is_some_and(|t| !t.trim().is_empty()))
            })
            .filter(|(id, _)| {
                text_block(cx, *id).is_some_and(|b| *blocks.entry(b).or_insert_with(|| has_text_outside_links(cx, b)))
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some(block) = text_block(cx, target) else { return Reason::ColoursUnknown.evaluation() };
        if let Some(cue) = non_colour_cue(cx, target, block) {
            return Reason::NotByColourAlone(cue).evaluation();
        }
        if !cx.styles.complete() {
            return Reason::StylesMissing.evaluation();
        }
        let colours = contrast::effective_foreground(cx.tree, target)
            .and_then(|l| contrast::effective_foreground(cx.tree, block).map(|t| (l, t)));
        let reason = match colours {
            Err(_) => Reason::ColoursUnknown,
            Ok((link, text)) => {
                let ratio = contrast::contrast_ratio(link, text);
                let (link, text) = (contrast::to_hex(link), contrast::to_hex(text));
                if ratio < 3.0 {
                    Reason::ColourOnly { link, text, ratio }
                } else {
                    Reason::ColourContrast { link, text, ratio }
                }
            }
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

    fn first(html: &str) -> Option<Outcome> {
        outcomes("link-in-text-block", html).first().map(|o| o.0)
    }

    #[test]
    fn non_colour_cues_pass() {
        let base = "<style>a { text-decoration: none; color: #333 }</style>";
        assert_eq!(first(&format!("{base}<p>Read <a href=\"/\" style=\"border-bottom: 1px solid\">terms</a> now.</p>")), Some(Outcome::Passed));
        assert_eq!(first(&format!("{base}<p>Read <a href=\"/\" style=\"font-weight: bold\">terms</a> now.</p>")), Some(Outcome::Passed));
        assert_eq!(first(&format!("{base}<p>Read <a href=\"/\"><u>terms</u></a> now.</p>")), Some(Outcome::Passed));
        assert_eq!(first(&format!("{base}<p>Read <a href=\"/\" style=\"text-decoration: underline dotted\">terms</a> now.</p>")), Some(Outcome::Passed));
        // A border without a visible style, or a decoration colour alone, is no cue.
        assert_eq!(first(&format!("{base}<p>Read <a href=\"/\" style=\"border-bottom: 1px none\">terms</a> now.</p>")), Some(Outcome::Failed));
        assert_eq!(first(&format!("{base}<p>Read <a href=\"/\" style=\"text-decoration: red\">terms</a> now.</p>")), Some(Outcome::Failed));
    }

    #[test]
    fn colour_only_links() {
        // #0000ee on black text: 2.23:1, fails; a bright link on dark text is a cantTell (hover/focus).
        let html = "<style>a { text-decoration: none }</style><p>Read <a href=\"/\">terms</a> now.</p>";
        assert_eq!(first(html), Some(Outcome::Failed));
        let html = "<style>a { text-decoration: none; color: #e00 } p { color: #000 }</style><p>Read <a href=\"/\">terms</a> now.</p>";
        assert_eq!(first(html), Some(Outcome::CantTell));
        let html = "<style>a { text-decoration-line: none }</style><p style=\"background: url(x.png)\">Read <a href=\"/\">terms</a> now.</p>";
        assert_eq!(first(html), Some(Outcome::CantTell));
    }

    #[test]
    fn links_alone_in_their_block_are_inapplicable() {
        assert!(outcomes("link-in-text-block", "<ul><li><a href=\"/\">Home</a></li><li><a href=\"/b\">B</a></li></ul>").is_empty());
        assert!(outcomes("link-in-text-block", "<p><a href=\"/\">Home</a> <a href=\"/b\">B</a></p>").is_empty());
    }
}
