//! The cascade: gathers the page's stylesheets (user-agent sheet, `<style>`, `<link>`, their
//! `@import`s), then computes every node's style in one pass in tree order.
//!
//! Per element: candidate selectors from the [`SelectorMap`], matched with `selectors`; the
//! winning declaration per property by origin, layer, specificity and source order (important
//! declarations reverse origin and layer order); custom properties inherited and `var()`
//! substituted; values computed against the parent's computed style.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use cssparser::{Parser, Token};
use html5ever::local_name;
use selectors::matching::{
    matches_selector, selector_may_match, MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags, QuirksMode,
    SelectorCaches,
};

use selectors::bloom::BloomFilter;

use super::element::{str_hash, El};
use super::props::{self, ContentItem, DeclBlock, FontSize, FontWeight, LineHeightSpec, Prop, Specified, Value, PROP_COUNT};
use super::selector_map::{lower_case_names, Entry, HashMap, SelectorMap, Sure, Target};
use super::sheet::{ClassFilter, Collector, Origin, StyleRule};
use super::values::Ctx;
use super::{ComputedStyle, Display, LineHeight, Overflow, SpacingFlags, Styles};
use crate::dom::{Element, NodeId, Snapshot};
use crate::options::Options;

/// Custom properties of an element, shared with its parent when it declares none.
type Customs = Rc<HashMap<Arc<str>, Arc<str>>>;

/// A matched rule (or the style attribute / presentational hints, `block: None`) with its
/// cascade position.
#[derive(Clone, Copy)]
struct Matched {
    origin: Origin,
    layer: u32,
    specificity: u32,
    order: u32,
    block: Option<u32>,
}

/// Compute styles for every node of `snap`.
pub(crate) fn compute(snap: &Snapshot, options: &Options) -> Styles {
    compute_oriented(snap, options, false)
}

/// Compute styles, with `@media (orientation)` answering the other orientation when
/// `orientation_flipped`.
pub(crate) fn compute_oriented(snap: &Snapshot, options: &Options, orientation_flipped: bool) -> Styles {
    let ctx = Ctx { viewport: options.viewport, scheme: options.color_scheme, orientation_flipped };
    pass(snap, collect(snap, options, ctx, None, false, Some(ClassFilter::of(snap))))
}

/// What computing a page's styles read of the viewport. The viewport is read only by media
/// queries and `@supports` conditions (all evaluated while collecting the sheets) and by lengths
/// in viewport units, so a cascade in another viewport that answers every condition alike and
/// computes no such length runs exactly as the base one did, to the same styles.
#[derive(Debug, Default)]
pub(crate) struct ViewportReads {
    /// Every condition the collection evaluated, in order.
    conditions: Vec<super::media::Condition>,
    /// A length in viewport units was computed (in a sheet, a `style` attribute or a `var()`).
    units: bool,
}

/// Styles in another `viewport` than `options` gives, for a page whose styles under `options`
/// are `base`; `None` when they are the same as `base`.
///
/// When every condition the base cascade met answers alike in both viewports and it computed
/// no length in viewport units, nothing can differ (see [`ViewportReads`]) and no cascade runs:
/// the common case, 2M instructions less on the 1k bench page than the scan below. Otherwise a
/// scan of the sheets (no selector or value parsed) checks whether they would collect the same
/// for both viewports: every condition answers the same, and no declaration or `style`
/// attribute mentions viewport units. Otherwise only the elements a difference reaches are
/// restyled (see [`restyle`]), or, for a difference that may reach any element, all of them.
pub(crate) fn at_viewport(snap: &Snapshot, options: &Options, base: &Styles, viewport: crate::options::Viewport) -> Option<Styles> {
    let base_ctx = Ctx { viewport: options.viewport, scheme: options.color_scheme, orientation_flipped: false };
    let ctx = Ctx { viewport, ..base_ctx };
    let reads = &base.viewport_reads;
    let conditions_alike = reads.conditions.iter().all(|c| c.answer(&base_ctx) == c.answer(&ctx));
    if conditions_alike && !reads.units {
        return None;
    }
    let attr_of = |id: NodeId| snap.element(id).and_then(|e| e.attr(&local_name!("style")));
    let attrs = viewport_unit_styles(snap);
    // A condition that answers otherwise makes the scan find a difference: it is skipped.
    if conditions_alike && attrs.is_empty() && !collect(snap, options, ctx, Some(base_ctx), true, None).differs {
        return None;
    }
    let sheets = collect(snap, options, ctx, Some(base_ctx), false, None);
    // A custom property in viewport units reaches whatever uses it through var().
    let custom_in_attr = attrs.iter().any(|id| attr_of(*id).is_some_and(|a| a.contains("--")));
    if !sheets.differs_everywhere && !custom_in_attr {
        // The base viewport's own rules matter only when it takes a block this one leaves out.
        let before = sheets.others_only.then(|| collect(snap, options, base_ctx, Some(ctx), false, None));
        if !before.as_ref().is_some_and(|b| b.differs_everywhere) {
            if let Some(styles) = restyle(snap, &sheets, before.as_ref(), base, &attrs) {
                return Some(styles);
            }
        }
    }
    Some(pass(snap, sheets))
}

/// The elements whose `style` attribute mentions viewport units, in tree order.
fn viewport_unit_styles(snap: &Snapshot) -> Vec<NodeId> {
    let style = local_name!("style");
    snap.with_attr(&style)
        .filter(|id| snap.element(*id).and_then(|e| e.attr(&style)).is_some_and(super::values::mentions_viewport_units))
        .collect()
}

/// Gather the user-agent sheet and the page's sheets for `ctx` (compared with `compare`, see
/// [`Collector::differs`]; only that when `scan_only`), leaving out author rules that need a
/// class absent from `classes`.
fn collect<'o>(snap: &Snapshot, options: &'o Options, ctx: Ctx, compare: Option<Ctx>, scan_only: bool, classes: Option<ClassFilter>) -> Collector<'o> {
    super::media::ORIENTATION_QUERIED.with(|q| q.set(false));
    super::media::SIZE_QUERIED.with(|q| q.set(false));
    super::values::VIEWPORT_UNITS_USED.with(|u| u.set(false));
    let mut c = Collector::new(ctx, compare, options);
    c.scan_only = scan_only;
    c.add_user_agent();
    c.classes = classes;
    collect_page_sheets(snap, &mut c);
    c.finish();
    c
}

/// The selector map of the collected rules that `keep` keeps, and the unlayered layer's rank.
fn selector_map(c: &Collector, keep: impl Fn(&StyleRule) -> bool) -> (SelectorMap, u32) {
    let ranks = c.layers.ranks();
    let unlayered = ranks.first().copied().unwrap_or(0);
    let mut map = SelectorMap::default();
    for rule in c.rules.iter().filter(|r| keep(r)) {
        let layer = ranks.get(rule.layer as usize).copied().unwrap_or(unlayered);
        for sel in rule.selectors.slice() {
            map.insert(Entry {
                selector: sel.clone(),
                specificity: sel.specificity(),
                block: rule.block,
                layer,
                order: rule.order,
                origin: rule.origin,
                target: Target::Element,
                hashes: selectors::parser::AncestorHashes { packed_hashes: [0; 3] },
                sure: Sure::No,
            });
        }
    }
    (map, unlayered)
}

/// The tree-order pass: every node's computed style from the collected sheets.
fn pass(snap: &Snapshot, mut c: Collector) -> Styles {
    let (map, unlayered) = selector_map(&c, |_| true);
    let root_customs: Customs = Rc::new(c.registered.iter().cloned().collect());

    // Style 0 is the document's, style 1 that of nodes the pass does not reach (template
    // contents).
    let mut out = Out::new(snap.len());
    let mut customs: Vec<Option<Customs>> = vec![None; snap.len()];
    let mut pass = Pass::new(snap, c.ctx, &map, &c.blocks, unlayered, Some(BloomFilter::new()));
    // Elements whose names, ids and classes are in the bloom filter: the current ancestors,
    // each with where its hashes start in `hashes` (kept to take them out without rehashing).
    let mut ancestors: Vec<(NodeId, usize)> = Vec::new();
    let mut hashes: Vec<u32> = Vec::new();
    for id in snap.descendants(NodeId::DOCUMENT) {
        let parent = snap.parent(id).unwrap_or(NodeId::DOCUMENT);
        let Some(el) = snap.element(id) else {
            out.text(id, parent);
            continue;
        };
        while ancestors.last().is_some_and(|(a, _)| *a != parent) {
            if let (Some((_, start)), Some(bloom)) = (ancestors.pop(), pass.bloom.as_mut()) {
                for h in hashes.drain(start..) {
                    bloom.remove_hash(h);
                }
            }
        }
        let parent_style = snap.element(parent).map(|_| out.of_node[parent.index()]);
        let parent_customs = customs[parent.index()].clone().unwrap_or_else(|| root_customs.clone());
        let (style, own) = pass.element(id, el, parent_style, &parent_customs, &mut out.distinct);
        if parent_style.is_none() {
            pass.root_font_size = out.distinct[style as usize].font_size;
        }
        out.of_node[id.index()] = style;
        customs[id.index()] = Some(own);
        let start = hashes.len();
        if let Some(bloom) = pass.bloom.as_mut() {
            for_each_hash(el, |h| {
                hashes.push(h);
                bloom.insert_hash(h);
            });
        }
        ancestors.push((id, start));
    }
    Styles {
        distinct: out.distinct,
        of_node: out.of_node,
        missing: c.missing,
        orientation_queried: c.orientation_queried,
        size_queried: c.size_queried,
        viewport_reads: ViewportReads {
            conditions: std::mem::take(&mut c.conditions),
            units: super::values::VIEWPORT_UNITS_USED.with(|u| u.get()),
        },
    }
}

/// A selector matching context for `mode` (no quirks, no invalidation flags).
fn matching_context<'a>(mode: MatchingMode, bloom: Option<&'a BloomFilter>, caches: &'a mut SelectorCaches) -> MatchingContext<'a, super::element::Impl> {
    MatchingContext::new(mode, bloom, caches, QuirksMode::NoQuirks, NeedsSelectorFlags::No, MatchingForInvalidation::No)
}

/// The styles a pass fills in: distinct styles and each node's.
struct Out {
    distinct: Vec<ComputedStyle>,
    of_node: Vec<u32>,
    /// The style of text in each distinct style that has generated content (text has none).
    text_of: HashMap<u32, u32>,
}

impl Out {
    fn new(len: usize) -> Out {
        let mut of_node = vec![1; len];
        if let Some(doc) = of_node.first_mut() {
            *doc = 0;
        }
        let distinct = vec![ComputedStyle::default(), ComputedStyle { display: Display::None, ..ComputedStyle::default() }];
        Out { distinct, of_node, text_of: HashMap::default() }
    }

    /// Give non-element node `id` its parent's style, without generated content.
    fn text(&mut self, id: NodeId, parent: NodeId) {
        let p = self.of_node[parent.index()];
        let style = &self.distinct[p as usize];
        self.of_node[id.index()] = if style.before.is_none() && style.after.is_none() {
            p
        } else {
            *self.text_of.entry(p).or_insert_with(|| {
                let text = ComputedStyle { before: None, after: None, ..self.distinct[p as usize].clone() };
                self.distinct.push(text);
                self.distinct.len() as u32 - 1
            })
        };
    }
}

/// Styles from `sheets` for a page whose styles from `before` are `base`, both collections
/// compared with each other (their unmarked rules are the same; no `before` when it has no
/// rule `sheets` lacks). An element is restyled when a marked rule of either collection
/// matches it, its `style` attribute (in `attrs`) mentions
/// viewport units, or its parent's style or custom properties changed; every other element
/// keeps its base style, which is exactly what the full cascade would give it. `None` when
/// the root's font size changes (every `rem` would).
fn restyle(snap: &Snapshot, sheets: &Collector, before: Option<&Collector>, base: &Styles, attrs: &[NodeId]) -> Option<Styles> {
    let (map, unlayered) = selector_map(sheets, |_| true);
    let marked: Vec<(SelectorMap, &[DeclBlock])> = std::iter::once(sheets)
        .chain(before)
        .map(|c| (selector_map(c, |r| r.marked).0, c.blocks.as_slice()))
        .filter(|(m, _)| !m.entries.is_empty())
        .collect();
    let root_customs: Customs = Rc::new(sheets.registered.iter().cloned().collect());
    let mut pass = Pass::new(snap, sheets.ctx, &map, &sheets.blocks, unlayered, None);
    let mut out = Out { distinct: base.distinct.clone(), of_node: base.of_node.clone(), text_of: HashMap::default() };
    // Per node: custom properties in the new viewport (restyled elements and the ancestors
    // they needed), whether it was restyled, and whether its style or custom properties changed.
    let mut customs: Vec<Option<Customs>> = vec![None; snap.len()];
    let mut restyled = vec![false; snap.len()];
    let mut changed = vec![false; snap.len()];
    let mut customs_changed = vec![false; snap.len()];
    let mut attr_units = vec![false; snap.len()];
    for id in attrs {
        attr_units[id.index()] = true;
    }
    let mut candidates = Vec::new();
    for id in snap.descendants(NodeId::DOCUMENT) {
        let parent = snap.parent(id).unwrap_or(NodeId::DOCUMENT);
        let Some(el) = snap.element(id) else {
            if restyled[parent.index()] {
                out.text(id, parent);
            }
            continue;
        };
        let parent_is_element = snap.element(parent).is_some();
        // Matched by a marked rule, and whether one of those declares custom properties.
        let (mut hit, mut hit_customs) = (false, false);
        for (m, blocks) in &marked {
            m.candidates(el, snap.parent(id) == Some(NodeId::DOCUMENT), lower_case_names(snap, el), &mut candidates);
            for &i in &candidates {
                let Some(entry) = m.entries.get(i as usize) else { continue };
                if pass.matches(entry, &El { snap, id }) {
                    hit = true;
                    hit_customs |= blocks.get(entry.block as usize).is_some_and(|b| !b.customs.is_empty());
                }
            }
        }
        if !(hit || changed[parent.index()] || attr_units[id.index()]) {
            if !parent_is_element {
                pass.root_font_size = base.get(id).font_size;
            }
            continue;
        }
        let parent_customs = customs_of(&mut pass, parent, &mut customs, &root_customs);
        let parent_style = parent_is_element.then(|| out.of_node[parent.index()]);
        let (style, own) = pass.element(id, el, parent_style, &parent_customs, &mut out.distinct);
        let style_value = &out.distinct[style as usize];
        if !parent_is_element {
            if style_value.font_size != base.get(id).font_size {
                return None;
            }
            pass.root_font_size = style_value.font_size;
        }
        customs_changed[id.index()] = customs_changed[parent.index()] || hit_customs;
        changed[id.index()] = customs_changed[id.index()] || style_value != base.get(id);
        restyled[id.index()] = true;
        customs[id.index()] = Some(own);
        out.of_node[id.index()] = style;
    }
    Some(Styles {
        distinct: out.distinct,
        of_node: out.of_node,
        missing: sheets.missing.clone(),
        orientation_queried: sheets.orientation_queried,
        size_queried: sheets.size_queried,
        // Not kept: only the base styles' reads are asked.
        viewport_reads: ViewportReads::default(),
    })
}

/// The custom properties of node `id` in the pass's environment, computing (and keeping) those
/// of its ancestors that are not known yet.
fn customs_of(pass: &mut Pass, id: NodeId, customs: &mut [Option<Customs>], root: &Customs) -> Customs {
    let snap = pass.snap;
    let mut unknown = Vec::new();
    let mut at = id;
    while snap.element(at).is_some() && customs[at.index()].is_none() {
        unknown.push(at);
        at = snap.parent(at).unwrap_or(NodeId::DOCUMENT);
    }
    let mut c = customs[at.index()].clone().unwrap_or_else(|| root.clone());
    for a in unknown.into_iter().rev() {
        if let Some(el) = snap.element(a) {
            c = pass.customs_only(a, el, &c);
            customs[a.index()] = Some(c.clone());
        }
    }
    c
}

/// The hashes an element contributes to its descendants' bloom filter.
fn for_each_hash(el: &Element, mut f: impl FnMut(u32)) {
    f(str_hash(&el.name));
    if let Some(id) = el.attr(&local_name!("id")) {
        f(str_hash(id));
    }
    if let Some(classes) = el.attr(&local_name!("class")) {
        for c in classes.split_ascii_whitespace() {
            f(str_hash(c));
        }
    }
}

/// `<style>` and `<link rel=stylesheet>` in tree order (template contents are not in the tree).
fn collect_page_sheets(snap: &Snapshot, c: &mut Collector) {
    for id in snap.descendants(NodeId::DOCUMENT) {
        let Some(el) = snap.element(id) else { continue };
        let css_type = el.attr(&local_name!("type")).is_none_or(|t| t.trim().is_empty() || t.trim().eq_ignore_ascii_case("text/css"));
        let (media_ok, differs) = el.attr(&local_name!("media")).map_or((true, false), |m| c.media_matches(&mut Parser::new(m)));
        let region = c.enter(differs);
        if &*el.name == "style" && (el.ns == html5ever::ns!(html) || el.ns == html5ever::ns!(svg)) {
            if css_type && media_ok {
                let text = snap.text_content(id);
                c.add_sheet(&text, None);
            }
        } else if el.is_html(&local_name!("link")) {
            let rel = el.attr(&local_name!("rel")).unwrap_or("");
            let has = |w: &str| rel.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(w));
            let href = el.attr(&local_name!("href")).unwrap_or("").trim();
            if has("stylesheet") && !has("alternate") && !el.has_attr(&local_name!("disabled")) && !href.is_empty() && css_type && media_ok {
                c.add_link(href);
            }
        }
        c.leave(region);
    }
}

/// State of the tree-order pass.
struct Pass<'a> {
    snap: &'a Snapshot,
    ctx: Ctx,
    map: &'a SelectorMap,
    blocks: &'a [DeclBlock],
    unlayered: u32,
    caches: SelectorCaches,
    candidates: Vec<u32>,
    root_font_size: f32,
    /// Ancestor bloom filter (stylo's trick): rejects most descendant selectors at once. None
    /// when a pass visits only some elements (it holds the ancestors of the current one).
    bloom: Option<BloomFilter>,
    own: Vec<Matched>,
    before: Vec<Matched>,
    after: Vec<Matched>,
    initial: ComputedStyle,
    var_memo: RefCell<VarMemo>,
    /// Parsed `style` attributes by text: pages repeat them, and the blocks must outlive the
    /// pass for the `var()` memo.
    attr_blocks: HashMap<String, Rc<DeclBlock>>,
    /// The selector-map entries `match_rules` found for the element itself, in match order.
    matched_entries: Vec<u32>,
    /// Styles by their cascade inputs (see `element`): parent style, root font size, parent
    /// custom properties, style attribute and hints blocks (by address: all live for the
    /// pass), matched entries. Same inputs, same style.
    shared: HashMap<Box<[u32]>, (u32, Customs)>,
    /// Scratch for a `shared` key.
    key: Vec<u32>,
}

/// The winning declaration of each property for one box.
struct Winners<'b> {
    won: [Option<&'b Specified>; PROP_COUNT],
    /// The user-agent origin's winners, for `revert`.
    ua: [Option<&'b Specified>; PROP_COUNT],
    /// Custom property declarations in cascade order (last wins).
    customs: Vec<(&'b Arc<str>, &'b Arc<str>)>,
}

impl<'b> Winners<'b> {
    fn new() -> Self {
        Winners { won: [None; PROP_COUNT], ua: [None; PROP_COUNT], customs: Vec::new() }
    }

    fn apply(&mut self, block: &'b DeclBlock, important: bool, origin: Origin) {
        for d in &block.decls {
            if d.important == important {
                self.won[d.prop as usize] = Some(&d.value);
                if origin == Origin::UserAgent {
                    self.ua[d.prop as usize] = Some(&d.value);
                }
            }
        }
        for d in &block.customs {
            if d.important == important {
                self.customs.push((&d.name, &d.value));
            }
        }
    }
}

/// Run the cascade over matched rules (plus the style attribute).
fn cascade<'b>(
    matched: &mut [Matched],
    blocks: &'b [DeclBlock],
    attr: Option<&'b DeclBlock>,
    hints: Option<&'b DeclBlock>,
    unlayered: u32,
) -> Winners<'b> {
    let mut w = Winners::new();
    let block_of = |m: &Matched| -> Option<&'b DeclBlock> {
        match m.block {
            Some(b) => blocks.get(b as usize),
            None if m.origin == Origin::Hint => hints,
            None => attr,
        }
    };
    matched.sort_unstable_by_key(|m| (m.origin, m.layer, m.specificity, m.order));
    let mut any_important = false;
    for m in matched.iter() {
        if let Some(b) = block_of(m) {
            w.apply(b, false, m.origin);
            any_important |= b.decls.iter().any(|d| d.important) || b.customs.iter().any(|d| d.important);
        }
    }
    if any_important {
        // Important: author before user agent; within an origin, layers in reverse order.
        matched.sort_unstable_by_key(|m| {
            let origin = if m.origin == Origin::Author { 0 } else { 1 };
            (origin, unlayered.saturating_sub(m.layer), m.specificity, m.order)
        });
        for m in matched.iter() {
            if let Some(b) = block_of(m) {
                w.apply(b, true, m.origin);
            }
        }
    }
    w
}

/// What a property's cascaded value means after CSS-wide keywords and `var()`.
enum Eff<'a> {
    Val(Cow<'a, Value>),
    Inherit,
    Initial,
}

/// Memo of `var()` resolutions: (declaration, custom-property map, property) → result. Both
/// pointers stay valid for the whole pass (blocks and element maps are kept alive).
type VarMemo = HashMap<(usize, usize, u8), Option<Specified>>;

fn effective<'a>(
    prop: Prop,
    w: &Winners<'a>,
    customs: &HashMap<Arc<str>, Arc<str>>,
    ctx: &Ctx,
    memo: Option<&RefCell<VarMemo>>,
) -> Eff<'a> {
    let unset = || if prop.inherited() { Eff::Inherit } else { Eff::Initial };
    let keyword = |s: &Specified| match s {
        Specified::Inherit => Some(Eff::Inherit),
        Specified::Initial => Some(Eff::Initial),
        Specified::Unset => Some(unset()),
        _ => None,
    };
    let Some(spec) = w.won[prop as usize] else { return unset() };
    let resolve = |spec: &'a Specified| -> Option<Eff<'a>> {
        match spec {
            Specified::Value(v) => Some(Eff::Val(Cow::Borrowed(v))),
            Specified::Var(_) | Specified::VarShorthand(..) => {
                let key = (spec as *const Specified as usize, customs as *const _ as usize, prop as u8);
                let cached = memo.and_then(|m| m.borrow().get(&key).cloned());
                let result = match cached {
                    Some(r) => r,
                    None => {
                        let r = resolve_var(prop, spec, customs, ctx);
                        if let Some(m) = memo {
                            m.borrow_mut().insert(key, r.clone());
                        }
                        r
                    }
                };
                // Invalid at computed-value time: behaves as `unset`.
                match result? {
                    Specified::Value(v) => Some(Eff::Val(Cow::Owned(v))),
                    other => keyword(&other),
                }
            }
            Specified::Revert => None,
            other => keyword(other),
        }
    };
    if let Specified::Revert = spec {
        // Roll back to the user-agent origin's value.
        return match w.ua[prop as usize] {
            Some(ua) => resolve(ua).unwrap_or_else(unset),
            None => unset(),
        };
    }
    resolve(spec).unwrap_or_else(unset)
}

/// Substitute `var()` in a declaration and parse the result for `prop`.
fn resolve_var(prop: Prop, spec: &Specified, customs: &HashMap<Arc<str>, Arc<str>>, ctx: &Ctx) -> Option<Specified> {
    let (text, shorthand) = match spec {
        Specified::Var(t) => (t, None),
        Specified::VarShorthand(s, t) => (t, Some(*s)),
        _ => return None,
    };
    let mut out = String::new();
    substitute(text, &mut |n| customs.get(n).cloned(), &mut out, 0).ok()?;
    props::parse_substituted(prop, shorthand, &out, ctx)
}

const MAX_VAR_DEPTH: u32 = 32;

/// Replace every `var(--x, fallback)` in `text` using `lookup`. Fails (invalid at computed-value
/// time) when a variable is missing and has no fallback, or nesting is too deep.
fn substitute(text: &str, lookup: &mut dyn FnMut(&str) -> Option<Arc<str>>, out: &mut String, depth: u32) -> Result<(), ()> {
    let mut parser = Parser::new(text);
    subst_tokens(&mut parser, lookup, out, depth)
}

fn subst_tokens(input: &mut Parser, lookup: &mut dyn FnMut(&str) -> Option<Arc<str>>, out: &mut String, depth: u32) -> Result<(), ()> {
    if depth > MAX_VAR_DEPTH {
        return Err(());
    }
    let mut start = input.position();
    loop {
        let before = input.position();
        let tok = match input.next_including_whitespace_and_comments() {
            Ok(t) => t.clone(),
            Err(_) => break,
        };
        let close = match &tok {
            Token::Function(name) if name.eq_ignore_ascii_case("var") => {
                out.push_str(input.slice(start..before));
                input
                    .parse_nested_block(|p| {
                        let name = p.expect_ident_cloned().map_err(|_| cssparser::ParseError::<()>::custom(()))?;
                        if !name.starts_with("--") {
                            return Err(cssparser::ParseError::custom(()));
                        }
                        let has_fallback = p.try_parse(|p| p.expect_comma()).is_ok();
                        p.skip_whitespace();
                        match lookup(&name) {
                            Some(v) => {
                                out.push_str(&v);
                                while p.next().is_ok() {}
                                Ok(())
                            }
                            None if has_fallback => subst_tokens(p, lookup, out, depth + 1).map_err(|_| cssparser::ParseError::custom(())),
                            None => Err(cssparser::ParseError::custom(())),
                        }
                    })
                    .map_err(|_| ())?;
                start = input.position();
                continue;
            }
            Token::Function(_) | Token::ParenthesisBlock => ')',
            Token::SquareBracketBlock => ']',
            Token::CurlyBracketBlock => '}',
            _ => continue,
        };
        out.push_str(input.slice(start..input.position()));
        input
            .parse_nested_block(|p| subst_tokens(p, lookup, out, depth + 1).map_err(|_| cssparser::ParseError::<()>::custom(())))
            .map_err(|_| ())?;
        out.push(close);
        start = input.position();
    }
    out.push_str(input.slice_from(start));
    Ok(())
}

/// The element's custom properties: the parent's, overridden by its own winners, with
/// `var()` in them substituted (cycles and missing references make a property invalid).
fn build_customs(parent: &Customs, winners: &[(&Arc<str>, &Arc<str>)]) -> Customs {
    if winners.is_empty() {
        return parent.clone();
    }
    let same_as_parent = winners.iter().all(|(n, v)| {
        !props::has_var(v) && parent.get(*n).is_some_and(|pv| Arc::ptr_eq(pv, v) || pv == *v)
    });
    if same_as_parent {
        return parent.clone();
    }
    let mut map: HashMap<Arc<str>, Arc<str>> = (**parent).clone();
    let mut pending: HashMap<Arc<str>, u8> = HashMap::default();
    for (name, value) in winners {
        match value.trim().to_ascii_lowercase().as_str() {
            "initial" => {
                map.remove(*name);
            }
            "inherit" | "unset" | "revert" | "revert-layer" => match parent.get(*name) {
                Some(v) => {
                    map.insert((*name).clone(), v.clone());
                }
                None => {
                    map.remove(*name);
                }
            },
            _ => {
                map.insert((*name).clone(), (*value).clone());
                if props::has_var(value) {
                    pending.insert((*name).clone(), 0);
                } else {
                    pending.remove(*name);
                }
            }
        }
    }
    if !pending.is_empty() {
        let names: Vec<Arc<str>> = pending.keys().cloned().collect();
        let mut r = Resolver { map: &mut map, state: pending };
        for n in names {
            r.get(&n, 0);
        }
    }
    Rc::new(map)
}

/// Resolves `var()` inside custom properties declared on one element.
struct Resolver<'m> {
    map: &'m mut HashMap<Arc<str>, Arc<str>>,
    /// 0: pending, 1: being resolved, 2: done.
    state: HashMap<Arc<str>, u8>,
}

impl Resolver<'_> {
    fn get(&mut self, name: &str, depth: u32) -> Option<Arc<str>> {
        match self.state.get(name) {
            None | Some(2) => return self.map.get(name).cloned(),
            Some(1) => return None,
            _ => {}
        }
        let key: Arc<str> = self.map.get_key_value(name).map(|(k, _)| k.clone())?;
        self.state.insert(key.clone(), 1);
        let raw = self.map.get(name).cloned();
        let mut out = String::new();
        let ok = depth < MAX_VAR_DEPTH
            && raw.is_some_and(|raw| substitute(&raw, &mut |n| self.get(n, depth + 1), &mut out, 0).is_ok());
        self.state.insert(key.clone(), 2);
        if ok {
            let v: Arc<str> = out.trim().into();
            self.map.insert(key, v.clone());
            Some(v)
        } else {
            self.map.remove(&key);
            None
        }
    }
}

/// HTML presentational attributes as CSS text (HTML "Rendering" section), for the properties
/// we compute.
fn presentational_hints(el: &Element) -> Option<String> {
    if el.ns != html5ever::ns!(html) {
        return None;
    }
    let mut css = String::new();
    let legacy_color = |v: &str| {
        let v = v.trim();
        // Legacy colour values may omit the `#` of a hex colour.
        if super::color::parse_color(v).is_some() {
            Some(v.to_string())
        } else if v.len() == 6 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
            Some(format!("#{v}"))
        } else {
            None
        }
    };
    let name: &str = &el.name;
    if name == "font" {
        if let Some(c) = el.attr(&local_name!("color")).and_then(legacy_color) {
            css.push_str(&format!("color: {c};"));
        }
        if let Some(size) = el.attr(&local_name!("size")).map(str::trim) {
            let base = if size.starts_with(['+', '-']) { 3 } else { 0 };
            if let Ok(n) = size.parse::<i32>() {
                let px = [10, 13, 16, 18, 24, 32, 48][(base + n).clamp(1, 7) as usize - 1];
                css.push_str(&format!("font-size: {px}px;"));
            }
        }
    }
    if matches!(name, "body" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th") {
        if let Some(c) = el.attr(&local_name!("bgcolor")).and_then(legacy_color) {
            css.push_str(&format!("background-color: {c};"));
        }
    }
    if name == "body" {
        if let Some(c) = el.attr(&local_name!("text")).and_then(legacy_color) {
            css.push_str(&format!("color: {c};"));
        }
    }
    if matches!(name, "img" | "iframe" | "embed" | "object" | "video" | "canvas" | "table" | "td" | "th")
        || (name == "input" && el.attr(&local_name!("type")).is_some_and(|t| t.trim().eq_ignore_ascii_case("image")))
    {
        for dim in ["width", "height"] {
            if let Some(v) = el.attr_str(dim).map(str::trim) {
                let digits: String = v.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                if !digits.is_empty() && digits.parse::<f32>().is_ok() {
                    let unit = if v[digits.len()..].starts_with('%') { "%" } else { "px" };
                    css.push_str(&format!("{dim}: {digits}{unit};"));
                }
            }
        }
    }
    (!css.is_empty()).then_some(css)
}

/// Elements that never get `::before`/`::after` boxes (replaced and void elements).
fn no_pseudo_boxes(el: &Element) -> bool {
    el.ns == html5ever::ns!(html)
        && matches!(
            &*el.name,
            "img" | "input" | "select" | "textarea" | "iframe" | "video" | "audio" | "canvas" | "embed" | "object"
                | "br" | "wbr" | "meter" | "progress"
        )
}

impl<'a> Pass<'a> {
    fn new(snap: &'a Snapshot, ctx: Ctx, map: &'a SelectorMap, blocks: &'a [DeclBlock], unlayered: u32, bloom: Option<BloomFilter>) -> Self {
        Pass {
            snap,
            ctx,
            map,
            blocks,
            unlayered,
            caches: SelectorCaches::default(),
            candidates: Vec::new(),
            root_font_size: 16.0,
            bloom,
            own: Vec::new(),
            before: Vec::new(),
            after: Vec::new(),
            initial: ComputedStyle::default(),
            var_memo: RefCell::new(HashMap::default()),
            attr_blocks: HashMap::default(),
            matched_entries: Vec::new(),
            // The bench's 1k page has 373 distinct inputs in 2k nodes: growing the map from
            // empty (rehashing every key each time) cost 0.1M instructions a check.
            shared: HashMap::with_capacity_and_hasher((snap.len() / 4).min(1024), Default::default()),
            key: Vec::new(),
        }
    }

    fn matches(&mut self, entry: &Entry, el: &El) -> bool {
        // The bloom filter first: it rejects most candidates, before a matching context is
        // built (`matches_selector` would only make the same check).
        if self.bloom.as_ref().is_some_and(|b| !selector_may_match(&entry.hashes, b)) {
            return false;
        }
        let mode = if entry.target == Target::Element { MatchingMode::Normal } else { MatchingMode::ForStatelessPseudoElement };
        let mut cx = MatchingContext::new(
            mode,
            None,
            &mut self.caches,
            QuirksMode::NoQuirks,
            NeedsSelectorFlags::No,
            MatchingForInvalidation::No,
        );
        matches_selector(&entry.selector, 0, None, el, &mut cx)
    }

    /// A declaration list, parsed once per distinct text.
    fn parsed_block(&mut self, text: &str) -> Rc<DeclBlock> {
        if let Some(b) = self.attr_blocks.get(text) {
            return b.clone();
        }
        let b = Rc::new(props::parse_declaration_list(text, &self.ctx));
        self.attr_blocks.insert(text.to_string(), b.clone());
        b
    }

    /// Only the custom properties of an element.
    fn customs_only(&mut self, id: NodeId, el: &Element, parent_customs: &Customs) -> Customs {
        let (attr_block, hints) = self.match_rules(id, el);
        let mut own = std::mem::take(&mut self.own);
        let winners = cascade(&mut own, self.blocks, attr_block.as_deref(), hints.as_deref(), self.unlayered);
        let customs = build_customs(parent_customs, &winners.customs);
        self.own = own;
        customs
    }

    /// Fill `own`, `before` and `after` with the rules (and the style attribute and hints,
    /// returned) that apply to an element.
    fn match_rules(&mut self, id: NodeId, el: &Element) -> (Option<Rc<DeclBlock>>, Option<Rc<DeclBlock>>) {
        let map = self.map;
        let wrapped = El { snap: self.snap, id };
        let mut own = std::mem::take(&mut self.own);
        let mut before = std::mem::take(&mut self.before);
        let mut after = std::mem::take(&mut self.after);
        own.clear();
        before.clear();
        after.clear();
        self.matched_entries.clear();
        let mut candidates = std::mem::take(&mut self.candidates);
        let lower_case = lower_case_names(self.snap, el);
        map.candidates(el, self.snap.parent(id) == Some(NodeId::DOCUMENT), lower_case, &mut candidates);
        let lower_case_name = lower_case || !el.name.bytes().any(|b| b.is_ascii_uppercase());
        let matched = |entry: &Entry| Matched {
            origin: entry.origin,
            layer: entry.layer,
            specificity: entry.specificity,
            order: entry.order,
            block: Some(entry.block),
        };
        // One matching context per element and mode (building one per candidate showed in
        // profiles); it holds the bloom filter, which rejects most candidates at once.
        let mut pseudo = false;
        let mut cx = matching_context(MatchingMode::Normal, self.bloom.as_ref(), &mut self.caches);
        for &i in &candidates {
            let Some(entry) = map.entries.get(i as usize) else { continue };
            let sure = match entry.sure {
                Sure::No => false,
                Sure::Always => true,
                Sure::IfLowerCaseName => lower_case_name,
            };
            if entry.target != Target::Element {
                pseudo = true;
            } else if sure || matches_selector(&entry.selector, 0, Some(&entry.hashes), &wrapped, &mut cx) {
                own.push(matched(entry));
                self.matched_entries.push(i);
            }
        }
        if pseudo {
            let mut cx = matching_context(MatchingMode::ForStatelessPseudoElement, self.bloom.as_ref(), &mut self.caches);
            for &i in &candidates {
                let Some(entry) = map.entries.get(i as usize) else { continue };
                let list = match entry.target {
                    Target::Element => continue,
                    Target::Before => &mut before,
                    Target::After => &mut after,
                };
                if matches_selector(&entry.selector, 0, Some(&entry.hashes), &wrapped, &mut cx) {
                    list.push(matched(entry));
                }
            }
        }
        self.candidates = candidates;

        let attr_block = el.attr(&local_name!("style")).map(|text| self.parsed_block(text));
        if attr_block.is_some() {
            own.push(Matched { origin: Origin::Author, layer: self.unlayered, specificity: u32::MAX, order: u32::MAX, block: None });
        }
        let hints = presentational_hints(el).map(|text| self.parsed_block(&text));
        if hints.is_some() {
            own.push(Matched { origin: Origin::Hint, layer: 0, specificity: 0, order: 0, block: None });
        }
        self.own = own;
        self.before = before;
        self.after = after;
        (attr_block, hints)
    }

    /// An element's style (pushed to `distinct` unless an element with the same cascade inputs
    /// has it already) and custom properties, under the parent's style (`None` for the root:
    /// initial values) and custom properties.
    fn element(
        &mut self,
        id: NodeId,
        el: &Element,
        parent: Option<u32>,
        parent_customs: &Customs,
        distinct: &mut Vec<ComputedStyle>,
    ) -> (u32, Customs) {
        let (attr_block, hints) = self.match_rules(id, el);
        // Generated content may read the element's attributes: only styles without it are shared.
        let shareable = self.before.is_empty() && self.after.is_empty();
        if shareable {
            let mut key = std::mem::take(&mut self.key);
            // Blocks and custom properties are keyed by address: each is alive for the whole
            // pass (parsed blocks in `attr_blocks`, every node's customs in the pass's vector),
            // so an address can't be reused for another value while `shared` holds it.
            let ptr = |p: usize| [p as u32, (p as u64 >> 32) as u32];
            key.push(parent.unwrap_or(u32::MAX));
            key.push(self.root_font_size.to_bits());
            key.extend(ptr(Rc::as_ptr(parent_customs) as usize));
            key.extend(ptr(attr_block.as_ref().map_or(0, |b| Rc::as_ptr(b) as usize)));
            key.extend(ptr(hints.as_ref().map_or(0, |b| Rc::as_ptr(b) as usize)));
            key.extend_from_slice(&self.matched_entries);
            let hit = self.shared.get(key.as_slice()).cloned();
            let out = hit.unwrap_or_else(|| {
                let (style, customs) = self.compute(el, parent.map(|p| &distinct[p as usize]), parent_customs, attr_block, hints);
                distinct.push(style);
                let out = (distinct.len() as u32 - 1, customs);
                // A copy: the scratch keeps its capacity for the next element.
                self.shared.insert(key.as_slice().into(), out.clone());
                out
            });
            key.clear();
            self.key = key;
            return out;
        }
        let (style, customs) = self.compute(el, parent.map(|p| &distinct[p as usize]), parent_customs, attr_block, hints);
        distinct.push(style);
        (distinct.len() as u32 - 1, customs)
    }

    /// The cascade and computed values for the rules `match_rules` found.
    fn compute(
        &mut self,
        el: &Element,
        parent: Option<&ComputedStyle>,
        parent_customs: &Customs,
        attr_block: Option<Rc<DeclBlock>>,
        hints: Option<Rc<DeclBlock>>,
    ) -> (ComputedStyle, Customs) {
        let mut own = std::mem::take(&mut self.own);
        let mut before = std::mem::take(&mut self.before);
        let mut after = std::mem::take(&mut self.after);
        let winners = cascade(&mut own, self.blocks, attr_block.as_deref(), hints.as_deref(), self.unlayered);
        let customs = build_customs(parent_customs, &winners.customs);
        let mut style = self.compute_values(&winners, parent.unwrap_or(&self.initial), &customs);
        if let Some(b) = &attr_block {
            // ACT: the property's value is declared here and the winning declaration is
            // important; `inherit`/`unset` (inherited properties) take the parent's value, so
            // nothing is declared on this element.
            let imp = |p: Prop| {
                b.decls.iter().rev().find(|d| d.prop == p && d.important).is_some_and(|d| {
                    !matches!(d.value, props::Specified::Inherit | props::Specified::Unset | props::Specified::Revert)
                })
            };
            style.important_in_style_attr = SpacingFlags {
                letter_spacing: imp(Prop::LetterSpacing),
                word_spacing: imp(Prop::WordSpacing),
                line_height: imp(Prop::LineHeight),
            };
        }
        if style.display != Display::None && !no_pseudo_boxes(el) {
            if !before.is_empty() {
                style.before = self.pseudo_content(&mut before, &customs, el);
            }
            if !after.is_empty() {
                style.after = self.pseudo_content(&mut after, &customs, el);
            }
        }
        self.own = own;
        self.before = before;
        self.after = after;
        (style, customs)
    }

    /// The text of a `::before`/`::after` box, when it renders.
    fn pseudo_content(&self, matched: &mut [Matched], customs: &Customs, el: &Element) -> Option<String> {
        let w = cascade(matched, self.blocks, None, None, self.unlayered);
        let customs = build_customs(customs, &w.customs);
        if let Eff::Val(v) = effective(Prop::Display, &w, &customs, &self.ctx, None) {
            if *v == Value::Display(Display::None) {
                return None;
            }
        }
        let Eff::Val(v) = effective(Prop::Content, &w, &customs, &self.ctx, None) else { return None };
        let Value::Content(Some(items)) = v.as_ref() else { return None };
        let mut text = String::new();
        for item in items.iter() {
            match item {
                ContentItem::Text(t) => text.push_str(t),
                ContentItem::Attr(name) => text.push_str(el.attr_str(name).unwrap_or("")),
                ContentItem::OpenQuote => text.push('\u{201c}'),
                ContentItem::CloseQuote => text.push('\u{201d}'),
                ContentItem::Nothing => {}
            }
        }
        Some(text)
    }

    fn compute_values(&self, w: &Winners, p: &ComputedStyle, customs: &HashMap<Arc<str>, Arc<str>>) -> ComputedStyle {
        let ctx = &self.ctx;
        let eff = |prop: Prop| effective(prop, w, customs, ctx, Some(&self.var_memo));
        let initial = &self.initial;
        // Inherited properties start as the parent's, the others as initial values: what a
        // property without a cascaded value computes to, so the loop below skips those.
        let mut s = ComputedStyle {
            visibility: p.visibility,
            text_shadow: p.text_shadow,
            color: p.color,
            font_size: p.font_size,
            font_weight: p.font_weight,
            cursor: p.cursor.clone(),
            text_indent: p.text_indent,
            letter_spacing: p.letter_spacing,
            word_spacing: p.word_spacing,
            line_height: p.line_height,
            clip_path: None,
            before: None,
            after: None,
            ..*initial
        };
        let root = self.root_font_size;

        // font-size first: em units of every other property depend on it.
        s.font_size = match eff(Prop::FontSize) {
            Eff::Inherit => p.font_size,
            Eff::Initial => initial.font_size,
            Eff::Val(v) => match v.as_ref() {
                Value::FontSize(FontSize::Keyword(px)) => *px,
                Value::FontSize(FontSize::Length(l)) => l.resolve(p.font_size, root, Some(p.font_size)).unwrap_or(p.font_size),
                Value::FontSize(FontSize::Larger) => p.font_size * 1.2,
                Value::FontSize(FontSize::Smaller) => p.font_size / 1.2,
                _ => p.font_size,
            },
        };
        let fs = s.font_size;
        let len = |v: &Value| match v {
            Value::Length(l) => l.resolve(fs, root, None),
            _ => None,
        };

        // color before anything that may use currentColor.
        s.color = match eff(Prop::Color) {
            Eff::Inherit => p.color,
            Eff::Initial => initial.color,
            Eff::Val(v) => match v.as_ref() {
                Value::Color(c) => c.resolve(p.color),
                _ => p.color,
            },
        };

        for prop in [
            Prop::Display,
            Prop::Visibility,
            Prop::Opacity,
            Prop::BackgroundColor,
            Prop::BackgroundImage,
            Prop::FontWeight,
            Prop::Position,
            Prop::Clip,
            Prop::ClipPath,
            Prop::OverflowX,
            Prop::OverflowY,
            Prop::Width,
            Prop::Height,
            Prop::MaxWidth,
            Prop::BoxShadow,
            Prop::TextShadow,
            Prop::Cursor,
            Prop::TextIndent,
            Prop::LetterSpacing,
            Prop::WordSpacing,
            Prop::LineHeight,
            Prop::Transform,
            Prop::Rotate,
            Prop::Top,
            Prop::Left,
            Prop::TextDecorationLine,
            Prop::BorderBottom,
        ] {
            if w.won[prop as usize].is_none() {
                continue;
            }
            let v = match eff(prop) {
                Eff::Val(v) => v,
                Eff::Inherit => {
                    inherit(prop, &mut s, p);
                    continue;
                }
                Eff::Initial => {
                    inherit(prop, &mut s, initial);
                    continue;
                }
            };
            match (prop, v.as_ref()) {
                (Prop::Display, Value::Display(d)) => s.display = *d,
                (Prop::Visibility, Value::Visibility(x)) => s.visibility = *x,
                (Prop::Opacity, Value::Number(n)) => s.opacity = *n,
                (Prop::BackgroundColor, Value::Color(c)) => s.background_color = c.resolve(s.color),
                (Prop::BackgroundImage, Value::Bool(b)) => s.background_image = *b,
                (Prop::FontWeight, Value::FontWeight(fw)) => {
                    s.font_weight = match fw {
                        FontWeight::Absolute(n) => *n,
                        FontWeight::Bolder => bolder(p.font_weight),
                        FontWeight::Lighter => lighter(p.font_weight),
                    }
                }
                (Prop::Position, Value::Position(x)) => s.position = *x,
                (Prop::Clip, Value::Clip(sides)) => {
                    s.clip = sides.map(|[t, r, b, l]| {
                        let side = |x: Option<super::values::Length>, auto: f32| {
                            x.and_then(|x| x.resolve(fs, root, None)).unwrap_or(auto)
                        };
                        [side(t, 0.0), side(r, f32::INFINITY), side(b, f32::INFINITY), side(l, 0.0)]
                    })
                }
                (Prop::ClipPath, Value::Text(t)) => s.clip_path = t.clone(),
                (Prop::OverflowX, Value::Overflow(o)) => s.overflow_x = *o,
                (Prop::OverflowY, Value::Overflow(o)) => s.overflow_y = *o,
                (Prop::Width, v) => s.width = len(v),
                (Prop::Height, v) => s.height = len(v),
                (Prop::MaxWidth, v) => s.max_width = len(v),
                (Prop::Transform, Value::Rotation(r)) => s.transform_rotation = *r,
                (Prop::Rotate, Value::Rotation(r)) => s.rotate = *r,
                (Prop::Top, v) => s.top = len(v),
                (Prop::Left, v) => s.left = len(v),
                (Prop::BoxShadow, Value::Bool(b)) => s.box_shadow = *b,
                (Prop::TextShadow, Value::Bool(b)) => s.text_shadow = *b,
                (Prop::TextDecorationLine, Value::Bool(b)) => s.text_decoration = *b,
                (Prop::BorderBottom, Value::Bool(b)) => s.border_bottom = *b,
                (Prop::Cursor, Value::Text(Some(c))) => s.cursor = c.clone(),
                (Prop::TextIndent, v) => s.text_indent = len(v).unwrap_or(0.0),
                (Prop::LetterSpacing, v) => s.letter_spacing = len(v).unwrap_or(0.0),
                (Prop::WordSpacing, v) => s.word_spacing = len(v).unwrap_or(0.0),
                (Prop::LineHeight, Value::LineHeight(lh)) => {
                    s.line_height = match lh {
                        LineHeightSpec::Normal => LineHeight::Normal,
                        LineHeightSpec::Number(n) => LineHeight::Number(*n),
                        LineHeightSpec::Length(l) => l.resolve(fs, root, Some(fs)).map_or(LineHeight::Normal, LineHeight::Px),
                    }
                }
                _ => {}
            }
        }

        // outline: both longhands together.
        let style_on = match eff(Prop::OutlineStyle) {
            Eff::Val(v) => matches!(v.as_ref(), Value::OutlineStyle(true)),
            Eff::Inherit => p.outline,
            Eff::Initial => false,
        };
        let width = match eff(Prop::OutlineWidth) {
            Eff::Val(v) => len(&v).unwrap_or(3.0),
            Eff::Inherit => if p.outline { 1.0 } else { 0.0 },
            Eff::Initial => 3.0,
        };
        s.outline = style_on && width > 0.0;

        // `visible` pairs only with `visible`/`clip`: otherwise it computes to `auto`.
        let clipish = |o: Overflow| matches!(o, Overflow::Visible | Overflow::Clip);
        if clipish(s.overflow_x) != clipish(s.overflow_y) {
            let fix = |o: Overflow| match o {
                Overflow::Visible => Overflow::Auto,
                Overflow::Clip => Overflow::Hidden,
                o => o,
            };
            s.overflow_x = fix(s.overflow_x);
            s.overflow_y = fix(s.overflow_y);
        }
        s
    }
}

/// Copy one property's computed value from `from` (the parent, or initial values).
fn inherit(prop: Prop, s: &mut ComputedStyle, from: &ComputedStyle) {
    match prop {
        Prop::Display => s.display = from.display,
        Prop::Visibility => s.visibility = from.visibility,
        Prop::Opacity => s.opacity = from.opacity,
        Prop::Color => s.color = from.color,
        Prop::BackgroundColor => s.background_color = from.background_color,
        Prop::BackgroundImage => s.background_image = from.background_image,
        Prop::FontSize => s.font_size = from.font_size,
        Prop::FontWeight => s.font_weight = from.font_weight,
        Prop::Position => s.position = from.position,
        Prop::Clip => s.clip = from.clip,
        Prop::ClipPath => s.clip_path = from.clip_path.clone(),
        Prop::OverflowX => s.overflow_x = from.overflow_x,
        Prop::OverflowY => s.overflow_y = from.overflow_y,
        Prop::Width => s.width = from.width,
        Prop::Height => s.height = from.height,
        Prop::MaxWidth => s.max_width = from.max_width,
        Prop::Transform => s.transform_rotation = from.transform_rotation,
        Prop::Rotate => s.rotate = from.rotate,
        Prop::Top => s.top = from.top,
        Prop::Left => s.left = from.left,
        Prop::BoxShadow => s.box_shadow = from.box_shadow,
        Prop::TextShadow => s.text_shadow = from.text_shadow,
        Prop::TextDecorationLine => s.text_decoration = from.text_decoration,
        Prop::BorderBottom => s.border_bottom = from.border_bottom,
        Prop::Cursor => s.cursor = from.cursor.clone(),
        Prop::TextIndent => s.text_indent = from.text_indent,
        Prop::LetterSpacing => s.letter_spacing = from.letter_spacing,
        Prop::WordSpacing => s.word_spacing = from.word_spacing,
        Prop::LineHeight => s.line_height = from.line_height,
        Prop::OutlineStyle | Prop::OutlineWidth | Prop::Content => {}
    }
}

/// `font-weight: bolder` relative to the parent's weight (CSS Fonts 4 table).
fn bolder(w: u16) -> u16 {
    match w {
        0..=349 => 400,
        350..=549 => 700,
        550..=899 => 900,
        _ => w,
    }
}

/// `font-weight: lighter` relative to the parent's weight.
fn lighter(w: u16) -> u16 {
    match w {
        0..=99 => w,
        100..=549 => 100,
        550..=749 => 400,
        _ => 700,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{parse::parse_html, DocumentKind};
    use crate::options::Viewport;

    /// The incremental restyle against a full cascade at 640×512 (None: it gave up).
    fn incremental(html: &str) -> Option<usize> {
        let snap = parse_html(html, DocumentKind::Html);
        let options = Options::default();
        let small = Viewport { width: 640.0, height: 512.0 };
        let base = compute(&snap, &options);
        let full = compute(&snap, &Options { viewport: small, ..Options::default() });
        let base_ctx = Ctx { viewport: options.viewport, scheme: options.color_scheme, orientation_flipped: false };
        let ctx = Ctx { viewport: small, ..base_ctx };
        let sheets = collect(&snap, &options, ctx, Some(base_ctx), false, None);
        let before = collect(&snap, &options, base_ctx, Some(ctx), false, None);
        assert!(!sheets.differs_everywhere && !before.differs_everywhere, "{html}");
        let before = sheets.others_only.then_some(&before);
        let attrs = viewport_unit_styles(&snap);
        let got = restyle(&snap, &sheets, before, &base, &attrs)?;
        for (i, (a, b)) in got.per_node().iter().zip(&full.per_node()).enumerate() {
            assert_eq!(a, b, "node {i} of {html}");
        }
        assert_eq!(got.missing, full.missing, "{html}");
        Some(got.per_node().iter().zip(&base.per_node()).filter(|(a, b)| a != b).count())
    }

    #[test]
    fn incremental_restyle_equals_a_full_cascade() {
        let body = r#"<div id="a" class="box"><p class="t">text <span id="s">in <b>deep</b></span></p><ul><li>x</li><li class="last">y</li></ul></div>
            <section><p style="color: red">x</p><p style="height: 10vh">h</p><p class="t">z</p></section>"#;
        let pages = [
            // Inheritance through the affected element: font size, colour, em lengths below.
            "<style>@media (max-width: 700px) { .box { font-size: 30px; color: green } } .t { height: 2em; letter-spacing: .1em }</style>",
            // A flip whose element keeps its inherited values (only children are rechecked).
            "<style>@media (min-width: 1000px) { .t { display: none } section p { overflow: hidden } }</style>",
            // Custom properties declared in a flipping block, used below through var().
            "<style>@media (max-width: 700px) { .box { --c: rgb(1, 2, 3); --h: 3em } } .t { color: var(--c, blue); height: var(--h, 1px) }</style>",
            // Generated content, combinators, :has(), :not(), !important and layers.
            r#"<style>@layer a, b; @layer b { li { color: red } }
                @media (max-width: 700px) { li + li::before { content: "→" } .box:has(b) > ul { visibility: hidden } @layer a { li { color: blue !important } } }
                @media (min-width: 900px) { :not(.box) > p { font-weight: 700 } }</style>"#,
            // Viewport units in rules, var() fallbacks and a style attribute; nested conditions.
            "<style>.box { width: 50vw; max-width: calc(100vw - 20px) } .t { font-size: clamp(10px, 3vw, 30px) } span { top: var(--none, -10vh) }
                @supports (display: grid) { @media (width > 700px) { #s { visibility: hidden } } }</style>",
            // Nothing differs but a style attribute.
            "<style>.t { color: blue }</style>",
        ];
        for head in pages {
            let changed = incremental(&format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>"));
            assert!(changed.is_some_and(|n| n > 0), "{head}: {changed:?}");
        }
        // The root's font size changes: every rem would, so it gives up.
        assert_eq!(incremental(&format!("<style>@media (max-width: 700px) {{ html {{ font-size: 20px }} }}</style>{body}")), None);
    }

    #[test]
    fn substitutes_nested_vars() {
        let vars: HashMap<&str, &str> = [("--a", "red"), ("--b", "1px solid var(--a)")].into_iter().collect();
        let mut out = String::new();
        substitute("calc(var(--w, 2px) + 1px) var(--a) var(--none, var(--also-none, blue))", &mut |n| vars.get(n).map(|v| Arc::from(*v)), &mut out, 0).unwrap();
        assert_eq!(out, "calc(2px + 1px) red blue");
        let mut out = String::new();
        assert!(substitute("var(--missing)", &mut |_| None, &mut out, 0).is_err());
    }

    #[test]
    fn custom_property_chains_and_cycles() {
        let parent: Customs = Rc::new(HashMap::default());
        let names: Vec<Arc<str>> = ["--a", "--b", "--c", "--x", "--y"].iter().map(|s| Arc::from(*s)).collect();
        let vals: Vec<Arc<str>> = ["var(--b)", "var(--c, green)", "var(--nope, #123)", "var(--y)", "var(--x)"].iter().map(|s| Arc::from(*s)).collect();
        let winners: Vec<(&Arc<str>, &Arc<str>)> = names.iter().zip(vals.iter()).collect();
        let m = build_customs(&parent, &winners);
        assert_eq!(m.get("--a").map(|v| v.as_ref()), Some("#123"));
        assert!(m.get("--x").is_none() && m.get("--y").is_none());
    }
}
