// Deterministic generator of realistic dashboard-like pages for the benchmark: navigation, cards
// with SVG icons, data tables, forms, and a stylesheet of 300+ rules (class, descendant, child and
// attribute selectors, :not()/:is(), custom properties chained through several var()s). A fixed
// seed makes every run produce the same bytes; a few deliberate defects (images without alt,
// icon buttons without a name, faint text) give the checkers something to report.
//
// Usage: node gen.mjs [outDir]   (writes page-1k.html ... page-200k.html)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Target element counts of the generated pages, by name. */
export const SIZES = { '1k': 1_000, '10k': 10_000, '50k': 50_000, '200k': 200_000 };

/** mulberry32: a small seeded PRNG, so pages are identical across runs and machines. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('revenue orders customers pending shipped refunds region north south east west ' +
  'weekly monthly quarterly invoice account status active archived growth churn report export ' +
  'filter settings profile billing team members project deadline review approved draft').split(' ');
const ICONS = ['M3 12h18M12 3v18', 'M4 4h16v16H4z', 'M12 2l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z',
  'M5 12l5 5L20 7', 'M6 6l12 12M18 6L6 18', 'M12 5v14M5 12h14'];

/** The stylesheet: tokens chained through var()s, then component and utility rules. */
export function stylesheet() {
  const r = [];
  r.push(`:root { --hue-0: #1d3557; --brand: var(--hue-0); --accent: var(--brand); --link: var(--accent);
  --text: #222; --muted: var(--text); --surface: #fff; --card-bg: var(--surface); --panel-bg: var(--card-bg);
  --space: 8px; --gap: calc(var(--space) * 2); --radius: 4px; }`);
  r.push('html { font: 16px/1.5 system-ui, sans-serif; color: var(--text); background: var(--surface); }');
  r.push('body { margin: 0; }', 'a { color: var(--link); }', 'a:not([href]) { color: var(--muted); }');
  r.push(':is(h1, h2, h3, h4) { color: var(--brand); line-height: 1.2; }');
  r.push('.nav > ul { display: flex; list-style: none; }', '.nav > ul > li > a { padding: var(--space); }');
  r.push('.nav a[aria-current="page"] { font-weight: bold; border-bottom: 2px solid var(--accent); }');
  r.push('.sidebar .nav-group > li:not(.active) > a { color: var(--muted); }');
  r.push('.card { background: var(--card-bg); border-radius: var(--radius); padding: var(--gap); }');
  r.push('.card .card__title { font-size: 1.1rem; }', '.card > .card__body p { margin: 0 0 var(--space); }');
  r.push('.card .badge:not(.badge--ok) { background: #fde2e1; color: #8a1c1c; }');
  r.push('.card .faint { color: #bbb; }');
  r.push('table.data { border-collapse: collapse; width: 100%; }', 'table.data th, table.data td { padding: 4px; }');
  r.push('table.data tbody > tr:nth-child(even) { background: #f6f6f6; }');
  r.push('table.data td[data-state="late"] { color: #b00020; }');
  r.push('form .field > label { display: block; font-weight: 600; }');
  r.push('input[type="text"], input[type="email"], select, textarea { border: 1px solid #767676; }');
  r.push('input[type="checkbox"] + label { display: inline; }', 'button:is(.primary, .cta) { background: var(--brand); color: #fff; }');
  r.push('button[disabled] { opacity: .6; }', '.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }');
  r.push('.icon { width: 16px; height: 16px; fill: currentColor; }', '.hidden { display: none; }');
  r.push('@media (max-width: 600px) { .grid { display: block; } .sidebar { display: none; } }');
  // Themed variants: each section picks one, so many rules match somewhere and most don't.
  for (let i = 0; i < 48; i++) {
    const tone = `--tone-${i}`;
    r.push(`.theme-${i} { ${tone}: var(--accent); --section-fg: var(${tone}); }`);
    r.push(`.theme-${i} .card__title { color: var(--section-fg); }`);
    r.push(`.theme-${i} > .grid > .card:not(.featured) { border: 1px solid #ddd; }`);
    r.push(`.theme-${i} [data-kind="k${i % 7}"] .badge { font-size: ${11 + (i % 4)}px; }`);
    r.push(`.theme-${i} table.data :is(th, td).num { text-align: right; }`);
    r.push(`.theme-${i} .field input:not([type="checkbox"]) { padding: ${2 + (i % 5)}px; }`);
  }
  for (let i = 0; i < 40; i++) r.push(`.u-m-${i} { margin: ${i}px; }`, `.u-p-${i} { padding: ${i}px; }`);
  return r.join('\n');
}

/**
 * One page of about `target` elements.
 * @param {number} target
 * @param {number} [seed]
 */
export function page(target, seed = 42) {
  const rnd = prng(seed + target);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  let count = 0;
  let id = 0;
  const out = [];
  // Every emitted start tag counts one element.
  const el = (s) => { count += (s.match(/<[a-z]/g) || []).length; out.push(s); };
  const icon = (label) => {
    const d = pick(ICONS);
    return label
      ? `<svg class="icon" viewBox="0 0 24 24" role="img" aria-label="${label}"><path d="${d}"/></svg>`
      : `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${d}"/></svg>`;
  };
  const card = (n) => {
    const kind = `k${n % 7}`;
    const defect = n % 23 === 0;
    return `<article class="card${n % 9 === 0 ? ' featured' : ''} u-p-${n % 40}" data-kind="${kind}">` +
      `<h3 class="card__title">${icon('')} ${words(2)}</h3>` +
      `<div class="card__body"><p>${words(8)} <span class="badge${n % 3 ? ' badge--ok' : ''}">${words(1)}</span></p>` +
      `<p class="${defect ? 'faint' : ''}">${words(6)}</p>` +
      `<img src="/img/${n}.png" ${defect ? '' : `alt="${words(2)}"`} width="64" height="64"></div>` +
      `<footer><a href="/item/${n}">Open ${words(1)}</a> ` +
      `<button type="button" class="${n % 2 ? 'primary' : ''}"${defect ? '' : ` aria-label="Star ${n}"`}>${icon('')}</button></footer></article>`;
  };
  const table = (n, rows) => {
    let s = `<table class="data"><caption>${words(3)}</caption><thead><tr><th scope="col">Name</th><th scope="col" class="num">Amount</th><th scope="col">State</th><th scope="col">Action</th></tr></thead><tbody>`;
    for (let i = 0; i < rows; i++) {
      s += `<tr><td>${words(2)}</td><td class="num">${Math.floor(rnd() * 10000)}</td>` +
        `<td data-state="${i % 5 === 0 ? 'late' : 'ok'}">${words(1)}</td>` +
        `<td><a href="/row/${n}/${i}">Edit</a> <button type="button" aria-label="Delete row ${i}">${icon('')}</button></td></tr>`;
    }
    return s + '</tbody></table>';
  };
  const form = (n) => {
    const f = `f${n}`;
    return `<form class="u-m-${n % 40}" action="/save"><fieldset><legend>${words(2)}</legend>` +
      `<div class="field"><label for="${f}-name">Name</label><input type="text" id="${f}-name" name="name" autocomplete="name"></div>` +
      `<div class="field"><label for="${f}-mail">Email</label><input type="email" id="${f}-mail" name="email"></div>` +
      `<div class="field"><label for="${f}-kind">Kind</label><select id="${f}-kind"><option>One</option><option>Two</option><option>Three</option></select></div>` +
      `<div class="field"><input type="checkbox" id="${f}-ok"><label for="${f}-ok">${words(3)}</label></div>` +
      `<div class="field"><label for="${f}-note">Note</label><textarea id="${f}-note"></textarea></div>` +
      (n % 11 === 0 ? `<div class="field"><input type="text" placeholder="Search"></div>` : '') +
      `<button type="submit" class="cta">Save</button></fieldset></form>`;
  };

  el(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dashboard ${target}</title>`);
  el('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<style>\n${stylesheet()}\n</style>`);
  count += 1;
  el('</head><body><a class="visually-hidden" href="#main">Skip to content</a>');
  let nav = '<header><nav class="nav" aria-label="Main"><ul>';
  for (let i = 0; i < 8; i++) nav += `<li><a href="/s/${i}"${i === 0 ? ' aria-current="page"' : ''}>${icon('')} ${words(1)}</a></li>`;
  el(nav + `</ul></nav><button type="button" aria-expanded="false" aria-controls="menu">${icon('Menu')}</button></header>`);
  el('<div class="layout"><aside class="sidebar"><nav aria-label="Sections"><ul class="nav-group">');
  for (let i = 0; i < 12; i++) el(`<li class="${i === 2 ? 'active' : ''}"><a href="#sec-${i}">${words(2)}</a></li>`);
  el('</ul></nav></aside><main id="main"><h1>Dashboard</h1>');
  let section = 0;
  // Sections until the element budget is spent: each holds a card grid, a table and a form.
  while (count < target - 20) {
    const theme = section % 48;
    el(`<section class="theme-${theme}" id="sec-${section}" aria-labelledby="h-${section}"><h2 id="h-${section}">${words(3)}</h2><div class="grid">`);
    for (let c = 0; c < 6 && count < target - 20; c++) el(card(id++));
    out.push('</div>');
    if (count < target - 60) el(table(section, 6));
    if (count < target - 40) el(form(section));
    out.push('</section>');
    section++;
  }
  out.push('</main></div><footer><p>&copy; Example</p></footer></body></html>');
  return { html: out.join('\n'), elements: count };
}

/** Write all sizes to `dir`; returns [{name, file, elements, bytes}]. */
export function generate(dir) {
  mkdirSync(dir, { recursive: true });
  return Object.entries(SIZES).map(([name, n]) => {
    const { html, elements } = page(n);
    const file = join(dir, `page-${name}.html`);
    // Unchanged pages are left alone: another bench process may be reading them.
    if (!existsSync(file) || readFileSync(file, 'utf8') !== html) writeFileSync(file, html);
    return { name, file, elements, bytes: Buffer.byteLength(html) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'pages');
  for (const p of generate(dir)) console.log(`${p.file}: ${p.elements} elements, ${p.bytes} bytes`);
}
