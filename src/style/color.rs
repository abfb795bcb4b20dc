//! CSS colour values: every syntax CSS Color 4/5 defines that pages (and Tailwind v4) emit,
//! converted to sRGB. Colours outside the sRGB gamut are clamped per channel.
//!
//! [`parse_color`] is the context-free entry point for other modules; the cascade uses
//! [`parse`] with the page's colour scheme (for `light-dark()`) and keeps `currentColor`
//! (also inside `color-mix()`) unresolved until the element's `color` is known.

use std::sync::Arc;

use cssparser::{ParseError, Parser, Token};
use palette::{FromColor, Hsl, Hwb, LinSrgb, Oklab, Oklch, Srgb};

use super::Rgba;
use crate::options::ColorScheme;

/// A specified colour: concrete, `currentColor`, or a mix that involves `currentColor`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Color {
    /// A concrete colour.
    Rgba(Rgba),
    /// `currentColor`.
    Current,
    /// `color-mix()` with `currentColor` on one side, resolved per element.
    Mix(Arc<Mix>),
}

/// A deferred `color-mix()`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mix {
    space: Space,
    a: Color,
    pa: f32,
    b: Color,
    pb: f32,
    /// Alpha multiplier when the percentages sum below 100%.
    scale: f32,
}

impl Color {
    /// The colour, with `currentColor` taken as `current`.
    pub(crate) fn resolve(&self, current: Rgba) -> Rgba {
        match self {
            Color::Rgba(c) => *c,
            Color::Current => current,
            Color::Mix(m) => {
                let a = m.a.resolve(current);
                let b = m.b.resolve(current);
                mix(m.space, a, m.pa, b, m.pb, m.scale)
            }
        }
    }
}

type Res<T> = Result<T, ParseError<()>>;

fn fail<T>() -> Res<T> {
    Err(ParseError::custom(()))
}

/// Parse a colour from CSS text, without context: `currentColor` gives `None`, `light-dark()`
/// takes the light value.
pub(crate) fn parse_color(text: &str) -> Option<Rgba> {
    let mut parser = Parser::new(text);
    let color = parser.parse_entirely(|p| parse(p, ColorScheme::Light)).ok()?;
    match color {
        Color::Rgba(c) => Some(c),
        _ => None,
    }
}

/// Parse one colour value at the parser's position.
pub(crate) fn parse<'i>(input: &mut Parser<'i>, scheme: ColorScheme) -> Res<Color> {
    let token = input.next().map_err(|_| ParseError::custom(()))?.clone();
    match token {
        Token::Hash(ref h) | Token::IDHash(ref h) => {
            let (r, g, b, a) = cssparser::color::parse_hash_color(h.as_bytes()).or_else(|_| fail())?;
            Ok(Color::Rgba(Rgba { r: r as f32 / 255.0, g: g as f32 / 255.0, b: b as f32 / 255.0, a }))
        }
        Token::Ident(ref name) => named(name).map(Color::Rgba).or_else(|| {
            name.eq_ignore_ascii_case("currentcolor").then_some(Color::Current)
        }).map_or_else(fail, Ok),
        Token::Function(ref name) => {
            let name = name.to_ascii_lowercase();
            input.parse_nested_block(|p| function(&name, p, scheme)).map_err(|_| ParseError::custom(()))
        }
        _ => fail(),
    }
}

/// Named colours, `transparent` and system colours (Chromium's light values).
fn named(name: &str) -> Option<Rgba> {
    let lower = name.to_ascii_lowercase();
    if let Ok((r, g, b)) = cssparser::color::parse_named_color(&lower) {
        return Some(rgb8(r, g, b));
    }
    let hex: u32 = match lower.as_str() {
        "transparent" => return Some(Rgba::TRANSPARENT),
        "canvas" | "field" | "window" | "buttonhighlight" | "threedhighlight" | "infobackground"
        | "menu" | "selecteditemtext" | "accentcolortext" | "highlighttext" => 0xffffff,
        "canvastext" | "fieldtext" | "buttontext" | "windowtext" | "marktext" | "captiontext"
        | "infotext" | "menutext" | "threeddarkshadow" => 0x000000,
        "linktext" | "-webkit-link" => 0x0000ee,
        "visitedtext" => 0x551a8b,
        "activetext" => 0xff0000,
        "buttonface" | "threedface" | "buttonshadow" | "threedlightshadow" | "appworkspace"
        | "background" | "inactivecaption" | "scrollbar" => 0xefefef,
        "buttonborder" | "activeborder" | "inactiveborder" | "threedshadow" | "windowframe" => 0x767676,
        "graytext" | "inactivecaptiontext" => 0x808080,
        "highlight" => 0xb5d5ff,
        "selecteditem" | "accentcolor" | "activecaption" => 0x0075ff,
        "mark" => 0xffff00,
        _ => return None,
    };
    Some(rgb8((hex >> 16) as u8, (hex >> 8) as u8, hex as u8))
}

fn rgb8(r: u8, g: u8, b: u8) -> Rgba {
    Rgba { r: r as f32 / 255.0, g: g as f32 / 255.0, b: b as f32 / 255.0, a: 1.0 }
}

/// One component of a colour function.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Arg {
    Num(f32),
    /// Percentage, as written (50% → 50.0).
    Pct(f32),
    /// Angle in degrees.
    Deg(f32),
    None,
    Slash,
}

impl Arg {
    /// Number, with a percentage mapped so that 100% → `full`; `none` → 0.
    fn scaled(self, full: f32) -> Option<f32> {
        match self {
            Arg::Num(n) => Some(n),
            Arg::Pct(p) => Some(p / 100.0 * full),
            Arg::None => Some(0.0),
            _ => None,
        }
    }
    fn hue(self) -> Option<f32> {
        match self {
            Arg::Num(n) | Arg::Deg(n) => Some(n),
            Arg::None => Some(0.0),
            _ => None,
        }
    }
}

/// Channels and alpha of a colour function's arguments (comma or space syntax).
fn args<'i>(input: &mut Parser<'i>) -> Res<([Arg; 3], f32)> {
    let mut list = Vec::with_capacity(5);
    while !input.is_exhausted() {
        let tok = input.next().map_err(|_| ParseError::custom(()))?.clone();
        let arg = match tok {
            Token::Number { value, .. } => Arg::Num(value),
            Token::Percentage { unit_value, .. } => Arg::Pct(unit_value * 100.0),
            Token::Dimension { value, ref unit, .. } => Arg::Deg(angle(value, unit).ok_or(ParseError::custom(()))?),
            Token::Ident(ref i) if i.eq_ignore_ascii_case("none") => Arg::None,
            Token::Delim('/') => Arg::Slash,
            Token::Comma => continue,
            _ => return fail(),
        };
        list.push(arg);
        if list.len() > 5 {
            return fail();
        }
    }
    let (channels, alpha) = match list.as_slice() {
        [a, b, c] => ([*a, *b, *c], 1.0),
        [a, b, c, Arg::Slash, d] | [a, b, c, d] if *d != Arg::Slash => {
            ([*a, *b, *c], d.scaled(1.0).ok_or(ParseError::custom(()))?)
        }
        _ => return fail(),
    };
    if channels.contains(&Arg::Slash) {
        return fail();
    }
    Ok((channels, alpha.clamp(0.0, 1.0)))
}

fn angle(value: f32, unit: &str) -> Option<f32> {
    match unit.to_ascii_lowercase().as_str() {
        "deg" => Some(value),
        "rad" => Some(value.to_degrees()),
        "grad" => Some(value * 0.9),
        "turn" => Some(value * 360.0),
        _ => None,
    }
}

fn function<'i>(name: &str, input: &mut Parser<'i>, scheme: ColorScheme) -> Res<Color> {
    match name {
        "light-dark" => {
            let light = parse(input, scheme)?;
            input.expect_comma().map_err(|_| ParseError::custom(()))?;
            let dark = parse(input, scheme)?;
            input.expect_exhausted().map_err(|_| ParseError::custom(()))?;
            Ok(if scheme == ColorScheme::Dark { dark } else { light })
        }
        "color-mix" => color_mix(input, scheme),
        "color" => {
            let space = input.expect_ident_cloned().map_err(|_| ParseError::custom(()))?.to_ascii_lowercase();
            let ([a, b, c], alpha) = args(input)?;
            let ch = |x: Arg| x.scaled(1.0).ok_or(ParseError::custom(()));
            let v = [ch(a)?, ch(b)?, ch(c)?];
            let lin = match space.as_str() {
                "srgb" => return Ok(Color::Rgba(clamp(v, alpha))),
                "srgb-linear" => v,
                "display-p3" => mat(&XYZ_TO_LIN_SRGB, mat(&LIN_P3_TO_XYZ, v.map(srgb_to_linear))),
                "a98-rgb" => mat(&XYZ_TO_LIN_SRGB, mat(&LIN_A98_TO_XYZ, v.map(|x| x.signum() * x.abs().powf(563.0 / 256.0)))),
                "rec2020" => mat(&XYZ_TO_LIN_SRGB, mat(&LIN_2020_TO_XYZ, v.map(rec2020_to_linear))),
                "prophoto-rgb" => mat(&XYZ_TO_LIN_SRGB, mat(&D50_TO_D65, mat(&LIN_PROPHOTO_TO_XYZ50, v.map(prophoto_to_linear)))),
                "xyz" | "xyz-d65" => mat(&XYZ_TO_LIN_SRGB, v),
                "xyz-d50" => mat(&XYZ_TO_LIN_SRGB, mat(&D50_TO_D65, v)),
                _ => return fail(),
            };
            Ok(Color::Rgba(from_linear(lin, alpha)))
        }
        _ => {
            let ([a, b, c], alpha) = args(input)?;
            let rgba = channels(name, a, b, c, alpha).ok_or(ParseError::custom(()))?;
            Ok(Color::Rgba(rgba))
        }
    }
}

/// The colour functions with three channels.
fn channels(name: &str, a: Arg, b: Arg, c: Arg, alpha: f32) -> Option<Rgba> {
    Some(match name {
        "rgb" | "rgba" => {
            let v = [a.scaled(255.0)?, b.scaled(255.0)?, c.scaled(255.0)?];
            clamp(v.map(|x| x / 255.0), alpha)
        }
        "hsl" | "hsla" => {
            let hsl = Hsl::new_srgb(a.hue()?, b.scaled(100.0)? / 100.0, c.scaled(100.0)? / 100.0);
            let s: Srgb<f32> = Srgb::from_color(hsl);
            clamp([s.red, s.green, s.blue], alpha)
        }
        "hwb" => {
            let hwb = Hwb::new_srgb(a.hue()?, b.scaled(100.0)? / 100.0, c.scaled(100.0)? / 100.0);
            let s: Srgb<f32> = Srgb::from_color(hwb);
            clamp([s.red, s.green, s.blue], alpha)
        }
        "lab" => from_linear(lab_to_lin_srgb(a.scaled(100.0)?, b.scaled(125.0)?, c.scaled(125.0)?), alpha),
        "lch" => {
            let (l, ch, h) = (a.scaled(100.0)?, b.scaled(150.0)?.max(0.0), c.hue()?);
            let hr = h.to_radians();
            from_linear(lab_to_lin_srgb(l, ch * hr.cos(), ch * hr.sin()), alpha)
        }
        "oklab" => {
            let lab = Oklab::new(a.scaled(1.0)?, b.scaled(0.4)?, c.scaled(0.4)?);
            let lin: LinSrgb<f32> = LinSrgb::from_color_unclamped_oklab(lab);
            from_linear([lin.red, lin.green, lin.blue], alpha)
        }
        "oklch" => {
            let lch = Oklch::new(a.scaled(1.0)?, b.scaled(0.4)?.max(0.0), c.hue()?);
            let lab: Oklab<f32> = palette::convert::FromColorUnclamped::from_color_unclamped(lch);
            let lin: LinSrgb<f32> = LinSrgb::from_color_unclamped_oklab(lab);
            from_linear([lin.red, lin.green, lin.blue], alpha)
        }
        _ => return None,
    })
}

/// Unclamped Oklab → linear sRGB (palette's conversion).
trait FromOklab {
    fn from_color_unclamped_oklab(lab: Oklab<f32>) -> Self;
}
impl FromOklab for LinSrgb<f32> {
    fn from_color_unclamped_oklab(lab: Oklab<f32>) -> Self {
        palette::convert::FromColorUnclamped::from_color_unclamped(lab)
    }
}

fn clamp(v: [f32; 3], alpha: f32) -> Rgba {
    let c = |x: f32| if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) };
    Rgba { r: c(v[0]), g: c(v[1]), b: c(v[2]), a: c(alpha) }
}

fn srgb_to_linear(x: f32) -> f32 {
    let a = x.abs();
    if a <= 0.04045 { x / 12.92 } else { x.signum() * ((a + 0.055) / 1.055).powf(2.4) }
}

fn linear_to_srgb(x: f32) -> f32 {
    let a = x.abs();
    if a <= 0.003_130_8 { x * 12.92 } else { x.signum() * (1.055 * a.powf(1.0 / 2.4) - 0.055) }
}

fn rec2020_to_linear(x: f32) -> f32 {
    const A: f32 = 1.099_296_8;
    const B: f32 = 0.018_053_97;
    let a = x.abs();
    if a < B * 4.5 { x / 4.5 } else { x.signum() * ((a + A - 1.0) / A).powf(1.0 / 0.45) }
}

fn prophoto_to_linear(x: f32) -> f32 {
    let a = x.abs();
    if a <= 16.0 / 512.0 { x / 16.0 } else { x.signum() * a.powf(1.8) }
}

fn from_linear(lin: [f32; 3], alpha: f32) -> Rgba {
    clamp(lin.map(linear_to_srgb), alpha)
}

type M3 = [[f32; 3]; 3];

fn mat(m: &M3, v: [f32; 3]) -> [f32; 3] {
    [
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    ]
}

// Matrices from CSS Color 4, "Sample code for colour conversions".
const XYZ_TO_LIN_SRGB: M3 = [
    [3.240_97, -1.537_383_2, -0.498_610_76],
    [-0.969_243_6, 1.875_967_5, 0.041_555_06],
    [0.055_630_08, -0.203_976_96, 1.056_971_5],
];
const LIN_SRGB_TO_XYZ: M3 = [
    [0.412_390_8, 0.357_584_33, 0.180_480_8],
    [0.212_639, 0.715_168_65, 0.072_192_32],
    [0.019_330_818, 0.119_194_78, 0.950_532_15],
];
const LIN_P3_TO_XYZ: M3 = [
    [0.486_570_95, 0.265_667_7, 0.198_217_29],
    [0.228_974_56, 0.691_738_5, 0.079_286_91],
    [0.0, 0.045_113_38, 1.043_944_4],
];
const LIN_A98_TO_XYZ: M3 = [
    [0.576_669, 0.185_558_24, 0.188_228_65],
    [0.297_344_98, 0.627_363_6, 0.075_291_46],
    [0.027_031_36, 0.070_688_85, 0.991_337_5],
];
const LIN_2020_TO_XYZ: M3 = [
    [0.636_958, 0.144_616_9, 0.168_880_98],
    [0.262_700_2, 0.677_998_07, 0.059_301_716],
    [0.0, 0.028_072_693, 1.060_985_1],
];
const LIN_PROPHOTO_TO_XYZ50: M3 = [
    [0.797_760_5, 0.135_185_84, 0.031_349_35],
    [0.288_071_13, 0.711_843_2, 0.000_085_653_96],
    [0.0, 0.0, 0.825_104_6],
];
const D50_TO_D65: M3 = [
    [0.955_473_4, -0.023_098_537, 0.063_259_31],
    [-0.028_369_706, 1.009_995_5, 0.021_041_399],
    [0.012_314_002, -0.020_507_697, 1.330_366],
];
const D65_TO_D50: M3 = [
    [1.047_929_8, 0.022_946_87, -0.050_192_26],
    [0.029_627_81, 0.990_434_4, -0.017_073_8],
    [-0.009_243_04, 0.015_055_19, 0.751_874_3],
];
const D50_WHITE: [f32; 3] = [0.3457 / 0.3585, 1.0, (1.0 - 0.3457 - 0.3585) / 0.3585];

/// CIE Lab (D50) → linear sRGB.
fn lab_to_lin_srgb(l: f32, a: f32, b: f32) -> [f32; 3] {
    const K: f32 = 24389.0 / 27.0;
    const E: f32 = 216.0 / 24389.0;
    let fy = (l + 16.0) / 116.0;
    let fx = a / 500.0 + fy;
    let fz = fy - b / 200.0;
    let x = if fx.powi(3) > E { fx.powi(3) } else { (116.0 * fx - 16.0) / K };
    let y = if l > K * E { fy.powi(3) } else { l / K };
    let z = if fz.powi(3) > E { fz.powi(3) } else { (116.0 * fz - 16.0) / K };
    let xyz50 = [x * D50_WHITE[0], y * D50_WHITE[1], z * D50_WHITE[2]];
    mat(&XYZ_TO_LIN_SRGB, mat(&D50_TO_D65, xyz50))
}

/// Linear sRGB → CIE Lab (D50).
fn lin_srgb_to_lab(v: [f32; 3]) -> [f32; 3] {
    const K: f32 = 24389.0 / 27.0;
    const E: f32 = 216.0 / 24389.0;
    let xyz = mat(&D65_TO_D50, mat(&LIN_SRGB_TO_XYZ, v));
    let f = |i: usize| {
        let t = xyz[i] / D50_WHITE[i];
        if t > E { t.cbrt() } else { (K * t + 16.0) / 116.0 }
    };
    let (fx, fy, fz) = (f(0), f(1), f(2));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// Interpolation spaces of `color-mix()`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Space {
    Srgb,
    SrgbLinear,
    Lab,
    Oklab,
    Hsl,
    Hwb,
    Lch,
    Oklch,
    Xyz,
    Xyz50,
}

impl Space {
    fn polar(self) -> bool {
        matches!(self, Space::Hsl | Space::Hwb | Space::Lch | Space::Oklch)
    }
}

fn color_mix<'i>(input: &mut Parser<'i>, scheme: ColorScheme) -> Res<Color> {
    let err = |_| ParseError::custom(());
    input.expect_ident_matching("in").map_err(err)?;
    let space = input.expect_ident_cloned().map_err(err)?.to_ascii_lowercase();
    let space = match space.as_str() {
        "srgb" => Space::Srgb,
        "srgb-linear" => Space::SrgbLinear,
        "lab" => Space::Lab,
        "oklab" => Space::Oklab,
        "hsl" => Space::Hsl,
        "hwb" => Space::Hwb,
        "lch" => Space::Lch,
        "oklch" => Space::Oklch,
        "xyz" | "xyz-d65" => Space::Xyz,
        "xyz-d50" => Space::Xyz50,
        // Wide-gamut spaces: interpolating in Oklab is close enough after clamping.
        "display-p3" | "a98-rgb" | "rec2020" | "prophoto-rgb" => Space::Oklab,
        _ => return fail(),
    };
    // Hue interpolation method (`shorter hue` ...): only "shorter" is implemented.
    let _ = input.try_parse(|p| -> Res<()> {
        p.expect_ident().map_err(err)?;
        p.expect_ident_matching("hue").map_err(err)?;
        Ok(())
    });
    input.expect_comma().map_err(err)?;
    let part = |p: &mut Parser<'i>| -> Res<(Color, Option<f32>)> {
        let pct = p.try_parse(|p| p.expect_percentage()).ok();
        let c = parse(p, scheme)?;
        let pct = pct.or_else(|| p.try_parse(|p| p.expect_percentage()).ok());
        Ok((c, pct))
    };
    let (a, pa) = part(input)?;
    input.expect_comma().map_err(err)?;
    let (b, pb) = part(input)?;
    input.expect_exhausted().map_err(err)?;
    let (pa, pb) = match (pa, pb) {
        (None, None) => (0.5, 0.5),
        (Some(x), None) => (x, 1.0 - x),
        (None, Some(y)) => (1.0 - y, y),
        (Some(x), Some(y)) => (x, y),
    };
    if !(0.0..=1.0).contains(&pa) || !(0.0..=1.0).contains(&pb) {
        return fail();
    }
    let sum = pa + pb;
    if sum <= 0.0 {
        return fail();
    }
    let scale = sum.min(1.0);
    let (pa, pb) = (pa / sum, pb / sum);
    match (&a, &b) {
        (Color::Rgba(x), Color::Rgba(y)) => Ok(Color::Rgba(mix(space, *x, pa, *y, pb, scale))),
        _ => Ok(Color::Mix(Arc::new(Mix { space, a, pa, b, pb, scale }))),
    }
}

/// Coordinates of an sRGB colour in `space` (hue last for polar spaces).
fn to_space(space: Space, c: Rgba) -> [f32; 3] {
    let s = [c.r, c.g, c.b];
    let lin = s.map(srgb_to_linear);
    let polar = |v: [f32; 3]| {
        let h = v[2].atan2(v[1]).to_degrees();
        [v[0], (v[1] * v[1] + v[2] * v[2]).sqrt(), if h < 0.0 { h + 360.0 } else { h }]
    };
    match space {
        Space::Srgb => s,
        Space::SrgbLinear => lin,
        Space::Xyz => mat(&LIN_SRGB_TO_XYZ, lin),
        Space::Xyz50 => mat(&D65_TO_D50, mat(&LIN_SRGB_TO_XYZ, lin)),
        Space::Lab => lin_srgb_to_lab(lin),
        Space::Lch => polar(lin_srgb_to_lab(lin)),
        Space::Oklab | Space::Oklch => {
            let lab: Oklab<f32> = palette::convert::FromColorUnclamped::from_color_unclamped(LinSrgb::new(lin[0], lin[1], lin[2]));
            let v = [lab.l, lab.a, lab.b];
            if space == Space::Oklch { polar(v) } else { v }
        }
        Space::Hsl => {
            let h: Hsl = Hsl::from_color(Srgb::new(s[0], s[1], s[2]));
            [h.hue.into_positive_degrees(), h.saturation, h.lightness]
        }
        Space::Hwb => {
            let h: Hwb = Hwb::from_color(Srgb::new(s[0], s[1], s[2]));
            [h.hue.into_positive_degrees(), h.whiteness, h.blackness]
        }
    }
}

fn from_space(space: Space, v: [f32; 3], alpha: f32) -> Rgba {
    let cart = |v: [f32; 3]| {
        let h = v[2].to_radians();
        [v[0], v[1] * h.cos(), v[1] * h.sin()]
    };
    match space {
        Space::Srgb => clamp(v, alpha),
        Space::SrgbLinear => from_linear(v, alpha),
        Space::Xyz => from_linear(mat(&XYZ_TO_LIN_SRGB, v), alpha),
        Space::Xyz50 => from_linear(mat(&XYZ_TO_LIN_SRGB, mat(&D50_TO_D65, v)), alpha),
        Space::Lab => from_linear(lab_to_lin_srgb(v[0], v[1], v[2]), alpha),
        Space::Lch => {
            let c = cart(v);
            from_linear(lab_to_lin_srgb(c[0], c[1], c[2]), alpha)
        }
        Space::Oklab | Space::Oklch => {
            let c = if space == Space::Oklch { cart(v) } else { v };
            let lin = LinSrgb::from_color_unclamped_oklab(Oklab::new(c[0], c[1], c[2]));
            from_linear([lin.red, lin.green, lin.blue], alpha)
        }
        Space::Hsl => {
            let s: Srgb<f32> = Srgb::from_color(Hsl::new_srgb(v[0], v[1], v[2]));
            clamp([s.red, s.green, s.blue], alpha)
        }
        Space::Hwb => {
            let s: Srgb<f32> = Srgb::from_color(Hwb::new_srgb(v[0], v[1], v[2]));
            clamp([s.red, s.green, s.blue], alpha)
        }
    }
}

/// `color-mix()`: premultiplied interpolation, shorter hue arc, weights already normalised.
fn mix(space: Space, a: Rgba, pa: f32, b: Rgba, pb: f32, scale: f32) -> Rgba {
    let mut va = to_space(space, a);
    let mut vb = to_space(space, b);
    let alpha = a.a * pa + b.a * pb;
    let hue = if space.polar() { Some(if matches!(space, Space::Hsl | Space::Hwb) { 0 } else { 2 }) } else { None };
    // A fully transparent side (e.g. `transparent`) has no hue: take the other's (powerless hue).
    if let Some(h) = hue {
        if a.a == 0.0 {
            va[h] = vb[h];
        } else if b.a == 0.0 {
            vb[h] = va[h];
        }
        let d = vb[h] - va[h];
        if d > 180.0 {
            va[h] += 360.0;
        } else if d < -180.0 {
            vb[h] += 360.0;
        }
    }
    let mut out = [0.0f32; 3];
    for i in 0..3 {
        if Some(i) == hue {
            out[i] = (va[i] * pa + vb[i] * pb).rem_euclid(360.0);
        } else if alpha > 0.0 {
            out[i] = (va[i] * a.a * pa + vb[i] * b.a * pb) / alpha;
        }
    }
    from_space(space, out, alpha * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb255(text: &str) -> [u8; 4] {
        let c = parse_color(text).unwrap_or_else(|| panic!("{text} did not parse"));
        [c.r, c.g, c.b, c.a].map(|x| (x * 255.0).round() as u8)
    }

    fn close(text: &str, want: [u8; 4]) {
        let got = rgb255(text);
        for i in 0..4 {
            assert!((got[i] as i32 - want[i] as i32).abs() <= 1, "{text}: got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn named_hex_and_rgb() {
        close("red", [255, 0, 0, 255]);
        close("RebeccaPurple", [102, 51, 153, 255]);
        close("transparent", [0, 0, 0, 0]);
        close("#abc", [0xaa, 0xbb, 0xcc, 255]);
        close("#abcd", [0xaa, 0xbb, 0xcc, 0xdd]);
        close("#102030", [16, 32, 48, 255]);
        close("#10203080", [16, 32, 48, 128]);
        close("rgb(1, 2, 3)", [1, 2, 3, 255]);
        close("rgba(1, 2, 3, 0.5)", [1, 2, 3, 128]);
        close("rgb(100% 0% 50% / 50%)", [255, 0, 128, 128]);
        close("rgb(10 20 30 / .25)", [10, 20, 30, 64]);
        close("rgb(300, -5, 0)", [255, 0, 0, 255]);
        assert_eq!(parse_color("currentColor"), None);
        assert_eq!(parse_color("rgb(1, 2)"), None);
        assert_eq!(parse_color("notacolor"), None);
    }

    #[test]
    fn hsl_hwb() {
        close("hsl(120, 100%, 50%)", [0, 255, 0, 255]);
        close("hsla(240 100% 50% / 0.5)", [0, 0, 255, 128]);
        close("hsl(0.5turn 100% 25%)", [0, 128, 128, 255]);
        close("hwb(0 0% 0%)", [255, 0, 0, 255]);
        close("hwb(120 20% 20%)", [51, 204, 51, 255]);
    }

    #[test]
    fn lab_family() {
        close("oklch(62.8% 0.2577 29.23)", [255, 0, 0, 255]);
        close("oklch(0.628 0.2577 29.23 / 50%)", [255, 0, 0, 128]);
        close("oklab(0.628 0.2249 0.1258)", [255, 0, 0, 255]);
        close("lab(54.29 80.81 69.89)", [255, 0, 0, 255]);
        close("lch(54.29 106.84 40.85)", [255, 0, 0, 255]);
        close("lab(100 0 0)", [255, 255, 255, 255]);
        // Tailwind v4 blue-500, outside sRGB: clamped.
        let c = rgb255("oklch(62.3% 0.214 259.815)");
        assert!(c[2] > 240 && c[0] < 60, "{c:?}");
    }

    #[test]
    fn color_function_and_mix() {
        close("color(srgb 1 0 0)", [255, 0, 0, 255]);
        close("color(srgb-linear 0.2140 0.2140 0.2140)", [128, 128, 128, 255]);
        close("color(display-p3 1 0 0)", [255, 0, 0, 255]);
        close("color(xyz-d65 0.9505 1 1.089)", [255, 255, 255, 255]);
        close("color-mix(in srgb, red 50%, blue)", [128, 0, 128, 255]);
        close("color-mix(in oklab, #000 50%, transparent)", [0, 0, 0, 128]);
        close("color-mix(in srgb, white, black)", [128, 128, 128, 255]);
        close("color-mix(in srgb, red 30%, blue 20%)", [153, 0, 102, 128]);
        close("light-dark(white, black)", [255, 255, 255, 255]);
        close("ButtonFace", [0xef, 0xef, 0xef, 255]);
        close("CanvasText", [0, 0, 0, 255]);
    }

    #[test]
    fn dark_scheme_and_current() {
        let mut p = Parser::new("light-dark(white, #111)");
        let c = parse(&mut p, ColorScheme::Dark).unwrap();
        assert_eq!(c.resolve(Rgba::WHITE), Rgba { r: 17.0 / 255.0, g: 17.0 / 255.0, b: 17.0 / 255.0, a: 1.0 });
        let mut p = Parser::new("color-mix(in oklab, currentColor 50%, transparent)");
        let c = parse(&mut p, ColorScheme::Light).unwrap();
        let r = c.resolve(Rgba { r: 1.0, g: 0.0, b: 0.0, a: 1.0 });
        assert!((r.a - 0.5).abs() < 0.01 && r.r > 0.99, "{r:?}");
    }
}
