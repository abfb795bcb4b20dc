// What the CLI says on stderr while and after it works: a progress bar (only on a terminal,
// only for several files) and the one-line summary. Nothing here decides an outcome: the
// counts come from the CLI's tally of the engine's findings.

/**
 * Whether to colour a stream: --no-color and NO_COLOR win, FORCE_COLOR forces, else a TTY.
 * @param {{ isTTY?: boolean }} stream
 * @param {NodeJS.ProcessEnv} env
 * @param {boolean} noColor
 */
export function useColor(stream, env, noColor) {
  if (noColor) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** ANSI styles, or identity functions when colour is off. @param {boolean} on */
export function palette(on) {
  /** @param {string} code */
  const wrap = (code) => (/** @type {string} */ s) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), green: wrap('32'), dim: wrap('2'), bold: wrap('1'), magenta: wrap('35') };
}

/** A redrawn one-line bar on a terminal; does nothing when `enabled` is false. */
export class Progress {
  /**
   * @param {NodeJS.WriteStream | { write(s: string): unknown, columns?: number }} stream
   * @param {number} total
   * @param {boolean} enabled
   */
  constructor(stream, total, enabled) {
    this.stream = stream;
    this.total = total;
    this.enabled = enabled;
    this.done = 0;
    this.lastDraw = 0;
  }

  /** One more file finished. @param {string} name */
  tick(name) {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    // Redrawing for every file of a big site would cost more than the checks.
    if (this.done < this.total && now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const columns = /** @type {{columns?: number}} */ (this.stream).columns || 80;
    const width = 24;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} `;
    const room = Math.max(0, columns - bar.length - 1);
    const label = name.length > room ? `…${name.slice(name.length - room + 1)}` : name;
    this.stream.write(`\r\u001b[2K${bar}${room > 1 ? label : ''}`);
  }

  /** Clear the bar so the summary starts on a clean line. */
  clear() {
    if (this.enabled) this.stream.write('\r\u001b[2K');
  }
}

/**
 * @typedef {object} Tally
 * @property {number} files files checked
 * @property {Record<'critical'|'serious'|'moderate'|'minor', number>} failures unsuppressed failed findings by impact
 * @property {number} review unsuppressed cantTell findings
 * @property {number} suppressed suppressed findings
 * @property {number} unreadable inputs that could not be read or checked
 * @property {{ new: number, known: number, fixed: number } | null} baseline
 * @property {number} failing findings that fail the run (threshold, review, baseline applied)
 */

/**
 * The one-line summary, e.g.
 * `curbcut: 3 files checked · 4 failures (1 critical, 3 serious) · 2 need review · 1 suppressed`.
 * @param {Tally} t
 * @param {boolean} color
 */
export function summaryLine(t, color) {
  const c = palette(color);
  const plural = (/** @type {number} */ n, /** @type {string} */ one, /** @type {string} */ many) => `${n} ${n === 1 ? one : many}`;
  const parts = [plural(t.files, 'file checked', 'files checked')];
  const impacts = /** @type {const} */ (['critical', 'serious', 'moderate', 'minor']);
  const total = impacts.reduce((n, i) => n + t.failures[i], 0);
  if (total > 0) {
    const by = impacts.filter((i) => t.failures[i] > 0).map((i) => `${t.failures[i]} ${i}`).join(', ');
    parts.push(c.red(`${plural(total, 'failure', 'failures')} (${by})`));
  } else {
    parts.push(c.green('no failures'));
  }
  if (t.review > 0) parts.push(c.yellow(`${t.review} need${t.review === 1 ? 's' : ''} review`));
  if (t.suppressed > 0) parts.push(c.dim(`${t.suppressed} suppressed`));
  if (t.unreadable > 0) parts.push(c.red(`${t.unreadable} unreadable`));
  if (t.baseline) parts.push(`baseline: ${t.baseline.new} new, ${t.baseline.known} known, ${t.baseline.fixed} fixed`);
  return `curbcut: ${parts.join(' · ')}`;
}
