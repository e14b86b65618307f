#pragma once
/// Words (UTF-16 units, as lunr sees them) numbered in first-seen order, in
/// one open-addressing table. Analysis looks up every token of every page
/// (millions at 10,000 pages) twice: the stem cache, then the index's term
/// numbers. std::unordered_map did that through a node and a bucket per word,
/// a cache miss or two each time; here a lookup is one probe into a flat
/// array of (hash, number) pairs, and the word is compared only on a hash match.
///
///   WordTable t;
///   auto [id, added] = t.insert(u"child");  // 0, true
///   t.insert(u"child");                     // 0, false
///   t.word(0);                              // u"child"
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qahub::search {

class WordTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  /// The number of `word`: its own if known, else the next one (size()).
  std::pair<uint32_t, bool> insert(std::u16string_view word) {
    if ((words_.size() + 1) * 4 > slots_.size() * 3) grow();
    const uint64_t h = hash(word);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.id == kNone) {
        s = Slot{static_cast<uint32_t>(h), static_cast<uint32_t>(words_.size())};
        words_.emplace_back(word);
        return {s.id, true};
      }
      if (s.hash == static_cast<uint32_t>(h) && words_[s.id] == word) return {s.id, false};
    }
  }
  /// The number of `word`, or kNone.
  uint32_t find(std::u16string_view word) const {
    if (words_.empty()) return kNone;
    const uint64_t h = hash(word);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == kNone) return kNone;
      if (s.hash == static_cast<uint32_t>(h) && words_[s.id] == word) return s.id;
    }
  }
  size_t size() const { return words_.size(); }
  const std::u16string& word(uint32_t id) const { return words_[id]; }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t id = kNone;
  };
  /// FNV-1a over the units, then a multiply to spread short words' bits.
  static uint64_t hash(std::u16string_view word) {
    uint64_t h = 14695981039346656037ull;
    for (char16_t c : word) h = (h ^ c) * 1099511628211ull;
    return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull;
  }
  void grow() {
    const size_t n = slots_.empty() ? 1024 : slots_.size() * 2;
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(n));
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.id == kNone) continue;
      size_t i = hash(words_[s.id]) & mask_;
      while (slots_[i].id != kNone) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<std::u16string> words_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace qahub::search
