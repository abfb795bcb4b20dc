// What the CLI checks: the paths, folders, globs and `-` (stdin) on the command line turned
// into one sorted, de-duplicated list of files, with the inputs that matched nothing kept as
// problems to report by name. Folders are walked iteratively for *.html / *.htm, skipping
// node_modules and dot-folders. This module reads directory listings only, never file contents.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './config.js';

// The glob libraries load on first use: paths and folders need neither, so the command also
// runs from a package folder whose dependencies aren't installed (the repository's ../pkg).
/** @type {Promise<typeof import('tinyglobby')> | undefined} */
let tinyglobby;
/** @type {Promise<any> | undefined} */
let picomatch;

/** @param {string} name */
function dependencyMissing(name) {
  return new UsageError(`globs need the package's dependency ${name}, which is not installed: install curbcut with npm (npm install curbcut), or run \`npm install\` in its folder`);
}

/** Characters that make an argument a glob rather than a path. */
const GLOB_CHARS = /[*?[\]{}]/;

/** Extensions a folder walk picks up. */
const PAGE_EXTENSIONS = /\.html?$/i;

/** What a glob doesn't enter unless it names it (`dot: false` keeps `*` and `**` out of dot-folders). */
const SKIPPED_BY_GLOBS = ['**/node_modules/**'];

/**
 * @typedef {object} Input
 * @property {string} path absolute path, or '-' for stdin
 * @property {string} display what reports and messages call it: relative to the working
 *   directory with forward slashes (`../` included); 'stdin' for '-'
 */

/**
 * @typedef {object} Problem
 * @property {string} input the argument or file as the user wrote it
 * @property {string} message what went wrong, for people
 */

/**
 * Expand command-line inputs into files.
 * @param {string[]} args paths, folders, globs or '-'
 * @param {{ cwd: string, ignore?: { base: string, patterns: string[] }[] }} options
 *   `ignore`: globs of files to skip, each group relative to its base folder
 * @returns {Promise<{ inputs: Input[], problems: Problem[] }>}
 */
export async function collectInputs(args, { cwd, ignore = [] }) {
  /** @type {Map<string, Input>} */
  const found = new Map();
  /** @type {Problem[]} */
  const problems = [];
  const skip = await ignoreMatcher(ignore);
  let stdin = false;

  /**
   * @param {string} file absolute
   * @returns {boolean} whether it is an input (not ignored), new or already found
   */
  const add = (file) => {
    if (skip(file)) return false;
    if (!found.has(file)) found.set(file, { path: file, display: displayPath(file, cwd) });
    return true;
  };

  for (const arg of args) {
    if (arg === '-') {
      stdin = true;
      continue;
    }
    const abs = resolve(cwd, arg);
    let info = null;
    try {
      info = await stat(abs);
    } catch {
      // Not an existing path: maybe a glob, else reported below.
    }
    if (info?.isDirectory()) {
      let kept = 0;
      for (const file of await walk(abs)) if (add(file)) kept++;
      if (kept === 0) problems.push({ input: arg, message: 'folder holds no .html or .htm files (node_modules and dot-folders are skipped)' });
    } else if (info) {
      // A file named explicitly is checked whatever its extension, but `ignore` still applies.
      add(abs);
    } else if (GLOB_CHARS.test(arg)) {
      let kept = 0;
      tinyglobby ??= import('tinyglobby').catch(() => {
        throw dependencyMissing('tinyglobby');
      });
      const { glob } = await tinyglobby;
      const matches = await glob(toGlob(arg), {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        ignore: arg.includes('node_modules') ? [] : SKIPPED_BY_GLOBS,
        expandDirectories: false,
      });
      for (const file of matches) if (add(resolve(file))) kept++;
      if (kept === 0) problems.push({ input: arg, message: 'glob matches no files' });
    } else {
      problems.push({ input: arg, message: 'no such file or folder' });
    }
  }

  const inputs = [...found.values()].sort((a, b) => compare(a.display, b.display));
  if (stdin) inputs.push({ path: '-', display: 'stdin' });
  return { inputs, problems };
}

/**
 * Every *.html / *.htm file under `root`, depth-first without recursion (deep trees can't
 * overflow the stack), skipping node_modules and dot-folders; symbolic links to folders are
 * not followed (no cycles).
 * @param {string} root
 * @returns {Promise<string[]>}
 */
async function walk(root) {
  /** @type {string[]} */
  const files = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = /** @type {string} */ (stack.pop());
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // An unreadable sub-folder holds nothing we can check.
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) stack.push(join(dir, e.name));
      } else if ((e.isFile() || e.isSymbolicLink()) && PAGE_EXTENSIONS.test(e.name)) {
        files.push(join(dir, e.name));
      }
    }
  }
  return files;
}

/**
 * A predicate telling whether an absolute path is ignored by any group of globs.
 * @param {{ base: string, patterns: string[] }[]} groups
 * @returns {Promise<(file: string) => boolean>}
 */
async function ignoreMatcher(groups) {
  if (!groups.some((g) => g.patterns.length > 0)) return () => false;
  picomatch ??= import('picomatch').catch(() => {
    throw dependencyMissing('picomatch');
  });
  const { default: compile } = await picomatch;
  const matchers = groups.flatMap(({ base, patterns }) =>
    patterns.map((p) => {
      const isMatch = compile(toGlob(p), { dot: true });
      return (/** @type {string} */ file) => {
        const rel = relative(base, file);
        if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
        return isMatch(rel.split(sep).join('/'));
      };
    }),
  );
  return (file) => matchers.some((m) => m(file));
}

/** Globs use forward slashes, even on Windows. @param {string} p */
function toGlob(p) {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}

/**
 * How reports name a file: relative to the working directory (`../` included), absolute only
 * when no relative path exists (another drive). The engine resolves the page's stylesheet URLs
 * against this name and checkFile reads relative results from the working directory, so a
 * relative name also keeps stylesheets of pages outside the working directory readable.
 * @param {string} file absolute
 * @param {string} cwd
 */
export function displayPath(file, cwd) {
  const rel = relative(cwd, file);
  const shown = rel && !isAbsolute(rel) ? rel : file;
  return shown.split(sep).join('/');
}

/** Plain code-unit order: the same on every machine and locale. @param {string} a @param {string} b */
export function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
