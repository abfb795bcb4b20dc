// curbcut's check and the bare parse floor in one Node process, timed side by side: each run
// is a check then a parse of the same page, so both see the same machine speed (this shared
// machine's speed drifts by up to 2x over seconds). Same protocol as curbcut-node.mjs and
// parse-node.mjs (see common.mjs); the last line also has `parse`, the floor's times.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadCheck, loadFloor } from './common.mjs';

const checkHtml = await loadCheck();
const parse = await loadFloor();

const runs = Number(process.argv[2]);
const file = process.argv[3];
if (!(runs > 0) || !file || process.argv.length > 4) {
  console.error('usage: pair-node.mjs RUNS FILE');
  process.exit(2);
}
const html = readFileSync(file, 'utf8');
const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const check = () => time(() => checkHtml(html, {}));
const floor = () => time(() => parse(html));
// Warm-up as common.mjs: V8 tiers hot wasm up in the background, so for a while, not a count.
const start = performance.now();
let cold = null;
for (let i = 0; i === 0 || performance.now() - start < 3000; i++) {
  // Not `cold ??= check()`: that calls check() only once, which left the check's wasm to be
  // optimised during the measured runs (231 of its ~320 TurboFan compiles came after warm-up).
  const t = check();
  cold ??= t;
  floor();
}
const ms = [];
const parseMs = [];
for (let i = 0; i < runs; i++) {
  ms.push(check());
  parseMs.push(floor());
}
const fix = (xs) => xs.map((t) => +t.toFixed(3));
console.log(JSON.stringify({ file, ms: fix(ms), cold: +cold.toFixed(3) }));
console.log(JSON.stringify({ total: true, files: 1, ms: fix(ms), parse: fix(parseMs) }));
