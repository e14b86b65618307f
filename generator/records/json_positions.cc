#include "records/json_positions.h"

#include "diag/json_parse.h"

namespace qahub::records {

/// A recursive-descent reader that records positions instead of building values.
class JsonScanner {
 public:
  JsonScanner(std::string_view text, JsonPositions& out) : text_(text), out_(out) {}

  void run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark, as some editors write
    skip_ws();
    LineCol at = here();
    out_.entries_[""] = {at, at};
    value("");
  }

 private:
  LineCol here() const { return {line_, static_cast<int>(pos_ - line_start_) + 1}; }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }

  void skip_ws() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
  }

  static void append_utf8(std::string& s, unsigned cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(unsigned& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      if (at_end()) return false;
      char c = peek();
      unsigned d;
      if (c >= '0' && c <= '9')
        d = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        d = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        d = static_cast<unsigned>(c - 'A' + 10);
      else
        return false;
      out = out * 16 + d;
      advance();
    }
    return true;
  }

  /// Reads a string starting at '"'; returns false on malformed input.
  bool string(std::string& s) {
    if (peek() != '"') return false;
    advance();
    while (!at_end()) {
      char c = peek();
      if (c == '"') {
        advance();
        return true;
      }
      if (c != '\\') {
        s += c;
        advance();
        continue;
      }
      advance();
      if (at_end()) return false;
      char e = peek();
      advance();
      switch (e) {
        case 'n':
          s += '\n';
          break;
        case 't':
          s += '\t';
          break;
        case 'r':
          s += '\r';
          break;
        case 'b':
          s += '\b';
          break;
        case 'f':
          s += '\f';
          break;
        case 'u': {
          unsigned cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && peek() == '\\') {
            advance();
            if (peek() != 'u') return false;
            advance();
            unsigned lo;
            if (!hex4(lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          append_utf8(s, cp);
          break;
        }
        default:
          s += e;
          break;
      }
    }
    return false;
  }

  bool value(const std::string& ptr) {
    char c = peek();
    if (c == '{' || c == '[') {
      // parse_json refuses deeper documents first; this keeps the scan's
      // recursion bounded whatever it is given.
      if (depth_ >= diag::kMaxJsonDepth) return false;
      ++depth_;
      const bool ok = c == '{' ? object(ptr) : array(ptr);
      --depth_;
      return ok;
    }
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    // number, true, false, null
    size_t start = pos_;
    while (!at_end() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' && peek() != '\n' &&
           peek() != '\r' && peek() != '\t')
      advance();
    return pos_ > start;
  }

  bool object(const std::string& ptr) {
    advance();  // '{'
    skip_ws();
    if (peek() == '}') {
      advance();
      return true;
    }
    while (!at_end()) {
      skip_ws();
      LineCol key_at = here();
      std::string key;
      if (!string(key)) return false;
      skip_ws();
      if (peek() != ':') return false;
      advance();
      skip_ws();
      std::string child = ptr + "/" + JsonPositions::escape(key);
      out_.entries_[child] = {here(), key_at};
      if (!value(child)) return false;
      skip_ws();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '}') {
        advance();
        return true;
      }
      return false;
    }
    return false;
  }

  bool array(const std::string& ptr) {
    advance();  // '['
    skip_ws();
    if (peek() == ']') {
      advance();
      return true;
    }
    for (size_t index = 0; !at_end(); ++index) {
      skip_ws();
      std::string child = ptr + "/" + std::to_string(index);
      out_.entries_[child] = {here(), here()};
      if (!value(child)) return false;
      skip_ws();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == ']') {
        advance();
        return true;
      }
      return false;
    }
    return false;
  }

  std::string_view text_;
  JsonPositions& out_;
  size_t pos_ = 0;
  size_t depth_ = 0;  ///< arrays and objects open around pos_
  size_t line_start_ = 0;
  int line_ = 1;
};

JsonPositions JsonPositions::scan(std::string_view text) {
  JsonPositions p;
  JsonScanner(text, p).run();
  return p;
}

std::optional<LineCol> JsonPositions::value(const std::string& pointer) const {
  auto it = entries_.find(pointer);
  if (it == entries_.end()) return std::nullopt;
  return it->second.value;
}

std::optional<LineCol> JsonPositions::key(const std::string& pointer) const {
  auto it = entries_.find(pointer);
  if (it == entries_.end()) return std::nullopt;
  return it->second.key;
}

LineCol JsonPositions::nearest(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (auto v = value(p)) return *v;
    if (p.empty()) return {};
    p.erase(p.rfind('/'));
  }
}

std::string JsonPositions::escape(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string JsonPositions::pointer(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) out += "/" + escape(t);
  return out;
}

}  // namespace qahub::records
