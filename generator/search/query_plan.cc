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

namespace {

QueryWord make_word(const std::u16string& trimmed, const SynonymTable& synonyms, const Vocabulary* vocabulary) {
  QueryWord w;
  w.text = utf16_to_utf8(trimmed);
  const std::string stem = utf16_to_utf8(lunr_stem(trimmed));
  add_unique(w.exact, stem);
  for (auto& alt : synonyms.alternatives_for_stem(stem)) add_unique(w.exact, alt);
  w.phrases = synonyms.phrases_for_stem(stem);
  if (trimmed.size() >= 3) {
    add_unique(w.prefixes, w.text);
    add_unique(w.prefixes, stem);
    if (vocabulary && !vocabulary->has_term(stem)) {
      const size_t before = w.prefixes.size();
      add_truncation(w, trimmed, stem, *vocabulary);
      w.guessed = w.prefixes.size() > before;
    }
  }
  return w;
}

/// A typed word as the index pipeline reads it: trimmed, possessive folded.
std::u16string_view index_form(std::u16string_view word) { return fold_possessive(trim_token(word)); }

/// lunr's '-' split of a chunk, trimmed and folded, empty pieces dropped.
std::vector<std::u16string> pieces_of(std::u16string_view chunk) {
  std::vector<std::u16string> pieces;
  size_t from = 0;
  for (size_t j = 0; j <= chunk.size(); ++j) {
    if (j < chunk.size() && chunk[j] != u'-') continue;
    std::u16string piece(index_form(chunk.substr(from, j - from)));
    if (!piece.empty()) pieces.push_back(std::move(piece));
    from = j + 1;
  }
  return pieces;
}

bool own_term(const QueryWord& word, std::string_view term) {
  for (const auto& e : word.exact)
    if (term == e) return true;
  for (const auto& p : word.prefixes)
    if (term.size() >= p.size() && term.substr(0, p.size()) == p) return true;
  return false;
}

}  // namespace

std::vector<QueryWord> plan_query(std::string_view query, const std::vector<std::string>& stop_words,
                                  const SynonymTable& synonyms, const Vocabulary* vocabulary) {
  std::unordered_set<std::string> stops(stop_words.begin(), stop_words.end());
  std::vector<QueryWord> words;
  auto seen = [&](const std::string& text) {
    return std::any_of(words.begin(), words.end(), [&](const QueryWord& o) { return o.text == text; });
  };
  const std::u16string lower = js_to_lower(utf8_to_utf16(sanitize_utf8(query)));
  // Whitespace-separated chunks, then lunr's '-' split inside each.
  size_t start = 0;
  for (size_t i = 0; i <= lower.size(); ++i) {
    if (i < lower.size() && !is_js_space(lower[i])) continue;
    std::u16string_view chunk = std::u16string_view(lower).substr(start, i - start);
    start = i + 1;
    std::string record, anchor;
    if (const size_t slash = chunk.rfind(u'/'); slash != std::u16string_view::npos && slash > 0) {
      const std::u16string_view after = trim_token(chunk.substr(slash + 1));
      const bool plain = !after.empty() && std::all_of(after.begin(), after.end(), [](char16_t c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
      });
      if (plain && pieces_of(chunk.substr(0, slash)).size() >= 2) {
        record = utf16_to_utf8(trim_token(chunk.substr(0, slash)));
        anchor = utf16_to_utf8(after);
        chunk = chunk.substr(0, slash);
      }
    }
    const std::vector<std::u16string> pieces = pieces_of(chunk);
    if (pieces.size() >= 2) {
      std::u16string joined_raw;
      for (char16_t c : chunk)
        if (c != u'-') joined_raw += c;
      const std::u16string joined(index_form(joined_raw));
      QueryWord w = make_word(joined, synonyms, vocabulary);
      if (stops.count(w.text) || seen(w.text)) continue;
      for (const auto& piece : pieces) {
        const std::string text = utf16_to_utf8(piece);
        if (stops.count(text) ||
            std::any_of(w.parts.begin(), w.parts.end(), [&](const QueryWord& o) { return o.text == text; }))
          continue;
        w.parts.push_back(make_word(piece, synonyms, vocabulary));
      }
      w.record = std::move(record);
      w.anchor = std::move(anchor);
      words.push_back(std::move(w));
      continue;
    }
    for (const auto& piece : pieces) {
      const std::string text = utf16_to_utf8(piece);
      if (stops.count(text) || seen(text)) continue;
      words.push_back(make_word(piece, synonyms, vocabulary));
    }
  }
  return words;
}

bool word_matches_term(const QueryWord& word, std::string_view term) {
  if (own_term(word, term)) return true;
  for (const auto& part : word.parts)
    if (own_term(part, term)) return true;
  return false;
}

bool word_found(const QueryWord& word, const std::vector<std::string_view>& terms) {
  for (std::string_view t : terms)
    if (own_term(word, t)) return true;
  if (word.parts.empty()) return false;
  for (const auto& part : word.parts) {
    bool hit = false;
    for (std::string_view t : terms)
      if (own_term(part, t)) hit = true;
    if (!hit) return false;
  }
  return true;
}

ExcerptMatch find_excerpt(std::string_view text, const std::vector<QueryWord>& words, size_t width) {
  ExcerptMatch result;
  const std::u16string u = utf8_to_utf16(text);
  std::vector<bool> seen(words.size(), false);
  size_t first = std::u16string::npos;
  size_t start = 0;
  std::vector<std::pair<std::string, size_t>> stems;  // non-empty tokens: stem, start
  for (size_t i = 0; i <= u.size(); ++i) {
    if (i < u.size() && !is_js_space(u[i]) && u[i] != u'-') continue;
    if (i > start) {
      const std::u16string lower = js_to_lower(std::u16string_view(u).substr(start, i - start));
      std::u16string token(index_form(lower));
      if (!token.empty()) {
        const std::string raw = utf16_to_utf8(token);
        const std::string stem = utf16_to_utf8(lunr_stem(token));
        stems.emplace_back(stem, start);
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
  // A many-word synonym counts as its word ("child in need" for "CIN").
  for (size_t w = 0; w < words.size(); ++w)
    for (const auto& phrase : words[w].phrases)
      for (size_t k = 0; k + phrase.size() <= stems.size(); ++k) {
        size_t j = 0;
        while (j < phrase.size() && stems[k + j].first == phrase[j]) ++j;
        if (j < phrase.size()) continue;
        if (!seen[w]) ++result.words_matched;
        seen[w] = true;
        first = std::min(first, stems[k].second);
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
