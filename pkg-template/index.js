// Node entry point: loads the wasm synchronously from the package folder, then exposes the API
// plus `checkFile`, which reads a page and the local stylesheets it links to.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initSync } from './wasm/curbcut.js';
import { checkBytes } from './lib/core.js';

initSync({ module: readFileSync(new URL('./wasm/curbcut_bg.wasm', import.meta.url)) });

export { checkHtml, checkBytes, accessibilityTree, formatReport, rules, version } from './lib/core.js';

/** Stylesheets are resolved at most this many rounds deep (`@import` chains). */
const MAX_ROUNDS = 8;

/**
 * Where a stylesheet URL lives on disk: `urlMap` prefixes first, then root-relative paths
 * against `baseDir` (default: the page's folder). Other URLs were already resolved by the
 * engine against the page's path, so they are relative to the working directory.
 * @param {string} url resolved URL as the engine reports it
 * @param {string} pageDir
 * @param {import('./index.js').Options} options
 * @returns {string | null}
 */
export function localPath(url, pageDir, options) {
  const clean = url.split(/[?#]/)[0];
  if (clean.startsWith('file:')) return fileURLToPath(clean);
  for (const m of options.urlMap ?? []) {
    if (clean.startsWith(m.prefix)) return join(m.dir, clean.slice(m.prefix.length));
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(clean)) return null; // remote or data: URLs are not fetched
  if (clean.startsWith('/')) return join(options.baseDir ?? pageDir, clean);
  return isAbsolute(clean) ? clean : resolve(clean);
}

/**
 * Check an HTML file, resolving the local stylesheets it links to (and their `@import`s).
 * A stylesheet that can't be read stays listed in `missingResources`, and the verdicts that
 * depend on it are `cantTell`.
 * @param {string} path
 * @param {import('./index.js').Options} [options]
 * @returns {Promise<import('./index.js').Report>}
 */
export async function checkFile(path, options = {}) {
  const bytes = await readFile(path);
  const pageDir = dirname(resolve(path));
  const stylesheets = { ...(options.stylesheets ?? {}) };
  const tried = new Set(Object.keys(stylesheets));
  // An absolute page path goes to the engine as a file: URL, so that the stylesheets it
  // resolves against it can't be mistaken for root-relative URLs (`/css/x.css`).
  const url = options.url ?? (isAbsolute(path) ? pathToFileURL(path).href : path);
  const base = { ...options, url, stylesheets };
  // Paths are for the Node side only: the engine sees URLs and texts.
  delete base.baseDir;
  delete base.urlMap;
  /** Why a stylesheet could not be read here, by resolved URL: the engine can't know. */
  const why = new Map();
  let report = checkBytes(bytes, base);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const wanted = report.missingResources.filter((m) => !tried.has(m.resolved));
    let found = 0;
    for (const m of wanted) {
      tried.add(m.resolved);
      const file = localPath(m.resolved, pageDir, options);
      if (!file) {
        why.set(m.resolved, 'not a local file: remote stylesheets are not fetched (use the headless-Chromium mode or `stylesheets`)');
        continue;
      }
      try {
        stylesheets[m.resolved] = await readFile(file, 'utf8');
        found++;
      } catch (e) {
        // Left missing: the report names it and the style-dependent verdicts say cantTell.
        const code = e && typeof e === 'object' && 'code' in e ? ` (${e.code})` : '';
        why.set(m.resolved, `cannot read ${file}${code}`);
      }
    }
    // Nothing new to read (remote or missing stylesheets only): checking again would give the
    // same report.
    if (found === 0) break;
    report = checkBytes(bytes, base);
  }
  for (const m of report.missingResources) m.reason = why.get(m.resolved) ?? m.reason;
  return report;
}
