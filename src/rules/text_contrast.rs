//! `text-contrast`: visible text has a contrast ratio of at least 4.5:1 with its background, 3:1
//! when large (ACT afw4f7, WCAG 1.4.3 AA).
//!
//! This file also owns what the enhanced (AAA) rule shares with it: which elements carry text
//! that the contrast rules apply to, and the verdict for a pair of thresholds. The colour math
//! is in `crate::style::contrast`.

use std::collections::{HashMap, HashSet};

use serde_json::json;

use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::a11y::role::is_subclass_of;
use crate::dom::{local_name, ns, Element, NodeId};
use crate::style::contrast::{self, TextColors, Thresholds, Unknown, AA};
use crate::style::FxHashMap;

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "text-contrast",
    title: "Text has minimum contrast with its background",
    wcag: &["1.4.3"],
    act: &["afw4f7"],
    impact: Impact::Serious,
    best_practice: false,
    needs: Needs::Renderer,
    help: "Low-contrast text is hard or impossible to read for people with low vision or colour deficiencies, and for everyone on a phone in sunlight.",
    fix: "Darken the text or lighten its background (or the reverse) until the ratio is at least 4.5:1, or 3:1 for text of 24px, or 18.66px bold, and larger; the finding suggests the nearest passing text colour.",
    examples: examples! {
        pass: &[
            r#"<p style="color: #333; background: #fff">Readable text</p>"#,
            r#"<p style="color: #000; font-size: 18pt; background: #666">Large text needs only 3:1</p>"#,
            r#"<p>Default black on white</p>"#,
        ],
        fail: &[
            r#"<p style="color: #aaa; background: white">Light grey on white</p>"#,
            r#"<div style="background: #fff"><p style="color: #000; opacity: .3">Faded text</p></div>"#,
            r#"<button style="color: #777; background: #eee">Save</button>"#,
        ],
        inapplicable: &[
            r#"<p style="display: none">Not rendered</p>"#,
            r#"<button style="color: #777; background: #eee" disabled>Disabled</button>"#,
            r#"<label style="color: #888; background: white">Name <input disabled></label>"#,
            r#"<p style="color: white; background: white">Same colour as its background</p>"#,
            r#"<svg><text x="0" y="15">SVG text</text></svg>"#,
        ],
    },
};

/// What the contrast rules found on one element.
pub(crate) enum Reason {
    /// Enough contrast.
    Enough(Measure),
    /// Not enough contrast.
    Low(Measure),
    /// Not enough contrast, but the text has no letters or digits: it expresses nothing in
    /// human language (1.4.11 may apply instead).
    NoLanguage(Measure),
    /// Not enough contrast, but the text is a lone character in a control named otherwise
    /// (an icon such as "X" for "Close").
    IconLike(Measure),
    /// A text shadow changes the pixels around the glyphs, for better or worse: only a
    /// renderer can tell.
    Shadow(Measure),
    /// The backdrop can't be known statically.
    Backdrop(Unknown, Partial),
    /// A stylesheet could not be loaded: what the loaded styles give, when the backdrop is known.
    StylesMissing(Partial, Option<Measure>),
}

/// Colours, sizes and the verdict's inputs.
pub(crate) struct Measure {
    colors: contrast::TextColors,
    text_color: crate::style::Rgba,
    ratio: f64,
    required: f64,
    large: bool,
    font_size: f32,
    font_weight: u16,
    level: &'static str,
    sc: &'static str,
    suggestion: Option<crate::style::Rgba>,
}

/// What is known when the colours behind the text are not.
pub(crate) struct Partial {
    text_color: crate::style::Rgba,
    level: &'static str,
    sc: &'static str,
    required: f64,
    large: bool,
    font_size: f32,
    font_weight: u16,
}

impl Measure {
    /// `4.48`: two decimals, never rounded up onto the threshold it fails.
    fn shown_ratio(&self) -> f64 {
        let r = (self.ratio * 100.0).round() / 100.0;
        if self.ratio < self.required && r >= self.required { (self.ratio * 100.0).floor() / 100.0 } else { r }
    }

    fn size_words(&self) -> &'static str {
        if self.large { "large text" } else { "text" }
    }

    /// Alpha the text is drawn with: its colour's alpha times every opacity above it.
    fn alpha(&self) -> f32 {
        self.text_color.a * self.colors.opacity
    }

    /// `#777777 on #ffffff`, or `#000000 at 30% shows as #b3b3b3 on #ffffff`.
    fn pair(&self) -> String {
        let fg = contrast::to_hex(self.colors.foreground);
        let bg = contrast::to_hex(self.colors.background);
        if self.alpha() < 0.995 {
            let solid = contrast::to_hex(crate::style::Rgba { a: 1.0, ..self.text_color });
            format!("{solid} at {:.0}% shows as {fg} on {bg}", self.alpha() * 100.0)
        } else {
            format!("{fg} on {bg}")
        }
    }

    fn data(&self) -> serde_json::Value {
        let suggestion = self.suggestion.map(|s| {
            json!({ "color": contrast::to_hex(s), "ratio": round2(contrast::contrast_ratio(s, self.colors.background)) })
        });
        json!({
            "foreground": contrast::to_hex(self.colors.foreground),
            "background": contrast::to_hex(self.colors.background),
            "color": contrast::to_hex(self.text_color),
            "opacity": round2(f64::from(self.colors.opacity)),
            "ratio": self.shown_ratio(),
            "requiredRatio": self.required,
            "fontSize": round2(f64::from(self.font_size)),
            "fontWeight": self.font_weight,
            "large": self.large,
            "suggestion": suggestion,
        })
    }
}

impl Partial {
    fn data(&self, why: Option<&str>) -> serde_json::Value {
        json!({
            "color": contrast::to_hex(self.text_color),
            "requiredRatio": self.required,
            "fontSize": round2(f64::from(self.font_size)),
            "fontWeight": self.font_weight,
            "large": self.large,
            "unknownBackground": why,
        })
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl Reason {
    /// The wording and data of the verdict.
    pub(crate) fn evaluation(self, cx: &Context) -> Evaluation {
        match self {
            // Passes are dropped from the report unless asked for: don't word them (this rule
            // passes on nearly every text element, and the wording was a fifth of a big check).
            Reason::Enough(_) | Reason::NoLanguage(_) if !cx.options.include_passed => Evaluation::passed(String::new()),
            Reason::Enough(m) => Evaluation::passed(format!(
                "Contrast is {:.2}:1 ({}), at least the {}:1 WCAG {} {} requires for {}.",
                m.shown_ratio(), m.pair(), m.required, m.sc, m.level, m.size_words()
            ))
            .with_data(m.data()),
            Reason::Low(m) => {
                let fix = match m.suggestion {
                    Some(s) => {
                        let (lead, note) = if m.colors.opacity < 0.995 {
                            ("Text shown as", " (an opaque colour, without the opacity)")
                        } else if m.alpha() < 0.995 {
                            ("Text colour", " (opaque)")
                        } else {
                            ("Text colour", "")
                        };
                        let ratio = contrast::contrast_ratio(s, m.colors.background);
                        format!(" {lead} {}{note} would give {ratio:.2}:1.", contrast::to_hex(s))
                    }
                    None => " No text colour of this hue reaches it on this background: change the background.".to_string(),
                };
                Evaluation::failed(format!(
                    "Contrast is {:.2}:1 ({}), below the {}:1 WCAG {} {} requires for {} of {}px{}.{fix}",
                    m.shown_ratio(),
                    m.pair(),
                    m.required,
                    m.sc,
                    m.level,
                    m.size_words(),
                    round2(f64::from(m.font_size)),
                    if m.font_weight >= 700 { " bold" } else { "" },
                ))
                .with_data(m.data())
            }
            Reason::NoLanguage(m) => Evaluation::passed(format!(
                "Contrast is {:.2}:1 ({}), but the text has no letters or digits, so it expresses nothing in human language; check it as a graphic (WCAG 1.4.11) if it conveys meaning.",
                m.shown_ratio(), m.pair()
            ))
            .with_data(m.data()),
            Reason::IconLike(m) => Evaluation::cant_tell(format!(
                "Contrast is {:.2}:1 ({}), below {}:1, but the text is a single character in a control named otherwise: check whether it is an icon (WCAG 1.4.11) or text.",
                m.shown_ratio(), m.pair(), m.required
            ))
            .with_data(m.data()),
            Reason::Shadow(m) => Evaluation::cant_tell(format!(
                "Without its text shadow the contrast would be {:.2}:1 ({}); the shadow changes the pixels around the glyphs, so check the rendered text against the {}:1 WCAG {} {} requires.",
                m.shown_ratio(), m.pair(), m.required, m.sc, m.level
            ))
            .with_data(m.data()),
            Reason::Backdrop(why, p) => {
                let (key, words) = match why {
                    Unknown::BackgroundImage(at) => (
                        "backgroundImage",
                        format!("a background image or gradient on {} is behind it", describe(cx, at)),
                    ),
                    Unknown::OutOfFlow(at) => (
                        "positioned",
                        format!("{} is positioned out of flow, so what lies behind it depends on layout", describe(cx, at)),
                    ),
                };
                Evaluation::cant_tell(format!(
                    "The text colour is {}, but the background can't be known without rendering: {words}. Check that the contrast is at least {}:1.",
                    contrast::to_hex(p.text_color),
                    p.required
                ))
                .with_data(p.data(Some(key)))
            }
            Reason::StylesMissing(p, measured) => {
                let url = cx.styles.missing.first().map_or("A stylesheet", |m| m.url.as_str());
                let (found, mut data) = match measured {
                    Some(m) => (
                        format!(" With the styles that did load, contrast is {:.2}:1 ({}).", m.shown_ratio(), m.pair()),
                        m.data(),
                    ),
                    None => (String::new(), p.data(None)),
                };
                if let Some(obj) = data.as_object_mut() {
                    obj.insert("unknownBackground".into(), json!("missingStylesheet"));
                    obj.insert("missingStylesheet".into(), json!(url));
                }
                Evaluation::cant_tell(format!(
                    "{url} could not be loaded, so the text and background colours are not certain.{found} Check that the contrast is at least the {}:1 WCAG {} {} requires.",
                    p.required, p.sc, p.level
                ))
                .with_data(data)
            }
        }
    }
}

/// `<div class="hero">`-like words for an element in a message.
fn describe(cx: &Context, id: NodeId) -> String {
    let Some(el) = cx.snap.element(id) else { return "an ancestor".into() };
    match (el.attr(&local_name!("id")).filter(|v| !v.is_empty()), el.attr(&local_name!("class")).map(str::trim).filter(|v| !v.is_empty())) {
        (Some(i), _) => format!("<{} id=\"{i}\">", el.name),
        (None, Some(c)) => format!("<{} class=\"{c}\">", el.name),
        (None, None) => format!("<{}>", el.name),
    }
}

/// Elements whose text children are never painted where they are (raw text, fallback content,
/// metadata): skipped with their subtree even before the cascade says so. Matched by interned
/// name, not string: asked of every element.
fn not_painted(el: &Element) -> bool {
    el.ns == ns!(html)
        && matches!(
            el.name,
            local_name!("head")
                | local_name!("script")
                | local_name!("style")
                | local_name!("template")
                | local_name!("title")
                | local_name!("noscript")
                | local_name!("iframe")
                | local_name!("object")
                | local_name!("canvas")
                | local_name!("video")
                | local_name!("audio")
                | local_name!("noembed")
                | local_name!("noframes")
                | local_name!("xmp")
        )
}

/// Whether the role inherits from `widget` (WAI-ARIA, DPUB): text in a disabled one is exempt,
/// as is text labelling a disabled one.
fn is_widget(role: Option<&str>) -> bool {
    role.is_some_and(|r| is_subclass_of(r, "widget"))
}

/// Whether the role inherits from `widget` or `group`: text in a disabled one is exempt.
fn is_widget_or_group(role: Option<&str>) -> bool {
    role.is_some_and(|r| is_subclass_of(r, "widget") || is_subclass_of(r, "group"))
}

/// HTML elements that `<label>` can label.
const LABELABLE: &[&str] = &["button", "input", "meter", "output", "progress", "select", "textarea"];

/// Elements used in the accessible name of a disabled widget: their aria-labelledby targets and
/// their `<label>`s (by `for`, or wrapping).
fn disabled_labels(cx: &Context) -> HashSet<NodeId> {
    let snap = cx.snap;
    // Built only when a disabled labelable control is met (most pages have none).
    let mut labels_for: Option<HashMap<&str, Vec<NodeId>>> = None;
    let mut out = HashSet::new();
    for &id in snap.elements() {
        let Some(el) = snap.element(id) else { continue };
        if !cx.tree.is_disabled(id) || !is_widget(cx.tree.role(id)) {
            continue;
        }
        for r in el.attr(&local_name!("aria-labelledby")).unwrap_or("").split_ascii_whitespace() {
            out.extend(snap.by_id(r));
        }
        if el.ns == ns!(html) && LABELABLE.contains(&&*el.name) && el.attr(&local_name!("type")) != Some("hidden") {
            let own_id = el.attr(&local_name!("id")).filter(|v| !v.is_empty());
            if let Some(own) = own_id {
                let labels_for = labels_for.get_or_insert_with(|| {
                    let mut map: HashMap<&str, Vec<NodeId>> = HashMap::new();
                    for &l in snap.elements() {
                        if let Some(for_id) = snap.element(l).filter(|e| e.is_html(&local_name!("label"))).and_then(|e| e.attr(&local_name!("for"))) {
                            map.entry(for_id).or_default().push(l);
                        }
                    }
                    map
                });
                out.extend(labels_for.get(own).into_iter().flatten().copied());
            }
            let wrapping = snap
                .ancestors(id)
                .find(|a| snap.element(*a).is_some_and(|e| e.is_html(&local_name!("label"))))
                .filter(|l| match snap.element(*l).and_then(|e| e.attr(&local_name!("for"))) {
                    // A wrapping label with `for` labels that control, not this one.
                    Some(f) => Some(f) == own_id,
                    None => true,
                });
            out.extend(wrapping);
        }
    }
    out
}

/// The direct text of an element: its non-empty text children, joined.
fn own_text(cx: &Context, id: NodeId) -> String {
    let mut s = String::new();
    for c in cx.snap.children(id) {
        if let Some(t) = cx.snap.text(c) {
            s.push_str(t);
        }
    }
    s
}

/// HTML elements with a visible text child, outside disabled widgets and groups and outside
/// the labels of disabled widgets, in tree order. Found once per check: the AA and AAA rules
/// share them.
pub(crate) fn targets(cx: &Context) -> Vec<NodeId> {
    found(cx).targets.clone()
}

/// The targets and the colours of their text, with the contrast ratio: found once per check,
/// since finding a target already resolves its colours (an ancestor walk) and both rules judge
/// every target.
struct Found {
    targets: Vec<NodeId>,
    /// `colors[i]` belongs to `targets[i]`.
    colors: Vec<Result<(TextColors, f64), Unknown>>,
    /// Per node, its index in `targets` (`u32::MAX` for none): cheaper than hashing.
    slot: Vec<u32>,
}

fn found(cx: &Context) -> std::rc::Rc<Found> {
    cx.tree.memo("text-contrast:targets", || find_targets(cx))
}

/// The colours of the text of `target` and their contrast ratio.
fn colors_of(cx: &Context, target: NodeId) -> Result<(TextColors, f64), Unknown> {
    let found = found(cx);
    let slot = found.slot.get(target.index()).copied().unwrap_or(u32::MAX);
    match found.colors.get(slot as usize) {
        Some(c) => *c,
        None => contrast::text_colors(cx.tree, target).map(|c| (c, c.ratio())),
    }
}

fn find_targets(cx: &Context) -> Found {
    let snap = cx.snap;
    let labels = disabled_labels(cx);
    // Exempt elements: a disabled widget or group, a label of a disabled widget, or inside one.
    // Set in tree order, so a parent is always decided before its children.
    let mut exempt = vec![false; snap.len()];
    let mut out = Found { targets: Vec::new(), colors: Vec::new(), slot: vec![u32::MAX; snap.len()] };
    let mut luminances = contrast::Luminances::default();
    // Per visited element, the nearest element at or above it whose box changes text colours
    // (`u32::MAX` for none): the colour walk of a target visits only those ancestors.
    let mut layer = vec![u32::MAX; snap.len()];
    let (root, body) = (snap.root_element(), snap.body());
    // A target that paints nothing itself (most) has the colours of its text colour over the
    // layers above it, which it mostly shares with siblings and cousins: worked out once per
    // (layer, colour) pair, the colour walk was a third of this pass on the 1k bench page.
    let mut shared: FxHashMap<(u32, [u32; 4]), Result<TextColors, Unknown>> = FxHashMap::default();
    let mut walk = snap.descendants(NodeId::DOCUMENT);
    while let Some(id) = walk.next() {
        let Some(el) = snap.element(id) else { continue };
        if !cx.tree.is_rendered(id) || not_painted(el) {
            walk.skip_subtree_of(id);
            continue;
        }
        let above = snap.parent(id).and_then(|p| layer.get(p.index()).copied()).unwrap_or(u32::MAX);
        if let Some(slot) = layer.get_mut(id.index()) {
            *slot = if contrast::affects_text_colors(cx.tree.style(id)) { id.0 } else { above };
        }
        let inherited = snap.parent(id).is_some_and(|p| exempt.get(p.index()).copied().unwrap_or(false));
        // Most pages have no disabled widget: skip hashing every element then.
        let own = (!labels.is_empty() && labels.contains(&id)) || (cx.tree.is_disabled(id) && is_widget_or_group(cx.tree.role(id)));
        if let Some(slot) = exempt.get_mut(id.index()) {
            *slot = inherited || own;
        }
        if inherited || own || el.ns != ns!(html) {
            continue;
        }
        // Whitespace-only children join into whitespace: no need to build the text to know.
        let has_text = snap.children(id).any(|c| snap.text(c).is_some_and(|t| !t.trim().is_empty()));
        if !has_text {
            continue;
        }
        // The target itself, then the layers above it.
        let chain = std::iter::once(id).chain(std::iter::successors(
            Some(above).filter(|l| *l != u32::MAX).map(NodeId),
            |n| snap.parent(*n).and_then(|p| layer.get(p.index()).copied()).filter(|l| *l != u32::MAX).map(NodeId),
        ));
        let paints = layer.get(id.index()) == Some(&id.0);
        let along = |tree: &crate::a11y::Tree| {
            if paints {
                return contrast::text_colors_along(tree, id, chain, root, body);
            }
            let c = cx.tree.style(id).color;
            let key = (above, [c.r.to_bits(), c.g.to_bits(), c.b.to_bits(), c.a.to_bits()]);
            *shared.entry(key).or_insert_with(|| contrast::text_colors_along(tree, id, chain, root, body))
        };
        if let Some(colors) = visible_text(cx, id, along) {
            if let Some(slot) = out.slot.get_mut(id.index()) {
                *slot = u32::try_from(out.targets.len()).unwrap_or(u32::MAX);
            }
            out.targets.push(id);
            out.colors.push(colors.map(|c| (c, luminances.contrast_ratio(c.foreground, c.background))));
        }
    }
    out
}

/// The colours of the text when it is visible as far as styles tell: the element is visible,
/// its text has a size and a colour that differs from the background it is painted on.
/// `text_colors` works them out (the colour walk).
fn visible_text(
    cx: &Context,
    id: NodeId,
    text_colors: impl FnOnce(&crate::a11y::Tree) -> Result<TextColors, Unknown>,
) -> Option<Result<TextColors, Unknown>> {
    let style = cx.tree.style(id);
    if !cx.tree.is_visible(id) || style.font_size <= 0.0 || style.color.a <= 0.0 {
        return None;
    }
    let colors = text_colors(cx.tree);
    match colors {
        // Same colour as the background: not visible (and not "presentation of text").
        Ok(c) if contrast::same_bytes(c.foreground, c.background) => None,
        _ => Some(colors),
    }
}

/// The verdict on `target` against `thresholds`.
pub(crate) fn judge(cx: &Context, target: NodeId, thresholds: Thresholds, level: &'static str, sc: &'static str) -> Reason {
    let style = cx.tree.style(target);
    let large = contrast::is_large_text(style.font_size, style.font_weight);
    let required = thresholds.required(large);
    let partial = Partial {
        text_color: style.color,
        level,
        sc,
        required,
        large,
        font_size: style.font_size,
        font_weight: style.font_weight,
    };
    let (colors, ratio) = match colors_of(cx, target) {
        Ok(c) => c,
        Err(_) if !cx.styles.complete() => return Reason::StylesMissing(partial, None),
        Err(why) => return Reason::Backdrop(why, partial),
    };
    let mut m = Measure {
        colors,
        text_color: style.color,
        ratio,
        required,
        large,
        font_size: style.font_size,
        font_weight: style.font_weight,
        level,
        sc,
        suggestion: None,
    };
    if ratio < required {
        m.suggestion = contrast::suggest_foreground(colors.foreground, colors.background, required);
    }
    if !cx.styles.complete() {
        return Reason::StylesMissing(partial, Some(m));
    }
    if style.text_shadow {
        // The shadow may fill the pixels around the glyphs: better or worse, only a renderer knows.
        return Reason::Shadow(m);
    }
    if ratio >= required {
        return Reason::Enough(m);
    }
    let text = own_text(cx, target);
    let text = text.trim();
    if !text.chars().any(char::is_alphanumeric) {
        return Reason::NoLanguage(m);
    }
    if text.chars().count() == 1 && named_otherwise(cx, target) {
        return Reason::IconLike(m);
    }
    Reason::Low(m)
}

/// The element, or an ancestor up to the nearest widget, takes its name from aria-label or
/// aria-labelledby rather than from this text.
fn named_otherwise(cx: &Context, id: NodeId) -> bool {
    for a in std::iter::once(id).chain(cx.snap.ancestors(id)) {
        let Some(el) = cx.snap.element(a) else { break };
        let named = el.attr(&local_name!("aria-label")).is_some_and(|v| !v.trim().is_empty()) || el.has_attr(&local_name!("aria-labelledby"));
        if named {
            return true;
        }
        if is_widget(cx.tree.role(a)) {
            return false;
        }
    }
    false
}

/// The rule.
pub struct TextContrast;

impl Rule for TextContrast {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        targets(cx)
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        judge(cx, target, AA, "AA", "1.4.3").evaluation(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::a11y::Tree;
    use crate::dom::{parse::parse_html, DocumentKind};
    use crate::style::{ComputedStyle, MissingResource, Rgba, Styles};
    use crate::{Options, Outcome};

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    fn hex(s: &str) -> Rgba {
        let v = u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0);
        let ch = |shift: u32| ((v >> shift) & 0xff) as f32 / 255.0;
        Rgba { r: ch(16), g: ch(8), b: ch(0), a: 1.0 }
    }

    type Set<'a> = &'a [(&'a str, &'a dyn Fn(&mut ComputedStyle))];

    /// Targets and evaluations (AA and AAA) on `html`, with the elements named by id given the
    /// styles `set` makes (independent of the cascade).
    fn run(html: &str, set: Set, missing: bool) -> Vec<(String, Evaluation, Evaluation)> {
        let snap = parse_html(html, DocumentKind::Html);
        let mut styles = Styles::unshared(snap.len());
        if missing {
            styles.missing.push(MissingResource { url: "a.css".into(), resolved: "a.css".into(), reason: "not found".into() });
        }
        for (id, f) in set {
            let Some(n) = snap.by_id(id) else { panic!("no #{id}") };
            f(styles.get_mut(n));
            // Inherit into text children, as the cascade does.
            for c in snap.children(n) {
                if snap.text(c).is_some() {
                    f(styles.get_mut(c));
                }
            }
        }
        let tree = Tree::new(&snap, &styles);
        // Passes are worded only when asked for; these tests read their data.
        let options = Options { include_passed: true, ..Options::default() };
        let cx = Context { snap: &snap, styles: &styles, tree: &tree, options: &options };
        targets(&cx)
            .into_iter()
            .map(|t| {
                let name = snap.element(t).map(|e| e.name.to_string()).unwrap_or_default();
                (name, judge(&cx, t, AA, "AA", "1.4.3").evaluation(&cx), judge(&cx, t, contrast::AAA, "AAA", "1.4.6").evaluation(&cx))
            })
            .collect()
    }

    fn one(html: &str, set: Set) -> (Evaluation, Evaluation) {
        let mut out = run(html, set, false);
        assert_eq!(out.len(), 1, "{html}: {:?}", out.iter().map(|o| &o.0).collect::<Vec<_>>());
        let (_, aa, aaa) = out.remove(0);
        (aa, aaa)
    }

    #[test]
    fn grey_on_white_fails_with_data_and_a_suggestion() {
        let (aa, aaa) = one(r#"<p id=p>Some text</p>"#, &[("p", &|s| s.color = hex("777777"))]);
        assert_eq!(aa.outcome, Outcome::Failed, "{}", aa.message);
        assert_eq!(aa.data["foreground"], "#777777");
        assert_eq!(aa.data["background"], "#ffffff");
        assert_eq!(aa.data["ratio"], 4.48);
        assert_eq!(aa.data["requiredRatio"], 4.5);
        assert_eq!(aa.data["large"], false);
        assert_eq!(aa.data["fontSize"], 16.0);
        assert_eq!(aa.data["fontWeight"], 400);
        assert_eq!(aa.data["suggestion"]["color"], "#767676");
        assert_eq!(aa.data["suggestion"]["ratio"], 4.54);
        assert!(aa.message.contains("4.48:1") && aa.message.contains("#767676"), "{}", aa.message);
        assert_eq!(aaa.outcome, Outcome::Failed);
        assert_eq!(aaa.data["requiredRatio"], 7.0);
        let s = aaa.data["suggestion"]["ratio"].as_f64().unwrap_or(0.0);
        assert!((7.0..7.3).contains(&s), "AAA suggestion ratio {s}");
    }

    #[test]
    fn shown_ratio_never_rounds_onto_the_threshold() {
        // #767676 passes at 4.54; a colour at 4.497 must not read "4.50" while failing.
        let m = |ratio| Measure {
            colors: contrast::TextColors { foreground: Rgba::BLACK, background: Rgba::WHITE, opacity: 1.0 },
            text_color: Rgba::BLACK,
            ratio,
            required: 4.5,
            large: false,
            font_size: 16.0,
            font_weight: 400,
            level: "AA",
            sc: "1.4.3",
            suggestion: None,
        };
        assert_eq!(m(4.497).shown_ratio(), 4.49);
        assert_eq!(m(4.478).shown_ratio(), 4.48);
        assert_eq!(m(4.504).shown_ratio(), 4.5);
    }

    #[test]
    fn large_text_thresholds() {
        let big = |s: &mut ComputedStyle| {
            s.color = Rgba::BLACK;
            s.background_color = hex("666666");
            s.font_size = 24.0;
        };
        let (aa, aaa) = one(r#"<p id=p>Large</p>"#, &[("p", &big)]);
        assert_eq!((aa.outcome, aaa.outcome), (Outcome::Passed, Outcome::Failed), "{}", aa.message);
        assert_eq!(aa.data["large"], true);
        let bold = |s: &mut ComputedStyle| {
            big(s);
            s.font_size = 18.6667;
            s.font_weight = 700;
        };
        assert_eq!(one(r#"<p id=p>Bold</p>"#, &[("p", &bold)]).0.outcome, Outcome::Passed);
        let not_bold = |s: &mut ComputedStyle| {
            bold(s);
            s.font_weight = 600;
        };
        assert_eq!(one(r#"<p id=p>Semi</p>"#, &[("p", &not_bold)]).0.outcome, Outcome::Failed);
    }

    #[test]
    fn one_target_per_element_with_direct_text() {
        let out = run(r#"<div><p>One <b>two</b></p><span> </span><img alt="x"></div>"#, &[], false);
        let names: Vec<&str> = out.iter().map(|o| o.0.as_str()).collect();
        assert_eq!(names, ["p", "b"]);
        assert!(out.iter().all(|o| o.1.outcome == Outcome::Passed && o.1.data["ratio"] == 21.0));
    }

    #[test]
    fn text_that_is_never_painted_is_not_a_target() {
        let html = r#"<html><head><title>T</title><style>p{}</style><script>x()</script></head>
            <body><noscript>n</noscript><template><p>t</p></template><svg><text>SVG</text></svg></body></html>"#;
        assert!(run(html, &[], false).is_empty());
    }

    #[test]
    fn same_colour_as_background_is_not_visible() {
        let out = run(r#"<p id=p>Hidden</p>"#, &[("p", &|s| { s.color = Rgba::WHITE; s.background_color = Rgba::WHITE })], false);
        assert!(out.is_empty());
        let out = run(r#"<p id=p>Hidden</p>"#, &[("p", &|s| s.color = Rgba::TRANSPARENT)], false);
        assert!(out.is_empty());
        let out = run(r#"<p id=p>Tiny</p>"#, &[("p", &|s| s.font_size = 0.0)], false);
        assert!(out.is_empty());
    }

    #[test]
    fn symbols_express_no_human_language() {
        let (aa, _) = one(r#"<p id=p>----====++++***%%%@@@</p>"#, &[("p", &|s| s.background_color = hex("666666"))]);
        assert_eq!(aa.outcome, Outcome::Passed, "{}", aa.message);
        assert!(aa.message.contains("human language"));
    }

    #[test]
    fn lone_character_in_a_control_named_otherwise_is_cant_tell() {
        let low = |s: &mut ComputedStyle| s.color = hex("aaaaaa");
        let (aa, _) = one(r#"<button id=b aria-label="Close">X</button>"#, &[("b", &low)]);
        assert_eq!(aa.outcome, Outcome::CantTell, "{}", aa.message);
        let (aa, _) = one(r#"<button id=b>X</button>"#, &[("b", &low)]);
        assert_eq!(aa.outcome, Outcome::Failed);
    }

    #[test]
    fn unknown_backdrops_are_cant_tell_naming_why() {
        let (aa, _) = one(
            r#"<div class="hero" id=d><p id=p>Over a photo</p></div>"#,
            &[("d", &|s| s.background_image = true), ("p", &|s| s.color = hex("aaaaaa"))],
        );
        assert_eq!(aa.outcome, Outcome::CantTell);
        assert!(aa.message.contains(r#"<div id="d">"#), "{}", aa.message);
        assert_eq!(aa.data["unknownBackground"], "backgroundImage");
        assert_eq!(aa.data["color"], "#aaaaaa");

        let (aa, _) = one(
            r#"<div id=d><p id=p>Floating</p></div>"#,
            &[("d", &|s| s.background_color = Rgba::BLACK), ("p", &|s| s.position = crate::style::Position::Absolute)],
        );
        assert_eq!(aa.outcome, Outcome::CantTell);
        assert_eq!(aa.data["unknownBackground"], "positioned");
    }

    #[test]
    fn missing_stylesheet_is_cant_tell() {
        let out = run(r#"<p id=p>Text</p>"#, &[("p", &|s| s.color = hex("aaaaaa"))], true);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].1.outcome, Outcome::CantTell);
        assert_eq!(out[0].1.data["unknownBackground"], "missingStylesheet");
        assert_eq!(out[0].1.data["missingStylesheet"], "a.css");
        assert_eq!(out[0].1.data["ratio"], 2.32);
        assert!(out[0].1.message.starts_with("a.css could not be loaded"), "{}", out[0].1.message);
        assert!(out[0].1.message.contains("2.32:1"), "{}", out[0].1.message);
    }

    #[test]
    fn text_shadow_turns_a_failure_into_cant_tell() {
        let (aa, _) = one(
            r#"<p id=p>Shadowed</p>"#,
            &[("p", &|s| { s.color = Rgba::BLACK; s.background_color = hex("737373"); s.text_shadow = true })],
        );
        assert_eq!(aa.outcome, Outcome::CantTell, "{}", aa.message);
    }

    #[test]
    fn opacity_on_an_ancestor_counts() {
        let (aa, aaa) = one(
            r#"<div id=d><p>Faded</p></div>"#,
            &[("d", &|s| { s.opacity = 0.6; s.background_color = Rgba::WHITE })],
        );
        assert_eq!(aa.outcome, Outcome::Passed, "{}", aa.message);
        assert_eq!(aaa.outcome, Outcome::Failed, "{}", aaa.message);
        assert_eq!(aa.data["opacity"], 0.6);
    }

    /// ACT cases outside the approved set (not scored by tests/act.rs), checked here.
    #[test]
    fn unapproved_act_cases() {
        let case = |rule: &str, id: &str| {
            let path = format!("{}/tests/act/testcases/{rule}/{id}.html", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let outcomes_of = |id: &str, html: &str| super::super::testing::outcomes(id, html).into_iter().map(|o| o.0).collect::<Vec<_>>();
        // Passed 7 (afw4f7) and 6 (09o5cg): a lone "X" in a button named "Close".
        let x = case("afw4f7", "eb4bfbbeba4e803fef10ebad17427f32e306ae82");
        assert_eq!(outcomes_of("text-contrast", &x), [Outcome::CantTell]);
        let x = case("09o5cg", "5cd71d7ee71bddaed9ff5fbd349ce0809141e425");
        assert_eq!(outcomes_of("text-contrast-enhanced", &x), [Outcome::CantTell]);
        // Failed 11 (afw4f7): passes without its grey text shadow, which only a renderer can judge.
        let shadow = case("afw4f7", "8c33a0af471cc3c1abbb9f709afa6629b13daf3a");
        assert_eq!(outcomes_of("text-contrast", &shadow), [Outcome::CantTell]);
    }

    #[test]
    fn through_the_cascade() {
        let outcomes_of = |id: &str, html: &str| super::super::testing::outcomes(id, html).into_iter().map(|o| o.0).collect::<Vec<_>>();
        // A text shadow set by a stylesheet, inherited by the paragraph.
        let html = r#"<style>body { text-shadow: 0 0 2px white }</style><p style="color:#000;background:#737373">Shadowed</p>"#;
        assert_eq!(outcomes_of("text-contrast", html), [Outcome::CantTell]);
        // Default link colour #0000ee on white: 9.4:1.
        let report = crate::check_html(r#"<a href="/x">Link</a>"#, &Options { include_passed: true, rules: Some(vec!["text-contrast".into()]), ..Options::default() });
        let report = report.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report.results.len(), 1);
        assert_eq!(report.results[0].data["foreground"], "#0000ee");
        assert_eq!(report.results[0].data["ratio"], 9.4);
        // Hidden text and text in a disabled fieldset are not targets.
        // (A disabled fieldset is a disabled group: its legend is exempt too.)
        let html = r#"<p hidden>Gone</p><div style="visibility:hidden">Gone</div>
            <fieldset disabled style="color:#999"><legend>Legend</legend><label>Name <input></label></fieldset>
            <p style="color:#999">Shown</p>"#;
        assert_eq!(outcomes_of("text-contrast", html), [Outcome::Failed], "only the last paragraph remains");
    }

    #[test]
    fn labels_of_disabled_widgets_are_exempt() {
        let outcomes_of = |html: &str| super::super::testing::outcomes("text-contrast", html).into_iter().map(|o| o.0).collect::<Vec<_>>();
        let grey = "color:#999";
        // <label for> a disabled input, and aria-labelledby of an aria-disabled textbox.
        let html = format!(r#"<label for=a style="{grey}">Name</label><input id=a disabled>
            <span id=l style="{grey}">Pet</span><div role=textbox aria-labelledby=l aria-disabled=true></div>"#);
        assert!(outcomes_of(&html).is_empty(), "{:?}", outcomes_of(&html));
        // The same labels of enabled controls are checked.
        let html = format!(r#"<label for=a style="{grey}">Name</label><input id=a>
            <span id=l style="{grey}">Pet</span><div role=textbox aria-labelledby=l></div>"#);
        assert_eq!(outcomes_of(&html), [Outcome::Failed, Outcome::Failed]);
        // A wrapping label with `for` pointing elsewhere does not label the disabled input in it.
        let html = format!(r#"<label for=b style="{grey}">Other <input disabled></label><input id=b>"#);
        assert_eq!(outcomes_of(&html), [Outcome::Failed]);
    }

    #[test]
    fn invisible_text_is_not_a_target() {
        let outcomes_of = |html: &str| super::super::testing::outcomes("text-contrast", html);
        let html = r#"<style>.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0,0,0,0) }</style>
            <span class="sr-only" style="color:#eee">Skip</span>
            <p style="opacity:0;color:#eee">Faded out</p>
            <p style="color:transparent">Transparent</p>
            <p style="visibility:hidden;color:#eee">Hidden</p>
            <p style="font-size:0;color:#eee">Zero</p>
            <p style="color:#00f;background:#00f">Same colour</p>"#;
        assert!(outcomes_of(html).is_empty(), "{:?}", outcomes_of(html));
    }
}
