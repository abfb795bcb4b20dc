//! `audio-text-alternative`: audio people can play has a text alternative, a transcript or is
//! itself the alternative to text on the page (ACT e7aa44, WCAG 1.2.1; with its inputs 2eb176,
//! transcript, and afb423, media alternative for text). Whether the text really says what the
//! audio says needs a person listening, so every playable `<audio>` is `cantTell`, with what we
//! found around it (a link or text mentioning a transcript) in the message.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "audio-text-alternative",
    title: "Audio has a text alternative",
    wcag: &["1.2.1"],
    act: &["e7aa44", "2eb176", "afb423"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Deaf and hard-of-hearing people can't hear recorded audio; a transcript (or the same content as text on the page) is their only way to get it.",
    fix: "Provide a transcript next to the audio (on the page or linked, e.g. <a href=\"speech.html\">Transcript</a>), or label the audio as an alternative to text already on the page.",
    examples: Examples {
        pass: &[],
        fail: &[],
        inapplicable: &[
            "<audio src=\"speech.mp3\"></audio>",
            "<audio src=\"speech.mp3\" controls style=\"display: none\"></audio>",
        ],
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
                "The page mentions a transcript: check that it says everything the audio says.",
            ),
            Reason::Unknown => Evaluation::cant_tell(
                "Check that this audio has a transcript, or is labelled as an alternative to text on the page that says the same.",
            ),
        }
    }
}

/// The rule.
pub struct AudioTextAlternative;

impl Rule for AudioTextAlternative {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("audio"))
            .filter(|(id, el)| {
                // Playable: it plays by itself (even unrendered: audio without controls has no
                // box), or shows a play button (native controls).
                let controls = el.has_attr(&local_name!("controls")) && cx.tree.is_visible(*id) && common::is_included(cx, *id);
                el.has_attr(&local_name!("autoplay")) || controls
            })
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
    fn playable_audio_is_cant_tell() {
        for html in ["<audio src=\"a.mp3\" controls></audio>", "<audio src=\"a.mp3\" autoplay></audio><a href=\"t.html\">Transcript</a>"] {
            let out = outcomes("audio-text-alternative", html);
            assert_eq!(out.first().map(|o| o.0), Some(Outcome::CantTell), "{html}: {out:?}");
        }
    }
}
