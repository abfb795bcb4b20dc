// curbcut's static check in Node through the npm package (wasm): parse + cascade + tree + rules,
// report returned as a JS object. The package path is the env's CURBCUT_PKG (default ../../pkg).
import { performance } from 'node:perf_hooks';
import { drive, loadCheck } from './common.mjs';

const checkHtml = await loadCheck();
await drive((html) => {
  const t = performance.now();
  checkHtml(html, {});
  return performance.now() - t;
});
