// End to end: `npx curbcut --shard i/n` over a site, then `npx curbcut merge` of the shards'
// JSON reports, must equal the unsharded run (reports sorted, timings ignored) in JSON and in
// the formats rendered from the merge.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRITICAL, GOOD, MODERATE, installedProject, npx, page, reportsOf, workspace } from './helpers.js';

const SITE = {
  'site/index.html': GOOD,
  'site/about.html': MODERATE,
  'site/shop/cart.html': CRITICAL,
  'site/shop/item-1.html': page('<h1>Item</h1><button></button><img src="i.png">'),
  'site/shop/item-2.html': page('<h1>Item 2</h1><a href="/x"></a>'),
  'site/blog/post.htm': page('<h1>Post</h1><div data-curbcut-ignore="image-alt"><img src="p.png"></div>'),
  'site/blog/draft.html': '<article><h2></h2><img src="d.png"></article>\n',
};

/** Keys that measure time, not results. */
const TIMING = /^(time|timings?|duration(Ms)?|elapsed(Ms)?|timestamp|startTime|endTime|startTimeUtc|endTimeUtc)$/i;

/**
 * A JSON value with timing keys removed and the page reports sorted by URL.
 * @param {any} v
 * @returns {any}
 */
function normalise(v) {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    /** @type {Record<string, any>} */
    const out = {};
    for (const [k, x] of Object.entries(v)) if (!TIMING.test(k)) out[k] = normalise(x);
    if (Array.isArray(out.reports)) {
      out.reports = [...out.reports].sort((a, b) => (a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0));
    }
    return out;
  }
  return v;
}

const N = 3;

describe('shard and merge', () => {
  /** @type {string} */
  let dir;
  /** @type {{ code: number | null, stderr: string }} */
  let full;

  before(async () => {
    const project = await installedProject();
    dir = workspace(project, SITE);
    full = npx(['site', '--format', 'json', '--output', 'full.json'], { cwd: dir });
    assert.equal(full.code, 1, full.stderr);
    for (let i = 1; i <= N; i++) {
      const r = npx(['site', '--shard', `${i}/${N}`, '--format', 'json', '--output', `shard-${i}.json`], { cwd: dir });
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
    }
  });

  test('every page is in exactly one shard', () => {
    const all = reportsOf(readFileSync(join(dir, 'full.json'), 'utf8')).map((r) => r.page.url).sort();
    assert.equal(all.length, Object.keys(SITE).length);
    const sharded = [];
    for (let i = 1; i <= N; i++) {
      const urls = reportsOf(readFileSync(join(dir, `shard-${i}.json`), 'utf8')).map((r) => r.page.url);
      assert.ok(urls.length >= 2 && urls.length <= 3, `shard ${i}: ${urls}`);
      sharded.push(...urls);
    }
    assert.deepEqual(sharded.sort(), all);
  });

  test('the same shard twice gives the same pages (deterministic)', () => {
    const r = npx(['site', '--shard', `2/${N}`, '--format', 'json'], { cwd: dir });
    const again = reportsOf(r.stdout).map((x) => x.page.url);
    const first = reportsOf(readFileSync(join(dir, 'shard-2.json'), 'utf8')).map((x) => x.page.url);
    assert.deepEqual(again, first);
  });

  test('merge gives the JSON of the unsharded run, and its exit code', () => {
    const shards = Array.from({ length: N }, (_, i) => `shard-${N - i}.json`); // any order
    const r = npx(['merge', ...shards, '--format', 'json', '--output', 'merged.json'], { cwd: dir });
    assert.equal(r.code, full.code, r.stderr);
    const merged = normalise(JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')));
    const expected = normalise(JSON.parse(readFileSync(join(dir, 'full.json'), 'utf8')));
    assert.deepEqual(merged, expected);
  });

  test('merge renders the other formats as the unsharded run does', () => {
    const shards = Array.from({ length: N }, (_, i) => `shard-${i + 1}.json`);
    for (const format of ['sarif', 'junit', 'markdown']) {
      const a = npx(['site', '--format', format], { cwd: dir }).stdout;
      const b = npx(['merge', ...shards, '--format', format], { cwd: dir }).stdout;
      if (format === 'sarif') assert.deepEqual(normalise(JSON.parse(b)), normalise(JSON.parse(a)));
      else assert.equal(b.replace(/\btime="[^"]*"/g, ''), a.replace(/\btime="[^"]*"/g, ''), format);
    }
  });

  test('an empty shard passes and merges', () => {
    const r = npx(['site', '--shard', '9/9', '--format', 'json', '--output', 'empty.json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    // 7 pages over 9 shards: shards 8 and 9 are empty.
    assert.equal(reportsOf(readFileSync(join(dir, 'empty.json'), 'utf8')).length, 0);
    const m = npx(['merge', 'shard-1.json', 'shard-2.json', 'shard-3.json', 'empty.json', '--format', 'json'], { cwd: dir });
    assert.deepEqual(normalise(JSON.parse(m.stdout)), normalise(JSON.parse(readFileSync(join(dir, 'full.json'), 'utf8'))));
  });

  test('bad shard specs are usage errors; merging a non-report is an error', () => {
    for (const spec of ['0/3', '4/3', '1/0', 'a/b', '2']) {
      const r = npx(['site', '--shard', spec], { cwd: dir });
      assert.equal(r.code, 2, `${spec}: ${r.stderr}`);
    }
    const r = npx(['merge', 'site/index.html'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /index\.html/);
    const twice = npx(['merge', 'shard-1.json', 'shard-1.json', 'shard-2.json'], { cwd: dir });
    assert.notEqual(twice.code, 0, 'a page counted twice is not a valid merge');
  });
});
