// Records what headless Chromium computes as the role and accessible name of every element of
// our accessible-name corpus (tests/accname/*.html) and of the W3C ACT test cases of the
// name rules, into tests/accname/chromium.json. tests/chromium_agreement.rs compares our
// accessibility tree with this recording; it reads only the JSON, so CI needs no browser.
//
// Usage: cd tests/chromium && npm ci && node record.mjs [--chromium /usr/bin/chromium]
// See README.md for what is recorded and how Chromium's internal roles are mapped.

import { createServer } from 'node:http';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const corpusDir = join(repo, 'tests', 'accname');
const actDir = join(repo, 'tests', 'act');
const outFile = join(corpusDir, 'chromium.json');

/** ACT rules about accessible names, in the order of issue 2. */
export const ACT_RULES = [
  '97a4e1', // button
  'c487ae', // link
  '23a2a8', // image
  '59796f', // image button
  'e086e5', // form field
  '7d6734', // svg with explicit role
  '2t702h', // summary
  'm6b1q3', // menuitem
  'ffd0e9', // heading
  'cae760', // iframe
  '8fc3b6', // object
];

const ACT_PREFIX = '/WAI/content-assets/wcag-act-rules/';
const CORPUS_PREFIX = '/accname/';

/**
 * Chromium's role names (as the DevTools protocol reports them) that are not WAI-ARIA role
 * names, mapped to the WAI-ARIA role that HTML-AAM gives the element. Elements for which
 * HTML-AAM says "no corresponding role" map to `generic`, which is what our tree reports for
 * them. Every other Chromium role is already a WAI-ARIA role name and is kept as it is.
 */
export const ROLE_MAP = {
  image: 'img', // ARIA 1.3 synonym
  RootWebArea: 'document',
  WebArea: 'document',
  DisclosureTriangle: 'button', // <summary>: Chromium exposes it as a (disclosure) button
  LabelText: 'generic', // <label>
  Legend: 'generic', // <legend>
  Figcaption: 'generic',
  Abbr: 'generic',
  Pre: 'generic',
  Ruby: 'generic',
  RubyAnnotation: 'generic',
  Canvas: 'generic',
  Video: 'generic',
  Audio: 'generic',
  Iframe: 'generic', // HTML-AAM: iframe has no corresponding role
  IframePresentational: 'generic',
  EmbeddedObject: 'generic', // <object>/<embed> showing a plugin or media
  PluginObject: 'generic',
  LineBreak: 'generic', // <br>
  Wbr: 'generic',
  HeaderAsNonLandmark: 'generic', // <header> scoped to article/aside/main/nav/section
  FooterAsNonLandmark: 'generic',
  SectionWithoutName: 'generic', // <section> without an accessible name
  Section: 'region',
  Details: 'group',
  DescriptionList: 'generic', // <dl>: computedRole is empty, HTML-AAM has no role
  DescriptionListTerm: 'term',
  DescriptionListDetail: 'definition',
  DescriptionListTermDetail: 'definition',
  LayoutTable: 'table', // Chromium's layout-table heuristic; HTML-AAM says table
  LayoutTableRow: 'row',
  LayoutTableCell: 'cell',
  MenuListPopup: 'listbox', // the popup of a <select> drop-down
  MenuListOption: 'option',
  ContentInsertion: 'insertion',
  ContentDeletion: 'deletion',
  Mark: 'mark',
  Time: 'time',
  Code: 'code',
  Emphasis: 'emphasis',
  Strong: 'strong',
  Subscript: 'subscript',
  Superscript: 'superscript',
  Blockquote: 'blockquote',
  Caption: 'caption',
  Paragraph: 'paragraph',
  ListMarker: 'generic', // ::marker pseudo box, never an element
  StaticText: 'text', // text nodes, never elements
  InlineTextBox: 'text',
  Unknown: 'generic',
  MathMLMath: 'math',
  SvgRoot: 'graphics-document', // <svg> with no name: SVG-AAM gives graphics-document
  Date: 'generic', // <input type=date|month|week>: HTML-AAM has no role, computedRole is empty
  DateTime: 'generic', // <input type=datetime-local>
  InputTime: 'generic', // <input type=time>
  ColorWell: 'generic', // <input type=color>
};

/** Map a raw Chromium role to a WAI-ARIA role name. */
export function mapRole(raw) {
  if (raw == null) return null;
  if (Object.hasOwn(ROLE_MAP, raw)) return ROLE_MAP[raw];
  // MathML token and layout elements (MathMLIdentifier, MathMLFraction...) have no ARIA role.
  if (raw.startsWith('MathML')) return 'generic';
  return raw;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** The local file an URL path is served from, or null (never outside the two folders). */
function localFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  for (const [prefix, dir] of [[ACT_PREFIX, actDir], [CORPUS_PREFIX, corpusDir]]) {
    if (path.startsWith(prefix)) {
      const file = normalize(join(dir, path.slice(prefix.length)));
      return file.startsWith(dir + sep) ? file : null;
    }
  }
  return null;
}

/** Serve the corpus and the ACT cases on 127.0.0.1 (random port). */
async function serve() {
  const server = createServer(async (req, res) => {
    const file = localFile(req.url ?? '/');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

/** FNV-1a 64 of the page bytes, as 16 hex digits (the Rust test checks recordings are fresh). */
export function fnv1a64(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** The pages to record: our corpus, then the ACT cases of the name rules. */
async function pages() {
  const out = [];
  const corpus = (await readdir(corpusDir)).filter((f) => f.endsWith('.html')).sort();
  for (const f of corpus) {
    out.push({ kind: 'corpus', file: `tests/accname/${f}`, url: `${CORPUS_PREFIX}${f}` });
  }
  const act = JSON.parse(await readFile(join(actDir, 'testcases.json'), 'utf8'));
  for (const rule of ACT_RULES) {
    const cases = act.testcases
      .filter((t) => t.ruleId === rule)
      .sort((a, b) => a.relativePath.localeCompare(b.relativePath));
    for (const t of cases) {
      out.push({
        kind: 'act',
        file: `tests/act/${t.relativePath}`,
        url: `${ACT_PREFIX}${t.relativePath}`,
        rule,
        expected: t.expected,
      });
    }
  }
  return out;
}

// Runs in the page: every element in tree order with its path (element-child indices from
// <html>) and whether it carries data-check; plus the same list for the page source parsed
// without running scripts, to tell whether a script changed the document.
function inPage(source) {
  // DOMParser parses with scripting disabled, so <noscript> holds elements there and text in
  // the live page (and in our parser, which runs with scripting enabled): don't descend into it.
  const walk = (root, skipNoscript) => {
    const out = [];
    if (!root) return out;
    const stack = [[root, []]];
    while (stack.length) {
      const [el, path] = stack.pop();
      if (skipNoscript && el.localName === 'noscript') {
        out.push({ path, tag: el.localName });
        continue;
      }
      // computedRole needs --enable-blink-features=ComputedAccessibilityInfo; it is the role
      // Chromium reports to WPT and shows which internal roles have an ARIA equivalent.
      out.push({ path, tag: el.localName, check: el.getAttribute('data-check'), computedRole: el.computedRole ?? null });
      const kids = el.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], [...path, i]]);
    }
    return out;
  };
  const live = walk(document.documentElement, false);
  const parsed = walk(new DOMParser().parseFromString(source, 'text/html').documentElement, true);
  const sig = (list) => list.map((e) => `${e.path.join('.')}:${e.tag}`).join(' ');
  return { elements: live, scripts: document.scripts.length, domChanged: sig(live) !== sig(parsed) };
}

/** Elements of a DevTools DOM tree in tree order, as [node, path] (same walk as inPage). */
function cdpElements(documentNode) {
  const root = (documentNode.children ?? []).find((n) => n.nodeType === 1);
  const out = [];
  if (!root) return out;
  const stack = [[root, []]];
  while (stack.length) {
    const [node, path] = stack.pop();
    out.push([node, path]);
    const kids = (node.children ?? []).filter((n) => n.nodeType === 1);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], [...path, i]]);
  }
  return out;
}

const fold = (s) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();

async function recordPage(browser, base, spec) {
  // The viewport of curbcut's default options, so @media queries match on both sides.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const warnings = [];
  try {
    page.on('pageerror', (e) => warnings.push(`page error: ${e.message}`));
    const source = await readFile(join(repo, spec.file));
    await page.goto(base + spec.url, { waitUntil: 'load', timeout: 20000 });
    // Give layout (and media metadata) a moment to settle before the tree is read.
    await page.waitForTimeout(50);
    const info = await page.evaluate(inPage, source.toString('utf8'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: false });
    const nodes = cdpElements(root);
    if (nodes.length !== info.elements.length) {
      throw new Error(`${spec.file}: DevTools sees ${nodes.length} elements, the page ${info.elements.length}`);
    }
    const elements = [];
    for (let i = 0; i < nodes.length; i++) {
      const [node, path] = nodes[i];
      const js = info.elements[i];
      if (js.path.join('.') !== path.join('.') || js.tag !== node.localName) {
        throw new Error(`${spec.file}: element ${i} differs between DevTools and the page`);
      }
      const { nodes: ax } = await cdp.send('Accessibility.getPartialAXTree', {
        backendNodeId: node.backendNodeId,
        fetchRelatives: false,
      });
      const mine = ax.find((n) => n.backendDOMNodeId === node.backendNodeId) ?? null;
      const rawRole = mine?.role?.value ?? null;
      const entry = {
        path,
        tag: node.localName,
        role: mapRole(rawRole),
        rawRole,
        computedRole: js.computedRole,
        name: fold(mine?.name?.value),
        ignored: mine ? Boolean(mine.ignored) : true,
      };
      if (mine?.ignored && mine.ignoredReasons?.length) {
        entry.ignoredReasons = mine.ignoredReasons.map((r) => r.name).sort();
      }
      if (js.check !== null) entry.check = js.check;
      elements.push(entry);
    }
    const out = { kind: spec.kind, file: spec.file, hash: fnv1a64(source) };
    if (spec.rule) {
      out.rule = spec.rule;
      out.expected = spec.expected;
    }
    out.scripts = info.scripts;
    // A script that changed the document makes Chromium see another page than our static
    // parse: such pages are recorded but excluded from the comparison.
    out.domChanged = info.domChanged;
    if (warnings.length) out.warnings = warnings;
    out.elements = elements;
    return out;
  } finally {
    await page.close();
  }
}

/** Stable JSON: two-space indentation, one line per element. */
function format(doc) {
  const lines = ['{'];
  lines.push(`  "chromium": ${JSON.stringify(doc.chromium)},`);
  lines.push(`  "playwrightCore": ${JSON.stringify(doc.playwrightCore)},`);
  lines.push(`  "roleMap": ${JSON.stringify(doc.roleMap)},`);
  lines.push('  "pages": [');
  doc.pages.forEach((p, i) => {
    const { elements, ...head } = p;
    const headJson = JSON.stringify(head);
    lines.push(`    ${headJson.slice(0, -1)}, "elements": [`);
    elements.forEach((e, j) => {
      lines.push(`      ${JSON.stringify(e)}${j + 1 < elements.length ? ',' : ''}`);
    });
    lines.push(`    ]}${i + 1 < doc.pages.length ? ',' : ''}`);
  });
  lines.push('  ]');
  lines.push('}');
  return lines.join('\n') + '\n';
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--chromium');
  const executablePath = at >= 0 ? argv[at + 1] : (process.env.CHROMIUM ?? '/usr/bin/chromium');
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-blink-features=ComputedAccessibilityInfo',
    ],
  });
  try {
    const specs = await pages();
    const recorded = [];
    for (const spec of specs) {
      recorded.push(await recordPage(browser, base, spec));
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    const pw = JSON.parse(await readFile(join(here, 'node_modules', 'playwright-core', 'package.json'), 'utf8'));
    const doc = { chromium: browser.version(), playwrightCore: pw.version, roleMap: ROLE_MAP, pages: recorded };
    await writeFile(outFile, format(doc));
    const checks = recorded.flatMap((p) => p.elements).filter((e) => 'check' in e).length;
    const changed = recorded.filter((p) => p.domChanged).map((p) => p.file);
    console.log(`recorded ${recorded.length} pages (${checks} data-check elements) with Chromium ${doc.chromium}`);
    if (changed.length) console.log(`pages whose scripts changed the DOM (excluded): ${changed.join(', ')}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
