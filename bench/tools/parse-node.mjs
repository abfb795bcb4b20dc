// The floor in Node: a bare html5ever parse into markup5ever_rcdom, compiled to wasm with the
// package's settings (examples/parse_floor.rs, built by run.mjs into bench/out/floor/).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { drive } from './common.mjs';

const dir = new URL('../out/floor/', import.meta.url);
const { initSync, parse } = await import(new URL('parse_floor.js', dir).href);
initSync({ module: readFileSync(new URL('parse_floor_bg.wasm', dir)) });
// The page crosses as UTF-8 bytes, encoded inside the timed call as the package's checkHtml does.
const utf8 = new TextEncoder();
await drive((html) => {
  const t = performance.now();
  parse(utf8.encode(html));
  return performance.now() - t;
});
