#!/usr/bin/env node
// The `curbcut` command. Everything lives in lib/cli.js; this file only wires it to the process.
import { main } from '../lib/cli.js';

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
