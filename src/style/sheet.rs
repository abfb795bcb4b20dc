//! Stylesheet parsing: style rules (with CSS nesting), `@media`, `@supports`, `@layer`,
//! `@import`, `@property`; everything else (`@font-face`, `@keyframes`, `@container` ...) is
//! skipped. Conditions are evaluated while parsing against the fixed environment, so only
//! rules that apply are kept. Each rule's declarations are parsed once into a [`DeclBlock`];
//! the user-agent sheet's collection is kept per thread and environment.
//! Given a second environment to compare with (another viewport), a collection also finds
//! whether the sheets would collect differently there, and marks the rules that may.

use std::cell::RefCell;
use std::sync::Arc;

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, ParseError, Parser, ParserState, QualifiedRuleParser,
    RuleBodyItemParser, RuleBodyParser, StyleSheetParser, Token,
};
use selectors::SelectorList;

use super::element::{self, Impl};
use super::media;
use super::props::{self, DeclBlock};
use super::values::{self, Ctx};
use super::MissingResource;
use crate::dom::Snapshot;
use crate::options::Options;

/// Cascade origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    UserAgent,
    /// HTML presentational hints (`<font color>`, `bgcolor`, `<img width>`): author level,
    /// below every author rule.
    Hint,
    Author,
}

/// A style rule: its selectors and declaration block.
#[derive(Clone)]
pub(crate) struct StyleRule {
    pub selectors: SelectorList<Impl>,
    pub block: u32,
    pub layer: u32,
    pub order: u32,
    pub origin: Origin,
    /// With a compared environment: whether the rule may not be collected there, or with other
    /// values (it sits in a block whose condition answers otherwise, or mentions viewport
    /// units). Unmarked rules are collected alike in both environments, in the same order.
    pub marked: bool,
}

/// Cascade layers, as a tree in order of first declaration; node 0 is "unlayered".
#[derive(Debug)]
pub(crate) struct Layers {
    nodes: Vec<(Option<String>, Vec<usize>)>,
}

impl Layers {
    fn new() -> Layers {
        Layers { nodes: vec![(None, Vec::new())] }
    }

    /// The named child of `parent`, created on first mention.
    fn child(&mut self, parent: usize, name: &str) -> usize {
        if let Some(kids) = self.nodes.get(parent).map(|n| &n.1) {
            for &k in kids {
                if self.nodes.get(k).and_then(|n| n.0.as_deref()) == Some(name) {
                    return k;
                }
            }
        }
        self.push(parent, Some(name.to_string()))
    }

    fn push(&mut self, parent: usize, name: Option<String>) -> usize {
        let id = self.nodes.len();
        self.nodes.push((name, Vec::new()));
        if let Some(p) = self.nodes.get_mut(parent) {
            p.1.push(id);
        }
        id
    }

    fn len(&self) -> usize {
        self.nodes.len()
    }

    fn path(&mut self, parent: usize, path: &[String]) -> usize {
        path.iter().fold(parent, |p, n| self.child(p, n))
    }

    /// Precedence rank of each layer for normal declarations: a layer's sublayers come before
    /// its own declarations, earlier layers before later; unlayered (node 0) is highest.
    pub(crate) fn ranks(&self) -> Vec<u32> {
        let mut ranks = vec![0u32; self.nodes.len()];
        let mut next = 0u32;
        // Iterative post-order.
        let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
        while let Some((node, i)) = stack.pop() {
            let kids = self.nodes.get(node).map(|n| n.1.as_slice()).unwrap_or(&[]);
            if let Some(&k) = kids.get(i) {
                stack.push((node, i + 1));
                stack.push((k, 0));
            } else {
                if let Some(r) = ranks.get_mut(node) {
                    *r = next;
                }
                next += 1;
            }
        }
        ranks
    }
}

/// Everything gathered from the page's stylesheets.
pub(crate) struct Collector<'o> {
    pub ctx: Ctx,
    options: &'o Options,
    pub rules: Vec<StyleRule>,
    pub blocks: Vec<DeclBlock>,
    pub layers: Layers,
    pub missing: Vec<MissingResource>,
    /// `@property` initial values of registered custom properties.
    pub registered: Vec<(Arc<str>, Arc<str>)>,
    /// Another environment to compare with (see [`Collector::differs`]).
    compare: Option<Ctx>,
    /// With `compare`: whether the sheets might collect differently, or give other values, in
    /// that environment (a condition answers otherwise, or a declaration mentions viewport
    /// units). False means that collecting under `compare` gives exactly these rules.
    pub differs: bool,
    /// A difference that may reach any element: a layer or `@property` only one environment
    /// declares, or a custom property in viewport units (used anywhere through `var()`).
    pub differs_everywhere: bool,
    /// Inside a block whose condition answers otherwise in the compared environment.
    marking: bool,
    /// A block (or sheet) was left out here that the compared environment takes: only then
    /// does a collection there have rules this one lacks (besides marked ones).
    pub others_only: bool,
    /// Only find whether the sheets differ in the compared environment: selectors and
    /// values are not parsed and no rule is kept. Rules with invalid selectors are looked
    /// into too, so `differs` may be true where a full collection finds nothing.
    pub(crate) scan_only: bool,
    /// Every condition evaluated, in order (see `ViewportReads`).
    pub conditions: Vec<media::Condition>,
    /// Whether media queries asked for `orientation` / the viewport's size (see `Styles`).
    pub orientation_queried: bool,
    pub size_queried: bool,
    origin: Origin,
    order: u32,
    /// Resolved locations of the sheets being imported (cycle guard).
    import_stack: Vec<String>,
    /// The document's classes, to drop author rules that need a class no element has (see
    /// [`never_matches`]); None: keep them.
    pub classes: Option<ClassFilter>,
}

/// The classes of a document's elements, as a set of the low bits of their hashes
/// ([`element::str_hash`]): a class it doesn't hold is on no element; one it holds may be.
pub(crate) struct ClassFilter([u64; 64]);

impl ClassFilter {
    /// The filter of the classes of `snap`'s elements, in one pass over the class attributes'
    /// bytes: 0.5M instructions on the bench's 10k page (4k class attributes), where it drops
    /// next to nothing; on the 1k page the rules it drops save 0.8M a check.
    pub(crate) fn of(snap: &Snapshot) -> ClassFilter {
        let mut bits = [0u64; 64];
        let mut set = |h: u32| bits[(h as usize >> 6) & 63] |= 1 << (h & 63);
        let class = html5ever::local_name!("class");
        for id in snap.with_attr(&class) {
            let value = snap.element(id).and_then(|e| e.attr(&class)).unwrap_or("");
            let mut h = None;
            for &b in value.as_bytes() {
                if b.is_ascii_whitespace() {
                    h.take().map(&mut set);
                } else {
                    h = Some(element::hash_byte(h.unwrap_or(element::HASH_START), b));
                }
            }
            h.map(&mut set);
        }
        ClassFilter(bits)
    }

    fn may_hold(&self, class: &str) -> bool {
        let h = element::str_hash(class) as usize;
        self.0[(h >> 6) & 63] & (1 << (h & 63)) != 0
    }
}

const USER_AGENT_CSS: &str = include_str!("ua.css");

/// The user-agent sheet's collection in one environment (environment, compared
/// environment, scan only). It is the same in every check there, and parsing it cost 0.6M
/// instructions a check, a tenth of a 1k page's cascade.
struct UserAgentRules {
    key: (Ctx, Option<Ctx>, bool),
    rules: Vec<StyleRule>,
    blocks: Vec<DeclBlock>,
    order: u32,
}

/// Environments kept: a check uses one to three (the options', a zoomed viewport, the other
/// orientation).
const USER_AGENT_ENVIRONMENTS: usize = 4;

thread_local! {
    static USER_AGENT: RefCell<Vec<UserAgentRules>> = const { RefCell::new(Vec::new()) };
}

const MAX_IMPORT_DEPTH: usize = 16;
const MAX_NESTING: u32 = 32;

impl<'o> Collector<'o> {
    /// A collector for `ctx`; with `compare`, it also finds whether the sheets would collect
    /// the same under that other environment.
    pub(crate) fn new(ctx: Ctx, compare: Option<Ctx>, options: &'o Options) -> Collector<'o> {
        Collector {
            ctx,
            options,
            rules: Vec::new(),
            blocks: Vec::new(),
            layers: Layers::new(),
            missing: Vec::new(),
            registered: Vec::new(),
            compare,
            differs: false,
            differs_everywhere: false,
            marking: false,
            others_only: false,
            scan_only: false,
            conditions: Vec::new(),
            orientation_queried: false,
            size_queried: false,
            origin: Origin::Author,
            order: 0,
            import_stack: Vec::new(),
            classes: None,
        }
    }

    /// Add the user-agent sheet (first, to a new collector).
    pub(crate) fn add_user_agent(&mut self) {
        let fresh = self.rules.is_empty() && self.order == 0 && self.layers.len() == 1;
        let key = (self.ctx, self.compare, self.scan_only);
        let cached = USER_AGENT.with(|cache| {
            let cache = cache.borrow();
            let hit = cache.iter().find(|ua| ua.key == key)?;
            Some((hit.rules.clone(), hit.blocks.clone(), hit.order))
        });
        if let Some((rules, blocks, order)) = cached.filter(|_| fresh) {
            (self.rules, self.blocks, self.order) = (rules, blocks, order);
            return;
        }
        self.origin = Origin::UserAgent;
        self.add_sheet(USER_AGENT_CSS, None);
        self.origin = Origin::Author;
        // Kept only when it gave nothing but rules (no condition, layer, viewport unit ...).
        let plain = self.conditions.is_empty()
            && !self.differs
            && !self.differs_everywhere
            && !self.others_only
            && self.layers.len() == 1
            && self.registered.is_empty()
            && self.missing.is_empty()
            && media::queried_flags() == (false, false)
            && self.rules.iter().all(|r| !r.marked);
        if fresh && plain {
            USER_AGENT.with(|cache| {
                let mut cache = cache.borrow_mut();
                if cache.len() >= USER_AGENT_ENVIRONMENTS {
                    cache.remove(0);
                }
                cache.push(UserAgentRules { key, rules: self.rules.clone(), blocks: self.blocks.clone(), order: self.order });
            });
        }
    }

    /// Add an author sheet whose relative URLs resolve against `base` (None: the page).
    pub(crate) fn add_sheet(&mut self, text: &str, base: Option<&str>) {
        self.add_sheet_in_layer(text, base, 0);
    }

    /// Load and add a linked sheet; failures are recorded as missing.
    pub(crate) fn add_link(&mut self, href: &str) {
        match self.options.load_stylesheet(href, None) {
            Ok((text, loc)) => {
                self.import_stack.push(loc.clone());
                self.add_sheet(&text, Some(&loc));
                self.import_stack.pop();
            }
            Err(reason) => self.missing.push(MissingResource {
                url: href.to_string(),
                resolved: self.options.resolve_href(href, None),
                reason,
            }),
        }
    }

    fn add_sheet_in_layer(&mut self, text: &str, base: Option<&str>, layer: usize) {
        let mut parser = Parser::new(text);
        let mut top = TopParser { c: self, sheet: text, layer, base: base.map(str::to_string), imports_allowed: true, depth: 0 };
        for _ in StyleSheetParser::new(&mut parser, &mut top) {}
    }

    /// A media query list (at the parser's position, consumed), answered for `ctx`, and
    /// whether `compare` answers otherwise.
    pub(crate) fn media_matches(&mut self, input: &mut Parser) -> (bool, bool) {
        self.condition(input, media::media_list_matches)
    }

    /// An `@supports` condition (at the parser's position, consumed), as `media_matches`.
    fn supports_matches(&mut self, input: &mut Parser) -> (bool, bool) {
        self.condition(input, |p, ctx| {
            let v = media::supports_matches(p, ctx);
            while p.next().is_ok() {}
            v
        })
    }

    fn condition(&mut self, input: &mut Parser, eval: fn(&mut Parser, &Ctx) -> bool) -> (bool, bool) {
        let start = input.position();
        let v = eval(input, &self.ctx);
        self.conditions.push(media::Condition::new(input.slice_from(start), eval));
        let mut differs = false;
        if let Some(other) = &self.compare {
            // The comparison must not count as a query of this collection's environment.
            let flags = media::queried_flags();
            let mut again = Parser::new(input.slice_from(start));
            differs = eval(&mut again, other) != v;
            media::restore_queried_flags(flags);
        }
        self.differs |= differs;
        self.others_only |= differs && !v;
        (v, differs)
    }

    /// Whether declaration text (`name: text`) may have another value in the compared
    /// environment.
    fn declared(&mut self, name: &str, text: &str) -> bool {
        if self.compare.is_none() || !values::mentions_viewport_units(text) {
            return false;
        }
        self.differs = true;
        self.differs_everywhere |= name.starts_with("--");
        true
    }

    /// Enter a block (or sheet) whose condition answers otherwise in the compared environment
    /// when `differs`; give the result to [`Collector::leave`] at its end.
    pub(crate) fn enter(&mut self, differs: bool) -> Region {
        let region = Region { marking: self.marking, layers: self.layers.len(), registered: self.registered.len() };
        self.marking |= differs;
        region
    }

    pub(crate) fn leave(&mut self, region: Region) {
        if self.marking && (self.layers.len() != region.layers || self.registered.len() != region.registered) {
            self.differs_everywhere = true;
        }
        self.marking = region.marking;
    }

    /// Read the query flags the collection set (they are reset at its start).
    pub(crate) fn finish(&mut self) {
        (self.orientation_queried, self.size_queried) = media::queried_flags();
    }

    fn next_order(&mut self) -> u32 {
        self.order += 1;
        self.order
    }

    fn push_rule(&mut self, selectors: SelectorList<Impl>, block: DeclBlock, layer: usize, order: u32, viewport_units: bool) {
        if block.is_empty() {
            return;
        }
        let idx = self.blocks.len() as u32;
        self.blocks.push(block);
        let marked = self.marking || viewport_units;
        self.rules.push(StyleRule { selectors, block: idx, layer: layer as u32, order, origin: self.origin, marked });
    }

    fn import(&mut self, url: &str, base: Option<&str>, layer: usize) {
        if self.import_stack.len() >= MAX_IMPORT_DEPTH {
            self.missing.push(MissingResource {
                url: url.to_string(),
                resolved: self.options.resolve_href(url, base),
                reason: "@import nested too deeply".into(),
            });
            return;
        }
        match self.options.load_stylesheet(url, base) {
            Ok((text, loc)) => {
                if self.import_stack.contains(&loc) {
                    return; // an import cycle: browsers ignore the repeated sheet
                }
                self.import_stack.push(loc.clone());
                self.add_sheet_in_layer(&text, Some(&loc), layer);
                self.import_stack.pop();
            }
            Err(reason) => self.missing.push(MissingResource {
                url: url.to_string(),
                resolved: self.options.resolve_href(url, base),
                reason,
            }),
        }
    }
}

/// What [`Collector::enter`] saves.
pub(crate) struct Region {
    marking: bool,
    layers: usize,
    registered: usize,
}

/// A layer name: `a.b.c`.
fn layer_name(input: &mut Parser) -> Result<Vec<String>, ()> {
    let mut parts = vec![input.expect_ident().map_err(|_| ())?.to_string()];
    loop {
        let state = input.state();
        match input.next_including_whitespace() {
            Ok(cssparser::Token::Delim('.')) => {
                let p = input.next_including_whitespace().map_err(|_| ())?.clone();
                match p {
                    cssparser::Token::Ident(i) => parts.push(i.to_string()),
                    _ => return Err(()),
                }
            }
            _ => {
                input.reset(&state);
                return Ok(parts);
            }
        }
    }
}

enum AtPrelude {
    Import { url: String, layer: Option<Option<Vec<String>>>, applies: bool, differs: bool },
    /// A conditional group: @media / @supports, evaluated, and whether the compared
    /// environment answers otherwise.
    Condition(bool, bool),
    LayerBlock(Option<Vec<String>>),
    LayerStatement(Vec<Vec<String>>),
    Property(String),
    Skip,
}

type PError = ParseError<()>;

fn err() -> PError {
    ParseError::custom(())
}

/// Shared at-rule preludes of top-level and nested contexts.
fn parse_at_prelude<'i>(name: &str, input: &mut Parser<'i>, c: &mut Collector) -> Result<AtPrelude, PError> {
    let lname = name.to_ascii_lowercase();
    Ok(match lname.as_str() {
        "media" => {
            let (holds, differs) = c.media_matches(input);
            AtPrelude::Condition(holds, differs)
        }
        "supports" => {
            let (holds, differs) = c.supports_matches(input);
            AtPrelude::Condition(holds, differs)
        }
        "layer" => {
            if input.is_exhausted() {
                AtPrelude::LayerBlock(None)
            } else {
                let names = input.parse_comma_separated(|p| layer_name(p).map_err(|_| err()))?;
                if names.len() == 1 {
                    // Either `@layer a { }` or `@layer a;`: the block/statement hook decides.
                    AtPrelude::LayerStatement(names)
                } else {
                    AtPrelude::LayerStatement(names)
                }
            }
        }
        "import" => {
            let url = input.expect_url_or_string().map_err(|_| err())?.to_string();
            let mut layer = None;
            if input.try_parse(|p| p.expect_ident_matching("layer")).is_ok() {
                layer = Some(None);
            } else if input.try_parse(|p| p.expect_function_matching("layer")).is_ok() {
                let name = input.parse_nested_block(|p| layer_name(p).map_err(|_| err()))?;
                layer = Some(Some(name));
            }
            let (mut applies, mut differs) = (true, false);
            if input.try_parse(|p| p.expect_function_matching("supports")).is_ok() {
                applies = input.parse_nested_block(|p| {
                    // `supports(display: grid)` or `supports(<condition>)`: the bare form is
                    // read as if parenthesised.
                    let start = p.position();
                    while p.next().is_ok() {}
                    let inner = p.slice_from(start);
                    let condition = if Parser::new(inner).try_parse(|p| p.expect_ident().map(|_| ()).and_then(|_| p.expect_colon())).is_ok() {
                        format!("({inner})")
                    } else {
                        inner.to_string()
                    };
                    let v = c.supports_matches(&mut Parser::new(&condition));
                    Ok::<(bool, bool), PError>(v)
                })
                .map(|(v, d)| {
                    differs = d;
                    v
                })?;
            }
            let (media, media_differs) = c.media_matches(input);
            AtPrelude::Import { url, layer, applies: applies && media, differs: differs || media_differs }
        }
        "property" => {
            let n = input.expect_ident().map_err(|_| err())?.to_string();
            AtPrelude::Property(n)
        }
        // Rules with no effect on static computed style, and container queries (no layout).
        _ => {
            while input.next().is_ok() {}
            AtPrelude::Skip
        }
    })
}

/// `@property` body: the `initial-value`, kept as text.
fn property_initial(input: &mut Parser) -> Option<String> {
    struct P(Option<String>);
    impl<'i> DeclarationParser<'i> for P {
        type Declaration = ();
        type Error = ();
        fn parse_value(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i>, _: &ParserState) -> Result<(), PError> {
            let start = input.position();
            while input.next_including_whitespace_and_comments().is_ok() {}
            if name.eq_ignore_ascii_case("initial-value") {
                self.0 = Some(input.slice_from(start).trim().to_string());
            }
            Ok(())
        }
    }
    impl<'i> AtRuleParser<'i> for P {
        type Prelude = ();
        type AtRule = ();
        type Error = ();
    }
    impl<'i> QualifiedRuleParser<'i> for P {
        type Prelude = ();
        type QualifiedRule = ();
        type Error = ();
    }
    impl<'i> RuleBodyItemParser<'i, (), ()> for P {
        fn parse_declarations(&self) -> bool {
            true
        }
        fn parse_qualified(&self) -> bool {
            false
        }
    }
    let mut p = P(None);
    for _ in RuleBodyParser::new(input, &mut p) {}
    p.0
}

/// Top level of a sheet, or the inside of a conditional/layer block.
struct TopParser<'c, 'o, 's> {
    c: &'c mut Collector<'o>,
    /// The sheet's text (the parser's input).
    sheet: &'s str,
    layer: usize,
    base: Option<String>,
    imports_allowed: bool,
    depth: u32,
}

impl<'c, 'o, 's> TopParser<'c, 'o, 's> {
    fn nested(&mut self, layer: usize) -> TopParser<'_, 'o, 's> {
        TopParser { c: &mut *self.c, sheet: self.sheet, layer, base: self.base.clone(), imports_allowed: false, depth: self.depth + 1 }
    }
}

impl<'i> AtRuleParser<'i> for TopParser<'_, '_, '_> {
    type Prelude = AtPrelude;
    type AtRule = ();
    type Error = ();

    fn parse_prelude(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i>) -> Result<AtPrelude, PError> {
        let p = parse_at_prelude(&name, input, self.c)?;
        match p {
            AtPrelude::Import { .. } | AtPrelude::LayerStatement(_) => {}
            _ => self.imports_allowed = false,
        }
        if !name.eq_ignore_ascii_case("charset") && !name.eq_ignore_ascii_case("import") && !name.eq_ignore_ascii_case("layer") {
            self.imports_allowed = false;
        }
        Ok(p)
    }

    fn rule_without_block(&mut self, prelude: AtPrelude, _start: &ParserState) -> Result<(), ()> {
        match prelude {
            AtPrelude::Import { url, layer, applies, differs } => {
                if !self.imports_allowed || !applies {
                    return Ok(());
                }
                let region = self.c.enter(differs);
                let layer = match layer {
                    None => self.layer,
                    Some(None) => self.c.layers.push(self.layer, None),
                    Some(Some(path)) => self.c.layers.path(self.layer, &path),
                };
                let base = self.base.clone();
                self.c.import(&url, base.as_deref(), layer);
                self.c.leave(region);
                Ok(())
            }
            AtPrelude::LayerStatement(names) => {
                for n in names {
                    self.c.layers.path(self.layer, &n);
                }
                Ok(())
            }
            _ => Err(()),
        }
    }

    fn parse_block<'t>(&mut self, prelude: AtPrelude, _start: &ParserState, input: &mut Parser<'i>) -> Result<(), PError> {
        self.imports_allowed = false;
        if self.depth >= MAX_NESTING {
            return Ok(());
        }
        let mut differs = false;
        let layer = match prelude {
            AtPrelude::Condition(false, _) | AtPrelude::Skip | AtPrelude::Import { .. } => return Ok(()),
            AtPrelude::Condition(true, d) => {
                differs = d;
                self.layer
            }
            AtPrelude::LayerBlock(None) => self.c.layers.push(self.layer, None),
            AtPrelude::LayerBlock(Some(path)) => self.c.layers.path(self.layer, &path),
            AtPrelude::LayerStatement(names) => match names.as_slice() {
                [one] => self.c.layers.path(self.layer, one),
                _ => return Err(err()),
            },
            AtPrelude::Property(name) => {
                if let Some(v) = property_initial(input) {
                    self.c.declared(&name, &v);
                    self.c.registered.push((name.into(), v.into()));
                }
                return Ok(());
            }
        };
        let region = self.c.enter(differs);
        let mut sub = self.nested(layer);
        for _ in StyleSheetParser::new(input, &mut sub) {}
        self.c.leave(region);
        Ok(())
    }
}

impl TopParser<'_, '_, '_> {
    /// Leaves a style rule out of the collection: the error, returned with the prelude
    /// unconsumed, makes cssparser skip the prelude and the block with its bare tokenizer, not
    /// token by token through `Parser::next` and our body parser (-0.19M instructions of a 1k
    /// check for the rules `never_matches` drops). The rule's order is taken as its body would.
    fn skip_rule(&mut self) -> PError {
        self.c.next_order();
        err()
    }
}

impl<'i> QualifiedRuleParser<'i> for TopParser<'_, '_, '_> {
    type Prelude = Selectors<'i>;
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude(&mut self, input: &mut Parser<'i>) -> Result<Selectors<'i>, PError> {
        self.imports_allowed = false;
        if self.c.scan_only {
            while input.next().is_ok() {}
            return Ok(Selectors::Scan);
        }
        let rest = self.sheet.get(input.position().byte_index()..).unwrap_or("");
        // The user-agent sheet's collection is kept across documents: never pruned.
        if self.c.origin == Origin::Author && self.c.classes.as_ref().is_some_and(|classes| never_matches(rest, classes)) {
            return Err(self.skip_rule());
        }
        if may_need_selectors(rest) {
            return element::parse_selectors(input, false).map(Selectors::Parsed).ok_or_else(err);
        }
        if self.c.compare.is_none() {
            // Its block keeps no declaration, and only a compared environment reads the
            // dropped ones (-0.11M instructions of a 1k check).
            return Err(self.skip_rule());
        }
        let start = input.position();
        while input.next().is_ok() {}
        Ok(Selectors::Pending(input.slice_from(start), None))
    }

    fn parse_block<'t>(&mut self, prelude: Selectors<'i>, _start: &ParserState, input: &mut Parser<'i>) -> Result<(), PError> {
        style_rule_body(self.c, prelude, self.layer, self.depth + 1, input);
        Ok(())
    }
}

/// Whether a style rule (the sheet's text from its prelude on) likely needs its selectors:
/// its block, read roughly, declares a property we compute or a custom property, or holds
/// something else than declarations (nested rules, comments, strings). Parsing them on
/// demand instead costs a second tokenisation of the prelude; either way the collection
/// is the same (see [`Selectors`]).
fn may_need_selectors(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let Some(open) = bytes.iter().position(|&b| b == b'{') else { return true };
    let mut i = open + 1;
    loop {
        while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace() || *b == b';') {
            i += 1;
        }
        let start = i;
        while bytes.get(i).is_some_and(|b| b.is_ascii_lowercase() || *b == b'-') {
            i += 1;
        }
        let name = rest.get(start..i).unwrap_or("");
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'}') if name.is_empty() => return false,
            Some(b':') if !name.is_empty() && !props::is_kept_property(name) => {}
            _ => return true,
        }
        // The value, up to the declaration's end.
        loop {
            i += 1;
            match bytes.get(i) {
                Some(b';') => break,
                Some(b'}') => return false,
                Some(b'{' | b'"' | b'\'' | b'\\' | b'/') | None => return true,
                Some(_) => {}
            }
        }
    }
}

/// Whether a style rule (the sheet's text from its prelude on) matches no element of a
/// document with `classes`: each selector of its list needs a class (outside parentheses and
/// brackets) that no element has, and its block holds only declarations (a nested rule may
/// match without its parent: `:not(&)`). Read conservatively: escapes, strings, comments and
/// `&` answer false. Dropping such rules unparsed skipped 40% of the bench's 1k page sheet
/// (theme rules for sections the page lacks), as unused CSS is common on real pages too.
fn never_matches(rest: &str, classes: &ClassFilter) -> bool {
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut depth = 0u32;
    // The current selector needs a class no element has.
    let mut dead = false;
    loop {
        match bytes.get(i) {
            None | Some(b'\\' | b'"' | b'\'' | b'/' | b'&') => return false,
            Some(b'(' | b'[') => depth += 1,
            Some(b')' | b']') => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            Some(b',') if depth == 0 => {
                if !dead {
                    return false;
                }
                dead = false;
            }
            Some(b'{') if depth == 0 => break,
            Some(b'.') if depth == 0 => {
                let start = i + 1;
                i = start;
                while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_') {
                    i += 1;
                }
                if bytes.get(i).is_some_and(|b| !b.is_ascii()) {
                    return false;
                }
                dead |= i > start && !rest.get(start..i).is_some_and(|c| classes.may_hold(c));
                continue;
            }
            Some(_) => {}
        }
        i += 1;
    }
    if !dead {
        return false;
    }
    // The block, up to its end: declarations only.
    loop {
        i += 1;
        match bytes.get(i) {
            Some(b'}') => return true,
            None | Some(b'{' | b'"' | b'\'' | b'\\' | b'/') => return false,
            Some(_) => {}
        }
    }
}

/// Consume a style rule's prelude and give its text (None when only scanning).
fn prelude_text<'i>(input: &mut Parser<'i>, scan_only: bool) -> Option<&'i str> {
    let start = input.position();
    while input.next().is_ok() {}
    (!scan_only).then(|| input.slice_from(start))
}

/// A style rule's selectors, parsed before its block or on demand: to keep the rule (its
/// block has declarations we compute), for a rule nested in it, or before anything in its
/// body may change the collection (a nested at-rule). Either way the collection is the same.
/// On demand pays for rules that set only properties we don't compute (margins, paddings
/// ...; 40% of the rules of the bench's 1k page, see [`may_need_selectors`]) and for the
/// failed declarations cssparser retries as nested rules, which are then never parsed:
/// -1.2M instructions of the 70M of two 1k checks.
enum Selectors<'i> {
    /// Only scanning: no selectors.
    Scan,
    /// Not parsed yet: the prelude's text, and for a nested rule its parent's selectors.
    Pending(&'i str, Option<SelectorList<Impl>>),
    Parsed(SelectorList<Impl>),
    /// Not a valid selector list: the rule and all it holds are dropped.
    Invalid,
}

impl Selectors<'_> {
    /// Parse pending selectors; the list unless scanning or invalid.
    fn resolve(&mut self) -> Option<&SelectorList<Impl>> {
        if let Selectors::Pending(text, parent) = self {
            let parsed = Parser::new(text).parse_entirely(|p| element::parse_selectors(p, parent.is_some()).ok_or_else(err)).ok();
            *self = match (parsed, parent.as_ref()) {
                (Some(list), Some(parent)) => Selectors::Parsed(list.replace_parent_selector(parent)),
                (Some(list), None) => Selectors::Parsed(list),
                (None, _) => Selectors::Invalid,
            };
        }
        match self {
            Selectors::Parsed(list) => Some(list),
            _ => None,
        }
    }

    fn is_invalid(&self) -> bool {
        matches!(self, Selectors::Invalid)
    }
}

/// Parse a style rule's block: its declarations become one rule, nested rules follow it.
fn style_rule_body<'i>(c: &mut Collector, mut selectors: Selectors<'i>, layer: usize, depth: u32, input: &mut Parser<'i>) {
    if c.compare.is_some() {
        // Declarations may mark the collection as differing: only in a valid rule.
        selectors.resolve();
        if selectors.is_invalid() {
            return;
        }
    }
    let order = c.next_order();
    let mut body = BodyParser { c, selectors, layer, depth, block: DeclBlock::default(), viewport_units: false };
    for _ in RuleBodyParser::new(input, &mut body) {}
    let BodyParser { c, mut selectors, block, viewport_units, .. } = body;
    if block.is_empty() {
        return;
    }
    if let Some(list) = selectors.resolve() {
        c.push_rule(list.clone(), block, layer, order, viewport_units);
    }
}

/// The inside of a style rule (declarations and nested rules).
struct BodyParser<'c, 'o, 'i> {
    c: &'c mut Collector<'o>,
    selectors: Selectors<'i>,
    layer: usize,
    depth: u32,
    block: DeclBlock,
    /// A declaration may have another value in the compared environment.
    viewport_units: bool,
}

impl<'i> DeclarationParser<'i> for BodyParser<'_, '_, 'i> {
    type Declaration = ();
    type Error = ();
    fn parse_value(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i>, _: &ParserState) -> Result<(), PError> {
        let start = input.position();
        let dropped = self.selectors.is_invalid();
        let parsed = if self.c.scan_only || dropped {
            while input.next().is_ok() {}
            Ok(())
        } else if !props::is_kept_property(&name) {
            // Dropped. cssparser retries a failed declaration as a nested rule, which can only
            // succeed when a {} block comes before the `;`: otherwise spare it the retry (a
            // third of the bench sheet's declarations set properties we don't compute).
            let mut block = false;
            while let Ok(token) = input.next_including_whitespace_and_comments() {
                block |= matches!(token, Token::CurlyBracketBlock);
            }
            if block {
                Err(())
            } else {
                Ok(())
            }
        } else {
            props::parse_declaration(&name, input, &self.c.ctx, &mut self.block)
        };
        if !dropped {
            self.viewport_units |= self.c.declared(&name, input.slice_from(start));
        }
        parsed.map_err(|_| err())
    }
}

impl<'i> AtRuleParser<'i> for BodyParser<'_, '_, 'i> {
    type Prelude = AtPrelude;
    type AtRule = ();
    type Error = ();

    fn parse_prelude(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i>) -> Result<AtPrelude, PError> {
        // A nested at-rule's condition is evaluated (and recorded) only in a valid rule.
        self.selectors.resolve();
        if self.selectors.is_invalid() {
            return Err(err());
        }
        parse_at_prelude(&name, input, self.c)
    }

    fn parse_block<'t>(&mut self, prelude: AtPrelude, _start: &ParserState, input: &mut Parser<'i>) -> Result<(), PError> {
        if self.depth >= MAX_NESTING {
            return Ok(());
        }
        let mut differs = false;
        let layer = match prelude {
            AtPrelude::Condition(true, d) => {
                differs = d;
                self.layer
            }
            AtPrelude::LayerBlock(None) => self.c.layers.push(self.layer, None),
            AtPrelude::LayerBlock(Some(path)) => self.c.layers.path(self.layer, &path),
            AtPrelude::LayerStatement(names) if names.len() == 1 => {
                let one = names.into_iter().next().unwrap_or_default();
                self.c.layers.path(self.layer, &one)
            }
            _ => return Ok(()),
        };
        // Declarations directly inside a nested group rule apply to the parent's selectors
        // (parsed by `parse_prelude`).
        let selectors = match self.selectors.resolve() {
            Some(list) => Selectors::Parsed(list.clone()),
            None => Selectors::Scan,
        };
        let region = self.c.enter(differs);
        style_rule_body(self.c, selectors, layer, self.depth + 1, input);
        self.c.leave(region);
        Ok(())
    }
}

impl<'i> QualifiedRuleParser<'i> for BodyParser<'_, '_, 'i> {
    /// The prelude's text (see [`Selectors::Pending`]); None when only scanning. cssparser
    /// retries each declaration it failed to parse as a nested rule: such a prelude, with
    /// no block after it, is never parsed.
    type Prelude = Option<&'i str>;
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude(&mut self, input: &mut Parser<'i>) -> Result<Option<&'i str>, PError> {
        Ok(prelude_text(input, matches!(self.selectors, Selectors::Scan)))
    }

    fn parse_block<'t>(&mut self, prelude: Option<&'i str>, _start: &ParserState, input: &mut Parser<'i>) -> Result<(), PError> {
        let selectors = match (prelude, self.selectors.resolve()) {
            (Some(text), Some(parent)) => Selectors::Pending(text, Some(parent.clone())),
            (None, _) => Selectors::Scan,
            (Some(_), None) => return Ok(()),
        };
        if self.depth < MAX_NESTING {
            style_rule_body(self.c, selectors, self.layer, self.depth + 1, input);
        }
        Ok(())
    }
}

impl<'i> RuleBodyItemParser<'i, (), ()> for BodyParser<'_, '_, 'i> {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse::parse_html, DocumentKind};

    #[test]
    fn never_matches_reads_selectors_conservatively() {
        let snap = parse_html(r#"<p class=" a	b-1 ">x</p><svg class="c_2"></svg>"#, DocumentKind::Html);
        let classes = ClassFilter::of(&snap);
        let never = |rule: &str| never_matches(rule, &classes);
        for dropped in [".x { color: red }", ".a .x, p.y > .b-1 { color: red }", ".x::before { color: red }", ".a:not(.b).x { }"] {
            assert!(never(dropped), "{dropped}");
        }
        for kept in [
            ".a { color: red }",
            ".c_2 { }",
            ".x, p { }",
            ":not(.x) { }",
            ":is(.x, .a) { }",
            "[title='.x'] { }",
            ".\\78 { }",
            ".x { & + p { color: red } }",
            ".x /* c */ { }",
            ".x { content: \"}\" }",
            ".x",
        ] {
            assert!(!never(kept), "{kept}");
        }
    }
}
