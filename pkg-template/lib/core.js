// The JS API over the wasm core, shared by the Node and browser entry points. Everything here
// is plumbing: judging happens in Rust. Each call is independent (no global "running" state),
// so concurrent calls are safe.
import * as wasm from '../wasm/curbcut.js';

// Text crosses into the wasm as UTF-8 bytes: `encode` is ~80x faster than the per-character
// loop wasm-bindgen generates for a string argument (src/wasm.rs, `page_text`).
const utf8 = new TextEncoder();

/** @typedef {import('../index.js').Options} Options */
/** @typedef {import('../index.js').Report} Report */

/**
 * Check an HTML page given as text.
 * @param {string} html
 * @param {Options} [options]
 * @returns {Report}
 */
export function checkHtml(html, options = {}) {
  if (typeof html !== 'string') throw new TypeError('checkHtml(html, options): html must be a string');
  return wasm.checkHtml(utf8.encode(html), options);
}

/**
 * Check a page given as bytes; the encoding is sniffed (BOM, <meta charset>, UTF-8).
 * @param {Uint8Array} bytes
 * @param {Options} [options]
 * @returns {Report}
 */
export function checkBytes(bytes, options = {}) {
  return wasm.checkBytes(bytes, options);
}

/**
 * The computed accessibility tree of a page, one entry per element.
 * @param {string} html
 * @param {Options} [options]
 */
export function accessibilityTree(html, options = {}) {
  if (typeof html !== 'string') throw new TypeError('accessibilityTree(html, options): html must be a string');
  return wasm.accessibilityTree(utf8.encode(html), options);
}

/**
 * Render one report or several in a format: text, json, sarif, junit, markdown or html.
 * @param {Report | Report[]} report
 * @param {'text'|'json'|'sarif'|'junit'|'markdown'|'html'} format
 * @param {{color?: boolean, includePassed?: boolean}} [options]
 * @returns {string}
 */
export function formatReport(report, format, options = {}) {
  return wasm.formatReport(Array.isArray(report) ? report : [report], format, options);
}

/** Metadata of every rule. */
export function rules() {
  return wasm.rules();
}

/** The engine's version. */
export function version() {
  return wasm.version();
}
