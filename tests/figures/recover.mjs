// Recoverability of suppressed audit figures. Builds the default site, reads
// what each cycle page publishes about its breakdown (the By service, By area
// and service × area tables: counts, "fewer than N" (below N), "–" for a
// count hidden although it is at least N, shares to one decimal, and the
// whole authority's totals), and writes it as a whole-number programme: every
// table of non-negative whole numbers that fits all of it. For each count or
// share that is not shown it must find two such tables that give it different
// values (searched from the cycle's own table by moves that keep every line's
// sum, and each checked against every constraint); a figure for which it
// cannot is reported with its bounds from the LP relaxation
// (javascript-lp-solver, test-only), "only N is possible" when they hold one
// whole number. It fails if any suppressed figure has only one possible value.
// A negative control first checks that a count hidden by primary suppression
// alone is caught.
//
//   node tests/figures/recover.mjs build/qahub .
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

/// "54.5%" → 545 (per mille), or null.
const perMille = (s) => (/^\d+\.\d%$/.test(s) ? Math.round(parseFloat(s) * 10) : null);
const fewer = /^fewer than (\d+)$/;
const minCell = 5;  // the default site's disclosure.min_cell

/// What a page publishes, as quantities: each is a sum of unknown cells
/// (service × area: completed c, good or better g, moderated m).
export function facts(html) {
  const services = table(html, 'breakdown-services'), areas = table(html, 'breakdown-areas');
  const grid = table(html, 'breakdown-grid');
  if (!services || !areas || !grid) return null;
  const areaNames = grid.head.slice(1);
  const cells = [];  // {s, a}
  const published = [];  // {terms: [[var, coef]], kind, value|pm|max, label}
  for (const row of grid.rows) {
    const s = row[0];
    row.slice(1).forEach((text, i) => {
      if (text === 'not audited') return;
      const k = cells.length;
      cells.push({ s, a: areaNames[i] });
      const m = text.match(/^(\S+) \((.+)\)$/);
      if (!m) throw new Error(`cannot read grid cell "${text}"`);
      const n = m[2] === 'number of audits not shown' ? '–' : m[2].replace(/ audits$/, '');
      published.push(count([[`c${k}`, 1]], n, `completed, ${s} in ${areaNames[i]}`));
      published.push(share([[`g${k}`, 1]], [[`c${k}`, 1]], m[1], `good or better, ${s} in ${areaNames[i]}`));
    });
  }
  const sum = (v, pred) => cells.map((c, k) => [`${v}${k}`, 1]).filter((_, k) => pred(cells[k]));
  const subtotal = (rows, pred, what) => {
    for (const r of rows) {
      const [name, completed, , good, goodShare, , moderated, rate] = r;
      const p = name === 'Whole authority' ? () => true : (c) => pred(c, name);
      const c = sum('c', p), g = sum('g', p), m = sum('m', p);
      published.push(count(c, completed, `completed, ${what} ${name}`));
      published.push(count(g, good, `good or better, ${what} ${name}`));
      published.push(share(g, c, goodShare, `good-or-better share, ${what} ${name}`));
      published.push(count(m, moderated, `moderated, ${what} ${name}`));
      published.push(share(m, c, rate, `moderation rate, ${what} ${name}`));
    }
  };
  subtotal(services.rows, (c, n) => c.s === n, 'service');
  subtotal(areas.rows, (c, n) => c.a === n, 'area');
  return { cells, published };
}

/// A count: shown; "fewer than N" (below N); "–" (hidden although it is at
/// least N, so that a small one cannot be worked out).
function count(terms, text, label) {
  const f = text.match(fewer);
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

/// The integer programme of everything published; `objective` is a list of terms.
function model(f, objective, opType) {
  const variables = {}, constraints = {}, ints = {};
  const v = (name) => (variables[name] ??= {}, ints[name] = 1, variables[name]);
  f.cells.forEach((_, k) => {
    for (const x of ['c', 'g', 'm']) v(`${x}${k}`);
    // g ≤ c and m ≤ c
    constraints[`gc${k}`] = { min: 0 }; v(`c${k}`)[`gc${k}`] = 1; v(`g${k}`)[`gc${k}`] = -1;
    constraints[`mc${k}`] = { min: 0 }; v(`c${k}`)[`mc${k}`] = 1; v(`m${k}`)[`mc${k}`] = -1;
  });
  const add = (name, terms, bound) => {
    constraints[name] = bound;
    for (const [x, coef] of terms) v(x)[name] = (v(x)[name] ?? 0) + coef;
  };
  f.published.forEach((p, i) => {
    if (p.kind === 'count') add(`p${i}`, p.terms, { equal: p.value });
    if (p.kind === 'fewer') add(`p${i}`, p.terms, { max: p.max });
    if (p.kind === 'withheld') add(`p${i}`, p.terms, { min: p.min });
    if (p.kind === 'share') {
      // per_mille(g, c) = floor((2000 g + c) / 2c) = pm  ⇔  0 ≤ 2000 g + (1 − 2pm) c ≤ 2c − 1
      add(`lo${i}`, [...p.num.map(([x, k]) => [x, 2000 * k]), ...p.den.map(([x, k]) => [x, (1 - 2 * p.pm) * k])], { min: 0 });
      add(`hi${i}`, [...p.num.map(([x, k]) => [x, 2000 * k]), ...p.den.map(([x, k]) => [x, (-1 - 2 * p.pm) * k])], { max: -1 });
    }
  });
  add('objective', objective, {});
  delete constraints.objective;
  return { optimize: 'objective', opType, constraints, variables, ints };
}

/// Whether the whole-number table `x` fits every constraint of `m`.
function fits(m, x) {
  for (const [name, coefs] of Object.entries(m.variables)) if (!Number.isInteger(x[name]) || x[name] < 0) return false;
  for (const [name, bound] of Object.entries(m.constraints)) {
    let lhs = 0;
    for (const [v, coefs] of Object.entries(m.variables)) lhs += (coefs[name] ?? 0) * x[v];
    if ((bound.equal !== undefined && lhs !== bound.equal) || (bound.min !== undefined && lhs < bound.min) ||
        (bound.max !== undefined && lhs > bound.max)) return false;
  }
  return true;
}

const value = (x, terms) => terms.reduce((s, [v, k]) => s + k * x[v], 0);

/// The smallest and largest value of `terms` over real-valued tables that fit
/// (the LP relaxation, javascript-lp-solver): bounds on the whole-number ones.
function relaxed(f, terms) {
  const real = (opType) => {
    const m = model(f, terms, opType);
    delete m.ints;
    return solver.Solve(m);
  };
  const lo = real('min'), hi = real('max');
  return lo.feasible && hi.feasible ? [lo.result, hi.result] : null;
}

/// Moves that keep every line's sum: +1/−1 on one measure (or on several at
/// once) between two areas of a service, two services of an area, or round a
/// rectangle of two services and two areas.
function moves(f) {
  const at = new Map(f.cells.map((c, k) => [`${c.s}\u0000${c.a}`, k]));
  const services = [...new Set(f.cells.map((c) => c.s))], areas = [...new Set(f.cells.map((c) => c.a))];
  const patterns = [];
  const k = (s, a) => at.get(`${s}\u0000${a}`);
  for (const s of services)
    for (let i = 0; i < areas.length; i++)
      for (let j = i + 1; j < areas.length; j++) if (k(s, areas[i]) !== undefined && k(s, areas[j]) !== undefined) patterns.push([[k(s, areas[i]), 1], [k(s, areas[j]), -1]]);
  for (const a of areas)
    for (let i = 0; i < services.length; i++)
      for (let j = i + 1; j < services.length; j++) if (k(services[i], a) !== undefined && k(services[j], a) !== undefined) patterns.push([[k(services[i], a), 1], [k(services[j], a), -1]]);
  for (let i = 0; i < services.length; i++)
    for (let j = i + 1; j < services.length; j++)
      for (let p = 0; p < areas.length; p++)
        for (let q = p + 1; q < areas.length; q++) {
          const c = [k(services[i], areas[p]), k(services[i], areas[q]), k(services[j], areas[p]), k(services[j], areas[q])];
          if (c.every((x) => x !== undefined)) patterns.push([[c[0], 1], [c[1], -1], [c[2], -1], [c[3], 1]]);
        }
  const out = [];
  for (const measures of [['c'], ['g'], ['m'], ['c', 'g'], ['c', 'm'], ['c', 'g', 'm']])
    for (const pattern of patterns)
      for (const sign of [1, -1]) out.push(pattern.flatMap(([cell, d]) => measures.map((x) => [`${x}${cell}`, sign * d])));
  return out;
}

/// Suppressed quantities whose possible values are a single number. A
/// second whole-number table that fits everything published and gives a
/// quantity another value proves it has at least two; such tables are
/// searched from the true one by moves that keep the line sums (one move,
/// then two), and checked against every constraint.
export function recoverable(f, truth) {
  const m = model(f, [], 'max');
  if (!fits(m, truth)) throw new Error('the true table does not fit what is published: the reader is wrong');
  const hidden = f.published.filter((p) => p.kind === 'fewer' || p.kind === 'withheld' || p.kind === 'hidden-share');
  const all = moves(f);
  const apply = (x, mv) => {
    const y = { ...x };
    for (const [v, d] of mv) y[v] += d;
    return y;
  };
  const pool = [truth];
  for (const mv of all) {
    const y = apply(truth, mv);
    if (fits(m, y)) pool.push(y);
  }
  const decided = (p) => new Set(pool.map((x) => value(x, p.terms))).size >= 2;
  const out = [];
  for (const p of hidden) {
    if (!decided(p)) {
      // Two moves: from each table one move away.
      for (const x of pool.slice(1)) {
        for (const mv of all) {
          const y = apply(x, mv);
          if (value(y, p.terms) !== value(truth, p.terms) && fits(m, y)) {
            pool.push(y);
            break;
          }
        }
        if (decided(p)) break;
      }
    }
    if (decided(p)) continue;
    const r = relaxed(f, p.terms);
    const only = r && Math.ceil(r[0] - 1e-9) >= Math.floor(r[1] + 1e-9);
    out.push(`${p.label}: ${only ? `only ${Math.round(r[0])} is possible` : 'no second possible value was found'}`);
  }
  return out;
}

/// The cycle's own table (data/cycles/ID.json), as the variables of `f`.
function truthOf(f, site, id) {
  const org = JSON.parse(readFileSync(join(site, 'data/organisation.json'), 'utf8'));
  const name = (list, x) => list.find((u) => u.id === x).name;
  const rows = JSON.parse(readFileSync(join(site, 'data/cycles', `${id}.json`), 'utf8')).figures.breakdown;
  const x = {};
  f.cells.forEach((cell, k) => {
    const r = rows.find((r) => name(org.services, r.service) === cell.s && name(org.areas, r.area) === cell.a);
    x[`c${k}`] = r.completed;
    x[`g${k}`] = r.grades.outstanding + r.grades.good;
    x[`m${k}`] = r.moderated;
  });
  return x;
}

let failures = 0;
const fail = (msg) => { console.log(`FAIL: ${msg}`); failures++; };

// Negative control: a 2 × 2 table with one small cell hidden and nothing else
// hidden gives the small cell away through its row total.
{
  const row = (n, c, g, m) => `<tr><th scope="row">${n}</th><td>${c}</td><td>–</td><td>${g}</td><td>–</td><td>–</td><td>${m}</td><td>–</td></tr>`;
  const t = (id, rows) => `<table id="${id}"><thead><tr><th>x</th></tr></thead><tbody>${rows}</tbody></table>`;
  const html = t('breakdown-services', row('S1', 13, 8, 6) + row('S2', 20, 12, 7) + row('Whole authority', 33, 20, 13)) +
    t('breakdown-areas', row('A', 15, 9, 6) + row('B', 18, 11, 7) + row('Whole authority', 33, 20, 13)) +
    `<table id="breakdown-grid"><thead><tr><th>Service</th><th>A</th><th>B</th></tr></thead><tbody>` +
    `<tr><th>S1</th><td>– (fewer than 5 audits)</td><td>– (10 audits)</td></tr>` +
    `<tr><th>S2</th><td>– (12 audits)</td><td>– (8 audits)</td></tr></tbody></table>`;
  // The table behind it: S1 (A 3, B 10), S2 (A 12, B 8); good or better 2, 6, 7, 5; moderated 1, 5, 5, 2.
  const truth = { c0: 3, c1: 10, c2: 12, c3: 8, g0: 2, g1: 6, g2: 7, g3: 5, m0: 1, m1: 5, m2: 5, m3: 2 };
  const found = recoverable(facts(html), truth);
  if (!found.some((s) => s.startsWith('completed, S1 in A: only 3'))) fail(`the negative control was not caught: ${found}`);
  else console.log('ok: primary suppression alone is caught (completed, S1 in A: only 3 is possible)');
}

const work = mkdtempSync(join(tmpdir(), 'qahub-figures-'));
try {
  for (const d of ['content', 'data', 'qahub.yaml']) cpSync(join(root, d), join(work, 'site', d), { recursive: true });
  execFileSync(qahub, ['build', '--site', join(work, 'site'), '--out', join(work, 'out'), '--as-of', '2026-11-23'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let pages = 0, hiddenCounts = 0, hiddenShares = 0, withheld = 0;
  for (const id of readdirSync(join(work, 'out/cycles')).sort()) {
    const file = join(work, 'out/cycles', id, 'index.html');
    if (!existsSync(file)) continue;
    const f = facts(readFileSync(file, 'utf8'));
    if (!f) continue;
    pages++;
    hiddenCounts += f.published.filter((p) => p.kind === 'fewer').length;
    withheld += f.published.filter((p) => p.kind === 'withheld').length;
    hiddenShares += f.published.filter((p) => p.kind === 'hidden-share').length;
    const found = recoverable(f, truthOf(f, join(work, 'site'), id));
    for (const s of found) fail(`/cycles/${id}/: ${s}`);
    if (!found.length) console.log(`ok: /cycles/${id}/: every suppressed figure has at least two possible values`);
  }
  if (pages < 1) fail('no cycle page with a breakdown in the default site');
  if (hiddenCounts < 1) fail('the default site shows no "fewer than" count (nothing tested)');
  if (hiddenShares < 1) fail('the default site hides no share (nothing tested)');
  if (withheld < 1) fail('the default site has no secondary suppression (nothing tested)');
  console.log(`${pages} cycle pages, ${hiddenCounts} counts shown as "fewer than", ${withheld} more counts and ${hiddenShares} shares hidden`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
