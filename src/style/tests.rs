//! Cascade tests over whole documents.

use super::*;
use crate::dom::{parse::parse_html, DocumentKind};
use crate::options::{ColorScheme, Viewport};

fn run(html: &str, options: &Options) -> (Snapshot, Styles) {
    let snap = parse_html(html, DocumentKind::Html);
    let styles = compute(&snap, options);
    (snap, styles)
}

fn styles(html: &str) -> (Snapshot, Styles) {
    run(html, &Options::default())
}

fn by_id<'a>(snap: &Snapshot, styles: &'a Styles, id: &str) -> &'a ComputedStyle {
    let node = snap.by_id(id).unwrap_or_else(|| panic!("no #{id}"));
    styles.get(node)
}

fn rgb(c: Rgba) -> [u8; 4] {
    [c.r, c.g, c.b, c.a].map(|x| (x * 255.0).round() as u8)
}

#[test]
fn specificity_and_source_order() {
    let (snap, s) = styles(
        r#"<style>
            #a { color: red }
            .c { color: blue }
            p { color: green }
            p.c { color: rgb(1, 2, 3) }
            .d { color: orange } .d { color: purple }
        </style>
        <p id="a" class="c">x</p><p id="b" class="c">y</p><p id="e" class="d">z</p>"#,
    );
    assert_eq!(rgb(by_id(&snap, &s, "a").color), [255, 0, 0, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "b").color), [1, 2, 3, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "e").color), [128, 0, 128, 255]);
}

#[test]
fn important_and_layers() {
    let (snap, s) = styles(
        r#"<style>
            @layer base, theme;
            @layer theme { #x { color: blue } #y { color: blue !important } }
            @layer base { p { color: red } #y { color: red !important } }
            p { color: green }
            #z { color: black !important }
            @layer base { #z2 { color: red !important } }
        </style>
        <p id="x">x</p><p id="y">y</p>
        <p id="z" style="color: white">z</p>
        <p id="z2" style="color: white !important">z2</p>
        <p id="w" style="color: white">w</p>"#,
    );
    // Unlayered beats layered for normal declarations, whatever the specificity.
    assert_eq!(rgb(by_id(&snap, &s, "x").color), [0, 128, 0, 255]);
    // For important declarations the first layer wins.
    assert_eq!(rgb(by_id(&snap, &s, "y").color), [255, 0, 0, 255]);
    // Important beats the style attribute; important in a layer beats the style attribute's.
    assert_eq!(rgb(by_id(&snap, &s, "z").color), [0, 0, 0, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "z2").color), [255, 0, 0, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "w").color), [255, 255, 255, 255]);
}

#[test]
fn media_queries_use_the_viewport() {
    let html = r#"<style>
        p { display: block }
        @media (max-width: 600px) { p { display: none } }
        @media (prefers-color-scheme: dark) { p { color: white } }
        @media print { p { color: red } }
    </style><p id="p">x</p>"#;
    let (snap, s) = styles(html);
    assert_eq!(by_id(&snap, &s, "p").display, Display::Block);
    assert_eq!(rgb(by_id(&snap, &s, "p").color), [0, 0, 0, 255]);
    let narrow = Options { viewport: Viewport { width: 400.0, height: 800.0 }, color_scheme: ColorScheme::Dark, ..Options::default() };
    let (snap, s) = run(html, &narrow);
    assert_eq!(by_id(&snap, &s, "p").display, Display::None);
    assert_eq!(rgb(by_id(&snap, &s, "p").color), [255, 255, 255, 255]);
}

/// `at_viewport` against a full cascade in the other viewport: `None` only when the full
/// cascade gives the base styles, otherwise exactly the full cascade's styles.
fn restyle_matches_full(html: &str, viewport: Viewport) -> bool {
    let snap = parse_html(html, DocumentKind::Html);
    let options = Options::default();
    let base = compute(&snap, &options);
    let full = compute(&snap, &Options { viewport, ..Options::default() });
    let restyled = at_viewport(&snap, &options, &base, viewport);
    let got = restyled.as_ref().unwrap_or(&base);
    assert_eq!(got.per_node(), full.per_node(), "{html}");
    assert_eq!(got.missing, full.missing, "{html}");
    restyled.is_some()
}

#[test]
fn restyle_at_another_viewport_equals_a_full_cascade() {
    let small = Viewport { width: 640.0, height: 512.0 };
    let body = r#"<div id="a" class="box"><p class="t">text <span id="s">in</span></p></div><p style="color: red">x</p>"#;
    let same = [
        // Nothing viewport-dependent.
        "<style>.box { overflow: hidden; height: 20px } .t { font-size: 2em }</style>",
        // Queries that answer the same at both sizes.
        "<style>@media (max-width: 600px) { .box { display: none } } @media (min-width: 500px) { .t { color: blue } }</style>",
        "<style>@media (orientation: landscape) { .t { color: blue } } @media print and (max-width: 700px) { p { color: red } }</style>",
        // Viewport units only in a block that applies at neither size.
        "<style>@media (max-width: 100px) { .box { width: 50vw } }</style>",
        // Viewport units nothing computes: an unused custom property, a rule that does not
        // parse, a `style` attribute of a template's content.
        "<style>:root { --unused: 10vw } .box { --also: calc(2vh + 1px) }</style>",
        "<style>.box[ { width: 10vw } .t { @media (max-width: 700px) { color: red } }</style>",
        r#"<template><p style="width: 5vw">t</p></template>"#,
    ];
    for head in same {
        assert!(!restyle_matches_full(&format!("{head}{body}"), small), "{head}");
    }
    let differ = [
        // A query that flips, with inheritance through the affected element.
        "<style>@media (max-width: 700px) { .box { font-size: 30px; overflow: hidden; color: green } }</style>",
        "<style>@media (min-width: 1000px) { .t { display: none } }</style>",
        // Nested conditions, a flipping `<style media>` and `@import` media list.
        "<style>@supports (display: grid) { @media (width > 700px) { #s { visibility: hidden } } }</style>",
        r#"<style media="(max-width: 700px)">.box { height: 10em }</style>"#,
        "<style>@import url(missing.css) (max-width: 700px);</style>",
        // Viewport units: in a rule, in a custom property, in a var() fallback, in an attribute.
        "<style>.box { height: 10vh; width: calc(50vw - 10px) } .t { font-size: clamp(10px, 3vw, 30px) }</style>",
        "<style>:root { --w: 40vmin } .box { max-width: var(--w) }</style>",
        "<style>.t { font-size: var(--none, 2vmax) }</style>",
        r#"<style>.t { color: blue }</style><div style="height: 5vh"><p style="--x: 1vw; letter-spacing: var(--x)">y</p></div>"#,
        "<style>@property --h { syntax: '<length>'; inherits: true; initial-value: 10vh } .box { height: var(--h) }</style>",
        // Viewport units through a chain of custom properties; conditions in layers and nesting.
        "<style>:root { --a: 10vw; --b: var(--a) } .box { --c: var(--b) } .t { width: var(--c) }</style>",
        "<style>@layer l { @media (max-width: 700px) { .t { color: red } } }</style>",
        "<style>.box { & .t { @media (max-width: 700px) { color: red } } }</style>",
        "<style>@import url(missing.css) supports(display: grid) (max-width: 700px);</style>",
    ];
    for head in differ {
        assert!(restyle_matches_full(&format!("{head}{body}"), small), "{head}");
    }
}

#[test]
fn media_attribute_and_supports() {
    let (snap, s) = styles(
        r#"<style media="print">p { color: red }</style>
        <style media="screen and (min-width: 100px)">p { font-weight: 600 }</style>
        <style>
          @supports (display: grid) { p { opacity: 0.5 } }
          @supports (display: nonsense) { p { opacity: 0.1 } }
          @supports not (margin-trim: block) { p { visibility: hidden } }
          @container (min-width: 1px) { p { display: none } }
        </style><p id="p">x</p>"#,
    );
    let p = by_id(&snap, &s, "p");
    assert_eq!(rgb(p.color), [0, 0, 0, 255]);
    assert_eq!(p.font_weight, 600);
    assert_eq!(p.opacity, 0.5);
    assert_eq!(p.visibility, Visibility::Hidden);
    assert_eq!(p.display, Display::Block);
}

#[test]
fn dark_scheme_light_dark() {
    let html = r#"<p id="p" style="color: light-dark(#111, #eee)">x</p>"#;
    let (snap, s) = styles(html);
    assert_eq!(rgb(by_id(&snap, &s, "p").color), [0x11, 0x11, 0x11, 255]);
    let dark = Options { color_scheme: ColorScheme::Dark, ..Options::default() };
    let (snap, s) = run(html, &dark);
    assert_eq!(rgb(by_id(&snap, &s, "p").color), [0xee, 0xee, 0xee, 255]);
}

#[test]
fn var_chains_and_fallbacks() {
    let (snap, s) = styles(
        r#"<style>
          :root { --brand: oklch(62.8% 0.2577 29.23); --a: var(--b); --b: var(--c, var(--brand)); }
          .card { --bg: var(--missing, #00ff00); background: var(--bg); color: var(--a) }
          .cycle { --x: var(--y); --y: var(--x); color: var(--x, blue) }
          .bad { color: var(--nothing) }
          .inner { --brand: #000080 }
        </style>
        <div style="color: rgb(9, 9, 9)"><p id="card" class="card">x</p><p id="cycle" class="cycle">y</p><p id="bad" class="bad">z</p></div>
        <div class="inner"><p id="inner" style="color: var(--a)">w</p></div>"#,
    );
    let card = by_id(&snap, &s, "card");
    assert_eq!(rgb(card.color), [255, 0, 0, 255]);
    assert_eq!(rgb(card.background_color), [0, 255, 0, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "cycle").color), [0, 0, 255, 255]);
    // Invalid at computed-value time: `color` is inherited, so it behaves as `inherit`.
    assert_eq!(rgb(by_id(&snap, &s, "bad").color), [9, 9, 9, 255]);
    // --a was resolved on :root (custom properties inherit computed values).
    assert_eq!(rgb(by_id(&snap, &s, "inner").color), [255, 0, 0, 255]);
}

#[test]
fn current_color_and_css_wide_keywords() {
    let (snap, s) = styles(
        r#"<style>
          div { color: red; background-color: blue; font-size: 20px; opacity: .5 }
          #a { color: green; background-color: currentColor }
          #b { color: inherit; background-color: inherit; font-size: initial }
          #c { color: unset; background-color: unset; opacity: unset }
          #d { border-color: currentColor; background: color-mix(in srgb, currentColor 50%, transparent) }
        </style>
        <div><p id="a">a</p><p id="b">b</p><p id="c">c</p><p id="d">d</p></div>"#,
    );
    let a = by_id(&snap, &s, "a");
    assert_eq!(rgb(a.background_color), [0, 128, 0, 255]);
    let b = by_id(&snap, &s, "b");
    assert_eq!((rgb(b.color), rgb(b.background_color), b.font_size), ([255, 0, 0, 255], [0, 0, 255, 255], 16.0));
    let c = by_id(&snap, &s, "c");
    assert_eq!((rgb(c.color), rgb(c.background_color), c.opacity), ([255, 0, 0, 255], [0, 0, 0, 0], 1.0));
    assert_eq!(rgb(by_id(&snap, &s, "d").background_color), [255, 0, 0, 128]);
}

#[test]
fn font_sizes_and_weights() {
    let (snap, s) = styles(
        r#"<style>
          html { font-size: 10px }
          .p { font-size: 20px; font-weight: 300 }
          #em { font-size: 1.5em } #rem { font-size: 2rem } #pct { font-size: 50% }
          #kw { font-size: x-large } #larger { font-size: larger } #pt { font-size: 12pt }
          #calc { font-size: calc(1rem + 2px) }
          #bolder { font-weight: bolder } #lighter { font-weight: lighter } #bold { font: bold 14px/2 serif }
        </style>
        <div class="p"><span id="em"></span><span id="rem"></span><span id="pct"></span><span id="kw"></span>
        <span id="larger"></span><span id="pt"></span><span id="calc"></span><b id="bolder"></b><span id="lighter"></span><span id="bold"></span></div>
        <h1 id="h1">t</h1><h2 id="h2"><strong id="strong">s</strong></h2>"#,
    );
    let fs = |id: &str| by_id(&snap, &s, id).font_size;
    let fw = |id: &str| by_id(&snap, &s, id).font_weight;
    assert_eq!(fs("em"), 30.0);
    assert_eq!(fs("rem"), 20.0);
    assert_eq!(fs("pct"), 10.0);
    assert_eq!(fs("kw"), 24.0);
    assert_eq!(fs("larger"), 24.0);
    assert!((fs("pt") - 16.0).abs() < 1e-4);
    assert_eq!(fs("calc"), 12.0);
    assert_eq!(fw("bolder"), 400);
    assert_eq!(fw("lighter"), 100);
    assert_eq!((fw("bold"), fs("bold")), (700, 14.0));
    assert_eq!(by_id(&snap, &s, "bold").line_height, LineHeight::Number(2.0));
    assert_eq!((fs("h1"), fw("h1")), (20.0, 700));
    assert_eq!((fs("h2"), fw("strong")), (15.0, 900));
}

#[test]
fn user_agent_defaults() {
    let (snap, s) = styles(
        r#"<head><title>t</title></head><body>
        <p id="hidden" hidden>x</p><div id="div">d</div><span id="span">s</span>
        <a id="link" href="/x">l</a><a id="nolink">n</a><li id="li">i</li><table><tr id="tr"><td id="td">c</td></tr></table>
        <button id="button">b</button><input id="hiddeninput" type="HIDDEN">
        <details><summary id="summary">s</summary><p id="closed">c</p></details>
        <details open><summary>s</summary><p id="opened">c</p></details>
        <dialog id="dialog">d</dialog><template><p id="tpl">t</p></template>
        <noscript><p>n</p></noscript></body>"#,
    );
    let d = |id: &str| by_id(&snap, &s, id).display;
    assert_eq!(d("hidden"), Display::None);
    assert_eq!(d("div"), Display::Block);
    assert_eq!(d("span"), Display::Inline);
    assert_eq!(d("li"), Display::ListItem);
    assert_eq!((d("tr"), d("td")), (Display::Table, Display::Table));
    assert_eq!(d("hiddeninput"), Display::None);
    assert_eq!(d("summary"), Display::ListItem);
    assert_eq!(d("closed"), Display::None);
    assert_eq!(d("opened"), Display::Block);
    assert_eq!(d("dialog"), Display::None);
    let link = by_id(&snap, &s, "link");
    assert_eq!((rgb(link.color), &*link.cursor), ([0, 0, 0xee, 255], "pointer"));
    assert_eq!(rgb(by_id(&snap, &s, "nolink").color), [0, 0, 0, 255]);
    let button = by_id(&snap, &s, "button");
    assert_eq!(rgb(button.background_color), [0xef, 0xef, 0xef, 255]);
    let title = snap.title_element().map(|t| s.get(t).display);
    assert_eq!(title, Some(Display::None));
    // Text nodes carry their parent's style.
    let text = snap.children(snap.by_id("hidden").unwrap()).next().unwrap();
    assert_eq!(s.get(text).display, Display::None);
}

#[test]
fn pseudo_elements_content() {
    let (snap, s) = styles(
        r#"<style>
          .a::before { content: "Hello " attr(data-x) }
          .a::after { content: open-quote counter(c) close-quote }
          .b::before { content: "x" / "alt text" }
          .c::before { content: "never"; display: none }
          .d::before { content: none } .e:before { content: "old syntax" }
          .f::before { content: var(--t) } .f { --t: "from var" }
          .g::before { content: "hidden el" } .g { display: none }
          img::before { content: "no box" }
          .h::before { content: "hover" } .h:hover::before { content: "changed" }
        </style>
        <p id="a" class="a" data-x="world">t</p><p id="b" class="b"></p><p id="c" class="c"></p>
        <p id="d" class="d"></p><p id="e" class="e"></p><p id="f" class="f"></p><p id="g" class="g"></p>
        <img id="img" src="x.png" alt=""><p id="h" class="h"></p><p id="none"></p>"#,
    );
    let st = |id: &str| by_id(&snap, &s, id);
    assert_eq!(st("a").before.as_deref(), Some("Hello world"));
    assert_eq!(st("a").after.as_deref(), Some("\u{201c}\u{201d}"));
    assert_eq!(st("b").before.as_deref(), Some("alt text"));
    assert_eq!(st("c").before, None);
    assert_eq!(st("d").before, None);
    assert_eq!(st("e").before.as_deref(), Some("old syntax"));
    assert_eq!(st("f").before.as_deref(), Some("from var"));
    assert_eq!(st("g").before, None);
    assert_eq!(st("img").before, None);
    assert_eq!(st("h").before.as_deref(), Some("hover"));
    assert_eq!(st("none").before, None);
}

#[test]
fn pseudo_classes() {
    let (snap, s) = styles(
        r##"<style>
          input:checked { opacity: .1 } input:disabled { opacity: .2 } input:required { opacity: .3 }
          input[readonly]:read-only { opacity: .4 } input:placeholder-shown { opacity: .5 }
          :root { --ok: 1 } p:empty { opacity: .6 } p:lang(en) { opacity: .7 }
          li:nth-child(2) { opacity: .8 } li:is(.x, .y):not(.z) { visibility: hidden }
          div:has(> span.k) { opacity: .9 } a:hover, a:focus, a:visited { opacity: 0 }
          fieldset[disabled] input { font-weight: 900 }
        </style>
        <input id="c" type="checkbox" checked><input id="d" disabled><input id="r" required>
        <input id="ro" readonly><input id="ph" placeholder="x"><input id="plain" value="v">
        <p id="empty"></p><div lang="en-GB"><p id="lang">x</p></div>
        <ul><li>1</li><li id="second" class="y">2</li><li class="y z" id="third">3</li></ul>
        <div id="has"><span class="k"></span></div><a id="a" href="#">a</a>
        <fieldset disabled><legend><input id="inlegend"></legend><input id="infs"></fieldset>"##,
    );
    let o = |id: &str| by_id(&snap, &s, id).opacity;
    assert_eq!(o("c"), 0.1);
    assert_eq!(o("d"), 0.2);
    assert_eq!(o("r"), 0.3);
    assert_eq!(o("ro"), 0.4);
    assert_eq!(o("ph"), 0.5);
    assert_eq!(o("plain"), 1.0);
    assert_eq!(o("empty"), 0.6);
    assert_eq!(o("lang"), 0.7);
    assert_eq!(o("second"), 0.8);
    assert_eq!(by_id(&snap, &s, "second").visibility, Visibility::Hidden);
    assert_eq!(by_id(&snap, &s, "third").visibility, Visibility::Visible);
    assert_eq!(o("has"), 0.9);
    assert_eq!(o("a"), 1.0);
    assert_eq!(by_id(&snap, &s, "infs").font_weight, 900);
    assert_eq!(by_id(&snap, &s, "infs").opacity, 0.2);
    assert_eq!(by_id(&snap, &s, "inlegend").opacity, 1.0);
}

#[test]
fn computed_properties() {
    let (snap, s) = styles(
        r#"<style>
          .sr { position: absolute; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden;
                width: 1px; height: 1px; white-space: nowrap }
          .o { outline: none } .o2 { outline: 2px solid red } .o3 { outline: 0 } .o4 { outline-style: auto }
          .bg { background: url(x.png) } .grad { background-image: linear-gradient(red, blue) }
          .sh { box-shadow: 0 0 0 2px red } .ti { text-indent: -9999px; cursor: pointer }
          .ov { overflow-x: hidden } .sizes { width: 50%; height: 2em; letter-spacing: .12em; word-spacing: 3px; line-height: 150% }
          .vis { visibility: collapse; opacity: 40% }
        </style>
        <div id="sr" class="sr">x</div><a id="o" class="o">o</a><a id="o2" class="o2">o</a><a id="o3" class="o3">o</a>
        <a id="o4" class="o4">o</a><div id="bg" class="bg"></div><div id="grad" class="grad"></div>
        <div id="sh" class="sh"></div><div id="ti" class="ti"><span id="tic">c</span></div><div id="ov" class="ov"></div>
        <div id="sizes" class="sizes" style="letter-spacing: 2px !important"></div><div id="vis" class="vis"></div>
        <p id="off" style="position:absolute; top: -999em; left: calc(-10px)">o</p><p id="inset" style="inset: 1px 2px 3px 4px">i</p>"#,
    );
    let sr = by_id(&snap, &s, "sr");
    assert_eq!(sr.position, Position::Absolute);
    assert_eq!(sr.clip, Some([0.0; 4]));
    assert_eq!(sr.clip_path.as_deref(), Some("inset(50%)"));
    assert_eq!((sr.overflow_x, sr.overflow_y), (Overflow::Hidden, Overflow::Hidden));
    assert_eq!((sr.width, sr.height), (Some(1.0), Some(1.0)));
    assert!(!by_id(&snap, &s, "o").outline);
    assert!(by_id(&snap, &s, "o2").outline);
    assert!(!by_id(&snap, &s, "o3").outline);
    assert!(by_id(&snap, &s, "o4").outline);
    assert!(by_id(&snap, &s, "bg").background_image);
    assert!(by_id(&snap, &s, "grad").background_image);
    assert!(by_id(&snap, &s, "sh").box_shadow);
    let ti = by_id(&snap, &s, "ti");
    assert_eq!((ti.text_indent, &*ti.cursor), (-9999.0, "pointer"));
    assert_eq!(&*by_id(&snap, &s, "tic").cursor, "pointer");
    let ov = by_id(&snap, &s, "ov");
    assert_eq!((ov.overflow_x, ov.overflow_y), (Overflow::Hidden, Overflow::Auto));
    let sizes = by_id(&snap, &s, "sizes");
    assert_eq!((sizes.width, sizes.height), (None, Some(32.0)));
    assert_eq!((sizes.letter_spacing, sizes.word_spacing), (2.0, 3.0));
    assert_eq!(sizes.line_height, LineHeight::Px(24.0));
    assert!(sizes.important_in_style_attr.letter_spacing && !sizes.important_in_style_attr.line_height);
    let off = by_id(&snap, &s, "off");
    assert_eq!((off.top, off.left), (Some(-15984.0), Some(-10.0)));
    let inset = by_id(&snap, &s, "inset");
    assert_eq!((inset.top, inset.left), (Some(1.0), Some(4.0)));
    let vis = by_id(&snap, &s, "vis");
    assert_eq!((vis.visibility, vis.opacity), (Visibility::Collapse, 0.4));
}

#[test]
fn nesting() {
    let (snap, s) = styles(
        r#"<style>
          .card { color: red;
            .title { color: blue }
            &.active { color: green }
            > p { font-weight: 700 }
            @media (min-width: 100px) { opacity: .5 }
          }
        </style>
        <div id="card" class="card"><span id="title" class="title">t</span><p id="p">p</p></div>
        <div id="active" class="card active"></div>"#,
    );
    assert_eq!(rgb(by_id(&snap, &s, "card").color), [255, 0, 0, 255]);
    assert_eq!(by_id(&snap, &s, "card").opacity, 0.5);
    assert_eq!(rgb(by_id(&snap, &s, "title").color), [0, 0, 255, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "active").color), [0, 128, 0, 255]);
    assert_eq!(by_id(&snap, &s, "p").font_weight, 700);
}

/// Selectors are parsed on demand (see `sheet::Selectors`): rules whose blocks we read as
/// empty, invalid selectors and declarations cssparser retries as nested rules must collect
/// as if every selector were parsed first.
#[test]
fn selectors_parsed_on_demand() {
    let (snap, s) = styles(
        r#"<style>
          .m { margin: 0; padding: 1px;
            .in { color: blue }
            @media (min-width: 100px) { opacity: .5 }
          }
          .n { margin: 0; & > .kid { color: green } color : red; b:not(.x) { font-weight: 100 } }
          .x:bogus { margin: 0; @media (orientation: portrait) { .in { color: red } } }
          .y:bogus { margin: 0; .in { color: red } }
          .z { margin: 0; color: red { font-weight: 700 } }
          .q { "str": 1; margin: 0 }
          .p { padding: 0 } .p { /* c */ color: blue }
        </style>
        <div id="m" class="m x y z"><span id="in" class="in">t</span></div>
        <div id="n" class="n"><span id="kid" class="kid">k</span><b id="b">b</b></div>
        <p id="p" class="p q">p</p>"#,
    );
    assert_eq!(by_id(&snap, &s, "m").opacity, 0.5);
    assert_eq!(by_id(&snap, &s, "m").font_weight, 400);
    assert_eq!(rgb(by_id(&snap, &s, "in").color), [0, 0, 255, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "n").color), [255, 0, 0, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "kid").color), [0, 128, 0, 255]);
    // `b:not(.x) {...}` reads first as a declaration of an unknown property.
    assert_eq!(by_id(&snap, &s, "b").font_weight, 100);
    assert_eq!(rgb(by_id(&snap, &s, "p").color), [0, 0, 255, 255]);
    // The invalid rule's nested @media is never evaluated.
    assert!(!s.orientation_queried);
}

#[test]
fn missing_and_remote_stylesheets() {
    let (_, s) = styles(r#"<link rel="stylesheet" href="https://cdn.example.com/x.css"><link rel="stylesheet" href="nope.css"><p>x</p>"#);
    assert_eq!(s.missing.len(), 2, "{:?}", s.missing);
    assert!(s.missing[0].reason.contains("remote"), "{:?}", s.missing);
    assert!(!s.complete());
    // Alternate and disabled sheets are not loaded, so not missing either.
    let (_, s) = styles(r#"<link rel="alternate stylesheet" href="a.css"><link rel="stylesheet" href="b.css" disabled><link rel=icon href=i.png>"#);
    assert!(s.complete());
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn link_and_import_from_local_files() {
    let dir = std::env::temp_dir().join(format!("curbcut-cascade-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("css")).unwrap();
    std::fs::write(dir.join("css/main.css"), "@import 'base.css' layer(base);\n@import url(loop.css);\n.x { font-weight: 700 }").unwrap();
    std::fs::write(dir.join("css/base.css"), ".x { color: red; font-weight: 100 } .y { color: rgb(0, 0, 255) }").unwrap();
    std::fs::write(dir.join("css/loop.css"), "@import 'main.css'; @import 'gone.css'; .y { opacity: .5 }").unwrap();
    let options = Options { base_dir: Some(dir.to_string_lossy().into_owned()), ..Options::default() };
    let (snap, s) = run(r#"<link rel="stylesheet" href="css/main.css"><p id="x" class="x">x</p><p id="y" class="y">y</p>"#, &options);
    assert_eq!(rgb(by_id(&snap, &s, "x").color), [255, 0, 0, 255]);
    assert_eq!(by_id(&snap, &s, "x").font_weight, 700);
    assert_eq!(rgb(by_id(&snap, &s, "y").color), [0, 0, 255, 255]);
    assert_eq!(by_id(&snap, &s, "y").opacity, 0.5);
    assert_eq!(s.missing.len(), 1, "{:?}", s.missing);
    assert_eq!(s.missing[0].url, "gone.css");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stylesheets_from_options() {
    let mut options = Options::default();
    options.stylesheets.insert("site.css".into(), "p { color: #0f0 }".into());
    let (snap, s) = run(r#"<link rel="stylesheet" href="site.css"><p id="p">x</p>"#, &options);
    assert_eq!(rgb(by_id(&snap, &s, "p").color), [0, 255, 0, 255]);
    assert!(s.complete());
}

#[test]
fn svg_style_and_template_style() {
    let (snap, s) = styles(
        r#"<svg><style>circle { display: none } p { opacity: .5 }</style><circle id="c"/></svg>
        <template><style>p { color: red }</style></template><p id="p">x</p>"#,
    );
    assert_eq!(by_id(&snap, &s, "c").display, Display::None);
    assert_eq!(by_id(&snap, &s, "p").opacity, 0.5);
    assert_eq!(rgb(by_id(&snap, &s, "p").color), [0, 0, 0, 255]);
}

#[test]
fn invalid_css_never_panics() {
    let inputs = [
        "p { color: }",
        "p { color: red",
        "@media (",
        "@import",
        "}}}} p { color: red }",
        "p { --x: var(--x); color: var(--x) }",
        "@layer { @layer { @layer { p { color: red } } } }",
        "p { background: url( }",
        ":is(",
        "p::nonsense { color: red }",
        "p { font: 12px }",
        "p { width: calc(1px / 0) }",
        "p { color: rgb(1 2 3 / ) }",
        "p { color: color-mix(in srgb, red 0%, blue 0%) }",
        "@supports ((((((display: grid)))))) { p { color: red } }",
    ];
    for css in inputs {
        let html = format!("<style>{css}</style><p id=p style='{css}'>x</p>");
        let (snap, s) = styles(&html);
        let _ = by_id(&snap, &s, "p");
    }
    let deep = "@media all {".repeat(500) + "p { color: red }" + &"}".repeat(500);
    let (snap, s) = styles(&format!("<style>{deep}</style><p id=p>x</p>"));
    let _ = by_id(&snap, &s, "p");
    let deep_calc = format!("p {{ width: {}1px{} }}", "calc(".repeat(300), ")".repeat(300));
    let (snap, s) = styles(&format!("<style>{deep_calc}</style><p id=p>x</p>"));
    let _ = by_id(&snap, &s, "p");
}

#[test]
fn deep_documents_use_no_recursion() {
    let html = "<div class=a>".repeat(600) + "x";
    let (_, s) = styles(&format!("<style>.a {{ font-size: 1.01em }}</style>{html}"));
    assert!(s.of_node.len() > 500);
}

/// A 10,000-element page with a 300-rule stylesheet: reports the time (run with `--ignored`).
#[test]
#[ignore]
fn large_page_timing() {
    // A mix like generated pages: mostly single-class rules using custom properties, some
    // descendant/child combinators, ids, structural and state pseudo-classes.
    let mut css = String::from(":root { --c: #333; --bg: oklch(98% 0.01 250) } * { box-sizing: border-box }\n");
    for i in 0..300 {
        match i % 10 {
            0..=4 => css.push_str(&format!(".c{i} {{ color: var(--c); background-color: var(--bg); padding: {i}px }}\n")),
            5 => css.push_str(&format!(".c{} .c{i} {{ font-weight: 700 }}\n", i - 1)),
            6 => css.push_str(&format!("div.c{i} > span {{ opacity: .9 }}\n")),
            7 => css.push_str(&format!("#id{i} {{ background: rgb({} 0 0) }}\n", i % 255)),
            8 => css.push_str(&format!(".c{i}:hover, ul li:nth-child({}) {{ color: red }}\n", i % 7)),
            _ => css.push_str(&format!("[data-k=\"{i}\"] {{ outline: 1px solid }} .c{i}::before {{ content: \"x\" }}\n")),
        }
    }
    let mut body = String::new();
    for i in 0..2500 {
        body.push_str(&format!(
            "<div class=\"c{} c{}\" id=\"id{}\"><span style=\"color: red\">t</span><ul><li>a</li></ul></div>",
            i % 300,
            (i * 7) % 300,
            i % 400
        ));
    }
    let html = format!("<style>{css}</style><body>{body}</body>");
    let snap = parse_html(&html, DocumentKind::Html);
    let elements = snap.ids().filter(|n| snap.element(*n).is_some()).count();
    let mut best = std::time::Duration::MAX;
    let mut styles = None;
    for _ in 0..5 {
        let start = std::time::Instant::now();
        styles = Some(compute(&snap, &Options::default()));
        best = best.min(start.elapsed());
    }
    let Some(styles) = styles else { return };
    eprintln!("cascade: {elements} elements, 300 rules: best of 5 {best:?}");
    assert_eq!(styles.of_node.len(), snap.len());
}

#[test]
fn text_shadow_is_computed_and_inherited() {
    let (snap, s) = styles("<style>.s{text-shadow: 0 0 2px #000} .n{text-shadow:none}</style><div class=s id=a><p id=b>x</p><p class=n id=c>y</p></div><p id=d>z</p>");
    assert!(by_id(&snap, &s, "a").text_shadow);
    assert!(by_id(&snap, &s, "b").text_shadow);
    assert!(!by_id(&snap, &s, "c").text_shadow);
    assert!(!by_id(&snap, &s, "d").text_shadow);
}

#[test]
fn tailwind_v4_shapes() {
    let (snap, s) = styles(
        r#"<style>
          @layer theme, base, components, utilities;
          @layer theme { :root, :host { --color-blue-500: oklch(62.3% 0.214 259.815); --spacing: .25rem; --text-lg: 1.125rem } }
          @layer base { *, ::after, ::before, ::backdrop, ::file-selector-button { box-sizing: border-box; border: 0 solid }
            :host ::slotted(p) { color: red } ::part(x) { color: red } }
          @layer utilities {
            .bg-blue-500\/50 { background-color: color-mix(in oklab, var(--color-blue-500) 50%, transparent) }
            .text-lg { font-size: var(--text-lg); line-height: var(--tw-leading, calc(1.75 / 1.125)) }
            .hover\:underline { &:hover { @media (hover: hover) { text-decoration-line: underline } } }
            .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border-width: 0 }
            .font-bold { --tw-font-weight: var(--font-weight-bold, 700); font-weight: var(--font-weight-bold, 700) }
          }
          @property --tw-font-weight { syntax: "*"; inherits: false }
          @property --tw-shadow { syntax: "*"; inherits: false; initial-value: 0 0 #0000 }
          .shadow { box-shadow: var(--tw-shadow) }
        </style>
        <p id="p" class="bg-blue-500/50 text-lg font-bold">x</p><span id="sr" class="sr-only">s</span><div id="sh" class="shadow"></div>"#,
    );
    let p = by_id(&snap, &s, "p");
    let bg = rgb(p.background_color);
    assert!(bg[2] > 240 && bg[3] == 128, "{bg:?}");
    assert_eq!((p.font_size, p.font_weight), (18.0, 700));
    assert_eq!(p.line_height, LineHeight::Number(1.75 / 1.125));
    let sr = by_id(&snap, &s, "sr");
    assert_eq!((sr.position, sr.width, sr.clip_path.as_deref()), (Position::Absolute, Some(1.0), Some("inset(50%)")));
    assert!(by_id(&snap, &s, "sh").box_shadow);
}

#[test]
fn presentational_hints_lose_to_author_rules() {
    let (snap, s) = styles(
        r#"<style>.x { color: blue }</style>
        <font id="f" color="red" size="+2">a</font><font id="g" class="x" color="red">b</font>
        <table><tr><td id="td" bgcolor="00ff00">c</td></tr></table><img id="img" src="a.png" width="20" height="10" alt="">"#,
    );
    let f = by_id(&snap, &s, "f");
    assert_eq!((rgb(f.color), f.font_size), ([255, 0, 0, 255], 24.0));
    assert_eq!(rgb(by_id(&snap, &s, "g").color), [0, 0, 255, 255]);
    assert_eq!(rgb(by_id(&snap, &s, "td").background_color), [0, 255, 0, 255]);
    let img = by_id(&snap, &s, "img");
    assert_eq!((img.width, img.height), (Some(20.0), Some(10.0)));
}

#[test]
fn selector_map_buckets() {
    // `:is()` of tags goes to each tag's bucket, `:root` to its own; a selector that is its
    // bucket key alone matches without running it, except for a name with upper case.
    let (snap, s) = styles(
        r#"<style>
          :is(h1, h2, main h3, H1) { opacity: .1 } :where(p.x, span) :is(em) { opacity: .2 }
          :root { font-size: 20px } .k { opacity: .3 } #i { opacity: .4 } b { opacity: .5 }
          foreignobject { opacity: .6 } foreignObject { visibility: hidden } :is(h2, .n) { font-weight: 100 }
        </style>
        <h1 id="h1">a</h1><h2 id="h2" class="n">b</h2><h3 id="h3">c</h3><main><h3 id="m3">d</h3></main>
        <p class="x"><em id="em">e</em></p><em id="em2">f</em><i class="k" id="k">g</i><i id="i">h</i><b id="b">i</b>
        <svg><foreignObject id="fo"></foreignObject></svg>"#,
    );
    let o = |id: &str| by_id(&snap, &s, id).opacity;
    assert_eq!([o("h1"), o("h2"), o("h3"), o("m3")], [0.1, 0.1, 1.0, 0.1]);
    assert_eq!([o("em"), o("em2"), o("k"), o("i"), o("b"), o("fo")], [0.2, 1.0, 0.3, 0.4, 0.5, 1.0]);
    assert_eq!(by_id(&snap, &s, "fo").visibility, Visibility::Hidden);
    assert_eq!(by_id(&snap, &s, "h2").font_weight, 100);
    assert_eq!(by_id(&snap, &s, "h1").font_size, 20.0 * 2.0);
}

#[test]
fn rules_needing_an_absent_class_are_dropped_alike() {
    // Each rule's verdict from `never_matches` must not change a style: rules that need an
    // absent class are dropped unparsed; anything it can't read surely is kept.
    let (snap, s) = styles(
        r#"<style>
          .absent, .here { opacity: .1 }
          .absent .here { opacity: .2 }
          p.here:not(.absent) { font-weight: 100 }
          .absent { .here & { opacity: .3 } :not(&) { visibility: hidden } }
          .ab\73 ent, [title=".absent"].here { text-indent: 5px }
          .here:is(.absent, p) { letter-spacing: 2px }
          .absent2 > .here { opacity: .4 } .absent3 { color: red }
        </style>
        <p id="p" class="here" title=".absent">x</p>"#,
    );
    let p = by_id(&snap, &s, "p");
    assert_eq!(p.opacity, 0.1);
    assert_eq!(p.font_weight, 100);
    assert_eq!(p.visibility, Visibility::Hidden);
    assert_eq!(p.text_indent, 5.0);
    assert_eq!(p.letter_spacing, 2.0);
    assert_eq!(rgb(p.color), [0, 0, 0, 255]);
}
