// node page_vs_terminal.js SITE_TOOL REPO_DIR WORKDIR
//
// Builds search for the repository's content/ pages (split at "## " headings,
// a stand-in for the generator's Markdown sections) with the C++ build_search,
// then checks that the page's query layer (themes/default/assets/search.js
// over lunr.js) and `qahub search`'s engine (Xapian) find the same pages for
// plain one- and multi-word queries, and the practitioner cases from issue 5.
// Also checks the index against lunr.js rebuilt from the written corpus.
'use strict'
const fs = require('fs')
const path = require('path')
const { spawnSync } = require('child_process')
const { loadLunr, rng } = require('./common')
const { buildWithLunr } = require('./oracle')
const lunr = loadLunr()
global.lunr = lunr
const search = require('../../themes/default/assets/search.js')

const [tool, repo, work] = process.argv.slice(2)
fs.mkdirSync(work, { recursive: true })

function walk (dir) {
  let out = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out = out.concat(walk(p))
    else if (e.name.endsWith('.md')) out.push(p)
  }
  return out.sort()
}

const pages = walk(path.join(repo, 'content')).map(file => {
  let text = fs.readFileSync(file, 'utf8')
  let title = path.basename(file, '.md')
  let description = ''
  let tags = []
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (fm) {
    text = text.slice(fm[0].length)
    const t = /^title:\s*"?(.*?)"?\s*$/m.exec(fm[1]); if (t) title = t[1]
    const d = /^description:\s*"?(.*?)"?\s*$/m.exec(fm[1]); if (d) description = d[1]
    const g = /^tags:\s*\[(.*)\]/m.exec(fm[1]); if (g) tags = g[1].split(',').map(s => s.trim()).filter(Boolean)
  }
  const sections = [['', '', '']]
  for (const line of text.split('\n')) {
    const h = /^## (.*)$/.exec(line)
    if (h) sections.push([h[1].toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'), h[1], ''])
    else sections[sections.length - 1][2] += line.replace(/[#*_`>|[\]()]/g, ' ') + '\n'
  }
  const rel = path.relative(path.join(repo, 'content'), file).replace(/(_index)?\.md$/, '')
  return { url: '/' + rel + (rel && !rel.endsWith('/') ? '/' : ''), title, section: rel.split('/')[0], description, tags, sections }
})
const pagesPath = path.join(work, 'pages.json')
fs.writeFileSync(pagesPath, JSON.stringify(pages))
let res = spawnSync(tool, [pagesPath, repo, work], { encoding: 'utf8' })
if (res.status !== 0) { console.log(res.stderr); process.exit(1) }

let passed = 0
let failed = 0
function check (ok, message) {
  if (ok) passed++
  else { failed++; if (failed <= 25) console.log('FAIL ' + message) }
}

// The index is what lunr.js builds from the corpus.
const corpus = JSON.parse(fs.readFileSync(path.join(work, 'corpus.json'), 'utf8'))
const indexText = fs.readFileSync(path.join(work, 'search', 'index.json'), 'utf8')
check(JSON.stringify(buildWithLunr(corpus)) === indexText, 'index.json is not byte-identical to lunr.js')
const script = fs.readFileSync(path.join(work, 'search', 'index.js'), 'utf8')
const sandbox = {}
new Function('window', script)(sandbox)
const idx = lunr.Index.load(sandbox.QAHUB_SEARCH.index)
const store = sandbox.QAHUB_SEARCH.docs

// Queries: the cases, then words, prefixes and pairs from the text.
const rand = rng(5)
const words = [...new Set(pages.flatMap(p => (p.title + ' ' + p.sections.map(s => s[2]).join(' ')).toLowerCase()
  .split(/[\s\-]+/).map(w => w.replace(/^\W+/, '').replace(/\W+$/, '')).filter(w => w.length > 1)))].sort()
const pick = () => words[Math.floor(rand() * words.length)]
const queries = ['CIN', 'child in need', 'organisation', 'organization', 'safeguar', 'hypothes', 'appreci', 'CP', 'IRO',
  'PLO', 'who', 'must', 'who must', 'looked after children', 'LAC', 'CiC', 'signs of safety', 'SoS', 's47', 'section 47',
  'PDT', 'DivMT', 'behavior', 'programme', 'judgment', 'audit', 'audits cycle', 'supervision', 'voice of the child']
for (let i = 0; i < 150; i++) queries.push(pick())
for (let i = 0; i < 100; i++) { const w = pick(); queries.push(w.slice(0, Math.max(2, w.length - 1 - Math.floor(rand() * 3)))) }
for (let i = 0; i < 150; i++) queries.push(pick() + ' ' + pick())
for (let i = 0; i < 50; i++) queries.push(pick() + ' ' + pick() + ' ' + pick())
const plain = queries.filter(q => !/(^|\s)[+\-]|[:~^*]/.test(q))

res = spawnSync(tool, ['--query', work], { input: plain.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 })
if (res.status !== 0) { console.log(res.stderr); process.exit(1) }
const terminal = res.stdout.trim().split('\n').map(l => JSON.parse(l))
let withHits = 0
plain.forEach((q, i) => {
  const page = search.run(lunr, idx, store, q).map(r => r.doc.u)
  const a = [...page].sort().join(' ')
  const b = [...terminal[i]].sort().join(' ')
  if (page.length) withHits++
  check(a === b, `${JSON.stringify(q)}: page [${a}] terminal [${b}]`)
})
console.log(`page vs terminal: ${plain.length} queries, ${withHits} with hits`)

// Practitioner cases (issue 5), on the page's query layer.
const urls = q => search.run(lunr, idx, store, q).map(r => r.doc.u)
for (const q of ['CIN', 'organisation', 'organization', 'safeguar', 'hypothes', 'appreci', 'CP', 'who', 'must', 'PLO', 'IRO', 'LAC', 'SoS']) {
  check(urls(q).length > 0, `${q} finds nothing`)
}
check(urls('CIN').join() !== '' && urls('child in need').some(u => urls('CIN').includes(u)), 'CIN and child in need overlap')
const both = urls('organisation').sort().join()
check(both === urls('organization').sort().join(), 'organisation and organization find the same pages')
for (const q of ['safeguarding', 'audit', 'supervision']) {
  const r = search.run(lunr, idx, store, q)
  const firstBody = r.findIndex(x => x.titleWords === 0)
  const lastTitle = r.map(x => x.titleWords > 0).lastIndexOf(true)
  check(firstBody < 0 || lastTitle < firstBody, `${q}: a title match ranks below a body-only match`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
