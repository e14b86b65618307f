#include "search/tokenizer.h"

#include "search/unicode.h"

namespace qahub::search {

namespace {

/// Calls f(start, end) for each token of the lower-cased `text`: lunr.tokenizer
/// splits on whitespace and hyphens.
template <typename F>
void for_each_token(std::u16string_view lower, F&& f) {
  const size_t len = lower.size();
  size_t start = 0;
  for (size_t end = 0; end <= len; ++end) {
    if (end == len || is_js_space(lower[end]) || lower[end] == u'-') {
      if (end > start) f(start, end);
      start = end + 1;
    }
  }
}

}  // namespace

std::vector<Token> tokenize(std::u16string_view text) {
  const std::u16string lower = js_to_lower(text);
  std::vector<Token> tokens;
  for_each_token(lower, [&](size_t start, size_t end) {
    Token t;
    t.text = lower.substr(start, end - start);
    t.start = static_cast<uint32_t>(start);
    t.length = static_cast<uint32_t>(end - start);
    t.index = static_cast<uint32_t>(tokens.size());
    tokens.push_back(std::move(t));
  });
  return tokens;
}

std::u16string_view trim_token(std::u16string_view token) {
  size_t b = 0;
  size_t e = token.size();
  while (b < e && !is_js_word(token[b])) ++b;
  while (e > b && !is_js_word(token[e - 1])) --e;
  return token.substr(b, e - b);
}

std::u16string_view fold_possessive(std::u16string_view token) {
  auto apostrophe = [](char16_t c) { return c == u'\'' || c == u'\u2019'; };
  const size_t n = token.size();
  if (n > 2 && token[n - 1] == u's' && apostrophe(token[n - 2])) return token.substr(0, n - 2);
  if (n > 1 && apostrophe(token[n - 1])) return token.substr(0, n - 1);
  return token;
}

const std::vector<std::string>& lunr_stop_words() {
  static const std::vector<std::string> words = {
      "a",      "able",    "about",  "across", "after", "all",    "almost",  "also", "am",    "among",   "an",
      "and",    "any",     "are",    "as",     "at",    "be",     "because", "been", "but",   "by",      "can",
      "cannot", "could",   "dear",   "did",    "do",    "does",   "either",  "else", "ever",  "every",   "for",
      "from",   "get",     "got",    "had",    "has",   "have",   "he",      "her",  "hers",  "him",     "his",
      "how",    "however", "i",      "if",     "in",    "into",   "is",      "it",   "its",   "just",    "least",
      "let",    "like",    "likely", "may",    "me",    "might",  "most",    "must", "my",    "neither", "no",
      "nor",    "not",     "of",     "off",    "often", "on",     "only",    "or",   "other", "our",     "own",
      "rather", "said",    "say",    "says",   "she",   "should", "since",   "so",   "some",  "than",    "that",
      "the",    "their",   "them",   "then",   "there", "these",  "they",    "this", "tis",   "to",      "too",
      "twas",   "us",      "wants",  "was",    "we",    "were",   "what",    "when", "where", "which",   "while",
      "who",    "whom",    "why",    "will",   "with",  "would",  "yet",     "you",  "your"};
  return words;
}

const std::vector<std::string>& qahub_stop_words() {
  // Kept searchable: duties ("must", "should", "cannot", "may"), negation
  // ("not", "no") and question words practitioners type ("who", "what",
  // "when", "where", "why", "how").
  static const std::vector<std::string> words = [] {
    const std::unordered_set<std::string> keep = {"must", "should", "cannot", "may",   "might", "not", "no",
                                                  "who",  "what",   "when",   "where", "why",   "how"};
    std::vector<std::string> out;
    for (const auto& w : lunr_stop_words())
      if (!keep.count(w)) out.push_back(w);
    return out;
  }();
  return words;
}

Analyzer::Analyzer(const std::vector<std::string>& stop_words) {
  for (const auto& w : stop_words) stems_.add_stop_word(utf8_to_utf16(w));
}

std::vector<Token> Analyzer::analyze(std::u16string_view text) {
  // tokenize() then the filters, without a string per token on the way: a
  // token is looked up by its view into the lower-cased text, and only the
  // stems kept are copied.
  const std::u16string lower = js_to_lower(text);
  std::vector<Token> out;
  uint32_t index = 0;  // every token counts, kept or not
  for_each_token(lower, [&](size_t start, size_t end) {
    const std::u16string_view word(lower.data() + start, end - start);
    if (const std::u16string* stem = stems_.stem_unless_stop(fold_possessive(trim_token(word)))) {
      Token t;
      t.text = *stem;
      t.start = static_cast<uint32_t>(start);
      t.length = static_cast<uint32_t>(end - start);
      t.index = index;
      out.push_back(std::move(t));
    }
    ++index;
  });
  return out;
}

}  // namespace qahub::search
