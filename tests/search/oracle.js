// node oracle.js CORPUS INDEX [--queries N]
//
// Rebuilds the index of CORPUS (the JSON written by `qahub build
// --search-corpus`, see generator/search/corpus.h) with lunr.js 2.3.9 (and
// the page's own "possessive" pipeline function, search.js) and
// checks that INDEX (written by the C++ builder) is byte-identical. With
// --queries N it also loads both with lunr.Index.load and runs N generated
// queries of every query-syntax kind, requiring the same refs, in the same
// order, with |Δscore| < 1e-3. Prints `N passed, N failed`.
'use strict'
const fs = require('fs')
const { loadLunr, rng } = require('./common')
const lunr = loadLunr()
// qahub's "possessive" pipeline function, as the page registers it.
const { registerPossessive } = require('../../themes/default/assets/search.js')
const possessive = registerPossessive(lunr)

function buildWithLunr (corpus) {
  const stopFilter = corpus.stopWords ? lunr.generateStopWordFilter(corpus.stopWords) : lunr.stopWordFilter
  if (corpus.stopWords) lunr.Pipeline.registerFunction(stopFilter, 'stopWordFilter-corpus')
  return lunr(function () {
    this.pipeline.reset()
    this.pipeline.add(lunr.trimmer, possessive, stopFilter, lunr.stemmer)
    this.searchPipeline.reset()
    this.searchPipeline.add(possessive, lunr.stemmer)
    this.ref('ref')
    for (const f of corpus.fields) this.field(f.name, { boost: f.boost })
    this.metadataWhitelist = corpus.metadataWhitelist || []
    for (const d of corpus.documents) this.add(Object.assign({ ref: d.ref }, d.fields), { boost: d.boost })
  })
}

function firstDifference (a, b) {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

// Words of the corpus as a user would type them: lower-cased, split like lunr.
function corpusWords (corpus) {
  const words = new Set()
  for (const d of corpus.documents) {
    for (const f of corpus.fields) {
      for (const w of String(d.fields[f.name] || '').toLowerCase().split(/[\s\-]+/)) {
        if (w.length > 0 && w.length < 40) words.add(w)
      }
    }
  }
  return [...words].sort()
}

function makeQueries (corpus, n, seed) {
  const rand = rng(seed)
  const words = corpusWords(corpus)
  if (words.length === 0) return []
  const pick = () => words[Math.floor(rand() * words.length)]
  const field = () => corpus.fields[Math.floor(rand() * corpus.fields.length)].name
  const kinds = [
    () => pick(),
    () => `${pick()} ${pick()}`,
    () => `${pick()} ${pick()} ${pick()}`,
    () => `${field()}:${pick()}`,
    () => `+${pick()} +${pick()}`,
    () => `+${pick()} ${pick()}`,
    () => `${pick()} -${pick()}`,
    () => { const w = pick(); return w.slice(0, 1 + Math.floor(rand() * Math.min(4, w.length))) + '*' },
    () => `${pick()}~1`,
    () => `${pick()}^5 ${pick()}`,
    () => `${field()}:${pick()}^10 -${pick()}`,
    () => `*${pick().slice(-3)}`
  ]
  const out = []
  for (let i = 0; i < n; i++) out.push(kinds[i % kinds.length]())
  return out
}

function runSearch (idx, q) {
  try {
    return { hits: idx.search(q).map(r => [r.ref, r.score]) }
  } catch (e) {
    return { error: e.name + ': ' + e.message }
  }
}

function compareQueries (corpus, jsonA, jsonB, n) {
  const a = lunr.Index.load(JSON.parse(jsonA))
  const b = lunr.Index.load(JSON.parse(jsonB))
  let passed = 0
  let failed = 0
  let withHits = 0
  for (const q of makeQueries(corpus, n, 1234)) {
    const ra = runSearch(a, q)
    const rb = runSearch(b, q)
    let same = (ra.error || '') === (rb.error || '')
    if (same && ra.hits) {
      same = ra.hits.length === rb.hits.length &&
        ra.hits.every((h, i) => h[0] === rb.hits[i][0] && Math.abs(h[1] - rb.hits[i][1]) < 1e-3)
      if (ra.hits.length > 0) withHits++
    }
    if (same) passed++
    else {
      failed++
      if (failed <= 10) console.log(`query ${JSON.stringify(q)} differs`)
    }
  }
  return { passed, failed, withHits }
}

function main () {
  const [corpusPath, indexPath, flag, count] = process.argv.slice(2)
  if (!corpusPath || !indexPath) {
    console.error('usage: node oracle.js CORPUS INDEX [--queries N]')
    process.exit(2)
  }
  const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'))
  const ours = fs.readFileSync(indexPath, 'utf8')
  const theirs = JSON.stringify(buildWithLunr(corpus))
  let passed = 0
  let failed = 0
  if (ours === theirs) passed++
  else {
    failed++
    const i = firstDifference(ours, theirs)
    console.log(`index differs at char ${i}:\n  c++:  ${ours.slice(Math.max(0, i - 80), i + 80)}\n  lunr: ${theirs.slice(Math.max(0, i - 80), i + 80)}`)
  }
  if (flag === '--queries') {
    const r = compareQueries(corpus, ours, theirs, Number(count || 1000))
    console.log(`queries: ${r.passed} passed, ${r.failed} failed (${r.withHits} with hits)`)
    passed += r.passed
    failed += r.failed
  }
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}

module.exports = { buildWithLunr, compareQueries, makeQueries, firstDifference }
if (require.main === module) main()
