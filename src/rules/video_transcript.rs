//! `video-transcript`: a video's audio and visuals are available as a transcript (ACT 1a02b0,
//! WCAG 1.2.8, AAA). Whether a transcript says everything the video shows and says needs a
//! person, so every visible `<video>` is `cantTell`; the message says whether the page links
//! or mentions a transcript.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "video-transcript",
    title: "Videos have a transcript",
    wcag: &["1.2.8"],
    act: &["1a02b0"],
    impact: Impact::Moderate,
    best_practice: false,
    needs: Needs::Renderer,
    help: "A transcript of what a video says and shows serves deafblind people (through a braille display) and anyone who can't watch or hear it.",
    fix: "Publish a transcript covering both the dialogue and what happens on screen, next to the video or linked from it.",
    examples: Examples {
        pass: &[],
        fail: &[],
        inapplicable: &["<video src=\"v.mp4\" controls style=\"display: none\"></video>"],
    },
};

enum Reason {
    TranscriptMentioned,
    Unknown,
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::TranscriptMentioned => Evaluation::cant_tell(
                "The page links or mentions a transcript: check that it covers what the video says and shows.",
            ),
            Reason::Unknown => Evaluation::cant_tell(
                "Check that this video has a transcript covering what it says and shows (none is linked from the page).",
            ),
        }
    }
}

/// The rule.
pub struct VideoTranscript;

impl Rule for VideoTranscript {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("video"))
            .filter(|(id, _)| cx.tree.is_visible(*id) && !common::is_off_screen(cx, *id))
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, _target: NodeId) -> Evaluation {
        let mentions = common::elements(cx).any(|(id, el)| {
            (el.is_html(&local_name!("a")) || el.is_html(&local_name!("button"))) && cx.tree.name(id).to_lowercase().contains("transcript")
        });
        if mentions { Reason::TranscriptMentioned } else { Reason::Unknown }.evaluation()
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
    fn visible_video_is_cant_tell() {
        let out = outcomes("video-transcript", "<video src=\"v.mp4\" controls></video><a href=\"t.html\">Transcript</a>");
        assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{out:?}");
    }
}
