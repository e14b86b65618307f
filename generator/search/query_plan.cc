#include "search/query_plan.h"

#include <algorithm>
#include <unordered_set>

#include "search/lunr_stem.h"
#include "search/tokenizer.h"
#include "search/unicode.h"

namespace qahub::search {
namespace {

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// The fallback for half-typed words (see query_plan.h).
void add_truncation(QueryWord& w, const std::u16string& trimmed, const std::string& stem,
                    const Vocabulary& vocabulary) {
  auto truncated = [&](size_t cut) {
    return utf16_to_utf8(std::u16string_view(trimmed).substr(0, trimmed.size() - cut));
  };
  for (size_t cut = 1; cut <= 3 && trimmed.size() - cut >= 4; ++cut) {
    if (vocabulary.has_term(truncated(cut))) {
      add_unique(w.prefixes, truncated(cut));
      return;
    }
  }
  if (vocabulary.has_prefix(w.text) || vocabulary.has_prefix(stem)) return;
  for (size_t cut = 1; cut <= 3 && trimmed.size() - cut >= 4; ++cut) {
    if (vocabulary.has_prefix(truncated(cut))) {
      add_unique(w.prefixes, truncated(cut));
      return;
    }
  }
}

}  // namespace

std::vector<QueryWord> plan_query(std::string_view query, const std::vector<std::string>& stop_words,
                                  const SynonymTable& synonyms, const Vocabulary* vocabulary) {
  std::unordered_set<std::string> stops(stop_words.begin(), stop_words.end());
  std::vector<QueryWord> words;
  for (const Token& t : tokenize(utf8_to_utf16(sanitize_utf8(query)))) {
    std::u16string trimmed(trim_token(t.text));
    if (trimmed.empty()) continue;
    QueryWord w;
    w.text = utf16_to_utf8(trimmed);
    if (stops.count(w.text)) continue;
    if (std::any_of(words.begin(), words.end(), [&](const QueryWord& o) { return o.text == w.text; })) continue;
    const std::string stem = utf16_to_utf8(lunr_stem(trimmed));
    add_unique(w.exact, stem);
    for (auto& alt : synonyms.alternatives_for_stem(stem)) add_unique(w.exact, alt);
    if (trimmed.size() >= 3) {
      add_unique(w.prefixes, w.text);
      add_unique(w.prefixes, stem);
      if (vocabulary && !vocabulary->has_term(stem)) add_truncation(w, trimmed, stem, *vocabulary);
    }
    words.push_back(std::move(w));
  }
  return words;
}

bool word_matches_term(const QueryWord& word, std::string_view term) {
  for (const auto& e : word.exact)
    if (term == e) return true;
  for (const auto& p : word.prefixes)
    if (term.size() >= p.size() && term.substr(0, p.size()) == p) return true;
  return false;
}

ExcerptMatch find_excerpt(std::string_view text, const std::vector<QueryWord>& words, size_t width) {
  ExcerptMatch result;
  const std::u16string u = utf8_to_utf16(text);
  std::vector<bool> seen(words.size(), false);
  size_t first = std::u16string::npos;
  size_t start = 0;
  for (size_t i = 0; i <= u.size(); ++i) {
    if (i < u.size() && !is_js_space(u[i]) && u[i] != u'-') continue;
    if (i > start) {
      std::u16string token(trim_token(js_to_lower(std::u16string_view(u).substr(start, i - start))));
      if (!token.empty()) {
        const std::string raw = utf16_to_utf8(token);
        const std::string stem = utf16_to_utf8(lunr_stem(token));
        for (size_t w = 0; w < words.size(); ++w) {
          if (word_matches_term(words[w], stem) || word_matches_term(words[w], raw)) {
            if (!seen[w]) ++result.words_matched;
            seen[w] = true;
            if (first == std::u16string::npos) first = start;
          }
        }
      }
    }
    start = i + 1;
  }
  if (first == std::u16string::npos) return result;
  // Window: from a word boundary about a fifth of the width before the match.
  size_t from = first > width / 5 ? first - width / 5 : 0;
  while (from > 0 && from < first && !is_js_space(u[from - 1])) ++from;
  size_t to = std::min(u.size(), from + width);
  while (to < u.size() && to > first && !is_js_space(u[to])) --to;
  if (to <= first) to = std::min(u.size(), from + width);
  if (to < u.size() && to > from && u[to - 1] >= 0xD800 && u[to - 1] <= 0xDBFF) --to;
  std::string excerpt = utf16_to_utf8(std::u16string_view(u).substr(from, to - from));
  result.excerpt = (from > 0 ? "…" : "") + excerpt + (to < u.size() ? "…" : "");
  return result;
}

}  // namespace qahub::search
