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

#include "search/word_table.h"

namespace qahub::search {

/// lunr.stemmer on one token (UTF-16 units in and out).
std::u16string lunr_stem(std::u16string_view word);

/// lunr.stemmer with a memo. Not thread-safe: one per thread or per build.
/// It also counts how often each word was stemmed: the index's surface
/// forms, for suggestions (suggest.h), at the cost of one increment. Stop
/// words live in the same table (add_stop_word), so the analyzer's stop-word
/// check and its stemming are one lookup per token.
class StemCache {
 public:
  /// The stem of `word`, counted as one more sighting.
  const std::u16string& stem(std::u16string_view word) { return stem_of(entry(word), word); }
  /// stem(), or nullptr (and not counted) when `word` is a stop word.
  const std::u16string* stem_unless_stop(std::u16string_view word) {
    Entry& e = entry(word);
    return e.stop ? nullptr : &stem_of(e, word);
  }
  void add_stop_word(std::u16string_view word) { entry(word).stop = true; }
  bool is_stop_word(std::u16string_view word) const {
    const uint32_t id = words_.find(word);
    return id != WordTable::kNone && entries_[id].stop;
  }
  /// f(word, stem, count) for every word stem() was asked for, in first-seen order.
  template <typename F>
  void for_each(F&& f) const {
    for (uint32_t id = 0; id < entries_.size(); ++id)
      if (entries_[id].count) f(words_.word(id), entries_[id].stem, entries_[id].count);
  }

 private:
  struct Entry {
    std::u16string stem;
    uint64_t count = 0;
    bool stemmed = false;
    bool stop = false;
  };
  Entry& entry(std::u16string_view word) {
    const auto [id, added] = words_.insert(word);
    if (added) entries_.emplace_back();
    return entries_[id];
  }
  const std::u16string& stem_of(Entry& e, std::u16string_view word);

  WordTable words_;
  std::vector<Entry> entries_;
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
