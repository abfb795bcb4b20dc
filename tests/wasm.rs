//! The engine and its bindings compiled to WebAssembly, run under Node by wasm-bindgen-test:
//! no file system, a small stack, errors as JS `Error`s.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn checks_a_page() {
    let report = curbcut::check_html("<html><head></head><body><p>x</p></body></html>", &curbcut::Options::default())
        .expect("checked");
    assert!(report.results.iter().any(|f| f.rule == "page-has-title"));
}

#[wasm_bindgen_test]
fn deep_nesting_does_not_overflow_the_wasm_stack() {
    let html = "<div><span>".repeat(50_000);
    let report = curbcut::check_html(&html, &curbcut::Options::default()).expect("checked");
    assert!(report.limits.iter().any(|l| l.limit == "depth"));
}

#[wasm_bindgen_test]
fn bindings_return_reports_and_js_errors() {
    let report = curbcut::wasm::check_html(b"<title>t</title>", JsValue::UNDEFINED).expect("report");
    let title = js_sys::Reflect::get(&js_sys::Reflect::get(&report, &"page".into()).expect("page"), &"title".into())
        .expect("title");
    assert_eq!(title.as_string().as_deref(), Some("t"));

    let bad: JsValue = js_sys::JSON::parse(r#"{"colour":"dark"}"#).expect("json");
    let err = curbcut::wasm::check_html(b"<p>", bad).expect_err("unknown option");
    let message = js_sys::Error::from(err).message();
    assert!(String::from(message).contains("colour"));

    let missing = js_sys::JSON::parse(r#"{"stylesheets":{}}"#).expect("json");
    let r = curbcut::wasm::check_html(b"<link rel=stylesheet href=x.css><p>x", missing).expect("report");
    assert!(js_sys::Reflect::get(&r, &"missingResources".into()).is_ok());
    assert!(!curbcut::wasm::version().is_empty());
    assert!(js_sys::Array::from(&curbcut::wasm::rules().expect("rules")).length() > 0);
}

#[wasm_bindgen_test]
fn non_utf8_pages_decode_through_text_decoder() {
    let opts = curbcut::Options::default;
    let latin = b"<html><meta charset=windows-1252><title>caf\xe9</title>";
    assert_eq!(curbcut::check_bytes(latin, &opts()).expect("checked").page.title.as_deref(), Some("caf\u{e9}"));
    let sjis = b"<html><meta charset=shift_jis><title>\x82\xa0</title>";
    assert_eq!(curbcut::check_bytes(sjis, &opts()).expect("checked").page.title.as_deref(), Some("\u{3042}"));
    let utf16_meta = b"<html><meta charset=utf-16><title>ok\xc3\xa9</title>";
    assert_eq!(curbcut::check_bytes(utf16_meta, &opts()).expect("checked").page.title.as_deref(), Some("ok\u{e9}"));
}

#[wasm_bindgen_test]
fn formats_reports() {
    let report = curbcut::wasm::check_html(b"<html><body><button></button>", JsValue::UNDEFINED).expect("report");
    let reports = js_sys::Array::of1(&report);
    let sarif = curbcut::wasm::format_report(reports.into(), "sarif", JsValue::UNDEFINED).expect("sarif");
    assert!(sarif.contains("\"version\": \"2.1.0\"") || sarif.contains("\"version\":\"2.1.0\""), "{sarif}");
    assert!(curbcut::wasm::format_report(js_sys::Array::new().into(), "pdf", JsValue::UNDEFINED).is_err());
}
