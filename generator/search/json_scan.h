#pragma once
/// A forward-only reader of the JSON that JSON.stringify writes, for the
/// search files `qahub search` reads (index.json, meta.json): no DOM, so a
/// 30 MB index loads in a fraction of what a general parser needs.
#include <charconv>
#include <string>
#include <string_view>

#include "search/unicode.h"

namespace qahub::search {

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : s_(text) {}

  bool failed() const { return failed_; }
  bool fail() {
    failed_ = true;
    return false;
  }

  void ws() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\n' || s_[p_] == '\r' || s_[p_] == '\t')) ++p_;
  }
  bool eat(char c) {
    ws();
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool expect(char c) { return eat(c) || fail(); }

  /// A string as UTF-16 units (JSON's \u escapes are units too).
  bool string(std::u16string& out) {
    out.clear();
    if (!eat('"')) return fail();
    size_t start = p_;
    for (;;) {
      if (p_ >= s_.size()) return fail();
      const char c = s_[p_];
      if (c == '"' || c == '\\') {
        if (p_ > start) out += utf8_to_utf16(s_.substr(start, p_ - start));
        if (c == '"') {
          ++p_;
          return true;
        }
        if (++p_ >= s_.size()) return fail();
        const char e = s_[p_++];
        switch (e) {
          case '"':
            out += u'"';
            break;
          case '\\':
            out += u'\\';
            break;
          case '/':
            out += u'/';
            break;
          case 'b':
            out += u'\b';
            break;
          case 'f':
            out += u'\f';
            break;
          case 'n':
            out += u'\n';
            break;
          case 'r':
            out += u'\r';
            break;
          case 't':
            out += u'\t';
            break;
          case 'u': {
            if (p_ + 4 > s_.size()) return fail();
            unsigned v = 0;
            auto r = std::from_chars(s_.data() + p_, s_.data() + p_ + 4, v, 16);
            if (r.ptr != s_.data() + p_ + 4) return fail();
            out += static_cast<char16_t>(v);
            p_ += 4;
            break;
          }
          default:
            return fail();
        }
        start = p_;
      } else {
        ++p_;
      }
    }
  }
  /// A string without escapes as a view of the text (the usual case for
  /// refs and keys); one with escapes decoded into `buffer`.
  bool raw_string(std::string_view& out, std::string& buffer) {
    ws();
    if (p_ >= s_.size() || s_[p_] != '"') return fail();
    const size_t end = s_.find_first_of("\"\\", p_ + 1);
    if (end != std::string_view::npos && s_[end] == '"') {
      out = s_.substr(p_ + 1, end - p_ - 1);
      p_ = end + 1;
      return true;
    }
    if (!string(buffer)) return false;
    out = buffer;
    return true;
  }

  size_t position() {
    ws();
    return p_;
  }
  std::string_view slice(size_t from, size_t to) const { return s_.substr(from, to - from); }

  bool string(std::string& out) {
    std::u16string u;
    if (!string(u)) return false;
    out = utf16_to_utf8(u);
    return true;
  }

  bool number(double& out) {
    ws();
    auto r = std::from_chars(s_.data() + p_, s_.data() + s_.size(), out);
    if (r.ec != std::errc()) return fail();
    p_ = static_cast<size_t>(r.ptr - s_.data());
    return true;
  }

  /// Skips any value (metadata, version, pipeline).
  bool skip() {
    ws();
    if (p_ >= s_.size()) return fail();
    const char c = s_[p_];
    if (c == '"') {
      std::u16string ignored;
      return string(ignored);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++p_;
      if (eat(close)) return true;
      do {
        if (c == '{') {
          std::u16string key;
          if (!string(key) || !expect(':')) return false;
        }
        if (!skip()) return false;
      } while (eat(','));
      return expect(close);
    }
    if (c == 't' || c == 'f' || c == 'n') {
      while (p_ < s_.size() && s_[p_] >= 'a' && s_[p_] <= 'z') ++p_;
      return true;
    }
    double ignored;
    return number(ignored);
  }

  /// Calls `each()` for every element of an array.
  template <typename F>
  bool array(F each) {
    if (!expect('[')) return false;
    if (eat(']')) return true;
    do {
      if (!each()) return fail();
    } while (eat(','));
    return expect(']');
  }
  /// Calls `each(key)` for every member of an object.
  template <typename F>
  bool object(F each) {
    if (!expect('{')) return false;
    if (eat('}')) return true;
    do {
      std::u16string key;
      if (!string(key) || !expect(':') || !each(key)) return fail();
    } while (eat(','));
    return expect('}');
  }

 private:
  std::string_view s_;
  size_t p_ = 0;
  bool failed_ = false;
};

}  // namespace qahub::search
