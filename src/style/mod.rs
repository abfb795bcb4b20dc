//! Computed style: only the properties rules read, one [`ComputedStyle`] per element (shared
//! between elements that compute the same from the same inputs, see [`Styles`]).
//!
//! The cascade (`cascade.rs`) runs a user-agent sheet, `<style>` elements, local
//! `<link rel=stylesheet>` files and `style=""` through selector matching, specificity, source
//! order, `!important`, layers, `@media`/`@supports`, inheritance and custom properties.
//! Stylesheets that could not be loaded are listed in [`Styles::missing`]: every verdict that
//! depends on styles must then be `cantTell`. Styles in another viewport (`at_viewport`)
//! reuse the page's styles, restyling only what the viewport change reaches.

mod cascade;
mod color;
mod element;
mod media;
mod props;
mod selector_map;
mod sheet;
mod values;

#[allow(unused_imports)] // for other modules (contrast, live collector)
pub(crate) use color::parse_color;
pub(crate) use element::select_all;
/// A `HashMap` with a fast hash, for maps keyed by short strings.
pub(crate) use selector_map::HashMap as FxHashMap;
pub(crate) mod contrast;

use std::sync::Arc;

use crate::dom::{NodeId, Snapshot};
use crate::options::Options;

/// A colour in sRGB, components 0..=1, alpha 0..=1 (not premultiplied).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Rgba {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
    /// Alpha.
    pub a: f32,
}

impl Rgba {
    /// Fully transparent black.
    pub const TRANSPARENT: Rgba = Rgba { r: 0.0, g: 0.0, b: 0.0, a: 0.0 };
    /// Opaque black.
    pub const BLACK: Rgba = Rgba { r: 0.0, g: 0.0, b: 0.0, a: 1.0 };
    /// Opaque white.
    pub const WHITE: Rgba = Rgba { r: 1.0, g: 1.0, b: 1.0, a: 1.0 };
}

/// `display`, reduced to what rules distinguish.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Display {
    /// `display: none`.
    None,
    /// `display: contents` (no box, children still render).
    Contents,
    /// Inline-level (inline, inline-block, inline-flex, ...).
    #[default]
    Inline,
    /// Block-level or anything else that makes a box.
    Block,
    /// `display: table-*`, `table`.
    Table,
    /// `list-item`.
    ListItem,
}

/// `visibility`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Visibility {
    /// visible
    #[default]
    Visible,
    /// hidden
    Hidden,
    /// collapse
    Collapse,
}

/// `position`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Position {
    /// static
    #[default]
    Static,
    /// relative
    Relative,
    /// absolute
    Absolute,
    /// fixed
    Fixed,
    /// sticky
    Sticky,
}

/// `overflow-x` / `overflow-y`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Overflow {
    /// visible
    #[default]
    Visible,
    /// hidden
    Hidden,
    /// clip
    Clip,
    /// scroll
    Scroll,
    /// auto
    Auto,
}

/// The computed values rules read.
#[derive(Clone, Debug, PartialEq)]
pub struct ComputedStyle {
    /// display
    pub display: Display,
    /// visibility (inherited)
    pub visibility: Visibility,
    /// This element's own opacity (not multiplied with ancestors').
    pub opacity: f32,
    /// color (inherited), with alpha.
    pub color: Rgba,
    /// background-color, with alpha.
    pub background_color: Rgba,
    /// Whether background-image is anything but `none` (url or gradient).
    pub background_image: bool,
    /// font-size in px (inherited).
    pub font_size: f32,
    /// font-weight 1..=1000 (inherited).
    pub font_weight: u16,
    /// position
    pub position: Position,
    /// `clip: rect(...)` as [top, right, bottom, left] in px, when given (`auto` sides: 0 for
    /// top/left, infinity for right/bottom).
    pub clip: Option<[f32; 4]>,
    /// clip-path, as written, when not `none`.
    pub clip_path: Option<Arc<str>>,
    /// overflow-x
    pub overflow_x: Overflow,
    /// overflow-y
    pub overflow_y: Overflow,
    /// width in px, when given in absolute units.
    pub width: Option<f32>,
    /// height in px, when given in absolute units.
    pub height: Option<f32>,
    /// max-width in px, when given in absolute units.
    pub max_width: Option<f32>,
    /// Rotation about the Z axis in degrees from `transform`, when it holds a function that can
    /// rotate (`rotate*`, `matrix*`); `None` for `none` or translations/scales only.
    pub transform_rotation: Option<f32>,
    /// The `rotate` property about the Z axis in degrees; `None` for `none`.
    pub rotate: Option<f32>,
    /// `top` in px, when given in absolute units (off-screen positioning: `top: -9999px`).
    pub top: Option<f32>,
    /// `left` in px, when given in absolute units (off-screen positioning: `left: -9999px`).
    pub left: Option<f32>,
    /// outline-style is not `none` and outline-width > 0.
    pub outline: bool,
    /// box-shadow is not `none`.
    pub box_shadow: bool,
    /// cursor (inherited), as written (`pointer`, `auto`, ...). Shared text: every element's
    /// style holds one, and cloning a `String` per element showed in profiles.
    pub cursor: Arc<str>,
    /// text-indent in px when absolute (used by visually-hidden patterns).
    pub text_indent: f32,
    /// Text generated by `::before { content }`, when it renders.
    pub before: Option<String>,
    /// Text generated by `::after { content }`, when it renders.
    pub after: Option<String>,
    /// letter-spacing in px (inherited; `normal` is 0).
    pub letter_spacing: f32,
    /// word-spacing in px (inherited; `normal` is 0).
    pub word_spacing: f32,
    /// line-height (inherited).
    pub line_height: LineHeight,
    /// Text-spacing properties this element's own `style` attribute declares `!important`.
    pub important_in_style_attr: SpacingFlags,
    /// text-shadow (inherited) is not `none`: the pixels around glyphs are not the background.
    pub text_shadow: bool,
    /// text-decoration-line is not `none` on this element (not inherited: decorations of
    /// ancestors are drawn across descendants, so readers look up the ancestors).
    pub text_decoration: bool,
    /// border-bottom draws a line (a style other than none/hidden).
    pub border_bottom: bool,
}

/// `line-height` as computed: a number stays a factor of the font size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum LineHeight {
    /// `normal` (about 1.2 times the font size, font-dependent).
    #[default]
    Normal,
    /// A unitless factor of the font size.
    Number(f32),
    /// An absolute height in px.
    Px(f32),
}

impl LineHeight {
    /// The line height in px for `font_size` (`normal` taken as 1.2).
    pub fn to_px(self, font_size: f32) -> f32 {
        match self {
            LineHeight::Normal => 1.2 * font_size,
            LineHeight::Number(n) => n * font_size,
            LineHeight::Px(px) => px,
        }
    }
}

/// One flag per text-spacing property (letter-spacing, word-spacing, line-height).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpacingFlags {
    /// letter-spacing
    pub letter_spacing: bool,
    /// word-spacing
    pub word_spacing: bool,
    /// line-height
    pub line_height: bool,
}

impl Default for ComputedStyle {
    /// Initial values (for the root, and for properties that are not inherited).
    fn default() -> Self {
        ComputedStyle {
            display: Display::Inline,
            visibility: Visibility::Visible,
            opacity: 1.0,
            color: Rgba::BLACK,
            background_color: Rgba::TRANSPARENT,
            background_image: false,
            font_size: 16.0,
            font_weight: 400,
            position: Position::Static,
            clip: None,
            clip_path: None,
            overflow_x: Overflow::Visible,
            overflow_y: Overflow::Visible,
            width: None,
            height: None,
            max_width: None,
            transform_rotation: None,
            rotate: None,
            top: None,
            left: None,
            outline: false,
            box_shadow: false,
            cursor: "auto".into(),
            text_indent: 0.0,
            before: None,
            after: None,
            letter_spacing: 0.0,
            word_spacing: 0.0,
            line_height: LineHeight::Normal,
            important_in_style_attr: SpacingFlags::default(),
            text_shadow: false,
            text_decoration: false,
            border_bottom: false,
        }
    }
}

/// A stylesheet that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingResource {
    /// URL as written.
    pub url: String,
    /// URL resolved against the page (or importing sheet): the key a caller supplies the
    /// text under in `Options::stylesheets`.
    pub resolved: String,
    /// Why it was not loaded.
    pub reason: String,
}

/// Computed styles of a whole snapshot.
///
/// Nodes share styles: a text node points at its parent's style, and elements whose cascade
/// inputs are the same (matched rules, `style` attribute, parent style and custom properties)
/// at one style. The 10k bench page has 3,048 distinct styles for 15,381 nodes; one ~200-byte
/// style per node cost cloning, dropping and (at 200k) page faults.
#[derive(Debug)]
pub struct Styles {
    /// The distinct styles nodes point at.
    pub(crate) distinct: Vec<ComputedStyle>,
    /// Per node (indexed by `NodeId`): its style in `distinct`. Non-element nodes have their
    /// parent's style (without generated content).
    pub(crate) of_node: Vec<u32>,
    /// Stylesheets that could not be loaded.
    pub missing: Vec<MissingResource>,
    /// Whether a media query asked for `orientation` (only then can a style depend on it).
    pub orientation_queried: bool,
    /// Whether a media query asked for the viewport's size (`width`, `height`, `aspect-ratio`):
    /// rules that restyle for another viewport skip pages where nothing depends on it.
    pub size_queried: bool,
    /// What computing these styles read of the viewport (see [`at_viewport`]).
    pub(crate) viewport_reads: cascade::ViewportReads,
}

impl Styles {
    /// Computed style of a node.
    #[inline]
    pub fn get(&self, id: NodeId) -> &ComputedStyle {
        &self.distinct[self.of_node[id.index()] as usize]
    }

    /// Whether every stylesheet was loaded: when false, style-dependent verdicts are `cantTell`.
    pub fn complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// Initial styles for `len` nodes, each its own (tests set them one by one with `get_mut`).
    #[cfg(test)]
    pub(crate) fn unshared(len: usize) -> Styles {
        Styles {
            distinct: vec![ComputedStyle::default(); len],
            of_node: (0..len as u32).collect(),
            missing: Vec::new(),
            orientation_queried: false,
            size_queried: false,
            viewport_reads: Default::default(),
        }
    }

    /// The style of a node, to change (it is shared with every node pointing at it).
    #[cfg(test)]
    pub(crate) fn get_mut(&mut self, id: NodeId) -> &mut ComputedStyle {
        &mut self.distinct[self.of_node[id.index()] as usize]
    }

    /// Every node's style, in node order (tests compare two cascades).
    #[cfg(test)]
    pub(crate) fn per_node(&self) -> Vec<&ComputedStyle> {
        self.of_node.iter().map(|&i| &self.distinct[i as usize]).collect()
    }
}

/// Compute styles for every node of `snap`.
pub(crate) fn compute(snap: &Snapshot, options: &Options) -> Styles {
    cascade::compute(snap, options)
}

/// Styles in another viewport than `options` gives, for a page whose styles under `options`
/// are `base` (computed by [`compute`]); `None` when they are the same (the common case,
/// found without a cascade).
pub(crate) fn at_viewport(snap: &Snapshot, options: &Options, base: &Styles, viewport: crate::options::Viewport) -> Option<Styles> {
    cascade::at_viewport(snap, options, base, viewport)
}

/// Styles as they would be in the other orientation (`@media (orientation)` flipped, everything
/// else unchanged).
pub(crate) fn compute_other_orientation(snap: &Snapshot, options: &Options) -> Styles {
    cascade::compute_oriented(snap, options, true)
}

#[cfg(test)]
mod tests;
