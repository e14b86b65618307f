#include "search/lunr_stem.h"

#include <array>
#include <initializer_list>

#include "search/unicode.h"

namespace qahub::search {
namespace {

using Str = std::u16string;
using View = std::u16string_view;

// --- Character classes of the original regexes (one UTF-16 unit each). ---
bool in(char16_t c, View set) { return set.find(c) != View::npos; }
bool cls_c(char16_t c) { return !in(c, u"aeiou"); }        // c = [^aeiou]
bool cls_v(char16_t c) { return in(c, u"aeiouy"); }        // v = [aeiouy]
bool cls_not_v(char16_t c) { return !in(c, u"aeiouy"); }   // [^aeiouy]
bool cls_aeiou(char16_t c) { return in(c, u"aeiou"); }     // [aeiou]
bool cls_nwxy(char16_t c) { return !in(c, u"aeiouwxy"); }  // [^aeiouwxy]
// JS `.` without the s flag: anything but a line terminator.
bool is_line_terminator(char16_t c) { return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029; }

bool has_line_terminator(View s) {
  for (char16_t c : s)
    if (is_line_terminator(c)) return true;
  return false;
}

// --- A tiny NFA for the measure regexes, which are sequences of
// "one unit of class X, then any number of class Y" with optional groups. ---
using Class = bool (*)(char16_t);
struct Item {
  Class cls;
  bool star;
};

// Pattern: items, plus epsilon edges (from state, to state) for optional groups.
struct Pattern {
  std::initializer_list<Item> items;
  std::initializer_list<std::pair<int, int>> skips;
  bool anchored_end;
};

constexpr Item kC0{cls_c, false}, kC1{cls_not_v, true};  // C = c[^aeiouy]*
constexpr Item kV0{cls_v, false}, kV1{cls_aeiou, true};  // V = v[aeiou]*
constexpr Item kLastNwxy{cls_nwxy, false};

// ^(C)?VC
const Pattern kMgr0{{kC0, kC1, kV0, kV1, kC0, kC1}, {{0, 2}}, false};
// ^(C)?VC(V)?$
const Pattern kMeq1{{kC0, kC1, kV0, kV1, kC0, kC1, kV0, kV1}, {{0, 2}, {6, 8}}, true};
// ^(C)?VCVC
const Pattern kMgr1{{kC0, kC1, kV0, kV1, kC0, kC1, kV0, kV1, kC0, kC1}, {{0, 2}}, false};
// ^(C)?v
const Pattern kSv{{kC0, kC1, kV0}, {{0, 2}}, false};
// ^Cv[^aeiouwxy]$
const Pattern kCvc{{kC0, kC1, kV0, kLastNwxy}, {}, true};

bool match(const Pattern& p, View s) {
  const Item* items = p.items.begin();
  const int n = static_cast<int>(p.items.size());
  std::array<bool, 16> cur{}, next{};
  auto close = [&](std::array<bool, 16>& st) {
    // Epsilon edges only go forward, so one pass in state order suffices.
    for (int i = 0; i <= n; ++i) {
      if (!st[i]) continue;
      if (i < n && items[i].star) st[i + 1] = true;
      for (auto [from, to] : p.skips)
        if (from == i) st[to] = true;
    }
  };
  cur[0] = true;
  close(cur);
  for (char16_t ch : s) {
    if (!p.anchored_end && cur[n]) return true;
    next.fill(false);
    bool any = false;
    for (int i = 0; i < n; ++i) {
      if (!cur[i] || !items[i].cls(ch)) continue;
      // A starred item loops; a single item advances.
      next[items[i].star ? i : i + 1] = true;
      any = true;
    }
    if (!any) return false;
    close(next);
    cur = next;
  }
  return cur[n];
}

bool ends_with(View s, View suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// /^(.+?)(s1|s2|...)$/: the lazy group makes the shortest non-empty prefix win,
// i.e. the longest listed suffix that leaves at least one unit. Returns the
// suffix index or -1; the prefix must be free of line terminators.
int match_suffix_list(View w, std::initializer_list<View> suffixes, size_t& stem_len) {
  int best = -1;
  size_t best_len = 0;
  int idx = 0;
  for (View suf : suffixes) {
    if (w.size() > suf.size() && ends_with(w, suf) && suf.size() > best_len) {
      best = idx;
      best_len = suf.size();
    }
    ++idx;
  }
  if (best < 0) return -1;
  stem_len = w.size() - best_len;
  if (has_line_terminator(w.substr(0, stem_len))) return -1;
  return best;
}

// /^(.+?)SUFFIX$/ for one literal suffix.
bool match_suffix(View w, View suffix) {
  return w.size() > suffix.size() && ends_with(w, suffix) &&
         !has_line_terminator(w.substr(0, w.size() - suffix.size()));
}

// w.replace(/.$/, "")
void drop_last_dot(Str& w) {
  if (!w.empty() && !is_line_terminator(w.back())) w.pop_back();
}

constexpr std::initializer_list<View> kStep2Suffixes = {
    u"ational", u"tional",  u"enci",    u"anci",    u"izer",  u"bli",    u"alli",
    u"entli",   u"eli",     u"ousli",   u"ization", u"ation", u"ator",   u"alism",
    u"iveness", u"fulness", u"ousness", u"aliti",   u"iviti", u"biliti", u"logi"};
constexpr std::initializer_list<View> kStep2Replacements = {u"ate", u"tion", u"ence", u"ance", u"ize", u"ble", u"al",
                                                            u"ent", u"e",    u"ous",  u"ize",  u"ate", u"ate", u"al",
                                                            u"ive", u"ful",  u"ous",  u"al",   u"ive", u"ble", u"log"};
constexpr std::initializer_list<View> kStep3Suffixes = {u"icate", u"ative", u"alize", u"iciti",
                                                        u"ical",  u"ful",   u"ness"};
constexpr std::initializer_list<View> kStep3Replacements = {u"ic", u"", u"al", u"ic", u"ic", u"", u""};
constexpr std::initializer_list<View> kStep4Suffixes = {u"al",   u"ance", u"ence",  u"er",   u"ic",  u"able",
                                                        u"ible", u"ant",  u"ement", u"ment", u"ent", u"ou",
                                                        u"ism",  u"ate",  u"iti",   u"ous",  u"ive", u"ize"};

}  // namespace

std::u16string lunr_stem(std::u16string_view word) {
  Str w(word);
  if (w.size() < 3) return w;
  const bool first_y = w[0] == u'y';
  if (first_y) w[0] = u'Y';

  // Step 1a: /^(.+?)(ss|i)es$/ → $1$2, else /^(.+?)([^s])s$/ → $1$2.
  if ((match_suffix(w, u"sses") || match_suffix(w, u"ies"))) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 3 && w.back() == u's' && w[w.size() - 2] != u's' &&
             !has_line_terminator(View(w).substr(0, w.size() - 2))) {
    w.pop_back();
  }

  // Step 1b.
  if (match_suffix(w, u"eed")) {
    if (match(kMgr0, View(w).substr(0, w.size() - 3))) drop_last_dot(w);
  } else {
    size_t cut = 0;
    if (match_suffix(w, u"ed"))
      cut = 2;
    else if (match_suffix(w, u"ing"))
      cut = 3;
    if (cut != 0 && match(kSv, View(w).substr(0, w.size() - cut))) {
      w.resize(w.size() - cut);
      if (ends_with(w, u"at") || ends_with(w, u"bl") || ends_with(w, u"iz")) {
        w += u'e';
      } else if (w.size() >= 2 && w.back() == w[w.size() - 2] && !in(w.back(), u"aeiouylsz")) {
        drop_last_dot(w);
      } else if (match(kCvc, w)) {
        w += u'e';
      }
    }
  }

  // Step 1c: /^(.+?[^aeiou])y$/ → $1 + "i".
  if (w.size() >= 3 && w.back() == u'y' && cls_c(w[w.size() - 2]) &&
      !has_line_terminator(View(w).substr(0, w.size() - 2))) {
    w.back() = u'i';
  }

  // Step 2.
  size_t stem_len = 0;
  if (int k = match_suffix_list(w, kStep2Suffixes, stem_len); k >= 0) {
    if (match(kMgr0, View(w).substr(0, stem_len))) {
      w.resize(stem_len);
      w += kStep2Replacements.begin()[k];
    }
  }

  // Step 3.
  if (int k = match_suffix_list(w, kStep3Suffixes, stem_len); k >= 0) {
    if (match(kMgr0, View(w).substr(0, stem_len))) {
      w.resize(stem_len);
      w += kStep3Replacements.begin()[k];
    }
  }

  // Step 4: the suffix list, else /^(.+?)(s|t)(ion)$/.
  if (match_suffix_list(w, kStep4Suffixes, stem_len) >= 0) {
    if (match(kMgr1, View(w).substr(0, stem_len))) w.resize(stem_len);
  } else if (match_suffix(w, u"sion") || match_suffix(w, u"tion")) {
    if (match(kMgr1, View(w).substr(0, w.size() - 3))) w.resize(w.size() - 3);
  }

  // Step 5: /^(.+?)e$/, then /ll$/.
  if (match_suffix(w, u"e")) {
    View stem = View(w).substr(0, w.size() - 1);
    if (match(kMgr1, stem) || (match(kMeq1, stem) && !match(kCvc, stem))) w.pop_back();
  }
  if (ends_with(w, u"ll") && match(kMgr1, w)) drop_last_dot(w);

  if (first_y) w[0] = u'y';
  return w;
}

const std::u16string& StemCache::stem_of(Entry& e, std::u16string_view word) {
  if (!e.stemmed) {
    e.stem = lunr_stem(word);
    e.stemmed = true;
  }
  ++e.count;
  return e.stem;
}

std::string LunrStem::operator()(const std::string& word) {
  auto it = cache_.find(word);
  if (it != cache_.end()) return it->second;
  std::string stem = utf16_to_utf8(lunr_stem(utf8_to_utf16(word)));
  if (cache_.size() > 200000) cache_.clear();
  cache_.emplace(word, stem);
  return stem;
}

}  // namespace qahub::search
