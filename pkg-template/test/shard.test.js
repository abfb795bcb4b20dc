// Unit tests of lib/shard.js on hand-made reports (no wasm needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combineReports, mergeReports, parseShard, shardInputs } from '../lib/shard.js';

const files = Array.from({ length: 23 }, (_, k) => `pages/p${String(k).padStart(2, '0')}.html`);

test('shardInputs: every input in exactly one shard, balanced, whatever the input order', () => {
  for (const n of [1, 2, 3, 5, 30]) {
    const shards = Array.from({ length: n }, (_, i) => shardInputs(files, i + 1, n));
    const all = shards.flat().sort();
    assert.deepEqual(all, [...files].sort(), `n=${n}`);
    const sizes = shards.map((s) => s.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `n=${n}: ${sizes}`);
    const shuffled = [...files].reverse();
    for (let i = 1; i <= n; i++) {
      assert.deepEqual(
        shardInputs(shuffled, i, n).sort(), [...shards[i - 1]].sort(),
        `n=${n}, shard ${i} depends on input order`,
      );
    }
  }
});

test('shardInputs: sorted round-robin, documented', () => {
  assert.deepEqual(shardInputs(['c', 'a', 'd', 'b'], 1, 2), ['c', 'a']);
  assert.deepEqual(shardInputs(['c', 'a', 'd', 'b'], 2, 2), ['d', 'b']);
});

test('shardInputs: input objects by display name; ./ and backslashes normalised', () => {
  const inputs = [
    { path: '/abs/b.html', display: 'b.html' },
    { path: '/abs/a.html', display: './a.html' },
    { path: '/abs/c.html', display: 'sub\\c.html' },
  ];
  assert.deepEqual(shardInputs(inputs, 1, 3).map((x) => x.path), ['/abs/a.html']);
  assert.deepEqual(shardInputs(inputs, 2, 3).map((x) => x.path), ['/abs/b.html']);
  assert.deepEqual(shardInputs(inputs, 3, 3).map((x) => x.path), ['/abs/c.html']);
  // Copies of one path stay in one shard.
  assert.deepEqual(shardInputs(['a', './a', 'b'], 1, 2), ['a', './a']);
});

test('shardInputs and parseShard validate i and n', () => {
  for (const [i, n] of [[0, 2], [3, 2], [1, 0], [1.5, 2], [1, NaN], [-1, 2]]) {
    assert.throws(() => shardInputs(files, i, n), RangeError, `${i}/${n}`);
  }
  assert.deepEqual(parseShard('2/4'), { index: 2, total: 4 });
  assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, total: 1 });
  for (const bad of ['0/4', '5/4', '1/0', 'x/2', '1-2', '']) {
    assert.throws(() => parseShard(bad), RangeError, bad);
  }
});

/** A minimal report of one page. */
function report(url, summary = {}) {
  return {
    tool: { name: 'curbcut', version: '1.0.0' },
    page: { url, title: null },
    rules: [],
    results: [],
    summary: { passed: 1, failed: 2, cantTell: 3, inapplicable: 4, suppressed: 0, ...summary },
    limits: [],
    missingResources: [],
    parseErrors: 0,
  };
}

const multi = (reports) => combineReports(reports, { name: 'curbcut', version: '1.0.0' });

test('mergeReports: multi-page and single-page outputs combine, sorted by URL, summary recomputed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'curbcut-shard-'));
  await writeFile(join(dir, 's1.json'), JSON.stringify(multi([report('b.html'), report('d.html')])));
  await writeFile(join(dir, 's2.json'), JSON.stringify(report('a.html', { suppressed: 1 })));
  await writeFile(join(dir, 's3.json'), JSON.stringify(multi([])));
  await writeFile(join(dir, 's4.json'), JSON.stringify([report('c.html')]));
  const merged = await mergeReports(['s1', 's2', 's3', 's4'].map((s) => join(dir, `${s}.json`)));
  assert.deepEqual(merged.tool, { name: 'curbcut', version: '1.0.0' });
  assert.deepEqual(merged.reports.map((r) => r.page.url), ['a.html', 'b.html', 'c.html', 'd.html']);
  assert.deepEqual(merged.summary, { files: 4, passed: 4, failed: 8, cantTell: 12, suppressed: 1, inapplicable: 16 });
  assert.deepEqual(Object.keys(merged), ['tool', 'reports', 'summary']);
});

test('mergeReports: clear errors for bad inputs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'curbcut-shard-'));
  const p = (name) => join(dir, name);
  await writeFile(p('bad.json'), '{oops');
  await writeFile(p('other.json'), '{"hello":1}');
  await writeFile(p('a.json'), JSON.stringify(report('a.html')));
  await writeFile(p('a2.json'), JSON.stringify(report('a.html')));
  await writeFile(p('v2.json'), JSON.stringify({ ...report('z.html'), tool: { name: 'curbcut', version: '2.0.0' } }));
  await assert.rejects(mergeReports([]), /no shard reports/);
  await assert.rejects(mergeReports([p('missing.json')]), /cannot read .*missing\.json/);
  await assert.rejects(mergeReports([p('bad.json')]), /bad\.json is not valid JSON/);
  await assert.rejects(mergeReports([p('other.json')]), /other\.json is not a curbcut JSON report/);
  await assert.rejects(mergeReports([p('a.json'), p('a2.json')]), /page a\.html is in both/);
  await assert.rejects(mergeReports([p('a.json'), p('a.json')]), /given twice/);
  await assert.rejects(mergeReports([p('a.json'), p('v2.json')]), /same version/);
});
