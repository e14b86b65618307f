#include "search/suggest.h"

#include <algorithm>

#include "search/js_json.h"
#include "search/lunr_stem.h"
#include "search/unicode.h"

namespace qahub::search {
namespace {

bool plain_word(const std::u16string& w) {
  return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char16_t c) { return c >= u'a' && c <= u'z'; });
}

/// Levenshtein distance, or max + 1 once it must exceed `max`.
size_t bounded_distance(const std::u16string& a, const std::u16string& b, size_t max) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > max) return max + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > max) return max + 1;
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> suggestion_words(const SurfaceCounts& counts) {
  struct Stem {
    uint64_t total = 0;
    std::vector<std::pair<uint64_t, const std::u16string*>> forms;  ///< plain surface forms, with counts
  };
  // Keyed by views of the stems in `counts` (its nodes do not move): no copy.
  std::unordered_map<std::u16string_view, Stem> by_stem;
  by_stem.reserve(counts.size());
  for (const auto& [surface, entry] : counts) {
    if (entry.second == 0) continue;
    Stem& s = by_stem[entry.first];
    s.total += entry.second;
    if (plain_word(surface)) s.forms.emplace_back(entry.second, &surface);
  }
  auto more_often = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  };
  std::vector<std::pair<uint64_t, Stem*>> ranked;
  for (auto& [stem, s] : by_stem) {
    if (s.forms.empty()) continue;
    std::sort(s.forms.begin(), s.forms.end(), more_often);
    ranked.emplace_back(s.total, &s);
  }
  // Stems are told apart by their most used form (no two stems share a form).
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second->forms[0].second < *b.second->forms[0].second;
  });
  std::vector<std::string> out;
  for (const auto& r : ranked)
    for (const auto& form : r.second->forms) {
      if (out.size() == kMaxSuggestionWords) return out;
      out.push_back(utf16_to_utf8(*form.second));
    }
  return out;
}

std::string suggestion_words_json(const std::vector<std::string>& words) {
  std::string out = "[";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += ',';
    append_js_string(out, words[i]);
  }
  out += ']';
  return out;
}

std::vector<std::string> nearest_words(const std::string& word, const std::vector<std::string>& words) {
  const std::u16string w = utf8_to_utf16(word);
  std::vector<std::string> out;
  if (w.size() < 3) return out;
  const size_t max = w.size() >= 5 ? 2 : 1;
  std::vector<std::u16string> stems;  // one word per stem: "father", not also "fathers"
  for (const std::string& candidate : words) {
    const std::u16string c = utf8_to_utf16(candidate);
    if (c == w || bounded_distance(w, c, max) > max) continue;
    std::u16string stem = lunr_stem(c);
    if (std::find(stems.begin(), stems.end(), stem) != stems.end()) continue;
    stems.push_back(std::move(stem));
    out.push_back(candidate);
    if (out.size() == 3) break;
  }
  return out;
}

}  // namespace qahub::search
