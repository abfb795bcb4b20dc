//! Check options, deserialised with `deny_unknown_fields` (an unknown key is an error, never
//! silently ignored), and how external resources (stylesheets) are found.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::dom::DocumentKind;

/// Viewport that `@media` queries are evaluated against.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Viewport {
    /// CSS pixels.
    pub width: f32,
    /// CSS pixels.
    pub height: f32,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport { width: 1280.0, height: 800.0 }
    }
}

/// Preferred colour scheme for `prefers-color-scheme` and `light-dark()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorScheme {
    /// Light (default).
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// A URL prefix served from a local folder, e.g. `/WAI/content-assets/wcag-act-rules/` → `../shared/act/`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrlMapping {
    /// URL path prefix (absolute path or full URL).
    pub prefix: String,
    /// Local folder (native only).
    pub dir: String,
}

/// Options of one check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", default)]
pub struct Options {
    /// URL (or path) of the page, shown in the report and used to resolve relative links.
    pub url: Option<String>,
    /// Native only: folder that relative stylesheet URLs are resolved against.
    pub base_dir: Option<String>,
    /// Native only: URL prefixes served from local folders.
    pub url_map: Vec<UrlMapping>,
    /// Stylesheet texts by URL as written in `href` (how wasm callers supply them).
    pub stylesheets: BTreeMap<String, String>,
    /// Viewport for `@media`.
    pub viewport: Viewport,
    /// Colour scheme for `prefers-color-scheme` and `light-dark()`.
    pub color_scheme: ColorScheme,
    /// Run only these rule ids (when given).
    pub rules: Option<Vec<String>>,
    /// Never run these rule ids.
    pub disable: Vec<String>,
    /// Run rules carrying any of these tags. Default: wcag2a, wcag2aa, wcag21a, wcag21aa,
    /// wcag22a, wcag22aa, best-practice (AAA off).
    pub tags: Option<Vec<String>>,
    /// Include `passed` outcomes in the report.
    pub include_passed: bool,
    /// Kind of document; detected from the content (and file extension by callers) when absent.
    pub document_kind: Option<DocumentKind>,
    /// Largest input accepted, in bytes.
    pub max_bytes: usize,
    /// CSS selectors of elements whose findings (and their subtrees') are suppressed.
    pub exclude: Vec<String>,
    /// Check the input as a fragment (component, story, snippet): page-level rules (title,
    /// lang, landmarks, bypass blocks) don't apply. Default: a fragment when the input has no
    /// `<html>` or `<body>` tag.
    pub fragment: Option<bool>,
}

/// Tags that run when `tags` is not given.
pub const DEFAULT_TAGS: &[&str] =
    &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            base_dir: None,
            url_map: Vec::new(),
            stylesheets: BTreeMap::new(),
            viewport: Viewport::default(),
            color_scheme: ColorScheme::Light,
            rules: None,
            disable: Vec::new(),
            tags: None,
            include_passed: false,
            document_kind: None,
            max_bytes: 32 * 1024 * 1024,
            exclude: Vec::new(),
            fragment: None,
        }
    }
}

impl Options {
    /// Parse options from JSON text (unknown keys are an error).
    pub fn from_json(text: &str) -> Result<Options, crate::Error> {
        serde_json::from_str(text).map_err(|e| crate::Error::BadOptions(e.to_string()))
    }

    /// Load a stylesheet referenced as `href` from a document or sheet at `base` (None: the page).
    /// Returns the sheet text and its resolved location (the base for its own `@import`s), or
    /// why it could not be loaded.
    pub(crate) fn load_stylesheet(&self, href: &str, base: Option<&str>) -> Result<(String, String), String> {
        let href = href.trim();
        if let Some(text) = self.stylesheets.get(href) {
            return Ok((text.clone(), href.to_string()));
        }
        let resolved = resolve_url(base.or(self.url.as_deref()), href);
        if let Some(text) = self.stylesheets.get(&resolved) {
            return Ok((text.clone(), resolved));
        }
        self.read_local(&resolved)
    }

    /// `href` resolved against `base` (an importing sheet) or the page URL.
    pub(crate) fn resolve_href(&self, href: &str, base: Option<&str>) -> String {
        resolve_url(base.or(self.url.as_deref()), href.trim())
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn read_local(&self, resolved: &str) -> Result<(String, String), String> {
        let path = self.local_path(resolved).ok_or_else(|| {
            if resolved.contains("://") || resolved.starts_with("//") {
                "remote stylesheets are not fetched".to_string()
            } else {
                "no base folder to resolve it against".to_string()
            }
        })?;
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok((String::from_utf8_lossy(&bytes).into_owned(), resolved.to_string()))
    }

    #[cfg(target_arch = "wasm32")]
    fn read_local(&self, resolved: &str) -> Result<(String, String), String> {
        if resolved.starts_with("http://") || resolved.starts_with("https://") || resolved.starts_with("//") {
            return Err("remote stylesheets are not fetched".to_string());
        }
        Err("not supplied in `stylesheets` (WebAssembly has no file system)".to_string())
    }

    /// Local file for a resolved URL: through the URL map; root-relative paths (`/css/x.css`)
    /// under `base_dir`; relative ones were already joined with the page's folder when the page
    /// URL is a local path, else they are taken under `base_dir`.
    #[cfg(not(target_arch = "wasm32"))]
    fn local_path(&self, resolved: &str) -> Option<std::path::PathBuf> {
        let clean = resolved.split(['?', '#']).next().unwrap_or(resolved);
        for m in &self.url_map {
            if let Some(rest) = clean.strip_prefix(m.prefix.as_str()) {
                return Some(std::path::Path::new(&m.dir).join(rest.trim_start_matches('/')));
            }
        }
        if clean.contains("://") || clean.starts_with("//") || clean.starts_with("data:") {
            return None;
        }
        if let Some(rest) = clean.strip_prefix('/') {
            return Some(std::path::Path::new(self.base_dir.as_deref()?).join(rest));
        }
        let page_is_local = self.url.as_deref().is_some_and(|u| !u.contains("://"));
        match (&self.base_dir, page_is_local) {
            (_, true) => Some(std::path::PathBuf::from(clean)),
            (Some(base), false) => Some(std::path::Path::new(base).join(clean)),
            (None, false) => None,
        }
    }
}

/// Resolve `href` against `base` for the URL forms local pages use: absolute URLs and
/// absolute paths are kept; relative paths are joined with the base's folder.
pub(crate) fn resolve_url(base: Option<&str>, href: &str) -> String {
    if href.contains("://") || href.starts_with('/') || href.starts_with("data:") {
        return href.to_string();
    }
    let Some(base) = base else { return href.to_string() };
    let folder = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    let mut parts: Vec<&str> = folder.split('/').collect();
    parts.pop(); // the empty segment after the final '/'
    for seg in href.split('/') {
        match seg {
            "." => {}
            ".." => {
                if parts.len() > 1 || parts.first().is_some_and(|p| !p.is_empty()) {
                    parts.pop();
                }
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(Options::from_json(r#"{"viewport":{"width":400,"height":300}}"#).is_ok());
        let err = Options::from_json(r#"{"colour":"dark"}"#).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn resolves_relative_urls() {
        assert_eq!(resolve_url(Some("/a/b/page.html"), "s.css"), "/a/b/s.css");
        assert_eq!(resolve_url(Some("/a/b/page.html"), "../s.css"), "/a/s.css");
        assert_eq!(resolve_url(Some("css/main.css"), "base.css"), "css/base.css");
        assert_eq!(resolve_url(None, "x.css"), "x.css");
        assert_eq!(resolve_url(Some("/a/p.html"), "/abs.css"), "/abs.css");
    }
}
