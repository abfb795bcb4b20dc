// End to end: the HTML report of pages carrying planted script payloads, opened in headless
// Chromium. Every payload calls a function exposed by the test (or alert(), caught as a dialog);
// the counter must stay at zero, the report must make no network request, and axe-core must
// find no violation in the report itself. The report must also pass curbcut with no finding.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { installedProject, npx, page, reportsOf, workspace } from './helpers.js';

const require = createRequire(import.meta.url);
const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

/** Where the test serves the report from (answered by page.route, never the network). */
const REPORT_URL = 'http://curbcut-report.test/report.html';

/** Calls the exposed counter; `p` names the payload so a failure says which one ran. */
const hit = (p) => `__pwned('${p}')`;

let regions = 0;
/**
 * Each payload in a landmark of its own: identical defects in one landmark share a fingerprint
 * and reports may show such a group by one snippet, so every payload gets its own.
 * @param {string[]} elements
 */
const regioned = (elements) =>
  elements.map((e) => `<section aria-label="Payload ${++regions}">${e}</section>`).join('\n');

/** Payloads in attributes, text, titles, `</script>` in snippets and javascript: URLs. */
const EVIL = {
  'pages/attributes.html': page('<h1>Attributes</h1>\n' + regioned([
    `<img src="x.png" onerror="${hit('onerror')}" onload="${hit('onload')}" data-x="&quot;&gt;&lt;img src=y onerror=${hit('attr-breakout')}&gt;">`,
    `<img src="javascript:${hit('img-src')}" title="'><svg onload=${hit('svg-title')}>">`,
    `<button style="background:url(https://evil.example/bg.png)" onclick="${hit('onclick')}" onfocus="${hit('onfocus')}" autofocus></button>`,
    `<input type="image" src="https://evil.example/i.png" formaction="javascript:${hit('formaction')}">`,
  ])),
  'pages/text.html': page('<h1>Text</h1>\n' + regioned([
    `<h2><script>${hit('script-in-text')}</script></h2>`,
    `<a href="/x"><img src="a.png">&lt;script&gt;${hit('escaped-text')}&lt;/script&gt;</a>`,
    `<button>&lt;img src=x onerror=${hit('button-text')}&gt;</button>`,
    `<button aria-label=""><svg onload="${hit('svg-onload')}"></svg></button>`,
    `<iframe srcdoc="&lt;script&gt;parent.${hit('srcdoc')}&lt;/script&gt;"></iframe>`,
  ]), `</title><script>${hit('title')}</script>`),
  'pages/snippets.html': page('<h1>Snippets</h1>\n' + regioned([
    `<img src="a.png" data-end="</script><script>${hit('end-script')}</script>">`,
    `<img src="b.png" data-comment="<!--<script>" data-more="</script><script>alert('end-script-alert')</script>">`,
    `<img src="c.png" data-cdata="]]></style><style>*{background:url(https://evil.example/css.png)}</style>">`,
    `<img src="d.png" data-json="\\u003c/script>{&quot;a&quot;:&quot;</script><img src=x onerror=${hit('json')}>">`,
  ])),
  'pages/urls.html': [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>URLs</title>',
    '<link rel="stylesheet" href="https://evil.example/site.css">',
    '<link rel="stylesheet" href="javascript:alert(\'stylesheet-url\')">',
    '</head><body><main><h1>URLs</h1>',
    regioned([
      `<a href="javascript:${hit('href')}"></a>`,
      `<a href="JaVaScRiPt:alert('href-alert')"><img src="e.png"></a>`,
      `<a href=" javascript:${hit('href-space')}"></a>`,
      `<area href="javascript:${hit('area')}">`,
      `<object data="javascript:${hit('object')}"></object>`,
      '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></a>',
    ]),
    '</main></body></html>',
  ].join('\n'),
  // Page names are page content too.
  'pages/"><img src=x onerror=alert(\'file-name\')>.html': page('<img src="f.png">'),
  'pages/fragment.html': `<div onmouseover="${hit('fragment')}"><img src="g.png"><a href="javascript:${hit('fragment-href')}"></a></div>\n`,
};

describe('HTML report in headless Chromium', { skip }, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {string} */
  let html;
  /** @type {string} */
  let dir;
  /** @type {any[]} */
  let reports;

  before(async () => {
    const project = await installedProject();
    dir = workspace(project, EVIL);
    const r = npx(['pages', '--format', 'html', '--output', 'out/report.html'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    reports = reportsOf(npx(['pages', '--format', 'json'], { cwd: dir }).stdout);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
  });

  /**
   * Open `body` as REPORT_URL in a fresh context: payload calls and dialogs are counted,
   * every other request recorded and refused.
   * @param {string} body
   */
  async function open(body) {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const tab = await context.newPage();
    /** @type {string[]} */
    const executed = [];
    /** @type {string[]} */
    const requests = [];
    await tab.exposeFunction('__pwned', (/** @type {string} */ p) => executed.push(String(p)));
    tab.on('dialog', (d) => {
      executed.push(`dialog: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    tab.on('popup', (p) => executed.push(`popup: ${p.url()}`));
    tab.on('websocket', (w) => requests.push(`websocket ${w.url()}`));
    context.on('request', (req) => {
      if (req.url() !== REPORT_URL) requests.push(`${req.method()} ${req.url()}`);
    });
    await context.route('**', async (route) => {
      if (route.request().url() === REPORT_URL) {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
      } else {
        await route.abort();
      }
    });
    await tab.goto(REPORT_URL, { waitUntil: 'load' });
    return { context, tab, executed, requests };
  }

  test('the counters work (controls: pages that do run payloads and make requests)', async () => {
    const control = await open(`<!doctype html><title>c</title><img src="data:," onerror="${hit('control')}"><script>alert('control-dialog')</script><img src="https://evil.example/control.png">`);
    await new Promise((r) => setTimeout(r, 300));
    await control.context.close();
    assert.deepEqual(control.executed.sort(), ['control', 'dialog: control-dialog']);
    assert.deepEqual(control.requests, ['GET https://evil.example/control.png']);
    // The real report with one snippet left unescaped: the harness sees the payload run.
    const escaped = /&lt;\/script&gt;&lt;script&gt;__pwned\((?:&#39;|&#x27;|&apos;|')end-script(?:&#39;|&#x27;|&apos;|')\)&lt;\/script&gt;/;
    assert.match(html, escaped, 'the snippet is in the report, escaped');
    const broken = await open(html.replace(escaped, `</script><script>${hit('unescaped')}</script>`));
    await new Promise((r) => setTimeout(r, 300));
    await broken.context.close();
    assert.deepEqual(broken.executed, ['unescaped']);
  });

  test('the report lists the planted findings', () => {
    const failed = reports.flatMap((r) => r.results.filter((f) => f.outcome === 'failed'));
    assert.ok(failed.length >= 10, `failures: ${failed.length}`);
    assert.ok(failed.some((f) => f.snippet.includes('</script>')), 'a snippet carries </script>');
    assert.ok(failed.some((f) => /javascript:/i.test(f.snippet)), 'a snippet carries a javascript: URL');
    assert.ok(reports.some((r) => r.page.url.includes('onerror=alert')), 'a page name carries markup');
  });

  test('no payload runs and no request leaves the report, even when used', async () => {
    const { context, tab, executed, requests } = await open(html);
    // Use the report: click every filter control, link target excluded (navigation is checked
    // below), hover and focus everything, open every details element.
    const controls = await tab.$$('input, button, select, summary, label');
    for (const c of controls) {
      if (await c.isVisible()) await c.click({ timeout: 2000, noWaitAfter: true, force: true }).catch(() => {});
    }
    for (const el of (await tab.$$('body *')).slice(0, 400)) {
      await el.hover({ timeout: 200, force: true }).catch(() => {});
    }
    await tab.keyboard.press('Tab');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(tab.url(), REPORT_URL, 'nothing navigated away');
    const hrefs = await tab.$$eval('[href], [src], [action], [formaction], [data], [srcdoc]', (els) =>
      els.flatMap((e) => ['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].map((a) => e.getAttribute(a)).filter((v) => v !== null)));
    const unsafe = hrefs.filter((h) => !/^(https?:\/\/|#)/i.test(h.trim()) || /^\s*(javascript|data|vbscript):/i.test(h));
    const scripts = await tab.$$eval('script', (s) => s.map((x) => x.src || x.textContent?.slice(0, 200)));
    await context.close();
    assert.deepEqual(executed, [], 'payloads executed');
    assert.deepEqual(requests, [], 'requests made by the report');
    assert.deepEqual(unsafe, [], 'links the report renders');
    assert.ok(scripts.every((s) => !/__pwned|alert\(/.test(s ?? '')), `page content inside a script: ${scripts.join('\n')}`);
  });

  test('the report text shows the payloads as text', async () => {
    const { context, tab } = await open(html);
    const text = await tab.evaluate(() => document.body.textContent ?? "");
    await context.close();
    assert.ok(text.includes('</script><script>__pwned'), 'the </script> snippet is shown, escaped');
    assert.ok(text.includes('javascript:__pwned'), 'the javascript: URL is shown as text');
  });

  test('axe-core finds no violation in the report', async () => {
    const { context, tab } = await open(html);
    await tab.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const result = await tab.evaluate(async () => {
      // @ts-ignore injected above
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    await context.close();
    assert.deepEqual(result, []);
  });

  test('the report passes curbcut itself with zero findings', () => {
    const r = npx(['out/report.html', '--format', 'json'], { cwd: dir });
    const report = reportsOf(r.stdout)[0];
    const open = report.results.filter((f) => f.outcome !== 'passed');
    assert.deepEqual(open.map((f) => `${f.rule} ${f.selector}`), []);
    assert.equal(r.code, 0, r.stderr);
  });
});
