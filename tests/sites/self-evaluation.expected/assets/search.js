// qahub site search: the query layer over lunr.js 2.3.9 (stock lunr; the
// index is built by `qahub build`, see generator/search/). It reads the query
// as `qahub search` does (generator/search/query_plan.h; keep them in step):
// - words are split like lunr splits text, trimmed, possessives folded
//   ("father's", "father’s" → "father", the index's "possessive" pipeline
//   function, registered here before lunr.Index.load) and the index's stop
//   words dropped; every remaining word is required;
// - a word matches its stem, the stems of its one-word synonyms, and any term
//   starting with the typed word or its stem (typing "safeguar" finds
//   "safeguarding"); a half-typed word whose stem is not a term also matches
//   its longest truncation that is one ("safeguardi" → "safeguard*");
// - a hyphenated word ("co-production") also matches its joined form
//   ("coproduction"; the index holds the joined form of every hyphenated
//   word): it is found by the joined form or by all of its parts;
// - "record-id/anchor" ("2026-27-cycle-1/kl1") searches the record id and
//   links the record's own page to that anchor;
// - pages matching more query words in their title come first;
// - when a word finds no indexed word, the nearest words of
//   search/words.json (loaded only then) are offered: edit distance 1, or 2
//   for words of 5+ letters, most frequent first, one per stem; and a
//   corrected query built from them word by word, preferring one that has
//   results ("return interveiw" → "return interview").
// The order of results is lunr's own, so `qahub search` (which ports lunr's
// scoring, generator/search/lunr_query.h) lists the same pages in the same order.
// A word with a single clause is a lunr REQUIRED clause; a word with several
// (stem, prefix, synonyms) is a group of OPTIONAL clauses, and a page must
// match one clause of every group (checked on lunr's matchData).
// lunr's query syntax (field:, +, -, *, ~, ^) is plain text here, as in
// `qahub search`: practitioners paste text with '-' and ':'.
// The page loads the index and search/meta.json (stop words, synonyms, where
// each page's entry lives) and then, for the 20 results it shows (20 more at
// each "Show more results"), only the chunks of the document store that hold
// them: search/docs/K.json, or search/docs/K.js over file://
// (generator/search/README.md §7).
(function (root) {
  'use strict';

  // Results shown at first and added by each "Show more results".
  var PAGE_SIZE = 20;

  function trim(s) { return s.replace(/^\W+/, '').replace(/\W+$/, ''); }

  // The "possessive" pipeline function (generator/search/tokenizer.h):
  // "'s" or "’s" ending a token of 3+ units goes, else a final "'" or "’".
  // Index pipeline: trimmer → possessive → stopWordFilter → stemmer; search
  // pipeline: possessive → stemmer (the serialized one, which load() needs).
  function foldPossessive(s) {
    var n = s.length, last = s.charAt(n - 1);
    if (n > 2 && last === 's' && (s.charAt(n - 2) === "'" || s.charAt(n - 2) === '\u2019')) return s.slice(0, n - 2);
    if (n > 1 && (last === "'" || last === '\u2019')) return s.slice(0, n - 1);
    return s;
  }
  function possessive(token) { return token.update(foldPossessive); }

  // Registers "possessive" with lunr once: before lunr.Index.load.
  function registerPossessive(lunr) {
    if (!lunr.Pipeline.registeredFunctions.possessive) lunr.Pipeline.registerFunction(possessive, 'possessive');
    return possessive;
  }

  // A typed word as the index reads it: trimmed, possessive folded.
  function indexForm(s) { return foldPossessive(trim(s)); }

  // Sorted index terms, for prefix tests by binary search.
  function sortedTerms(idx) {
    if (!idx.qahubTerms) idx.qahubTerms = Object.keys(idx.invertedIndex).sort();
    return idx.qahubTerms;
  }

  function hasPrefix(idx, prefix) {
    var terms = sortedTerms(idx), lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < terms.length && terms[lo].lastIndexOf(prefix, 0) === 0;
  }

  function hasTerm(idx, term) { return Object.prototype.hasOwnProperty.call(idx.invertedIndex, term); }

  // A half-typed word ("safeguardi"): its longest truncation (at most 3
  // shorter, at least 4 long) that is a term, else, when no term starts with
  // the word or its stem, the longest one some term starts with.
  function addTruncation(idx, w, s) {
    var cut, t, text = w.text;
    for (cut = 1; cut <= 3 && text.length - cut >= 4; cut++) {
      t = text.slice(0, text.length - cut);
      if (hasTerm(idx, t)) { w.prefixes.push(t); return; }
    }
    if (hasPrefix(idx, text) || hasPrefix(idx, s)) return;
    for (cut = 1; cut <= 3 && text.length - cut >= 4; cut++) {
      t = text.slice(0, text.length - cut);
      if (hasPrefix(idx, t)) { w.prefixes.push(t); return; }
    }
  }

  function stem(lunr, word) { return lunr.stemmer(new lunr.Token(word)).toString(); }

  // Synonyms by the stem of a one-word variant: {'~stem': {words: [other
  // one-word stems], phrases: [[stems of a many-word variant], ...]}}. The
  // phrases are only marked in excerpts: the index already has them as
  // keywords of every page that mentions them.
  function synonymMap(lunr, store) {
    if (store.qahubSynonyms) return store.qahubSynonyms;
    var map = {};
    (store.synonyms || []).forEach(function (group) {
      var variants = group.map(function (v) {
        return v.toLowerCase().split(/[\s\-]+/).map(indexForm).filter(Boolean).map(function (t) { return stem(lunr, t); });
      });
      variants.forEach(function (v) {
        if (v.length !== 1) return;
        var entry = map['~' + v[0]] || (map['~' + v[0]] = { words: [], phrases: [] });
        variants.forEach(function (o) {
          if (o.length === 1 && o[0] !== v[0] && entry.words.indexOf(o[0]) < 0) entry.words.push(o[0]);
          if (o.length > 1) entry.phrases.push(o);
        });
      });
    });
    store.qahubSynonyms = map;
    return map;
  }

  function makeWord(lunr, idx, synonyms, text) {
    var s = stem(lunr, text), syn = synonyms['~' + s] || { words: [], phrases: [] };
    var w = { text: text, exact: [s], prefixes: [], phrases: syn.phrases, parts: [], guessed: false };
    syn.words.forEach(function (alt) { if (w.exact.indexOf(alt) < 0) w.exact.push(alt); });
    if (text.length >= 3) {
      w.prefixes.push(text);
      if (s !== text) w.prefixes.push(s);
      if (!hasTerm(idx, s)) {
        var before = w.prefixes.length;
        addTruncation(idx, w, s);
        w.guessed = w.prefixes.length > before;
      }
    }
    return w;
  }

  function pieces(chunk) { return chunk.split('-').map(indexForm).filter(Boolean); }

  function plan(lunr, idx, store, query) {
    var stops = {}, seen = {}, words = [], synonyms = synonymMap(lunr, store);
    (store.stopWords || []).forEach(function (w) { stops['~' + w] = true; });
    String(query).toLowerCase().split(/\s+/).forEach(function (chunk) {
      // "record-id/anchor": the id is searched, the anchor kept for the link.
      var anchor = null, slash = chunk.lastIndexOf('/');
      if (slash > 0) {
        var after = trim(chunk.slice(slash + 1)), before = chunk.slice(0, slash);
        if (/^[a-z0-9_\-]+$/.test(after) && pieces(before).length >= 2) {
          anchor = { record: trim(before), id: after };
          chunk = before;
        }
      }
      var parts = pieces(chunk);
      if (parts.length >= 2) {
        var w = makeWord(lunr, idx, synonyms, indexForm(chunk.replace(/-/g, '')));
        if (stops['~' + w.text] || seen['~' + w.text]) return;
        seen['~' + w.text] = true;
        parts.forEach(function (p) {
          if (stops['~' + p] || w.parts.some(function (o) { return o.text === p; })) return;
          w.parts.push(makeWord(lunr, idx, synonyms, p));
        });
        if (anchor) { w.record = anchor.record; w.anchor = anchor.id; }
        words.push(w);
        return;
      }
      parts.forEach(function (text) {
        if (stops['~' + text] || seen['~' + text]) return;
        seen['~' + text] = true;
        words.push(makeWord(lunr, idx, synonyms, text));
      });
    });
    return words;
  }

  function ownTerm(word, term) {
    if (word.exact.indexOf(term) >= 0) return true;
    for (var i = 0; i < word.prefixes.length; i++) if (term.lastIndexOf(word.prefixes[i], 0) === 0) return true;
    return false;
  }

  // A term marks a word (its own terms or, for a compound, a part's).
  function matchesTerm(word, term) {
    if (ownTerm(word, term)) return true;
    for (var i = 0; i < (word.parts || []).length; i++) if (ownTerm(word.parts[i], term)) return true;
    return false;
  }

  // A page with these matched terms has the word: one of its own terms, or
  // for a compound a term for every part.
  function wordFound(word, terms) {
    if (terms.some(function (t) { return ownTerm(word, t); })) return true;
    if (!word.parts.length) return false;
    return word.parts.every(function (p) { return terms.some(function (t) { return ownTerm(p, t); }); });
  }

  // Whether a word finds an indexed word by its own terms (the half-typed
  // guess aside): words that do not get suggestions.
  function findsAWord(idx, word) {
    function own(x) {
      if (x.exact.some(function (e) { return hasTerm(idx, e); })) return true;
      var typed = x.guessed ? x.prefixes.length - 1 : x.prefixes.length;
      for (var i = 0; i < typed; i++) if (hasPrefix(idx, x.prefixes[i])) return true;
      return false;
    }
    if (own(word)) return true;
    return word.parts.length > 0 && word.parts.every(own);
  }

  // Levenshtein distance over UTF-16 units, or max + 1 once past max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var row = [], i, j;
    for (j = 0; j <= b.length; j++) row[j] = j;
    for (i = 1; i <= a.length; i++) {
      var diagonal = row[0], best = i;
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var up = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = up;
        best = Math.min(best, row[j]);
      }
      if (best > max) return max + 1;
    }
    return row[b.length];
  }

  // Up to 3 words of the list (most frequent first) near `word`, one per stem.
  function nearestWords(lunr, word, list) {
    var out = [], stems = {}, max = word.length >= 5 ? 2 : 1;
    if (word.length < 3) return out;
    for (var i = 0; i < list.length && out.length < 3; i++) {
      if (list[i] === word || distance(word, list[i], max) > max) continue;
      var s = stem(lunr, list[i]);
      if (stems['~' + s]) continue;
      stems['~' + s] = true;
      out.push(list[i]);
    }
    return out;
  }

  // [[word, [nearest...]], ...] for the query words that find no indexed word.
  function suggest(lunr, idx, words, list) {
    var out = [];
    words.forEach(function (w) {
      if (findsAWord(idx, w)) return;
      var near = nearestWords(lunr, w.text, list);
      if (near.length) out.push([w.text, near]);
    });
    return out;
  }

  // The order to try corrected queries in (correction.h, correction_order):
  // counts[i] choices for word i; fewest steps from the best choices first.
  var MAX_CORRECTIONS_TRIED = 27, MAX_CORRECTION_COMBINATIONS = 81;
  function correctionOrder(counts) {
    var product = 1, combos = [[]];
    counts.forEach(function (c) {
      var k = Math.max(1, Math.min(c, Math.floor(MAX_CORRECTION_COMBINATIONS / product))), next = [];
      product *= k;
      combos.forEach(function (combo) { for (var r = 0; r < k; r++) next.push(combo.concat([r])); });
      combos = next;
    });
    function sum(c) { return c.reduce(function (a, b) { return a + b; }, 0); }
    combos = combos.map(function (c, i) { return { c: c, s: sum(c), i: i }; });
    combos.sort(function (a, b) { return (a.s - b.s) || (a.i - b.i); });
    return combos.slice(0, MAX_CORRECTIONS_TRIED).map(function (x) { return x.c; });
  }

  // The corrected query offered with the suggestions ("return interview"),
  // or '' (correction.h's correct_query): a word that finds nothing takes one of
  // its nearest words (or stays, when the half-typed guess found pages); the
  // first combination with results wins, else the first.
  function correction(lunr, idx, store, words, suggestions) {
    var near = {}, choices = [], original = words.map(function (w) { return w.text; }).join(' ');
    suggestions.forEach(function (s) { near['~' + s[0]] = s[1]; });
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (findsAWord(idx, w)) { choices.push([w.text]); continue; }
      var c = (near['~' + w.text] || []).slice();
      if (w.guessed) c.push(w.text);
      if (!c.length) return '';
      choices.push(c);
    }
    var order = correctionOrder(choices.map(function (c) { return c.length; })), first = '';
    for (var k = 0; k < order.length; k++) {
      var text = order[k].map(function (r, j) { return choices[j][r]; }).join(' ');
      if (text === original) continue;
      if (!first) first = text;
      if (run(lunr, idx, store, text).length) return text;
    }
    return first;
  }

  // Whether suggestions are wanted (so words.json is worth loading).
  function wantsSuggestions(idx, words, results) {
    return results.length === 0 || words.some(function (w) { return !findsAWord(idx, w); });
  }

  // "record-id/anchor" words link their record's own page to the anchor.
  function anchorFor(doc, words) {
    var segments = doc.u.split('/').filter(Boolean), last = segments[segments.length - 1];
    for (var i = 0; i < words.length; i++) if (words[i].anchor && words[i].record === last) return words[i].anchor;
    return null;
  }

  // The chunk of the store holding `ref`: meta.chunks lists each chunk's
  // first ref, ascending.
  function chunkOf(meta, ref) {
    var starts = meta.chunks || [], lo = 0, hi = starts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= ref) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }

  // The store entry of `ref` once its chunk is in meta.qahubChunks, else null.
  function docFor(meta, ref) {
    var k = chunkOf(meta, +ref), chunk = meta.qahubChunks && meta.qahubChunks[k];
    return chunk ? chunk[+ref - meta.chunks[k]] || null : null;
  }

  // Results as [{ref, score, doc, titleWords}], best first; `doc` is null
  // until the result's chunk is loaded.
  function run(lunr, idx, store, query) {
    var words = plan(lunr, idx, store, query), results;
    if (words.length === 0) return [];
    results = idx.query(function (q) {
      function add(w, presence) {
        w.exact.forEach(function (t) { q.term(t, { usePipeline: false, boost: 10, presence: presence }); });
        w.prefixes.forEach(function (p) {
          q.term(p, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: presence });
        });
      }
      words.forEach(function (w) {
        var single = w.parts.length === 0 && w.exact.length === 1 && w.prefixes.length === 0;
        var presence = single ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL;
        add(w, presence);
        w.parts.forEach(function (p) { add(p, presence); });
      });
    });
    var out = [];
    results.forEach(function (r, order) {
      var terms = Object.keys(r.matchData.metadata), titleWords = 0, all = true;
      words.forEach(function (w) {
        if (!wordFound(w, terms)) all = false;
        if (terms.some(function (t) { return r.matchData.metadata[t].title && matchesTerm(w, t); })) titleWords++;
      });
      if (all) out.push({ ref: r.ref, score: r.score, doc: docFor(store, r.ref), titleWords: titleWords, order: order, words: words });
    });
    out.sort(function (a, b) { return (b.titleWords - a.titleWords) || (a.order - b.order); });
    return out;
  }

  // Tokens of a text with match flags: [{text, mark}], covering the text,
  // and how many query words occur (a synonym phrase counts for its word).
  function markTokens(text, words) {
    var parts = [], tokens = [], re = /[\s\-]+/g, last = 0, m, seen = {};
    function push(token) {
      var t = indexForm(token.toLowerCase()), part = { text: token, mark: false };
      if (t) {
        var s = root.lunr ? stem(root.lunr, t) : t;
        tokens.push({ stem: s, part: part });
        words.forEach(function (w, i) {
          if (matchesTerm(w, s) || matchesTerm(w, t)) { part.mark = true; seen[i] = true; }
        });
      }
      parts.push(part);
    }
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) push(text.slice(last, m.index));
      parts.push({ text: m[0], mark: false });
      last = m.index + m[0].length;
    }
    if (last < text.length) push(text.slice(last));
    words.forEach(function (w, i) {
      (w.phrases || []).forEach(function (phrase) {
        for (var k = 0; k + phrase.length <= tokens.length; k++) {
          var j = 0;
          while (j < phrase.length && tokens[k + j].stem === phrase[j]) j++;
          if (j < phrase.length) continue;
          seen[i] = true;
          for (j = 0; j < phrase.length; j++) tokens[k + j].part.mark = true;
        }
      });
    });
    return { parts: parts, count: Object.keys(seen).length };
  }

  // The section with most matched words (a heading match counts extra) and
  // an excerpt of about 200 characters from it.
  function bestSection(doc, words) {
    var best = null, bestScore = 0;
    (doc.h || []).forEach(function (s) {
      var score = markTokens(s[1], words).count + markTokens(s[2], words).count;
      if (score > bestScore) { bestScore = score; best = s; }
    });
    var text = best ? best[2] : (doc.d || ((doc.h && doc.h[0]) ? doc.h[0][2] : ''));
    var marked = markTokens(text, words).parts, first = -1, pos = 0, from = 0, i;
    for (i = 0; i < marked.length; i++) { if (marked[i].mark) { first = i; break; } }
    if (first > 0) {
      for (i = 0; i < first; i++) pos += marked[i].text.length;
      while (from < first && pos > 40) { pos -= marked[from].text.length; from++; }
    }
    var excerpt = [], length = 0;
    for (i = from; i < marked.length && length < 200; i++) { excerpt.push(marked[i]); length += marked[i].text.length; }
    var anchor = anchorFor(doc, words);
    return { id: anchor || (best ? best[0] : ''), heading: best ? best[1] : '', parts: excerpt, before: from > 0,
      after: i < marked.length };
  }

  var api = { plan: plan, run: run, bestSection: bestSection, matchesTerm: matchesTerm, suggest: suggest,
    nearestWords: nearestWords, correction: correction, correctionOrder: correctionOrder,
    wantsSuggestions: wantsSuggestions, chunkOf: chunkOf, docFor: docFor, possessive: possessive,
    foldPossessive: foldPossessive, registerPossessive: registerPossessive, PAGE_SIZE: PAGE_SIZE };
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; return; }

  // ---- The /search/ page. ----
  var doc = root.document, form = doc.getElementById('search-form');
  var list = doc.getElementById('search-results'), status = doc.getElementById('search-status');
  if (!form || !list || !status) return;
  var input = form.querySelector('input[name="q"]'), index = null, data = root.QAHUB_SEARCH;
  var base = doc.documentElement.getAttribute('data-base') || form.getAttribute('data-base') || '/';

  // The index and meta arrive as search/index.js (a script, for sites built
  // with --relative-urls to open over file://, where fetch() is refused) or
  // are fetched as search/index.json and search/meta.json.
  var loading = null;
  function fetchJson(path) {
    return root.fetch(base + path).then(function (r) {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return r.json();
    });
  }
  function load() {
    if (!index && data && root.lunr) {
      registerPossessive(root.lunr);
      index = root.lunr.Index.load(data.index);
    }
    return index;
  }
  function fetchIndex() {
    if (!loading) {
      loading = Promise.all([fetchJson('search/index.json'), fetchJson('search/meta.json')]).then(function (parts) {
        data = { index: parts[0], meta: parts[1] };
      });
    }
    return loading;
  }

  // A script over file:// (fetch() is refused there), resolving to `value()`.
  function loadScript(path, value) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement('script');
      script.src = base + path;
      script.onload = function () { resolve(value()); };
      script.onerror = reject;
      doc.head.appendChild(script);
    });
  }
  function overFile() { return root.location.protocol === 'file:' || !root.fetch; }

  // Chunk K of the store, once: search/docs/K.json, or search/docs/K.js
  // over file://.
  var chunkLoading = {};
  function loadChunk(meta, k) {
    if (!chunkLoading[k]) {
      var path = 'search/docs/' + k;
      chunkLoading[k] = (overFile()
        ? loadScript(path + '.js', function () { return (root.QAHUB_DOCS || {})[k]; })
        : fetchJson(path + '.json')).then(function (chunk) {
        if (!chunk || !chunk.length) throw new Error(path + ': not a chunk of the store');
        (meta.qahubChunks || (meta.qahubChunks = {}))[k] = chunk;
      });
      chunkLoading[k].catch(function () { delete chunkLoading[k]; });
    }
    return chunkLoading[k];
  }

  // The store entries of `results`, fetching each missing chunk once.
  function loadDocs(meta, results) {
    var wanted = {};
    results.forEach(function (r) { if (!r.doc) wanted[chunkOf(meta, +r.ref)] = true; });
    return Promise.all(Object.keys(wanted).map(function (k) { return loadChunk(meta, +k); })).then(function () {
      results.forEach(function (r) {
        if (!r.doc) r.doc = docFor(meta, r.ref);
        if (!r.doc) throw new Error('no store entry for ' + r.ref);
      });
    });
  }

  // search/words.json, only once a query has a word that finds nothing: as a
  // script (search/words.js) over file://, where fetch() is refused.
  var wordsLoading = null;
  function loadWords() {
    if (!wordsLoading) {
      wordsLoading = root.QAHUB_WORDS ? Promise.resolve(root.QAHUB_WORDS)
        : overFile() ? loadScript('search/words.js', function () { return root.QAHUB_WORDS || []; })
          : fetchJson('search/words.json');
    }
    return wordsLoading;
  }

  // "Did you mean return interview?" after the status, as a link, and the
  // other nearest words; without a correction, each word's nearest.
  function showSuggestions(query, words, suggestions, corrected) {
    if (!suggestions.length) return;
    var replace = {};
    suggestions.forEach(function (s) { replace['~' + s[0]] = s[1][0]; });
    var better = corrected || words.map(function (w) { return replace['~' + w.text] || w.text; }).join(' ');
    var used = {};
    better.split(' ').forEach(function (w) { used['~' + w] = true; });
    status.appendChild(doc.createTextNode('. Did you mean '));
    var a = doc.createElement('a');
    a.href = '?q=' + encodeURIComponent(better);
    a.textContent = better;
    a.addEventListener('click', function (event) {
      event.preventDefault();
      input.value = better;
      render(better);
    });
    status.appendChild(a);
    var others = [];
    suggestions.forEach(function (s) {
      others = others.concat(s[1].filter(function (n) { return !used['~' + n]; }));
    });
    if (others.length) status.appendChild(doc.createTextNode(' (or ' + others.join(', ') + ')'));
    status.appendChild(doc.createTextNode('?'));
  }

  function link(url, id) {
    var href = url;
    if (base !== '/') href = base + url.replace(/^\//, '');
    if (root.location.protocol === 'file:' && /\/$/.test(href)) href += 'index.html';
    return href + (id ? '#' + id : '');
  }

  function resultItem(r) {
    var section = bestSection(r.doc, r.words), li = doc.createElement('li'), h = doc.createElement('h2');
    var a = doc.createElement('a');
    a.href = link(r.doc.u, section.id);
    a.textContent = r.doc.t + (section.heading ? ' › ' + section.heading : '');
    h.appendChild(a);
    li.appendChild(h);
    if (r.doc.s) {
      var meta = doc.createElement('p');
      meta.className = 'search-section';
      meta.textContent = r.doc.s;
      li.appendChild(meta);
    }
    var p = doc.createElement('p');
    p.className = 'search-excerpt';
    if (section.before) p.appendChild(doc.createTextNode('… '));
    section.parts.forEach(function (part) {
      if (part.mark) {
        var mark = doc.createElement('mark');
        mark.textContent = part.text;
        p.appendChild(mark);
      } else {
        p.appendChild(doc.createTextNode(part.text));
      }
    });
    if (section.after) p.appendChild(doc.createTextNode(' …'));
    li.appendChild(p);
    return li;
  }

  // "Show more results", after the list, shown while results are left.
  var more = doc.createElement('p'), moreButton = doc.createElement('button');
  more.className = 'search-more';
  more.hidden = true;
  moreButton.type = 'button';
  more.appendChild(moreButton);
  list.parentNode.insertBefore(more, list.nextSibling);

  // The query shown now; a newer render makes older chunk loads stale.
  var current = null;
  function notAvailable() { status.textContent = 'Search is not available: the search index did not load.'; }

  // Adds the next PAGE_SIZE results once their chunks are in; the first
  // page also sets the status (the live region) and offers suggestions.
  function showNext(state) {
    var batch = state.results.slice(state.shown, state.shown + PAGE_SIZE), first = state.shown === 0;
    moreButton.disabled = true;
    loadDocs(data.meta, batch).then(function () {
      if (current !== state) return;
      var firstLink = null;
      batch.forEach(function (r) {
        var li = resultItem(r);
        list.appendChild(li);
        if (!firstLink) firstLink = li.querySelector('a');
      });
      state.shown += batch.length;
      var left = state.results.length - state.shown;
      more.hidden = left <= 0;
      moreButton.disabled = false;
      moreButton.textContent = 'Show more results (' + left + ' more)';
      if (!first) { if (firstLink) firstLink.focus(); return; }
      var n = state.results.length, query = state.query, words = state.words;
      status.textContent = (n === 0 ? 'No results' : n + (n === 1 ? ' result' : ' results')) + ' for “' + query + '”';
      if (words.length && wantsSuggestions(index, words, state.results)) {
        loadWords().then(function (list) {
          if (current !== state) return;
          var suggestions = suggest(root.lunr, index, words, list);
          showSuggestions(query, words, suggestions,
            suggestions.length ? correction(root.lunr, index, data.meta, words, suggestions) : '');
        }, function () { /* no suggestions without the word list */ });
      }
    }, function () { if (current === state) notAvailable(); });
  }
  moreButton.addEventListener('click', function () { if (current) showNext(current); });

  function render(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    more.hidden = true;
    current = null;
    query = query.trim();
    if (!query) { status.textContent = ''; return; }
    if (!data && root.fetch && root.location.protocol !== 'file:') {
      status.textContent = 'Loading the search index…';
      fetchIndex().then(function () { if (input.value.trim() === query) render(query); }, notAvailable);
      return;
    }
    if (!load()) { notAvailable(); return; }
    current = { query: query, results: run(root.lunr, index, data.meta, query),
      words: plan(root.lunr, index, data.meta, query), shown: 0 };
    showNext(current);
  }

  var timer = null;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (root.history && root.history.replaceState && root.location.protocol !== 'file:') {
      root.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    }
    render(input.value);
  });
  input.addEventListener('input', function () {
    if (timer) root.clearTimeout(timer);
    timer = root.setTimeout(function () { render(input.value); }, 250);
  });
  var match = /[?&]q=([^&]*)/.exec(root.location.search);
  if (match) {
    input.value = decodeURIComponent(match[1].replace(/\+/g, ' '));
    render(input.value);
  }
})(typeof window !== 'undefined' ? window : globalThis);
