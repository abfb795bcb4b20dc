//! `object-alt`: every `<object>` that embeds an image, audio or video, has no explicit role
//! and is in the accessibility tree has a non-empty accessible name (ACT 8fc3b6, WCAG 1.1.1).
//!
//! The MIME type comes from the `type` attribute, else from the extension of the `data` URL
//! (resources are not fetched). When neither tells, the verdict is `cantTell`.

use super::common::{self, NameCheck};
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, Element, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "object-alt",
    title: "Objects embedding images, audio or video have an accessible name",
    wcag: &["1.1.1"],
    act: &["8fc3b6"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Static,
    help: "An <object> showing an image or playing media needs a text alternative; fallback content inside it is not used when the resource loads.",
    fix: "Name the object with aria-label, aria-labelledby or title, e.g. <object data=\"talk.mp3\" title=\"Moon speech\"></object>.",
    examples: examples! {
        pass: &[
            "<object aria-label=\"Moon speech\" data=\"moon.mp3\"></object>",
            "<object title=\"Rabbit short\" data=\"rabbit.mp4\"></object>",
        ],
        fail: &[
            "<object data=\"moon.mp3\"></object>",
            "<object title=\"\" data=\"rabbit.mp4\"></object>",
            "<object data=\"logo.png\"><img src=\"logo.png\" alt=\"W3C logo\"></object>",
        ],
        inapplicable: &[
            "<object role=\"img\" title=\"W3C\" data=\"logo.png\"></object>",
            "<object data=\"logo.png\" aria-hidden=\"true\"></object>",
            "<object title=\"My University\" data=\"index.html\"></object>",
        ],
    },
};

/// What an object embeds, as far as the markup tells.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Embeds {
    /// Image, audio or video: the rule applies.
    Media,
    /// Something else (a page, a PDF...).
    Other,
    /// No type attribute and no known file extension.
    Unknown,
}

fn media_kind(mime: &str) -> Embeds {
    let mime = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if mime.starts_with("image/") || mime.starts_with("audio/") || mime.starts_with("video/") || mime == "application/ogg" {
        Embeds::Media
    } else if mime.is_empty() {
        Embeds::Unknown
    } else {
        Embeds::Other
    }
}

fn extension_kind(url: &str) -> Embeds {
    const MEDIA: &[&str] = &[
        "apng", "avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "tif", "tiff", "webp", "aac", "flac",
        "m4a", "mid", "midi", "mp3", "oga", "ogg", "opus", "wav", "weba", "3gp", "avi", "m4v", "mkv", "mov",
        "mp4", "mpeg", "mpg", "ogv", "webm",
    ];
    const OTHER: &[&str] = &["htm", "html", "xhtml", "php", "asp", "aspx", "jsp", "pdf", "swf", "txt", "xml", "json"];
    if let Some(rest) = url.trim().strip_prefix("data:") {
        return media_kind(rest.split([',', ';']).next().unwrap_or(""));
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let file = path.rsplit('/').next().unwrap_or("");
    let Some((_, ext)) = file.rsplit_once('.') else { return Embeds::Unknown };
    let ext = ext.to_ascii_lowercase();
    if MEDIA.contains(&ext.as_str()) {
        Embeds::Media
    } else if OTHER.contains(&ext.as_str()) {
        Embeds::Other
    } else {
        Embeds::Unknown
    }
}

/// What `el` embeds: the `type` attribute wins, then the `data` URL's extension.
fn embeds(el: &Element) -> Embeds {
    match el.attr(&local_name!("type")).map(media_kind) {
        Some(Embeds::Unknown) | None => el.attr(&local_name!("data")).map_or(Embeds::Unknown, extension_kind),
        Some(kind) => kind,
    }
}

enum Reason {
    Named(String),
    Unnamed,
    UnknownType,
    StylesMissing,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Named(name) => Evaluation::passed(format!("The object is named {}.", common::quote(&name))),
            Reason::Unnamed => Evaluation::failed(
                "This <object> embeds an image, audio or video but has no accessible name; fallback content inside it doesn't count.",
            ),
            Reason::UnknownType => Evaluation::cant_tell(
                "This <object> has no accessible name, and its type can't be told from the markup: if it embeds an image, audio or video, it needs one.",
            ),
            Reason::StylesMissing => Evaluation::cant_tell(
                "Whether this object has a name depends on stylesheets that could not be loaded (they may hide it).",
            ),
        }
    }
}

/// The rule.
pub struct ObjectAlt;

impl Rule for ObjectAlt {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("object"))
            .filter(|(id, el)| {
                common::explicit_role(el).is_none()
                    && embeds(el) != Embeds::Other
                    && common::is_included(cx, *id)
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let kind = cx.snap.element(target).map_or(Embeds::Unknown, embeds);
        let check = common::check_name(cx, target);
        let data = check.data();
        let reason = match check {
            NameCheck::Named { name, .. } => Reason::Named(name),
            NameCheck::Empty if kind == Embeds::Unknown => Reason::UnknownType,
            NameCheck::Empty => Reason::Unnamed,
            NameCheck::StylesMissing { .. } => Reason::StylesMissing,
        };
        reason.evaluation().with_data(data)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_examples, outcomes};
    use super::{embeds, Embeds};
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn type_attribute_wins_over_extension() {
        let first = |html: &str| outcomes("object-alt", html).first().map(|o| o.0);
        assert_eq!(first("<object type=\"image/png\" data=\"/img?id=3\"></object>"), Some(Outcome::Failed));
        assert_eq!(first("<object type=\"text/html\" data=\"a.png\"></object>"), None);
        assert_eq!(first("<object data=\"/media?id=3\"></object>"), Some(Outcome::CantTell));
        assert_eq!(first("<object data=\"/invalid/url/index.html\"><img src=\"a.png\" alt=\"A\"></object>"), None);
        assert_eq!(first("<object data=\"Clip.MP4?v=2#t=3\"></object>"), Some(Outcome::Failed));
        assert_eq!(first("<object data=\"data:image/png;base64,AAAA\"></object>"), Some(Outcome::Failed));
    }

    #[test]
    fn explicit_role_makes_it_inapplicable() {
        assert!(outcomes("object-alt", "<object type=\"image/png\" role=\"presentation\" data=\"a.png\"></object>").is_empty());
        let snap = crate::dom::parse::parse_html("<object data=\"a.gif\"></object>", crate::DocumentKind::Html);
        let el = snap.descendants(crate::dom::NodeId::DOCUMENT).find_map(|n| snap.element(n).filter(|e| e.is_html_str("object")).cloned());
        assert!(el.is_some_and(|e| embeds(&e) == Embeds::Media));
    }
}
