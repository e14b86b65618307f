#!/usr/bin/env node
// bench/search_budget.js [--check] OUT...: what the search page fetches before
// its first results appear (issue 22), in gzip level 6 bytes, per built site.
//
// The page loads search/index.json and search/meta.json, runs the query with
// its own search.js over lunr.js, then fetches the store's chunks holding the
// first 20 results (search/docs/K.json). For a fixed set of queries (the same
// for any site: the suggestion list's most frequent words, which have the most
// scattered results, words and pairs from titles at fixed positions, and a few
// everyday ones) it sums those files' gzipped sizes, and prints
//   before: index.json + docs.json (the store in one file, as before the split;
//           rebuilt from meta.json and the chunks as the old build wrote it)
//   after:  index.json + meta.json + the chunks of the worst query
// Budget: after - index.json <= 100 KB (102,400 bytes). --check exits 1 when
// a site is over it. Run by `bash bench/run`; runnable alone on any build.
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')
const repo = path.join(__dirname, '..')
const lunr = require(path.join(repo, 'node_modules', 'lunr'))
const search = require(path.join(repo, 'themes', 'default', 'assets', 'search.js'))

const BUDGET = 100 * 1024
const gz = text => zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 6 }).length
const EVERYDAY = ['supervision', 'father', 'child in need', 'safeguarding', 'audit', 'plan', 'assessment plan']

function measure (out) {
  const dir = path.join(out, 'search')
  const text = f => fs.readFileSync(path.join(dir, f), 'utf8')
  const indexText = text('index.json')
  const metaText = text('meta.json')
  const meta = JSON.parse(metaText)
  search.registerPossessive(lunr)
  const idx = lunr.Index.load(JSON.parse(indexText))
  const chunkText = meta.chunks.map((_, k) => text(path.join('docs', k + '.json')))
  const chunkGz = chunkText.map(gz)
  meta.qahubChunks = {}
  chunkText.forEach((t, k) => { meta.qahubChunks[k] = JSON.parse(t) })
  const docs = []
  for (let ref = 0; ref < meta.documents; ref++) docs.push(search.docFor(meta, ref))

  // The fixed queries.
  const words = JSON.parse(text('words.json'))
  const queries = [...EVERYDAY, ...words.slice(0, 5)]
  for (let i = 0; i < 10 && docs.length; i++) {
    const title = docs[Math.floor(i * docs.length / 10)].t.toLowerCase().split(/\s+/).filter(w => w.length >= 4)
    if (title.length) queries.push(title[0])
    if (title.length >= 2) queries.push(title[0] + ' ' + title[1])
  }

  const index = gz(indexText)
  const metaSize = gz(metaText)
  let worst = { query: '', chunks: 0, bytes: 0, results: 0 }
  for (const q of queries) {
    const shown = search.run(lunr, idx, meta, q).slice(0, search.PAGE_SIZE)
    const wanted = [...new Set(shown.map(r => search.chunkOf(meta, +r.ref)))]
    const bytes = wanted.reduce((sum, k) => sum + chunkGz[k], 0)
    if (bytes >= worst.bytes) worst = { query: q, chunks: wanted.length, bytes, results: shown.length }
  }
  const oldStore = JSON.stringify({ stopWords: meta.stopWords, synonyms: meta.synonyms, docs })
  return { pages: meta.documents, chunks: meta.chunks.length, queries: queries.length, index, meta: metaSize,
    before: index + gz(oldStore), after: index + metaSize + worst.bytes, worst }
}

const args = process.argv.slice(2)
const check = args[0] === '--check'
const outs = check ? args.slice(1) : args
if (!outs.length) { console.error('usage: bench/search_budget.js [--check] OUT...'); process.exit(2) }
const fmt = n => n.toLocaleString('en-GB')
let over = false
for (const out of outs) {
  const m = measure(out)
  const extra = m.after - m.index
  console.log(`${out}: ${fmt(m.pages)} pages, ${fmt(m.chunks)} chunks, ${m.queries} queries (gzip -6 bytes)`)
  console.log(`  before: index.json ${fmt(m.index)} + docs.json ${fmt(m.before - m.index)} = ${fmt(m.before)}`)
  console.log(`  after:  index.json ${fmt(m.index)} + meta.json ${fmt(m.meta)} + ${m.worst.chunks} chunks ${fmt(m.worst.bytes)}` +
    ` (worst query "${m.worst.query}", ${m.worst.results} results shown) = ${fmt(m.after)}`)
  console.log(`  budget: index.json + ${fmt(BUDGET)}; over index.json: ${fmt(extra)} (${extra <= BUDGET ? 'within' : 'OVER'})`)
  if (extra > BUDGET) over = true
}
if (check && over) process.exit(1)
