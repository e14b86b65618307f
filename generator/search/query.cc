#include "search/query.h"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "fs/files.h"
#include "search/correction.h"
#include "search/doc_store.h"
#include "search/js_json.h"
#include "search/json_scan.h"
#include "search/lunr_query.h"
#include "search/query_plan.h"
#include "search/suggest.h"
#include "search/unicode.h"

namespace qahub::search {
namespace {

SearchHit make_hit(const nlohmann::json& data, const std::vector<QueryWord>& words) {
  SearchHit hit;
  if (!data.is_object()) return hit;
  hit.title = data.value("t", "");
  hit.url = data.value("u", "");
  hit.section = data.value("s", "");
  // Deep link: the section where most query words occur (the first on ties).
  size_t best = 0;
  std::string best_id;
  std::string excerpt;
  if (data.contains("h") && data["h"].is_array()) {
    for (const auto& s : data["h"]) {
      if (!s.is_array() || s.size() != 3 || !s[0].is_string() || !s[1].is_string() || !s[2].is_string()) continue;
      // A match in the heading counts on top of matches in the text.
      ExcerptMatch in_heading = find_excerpt(s[1].get<std::string>(), words);
      ExcerptMatch in_text = find_excerpt(s[2].get<std::string>(), words);
      const size_t score = in_heading.words_matched + in_text.words_matched;
      if (score > best) {
        best = score;
        best_id = s[0].get<std::string>();
        excerpt = in_text.excerpt.empty() ? in_heading.excerpt : in_text.excerpt;
      }
    }
  }
  if (excerpt.empty()) excerpt = data.value("d", "");
  if (excerpt.empty() && data.contains("h") && data["h"].is_array() && !data["h"].empty() && data["h"][0].is_array() &&
      data["h"][0].size() == 3 && data["h"][0][2].is_string())
    excerpt = truncate_text(data["h"][0][2].get<std::string>(), 200);
  // "record-id/anchor": the record's own page links to the anchor.
  std::string_view path = hit.url;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const std::string_view last = path.substr(path.rfind('/') + 1);
  for (const QueryWord& w : words)
    if (!w.anchor.empty() && w.record == last) {
      best_id = w.anchor;
      break;
    }
  if (!best_id.empty()) hit.url += "#" + best_id;
  hit.excerpt = excerpt;
  return hit;
}

/// The clauses search.js gives lunr: exact terms with boost 10, prefixes as
/// trailing wildcards; a word's clauses are REQUIRED when it has only one,
/// else OPTIONAL (re-checked on the results), and always for a compound.
std::vector<LunrClause> clauses_for(const std::vector<QueryWord>& words) {
  std::vector<LunrClause> clauses;
  auto add = [&](const QueryWord& w, LunrPresence presence) {
    for (const auto& e : w.exact) clauses.push_back({utf8_to_utf16(e), 10, presence});
    for (const auto& p : w.prefixes) clauses.push_back({utf8_to_utf16(p) + u"*", 1, presence});
  };
  for (const auto& w : words) {
    const bool single = w.parts.empty() && w.exact.size() == 1 && w.prefixes.empty();
    const LunrPresence presence = single ? LunrPresence::kRequired : LunrPresence::kOptional;
    add(w, presence);
    for (const auto& part : w.parts) add(part, presence);
  }
  return clauses;
}

/// Whether a word finds an indexed word by its own terms (not counting the
/// half-typed guess).
bool finds_a_word(const QueryWord& w, const LunrIndex& index) {
  auto own = [&](const QueryWord& x) {
    for (const auto& e : x.exact)
      if (index.has_term(utf8_to_utf16(e))) return true;
    const size_t typed = x.guessed ? x.prefixes.size() - 1 : x.prefixes.size();
    for (size_t i = 0; i < typed; ++i)
      if (index.has_prefix(utf8_to_utf16(x.prefixes[i]))) return true;
    return false;
  };
  if (own(w)) return true;
  if (w.parts.empty()) return false;
  return std::all_of(w.parts.begin(), w.parts.end(), own);
}

/// The search cache, read once per search: the index, meta.json (the
/// planner's data and the chunk starts) and, for the hits shown only, their
/// chunks of the store (docs/K.json).
struct Cache {
  std::filesystem::path dir;
  LunrIndex index;
  std::vector<std::string> stop_words;
  std::string synonym_groups = "[]";  ///< JSON text
  size_t doc_count = 0;
  std::vector<size_t> chunk_starts;  ///< first ref of every chunk, ascending
  std::map<size_t, nlohmann::json> chunks;

  size_t chunk_of(size_t ref) const {
    return std::upper_bound(chunk_starts.begin(), chunk_starts.end(), ref) - chunk_starts.begin() - 1;
  }
  std::filesystem::path chunk_file(size_t k) const { return dir / "docs" / (std::to_string(k) + ".json"); }

  /// The store entry of `ref`, or null when its chunk is missing or damaged.
  nlohmann::json entry(size_t ref) {
    const size_t k = chunk_of(ref);
    auto it = chunks.find(k);
    if (it == chunks.end()) {
      const auto text = fs::read_file(chunk_file(k));
      it = chunks.emplace(k, text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json()).first;
    }
    const size_t i = ref - chunk_starts[k];
    if (!it->second.is_array() || i >= it->second.size() || !it->second[i].is_object()) return nlohmann::json();
    return it->second[i];
  }
};

bool scan_meta(const std::string& text, Cache& cache) {
  JsonScanner in(text);
  bool have_docs = false;
  bool have_chunks = false;
  const bool ok = in.object([&](const std::u16string& key) {
    if (key == u"stopWords")
      return in.array([&] {
        std::string word;
        if (!in.string(word)) return false;
        cache.stop_words.push_back(std::move(word));
        return true;
      });
    if (key == u"synonyms") {
      const size_t from = in.position();
      if (!in.skip()) return false;
      cache.synonym_groups = std::string(in.slice(from, in.position()));
      return true;
    }
    if (key == u"documents" || key == u"chunks") {
      const size_t from = in.position();
      if (!in.skip()) return false;
      const auto value = nlohmann::json::parse(in.slice(from, in.position()), nullptr, false);
      if (key == u"documents") {
        have_docs = value.is_number_unsigned();
        if (have_docs) cache.doc_count = value.get<size_t>();
        return have_docs;
      }
      have_chunks = value.is_array();
      for (const auto& start : value) {
        if (!start.is_number_unsigned()) return false;
        cache.chunk_starts.push_back(start.get<size_t>());
      }
      return have_chunks;
    }
    return in.skip();
  });
  // Chunks start at ref 0 and ascend.
  const bool ascending = std::adjacent_find(cache.chunk_starts.begin(), cache.chunk_starts.end(),
                                            std::greater_equal<>()) == cache.chunk_starts.end();
  const bool covers = cache.doc_count == 0 || (!cache.chunk_starts.empty() && cache.chunk_starts[0] == 0 &&
                                               cache.chunk_starts.back() < cache.doc_count);
  return ok && have_docs && have_chunks && ascending && covers;
}

bool load_cache(const std::filesystem::path& dir, Cache& cache, std::string& error) {
  cache.dir = dir;
  const auto index_text = fs::read_file(dir / "index.json");
  const auto meta_text = fs::read_file(dir / "meta.json");
  if (!index_text || !meta_text) {
    error = "no search index in " + dir.string() + "; run qahub build first";
    return false;
  }
  std::string why;
  if (!LunrIndex::parse(*index_text, cache.index, why)) {
    error = "damaged search cache " + (dir / "index.json").string() + ": " + why;
    return false;
  }
  if (!scan_meta(*meta_text, cache)) {
    error = "damaged search cache " + (dir / "meta.json").string() + ": not a document store";
    return false;
  }
  // Refs are positions in the store.
  for (uint32_t d = 0; d < cache.index.document_count(); ++d) {
    const auto n = js_array_index(cache.index.ref(d));
    if (!n || *n >= cache.doc_count) {
      error = "damaged search cache " + (dir / "meta.json").string() + ": not the store of index.json";
      return false;
    }
  }
  return true;
}

}  // namespace

namespace {

/// A page that has every query word, with how many of them its title has.
struct Ranked {
  const LunrResult* result;
  int title_words;
};

/// search.js's run(): lunr's results, pages missing a word dropped, then
/// more query words in the title first (stable: lunr's order on ties).
std::vector<Ranked> rank(const LunrIndex& index, const std::vector<QueryWord>& words,
                         const std::vector<LunrResult>& results) {
  const auto title_field =
      static_cast<uint32_t>(std::find(index.fields().begin(), index.fields().end(), "title") - index.fields().begin());
  std::vector<Ranked> ranked;
  std::vector<std::string> utf8_terms;
  for (const LunrResult& r : results) {
    std::vector<std::string_view> terms, title_terms;
    utf8_terms.clear();
    utf8_terms.reserve(r.matches.size());
    for (auto [term, field] : r.matches) utf8_terms.push_back(utf16_to_utf8(index.term(term)));
    for (size_t i = 0; i < r.matches.size(); ++i) {
      terms.push_back(utf8_terms[i]);
      if (r.matches[i].second == title_field) title_terms.push_back(utf8_terms[i]);
    }
    bool all = true;
    int in_title = 0;
    for (const QueryWord& w : words) {
      if (!word_found(w, terms)) all = false;
      if (std::any_of(title_terms.begin(), title_terms.end(),
                      [&](std::string_view t) { return word_matches_term(w, t); }))
        ++in_title;
    }
    if (all) ranked.push_back({&r, in_title});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.title_words > b.title_words; });
  return ranked;
}

}  // namespace

bool search_site_index(const std::filesystem::path& cache_dir, const std::string& query, int limit,
                       SearchOutcome& outcome, std::string& error) {
  outcome = SearchOutcome();
  const std::filesystem::path dir = search_cache_path(cache_dir);
  Cache cache;
  if (!load_cache(dir, cache, error)) return false;
  const LunrIndex& index = cache.index;
  const std::vector<std::string>& stop_words = cache.stop_words;
  diag::Diagnostics ignored;
  const SynonymTable synonyms = SynonymTable::parse("{\"groups\": " + cache.synonym_groups + "}", "synonyms", ignored);
  Vocabulary vocabulary;
  vocabulary.has_term = [&](const std::string& term) { return index.has_term(utf8_to_utf16(term)); };
  vocabulary.has_prefix = [&](const std::string& prefix) { return index.has_prefix(utf8_to_utf16(prefix)); };
  const std::vector<QueryWord> words = plan_query(query, stop_words, synonyms, &vocabulary);
  if (words.empty()) return true;

  const std::vector<LunrResult> results = index.query(clauses_for(words));
  const std::vector<Ranked> ranked = rank(index, words, results);
  outcome.total = ranked.size();
  for (const Ranked& r : ranked) {
    if (limit > 0 && outcome.hits.size() >= static_cast<size_t>(limit)) break;
    const size_t ref = *js_array_index(index.ref(r.result->doc));
    const nlohmann::json entry = cache.entry(ref);
    if (entry.is_null()) {
      error = "damaged search cache " + cache.chunk_file(cache.chunk_of(ref)).string() + ": no entry for document " +
              std::to_string(ref);
      return false;
    }
    SearchHit hit = make_hit(entry, words);
    hit.score = r.result->score;
    hit.title_words = r.title_words;
    outcome.hits.push_back(std::move(hit));
  }

  // Suggestions: only for words that find no indexed word, so the word list
  // is read only then.
  std::vector<bool> lost;
  for (const QueryWord& w : words) lost.push_back(!finds_a_word(w, index));
  if (std::find(lost.begin(), lost.end(), true) == lost.end()) return true;
  std::vector<std::string> vocabulary_words;
  if (const auto text = fs::read_file(dir / "words.json")) {
    auto list = nlohmann::json::parse(*text, nullptr, false);
    if (list.is_array())
      for (const auto& w : list)
        if (w.is_string()) vocabulary_words.push_back(w.get<std::string>());
  }
  std::vector<std::vector<std::string>> nearest(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    if (!lost[i]) continue;
    nearest[i] = nearest_words(words[i].text, vocabulary_words);
    if (!nearest[i].empty()) outcome.suggestions.emplace_back(words[i].text, nearest[i]);
  }
  if (outcome.suggestions.empty()) return true;
  outcome.correction = correct_query(words, lost, nearest, [&](const std::string& corrected) {
    const std::vector<QueryWord> w = plan_query(corrected, stop_words, synonyms, &vocabulary);
    return !w.empty() && !rank(index, w, index.query(clauses_for(w))).empty();
  });
  return true;
}

int run_search_command(const std::filesystem::path& cache_dir, const std::string& query, bool json, int limit,
                       std::ostream& out, std::ostream& err) {
  bool blank = std::all_of(query.begin(), query.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  if (blank) {
    err << "qahub: error: empty search query\n";
    return 1;
  }
  SearchOutcome outcome;
  std::string error;
  if (!search_site_index(cache_dir, query, limit, outcome, error)) {
    err << "qahub: error: " << error << "\n";
    return 1;
  }
  const std::vector<SearchHit>& hits = outcome.hits;
  const size_t total = outcome.total;
  if (json) {
    nlohmann::ordered_json j;
    j["query"] = query;
    j["total"] = total;
    j["results"] = nlohmann::ordered_json::array();
    for (const auto& h : hits)
      j["results"].push_back(
          {{"title", h.title}, {"url", h.url}, {"section", h.section}, {"excerpt", h.excerpt}, {"score", h.score}});
    j["suggestions"] = nlohmann::ordered_json::array();
    for (const auto& [word, nearest] : outcome.suggestions)
      j["suggestions"].push_back({{"word", word}, {"nearest", nearest}});
    j["correction"] = outcome.correction;
    out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return 0;
  }
  auto print_suggestions = [&] {
    if (outcome.suggestions.empty()) return;
    out << "did you mean: ";
    if (!outcome.correction.empty()) {
      // "return interview (or interviews)": the words the correction left out.
      std::vector<std::string> others;
      const std::string spaced = " " + outcome.correction + " ";
      for (const auto& [word, nearest] : outcome.suggestions)
        for (const std::string& n : nearest)
          if (spaced.find(" " + n + " ") == std::string::npos) others.push_back(n);
      out << outcome.correction;
      for (size_t k = 0; k < others.size(); ++k) out << (k ? ", " : " (or ") << others[k];
      out << (others.empty() ? "\n" : ")\n");
      return;
    }
    for (size_t i = 0; i < outcome.suggestions.size(); ++i) {
      const auto& [word, nearest] = outcome.suggestions[i];
      if (i) out << "; ";
      out << word << " → ";
      for (size_t k = 0; k < nearest.size(); ++k) out << (k ? ", " : "") << nearest[k];
    }
    out << "\n";
  };
  if (hits.empty()) {
    out << "no results for \"" << query << "\"\n";
    print_suggestions();
    return 0;
  }
  out << total << (total == 1 ? " result" : " results") << " for \"" << query << "\"";
  if (hits.size() < total) out << " (showing " << hits.size() << ")";
  out << "\n";
  print_suggestions();
  for (const auto& h : hits) {
    out << "\n" << h.title;
    if (!h.section.empty()) out << " — " << h.section;
    out << "\n  " << h.url << "\n";
    if (!h.excerpt.empty()) out << "  " << h.excerpt << "\n";
  }
  return 0;
}

}  // namespace qahub::search
