// The CLI's configuration file: `curbcut.config.json`, found upwards from the working directory
// (or named with --config), checked against the JSON schema shipped in the package. Unknown keys
// are an error naming the key and the file, never silently ignored. This module owns discovery,
// parsing, validation (a small interpreter of the schema subset config.schema.json uses) and
// making the file's relative paths absolute.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAME = 'curbcut.config.json';

/** A problem the user must fix: printed as is, exit code 2. */
export class UsageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * @typedef {object} Config
 * @property {string[]} [rules]
 * @property {string[]} [disable]
 * @property {string[]} [tags]
 * @property {'minor'|'moderate'|'serious'|'critical'} [failOn]
 * @property {boolean} [failOnReview]
 * @property {boolean} [includePassed]
 * @property {string | {width: number, height: number}} [viewport]
 * @property {'light'|'dark'} [colorScheme]
 * @property {string[]} [exclude]
 * @property {boolean} [fragment]
 * @property {string} [baseline]
 * @property {string | string[]} [format]
 * @property {string} [outputDir]
 * @property {string[]} [ignore]
 * @property {string} [baseDir]
 * @property {{prefix: string, dir: string}[]} [urlMap]
 */

/** @type {any} */
let schemaCache;

/** The JSON schema shipped next to this folder (`curbcut/config.schema.json`). */
export function configSchema() {
  schemaCache ??= JSON.parse(readFileSync(new URL('../config.schema.json', import.meta.url), 'utf8'));
  return schemaCache;
}

/**
 * The nearest `curbcut.config.json` in `cwd` or one of its ancestors, up to the filesystem root.
 * @param {string} cwd
 * @returns {string | null}
 */
export function findConfig(cwd) {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here: keep climbing.
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Read, parse and validate a config file; relative paths in it become absolute (against the
 * file's folder) so the rest of the CLI never needs to know where the file was.
 * @param {string} path
 * @returns {{ path: string, dir: string, config: Config }}
 */
export function loadConfig(path) {
  const file = resolve(path);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config file ${path}: ${errorText(e)}. Check the path given to --config.`);
  }
  let value;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(
      `config file ${file} is not valid JSON: ${errorText(e)}. Fix the syntax (JSON allows no comments or trailing commas).`,
    );
  }
  const problems = validate(configSchema(), value);
  if (problems.length > 0) {
    const list = problems.map((p) => `  - ${p}`).join('\n');
    throw new UsageError(
      `config file ${file} is invalid:\n${list}\nFix or remove these keys; the allowed keys and values are described in curbcut/config.schema.json.`,
    );
  }
  const dir = dirname(file);
  /** @type {Config} */
  const config = { ...value };
  delete /** @type {any} */ (config).$schema;
  if (config.baseline) config.baseline = resolve(dir, config.baseline);
  if (config.outputDir) config.outputDir = resolve(dir, config.outputDir);
  if (config.baseDir) config.baseDir = resolve(dir, config.baseDir);
  if (config.urlMap) config.urlMap = config.urlMap.map((m) => ({ prefix: m.prefix, dir: resolve(dir, m.dir) }));
  return { path: file, dir, config };
}

/** @param {unknown} e */
function errorText(e) {
  if (e && typeof e === 'object' && 'code' in e && e.code === 'ENOENT') return 'no such file';
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------------------------
// A validator for the subset of JSON Schema the config schema uses: type, enum, pattern,
// minLength, minItems, exclusiveMinimum, properties, required, additionalProperties: false,
// items, anyOf and local $ref. Messages name the key path so the user can find it.

/**
 * Problems of `value` against `schema`, each naming where it is (`viewport.hieght`).
 * @param {any} schema
 * @param {unknown} value
 * @returns {string[]}
 */
export function validate(schema, value) {
  /** @type {string[]} */
  const problems = [];
  check(schema, value, '', schema, problems);
  return problems;
}

/**
 * @param {any} schema
 * @param {any} value
 * @param {string} at key path, '' for the top level
 * @param {any} root
 * @param {string[]} out
 */
function check(schema, value, at, root, out) {
  if (schema.$ref) {
    const target = resolveRef(root, schema.$ref);
    if (!target) {
      out.push(`${where(at)}: the schema refers to ${schema.$ref}, which it does not define`);
      return;
    }
    check(target, value, at, root, out);
  }
  if (schema.anyOf) {
    const fits = schema.anyOf.some((/** @type {any} */ s) => validateAt(s, value, at, root).length === 0);
    if (!fits) {
      // The alternative of the right type explains best what's wrong.
      const sameType = schema.anyOf.find((/** @type {any} */ s) => typeMatches(effective(s, root), value));
      if (sameType) check(sameType, value, at, root, out);
      else out.push(`${where(at)}: expected ${schema.anyOf.map((/** @type {any} */ s) => describe(effective(s, root))).join(' or ')}, got ${jsonType(value)}`);
    }
    return;
  }
  if (schema.type && !typeMatches(schema, value)) {
    out.push(`${where(at)}: expected ${describe(schema)}, got ${jsonType(value)}`);
    return;
  }
  if (schema.enum && !schema.enum.some((/** @type {unknown} */ v) => v === value)) {
    out.push(`${where(at)}: ${JSON.stringify(value)} is not one of ${schema.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)).join(', ')}`);
    return;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${where(at)}: must not be empty`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
      out.push(`${where(at)}: ${JSON.stringify(value)} does not have the expected form (${schema.pattern})`);
    }
  }
  if (typeof value === 'number' && schema.exclusiveMinimum !== undefined && !(value > schema.exclusiveMinimum)) {
    out.push(`${where(at)}: must be greater than ${schema.exclusiveMinimum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${where(at)}: needs at least ${schema.minItems} item(s)`);
    if (schema.items) value.forEach((item, i) => check(schema.items, item, `${at}[${i}]`, root, out));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const props = schema.properties ?? {};
    for (const key of schema.required ?? []) {
      if (!(key in value)) out.push(`${where(at)}: missing key "${key}"`);
    }
    for (const [key, v] of Object.entries(value)) {
      const path = at ? `${at}.${key}` : key;
      if (key in props) check(props[key], v, path, root, out);
      else if (schema.additionalProperties === false) {
        const allowed = Object.keys(props).filter((k) => k !== '$schema');
        const hint = closest(key, allowed);
        out.push(
          `unknown key "${path}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed${at ? ` in ${at}` : ''}: ${allowed.join(', ')}`,
        );
      }
    }
  }
}

/** @param {any} schema @param {unknown} value @param {string} at @param {any} root */
function validateAt(schema, value, at, root) {
  /** @type {string[]} */
  const out = [];
  check(schema, value, at, root, out);
  return out;
}

/** @param {any} root @param {string} ref */
function resolveRef(root, ref) {
  if (!ref.startsWith('#/')) return undefined;
  /** @type {any} */
  let node = root;
  for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

/** @param {any} schema @param {any} root */
function effective(schema, root) {
  return schema.$ref ? resolveRef(root, schema.$ref) ?? schema : schema;
}

/** @param {any} schema @param {unknown} value */
function typeMatches(schema, value) {
  if (!schema.type) {
    if (schema.enum) return schema.enum.some((/** @type {unknown} */ v) => jsonType(v) === jsonType(value));
    return true;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const t = jsonType(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** @param {unknown} v */
function jsonType(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** @param {any} schema */
function describe(schema) {
  if (schema.enum) return `one of ${schema.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)).join(', ')}`;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((/** @type {string} */ t) => (t === 'array' || t === 'object' || t === 'integer' ? `an ${t}` : `a ${t}`)).join(' or ');
}

/** @param {string} at */
function where(at) {
  return at ? `"${at}"` : 'the file';
}

/**
 * The allowed key nearest to a misspelt one (small edit distance), for "did you mean".
 * @param {string} key
 * @param {string[]} allowed
 */
function closest(key, allowed) {
  let best = '';
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : '';
}

/** Levenshtein distance of two short strings. @param {string} a @param {string} b */
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
