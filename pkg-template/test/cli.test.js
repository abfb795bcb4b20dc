// Tests of the `curbcut` command: the built package (../pkg, made by `node build.mjs`) run as a
// child process in temporary folders, the way a CI job runs it. Exit codes, inputs, config,
// thresholds, suppressions, outputs. The packed-tarball end-to-end tests live in test/e2e/.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync,
  readdirSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const template = join(here, '..');
const built = join(template, '..', 'pkg');

if (!existsSync(join(built, 'wasm', 'curbcut_bg.wasm'))) {
  throw new Error(`the package is not built: ${built} has no wasm. Run \`node build.mjs --no-pack\` in pkg-template/ before \`npm test\`.`);
}

/** Scratch space: a copy of the package (with its dependencies reachable) and test folders. */
const scratch = mkdtempSync(join(tmpdir(), 'curbcut-cli-'));
const pkg = join(scratch, 'curbcut');
cpSync(built, pkg, { recursive: true, filter: (src) => !src.endsWith('.tgz') && src !== join(built, 'node_modules') });
// ../pkg has no node_modules of its own (npm installs them for real users); reuse the template's.
symlinkSync(join(template, 'node_modules'), join(pkg, 'node_modules'), 'dir');

const hasBaseline = existsSync(join(pkg, 'lib', 'baseline.js'));
const hasShard = existsSync(join(pkg, 'lib', 'shard.js'));

const bin = join(pkg, 'bin', 'curbcut.js');

/**
 * Run the CLI.
 * @param {string[]} args
 * @param {{ cwd?: string, input?: string, env?: Record<string, string> }} [options]
 */
function curbcut(args, { cwd = scratch, input, env = {} } = {}) {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input: input ?? '',
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder with the given files. @param {Record<string, string>} files */
function project(files) {
  const dir = mkdtempSync(join(scratch, 'p-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * The reports in a JSON output (one report, or `{ reports }`).
 * @param {string} text
 * @returns {any[]}
 */
function reportsOf(text) {
  const json = JSON.parse(text);
  return Array.isArray(json.reports) ? json.reports : [json];
}

/** @param {string} body @param {string} [head] */
// A sentence of English in every fixture: with only a few words the language rules can only
// say "needs review", which would blur what each test is about.
const PROSE = '<p>This page lists the orders placed with our shop this week, with their status and the date we expect to deliver them. You can search the list, open an order to see its items, or contact us about any of them.</p>';
const page = (body, head = '<title>Test page</title>') =>
  `<!doctype html>\n<html lang="en">\n<head>${head}</head>\n<body>\n<main>\n${PROSE}\n${body}\n</main>\n</body>\n</html>\n`;

const GOOD = page('<h1>Welcome</h1>\n<img src="logo.png" alt="Acme logo">');
/** image-alt: critical */
const CRITICAL = page('<h1>Welcome</h1>\n<img src="hero.png">');
/** heading-not-empty: moderate */
const MODERATE = page('<h1>Welcome</h1>\n<h2></h2>\n<p>Text</p>');

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('basics', () => {
  test('--help prints usage and exits 0', () => {
    const r = curbcut(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: curbcut/);
    assert.match(r.stdout, /--fail-on IMPACT/);
  });

  test('--version prints the package version', () => {
    const r = curbcut(['--version']);
    assert.equal(r.code, 0);
    const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    assert.equal(r.stdout.trim(), version);
  });

  test('--list-rules names the rules', () => {
    const r = curbcut(['--list-rules']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^image-alt\s+critical\s+1\.1\.1/m);
  });

  test('a clean page exits 0 with a summary on stderr', () => {
    const dir = project({ 'index.html': GOOD });
    const r = curbcut(['index.html'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /curbcut: 1 file checked · no failures/);
  });

  test('a failing page exits 1 and the summary counts by impact', () => {
    const dir = project({ 'index.html': CRITICAL });
    const r = curbcut(['index.html'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /1 failure \(1 critical\)/);
  });

  test('usage errors exit 2 and say what to do', () => {
    let r = curbcut(['--frobnicate', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option --frobnicate.*curbcut --help/);
    r = curbcut(['x.html', '-f']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format needs a value/);
    r = curbcut([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no inputs: give files, folders or globs/);
    r = curbcut(['--viewport', 'wide', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--viewport "wide" must be WIDTHxHEIGHT/);
    r = curbcut(['--fail-on', 'high', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fail-on "high" is not an impact/);
    r = curbcut(['--format', 'pdf', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format "pdf"/);
    r = curbcut(['--rules', 'no-such-rule', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown rule "no-such-rule".*--list-rules/);
    r = curbcut(['--format', 'json', '--format', 'sarif', '--output', 'out', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--output-dir/);
    r = curbcut(['--format', 'json', '--format', 'sarif', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /can't all go to stdout: add --output-dir/);
    r = curbcut(['--shard', '3/2', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--shard "3\/2" must be I\/N/);
    r = curbcut(['--update-baseline', 'x.html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--update-baseline needs a baseline file/);
  });

  test('nothing to check exits 2', () => {
    const dir = project({ 'notes.txt': 'hi' });
    let r = curbcut(['*.html'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /nothing to check/);
    r = curbcut(['gone.html'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot check gone\.html: no such file/);
    assert.match(r.stderr, /nothing could be checked/);
  });
});

describe('inputs', () => {
  test('folders recurse into .html/.htm, skip node_modules and dot-folders, in sorted order', () => {
    const dir = project({
      'site/b.html': GOOD,
      'site/a.htm': GOOD,
      'site/sub/c.html': GOOD,
      'site/node_modules/pkg/x.html': CRITICAL,
      'site/.cache/y.html': CRITICAL,
      'site/style.css': 'p{}',
    });
    const r = curbcut(['site', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(reportsOf(r.stdout).map((x) => x.page.url), ['site/a.htm', 'site/b.html', 'site/sub/c.html']);
    assert.match(r.stderr, /3 files checked/);
  });

  test('globs are expanded by curbcut, and --ignore skips matches', () => {
    const dir = project({ 'dist/one.html': GOOD, 'dist/two/three.html': GOOD, 'dist/drafts/four.html': CRITICAL });
    let r = curbcut(['dist/**/*.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(reportsOf(r.stdout).length, 3);
    r = curbcut(['dist/**/*.html', '--ignore', 'dist/drafts/**', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(reportsOf(r.stdout).map((x) => x.page.url), ['dist/one.html', 'dist/two/three.html']);
  });

  test('globs skip dot-folders and node_modules unless they name them', () => {
    const dir = project({ 'a.html': GOOD, '.storybook-static/s.html': GOOD, 'node_modules/lib/n.html': GOOD });
    let r = curbcut(['**/*.html', '--format', 'json'], { cwd: dir });
    assert.deepEqual(reportsOf(r.stdout).map((x) => x.page.url), ['a.html']);
    r = curbcut(['.storybook-static/**/*.html', '--format', 'json'], { cwd: dir });
    assert.deepEqual(reportsOf(r.stdout).map((x) => x.page.url), ['.storybook-static/s.html']);
  });

  test('stylesheets linked from a page are read, also for pages outside the working directory', () => {
    const lowContrast = page('<h1>Prices</h1>\n<p class="muted">Light grey text</p>', '<title>Prices</title><link rel="stylesheet" href="../css/site.css">');
    const dir = project({ 'site/css/site.css': '.muted { color: #eee; background: #fff }', 'site/pages/prices.html': lowContrast, 'elsewhere/x.txt': '' });
    for (const [cwd, arg] of [[join(dir, 'site'), 'pages/prices.html'], [join(dir, 'elsewhere'), join(dir, 'site/pages/prices.html')]]) {
      const r = curbcut([arg, '--format', 'json'], { cwd });
      const [report] = reportsOf(r.stdout);
      assert.deepEqual(report.missingResources, [], `${cwd}: ${JSON.stringify(report.missingResources)}`);
      assert.ok(report.results.some((f) => f.rule === 'text-contrast' && f.outcome === 'failed'), `${cwd}: contrast judged from the stylesheet`);
      assert.equal(r.code, 1);
    }
  });

  test('stdin is read with -', () => {
    let r = curbcut(['-', '--format', 'json'], { input: CRITICAL });
    assert.equal(r.code, 1, r.stderr);
    const [report] = reportsOf(r.stdout);
    assert.equal(report.page.url, 'stdin');
    assert.ok(report.results.some((f) => f.rule === 'image-alt' && f.outcome === 'failed'));
    r = curbcut(['-'], { input: GOOD });
    assert.equal(r.code, 0, r.stderr);
  });

  test('a missing file is named, listed as an error entry, and the others are still checked', () => {
    const dir = project({ 'a.html': GOOD, 'c.html': CRITICAL });
    const r = curbcut(['a.html', 'b.html', 'c.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /cannot check b\.html: no such file or folder \(ENOENT\)\. The other inputs are still checked/);
    assert.match(r.stderr, /2 files checked · 1 failure \(1 critical\) · 1 unreadable/);
    const reports = reportsOf(r.stdout);
    assert.deepEqual(reports.map((x) => x.page.url), ['a.html', 'b.html', 'c.html']);
    assert.equal(reports[1].limits[0].limit, 'unreadable');
  });

  test('an unreadable file (dangling link, or no permission) is named and fails the run', () => {
    const dir = project({ 'site/a.html': GOOD, 'site/locked.html': GOOD });
    symlinkSync(join(dir, 'nowhere.html'), join(dir, 'site', 'broken.html'));
    const locked = process.getuid?.() !== 0; // root reads files whatever their mode
    if (locked) chmodSync(join(dir, 'site', 'locked.html'), 0o000);
    const r = curbcut(['site'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /cannot check site\/broken\.html/);
    if (locked) assert.match(r.stderr, /cannot check site\/locked\.html: permission denied/);
    assert.match(r.stderr, new RegExp(`${locked ? 1 : 2} files? checked`));
  });
});

describe('thresholds', () => {
  test('--fail-on sets the lowest impact that fails', () => {
    const dir = project({ 'moderate.html': MODERATE, 'critical.html': CRITICAL });
    assert.equal(curbcut(['moderate.html'], { cwd: dir }).code, 1);
    assert.equal(curbcut(['moderate.html', '--fail-on', 'moderate'], { cwd: dir }).code, 1);
    assert.equal(curbcut(['moderate.html', '--fail-on', 'serious'], { cwd: dir }).code, 0);
    assert.equal(curbcut(['critical.html', '--fail-on', 'critical'], { cwd: dir }).code, 1);
  });

  test('needs review (cantTell) fails only with --fail-on-review', () => {
    // The stylesheet is missing, so the text's contrast can't be told.
    const dir = project({ 'review.html': page('<h1>Title</h1><p class="muted">Grey text</p>', '<title>Review</title><link rel="stylesheet" href="missing.css">') });
    const json = curbcut(['review.html', '--format', 'json'], { cwd: dir });
    const findings = reportsOf(json.stdout)[0].results;
    assert.ok(findings.some((f) => f.outcome === 'cantTell'), 'fixture should need review');
    assert.ok(!findings.some((f) => f.outcome === 'failed'), 'fixture should not fail');
    assert.equal(json.code, 0, json.stderr);
    assert.match(json.stderr, /need(s)? review/);
    assert.equal(curbcut(['review.html', '--fail-on-review'], { cwd: dir }).code, 1);
  });

  test('--exclude suppresses: listed as suppressed, not failing', () => {
    const dir = project({ 'index.html': CRITICAL });
    const r = curbcut(['index.html', '--exclude', 'img[src="hero.png"]', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const finding = reportsOf(r.stdout)[0].results.find((f) => f.rule === 'image-alt');
    assert.equal(finding?.suppressed, true);
    assert.match(r.stderr, /no failures · 1 suppressed/);
  });

  test('data-curbcut-ignore suppresses the named rule only', () => {
    const dir = project({
      'ignored.html': page('<h1>Hi</h1><div data-curbcut-ignore="image-alt"><img src="a.png"></div>'),
      'other.html': page('<h1>Hi</h1><div data-curbcut-ignore="link-name"><img src="a.png"></div>'),
    });
    const r = curbcut(['ignored.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(reportsOf(r.stdout)[0].results.some((f) => f.rule === 'image-alt' && f.suppressed));
    assert.equal(curbcut(['other.html'], { cwd: dir }).code, 1);
  });

  test('fragments: page-level rules are skipped automatically, and with --fragment', () => {
    const dir = project({
      'snippet.html': '<button>Save</button>\n<img src="x.png" alt="Chart">\n',
      'bare.html': '<html><body><p>Hello</p></body></html>\n',
    });
    let r = curbcut(['snippet.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!reportsOf(r.stdout)[0].results.some((f) => f.rule === 'page-has-title'));
    r = curbcut(['bare.html', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.ok(reportsOf(r.stdout)[0].results.some((f) => f.rule === 'page-has-title' && f.outcome === 'failed'));
    assert.equal(curbcut(['bare.html', '--fragment'], { cwd: dir }).code, 0);
  });

  test('--rules and --disable choose the rules that run', () => {
    const dir = project({ 'index.html': CRITICAL });
    assert.equal(curbcut(['index.html', '--disable', 'image-alt'], { cwd: dir }).code, 0);
    assert.equal(curbcut(['index.html', '--rules', 'page-has-title,heading-not-empty'], { cwd: dir }).code, 0);
    assert.equal(curbcut(['index.html', '--rules', 'image-alt'], { cwd: dir }).code, 1);
  });
});

describe('config', () => {
  test('curbcut.config.json is found in a parent folder', () => {
    const dir = project({
      'curbcut.config.json': JSON.stringify({ failOn: 'critical', ignore: ['site/drafts/**'] }),
      'site/moderate.html': MODERATE,
      'site/drafts/bad.html': CRITICAL,
    });
    const r = curbcut(['.'], { cwd: join(dir, 'site') });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /1 file checked · 1 failure \(1 moderate\)/);
    // Without it, the moderate failure fails.
    assert.equal(curbcut(['moderate.html', '--no-config'], { cwd: join(dir, 'site') }).code, 1);
  });

  test('an unknown key is an error naming the key and the file', () => {
    const dir = project({ 'curbcut.config.json': '{ "failOn": "serious", "exlude": [".ad"] }', 'sub/a.html': GOOD });
    const r = curbcut(['a.html'], { cwd: join(dir, 'sub') });
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(join(dir, 'curbcut.config.json')), r.stderr);
    assert.match(r.stderr, /unknown key "exlude" \(did you mean "exclude"\?\)/);
  });

  test('bad values and bad JSON are errors too', () => {
    let dir = project({ 'curbcut.config.json': '{ "failOn": "high" }', 'a.html': GOOD });
    let r = curbcut(['a.html'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"failOn": "high" is not one of/);
    dir = project({ 'curbcut.config.json': '{ "failOn": "minor", }', 'a.html': GOOD });
    r = curbcut(['a.html'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not valid JSON/);
  });

  test('--config names a file; config exclude and CLI flags combine', () => {
    const dir = project({ 'ci/a11y.json': JSON.stringify({ exclude: ['.legacy'] }), 'index.html': page('<h1>Hi</h1><div class="legacy"><img src="a.png"></div><img src="b.png" id="new">') });
    assert.equal(curbcut(['index.html', '--config', 'ci/a11y.json'], { cwd: dir }).code, 1);
    assert.equal(curbcut(['index.html', '--config', 'ci/a11y.json', '--exclude', '#new'], { cwd: dir }).code, 0);
    const r = curbcut(['index.html', '--config', 'ci/missing.json'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read config file \S*ci\/missing\.json: no such file/);
  });

  test('the shipped schema describes every key the CLI accepts', () => {
    const schema = JSON.parse(readFileSync(join(pkg, 'config.schema.json'), 'utf8'));
    assert.equal(schema.additionalProperties, false);
    for (const key of ['rules', 'disable', 'tags', 'failOn', 'failOnReview', 'includePassed', 'viewport', 'colorScheme', 'exclude', 'baseline', 'format', 'outputDir', 'ignore', 'urlMap', 'baseDir']) {
      assert.ok(key in schema.properties, key);
    }
  });
});

describe('outputs', () => {
  test('--output-dir writes one file per format', () => {
    const dir = project({ 'index.html': CRITICAL });
    let r = curbcut(['index.html', '--output-dir', 'reports'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.deepEqual(readdirSync(join(dir, 'reports')).sort(), ['curbcut.html', 'curbcut.json', 'curbcut.junit.xml', 'curbcut.md', 'curbcut.sarif', 'curbcut.txt']);
    r = curbcut(['index.html', '--output-dir', 'two', '-f', 'json', '-f', 'sarif'], { cwd: dir });
    assert.deepEqual(readdirSync(join(dir, 'two')).sort(), ['curbcut.json', 'curbcut.sarif']);
  });

  test('config outputDir receives the reports; --output - sends one to stdout instead', () => {
    const dir = project({ 'curbcut.config.json': JSON.stringify({ outputDir: 'out', format: ['json', 'junit'] }), 'index.html': GOOD });
    let r = curbcut(['index.html'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['curbcut.json', 'curbcut.junit.xml']);
    r = curbcut(['index.html', '--format', 'json', '--output', '-'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(reportsOf(r.stdout)[0].page.url, 'index.html');
  });

  test('--output writes one format to a file', () => {
    const dir = project({ 'index.html': GOOD });
    const r = curbcut(['index.html', '--format', 'json', '--output', 'out/report.json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(reportsOf(readFileSync(join(dir, 'out/report.json'), 'utf8'))[0].page.url, 'index.html');
  });

  test('each format has its shape', () => {
    const dir = project({ 'a.html': CRITICAL, 'b.html': MODERATE });
    const out = (/** @type {string} */ f) => curbcut(['a.html', 'b.html', '--format', f], { cwd: dir });
    const json = JSON.parse(out('json').stdout);
    assert.equal(json.reports.length, 2);
    const sarif = JSON.parse(out('sarif').stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x) => x.ruleId === 'image-alt'));
    assert.match(out('junit').stdout, /^<\?xml[^>]*>\s*<testsuites/);
    assert.match(out('markdown').stdout, /^#/m);
    assert.match(out('html').stdout, /^<!doctype html>/i);
    const text = out('text').stdout;
    assert.match(text, /a\.html/);
    assert.match(text, /image-alt/);
    assert.doesNotMatch(text, /\u001b\[/, 'no colour when stdout is not a terminal');
  });

  test('colour follows NO_COLOR, FORCE_COLOR and --no-color', () => {
    const dir = project({ 'index.html': CRITICAL });
    assert.match(curbcut(['index.html'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stderr, /\u001b\[31m/);
    assert.doesNotMatch(curbcut(['index.html'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stderr, /\u001b\[/);
    assert.doesNotMatch(curbcut(['index.html', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stderr, /\u001b\[/);
  });

  test('--quiet leaves stderr empty and no progress bar off a terminal', () => {
    const dir = project({ 'a.html': GOOD, 'b.html': GOOD });
    let r = curbcut(['a.html', 'b.html', '--quiet'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    r = curbcut(['a.html', 'b.html'], { cwd: dir });
    assert.doesNotMatch(r.stderr, /\r/);
  });
});

test('a progress bar runs on a terminal when several files are checked', { skip: existsSync('/usr/bin/script') ? false : 'needs script(1) for a pseudo-terminal' }, () => {
  const dir = project(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`p${i}.html`, GOOD])));
  // script(1) gives the CLI a terminal; its output is the terminal's.
  const r = spawnSync('/usr/bin/script', ['-qec', `"${process.execPath}" "${bin}" . --format json --output out.json`, '/dev/null'], {
    cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /\[#+-*\] \d\/5 /);
  assert.match(r.stdout, /\[#{24}\] 5\/5 /);
  assert.match(r.stdout, /curbcut: 5 files checked · no failures/);
});

describe('sharding and merge', { skip: hasShard ? false : 'lib/shard.js is not in the build yet' }, () => {
  test('shards split the inputs and merge gives the unsharded report', () => {
    const files = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`site/p${i}.html`, i % 2 ? CRITICAL : GOOD]));
    const dir = project(files);
    const whole = curbcut(['site', '--format', 'json', '--output', 'whole.json'], { cwd: dir });
    assert.equal(whole.code, 1, whole.stderr);
    const seen = [];
    for (const i of [1, 2, 3]) {
      curbcut(['site', '--shard', `${i}/3`, '--format', 'json', '--output', `shard-${i}.json`], { cwd: dir });
      seen.push(...reportsOf(readFileSync(join(dir, `shard-${i}.json`), 'utf8')).map((r) => r.page.url));
    }
    assert.deepEqual([...seen].sort(), Object.keys(files).sort(), 'every file in exactly one shard');
    const merged = curbcut(['merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', '--format', 'json', '--output', 'merged.json'], { cwd: dir });
    assert.equal(merged.code, 1, merged.stderr);
    const urls = (/** @type {string} */ f) => reportsOf(readFileSync(join(dir, f), 'utf8')).map((r) => r.page.url).sort();
    assert.deepEqual(urls('merged.json'), urls('whole.json'));
    assert.match(merged.stderr, /7 files checked · 3 failures \(3 critical\)/);
  });

  test('merge rejects options that belong to the shard runs', () => {
    const r = curbcut(['merge', 'a.json', '--rules', 'image-alt']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--rules applies to checking pages, not to `curbcut merge`/);
  });
});

describe('baseline', { skip: hasBaseline ? false : 'lib/baseline.js is not in the build yet' }, () => {
  test('known findings pass, new ones fail, fixed ones are counted', () => {
    const dir = project({ 'index.html': CRITICAL });
    let r = curbcut(['index.html', '--baseline', 'a11y-baseline.json', '--update-baseline'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(dir, 'a11y-baseline.json')));
    r = curbcut(['index.html', '--baseline', 'a11y-baseline.json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /baseline: 0 new, 1 known, 0 fixed/);
    writeFileSync(join(dir, 'index.html'), page('<h1>Welcome</h1>\n<img src="hero.png">\n<nav><a href="/"><img src="home.png"></a></nav>'));
    r = curbcut(['index.html', '--baseline', 'a11y-baseline.json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /baseline: [1-9]\d* new, 1 known, 0 fixed/);
    assert.match(r.stderr, /new since the baseline \(\d+\):\n  (critical|serious)  (image-alt|link-name)  index\.html:\d+  /);
    writeFileSync(join(dir, 'index.html'), GOOD);
    r = curbcut(['index.html', '--baseline', 'a11y-baseline.json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /baseline: 0 new, 0 known, 1 fixed/);
    assert.match(r.stderr, /fixed since the baseline \(1; --update-baseline drops them from it\):\n  image-alt  index\.html  /);
  });

  test('pages not checked in this run (another shard, unreadable) are not counted as fixed', () => {
    const dir = project({ 'site/a.html': CRITICAL, 'site/b.html': CRITICAL, 'site/c.html': CRITICAL });
    assert.equal(curbcut(['site', '--baseline', 'base.json', '--update-baseline'], { cwd: dir }).code, 0);
    let r = curbcut(['site', '--baseline', 'base.json', '--shard', '1/3'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /1 file checked .*baseline: 0 new, 1 known, 0 fixed/);
    rmSync(join(dir, 'site/b.html'));
    r = curbcut(['site/a.html', 'site/b.html', 'site/c.html', '--baseline', 'base.json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr); // b.html can't be read
    assert.match(r.stderr, /baseline: 0 new, 2 known, 0 fixed/);
  });
});

describe('config validation (the schema interpreter)', async () => {
  const { validate, configSchema } = await import(join(pkg, 'lib', 'config.js'));
  const problems = (/** @type {unknown} */ value) => validate(configSchema(), value);

  test('every documented form is accepted', () => {
    assert.deepEqual(problems({
      $schema: './node_modules/curbcut/config.schema.json',
      rules: ['image-alt'], disable: ['text-contrast'], tags: ['wcag2a'], failOn: 'serious',
      failOnReview: true, includePassed: false, viewport: '375x667', colorScheme: 'dark',
      exclude: ['.ad'], fragment: false, baseline: 'b.json', format: ['text', 'sarif'], outputDir: 'r',
      ignore: ['dist/legacy/**'], baseDir: 'dist', urlMap: [{ prefix: '/static/', dir: 'dist/static' }],
    }), []);
    assert.deepEqual(problems({ viewport: { width: 800, height: 600 }, format: 'json' }), []);
  });

  test('problems name the key path', () => {
    assert.match(problems({ viewport: { width: 800, heigth: 600 } }).join('\n'), /unknown key "viewport\.heigth" \(did you mean "height"\?\)/);
    assert.match(problems({ viewport: 'wide' }).join('\n'), /"viewport": "wide" does not have the expected form/);
    assert.match(problems({ format: ['text', 'pdf'] }).join('\n'), /"format\[1\]": "pdf" is not one of/);
    assert.match(problems({ urlMap: [{ prefix: '/s/' }] }).join('\n'), /"urlMap\[0\]": missing key "dir"/);
    assert.match(problems({ rules: 'image-alt' }).join('\n'), /"rules": expected an array, got string/);
    assert.match(problems({ failOnReview: 'yes' }).join('\n'), /"failOnReview": expected a boolean, got string/);
    assert.match(problems([]).join('\n'), /the file: expected an object, got array/);
  });
});
