// Issue 20: the protective marking prints at the top and bottom of every
// printed page. A print pack of the default site (three pages or more) and
// the latest published report (its own A4 named page, "Page N of M" beside
// the marking) are printed to PDF by Chromium and read back per page with
// poppler's pdftotext.
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
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { chromium } = require('playwright-core');

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
for (const tool of ['pdftotext', 'pdfinfo']) {
  if (spawnSync(tool, ['-v']).error) {
    console.log(`FAIL  ${tool} is missing: apt-get install poppler-utils (.ci/install-deps)`);
    process.exit(1);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qahub-marking-pdf-'));
const out = path.join(work, 'out');
const built = spawnSync(qahub, ['build', '--site', root, '--out', out, '--as-of', '2026-11-23'], { encoding: 'utf8' });
if (built.status !== 0) {
  console.log(`FAIL  build: ${built.stderr}`);
  process.exit(1);
}

const server = await serveStatic(out);
const browser = await chromium.launch({
  executablePath: process.env.QAHUB_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const printed = [];
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  const report = await page.getAttribute('.report-latest a', 'href');
  for (const url of ['/print/practice/', report]) {
    await page.goto(new URL(url, `${server.origin}/`).href);
    await page.emulateMedia({ media: 'print' });
    const pdfFile = path.join(work, 'page.pdf');
    await page.pdf({ path: pdfFile, preferCSSPageSize: true });
    const info = spawnSync('pdfinfo', [pdfFile], { encoding: 'utf8' }).stdout;
    const pages = Number((info.match(/^Pages:\s+(\d+)/m) || [])[1]);
    printed.push(`${url}: ${pages} pages`);
    check(pages >= 3, `${url} prints on ${pages} pages, not three or more`);
    for (let n = 1; n <= pages; n++) {
      const text = spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdfFile, '-'],
        { encoding: 'utf8' }).stdout;
      const lines = text.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '\f');
      // The marking is the first and the last line of the page's text.
      check(lines.length > 0 && lines[0].trim() === 'OFFICIAL', `${url} page ${n}: first line "${lines[0]}", not the marking`);
      const last = lines[lines.length - 1] || '';
      check(/(^|\s)OFFICIAL(\s|$)/.test(last), `${url} page ${n}: last line "${last}" lacks the marking`);
      if (url === report) check(text.includes(`Page ${n} of ${pages}`), `${url} page ${n} lacks "Page ${n} of ${pages}"`);
    }
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  for (const f of failures) console.log(`FAIL  ${f}`);
  process.exit(1);
}
console.log(`ok    the marking at the top and bottom of every printed page (${printed.join('; ')})`);
