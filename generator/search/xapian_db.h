#pragma once
/// The Xapian database behind `qahub search`, in the build cache
/// (SITE/.qahub/search), never in the published tree: its files are not
/// byte-stable.
///
/// Terms are the lunr index terms (same tokenizer, stop words and LunrStem),
/// so the terminal and the page share one vocabulary. Field weight is the wdf
/// increment (title 10, tags 5, headings 3, body 1, keywords 1); title terms
/// are also added as "XT" + term so a title match can rank first. lunr
/// indexes "" and arbitrarily long terms, which Xapian refuses: "" is left
/// out and terms over kMaxTermBytes are shortened with a hash (xapian_term).
/// Metadata "qahub:stopwords" and "qahub:synonyms" carry the build's lists.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "search/documents.h"

namespace qahub::search {

inline constexpr size_t kMaxTermBytes = 240;

/// prefix + term as stored in Xapian: "" for an empty term (not stored);
/// terms longer than kMaxTermBytes become their first ~200 bytes (at a UTF-8
/// boundary) + "#" + 16 hex digits of a 64-bit FNV-1a hash of the whole term.
std::string xapian_term(std::string_view prefix, std::string_view term);

/// The database directory under a cache dir.
std::filesystem::path search_database_path(const std::filesystem::path& cache_dir);

/// (Re)writes the database: built beside it, then renamed over the old one.
bool write_xapian_database(const std::vector<IndexedDoc>& docs, const SynonymTable& synonyms,
                           const std::filesystem::path& cache_dir, diag::Diagnostics& diags);

}  // namespace qahub::search
