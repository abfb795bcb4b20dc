// End to end: the packed tarball installed in a temporary npm project, `npx curbcut …` run as a
// user runs it. Exit codes, config discovery, fragments, suppressions, stdin, unreadable files.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  CRITICAL, GOOD, MODERATE, failures, installedProject, npx, page, reportsOf, workspace, writeFiles,
} from './helpers.js';

/** @type {string} */
let project;
before(async () => {
  project = await installedProject();
});

describe('exit codes', () => {
  test('--version prints the installed package version', () => {
    const r = npx(['--version'], { cwd: workspace(project) });
    assert.equal(r.code, 0, r.stderr);
    const { version } = JSON.parse(readFileSync(join(project, 'node_modules/curbcut/package.json'), 'utf8'));
    assert.equal(r.stdout.trim(), version);
  });

  test('0 for a clean page, 1 for a failure, --fail-on raises the bar', () => {
    const dir = workspace(project, { 'good.html': GOOD, 'critical.html': CRITICAL, 'moderate.html': MODERATE });
    assert.equal(npx(['good.html'], { cwd: dir }).code, 0);
    const bad = npx(['critical.html'], { cwd: dir });
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(bad.stdout, /image-alt/);
    assert.equal(npx(['moderate.html'], { cwd: dir }).code, 1);
    assert.equal(npx(['moderate.html', '--fail-on', 'serious'], { cwd: dir }).code, 0);
    assert.equal(npx(['critical.html', '--fail-on', 'critical'], { cwd: dir }).code, 1);
  });

  test('2 for a usage error, with a message on stderr', () => {
    const dir = workspace(project, { 'good.html': GOOD });
    for (const args of [['--no-such-flag', 'good.html'], ['--fail-on', 'huge', 'good.html'], ['--format', 'pdf', 'good.html'], []]) {
      const r = npx(args, { cwd: dir });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /curbcut/);
    }
  });

  test('2 when nothing could be checked', () => {
    const dir = workspace(project);
    const r = npx(['nothing-here/*.html'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
  });

  test('directories recurse into *.html and *.htm', () => {
    const dir = workspace(project, { 'site/a.html': GOOD, 'site/deep/b.htm': CRITICAL, 'site/c.txt': 'not html' });
    const r = npx(['site', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(reportsOf(r.stdout).map((x) => x.page.url).sort(), ['site/a.html', 'site/deep/b.htm']);
  });
});

describe('config', () => {
  test('curbcut.config.json is discovered upwards from the working directory', () => {
    const dir = workspace(project, {
      'curbcut.config.json': JSON.stringify({ failOn: 'serious' }),
      'app/pages/moderate.html': MODERATE,
    });
    const cwd = join(dir, 'app', 'pages');
    assert.equal(npx(['moderate.html'], { cwd }).code, 0, 'failOn from the parent folder applies');
    assert.equal(npx(['moderate.html', '--no-config'], { cwd }).code, 1);
    assert.equal(npx(['moderate.html', '--fail-on', 'minor'], { cwd }).code, 1, 'flags override the config');
  });

  test('config "disable" applies', () => {
    const dir = workspace(project, {
      'curbcut.config.json': JSON.stringify({ disable: ['image-alt'] }),
      'critical.html': CRITICAL,
    });
    const r = npx(['critical.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(reportsOf(r.stdout)[0].results.filter((f) => f.rule === 'image-alt').length, 0);
  });

  test('unknown keys are an error naming the key and the file (exit 2)', () => {
    const dir = workspace(project, {
      'curbcut.config.json': JSON.stringify({ failOn: 'serious', failOnn: 'critical' }),
      'good.html': GOOD,
    });
    const r = npx(['good.html'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /failOnn/);
    assert.match(r.stderr, /curbcut\.config\.json/);
  });

  test('an invalid value and malformed JSON are errors too', () => {
    const bad = workspace(project, { 'curbcut.config.json': '{"failOn": "huge"}', 'good.html': GOOD });
    assert.equal(npx(['good.html'], { cwd: bad }).code, 2);
    const broken = workspace(project, { 'curbcut.config.json': '{"failOn": ', 'good.html': GOOD });
    const r = npx(['good.html'], { cwd: broken });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /curbcut\.config\.json/);
  });

  test('the package ships the config JSON schema', () => {
    const schema = JSON.parse(readFileSync(join(project, 'node_modules/curbcut/config.schema.json'), 'utf8'));
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, false);
  });
});

describe('fragments', () => {
  test('an input without <html>/<body> is a fragment: page-level rules do not apply', () => {
    const dir = workspace(project, {
      'Button.html': '<div class="card"><button class="icon"></button><img src="x.png"></div>\n',
    });
    const r = npx(['Button.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const rules = new Set(reportsOf(r.stdout)[0].results.map((f) => f.rule));
    assert.ok(rules.has('button-name'), [...rules].join());
    assert.ok(rules.has('image-alt'));
    for (const pageRule of ['page-has-title', 'html-has-lang']) assert.ok(!rules.has(pageRule), pageRule);
  });

  test('--fragment checks a full document as a fragment', () => {
    const doc = '<!doctype html><html><head></head><body><main><button></button></main></body></html>';
    const dir = workspace(project, { 'doc.html': doc });
    const full = new Set(reportsOf(npx(['doc.html', '--format', 'json'], { cwd: dir }).stdout)[0].results.map((f) => f.rule));
    assert.ok(full.has('page-has-title') && full.has('html-has-lang'), [...full].join());
    const frag = new Set(reportsOf(npx(['doc.html', '--fragment', '--format', 'json'], { cwd: dir }).stdout)[0].results.map((f) => f.rule));
    assert.ok(!frag.has('page-has-title') && !frag.has('html-has-lang'), [...frag].join());
    assert.ok(frag.has('button-name'));
  });
});

describe('suppressions', () => {
  const html = page([
    '<h1>Shop</h1>',
    '<div data-curbcut-ignore="image-alt"><img src="a.png"><p><img src="b.png"></p></div>',
    '<img src="c.png">',
    '<nav class="legacy"><a href="/x"></a></nav>',
  ].join('\n'));

  test('data-curbcut-ignore silences the rule on the element and its subtree, visibly', () => {
    const dir = workspace(project, { 'p.html': html });
    const r = npx(['p.html', '--format', 'json'], { cwd: dir });
    const report = reportsOf(r.stdout)[0];
    const images = report.results.filter((f) => f.rule === 'image-alt' && f.outcome === 'failed');
    assert.equal(images.length, 3, 'suppressed findings stay in the JSON');
    assert.deepEqual(images.map((f) => Boolean(f.suppressed)), [true, true, false]);
    assert.ok(report.summary.suppressed >= 2);
  });

  test('--exclude and config exclude suppress by selector; only suppressed failures left means exit 0', () => {
    const dir = workspace(project, { 'p.html': html });
    const before = npx(['p.html', '--format', 'json'], { cwd: dir });
    assert.equal(before.code, 1);
    const r = npx(['p.html', '--format', 'json', '--exclude', 'nav.legacy', '--exclude', 'img[src="c.png"]'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const report = reportsOf(r.stdout)[0];
    assert.equal(failures(report).length, 0);
    assert.ok(report.results.some((f) => f.rule === 'link-name' && f.suppressed));
    writeFiles(dir, { 'curbcut.config.json': JSON.stringify({ exclude: ['nav.legacy', 'img[src="c.png"]'] }) });
    assert.equal(npx(['p.html'], { cwd: dir }).code, 0);
  });
});

describe('stdin', () => {
  test('"-" reads one page from stdin', () => {
    const dir = workspace(project);
    const bad = npx(['-', '--format', 'json'], { cwd: dir, input: CRITICAL });
    assert.equal(bad.code, 1, bad.stderr);
    const report = reportsOf(bad.stdout)[0];
    assert.ok(report.results.some((f) => f.rule === 'image-alt' && f.outcome === 'failed'));
    assert.equal(npx(['-'], { cwd: dir, input: GOOD }).code, 0);
  });

  test('a pasted snippet on stdin is a fragment', () => {
    const r = npx(['-', '--format', 'json'], { cwd: workspace(project), input: '<a href="/cart"></a>' });
    const rules = reportsOf(r.stdout)[0].results.map((f) => f.rule);
    assert.ok(rules.includes('link-name'));
    assert.ok(!rules.includes('page-has-title'));
  });
});

describe('unreadable files', () => {
  test('a missing file is reported by name and the rest are still checked (exit 1)', () => {
    const dir = workspace(project, { 'good.html': GOOD, 'critical.html': CRITICAL });
    const r = npx(['good.html', 'missing.html', 'critical.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /missing\.html/);
    const urls = reportsOf(r.stdout).map((x) => x.page.url);
    assert.ok(urls.includes('good.html') && urls.includes('critical.html'), urls.join());
    // Even with only clean pages, an unreadable input fails the run.
    assert.equal(npx(['good.html', 'missing.html'], { cwd: dir }).code, 1);
  });

  test('a file without read permission is reported by name', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
    const dir = workspace(project, { 'good.html': GOOD, 'locked.html': GOOD });
    chmodSync(join(dir, 'locked.html'), 0o000);
    const r = npx(['good.html', 'locked.html'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /locked\.html/);
  });

  test('a dangling symlink is reported by name, the rest still checked', () => {
    const dir = workspace(project, { 'critical.html': CRITICAL });
    symlinkSync(join(dir, 'gone.html'), join(dir, 'dangling.html'));
    const r = npx(['critical.html', 'dangling.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /dangling\.html/);
    assert.ok(reportsOf(r.stdout).some((x) => x.page.url === 'critical.html' && failures(x).length > 0));
  });

  test('only unreadable inputs: nothing could be checked (exit 2)', () => {
    const dir = workspace(project);
    const r = npx(['missing-a.html', 'missing-b.html'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /missing-a\.html/);
    assert.match(r.stderr, /missing-b\.html/);
  });
});
