// Generates src/a11y/aria_data.rs: the WAI-ARIA 1.2 + DPUB-ARIA 1.0 + Graphics-ARIA 1.0 role and
// state/property tables. Not needed at build time: the output is checked in.
//
// Usage (Node 18+):
//   mkdir -p /tmp/aria-gen && (cd /tmp/aria-gen && npm install aria-query@5.3.2)
//   node src/a11y/aria_data.gen.mjs /tmp/aria-gen/node_modules/aria-query > src/a11y/aria_data.rs
//
// Source: the npm package `aria-query` (data maintained from the specifications' characteristics
// tables). Where aria-query still carries pre-1.2 values, or leaves something out, CORRECTIONS
// below restate the WAI-ARIA 1.2 text (each with the section it comes from); the ARIA 1.3 draft
// additions that browsers and the ACT suite already use are added and flagged `Spec::Aria13`.

import { createRequire } from 'node:module';
import path from 'node:path';

const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node aria_data.gen.mjs <path to node_modules/aria-query>');
  process.exit(2);
}
const require = createRequire(path.resolve(pkg, 'package.json'));
const q = require(path.resolve(pkg));
const version = require(path.resolve(pkg, 'package.json')).version;

// ---------------------------------------------------------------------------------------------
// Corrections to aria-query, from the WAI-ARIA 1.2 Recommendation.

// §6.4 Global States and Properties: these four are listed as global, with "global use
// deprecated in ARIA 1.2" (aria-query lists them only on the roles that keep them).
const DEPRECATED_GLOBALS = ['aria-disabled', 'aria-errormessage', 'aria-haspopup', 'aria-invalid'];
// §6.6 / §6.7: aria-dropeffect and aria-grabbed are deprecated since ARIA 1.1.
const DEPRECATED = ['aria-dropeffect', 'aria-grabbed'];
// ARIA 1.3 draft globals (Chromium supports them; the ACT suite uses aria-braillelabel).
const ARIA13_GLOBALS = ['aria-braillelabel', 'aria-brailleroledescription', 'aria-description'];

// §6.6 characteristics tables, "Default" row (values absent from aria-query).
const DEFAULTS = {
  'aria-atomic': 'false', 'aria-autocomplete': 'none', 'aria-busy': 'false',
  'aria-checked': 'undefined', 'aria-current': 'false', 'aria-disabled': 'false',
  'aria-dropeffect': 'none', 'aria-expanded': 'undefined', 'aria-grabbed': 'undefined',
  'aria-haspopup': 'false', 'aria-hidden': 'undefined', 'aria-invalid': 'false',
  'aria-live': 'off', 'aria-modal': 'false', 'aria-multiline': 'false',
  'aria-multiselectable': 'false', 'aria-orientation': 'undefined', 'aria-pressed': 'undefined',
  'aria-readonly': 'false', 'aria-relevant': 'additions text', 'aria-required': 'false',
  'aria-selected': 'undefined', 'aria-sort': 'none',
};

// Per role: [property, implicit value] pairs aria-query keeps from ARIA 1.1 that ARIA 1.2 removed
// (ACT 4e8ab6: "As of WAI-ARIA 1.2 this property must be explicitly set").
const DROP_IMPLICIT = { heading: ['aria-level'], combobox: ['aria-expanded'] };
// Required properties aria-query lists that ARIA 1.2 no longer requires (w3c/aria#1340 moved
// aria-selected to supported on option and treeitem; user agents SHOULD treat a missing value
// on an option as false, kept as its implicit value).
const DROP_REQUIRED = { option: ['aria-selected'], treeitem: ['aria-selected'] };
// Required context roles aria-query leaves out or words after DPUB-ARIA 1.1: WAI-ARIA 1.2 option
// (group, listbox) and caption (also treegrid); DPUB-ARIA 1.0 entries may sit in a list too
// (1.1 moved them there), so both are accepted.
const EXTRA_CONTEXT = {
  option: ['group', 'listbox'], caption: ['treegrid'],
  'doc-biblioentry': ['list'], 'doc-endnote': ['list'],
};
// §5.2.5 / §5.3: `none` prohibits naming exactly like its synonym `presentation`.
const EXTRA_PROHIBITED = { none: ['aria-label', 'aria-labelledby'] };
// ARIA 1.3 draft prohibitions that the ACT suite (kb1m8s) already tests: roles whose name is
// prohibited also prohibit aria-braillelabel; generic and none/presentation also prohibit the
// role descriptions.
const ARIA13_PROHIBITED_NAMED = ['aria-braillelabel'];
const ARIA13_PROHIBITED_GENERIC = ['aria-roledescription', 'aria-brailleroledescription'];
// ARIA 1.3 draft roles that browsers expose (Chromium 148); `image` is the synonym of `img`.
const ARIA13_ROLES = [
  { name: 'comment', superclass: ['article'], nameFrom: ['author', 'contents'] },
  { name: 'image', superclass: ['section'], nameFrom: ['author'], presentational: true },
  { name: 'sectionfooter', superclass: ['section'], nameFrom: ['author'] },
  { name: 'sectionheader', superclass: ['section'], nameFrom: ['author'] },
  { name: 'suggestion', superclass: ['section'], nameFrom: ['prohibited'] },
];
// Roles aria-query has but that are ARIA 1.3 additions (mark).
const ARIA13_IN_QUERY = ['mark'];

// ---------------------------------------------------------------------------------------------

const props = [...q.aria.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const roles = [...q.roles.entries()];
const roletype = q.roles.get('roletype');
const globals12 = new Set([...Object.keys(roletype.props), ...DEPRECATED_GLOBALS]);
const STATES = new Set([
  'aria-busy', 'aria-checked', 'aria-current', 'aria-disabled', 'aria-expanded', 'aria-grabbed',
  'aria-hidden', 'aria-invalid', 'aria-pressed', 'aria-selected',
]);

const rs = (s) => JSON.stringify(String(s));
const list = (xs) => `&[${xs.map(rs).join(', ')}]`;

function valueType(p) {
  switch (p.type) {
    case 'boolean': return p.allowundefined ? 'TrueFalseUndefined' : 'TrueFalse';
    case 'tristate': return 'Tristate';
    case 'id': return 'IdRef';
    case 'idlist': return 'IdRefList';
    case 'integer': return 'Integer';
    case 'number': return 'Number';
    case 'string': return 'String';
    case 'token': return 'Token';
    case 'tokenlist': return 'TokenList';
    default: throw new Error(`unknown type ${p.type}`);
  }
}

function specOfRole(name) {
  if (name.startsWith('doc-')) return 'Dpub10';
  if (name.startsWith('graphics-')) return 'Graphics10';
  if (ARIA13_IN_QUERY.includes(name)) return 'Aria13';
  return 'Aria12';
}

const out = [];
out.push(`//! WAI-ARIA data tables: generated by \`src/a11y/aria_data.gen.mjs\` from the npm package`);
out.push(`//! \`aria-query\` ${version} with the WAI-ARIA 1.2 corrections listed in the generator. DO NOT EDIT:`);
out.push(`//! change the generator and run`);
out.push(`//! \`node src/a11y/aria_data.gen.mjs /tmp/aria-gen/node_modules/aria-query > src/a11y/aria_data.rs\`.`);
out.push(`//! (\`ARIA_QUERY_DIR=<that dir> cargo test --lib aria_data\` checks the file is up to date; the`);
out.push(`//! facts test in \`aria_data_tests.rs\` guards it without Node.)`);
out.push(`//!`);
out.push(`//! Covers WAI-ARIA 1.2, DPUB-ARIA 1.0 and Graphics-ARIA 1.0, plus the ARIA 1.3 draft roles and`);
out.push(`//! properties browsers already expose (flagged [\`Spec::Aria13\`]). ARIA in HTML (allowed roles`);
out.push(`//! per element) is not included: no machine-readable source was available offline.`);
out.push(``);
out.push(`#![allow(dead_code)] // a data table: not every column has a reader yet`);
out.push(``);
out.push(`/// Which specification defines an entry.`);
out.push(`#[derive(Clone, Copy, Debug, PartialEq, Eq)]`);
out.push(`pub(crate) enum Spec {`);
out.push(`    /// WAI-ARIA 1.2.`);
out.push(`    Aria12,`);
out.push(`    /// Digital Publishing WAI-ARIA Module 1.0.`);
out.push(`    Dpub10,`);
out.push(`    /// WAI-ARIA Graphics Module 1.0.`);
out.push(`    Graphics10,`);
out.push(`    /// WAI-ARIA 1.3 editor's draft (already exposed by browsers).`);
out.push(`    Aria13,`);
out.push(`}`);
out.push(``);
out.push(`/// How an element with a role gets its accessible name (WAI-ARIA 1.2 §5.2.8).`);
out.push(`#[derive(Clone, Copy, Debug, PartialEq, Eq)]`);
out.push(`pub(crate) struct NameFrom {`);
out.push(`    /// From author attributes (aria-label, aria-labelledby).`);
out.push(`    pub author: bool,`);
out.push(`    /// From the element's contents.`);
out.push(`    pub contents: bool,`);
out.push(`    /// Naming is prohibited.`);
out.push(`    pub prohibited: bool,`);
out.push(`}`);
out.push(``);
out.push(`/// One role (WAI-ARIA 1.2 §5.2 role characteristics).`);
out.push(`#[derive(Debug)]`);
out.push(`pub(crate) struct Role {`);
out.push(`    /// Role name.`);
out.push(`    pub name: &'static str,`);
out.push(`    /// Defining specification.`);
out.push(`    pub spec: Spec,`);
out.push(`    /// Abstract roles must not be used in \`role=""\`.`);
out.push(`    pub is_abstract: bool,`);
out.push(`    /// Direct superclass roles.`);
out.push(`    pub superclass: &'static [&'static str],`);
out.push(`    /// Required context roles (one of them must own the element).`);
out.push(`    pub required_context: &'static [&'static str],`);
out.push(`    /// Required owned elements: each entry is a role, or \`[container, item]\` for "container`);
out.push(`    /// owning item" (e.g. \`["group", "menuitem"]\`).`);
out.push(`    pub required_owned: &'static [&'static [&'static str]],`);
out.push(`    /// Required states and properties.`);
out.push(`    pub required: &'static [&'static str],`);
out.push(`    /// Supported states and properties, inherited ones included, globals excluded.`);
out.push(`    pub supported: &'static [&'static str],`);
out.push(`    /// Prohibited states and properties.`);
out.push(`    pub prohibited: &'static [&'static str],`);
out.push(`    /// Implicit values for the role (WAI-ARIA "Implicit Value for Role").`);
out.push(`    pub implicit: &'static [(&'static str, &'static str)],`);
out.push(`    /// Name from.`);
out.push(`    pub name_from: NameFrom,`);
out.push(`    /// Children presentational.`);
out.push(`    pub presentational_children: bool,`);
out.push(`}`);
out.push(``);
out.push(`/// Value type of a state or property (WAI-ARIA 1.2 §6.3).`);
out.push(`#[derive(Clone, Copy, Debug, PartialEq, Eq)]`);
out.push(`pub(crate) enum ValueType {`);
out.push(`    /// true/false`);
out.push(`    TrueFalse,`);
out.push(`    /// true/false/undefined`);
out.push(`    TrueFalseUndefined,`);
out.push(`    /// true/false/mixed`);
out.push(`    Tristate,`);
out.push(`    /// ID reference`);
out.push(`    IdRef,`);
out.push(`    /// ID reference list`);
out.push(`    IdRefList,`);
out.push(`    /// integer`);
out.push(`    Integer,`);
out.push(`    /// number`);
out.push(`    Number,`);
out.push(`    /// string`);
out.push(`    String,`);
out.push(`    /// one token of \`values\``);
out.push(`    Token,`);
out.push(`    /// space-separated tokens of \`values\``);
out.push(`    TokenList,`);
out.push(`}`);
out.push(``);
out.push(`/// Whether a state or property applies to every role.`);
out.push(`#[derive(Clone, Copy, Debug, PartialEq, Eq)]`);
out.push(`pub(crate) enum Global {`);
out.push(`    /// Only on roles that support it.`);
out.push(`    No,`);
out.push(`    /// On every role.`);
out.push(`    Yes,`);
out.push(`    /// Listed as global, global use deprecated in ARIA 1.2.`);
out.push(`    Deprecated,`);
out.push(`}`);
out.push(``);
out.push(`/// One state or property (WAI-ARIA 1.2 §6.6).`);
out.push(`#[derive(Debug)]`);
out.push(`pub(crate) struct Property {`);
out.push(`    /// Attribute name.`);
out.push(`    pub name: &'static str,`);
out.push(`    /// Defining specification.`);
out.push(`    pub spec: Spec,`);
out.push(`    /// A state (changes with interaction) rather than a property.`);
out.push(`    pub is_state: bool,`);
out.push(`    /// Value type.`);
out.push(`    pub value: ValueType,`);
out.push(`    /// Allowed tokens for \`Token\` / \`TokenList\`.`);
out.push(`    pub tokens: &'static [&'static str],`);
out.push(`    /// Default value, if the spec gives one.`);
out.push(`    pub default: Option<&'static str>,`);
out.push(`    /// Deprecated.`);
out.push(`    pub deprecated: bool,`);
out.push(`    /// Global or not.`);
out.push(`    pub global: Global,`);
out.push(`}`);
out.push(``);

// Properties.
out.push(`/// Every state and property, sorted by name.`);
out.push(`pub(crate) static PROPERTIES: &[Property] = &[`);
for (const [name, p] of props) {
  const spec = ARIA13_GLOBALS.includes(name) ? 'Aria13' : 'Aria12';
  const tokens = (p.values || []).map(String);
  const global = DEPRECATED_GLOBALS.includes(name) ? 'Deprecated'
    : (globals12.has(name) || ARIA13_GLOBALS.includes(name)) ? 'Yes' : 'No';
  const def = DEFAULTS[name] ? `Some(${rs(DEFAULTS[name])})` : 'None';
  out.push(`    Property { name: ${rs(name)}, spec: Spec::${spec}, is_state: ${STATES.has(name)}, value: ValueType::${valueType(p)}, tokens: ${list(tokens)}, default: ${def}, deprecated: ${DEPRECATED.includes(name)}, global: Global::${global} },`);
}
out.push(`];`);
out.push(``);

// Roles.
const globalsAll = new Set([...globals12, ...ARIA13_GLOBALS]);
const entries = [];
for (const [name, r] of roles) {
  const superclass = [...new Set(r.superClass.map((chain) => chain[chain.length - 1]))];
  let required = Object.keys(r.requiredProps).filter((p) => !(DROP_REQUIRED[name] || []).includes(p));
  const implicit = Object.entries(r.props)
    .filter(([p, v]) => v !== null && v !== undefined && !(DROP_IMPLICIT[name] || []).includes(p))
    .map(([p, v]) => [p, String(v)]);
  const supported = Object.keys(r.props).filter((p) => !globalsAll.has(p) || DEPRECATED_GLOBALS.includes(p));
  for (const p of required) if (!supported.includes(p)) supported.push(p);
  const nameFrom = r.nameFrom || [];
  let prohibited = [...r.prohibitedProps, ...(EXTRA_PROHIBITED[name] || [])];
  const namingProhibited = nameFrom.includes('prohibited') || name === 'none';
  if (namingProhibited) prohibited.push(...ARIA13_PROHIBITED_NAMED);
  if (['generic', 'none', 'presentation'].includes(name)) prohibited.push(...ARIA13_PROHIBITED_GENERIC);
  prohibited = [...new Set(prohibited)];
  entries.push({
    name, spec: specOfRole(name), abstract: r.abstract, superclass,
    context: [...new Set([...(r.requiredContextRole || []), ...(EXTRA_CONTEXT[name] || [])])].sort(),
    // aria-query writes "group owning menuitem" as ['menuitem', 'group']: store container first.
    owned: r.requiredOwnedElements.map((path) => [...path].reverse()),
    required, supported: supported.sort(), prohibited: prohibited.sort(), implicit,
    nameFrom, presentational: r.childrenPresentational,
  });
}
for (const r of ARIA13_ROLES) {
  const base = entries.find((e) => e.name === r.superclass[0]);
  const prohibited = r.nameFrom.includes('prohibited') ? ['aria-braillelabel', 'aria-label', 'aria-labelledby'] : [];
  entries.push({
    name: r.name, spec: 'Aria13', abstract: false, superclass: r.superclass, context: [], owned: [],
    required: [], supported: base ? base.supported : [], prohibited, implicit: [],
    nameFrom: r.nameFrom, presentational: !!r.presentational,
  });
}
entries.sort((a, b) => (a.name < b.name ? -1 : 1));

out.push(`/// Every role, sorted by name.`);
out.push(`pub(crate) static ROLES: &[Role] = &[`);
for (const e of entries) {
  const owned = `&[${e.owned.map((p) => list(p)).join(', ')}]`;
  const implicit = `&[${e.implicit.map(([p, v]) => `(${rs(p)}, ${rs(v)})`).join(', ')}]`;
  const nf = `NameFrom { author: ${e.nameFrom.includes('author')}, contents: ${e.nameFrom.includes('contents')}, prohibited: ${e.nameFrom.includes('prohibited')} }`;
  out.push(`    Role {`);
  out.push(`        name: ${rs(e.name)}, spec: Spec::${e.spec}, is_abstract: ${e.abstract}, superclass: ${list(e.superclass)},`);
  out.push(`        required_context: ${list(e.context)}, required_owned: ${owned},`);
  out.push(`        required: ${list(e.required)}, supported: ${list(e.supported)},`);
  out.push(`        prohibited: ${list(e.prohibited)}, implicit: ${implicit},`);
  out.push(`        name_from: ${nf}, presentational_children: ${e.presentational},`);
  out.push(`    },`);
}
out.push(`];`);
out.push(``);
out.push(`/// The role named \`name\` (lower-case).`);
out.push(`pub(crate) fn role(name: &str) -> Option<&'static Role> {`);
out.push(`    ROLES.binary_search_by(|r| r.name.cmp(name)).ok().and_then(|i| ROLES.get(i))`);
out.push(`}`);
out.push(``);
out.push(`/// The state or property named \`name\` (lower-case).`);
out.push(`pub(crate) fn property(name: &str) -> Option<&'static Property> {`);
out.push(`    PROPERTIES.binary_search_by(|p| p.name.cmp(name)).ok().and_then(|i| PROPERTIES.get(i))`);
out.push(`}`);
process.stdout.write(out.join('\n') + '\n');
