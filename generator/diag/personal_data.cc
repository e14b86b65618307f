#include "diag/personal_data.h"

#include <algorithm>

namespace qahub::diag {
namespace {

bool is_local_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

void position_of(std::string_view text, size_t offset, int& line, int& col) {
  line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  col = static_cast<int>(offset - line_start) + 1;
}

}  // namespace

std::vector<PersonalDataHit> find_personal_data(std::string_view text) {
  std::vector<std::pair<size_t, PersonalDataHit>> hits;
  // E-mail: local@domain.tld with a dot in the domain and a letter TLD.
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    size_t b = at;
    while (b > 0 && is_local_char(text[b - 1])) --b;
    size_t e = at + 1;
    while (e < text.size() && is_domain_char(text[e])) ++e;
    while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    while (b < at && text[b] == '.') ++b;
    if (b == at || e == at + 1) continue;
    std::string_view domain = text.substr(at + 1, e - at - 1);
    size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) continue;
    bool tld_alpha = true;
    for (char c : domain.substr(dot + 1)) tld_alpha = tld_alpha && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (!tld_alpha) continue;
    hits.push_back({b, PersonalDataHit{std::string(text.substr(b, e - b)), "e-mail address"}});
  }
  // UK phone: starts with 0 or +44, then digits with single spaces, hyphens or
  // brackets between; 10 or 11 digits with the leading 0 (9–10 after +44).
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && (is_digit(text[i - 1]) || is_local_char(text[i - 1]) || text[i - 1] == '+')) continue;
    size_t j = i;
    bool intl = false;
    if (text.substr(i, 3) == "+44") {
      intl = true;
      j = i + 3;
    } else if (text[i] == '(' && i + 1 < text.size() && text[i + 1] == '0') {
      j = i + 1;
    } else if (text[i] != '0') {
      continue;
    }
    int digits = intl ? 1 : 0;  // count the implied 0 for +44
    size_t last_digit = j;
    while (j < text.size()) {
      char c = text[j];
      if (is_digit(c)) {
        ++digits;
        last_digit = j;
        ++j;
      } else if ((c == ' ' || c == '-' || c == '(' || c == ')') && j + 1 < text.size() &&
                 (is_digit(text[j + 1]) || text[j + 1] == '(' || (c == ')' && text[j + 1] == ' '))) {
        ++j;
      } else {
        break;
      }
      if (digits > 11) break;
    }
    if (intl && digits >= 2 && text[i + 3] != ' ' && !is_digit(text[i + 3])) continue;
    size_t end = last_digit + 1;
    bool next_is_digit = end < text.size() && is_digit(text[end]);
    if ((digits == 10 || digits == 11) && !next_is_digit) {
      std::string_view raw = text.substr(i, end - i);
      // A number must start 01, 02, 03, 05, 07, 08 or 09 after the 0 (not a year or a code like 0001).
      std::string only;
      for (char c : raw)
        if (is_digit(c)) only += c;
      if (intl) {  // +44 7700 … → 07700 …: the country code becomes the trunk prefix 0
        only.erase(0, 1);
        only[0] = '0';
      }
      if (only.size() >= 2 && only[1] != '0' && only[1] != '4' && only[1] != '6') {
        hits.push_back({i, PersonalDataHit{std::string(raw), "phone number"}});
        i = end;
      }
    }
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<PersonalDataHit> out;
  for (auto& [offset, hit] : hits) {
    position_of(text, offset, hit.line, hit.col);
    out.push_back(std::move(hit));
  }
  return out;
}

void check_personal_data(std::string_view text, const std::string& path, int line_offset,
                         const std::vector<std::string>& allow, Diagnostics& diags) {
  for (const PersonalDataHit& hit : find_personal_data(text)) {
    if (std::find(allow.begin(), allow.end(), hit.text) != allow.end()) continue;
    diags.error({path, hit.line + line_offset, hit.col},
                hit.kind + " \"" + hit.text + "\" (the hub holds roles, not contact details; allow it in qahub.yaml " +
                    "allow_personal_data if it is a shared service address)");
  }
}

}  // namespace qahub::diag
