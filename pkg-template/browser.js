// Browser entry point: the same API as Node's, after `await ready` (the wasm is fetched next to
// this module). There is no file system: pass stylesheet texts in `options.stylesheets`.
import init from './wasm/curbcut.js';

/** Resolves once the wasm module is instantiated. */
export const ready = init();

export { checkHtml, checkBytes, accessibilityTree, formatReport, rules, version } from './lib/core.js';
