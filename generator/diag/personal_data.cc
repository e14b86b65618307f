#include "diag/personal_data.h"

#include <algorithm>

namespace qahub::diag {
namespace {

/// One rule's diagnostic. Listed in priority order: when matches overlap, the
/// earlier rule wins (the more specific one: a valid NHS number that also looks
/// like a phone number is an NHS number).
struct Rule {
  const char* kind;
  Severity severity;
  const char* not_what;  ///< "the hub holds roles, not …"
  const char* unless;    ///< "allow it … if it is …"
};
constexpr Rule kNhsNumber{"NHS number", Severity::kError, "case records", "a made-up example"};
constexpr Rule kPossibleNhs{"possible NHS number", Severity::kWarning, "case records", "a made-up example"};
constexpr Rule kEmail{"e-mail address", Severity::kError, "contact details", "a shared service address"};
constexpr Rule kPhone{"phone number", Severity::kError, "contact details", "a shared service address"};
constexpr Rule kPostcode{"postcode", Severity::kError, "home addresses", "an office address"};
constexpr Rule kDateOfBirth{"date of birth", Severity::kError, "case records", "a made-up example"};
constexpr const Rule* kRules[] = {&kNhsNumber, &kPossibleNhs, &kEmail, &kPhone, &kPostcode, &kDateOfBirth};

struct Match {
  size_t begin;
  size_t end;
  const Rule* rule;
};

int rank_of(const Rule* rule) {
  return static_cast<int>(std::find(std::begin(kRules), std::end(kRules), rule) - kRules);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_local_char(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool is_domain_char(char c) { return is_alnum(c) || c == '.' || c == '-'; }
bool has(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }
bool at(std::string_view t, size_t i, std::string_view s) { return t.substr(std::min(i, t.size()), s.size()) == s; }

/// Length of a space at `i`: ' ', U+00A0 (C2 A0) or the entity `&nbsp;`; else 0.
size_t space_len_at(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == ' ') return 1;
  if (t[i] == '\xC2') return at(t, i, "\xC2\xA0") ? 2 : 0;
  return t[i] == '&' && at(t, i, "&nbsp;") ? 6 : 0;
}
/// The same for a space ending just before `i`.
size_t space_len_before(std::string_view t, size_t i) {
  if (i == 0) return 0;
  if (t[i - 1] == ' ') return 1;
  if (t[i - 1] == '\xA0') return i >= 2 && t[i - 2] == '\xC2' ? 2 : 0;
  return t[i - 1] == ';' && i >= 6 && t.substr(i - 6, 6) == "&nbsp;" ? 6 : 0;
}
/// Spaces, tabs and carriage returns: what splits words for the date-of-birth rule.
size_t blank_len_at(std::string_view t, size_t i) {
  return i < t.size() && (t[i] == '\t' || t[i] == '\r') ? 1 : space_len_at(t, i);
}
size_t blank_len_before(std::string_view t, size_t i) {
  return i > 0 && (t[i - 1] == '\t' || t[i - 1] == '\r') ? 1 : space_len_before(t, i);
}

size_t digit_run(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size() && is_digit(t[j])) ++j;
  return j - i;
}
int number_at(std::string_view t, size_t i, size_t len) {
  int n = 0;
  for (size_t k = i; k < i + len; ++k) n = n * 10 + (t[k] - '0');
  return n;
}

/// True when the digits starting at `i` continue a word or a longer number
/// ("A12", "1.12", "12 943 …"): then they are not an identifier of their own.
bool glued_before(std::string_view t, size_t i) {
  if (i == 0) return false;
  if (is_alnum(t[i - 1])) return true;
  size_t s = space_len_before(t, i);
  if (s == 0 && has(".,/-:", t[i - 1])) s = 1;
  return s > 0 && i > s && is_digit(t[i - s - 1]);
}
bool glued_after(std::string_view t, size_t end) {
  if (end >= t.size()) return false;
  if (is_alnum(t[end])) return true;
  size_t s = space_len_at(t, end);
  if (s == 0 && has(".,/-:", t[end])) s = 1;
  return s > 0 && end + s < t.size() && is_digit(t[end + s]);
}

// E-mail: local@domain.tld with a dot in the domain and a letter TLD.
void find_emails(std::string_view text, std::vector<Match>& out) {
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
    for (char c : domain.substr(dot + 1)) tld_alpha = tld_alpha && is_alpha(c);
    if (tld_alpha) out.push_back({b, e, &kEmail});
  }
}

/// Length of a separator between a phone number's digit groups at `j`, else 0.
size_t phone_sep_len(std::string_view t, size_t j) {
  if (size_t s = space_len_at(t, j)) return s;
  return j < t.size() && has("-.()", t[j]) ? 1 : 0;
}

// UK phone: starts with 0, +44 or 0044 (optionally "+44 (0)"), then digits with
// single separators between; 10 or 11 digits counting the leading 0. Dots do not
// mix with other separators, so "01.03.2015 10" (a date, then a count) is not one.
void find_phones(std::string_view text, const std::vector<size_t>& runs, std::vector<Match>& out) {
  // A number starts at a run of digits ("0…", "0044…") or just before one ("+44", "(0").
  size_t resume = 0;  // just past the last number found
  for (size_t k = 0; k < 2 * runs.size(); ++k) {
    const size_t run = runs[k / 2];
    if (k % 2 == 0 && run == 0) continue;
    const size_t i = k % 2 == 0 ? run - 1 : run;
    if (i < resume) continue;
    if (text[i] != '0' && text[i] != '+' && text[i] != '(') continue;
    if (i > 0 && (is_local_char(text[i - 1]) || text[i - 1] == '+')) continue;
    size_t j = i;
    bool intl = false;
    if (at(text, i, "+44") || at(text, i, "0044")) {
      intl = true;
      j = i + (text[i] == '+' ? 3 : 4);
      size_t k = j + space_len_at(text, j);
      if (at(text, k, "(0)")) j = k + 3;  // "+44 (0)20 …": the trunk 0 is shown but not dialled
      if (j >= text.size() || text[j] == '(' || !(is_digit(text[j]) || phone_sep_len(text, j))) continue;
    } else if (text[i] == '(' && i + 1 < text.size() && text[i + 1] == '0') {
      j = i + 1;
    } else if (text[i] != '0') {
      continue;
    }
    std::string only = intl ? "0" : "";  // the national number: +44 becomes the trunk prefix 0
    size_t last_digit = j;
    bool dots = false, others = false;
    while (j < text.size() && only.size() <= 11) {
      if (is_digit(text[j])) {
        only += text[j];
        last_digit = j++;
        continue;
      }
      size_t s = phone_sep_len(text, j);
      size_t next = j + s;
      if (s == 0 || next >= text.size() ||
          !(is_digit(text[next]) || text[next] == '(' || (text[j] == ')' && space_len_at(text, next))))
        break;
      if (text[j] != '(' && text[j] != ')') {
        bool dot = text[j] == '.';
        if (dot ? others : dots) break;
        (dot ? dots : others) = true;
      }
      j = next;
    }
    size_t end = last_digit + 1;
    bool next_is_digit = end < text.size() && is_digit(text[end]);
    // A number must start 01, 02, 03, 05, 07, 08 or 09 after the 0 (not a year or a code like 0001).
    if ((only.size() == 10 || only.size() == 11) && !next_is_digit && only[1] != '0' && only[1] != '4' &&
        only[1] != '6') {
      out.push_back({i, end, &kPhone});
      resume = end;
    }
  }
}

bool nhs_check_digit_valid(const std::string& d) {
  int sum = 0;
  for (int k = 0; k < 9; ++k) sum += (d[k] - '0') * (10 - k);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == d[9] - '0';
}

/// Between the groups of an NHS number: a hyphen or a dot, or any run of
/// whitespace (spaces, tabs, U+00A0, `&nbsp;`, a line break where a line
/// was wrapped). Its length at `i`, or 0.
size_t nhs_separator_at(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == '-' || t[i] == '.') return 1;
  size_t j = i;
  for (size_t n; j < t.size(); j += n) {
    n = t[j] == '\n' ? 1 : blank_len_at(t, j);
    if (n == 0) break;
  }
  return j - i;
}

/// "NHS" (any case, punctuation around it aside) among the five words before `i`.
bool nhs_named_before(std::string_view t, size_t i) {
  size_t k = i;
  for (int words = 0; words < 5 && k > 0; ++words) {
    while (k > 0 && !is_alnum(t[k - 1]) && t[k - 1] != '\n') --k;  // spaces and punctuation
    if (k == 0 || t[k - 1] == '\n') return false;
    const size_t end = k;
    while (k > 0 && is_alnum(t[k - 1])) --k;
    const std::string_view word = t.substr(k, end - k);
    if (word.size() == 3 && to_lower(word[0]) == 'n' && to_lower(word[1]) == 'h' && to_lower(word[2]) == 's')
      return true;
  }
  return false;
}

// NHS number: ten digits as 3-3-4 split by separators, or unspaced. A valid
// check digit is an NHS number; an invalid one is a possible NHS number only
// when "NHS" comes just before it (ten digits alone are too common).
void find_nhs_numbers(std::string_view text, const std::vector<size_t>& runs, std::vector<Match>& out) {
  for (const size_t i : runs) {
    size_t end = 0;
    const size_t run = digit_run(text, i);
    std::string digits;
    if (run == 10) {
      end = i + 10;
      digits = text.substr(i, 10);
    } else if (run == 3) {
      size_t s1 = nhs_separator_at(text, i + 3);
      size_t g2 = i + 3 + s1;
      size_t s2 = s1 && digit_run(text, g2) == 3 ? nhs_separator_at(text, g2 + 3) : 0;
      size_t g3 = g2 + 3 + s2;
      if (s2 && digit_run(text, g3) == 4) {
        end = g3 + 4;
        digits = std::string(text.substr(i, 3)) + std::string(text.substr(g2, 3)) + std::string(text.substr(g3, 4));
      }
    }
    if (end && !glued_before(text, i) && !glued_after(text, end)) {
      if (nhs_check_digit_valid(digits))
        out.push_back({i, end, &kNhsNumber});
      else if (nhs_named_before(text, i))
        out.push_back({i, end, &kPossibleNhs});
    }
  }
}

// Full postcode: outward code A9, A99, AA9, AA99, A9A or AA9A, one space, inward
// code 9AA, with the letters Royal Mail uses in each place. Capitals only and the
// space required, so codes and words in ordinary text ("KS2", "A12BCD") pass.
void find_postcodes(std::string_view text, const std::vector<size_t>& runs, std::vector<Match>& out) {
  auto letter_in = [](char c, std::string_view excluded) { return is_upper(c) && !has(excluded, c); };
  auto get = [&](size_t k) { return k < text.size() ? text[k] : '\0'; };
  // The outward code's first digit starts a run, one or two letters in.
  for (size_t k = 0; k < 2 * runs.size(); ++k) {
    const size_t back = k % 2 == 0 ? 2 : 1;
    if (runs[k / 2] < back) continue;
    const size_t i = runs[k / 2] - back;
    if (!letter_in(text[i], "QVX") || (i > 0 && is_alnum(text[i - 1]))) continue;
    size_t j = i + 1;
    bool two_letter_area = letter_in(get(j), "IJZ");
    if (two_letter_area) ++j;
    if (!is_digit(get(j))) continue;
    ++j;
    if (is_digit(get(j)) || (is_upper(get(j)) && has(two_letter_area ? "ABEHMNPRVWXY" : "ABCDEFGHJKPSTUW", get(j))))
      ++j;
    size_t s = space_len_at(text, j);
    if (s == 0) continue;
    j += s;
    if (is_digit(get(j)) && letter_in(get(j + 1), "CIKMOV") && letter_in(get(j + 2), "CIKMOV") && !is_alnum(get(j + 3)))
      out.push_back({i, j + 3, &kPostcode});
  }
}

/// Length of an English month name or its abbreviation at `i` (any case), else 0.
size_t month_len_at(std::string_view t, size_t i) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december",
                                                 "sept",    "jan",      "feb",       "mar",     "apr",      "jun",
                                                 "jul",     "aug",      "sep",       "oct",     "nov",      "dec"};
  for (std::string_view m : kMonths) {
    if (i + m.size() > t.size() || (i + m.size() < t.size() && is_alpha(t[i + m.size()]))) continue;
    bool same = true;
    for (size_t k = 0; k < m.size() && same; ++k) same = to_lower(t[i + k]) == m[k];
    if (same) return m.size();
  }
  return 0;
}

/// End of a date starting at `i` (12/03/2015, 12.03.2015, 12-03-2015,
/// 12 March 2015, 12th March 2015, 2015-03-12; years 1900-2099), else 0.
size_t date_end_at(std::string_view t, size_t i) {
  auto year_at = [&](size_t k) { return digit_run(t, k) == 4 && (at(t, k, "19") || at(t, k, "20")); };
  auto month_ok = [](int m) { return m >= 1 && m <= 12; };
  auto day_ok = [](int d) { return d >= 1 && d <= 31; };
  size_t run = digit_run(t, i);
  if (run == 4) {
    if (year_at(i) && at(t, i + 4, "-") && digit_run(t, i + 5) == 2 && at(t, i + 7, "-") && digit_run(t, i + 8) == 2 &&
        month_ok(number_at(t, i + 5, 2)) && day_ok(number_at(t, i + 8, 2)))
      return i + 10;
    return 0;
  }
  if ((run != 1 && run != 2) || !day_ok(number_at(t, i, run))) return 0;
  size_t j = i + run;
  if (j < t.size() && has("/.-", t[j])) {
    char sep = t[j];
    size_t m = digit_run(t, j + 1);
    if (m < 1 || m > 2 || !month_ok(number_at(t, j + 1, m))) return 0;
    size_t k = j + 1 + m;
    return k < t.size() && t[k] == sep && year_at(k + 1) ? k + 5 : 0;
  }
  if (at(t, j, "st") || at(t, j, "nd") || at(t, j, "rd") || at(t, j, "th")) j += 2;
  size_t s = space_len_at(t, j);
  size_t m = s ? month_len_at(t, j + s) : 0;
  if (m == 0) return 0;
  j += s + m;
  s = space_len_at(t, j);
  return s && year_at(j + s) ? j + s + 4 : 0;
}

/// A word's letters, lower-cased, without the punctuation around or inside it
/// (`"DOB":` → "dob", `date_of_birth` → "dateofbirth").
std::string word_core(std::string_view t, size_t b, size_t e) {
  std::string core;
  for (size_t k = b; k < e; ++k)
    if (is_alpha(t[k])) core += to_lower(t[k]);
  return core;
}
bool word_has_alnum(std::string_view t, size_t b, size_t e) {
  return std::any_of(t.begin() + b, t.begin() + e, is_alnum);
}
bool ends_sentence(std::string_view t, size_t b, size_t e) {
  while (e > b && has(")]\"'", t[e - 1])) --e;
  return e > b && has(".!?", t[e - 1]);
}

/// Longer "words" (a minified JSON line, a data URI) end the search for a
/// keyword, so a line full of dates costs no more than one pass over it.
constexpr size_t kMaxWordBytes = 64;

/// The words around a date on its line, nearest first, up to a sentence end:
/// calls `visit(begin, end)` for each until it returns true.
template <typename Visit>
bool any_word_before(std::string_view t, size_t p, Visit visit) {
  while (true) {
    size_t q = p;
    while (size_t s = blank_len_before(t, q)) q -= s;
    if (q == 0 || t[q - 1] == '\n') return false;
    size_t b = q;
    while (b > 0 && t[b - 1] != '\n' && !blank_len_before(t, b))
      if (q - --b > kMaxWordBytes) return false;
    if (q < p && ends_sentence(t, b, q)) return false;  // [b, q) closes the sentence before
    if (visit(b, q)) return true;
    p = b;
  }
}
template <typename Visit>
bool any_word_after(std::string_view t, size_t p, Visit visit) {
  while (true) {
    size_t q = p;
    while (size_t s = blank_len_at(t, q)) q += s;
    if (q == t.size() || t[q] == '\n' || (q > p && ends_sentence(t, 0, p))) return false;
    size_t e = q;
    while (e < t.size() && t[e] != '\n' && !blank_len_at(t, e))
      if (++e - q > kMaxWordBytes) return false;
    if (visit(q, e)) return true;
    p = e;
  }
}

/// True when "DOB", "born" or "date of birth" is at most six words from the date
/// at [begin, end), in the same sentence and line.
bool near_birth_keyword(std::string_view t, size_t begin, size_t end) {
  auto next_core = [&](size_t from, bool backward) {
    std::string core;
    auto take = [&](size_t b, size_t e) {
      core = word_core(t, b, e);
      from = backward ? b : e;
      return true;
    };
    backward ? any_word_before(t, from, take) : any_word_after(t, from, take);
    return std::pair{core, from};
  };
  for (bool backward : {true, false}) {
    int words = 0;
    bool found = false;
    auto visit = [&](size_t b, size_t e) {
      if (!word_has_alnum(t, b, e)) return false;  // "|", "-", a quote: not a word
      std::string core = word_core(t, b, e);
      found = core == "dob" || core == "born" || core == "dateofbirth";
      if (core == (backward ? "birth" : "date")) {  // "date of birth", seen from its nearer end
        auto [second, after_second] = next_core(backward ? b : e, backward);
        found = second == "of" && next_core(after_second, backward).first == (backward ? "date" : "birth");
      }
      return found || ++words == 6;
    };
    backward ? any_word_before(t, begin, visit) : any_word_after(t, end, visit);
    if (found) return true;
  }
  return false;
}

// Date of birth: a date near "DOB", "date of birth" or "born".
void find_dates_of_birth(std::string_view text, const std::vector<size_t>& runs, std::vector<Match>& out) {
  size_t resume = 0;  // just past the last date found
  for (const size_t i : runs) {
    if (i < resume) continue;
    size_t end = glued_before(text, i) ? 0 : date_end_at(text, i);
    if (end && !glued_after(text, end) && near_birth_keyword(text, i, end)) {
      out.push_back({i, end, &kDateOfBirth});
      resume = end;
    }
  }
}

/// Where each run of digits starts. Every rule but the e-mail one matches
/// digits and starts at most two bytes before its first run, so those rules
/// look there and not at every byte (every page's source passes here).
std::vector<size_t> digit_run_starts(std::string_view text) {
  std::vector<size_t> runs;
  bool in_run = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool digit = is_digit(text[i]);
    if (digit && !in_run) runs.push_back(i);
    in_run = digit;
  }
  return runs;
}

}  // namespace

std::vector<PersonalDataHit> find_personal_data(std::string_view text) {
  std::vector<Match> matches;
  const std::vector<size_t> runs = digit_run_starts(text);
  find_nhs_numbers(text, runs, matches);
  find_emails(text, matches);
  find_phones(text, runs, matches);
  find_postcodes(text, runs, matches);
  find_dates_of_birth(text, runs, matches);
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : rank_of(a.rule) < rank_of(b.rule);
  });
  // One diagnostic per string: of overlapping matches keep the higher-priority
  // rule. Kept matches never overlap, so only the last can clash with the next.
  std::vector<Match> kept;
  for (const Match& m : matches) {
    if (!kept.empty() && kept.back().end > m.begin) {
      if (rank_of(kept.back().rule) <= rank_of(m.rule)) continue;
      kept.pop_back();
    }
    kept.push_back(m);
  }
  std::vector<PersonalDataHit> out;
  int line = 1;
  size_t line_start = 0, scanned = 0;
  for (const Match& m : kept) {
    for (; scanned < m.begin; ++scanned)
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    out.push_back(PersonalDataHit{std::string(text.substr(m.begin, m.end - m.begin)), m.rule->kind, m.rule->severity,
                                  line, static_cast<int>(m.begin - line_start) + 1});
  }
  return out;
}

namespace {

Severity severity_of(const PersonalDataHit& hit, const PersonalDataPolicy& policy) {
  if (hit.kind == kDateOfBirth.kind) return policy.date_of_birth;
  if (hit.kind == kPostcode.kind) return policy.postcode;
  return hit.severity;
}

void report(const PersonalDataHit& hit, const Position& at, const PersonalDataPolicy& policy, Diagnostics& diags) {
  if (std::find(policy.allow.begin(), policy.allow.end(), hit.text) != policy.allow.end()) return;
  const Rule* rule =
      *std::find_if(std::begin(kRules), std::end(kRules), [&](const Rule* r) { return hit.kind == r->kind; });
  // A line break inside the match (a wrapped NHS number) is shown as a space.
  std::string shown = hit.text;
  std::replace(shown.begin(), shown.end(), '\n', ' ');
  diags.report(severity_of(hit, policy), at,
               hit.kind + " \"" + shown + "\" (the hub holds roles, not " + rule->not_what +
                   "; allow it in qahub.yaml allow_personal_data if it is " + rule->unless + ")");
}

}  // namespace

void check_personal_data(std::string_view text, const std::string& path, int line_offset,
                         const PersonalDataPolicy& policy, Diagnostics& diags) {
  for (const PersonalDataHit& hit : find_personal_data(text))
    report(hit, {path, hit.line + line_offset, hit.col}, policy, diags);
}

void check_personal_data_at(std::string_view text, const Position& at, const PersonalDataPolicy& policy,
                            Diagnostics& diags) {
  for (const PersonalDataHit& hit : find_personal_data(text))
    report(hit, {at.path, at.line + hit.line - 1, hit.line == 1 ? at.col + hit.col - 1 : hit.col}, policy, diags);
}

}  // namespace qahub::diag
