// Unit tests of lib/baseline.js on hand-made reports (no wasm needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildBaseline, compareBaseline, loadBaseline, normaliseFile, parseBaseline, writeBaseline,
} from '../lib/baseline.js';

/** A finding with the fields baselines read. */
function finding(rule, fingerprint, extra = {}) {
  return {
    rule, fingerprint, outcome: 'failed', impact: 'serious', selector: `#${rule}-${fingerprint}`,
    line: 1, snippet: '<x>', message: `${rule} failed`, help: '', helpUrl: '', act: [], wcag: [],
    ...extra,
  };
}

/** @param {object[]} results */
function report(results) {
  return { page: { url: null, title: null }, results, summary: {} };
}

const tmp = () => mkdtemp(join(tmpdir(), 'curbcut-baseline-'));

test('normaliseFile: slashes, ./ and paths inside the working directory', () => {
  assert.equal(normaliseFile('./pages/a.html'), 'pages/a.html');
  assert.equal(normaliseFile('pages\\sub\\a.html'), 'pages/sub/a.html');
  assert.equal(normaliseFile('pages//./a.html'), 'pages/a.html');
  assert.equal(normaliseFile(join(process.cwd(), 'x', 'y.html')), 'x/y.html');
  assert.equal(normaliseFile('/elsewhere/y.html').endsWith('elsewhere/y.html'), true);
});

test('loadBaseline: a missing file is null, a malformed one a clear error', async () => {
  const dir = await tmp();
  assert.equal(await loadBaseline(join(dir, 'nope.json')), null);
  const cases = [
    ['{not json', /not valid JSON/],
    ['[]', /expected a JSON object/],
    ['{"version":2,"findings":[]}', /"version" is 2/],
    ['{"version":1}', /"findings" must be an array/],
    ['{"version":1,"findings":[{"file":"a","rule":"r"}]}', /findings\[0\]\.fingerprint/],
    ['{"version":1,"findings":[{"file":"a","rule":"r","fingerprint":"f","count":0}]}', /count must be a positive integer/],
  ];
  for (const [text, re] of cases) {
    const p = join(dir, 'b.json');
    await writeFile(p, text);
    await assert.rejects(loadBaseline(p), (e) => {
      assert.match(e.message, re);
      assert.match(e.message, /b\.json/);
      return true;
    });
  }
});

test('compareBaseline: known, new, fixed and occurrence counts', () => {
  const a1 = finding('image-alt', 'f1');
  const a2 = finding('image-alt', 'f1'); // the same defect duplicated: same fingerprint
  const b = finding('button-name', 'f2');
  const review = finding('color-contrast', 'f3', { outcome: 'cantTell' });
  const passed = finding('page-has-title', 'f4', { outcome: 'passed' });
  const quiet = finding('link-name', 'f5', { suppressed: true });
  const baseline = parseBaseline(JSON.stringify({
    version: 1,
    findings: [
      { file: 'a.html', rule: 'image-alt', fingerprint: 'f1', count: 1 },
      { file: 'a.html', rule: 'color-contrast', fingerprint: 'f3', count: 1 },
      { file: 'a.html', rule: 'heading-order', fingerprint: 'gone', count: 2 },
      { file: 'b.html', rule: 'button-name', fingerprint: 'f2', count: 1 },
    ],
  }));
  const results = [
    { file: './a.html', report: report([a1, a2, b, review, passed, quiet]) },
  ];
  const c = compareBaseline(results, baseline);
  assert.deepEqual(c.known.map((k) => k.finding), [a1, review]);
  // The second occurrence of a known defect is new; b is known only in b.html.
  assert.deepEqual(c.newFindings.map((k) => k.finding), [a2, b]);
  assert.equal(a1.baseline, 'known');
  assert.equal(a2.baseline, 'new');
  assert.equal(b.baseline, 'new');
  assert.equal(review.baseline, 'known');
  assert.equal(passed.baseline, undefined);
  assert.equal(quiet.baseline, undefined);
  assert.deepEqual(c.fixed.map((f) => [f.file, f.rule, f.fingerprint, f.count]), [
    ['a.html', 'heading-order', 'gone', 2],
    ['b.html', 'button-name', 'f2', 1],
  ]);
});

test('compareBaseline: fewer occurrences than recorded reports the difference as fixed', () => {
  const baseline = parseBaseline('{"version":1,"findings":[{"file":"a.html","rule":"r","fingerprint":"f","count":3}]}');
  const c = compareBaseline([{ file: 'a.html', report: report([finding('r', 'f')]) }], baseline);
  assert.equal(c.known.length, 1);
  assert.equal(c.newFindings.length, 0);
  assert.deepEqual(c.fixed.map((f) => f.count), [2]);
});

test('compareBaseline: no baseline makes every tracked finding new', () => {
  const f = finding('r', 'f');
  const c = compareBaseline([{ file: 'a.html', report: report([f]) }], null);
  assert.equal(c.newFindings.length, 1);
  assert.equal(f.baseline, 'new');
  assert.deepEqual(c.fixed, []);
});

test('parseBaseline adds up entries with the same key', () => {
  const b = parseBaseline(JSON.stringify({
    version: 1,
    findings: [
      { file: './a.html', rule: 'r', fingerprint: 'f', count: 1 },
      { file: 'a.html', rule: 'r', fingerprint: 'f', count: 2 },
    ],
  }));
  assert.deepEqual(b.findings.map((e) => [e.file, e.count]), [['a.html', 3]]);
});

test('writeBaseline: deterministic, sorted, counted, without passed or suppressed findings', async () => {
  const dir = await tmp();
  const mk = () => [
    { file: 'z.html', report: report([finding('b-rule', '2'), finding('a-rule', '9')]) },
    {
      file: 'a.html',
      report: report([
        finding('b-rule', '1'), finding('b-rule', '1'),
        finding('c-rule', '3', { outcome: 'cantTell' }),
        finding('d-rule', '4', { outcome: 'passed' }),
        finding('e-rule', '5', { suppressed: true }),
      ]),
    },
  ];
  const p1 = join(dir, 'sub', 'one.json');
  const p2 = join(dir, 'two.json');
  await writeBaseline(p1, mk());
  await writeBaseline(p2, mk().reverse());
  const text = await readFile(p1, 'utf8');
  assert.equal(text, await readFile(p2, 'utf8'), 'input order must not change the file');
  assert.ok(text.endsWith('}\n'));
  const json = JSON.parse(text);
  assert.equal(json.version, 1);
  assert.deepEqual(json.findings.map((e) => [e.file, e.rule, e.fingerprint, e.count, e.outcome]), [
    ['a.html', 'b-rule', '1', 2, 'failed'],
    ['a.html', 'c-rule', '3', 1, 'cantTell'],
    ['z.html', 'a-rule', '9', 1, 'failed'],
    ['z.html', 'b-rule', '2', 1, 'failed'],
  ]);
  assert.equal(json.findings[0].selector, '#b-rule-1');
  assert.equal(json.findings[0].message, 'b-rule failed');
  // Round trip: the written baseline knows every finding of the run it was written from.
  const again = mk();
  const c = compareBaseline(again, await loadBaseline(p1));
  assert.equal(c.newFindings.length, 0);
  assert.equal(c.known.length, 5);
  assert.deepEqual(c.fixed, []);
});

test('buildBaseline keys by normalised file', () => {
  const b = buildBaseline([
    { file: './p/a.html', report: report([finding('r', 'f')]) },
    { file: 'p\\a.html', report: report([finding('r', 'f')]) },
  ]);
  assert.deepEqual(b.findings.map((e) => [e.file, e.count]), [['p/a.html', 2]]);
});
