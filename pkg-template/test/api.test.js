// Tests of the JS API of the built package (../pkg, made by `node build.mjs`): checkFile with
// relative and absolute paths finds the page's stylesheets; calls run concurrently; types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const api = await import(join(here, '..', '..', 'pkg', 'index.js'));

const dir = mkdtempSync(join(tmpdir(), 'curbcut-api-'));
writeFileSync(join(dir, 'page.html'),
  '<html lang="en"><title>t</title><link rel="stylesheet" href="css/site.css"><p class="x">grey text</p>');
writeFileSync(join(dir, 'site-root.css'), '');
import { mkdirSync } from 'node:fs';
mkdirSync(join(dir, 'css'));
writeFileSync(join(dir, 'css', 'site.css'), '@import "more.css"; body { background: #fff }');
writeFileSync(join(dir, 'css', 'more.css'), '.x { color: #bbb }');

for (const [label, path] of [['absolute', join(dir, 'page.html')], ['relative', relative(process.cwd(), join(dir, 'page.html'))]]) {
  test(`checkFile resolves stylesheets and @imports (${label} path)`, async () => {
    const report = await api.checkFile(path);
    assert.deepEqual(report.missingResources, []);
    const contrast = report.results.find((f) => f.rule === 'text-contrast');
    assert.equal(contrast?.outcome, 'failed', JSON.stringify(report.results, null, 1));
  });
}

test('a missing stylesheet is named and contrast needs review', async () => {
  const page = join(dir, 'broken.html');
  writeFileSync(page, '<html lang="en"><title>t</title><link rel="stylesheet" href="nope.css"><p>text</p>');
  const report = await api.checkFile(page);
  assert.equal(report.missingResources.length, 1);
  assert.equal(report.missingResources[0].url, 'nope.css');
  assert.equal(report.missingResources[0].reason, `cannot read ${join(dir, 'nope.css')} (ENOENT)`, 'the reason is the read error');
  assert.ok(report.results.some((f) => f.rule === 'text-contrast' && f.outcome === 'cantTell'));
});

test('concurrent calls are independent', async () => {
  const pages = Array.from({ length: 20 }, (_, i) => i % 2 ? '<button></button>' : '<img src="a.png" alt="ok">');
  const reports = await Promise.all(pages.map(async (html) => api.checkHtml(html)));
  reports.forEach((r, i) => assert.equal(r.summary.failed > 0, i % 2 === 1));
});

test('unknown options and formats are clear errors', () => {
  assert.throws(() => api.checkHtml('<p>', { colour: 'dark' }), /unknown field `colour`/);
  assert.throws(() => api.formatReport(api.checkHtml('<p>'), 'pdf'), /pdf/);
  assert.match(api.formatReport(api.checkHtml('<button></button>'), 'markdown'), /button-name/);
  assert.ok(api.rules().length > 20);
  assert.match(api.version(), /^\d+\.\d+\.\d+/);
});

test('text crosses into the wasm intact: non-ASCII, astral and lone surrogates', () => {
  // Pages cross as UTF-8 bytes (lib/core.js); a lone surrogate becomes U+FFFD, as in any
  // UTF-8 encoding of a JS string.
  const html = '<html lang="fr"><title>t</title><button aria-label="Café ☕ 𝄞 \uD800"></button><button></button>';
  const report = api.checkHtml(html, { includePassed: true });
  const names = report.results.filter((r) => r.rule === 'button-name').map((r) => r.snippet);
  assert.ok(names.some((s) => s.includes('Café ☕ 𝄞 \uFFFD')), JSON.stringify(names));
  const tree = api.accessibilityTree(html);
  assert.ok(JSON.stringify(tree).includes('Café ☕ 𝄞 \uFFFD'));
  assert.throws(() => api.checkHtml(new TextEncoder().encode('<p>')), /html must be a string/);
});
