// node tokenizer_check.js STEM_TOOL: JS toLowerCase and the index pipeline
// (tokenizer → trimmer → possessive → stopWordFilter → stemmer, possessive
// being the page's own, search.js) vs the C++ analyzer over
// generated lines with non-ASCII, astral, combining, separators and stop words.
'use strict'
const { loadLunr, rng, randomWord, runTool } = require('./common')
const lunr = loadLunr()
const { registerPossessive } = require('../../themes/default/assets/search.js')
const possessive = registerPossessive(lunr)
const tool = process.argv[2]

const rand = rng(7)
const extras = ['the', 'The', 'THE', 'must', 'who', '—', 'café', 'naïve', 'child’s', "child's", "Father's", 'FATHER’S', "fathers'", 'fathers’', "'s", '’s', "s's", "it's", "x's'", "''", 'a’', "o'clock", 'über', 'ΟΔΟΣ', 'ΣΑΣ Σ',
  'aΣ', 'aΣb', 'aΣ.', "a'Σ", 'Ｆｕｌｌ', 'İstanbul', 'C++', 'fast.', '(bracket)', '😀x😀', 'x\u0301', 'ǅ', 'ẞ', 'Ⅻ', 'ⓐⒶ',
  '\u10a0', '\u1c90', '𐐀𐐀', '\u3000', '\ufeff', 'a\u200bb', '\t', '\u000b', '\u001f', '-', '--', 'a-b', 'x\u2013y']
const lines = []
for (let i = 0; i < 30000; i++) {
  const n = 1 + Math.floor(rand() * 8)
  const parts = []
  for (let k = 0; k < n; k++) {
    if (rand() < 0.3) parts.push(extras[Math.floor(rand() * extras.length)])
    else parts.push(randomWord(rand, 4))
  }
  const seps = [' ', '-', '\u00a0', '\u2003', '  ', '\u3000']
  lines.push(parts.join(seps[Math.floor(rand() * seps.length)]))
}
for (const e of extras) lines.push(e)
const input = lines.filter(l => !l.includes('\n') && !l.includes('\r'))

let passed = 0
let failed = 0
function compare (label, want, got, line) {
  if (want === got) passed++
  else {
    failed++
    if (failed <= 20) console.log(`${label} differs for ${JSON.stringify(line)}: lunr=${JSON.stringify(want)} c++=${JSON.stringify(got)}`)
  }
}

const lower = runTool(tool, ['--lower'], input.join('\n') + '\n').split('\n')
const upper = input.map(l => l.toUpperCase())
const lowerOfUpper = runTool(tool, ['--lower'], upper.join('\n') + '\n').split('\n')
const analyzed = runTool(tool, ['--analyze'], input.join('\n') + '\n').split('\n')
const pipeline = new lunr.Pipeline()
pipeline.add(lunr.trimmer, possessive, lunr.stopWordFilter, lunr.stemmer)
for (let i = 0; i < input.length; i++) {
  compare('toLowerCase', input[i].toLowerCase(), lower[i], input[i])
  compare('toLowerCase(upper)', upper[i].toLowerCase(), lowerOfUpper[i], upper[i])
  const terms = pipeline.run(lunr.tokenizer(input[i])).map(t => t.toString()).join(' ')
  compare('pipeline', terms, analyzed[i], input[i])
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
