#include "search/suggest.h"

#include <algorithm>

#include "search/js_json.h"
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
  struct Best {
    uint64_t total = 0;
    const std::u16string* surface = nullptr;
    uint64_t surface_count = 0;
  };
  std::unordered_map<std::u16string, Best> by_stem;
  for (const auto& [surface, entry] : counts) {
    if (entry.second == 0) continue;
    Best& b = by_stem[entry.first];
    b.total += entry.second;
    if (!plain_word(surface)) continue;
    if (!b.surface || entry.second > b.surface_count || (entry.second == b.surface_count && surface < *b.surface)) {
      b.surface = &surface;
      b.surface_count = entry.second;
    }
  }
  std::vector<std::pair<uint64_t, const std::u16string*>> ranked;
  for (const auto& [stem, b] : by_stem)
    if (b.surface) ranked.emplace_back(b.total, b.surface);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  });
  if (ranked.size() > kMaxSuggestionWords) ranked.resize(kMaxSuggestionWords);
  std::vector<std::string> out;
  out.reserve(ranked.size());
  for (const auto& r : ranked) out.push_back(utf16_to_utf8(*r.second));
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
  for (const std::string& candidate : words) {
    const std::u16string c = utf8_to_utf16(candidate);
    if (c == w || bounded_distance(w, c, max) > max) continue;
    out.push_back(candidate);
    if (out.size() == 3) break;
  }
  return out;
}

}  // namespace qahub::search
