// Shared set-up of the end-to-end tests: the packed tarball (built once with build.mjs when
// ../pkg has none), installed into a temporary npm project the way a user installs it
// (`npm init -y && npm install curbcut-x.tgz`), and `npx curbcut …` run in folders inside it.
//
// The installed project is cached in the OS temp folder under the tarball's hash, so the test
// files (which node --test runs in parallel processes) share one install; a lock folder keeps
// two processes from building or installing at once.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** pkg-template/ */
export const template = join(here, '..', '..');
/** The repository root. */
export const root = join(template, '..');
/** Where build.mjs writes the package and its tarball. */
export const pkgDir = join(root, 'pkg');

/** An npm/npx environment without the variables `npm test` sets for the package under test. */
export function cleanEnv(extra = {}) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NO_COLOR' || k === 'FORCE_COLOR') continue;
    env[k] = v;
  }
  return {
    ...env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** @returns {string | null} */
function findTarball() {
  if (!existsSync(pkgDir)) return null;
  const tgz = readdirSync(pkgDir).filter((f) => /^curbcut-.*\.tgz$/.test(f)).sort();
  return tgz.length ? join(pkgDir, tgz[tgz.length - 1]) : null;
}

/** Sources the package is built from: a tarball older than any of them is rebuilt. */
const SOURCES = ['Cargo.toml', 'Cargo.lock', 'src', 'pkg-template/index.js', 'pkg-template/browser.js',
  'pkg-template/index.d.ts', 'pkg-template/lib', 'pkg-template/bin', 'pkg-template/config.schema.json',
  'pkg-template/package.json', 'pkg-template/build.mjs'];

/**
 * Newest modification time among the sources (an iterative walk).
 * @returns {number}
 */
function newestSource() {
  let newest = 0;
  const stack = SOURCES.map((s) => join(root, s));
  while (stack.length) {
    const p = /** @type {string} */ (stack.pop());
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) stack.push(join(p, name));
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  }
  return newest;
}

/**
 * Run `fn` holding a lock folder (mkdir is atomic); a lock older than `staleMs` is taken over.
 * @template T
 * @param {string} lock
 * @param {() => T} fn
 * @param {number} staleMs
 * @returns {Promise<T>}
 */
async function withLock(lock, fn, staleMs) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (!(e && typeof e === 'object' && 'code' in e && e.code === 'EEXIST')) throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The packed tarball, built with `node build.mjs` when ../pkg has none or it is older than
 * a source file (Rust, the JS files, package.json).
 * @returns {Promise<string>}
 */
export async function tarball() {
  const lock = join(tmpdir(), `curbcut-e2e-build-${createHash('sha256').update(root).digest('hex').slice(0, 8)}.lock`);
  return withLock(lock, () => {
    let tgz = findTarball();
    if (!tgz || statSync(tgz).mtimeMs < newestSource()) {
      execFileSync(process.execPath, [join(template, 'build.mjs')], { cwd: template, stdio: ['ignore', 'inherit', 'inherit'] });
      tgz = findTarball();
      if (!tgz) throw new Error(`node build.mjs wrote no tarball into ${pkgDir}`);
    }
    return tgz;
  }, 30 * 60_000);
}

/**
 * A temporary npm project with the tarball installed as a user installs it.
 * @returns {Promise<string>} the project folder
 */
export async function installedProject() {
  const tgz = await tarball();
  const hash = createHash('sha256').update(readFileSync(tgz)).digest('hex').slice(0, 16);
  const project = join(tmpdir(), `curbcut-e2e-${hash}`);
  const ready = join(project, '.installed');
  if (existsSync(ready)) return project;
  return withLock(`${project}.lock`, () => {
    if (existsSync(ready)) return project;
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    const opts = { cwd: project, env: cleanEnv(), stdio: /** @type {const} */ (['ignore', 'pipe', 'inherit']) };
    execFileSync('npm', ['init', '-y'], opts);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', tgz], opts);
    writeFileSync(ready, `${tgz}\n`);
    return project;
  }, 10 * 60_000);
}

/**
 * A fresh folder inside the project holding `files` (paths relative to it).
 * @param {string} project
 * @param {Record<string, string | Buffer>} files
 * @returns {string}
 */
export function workspace(project, files = {}) {
  mkdirSync(join(project, 'cases'), { recursive: true });
  const dir = mkdtempSync(join(project, 'cases', 'w-'));
  writeFiles(dir, files);
  return dir;
}

/** @param {string} dir @param {Record<string, string | Buffer>} files */
export function writeFiles(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * `npx curbcut …` as a user runs it. `npm_config_yes=false` (what `--no` sets; the flag itself
 * would make npm parse the arguments after `curbcut` as its own) keeps npx from fetching a
 * package named curbcut from the registry: the installed one must be used.
 * @param {string[]} args
 * @param {{ cwd: string, input?: string | Buffer, env?: Record<string, string> }} options
 * @returns {{ code: number | null, stdout: string, stderr: string }}
 */
export function npx(args, { cwd, input, env = {} }) {
  const r = spawnSync('npx', ['curbcut', ...args], {
    cwd,
    input: input ?? '',
    env: cleanEnv({ npm_config_yes: 'false', ...env }),
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The reports in a JSON output: a bare report, or `{ reports }` for several pages.
 * @param {string} text
 * @returns {any[]}
 */
export function reportsOf(text) {
  const json = JSON.parse(text);
  return Array.isArray(json.reports) ? json.reports : [json];
}

/**
 * A full page with a title, a language and a main landmark around `body`.
 * @param {string} body
 * @param {string} [title]
 */
// Every fixture carries a sentence of English: with only a few words the language rules can
// only say "needs review", which would blur what each test is about.
export const PROSE = '<p>This page lists the orders placed with our shop this week, with their status and the date we expect to deliver them. You can search the list, open an order to see its items, or contact us about any of them.</p>';

export const page = (body, title = 'Test page') =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<main>\n${PROSE}\n${body}\n</main>\n</body>\n</html>\n`;

/** A page without findings. */
export const GOOD = page('<h1>Welcome</h1>\n<p>All fine here.</p>\n<img src="logo.png" alt="Acme logo">');
/** One image-alt failure (critical). */
export const CRITICAL = page('<h1>Welcome</h1>\n<img src="hero.png">');
/** One heading-not-empty failure (moderate). */
export const MODERATE = page('<h1>Welcome</h1>\n<h2></h2>\n<p>Text</p>');

/** Failed findings of a report that are not suppressed. @param {any} report */
export const failures = (report) => report.results.filter((f) => f.outcome === 'failed' && !f.suppressed);
