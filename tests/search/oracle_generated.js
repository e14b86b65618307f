// node oracle_generated.js CORPUS_TOOL WORKDIR [DOCS]: a generated corpus of
// DOCS documents (default 2,000) of English-like prose from the word list,
// with integer refs as qahub uses them. Checks bytes and 1,000 queries, and
// prints build times (C++ vs lunr.js) and index size per 1,000 documents.
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')
const { spawnSync } = require('child_process')
const { rng, readWordList } = require('./common')
const { buildWithLunr, compareQueries, firstDifference } = require('./oracle')

const [tool, work, countArg] = process.argv.slice(2)
const count = Number(countArg || 2000)
fs.mkdirSync(work, { recursive: true })

const rand = rng(99)
let vocab
try { vocab = readWordList().filter((w, i) => i % 5 === 0).slice(0, 12000) } catch (e) { vocab = ['child', 'need', 'plan', 'care', 'audit'] }
const common = ['the', 'and', 'of', 'to', 'a', 'in', 'is', 'must', 'who', 'child', 'children', 'plan', 'care', 'safeguarding',
  'assessment', 'practice', 'audit', 'social', 'worker', 'family', 'meeting', 'review', 'CIN', 'CP', 'LAC', 's47']
// Zipf-ish: frequent words often, the long tail rarely.
function word () {
  const r = rand()
  if (r < 0.45) return common[Math.floor(rand() * common.length)]
  return vocab[Math.floor(Math.pow(rand(), 2.2) * vocab.length)]
}
function sentence (n) {
  const out = []
  for (let i = 0; i < n; i++) out.push(word())
  return out.join(' ') + '.'
}
const documents = []
for (let i = 0; i < count; i++) {
  documents.push({
    ref: String(i),
    boost: 1,
    fields: {
      title: sentence(2 + Math.floor(rand() * 5)),
      headings: sentence(3 + Math.floor(rand() * 10)),
      body: Array.from({ length: 3 + Math.floor(rand() * 20) }, () => sentence(8 + Math.floor(rand() * 12))).join(' '),
      tags: sentence(2),
      keywords: ''
    }
  })
}
const corpus = {
  fields: [{ name: 'title', boost: 10 }, { name: 'headings', boost: 5 }, { name: 'body', boost: 1 },
    { name: 'tags', boost: 5 }, { name: 'keywords', boost: 1 }],
  metadataWhitelist: [],
  stopWords: ['a', 'and', 'the', 'of', 'to', 'in', 'is'],
  documents
}
const corpusPath = path.join(work, 'corpus.json')
const indexPath = path.join(work, 'index.json')
fs.writeFileSync(corpusPath, JSON.stringify(corpus))

const t0 = process.hrtime.bigint()
const res = spawnSync(tool, [corpusPath, indexPath, '--time'], { encoding: 'utf8' })
const t1 = process.hrtime.bigint()
if (res.status !== 0) { console.log(`tool failed: ${res.stderr}`); process.exit(1) }
const buildMs = /build_ms ([\d.]+)/.exec(res.stderr)[1]
const t2 = process.hrtime.bigint()
const theirs = JSON.stringify(buildWithLunr(corpus))
const t3 = process.hrtime.bigint()
const ours = fs.readFileSync(indexPath, 'utf8')

let passed = 0
let failed = 0
if (ours === theirs) passed++
else {
  failed++
  const i = firstDifference(ours, theirs)
  console.log(`index differs at ${i}:\n  c++:  ${ours.slice(Math.max(0, i - 100), i + 60)}\n  lunr: ${theirs.slice(Math.max(0, i - 100), i + 60)}`)
}
const rawText = documents.reduce((n, d) => n + Object.values(d.fields).join(' ').length, 0)
const gz = zlib.gzipSync(Buffer.from(ours), { level: 9 }).length
const per1k = (x) => (x / count * 1000 / 1e6).toFixed(3)
console.log(`${count} docs, ${(rawText / 1e6).toFixed(2)} MB text: index ${(ours.length / 1e6).toFixed(2)} MB; per 1,000 docs ${per1k(Buffer.byteLength(ours))} MB raw, ${per1k(gz)} MB gzip -9`)
console.log(`build: c++ ${Number(buildMs).toFixed(0)} ms (process ${(Number(t1 - t0) / 1e6).toFixed(0)} ms incl. JSON parse and write), lunr.js ${(Number(t3 - t2) / 1e6).toFixed(0)} ms + stringify`)
const r = compareQueries(corpus, ours, theirs, 1000)
console.log(`queries: ${r.passed} passed, ${r.failed} failed, ${r.withHits} with hits`)
passed += r.passed
failed += r.failed
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
