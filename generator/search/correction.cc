#include "search/correction.h"

#include <algorithm>

namespace qahub::search {

std::vector<std::vector<size_t>> correction_order(const std::vector<size_t>& choices) {
  // Later words get fewer alternatives once the product passes the cap, so a
  // long query with many misspellings stays a few dozen searches.
  std::vector<size_t> limited;
  size_t product = 1;
  for (size_t c : choices) {
    const size_t k = std::max<size_t>(1, std::min(c, kMaxCorrectionCombinations / product));
    limited.push_back(k);
    product *= k;
  }
  std::vector<std::vector<size_t>> combos = {{}};
  for (size_t k : limited) {
    std::vector<std::vector<size_t>> next;
    for (const auto& combo : combos)
      for (size_t r = 0; r < k; ++r) {
        next.push_back(combo);
        next.back().push_back(r);
      }
    combos = std::move(next);
  }
  auto sum = [](const std::vector<size_t>& c) {
    size_t s = 0;
    for (size_t r : c) s += r;
    return s;
  };
  std::stable_sort(combos.begin(), combos.end(), [&](const auto& a, const auto& b) { return sum(a) < sum(b); });
  if (combos.size() > kMaxCorrectionsTried) combos.resize(kMaxCorrectionsTried);
  return combos;
}

std::string correct_query(const std::vector<QueryWord>& words, const std::vector<bool>& lost,
                          const std::vector<std::vector<std::string>>& nearest,
                          const std::function<bool(const std::string&)>& has_results) {
  std::vector<std::vector<std::string>> choices;
  std::string original;
  for (size_t i = 0; i < words.size(); ++i) {
    original += (i ? " " : "") + words[i].text;
    if (!lost[i]) {
      choices.push_back({words[i].text});
      continue;
    }
    std::vector<std::string> c = nearest[i];
    if (words[i].guessed) c.push_back(words[i].text);
    if (c.empty()) return "";
    choices.push_back(std::move(c));
  }
  std::vector<size_t> counts;
  for (const auto& c : choices) counts.push_back(c.size());
  std::string first;
  for (const std::vector<size_t>& combo : correction_order(counts)) {
    std::string text;
    for (size_t i = 0; i < combo.size(); ++i) text += (i ? " " : "") + choices[i][combo[i]];
    if (text == original) continue;
    if (first.empty()) first = text;
    if (has_results(text)) return text;
  }
  return first;
}

}  // namespace qahub::search
