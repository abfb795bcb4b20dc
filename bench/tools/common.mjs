// Shared driver of the per-tool bench processes: `node TOOL.mjs RUNS FILE...`. Each file is run
// once to warm up, then RUNS times; one JSON line per file (when there are few) and a last line
// with the per-run totals, the same protocol as `examples/bench.rs`.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The package's `checkHtml` (the package path is the env's CURBCUT_PKG, default ../../pkg). */
export async function loadCheck() {
  const pkg = process.env.CURBCUT_PKG ?? new URL('../../pkg/index.js', import.meta.url).pathname;
  return (await import(pkg)).checkHtml;
}

/**
 * The floor in Node: a bare html5ever parse into markup5ever_rcdom, compiled to wasm with the
 * package's settings (examples/parse_floor.rs, built by run.mjs into bench/out/floor/). The
 * page crosses as UTF-8 bytes, encoded inside the call as the package's checkHtml does.
 * @returns {Promise<(html: string) => number>}
 */
export async function loadFloor() {
  const dir = new URL('../out/floor/', import.meta.url);
  const { initSync, parse } = await import(new URL('parse_floor.js', dir).href);
  initSync({ module: readFileSync(new URL('parse_floor_bg.wasm', dir)) });
  const utf8 = new TextEncoder();
  return (html) => parse(utf8.encode(html));
}

/**
 * @param {(html: string, file: string) => Promise<number> | number} one runs a page, returns ms
 * @param {{warmup?: boolean}} [opts]
 */
export async function drive(one, opts = {}) {
  const runs = Number(process.argv[2]);
  const files = process.argv.slice(3);
  if (!(runs > 0) || files.length === 0) {
    console.error('usage: TOOL RUNS FILE...');
    process.exit(2);
  }
  const totals = new Array(runs).fill(0);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    // Warm-up: V8 runs wasm in its baseline tier first and optimises hot functions in the
    // background as they get hot, so steady state needs calls for a while, not a number of
    // calls: at least one, then until 3 s have passed (10 calls of a 1k page, ~0.3 s, left the
    // measured runs at 2-4x the steady time).
    let cold = null;
    if (opts.warmup !== false && process.env.BENCH_WARMUP !== '0') {
      const start = performance.now();
      // A corpus of many small pages warms up across pages: one call each.
      const max = files.length > 8 ? 1 : 1000;
      for (let i = 0; i < max && (i === 0 || performance.now() - start < 3000); i++) {
        const t = await one(html, file);
        cold ??= t;
      }
    }
    const ms = [];
    for (let i = 0; i < runs; i++) ms.push(await one(html, file));
    ms.forEach((t, i) => { totals[i] += t; });
    if (files.length <= 8) console.log(JSON.stringify({ file, ms: ms.map((t) => +t.toFixed(3)), ...(cold == null ? {} : { cold: +cold.toFixed(3) }) }));
  }
  console.log(JSON.stringify({ total: true, files: files.length, ms: totals.map((t) => +t.toFixed(3)) }));
}

/** Peak summed RSS (KB) of this process and all its descendants, sampled every 100 ms. */
export function treeRssSampler() {
  let peak = 0;
  const sample = () => {
    const parent = new Map();
    const rss = new Map();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parent.set(+d, +f[1]);
        rss.set(+d, +f[21] * 4);
      } catch { /* gone */ }
    }
    let sum = 0;
    for (const [pid, kb] of rss) {
      let p = pid;
      for (let hops = 0; p > 1 && hops < 64; hops++) {
        if (p === process.pid) { sum += kb; break; }
        p = parent.get(p) ?? 0;
      }
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, 100);
  return { stop() { clearInterval(timer); sample(); return peak; } };
}
