// node oracle_fixture.js CORPUS_TOOL WORKDIR: a hand-made corpus of nasty
// text (accents, astral characters, ’, em dashes, empty fields, integer-like
// refs, boosts, JS property names), built by the C++ tool and by lunr.js, with
// and without a metadata whitelist and a custom stop-word list. Byte-identical
// indexes and 1,200 equal queries per variant.
'use strict'
const fs = require('fs')
const path = require('path')
const { spawnSync } = require('child_process')
const { buildWithLunr, compareQueries, firstDifference } = require('./oracle')

const [tool, work] = process.argv.slice(2)
fs.mkdirSync(work, { recursive: true })

const texts = [
  'Café naïve über — child’s child\'s plan. C++ fast. (bracket) İstanbul ΟΔΟΣ Ｆｕｌｌ',
  'The child in need (CIN) plan must say who does what — and when.',
  'Looked-after children: LAC, CLA, CiC; children in care. s47 section 47 enquiries',
  '😀 emoji 𐐀𐐨 deseret ｆull ｚ 🀄mahjong \uff41\ud83d\ude00 a\u0301ccent e\u0301 combining',
  'Signs of Safety (SoS) mapping; PDT practice development team; DivMT.',
  'organisation organization behaviour behavior programme program judgement judgment',
  '__proto__ constructor toString hasOwnProperty valueOf prototype _index',
  'keys arrays delays destroyed sky fly skies grokked possibly analogy abbey allayed',
  '— – -- - -leading trailing- mid-word semi-structured ‘quoted’ “double” «guillemets»',
  '',
  '   ',
  'ΣΑΣ aΣ aΣb x\u00a0y\u2003z\u3000w\ufeffv tab\there new\nline cr\rhere ls\u2028ps\u2029end',
  'Repeated repeated REPEATED repeat repeating repeats repeated.',
  'Numbers 2024 2024-25 1.5 10,000 £50 50% #hashtag @mention user_name snake_case',
  'The a an and of to in is it — stop words only the and'
]

function makeCorpus (variant) {
  const refs = ['0', '7', '10', '2', '/framework/values/', 'a/b', '01', '4294967294', '4294967295', '-1', '1.5',
    'ref with spaces', 'Ünïcode', '3', 'z']
  const documents = refs.map((ref, i) => ({
    ref,
    boost: [1, 2, 0.5, 1, 0, 3, 1][i % 7],
    fields: {
      title: texts[(i * 7) % texts.length].slice(0, 40),
      headings: i % 3 === 0 ? '' : texts[(i + 3) % texts.length],
      body: texts[i] + ' ' + texts[(i + 5) % texts.length],
      tags: i % 2 === 0 ? 'cin cla' : '',
      keywords: i % 4 === 1 ? 'child in need' : ''
    }
  }))
  return {
    fields: [{ name: 'title', boost: 10 }, { name: 'headings', boost: 5 }, { name: 'body', boost: 1 },
      { name: 'tags', boost: 5 }, { name: 'keywords', boost: 0.5 }],
    metadataWhitelist: variant.whitelist,
    stopWords: variant.stopWords,
    documents
  }
}

const variants = [
  { name: 'plain', whitelist: [], stopWords: undefined },
  { name: 'positions', whitelist: ['position', 'index'], stopWords: undefined },
  { name: 'domain-stop-words', whitelist: [], stopWords: ['a', 'an', 'and', 'the', 'of', 'to', 'in'] }
]

let passed = 0
let failed = 0
for (const v of variants) {
  const corpus = makeCorpus(v)
  if (!v.stopWords) delete corpus.stopWords
  const corpusPath = path.join(work, `${v.name}.corpus.json`)
  const indexPath = path.join(work, `${v.name}.index.json`)
  fs.writeFileSync(corpusPath, JSON.stringify(corpus))
  const res = spawnSync(tool, [corpusPath, indexPath], { encoding: 'utf8' })
  if (res.status !== 0) { console.log(`${v.name}: tool failed: ${res.stderr}`); failed++; continue }
  const ours = fs.readFileSync(indexPath, 'utf8')
  const theirs = JSON.stringify(buildWithLunr(corpus))
  if (ours === theirs) passed++
  else {
    failed++
    const i = firstDifference(ours, theirs)
    console.log(`${v.name}: index differs at ${i}:\n  c++:  ${ours.slice(Math.max(0, i - 100), i + 60)}\n  lunr: ${theirs.slice(Math.max(0, i - 100), i + 60)}`)
  }
  const r = compareQueries(corpus, ours, theirs, 1200)
  console.log(`${v.name}: bytes ${ours === theirs ? 'identical' : 'DIFFER'} (${ours.length}); queries ${r.passed} passed, ${r.failed} failed, ${r.withHits} with hits`)
  passed += r.passed
  failed += r.failed
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
