//! WebAssembly bindings: data crosses as JSON text (serde_json, which the formats need anyway,
//! and the engine's `JSON.parse`/`JSON.stringify`; a second serde backend such as
//! serde-wasm-bindgen would duplicate every (de)serializer in the wasm), errors become JS
//! `Error`s with the Rust message, the panic hook is installed on first use. No logic lives here.

use wasm_bindgen::prelude::*;

use crate::Options;

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// `JSON.stringify(value)`, with `what` naming the argument in the error.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    js_sys::JSON::stringify(value)
        .map_err(|_| js_error(format!("invalid {what}: not serialisable to JSON")))?
        .as_string()
        .ok_or_else(|| js_error(format!("invalid {what}: not serialisable to JSON")))
}

fn options_from(value: JsValue) -> Result<Options, JsValue> {
    console_error_panic_hook::set_once();
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    // Through JSON text, so `deny_unknown_fields` sees a misspelt key.
    Options::from_json(&json_text(&value, "options")?).map_err(js_error)
}

/// A plain JS value through JSON text, laid out without indentation: `JSON.parse` of a 1k-element
/// page's report took 0.67 ms indented by two spaces and 0.36 ms without (the report is 27 %
/// smaller). Still the pretty formatter, with an empty indent, so the wasm keeps one serializer
/// instance per type (the JSON report format is pretty-printed).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let mut text = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"");
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut text, formatter)).map_err(js_error)?;
    js_sys::JSON::parse(&String::from_utf8(text).map_err(js_error)?)
}

/// The page's text from the UTF-8 bytes the JS API hands over. Pages cross as bytes because
/// wasm-bindgen passes a `&str` with a per-character loop in JS, about 80x slower than the
/// `TextEncoder.encode` the JS API uses instead (3.5 ms of a 60 ms check at 10k elements).
fn page_text(utf8: &[u8]) -> Result<&str, JsValue> {
    std::str::from_utf8(utf8).map_err(|e| js_error(format!("invalid html: not UTF-8 ({e})")))
}

/// Check an HTML page given as UTF-8: `checkHtml(utf8, options?) -> Report`.
#[wasm_bindgen(js_name = checkHtml)]
pub fn check_html(utf8: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let report = crate::check_html(page_text(utf8)?, &options).map_err(js_error)?;
    to_js(&report)
}

/// Check a page given as bytes (encoding sniffed): `checkBytes(bytes, options?) -> Report`.
#[wasm_bindgen(js_name = checkBytes)]
pub fn check_bytes(bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let report = crate::check_bytes(bytes, &options).map_err(js_error)?;
    to_js(&report)
}

/// The accessibility tree of a page given as UTF-8: `accessibilityTree(utf8, options?) -> TreeEntry[]`.
#[wasm_bindgen(js_name = accessibilityTree)]
pub fn accessibility_tree(utf8: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let tree = crate::accessibility_tree(page_text(utf8)?, &options).map_err(js_error)?;
    to_js(&tree)
}

/// Render reports: `formatReport(reports, format, options?) -> string`. Each report crosses as
/// its own JSON text, so the wasm never holds the text of all of them at once next to the
/// parsed reports (a wasm memory never shrinks): 26 MB of text for 100 pages of 10k elements.
#[wasm_bindgen(js_name = formatReport)]
pub fn format_report(reports: JsValue, format: &str, options: JsValue) -> Result<String, JsValue> {
    console_error_panic_hook::set_once();
    if !js_sys::Array::is_array(&reports) {
        return Err(js_error("invalid reports: expected an array of reports"));
    }
    let reports = reports
        .unchecked_ref::<js_sys::Array>()
        .iter()
        .map(|report| {
            serde_json::from_str::<crate::Report>(&json_text(&report, "reports")?)
                .map_err(|e| js_error(format!("invalid reports: {e}")))
        })
        .collect::<Result<Vec<_>, JsValue>>()?;
    let format: crate::Format = format.parse().map_err(js_error)?;
    let options: crate::FormatOptions = if options.is_undefined() || options.is_null() {
        crate::FormatOptions::default()
    } else {
        serde_json::from_str(&json_text(&options, "format options")?)
            .map_err(|e| js_error(format!("invalid format options: {e}")))?
    };
    Ok(crate::format_reports(&reports, format, &options))
}

/// Metadata of every rule: `rules() -> RuleInfo[]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    console_error_panic_hook::set_once();
    to_js(&crate::rule_infos())
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_string()
}
