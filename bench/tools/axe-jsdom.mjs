// axe-core in jsdom: the page is parsed by jsdom (not timed), then axe.run over the document is
// timed. axe's own defaults: all rules its default run enables.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { drive } from './common.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
await drive(async (html) => {
  const dom = new JSDOM(html, { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: new VirtualConsole() });
  dom.window.eval(axeSource);
  const t = performance.now();
  await dom.window.axe.run(dom.window.document);
  const ms = performance.now() - t;
  dom.window.close();
  return ms;
});
