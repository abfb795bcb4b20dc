//! Agreement of our accessibility tree with Chromium's.
//!
//! `tests/accname/chromium.json` is a recording, made by `tests/chromium/record.mjs` with headless
//! Chromium, of the role and accessible name of every element of our corpus
//! (`tests/accname/*.html`) and of the W3C ACT test cases of the name rules. This test computes
//! our tree for the same pages, matches elements by path (element-child indices from `<html>`)
//! and reports the agreement on roles and on names, counted separately, listing every mismatch.
//! It reads only the recording: no browser is needed.
//!
//! What is counted (both sides are put in classes first):
//! - Chromium: an ignored node is `hidden` when ignored for being hidden (not rendered,
//!   invisible, aria-hidden, inert) and `plain` otherwise (uninteresting, presentational, empty
//!   alt...); an included node with role `generic` or `none` is `plain`; else its role (mapped
//!   to WAI-ARIA by the recorder).
//! - Ours: `hidden` when excluded from the tree; `plain` for `generic`, `none`, `presentation`
//!   or no role; else the role (`image` read as `img`).
//! - Elements in scope: on corpus pages the elements marked `data-check`; on ACT pages every
//!   element inside `<body>`. Pages whose scripts changed the document are left out.
//! - Roles: every `data-check` element; on ACT pages the elements for which either side gives a
//!   role other than hidden/plain (for a node Chromium ignores, its `computedRole`: a hidden
//!   button counts whichever side hides it), or either side (when it includes the node) gives a
//!   name.
//!   A node Chromium prunes only as `uninteresting` also agrees with its `computedRole`.
//!   `<area>`/`<map>` are left out: Chromium exposes image-map areas only through the image.
//! - Names: elements Chromium includes in its tree, and among them on ACT pages only those with
//!   a role or a name on either side. Names are compared after whitespace folding, case
//!   sensitively. `<video>`/`<audio>` names are Chromium's media-controls text
//!   ("Unable to play media."), not an accessible name computed from the page: not compared.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use curbcut::{accessibility_tree, Options, UrlMapping};
use serde::Deserialize;

/// Agreement required on roles and on names, each.
const REQUIRED: f64 = 95.0;
/// Smallest number of `data-check` elements in our corpus.
const MIN_CHECKS: usize = 150;

const ACT_PREFIX: &str = "/WAI/content-assets/wcag-act-rules/";
const CORPUS_PREFIX: &str = "/accname/";

/// Reasons for which Chromium leaves a node out of its tree because it is hidden.
const HIDDEN_REASONS: &[&str] = &[
    "notRendered",
    "notVisible",
    "ariaHiddenElement",
    "ariaHiddenSubtree",
    "inertElement",
    "inertSubtree",
];

/// Elements left out: Chromium exposes image-map areas only through their image, never at the
/// `<area>` (or `<map>`) node, so the recording has nothing to compare with.
const NOT_COMPARED_TAGS: &[&str] = &["area", "map"];

/// Chromium roles whose name is browser UI text, not computed from the page.
const UI_NAMED_RAW_ROLES: &[&str] = &["Video", "Audio"];

#[derive(Deserialize)]
struct Recording {
    chromium: String,
    pages: Vec<RecordedPage>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RecordedPage {
    kind: String,
    file: String,
    hash: String,
    #[serde(default)]
    rule: Option<String>,
    dom_changed: bool,
    elements: Vec<Recorded>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Recorded {
    path: Vec<usize>,
    tag: String,
    role: Option<String>,
    raw_role: Option<String>,
    name: String,
    ignored: bool,
    #[serde(default)]
    ignored_reasons: Vec<String>,
    #[serde(default)]
    computed_role: Option<String>,
    #[serde(default)]
    check: Option<String>,
}

/// A role, reduced to what both sides can be compared on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// Not in the accessibility tree because hidden.
    Hidden,
    /// No semantics: generic, none, or left out as uninteresting.
    Plain,
    /// A WAI-ARIA role.
    Role(String),
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Class::Hidden => f.write_str("(hidden)"),
            Class::Plain => f.write_str("(plain)"),
            Class::Role(r) => f.write_str(r),
        }
    }
}

fn chromium_class(rec: &Recorded) -> Class {
    if rec.ignored {
        if rec.ignored_reasons.iter().any(|r| HIDDEN_REASONS.contains(&r.as_str())) {
            return Class::Hidden;
        }
        return Class::Plain;
    }
    match rec.role.as_deref() {
        None | Some("generic") | Some("none") | Some("presentation") => Class::Plain,
        Some(r) => Class::Role(r.to_ascii_lowercase()),
    }
}

/// The role Chromium gives a node whether or not it is in the tree (`computedRole` of an
/// ignored node: a hidden button is still a button), when it is more than generic/none. It
/// makes hidden elements count on ACT pages whichever side hides them.
fn semantic_role(rec: &Recorded) -> Option<String> {
    let role = if rec.ignored { rec.computed_role.as_deref() } else { rec.role.as_deref() }?;
    match role {
        "" | "generic" | "none" | "presentation" => None,
        "image" => Some("img".into()),
        r => Some(r.to_ascii_lowercase()),
    }
}

/// Whether our class agrees with Chromium's. A node Chromium prunes only as `uninteresting`
/// (a `tbody` of a plain table, SVG shapes, a plain `g`...) still has its role, which
/// `computedRole` reports: either that role or no semantics agrees.
fn roles_agree(mine: &Class, theirs: &Class, rec: &Recorded) -> bool {
    if mine == theirs {
        return true;
    }
    let only_uninteresting =
        rec.ignored && !rec.ignored_reasons.is_empty() && rec.ignored_reasons.iter().all(|r| r == "uninteresting");
    match (mine, rec.computed_role.as_deref()) {
        (Class::Role(r), Some(computed)) if only_uninteresting => {
            let computed = if computed == "image" { "img" } else { computed };
            r == computed
        }
        _ => false,
    }
}

fn our_class(entry: &curbcut::a11y::TreeEntry) -> Class {
    if entry.hidden {
        return Class::Hidden;
    }
    match entry.role.as_deref() {
        None | Some("generic") | Some("none") | Some("presentation") => Class::Plain,
        Some("image") => Class::Role("img".into()),
        Some(r) => Class::Role(r.to_ascii_lowercase()),
    }
}

fn fold(s: &str) -> String {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// FNV-1a 64, as the recorder computes it over the page bytes.
fn fnv1a64(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Options as the recorder's server sees the page: ACT assets and our corpus under their URLs.
fn options_for(page: &RecordedPage) -> Options {
    let root = repo();
    let url = if let Some(rest) = page.file.strip_prefix("tests/act/") {
        format!("{ACT_PREFIX}{rest}")
    } else if let Some(rest) = page.file.strip_prefix("tests/accname/") {
        format!("{CORPUS_PREFIX}{rest}")
    } else {
        page.file.clone()
    };
    let mut options = Options::default();
    options.url = Some(url);
    options.base_dir = Some(root.to_string_lossy().into_owned());
    options.url_map = vec![
        UrlMapping { prefix: ACT_PREFIX.into(), dir: root.join("tests/act").to_string_lossy().into_owned() },
        UrlMapping {
            prefix: CORPUS_PREFIX.into(),
            dir: root.join("tests/accname").to_string_lossy().into_owned(),
        },
    ];
    options
}

#[derive(Default)]
struct Tally {
    roles: usize,
    roles_ok: usize,
    names: usize,
    names_ok: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.roles += other.roles;
        self.roles_ok += other.roles_ok;
        self.names += other.names;
        self.names_ok += other.names_ok;
    }
}

fn percent(ok: usize, all: usize) -> f64 {
    if all == 0 {
        100.0
    } else {
        100.0 * ok as f64 / all as f64
    }
}

struct Mismatch {
    what: &'static str,
    file: String,
    path: Vec<usize>,
    tag: String,
    check: Option<String>,
    ours: String,
    chromium: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.iter().map(usize::to_string).collect::<Vec<_>>().join(".");
        write!(f, "{} {} [{}] <{}>", self.what, self.file, path, self.tag)?;
        if let Some(c) = &self.check {
            write!(f, " ({c})")?;
        }
        write!(f, ": ours {} | chromium {}", self.ours, self.chromium)
    }
}

fn load() -> Recording {
    let path = repo().join("tests/accname/chromium.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_inside(path: &[usize], ancestor: &[usize]) -> bool {
    path.len() > ancestor.len() && path.starts_with(ancestor)
}

/// Compare one page; returns its tally and pushes its mismatches.
fn compare_page(page: &RecordedPage, out: &mut Vec<Mismatch>) -> Tally {
    let mut tally = Tally::default();
    let file = repo().join(&page.file);
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    assert_eq!(
        fnv1a64(&bytes),
        page.hash,
        "{} changed since it was recorded: re-record (cd tests/chromium && npm ci && node record.mjs)",
        page.file
    );
    let html = String::from_utf8_lossy(&bytes);
    let tree = accessibility_tree(&html, &options_for(page))
        .unwrap_or_else(|e| panic!("{}: {e}", page.file));
    let ours: HashMap<&[usize], &curbcut::a11y::TreeEntry> =
        tree.iter().map(|e| (e.path.as_slice(), e)).collect();
    let body = page.elements.iter().find(|e| e.tag == "body" && e.path.len() == 1).map(|e| e.path.clone());
    let corpus = page.kind == "corpus";
    for rec in &page.elements {
        let in_scope = if corpus {
            rec.check.is_some()
        } else {
            body.as_deref().is_some_and(|b| is_inside(&rec.path, b))
        };
        if !in_scope || NOT_COMPARED_TAGS.contains(&rec.tag.as_str()) {
            continue;
        }
        let mismatch = |what: &'static str, ours: String, chromium: String| Mismatch {
            what,
            file: page.file.clone(),
            path: rec.path.clone(),
            tag: rec.tag.clone(),
            check: rec.check.clone(),
            ours,
            chromium,
        };
        let theirs = chromium_class(rec);
        let Some(entry) = ours.get(rec.path.as_slice()).filter(|e| e.tag == rec.tag) else {
            // Our parse disagrees with Chromium's: both comparisons fail.
            let found = ours.get(rec.path.as_slice()).map_or("nothing".to_string(), |e| format!("<{}>", e.tag));
            tally.roles += 1;
            tally.names += 1;
            out.push(mismatch("PARSE", format!("{found} at this path"), format!("<{}>", rec.tag)));
            continue;
        };
        let mine = our_class(entry);
        let our_name = fold(&entry.name);
        let their_name = if rec.ignored { String::new() } else { fold(&rec.name) };
        let named = !their_name.is_empty() || (!entry.hidden && !our_name.is_empty());
        let has_role = matches!(mine, Class::Role(_))
            || matches!(theirs, Class::Role(_))
            || semantic_role(rec).is_some();
        if corpus || has_role || named {
            tally.roles += 1;
            if roles_agree(&mine, &theirs, rec) {
                tally.roles_ok += 1;
            } else {
                let raw = rec.raw_role.as_deref().unwrap_or("-");
                let why = if rec.ignored { format!(", ignored: {}", rec.ignored_reasons.join(" ")) } else { String::new() };
                out.push(mismatch("ROLE", mine.to_string(), format!("{theirs} (raw {raw}{why})")));
            }
        }
        let ui_named = rec.raw_role.as_deref().is_some_and(|r| UI_NAMED_RAW_ROLES.contains(&r));
        if !rec.ignored && !ui_named && (corpus || has_role || named) {
            tally.names += 1;
            if our_name == their_name {
                tally.names_ok += 1;
            } else {
                out.push(mismatch("NAME", format!("{our_name:?}"), format!("{their_name:?}")));
            }
        }
    }
    tally
}

#[test]
fn names_and_roles_agree_with_chromium() {
    let recording = load();
    let mut mismatches = Vec::new();
    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut skipped = Vec::new();
    for page in &recording.pages {
        if page.dom_changed {
            skipped.push(page.file.as_str());
            continue;
        }
        let t = compare_page(page, &mut mismatches);
        let kind = match &page.rule {
            Some(rule) => format!("act {rule}"),
            None => page.kind.clone(),
        };
        by_kind.entry(kind).or_default().add(&t);
        total.add(&t);
    }

    for m in &mismatches {
        println!("{m}");
    }
    // Mismatch kinds, to route them: role pairs (ours -> Chromium) and name mismatches by role.
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for m in &mismatches {
        let key = match m.what {
            "ROLE" => format!("ROLE {} -> {}", m.ours, m.chromium),
            other => format!("{other} <{}>", m.tag),
        };
        *kinds.entry(key).or_default() += 1;
    }
    println!("\nmismatch kinds:");
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (k, n) in &kinds {
        println!("{n:5}  {k}");
    }
    println!("\nagreement with Chromium {} (roles | names):", recording.chromium);
    for (kind, t) in &by_kind {
        println!(
            "  {kind:12} roles {:3}/{:3} {:5.1}% | names {:3}/{:3} {:5.1}%",
            t.roles_ok,
            t.roles,
            percent(t.roles_ok, t.roles),
            t.names_ok,
            t.names,
            percent(t.names_ok, t.names)
        );
    }
    let roles = percent(total.roles_ok, total.roles);
    let names = percent(total.names_ok, total.names);
    println!(
        "  {:12} roles {}/{} {roles:.1}% | names {}/{} {names:.1}%",
        "total", total.roles_ok, total.roles, total.names_ok, total.names
    );
    if !skipped.is_empty() {
        println!("left out (a script changed the document): {}", skipped.join(", "));
    }
    assert!(roles >= REQUIRED, "role agreement {roles:.1}% < {REQUIRED}%");
    assert!(names >= REQUIRED, "name agreement {names:.1}% < {REQUIRED}%");
}

/// The corpus has enough checked elements, each recorded, and the recording covers every
/// corpus page and every ACT case of the name rules.
#[test]
fn recording_covers_the_corpus_and_the_act_cases() {
    let recording = load();
    let dir = repo().join("tests/accname");
    let mut in_sources = 0;
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.map(|e| e.path()).unwrap_or_default();
        if path.extension().and_then(|e| e.to_str()) == Some("html") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            in_sources += text.matches("data-check=").count();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            pages.push(format!("tests/accname/{name}"));
        }
    }
    let recorded: usize = recording
        .pages
        .iter()
        .filter(|p| p.kind == "corpus")
        .map(|p| p.elements.iter().filter(|e| e.check.is_some()).count())
        .sum();
    assert!(recorded >= MIN_CHECKS, "only {recorded} data-check elements recorded (need {MIN_CHECKS})");
    assert_eq!(recorded, in_sources, "data-check elements in the pages vs in the recording: re-record");
    for page in &pages {
        assert!(recording.pages.iter().any(|p| &p.file == page), "{page} is not recorded: re-record");
    }

    let act: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/act/testcases.json")).unwrap_or_default(),
    )
    .unwrap_or_default();
    let rules = ["97a4e1", "c487ae", "23a2a8", "59796f", "e086e5", "7d6734", "2t702h", "m6b1q3", "ffd0e9", "cae760", "8fc3b6"];
    let cases = act["testcases"].as_array().cloned().unwrap_or_default();
    let mut wanted = 0;
    for case in &cases {
        let rule = case["ruleId"].as_str().unwrap_or_default();
        if !rules.contains(&rule) {
            continue;
        }
        wanted += 1;
        let file = format!("tests/act/{}", case["relativePath"].as_str().unwrap_or_default());
        assert!(recording.pages.iter().any(|p| p.file == file), "{file} is not recorded");
        assert!(Path::new(&repo().join(&file)).exists(), "{file} missing");
    }
    assert!(wanted >= 150, "only {wanted} ACT cases for the name rules");
}

/// The comparison's own rules, on hand-made records.
#[test]
fn classes_and_agreement_rules() {
    let rec = |role: &str, ignored: bool, reasons: &[&str], computed: &str| Recorded {
        path: vec![1, 0],
        tag: "x".into(),
        role: Some(role.into()),
        raw_role: Some(role.into()),
        name: String::new(),
        ignored,
        ignored_reasons: reasons.iter().map(|r| r.to_string()).collect(),
        computed_role: Some(computed.into()),
        check: None,
    };
    let hidden_button = rec("none", true, &["ariaHiddenElement"], "button");
    assert_eq!(chromium_class(&hidden_button), Class::Hidden);
    assert_eq!(semantic_role(&hidden_button).as_deref(), Some("button"));
    let tbody = rec("none", true, &["uninteresting"], "rowgroup");
    assert_eq!(chromium_class(&tbody), Class::Plain);
    assert!(roles_agree(&Class::Role("rowgroup".into()), &Class::Plain, &tbody));
    assert!(roles_agree(&Class::Plain, &Class::Plain, &tbody));
    assert!(!roles_agree(&Class::Role("row".into()), &Class::Plain, &tbody));
    let empty_alt = rec("none", true, &["emptyAlt"], "image");
    assert!(!roles_agree(&Class::Role("img".into()), &chromium_class(&empty_alt), &empty_alt));
    let div = rec("generic", false, &[], "generic");
    assert_eq!(chromium_class(&div), Class::Plain);
    assert_eq!(semantic_role(&div), None);
    assert_eq!(chromium_class(&rec("img", false, &[], "image")), Class::Role("img".into()));
    assert_eq!(fold("  a \n\t b  "), "a b");
    // The recorder's hash of the empty input and of "a" (FNV-1a 64 reference values).
    assert_eq!(fnv1a64(b""), "cbf29ce484222325");
    assert_eq!(fnv1a64(b"a"), "af63dc4c8601ec8c");
}
