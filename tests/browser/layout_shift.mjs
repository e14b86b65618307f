#!/usr/bin/env node
// Layout shift under a Lighthouse-mobile-like profile.
//
//   node tests/browser/layout_shift.mjs QAHUB_BINARY REPO_ROOT [NAME_FILTER]
//
// Builds (a copy of) the default site, serves it on 127.0.0.1 and loads a few
// page kinds in Debian's Chromium as Lighthouse's mobile profile does: a
// 412×823 viewport at device pixel ratio 2.625, touch, the CPU slowed 4×
// (CDP Emulation.setCPUThrottlingRate) and the network given 150 ms of
// latency and about 1.6 Mbit/s (CDP Network.emulateNetworkConditions), each
// page in a fresh context (a cold cache). A `layout-shift` PerformanceObserver
// added before any page script sums every shift not caused by input, from the
// first paint until the page has been still for a while (the search page:
// until its results are in). Each page must stay at or below 0.05, half of
// Lighthouse's "good" threshold (0.1). The sum of all shifts is reported,
// which is never less than the CLS Lighthouse reports (the worst 5 s window).
//
// The last line printed is `N passed, N failed`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { test, assert, run } from './lib/harness.mjs';
import { serveStatic } from './lib/static_server.mjs';

const AS_OF = '2026-11-23';
const LIMIT = 0.05;
const [qahubArg, rootArg, filter] = process.argv.slice(2);
if (!qahubArg || !rootArg) {
  console.error('usage: node tests/browser/layout_shift.mjs QAHUB_BINARY REPO_ROOT [NAME_FILTER]');
  process.exit(2);
}
const qahub = path.resolve(qahubArg);
const root = path.resolve(rootArg);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.QAHUB_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/// Lighthouse's mobile profile (Moto G Power): screen, CPU and network.
const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 2.625,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) '
    + 'Chrome/120.0.0.0 Mobile Safari/537.36',
};
const CPU_SLOWDOWN = 4;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const SCRIPT_DELAY_MS = 600;
/// Shifts are collected until none has happened for this long after load.
const QUIET_MS = 1500;

// [kind, url, wait]: `wait` is a function run in the page that is true once
// the page has finished what it does after load.
const PAGES = [
  ['home', '/', null],
  ['guidance', '/models/systemic/', null],
  ['actions register', '/actions/', null],
  ['search with a query', '/search/?q=supervision',
    () => /\d+ results? for/.test(document.getElementById('search-status')?.textContent || '')],
];

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

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qahub-cls-'));
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

const server = await serveStatic(out);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/// Runs in the page before its own scripts: records every layout shift with
/// the elements that moved, and when the last one happened.
function observeShifts() {
  const record = { total: 0, last: 0, shifts: [] };
  window.__qahubShifts = record;
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : '?';
    return node.tagName.toLowerCase() + (node.id ? `#${node.id}` : '')
      + (node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : '');
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      record.total += entry.value;
      record.last = performance.now();
      record.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: `
        + (entry.sources || []).map((s) => describe(s.node)).join(', '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

async function measure(url, wait) {
  const context = await browser.newContext({ ...MOBILE, baseURL: server.origin });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    // Scripts answer SCRIPT_DELAY_MS later than the rest (a slow proxy or a
    // congested link): the first paint then comes before they run, as in the
    // field, so a page that moves when its scripts run is caught every time.
    await page.route(/\.js(\?|$)/, async (route) => {
      await new Promise((done) => setTimeout(done, SCRIPT_DELAY_MS));
      await route.continue();
    });
    await page.addInitScript(observeShifts);
    await page.goto(url, { waitUntil: 'load' });
    if (wait) await page.waitForFunction(wait);
    // Still for QUIET_MS: nothing has shifted for that long since load.
    await page.waitForFunction((quiet) => {
      const nav = performance.getEntriesByType('navigation')[0];
      return performance.now() - Math.max(window.__qahubShifts.last, nav ? nav.loadEventEnd : 0) > quiet;
    }, QUIET_MS, { polling: 100 });
    return await page.evaluate(() => window.__qahubShifts);
  } finally {
    await context.close();
  }
}

const results = [];
for (const [kind, url, wait] of PAGES) {
  test(`layout shift ${kind} ${url}: at most ${LIMIT} on a throttled mobile`, async () => {
    const shifts = await measure(url, wait);
    results.push(`${kind} ${url}: ${shifts.total.toFixed(4)}`);
    assert(shifts.total <= LIMIT,
      `layout shift ${shifts.total.toFixed(4)} > ${LIMIT}:\n${shifts.shifts.join('\n')}`);
  });
}

let failed = 1;
try {
  failed = await run({ only: filter });
} finally {
  console.log(`layout shift (sum of shifts, ${MOBILE.viewport.width}×${MOBILE.viewport.height} @${MOBILE.deviceScaleFactor}, `
    + `CPU ${CPU_SLOWDOWN}× slower, ${NETWORK.latency} ms latency): ${results.join('; ')}`);
  await browser.close();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
