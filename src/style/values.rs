//! Lengths and numbers: units, `calc()`/`min()`/`max()`/`clamp()` where they reduce statically,
//! and the parse context (viewport, colour scheme) values depend on.

use cssparser::{Parser, Token};

use crate::options::{ColorScheme, Viewport};

/// What parsing a value may depend on besides its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Ctx {
    /// For `vw`/`vh` and `@media`. Read only by [`dimension`] (which flags viewport units) and
    /// by media queries (which the cascade keeps, see `ViewportReads`): `at_viewport` relies on it.
    pub viewport: Viewport,
    /// For `light-dark()` and `prefers-color-scheme`.
    pub scheme: ColorScheme,
    /// `@media (orientation)` answers the opposite of the viewport's shape (for the
    /// orientation-lock rule, which compares both).
    pub orientation_flipped: bool,
}

/// A length as a sum of px, em, rem and percent parts (what `calc()` of sums reduces to).
/// Viewport units are folded into `px` at parse time: the viewport is fixed per check.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Length {
    pub px: f32,
    pub em: f32,
    pub rem: f32,
    /// Percent, as written (50% → 50).
    pub pct: f32,
}

impl Length {
    pub(crate) fn px(px: f32) -> Length {
        Length { px, ..Length::default() }
    }

    /// Resolve to px. `basis` is what 100% means (None: percentages can't be resolved).
    pub(crate) fn resolve(&self, font_size: f32, root_font_size: f32, basis: Option<f32>) -> Option<f32> {
        let mut v = self.px + self.em * font_size + self.rem * root_font_size;
        if self.pct != 0.0 {
            v += self.pct / 100.0 * basis?;
        }
        v.is_finite().then_some(v)
    }

    fn scale(self, k: f32) -> Length {
        Length { px: self.px * k, em: self.em * k, rem: self.rem * k, pct: self.pct * k }
    }

    fn add(self, o: Length) -> Length {
        Length { px: self.px + o.px, em: self.em + o.em, rem: self.rem + o.rem, pct: self.pct + o.pct }
    }

    /// Only px (after folding): comparable for `min()`/`max()`.
    fn pure_px(&self) -> Option<f32> {
        (self.em == 0.0 && self.rem == 0.0 && self.pct == 0.0).then_some(self.px)
    }
}

/// Result of a `calc()` sub-expression.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Calc {
    Num(f32),
    Len(Length),
}

thread_local! {
    /// Set when a length in viewport units is computed: one of the two ways (with media
    /// queries) a style can depend on the viewport's size. The cascade's `collect` resets it
    /// and its `pass` reads it into `Styles` (`ViewportReads`).
    pub(crate) static VIEWPORT_UNITS_USED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A length in viewport units, folded to px (and flagged, see [`VIEWPORT_UNITS_USED`]).
fn viewport_px(px: f32) -> Length {
    VIEWPORT_UNITS_USED.with(|f| f.set(true));
    Length::px(px)
}

/// A unit → its length, for absolute, font-relative and viewport units.
pub(crate) fn dimension(value: f32, unit: &str, ctx: &Ctx) -> Option<Length> {
    let u = unit.to_ascii_lowercase();
    let (w, h) = (ctx.viewport.width / 100.0, ctx.viewport.height / 100.0);
    Some(match u.as_str() {
        "px" => Length::px(value),
        "pt" => Length::px(value * 4.0 / 3.0),
        "pc" => Length::px(value * 16.0),
        "in" => Length::px(value * 96.0),
        "cm" => Length::px(value * 96.0 / 2.54),
        "mm" => Length::px(value * 96.0 / 25.4),
        "q" => Length::px(value * 96.0 / 101.6),
        "em" => Length { em: value, ..Length::default() },
        "rem" => Length { rem: value, ..Length::default() },
        // Without font metrics: the usual approximations.
        "ex" | "ch" => Length { em: value * 0.5, ..Length::default() },
        "cap" => Length { em: value * 0.7, ..Length::default() },
        "ic" | "lh" => Length { em: value * if u == "lh" { 1.2 } else { 1.0 }, ..Length::default() },
        "rlh" => Length { rem: value * 1.2, ..Length::default() },
        "vw" | "svw" | "lvw" | "dvw" | "vi" | "svi" | "lvi" | "dvi" => viewport_px(value * w),
        "vh" | "svh" | "lvh" | "dvh" | "vb" | "svb" | "lvb" | "dvb" => viewport_px(value * h),
        "vmin" | "svmin" | "lvmin" | "dvmin" => viewport_px(value * w.min(h)),
        "vmax" | "svmax" | "lvmax" | "dvmax" => viewport_px(value * w.max(h)),
        _ => return None,
    })
}

/// Viewport-relative units, as `dimension` reads them.
const VIEWPORT_UNITS: &[&str] = &[
    "vw", "svw", "lvw", "dvw", "vi", "svi", "lvi", "dvi", "vh", "svh", "lvh", "dvh", "vb", "svb", "lvb", "dvb",
    "vmin", "svmin", "lvmin", "dvmin", "vmax", "svmax", "lvmax", "dvmax",
];

/// Whether CSS text may hold a length in a viewport unit (a number directly followed by one;
/// an escape counts too). Errs towards yes: a yes only costs a restyle.
pub(crate) fn mentions_viewport_units(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'\\' {
            return true;
        }
        if !(c.is_ascii_digit() || c == b'.') {
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i > start && VIEWPORT_UNITS.iter().any(|u| u.as_bytes().eq_ignore_ascii_case(&b[start..i])) {
            return true;
        }
    }
    false
}

/// A length or percentage (unitless 0 allowed), including math functions.
pub(crate) fn parse_length(input: &mut Parser, ctx: &Ctx) -> Result<Length, ()> {
    match leaf(input, ctx, 0)? {
        Calc::Len(l) => Ok(l),
        Calc::Num(0.0) => Ok(Length::default()),
        Calc::Num(_) => Err(()),
    }
}

/// A number, including math functions (`calc(1 / 2)`).
pub(crate) fn parse_number(input: &mut Parser, ctx: &Ctx) -> Result<f32, ()> {
    match leaf(input, ctx, 0)? {
        Calc::Num(n) => Ok(n),
        Calc::Len(_) => Err(()),
    }
}

/// Percentage (as 0..1) or number.
pub(crate) fn parse_number_or_percentage(input: &mut Parser, ctx: &Ctx) -> Result<f32, ()> {
    match leaf(input, ctx, 0)? {
        Calc::Num(n) => Ok(n),
        Calc::Len(l) if l.px == 0.0 && l.em == 0.0 && l.rem == 0.0 => Ok(l.pct / 100.0),
        Calc::Len(_) => Err(()),
    }
}

const MAX_DEPTH: u32 = 32;

/// One operand: a number, dimension, percentage, or a math function / parenthesised sum.
fn leaf(input: &mut Parser, ctx: &Ctx, depth: u32) -> Result<Calc, ()> {
    if depth > MAX_DEPTH {
        return Err(());
    }
    let tok = input.next().map_err(|_| ())?.clone();
    match tok {
        Token::Number { value, .. } => Ok(Calc::Num(value)),
        Token::Percentage { unit_value, .. } => Ok(Calc::Len(Length { pct: unit_value * 100.0, ..Length::default() })),
        Token::Dimension { value, ref unit, .. } => dimension(value, unit, ctx).map(Calc::Len).ok_or(()),
        Token::ParenthesisBlock => input.parse_nested_block(|p| sum(p, ctx, depth + 1).map_err(|_| cssparser::ParseError::<()>::custom(()))).map_err(|_| ()),
        Token::Function(ref name) => {
            let name = name.to_ascii_lowercase();
            input
                .parse_nested_block(|p| math(&name, p, ctx, depth + 1).map_err(|_| cssparser::ParseError::<()>::custom(())))
                .map_err(|_| ())
        }
        Token::Ident(ref i) if depth > 0 => match i.to_ascii_lowercase().as_str() {
            "pi" => Ok(Calc::Num(std::f32::consts::PI)),
            "e" => Ok(Calc::Num(std::f32::consts::E)),
            _ => Err(()),
        },
        _ => Err(()),
    }
}

fn math(name: &str, input: &mut Parser, ctx: &Ctx, depth: u32) -> Result<Calc, ()> {
    match name {
        "calc" | "-webkit-calc" => {
            let v = sum(input, ctx, depth)?;
            input.expect_exhausted().map_err(|_| ())?;
            Ok(v)
        }
        "min" | "max" | "clamp" => {
            let args = input
                .parse_comma_separated(|p| sum(p, ctx, depth).map_err(|_| cssparser::ParseError::<()>::custom(())))
                .map_err(|_| ())?;
            let nums: Option<Vec<f32>> = args
                .iter()
                .map(|a| match a {
                    Calc::Num(n) => Some(*n),
                    Calc::Len(l) => l.pure_px(),
                })
                .collect();
            let nums = nums.ok_or(())?;
            let is_len = matches!(args.first(), Some(Calc::Len(_)));
            let v = match (name, nums.as_slice()) {
                ("min", [first, rest @ ..]) => rest.iter().fold(*first, |a, b| a.min(*b)),
                ("max", [first, rest @ ..]) => rest.iter().fold(*first, |a, b| a.max(*b)),
                ("clamp", [lo, v, hi]) => v.min(*hi).max(*lo),
                _ => return Err(()),
            };
            Ok(if is_len { Calc::Len(Length::px(v)) } else { Calc::Num(v) })
        }
        _ => Err(()),
    }
}

/// `a + b - c` of products.
fn sum(input: &mut Parser, ctx: &Ctx, depth: u32) -> Result<Calc, ()> {
    let mut acc = product(input, ctx, depth)?;
    loop {
        let state = input.state();
        let op = match input.next() {
            Ok(Token::Delim('+')) => 1.0,
            Ok(Token::Delim('-')) => -1.0,
            Ok(_) => {
                input.reset(&state);
                return Ok(acc);
            }
            Err(_) => return Ok(acc),
        };
        let rhs = product(input, ctx, depth)?;
        acc = match (acc, rhs) {
            (Calc::Num(a), Calc::Num(b)) => Calc::Num(a + op * b),
            (Calc::Len(a), Calc::Len(b)) => Calc::Len(a.add(b.scale(op))),
            // `0 + 1px` is invalid CSS, but harmless to accept.
            (Calc::Len(a), Calc::Num(b)) | (Calc::Num(b), Calc::Len(a)) if b == 0.0 => Calc::Len(a),
            _ => return Err(()),
        };
    }
}

/// `a * b / c`.
fn product(input: &mut Parser, ctx: &Ctx, depth: u32) -> Result<Calc, ()> {
    let mut acc = leaf(input, ctx, depth + 1)?;
    loop {
        let state = input.state();
        let op = match input.next() {
            Ok(Token::Delim('*')) => '*',
            Ok(Token::Delim('/')) => '/',
            Ok(_) => {
                input.reset(&state);
                return Ok(acc);
            }
            Err(_) => return Ok(acc),
        };
        let rhs = leaf(input, ctx, depth + 1)?;
        acc = match (op, acc, rhs) {
            ('*', Calc::Num(a), Calc::Num(b)) => Calc::Num(a * b),
            ('*', Calc::Len(a), Calc::Num(b)) | ('*', Calc::Num(b), Calc::Len(a)) => Calc::Len(a.scale(b)),
            ('/', Calc::Num(a), Calc::Num(b)) if b != 0.0 => Calc::Num(a / b),
            ('/', Calc::Len(a), Calc::Num(b)) if b != 0.0 => Calc::Len(a.scale(1.0 / b)),
            _ => return Err(()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(text: &str) -> Option<Length> {
        let ctx = Ctx { viewport: Viewport { width: 1000.0, height: 500.0 }, scheme: ColorScheme::Light, orientation_flipped: false };
        let mut p = Parser::new(text);
        p.parse_entirely(|p| parse_length(p, &ctx).map_err(|_| cssparser::ParseError::<()>::custom(()))).ok()
    }

    #[test]
    fn units_and_calc() {
        assert_eq!(len("12pt").unwrap().px, 16.0);
        assert_eq!(len("0").unwrap(), Length::default());
        assert!(len("5").is_none());
        assert_eq!(len("10vw").unwrap().px, 100.0);
        assert_eq!(len("2em").unwrap().em, 2.0);
        let l = len("calc(100% - 2 * 1rem + 4px)").unwrap();
        assert_eq!((l.pct, l.rem, l.px), (100.0, -2.0, 4.0));
        assert_eq!(len("calc((10px + 6px) / 2)").unwrap().px, 8.0);
        assert_eq!(len("max(10px, 20px)").unwrap().px, 20.0);
        assert_eq!(len("clamp(1px, 50px, 20px)").unwrap().px, 20.0);
        assert!(len("calc(10px * 2px)").is_none());
        assert_eq!(len("calc(2em)").unwrap().resolve(10.0, 16.0, None), Some(20.0));
        assert_eq!(len("50%").unwrap().resolve(10.0, 16.0, None), None);
    }

    #[test]
    fn viewport_units_are_spotted() {
        for yes in ["10vw", "calc(1px + .5VMin)", "1e3vh", "var(--a, 2dvb)", "1\\76w"] {
            assert!(mentions_viewport_units(yes), "{yes}");
        }
        for no in ["10px", "var(--vw)", "vw", "2em .5rem", "#1vwx", "url(a1vwb.png)"] {
            assert!(!mentions_viewport_units(no), "{no}");
        }
    }
}
