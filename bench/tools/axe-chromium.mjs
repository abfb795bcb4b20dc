// axe-core in headless Chromium (the system's /usr/bin/chromium through playwright-core): the
// page is loaded with setContent (requests other than file: aborted, so the network plays no
// part), axe.min.js injected, and only `axe.run()` is timed. Prints, last, the peak summed RSS
// of node + all Chromium processes as {"treeRssKb": N}.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { drive, treeRssSampler } from './common.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const sampler = treeRssSampler();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext();
await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
let failed = 0;
await drive(async (html, file) => {
  const page = await context.newPage();
  try {
    if (/\.(svg|xml|xhtml)$/.test(file)) await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
    else await page.setContent(html, { waitUntil: 'load', timeout: 600_000 });
    await page.addScriptTag({ path: axePath });
    return await page.evaluate(async () => {
      const t = performance.now();
      await window.axe.run(document);
      return performance.now() - t;
    });
  } catch (e) {
    // One page axe can't run on (a test case that navigates away, say) doesn't end the corpus.
    failed++;
    process.stderr.write(`${file}: ${String(e).split('\n')[0]}\n`);
    return 0;
  } finally {
    await page.close().catch(() => {});
  }
});
await browser.close();
console.log(JSON.stringify({ treeRssKb: sampler.stop(), failed }));
