// Types of the curbcut JS API (Node entry `curbcut`; the browser entry adds `ready`).

export type Outcome = 'passed' | 'failed' | 'cantTell';
export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';
export type Format = 'text' | 'json' | 'sarif' | 'junit' | 'markdown' | 'html';
export type Tag =
  | 'wcag2a' | 'wcag2aa' | 'wcag2aaa' | 'wcag21a' | 'wcag21aa' | 'wcag21aaa'
  | 'wcag22a' | 'wcag22aa' | 'best-practice';

/** Options of one check. Unknown keys are an error. */
export interface Options {
  /** URL or path of the page (shown in reports; relative stylesheet URLs resolve against it). */
  url?: string;
  /** Node `checkFile` only: folder that root-relative URLs (`/css/x.css`) resolve against. */
  baseDir?: string;
  /** Node `checkFile` only: URL prefixes served from local folders. */
  urlMap?: { prefix: string; dir: string }[];
  /** Stylesheet texts by URL (as written in `href`, or resolved against `url`). */
  stylesheets?: Record<string, string>;
  /** Viewport `@media` queries are evaluated against (default 1280×800). */
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Run only these rule ids. */
  rules?: string[];
  /** Never run these rule ids. */
  disable?: string[];
  /** Run rules with any of these tags (default: WCAG 2.2 A/AA and best practice). */
  tags?: Tag[];
  /** List passed outcomes in `results` too. */
  includePassed?: boolean;
  documentKind?: 'html' | 'svg' | 'xml';
  /** Largest input accepted, in bytes (default 32 MiB). */
  maxBytes?: number;
  /** CSS selectors whose elements' findings are suppressed. */
  exclude?: string[];
  /** Check as a fragment (no page-level rules). Default: when there is no <html>/<body> tag. */
  fragment?: boolean;
}

export interface Finding {
  rule: string;
  act: string[];
  wcag: string[];
  outcome: Outcome;
  impact: Impact;
  /** Unique CSS selector of the element. */
  selector: string;
  /** 1-based source line (0 when unknown). */
  line: number;
  /** The element's start tag, as HTML source. */
  snippet: string;
  message: string;
  /** How to fix it. */
  help: string;
  helpUrl: string;
  data?: unknown;
  /** Stable identity for baselines (survives cosmetic refactors). */
  fingerprint: string;
  /** Silenced by data-curbcut-ignore or `exclude`. */
  suppressed?: boolean;
}

export interface Report {
  tool: { name: 'curbcut'; version: string };
  page: { url: string | null; title: string | null };
  rules: { id: string; act: string[]; wcag: string[]; tags: string[] }[];
  results: Finding[];
  summary: { passed: number; failed: number; cantTell: number; inapplicable: number; suppressed: number };
  limits: { limit: string; message: string }[];
  missingResources: { url: string; resolved: string; reason: string }[];
  parseErrors: number;
}

export interface TreeEntry {
  path: number[];
  tag: string;
  role: string | null;
  name: string;
  description: string;
  hidden: boolean;
  focusable: boolean;
  tabOrder: number | null;
}

export interface RuleInfo {
  id: string;
  title: string;
  wcag: string[];
  act: string[];
  impact: Impact;
  tags: Tag[];
  needsRenderer: boolean;
  help: string;
  fix: string;
  helpUrl: string;
}

export function checkHtml(html: string, options?: Options): Report;
export function checkBytes(bytes: Uint8Array, options?: Options): Report;
/** Node only: reads the page and the local stylesheets it links to. */
export function checkFile(path: string, options?: Options): Promise<Report>;
export function accessibilityTree(html: string, options?: Options): TreeEntry[];
export function formatReport(
  report: Report | Report[],
  format: Format,
  options?: { color?: boolean; includePassed?: boolean },
): string;
export function rules(): RuleInfo[];
export function version(): string;
