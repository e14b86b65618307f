// node lunr_build.js CORPUS OUT.json
//
// Builds the lunr.js 2.3.9 index of a corpus written by `qahub build
// --search-corpus` (the recipe of issue 5 and tests/search/oracle.js) and
// writes JSON.stringify(index) to OUT.json. Prints, on stdout,
// `build_ms X stringify_ms Y`: the build alone and the serialisation alone,
// without reading or parsing the corpus.
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require(path.join(__dirname, '..', 'node_modules', 'lunr'))
const { registerPossessive } = require(path.join(__dirname, '..', 'themes', 'default', 'assets', 'search.js'))

const corpus = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const t0 = process.hrtime.bigint()
const stopFilter = corpus.stopWords ? lunr.generateStopWordFilter(corpus.stopWords) : lunr.stopWordFilter
if (corpus.stopWords) lunr.Pipeline.registerFunction(stopFilter, 'stopWordFilter-corpus')
const possessive = registerPossessive(lunr)
const idx = lunr(function () {
  this.pipeline.reset()
  this.pipeline.add(lunr.trimmer, possessive, stopFilter, lunr.stemmer)
  this.searchPipeline.reset()
  this.searchPipeline.add(possessive, lunr.stemmer)
  this.ref('ref')
  for (const f of corpus.fields) this.field(f.name, { boost: f.boost })
  this.metadataWhitelist = corpus.metadataWhitelist || []
  for (const d of corpus.documents) this.add(Object.assign({ ref: d.ref }, d.fields), { boost: d.boost })
})
const t1 = process.hrtime.bigint()
const json = JSON.stringify(idx)
const t2 = process.hrtime.bigint()
fs.writeFileSync(process.argv[3], json)
console.log(`build_ms ${Number(t1 - t0) / 1e6} stringify_ms ${Number(t2 - t1) / 1e6}`)
