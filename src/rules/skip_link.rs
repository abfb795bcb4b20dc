//! `skip-link`: on an HTML page, a same-page link (`href="#x"`) points at something that
//! exists: an element with id `x`, or else an `<a name="x">` (HTML's "indicated part of the
//! document"; the fragment is percent-decoded). `#` alone and `#top` scroll to the top,
//! `#/…` and `#!…` are client-side routes, and links given another role (tabs, buttons) are
//! script hooks: none of these is judged. Best practice, after axe-core's `skip-link`.

use super::{common, Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "skip-link",
    title: "Same-page links point to an existing target",
    wcag: &[],
    act: &[],
    impact: Impact::Moderate,
    best_practice: true,
    needs: Needs::Static,
    help: "A skip link lets keyboard users jump past repeated navigation; when its target doesn't exist, activating it does nothing and they must tab through everything.",
    fix: "Give the element the link should reach the id in the link's href, e.g. <a href=\"#main\">Skip to content</a> … <main id=\"main\">.",
    examples: Examples {
        pass: &["<html><head><title>t</title></head><body><a href=\"#main\">Skip to content</a><main id=\"main\">Hi</main></body></html>"],
        fail: &["<html><head><title>t</title></head><body><a href=\"#content\">Skip to content</a><main id=\"main\">Hi</main></body></html>"],
        inapplicable: &[
            "<html><head><title>t</title></head><body><a href=\"#\">Top</a><a href=\"/about\">About</a></body></html>",
            "<a href=\"#missing\">A fragment is not a page</a>",
        ],
    },
};

enum Reason {
    Found,
    Missing(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Found => Evaluation::passed("The link's target exists on the page."),
            Reason::Missing(frag) => Evaluation::failed(format!(
                "Nothing on the page has id {} (nor <a name>): activating this link moves nowhere.",
                common::quote(&frag)
            ))
            .with_data(serde_json::json!({ "fragment": frag })),
        }
    }
}

/// Percent-decode a fragment (UTF-8; invalid escapes are kept as written).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        match (bytes.get(i), hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (Some(b'%'), Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (Some(b), _, _) => {
                out.push(*b);
                i += 1;
            }
            (None, _, _) => break,
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The fragment of a same-page link worth judging.
fn fragment(cx: &Context, id: NodeId) -> Option<String> {
    let href = cx.snap.element(id)?.attr(&local_name!("href"))?.trim();
    let frag = percent_decode(href.strip_prefix('#')?);
    // `#/path` and `#!path` are client-side routes, not places in the page.
    let route = frag.starts_with('/') || frag.starts_with('!');
    (!frag.is_empty() && !route && !frag.eq_ignore_ascii_case("top")).then_some(frag)
}

/// The rule.
pub struct SkipLink;

impl Rule for SkipLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        if !cx.snap.is_html_page() {
            return Vec::new();
        }
        // Links only: a same-page href on a tab or button is a widget's script hook.
        common::html_with_tag(cx, &local_name!("a"))
            .filter(|(id, _)| {
                common::semantic_role(cx, *id) == Some("link")
                    && fragment(cx, *id).is_some()
                    && common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some(frag) = fragment(cx, target) else { return Reason::Found.evaluation() };
        let named = || {
            cx.tree.memo("skip-link-names", || {
                common::elements(cx)
                    .filter(|(_, el)| el.is_html(&local_name!("a")))
                    .filter_map(|(_, el)| el.attr(&local_name!("name")).map(str::to_string))
                    .collect::<std::collections::HashSet<String>>()
            })
        };
        if cx.snap.by_id(&frag).is_some() || named().contains(&frag) {
            Reason::Found.evaluation()
        } else {
            Reason::Missing(frag).evaluation()
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
    fn named_anchors_and_encoded_fragments() {
        let page = |body: &str| format!("<html><head><title>t</title></head><body>{body}</body></html>");
        let first = |html: String| outcomes("skip-link", &html).first().map(|o| o.0);
        assert_eq!(first(page("<a href=\"#old\">x</a><a name=\"old\"></a>")), Some(Outcome::Passed));
        assert_eq!(first(page("<a href=\"#caf%C3%A9\">x</a><div id=\"café\"></div>")), Some(Outcome::Passed));
        assert_eq!(first(page("<a href=\"#Main\">x</a><div id=\"main\"></div>")), Some(Outcome::Failed));
        assert_eq!(super::percent_decode("a%2"), "a%2");
        assert!(outcomes("skip-link", &page("<a href=\"#/settings\">x</a><a href=\"#tab\" role=\"tab\">t</a>")).is_empty());
    }
}
