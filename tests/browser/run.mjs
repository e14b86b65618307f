#!/usr/bin/env node
// Browser and accessibility tests for the default theme.
//
//   node tests/browser/run.mjs QAHUB_BINARY REPO_ROOT [NAME_FILTER]
//
// Builds (a copy of) the default site at REPO_ROOT with --as-of 2026-11-23,
// serves it on 127.0.0.1 with a small node server, and drives Debian's
// Chromium through playwright-core: axe-core (WCAG 2.0/2.1/2.2 A and AA) and
// an empty console on every page kind, keyboard use, search, print media,
// reflow at 320 px, and live reload through `qahub serve` when it exists.
// Screenshots and PDFs go to test-results/ at the top of this repository
// (git-ignored).
// The last line printed is `N passed, N failed`; the exit code is non-zero on
// any failure.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { test, skip, assert, run } from './lib/harness.mjs';
import { serveStatic } from './lib/static_server.mjs';
import { pdfText } from './lib/pdf_text.mjs';
import {
  watchConsole, formatProblems, runAxe, formatViolations, snapshotFocusables, focusedState,
  focusChanges, renderState, horizontalOverflow,
} from './lib/page_checks.mjs';

const AS_OF = '2026-11-23';
const [qahubArg, rootArg, filter] = process.argv.slice(2);
if (!qahubArg || !rootArg) {
  console.error('usage: node tests/browser/run.mjs QAHUB_BINARY REPO_ROOT [NAME_FILTER]');
  process.exit(2);
}
const qahub = path.resolve(qahubArg);
const root = path.resolve(rootArg); // the site to build: the repo root's default site
// node_modules and test-results/ belong to the repository this script is in.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.QAHUB_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 375, height: 812 };
const resultsDir = path.join(repo, 'test-results');
const shotsDir = path.join(resultsDir, 'screenshots');

// ---------------------------------------------------------------------------
// Build and serve.

/// Copies the site's sources (not builds, caches, node_modules or tests) to `dest`.
function copySite(dest) {
  const skipTop = new Set(['node_modules', '.git', 'public', '.qahub', 'tests', 'test-results']);
  fs.cpSync(root, dest, {
    recursive: true,
    filter: (src) => {
      const top = path.relative(root, src).split(path.sep)[0];
      return !(skipTop.has(top) || top.startsWith('build'));
    },
  });
  return dest;
}

// A copy, so the build cache (.qahub/) never lands in, or races on, the source tree.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qahub-browser-'));
const out = path.join(work, 'out');
const site = copySite(path.join(work, 'site'));
const built = spawnSync(qahub, ['build', '--site', site, '--out', out, '--as-of', AS_OF, '--jobs', '2'], { encoding: 'utf8' });
if (built.status !== 0) {
  console.log(`FAIL  build the default site: ${qahub} exited ${built.status}`);
  console.log(built.stdout + built.stderr);
  console.log('0 passed, 1 failed');
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
console.log(`built the default site into ${out}`);
fs.mkdirSync(shotsDir, { recursive: true });

const server = await serveStatic(out);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

function exists(urlPath) {
  const file = path.join(out, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
  return fs.existsSync(file);
}

// Pages are found by walking the output, not from sitemap.xml: a site with a
// path-only base_url (the default "/") has no sitemap. Every index.html that is
// not an alias's redirect page, by URL, so runs visit the same pages.
function walkPages(dir, prefix = '/') {
  const urls = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) urls.push(...walkPages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name === 'index.html'
      && !fs.readFileSync(path.join(dir, entry.name), 'utf8').includes('http-equiv="refresh"')) urls.push(prefix);
  }
  return urls;
}
const pageUrls = walkPages(out).sort();
// The first page below `prefix` in the output, else the first one its index links to.
function firstUnder(prefix) {
  const inOutput = pageUrls.find((u) => u.startsWith(prefix) && u !== prefix && exists(u));
  if (inOutput || !exists(prefix)) return inOutput;
  const index = fs.readFileSync(path.join(out, prefix, 'index.html'), 'utf8');
  return [...index.matchAll(/href="([^"#?]+)"/g)].map((m) => m[1])
    .find((u) => u.startsWith(prefix) && u !== prefix && exists(u));
}

// [kind, url, required]. Optional kinds are visited when the build has them.
const pageKinds = [
  ['home', '/', true],
  ['guidance', '/models/systemic/', true],
  ['section', '/models/', true],
  ['amendments', '/amendments/', true],
  ['review', '/review/', true],
  ['tags', '/tags/', true],
  ['a-z', '/a-z/', true],
  ['tag', firstUnder('/tags/'), false],
  ['search', '/search/', true],
  ['not-found', '/404.html', true],
  ['accessibility', '/accessibility/', true],
  ['print-pack', '/print/models/', true],
  ['cycles', '/cycles/', false],
  ['cycle', firstUnder('/cycles/'), false],
  ['actions', '/actions/', false],
  ['action', firstUnder('/actions/'), false],
  ['forums', '/forums/', false],
  ['forum', firstUnder('/forums/'), false],
  ['meeting', firstUnder('/meetings/'), false],
  ['audits', '/audits/', false],
  ['audit', firstUnder('/audits/'), false],
  ['training', '/training/', false],
  ['training-programme', firstUnder('/training/'), false],
  ['schedules', '/schedules/', false],
  ['recommendations', '/recommendations/', false],
  ['recommendation-set', firstUnder('/recommendations/'), false],
  ['plans', '/plans/', false],
  ['plan', firstUnder('/plans/'), false],
  ['indicators', '/indicators/', false],
  ['indicator', firstUnder('/indicators/'), false],
  ['risks', '/risks/', false],
  ['risk', firstUnder('/risks/'), false],
  ['scorecard', '/scorecards/childrens-services/', false],
  ['committee report', '/committee/2026-09-progress-report/', false],
  ['self-evaluation', '/self-evaluation/2026-27/', false],
  ['evidence register', '/evidence/', false],
  ['surveys', '/surveys/', false],
  ['survey', firstUnder('/surveys/'), false],
  ['trends', '/trends/', false],
];
const pages = pageKinds.filter(([, url, required]) => url && (required || exists(url)));
const absent = pageKinds.filter(([, url, required]) => !required && !(url && exists(url))).map(([kind]) => kind);
if (absent.length) console.log(`not in this build (skipped): ${absent.join(', ')}`);

async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, baseURL: server.origin });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const problems = watchConsole(page);
  return { context, page, problems };
}

async function withPage(fn, viewport) {
  const { context, page, problems } = await newPage(viewport);
  try {
    return await fn(page, problems);
  } finally {
    await context.close();
  }
}

/// A full-page screenshot, cut off at 6,000 px so registers with hundreds of
/// rows do not dominate the run time.
async function screenshot(page, name) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const { width } = page.viewportSize();
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, 6000) } });
}

function assertQuietConsole(problems, url) {
  assert(problems.length === 0, `the browser console was not empty on ${url}:\n${formatProblems(problems)}`);
}

// ---------------------------------------------------------------------------
// Every page kind: axe, empty console, screenshots.

for (const [kind, url] of pages) {
  test(`${kind} ${url}: axe WCAG 2.x A/AA (desktop and mobile), quiet console, screenshots`, () => withPage(async (page, problems) => {
    assert(exists(url), `${url} is missing from the build output`);
    const response = await page.goto(url, { waitUntil: 'load' });
    assert(response && response.status() === 200, `${url} answered ${response && response.status()}`);
    const violations = await runAxe(page, repo);
    await screenshot(page, `${kind}-desktop`);
    await page.setViewportSize(MOBILE);
    await screenshot(page, `${kind}-mobile`);
    // The narrow layout again (target sizes, wrapping, contrast over new backgrounds).
    const mobileViolations = await runAxe(page, repo, { injected: true });
    const failures = [];
    if (violations.length) failures.push(`${violations.length} axe violation(s) on ${url}:\n${formatViolations(violations)}`);
    if (mobileViolations.length) failures.push(`${mobileViolations.length} axe violation(s) on ${url} at ${MOBILE.width} px:\n${formatViolations(mobileViolations)}`);
    if (problems.length) failures.push(`the browser console was not empty on ${url}:\n${formatProblems(problems)}`);
    assert(failures.length === 0, failures.join('\n'));
  }), { parallel: true });
}

// Beyond one page per kind: every other page of the output gets axe and the
// console check too (three tabs at a time, no screenshots), so content such as
// tables, task lists and code blocks on any page is covered.
test('every other page: axe WCAG 2.x A/AA and a quiet console', async () => {
  const visited = new Set(pages.map(([, url]) => url));
  // Generated families (tags, records) share one template each: a few of
  // each are enough and keep the suite fast however many records there are.
  const perFamily = new Map();
  const rest = pageUrls.filter((u) => {
    if (visited.has(u) || !exists(u)) return false;
    const family = u.match(/^\/(tags|cycles|actions|forums|meetings|audits|training|recommendations|plans|indicators|scorecards|risks|surveys|committee|self-evaluation|print)\//);
    if (!family) return true;
    const n = (perFamily.get(family[1]) || 0) + 1;
    perFamily.set(family[1], n);
    return n <= 2;
  });
  const failures = [];
  const queue = [...rest];
  async function worker() {
    const { context, page, problems } = await newPage();
    try {
      for (let url = queue.shift(); url; url = queue.shift()) {
        problems.length = 0;
        const response = await page.goto(url, { waitUntil: 'load' });
        if (!response || response.status() !== 200) failures.push(`${url} answered ${response && response.status()}`);
        const violations = await runAxe(page, repo);
        if (violations.length) failures.push(`${url}: ${violations.length} axe violation(s):\n${formatViolations(violations)}`);
        if (problems.length) failures.push(`${url}: the browser console was not empty:\n${formatProblems(problems)}`);
      }
    } finally {
      await context.close();
    }
  }
  await Promise.all([worker(), worker(), worker()]);
  console.log(`      (${rest.length} further pages checked)`);
  assert(failures.length === 0, failures.join('\n'));
});

test('missing page: the server answers 404 with the site\'s 404 page', () => withPage(async (page, problems) => {
  const response = await page.goto('/no-such-page/', { waitUntil: 'load' });
  assert(response.status() === 404, `expected 404, got ${response.status()}`);
  const h1 = (await page.textContent('h1')) || '';
  assert(/not found/i.test(h1), `the 404 page's h1 is "${h1}"`);
  // The deliberate 404 of the document itself is expected; nothing else is.
  const url = `${server.origin}/no-such-page/`;
  const others = problems.filter((p) => !(p.url === url && (p.status === 404 || /status of 404/.test(p.text))));
  assertQuietConsole(others, '/no-such-page/');
}));

// ---------------------------------------------------------------------------
// JavaScript disabled: the hub is findable without it (the A to Z), and the
// pages that lead there pass axe as they are then (no js class, no Menu or
// Print buttons, search's <noscript> text shown). Each page loads with script
// execution off; axe needs timers, so scripts are switched back on (CDP) only
// after the load, when the page's own scripts have already been skipped.

const axeSource = fs.readFileSync(path.join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function withoutJavaScript(fn) {
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: server.origin, javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const cdp = await context.newCDPSession(page);
  const scripts = (on) => cdp.send('Emulation.setScriptExecutionDisabled', { value: !on });
  try {
    return await fn(page, scripts);
  } finally {
    await context.close();
  }
}

test('JavaScript disabled: axe WCAG 2.x A/AA on the A to Z, search, 404, home and a glossary', () => withoutJavaScript(async (page, scripts) => {
  const failures = [];
  for (const url of ['/a-z/', '/search/', '/404.html', '/', '/about/glossary/']) {
    await scripts(false);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) failures.push(`${url} answered ${response && response.status()}`);
    const ranScripts = await page.evaluate(() => document.documentElement.classList.contains('js'));
    if (ranScripts) failures.push(`${url}: the js class is set, so the page's scripts ran`);
    await scripts(true);
    await page.evaluate(axeSource);
    const violations = await runAxe(page, repo, { injected: true });
    if (violations.length) failures.push(`${url}: ${violations.length} axe violation(s) without JavaScript:\n${formatViolations(violations)}`);
  }
  assert(failures.length === 0, failures.join('\n'));
}));

test('JavaScript disabled: footer → A to Z → a glossary term reaches its row; search and 404 link the A to Z', () => withoutJavaScript(async (page) => {
  await page.goto('/models/systemic/');
  await page.click('footer a:text-is("A to Z")');
  await page.waitForURL(/\/a-z\/$/);
  const letters = await page.$$eval('nav.az-letters a', (as) => as.map((a) => a.getAttribute('href')));
  assert(letters.length >= 10 && letters.every((h) => /^#letter-/.test(h)), `letter nav: ${letters.join(' ')}`);
  for (const href of letters) {
    assert(await page.$(href) !== null, `the letter link ${href} has no target`);
  }
  const term = page.locator('ul.az-entries a[href$="#term-cin"]').first();
  assert(await term.count() === 1, 'no A to Z entry for the glossary term CIN');
  await term.click();
  await page.waitForURL(/#term-cin$/);
  const row = await page.$eval('#term-cin', (tr) => [tr.tagName, tr.cells[0].textContent]);
  assert(row[0] === 'TR' && row[1] === 'CIN', `#term-cin is ${row.join(' ')}`);
  await page.goto('/search/');
  const noscript = await page.$eval('main', (m) => m.innerText);
  assert(/Search needs JavaScript/.test(noscript), 'the search page shows no no-JavaScript text');
  assert(await page.$('main a[href="/a-z/"]') !== null, 'the search page\'s no-JavaScript text does not link the A to Z');
  await page.goto('/404.html');
  assert(await page.$('main a[href="/a-z/"]') !== null, 'the 404 page does not link the A to Z');
}));

// ---------------------------------------------------------------------------
// Keyboard.

for (const url of ['/', '/models/systemic/']) {
  test(`keyboard ${url}: skip link first, visible, moves focus to main`, () => withPage(async (page, problems) => {
    await page.goto(url);
    const before = await snapshotFocusables(page);
    await page.keyboard.press('Tab');
    const skipLink = await focusedState(page);
    assert(skipLink && /skip-link/.test(skipLink.label), `first Tab focused ${skipLink ? skipLink.label : 'nothing'}, not the skip link`);
    assert(skipLink.visible && skipLink.inViewport, `the focused skip link is not visible in the viewport`);
    const changed = focusChanges(before[skipLink.idx], skipLink.look);
    assert(changed.length > 0, 'the skip link looks the same focused and unfocused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'main', null, { timeout: 3000 })
      .catch(() => {});
    const afterEnter = await focusedState(page);
    assert(afterEnter && afterEnter.id === 'main', `Enter on the skip link focused ${afterEnter ? afterEnter.label : 'nothing'}, not main`);
    // The next Tab continues from main, i.e. into the content, not back to the header.
    await page.keyboard.press('Tab');
    const next = await focusedState(page);
    const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
    assert(next && inMain, `Tab after the skip link focused ${next ? next.label : 'nothing'}, outside main`);
    assertQuietConsole(problems, url);
  }));
}

for (const [url, viewport] of [['/', DESKTOP], ['/models/systemic/', DESKTOP], ['/models/systemic/', MOBILE]]) {
  test(`keyboard ${url} at ${viewport.width} px: header search reachable, every focus visibly indicated`, () => withPage(async (page, problems) => {
    await page.goto(url);
    const before = await snapshotFocusables(page);
    const total = Object.keys(before).length;
    let reachedSearch = false;
    const invisible = [];
    const unchanged = [];
    const seen = new Set();
    // Walk the whole tab order (bounded), checking each stop.
    for (let i = 0; i < Math.min(total + 2, 120); i++) {
      await page.keyboard.press('Tab');
      const f = await focusedState(page);
      if (!f) break;
      if (f.idx !== null && seen.has(f.idx)) break; // wrapped round
      if (f.idx !== null) seen.add(f.idx);
      if (f.id === 'header-q') reachedSearch = true;
      if (!f.visible || !f.inViewport) invisible.push(f.label);
      if (f.idx === null || !before[f.idx]) continue;
      const changed = focusChanges(before[f.idx], f.look);
      if (changed.length === 0) unchanged.push(f.label);
    }
    assert(reachedSearch, 'Tab never reached the header search box (#header-q)');
    assert(seen.size >= 5, `only ${seen.size} elements were reachable by Tab`);
    assert(invisible.length === 0, `focused but not visible in the viewport:\n  ${invisible.join('\n  ')}`);
    assert(unchanged.length === 0, `no visible focus indicator (outline, box-shadow, background, colour, underline or border unchanged):\n  ${unchanged.join('\n  ')}`);
    assertQuietConsole(problems, url);
  }, viewport));
}

test('keyboard: the header search box submits to /search/ with Enter', () => withPage(async (page) => {
  await page.goto('/models/');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.id === 'header-q')) break;
  }
  assert(await page.evaluate(() => document.activeElement.id === 'header-q'), 'Tab did not reach #header-q within 10 presses');
  await page.keyboard.type('supervision');
  await Promise.all([page.waitForURL(/\/search\/\?q=supervision$/), page.keyboard.press('Enter')]);
  const h1 = (await page.textContent('h1')) || '';
  assert(/search/i.test(h1), `the header search led to a page titled "${h1}"`);
}));

test('keyboard at 375 px: the Menu button opens and closes the section links', () => withPage(async (page, problems) => {
  await page.goto('/models/systemic/');
  const toggle = page.locator('.nav-toggle');
  assert(await toggle.isVisible(), 'no visible Menu button (.nav-toggle) on a narrow screen');
  assert(!(await page.locator('.site-nav ul a').first().isVisible()), 'the section links are shown before the Menu button is used');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('nav-toggle'))) break;
  }
  assert(await page.evaluate(() => document.activeElement.classList.contains('nav-toggle')), 'Tab did not reach the Menu button');
  await page.keyboard.press('Enter');
  assert(await toggle.getAttribute('aria-expanded') === 'true', 'aria-expanded is not "true" after opening');
  await page.keyboard.press('Tab');
  const next = await focusedState(page);
  assert(next && /The practice framework|framework/i.test(next.label), `Tab after opening the menu focused ${next && next.label}, not the first section link`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  assert(await toggle.getAttribute('aria-expanded') === 'false', 'aria-expanded is not "false" after closing');
  assert(!(await page.locator('.site-nav ul a').first().isVisible()), 'the section links stay shown after closing');
  assertQuietConsole(problems, '/models/systemic/');
}, MOBILE));

test('wide screens: no Menu button, the section links always shown', () => withPage(async (page) => {
  await page.goto('/models/systemic/');
  assert(!(await page.locator('.nav-toggle').isVisible()), 'the Menu button shows on a wide screen');
  assert(await page.locator('.site-nav ul a').first().isVisible(), 'the section links are hidden on a wide screen');
}));

// ---------------------------------------------------------------------------
// Search in the page, keyboard only.

test('search: type a query with the keyboard, results and a polite live region', () => withPage(async (page, problems) => {
  if (!exists('/assets/search.js')) throw skip('assets/search.js is not in this build (search not landed yet)');
  await page.goto('/search/');
  // Reach the page's own search field by Tab, as a keyboard user would.
  let onField = false;
  for (let i = 0; i < 60 && !onField; i++) {
    await page.keyboard.press('Tab');
    onField = await page.evaluate(() => {
      const el = document.activeElement;
      return !!el && el.matches('input') && !!el.closest('main') && (el.type === 'search' || el.type === 'text');
    });
  }
  assert(onField, 'could not reach the search field in main by Tab');
  await page.keyboard.type('supervision');
  await page.keyboard.press('Enter');
  const live = page.locator('[aria-live="polite"]');
  await page.waitForFunction(() => {
    const region = document.querySelector('[aria-live="polite"]');
    return region && /\d/.test(region.textContent) && /result/i.test(region.textContent);
  }, null, { timeout: 10000 }).catch(() => {});
  assert(await live.count() > 0, 'no aria-live="polite" region on the search page');
  const announced = ((await live.first().textContent()) || '').trim();
  assert(/[1-9]\d*\s.*result/i.test(announced), `the live region says "${announced}", not a result count`);
  const links = await page.evaluate(() => [...document.querySelectorAll('main a[href]')]
    .filter((a) => a.closest('[id*="result" i], [class*="result" i]'))
    .map((a) => new URL(a.href).pathname));
  assert(links.length > 0, 'no result links in main (looked inside elements whose id or class mentions "result")');
  assert(links.some((u) => u.startsWith('/practice/supervision/')), `"supervision" did not find /practice/supervision/: ${links.slice(0, 10).join(', ')}`);
  const violations = await runAxe(page, repo);
  assert(violations.length === 0, `axe violations on the search results:\n${formatViolations(violations)}`);
  await screenshot(page, 'search-results-desktop');
  assertQuietConsole(problems, '/search/?q=supervision');
}));

test('search: a misspelt phrase offers its correction, possessives find what plurals find (issue 31)', () => withPage(async (page, problems) => {
  if (!exists('/assets/search.js')) throw skip('assets/search.js is not in this build');
  const status = async (q) => {
    await page.goto('/search/?q=' + encodeURIComponent(q));
    await page.waitForFunction(() => /result/i.test(document.getElementById('search-status').textContent) &&
      document.querySelectorAll('#search-results li').length >= 0, null, { timeout: 10000 });
    return (await page.locator('#search-status').textContent()).trim();
  };
  await status('return interveiw');
  await page.waitForFunction(() => /Did you mean/.test(document.getElementById('search-status').textContent), null,
    { timeout: 10000 }).catch(() => {});
  const offered = (await page.locator('#search-status').textContent()).trim();
  assert(/^No results for “return interveiw”\. Did you mean return interview/.test(offered), `the page says "${offered}"`);
  await page.click('#search-status a');
  await page.waitForFunction(() => /^[1-9]\d* results? for “return interview”/.test(document.getElementById('search-status').textContent),
    null, { timeout: 10000 }).catch(() => {});
  const corrected = (await page.locator('#search-status').textContent()).trim();
  assert(/^[1-9]\d* results? for “return interview”/.test(corrected), `after the correction the page says "${corrected}"`);
  const count = (s) => Number((/^(\d+) result/.exec(s) || [0, 0])[1]);
  const fathers = count(await status('fathers'));
  assert(fathers > 1, `"fathers" found ${fathers} pages`);
  for (const q of ["father's", 'father’s']) {
    const n = count(await status(q));
    assert(n === fathers, `"${q}" found ${n} pages, "fathers" ${fathers}`);
  }
  assertQuietConsole(problems, '/search/?q=return interveiw');
}));

test('search over file:// (a --relative-urls build opened from disk): results that open from disk', async () => {
  const fileOut = path.join(work, 'out-file');
  const b = spawnSync(qahub, ['build', '--site', site, '--out', fileOut, '--as-of', AS_OF, '--relative-urls'], { encoding: 'utf8' });
  assert(b.status === 0, `the --relative-urls build failed: ${b.stderr}`);
  assert(fs.existsSync(path.join(fileOut, 'search', 'index.js')), 'no search/index.js (the script form) in a --relative-urls build');
  assert(!fs.existsSync(path.join(out, 'search', 'index.js')), 'search/index.js in a build for a web server (the page fetches the JSON)');
  const context = await browser.newContext({ viewport: DESKTOP });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(fileOut, 'search', 'index.html')).href + '?q=supervision');
    await page.waitForFunction(() => /\d+ result/.test(document.querySelector('[aria-live="polite"]')?.textContent || ''),
      null, { timeout: 10000 }).catch(() => {});
    const status = await page.locator('[aria-live="polite"]').first().textContent();
    assert(/[1-9]\d* result/.test(status || ''), `the live region says "${status}" over file://`);
    const href = await page.evaluate(() => [...document.querySelectorAll('#search-results a')]
      .map((a) => a.getAttribute('href')).find((h) => /practice\/supervision\/index\.html/.test(h)));
    assert(href, 'no result links to practice/supervision/index.html (file:// needs the index.html)');
    await Promise.all([page.waitForURL(/practice\/supervision\/index\.html/), page.click(`#search-results a[href="${href}"]`)]);
    const h1 = await page.locator('h1').first().textContent();
    assert(/supervision/i.test(h1 || ''), `the result opened a page titled "${h1}"`);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// Print.

/// Text compared without case, spacing or ligatures (the PDF has "ﬁ").
function squash(text) {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const CHROME = ['.site-nav', '.header-search', '.footer-links', '.skip-link', '.breadcrumbs', '.print-button'];

for (const [url, name] of [['/models/systemic/', 'guidance'], ['/print/models/', 'print-pack']]) {
  test(`print ${url}: content and print stamp without navigation chrome; PDF renders`, () => withPage(async (page, problems) => {
    await page.goto(url);
    await page.emulateMedia({ media: 'print' });
    const state = await renderState(page, [...CHROME, 'h1', 'main .body, main .print-page-body', '.print-stamp']);
    const shown = CHROME.filter((sel) => state[sel].rendered > 0);
    assert(shown.length === 0, `print media still shows: ${shown.join(', ')}`);
    assert(state.h1.rendered === 1 && state.h1.text.length > 0, 'the h1 is not shown in print');
    const body = state['main .body, main .print-page-body'];
    assert(body.rendered > 0 && body.text.length > 200, `the body text is not shown in print (${body.text.length} characters)`);
    const stamp = state['.print-stamp'];
    assert(stamp.rendered === 1, 'the .print-stamp is not shown in print');
    assert(/built on/i.test(stamp.text), `the print stamp lacks "built on": "${stamp.text}"`);
    if (url === '/models/systemic/') assert(/Last updated/.test(stamp.text), `the print stamp lacks "Last updated": "${stamp.text}"`);
    else {
      const meta = await renderState(page, ['.print-page-meta']);
      assert(meta['.print-page-meta'].rendered > 1 && /Last updated/.test(meta['.print-page-meta'].text),
        'the pages in the pack do not each say when they were last updated');
    }
    // The PDF itself: the content and the stamp are in it, the chrome is not.
    const pdf = await page.pdf({ path: path.join(resultsDir, `${name}.pdf`), format: 'A4', printBackground: true });
    assert(pdf.subarray(0, 5).toString() === '%PDF-', 'page.pdf() did not produce a PDF');
    const pdfPages = pdfText(pdf);
    const printed = squash(pdfPages.join(' '));
    const expected = [state.h1.text, 'built on', body.text.slice(0, 60)];
    if (url === '/print/models/') {
      const titles = await page.$$eval('.print-page > h2', (hs) => hs.map((h) => h.textContent));
      assert(titles.length > 1, 'the print pack has fewer than two pages in it');
      assert(pdfPages.length >= titles.length + 1, `the pack's ${titles.length} pages should each start a new sheet, but the PDF has ${pdfPages.length} pages`);
      expected.push(...titles);
    } else {
      expected.push('Last updated');
    }
    const missing = expected.filter((t) => !printed.includes(squash(t)));
    assert(missing.length === 0, `the PDF lacks: ${missing.map((t) => JSON.stringify(t)).join(', ')}`);
    const chrome = ['Skip to main content', 'Review dashboard', 'Accessibility statement', 'Print this page', 'Search guidance']
      .filter((t) => printed.includes(squash(t)));
    assert(chrome.length === 0, `the PDF still carries site chrome: ${chrome.join(', ')}`);
    assertQuietConsole(problems, url);
  }));
}

// Printing the search page or the 404 page makes no sense: no button there.
test('"Print this page" on guidance, not on search or the 404 page', () => withPage(async (page, problems) => {
  const wrong = [];
  for (const [url, wanted] of [['/models/systemic/', 1], ['/search/', 0], ['/404.html', 0]]) {
    await page.goto(url);
    const n = await page.locator('.print-button').count();
    if (n !== wanted) wrong.push(`${url} has ${n} print buttons, not ${wanted}`);
  }
  assert(wrong.length === 0, wrong.join('\n'));
  assertQuietConsole(problems, 'the print button pages');
}));

// ---------------------------------------------------------------------------
// Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS px.

test('reflow at 320 px: no horizontal scroll on the home page and a guidance page', () => withPage(async (page) => {
  const bad = [];
  for (const url of ['/', '/models/systemic/']) {
    await page.goto(url);
    const o = await horizontalOverflow(page);
    if (o.scrollWidth > 320) bad.push(`${url}: scrollWidth ${o.scrollWidth} > 320 (${o.culprits.join('; ')})`);
  }
  assert(bad.length === 0, bad.join('\n'));
}, { width: 320, height: 640 }));

test('reflow at 320 px: every other visited page kind', () => withPage(async (page) => {
  const bad = [];
  for (const [, url] of pages) {
    if (url === '/' || url === '/models/systemic/') continue;
    await page.goto(url);
    const o = await horizontalOverflow(page);
    if (o.scrollWidth > 320) bad.push(`${url}: scrollWidth ${o.scrollWidth} > 320 (${o.culprits.join('; ')})`);
  }
  assert(bad.length === 0, bad.join('\n'));
}, { width: 320, height: 640 }));

// ---------------------------------------------------------------------------
// Live reload through `qahub serve`.

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForHttp(url, child, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

test('live reload: qahub serve updates the open page, shows and clears the error overlay', async () => {
  const help = spawnSync(qahub, ['--help'], { encoding: 'utf8' });
  if (!/^\s+serve\b/m.test(help.stdout || '')) throw skip('this qahub has no `serve` subcommand yet');
  const liveSite = copySite(path.join(work, 'live-site'));
  const port = await freePort();
  const child = spawn(qahub, ['serve', '--site', liveSite, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  // What serve printed, minus the site's own warnings, for failure messages.
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const log = { toString: () => output.split('\n').filter((l) => !/: warning: /.test(l)).join('\n') };
  const origin = `http://127.0.0.1:${port}`;
  const { context, page } = await newPage();
  try {
    assert(await waitForHttp(`${origin}/`, child, 30000), `qahub serve did not answer on ${origin} within 30 s:\n${log}`);
    await page.goto(`${origin}/models/systemic/`);
    const md = path.join(liveSite, 'content/models/systemic.md');
    const original = fs.readFileSync(md, 'utf8');
    const marker = 'Live reload marker paragraph 7c1f.';
    const edited = original.replace('## What it is', `${marker}\n\n## What it is`);
    assert(edited !== original, 'could not find the heading to edit in systemic.md');
    fs.writeFileSync(md, edited);
    await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), marker, { timeout: 15000 })
      .catch(() => {});
    assert((await page.innerText('body')).includes(marker), `the page did not show the edit within 15 s:\n${log}`);

    fs.writeFileSync(md, edited.replace(/^title: .*$/m, 'title: [unclosed'));
    const alert = page.locator('[role="alert"]');
    await alert.first().waitFor({ state: 'visible', timeout: 15000 }).catch(() => {});
    assert(await alert.first().isVisible().catch(() => false), `no visible role="alert" overlay after breaking the front matter:\n${log}`);
    const overlayText = (await alert.first().innerText()).trim();
    assert(/systemic\.md/.test(overlayText), `the overlay does not name the broken file: "${overlayText}"`);

    fs.writeFileSync(md, edited);
    await page.waitForFunction(() => ![...document.querySelectorAll('[role="alert"]')].some((el) => el.checkVisibility()), null, { timeout: 15000 })
      .catch(() => {});
    assert(!(await alert.first().isVisible().catch(() => false)), `the overlay did not clear after fixing the front matter:\n${log}`);
    assert((await page.innerText('body')).includes(marker), 'the page lost the good edit after the fix');
  } finally {
    await context.close();
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000); child.on('exit', () => { clearTimeout(t); r(); }); });
    }
  }
});

// ---------------------------------------------------------------------------
// A change of grading scale (tests/sites/scales: ofsted-4 cycles, then a
// three-level scale): /trends/ with its break, and the scale's page.

test('grading scale change: axe WCAG 2.x A/AA on /trends/ and /scales/local-3/ (desktop and mobile)', async () => {
  const scalesOut = path.join(work, 'scales-out');
  const scalesSite = path.join(work, 'scales-site');
  fs.cpSync(path.join(repo, 'tests/sites/scales'), scalesSite, { recursive: true });
  const b = spawnSync(qahub, ['build', '--site', scalesSite, '--out', scalesOut, '--as-of', '2028-01-15'], { encoding: 'utf8' });
  assert(b.status === 0, `building tests/sites/scales failed:\n${b.stdout}${b.stderr}`);
  const scalesServer = await serveStatic(scalesOut);
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: scalesServer.origin });
  try {
    const page = await context.newPage();
    const problems = watchConsole(page);
    const failures = [];
    for (const url of ['/trends/', '/scales/local-3/']) {
      await page.setViewportSize(DESKTOP);
      const response = await page.goto(url, { waitUntil: 'load' });
      assert(response && response.status() === 200, `${url} answered ${response && response.status()}`);
      const violations = await runAxe(page, repo);
      await page.setViewportSize(MOBILE);
      const mobile = await runAxe(page, repo, { injected: true });
      if (violations.length) failures.push(`${url}: ${violations.length} axe violation(s):\n${formatViolations(violations)}`);
      if (mobile.length) failures.push(`${url} at ${MOBILE.width} px: ${mobile.length} axe violation(s):\n${formatViolations(mobile)}`);
    }
    await page.goto('/trends/', { waitUntil: 'load' });
    const text = await page.innerText('main');
    assert(text.includes('Grading changed from Ofsted 4-point to Local 3-point from cycle 1, 2027-28: before and after compare by band only'),
      'the break sentence is not on /trends/');
    const breaks = await page.locator('svg text', { hasText: 'new scale' }).count();
    assert(breaks > 0, 'no chart on /trends/ marks the new scale');
    if (problems.length) failures.push(`the browser console was not empty:\n${formatProblems(problems)}`);
    assert(failures.length === 0, failures.join('\n'));
  } finally {
    await context.close();
    await scalesServer.close();
  }
});

// ---------------------------------------------------------------------------

let failures = 1;
try {
  failures = await run({ only: filter });
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
