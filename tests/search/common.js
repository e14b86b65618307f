// Shared helpers for the search oracle scripts: a seeded PRNG, a word
// generator with the hard cases of lunr's stemmer and tokenizer, and running
// the C++ tools.
'use strict'
const fs = require('fs')
const path = require('path')
const { spawnSync } = require('child_process')

function loadLunr () {
  const candidates = [
    path.join(__dirname, '..', '..', 'node_modules', 'lunr'),
    'lunr'
  ]
  for (const c of candidates) {
    try { return require(c) } catch (e) { /* try next */ }
  }
  throw new Error('lunr not found: run npm ci at the repository root')
}

// mulberry32: small, deterministic.
function rng (seed) {
  let a = seed >>> 0
  return function () {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = [
  'a', 'e', 'i', 'o', 'u', 'y', 'y', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'x', 'z',
  'ss', 'll', 'ed', 'eed', 'ing', 'ies', 'sses', 'ational', 'tional', 'enci', 'anci', 'izer', 'bli', 'alli', 'entli',
  'eli', 'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti',
  'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible',
  'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'at', 'bl', 'iz',
  'bb', 'dd', 'ff', 'gg', 'kk', 'tt', 'zz', 'ly', 'ey', 'ay', 'oy', 'uy',
  'é', 'ï', 'ß', 'ü', 'Y', 'İ', 'Σ', 'ς', '’', "'", '😀', '𐐀', '\u0301', '\u2028', '\u2029', '\uff41', '\u00a0', '_', '0', '9', '—', '.', '-'
]

function randomWord (rand, maxPieces) {
  const n = 1 + Math.floor(rand() * maxPieces)
  let w = ''
  for (let i = 0; i < n; i++) {
    // Mostly letters, sometimes the hard pieces.
    const r = rand()
    if (r < 0.55) w += PIECES[Math.floor(rand() * 25)]
    else w += PIECES[Math.floor(rand() * PIECES.length)]
  }
  return w
}

function runTool (tool, args, input) {
  const res = spawnSync(tool, args, { input, maxBuffer: 1 << 30, encoding: 'utf8' })
  if (res.status !== 0) throw new Error(`${tool} failed: ${res.stderr}`)
  return res.stdout
}

function readWordList () {
  for (const p of ['/usr/share/dict/words', '/usr/share/dict/american-english']) {
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8').split('\n').filter(w => w.length > 0)
  }
  throw new Error('no word list: apt install wamerican')
}

module.exports = { loadLunr, rng, randomWord, runTool, readWordList }
