//! The properties the cascade computes, their specified values, and declaration parsing.
//!
//! Declarations are parsed once per rule: a value is parsed into a typed [`Value`] right away,
//! unless it holds `var()`, in which case its text is kept and substituted per element.
//! Shorthands (`background`, `font`, `outline`, `overflow`, `all`) expand to longhands here.
//! Unknown properties and invalid values are errors, which the caller drops (CSS error recovery).

use std::sync::Arc;

use cssparser::{Parser, Token};

use super::color::{self, Color};
use super::values::{self, Ctx, Length};
use super::{Display, Overflow, Position, Visibility};

/// A computed longhand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prop {
    Display,
    Visibility,
    Opacity,
    Color,
    BackgroundColor,
    BackgroundImage,
    FontSize,
    FontWeight,
    Position,
    Clip,
    ClipPath,
    OverflowX,
    OverflowY,
    Width,
    Height,
    MaxWidth,
    OutlineStyle,
    OutlineWidth,
    BoxShadow,
    TextShadow,
    Cursor,
    TextIndent,
    Content,
    LetterSpacing,
    WordSpacing,
    LineHeight,
    Transform,
    Rotate,
    Top,
    Left,
    TextDecorationLine,
    BorderBottom,
}

/// Number of [`Prop`]s (size of per-element winner arrays).
pub(crate) const PROP_COUNT: usize = 32;

/// Every property, for `all`.
const ALL_PROPS: [Prop; PROP_COUNT] = [
    Prop::Display,
    Prop::Visibility,
    Prop::Opacity,
    Prop::Color,
    Prop::BackgroundColor,
    Prop::BackgroundImage,
    Prop::FontSize,
    Prop::FontWeight,
    Prop::Position,
    Prop::Clip,
    Prop::ClipPath,
    Prop::OverflowX,
    Prop::OverflowY,
    Prop::Width,
    Prop::Height,
    Prop::MaxWidth,
    Prop::OutlineStyle,
    Prop::OutlineWidth,
    Prop::BoxShadow,
    Prop::TextShadow,
    Prop::Cursor,
    Prop::TextIndent,
    Prop::Content,
    Prop::LetterSpacing,
    Prop::WordSpacing,
    Prop::LineHeight,
    Prop::Transform,
    Prop::Rotate,
    Prop::Top,
    Prop::Left,
    Prop::TextDecorationLine,
    Prop::BorderBottom,
];

impl Prop {
    /// Whether the property inherits by default.
    pub(crate) fn inherited(self) -> bool {
        matches!(
            self,
            Prop::Visibility
                | Prop::Color
                | Prop::FontSize
                | Prop::FontWeight
                | Prop::Cursor
                | Prop::TextShadow
                | Prop::TextIndent
                | Prop::LetterSpacing
                | Prop::WordSpacing
                | Prop::LineHeight
        )
    }
}

/// Shorthands whose `var()`-holding values are expanded per element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shorthand {
    Background,
    Font,
    Outline,
    Overflow,
    Inset,
}

impl Shorthand {
    fn name(self) -> &'static str {
        match self {
            Shorthand::Background => "background",
            Shorthand::Font => "font",
            Shorthand::Outline => "outline",
            Shorthand::Overflow => "overflow",
            Shorthand::Inset => "inset",
        }
    }
}

/// `font-size` as specified.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum FontSize {
    /// Absolute keyword, in px.
    Keyword(f32),
    /// em and % relative to the parent's size.
    Length(Length),
    Larger,
    Smaller,
}

/// `font-weight` as specified.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum FontWeight {
    Absolute(u16),
    Bolder,
    Lighter,
}

/// `line-height` as specified (and computed: numbers inherit as numbers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum LineHeightSpec {
    Normal,
    Number(f32),
    Length(Length),
}

/// One part of `content`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ContentItem {
    Text(Arc<str>),
    Attr(String),
    OpenQuote,
    CloseQuote,
    /// Counters, images and anything else that gives no text we can know.
    Nothing,
}

/// A parsed value of one longhand.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Display(Display),
    Visibility(Visibility),
    Number(f32),
    Color(Color),
    Bool(bool),
    Length(Length),
    /// `auto`, `none`, `normal` or an intrinsic size keyword: no definite length.
    NoLength,
    FontSize(FontSize),
    FontWeight(FontWeight),
    Position(Position),
    /// `clip: rect()` sides (None: `auto`), or `auto` for the whole property.
    Clip(Option<[Option<Length>; 4]>),
    Text(Option<Arc<str>>),
    Overflow(Overflow),
    /// `content` items (None: `none`/`normal`), and whether alt text replaced them.
    Content(Option<Arc<[ContentItem]>>),
    /// outline-style: whether it is anything but `none`.
    OutlineStyle(bool),
    LineHeight(LineHeightSpec),
    /// `transform` / `rotate`: the rotation about the Z axis in degrees, when a function that
    /// can rotate is present (`None`: `none` or only translations, scales, skews).
    Rotation(Option<f32>),
}

/// A declared value before computation.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Specified {
    Value(Value),
    Inherit,
    Initial,
    Unset,
    Revert,
    /// A longhand whose text holds `var()`.
    Var(Arc<str>),
    /// A longhand set by a shorthand whose text holds `var()`.
    VarShorthand(Shorthand, Arc<str>),
}

/// One declaration of a computed longhand.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Decl {
    pub prop: Prop,
    pub value: Specified,
    pub important: bool,
}

/// One custom property declaration (`--name: value`), value as written (trimmed).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CustomDecl {
    pub name: Arc<str>,
    pub value: Arc<str>,
    pub important: bool,
}

/// The declarations of one rule or `style` attribute.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct DeclBlock {
    pub decls: Vec<Decl>,
    pub customs: Vec<CustomDecl>,
}

impl DeclBlock {
    pub(crate) fn is_empty(&self) -> bool {
        self.decls.is_empty() && self.customs.is_empty()
    }
}

/// Parse the declarations of a `style` attribute (or any declaration list).
pub(crate) fn parse_declaration_list(text: &str, ctx: &Ctx) -> DeclBlock {
    let mut block = DeclBlock::default();
    let mut parser = Parser::new(text);
    let mut decls = ListParser { block: &mut block, ctx };
    for _ in cssparser::RuleBodyParser::new(&mut parser, &mut decls) {}
    block
}

struct ListParser<'a> {
    block: &'a mut DeclBlock,
    ctx: &'a Ctx,
}

impl<'i> cssparser::DeclarationParser<'i> for ListParser<'_> {
    type Declaration = ();
    type Error = ();
    fn parse_value(
        &mut self,
        name: cssparser::CowRcStr<'i>,
        input: &mut Parser<'i>,
        _start: &cssparser::ParserState,
    ) -> Result<(), cssparser::ParseError<()>> {
        parse_declaration(&name, input, self.ctx, self.block).map_err(|_| cssparser::ParseError::custom(()))
    }
}

impl<'i> cssparser::AtRuleParser<'i> for ListParser<'_> {
    type Prelude = ();
    type AtRule = ();
    type Error = ();
}

impl<'i> cssparser::QualifiedRuleParser<'i> for ListParser<'_> {
    type Prelude = ();
    type QualifiedRule = ();
    type Error = ();
}

impl<'i> cssparser::RuleBodyItemParser<'i, (), ()> for ListParser<'_> {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        false
    }
}

/// Split `!important` off a declaration's value text.
fn split_important(raw: &str) -> (&str, bool) {
    let t = raw.trim_end();
    let n = "important".len();
    if t.len() >= n && t.is_char_boundary(t.len() - n) && t[t.len() - n..].eq_ignore_ascii_case("important") {
        let rest = t[..t.len() - n].trim_end();
        if let Some(v) = rest.strip_suffix('!') {
            return (v.trim(), true);
        }
    }
    (t.trim(), false)
}

/// Whether value text holds a `var()` reference.
pub(crate) fn has_var(text: &str) -> bool {
    text.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"var("))
}

fn css_wide(text: &str) -> Option<Specified> {
    let is = |word: &str| text.eq_ignore_ascii_case(word);
    Some(if is("inherit") {
        Specified::Inherit
    } else if is("initial") {
        Specified::Initial
    } else if is("unset") {
        Specified::Unset
    } else if is("revert") || is("revert-layer") {
        Specified::Revert
    } else {
        return None;
    })
}

/// Longhands a property name sets, and the shorthand it is (if any).
fn longhands(name: &str) -> Option<(&'static [Prop], Option<Shorthand>)> {
    use Prop::*;
    Some(match name {
        "display" => (&[Display], None),
        "visibility" => (&[Visibility], None),
        "opacity" => (&[Opacity], None),
        "color" => (&[Color], None),
        "background-color" => (&[BackgroundColor], None),
        "background-image" => (&[BackgroundImage], None),
        "font-size" => (&[FontSize], None),
        "font-weight" => (&[FontWeight], None),
        "position" => (&[Position], None),
        "clip" => (&[Clip], None),
        "clip-path" | "-webkit-clip-path" => (&[ClipPath], None),
        "overflow-x" => (&[OverflowX], None),
        "overflow-y" => (&[OverflowY], None),
        "width" | "inline-size" => (&[Width], None),
        "height" | "block-size" => (&[Height], None),
        "max-width" | "max-inline-size" => (&[MaxWidth], None),
        "transform" | "-webkit-transform" => (&[Transform], None),
        "rotate" => (&[Rotate], None),
        "outline-style" => (&[OutlineStyle], None),
        "outline-width" => (&[OutlineWidth], None),
        "box-shadow" | "-webkit-box-shadow" => (&[BoxShadow], None),
        "text-shadow" => (&[TextShadow], None),
        // text-decoration: only whether a line is drawn (the shorthand resets the line to none).
        "text-decoration-line" | "text-decoration" => (&[TextDecorationLine], None),
        // border: only whether the bottom edge draws a line (links underlined by a border).
        "border-bottom-style" | "border-bottom" | "border-style" | "border" | "border-block-end" => (&[BorderBottom], None),
        "cursor" => (&[Cursor], None),
        "text-indent" => (&[TextIndent], None),
        "content" => (&[Content], None),
        "letter-spacing" => (&[LetterSpacing], None),
        "word-spacing" => (&[WordSpacing], None),
        "line-height" => (&[LineHeight], None),
        "top" => (&[Top], None),
        "left" => (&[Left], None),
        "inset" => (&[Top, Left], Some(Shorthand::Inset)),
        "background" => (&[BackgroundColor, BackgroundImage], Some(Shorthand::Background)),
        "font" => (&[FontSize, FontWeight, LineHeight], Some(Shorthand::Font)),
        "outline" => (&[OutlineStyle, OutlineWidth], Some(Shorthand::Outline)),
        "overflow" => (&[OverflowX, OverflowY], Some(Shorthand::Overflow)),
        "all" => (&ALL_PROPS, None),
        _ => return None,
    })
}

/// `name` in ASCII lower case, copied only when it has an upper-case letter (names in sheets
/// rarely do, and this runs for every declaration).
fn ascii_lowercase(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        name.to_ascii_lowercase().into()
    } else {
        name.into()
    }
}

/// Whether the cascade understands this property (for `@supports`, and to skip rules that set
/// nothing it computes).
pub(crate) fn is_computed_property(name: &str) -> bool {
    longhands(&ascii_lowercase(name)).is_some()
}

/// Whether [`parse_declaration`] may keep a declaration of this property: a custom property
/// or one the cascade understands.
pub(crate) fn is_kept_property(name: &str) -> bool {
    name.starts_with("--") || is_computed_property(name)
}

/// Parse one declaration (the parser is positioned after the colon) into `out`.
pub(crate) fn parse_declaration(name: &str, input: &mut Parser, ctx: &Ctx, out: &mut DeclBlock) -> Result<(), ()> {
    let start = input.position();
    while input.next_including_whitespace_and_comments().is_ok() {}
    let (text, important) = split_important(input.slice_from(start));
    if name.starts_with("--") {
        out.customs.push(CustomDecl { name: name.into(), value: text.into(), important });
        return Ok(());
    }
    let lname = ascii_lowercase(name);
    let (props, shorthand) = longhands(&lname).ok_or(())?;
    if text.is_empty() {
        return Err(());
    }
    if let Some(kw) = css_wide(text) {
        out.decls.extend(props.iter().map(|&prop| Decl { prop, value: kw.clone(), important }));
        return Ok(());
    }
    if lname == "all" {
        return Err(());
    }
    if has_var(text) {
        let text: Arc<str> = text.into();
        out.decls.extend(props.iter().map(|&prop| Decl {
            prop,
            value: match shorthand {
                Some(s) => Specified::VarShorthand(s, text.clone()),
                None => Specified::Var(text.clone()),
            },
            important,
        }));
        return Ok(());
    }
    let values = parse_value(&lname, text, ctx).ok_or(())?;
    out.decls.extend(values.into_iter().map(|(prop, v)| Decl { prop, value: Specified::Value(v), important }));
    Ok(())
}

/// Parse a substituted `var()` value for `prop` (declared through `shorthand`, if any).
pub(crate) fn parse_substituted(prop: Prop, shorthand: Option<Shorthand>, text: &str, ctx: &Ctx) -> Option<Specified> {
    let text = text.trim();
    if let Some(kw) = css_wide(text) {
        return Some(kw);
    }
    let name = match shorthand {
        Some(s) => s.name(),
        None => prop_name(prop),
    };
    parse_value(name, text, ctx)?.into_iter().find(|(p, _)| *p == prop).map(|(_, v)| Specified::Value(v))
}

fn prop_name(prop: Prop) -> &'static str {
    match prop {
        Prop::Display => "display",
        Prop::Visibility => "visibility",
        Prop::Opacity => "opacity",
        Prop::Color => "color",
        Prop::BackgroundColor => "background-color",
        Prop::BackgroundImage => "background-image",
        Prop::FontSize => "font-size",
        Prop::FontWeight => "font-weight",
        Prop::Position => "position",
        Prop::Clip => "clip",
        Prop::ClipPath => "clip-path",
        Prop::OverflowX => "overflow-x",
        Prop::OverflowY => "overflow-y",
        Prop::Width => "width",
        Prop::Height => "height",
        Prop::MaxWidth => "max-width",
        Prop::OutlineStyle => "outline-style",
        Prop::OutlineWidth => "outline-width",
        Prop::BoxShadow => "box-shadow",
        Prop::TextShadow => "text-shadow",
        Prop::Cursor => "cursor",
        Prop::TextIndent => "text-indent",
        Prop::Content => "content",
        Prop::LetterSpacing => "letter-spacing",
        Prop::WordSpacing => "word-spacing",
        Prop::LineHeight => "line-height",
        Prop::Transform => "transform",
        Prop::Rotate => "rotate",
        Prop::Top => "top",
        Prop::Left => "left",
        Prop::TextDecorationLine => "text-decoration-line",
        Prop::BorderBottom => "border-bottom",
    }
}

type Out = Vec<(Prop, Value)>;

/// Parse a (var-free) value of property `name` (lower case).
fn parse_value(name: &str, text: &str, ctx: &Ctx) -> Option<Out> {
    let mut parser = Parser::new(text);
    parser
        .parse_entirely(|p| value(name, p, ctx).map_err(|_| cssparser::ParseError::<()>::custom(())))
        .ok()
}

fn one(prop: Prop, v: Value) -> Result<Out, ()> {
    Ok(vec![(prop, v)])
}

/// An angle in degrees (`deg`, `rad`, `grad`, `turn`, or a unitless 0).
fn angle_degrees(token: &Token) -> Option<f32> {
    match token {
        Token::Dimension { value, unit, .. } => match unit.to_ascii_lowercase().as_str() {
            "deg" => Some(*value),
            "rad" => Some(value.to_degrees()),
            "grad" => Some(value * 0.9),
            "turn" => Some(value * 360.0),
            _ => None,
        },
        Token::Number { value, .. } if *value == 0.0 => Some(0.0),
        _ => None,
    }
}

/// One argument of a transform function: a number, an angle (degrees) or something else.
#[derive(Clone, Copy)]
enum TArg {
    Num(f32),
    Deg(f32),
    Other,
}

fn transform_args(input: &mut Parser) -> Result<Vec<TArg>, ()> {
    input
        .parse_nested_block(|p| -> Result<Vec<TArg>, cssparser::ParseError<()>> {
            let mut args = Vec::new();
            while let Ok(t) = p.next() {
                let arg = match t {
                    Token::Comma | Token::WhiteSpace(_) => continue,
                    Token::Number { value, .. } => TArg::Num(*value),
                    t => angle_degrees(t).map_or(TArg::Other, TArg::Deg),
                };
                args.push(arg);
            }
            Ok(args)
        })
        .map_err(|_| ())
}

/// The Z rotation of a `transform` value: `Ok(None)` for `none` or functions that can't rotate
/// about Z, `Err` for an invalid value (the declaration is dropped).
fn transform_rotation(input: &mut Parser, _ctx: &Ctx) -> Result<Option<f32>, ()> {
    if input.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
        return Ok(None);
    }
    let mut rotation: Option<f32> = None;
    let mut any = false;
    while let Ok(name) = input.expect_function().map(|n| n.to_ascii_lowercase()) {
        any = true;
        let args = transform_args(input)?;
        let deg = |a: &TArg| match a {
            TArg::Deg(d) => Some(*d),
            TArg::Num(n) if *n == 0.0 => Some(0.0),
            _ => None,
        };
        let num = |a: &TArg| match a {
            TArg::Num(n) => Some(*n),
            _ => None,
        };
        let z: f32 = match (name.as_str(), args.as_slice()) {
            ("rotate" | "rotatez", [a]) => deg(a).ok_or(())?,
            ("rotatex" | "rotatey", [a]) => {
                deg(a).ok_or(())?;
                0.0
            }
            ("rotate3d", [x, y, zz, a]) => {
                let (x, y, zz, a) = (num(x).ok_or(())?, num(y).ok_or(())?, num(zz).ok_or(())?, deg(a).ok_or(())?);
                if x == 0.0 && y == 0.0 && zz != 0.0 { a * zz.signum() } else { 0.0 }
            }
            ("matrix", list) if list.len() == 6 => {
                let v: Vec<f32> = list.iter().map(num).collect::<Option<_>>().ok_or(())?;
                v.get(1).copied().unwrap_or(0.0).atan2(v.first().copied().unwrap_or(1.0)).to_degrees()
            }
            ("matrix3d", list) if list.len() == 16 => {
                let v: Vec<f32> = list.iter().map(num).collect::<Option<_>>().ok_or(())?;
                v.get(1).copied().unwrap_or(0.0).atan2(v.first().copied().unwrap_or(1.0)).to_degrees()
            }
            (
                "translate" | "translatex" | "translatey" | "translatez" | "translate3d" | "scale" | "scalex"
                | "scaley" | "scalez" | "scale3d" | "skew" | "skewx" | "skewy" | "perspective",
                _,
            ) => continue,
            _ => return Err(()),
        };
        rotation = Some(rotation.unwrap_or(0.0) + z);
    }
    if !any || !input.is_exhausted() {
        return Err(());
    }
    Ok(rotation)
}

/// The Z rotation of a `rotate` value (`none`, `<angle>`, `z <angle>`, `x|y <angle>`,
/// `<x> <y> <z> <angle>`).
fn rotate_property(input: &mut Parser, _ctx: &Ctx) -> Result<Option<f32>, ()> {
    if input.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
        return Ok(None);
    }
    let mut nums = Vec::new();
    let mut axis: Option<String> = None;
    let mut deg = None;
    while let Ok(t) = input.next() {
        match t {
            Token::Ident(i) => axis = Some(i.to_ascii_lowercase()),
            Token::Number { value, .. } if nums.len() < 3 && deg.is_none() => nums.push(*value),
            t => deg = Some(angle_degrees(t).ok_or(())?),
        }
    }
    // A bare unitless 0 is read as the angle.
    let deg = match deg {
        Some(d) => d,
        None if nums.len() == 1 && nums.first() == Some(&0.0) => {
            nums.clear();
            0.0
        }
        None => return Err(()),
    };
    Ok(Some(match (axis.as_deref(), nums.as_slice()) {
        (None | Some("z"), []) => deg,
        (Some(_), []) => 0.0,
        (None, [x, y, z]) if *x == 0.0 && *y == 0.0 && *z != 0.0 => deg * z.signum(),
        (None, [_, _, _]) => 0.0,
        _ => return Err(()),
    }))
}

fn ident_lower(input: &mut Parser) -> Result<String, ()> {
    input.expect_ident().map(|s| s.to_ascii_lowercase()).map_err(|_| ())
}

fn value(name: &str, input: &mut Parser, ctx: &Ctx) -> Result<Out, ()> {
    match name {
        "display" => one(Prop::Display, Value::Display(display(input)?)),
        "visibility" => one(
            Prop::Visibility,
            Value::Visibility(match ident_lower(input)?.as_str() {
                "visible" => Visibility::Visible,
                "hidden" => Visibility::Hidden,
                "collapse" => Visibility::Collapse,
                _ => return Err(()),
            }),
        ),
        "opacity" => one(Prop::Opacity, Value::Number(values::parse_number_or_percentage(input, ctx)?.clamp(0.0, 1.0))),
        "color" => one(Prop::Color, Value::Color(color::parse(input, ctx.scheme).map_err(|_| ())?)),
        "background-color" => one(Prop::BackgroundColor, Value::Color(color::parse(input, ctx.scheme).map_err(|_| ())?)),
        "background-image" => one(Prop::BackgroundImage, Value::Bool(background_image(input)?)),
        "background" => background(input, ctx),
        "font-size" => one(Prop::FontSize, Value::FontSize(font_size(input, ctx)?)),
        "font-weight" => one(Prop::FontWeight, Value::FontWeight(font_weight(input, ctx)?)),
        "font" => font(input, ctx),
        "position" => one(
            Prop::Position,
            Value::Position(match ident_lower(input)?.as_str() {
                "static" => Position::Static,
                "relative" => Position::Relative,
                "absolute" => Position::Absolute,
                "fixed" => Position::Fixed,
                "sticky" | "-webkit-sticky" => Position::Sticky,
                _ => return Err(()),
            }),
        ),
        "clip" => one(Prop::Clip, Value::Clip(clip(input, ctx)?)),
        "clip-path" | "-webkit-clip-path" => {
            let start = input.position();
            if input.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
                return one(Prop::ClipPath, Value::Text(None));
            }
            while input.next().is_ok() {}
            one(Prop::ClipPath, Value::Text(Some(input.slice_from(start).trim().into())))
        }
        "overflow-x" => one(Prop::OverflowX, Value::Overflow(overflow(input)?)),
        "overflow-y" => one(Prop::OverflowY, Value::Overflow(overflow(input)?)),
        "overflow" => {
            let x = overflow(input)?;
            let y = input.try_parse(overflow).unwrap_or(x);
            Ok(vec![(Prop::OverflowX, Value::Overflow(x)), (Prop::OverflowY, Value::Overflow(y))])
        }
        "width" | "inline-size" => one(Prop::Width, size(input, ctx)?),
        "height" | "block-size" => one(Prop::Height, size(input, ctx)?),
        "max-width" | "max-inline-size" => one(Prop::MaxWidth, size(input, ctx)?),
        "transform" | "-webkit-transform" => one(Prop::Transform, Value::Rotation(transform_rotation(input, ctx)?)),
        "rotate" => one(Prop::Rotate, Value::Rotation(rotate_property(input, ctx)?)),
        "outline-style" => one(Prop::OutlineStyle, Value::OutlineStyle(outline_style(input)?)),
        "outline-width" => one(Prop::OutlineWidth, Value::Length(line_width(input, ctx)?)),
        "outline" => outline(input, ctx),
        "box-shadow" | "-webkit-box-shadow" => {
            if input.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
                return one(Prop::BoxShadow, Value::Bool(false));
            }
            while input.next().is_ok() {}
            one(Prop::BoxShadow, Value::Bool(true))
        }
        "text-decoration-line" | "text-decoration" => {
            // Any line keyword draws a decoration; colour, style and thickness don't matter here.
            let mut line = false;
            while let Ok(tok) = input.next() {
                if let Token::Ident(i) = tok {
                    let i = i.to_ascii_lowercase();
                    line |= matches!(i.as_str(), "underline" | "overline" | "line-through" | "spelling-error" | "grammar-error");
                }
            }
            one(Prop::TextDecorationLine, Value::Bool(line))
        }
        "border-bottom-style" | "border-bottom" | "border-style" | "border" | "border-block-end" => {
            // A visible line style on the bottom edge (for border-style, its third value or the
            // first when fewer are given); a zero width is not detected (rarely written with a style).
            let mut styles = Vec::new();
            while let Ok(tok) = input.next() {
                if let Token::Ident(i) = tok {
                    let i = i.to_ascii_lowercase();
                    if matches!(i.as_str(), "none" | "hidden" | "solid" | "dashed" | "dotted" | "double" | "groove" | "ridge" | "inset" | "outset") {
                        styles.push(i);
                    }
                }
            }
            let bottom = if name == "border-style" { styles.get(2).or_else(|| styles.first()) } else { styles.first() };
            one(Prop::BorderBottom, Value::Bool(bottom.is_some_and(|b| b != "none" && b != "hidden")))
        }
        "text-shadow" => {
            if input.try_parse(|p| p.expect_ident_matching("none")).is_ok() {
                return one(Prop::TextShadow, Value::Bool(false));
            }
            while input.next().is_ok() {}
            one(Prop::TextShadow, Value::Bool(true))
        }
        "cursor" => {
            let mut last = None;
            while let Ok(tok) = input.next() {
                match tok {
                    Token::Ident(i) => last = Some(i.to_ascii_lowercase()),
                    Token::UnquotedUrl(_) | Token::Function(_) | Token::Comma | Token::Number { .. } => {}
                    _ => return Err(()),
                }
            }
            one(Prop::Cursor, Value::Text(Some(last.ok_or(())?.into())))
        }
        "text-indent" => {
            let l = values::parse_length(input, ctx)?;
            while input.try_parse(|p| p.expect_ident().map(|_| ())).is_ok() {}
            one(Prop::TextIndent, Value::Length(l))
        }
        "content" => one(Prop::Content, Value::Content(content(input)?)),
        "letter-spacing" | "word-spacing" => {
            let prop = if name == "letter-spacing" { Prop::LetterSpacing } else { Prop::WordSpacing };
            if input.try_parse(|p| p.expect_ident_matching("normal")).is_ok() {
                return one(prop, Value::Length(Length::default()));
            }
            one(prop, Value::Length(values::parse_length(input, ctx)?))
        }
        "line-height" => one(Prop::LineHeight, Value::LineHeight(line_height(input, ctx)?)),
        "top" => one(Prop::Top, offset(input, ctx)?),
        "left" => one(Prop::Left, offset(input, ctx)?),
        "inset" => {
            // top [right [bottom [left]]]: left defaults to right, which defaults to top.
            let top = offset(input, ctx)?;
            let right = input.try_parse(|p| offset(p, ctx)).ok();
            let _bottom = input.try_parse(|p| offset(p, ctx)).ok();
            let left = input.try_parse(|p| offset(p, ctx)).ok().or(right).unwrap_or_else(|| top.clone());
            Ok(vec![(Prop::Top, top), (Prop::Left, left)])
        }
        _ => Err(()),
    }
}

fn display(input: &mut Parser) -> Result<Display, ()> {
    let mut words = Vec::new();
    while let Ok(w) = input.try_parse(ident_lower) {
        words.push(w);
    }
    if words.is_empty() || words.len() > 3 {
        return Err(());
    }
    let known = |w: &str| {
        matches!(
            w,
            "none" | "contents" | "inline" | "block" | "flow" | "flow-root" | "flex" | "grid" | "table" | "list-item"
                | "inline-block" | "inline-flex" | "inline-grid" | "inline-table" | "inline-list-item" | "run-in"
                | "ruby" | "ruby-base" | "ruby-text" | "ruby-base-container" | "ruby-text-container" | "math"
                | "-webkit-box" | "-webkit-inline-box" | "-webkit-flex" | "-webkit-inline-flex" | "table-row"
                | "table-cell" | "table-row-group" | "table-header-group" | "table-footer-group" | "table-column"
                | "table-column-group" | "table-caption"
        )
    };
    if !words.iter().all(|w| known(w)) {
        return Err(());
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    Ok(if has("none") {
        Display::None
    } else if has("contents") {
        Display::Contents
    } else if has("list-item") || has("inline-list-item") {
        Display::ListItem
    } else if has("inline") || words.iter().any(|w| w.starts_with("inline-") || w.starts_with("ruby") || w == "-webkit-inline-box" || w == "-webkit-inline-flex" || w == "math") {
        Display::Inline
    } else if words.iter().any(|w| w.starts_with("table")) {
        Display::Table
    } else {
        Display::Block
    })
}

fn is_image_function(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with("gradient") || matches!(n.as_str(), "url" | "image" | "image-set" | "-webkit-image-set" | "cross-fade" | "-webkit-cross-fade" | "element" | "-moz-element" | "paint" | "src")
}

fn background_image(input: &mut Parser) -> Result<bool, ()> {
    let mut any = false;
    let mut count = 0;
    while let Ok(tok) = input.next() {
        count += 1;
        match tok {
            Token::UnquotedUrl(_) => any = true,
            Token::Function(f) if is_image_function(f) => any = true,
            Token::Ident(i) if i.eq_ignore_ascii_case("none") => {}
            Token::Comma => {}
            _ => return Err(()),
        }
    }
    if count == 0 {
        return Err(());
    }
    Ok(any)
}

fn background(input: &mut Parser, ctx: &Ctx) -> Result<Out, ()> {
    let mut image = false;
    let mut color = None;
    loop {
        if input.is_exhausted() {
            break;
        }
        if let Ok(c) = input.try_parse(|p| color::parse(p, ctx.scheme)) {
            if color.is_some() {
                return Err(());
            }
            color = Some(c);
            continue;
        }
        match input.next().map_err(|_| ())? {
            Token::UnquotedUrl(_) => image = true,
            Token::Function(f) if is_image_function(f) => image = true,
            Token::Ident(i) => {
                let ok = matches!(
                    i.to_ascii_lowercase().as_str(),
                    "none" | "repeat" | "repeat-x" | "repeat-y" | "no-repeat" | "space" | "round" | "scroll" | "fixed"
                        | "local" | "left" | "right" | "top" | "bottom" | "center" | "border-box" | "padding-box"
                        | "content-box" | "text" | "auto" | "cover" | "contain"
                );
                if !ok {
                    return Err(());
                }
            }
            Token::Comma => {
                // Only the final layer may carry a colour.
                if color.is_some() {
                    return Err(());
                }
            }
            Token::Delim('/') | Token::Number { .. } | Token::Percentage { .. } | Token::Dimension { .. } => {}
            Token::Function(f) if f.eq_ignore_ascii_case("calc") => {}
            _ => return Err(()),
        }
    }
    Ok(vec![
        (Prop::BackgroundColor, Value::Color(color.unwrap_or(Color::Rgba(super::Rgba::TRANSPARENT)))),
        (Prop::BackgroundImage, Value::Bool(image)),
    ])
}

fn font_size(input: &mut Parser, ctx: &Ctx) -> Result<FontSize, ()> {
    if let Ok(w) = input.try_parse(ident_lower) {
        return Ok(match w.as_str() {
            "xx-small" => FontSize::Keyword(9.0),
            "x-small" => FontSize::Keyword(10.0),
            "small" => FontSize::Keyword(13.0),
            "medium" => FontSize::Keyword(16.0),
            "large" => FontSize::Keyword(18.0),
            "x-large" => FontSize::Keyword(24.0),
            "xx-large" => FontSize::Keyword(32.0),
            "xxx-large" | "-webkit-xxx-large" => FontSize::Keyword(48.0),
            "larger" => FontSize::Larger,
            "smaller" => FontSize::Smaller,
            _ => return Err(()),
        });
    }
    let l = values::parse_length(input, ctx)?;
    if l.px < 0.0 || l.em < 0.0 || l.rem < 0.0 || l.pct < 0.0 {
        return Err(());
    }
    Ok(FontSize::Length(l))
}

fn font_weight(input: &mut Parser, ctx: &Ctx) -> Result<FontWeight, ()> {
    if let Ok(w) = input.try_parse(ident_lower) {
        return Ok(match w.as_str() {
            "normal" => FontWeight::Absolute(400),
            "bold" => FontWeight::Absolute(700),
            "bolder" => FontWeight::Bolder,
            "lighter" => FontWeight::Lighter,
            _ => return Err(()),
        });
    }
    let n = values::parse_number(input, ctx)?;
    if !(1.0..=1000.0).contains(&n) {
        return Err(());
    }
    Ok(FontWeight::Absolute(n.round() as u16))
}

fn line_height(input: &mut Parser, ctx: &Ctx) -> Result<LineHeightSpec, ()> {
    if input.try_parse(|p| p.expect_ident_matching("normal")).is_ok() {
        return Ok(LineHeightSpec::Normal);
    }
    if let Ok(n) = input.try_parse(|p| values::parse_number(p, ctx)) {
        return if n >= 0.0 { Ok(LineHeightSpec::Number(n)) } else { Err(()) };
    }
    Ok(LineHeightSpec::Length(values::parse_length(input, ctx)?))
}

/// `font`: [style || variant || weight || stretch]? size [/ line-height]? family, or a system font.
fn font(input: &mut Parser, ctx: &Ctx) -> Result<Out, ()> {
    let system = input.try_parse(|p| {
        let w = ident_lower(p)?;
        p.expect_exhausted().map_err(|_| ())?;
        matches!(w.as_str(), "caption" | "icon" | "menu" | "message-box" | "small-caption" | "status-bar")
            .then_some(())
            .ok_or(())
    });
    if system.is_ok() {
        return Ok(vec![
            (Prop::FontSize, Value::FontSize(FontSize::Keyword(13.333))),
            (Prop::FontWeight, Value::FontWeight(FontWeight::Absolute(400))),
            (Prop::LineHeight, Value::LineHeight(LineHeightSpec::Normal)),
        ]);
    }
    let mut weight = FontWeight::Absolute(400);
    let mut size = None;
    for _ in 0..5 {
        if let Ok(s) = input.try_parse(|p| font_size(p, ctx)) {
            size = Some(s);
            break;
        }
        if let Ok(w) = input.try_parse(|p| -> Result<FontWeight, ()> {
            // A bare number before the size is a weight.
            font_weight(p, ctx)
        }) {
            weight = w;
            continue;
        }
        let w = ident_lower(input)?;
        let ok = matches!(
            w.as_str(),
            "normal" | "italic" | "oblique" | "small-caps" | "ultra-condensed" | "extra-condensed" | "condensed"
                | "semi-condensed" | "semi-expanded" | "expanded" | "extra-expanded" | "ultra-expanded"
        );
        if !ok {
            return Err(());
        }
    }
    let size = size.ok_or(())?;
    let mut lh = LineHeightSpec::Normal;
    if input.try_parse(|p| p.expect_delim('/')).is_ok() {
        lh = line_height(input, ctx)?;
    }
    // The family list is required.
    let mut family = false;
    while let Ok(tok) = input.next() {
        match tok {
            Token::Ident(_) | Token::QuotedString(_) | Token::Comma => family = true,
            _ => return Err(()),
        }
    }
    if !family {
        return Err(());
    }
    Ok(vec![
        (Prop::FontSize, Value::FontSize(size)),
        (Prop::FontWeight, Value::FontWeight(weight)),
        (Prop::LineHeight, Value::LineHeight(lh)),
    ])
}

fn clip(input: &mut Parser, ctx: &Ctx) -> Result<Option<[Option<Length>; 4]>, ()> {
    if input.try_parse(|p| p.expect_ident_matching("auto")).is_ok() {
        return Ok(None);
    }
    input.expect_function_matching("rect").map_err(|_| ())?;
    input
        .parse_nested_block(|p| {
            let mut sides = [None; 4];
            for (i, side) in sides.iter_mut().enumerate() {
                if i > 0 {
                    let _ = p.try_parse(|p| p.expect_comma());
                }
                if p.try_parse(|p| p.expect_ident_matching("auto")).is_ok() {
                    continue;
                }
                *side = Some(values::parse_length(p, ctx).map_err(|_| cssparser::ParseError::<()>::custom(()))?);
            }
            Ok(Some(sides))
        })
        .map_err(|_: cssparser::ParseError<()>| ())
}

fn overflow(input: &mut Parser) -> Result<Overflow, ()> {
    Ok(match ident_lower(input)?.as_str() {
        "visible" => Overflow::Visible,
        "hidden" => Overflow::Hidden,
        "clip" => Overflow::Clip,
        "scroll" => Overflow::Scroll,
        "auto" | "overlay" => Overflow::Auto,
        _ => return Err(()),
    })
}

fn size(input: &mut Parser, ctx: &Ctx) -> Result<Value, ()> {
    if let Ok(w) = input.try_parse(ident_lower) {
        return match w.as_str() {
            "auto" | "min-content" | "max-content" | "fit-content" | "stretch" | "-webkit-fill-available"
            | "-moz-available" | "none" => Ok(Value::NoLength),
            _ => Err(()),
        };
    }
    if input.try_parse(|p| p.expect_function_matching("fit-content")).is_ok() {
        let _ = input.parse_nested_block(|p| -> Result<(), cssparser::ParseError<()>> {
            while p.next().is_ok() {}
            Ok(())
        });
        return Ok(Value::NoLength);
    }
    let l = values::parse_length(input, ctx)?;
    Ok(Value::Length(l))
}

/// `top`/`left`: a length or percentage, or `auto`.
fn offset(input: &mut Parser, ctx: &Ctx) -> Result<Value, ()> {
    if input.try_parse(|p| p.expect_ident_matching("auto")).is_ok() {
        return Ok(Value::NoLength);
    }
    Ok(Value::Length(values::parse_length(input, ctx)?))
}

fn outline_style(input: &mut Parser) -> Result<bool, ()> {
    match ident_lower(input)?.as_str() {
        "none" => Ok(false),
        "auto" | "dotted" | "dashed" | "solid" | "double" | "groove" | "ridge" | "inset" | "outset" | "hidden" => Ok(true),
        _ => Err(()),
    }
}

fn line_width(input: &mut Parser, ctx: &Ctx) -> Result<Length, ()> {
    if let Ok(w) = input.try_parse(ident_lower) {
        return match w.as_str() {
            "thin" => Ok(Length::px(1.0)),
            "medium" => Ok(Length::px(3.0)),
            "thick" => Ok(Length::px(5.0)),
            _ => Err(()),
        };
    }
    let l = values::parse_length(input, ctx)?;
    if l.pct != 0.0 || l.px < 0.0 {
        return Err(());
    }
    Ok(l)
}

fn outline(input: &mut Parser, ctx: &Ctx) -> Result<Out, ()> {
    let mut style = None;
    let mut width = None;
    let mut color = None;
    while !input.is_exhausted() {
        if style.is_none() {
            if let Ok(s) = input.try_parse(outline_style) {
                style = Some(s);
                continue;
            }
        }
        if width.is_none() {
            if let Ok(w) = input.try_parse(|p| line_width(p, ctx)) {
                width = Some(w);
                continue;
            }
        }
        if color.is_none() {
            let inverted = input.try_parse(|p| p.expect_ident_matching("invert")).is_ok();
            if inverted || input.try_parse(|p| color::parse(p, ctx.scheme)).is_ok() {
                color = Some(());
                continue;
            }
        }
        return Err(());
    }
    if style.is_none() && width.is_none() && color.is_none() {
        return Err(());
    }
    Ok(vec![
        (Prop::OutlineStyle, Value::OutlineStyle(style.unwrap_or(false))),
        (Prop::OutlineWidth, Value::Length(width.unwrap_or(Length::px(3.0)))),
    ])
}

fn content(input: &mut Parser) -> Result<Option<Arc<[ContentItem]>>, ()> {
    if input.try_parse(|p| p.expect_ident_matching("none").or_else(|_| p.expect_ident_matching("normal"))).is_ok() {
        return Ok(None);
    }
    let mut items = Vec::new();
    let mut alt: Option<Vec<ContentItem>> = None;
    while let Ok(tok) = input.next() {
        let tok = tok.clone();
        let target = alt.as_mut().unwrap_or(&mut items);
        match tok {
            Token::QuotedString(s) => target.push(ContentItem::Text(s.as_ref().into())),
            Token::Ident(i) => target.push(match i.to_ascii_lowercase().as_str() {
                "open-quote" => ContentItem::OpenQuote,
                "close-quote" => ContentItem::CloseQuote,
                "no-open-quote" | "no-close-quote" => ContentItem::Nothing,
                _ => return Err(()),
            }),
            Token::UnquotedUrl(_) => target.push(ContentItem::Nothing),
            Token::Function(f) => {
                let f = f.to_ascii_lowercase();
                let attr = input
                    .parse_nested_block(|p| {
                        if f == "attr" {
                            let name = p.expect_ident().map_err(|_| cssparser::ParseError::<()>::custom(()))?.to_ascii_lowercase();
                            while p.next().is_ok() {}
                            Ok(Some(name))
                        } else {
                            while p.next().is_ok() {}
                            Ok(None)
                        }
                    })
                    .map_err(|_: cssparser::ParseError<()>| ())?;
                if f == "attr" {
                    target.push(ContentItem::Attr(attr.ok_or(())?));
                } else if matches!(f.as_str(), "counter" | "counters" | "url" | "image" | "image-set" | "-webkit-image-set") || f.ends_with("gradient") {
                    target.push(ContentItem::Nothing);
                } else {
                    return Err(());
                }
            }
            Token::Delim('/') if alt.is_none() => alt = Some(Vec::new()),
            _ => return Err(()),
        }
    }
    // Alternative text after `/` is what assistive technology reads.
    let chosen = match alt {
        Some(a) => a,
        None => items,
    };
    Ok(Some(chosen.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{ColorScheme, Viewport};

    fn ctx() -> Ctx {
        Ctx { viewport: Viewport::default(), scheme: ColorScheme::Light, orientation_flipped: false }
    }

    #[test]
    fn parses_blocks_with_recovery() {
        let b = parse_declaration_list("color: red; nonsense: 1; display: blok; display: none !important; --x: 1px ; width: var(--x)", &ctx());
        assert_eq!(b.decls.len(), 3, "{b:?}");
        assert_eq!(b.decls[1], Decl { prop: Prop::Display, value: Specified::Value(Value::Display(Display::None)), important: true });
        assert_eq!(b.customs[0].value.as_ref(), "1px");
        assert_eq!(b.decls[2].value, Specified::Var("var(--x)".into()));
    }

    #[test]
    fn shorthands() {
        let b = parse_declaration_list("background: url(a.png) no-repeat center / cover, #fff; outline: 0; overflow: hidden auto; font: bold 12px/1.5 Arial, sans-serif", &ctx());
        let find = |p: Prop| b.decls.iter().rev().find(|d| d.prop == p).map(|d| d.value.clone());
        assert_eq!(find(Prop::BackgroundImage), Some(Specified::Value(Value::Bool(true))));
        assert_eq!(find(Prop::OutlineWidth), Some(Specified::Value(Value::Length(Length::default()))));
        assert_eq!(find(Prop::OutlineStyle), Some(Specified::Value(Value::OutlineStyle(false))));
        assert_eq!(find(Prop::OverflowY), Some(Specified::Value(Value::Overflow(Overflow::Auto))));
        assert_eq!(find(Prop::FontWeight), Some(Specified::Value(Value::FontWeight(FontWeight::Absolute(700)))));
        assert_eq!(find(Prop::FontSize), Some(Specified::Value(Value::FontSize(FontSize::Length(Length::px(12.0))))));
        let b = parse_declaration_list("all: unset", &ctx());
        assert_eq!(b.decls.len(), PROP_COUNT);
    }

    #[test]
    fn content_values() {
        let b = parse_declaration_list(r#"content: "a" attr(title) counter(x) / "alt""#, &ctx());
        assert_eq!(b.decls[0].value, Specified::Value(Value::Content(Some(vec![ContentItem::Text("alt".into())].into()))));
        let b = parse_declaration_list(r#"content: open-quote "x" attr(data-x)"#, &ctx());
        assert_eq!(
            b.decls[0].value,
            Specified::Value(Value::Content(Some(vec![ContentItem::OpenQuote, ContentItem::Text("x".into()), ContentItem::Attr("data-x".into())].into())))
        );
    }
}
