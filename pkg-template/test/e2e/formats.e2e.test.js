// End to end: the report formats as written by `npx curbcut`, checked by outside validators —
// SARIF 2.1.0 with Microsoft's SARIF multitool (offline), JUnit XML against the Jenkins xUnit
// plugin's JUnit schema (test/e2e/schemas/junit-10.xsd) with xmllint compiled to wasm.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { cleanEnv, GOOD, installedProject, npx, page, reportsOf, template, workspace } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Pages with failures, a finding that needs review, a suppressed one and markup-heavy text. */
const PAGES = {
  'pages/shop.html': page([
    '<h1>Shop &amp; "deals" <sale></h1>',
    '<img src="hero.png">',
    '<button class="icon-cart"></button>',
    '<div data-curbcut-ignore="image-alt"><img src="decor.png"></div>',
    '<a href="/x"><img src="x.png"></a>',
  ].join('\n'), 'Shop <&> "quotes"'),
  'pages/review.html': `<!doctype html>\n<html lang="en"><head><title>Review</title>\n<link rel="stylesheet" href="missing.css"></head>\n<body><main><h1>Hello</h1><p class="faint">Some text that may have poor contrast.</p><h2></h2></main></body></html>\n`,
  'pages/good.html': GOOD,
};

/** @type {string} */
let project;
/** @type {string} */
let dir;
/** @type {any[]} */
let reports;
before(async () => {
  project = await installedProject();
  dir = workspace(project, PAGES);
  const r = npx(['pages', '--format', 'json', '--output', 'out/report.json'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  reports = reportsOf(readFileSync(join(dir, 'out/report.json'), 'utf8'));
});

/** Findings of the JSON run: [file, finding]. @param {(f: any) => boolean} keep */
const findings = (keep) => reports.flatMap((r) => r.results.filter(keep).map((f) => [r.page.url, f]));

describe('SARIF 2.1.0', () => {
  /** @type {any} */
  let sarif;
  /** @type {string} */
  let file;
  before(() => {
    // pages/gone.html doesn't exist: an input that can't be read must be named in the log too.
    const r = npx(['pages', 'pages/gone.html', '--format', 'sarif', '--output', 'out/report.sarif'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    file = join(dir, 'out/report.sarif');
    sarif = JSON.parse(readFileSync(file, 'utf8'));
  });

  test('valid against the SARIF 2.1.0 schema (Microsoft SARIF multitool, offline)', () => {
    const log = join(dir, 'out/validation.sarif');
    const r = spawnSync('npx', ['sarif-multitool', 'validate', file, '--output', log], {
      cwd: template, env: cleanEnv({ npm_config_yes: 'false' }), encoding: 'utf8', timeout: 180_000,
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    const results = JSON.parse(readFileSync(log, 'utf8')).runs.flatMap((run) => run.results ?? []);
    const errors = results.filter((x) => x.level === 'error' || /^JSON/.test(x.ruleId ?? ''));
    assert.deepEqual(errors.map((x) => `${x.ruleId}: ${x.message?.text ?? JSON.stringify(x.message)}`), []);
  });

  test('results carry rule, level, file, line and region; needs review is level note', () => {
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'curbcut');
    const ruleIds = new Set(run.tool.driver.rules.map((r) => r.id));
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^https?:\/\//, rule.id);
    const failed = findings((f) => f.outcome === 'failed' && !f.suppressed);
    const review = findings((f) => f.outcome === 'cantTell' && !f.suppressed);
    assert.ok(failed.length >= 4, `failures: ${failed.length}`);
    assert.ok(review.length >= 1, 'the page with a missing stylesheet has a finding that needs review');
    const live = run.results.filter((x) => !(x.suppressions?.length));
    assert.equal(live.filter((x) => x.level === 'error' || x.level === 'warning').length, failed.length);
    assert.equal(live.filter((x) => x.level === 'note').length, review.length);
    for (const x of run.results) {
      assert.ok(ruleIds.has(x.ruleId), x.ruleId);
      const loc = x.locations[0].physicalLocation;
      assert.match(loc.artifactLocation.uri, /^pages\/(shop|review)\.html$/);
      assert.ok(loc.region.startLine >= 1, JSON.stringify(loc.region));
    }
    const img = run.results.find((x) => x.ruleId === 'image-alt' && /shop/.test(x.locations[0].physicalLocation.artifactLocation.uri) && !(x.suppressions?.length));
    const heroLine = PAGES['pages/shop.html'].split('\n').findIndex((l) => l.includes('hero.png')) + 1;
    assert.equal(img.locations[0].physicalLocation.region.startLine, heroLine, `hero.png is on line ${heroLine} of shop.html`);
  });

  test('an input that could not be read is an error notification, and the run is not successful', () => {
    const [invocation] = sarif.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    const errors = invocation.toolExecutionNotifications.filter((/** @type {any} */ n) => n.level === 'error');
    assert.deepEqual(errors.map((/** @type {any} */ n) => n.locations[0].physicalLocation.artifactLocation.uri), ['pages/gone.html']);
    const missingCss = invocation.toolExecutionNotifications.filter((/** @type {any} */ n) => n.level === 'note');
    assert.ok(missingCss.some((/** @type {any} */ n) => n.message.text.includes('missing.css')), 'the stylesheet not loaded is noted');
  });
});

describe('JUnit XML', () => {
  /** @type {string} */
  let xml;
  before(() => {
    const r = npx(['pages', 'pages/gone.html', '--format', 'junit', '--output', 'out/report.xml'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    xml = readFileSync(join(dir, 'out/report.xml'), 'utf8');
  });

  test('valid against the Jenkins/Surefire JUnit schema', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'report.xml', contents: xml }],
      schema: [{ fileName: 'junit-10.xsd', contents: readFileSync(join(here, 'schemas/junit-10.xsd'), 'utf8') }],
    });
    assert.deepEqual(result.errors.map((e) => e.rawMessage), []);
    assert.equal(result.valid, true);
  });

  test('one test case per rule per file; failures carry the findings; markup is escaped', () => {
    const failing = new Set(findings((f) => f.outcome === 'failed' && !f.suppressed).map(([file, f]) => `${file} ${f.rule}`));
    const failures = xml.match(/<failure\b/g) ?? [];
    assert.equal(failures.length, failing.size, [...failing].join(', '));
    assert.ok(xml.includes('hero.png'), 'the failure names the element');
    assert.ok(!xml.includes('<sale>'), 'page text is escaped');
  });

  test('an input that could not be read is a test case in error', () => {
    assert.match(xml, /<testsuites [^>]*errors="1"/);
    assert.match(xml, /<testsuite name="pages\/gone.html"[^>]*errors="1"[^>]*>\s*<testcase [^>]*>\s*<error message="not checked: no such file or folder[^"]*" type="unreadable"\/>/);
  });
});

test('markdown and text name every failing rule', () => {
  const failing = new Set(findings((f) => f.outcome === 'failed' && !f.suppressed).map(([, f]) => f.rule));
  for (const format of ['markdown', 'text']) {
    const r = npx(['pages', '--format', format, '--no-color'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    for (const rule of failing) assert.ok(r.stdout.includes(rule), `${format} lacks ${rule}`);
    assert.ok(!/\x1b\[/.test(r.stdout), `${format}: no colour codes with --no-color`);
  }
});

test('--output-dir writes every format, each the same as its --format run', () => {
  const r = npx(['pages', '--output-dir', 'out/all'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const files = { json: 'curbcut.json', sarif: 'curbcut.sarif', junit: 'curbcut.junit.xml', markdown: 'curbcut.md', html: 'curbcut.html', text: 'curbcut.txt' };
  for (const [format, name] of Object.entries(files)) {
    const written = readFileSync(join(dir, 'out/all', name), 'utf8');
    const printed = npx(['pages', '--format', format, '--no-color'], { cwd: dir }).stdout;
    assert.equal(written.trimEnd(), printed.trimEnd(), format);
  }
});
