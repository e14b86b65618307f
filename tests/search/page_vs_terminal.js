// node page_vs_terminal.js SITE_TOOL QAHUB PYTHON REPO_DIR WORKDIR
//
// The page and the terminal must give the same answer. For each of four
// sites, the page's own query layer (themes/default/assets/search.js over
// lunr.js 2.3.9, loading the built search/index.json, meta.json, the store's chunks (docs/K.json) and
// words.json) and the terminal (`qahub search --json --limit 20`, or the
// same search_site_index() through search_site_tool for the first site) run
// hundreds of generated and everyday queries; the top 20 URLs must be the
// same in the same order (compared without #fragment), with the same lunr
// scores, the same totals, the same suggestions and the same corrected
// query: 0 differences. Queries include lunr's syntax characters (plain
// text on both), possessives and misspelt phrases.
// Fragment agreement is counted and reported on its own.
//
// Sites: the repository's content pages through build_search (search_site_tool,
// the index also checked byte for byte against lunr.js), the default site
// built by qahub (record pages included), the default site with the
// tests/search/fixture overlay (compounds, "Including fathers"), and a site
// from bench/gen_site.py. Then the practitioner cases.
'use strict'
const fs = require('fs')
const path = require('path')
const { spawnSync } = require('child_process')
const { loadLunr, rng } = require('./common')
const { buildWithLunr } = require('./oracle')
const lunr = loadLunr()
global.lunr = lunr
const search = require('../../themes/default/assets/search.js')
search.registerPossessive(lunr)

const [tool, qahub, python, repo, work] = process.argv.slice(2)
fs.rmSync(work, { recursive: true, force: true })
fs.mkdirSync(work, { recursive: true })

let passed = 0
let failed = 0
function check (ok, message) {
  if (ok) passed++
  else { failed++; if (failed <= 40) console.log('FAIL ' + message) }
}
const noFragment = u => u.replace(/#.*$/, '')

// ---- Sites ----
function walk (dir) {
  let out = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out = out.concat(walk(p))
    else if (e.name.endsWith('.md')) out.push(p)
  }
  return out.sort()
}

// Content pages split at "## " headings, through build_search directly.
function toolSite () {
  const dir = path.join(work, 'pages')
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
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'pages.json'), JSON.stringify(pages))
  const res = spawnSync(tool, [path.join(dir, 'pages.json'), repo, dir], { encoding: 'utf8' })
  if (res.status !== 0) { console.log(res.stderr); process.exit(1) }
  // The index is what lunr.js builds from the corpus; the script form holds the same.
  const corpus = JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'), 'utf8'))
  const indexText = fs.readFileSync(path.join(dir, 'search', 'index.json'), 'utf8')
  check(JSON.stringify(buildWithLunr(corpus)) === indexText, 'index.json is not byte-identical to lunr.js')
  const sandbox = {}
  new Function('window', fs.readFileSync(path.join(dir, 'search', 'index.js'), 'utf8'))(sandbox)
  new Function('window', fs.readFileSync(path.join(dir, 'search', 'words.js'), 'utf8'))(sandbox)
  check(JSON.stringify(sandbox.QAHUB_SEARCH.index) === indexText, 'index.js does not hold index.json')
  const metaText = fs.readFileSync(path.join(dir, 'search', 'meta.json'), 'utf8')
  check(JSON.stringify(sandbox.QAHUB_SEARCH.meta) === metaText, 'index.js does not hold meta.json')
  const meta = JSON.parse(metaText)
  meta.chunks.forEach((start, k) => {
    new Function('window', fs.readFileSync(path.join(dir, 'search', 'docs', k + '.js'), 'utf8'))(sandbox)
    const chunkText = fs.readFileSync(path.join(dir, 'search', 'docs', k + '.json'), 'utf8')
    check(JSON.stringify(sandbox.QAHUB_DOCS[k]) === chunkText, `docs/${k}.js does not hold docs/${k}.json`)
  })
  return {
    name: 'content pages (build_search)',
    out: dir,
    terminal: queries => {
      const r = spawnSync(tool, ['--query', dir], { input: queries.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 })
      if (r.status !== 0) { console.log(r.stderr); process.exit(1) }
      return r.stdout.trim().split('\n').map(l => JSON.parse(l)).map(j => ({
        urls: j.urls.slice(0, 20), scores: j.scores.slice(0, 20), total: j.urls.length,
        suggestions: j.suggestions, correction: j.correction
      }))
    }
  }
}

function qahubSite (name, siteDir) {
  const out = path.join(siteDir, 'out')
  const res = spawnSync(qahub, ['build', '--site', siteDir, '--out', out, '--as-of', '2026-11-23'], { encoding: 'utf8' })
  if (res.status !== 0) { console.log(res.stderr); process.exit(1) }
  return {
    name,
    out,
    terminal: queries => queries.map(q => {
      const r = spawnSync(qahub, ['search', '--site', siteDir, '--json', '--limit', '20', '--', q], { encoding: 'utf8' })
      if (r.status !== 0) { console.log(`qahub search ${JSON.stringify(q)}: ${r.stderr}`); process.exit(1) }
      const j = JSON.parse(r.stdout)
      return {
        urls: j.results.map(x => x.url), scores: j.results.map(x => x.score), total: j.total,
        suggestions: j.suggestions.map(s => [s.word, s.nearest]), correction: j.correction
      }
    })
  }
}

function copySite (dir, overlay) {
  fs.mkdirSync(dir, { recursive: true })
  for (const p of ['content', 'data', 'qahub.yaml']) fs.cpSync(path.join(repo, p), path.join(dir, p), { recursive: true })
  if (overlay) fs.cpSync(overlay, dir, { recursive: true })
  return dir
}

function generatedSite () {
  const dir = path.join(work, 'generated')
  const res = spawnSync(python, [path.join(repo, 'bench', 'gen_site.py'), dir, '300', '--seed', '7',
    '--schemas', path.join(repo, 'data', 'schemas')], { encoding: 'utf8' })
  if (res.status !== 0) { console.log(res.stderr); process.exit(1) }
  return qahubSite('generated site (300 pages)', path.join(dir, 'qahub'))
}

// ---- The page ----
// The page's files: the index, meta.json and every chunk of the store, each
// entry found where search.js looks for it (chunkOf/docFor).
function loadPage (out) {
  const read = f => JSON.parse(fs.readFileSync(path.join(out, 'search', f), 'utf8'))
  const meta = read('meta.json')
  check(!fs.existsSync(path.join(out, 'search', 'docs.json')), 'the site still has search/docs.json')
  check(meta.chunks[0] === 0 || meta.documents === 0, 'the first chunk does not start at ref 0')
  meta.qahubChunks = {}
  meta.chunks.forEach((start, k) => {
    const chunk = read(path.join('docs', k + '.json'))
    const end = k + 1 < meta.chunks.length ? meta.chunks[k + 1] : meta.documents
    check(chunk.length === end - start, `docs/${k}.json holds ${chunk.length} entries, not ${end - start}`)
    meta.qahubChunks[k] = chunk
  })
  check(!fs.existsSync(path.join(out, 'search', 'docs', meta.chunks.length + '.json')), 'a chunk beyond meta.chunks')
  const docs = []
  for (let ref = 0; ref < meta.documents; ref++) {
    const d = search.docFor(meta, ref)
    check(d && search.chunkOf(meta, ref) >= 0, `no store entry for ref ${ref}`)
    docs.push(d)
  }
  return { idx: lunr.Index.load(read('index.json')), store: meta, docs, words: read('words.json') }
}

function pageAnswer (page, q) {
  const results = search.run(lunr, page.idx, page.store, q)
  const words = search.plan(lunr, page.idx, page.store, q)
  const top = results.slice(0, 20)
  const suggestions = words.length && search.wantsSuggestions(page.idx, words, results)
    ? search.suggest(lunr, page.idx, words, page.words) : []
  return {
    urls: top.map(r => {
      const id = search.bestSection(r.doc, r.words).id
      return r.doc.u + (id ? '#' + id : '')
    }),
    scores: top.map(r => r.score),
    total: results.length,
    suggestions,
    correction: suggestions.length ? search.correction(lunr, page.idx, page.store, words, suggestions) : ''
  }
}

// ---- Queries: everyday ones, then words, prefixes, pairs, compounds, ids and typos from the site ----
const EVERYDAY = ['father', 'fathers', 'CIN', 'child in need', 'organisation', 'organization', 'safeguar', 'safeguarding',
  'hypothes', 'appreci', 'CP', 'IRO', 'PLO', 'who', 'must', 'who must', 'looked after children', 'LAC', 'CiC',
  'signs of safety', 'SoS', 's47', 'section 47', 'PDT', 'DivMT', 'behavior', 'programme', 'judgment', 'audit',
  'audits cycle', 'supervision', 'voice of the child', 'chronology', 'chronolgy', 'antisocial', 'anti-social',
  'coproduction', 'co-production', 'xhronology', 're-audit', 'reaudit', 'reaudit exploitation', 're-audit exploitation', 'a-032', 'a-001', '2026-27-cycle-1', '2026-27-cycle-1/kl1',
  '2025-26-cycle-2/kl3', 'father-inclusive', 'multi-agency', 'neglect', 'exploitation', 'child protection plan',
  'supervison', 'assesment', 'overdue actions', 'practice board', 'core skills', 'moderation', 'grades', 'outstanding',
  // possessives, straight and curly
  "father's", 'father’s', 'fathers', "fathers'", "child's voice", 'child’s voice', 'childs voice', "child's plan",
  "it's", "young people's", 'FATHER’S VIEW',
  // misspelt phrases
  'return interveiw', 'return interview', 'interveiw', 'retrun interview', 'voice of the chlid', 'fathres view', 'neglekt supervison',
  'childs voise', 'superviison managment', 'zzzzzz interveiw',
  // lunr's syntax characters, plain text on both
  'title:audit', '+father -neglect', 'safeguard*', 'chronology~1', 'audit^5', 'body:supervision +plan',
  'father -', '-', ':', 'a:b:c', '*', '~2', 'key: learning', 'signs-of-safety', 'CIN - child in need']

function siteQueries (page, seed, count) {
  const rand = rng(seed)
  const texts = page.docs.map(d => d.t + ' ' + d.h.map(h => h[1] + ' ' + h[2]).join(' '))
  const words = [...new Set(texts.join(' ').toLowerCase().split(/\s+/)
    .map(w => w.replace(/^\W+/, '').replace(/\W+$/, '')).filter(w => w.length > 1))].sort()
  const plainWords = words.filter(w => !w.includes('-') && !w.includes('/'))
  const compounds = words.filter(w => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(w))
  const ids = page.docs.map(d => d.u.split('/').filter(Boolean).pop()).filter(s => s && s.includes('-'))
  const pick = list => list[Math.floor(rand() * list.length)]
  const typo = w => {
    const i = Math.floor(rand() * w.length)
    const k = rand()
    if (k < 0.33) return w.slice(0, i) + w.slice(i + 1)
    if (k < 0.66) return w.slice(0, i) + 'e' + w.slice(i)
    return w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2)
  }
  const qs = [...EVERYDAY]
  const n = k => Math.round(count * k)
  for (let i = 0; i < n(0.3); i++) qs.push(pick(plainWords))
  for (let i = 0; i < n(0.15); i++) { const w = pick(plainWords); qs.push(w.slice(0, Math.max(2, w.length - 1 - Math.floor(rand() * 3)))) }
  for (let i = 0; i < n(0.2); i++) qs.push(pick(plainWords) + ' ' + pick(plainWords))
  for (let i = 0; i < n(0.05); i++) qs.push(pick(plainWords) + ' ' + pick(plainWords) + ' ' + pick(plainWords))
  if (compounds.length) for (let i = 0; i < n(0.1); i++) { const c = pick(compounds); qs.push(rand() < 0.5 ? c : c.replace(/-/g, '')) }
  if (ids.length) for (let i = 0; i < n(0.1); i++) qs.push(pick(ids))
  for (let i = 0; i < n(0.1); i++) { const w = pick(plainWords.filter(x => x.length >= 5)); qs.push(typo(w)) }
  // lunr's syntax characters too: both read them as plain text.
  for (let i = 0; i < n(0.05); i++) {
    const ops = [w => 'title:' + w, w => '+' + w, w => '-' + w, w => w + '*', w => w + '~1', w => w + '^5', w => w + "'s"]
    qs.push(pick(ops)(pick(plainWords)) + (rand() < 0.5 ? ' ' + pick(plainWords) : ''))
  }
  return qs
}

// ---- Compare ----
const summary = []
function compare (site, page, queries) {
  const terminal = site.terminal(queries)
  let differences = 0
  let fragments = 0
  let fragmentTotal = 0
  let withHits = 0
  let suggested = 0
  queries.forEach((q, i) => {
    const p = pageAnswer(page, q)
    const t = terminal[i]
    if (p.total) withHits++
    if (p.suggestions.length) suggested++
    const a = p.urls.map(noFragment).join(' ')
    const b = t.urls.map(noFragment).join(' ')
    const same = a === b && p.total === t.total &&
      JSON.stringify(p.scores) === JSON.stringify(t.scores) &&
      JSON.stringify(p.suggestions) === JSON.stringify(t.suggestions) && p.correction === t.correction
    if (!same) differences++
    check(a === b, `${site.name}: ${JSON.stringify(q)}: page [${a}] terminal [${b}]`)
    check(p.total === t.total, `${site.name}: ${JSON.stringify(q)}: page total ${p.total} terminal ${t.total}`)
    check(JSON.stringify(p.scores) === JSON.stringify(t.scores),
      `${site.name}: ${JSON.stringify(q)}: scores page ${p.scores.slice(0, 3)} terminal ${t.scores.slice(0, 3)}`)
    check(JSON.stringify(p.suggestions) === JSON.stringify(t.suggestions),
      `${site.name}: ${JSON.stringify(q)}: suggestions page ${JSON.stringify(p.suggestions)} terminal ${JSON.stringify(t.suggestions)}`)
    check(p.correction === t.correction,
      `${site.name}: ${JSON.stringify(q)}: correction page ${JSON.stringify(p.correction)} terminal ${JSON.stringify(t.correction)}`)
    for (let k = 0; k < Math.min(p.urls.length, t.urls.length); k++) {
      fragmentTotal++
      if (p.urls[k] === t.urls[k]) fragments++
    }
  })
  summary.push(`${site.name}: ${queries.length} queries (${withHits} with results, ${suggested} with suggestions), ` +
    `${differences} differences; fragments agree on ${fragments} of ${fragmentTotal} results`)
  return terminal
}

const sites = [
  toolSite(),
  qahubSite('default site', copySite(path.join(work, 'default'))),
  qahubSite('default site + search fixture', copySite(path.join(work, 'fixture'), path.join(__dirname, 'fixture'))),
  generatedSite()
]
const answers = {}
sites.forEach((site, n) => {
  const page = loadPage(site.out)
  const queries = [...new Set(siteQueries(page, 11 + n, n === 3 ? 300 : 400))]
  const terminal = compare(site, page, queries)
  answers[site.name] = { page, get: q => ({ page: pageAnswer(page, q), terminal: terminal[queries.indexOf(q)] }) }
})
summary.forEach(s => console.log(s))

// ---- Practitioner cases, on both ----
const fixture = answers['default site + search fixture']
const both = (q, fn, message) => {
  const { page, terminal } = fixture.get(q)
  check(fn(page), `page: ${q}: ${message}`)
  check(fn(terminal), `terminal: ${q}: ${message}`)
}
const first = a => noFragment(a.urls[0] || '')
const has = (a, u) => a.urls.map(noFragment).includes(u)
both('father', a => first(a) === '/practice/including-fathers/', '"Including fathers" is not first')
both('antisocial', x => has(x, '/practice/antisocial-behaviour/') && has(x, '/practice/community-safety/'),
  'does not find both spellings')
both('anti-social', x => has(x, '/practice/antisocial-behaviour/') && has(x, '/practice/community-safety/'),
  'does not find both spellings')
for (const q of ['coproduction', 'co-production']) {
  both(q, x => has(x, '/practice/coproduction-charter/') && has(x, '/practice/co-design/') &&
    has(x, '/practice/community-safety/'), 'does not find both spellings')
}
for (const q of ['reaudit exploitation', 're-audit exploitation']) {
  both(q, x => has(x, '/practice/antisocial-behaviour/') && has(x, '/practice/community-safety/'),
    'does not find both spellings')
}
both('chronolgy', x => x.suggestions.length === 1 && x.suggestions[0][0] === 'chronolgy' &&
  x.suggestions[0][1][0] === 'chronology', 'does not suggest chronology')
both('xhronology', x => x.total === 0 && x.suggestions.length === 1 && x.suggestions[0][1][0] === 'chronology',
  'finds something or does not suggest chronology')
both('safeguarding', x => x.suggestions.length === 0, 'suggests words for a word it finds')
both('a-032', x => first(x) === '/actions/a-032/', 'does not find the action first')
both('2026-27-cycle-1', x => first(x) === '/cycles/2026-27-cycle-1/', 'does not find the cycle first')
both('2026-27-cycle-1/kl1', x => x.urls[0] === '/cycles/2026-27-cycle-1/#kl1', 'does not link the cycle at kl1')

// Issue 31, on the default site (page and terminal alike): a misspelt
// phrase gets a corrected query that has results; possessives, straight
// or curly, find what the plain plural finds, in the same order.
const plain = answers['default site']
const onDefault = (q, fn, message) => {
  const { page, terminal } = plain.get(q)
  check(fn(page), `page: ${q}: ${message}`)
  check(fn(terminal), `terminal: ${q}: ${message}`)
}
onDefault('return interveiw', x => x.correction === 'return interview', 'does not suggest "return interview"')
onDefault('return interview', x => x.total > 0, 'has no results')
onDefault('interveiw', x => x.total > 0 && x.correction === 'interview', 'no results, or no suggestion beside them')
for (const q of ["father's", 'father’s']) {
  onDefault(q, x => {
    const fathers = plain.get('fathers').terminal
    return x.total === fathers.total && x.total > 1 && x.urls.join(' ') === fathers.urls.join(' ')
  }, 'does not find what "fathers" finds, in the same order')
}
onDefault("child's voice", x => x.total === plain.get('childs voice').terminal.total, 'finds fewer than "childs voice"')

// Title matches first, on the page.
for (const q of ['safeguarding', 'audit', 'supervision', 'father']) {
  const r = search.run(lunr, fixture.page.idx, fixture.page.store, q)
  const firstBody = r.findIndex(x => x.titleWords === 0)
  const lastTitle = r.map(x => x.titleWords > 0).lastIndexOf(true)
  check(firstBody < 0 || lastTitle < firstBody, `${q}: a title match ranks below a body-only match`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
