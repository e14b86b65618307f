#include "search/synonyms.h"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "diag/json_parse.h"
#include "search/unicode.h"

namespace qahub::search {

std::vector<std::u16string> phrase_stems(std::string_view text) {
  static thread_local StemCache cache;
  std::vector<std::u16string> out;
  for (const Token& t : tokenize(utf8_to_utf16(text))) {
    // Read as the index reads words: "children's" and "children’s" alike.
    std::u16string trimmed(fold_possessive(trim_token(t.text)));
    if (!trimmed.empty()) out.push_back(cache.stem(trimmed));
  }
  return out;
}

SynonymTable SynonymTable::parse(std::string_view text, const std::string& path, diag::Diagnostics& diags) {
  SynonymTable table;
  // The same reading as the record loader's, so the same error is reported once.
  auto parsed = diag::parse_json(text, path, diags);
  if (!parsed) return table;
  const nlohmann::json& j = *parsed;
  if (!j.is_object() || !j.contains("groups") || !j["groups"].is_array()) {
    diags.error({path, 0, 0}, "expected an object with a \"groups\" array");
    return table;
  }
  size_t index = 0;
  for (const auto& g : j["groups"]) {
    std::vector<std::string> group;
    bool ok = g.is_array() && g.size() >= 2;
    if (ok) {
      for (const auto& v : g) {
        if (!v.is_string() || v.get<std::string>().empty()) {
          ok = false;
          break;
        }
        group.push_back(sanitize_utf8(v.get<std::string>()));
      }
    }
    if (!ok) {
      diags.error({path, 0, 0},
                  "groups/" + std::to_string(index) + ": expected an array of at least two non-empty strings");
    } else {
      std::vector<std::vector<std::u16string>> stems;
      for (const auto& v : group) stems.push_back(phrase_stems(v));
      table.groups_.push_back(std::move(group));
      table.stems_.push_back(std::move(stems));
    }
    ++index;
  }
  return table;
}

std::string SynonymTable::expansion_for(std::string_view text) const {
  if (groups_.empty()) return {};
  std::vector<std::u16string> words = phrase_stems(text);
  // First stem → (group, variant) for a single pass over the text.
  std::unordered_map<std::u16string, std::vector<std::pair<size_t, size_t>>> by_first;
  for (size_t g = 0; g < stems_.size(); ++g)
    for (size_t v = 0; v < stems_[g].size(); ++v)
      if (!stems_[g][v].empty()) by_first[stems_[g][v][0]].emplace_back(g, v);
  std::vector<std::vector<bool>> found(groups_.size());
  for (size_t g = 0; g < groups_.size(); ++g) found[g].assign(groups_[g].size(), false);
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = by_first.find(words[i]);
    if (it == by_first.end()) continue;
    for (auto [g, v] : it->second) {
      const auto& phrase = stems_[g][v];
      if (i + phrase.size() <= words.size() &&
          std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<long>(i)))
        found[g][v] = true;
    }
  }
  std::string out;
  for (size_t g = 0; g < groups_.size(); ++g) {
    if (std::find(found[g].begin(), found[g].end(), true) == found[g].end()) continue;
    for (size_t v = 0; v < groups_[g].size(); ++v) {
      if (found[g][v]) continue;
      if (!out.empty()) out += " ; ";
      out += groups_[g][v];
    }
  }
  return out;
}

std::vector<std::string> SynonymTable::alternatives_for_stem(const std::string& stem) const {
  const std::u16string s = utf8_to_utf16(stem);
  std::vector<std::string> out;
  for (const auto& group : stems_) {
    bool hit = false;
    for (const auto& v : group)
      if (v.size() == 1 && v[0] == s) hit = true;
    if (!hit) continue;
    for (const auto& v : group) {
      if (v.size() != 1 || v[0] == s) continue;
      std::string alt = utf16_to_utf8(v[0]);
      if (std::find(out.begin(), out.end(), alt) == out.end()) out.push_back(alt);
    }
  }
  return out;
}

std::vector<std::vector<std::string>> SynonymTable::phrases_for_stem(const std::string& stem) const {
  const std::u16string s = utf8_to_utf16(stem);
  std::vector<std::vector<std::string>> out;
  for (const auto& group : stems_)
    for (const auto& v : group) {
      if (v.size() != 1 || v[0] != s) continue;
      for (const auto& o : group) {
        if (o.size() <= 1) continue;
        std::vector<std::string> phrase;
        for (const auto& t : o) phrase.push_back(utf16_to_utf8(t));
        out.push_back(std::move(phrase));
      }
    }
  return out;
}

}  // namespace qahub::search
