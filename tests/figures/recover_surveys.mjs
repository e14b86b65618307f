// Recoverability of suppressed survey figures (issue 35), the test
// recover.mjs makes of cycle pages, for survey pages. Builds the default site
// and the surveys golden site, reads what each survey question publishes
// (the whole survey's answers with "Did not answer", its respondents, and the
// breakdown by service or area: respondents and "share (responses)" per
// cell, with "fewer than N" and "–"), and writes it as a whole-number
// programme over the unknown table: each listed unit's and the uncovered
// rest's count per answer and "did not answer". For every count or share not
// shown it asks javascript-lp-solver (test-only) for its smallest and largest
// whole-number value; it fails if they are equal (the figure can be worked
// out). A negative control first checks that primary suppression alone is
// caught.
//
//   node tests/figures/recover_surveys.mjs build/qahub .
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [qahub, root] = process.argv.slice(2);
const solver = require('javascript-lp-solver');

const decode = (s) => s.replace(/<[^>]*>/g, '').replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&quot;/g, '"')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();

function table(html, id) {
  const m = html.match(new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`));
  if (!m) return null;
  const body = m[1].match(/<tbody>([\s\S]*?)<\/tbody>/)[1];
  const head = m[1].match(/<thead>([\s\S]*?)<\/thead>/)[1];
  const cells = (row) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1]));
  return { head: cells(head), rows: [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => cells(r[1])) };
}

const perMille = (s) => (/^\d+\.\d%$/.test(s) ? Math.round(parseFloat(s) * 10) : null);
const minCell = 5;  // both sites' disclosure.min_cell

/// A published count of `terms` (a sum of unknowns): shown, below minCell, or hidden though at least minCell.
function count(terms, text, label) {
  const f = text.match(/^fewer than (\d+)$/);
  if (f) return { terms, kind: 'fewer', max: Number(f[1]) - 1, label };
  if (text === '–') return { terms, kind: 'withheld', min: minCell, label };
  if (!/^\d+$/.test(text)) throw new Error(`cannot read count "${text}" (${label})`);
  return { terms, kind: 'count', value: Number(text), label };
}
function share(num, den, text, label) {
  const pm = perMille(text);
  if (pm === null) {
    if (text !== '–') throw new Error(`cannot read share "${text}" (${label})`);
    return { terms: num, kind: 'hidden-share', label };
  }
  return { num, den, kind: 'share', pm, label };
}

/// What one question publishes, or null when it has no breakdown.
export function facts(html, q) {
  const whole = table(html, `survey-${q}`), by = table(html, `survey-${q}-breakdown`);
  if (!whole || !by) return null;
  const section = html.slice(html.indexOf(`<h2 id="q-${q}">`));
  const n = Number(section.match(/<p>(\d+) (?:people|person) answered/)[1]);
  const options = by.head.slice(2);
  const units = [...by.rows.map((r) => r[0]), '(not in a listed unit)'];
  const x = (u, i) => `x${u}_${i}`, r = (u) => `r${u}`;
  const respondents = (u) => [...options.map((_, i) => [x(u, i), 1]), [r(u), 1]];
  const published = [];
  options.forEach((o, i) => {
    const row = whole.rows.find((w) => w[0] === o);
    if (/^\d+$/.test(row[1])) published.push(count(units.map((_, u) => [x(u, i), 1]), row[1], `${o}, all respondents`));
  });
  const skipped = whole.rows.find((w) => w[0] === 'Did not answer');
  published.push(count(units.map((_, u) => [r(u), 1]), skipped ? skipped[1] : '0', 'did not answer, all respondents'));
  published.push(count(units.flatMap((_, u) => respondents(u)), String(n), 'respondents'));
  by.rows.forEach((row, u) => {
    published.push(count(respondents(u), row[1], `respondents, ${row[0]}`));
    options.forEach((o, i) => {
      const m = row[2 + i].match(/^(\S+) \((.+)\)$/);
      if (!m) throw new Error(`cannot read cell "${row[2 + i]}"`);
      published.push(count([[x(u, i), 1]], m[2], `${o}, ${row[0]}`));
      published.push(share([[x(u, i), 1]], respondents(u), m[1], `share ${o}, ${row[0]}`));
    });
  });
  return { published, variables: units.flatMap((_, u) => [...options.map((_, i) => x(u, i)), r(u)]) };
}

/// The smallest or largest whole-number value of `terms` over every table that fits what is published.
function extreme(f, terms, opType) {
  const variables = {}, constraints = {}, ints = {};
  for (const v of f.variables) (variables[v] = {}), (ints[v] = 1);
  const add = (name, ts, bound) => {
    constraints[name] = bound;
    for (const [v, k] of ts) variables[v][name] = (variables[v][name] ?? 0) + k;
  };
  f.published.forEach((p, i) => {
    if (p.kind === 'count') add(`p${i}`, p.terms, { equal: p.value });
    if (p.kind === 'fewer') add(`p${i}`, p.terms, { max: p.max });
    if (p.kind === 'withheld') add(`p${i}`, p.terms, { min: p.min });
    if (p.kind === 'share') {
      // per_mille(a, n) rounded half up = pm  ⇔  0 ≤ 2000 a + (1 − 2pm) n ≤ 2n − 1
      add(`lo${i}`, [...p.num.map(([v, k]) => [v, 2000 * k]), ...p.den.map(([v, k]) => [v, (1 - 2 * p.pm) * k])], { min: 0 });
      add(`hi${i}`, [...p.num.map(([v, k]) => [v, 2000 * k]), ...p.den.map(([v, k]) => [v, (-1 - 2 * p.pm) * k])], { max: -1 });
    }
  });
  for (const [v, k] of terms) variables[v].objective = (variables[v].objective ?? 0) + k;
  const r = solver.Solve({ optimize: 'objective', opType, constraints, variables, ints });
  return r.feasible ? Math.round(r.result) : null;
}

/// Hidden figures that have one possible value.
export function recoverable(f) {
  const out = [];
  for (const p of f.published.filter((p) => ['fewer', 'withheld', 'hidden-share'].includes(p.kind))) {
    const lo = extreme(f, p.terms, 'min'), hi = extreme(f, p.terms, 'max');
    if (lo === null || hi === null) throw new Error(`nothing fits what is published (${p.label}): the reader is wrong`);
    if (lo === hi) out.push(`${p.label}: only ${lo} is possible`);
  }
  return out;
}

let failures = 0;
const fail = (msg) => { console.log(`FAIL: ${msg}`); failures++; };

// Negative control: one small count hidden and nothing else gives it away through its row.
{
  const html = '<h2 id="q-q">Q</h2><p>30 people answered; …</p>' +
    '<table id="survey-q"><thead><tr><th>Answer</th></tr></thead><tbody><tr><th>Yes</th><td>23</td><td>76.7%</td></tr>' +
    '<tr><th>No</th><td>7</td><td>23.3%</td></tr></tbody></table>' +
    '<table id="survey-q-breakdown"><thead><tr><th>Service</th><th>Respondents</th><th>Yes</th><th>No</th></tr></thead><tbody>' +
    '<tr><th>A</th><td>10</td><td>80.0% (8)</td><td>– (fewer than 5)</td></tr>' +
    '<tr><th>B</th><td>20</td><td>75.0% (15)</td><td>25.0% (5)</td></tr></tbody></table>';
  const found = recoverable(facts(html, 'q'));
  if (!found.some((s) => s.startsWith('No, A: only 2'))) fail(`the negative control was not caught: ${found}`);
  else console.log('ok: primary suppression alone is caught (No, A: only 2 is possible)');
}

const work = mkdtempSync(join(tmpdir(), 'qahub-survey-figures-'));
try {
  let questions = 0, hidden = 0;
  for (const [name, site] of [['default site', root], ['surveys golden site', join(root, 'tests/sites/surveys')]]) {
    const copy = join(work, name.replace(/ /g, '-'));
    for (const d of ['content', 'data', 'qahub.yaml']) cpSync(join(site, d), join(copy, 'site', d), { recursive: true });
    execFileSync(qahub, ['build', '--site', join(copy, 'site'), '--out', join(copy, 'out'), '--as-of', '2026-11-23'], { stdio: ['ignore', 'ignore', 'pipe'] });
    for (const id of readdirSync(join(copy, 'out/surveys')).sort()) {
      const file = join(copy, 'out/surveys', id, 'index.html');
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      for (const [, q] of html.matchAll(/<table[^>]*id="survey-([a-z0-9-]+)-breakdown"/g)) {
        const f = facts(html, q);
        questions++;
        hidden += f.published.filter((p) => ['fewer', 'withheld', 'hidden-share'].includes(p.kind)).length;
        const found = recoverable(f);
        for (const s of found) fail(`${name} /surveys/${id}/ ${q}: ${s}`);
        if (!found.length) console.log(`ok: ${name} /surveys/${id}/ ${q}: every suppressed figure has at least two possible values`);
      }
    }
  }
  if (questions < 2) fail('fewer than two survey questions with a breakdown (nothing tested)');
  if (hidden < 1) fail('no survey figure is suppressed (nothing tested)');
  console.log(`${questions} survey questions with a breakdown, ${hidden} figures hidden`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
