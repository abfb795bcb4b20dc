//! `media-autoplay-audio`: audio or video that starts playing by itself either stops within 3
//! seconds or can be paused or muted (WCAG 1.4.2, after ACT 80f0bf / 4c31df / aaa1bf). The
//! markup decides some cases: `muted` media plays no sound (not a target), native `controls`
//! can pause it, and a media fragment (`#t=8,10`) of 3 seconds or less is short enough.
//! Whether the file has sound at all, how long it lasts, and whether a custom control works
//! needs the media and a person: those are `cantTell`. Not mapped to the ACT rules, whose
//! applicability needs to know whether the file has sound.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, Element, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "media-autoplay-audio",
    title: "Media that plays by itself can be paused or stops within 3 seconds",
    wcag: &["1.4.2"],
    act: &[],
    impact: Impact::Moderate,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Sound that starts by itself talks over screen readers, and people who can't find how to stop it can't use the page.",
    fix: "Don't autoplay sound: add muted, remove autoplay, or at least show controls (<video autoplay controls>) so it can be paused.",
    examples: Examples {
        pass: &[
            "<audio src=\"speech.mp3\" autoplay controls></audio>",
            "<video autoplay><source src=\"video.mp4#t=8,10\" type=\"video/mp4\"></video>",
        ],
        fail: &[],
        inapplicable: &[
            "<video autoplay muted><source src=\"video.mp4\" type=\"video/mp4\"></video>",
            "<audio src=\"speech.mp3\" controls></audio>",
        ],
    },
};

/// The duration of a `#t=start,end` media fragment on a URL, in seconds.
fn fragment_seconds(url: &str) -> Option<f32> {
    let (_, fragment) = url.split_once('#')?;
    let t = fragment.split('&').find_map(|p| p.strip_prefix("t="))?;
    let t = t.strip_prefix("npt:").unwrap_or(t);
    let (start, end) = t.split_once(',')?;
    let secs = |s: &str| -> Option<f32> {
        // Seconds, or [hh:]mm:ss.
        s.split(':').try_fold(0.0f32, |acc, part| part.parse::<f32>().ok().map(|v| acc * 60.0 + v))
    };
    let start = if start.is_empty() { 0.0 } else { secs(start)? };
    Some(secs(end)? - start)
}

/// Every source URL of a media element (`src`, then `<source src>` children).
fn sources(cx: &Context, id: NodeId, el: &Element) -> Vec<String> {
    let mut out: Vec<String> = el.attr(&local_name!("src")).map(str::to_string).into_iter().collect();
    out.extend(cx.snap.element_children(id).filter_map(|c| {
        cx.snap.element(c).filter(|e| e.is_html(&local_name!("source"))).and_then(|e| e.attr(&local_name!("src"))).map(str::to_string)
    }));
    out
}

enum Reason {
    Controls,
    Short(f32),
    Unknown,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Controls => Evaluation::passed("It plays by itself, but its native controls can pause or mute it."),
            Reason::Short(s) => Evaluation::passed(format!("It plays by itself, but only a {s:.1}-second fragment.")),
            Reason::Unknown => Evaluation::cant_tell(
                "This media plays by itself without native controls: if it has sound for more than 3 seconds, check that the page offers a way to pause or mute it.",
            ),
        }
    }
}

/// The rule.
pub struct MediaAutoplayAudio;

impl Rule for MediaAutoplayAudio {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        // Only autoplaying media apply: few elements have the attribute.
        common::with_attr(cx, &local_name!("autoplay"))
            .filter(|(id, el)| {
                (el.is_html(&local_name!("audio")) || el.is_html(&local_name!("video")))
                    && !el.has_attr(&local_name!("muted"))
                    && !sources(cx, *id, el).is_empty()
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let Some(el) = cx.snap.element(target) else { return Reason::Unknown.evaluation() };
        let reason = if el.has_attr(&local_name!("controls")) && cx.tree.is_visible(target) {
            Reason::Controls
        } else {
            let lengths: Vec<Option<f32>> = sources(cx, target, el).iter().map(|s| fragment_seconds(s)).collect();
            let longest = lengths.iter().copied().try_fold(0.0f32, |m, l| l.map(|l| m.max(l)));
            match longest {
                Some(s) if s <= 3.0 && !el.has_attr(&local_name!("loop")) => Reason::Short(s),
                _ => Reason::Unknown,
            }
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_examples, outcomes};
    use super::fragment_seconds;
    use crate::Outcome;

    #[test]
    fn examples() {
        check_examples(&super::META);
    }

    #[test]
    fn fragments_and_unknowns() {
        assert_eq!(fragment_seconds("v.mp4#t=8,10"), Some(2.0));
        assert_eq!(fragment_seconds("v.mp4#t=,2.5"), Some(2.5));
        assert_eq!(fragment_seconds("v.mp4#t=npt:0:10,0:20"), Some(10.0));
        assert_eq!(fragment_seconds("v.mp4#t=8"), None);
        assert_eq!(fragment_seconds("v.mp4"), None);
        let out = outcomes("media-autoplay-audio", "<audio src=\"a.mp3\" autoplay></audio>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
        let looped = outcomes("media-autoplay-audio", "<video autoplay loop src=\"v.mp4#t=0,2\"></video>");
        assert_eq!(looped.first().map(|o| o.0), Some(Outcome::CantTell), "{looped:?}");
    }
}
