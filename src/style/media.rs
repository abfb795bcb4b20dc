//! `@media` queries and `@supports` conditions, evaluated once against the check's viewport
//! and colour scheme (a static check has one fixed environment, so a false block is dropped
//! while parsing).

use cssparser::{Parser, Token};

use super::values::{self, Ctx};
use crate::options::ColorScheme;

// Flags a single `cascade::compute` call resets at its start and reads into `Styles` at its
// end (media queries are evaluated deep inside sheet parsing, far from the `Styles` value).
thread_local! {
    /// Set when a media query asks for `orientation`: the cascade reports it so the
    /// orientation-lock rule computes the other orientation only for pages that ask.
    pub(crate) static ORIENTATION_QUERIED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Set when a media query asks for the viewport's size (`width`, `height`, `aspect-ratio`):
    /// the zoom rule recomputes styles in a small viewport only for pages that ask.
    pub(crate) static SIZE_QUERIED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The `ORIENTATION_QUERIED` and `SIZE_QUERIED` flags, to restore after an evaluation that must
/// leave no trace.
pub(crate) fn queried_flags() -> (bool, bool) {
    (ORIENTATION_QUERIED.with(|q| q.get()), SIZE_QUERIED.with(|q| q.get()))
}

/// Set the flags back to what [`queried_flags`] returned.
pub(crate) fn restore_queried_flags((orientation, size): (bool, bool)) {
    ORIENTATION_QUERIED.with(|q| q.set(orientation));
    SIZE_QUERIED.with(|q| q.set(size));
}

/// A media query list or `@supports` condition as a collection met it, to answer again in
/// another environment.
#[derive(Debug)]
pub(crate) struct Condition {
    text: Box<str>,
    eval: fn(&mut Parser, &Ctx) -> bool,
}

impl Condition {
    pub(crate) fn new(text: &str, eval: fn(&mut Parser, &Ctx) -> bool) -> Condition {
        Condition { text: text.into(), eval }
    }

    /// The answer in `ctx`, leaving the query flags as they were.
    pub(crate) fn answer(&self, ctx: &Ctx) -> bool {
        let flags = queried_flags();
        let v = (self.eval)(&mut Parser::new(&self.text), ctx);
        restore_queried_flags(flags);
        v
    }
}

/// Evaluate a media query list given as text. Empty → true.
#[cfg(test)]
pub(crate) fn media_text_matches(text: &str, ctx: &Ctx) -> bool {
    let mut parser = Parser::new(text);
    media_list_matches(&mut parser, ctx)
}

/// Evaluate a media query list at the parser's position, consuming it all. Empty → true.
pub(crate) fn media_list_matches(input: &mut Parser, ctx: &Ctx) -> bool {
    if input.is_exhausted() {
        return true;
    }
    let mut any = false;
    loop {
        // Each query runs to the next top-level comma; an invalid one is `not all`.
        let r = input.parse_until_before(cssparser::Delimiter::Comma, |p| {
            let v = query(p, ctx);
            let ok = v.is_ok() && p.is_exhausted();
            while p.next().is_ok() {}
            Ok::<bool, cssparser::ParseError<()>>(ok && v.unwrap_or(false))
        });
        any |= r.unwrap_or(false);
        if input.next().is_err() {
            break;
        }
    }
    any
}

fn query(input: &mut Parser, ctx: &Ctx) -> Result<bool, ()> {
    let state = input.state();
    if let Ok(first) = input.try_parse(|p| p.expect_ident_cloned()) {
        let first = first.to_ascii_lowercase();
        if first != "not" || input.try_parse(|p| p.expect_ident().map(|_| ())).is_ok() {
            // `[not|only]? type [and condition]?`
            input.reset(&state);
            let mut negate = false;
            let mut ty = input.expect_ident_cloned().map_err(|_| ())?.to_ascii_lowercase();
            if ty == "not" || ty == "only" {
                negate = ty == "not";
                ty = input.expect_ident_cloned().map_err(|_| ())?.to_ascii_lowercase();
            }
            let mut v = match ty.as_str() {
                "all" | "screen" => true,
                "print" | "speech" | "tty" | "tv" | "projection" | "handheld" | "braille" | "embossed" | "aural" => false,
                _ => return Err(()),
            };
            while input.try_parse(|p| p.expect_ident_matching("and")).is_ok() {
                v &= in_parens(input, ctx)?;
            }
            return Ok(v != negate);
        }
        input.reset(&state);
    }
    condition(input, ctx, &mut |p, ctx| feature(p, ctx))
}

/// `not c | c [and c]* | c [or c]*` with `in_parens` leaves, shared by media and supports.
fn condition(
    input: &mut Parser,
    ctx: &Ctx,
    leaf: &mut dyn FnMut(&mut Parser, &Ctx) -> Result<bool, ()>,
) -> Result<bool, ()> {
    if input.try_parse(|p| p.expect_ident_matching("not")).is_ok() {
        return Ok(!paren_or_fn(input, ctx, leaf)?);
    }
    let mut v = paren_or_fn(input, ctx, leaf)?;
    let mut op: Option<bool> = None;
    while let Ok(word) = input.try_parse(|p| p.expect_ident_cloned()) {
        let is_and = match word.to_ascii_lowercase().as_str() {
            "and" => true,
            "or" => false,
            _ => return Err(()),
        };
        if op.is_some_and(|o| o != is_and) {
            return Err(());
        }
        op = Some(is_and);
        let rhs = paren_or_fn(input, ctx, leaf)?;
        v = if is_and { v && rhs } else { v || rhs };
    }
    Ok(v)
}

/// A parenthesised condition or leaf (or, for `@supports`, a function such as `selector()`).
fn paren_or_fn(
    input: &mut Parser,
    ctx: &Ctx,
    leaf: &mut dyn FnMut(&mut Parser, &Ctx) -> Result<bool, ()>,
) -> Result<bool, ()> {
    let state = input.state();
    match input.next().map_err(|_| ())?.clone() {
        Token::ParenthesisBlock => input
            .parse_nested_block(|p| {
                let inner = p.state();
                // A nested condition, else a leaf.
                if let Ok(v) = p.try_parse(|p| {
                    let v = condition(p, ctx, leaf)?;
                    p.expect_exhausted().map_err(|_| ())?;
                    Ok::<bool, ()>(v)
                }) {
                    return Ok(v);
                }
                p.reset(&inner);
                let v = leaf(p, ctx);
                // Unknown leaves are false, not errors (general-enclosed).
                while p.next().is_ok() {}
                Ok::<bool, cssparser::ParseError<()>>(v.unwrap_or(false))
            })
            .map_err(|_| ()),
        Token::Function(_) => {
            input.reset(&state);
            leaf(input, ctx)
        }
        _ => Err(()),
    }
}

fn in_parens(input: &mut Parser, ctx: &Ctx) -> Result<bool, ()> {
    paren_or_fn(input, ctx, &mut |p, ctx| feature(p, ctx))
}

/// A value in a media feature: a length in px, a number, a ratio, a resolution or a keyword.
#[derive(Debug, Clone, PartialEq)]
enum Mv {
    Num(f32),
    Ident(String),
}

fn media_value(input: &mut Parser, ctx: &Ctx) -> Result<Mv, ()> {
    if let Ok(i) = input.try_parse(|p| p.expect_ident_cloned()) {
        return Ok(Mv::Ident(i.to_ascii_lowercase()));
    }
    let state = input.state();
    if let Ok(Token::Dimension { value, unit, .. }) = input.next().cloned() {
        match unit.to_ascii_lowercase().as_str() {
            "dppx" | "x" => return Ok(Mv::Num(value)),
            "dpi" => return Ok(Mv::Num(value / 96.0)),
            "dpcm" => return Ok(Mv::Num(value * 2.54 / 96.0)),
            _ => {}
        }
    }
    input.reset(&state);
    if let Ok(n) = input.try_parse(|p| values::parse_number(p, ctx)) {
        // A ratio `a / b`.
        if input.try_parse(|p| p.expect_delim('/')).is_ok() {
            let d = values::parse_number(input, ctx)?;
            return Ok(Mv::Num(if d == 0.0 { f32::INFINITY } else { n / d }));
        }
        return Ok(Mv::Num(n));
    }
    let l = values::parse_length(input, ctx)?;
    // Font-relative units in media queries use the initial font size.
    l.resolve(16.0, 16.0, None).map(Mv::Num).ok_or(())
}

/// The environment's value of a feature (numbers) or keyword.
fn env(name: &str, ctx: &Ctx) -> Option<Mv> {
    let (w, h) = (ctx.viewport.width, ctx.viewport.height);
    if matches!(name, "width" | "device-width" | "height" | "device-height" | "aspect-ratio" | "device-aspect-ratio") {
        SIZE_QUERIED.with(|q| q.set(true));
    }
    Some(match name {
        "width" | "device-width" => Mv::Num(w),
        "height" | "device-height" => Mv::Num(h),
        "aspect-ratio" | "device-aspect-ratio" => Mv::Num(if h > 0.0 { w / h } else { f32::INFINITY }),
        "resolution" | "-webkit-device-pixel-ratio" => Mv::Num(1.0),
        "color" => Mv::Num(8.0),
        "color-index" | "monochrome" | "grid" => Mv::Num(0.0),
        "orientation" => {
            ORIENTATION_QUERIED.with(|q| q.set(true));
            Mv::Ident(if (h >= w) != ctx.orientation_flipped { "portrait" } else { "landscape" }.into())
        }
        "prefers-color-scheme" => Mv::Ident(match ctx.scheme {
            ColorScheme::Light => "light".into(),
            ColorScheme::Dark => "dark".into(),
        }),
        "prefers-reduced-motion" | "prefers-reduced-transparency" | "prefers-reduced-data" | "prefers-contrast" => {
            Mv::Ident("no-preference".into())
        }
        "forced-colors" | "inverted-colors" => Mv::Ident("none".into()),
        "hover" | "any-hover" => Mv::Ident("hover".into()),
        "pointer" | "any-pointer" => Mv::Ident("fine".into()),
        "scripting" => Mv::Ident("enabled".into()),
        "update" => Mv::Ident("fast".into()),
        "display-mode" => Mv::Ident("browser".into()),
        "dynamic-range" | "video-dynamic-range" => Mv::Ident("standard".into()),
        "color-gamut" => Mv::Ident("srgb".into()),
        "overflow-block" => Mv::Ident("scroll".into()),
        "overflow-inline" => Mv::Ident("scroll".into()),
        _ => return None,
    })
}

/// Whether a feature is true in a boolean context (`(hover)`, `(color)`).
fn truthy(v: &Mv) -> bool {
    match v {
        Mv::Num(n) => *n != 0.0,
        Mv::Ident(i) => !matches!(i.as_str(), "none" | "no-preference"),
    }
}

fn compare(a: f32, op: &str, b: f32) -> bool {
    match op {
        "<" => a < b,
        "<=" => a <= b,
        ">" => a > b,
        ">=" => a >= b,
        _ => (a - b).abs() < 1e-3,
    }
}

fn range_op(input: &mut Parser) -> Result<String, ()> {
    let first = match input.next().map_err(|_| ())? {
        Token::Delim(c @ ('<' | '>' | '=')) => *c,
        _ => return Err(()),
    };
    if first != '=' && input.try_parse(|p| p.expect_delim('=')).is_ok() {
        return Ok(format!("{first}="));
    }
    Ok(first.to_string())
}

fn flip(op: &str) -> &'static str {
    match op {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => "=",
    }
}

/// The inside of `( ... )` in a media query.
fn feature(input: &mut Parser, ctx: &Ctx) -> Result<bool, ()> {
    // `name`, `name: value`, `name op value`.
    if let Ok(name) = input.try_parse(|p| p.expect_ident_cloned()) {
        let name = name.to_ascii_lowercase();
        if input.is_exhausted() {
            return Ok(env(&name, ctx).is_some_and(|v| truthy(&v)));
        }
        if input.try_parse(|p| p.expect_colon()).is_ok() {
            let want = media_value(input, ctx)?;
            let (base, op) = if let Some(b) = name.strip_prefix("min-") {
                (b, ">=")
            } else if let Some(b) = name.strip_prefix("max-") {
                (b, "<=")
            } else {
                (name.as_str(), "=")
            };
            let base = base.strip_prefix("-webkit-min-").or_else(|| base.strip_prefix("-webkit-max-")).unwrap_or(base);
            let have = env(base, ctx).ok_or(())?;
            return Ok(match (have, want) {
                (Mv::Num(h), Mv::Num(w)) => compare(h, op, w),
                (Mv::Ident(h), Mv::Ident(w)) => op == "=" && h == w,
                _ => false,
            });
        }
        let op = range_op(input)?;
        let v = media_value(input, ctx)?;
        let have = env(&name, ctx).ok_or(())?;
        return match (have, v) {
            (Mv::Num(h), Mv::Num(w)) => Ok(compare(h, &op, w)),
            _ => Err(()),
        };
    }
    // `value op name [op value]`.
    let lhs = media_value(input, ctx)?;
    let op1 = range_op(input)?;
    let name = input.expect_ident_cloned().map_err(|_| ())?.to_ascii_lowercase();
    let Some(Mv::Num(have)) = env(&name, ctx) else { return Err(()) };
    let Mv::Num(l) = lhs else { return Err(()) };
    let mut v = compare(have, flip(&op1), l);
    if !input.is_exhausted() {
        let op2 = range_op(input)?;
        let Mv::Num(r) = media_value(input, ctx)? else { return Err(()) };
        v &= compare(have, &op2, r);
    }
    Ok(v)
}

/// Evaluate an `@supports` condition at the parser's position.
pub(crate) fn supports_matches(input: &mut Parser, ctx: &Ctx) -> bool {
    let v = condition(input, ctx, &mut |p, ctx| supports_leaf(p, ctx));
    v.is_ok() && input.is_exhausted() && v.unwrap_or(false)
}

fn supports_leaf(input: &mut Parser, ctx: &Ctx) -> Result<bool, ()> {
    let state = input.state();
    match input.next().map_err(|_| ())?.clone() {
        Token::Function(name) => {
            let name = name.to_ascii_lowercase();
            input
                .parse_nested_block(|p| {
                    let v = match name.as_str() {
                        "selector" => super::element::parse_selectors(p, false).is_some() && p.is_exhausted(),
                        _ => false,
                    };
                    while p.next().is_ok() {}
                    Ok::<bool, cssparser::ParseError<()>>(v)
                })
                .map_err(|_| ())
        }
        Token::Ident(name) => {
            input.expect_colon().map_err(|_| ())?;
            let start = input.position();
            while input.next().is_ok() {}
            let value = input.slice_from(start).trim();
            let _ = state;
            Ok(property_supported(&name, value, ctx))
        }
        _ => Err(()),
    }
}

/// Whether Chromium would accept `name: value`: properties we compute are checked by parsing;
/// other well-known properties are taken as supported, unknown ones as not.
fn property_supported(name: &str, value: &str, ctx: &Ctx) -> bool {
    let lname = name.to_ascii_lowercase();
    if lname.starts_with("--") {
        return true;
    }
    if value.is_empty() {
        return false;
    }
    if super::props::is_computed_property(&lname) {
        let mut block = super::props::DeclBlock::default();
        let mut p = Parser::new(value);
        return super::props::parse_declaration(&lname, &mut p, ctx, &mut block).is_ok() && !block.is_empty()
            // Relative colour syntax (`rgb(from ...)`) is not parsed here but Chromium has it.
            || value.contains("from ");
    }
    KNOWN_PROPERTIES.binary_search(&lname.as_str()).is_ok()
}

/// Properties Chromium supports that the cascade does not compute (sorted, for `@supports`).
const KNOWN_PROPERTIES: &[&str] = &[
    "-webkit-appearance", "-webkit-backdrop-filter", "-webkit-box-orient", "-webkit-font-smoothing",
    "-webkit-hyphens", "-webkit-line-clamp", "-webkit-mask", "-webkit-mask-image", "-webkit-tap-highlight-color",
    "-webkit-text-fill-color", "-webkit-text-size-adjust", "-webkit-text-stroke", "-webkit-user-select",
    "accent-color", "align-content", "align-items", "align-self", "animation", "animation-timeline", "appearance",
    "aspect-ratio", "backdrop-filter", "backface-visibility", "background-attachment", "background-blend-mode",
    "background-clip", "background-origin", "background-position", "background-repeat", "background-size",
    "border", "border-block", "border-bottom", "border-collapse", "border-color", "border-image", "border-inline",
    "border-left", "border-radius", "border-right", "border-spacing", "border-style", "border-top", "border-width",
    "bottom", "box-decoration-break", "box-sizing", "break-inside", "caption-side", "caret-color", "clear",
    "color-scheme", "column-count", "column-gap", "columns", "contain", "contain-intrinsic-size", "container",
    "container-type", "content-visibility", "counter-increment", "counter-reset", "direction", "field-sizing",
    "fill", "filter", "flex", "flex-basis", "flex-direction", "flex-grow", "flex-shrink", "flex-wrap", "float",
    "font-family", "font-feature-settings", "font-kerning", "font-optical-sizing", "font-stretch", "font-style",
    "font-variant", "font-variant-numeric", "font-variation-settings", "forced-color-adjust", "gap", "grid",
    "grid-area", "grid-auto-flow", "grid-column", "grid-row", "grid-template-columns", "grid-template-rows",
    "hyphens", "inset", "isolation", "justify-content", "justify-items", "justify-self", "left", "line-clamp",
    "list-style", "list-style-type", "margin", "margin-block", "margin-bottom", "margin-inline", "margin-left",
    "margin-right", "margin-top", "mask", "mask-image", "max-height", "max-width", "min-height", "min-width",
    "mix-blend-mode", "object-fit", "object-position", "offset", "order", "outline-color", "outline-offset",
    "overflow-wrap", "overscroll-behavior", "padding", "padding-block", "padding-bottom", "padding-inline",
    "padding-left", "padding-right", "padding-top", "perspective", "place-content", "place-items", "place-self",
    "pointer-events", "print-color-adjust", "quotes", "resize", "right", "rotate", "row-gap", "scale",
    "scroll-behavior", "scroll-margin", "scroll-padding", "scroll-snap-align", "scroll-snap-type",
    "scrollbar-color", "scrollbar-gutter", "scrollbar-width", "stroke", "stroke-width", "tab-size", "table-layout",
    "text-align", "text-decoration", "text-decoration-color", "text-decoration-line", "text-decoration-style",
    "text-decoration-thickness", "text-emphasis", "text-overflow", "text-rendering", "text-shadow",
    "text-transform", "text-underline-offset", "text-wrap", "top", "touch-action", "transform", "transform-origin",
    "transform-style", "transition", "transition-behavior", "translate", "unicode-bidi", "user-select",
    "vertical-align", "view-transition-name", "white-space", "white-space-collapse", "will-change", "word-break",
    "word-wrap", "writing-mode", "z-index", "zoom",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Viewport;

    fn ctx(w: f32, scheme: ColorScheme) -> Ctx {
        Ctx { viewport: Viewport { width: w, height: 800.0 }, scheme, orientation_flipped: false }
    }

    #[test]
    fn known_properties_sorted() {
        assert!(KNOWN_PROPERTIES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn media_queries() {
        let c = ctx(400.0, ColorScheme::Light);
        let m = |t: &str| media_text_matches(t, &c);
        assert!(m(""));
        assert!(m("screen"));
        assert!(!m("print"));
        assert!(m("not print"));
        assert!(m("only screen and (max-width: 600px)"));
        assert!(!m("(min-width: 600px)"));
        assert!(m("(orientation: portrait)"));
        assert!(m("print, (orientation: portrait)"));
        assert!(m("(min-width: 600px), (orientation: portrait)"));
        assert!(m("(width < 600px)"));
        assert!(!m("(width >= 40rem)"));
        assert!(m("(300px <= width <= 500px)"));
        assert!(!m("(prefers-color-scheme: dark)"));
        assert!(media_text_matches("(prefers-color-scheme: dark)", &ctx(400.0, ColorScheme::Dark)));
        assert!(m("(prefers-reduced-motion: no-preference)"));
        assert!(!m("(prefers-reduced-motion: reduce)"));
        assert!(m("(hover: hover) and (pointer: fine)"));
        assert!(m("not (min-width: 600px)"));
        assert!(!m("(unknown-feature: 3)"));
        assert!(!m("garbage!!"));
        assert!(m("garbage!!, screen"));
        assert!(m("((min-width: 100px) or (max-width: 50px))"));
    }

    #[test]
    fn supports_conditions() {
        let c = ctx(1280.0, ColorScheme::Light);
        let s = |t: &str| {
            let mut p = Parser::new(t);
            supports_matches(&mut p, &c)
        };
        assert!(s("(display: grid)"));
        assert!(!s("(display: gridd)"));
        assert!(s("(color: oklch(50% 0.1 200))"));
        assert!(s("selector(:has(a))"));
        assert!(!s("(margin-trim: inline)"));
        assert!(s("not (margin-trim: inline)"));
        assert!(s("(gap: 1rem) and (display: flex)"));
        assert!(!s("font-tech(color-COLRv1)"));
    }
}
