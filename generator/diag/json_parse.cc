#include "diag/json_parse.h"

#include <algorithm>

#include "base/text.h"

namespace qahub::diag {

using nlohmann::json;

namespace {

/// nlohmann's DOM builder, except that an error is kept (with the offset the
/// parser knows) instead of thrown: the thrown exception carries an offset for
/// parse_error only, not for out_of_range.
class Builder : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  Builder(json& root, JsonError& error) : json_sax_dom_parser(root, false), error_(error) {}

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
    failed_ = true;
    std::string what = ex.what();
    if constexpr (std::is_same_v<Exception, json::parse_error>) {
      // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while …"
      error_.offset = ex.byte > 0 ? ex.byte - 1 : 0;
      const size_t colon = what.find(": ", what.find("column"));
      error_.reason = colon == std::string::npos ? what : what.substr(colon + 2);
    } else if (ex.id == 406) {
      // "number overflow parsing '1e999'": the parser stands just after the number.
      error_.offset = position >= token.size() ? position - token.size() : 0;
      error_.reason = "number " + token + " is too large";
    } else {
      error_.offset = position;
      const size_t bracket = what.find("] ");
      error_.reason = bracket == std::string::npos ? what : what.substr(bracket + 2);
    }
    return false;
  }

  bool failed() const { return failed_; }

 private:
  JsonError& error_;
  bool failed_ = false;
};

/// The byte where arrays and objects first nest deeper than kMaxJsonDepth,
/// or npos. A linear scan outside strings: the parse and every walk of the
/// document after it (the position scanner, schema checks, snapshot
/// comparisons) may then recurse without a stack to fear.
size_t too_deep(std::string_view text) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

bool curly_quote_at(std::string_view text, size_t i) {
  if (i + 3 > text.size() || text[i] != '\xE2' || text[i + 1] != '\x80') return false;
  const unsigned char c = static_cast<unsigned char>(text[i + 2]);
  return c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D;
}

/// The first byte of the UTF-8 character holding byte `i`.
size_t char_start(std::string_view text, size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

/// nlohmann's reason ends "…; last read: '<bytes>'", which may stop inside a
/// UTF-8 character: the bytes are replaced by the whole characters the text
/// has there, and a curly quote (pasted from a word processor) gets its fix.
void explain(std::string_view text, JsonError& error) {
  const size_t at = char_start(text, std::min(error.offset, text.size()));
  for (size_t i = at; i < text.size() && i < at + 4; ++i)
    if (curly_quote_at(text, char_start(text, i))) {
      error.offset = char_start(text, i);
      error.reason = "curly quotes: use straight quotes (\")";
      return;
    }
  const size_t last = error.reason.find("last read: '");
  if (last == std::string::npos) return;
  const std::string bytes = error.reason.substr(last + 12);
  if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return;
  // Non-ASCII bytes may stop inside a character: name the whole character
  // where the parse stopped instead.
  const size_t begin = char_start(text, std::min(error.offset, text.size() ? text.size() - 1 : 0));
  size_t stop = std::min(text.size(), begin + 1);
  while (stop < text.size() && (static_cast<unsigned char>(text[stop]) & 0xC0) == 0x80) ++stop;
  error.offset = begin;
  error.reason = error.reason.substr(0, last) + "last read: '" + std::string(text.substr(begin, stop - begin)) + "'";
}

}  // namespace

std::optional<json> parse_json(std::string_view text, JsonError& error) {
  if (const size_t deep = too_deep(text); deep != std::string_view::npos) {
    error = {deep, "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep"};
    return std::nullopt;
  }
  json root;
  Builder builder(root, error);
  try {
    const bool ok = json::sax_parse(text, &builder);
    if (ok && !builder.failed()) return root;
    if (!builder.failed()) error = {0, "cannot be read"};
    explain(text, error);
  } catch (const json::exception& e) {  // nothing in sax_parse should throw; belt and braces
    error = {0, e.what()};
  }
  return std::nullopt;
}

std::optional<json> parse_json(std::string_view text, const std::string& path, Diagnostics& diags) {
  JsonError error;
  auto doc = parse_json(text, error);
  if (!doc) {
    const base::LineCol lc = base::line_col_at(text, error.offset);
    diags.error({path, lc.line, lc.col}, "invalid JSON: " + error.reason);
  }
  return doc;
}

}  // namespace qahub::diag
