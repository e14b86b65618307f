#include "search/js_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_set>

namespace qahub::search {

void append_js_number(std::string& out, double value) {
  if (std::isnan(value) || std::isinf(value)) {
    out += "null";
    return;
  }
  if (value == 0) {
    out += '0';
    return;
  }
  // Fast path: nearly every number in an index is whole or one of lunr's
  // scores rounded to three decimals. When value is exactly the double
  // nearest m/1000 (and far below 1e21), the shortest digits that give it
  // back are m/1000's own, trailing zeros dropped: any shorter decimal is at
  // least 0.001 away, far more than half a unit in the last place.
  if (std::fabs(value) < 1e12) {
    const double m = std::nearbyint(value * 1000);
    if (m / 1000 == value) {
      const auto whole = static_cast<long long>(std::fabs(m));
      char buf[32];
      char* end = std::to_chars(buf, buf + sizeof buf, whole / 1000).ptr;
      if (int frac = static_cast<int>(whole % 1000)) {
        *end++ = '.';
        *end++ = static_cast<char>('0' + frac / 100);
        *end++ = static_cast<char>('0' + frac / 10 % 10);
        *end++ = static_cast<char>('0' + frac % 10);
        while (end[-1] == '0') --end;
      }
      if (m < 0) out += '-';
      out.append(buf, end);
      return;
    }
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  // sci is "[-]d[.ddd]e±xx".
  bool negative = sci.front() == '-';
  if (negative) sci.remove_prefix(1);
  size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits += c;
  int exp10 = 0;
  std::string_view exp_text = sci.substr(e_pos + 1);
  if (exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp10);
  // ECMAScript Number::toString with k digits and n = exponent + 1.
  const int k = static_cast<int>(digits.size());
  const int n = exp10 + 1;
  if (negative) out += '-';
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<size_t>(n));
    out += '.';
    out.append(digits, static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    out += (n - 1 >= 0) ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
}

void append_js_string(std::string& out, std::string_view text) {
  out += '"';
  size_t plain = 0;  // start of the run not yet appended: bytes that need no escape go in whole runs
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(text, plain);
  out += '"';
}

double js_round(double x) {
  double f = std::floor(x);
  return (x - f >= 0.5) ? f + 1 : f;
}

std::optional<uint32_t> js_array_index(std::string_view key) {
  if (key.empty() || key.size() > 10) return std::nullopt;
  if (key.size() > 1 && key[0] == '0') return std::nullopt;
  uint64_t v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > 4294967294ULL) return std::nullopt;
  return static_cast<uint32_t>(v);
}

std::vector<size_t> js_key_order(const std::vector<std::string>& keys) {
  std::vector<std::pair<uint32_t, size_t>> ints;
  std::vector<size_t> others;
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!seen.insert(keys[i]).second) continue;
    if (auto v = js_array_index(keys[i]))
      ints.emplace_back(*v, i);
    else
      others.push_back(i);
  }
  std::sort(ints.begin(), ints.end());
  std::vector<size_t> order;
  order.reserve(ints.size() + others.size());
  for (auto& p : ints) order.push_back(p.second);
  order.insert(order.end(), others.begin(), others.end());
  return order;
}

}  // namespace qahub::search
