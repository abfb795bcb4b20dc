// curbcut's static check in Node through the npm package (wasm): parse + cascade + tree + rules,
// report returned as a JS object. The package path is argv's CURBCUT_PKG (default ../../pkg).
import { performance } from 'node:perf_hooks';
import { drive } from './common.mjs';

const pkg = process.env.CURBCUT_PKG ?? new URL('../../pkg/index.js', import.meta.url).pathname;
const { checkHtml } = await import(pkg);
await drive((html) => {
  const t = performance.now();
  checkHtml(html, {});
  return performance.now() - t;
});
