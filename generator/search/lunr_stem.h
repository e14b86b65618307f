#pragma once
/// A port of `lunr.stemmer` (lunr.js 2.3.9: Martin Porter's JavaScript stemmer
/// with his "departures" and a Porter2-style step 1c). No Xapian stemmer
/// matches it (see generator/search/README.md §3), and the browser stems queries with
/// lunr.stemmer, so the index and `qahub search` must use exactly this.
///
/// The regular expressions of the original are hand-compiled over UTF-16 code
/// units (JS string semantics: `.` excludes line terminators, classes match
/// single units), in linear time and without recursion, so a 100,000-character
/// token is fine.
///
///   Xapian::Stem stem(new qahub::search::LunrStem);
///   stem("abbeys");  // "abbey"
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <xapian.h>

namespace qahub::search {

/// lunr.stemmer on one token (UTF-16 units in and out).
std::u16string lunr_stem(std::u16string_view word);

/// lunr.stemmer with a memo. Not thread-safe: one per thread or per build.
/// It also counts how often each word was stemmed: the index's surface
/// forms, for suggestions (suggest.h), at the cost of one increment.
class StemCache {
 public:
  const std::u16string& stem(const std::u16string& word);

  /// word → (stem, times stem() was asked for it).
  const std::unordered_map<std::u16string, std::pair<std::u16string, uint64_t>>& entries() const { return cache_; }

 private:
  std::unordered_map<std::u16string, std::pair<std::u16string, uint64_t>> cache_;
};

/// lunr.stemmer as a Xapian stemmer: UTF-8 in and out, memoized.
class LunrStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override;
  std::string get_description() const override { return "lunr"; }

 private:
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace qahub::search
