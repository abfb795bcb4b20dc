//! The accessibility tree through the public API: roles (implicit with context, explicit with
//! fallback, presentational conflict resolution), hidden-ness, focusability and tab order.
//! Expected values were checked against Chromium 148 (`computedRole`, CDP full AX tree, Tab).

use curbcut::a11y::TreeEntry;
use curbcut::{accessibility_tree, Options};

/// The tree of a page whose body is `body`.
fn tree(body: &str) -> Vec<TreeEntry> {
    let html = format!("<!doctype html><html><head><title>t</title></head><body>{body}</body></html>");
    accessibility_tree(&html, &Options::default()).expect("the page parses")
}

/// The entry at `path` below `<body>`.
fn at<'a>(entries: &'a [TreeEntry], path: &[usize]) -> &'a TreeEntry {
    let mut full = vec![1];
    full.extend_from_slice(path);
    entries
        .iter()
        .find(|e| e.path == full)
        .unwrap_or_else(|| panic!("no element at body path {path:?}"))
}

fn role(body: &str, path: &[usize]) -> String {
    at(&tree(body), path).role.clone().unwrap_or_default()
}

/// Role of the first element of each fragment (or at the given path).
fn assert_roles(cases: &[(&str, &[usize], &str)]) {
    let mut failures = Vec::new();
    for (html, path, expected) in cases {
        let got = role(html, path);
        if got != *expected {
            failures.push(format!("{html} at {path:?}: expected {expected}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{} role mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn implicit_roles_of_plain_elements() {
    assert_roles(&[
        ("<a href='#'>x</a>", &[0], "link"),
        ("<a>x</a>", &[0], "generic"),
        ("<button>b</button>", &[0], "button"),
        ("<p>p</p>", &[0], "paragraph"),
        ("<h3>h</h3>", &[0], "heading"),
        ("<ul><li>x</li></ul>", &[0], "list"),
        ("<ul><li>x</li></ul>", &[0, 0], "listitem"),
        ("<ol><li>x</li></ol>", &[0], "list"),
        ("<menu><li>x</li></menu>", &[0], "list"),
        ("<li>orphan</li>", &[0], "listitem"),
        ("<dl><dt>t</dt><dd>d</dd></dl>", &[0, 0], "term"),
        ("<dl><dt>t</dt><dd>d</dd></dl>", &[0, 1], "definition"),
        ("<hr>", &[0], "separator"),
        ("<nav>n</nav>", &[0], "navigation"),
        ("<main>m</main>", &[0], "main"),
        ("<article>a</article>", &[0], "article"),
        ("<aside>a</aside>", &[0], "complementary"),
        ("<figure>f</figure>", &[0], "figure"),
        ("<fieldset></fieldset>", &[0], "group"),
        ("<details><summary>s</summary></details>", &[0], "group"),
        ("<dialog open>d</dialog>", &[0], "dialog"),
        ("<textarea></textarea>", &[0], "textbox"),
        ("<meter></meter>", &[0], "meter"),
        ("<progress></progress>", &[0], "progressbar"),
        ("<output></output>", &[0], "status"),
        ("<blockquote>q</blockquote>", &[0], "blockquote"),
        ("<code>c</code>", &[0], "code"),
        ("<em>e</em>", &[0], "emphasis"),
        ("<strong>s</strong>", &[0], "strong"),
        ("<del>d</del>", &[0], "deletion"),
        ("<s>s</s>", &[0], "deletion"),
        ("<ins>i</ins>", &[0], "insertion"),
        ("<sub>s</sub>", &[0], "subscript"),
        ("<sup>s</sup>", &[0], "superscript"),
        ("<time>t</time>", &[0], "time"),
        ("<mark>m</mark>", &[0], "mark"),
        ("<search>s</search>", &[0], "search"),
        ("<address>a</address>", &[0], "group"),
        ("<hgroup><h1>h</h1></hgroup>", &[0], "group"),
        ("<dfn>d</dfn>", &[0], "term"),
        ("<math><mi>x</mi></math>", &[0], "math"),
        ("<svg></svg>", &[0], "graphics-document"),
        ("<select><optgroup label='g'><option>o</option></optgroup></select>", &[0, 0], "group"),
        ("<select><option>o</option></select>", &[0, 0], "option"),
        ("<datalist></datalist>", &[0], "listbox"),
        ("<span>s</span>", &[0], "generic"),
        ("<div>d</div>", &[0], "generic"),
        ("<my-widget>c</my-widget>", &[0], "generic"),
        ("<iframe></iframe>", &[0], "generic"),
    ]);
}

#[test]
fn body_and_root_are_generic_and_metadata_is_none() {
    let t = tree("<p>x</p>");
    assert_eq!(t[0].tag, "html");
    assert_eq!(t[0].role.as_deref(), Some("generic"));
    assert_eq!(at(&t, &[]).role.as_deref(), Some("generic"));
    let title = t.iter().find(|e| e.tag == "title").expect("title");
    assert_eq!(title.role.as_deref(), Some("none"));
}

#[test]
fn images() {
    assert_roles(&[
        ("<img src='a.png'>", &[0], "img"),
        ("<img src='a.png' alt='Logo'>", &[0], "img"),
        ("<img src='a.png' alt=''>", &[0], "none"),
        // A decorative image that is named, titled or focusable is exposed after all.
        ("<img src='a.png' alt='' aria-label='x'>", &[0], "img"),
        ("<img src='a.png' alt='' title='t'>", &[0], "img"),
        ("<img src='a.png' alt='' tabindex='0'>", &[0], "img"),
        ("<img src='a.png' alt='' role='img'>", &[0], "img"),
    ]);
}

#[test]
fn input_types() {
    assert_roles(&[
        ("<input>", &[0], "textbox"),
        ("<input type='email'>", &[0], "textbox"),
        ("<input type='password'>", &[0], "textbox"),
        ("<input type='bogus'>", &[0], "textbox"),
        ("<input type='search'>", &[0], "searchbox"),
        ("<input type='search' list='l'><datalist id='l'></datalist>", &[0], "combobox"),
        ("<input type='email' list='l'><datalist id='l'></datalist>", &[0], "combobox"),
        // `list` must point at a datalist.
        ("<input list='d'><div id='d'></div>", &[0], "textbox"),
        ("<input list='missing'>", &[0], "textbox"),
        ("<input type='number'>", &[0], "spinbutton"),
        ("<input type='range'>", &[0], "slider"),
        ("<input type='checkbox'>", &[0], "checkbox"),
        ("<input type='radio'>", &[0], "radio"),
        ("<input type='submit'>", &[0], "button"),
        ("<input type='reset'>", &[0], "button"),
        ("<input type='image' alt='Go'>", &[0], "button"),
        ("<input type='button'>", &[0], "button"),
        ("<input type='hidden'>", &[0], "none"),
        ("<select></select>", &[0], "combobox"),
        ("<select size='1'></select>", &[0], "combobox"),
        ("<select multiple></select>", &[0], "listbox"),
        ("<select size='3'></select>", &[0], "listbox"),
    ]);
}

#[test]
fn landmark_scoping() {
    assert_roles(&[
        ("<header>h</header>", &[0], "banner"),
        ("<footer>f</footer>", &[0], "contentinfo"),
        ("<section><header>h</header></section>", &[0, 0], "sectionheader"),
        ("<article><header>h</header></article>", &[0, 0], "sectionheader"),
        ("<main><footer>f</footer></main>", &[0, 0], "sectionfooter"),
        ("<nav><footer>f</footer></nav>", &[0, 0], "sectionfooter"),
        ("<div role='main'><header>h</header></div>", &[0, 0], "sectionheader"),
        ("<div><div><header>h</header></div></div>", &[0, 0, 0], "banner"),
        ("<div role='complementary'><footer>f</footer></div>", &[0, 0], "sectionfooter"),
        ("<div role='region' aria-label='r'><header>h</header></div>", &[0, 0], "banner"),
        ("<nav><aside>a</aside></nav>", &[0, 0], "generic"),
        ("<aside><aside>a</aside></aside>", &[0, 0], "generic"),
        ("<section>s</section>", &[0], "generic"),
        ("<section aria-label='News'>s</section>", &[0], "region"),
        ("<section title='News'>s</section>", &[0], "region"),
        ("<section aria-labelledby='h'><h2 id='h'>News</h2></section>", &[0], "region"),
        ("<section aria-labelledby='nope'>s</section>", &[0], "generic"),
        ("<section aria-label='  '>s</section>", &[0], "generic"),
        ("<form>f</form>", &[0], "generic"),
        ("<form aria-label='Search'>f</form>", &[0], "form"),
        ("<div role='region'>r</div>", &[0], "generic"),
        ("<div role='region' aria-label='r'>r</div>", &[0], "region"),
        ("<section><aside>a</aside></section>", &[0, 0], "generic"),
        ("<section><aside aria-label='n'>a</aside></section>", &[0, 0], "complementary"),
        ("<main><aside>a</aside></main>", &[0, 0], "complementary"),
    ]);
}

#[test]
fn tables_and_grids() {
    let table = "<table><tr><th>a</th><th>b</th></tr><tr><th>c</th><td>d</td></tr>\
                 <tr><td>e</td><th>f</th></tr><tr><th scope='col'>g</th><td>h</td></tr>\
                 <tr><th scope='row'>i</th></tr><tr><td>x</td><th>y</th><th>z</th></tr></table>";
    let t = tree(table);
    let r = |p: &[usize]| at(&t, p).role.clone().unwrap_or_default();
    assert_eq!(r(&[0]), "table");
    assert_eq!(r(&[0, 0]), "rowgroup", "the implied tbody");
    assert_eq!(r(&[0, 0, 0]), "row");
    assert_eq!(r(&[0, 0, 0, 0]), "columnheader", "a row of headers");
    assert_eq!(r(&[0, 0, 1, 0]), "rowheader", "a header beside a data cell");
    assert_eq!(r(&[0, 0, 1, 1]), "cell");
    assert_eq!(r(&[0, 0, 2, 1]), "rowheader");
    assert_eq!(r(&[0, 0, 3, 0]), "columnheader", "scope=col wins");
    assert_eq!(r(&[0, 0, 4, 0]), "rowheader", "scope=row wins");
    assert_eq!(r(&[0, 0, 5, 2]), "rowheader", "the row starts with a data cell");

    assert_roles(&[
        ("<table role='grid'><tr><td>c</td></tr></table>", &[0, 0, 0, 0], "gridcell"),
        ("<table role='treegrid'><tr><td>c</td></tr></table>", &[0, 0, 0, 0], "gridcell"),
        ("<table><thead><tr><th>h</th></tr></thead></table>", &[0, 0], "rowgroup"),
        ("<table><caption>c</caption></table>", &[0, 0], "caption"),
        // The parts of a presentational table are generic (Chromium), the caption stays.
        ("<table role='presentation'><tr><td>x</td></tr></table>", &[0], "none"),
        ("<table role='presentation'><tr><td>x</td></tr></table>", &[0, 0, 0], "generic"),
        ("<table role='presentation'><tr><td>x</td></tr></table>", &[0, 0, 0, 0], "generic"),
        ("<table role='none'><caption>c</caption></table>", &[0, 0], "caption"),
        ("<table role='grid'><tr><td role='none'>t</td></tr></table>", &[0, 0, 0, 0], "none"),
    ]);
}

#[test]
fn explicit_roles_and_fallback() {
    assert_roles(&[
        ("<span role='button'>b</span>", &[0], "button"),
        ("<span role='foo button'>b</span>", &[0], "button"),
        ("<span role='  link  '>l</span>", &[0], "link"),
        ("<span role='ROW'>r</span>", &[0], "row"),
        // Abstract roles are not valid: the next token or the implicit role is used.
        ("<div role='command'>x</div>", &[0], "generic"),
        ("<div role='landmark button'>x</div>", &[0], "button"),
        ("<h1 role='widget'>x</h1>", &[0], "heading"),
        ("<div role='foo bar'>x</div>", &[0], "generic"),
        ("<span role='doc-chapter'>c</span>", &[0], "doc-chapter"),
        ("<span role='graphics-symbol'>g</span>", &[0], "graphics-symbol"),
        ("<span role='image'>i</span>", &[0], "img"),
        ("<span role='directory'>d</span>", &[0], "list"),
        ("<div role='sectionheader'>s</div>", &[0], "sectionheader"),
        ("<div role='none presentation'>n</div>", &[0], "none"),
        ("<div role='presentation'>n</div>", &[0], "none"),
        // Children of presentational-children roles keep their roles (Chromium).
        ("<button><span role='link'>in</span></button>", &[0, 0], "link"),
    ]);
}

#[test]
fn presentational_role_conflict_resolution() {
    assert_roles(&[
        ("<h1 role='none'>h</h1>", &[0], "none"),
        ("<h1 role='none' aria-label='x'>h</h1>", &[0], "heading"),
        ("<h1 role='none' aria-label=''>h</h1>", &[0], "heading"),
        ("<h1 role='none' aria-describedby='d'>h</h1>", &[0], "heading"),
        ("<h1 role='presentation' aria-live='off'>h</h1>", &[0], "heading"),
        ("<h1 role='none' aria-busy='false'>h</h1>", &[0], "heading"),
        ("<h1 role='none' tabindex='-1'>h</h1>", &[0], "heading"),
        ("<button role='none'>b</button>", &[0], "button"),
        ("<a href='#' role='presentation'>a</a>", &[0], "link"),
        ("<input role='none'>", &[0], "textbox"),
        // Not global (or false): the presentational role holds.
        ("<h1 role='none' aria-haspopup='false'>h</h1>", &[0], "none"),
        ("<h1 role='none' aria-invalid='false'>h</h1>", &[0], "none"),
        ("<h1 role='none' aria-disabled='false'>h</h1>", &[0], "none"),
        ("<h1 role='none' aria-hidden='false'>h</h1>", &[0], "none"),
        // A disabled button is not focusable: nothing conflicts.
        ("<button role='none' disabled>b</button>", &[0], "none"),
    ]);
}

#[test]
fn presentational_lists_pass_it_to_their_items() {
    assert_roles(&[
        ("<ul role='none'><li>x</li></ul>", &[0, 0], "none"),
        ("<ol role='presentation'><li tabindex='0'>x</li></ol>", &[0, 0], "none"),
        // Only direct li children.
        ("<ol role='presentation'><div><li>x</li></div></ol>", &[0, 0, 0], "listitem"),
        // Chromium: the items follow the list's role attribute even when the list is kept.
        ("<ul role='none' aria-label='x'><li>x</li></ul>", &[0], "list"),
        ("<ul role='none' aria-label='x'><li>x</li></ul>", &[0, 0], "none"),
        ("<ul role='none'><li role='button'>x</li></ul>", &[0, 0], "button"),
        ("<ul><li role='none'>x</li></ul>", &[0, 0], "none"),
        ("<ul role='list'><li>x</li></ul>", &[0, 0], "listitem"),
        ("<dl role='none'><dt>t</dt></dl>", &[0, 0], "term"),
    ]);
}

#[test]
fn summary_and_svg() {
    assert_roles(&[
        ("<details><summary>s</summary></details>", &[0, 0], "button"),
        ("<details><summary>s</summary><summary>t</summary></details>", &[0, 1], "generic"),
        ("<summary>alone</summary>", &[0], "generic"),
        ("<svg><a href='#'><text>t</text></a></svg>", &[0, 0], "link"),
        ("<svg><g><circle r='3'></circle></g></svg>", &[0, 0], "group"),
        ("<svg><g><circle r='3'></circle></g></svg>", &[0, 0, 0], "graphics-symbol"),
        ("<svg role='img' aria-label='x'></svg>", &[0], "img"),
    ]);
}

#[test]
fn aria_hidden_hides_the_subtree_but_not_from_focus() {
    let t = tree("<div aria-hidden='true'><a href='#'>x</a></div><p aria-hidden='TRUE '>p</p><p aria-hidden='false'>q</p>");
    assert!(at(&t, &[0]).hidden);
    assert!(at(&t, &[0, 0]).hidden);
    assert!(at(&t, &[0, 0]).focusable, "aria-hidden does not remove focusability");
    assert_eq!(at(&t, &[0, 0]).tab_order, Some(1));
    assert!(at(&t, &[1]).hidden, "value is case-insensitive and trimmed");
    assert!(!at(&t, &[2]).hidden);
}

#[test]
fn inert_hides_and_unfocuses_the_subtree() {
    let t = tree("<div inert><button>b</button><span tabindex='0'>s</span></div><button>c</button>");
    assert!(at(&t, &[0]).hidden);
    assert!(at(&t, &[0, 0]).hidden);
    assert!(!at(&t, &[0, 0]).focusable);
    assert!(!at(&t, &[0, 1]).focusable);
    assert_eq!(at(&t, &[1]).tab_order, Some(1));
}

#[test]
fn template_contents_are_not_in_the_tree() {
    let t = tree("<template><button>b</button></template><p>x</p>");
    // Template contents are not children of the template in the document tree.
    assert!(t.iter().all(|e| e.tag != "button"));
    assert!(!at(&t, &[1]).hidden);
}

#[test]
fn closed_details_hide_their_content() {
    let t = tree("<details><summary>s</summary><button>in</button></details>\
                  <details open><summary>s</summary><button>in</button></details>");
    assert!(!at(&t, &[0, 0]).hidden);
    assert!(at(&t, &[0, 1]).hidden);
    assert!(!at(&t, &[0, 1]).focusable);
    assert!(!at(&t, &[1, 1]).hidden);
    assert!(at(&t, &[1, 1]).focusable);
}

#[test]
fn hidden_attribute_and_display_none() {
    // Needs the cascade (UA sheet `[hidden] { display: none }`).
    let t = tree("<div hidden><button>b</button></div><div style='display:none'><a href='#'>a</a></div>\
                  <div style='display:contents'><button>c</button></div>");
    assert!(at(&t, &[0]).hidden);
    assert!(at(&t, &[0, 0]).hidden);
    assert!(!at(&t, &[0, 0]).focusable);
    assert!(at(&t, &[1, 0]).hidden);
    assert!(!at(&t, &[1, 0]).focusable);
    assert!(!at(&t, &[2, 0]).hidden, "display: contents renders its children");
    assert_eq!(at(&t, &[2, 0]).tab_order, Some(1));
    let head = tree("<p>x</p>");
    assert!(head.iter().find(|e| e.tag == "title").is_some_and(|e| e.hidden), "head is not rendered");
}

#[test]
fn visibility_hidden_and_visible_child() {
    // Needs the cascade.
    let t = tree("<div style='visibility:hidden'><button>a</button><button style='visibility:visible'>b</button></div>");
    assert!(at(&t, &[0]).hidden);
    assert!(at(&t, &[0, 0]).hidden);
    assert!(!at(&t, &[0, 0]).focusable);
    assert!(!at(&t, &[0, 1]).hidden);
    assert!(at(&t, &[0, 1]).focusable);
    assert_eq!(at(&t, &[0, 1]).tab_order, Some(1));
}

#[test]
fn tabindex_parsing() {
    let t = tree("<span tabindex='  3'>a</span><span tabindex='-1'>b</span><span tabindex='abc'>c</span>\
                  <span tabindex='+2'>d</span><span tabindex='0x'>e</span><span tabindex=''>f</span>");
    assert!(at(&t, &[0]).focusable);
    assert!(at(&t, &[1]).focusable, "-1: focusable");
    assert_eq!(at(&t, &[1]).tab_order, None, "-1: not in sequential order");
    assert!(!at(&t, &[2]).focusable, "abc is not an integer");
    assert!(at(&t, &[3]).focusable);
    assert!(at(&t, &[4]).focusable, "trailing junk is ignored");
    assert!(!at(&t, &[5]).focusable, "empty is invalid");
    // +2 before 3, then the tabindex=0 one.
    assert_eq!(at(&t, &[3]).tab_order, Some(1));
    assert_eq!(at(&t, &[0]).tab_order, Some(2));
    assert_eq!(at(&t, &[4]).tab_order, Some(3));
}

#[test]
fn tab_order_with_positive_tabindex() {
    // Chromium: s1, b2, p2, s3, then a and 0x in tree order.
    let t = tree("<a href='#'>a</a><button tabindex='2'>b2</button><span tabindex='1'>s1</span>\
                  <span tabindex='  3'>s3</span><span tabindex='+2'>p2</span><span tabindex='0x'>0x</span>\
                  <a href='#' tabindex='-1'>neg</a>");
    let order: Vec<Option<usize>> = (0..7).map(|i| at(&t, &[i]).tab_order).collect();
    assert_eq!(order, vec![Some(5), Some(2), Some(1), Some(4), Some(3), Some(6), None]);
}

#[test]
fn natively_focusable_elements() {
    let t = tree("<a href='#'>a</a><a>no href</a><button>b</button><input><input type='hidden'>\
                  <select></select><textarea></textarea><iframe></iframe>\
                  <details><summary>s</summary></details><audio controls></audio><video></video>\
                  <div contenteditable>ce<span>x</span></div><div contenteditable='false'>no</div>\
                  <svg><a href='#'><text>t</text></a></svg><details><div>no summary</div></details>");
    let f = |p: &[usize]| at(&t, p).focusable;
    assert!(f(&[0]));
    assert!(!f(&[1]));
    assert!(f(&[2]));
    assert!(f(&[3]));
    assert!(!f(&[4]), "input type=hidden");
    assert!(f(&[5]));
    assert!(f(&[6]));
    assert!(f(&[7]), "iframe");
    assert!(f(&[8, 0]), "the details' summary");
    assert!(!f(&[8]));
    assert!(f(&[9]), "audio with controls");
    assert!(!f(&[10]), "video without controls");
    assert!(f(&[11]), "editing host");
    assert!(!f(&[11, 0]), "editable descendant");
    assert!(!f(&[12]));
    assert!(f(&[13, 0]), "SVG link");
    assert!(f(&[14]), "details without summary is reached through its default summary");
}

#[test]
fn image_map_areas_are_focusable_only_in_a_used_map() {
    let t = tree("<img src='a.png' alt='m' usemap='#m'><map name='m'><area href='#' alt='a'></map>\
                  <map name='unused'><area href='#' alt='b'></map>");
    assert!(at(&t, &[1, 0]).focusable);
    assert_eq!(at(&t, &[1, 0]).role.as_deref(), Some("link"));
    assert!(!at(&t, &[2, 0]).focusable);
    assert!(at(&t, &[2, 0]).hidden, "an area of an unused map is not rendered");
    assert!(!at(&t, &[1, 0]).hidden);
}

#[test]
fn disabled_controls_and_fieldset_legend_exception() {
    let t = tree("<button disabled tabindex='0'>d</button>\
                  <fieldset disabled><legend><input></legend><input><legend><input></legend></fieldset>\
                  <select><optgroup disabled><option>a</option></optgroup><option disabled>b</option></select>\
                  <fieldset disabled><fieldset><legend><input></legend></fieldset></fieldset>\
                  <div aria-disabled='true'><button>a</button></div>");
    assert!(!at(&t, &[0]).focusable, "disabled beats tabindex");
    assert!(at(&t, &[1, 0, 0]).focusable, "inside the first legend");
    assert!(!at(&t, &[1, 1]).focusable);
    assert!(!at(&t, &[1, 2, 0]).focusable, "second legend gets no exception");
    assert!(at(&t, &[2]).focusable);
    assert!(!at(&t, &[3, 0, 0, 0]).focusable, "an inner legend does not escape the outer fieldset");
    assert!(at(&t, &[4, 0]).focusable, "aria-disabled does not remove focus");
}

#[test]
fn deep_documents_do_not_overflow() {
    let depth = 2000;
    let body = format!("{}<button>x</button>{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let t = tree(&body);
    assert!(t.iter().any(|e| e.tag == "button" && e.focusable));
}
