#!/usr/bin/env node
// The `curbcut` command. Everything lives in lib/cli.js; this file only wires it to the process.
import { setFlagsFromString } from 'node:v8';

// Run the wasm in V8's baseline tier (Liftoff) only, never tiering up to the optimising tier
// (TurboFan). A CLI run checks each page once, and by default V8 recompiles the hot functions
// (html5ever's tokenizer and tree builder, the cascade: 25-35 KB of wasm each, up to 9 MB of
// compiler memory per function) on background threads while the check runs: ~30 MB more peak
// RSS and CPU taken from the check. Measured on 2 cores, one 1k / 10k / 200k-element page:
// 94 → 60 MB / 97 → 72 MB / 348 → 328 MB, CPU 0.83 → 0.25 s / 1.28 → 0.49 s / 5.97 → 6.50 s;
// 100 pages of 1k: −5% CPU, 138 → 92 MB; 20 pages of 10k (where the optimised code would pay
// off): +11% CPU, 137 → 105 MB. Set here, for this process only, before the wasm is compiled
// (lib/cli.js is imported below, after it); the library never sets flags in its users' process.
setFlagsFromString('--liftoff-only');

const { main } = await import('../lib/cli.js');

// A closed pipe (`curbcut … | head`) is not an error of the check.
process.stdout.on('error', (e) => {
  if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EPIPE') throw e;
});

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
