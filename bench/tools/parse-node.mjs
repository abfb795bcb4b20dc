// The floor in Node (see common.mjs, `loadFloor`): a bare html5ever parse of each page.
import { performance } from 'node:perf_hooks';
import { drive, loadFloor } from './common.mjs';

const parse = await loadFloor();
await drive((html) => {
  const t = performance.now();
  parse(html);
  return performance.now() - t;
});
