// The latest published Learning and Improvement report, printed to A4 PDF by
// Chromium and read back per page with poppler's pdftotext: the cover on
// page 1, "Page N of M" on every page, the headline figures; axe-core finds
// no violation on the report page. One report only (CI time).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { serveStatic } from '../browser/lib/static_server.mjs';
import { runAxe, formatViolations } from '../browser/lib/page_checks.mjs';

const [qahubArg, rootArg] = process.argv.slice(2);
const qahub = path.resolve(qahubArg);
const root = path.resolve(rootArg);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { chromium } = require('playwright-core');

const failures = [];

/// Prints the draft report at `url`: "Draft — not published" on every page,
/// no "Published" with nothing after it, no version.
async function checkDraft(page, url, what) {
  await page.goto(url);
  const draftPdf = path.join(work, 'draft.pdf');
  await page.pdf({ path: draftPdf, preferCSSPageSize: true, printBackground: true });
  const draftInfo = spawnSync('pdfinfo', [draftPdf], { encoding: 'utf8' }).stdout;
  const draftPages = Number((draftInfo.match(/^Pages:\s+(\d+)/m) || [])[1]);
  check(draftPages >= 2, `${what} prints on ${draftPages} pages`);
  for (let n = 1; n <= draftPages; n++) {
    const text = spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', draftPdf, '-'],
      { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    check(text.includes('Draft — not published'), `${what}: page ${n} lacks "Draft — not published"`);
    check(!/Published\s*[,.]|Published\s*$|publication on\s*\./.test(text), `${what}: page ${n} has an empty "Published"`);
    check(!text.includes('Version 1'), `${what}: page ${n} has a version`);
  }
}
let printedPages = 0;
const check = (ok, what) => { if (!ok) failures.push(what); };

for (const tool of ['pdftotext', 'pdfinfo']) {
  if (spawnSync(tool, ['-v']).error) {
    console.log(`FAIL  ${tool} is missing: apt-get install poppler-utils (.ci/install-deps)`);
    process.exit(1);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qahub-report-pdf-'));
const site = path.join(work, 'site');
fs.mkdirSync(site);
for (const part of ['content', 'data', 'qahub.yaml']) fs.cpSync(path.join(root, part), path.join(site, part), { recursive: true });
const out = path.join(work, 'out');
// With --drafts: the draft report (cycle 2, 2026-27) prints too, saying so on every page.
const built = spawnSync(qahub, ['build', '--site', site, '--out', out, '--as-of', '2026-11-23', '--drafts'],
  { encoding: 'utf8' });
if (built.status !== 0) {
  console.log(`FAIL  build: ${built.stderr}`);
  process.exit(1);
}

const server = await serveStatic(out);
const browser = await chromium.launch({
  executablePath: process.env.QAHUB_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  // The latest published report is the one the home page names.
  await page.goto(`${server.origin}/`);
  const latest = await page.getAttribute('.report-latest a', 'href');
  check(latest, 'the home page names the latest report');
  await page.goto(new URL(latest, `${server.origin}/`).href);
  const violations = await runAxe(page, repo);
  check(violations.length === 0, `axe violations on ${latest}:\n${formatViolations(violations)}`);

  const pdfFile = path.join(work, 'report.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
  const info = spawnSync('pdfinfo', [pdfFile], { encoding: 'utf8' }).stdout;
  const pages = Number((info.match(/^Pages:\s+(\d+)/m) || [])[1]);
  printedPages = pages;
  check(pages >= 3, `the report prints on ${pages} pages`);
  check(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/.test(info) || /Page size:\s+59[45].* x 84[12]/.test(info),
    `A4 pages: ${info.match(/^Page size:.*$/m)}`);
  const pageText = (n) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdfFile, '-'],
    { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  const cover = pageText(1);
  for (const want of ['Learning and Improvement report: cycle 1, 2026-27', 'Cycle 1, 2026-27', 'Published 8 September 2026',
    'Owner: Head of Quality Assurance', 'Version 1', 'Children, Young People and Education directorate']) {
    check(cover.includes(want), `page 1 (the cover) lacks "${want}": ${cover.slice(0, 400)}`);
  }
  check(!cover.includes('Skip to main content') && !cover.includes('Search the hub'), 'site chrome printed');
  let all = '';
  for (let n = 1; n <= pages; n++) {
    const text = pageText(n);
    all += text;
    check(text.includes(`Page ${n} of ${pages}`), `page ${n} lacks "Page ${n} of ${pages}"`);
  }
  for (const want of ['We completed 208 audits and moderated 52', '60.1%', 'Headline figures for Cycle 1, 2026-27'])
    check(all.includes(want), `the printed report lacks "${want}"`);

  // The committee report (issue 36): the cover names its number, committee and
  // the decision asked; every page carries the marking and "Page N of M";
  // the committee-report type's required headings print in their order.
  const committee = '/committee/2026-09-progress-report/';
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${server.origin}${committee}`);
  const committeeViolations = await runAxe(page, repo);
  check(committeeViolations.length === 0, `axe violations on ${committee}:\n${formatViolations(committeeViolations)}`);
  await page.emulateMedia({ media: 'print' });
  const committeePdf = path.join(work, 'committee.pdf');
  await page.pdf({ path: committeePdf, preferCSSPageSize: true, printBackground: true });
  const committeeInfo = spawnSync('pdfinfo', [committeePdf], { encoding: 'utf8' }).stdout;
  const committeePages = Number((committeeInfo.match(/^Pages:\s+(\d+)/m) || [])[1]);
  check(committeePages >= 3, `the committee report prints on ${committeePages} pages`);
  const committeeText = (n) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', committeePdf, '-'],
    { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  const committeeCover = committeeText(1);
  for (const want of ["The 7th regular report to the Children's Services Cabinet Committee", 'Published 24 September 2026',
    'Members are asked to NOTE this report.', 'Contact: Head of Quality Assurance'])
    check(committeeCover.includes(want), `the committee report's cover lacks "${want}": ${committeeCover.slice(0, 400)}`);
  let committeeAll = '';
  for (let n = 1; n <= committeePages; n++) {
    const text = committeeText(n);
    committeeAll += ` ${text}`;
    check(text.includes(`Page ${n} of ${committeePages}`), `committee report page ${n} lacks "Page ${n} of ${committeePages}"`);
    check(text.includes('OFFICIAL'), `committee report page ${n} lacks its marking`);
  }
  let at = committeeAll.indexOf('Members are asked to NOTE');
  for (const heading of ['Summary', 'Inspections and reviews', 'Progress against the plan', 'Performance',
    'Quality of practice', 'Risks', 'Implications', 'Conclusion', 'Background documents']) {
    const found = committeeAll.indexOf(` ${heading} `, at);
    check(found > at, `the committee report's heading "${heading}" is missing or out of order`);
    if (found > at) at = found;
  }

  // The self-evaluation (issue 37): the cover names its year and version;
  // every page carries the marking and "Page N of M"; the three questions
  // print as headings in their order, then the evidence index; what changed
  // since the last quarter is printed; axe finds nothing on the page.
  const selfEvaluation = '/self-evaluation/2026-27/';
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${server.origin}${selfEvaluation}`);
  const seViolations = await runAxe(page, repo);
  check(seViolations.length === 0, `axe violations on ${selfEvaluation}:\n${formatViolations(seViolations)}`);
  await page.emulateMedia({ media: 'print' });
  const sePdf = path.join(work, 'self-evaluation.pdf');
  await page.pdf({ path: sePdf, preferCSSPageSize: true, printBackground: true });
  const seInfo = spawnSync('pdfinfo', [sePdf], { encoding: 'utf8' }).stdout;
  const sePages = Number((seInfo.match(/^Pages:\s+(\d+)/m) || [])[1]);
  check(sePages >= 3, `the self-evaluation prints on ${sePages} pages`);
  const seText = (n) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', sePdf, '-'],
    { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  const seCover = seText(1);
  for (const want of ['Self-evaluation 2026-27, Q2 version', 'Published 30 September 2026', 'Contact: Head of Quality Assurance'])
    check(seCover.includes(want), `the self-evaluation's cover lacks "${want}": ${seCover.slice(0, 400)}`);
  let seAll = '';
  for (let n = 1; n <= sePages; n++) {
    const text = seText(n);
    seAll += ` ${text}`;
    check(text.includes(`Page ${n} of ${sePages}`), `self-evaluation page ${n} lacks "Page ${n} of ${sePages}"`);
    check(text.includes('OFFICIAL'), `self-evaluation page ${n} lacks its marking`);
  }
  check(seAll.includes('Changed since the last quarter'), 'the printed self-evaluation lacks what changed since the last quarter');
  let seAt = seAll.indexOf('Changed since the last quarter');
  for (const heading of ['What do we know about the quality and impact of social work practice?', 'How do we know it?',
    'What are our plans for the next 12 months to maintain or improve practice?', 'Evidence index']) {
    const found = seAll.indexOf(heading, seAt + 1);
    check(found > seAt, `the self-evaluation's heading "${heading}" is missing or out of order`);
    if (found > seAt) seAt = found;
  }
  check(seAll.includes('E12 Multi-agency audits of neglect'), 'the printed evidence index lacks E12');

  // A draft: "Draft — not published" on every printed page, beside the
  // marking, and no publication field left empty.
  await checkDraft(page, `${server.origin}/learning/2026-27-cycle-2/`, 'the default site\'s draft');
  // A new hub's own draft report, built with --strict --drafts (issue 30).
  const hub = path.join(work, 'hub');
  const made = spawnSync(qahub, ['new', 'site', hub, '--as-of', '2026-12-02'], { encoding: 'utf8' });
  check(made.status === 0, `new site: ${made.stderr}`);
  const hubOut = path.join(work, 'hub-out');
  const hubBuilt = spawnSync(qahub, ['build', '--site', hub, '--out', hubOut, '--as-of', '2026-12-02', '--strict',
    '--drafts'], { encoding: 'utf8' });
  check(hubBuilt.status === 0, `new hub build --strict --drafts: ${hubBuilt.stderr}`);
  const hubServer = await serveStatic(hubOut);
  try {
    await checkDraft(page, `${hubServer.origin}/learning/2026-27-cycle-3/`, 'a new hub\'s draft');
  } finally {
    await hubServer.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`FAIL  print the latest report\n${failures.map((f) => `      ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`ok    print the latest report: ${printedPages} A4 pages, cover, "Page N of ${printedPages}" on each, figures; axe clean`);
