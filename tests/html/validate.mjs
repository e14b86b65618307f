#!/usr/bin/env node
// Validates every HTML page qahub writes with html-validate's standard preset
// (config.cjs): the default site built with this qahub (every page kind:
// content and section pages, record pages of every kind, tags, review,
// search, 404, print packs, amendments, accessibility, redirects) and every
// golden site's approved output (tests/sites/*.expected, which the golden
// tests keep equal to what this qahub writes).
//
//   node tests/html/validate.mjs QAHUB_BINARY REPO_ROOT
//
// Prints each error as `FILE:LINE:COL: RULE: message`, then a count per rule;
// exits 1 on any error.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [qahubArg, rootArg] = process.argv.slice(2);
if (!qahubArg || !rootArg) {
  console.error('usage: node tests/html/validate.mjs QAHUB_BINARY REPO_ROOT');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { HtmlValidate } = require('html-validate');
const config = require(path.join(here, 'config.cjs'));

const root = path.resolve(rootArg);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qahub-html-'));
let status = 0;
try {
  // The default site, as in tests/cli/default_site.sh (plus its sensitive pages).
  const site = path.join(work, 'site');
  fs.mkdirSync(site);
  for (const part of ['content', 'data', 'qahub.yaml']) {
    if (fs.existsSync(path.join(root, part))) fs.cpSync(path.join(root, part), path.join(site, part), { recursive: true });
  }
  const out = path.join(work, 'out');
  // --include-sensitive: its sensitive sample action is validated too, with its banner.
  const built = spawnSync(path.resolve(qahubArg),
    ['build', '--site', site, '--out', out, '--as-of', '2026-11-23', '--jobs', '2', '--include-sensitive'],
    { encoding: 'utf8' });
  if (built.status !== 0) {
    console.log(`build of the default site failed (exit ${built.status}):\n${built.stderr}`);
    process.exit(1);
  }
  const trees = [['default site', out]];
  const sites = path.join(root, 'tests', 'sites');
  for (const name of fs.readdirSync(sites).sort()) {
    if (name.endsWith('.expected')) trees.push([`golden ${name}`, path.join(sites, name)]);
  }

  // The config is passed with each file.
  const validator = new HtmlValidate();
  const fileConfig = config;
  const perRule = new Map();
  let pages = 0;
  for (const [label, dir] of trees) {
    const files = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html')).sort();
    let errors = 0;
    for (const file of files) {
      const report = await validator.validateString(fs.readFileSync(path.join(dir, file), 'utf8'), file, fileConfig);
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity !== 2) continue;
          errors++;
          perRule.set(m.ruleId, (perRule.get(m.ruleId) || 0) + 1);
          console.log(`${label}: ${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
        }
      }
    }
    pages += files.length;
    console.log(`${label}: ${files.length} pages, ${errors} errors`);
    if (errors) status = 1;
  }
  const rules = [...perRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`);
  console.log(`html-validate (standard): ${pages} pages, ${[...perRule.values()].reduce((a, b) => a + b, 0)} errors`
    + (rules.length ? ` (${rules.join(', ')})` : ''));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(status);
