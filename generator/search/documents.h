#pragma once
/// What each page contributes to the search index.
///
/// One lunr document per page (not per h2 section). Why: queries require all
/// their words, and in guidance pages the words of a query are often spread
/// over the title and several sections ("CIN plan review" on a page titled
/// "Child in need" with a "Reviews" section); per-section documents would
/// miss those pages, and a page's title would either be repeated in every
/// section (duplicate hits) or missing from them. Deep links still work: the
/// document store keeps every h2 section's id, heading and text, and the query
/// layer links to the section where most query words occur.
///
/// Fields and boosts (lunr `this.field(name, {boost})`):
///   title 10     page title
///   tags 5       front-matter tags
///   headings 3   h2 headings
///   body 1       description and section text
///   keywords 1   synonym/acronym expansions (synonyms.h), a record page's id
///                and the joined form of hyphenated words (compounds.h)
#include <string>
#include <vector>

#include "search/corpus.h"
#include "search/search.h"
#include "search/synonyms.h"

namespace qahub::search {

enum FieldId { kTitle = 0, kTags, kHeadings, kBody, kKeywords, kFieldCount };

/// The field declarations above, in order.
const std::vector<FieldSpec>& index_fields();

/// A page ready to index: its short ref ("0", "1", …) and field texts.
struct IndexedDoc {
  std::string ref;
  const SearchPage* page = nullptr;
  std::vector<std::string> fields;  ///< by FieldId
};

/// Pages sorted by URL (so refs are stable), with sanitized UTF-8 text and
/// the synonym expansion in the keywords field; on up to `jobs` threads.
std::vector<IndexedDoc> make_documents(const std::vector<SearchPage>& pages, const SynonymTable& synonyms,
                                       int jobs = 1);

/// The corpus lunr.js needs to rebuild the index (qahub_stop_words()),
/// made by moving the documents' field texts into it: each text is held
/// once. `docs` keep their titles (the store shows them) and empty fields.
Corpus take_corpus(std::vector<IndexedDoc>& docs);

}  // namespace qahub::search
