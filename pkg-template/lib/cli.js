// The `curbcut` command: arguments and config → inputs → checks (in the wasm engine) →
// baseline → reports rendered by the engine → summary and exit code. This module is plumbing:
// every verdict, every suppression and every output format comes from Rust; here we only count
// the engine's findings against the thresholds the user chose.
//
// Exit codes: 0 no failure at or above --fail-on (known baseline findings and suppressed
// findings don't count), 1 failures (or some input could not be read), 2 usage error, bad
// config, or nothing could be checked.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findConfig, loadConfig, UsageError } from './config.js';
import { collectInputs, displayPath } from './inputs.js';
import { palette, Progress, summaryLine, useColor } from './progress.js';

/** @typedef {import('../index.js').Report} Report */
/** @typedef {import('../index.js').Finding & { baseline?: 'new' | 'known' }} Finding */
/** @typedef {import('../index.js').Format} Format */
/** @typedef {import('./config.js').Config} Config */
/** @typedef {import('./inputs.js').Input} Input */

/**
 * Where the CLI reads and writes; `process` in real use, fakes in tests.
 * @typedef {object} Io
 * @property {string} cwd
 * @property {NodeJS.ProcessEnv} env
 * @property {NodeJS.ReadableStream} stdin
 * @property {NodeJS.WritableStream & { isTTY?: boolean, columns?: number }} stdout
 * @property {NodeJS.WritableStream & { isTTY?: boolean, columns?: number }} stderr
 * @property {(namedBytes: number | null) => void} [beforeEngine] called once, before the wasm is
 *   compiled, with the total size of the inputs when they are all named files (null for
 *   folders, globs, stdin): the process may set V8 flags there (bin/curbcut.js does)
 */

export const FORMATS = /** @type {const} */ (['text', 'json', 'sarif', 'junit', 'markdown', 'html']);
export const IMPACTS = /** @type {const} */ (['minor', 'moderate', 'serious', 'critical']);

/** File names `--output-dir` writes, one per format. */
export const OUTPUT_FILES = {
  text: 'curbcut.txt',
  json: 'curbcut.json',
  sarif: 'curbcut.sarif',
  junit: 'curbcut.junit.xml',
  markdown: 'curbcut.md',
  html: 'curbcut.html',
};

/** Tags rules may carry, beyond those the current rules do (a valid filter matching nothing yet). */
const KNOWN_TAGS = ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag21aaa', 'wcag22a', 'wcag22aa', 'wcag22aaa', 'best-practice'];

/** Files read at the same time: the engine is synchronous, so more only costs memory. */
const POOL = 4;

const OPTIONS = /** @type {const} */ ({
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  'output-dir': { type: 'string' },
  rules: { type: 'string', multiple: true },
  disable: { type: 'string', multiple: true },
  tags: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'fail-on-review': { type: 'boolean' },
  'include-passed': { type: 'boolean' },
  viewport: { type: 'string' },
  'color-scheme': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  fragment: { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  'base-dir': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  shard: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-color': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
});

/** Options that mean something to `curbcut merge`. */
const MERGE_OPTIONS = new Set([
  'format', 'output', 'output-dir', 'fail-on', 'fail-on-review', 'include-passed', 'baseline',
  'config', 'no-config', 'quiet', 'no-color', 'help',
]);

export const HELP = `Usage: curbcut [options] <file|folder|glob|->...
       curbcut merge <report.json>... [--format F] [--output FILE | --output-dir DIR]

Checks HTML pages for accessibility problems (WCAG 2.2, W3C ACT rules). Folders are searched
for *.html and *.htm (skipping node_modules and dot-folders); quote globs ("dist/**/*.html");
"-" reads one page from stdin. Inputs without <html>/<body> are checked as fragments.

Output
  -f, --format FORMAT      text (default), json, sarif, junit, markdown, html; repeatable
  -o, --output FILE        write the (single) format to FILE instead of stdout
      --output-dir DIR     one file per format: curbcut.txt, .json, .sarif, .junit.xml, .md,
                           .html (every format when no --format is given)
      --include-passed     list passed checks too
  -q, --quiet              no progress bar and no summary on stderr (errors still shown)
      --no-color           no ANSI colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)

What to check
      --rules ID,...       run only these rules (see --list-rules)
      --disable ID,...     never run these rules
      --tags TAG,...       run rules with these tags: wcag2a, wcag2aa, wcag21aa, wcag22aa,
                           best-practice, ... (default: WCAG 2.2 A and AA, best-practice)
      --exclude SELECTOR   suppress findings on matching elements and inside them; repeatable
                           (also: data-curbcut-ignore="rule-id ..." in the page)
      --fragment           check every input as a fragment (no title/lang/landmark rules)
      --viewport WxH       viewport for @media queries (default 1280x800)
      --color-scheme S     light (default) or dark
      --ignore GLOB        skip inputs matching GLOB; repeatable
      --base-dir DIR       folder root-relative stylesheet URLs (/css/a.css) are read from

Failing the build
      --fail-on IMPACT     minor (default: any failure), moderate, serious or critical
      --fail-on-review     findings that need review (cantTell) fail too
      --baseline FILE      findings recorded in FILE don't fail; new ones do; fixed ones are
                           reported
      --update-baseline    write the current findings to the baseline file and pass

CI
      --shard I/N          check only the I-th of N deterministic slices of the inputs
                           (merge the shards' --format json reports with curbcut merge)
  -c, --config FILE        config file (default: the nearest curbcut.config.json upwards
                           from the working directory)
      --no-config          ignore curbcut.config.json files

      --list-rules         print the rules and exit
  -h, --help               print this help
  -v, --version            print the version

Exit codes: 0 no failure at or above --fail-on; 1 failures, or an input could not be read;
2 usage error, invalid config, or nothing could be checked.
`;

/**
 * Run the CLI.
 * @param {string[]} argv arguments after `curbcut`
 * @param {Io} io
 * @returns {Promise<number>} exit code
 */
export async function main(argv, io) {
  const err = palette(useColor(io.stderr, io.env, argv.includes('--no-color')));
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${err.red('curbcut:')} ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.stack ?? e.message : String(e);
    io.stderr.write(`${err.red('curbcut: internal error:')} ${message}\nPlease report this with the command you ran.\n`);
    return 2;
  }
}

/** The engine (the package's Node entry), loaded by `loadEngine`. @type {typeof import('../index.js')} */
let api;

/**
 * Load the engine: importing index.js compiles the wasm, so `io.beforeEngine` runs first.
 * @param {string[]} positionals
 * @param {Io} io
 */
async function loadEngine(positionals, io) {
  if (api) return;
  io.beforeEngine?.(await namedBytes(positionals, io.cwd));
  api = await import('../index.js');
}

/**
 * Total size of the inputs if they are all named files, else null (folders and globs are only
 * known once collected, after the engine is needed to validate the options).
 * @param {string[]} positionals
 * @param {string} cwd
 * @returns {Promise<number | null>}
 */
async function namedBytes(positionals, cwd) {
  if (positionals.length === 0) return null;
  let total = 0;
  for (const p of positionals) {
    const info = await stat(resolve(cwd, p)).catch(() => null);
    if (!info?.isFile()) return null;
    total += info.size;
  }
  return total;
}

/** @param {string[]} argv @param {Io} io */
async function run(argv, io) {
  const merging = argv[0] === 'merge';
  const args = parse(merging ? argv.slice(1) : argv, merging);
  const flags = args.values;

  if (flags.help) {
    io.stdout.write(HELP);
    return 0;
  }
  await loadEngine(merging ? [] : args.positionals, io);
  if (flags.version) {
    io.stdout.write(`${api.version()}\n`);
    return 0;
  }
  if (flags['list-rules']) {
    io.stdout.write(listRules());
    return 0;
  }

  const loaded = flags['no-config'] ? null : configFile(flags.config, io.cwd);
  const config = loaded?.config ?? {};
  const settings = settle(flags, config, loaded?.dir ?? io.cwd, io, merging);

  /** @type {Report[]} */
  let reports;
  /** @type {number} */
  let unreadable;
  if (merging) {
    ({ reports, unreadable } = await mergeInputs(args.positionals, io));
  } else {
    ({ reports, unreadable } = await checkInputs(args.positionals, settings, io));
  }
  return finish(reports, unreadable, settings, io);
}

/**
 * @param {string[]} argv
 * @param {boolean} merging
 */
function parse(argv, merging) {
  let args;
  try {
    args = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const option = /'(-[^']*)'/.exec(message)?.[1];
    if (/Unknown option/i.test(message) && option) {
      throw new UsageError(`unknown option ${option}. Run \`curbcut --help\` for the list of options.`);
    }
    const long = /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1] ?? option;
    if (/argument missing/i.test(message) && long) {
      throw new UsageError(`${long} needs a value. Run \`curbcut --help\` for its form.`);
    }
    if (/does not take an argument/i.test(message) && long) {
      throw new UsageError(`${long} is a switch and takes no value. Run \`curbcut --help\` for usage.`);
    }
    throw new UsageError(`${message}. Run \`curbcut --help\` for usage.`);
  }
  if (merging) {
    for (const name of Object.keys(args.values)) {
      if (!MERGE_OPTIONS.has(name)) {
        throw new UsageError(`--${name} applies to checking pages, not to \`curbcut merge\` (the shards already applied it). Pass it to the shard runs instead.`);
      }
    }
  }
  return args;
}

/** @param {string | undefined} explicit @param {string} cwd */
function configFile(explicit, cwd) {
  if (explicit) return loadConfig(resolve(cwd, explicit));
  const found = findConfig(cwd);
  return found ? loadConfig(found) : null;
}

/**
 * @typedef {object} Settings
 * @property {Format[]} formats
 * @property {string | null} output
 * @property {string | null} outputDir
 * @property {'minor'|'moderate'|'serious'|'critical'} failOn
 * @property {boolean} failOnReview
 * @property {boolean} includePassed
 * @property {string | null} baseline
 * @property {boolean} updateBaseline
 * @property {{ index: number, total: number } | null} shard
 * @property {boolean} quiet
 * @property {boolean} noColor
 * @property {Record<string, unknown>} engine options passed to the engine
 * @property {{ base: string, patterns: string[] }[]} ignore
 */

/**
 * Command-line flags over config values, validated: everything the run needs, or a UsageError
 * saying what's wrong and how to fix it.
 * @param {Record<string, any>} flags
 * @param {Config} config
 * @param {string} configDir folder of the config file (its `ignore` globs are relative to it)
 * @param {Io} io
 * @param {boolean} merging
 * @returns {Settings}
 */
function settle(flags, config, configDir, io, merging) {
  const list = (/** @type {string[] | undefined} */ values) =>
    values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

  const formatsGiven = flags.format ? list(flags.format) : config.format === undefined ? undefined : [config.format].flat();
  const output = flags.output ?? null;
  // `--output -` is stdout, even when the config names an output folder.
  const outputDir = flags['output-dir'] !== undefined ? resolve(io.cwd, flags['output-dir']) : output === '-' ? null : config.outputDir ?? null;
  for (const f of formatsGiven ?? []) {
    if (!FORMATS.includes(/** @type {any} */ (f))) {
      throw new UsageError(`unknown format "${f}": use one of ${FORMATS.join(', ')}.`);
    }
  }
  /** @type {Format[]} */
  let formats = /** @type {Format[]} */ ([...new Set(formatsGiven ?? [])]);
  if (formats.length === 0) formats = outputDir && !output ? [...FORMATS] : ['text'];
  if (output && flags['output-dir'] !== undefined) {
    throw new UsageError('--output and --output-dir exclude each other: use --output for one format, --output-dir for several.');
  }
  if (!output && !outputDir && formats.length > 1) {
    throw new UsageError(`${formats.length} formats (${formats.join(', ')}) can't all go to stdout: add --output-dir DIR to write one file per format, or choose one with --format.`);
  }
  if (output && formats.length > 1) {
    throw new UsageError(`--output writes one format but ${formats.length} were asked for (${formats.join(', ')}): use --output-dir DIR to write one file per format.`);
  }

  const failOn = flags['fail-on'] ?? config.failOn ?? 'minor';
  if (!IMPACTS.includes(failOn)) {
    throw new UsageError(`--fail-on "${failOn}" is not an impact: use minor, moderate, serious or critical.`);
  }

  let shard = null;
  if (flags.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(flags.shard.trim());
    const index = m ? Number(m[1]) : NaN;
    const total = m ? Number(m[2]) : NaN;
    if (!m || total < 1 || index < 1 || index > total) {
      throw new UsageError(`--shard "${flags.shard}" must be I/N with 1 ≤ I ≤ N, e.g. --shard 2/4 for the second of four CI jobs.`);
    }
    shard = { index, total };
  }

  const baselineFlag = flags.baseline !== undefined ? resolve(io.cwd, flags.baseline) : null;
  const baseline = baselineFlag ?? config.baseline ?? null;
  const updateBaseline = Boolean(flags['update-baseline']);
  if (updateBaseline && !baseline) {
    throw new UsageError('--update-baseline needs a baseline file: add --baseline FILE (or "baseline" in curbcut.config.json).');
  }
  if (updateBaseline && shard) {
    throw new UsageError('--update-baseline can\'t be combined with --shard: each shard would write only its part. Update the baseline in one unsharded run.');
  }

  const settings = {
    formats,
    output: output === null || output === '-' ? null : resolve(io.cwd, output),
    outputDir,
    failOn,
    failOnReview: Boolean(flags['fail-on-review'] ?? config.failOnReview),
    includePassed: Boolean(flags['include-passed'] ?? config.includePassed),
    baseline,
    updateBaseline,
    shard,
    quiet: Boolean(flags.quiet),
    noColor: Boolean(flags['no-color']),
    engine: {},
    ignore: /** @type {{ base: string, patterns: string[] }[]} */ ([]),
  };
  if (merging) return settings;

  const known = api.rules();
  const ruleIds = new Set(known.map((r) => r.id));
  const checkIds = (/** @type {string[] | undefined} */ ids, /** @type {string} */ what) => {
    for (const id of ids ?? []) {
      if (!ruleIds.has(id)) throw new UsageError(`${what}: unknown rule "${id}". Run \`curbcut --list-rules\` for the rule ids.`);
    }
    return ids;
  };
  const tagSet = new Set([...KNOWN_TAGS, ...known.flatMap((r) => r.tags)]);
  const checkTags = (/** @type {string[] | undefined} */ tags, /** @type {string} */ what) => {
    for (const t of tags ?? []) {
      if (!tagSet.has(t)) throw new UsageError(`${what}: unknown tag "${t}": use ${[...tagSet].sort().join(', ')}.`);
    }
    return tags;
  };

  const rules = flags.rules ? checkIds(list(flags.rules), '--rules') : checkIds(config.rules, 'config "rules"');
  const disable = [...new Set([...(checkIds(config.disable, 'config "disable"') ?? []), ...(checkIds(list(flags.disable), '--disable') ?? [])])];
  const tags = flags.tags ? checkTags(list(flags.tags), '--tags') : checkTags(config.tags, 'config "tags"');
  const exclude = [...(config.exclude ?? []), ...(flags.exclude ?? [])];

  const viewport = parseViewport(flags.viewport ?? config.viewport);
  const colorScheme = flags['color-scheme'] ?? config.colorScheme;
  if (colorScheme !== undefined && colorScheme !== 'light' && colorScheme !== 'dark') {
    throw new UsageError(`--color-scheme "${colorScheme}": use light or dark.`);
  }
  const fragment = flags.fragment ? true : config.fragment;
  const baseDir = flags['base-dir'] !== undefined ? resolve(io.cwd, flags['base-dir']) : config.baseDir;

  /** @type {Record<string, unknown>} */
  const engine = { rules, disable, tags, exclude, viewport, colorScheme, fragment, baseDir, urlMap: config.urlMap };
  if (settings.includePassed) engine.includePassed = true;
  for (const key of Object.keys(engine)) if (engine[key] === undefined) delete engine[key];
  settings.engine = engine;

  if (config.ignore) settings.ignore.push({ base: configDir, patterns: config.ignore });
  if (flags.ignore) settings.ignore.push({ base: io.cwd, patterns: flags.ignore });
  return settings;
}

/**
 * @param {string | {width: number, height: number} | undefined} value
 * @returns {{width: number, height: number} | undefined}
 */
function parseViewport(value) {
  if (value === undefined) return undefined;
  if (typeof value === 'object') return { width: value.width, height: value.height };
  const m = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/i.exec(value);
  if (!m || Number(m[1]) === 0 || Number(m[2]) === 0) {
    throw new UsageError(`--viewport "${value}" must be WIDTHxHEIGHT in CSS pixels, e.g. --viewport 375x667.`);
  }
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * Collect the inputs, take this shard's slice, check each (a small pool: reading overlaps
 * checking), and keep an error entry for each input that could not be read.
 * @param {string[]} args
 * @param {Settings} settings
 * @param {Io} io
 * @returns {Promise<{ reports: Report[], unreadable: number }>}
 */
async function checkInputs(args, settings, io) {
  if (args.length === 0) {
    throw new UsageError('no inputs: give files, folders or globs, e.g. `curbcut "dist/**/*.html"`, or `-` to read a page from stdin. Run `curbcut --help` for more.');
  }
  const { inputs, problems } = await collectInputs(args, { cwd: io.cwd, ignore: settings.ignore });

  /** @type {(Input & { missing?: string })[]} */
  let all = [...inputs];
  for (const p of problems) {
    if (p.message === 'no such file or folder') all.push({ path: p.input, display: p.input, missing: p.message });
    else if (!settings.quiet) io.stderr.write(`curbcut: warning: ${p.input}: ${p.message}.\n`);
  }
  // Missing paths join the sorted list so each lands in exactly one shard.
  all = sortInputs(all);
  if (settings.shard) {
    const { shardInputs } = await optional('./shard.js', '--shard');
    all = shardInputs(all, settings.shard.index, settings.shard.total);
  }
  if (all.length === 0) {
    const why = settings.shard ? ` in shard ${settings.shard.index}/${settings.shard.total}` : '';
    if (settings.shard) {
      // An empty shard is normal when a site has fewer pages than CI jobs: nothing fails.
      if (!settings.quiet) io.stderr.write(`curbcut: no inputs${why}; nothing to check.\n`);
      return { reports: [], unreadable: 0 };
    }
    throw new UsageError(`nothing to check: ${args.join(' ')} matched no files${why}. Check the paths and quote globs so the shell doesn't expand them.`);
  }

  const color = useColor(io.stderr, io.env, settings.noColor);
  const progress = new Progress(io.stderr, all.length, all.length > 1 && Boolean(io.stderr.isTTY) && !settings.quiet);
  /** @type {Report[]} */
  const reports = new Array(all.length);
  let unreadable = 0;
  let next = 0;
  let stdinUsed = false;
  const worker = async () => {
    while (next < all.length) {
      const i = next++;
      const input = all[i];
      try {
        if (input.missing) throw Object.assign(new Error(input.missing), { code: 'ENOENT' });
        if (input.path === '-') {
          if (stdinUsed) throw new Error('stdin can be read only once');
          stdinUsed = true;
          const bytes = await readAll(io.stdin);
          const { baseDir: _b, urlMap: _u, ...engine } = settings.engine;
          reports[i] = api.checkBytes(bytes, { ...engine, url: input.display });
        } else {
          reports[i] = await api.checkFile(input.path, { ...settings.engine, url: input.display });
        }
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (/^invalid options/.test(message)) {
          throw new UsageError(`${message}. Check the options and curbcut.config.json.`);
        }
        unreadable++;
        reports[i] = errorReport(input.display, e);
        progress.clear();
        io.stderr.write(`${palette(color).red('curbcut:')} cannot check ${input.display}: ${reason(e)}. The other inputs are still checked.\n`);
      }
      progress.tick(input.display);
    }
  };
  await Promise.all(Array.from({ length: Math.min(POOL, all.length) }, worker));
  progress.clear();
  return { reports, unreadable };
}

/**
 * Sort by display name (plain code-unit order), stdin last.
 * @template {{ display: string, path: string }} T
 * @param {T[]} inputs
 */
function sortInputs(inputs) {
  const key = (/** @type {T} */ i) => (i.path === '-' ? '\uffff' : i.display);
  return [...inputs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * `curbcut merge`: shard reports (JSON) combined into one run.
 * @param {string[]} paths
 * @param {Io} io
 * @returns {Promise<{ reports: Report[], unreadable: number }>}
 */
async function mergeInputs(paths, io) {
  if (paths.length === 0) {
    throw new UsageError('merge needs the shard reports: `curbcut merge shard-*.json --format sarif --output curbcut.sarif`.');
  }
  const { mergeReports } = await optional('./shard.js', 'curbcut merge');
  let merged;
  try {
    merged = await mergeReports(paths.map((p) => resolve(io.cwd, p)));
  } catch (e) {
    throw new UsageError(`cannot merge: ${e instanceof Error ? e.message : String(e)}. Pass the JSON reports written by \`curbcut --format json\` in each shard.`);
  }
  const reports = reportsOf(typeof merged === 'string' ? JSON.parse(merged) : merged);
  const unreadable = reports.filter((r) => r.limits?.some((l) => l.limit === 'unreadable')).length;
  return { reports, unreadable };
}

/**
 * The reports in a JSON output: one report, `{ reports: [...] }`, or an array.
 * @param {any} json
 * @returns {Report[]}
 */
export function reportsOf(json) {
  if (Array.isArray(json)) return json;
  if (json && Array.isArray(json.reports)) return json.reports;
  if (json && Array.isArray(json.results)) return [json];
  throw new UsageError('the merged JSON holds no reports. Pass the JSON reports written by `curbcut --format json`.');
}

/**
 * Baseline, outputs, summary, exit code.
 * @param {Report[]} reports
 * @param {number} unreadable
 * @param {Settings} settings
 * @param {Io} io
 */
async function finish(reports, unreadable, settings, io) {
  const checked = reports.filter((r) => !isErrorReport(r));

  /** @type {{ new: number, known: number, fixed: number } | null} */
  let baselineCounts = null;
  if (settings.baseline) {
    const lib = await optional('./baseline.js', '--baseline');
    const results = checked.map((report) => ({ file: report.page.url ?? '', report }));
    const shown = displayPath(settings.baseline, io.cwd);
    if (settings.updateBaseline) {
      try {
        await mkdir(dirname(settings.baseline), { recursive: true });
        await lib.writeBaseline(settings.baseline, results);
      } catch (e) {
        throw new UsageError(`cannot write the baseline ${shown}: ${reason(e)}. Check that its folder is writable.`);
      }
      if (!settings.quiet) io.stderr.write(`curbcut: baseline written to ${shown}\n`);
    }
    let baseline;
    try {
      baseline = await lib.loadBaseline(settings.baseline);
    } catch (e) {
      const why = reason(e);
      // The baseline module's own messages already say what to do.
      throw new UsageError(/[.!]$/.test(why) ? why : `cannot use the baseline ${shown}: ${why}. Fix it, or record it again with --update-baseline.`);
    }
    if (!baseline && !settings.quiet) {
      io.stderr.write(`curbcut: baseline ${settings.baseline} not found: every finding counts as new. Create it with --update-baseline.\n`);
    }
    const compared = lib.compareBaseline(results, baseline);
    // A finding recorded for a page this run didn't check (another shard's, or one that could
    // not be read) is not known to be fixed.
    const name = (/** @type {string} */ f) => (lib.normaliseFile ? lib.normaliseFile(f) : f);
    const unread = new Set(reports.filter(isErrorReport).map((r) => name(r.page.url ?? '')));
    const here = new Set(results.map((r) => name(r.file)));
    const fixed = (compared.fixed ?? []).filter((/** @type {{file: string}} */ e) =>
      !unread.has(name(e.file)) && (!settings.shard || here.has(name(e.file))));
    const count = (/** @type {unknown} */ x) => (Array.isArray(x) ? x.length : Number(x) || 0);
    const occurrences = fixed.reduce((/** @type {number} */ n, /** @type {{count?: number}} */ e) => n + (e.count ?? 1), 0);
    baselineCounts = { new: count(compared.newFindings), known: count(compared.known), fixed: occurrences };
    if (!settings.quiet && !settings.updateBaseline && baseline) io.stderr.write(baselineChanges(compared.newFindings ?? [], fixed));
  }

  await writeOutputs(reports, settings, io);

  const tally = tallyReports(reports, settings);
  tally.unreadable = unreadable;
  tally.baseline = baselineCounts;
  if (!settings.quiet) io.stderr.write(`${summaryLine(tally, useColor(io.stderr, io.env, settings.noColor))}\n`);

  if (checked.length === 0 && reports.length > 0) {
    io.stderr.write('curbcut: nothing could be checked: every input failed to read (see above). Fix the paths or permissions.\n');
    return 2;
  }
  return tally.failing > 0 || unreadable > 0 ? 1 : 0;
}

/** Entries listed on stderr per kind of baseline change; the rest are counted. */
const CHANGES_SHOWN = 20;

/**
 * What changed since the baseline, for the CI log: new findings (what fails the run) and fixed
 * ones (to drop from the baseline), each on one line, the first few of each.
 * @param {{ file: string, finding: Finding }[]} added
 * @param {{ file: string, rule: string, count?: number, selector?: string }[]} fixed
 */
function baselineChanges(added, fixed) {
  let out = '';
  const more = (/** @type {number} */ n) => (n > CHANGES_SHOWN ? `  … and ${n - CHANGES_SHOWN} more\n` : '');
  const live = added.filter((a) => a.finding.outcome === 'failed' || a.finding.outcome === 'cantTell');
  if (live.length > 0) {
    out += `curbcut: new since the baseline (${live.length}):\n`;
    for (const { file, finding: f } of live.slice(0, CHANGES_SHOWN)) {
      out += `  ${f.outcome === 'cantTell' ? 'review' : f.impact}  ${f.rule}  ${file}:${f.line}  ${f.selector}\n`;
    }
    out += more(live.length);
  }
  if (fixed.length > 0) {
    out += `curbcut: fixed since the baseline (${fixed.length}; --update-baseline drops them from it):\n`;
    for (const e of fixed.slice(0, CHANGES_SHOWN)) {
      out += `  ${e.rule}  ${e.file}${e.selector ? `  ${e.selector}` : ''}${(e.count ?? 1) > 1 ? `  (×${e.count})` : ''}\n`;
    }
    out += more(fixed.length);
  }
  return out;
}

/**
 * Count the engine's findings against the thresholds: suppressed findings never fail, known
 * baseline findings don't fail, cantTell fails only with --fail-on-review.
 * @param {Report[]} reports
 * @param {{ failOn: string, failOnReview: boolean }} settings
 * @returns {import('./progress.js').Tally}
 */
export function tallyReports(reports, settings) {
  const threshold = IMPACTS.indexOf(/** @type {any} */ (settings.failOn));
  /** @type {import('./progress.js').Tally} */
  const t = {
    files: reports.filter((r) => !isErrorReport(r)).length,
    failures: { critical: 0, serious: 0, moderate: 0, minor: 0 },
    review: 0,
    suppressed: 0,
    unreadable: 0,
    baseline: null,
    failing: 0,
  };
  for (const report of reports) {
    for (const f of /** @type {Finding[]} */ (report.results ?? [])) {
      if (f.outcome !== 'failed' && f.outcome !== 'cantTell') continue;
      if (f.suppressed) {
        t.suppressed++;
        continue;
      }
      const known = f.baseline === 'known';
      if (f.outcome === 'failed') {
        if (f.impact in t.failures) t.failures[f.impact]++;
        if (!known && IMPACTS.indexOf(f.impact) >= threshold) t.failing++;
      } else {
        t.review++;
        if (!known && settings.failOnReview) t.failing++;
      }
    }
  }
  return t;
}

/**
 * Render each format in the engine and write it: stdout, --output FILE or --output-dir.
 * @param {Report[]} reports
 * @param {Settings} settings
 * @param {Io} io
 */
async function writeOutputs(reports, settings, io) {
  for (const format of settings.formats) {
    const toStdout = !settings.output && !settings.outputDir;
    const color = format === 'text' && toStdout && useColor(io.stdout, io.env, settings.noColor);
    let text;
    try {
      text = api.formatReport(reports, format, { color, includePassed: settings.includePassed });
    } catch (e) {
      throw new Error(`rendering the ${format} report failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (toStdout) {
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      continue;
    }
    const file = settings.output ?? join(/** @type {string} */ (settings.outputDir), OUTPUT_FILES[format]);
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    } catch (e) {
      throw new UsageError(`cannot write ${file}: ${reason(e)}. Check that the folder is writable.`);
    }
    if (!settings.quiet) io.stderr.write(`curbcut: wrote ${displayPath(file, io.cwd)}\n`);
  }
}

/**
 * A report standing for an input that could not be read or checked, so every format lists
 * it by name (as a limit named `unreadable`) instead of silently leaving it out.
 * @param {string} name
 * @param {unknown} error
 * @returns {Report}
 */
export function errorReport(name, error) {
  return {
    tool: { name: 'curbcut', version: api.version() },
    page: { url: name, title: null },
    rules: [],
    results: [],
    summary: { passed: 0, failed: 0, cantTell: 0, inapplicable: 0, suppressed: 0 },
    limits: [{ limit: 'unreadable', message: reason(error) }],
    missingResources: [],
    parseErrors: 0,
  };
}

/** @param {Report} r */
function isErrorReport(r) {
  return r.rules?.length === 0 && r.limits?.some((l) => l.limit === 'unreadable');
}

/** Why a file operation failed, in words. @param {unknown} e */
function reason(e) {
  const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
  const words = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a folder',
    ENOTDIR: 'a parent is not a folder',
    EMFILE: 'too many open files',
  };
  if (code in words) return `${words[/** @type {keyof typeof words} */ (code)]} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

/** @param {NodeJS.ReadableStream} stream */
async function readAll(stream) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A module of this package that a feature needs, with a clear error if this build lacks it.
 * @param {string} specifier
 * @param {string} feature
 * @returns {Promise<any>}
 */
async function optional(specifier, feature) {
  try {
    return await import(new URL(specifier, import.meta.url).href);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(specifier.slice(2))) {
      throw new UsageError(`${feature} is not available in this build of curbcut (${specifier.slice(2)} is missing). Update curbcut.`);
    }
    throw e;
  }
}

/** The rules, one a line: id, impact, WCAG criteria, title. */
function listRules() {
  const rows = api.rules().map((r) => [r.id, r.impact, r.wcag.join(' ') || '-', r.title]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), 0));
  return rows.map((r) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}\n`).join('');
}
