// End to end: baselines through `npx curbcut --baseline FILE [--update-baseline]`. Known
// findings don't fail the build, new ones do, fixed ones are reported; a cosmetic refactor
// (class names, ids, wrapper divs) keeps known findings known; a duplicated defect is new.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedProject, npx, reportsOf, workspace, writeFiles } from './helpers.js';

/**
 * A checkout page in the style of generated markup. `v` chooses the variant:
 * - base: the defects the team accepts for now;
 * - refactor: the same page after a cosmetic refactor (new class names and ids, wrapper divs
 *   added and removed, attributes reordered), the defects unchanged;
 * - duplicate: base plus a second copy of one defect in the same landmark;
 * - fixed: base with one defect repaired.
 * @param {'base' | 'refactor' | 'duplicate' | 'fixed'} v
 */
function checkout(v) {
  const r = v === 'refactor';
  const hero = r
    ? '<div class="tw-relative tw-w-full"><div class="tw-aspect"><img class="tw-hero" src="/img/hero.png" loading="lazy"></div></div>'
    : '<img src="/img/hero.png" class="hero-image" id="hero">';
  const cart = r
    ? '<button type="button" data-testid="cart-btn" class="btn btn--icon"><svg class="i" aria-hidden="true"></svg></button>'
    : '<button class="icon-button cart"><svg aria-hidden="true"></svg></button>';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Checkout</title></head>
<body>
<${r ? 'header class="site-header"' : 'header'}>
  ${r ? '<div class="container">' : ''}
  <nav aria-label="Primary">
    <a href="/">Home</a>
    ${v === 'fixed' ? '<button class="icon-button cart" aria-label="Cart"><svg aria-hidden="true"></svg></button>' : cart}
  </nav>
  ${r ? '</div>' : ''}
</header>
<main${r ? ' class="page page--checkout" id="content-root"' : ' id="main"'}>
  ${r ? '' : '<div class="wrapper">'}
  <h1>Checkout</h1>
  ${hero}
  ${v === 'duplicate' ? '<img src="/img/hero.png" class="hero-image">' : ''}
  <form>
    <label>Email <input type="email" name="email"></label>
    <input type="text" name="coupon" placeholder="Coupon code">
  </form>
  <a href="/terms" class="${r ? 'link-muted' : 'terms-link'}"><img src="/img/info.png"></a>
  ${r ? '' : '</div>'}
</main>
</body>
</html>
`;
}

/** `baseline: N new, N known, N fixed` from the summary line. @param {string} stderr */
function counts(stderr) {
  const m = /baseline: (\d+) new, (\d+) known, (\d+) fixed/.exec(stderr);
  assert.ok(m, `no baseline summary in:\n${stderr}`);
  return { new: Number(m[1]), known: Number(m[2]), fixed: Number(m[3]) };
}

describe('baseline', () => {
  /** @type {string} */
  let dir;
  /** @type {number} */
  let baselined;
  const BASELINE = '.curbcut/baseline.json';

  before(async () => {
    const project = await installedProject();
    dir = workspace(project, { 'site/checkout.html': checkout('base'), 'site/other.html': checkout('base') });
  });

  test('--update-baseline writes a deterministic, sorted file and passes', () => {
    const r = npx(['site', '--baseline', BASELINE, '--update-baseline'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(join(dir, BASELINE), 'utf8');
    const again = npx(['site', '--baseline', BASELINE, '--update-baseline'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(join(dir, BASELINE), 'utf8'), text, 'same findings, same bytes');
    const json = JSON.parse(text);
    assert.equal(json.version, 1);
    const keys = json.findings.map((e) => `${e.file}\u0000${e.rule}\u0000${e.fingerprint}`);
    assert.deepEqual(keys, [...keys].sort(), 'sorted');
    assert.equal(new Set(keys).size, keys.length, 'one entry per key');
    const files = new Set(json.findings.map((e) => e.file));
    assert.deepEqual([...files].sort(), ['site/checkout.html', 'site/other.html'], 'portable file names');
    for (const e of json.findings) {
      assert.ok(e.count >= 1 && e.selector && e.message && e.rule, JSON.stringify(e));
    }
    const report = reportsOf(npx(['site/checkout.html', '--format', 'json'], { cwd: dir }).stdout)[0];
    const open = report.results.filter((f) => f.outcome !== 'passed' && !f.suppressed);
    baselined = open.length;
    assert.ok(baselined >= 3, `the page has several findings: ${open.map((f) => f.rule)}`);
    assert.equal(json.findings.filter((e) => e.file === 'site/checkout.html').reduce((n, e) => n + e.count, 0), baselined);
  });

  test('an unchanged site passes: every finding is known', () => {
    const r = npx(['site', '--baseline', BASELINE], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(counts(r.stderr), { new: 0, known: 2 * baselined, fixed: 0 });
    // Without the baseline the same site fails.
    assert.equal(npx(['site'], { cwd: dir }).code, 1);
  });

  test('a cosmetic refactor keeps known findings known', () => {
    const before = reportsOf(npx(['site/checkout.html', '--format', 'json'], { cwd: dir }).stdout)[0];
    writeFiles(dir, { 'site/checkout.html': checkout('refactor') });
    const r = npx(['site', '--baseline', BASELINE], { cwd: dir });
    const after = reportsOf(npx(['site/checkout.html', '--format', 'json'], { cwd: dir }).stdout)[0];
    // The refactor did change what selectors see, so only the fingerprint can match them.
    const selectors = (rep) => rep.results.filter((f) => f.outcome !== 'passed').map((f) => f.selector).sort();
    assert.notDeepEqual(selectors(after), selectors(before));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(counts(r.stderr), { new: 0, known: 2 * baselined, fixed: 0 });
  });

  test('a duplicated defect counts as new and fails the build', () => {
    writeFiles(dir, { 'site/checkout.html': checkout('duplicate') });
    const r = npx(['site', '--baseline', BASELINE], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(counts(r.stderr), { new: 1, known: 2 * baselined, fixed: 0 });
  });

  test('a fixed defect is reported as fixed and passes', () => {
    writeFiles(dir, { 'site/checkout.html': checkout('fixed') });
    const r = npx(['site', '--baseline', BASELINE], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(counts(r.stderr), { new: 0, known: 2 * baselined - 1, fixed: 1 });
  });

  test('a new defect elsewhere fails; known ones do not', () => {
    writeFiles(dir, { 'site/checkout.html': checkout('base').replace('<h1>Checkout</h1>', '<h1>Checkout</h1>\n<h2></h2>') });
    const r = npx(['site', '--baseline', BASELINE], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(counts(r.stderr), { new: 1, known: 2 * baselined, fixed: 0 });
    writeFiles(dir, { 'site/checkout.html': checkout('base') });
  });

  test('findings that need review are baselined too', () => {
    const page = '<!doctype html><html lang="en"><head><title>R</title><link rel="stylesheet" href="missing.css"></head><body><main><h1>Hi</h1><p>Text whose contrast depends on a missing sheet.</p></main></body></html>';
    const d = workspace(dir.slice(0, dir.lastIndexOf('/cases/')), { 'r.html': page });
    const report = reportsOf(npx(['r.html', '--format', 'json'], { cwd: d }).stdout)[0];
    const review = report.results.filter((f) => f.outcome === 'cantTell');
    assert.ok(review.length >= 1, 'a missing stylesheet leaves contrast to review');
    assert.equal(npx(['r.html', '--fail-on-review'], { cwd: d }).code, 1);
    assert.equal(npx(['r.html', '--baseline', 'b.json', '--update-baseline'], { cwd: d }).code, 0);
    const json = JSON.parse(readFileSync(join(d, 'b.json'), 'utf8'));
    assert.ok(json.findings.some((e) => e.outcome === 'cantTell'));
    const r = npx(['r.html', '--baseline', 'b.json', '--fail-on-review'], { cwd: d });
    assert.equal(r.code, 0, r.stderr);
  });

  test('a missing baseline makes everything new; a malformed one is an error', () => {
    const missing = npx(['site', '--baseline', 'nope.json'], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.equal(counts(missing.stderr).known, 0);
    writeFiles(dir, { 'broken.json': '{"version": 1, "findings": {}}' });
    const broken = npx(['site', '--baseline', 'broken.json'], { cwd: dir });
    assert.equal(broken.code, 2, broken.stderr);
    assert.match(broken.stderr, /broken\.json/);
    assert.match(broken.stderr, /malformed/);
  });
});
