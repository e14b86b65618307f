// Issue 30: one page of every page kind (tests/print/page_kinds.json) printed
// to A4 portrait by headless Chromium. In print media at the page box's
// width, no element is wider than the page box and no box clips or scrolls
// what it holds (a scrollbar on paper); in the PDF, pdftotext finds every
// table's last column header, so no column fell off the paper.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { serveStatic } from '../browser/lib/static_server.mjs';

const [qahubArg, rootArg] = process.argv.slice(2);
const qahub = path.resolve(qahubArg);
const root = path.resolve(rootArg);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { chromium } = require('playwright-core');

if (spawnSync('pdftotext', ['-v']).error) {
  console.log('FAIL  pdftotext is missing: apt-get install poppler-utils (.ci/install-deps)');
  process.exit(1);
}
const kinds = JSON.parse(fs.readFileSync(path.join(here, 'page_kinds.json'), 'utf8'));
const urls = [...Object.values(kinds.records), ...kinds.sections, ...kinds.generated, ...kinds.content,
  ...kinds.report, ...kinds.brief];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qahub-print-kinds-'));
const out = path.join(work, 'out');
const built = spawnSync(qahub, ['build', '--site', root, '--out', out, '--as-of', '2026-11-23', '--drafts'],
  { encoding: 'utf8' });
if (built.status !== 0) {
  console.log(`FAIL  build: ${built.stderr}`);
  process.exit(1);
}

// A4 is 210 mm wide; the narrowest page box (a report: 16 mm margins) is
// 178 mm, 673 CSS px. Laid out in print media at that width, what fits
// there fits every page box. A page the print CSS names for landscape
// (`page: wide`: 297 mm less 14 mm margins) is laid out at 269 mm.
const px = (mm) => Math.floor((mm / 25.4) * 96);
const boxWidth = px(178);
const wideWidth = px(269);
const failures = [];
const server = await serveStatic(out);
const browser = await chromium.launch({
  executablePath: process.env.QAHUB_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: boxWidth, height: 1000 } });
  await page.emulateMedia({ media: 'print' });
  for (const url of urls) {
    const res = await page.goto(`${server.origin}${url}`);
    if (!res || res.status() >= 400) {
      failures.push(`${url}: HTTP ${res && res.status()}`);
      continue;
    }
    const wide = await page.evaluate(() => getComputedStyle(document.body).page === 'wide');
    // A scorecard is read across: it must print on A4 landscape (issue 34).
    if (/^\/scorecards\/[^/]+\/$/.test(url) && !wide) failures.push(`${url}: a scorecard must print landscape (page: wide)`);
    await page.setViewportSize({ width: wide ? wideWidth : boxWidth, height: 1000 });
    const found = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
        (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const hidden = (el) => getComputedStyle(el).position === 'absolute' && el.getBoundingClientRect().width <= 1;
      const problems = [];
      for (const el of document.body.querySelectorAll('*')) {
        if (!shown(el) || hidden(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) problems.push(`${name(el)} is wider than the page box (right ${Math.round(r.right)} > ${width})`);
        const cs = getComputedStyle(el);
        const clips = ['hidden', 'auto', 'scroll', 'clip'].includes(cs.overflowX);
        if (clips && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} clips or scrolls (${el.scrollWidth} > ${el.clientWidth})`);
        if (problems.length >= 5) break;
      }
      const lastHeaders = [...document.querySelectorAll('table')].filter(shown).map((t) => {
        const row = t.tHead ? t.tHead.rows[t.tHead.rows.length - 1] : t.rows[0];
        const cell = row && row.cells[row.cells.length - 1];
        return cell ? cell.textContent.trim() : '';
      }).filter(Boolean);
      return { problems, lastHeaders };
    });
    for (const p of found.problems) failures.push(`${url}: ${p}`);
    const pdfFile = path.join(work, 'page.pdf');
    await page.pdf({ path: pdfFile, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const text = spawnSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).stdout.replace(/[\s\u00ad-]+/g, '');
    // A header wrapped over lines may come out of pdftotext with a
    // neighbouring cell's wrapped words between its own: its words in order,
    // close together, are enough to show the column is on the paper.
    const wrapped = (header) => new RegExp(header.split(/[\s\u00ad-]+/).filter(Boolean)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]{0,80}?'));
    for (const header of found.lastHeaders)
      if (!text.includes(header.replace(/[\s\u00ad-]+/g, '')) && !wrapped(header).test(text))
        failures.push(`${url}: the printed page lacks the last column header "${header}"`);
  }
  // On screen, at 320 and 1280 px, every table either fits or scrolls inside
  // a region a keyboard can focus (tabindex="0"), and the page itself never
  // scrolls sideways.
  const screen = await browser.newPage({ viewport: { width: 320, height: 800 } });
  for (const width of [320, 1280]) {
    await screen.setViewportSize({ width, height: 800 });
    for (const url of urls) {
      await screen.goto(`${server.origin}${url}`);
      const problems = await screen.evaluate(() => {
        const out = [];
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
          out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
        for (const t of document.querySelectorAll('table')) {
          if (t.getClientRects().length === 0) continue;
          let region = t.parentElement;
          while (region && region !== document.body && getComputedStyle(region).overflowX === 'visible') region = region.parentElement;
          const fits = region === document.body || !region || region.scrollWidth <= region.clientWidth + 1;
          if (!fits && region.getAttribute('tabindex') !== '0')
            out.push(`table "${(t.caption || {}).textContent || t.id}" scrolls in a region no keyboard can focus`);
        }
        return out;
      });
      for (const p of problems) failures.push(`${url} at ${width} px: ${p}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`FAIL  print every page kind on A4 portrait\n${failures.map((f) => `      ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`ok    print every page kind on A4 portrait: ${urls.length} pages, no overflow, no clipped table; on screen at 320 and 1280 px every wide table scrolls in a focusable region`);
