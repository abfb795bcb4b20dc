//! WebAssembly bindings: data crosses with serde-wasm-bindgen, errors become JS `Error`s with
//! the Rust message, the panic hook is installed on first use. No logic lives here.

use wasm_bindgen::prelude::*;

use crate::Options;

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

fn options_from(value: JsValue) -> Result<Options, JsValue> {
    console_error_panic_hook::set_once();
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    // Through JSON text, not serde_wasm_bindgen::from_value: that one reads only the fields a
    // struct declares, so `deny_unknown_fields` would never see a misspelt key.
    let text = js_sys::JSON::stringify(&value)
        .map_err(|_| js_error("invalid options: not serialisable to JSON"))?
        .as_string()
        .unwrap_or_default();
    Options::from_json(&text).map_err(js_error)
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Check an HTML page: `checkHtml(html, options?) -> Report`.
#[wasm_bindgen(js_name = checkHtml)]
pub fn check_html(html: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let report = crate::check_html(html, &options).map_err(js_error)?;
    to_js(&report)
}

/// Check a page given as bytes (encoding sniffed): `checkBytes(bytes, options?) -> Report`.
#[wasm_bindgen(js_name = checkBytes)]
pub fn check_bytes(bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let report = crate::check_bytes(bytes, &options).map_err(js_error)?;
    to_js(&report)
}

/// The accessibility tree of a page: `accessibilityTree(html, options?) -> TreeEntry[]`.
#[wasm_bindgen(js_name = accessibilityTree)]
pub fn accessibility_tree(html: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let tree = crate::accessibility_tree(html, &options).map_err(js_error)?;
    to_js(&tree)
}

/// Render reports: `formatReport(reports, format, options?) -> string`.
#[wasm_bindgen(js_name = formatReport)]
pub fn format_report(reports: JsValue, format: &str, options: JsValue) -> Result<String, JsValue> {
    console_error_panic_hook::set_once();
    let reports: Vec<crate::Report> =
        serde_wasm_bindgen::from_value(reports).map_err(|e| js_error(format!("invalid reports: {e}")))?;
    let format: crate::Format = format.parse().map_err(js_error)?;
    let options: crate::FormatOptions = if options.is_undefined() || options.is_null() {
        crate::FormatOptions::default()
    } else {
        let text = js_sys::JSON::stringify(&options)
            .map_err(|_| js_error("invalid format options"))?
            .as_string()
            .unwrap_or_default();
        serde_json::from_str(&text).map_err(|e| js_error(format!("invalid format options: {e}")))?
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
