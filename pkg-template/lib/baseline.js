// Baselines: the findings a project has accepted for now, so CI fails only on new ones.
//
// A finding is identified by (file, rule, fingerprint). The fingerprint comes from the Rust
// engine and survives cosmetic refactors (class names, wrapper elements): it hashes the rule,
// role, accessible name, landmark path and text, not the selector. Identical defects in one
// landmark share a fingerprint, so the baseline stores a count per key: a run that finds more
// occurrences than the baseline knows has new findings (a duplicated defect counts as new).
//
// The file is JSON written deterministically (sorted, no timestamps, one entry per key) so that
// updating it gives a small, reviewable diff. Failed and cantTell ("needs review") findings are
// tracked; passed and suppressed ones are not (suppressed findings are already silenced in the
// page or the config, and baselining them too would hide a removed suppression).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';

/** Version of the baseline file format this module reads and writes. */
export const BASELINE_VERSION = 1;

/** @typedef {import('../index.js').Report} Report */
/** @typedef {import('../index.js').Finding & { baseline?: 'new' | 'known' }} Finding */

/**
 * One accepted finding (or several identical ones: `count`). `rule` and `fingerprint` with
 * `file` are the key; `outcome`, `selector` and `message` describe one occurrence for humans.
 * @typedef {object} BaselineEntry
 * @property {string} file
 * @property {string} rule
 * @property {string} fingerprint
 * @property {number} count
 * @property {'failed' | 'cantTell'} [outcome]
 * @property {string} [selector]
 * @property {string} [message]
 */

/**
 * @typedef {object} Baseline
 * @property {number} version
 * @property {BaselineEntry[]} findings
 */

/**
 * @typedef {object} Comparison
 * @property {{ file: string, finding: Finding }[]} newFindings findings the baseline doesn't
 *   cover (or more occurrences than it counts), in report order
 * @property {{ file: string, finding: Finding }[]} known findings the baseline covers
 * @property {BaselineEntry[]} fixed baseline entries not found any more; `count` is how many
 *   of the recorded occurrences are gone
 */

/**
 * How a file is named in a baseline: forward slashes, no `./`, and relative to the working
 * directory when it is inside it, so one baseline works on every machine and OS.
 * @param {string} file
 * @returns {string}
 */
export function normaliseFile(file) {
  let f = String(file);
  if (isAbsolute(f)) {
    const rel = relative(process.cwd(), f);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) f = rel;
  }
  if (sep === '\\') f = f.split(sep).join('/');
  f = f.replace(/\\/g, '/');
  while (f.startsWith('./')) f = f.slice(2);
  return f.replace(/\/\.\//g, '/').replace(/\/{2,}/g, '/');
}

/** @param {string} file @param {string} rule @param {string} fingerprint */
function keyOf(file, rule, fingerprint) {
  return JSON.stringify([file, rule, fingerprint]);
}

/** Whether a finding is tracked by baselines. @param {Finding} f */
function tracked(f) {
  return (f.outcome === 'failed' || f.outcome === 'cantTell') && !f.suppressed;
}

/**
 * Read a baseline file.
 * @param {string} path
 * @returns {Promise<Baseline | null>} null when the file doesn't exist
 * @throws {Error} when the file can't be read or isn't a curbcut baseline
 */
export async function loadBaseline(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && e.code === 'ENOENT') return null;
    throw new Error(`cannot read baseline ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseBaseline(text, path);
}

/**
 * Validate a baseline's JSON text. Entries with the same key are added up (as a hand-resolved
 * merge conflict may leave them).
 * @param {string} text
 * @param {string} [path] for messages
 * @returns {Baseline}
 */
export function parseBaseline(text, path = 'baseline') {
  const bad = (/** @type {string} */ why) =>
    new Error(`baseline ${path} is malformed: ${why}. Regenerate it with --update-baseline.`);
  let json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw bad(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw bad('expected a JSON object');
  if (json.version !== BASELINE_VERSION) {
    throw bad(`"version" is ${JSON.stringify(json.version)}, this curbcut reads version ${BASELINE_VERSION}`);
  }
  if (!Array.isArray(json.findings)) throw bad('"findings" must be an array');
  /** @type {Map<string, BaselineEntry>} */
  const byKey = new Map();
  json.findings.forEach((/** @type {any} */ e, /** @type {number} */ i) => {
    if (!e || typeof e !== 'object') throw bad(`findings[${i}] is not an object`);
    for (const k of ['file', 'rule', 'fingerprint']) {
      if (typeof e[k] !== 'string' || e[k] === '') throw bad(`findings[${i}].${k} must be a non-empty string`);
    }
    const count = e.count ?? 1;
    if (!Number.isSafeInteger(count) || count < 1) throw bad(`findings[${i}].count must be a positive integer`);
    const file = normaliseFile(e.file);
    const key = keyOf(file, e.rule, e.fingerprint);
    const seen = byKey.get(key);
    if (seen) {
      seen.count += count;
    } else {
      /** @type {BaselineEntry} */
      const entry = { file, rule: e.rule, fingerprint: e.fingerprint, count };
      for (const k of /** @type {const} */ (['outcome', 'selector', 'message'])) {
        if (typeof e[k] === 'string') entry[k] = e[k];
      }
      byKey.set(key, entry);
    }
  });
  return { version: BASELINE_VERSION, findings: sortEntries([...byKey.values()]) };
}

/**
 * Compare a run with a baseline. Marks every tracked finding object with
 * `baseline: 'new' | 'known'` (suppressed and passed findings are left unmarked). Within one
 * (file, rule, fingerprint) key the first `count` occurrences, in report order, are known and
 * the rest new.
 * @param {{ file: string, report: Report }[]} results
 * @param {Baseline | null} baseline null: no baseline yet, every finding is new
 * @returns {Comparison}
 */
export function compareBaseline(results, baseline) {
  /** @type {Map<string, BaselineEntry>} */
  const entries = new Map();
  for (const e of baseline?.findings ?? []) {
    const key = keyOf(normaliseFile(e.file), e.rule, e.fingerprint);
    const seen = entries.get(key);
    if (seen) seen.count += e.count;
    else entries.set(key, { ...e, file: normaliseFile(e.file) });
  }
  /** @type {Map<string, number>} occurrences matched so far */
  const used = new Map();
  /** @type {Comparison} */
  const out = { newFindings: [], known: [], fixed: [] };
  for (const { file, report } of results) {
    const name = normaliseFile(file);
    for (const f of /** @type {Finding[]} */ (report?.results ?? [])) {
      if (!tracked(f)) continue;
      const key = keyOf(name, f.rule, f.fingerprint);
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      if (n < (entries.get(key)?.count ?? 0)) {
        f.baseline = 'known';
        out.known.push({ file, finding: f });
      } else {
        f.baseline = 'new';
        out.newFindings.push({ file, finding: f });
      }
    }
  }
  for (const [key, e] of entries) {
    const gone = e.count - (used.get(key) ?? 0);
    if (gone > 0) out.fixed.push({ ...e, count: gone });
  }
  out.fixed = sortEntries(out.fixed);
  return out;
}

/**
 * The baseline of a run: one entry per (file, rule, fingerprint) with its count.
 * @param {{ file: string, report: Report }[]} results
 * @returns {Baseline}
 */
export function buildBaseline(results) {
  /** @type {Map<string, BaselineEntry>} */
  const byKey = new Map();
  for (const { file, report } of results) {
    const name = normaliseFile(file);
    for (const f of /** @type {Finding[]} */ (report?.results ?? [])) {
      if (!tracked(f)) continue;
      const key = keyOf(name, f.rule, f.fingerprint);
      const seen = byKey.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      byKey.set(key, {
        file: name,
        rule: f.rule,
        fingerprint: f.fingerprint,
        count: 1,
        outcome: /** @type {'failed' | 'cantTell'} */ (f.outcome),
        selector: f.selector,
        message: f.message,
      });
    }
  }
  return { version: BASELINE_VERSION, findings: sortEntries([...byKey.values()]) };
}

/**
 * Write the baseline of a run to `path` (folders created, file replaced atomically).
 * The output depends only on the findings: same findings, same bytes.
 * @param {string} path
 * @param {{ file: string, report: Report }[]} results
 * @returns {Promise<Baseline>} what was written
 */
export async function writeBaseline(path, results) {
  const baseline = buildBaseline(results);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, serialiseBaseline(baseline));
  await rename(tmp, path);
  return baseline;
}

/**
 * The file text of a baseline: stable key order, one entry per line group, trailing newline.
 * @param {Baseline} baseline
 * @returns {string}
 */
export function serialiseBaseline(baseline) {
  const findings = sortEntries(baseline.findings).map((e) => {
    /** @type {Record<string, unknown>} */
    const o = { file: e.file, rule: e.rule, fingerprint: e.fingerprint, count: e.count };
    if (e.outcome !== undefined) o.outcome = e.outcome;
    if (e.selector !== undefined) o.selector = e.selector;
    if (e.message !== undefined) o.message = e.message;
    return o;
  });
  return `${JSON.stringify({ version: BASELINE_VERSION, tool: 'curbcut', findings }, null, 2)}\n`;
}

/** Plain code-unit comparison: locale-independent, so every machine sorts alike. */
const cmp = (/** @type {string} */ a, /** @type {string} */ b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @param {BaselineEntry[]} entries
 * @returns {BaselineEntry[]}
 */
function sortEntries(entries) {
  return [...entries].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.rule, b.rule) || cmp(a.fingerprint, b.fingerprint),
  );
}
