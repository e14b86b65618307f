#!/usr/bin/env node
// Heading ids against npm github-slugger 2.0.0 (GitHub's own rule, the
// reference implementation): a few hundred generated headings (curly quotes,
// dashes, accents, other scripts, symbols, emoji, numbers, repeats) are
// built into one page with qahub, and every <h2 id> must equal what
// `new GithubSlugger().slug()` gives, in order (so the -1, -2 suffixes too).
// Headings with nothing left get qahub's own "section", "section-1".
//   node tests/slug/oracle.mjs QAHUB_BINARY
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const qahub = path.resolve(process.argv[2] || 'build/qahub');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(repo, 'package.json'));
const { default: GithubSlugger } = await import(pathToFileURL(require.resolve('github-slugger')).href);

// Deterministic (mulberry32), so a failure is reproducible.
let seed = 20261201;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
// Markdown-neutral pieces: no * ` [ ] < > \ # or entities, '_' only inside words.
const pieces = [
  'Children’s', 'voice', '—', 'what', '“good”', 'looks', 'like', 'Signs', 'of', 'Safety:', 'the', 'basics',
  'Section', '47', '(s47)', 'enquiries', 'Café', 'ÉTÉ', 'naïve', 'Ⅻ', 'x²', '½', '😀', 'a_b', 'co-working',
  'Straße', 'İstanbul', 'ΣΟΦΙΑΣ', 'Привет', '日本語', '한국어', '2026/27', 'Q&A', '50%', '£100', 'e.g.',
  "don't", '‘quoted’', '…', '–', '+', '=', '~', '|', '@home', '$', '^', '{x}', '«Ja»', '¿Qué?', '1.2.3',
  'what?', 'yes!', 'A–Z', 'DfE', 'KS2', 'S.47', '3rd', 'Ⓐ', '™', '©', '→', '✓', 'ﬁnd', 'Ǆemal', 'ŉ',
  'a\u00a0b', 'x\u2003y', '🅐', '🄰', 'under_score_', 'end-', '-start', 'mixed—dash', 'we’re', 'it’ll',
];
const { slug } = await import(pathToFileURL(require.resolve('github-slugger')).href);
// Headings whose slug is empty or "section…" are left out: qahub's fallback
// ids (below) would collide with them, which github-slugger has no rule for.
const ownRule = (h) => /^(section(-\d+)?)?$/.test(slug(h));
const headings = [];
while (headings.length < 320) {
  const n = 1 + Math.floor(random() * 6);
  const words = [];
  for (let k = 0; k < n; ++k) words.push(pieces[Math.floor(random() * pieces.length)]);
  if (!ownRule(words.join(' '))) headings.push(words.join(' '));
}
headings.push('What good looks like', 'What good looks like', 'What good looks like 1',
  'Children’s voice — what “good” looks like');
const slugger = new GithubSlugger();
const expected = headings.map((h) => slugger.slug(h));
// Nothing left: qahub's "section", "section-1" (github-slugger gives "").
headings.push('—', '…‘’');
expected.push('section', 'section-1');
if (expected[expected.length - 3] !== 'childrens-voice--what-good-looks-like') throw new Error('github-slugger changed');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qahub-slug-'));
try {
  fs.mkdirSync(path.join(work, 'site/content'), { recursive: true });
  fs.writeFileSync(path.join(work, 'site/content/_index.md'), '---\ntitle: Home\n---\n');
  fs.writeFileSync(path.join(work, 'site/content/a.md'),
    '---\ntitle: Headings\n---\n' + headings.map((h) => `## ${h}\n\nText.\n`).join('\n'));
  const built = spawnSync(qahub, ['build', '--site', path.join(work, 'site'), '--out', path.join(work, 'out'),
    '--as-of', '2026-11-23'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`qahub build failed:\n${built.stderr}`);
  const html = fs.readFileSync(path.join(work, 'out/a/index.html'), 'utf8');
  // The page's own h2s (the contents list's "qh-toc-title") are not headings of the body.
  const ids = [...html.matchAll(/<h2 id="([^"]*)"/g)].filter((m) => !m[1].startsWith('qh-')).map((m) => m[1]
    .replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  const bad = [];
  if (ids.length !== expected.length) bad.push(`${ids.length} headings in the page, ${expected.length} written`);
  for (let i = 0; i < Math.min(ids.length, expected.length); ++i)
    if (ids[i] !== expected[i]) bad.push(`${JSON.stringify(headings[i])}: qahub "${ids[i]}", github-slugger "${expected[i]}"`);
  if (bad.length) {
    console.log(bad.slice(0, 20).join('\n'));
    console.log(`slug oracle: ${bad.length} of ${expected.length} differ`);
    process.exit(1);
  }
  console.log(`slug oracle: ${ids.length} heading ids agree with github-slugger`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
