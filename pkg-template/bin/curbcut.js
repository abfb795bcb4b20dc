#!/usr/bin/env node
// The `curbcut` command. Everything lives in lib/cli.js; this file only wires it to the process.
import { setFlagsFromString } from 'node:v8';
import { main } from '../lib/cli.js';

/**
 * Up to this much named HTML, the wasm runs in V8's baseline tier (Liftoff) only. By default V8
 * recompiles the hot functions with its optimising tier (TurboFan) on background threads while
 * the check runs: html5ever's tokenizer and tree builder and the cascade are 25-35 KB of wasm
 * each and take up to 9 MB of compiler memory each. That pays off over many pages, not over a
 * few. Measured on 2 cores (whole command, CPU time, peak RSS), default → Liftoff only:
 * one 1k-element page (62 KB) 0.83 → 0.25 s, 94 → 60 MB; one 10k page (434 KB) 1.28 → 0.49 s,
 * 97 → 72 MB; one 200k page (8.3 MB) 5.97 → 6.50 s, 348 → 328 MB; 20 pages of 10k +11% CPU;
 * 100 pages of 10k +31% CPU, 319 → 282 MB. Folders and globs (sites) keep the default.
 */
const LIFTOFF_ONLY_MAX_BYTES = 4 << 20;

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
  // V8 flags are set for this process only, before the wasm is compiled; the library never sets
  // flags in its users' processes.
  beforeEngine: (namedBytes) => {
    if (namedBytes !== null && namedBytes <= LIFTOFF_ONLY_MAX_BYTES) setFlagsFromString('--liftoff-only');
  },
});
