#pragma once
/// The A to Z (`/a-z/`): every page and record page, and every glossary term,
/// under its first letter, as plain links, so the hub can be found without
/// JavaScript (search needs it). Letters fold case and accents (é → E);
/// digits, symbols and titles with no letter go under "0–9", first. Above
/// kAToZSplitAbove entries each letter gets a page of its own (/a-z/b/) and
/// /a-z/ lists the letters.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/layout.h"

namespace qahub::render {

/// More entries than this and /a-z/ is split into one page per letter.
inline constexpr size_t kAToZSplitAbove = 2000;

struct AToZEntry {
  std::string title;
  std::string url;          ///< site-root URL, with "#term-…" for a glossary term
  std::string section;      ///< the title of the page's section, or the glossary page's
  std::string description;  ///< a glossary term's: the other cells of its row
};

struct AToZLetter {
  std::string label;  ///< "0–9", "A" … "Z", or another script's capital letter ("Ω")
  std::string slug;   ///< "0-9", "a" … "z", or "u" + hex code point ("u3a9"): anchors and URLs
  std::vector<AToZEntry> entries;
};

/// Text folded for sorting and grouping: Latin letters lower-cased without
/// their accents (æ → ae, ß → ss), other letters lower-cased, combining marks dropped.
std::string fold_for_a_to_z(std::string_view text);

/// The group a title goes under: its first letter or digit, folded and
/// upper-cased; "0–9" for a digit, or when it has no letter or digit.
AToZLetter letter_for(std::string_view title);

/// The glossary terms of one first cell: "CLA, LAC, CiC" → each acronym on its
/// own (split at commas, semicolons and slashes).
std::vector<std::string> glossary_terms(std::string_view first_cell);

/// Every entry of a site: each page that is not a draft, and each term of the
/// glossary pages' table rows, linking to the row.
std::vector<AToZEntry> a_to_z_entries(const model::Site& site);

/// Entries grouped by letter, "0–9" first, then A–Z, then other letters by
/// code point; within a letter by folded title (numbers by value), then
/// title, then URL, so the order is the same on every machine.
std::vector<AToZLetter> group_by_letter(std::vector<AToZEntry> entries);

/// The URLs the A to Z writes: "/a-z/", and a page per letter when split.
std::vector<std::string> a_to_z_urls(const std::vector<AToZLetter>& letters);

/// Writes /a-z/ (and the letter pages when split) into `out`; with `only`,
/// just the pages of those URLs (`qahub serve`, after a title edit).
void render_a_to_z(const RenderContext& ctx, base::OutputFiles& out, diag::Diagnostics& diags,
                   const std::set<std::string>* only = nullptr);

}  // namespace qahub::render
