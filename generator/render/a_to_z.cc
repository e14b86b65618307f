#include "render/a_to_z.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "base/text.h"

namespace qahub::render {

using nlohmann::json;

namespace {

/// Base letters of U+00C0–U+017F (Latin-1 Supplement letters and Latin
/// Extended-A), lower case; '*' is a symbol (× ÷). Ligatures and letters
/// spelt with two in English are in two_letter_fold().
constexpr std::string_view kLatinFold =
    "aaaaaaaceeeeiiiidnooooo*ouuuuyts"  // U+00C0–U+00DF
    "aaaaaaaceeeeiiiidnooooo*ouuuuyty"  // U+00E0–U+00FF
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";  // U+0100–U+017F

std::string_view two_letter_fold(unsigned cp) {
  switch (cp) {
    case 0xC6:
    case 0xE6:
      return "ae";  // Æ æ
    case 0xDE:
    case 0xFE:
      return "th";  // Þ þ
    case 0xDF:
      return "ss";  // ß
    case 0x132:
    case 0x133:
      return "ij";  // Ĳ ĳ
    case 0x152:
    case 0x153:
      return "oe";  // Œ œ
    default:
      return {};
  }
}

bool is_mark(unsigned cp) {
  auto cat = Xapian::Unicode::get_category(cp);
  return cat == Xapian::Unicode::NON_SPACING_MARK || cat == Xapian::Unicode::ENCLOSING_MARK ||
         cat == Xapian::Unicode::COMBINING_SPACING_MARK;
}

bool is_letter(unsigned cp) {
  auto cat = Xapian::Unicode::get_category(cp);
  return cat == Xapian::Unicode::UPPERCASE_LETTER || cat == Xapian::Unicode::LOWERCASE_LETTER ||
         cat == Xapian::Unicode::TITLECASE_LETTER || cat == Xapian::Unicode::MODIFIER_LETTER ||
         cat == Xapian::Unicode::OTHER_LETTER;
}

bool is_number(unsigned cp) {
  auto cat = Xapian::Unicode::get_category(cp);
  return cat == Xapian::Unicode::DECIMAL_DIGIT_NUMBER || cat == Xapian::Unicode::LETTER_NUMBER ||
         cat == Xapian::Unicode::OTHER_NUMBER;
}

/// One code point folded; "" for a combining mark.
std::string fold_code_point(unsigned cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
  if (std::string_view two = two_letter_fold(cp); !two.empty()) return std::string(two);
  if (cp >= 0xC0 && cp <= 0x17F && kLatinFold[cp - 0xC0] != '*') return std::string(1, kLatinFold[cp - 0xC0]);
  if (is_mark(cp)) return {};
  std::string out;
  Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(cp));
  return out;
}

std::string join_cells(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 1; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    if (!out.empty()) out += " \u2014 ";
    out += cells[i];
  }
  return out;
}

std::string section_title(const model::Site& site, const model::SitePage& page) {
  if (page.section_url.empty()) return "";
  const model::SitePage* section = site.find(page.section_url);
  return section ? section->title : "";
}

json entries_view(const std::vector<AToZEntry>& entries) {
  json list = json::array();
  for (const AToZEntry& e : entries) {
    json entry = {{"title", e.title}, {"url", e.url}};
    // Absent, not "": a Mustache section shows for any string, the empty one too.
    if (!e.section.empty()) entry["section"] = e.section;
    if (!e.description.empty()) entry["description"] = e.description;
    list.push_back(std::move(entry));
  }
  return list;
}

void emit(const RenderContext& ctx, const std::string& url, const std::string& title, const std::string& description,
          json view, base::OutputFiles& out, diag::Diagnostics& diags) {
  view["base"] = root_prefix(url, ctx.style);
  std::string main = ctx.templates.render("a-z", std::move(view), diags);
  json page = generated_page_view(ctx, url, title, description);
  if (url != "/a-z/") page["breadcrumbs"].push_back({{"url", "/a-z/"}, {"title", "A to Z"}});
  out[output_path_for(url)] = render_layout(ctx, url, std::move(page), std::move(main), diags);
}

std::string entry_count(size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }

std::string letter_url(const AToZLetter& letter) { return "/a-z/" + letter.slug + "/"; }

}  // namespace

std::string fold_for_a_to_z(std::string_view text) {
  std::string out;
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) out += fold_code_point(*it);
  return out;
}

AToZLetter letter_for(std::string_view title) {
  for (Xapian::Utf8Iterator it(title.data(), title.size()), end; it != end; ++it) {
    const unsigned cp = *it;
    if (is_number(cp)) break;
    if (!is_letter(cp)) continue;
    const std::string folded = fold_code_point(cp);
    if (folded.size() >= 1 && folded[0] >= 'a' && folded[0] <= 'z')
      return {std::string(1, static_cast<char>(folded[0] - 'a' + 'A')), std::string(1, folded[0]), {}};
    const unsigned upper = Xapian::Unicode::toupper(cp);
    AToZLetter letter;
    Xapian::Unicode::append_utf8(letter.label, upper);
    char hex[16];
    std::snprintf(hex, sizeof hex, "u%x", upper);
    letter.slug = hex;
    return letter;
  }
  return {"0\u20139", "0-9", {}};
}

std::vector<std::string> glossary_terms(std::string_view first_cell) {
  std::vector<std::string> terms;
  size_t start = 0;
  for (size_t i = 0; i <= first_cell.size(); ++i) {
    if (i < first_cell.size() && first_cell[i] != ',' && first_cell[i] != ';' && first_cell[i] != '/') continue;
    std::string term = base::trim(first_cell.substr(start, i - start));
    if (!term.empty()) terms.push_back(std::move(term));
    start = i + 1;
  }
  return terms;
}

std::vector<AToZEntry> a_to_z_entries(const model::Site& site) {
  std::vector<AToZEntry> entries;
  for (const model::SitePage& p : site.pages) {
    if (!model::listed(p)) continue;
    entries.push_back({p.title, p.url, section_title(site, p), p.description});
    for (const markdown::TableRow& row : p.glossary_rows) {
      if (row.id.empty()) continue;
      for (const std::string& term : glossary_terms(row.cells[0]))
        entries.push_back({term, p.url + "#" + row.id, p.title, join_cells(row.cells)});
    }
  }
  return entries;
}

std::vector<AToZLetter> group_by_letter(std::vector<AToZEntry> entries) {
  struct Keyed {
    std::string key;
    AToZEntry entry;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(entries.size());
  for (AToZEntry& e : entries) keyed.push_back({base::natural_key(fold_for_a_to_z(e.title)), std::move(e)});
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.key, a.entry.title, a.entry.url) < std::tie(b.key, b.entry.title, b.entry.url);
  });
  std::vector<AToZLetter> letters;
  // Order of groups: "0–9", then A–Z, then other scripts by code point (slug "u…" sorts after ASCII letters
  // only by accident of spelling, so rank explicitly).
  auto rank = [](const AToZLetter& l) {
    if (l.slug == "0-9") return std::make_tuple(0, 0ul, std::string());
    if (l.slug.size() == 1) return std::make_tuple(1, 0ul, l.slug);
    return std::make_tuple(2, std::stoul(l.slug.substr(1), nullptr, 16), std::string());
  };
  for (Keyed& k : keyed) {
    AToZLetter letter = letter_for(k.entry.title);
    auto at = std::find_if(letters.begin(), letters.end(), [&](const AToZLetter& l) { return l.slug == letter.slug; });
    if (at == letters.end()) {
      at = std::lower_bound(letters.begin(), letters.end(), letter,
                            [&](const AToZLetter& a, const AToZLetter& b) { return rank(a) < rank(b); });
      at = letters.insert(at, std::move(letter));
    }
    at->entries.push_back(std::move(k.entry));
  }
  return letters;
}

std::vector<std::string> a_to_z_urls(const std::vector<AToZLetter>& letters) {
  std::vector<std::string> urls = {"/a-z/"};
  size_t count = 0;
  for (const AToZLetter& l : letters) count += l.entries.size();
  if (count > kAToZSplitAbove)
    for (const AToZLetter& l : letters) urls.push_back(letter_url(l));
  return urls;
}

void render_a_to_z(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags,
                   const std::set<std::string>* only) {
  const std::vector<AToZLetter> letters = group_by_letter(a_to_z_entries(ctx.site));
  size_t count = 0;
  for (const AToZLetter& l : letters) count += l.entries.size();
  const bool split = count > kAToZSplitAbove;
  const std::string description = "Every page of the hub and every glossary term, by first letter.";
  auto nav = [&](const AToZLetter* current) {
    json list = json::array();
    for (const AToZLetter& l : letters)
      list.push_back({{"label", l.label},
                      {"href", split ? letter_url(l) : "#letter-" + l.slug},
                      {"current", &l == current},
                      {"count", entry_count(l.entries.size())}});
    return list;
  };
  json view = {{"letters", nav(nullptr)},
               {"split", split},
               {"count", entry_count(count)},
               {"has_entries", count > 0},
               {"groups", json::array()}};
  if (!split)
    for (const AToZLetter& l : letters)
      view["groups"].push_back({{"label", l.label}, {"id", "letter-" + l.slug}, {"entries", entries_view(l.entries)}});
  if (!only || only->count("/a-z/")) emit(ctx, "/a-z/", "A to Z", description, std::move(view), out, diags);
  if (!split) return;
  for (const AToZLetter& l : letters) {
    if (only && !only->count(letter_url(l))) continue;
    json group = {{"label", l.label}, {"id", "letter-" + l.slug}, {"entries", entries_view(l.entries)}};
    json page = {{"letters", nav(&l)},
                 {"split", false},
                 {"letter_page", true},
                 {"count", entry_count(l.entries.size())},
                 {"has_entries", true}};
    page["groups"] = json::array();
    page["groups"].push_back(std::move(group));
    emit(ctx, letter_url(l), "A to Z: " + l.label, "Pages and glossary terms under " + l.label + ".", std::move(page),
         out, diags);
  }
}

}  // namespace qahub::render
