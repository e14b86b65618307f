// node stemmer_check.js STEM_TOOL: lunr.stemmer vs the C++ port over
// /usr/share/dict/words (as is and lower-cased) plus 200,000 generated hard
// words. Any difference fails.
'use strict'
const { loadLunr, rng, randomWord, runTool, readWordList } = require('./common')
const lunr = loadLunr()
const tool = process.argv[2]

const words = new Set()
for (const w of readWordList()) { words.add(w); words.add(w.toLowerCase()) }
const rand = rng(20261123)
for (let i = 0; i < 200000; i++) words.add(randomWord(rand, 6))
for (let i = 0; i < 2000; i++) words.add('y' + randomWord(rand, 4))
const list = [...words].filter(w => !w.includes('\n') && !w.includes('\r'))

const got = runTool(tool, [], list.join('\n') + '\n').split('\n')
let passed = 0
let failed = 0
for (let i = 0; i < list.length; i++) {
  const want = lunr.stemmer(new lunr.Token(list[i])).toString()
  if (got[i] === want) passed++
  else {
    failed++
    if (failed <= 20) console.log(`differs: ${JSON.stringify(list[i])} lunr=${JSON.stringify(want)} c++=${JSON.stringify(got[i])}`)
  }
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
