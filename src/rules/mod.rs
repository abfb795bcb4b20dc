//! The rule framework: [`RuleMeta`] (metadata, docs and examples), the [`Rule`] trait
//! (applicability + evaluation, after Alfa), and the registry [`ALL`].
//!
//! One rule per file, always in the same order: module doc, `META`, a typed reason enum that
//! owns the wording, the `Rule` impl, then tests. Rules read only the accessibility tree and
//! the snapshot through shared predicates in `crate::a11y`.

/// `examples! { pass: &[..], fail: &[..], inapplicable: &[..] }` builds a rule's [`Examples`].
/// They are documentation and test input only, so a wasm build (not under test) keeps them out
/// of the binary: empty lists there save ~16 KB.
#[cfg(any(test, not(target_arch = "wasm32")))]
macro_rules! examples {
    ($($field:tt)*) => {
        Examples { $($field)* }
    };
}
#[cfg(not(any(test, not(target_arch = "wasm32"))))]
macro_rules! examples {
    ($($field:tt)*) => {
        Examples { pass: &[], fail: &[], inapplicable: &[] }
    };
}

pub(crate) mod common;
pub(crate) mod table;
pub(crate) mod wcag;
#[cfg(test)]
pub(crate) mod testing;

mod button_name;
mod form_field_name;
mod heading_not_empty;
mod iframe_title;
mod image_alt;
mod input_image_alt;
mod link_name;
mod menuitem_name;
mod object_alt;
mod page_has_title;
mod summary_name;
mod svg_img_alt;
mod html_has_lang;
mod html_lang_valid;
mod element_lang_valid;
mod aria_hidden_focus;
mod presentational_children_focus;
mod decorative_not_exposed;
mod tabindex_positive;
mod iframe_negative_tabindex;
mod control_not_keyboard_reachable;
mod label_for_invalid;
mod multiple_labels;
mod placeholder_only_name;
mod text_contrast;
mod text_contrast_enhanced;
mod aria_role_valid;
mod aria_attr_defined;
mod aria_valid_attr_value;
mod aria_allowed_attr;
mod aria_required_attr;
mod aria_required_parent;
mod aria_required_children;
mod aria_prohibited_attr;
mod aria_roledescription;
mod letter_spacing_important;
mod word_spacing_important;
mod line_height_important;
mod autocomplete_valid;
mod meta_viewport_zoom;
mod meta_refresh;
mod meta_refresh_no_exception;
mod td_headers_attr;
mod scrollable_region_focusable;
mod orientation_not_locked;
mod th_has_data_cells;
mod label_in_name;
mod iframe_identical_names;
mod link_identical_names;
mod link_identical_names_context;
mod html_lang_matches_content;
mod element_lang_matches_content;
mod bypass_blocks;
mod zoomed_text_not_clipped;
mod bypass_landmark;
mod bypass_heading;
mod bypass_skip_link;
mod audio_text_alternative;
mod video_transcript;
mod media_autoplay_audio;
mod link_in_text_block;
mod table_headers;
mod aria_describedby_target;
mod accesskeys;
mod skip_link;
mod frame_title_unique;
mod blink;
mod marquee;
mod nested_interactive;
mod duplicate_id_aria;
mod duplicate_id;
mod dlitem;
mod definition_list;
mod listitem;
mod list;
mod region;
mod heading_order;
mod page_has_heading_one;
mod landmark_unique;
mod landmark_no_duplicate_contentinfo;
mod landmark_no_duplicate_banner;
mod landmark_one_main;

use std::borrow::Cow;

use serde::Serialize;

use crate::a11y::Tree;
use crate::dom::{NodeId, Snapshot};
use crate::options::Options;
use crate::style::Styles;

/// How serious a failure is for the people it affects (axe-core's scale).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// minor
    Minor,
    /// moderate
    Moderate,
    /// serious
    Serious,
    /// critical
    Critical,
}

/// What a rule needs to reach a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Needs {
    /// The static snapshot is enough.
    Static,
    /// Some verdicts need a renderer (layout, images, script): `cantTell` without one.
    Renderer,
}

/// Example snippets: documentation, and tests run by `rules::testing`.
#[derive(Debug)]
pub struct Examples {
    /// Each must give no failure.
    pub pass: &'static [&'static str],
    /// Each must give at least one failure.
    pub fail: &'static [&'static str],
    /// Each must give no target at all.
    pub inapplicable: &'static [&'static str],
}

/// Everything about a rule except its logic.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, never reused.
    pub id: &'static str,
    /// One-line title stating the requirement.
    pub title: &'static str,
    /// WCAG success criteria, e.g. `["1.1.1"]` (empty for best practice).
    pub wcag: &'static [&'static str],
    /// ACT rule ids implemented.
    pub act: &'static [&'static str],
    /// Impact of a failure.
    pub impact: Impact,
    /// Best practice rather than a WCAG requirement.
    pub best_practice: bool,
    /// Whether a renderer is needed for some verdicts.
    pub needs: Needs,
    /// Why it matters, one or two sentences.
    pub help: &'static str,
    /// How to fix a failure.
    pub fix: &'static str,
    /// Examples.
    pub examples: Examples,
}

impl RuleMeta {
    /// Tags derived from the criteria (`wcag2a` ...) plus `best-practice`.
    pub fn tags(&self) -> Vec<&'static str> {
        let mut tags: Vec<&'static str> = self.wcag.iter().filter_map(|sc| wcag::tag_for(sc)).collect();
        if self.best_practice {
            tags.push("best-practice");
        }
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// Documentation URL: the rule's page generated into `docs/rules/<id>.md` (tests/docs.rs).
    pub fn help_url(&self) -> String {
        // Not format!(): every finding carries one.
        [RULE_DOCS_URL, self.id, ".md"].concat()
    }

    /// The WCAG success criteria with their level, name and Understanding document.
    pub fn criteria(&self) -> Vec<Criterion> {
        self.wcag
            .iter()
            .filter_map(|sc| {
                let (level, _, name) = wcag::criterion(sc)?;
                Some(Criterion {
                    id: sc,
                    level: match level {
                        wcag::Level::A => "A",
                        wcag::Level::AA => "AA",
                        wcag::Level::AAA => "AAA",
                    },
                    name,
                    understanding_url: format!("https://www.w3.org/WAI/WCAG22/Understanding/{}", understanding_slug(name)),
                })
            })
            .collect()
    }
}

/// Where the rule documentation pages live: the repository's `docs/rules/` folder. Every
/// finding's `helpUrl` is this plus `<id>.md`.
pub const RULE_DOCS_URL: &str = "https://github.com/curbcut/curbcut/blob/main/docs/rules/";

/// A WCAG success criterion a rule maps to.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    /// Number, e.g. `1.4.3`.
    pub id: &'static str,
    /// Conformance level: `A`, `AA` or `AAA`.
    pub level: &'static str,
    /// Short name, e.g. `Contrast (Minimum)`.
    pub name: &'static str,
    /// The W3C "Understanding" document of the criterion.
    pub understanding_url: String,
}

/// The Understanding document's slug of a criterion name: lower case, words joined by `-`,
/// punctuation dropped ("Name, Role, Value" → `name-role-value`).
fn understanding_slug(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { ' ' }).collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join("-")
}

/// Verdict for one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Meets the rule.
    Passed,
    /// Fails the rule.
    Failed,
    /// Can't be decided without a person or a renderer.
    CantTell,
}

/// A rule's verdict on one target, with its wording and structured data.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// The verdict.
    pub outcome: Outcome,
    /// What was found, for people (mostly fixed text, which needs no allocation: about 1,800
    /// per check of the bench's 1k page).
    pub message: Cow<'static, str>,
    /// Structured data (colours, ratio, order, ...).
    pub data: serde_json::Value,
}

impl Evaluation {
    /// A pass.
    pub fn passed(message: impl Into<Cow<'static, str>>) -> Evaluation {
        Evaluation { outcome: Outcome::Passed, message: message.into(), data: serde_json::Value::Null }
    }
    /// A failure.
    pub fn failed(message: impl Into<Cow<'static, str>>) -> Evaluation {
        Evaluation { outcome: Outcome::Failed, message: message.into(), data: serde_json::Value::Null }
    }
    /// Can't tell.
    pub fn cant_tell(message: impl Into<Cow<'static, str>>) -> Evaluation {
        Evaluation { outcome: Outcome::CantTell, message: message.into(), data: serde_json::Value::Null }
    }
    /// Attach structured data.
    pub fn with_data(mut self, data: serde_json::Value) -> Evaluation {
        self.data = data;
        self
    }
}

/// What rules see of the page.
pub struct Context<'a> {
    /// The document.
    pub snap: &'a Snapshot,
    /// Computed styles (also reachable through `tree`).
    pub styles: &'a Styles,
    /// The accessibility tree.
    pub tree: &'a Tree<'a>,
    /// Options of this check.
    pub options: &'a Options,
}

/// A rule: which targets it applies to, and the verdict on each.
pub trait Rule: Sync {
    /// Metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Targets in tree order. Empty: the rule is inapplicable.
    fn applicable(&self, cx: &Context) -> Vec<NodeId>;
    /// Verdict on one target returned by `applicable`.
    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation;
}

/// Every rule, in report order.
pub static ALL: &[&dyn Rule] = &[
    &page_has_title::PageHasTitle,
    &button_name::ButtonName,
    &link_name::LinkName,
    &image_alt::ImageAlt,
    &input_image_alt::InputImageAlt,
    &form_field_name::FormFieldName,
    &svg_img_alt::SvgImgAlt,
    &summary_name::SummaryName,
    &menuitem_name::MenuitemName,
    &heading_not_empty::HeadingNotEmpty,
    &iframe_title::IframeTitle,
    &object_alt::ObjectAlt,
    &html_has_lang::HtmlHasLang,
    &html_lang_valid::HtmlLangValid,
    &element_lang_valid::ElementLangValid,
    &aria_hidden_focus::AriaHiddenFocus,
    &presentational_children_focus::PresentationalChildrenFocus,
    &decorative_not_exposed::DecorativeNotExposed,
    &tabindex_positive::TabindexPositive,
    &iframe_negative_tabindex::IframeNegativeTabindex,
    &control_not_keyboard_reachable::ControlNotKeyboardReachable,
    &label_for_invalid::LabelForInvalid,
    &multiple_labels::MultipleLabels,
    &placeholder_only_name::PlaceholderOnlyName,
    &text_contrast::TextContrast,
    &text_contrast_enhanced::TextContrastEnhanced,
    &aria_role_valid::AriaRoleValid,
    &aria_attr_defined::AriaAttrDefined,
    &aria_valid_attr_value::AriaValidAttrValue,
    &aria_allowed_attr::AriaAllowedAttr,
    &aria_required_attr::AriaRequiredAttr,
    &aria_required_parent::AriaRequiredParent,
    &aria_required_children::AriaRequiredChildren,
    &aria_prohibited_attr::AriaProhibitedAttr,
    &aria_roledescription::AriaRoledescription,
    &letter_spacing_important::LetterSpacingImportant,
    &word_spacing_important::WordSpacingImportant,
    &line_height_important::LineHeightImportant,
    &autocomplete_valid::AutocompleteValid,
    &meta_viewport_zoom::MetaViewportZoom,
    &meta_refresh::MetaRefresh,
    &meta_refresh_no_exception::MetaRefreshNoException,
    &td_headers_attr::TdHeadersAttr,
    &scrollable_region_focusable::ScrollableRegionFocusable,
    &orientation_not_locked::OrientationNotLocked,
    &th_has_data_cells::ThHasDataCells,
    &label_in_name::LabelInName,
    &iframe_identical_names::IframeIdenticalNames,
    &link_identical_names::LinkIdenticalNames,
    &link_identical_names_context::LinkIdenticalNamesContext,
    &html_lang_matches_content::HtmlLangMatchesContent,
    &element_lang_matches_content::ElementLangMatchesContent,
    &bypass_blocks::BypassBlocks,
    &zoomed_text_not_clipped::ZoomedTextNotClipped,
    &bypass_landmark::BypassLandmark,
    &bypass_heading::BypassHeading,
    &bypass_skip_link::BypassSkipLink,
    &audio_text_alternative::AudioTextAlternative,
    &video_transcript::VideoTranscript,
    &media_autoplay_audio::MediaAutoplayAudio,
    &link_in_text_block::LinkInTextBlock,
    &table_headers::TableHeaders,
    &aria_describedby_target::AriaDescribedbyTarget,
    &accesskeys::Accesskeys,
    &skip_link::SkipLink,
    &frame_title_unique::FrameTitleUnique,
    &blink::Blink,
    &marquee::Marquee,
    &nested_interactive::NestedInteractive,
    &duplicate_id_aria::DuplicateIdAria,
    &duplicate_id::DuplicateId,
    &dlitem::Dlitem,
    &definition_list::DefinitionList,
    &listitem::Listitem,
    &list::List,
    &region::Region,
    &heading_order::HeadingOrder,
    &page_has_heading_one::PageHasHeadingOne,
    &landmark_unique::LandmarkUnique,
    &landmark_no_duplicate_contentinfo::LandmarkNoDuplicateContentinfo,
    &landmark_no_duplicate_banner::LandmarkNoDuplicateBanner,
    &landmark_one_main::LandmarkOneMain,
];

/// Look up a rule by id.
pub fn by_id(id: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.meta().id == id)
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn ids_unique_and_metadata_complete() {
        let mut seen = std::collections::HashSet::new();
        for r in ALL {
            let m = r.meta();
            assert!(seen.insert(m.id), "duplicate rule id {}", m.id);
            assert!(!m.help.is_empty() && !m.fix.is_empty(), "{} needs help and fix", m.id);
            // A rule whose failures all need a person or a renderer only says cantTell statically.
            assert!(
                !m.examples.fail.is_empty() || m.needs == Needs::Renderer,
                "{} needs a fail example",
                m.id
            );
            assert!(m.best_practice || !m.wcag.is_empty(), "{} needs a WCAG criterion or best-practice", m.id);
            for sc in m.wcag {
                assert!(wcag::criterion(sc).is_some(), "{}: unknown criterion {sc}", m.id);
            }
        }
    }

    #[test]
    fn understanding_slugs() {
        assert_eq!(understanding_slug("Name, Role, Value"), "name-role-value");
        assert_eq!(understanding_slug("Contrast (Minimum)"), "contrast-minimum");
        assert_eq!(understanding_slug("Audio-only and Video-only (Prerecorded)"), "audio-only-and-video-only-prerecorded");
        let url = by_id("page-has-title").map(|r| r.meta().help_url());
        assert_eq!(url.as_deref(), Some("https://github.com/curbcut/curbcut/blob/main/docs/rules/page-has-title.md"));
    }

    #[test]
    fn every_rule_file_is_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let registered: Vec<&str> = ALL.iter().map(|r| r.meta().id).collect();
        for entry in std::fs::read_dir(dir).expect("src/rules exists") {
            let name = entry.expect("dir entry").file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".rs") else { continue };
            if ["mod", "wcag", "testing", "common", "table"].contains(&stem) {
                continue;
            }
            let id = stem.replace('_', "-");
            assert!(registered.contains(&id.as_str()), "src/rules/{name} is not in ALL (id {id})");
        }
    }

    #[test]
    fn act_ids_exist_in_the_suite() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/act/testcases.json");
        let text = std::fs::read_to_string(path).expect("tests/act/testcases.json");
        for r in ALL {
            for act in r.meta().act {
                assert!(text.contains(&format!("\"ruleId\": \"{act}\"")) || text.contains(&format!("\"ruleId\":\"{act}\"")),
                    "{}: ACT rule {act} not in the suite", r.meta().id);
            }
        }
    }
}
