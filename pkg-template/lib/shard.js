// Sharding: a CI matrix of N jobs each checks one deterministic slice of the inputs
// (`--shard i/N`), and `curbcut merge` combines the shards' JSON reports into what one
// unsharded run would have written.
//
// The split is sorted round-robin: inputs are ordered by their normalised path (plain
// code-unit order, locale-independent), and the k-th distinct path (0-based) goes to shard
// (k mod N) + 1. Every machine that sees the same inputs computes the same split; shard sizes
// differ by at most one (a hash split can leave one job with most of the work on small sites).
// Adding or removing a page may move other pages to another shard, which is harmless: shards
// are recombined by merge.
import { readFile } from 'node:fs/promises';

/** @typedef {import('../index.js').Report} Report */

/**
 * What `curbcut --format json` writes for any number of pages other than one (one page gives a
 * bare Report).
 * @typedef {object} MultiReport
 * @property {{ name: string, version: string }} tool
 * @property {Report[]} reports
 * @property {{ files: number, passed: number, failed: number, cantTell: number,
 *   suppressed: number, inapplicable: number }} summary
 */

/**
 * The name an input is sorted by: strings as they are, input objects by `display` or `path`;
 * backslashes become slashes and leading `./` go, so `./a.html` and `a.html` are one page.
 * @param {unknown} input
 * @returns {string}
 */
export function inputKey(input) {
  /** @type {any} */
  const i = input;
  const raw = typeof i === 'string' ? i : String(i?.display ?? i?.path ?? '');
  let k = raw.replace(/\\/g, '/');
  while (k.startsWith('./')) k = k.slice(2);
  return k;
}

/**
 * Parse `i/n` as given to `--shard`.
 * @param {string} spec
 * @returns {{ index: number, total: number }}
 */
export function parseShard(spec) {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(spec));
  if (!m) throw new RangeError(`--shard "${spec}" must be I/N, e.g. 2/4 for the second of four jobs`);
  const index = Number(m[1]);
  const total = Number(m[2]);
  validate(index, total);
  return { index, total };
}

/** @param {number} i @param {number} n */
function validate(i, n) {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`shard count must be a whole number ≥ 1, got ${n}`);
  }
  if (!Number.isSafeInteger(i) || i < 1 || i > n) {
    throw new RangeError(`shard index must be a whole number from 1 to ${n}, got ${i}`);
  }
}

/**
 * The inputs of shard `i` of `n` (1-based), in their given order. Inputs are strings or
 * objects with `display`/`path` (see {@link inputKey}); copies of one path stay together.
 * @template T
 * @param {T[]} files
 * @param {number} i 1-based shard index
 * @param {number} n number of shards
 * @returns {T[]}
 */
export function shardInputs(files, i, n) {
  validate(i, n);
  const keys = [...new Set(files.map(inputKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  /** @type {Map<string, number>} */
  const rank = new Map(keys.map((k, r) => [k, r]));
  return files.filter((f) => (rank.get(inputKey(f)) ?? 0) % n === i - 1);
}

/**
 * The reports in one JSON output: a bare Report, `{ reports: [...] }`, or an array of Reports.
 * @param {any} json
 * @param {string} where for messages
 * @returns {{ reports: Report[], tool: any }}
 */
function reportsIn(json, where) {
  const isReport = (/** @type {any} */ r) =>
    r && typeof r === 'object' && Array.isArray(r.results) && r.page && typeof r.page === 'object';
  /** @type {any[]} */
  let list;
  let tool = null;
  if (Array.isArray(json)) {
    list = json;
  } else if (json && typeof json === 'object' && Array.isArray(json.reports)) {
    list = json.reports;
    tool = json.tool ?? null;
  } else if (isReport(json)) {
    list = [json];
    tool = json.tool ?? null;
  } else {
    throw new Error(`${where} is not a curbcut JSON report (expected "reports" or "results")`);
  }
  list.forEach((r, k) => {
    if (!isReport(r)) throw new Error(`${where}: reports[${k}] is not a curbcut report`);
  });
  return { reports: list, tool: tool ?? list[0]?.tool ?? null };
}

/** Order reports by page URL (code units; reports without a URL last), stably. */
const byUrl = (/** @type {Report} */ a, /** @type {Report} */ b) => {
  const x = a.page?.url ?? null;
  const y = b.page?.url ?? null;
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
};

/**
 * Combine reports into the multi-page JSON shape: sorted by page URL, summary recomputed
 * from the reports' own summaries.
 * @param {Report[]} reports
 * @param {{ name: string, version: string } | null} [tool]
 * @returns {MultiReport}
 */
export function combineReports(reports, tool = null) {
  const sorted = [...reports].sort(byUrl);
  const summary = { files: sorted.length, passed: 0, failed: 0, cantTell: 0, suppressed: 0, inapplicable: 0 };
  for (const r of sorted) {
    for (const k of /** @type {const} */ (['passed', 'failed', 'cantTell', 'suppressed', 'inapplicable'])) {
      summary[k] += Number(r.summary?.[k] ?? 0);
    }
  }
  return {
    tool: tool ?? sorted[0]?.tool ?? { name: 'curbcut', version: '' },
    reports: sorted,
    summary,
  };
}

/**
 * Read shards' JSON outputs (`curbcut --format json`) and combine them as one unsharded run
 * would have reported: `{ tool, reports, summary }` with reports sorted by page URL and the
 * summary recomputed. A page present in two shards (overlapping runs) is an error, since
 * counting it twice would skew the totals.
 * @param {string[]} paths
 * @returns {Promise<MultiReport>}
 */
export async function mergeReports(paths) {
  if (paths.length === 0) throw new Error('no shard reports to merge');
  /** @type {Report[]} */
  const all = [];
  let tool = null;
  /** @type {Map<string, number>} page URL → index of the shard report it came from */
  const seen = new Map();
  for (const [index, path] of paths.entries()) {
    let text;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    let json;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`${path} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    const got = reportsIn(json, path);
    tool ??= got.tool;
    if (got.tool && tool && got.tool.version !== tool.version) {
      throw new Error(`${path} was written by curbcut ${got.tool.version}, other shards by ${tool.version}: run every shard with the same version`);
    }
    for (const r of got.reports) {
      const url = r.page?.url;
      if (typeof url === 'string') {
        const first = seen.get(url);
        if (first !== undefined && first !== index) {
          throw new Error(`page ${url} is in both ${paths[first]} and ${path}: was a report given twice, or were the shards run with different --shard counts?`);
        }
        seen.set(url, index);
      }
      all.push(r);
    }
  }
  return combineReports(all, tool);
}
