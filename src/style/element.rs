//! Selector matching over the snapshot: our `SelectorImpl` (string types, the pseudo-classes and
//! pseudo-elements we parse), the selector parser, and `selectors::Element` for a node.
//!
//! A static snapshot has no interaction state: `:hover`, `:focus`, `:visited`, `:target` ...
//! parse (so the rules around them survive) but never match.

use std::fmt;

use cssparser::{CowRcStr, ParseError, Parser as CssParser, ToCss};
use html5ever::{local_name, ns, LocalName, Namespace};
use precomputed_hash::PrecomputedHash;
use selectors::attr::{AttrSelectorOperation, CaseSensitivity, NamespaceConstraint};
use selectors::bloom::BloomFilter;
use selectors::matching::{ElementSelectorFlags, MatchingContext};
use selectors::parser::{self, SelectorParseErrorKind};
use selectors::{OpaqueElement, SelectorImpl};

use crate::dom::{NodeData, NodeId, Snapshot};

/// Our selector implementation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Impl;

/// An identifier, tag or attribute name in a selector.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Ident(pub LocalName);

impl<'a> From<&'a str> for Ident {
    fn from(s: &'a str) -> Self {
        Ident(LocalName::from(s))
    }
}

impl ToCss for Ident {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        cssparser::serialize_identifier(&self.0, dest)
    }
}

impl PrecomputedHash for Ident {
    /// Our own string hash (not the atom's), so that an element's classes and ids can be put in
    /// the ancestor bloom filter without interning them.
    fn precomputed_hash(&self) -> u32 {
        str_hash(&self.0)
    }
}

/// FNV-1a over the bytes: the hash ancestor bloom filters use for names, ids and classes.
pub(crate) fn str_hash(s: &str) -> u32 {
    s.bytes().fold(HASH_START, hash_byte)
}

/// [`str_hash`] of the empty string.
pub(crate) const HASH_START: u32 = 0x811c_9dc5;

/// [`str_hash`] of a string extended by one byte, from that of the string.
#[inline]
pub(crate) fn hash_byte(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(0x0100_0193)
}

impl std::borrow::Borrow<LocalName> for Ident {
    fn borrow(&self) -> &LocalName {
        &self.0
    }
}

/// An attribute value in a selector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AttrValue(pub String);

impl<'a> From<&'a str> for AttrValue {
    fn from(s: &'a str) -> Self {
        AttrValue(s.to_owned())
    }
}

impl AsRef<str> for AttrValue {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl ToCss for AttrValue {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        cssparser::serialize_string(&self.0, dest)
    }
}

/// Namespace URL wrapper (selectors needs `PrecomputedHash`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Ns(pub Namespace);

impl PrecomputedHash for Ns {
    fn precomputed_hash(&self) -> u32 {
        self.0.precomputed_hash()
    }
}

impl std::borrow::Borrow<Namespace> for Ns {
    fn borrow(&self) -> &Namespace {
        &self.0
    }
}

/// Pseudo-classes beyond the tree-structural ones selectors handles itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PseudoClass {
    Link,
    AnyLink,
    Checked,
    Disabled,
    Enabled,
    Required,
    Optional,
    ReadOnly,
    ReadWrite,
    PlaceholderShown,
    Defined,
    Open,
    Valid,
    Lang(Box<[String]>),
    DirLtr,
    /// Interaction or state we can't know statically: never matches.
    Never(Box<str>),
}

impl parser::NonTSPseudoClass for PseudoClass {
    fn is_active_or_hover(&self) -> bool {
        matches!(self, PseudoClass::Never(n) if &**n == "hover" || &**n == "active")
    }
    fn is_user_action_state(&self) -> bool {
        matches!(self, PseudoClass::Never(n) if matches!(&**n, "hover" | "active" | "focus"))
    }
}

impl ToCss for PseudoClass {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        let name = match self {
            PseudoClass::Link => "link",
            PseudoClass::AnyLink => "any-link",
            PseudoClass::Checked => "checked",
            PseudoClass::Disabled => "disabled",
            PseudoClass::Enabled => "enabled",
            PseudoClass::Required => "required",
            PseudoClass::Optional => "optional",
            PseudoClass::ReadOnly => "read-only",
            PseudoClass::ReadWrite => "read-write",
            PseudoClass::PlaceholderShown => "placeholder-shown",
            PseudoClass::Defined => "defined",
            PseudoClass::Open => "open",
            PseudoClass::Valid => "valid",
            PseudoClass::Lang(_) => "lang(..)",
            PseudoClass::DirLtr => "dir(ltr)",
            PseudoClass::Never(n) => n,
        };
        dest.write_char(':')?;
        dest.write_str(name)
    }
}

/// Pseudo-elements: only `::before`/`::after` generate anything we compute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PseudoElement {
    Before,
    After,
    Other,
}

impl parser::PseudoElement for PseudoElement {
    fn accepts_state_pseudo_classes(&self) -> bool {
        true
    }
    fn is_before_or_after(&self) -> bool {
        matches!(self, PseudoElement::Before | PseudoElement::After)
    }
}

impl ToCss for PseudoElement {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        dest.write_str(match self {
            PseudoElement::Before => "::before",
            PseudoElement::After => "::after",
            PseudoElement::Other => "::other",
        })
    }
}

impl SelectorImpl for Impl {
    type ExtraMatchingData<'a> = ();
    type AttrValue = AttrValue;
    type Identifier = Ident;
    type LocalName = Ident;
    type NamespaceUrl = Ns;
    type NamespacePrefix = Ident;
    type BorrowedNamespaceUrl = Namespace;
    type BorrowedLocalName = LocalName;
    type NonTSPseudoClass = PseudoClass;
    type PseudoElement = PseudoElement;
}

/// The selector parser: `:is`/`:where`/`:has`, nesting `&`, our pseudo-classes.
pub(crate) struct SelParser;

impl<'i> parser::Parser<'i> for SelParser {
    type Impl = Impl;
    type Error = SelectorParseErrorKind;

    fn parse_is_and_where(&self) -> bool {
        true
    }
    fn parse_has(&self) -> bool {
        true
    }
    fn parse_nth_child_of(&self) -> bool {
        true
    }
    fn parse_parent_selector(&self) -> bool {
        true
    }
    // Shadow-DOM selectors parse (Tailwind v4 writes `:root, :host`) but never match: a
    // static snapshot has no shadow trees.
    fn parse_host(&self) -> bool {
        true
    }
    fn parse_slotted(&self) -> bool {
        true
    }
    fn parse_part(&self) -> bool {
        true
    }
    fn is_is_alias(&self, name: &str) -> bool {
        name.eq_ignore_ascii_case("-webkit-any") || name.eq_ignore_ascii_case("matches")
    }

    fn parse_non_ts_pseudo_class(&self, name: CowRcStr<'i>) -> Result<PseudoClass, ParseError<Self::Error>> {
        let lower = name.to_ascii_lowercase();
        Ok(match lower.as_str() {
            "link" => PseudoClass::Link,
            "any-link" | "-webkit-any-link" => PseudoClass::AnyLink,
            "checked" => PseudoClass::Checked,
            "disabled" => PseudoClass::Disabled,
            "enabled" => PseudoClass::Enabled,
            "required" => PseudoClass::Required,
            "optional" => PseudoClass::Optional,
            "read-only" => PseudoClass::ReadOnly,
            "read-write" => PseudoClass::ReadWrite,
            "placeholder-shown" => PseudoClass::PlaceholderShown,
            "defined" => PseudoClass::Defined,
            "open" => PseudoClass::Open,
            "valid" => PseudoClass::Valid,
            "hover" | "active" | "focus" | "focus-visible" | "focus-within" | "visited" | "target"
            | "target-within" | "autofill" | "-webkit-autofill" | "invalid" | "user-invalid" | "user-valid"
            | "in-range" | "out-of-range" | "indeterminate" | "default" | "modal" | "fullscreen" | "popover-open"
            | "playing" | "paused" | "seeking" | "muted" | "picture-in-picture" | "closed" | "local-link"
            | "current" | "past" | "future" | "blank" | "-webkit-full-screen" | "window-inactive" | "xr-overlay"
            | "buffering" | "stalled" | "volume-locked" | "host-context" | "state" => PseudoClass::Never(lower.into()),
            _ => {
                return Err(ParseError::custom(SelectorParseErrorKind::UnsupportedPseudoClassOrElement))
            }
        })
    }

    fn parse_non_ts_functional_pseudo_class<'t>(
        &self,
        name: CowRcStr<'i>,
        input: &mut CssParser<'i>,
        _after_part: bool,
    ) -> Result<PseudoClass, ParseError<Self::Error>> {
        match name.to_ascii_lowercase().as_str() {
            "lang" => {
                let langs = input.parse_comma_separated(|p| {
                    let s = p.expect_ident_or_string()?.to_ascii_lowercase();
                    Ok(s)
                })?;
                Ok(PseudoClass::Lang(langs.into()))
            }
            "dir" => {
                let d = input.expect_ident()?.to_ascii_lowercase();
                Ok(if d == "ltr" { PseudoClass::DirLtr } else { PseudoClass::Never("dir(rtl)".into()) })
            }
            "state" | "host-context" | "active-view-transition-type" => {
                while input.next().is_ok() {}
                Ok(PseudoClass::Never("state".into()))
            }
            _ => Err(ParseError::custom(SelectorParseErrorKind::UnsupportedPseudoClassOrElement)),
        }
    }

    fn parse_pseudo_element(&self, name: CowRcStr<'i>) -> Result<PseudoElement, ParseError<Self::Error>> {
        let lower = name.to_ascii_lowercase();
        Ok(match lower.as_str() {
            "before" => PseudoElement::Before,
            "after" => PseudoElement::After,
            "placeholder" | "marker" | "selection" | "first-line" | "first-letter" | "backdrop"
            | "file-selector-button" | "cue" | "target-text" | "spelling-error" | "grammar-error"
            | "details-content" | "highlight" | "view-transition" | "search-text" => PseudoElement::Other,
            // Chromium accepts its own prefixed pseudo-elements; other engines' make the rule invalid.
            n if n.starts_with("-webkit-") || n.starts_with("-internal-") => PseudoElement::Other,
            _ => {
                return Err(ParseError::custom(SelectorParseErrorKind::UnsupportedPseudoClassOrElement))
            }
        })
    }

    fn parse_functional_pseudo_element<'t>(
        &self,
        name: CowRcStr<'i>,
        input: &mut CssParser<'i>,
    ) -> Result<PseudoElement, ParseError<Self::Error>> {
        match name.to_ascii_lowercase().as_str() {
            "highlight" | "view-transition-group" | "view-transition-image-pair" | "view-transition-old"
            | "view-transition-new" | "picker" | "scroll-marker-group" => {
                while input.next().is_ok() {}
                Ok(PseudoElement::Other)
            }
            _ => Err(ParseError::custom(SelectorParseErrorKind::UnsupportedPseudoClassOrElement)),
        }
    }
}

/// Parse a selector list (`ParseRelative::ForNesting` for rules nested in a style rule).
pub(crate) fn parse_selectors(
    input: &mut CssParser<'_>,
    nested: bool,
) -> Option<selectors::SelectorList<Impl>> {
    let relative = if nested { parser::ParseRelative::ForNesting } else { parser::ParseRelative::No };
    selectors::SelectorList::parse(&SelParser, input, relative).ok()
}

/// An element of the snapshot, as selectors sees it.
#[derive(Clone, Copy)]
pub(crate) struct El<'a> {
    pub snap: &'a Snapshot,
    pub id: NodeId,
}

impl fmt::Debug for El<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "El({})", self.id.0)
    }
}

impl<'a> El<'a> {
    fn el(&self) -> &'a crate::dom::Element {
        match &self.snap.node(self.id).data {
            NodeData::Element(e) => e,
            // El is only built for element ids; a static element stands in for robustness.
            _ => PLACEHOLDER_ELEMENT.with(|el| *el),
        }
    }
    fn wrap(&self, id: Option<NodeId>) -> Option<El<'a>> {
        id.map(|id| El { snap: self.snap, id })
    }
    fn is_html(&self, name: &LocalName) -> bool {
        self.el().is_html(name)
    }
    fn attr(&self, name: &LocalName) -> Option<&'a str> {
        self.el().attr(name)
    }
    fn has_attr(&self, name: &LocalName) -> bool {
        self.el().has_attr(name)
    }

    fn is_form_control(&self) -> bool {
        let e = self.el();
        e.ns == ns!(html) && matches!(&*e.name, "button" | "input" | "select" | "textarea")
    }

    /// Whether this element is disabled (actually disabled, per HTML).
    fn is_disabled(&self) -> bool {
        let e = self.el();
        if e.ns != ns!(html) {
            return false;
        }
        match &*e.name {
            "button" | "input" | "select" | "textarea" => {
                if e.has_attr(&local_name!("disabled")) {
                    return true;
                }
                // A disabled fieldset disables its controls, except those in its first legend.
                let mut child = self.id;
                for anc in self.snap.ancestors(self.id) {
                    if let Some(a) = self.snap.element(anc) {
                        if a.is_html(&local_name!("fieldset")) && a.has_attr(&local_name!("disabled")) {
                            let first_legend = self
                                .snap
                                .element_children(anc)
                                .find(|c| self.snap.element(*c).is_some_and(|e| e.is_html(&local_name!("legend"))));
                            if first_legend != Some(child) {
                                return true;
                            }
                        }
                    }
                    child = anc;
                }
                false
            }
            "option" => {
                e.has_attr(&local_name!("disabled"))
                    || self.snap.parent(self.id).and_then(|p| self.snap.element(p)).is_some_and(|p| p.is_html(&local_name!("optgroup")) && p.has_attr(&local_name!("disabled")))
            }
            "optgroup" | "fieldset" => e.has_attr(&local_name!("disabled")),
            _ => false,
        }
    }

    fn can_be_disabled(&self) -> bool {
        let e = self.el();
        e.ns == ns!(html) && matches!(&*e.name, "button" | "input" | "select" | "textarea" | "option" | "optgroup" | "fieldset")
    }

    fn input_type(&self) -> String {
        self.attr(&local_name!("type")).map(|t| t.trim().to_ascii_lowercase()).unwrap_or_else(|| "text".into())
    }

    fn is_read_write(&self) -> bool {
        if self.is_html(&local_name!("input")) {
            let t = self.input_type();
            let texty = matches!(
                t.as_str(),
                "text" | "search" | "url" | "tel" | "email" | "password" | "date" | "month" | "week" | "time"
                    | "datetime-local" | "number"
            ) || !matches!(
                t.as_str(),
                "hidden" | "checkbox" | "radio" | "file" | "submit" | "image" | "reset" | "button" | "range" | "color"
            );
            return texty && !self.has_attr(&local_name!("readonly")) && !self.is_disabled();
        }
        if self.is_html(&local_name!("textarea")) {
            return !self.has_attr(&local_name!("readonly")) && !self.is_disabled();
        }
        // contenteditable: the nearest ancestor-or-self attribute decides.
        let mut cur = Some(self.id);
        while let Some(id) = cur {
            if let Some(v) = self.snap.element(id).and_then(|e| e.attr(&local_name!("contenteditable"))) {
                return !v.trim().eq_ignore_ascii_case("false");
            }
            cur = self.snap.parent_element(id);
        }
        false
    }

    fn lang_matches(&self, langs: &[String]) -> bool {
        let mut cur = Some(self.id);
        while let Some(id) = cur {
            if let Some(e) = self.snap.element(id) {
                if let Some(v) = e.attr(&local_name!("lang")).or_else(|| e.attr(&local_name!("xml:lang"))) {
                    let v = v.trim().to_ascii_lowercase();
                    return langs.iter().any(|l| {
                        l == "*" || v == *l || (v.len() > l.len() && v.starts_with(l.as_str()) && v.as_bytes()[l.len()] == b'-')
                    });
                }
            }
            cur = self.snap.parent_element(id);
        }
        false
    }
}

thread_local! {
    // Per thread and leaked once: an element's attribute values are parser buffers, which may
    // not be shared between threads.
    static PLACEHOLDER_ELEMENT: &'static crate::dom::Element = Box::leak(Box::new(crate::dom::Element {
        ns: ns!(html),
        name: LocalName::from("div"),
        attrs: Vec::new(),
        line: 0,
        template_contents: None,
    }));
}

impl selectors::Element for El<'_> {
    type Impl = Impl;

    fn opaque(&self) -> OpaqueElement {
        OpaqueElement::new(self.snap.node(self.id))
    }

    fn parent_element(&self) -> Option<Self> {
        self.wrap(self.snap.parent_element(self.id))
    }

    fn parent_node_is_shadow_root(&self) -> bool {
        false
    }

    fn containing_shadow_host(&self) -> Option<Self> {
        None
    }

    fn is_pseudo_element(&self) -> bool {
        false
    }

    fn prev_sibling_element(&self) -> Option<Self> {
        let mut cur = self.snap.node(self.id).prev_sibling;
        while let Some(id) = cur {
            if self.snap.element(id).is_some() {
                return self.wrap(Some(id));
            }
            cur = self.snap.node(id).prev_sibling;
        }
        None
    }

    fn next_sibling_element(&self) -> Option<Self> {
        let mut cur = self.snap.node(self.id).next_sibling;
        while let Some(id) = cur {
            if self.snap.element(id).is_some() {
                return self.wrap(Some(id));
            }
            cur = self.snap.node(id).next_sibling;
        }
        None
    }

    fn first_element_child(&self) -> Option<Self> {
        self.wrap(self.snap.element_children(self.id).next())
    }

    fn is_html_element_in_html_document(&self) -> bool {
        self.el().ns == ns!(html) && self.snap.kind == crate::dom::DocumentKind::Html
    }

    fn has_local_name(&self, name: &LocalName) -> bool {
        self.el().name == *name
    }

    fn has_namespace(&self, ns: &Namespace) -> bool {
        self.el().ns == *ns
    }

    fn is_same_type(&self, other: &Self) -> bool {
        let (a, b) = (self.el(), other.el());
        a.name == b.name && a.ns == b.ns
    }

    fn attr_matches(
        &self,
        ns: &NamespaceConstraint<&Ns>,
        local_name: &Ident,
        operation: &AttrSelectorOperation<&AttrValue>,
    ) -> bool {
        if let NamespaceConstraint::Specific(n) = ns {
            if !n.0.is_empty() {
                return false;
            }
        }
        self.el().attrs.iter().any(|a| a.name == local_name.0 && operation.eval_str(&a.value))
    }

    fn match_non_ts_pseudo_class(&self, pc: &PseudoClass, _context: &mut MatchingContext<'_, Impl>) -> bool {
        match pc {
            PseudoClass::Link | PseudoClass::AnyLink => self.is_link(),
            PseudoClass::Checked => {
                if self.is_html(&local_name!("input")) {
                    matches!(self.input_type().as_str(), "checkbox" | "radio") && self.has_attr(&local_name!("checked"))
                } else {
                    self.is_html(&local_name!("option")) && self.has_attr(&local_name!("selected"))
                }
            }
            PseudoClass::Disabled => self.is_disabled(),
            PseudoClass::Enabled => self.can_be_disabled() && !self.is_disabled(),
            PseudoClass::Required => self.is_form_control() && !self.is_html(&local_name!("button")) && self.has_attr(&local_name!("required")),
            PseudoClass::Optional => self.is_form_control() && !self.is_html(&local_name!("button")) && !self.has_attr(&local_name!("required")),
            PseudoClass::ReadWrite => self.is_read_write(),
            PseudoClass::ReadOnly => !self.is_read_write(),
            PseudoClass::PlaceholderShown => {
                (self.is_html(&local_name!("input")) && self.attr(&local_name!("value")).is_none_or(str::is_empty)
                    || self.is_html(&local_name!("textarea")) && self.snap.text_content(self.id).is_empty())
                    && self.has_attr(&local_name!("placeholder"))
            }
            PseudoClass::Defined => true,
            PseudoClass::Open => (self.is_html(&local_name!("details")) || self.is_html(&local_name!("dialog"))) && self.has_attr(&local_name!("open")),
            PseudoClass::Valid => self.is_form_control() || self.is_html(&local_name!("form")) || self.is_html(&local_name!("fieldset")),
            PseudoClass::Lang(langs) => self.lang_matches(langs),
            PseudoClass::DirLtr => true,
            PseudoClass::Never(_) => false,
        }
    }

    fn match_pseudo_element(&self, _pe: &PseudoElement, _context: &mut MatchingContext<'_, Impl>) -> bool {
        false
    }

    fn apply_selector_flags(&self, _flags: ElementSelectorFlags) {}

    fn is_link(&self) -> bool {
        (self.is_html(&local_name!("a")) || self.is_html(&local_name!("area"))) && self.has_attr(&local_name!("href"))
    }

    fn is_html_slot_element(&self) -> bool {
        self.is_html(&local_name!("slot"))
    }

    fn has_id(&self, id: &Ident, case_sensitivity: CaseSensitivity) -> bool {
        self.el().attr(&local_name!("id")).is_some_and(|v| case_sensitivity.eq(v.as_bytes(), id.0.as_bytes()))
    }

    fn has_class(&self, name: &Ident, case_sensitivity: CaseSensitivity) -> bool {
        self.el().attr(&local_name!("class"))
            .is_some_and(|v| v.split_ascii_whitespace().any(|c| case_sensitivity.eq(c.as_bytes(), name.0.as_bytes())))
    }

    fn has_custom_state(&self, _name: &Ident) -> bool {
        false
    }

    fn imported_part(&self, _name: &Ident) -> Option<Ident> {
        None
    }

    fn is_part(&self, _name: &Ident) -> bool {
        false
    }

    fn is_empty(&self) -> bool {
        !self.snap.children(self.id).any(|c| match &self.snap.node(c).data {
            NodeData::Element(_) => true,
            NodeData::Text(t) => !t.is_empty(),
            _ => false,
        })
    }

    fn is_root(&self) -> bool {
        self.snap.parent(self.id) == Some(NodeId::DOCUMENT)
    }

    fn add_element_unique_hashes(&self, _filter: &mut BloomFilter) -> bool {
        false
    }
}

/// Elements of `snap` matching a selector list given as text (for `exclude` options), in tree
/// order. Interactive pseudo-classes never match, as in the cascade.
pub(crate) fn select_all(snap: &Snapshot, selector: &str) -> Result<Vec<NodeId>, String> {
    let mut parser = CssParser::new(selector);
    let list = parse_selectors(&mut parser, false).ok_or_else(|| format!("invalid selector `{selector}`"))?;
    if !parser.is_exhausted() {
        return Err(format!("invalid selector `{selector}`"));
    }
    let mut caches = selectors::context::SelectorCaches::default();
    let mut out = Vec::new();
    for id in snap.descendants(NodeId::DOCUMENT) {
        if snap.element(id).is_none() {
            continue;
        }
        let mut cx = selectors::matching::MatchingContext::new(
            selectors::matching::MatchingMode::Normal,
            None,
            &mut caches,
            selectors::matching::QuirksMode::NoQuirks,
            selectors::matching::NeedsSelectorFlags::No,
            selectors::matching::MatchingForInvalidation::No,
        );
        let el = El { snap, id };
        if list.slice().iter().any(|s| selectors::matching::matches_selector(s, 0, None, &el, &mut cx)) {
            out.push(id);
        }
    }
    Ok(out)
}
