#pragma once
/// The search corpus: exactly what the lunr index was built from, as one JSON
/// object (`qahub build --search-corpus FILE`), so anyone can rebuild the
/// index with lunr.js 2.3.9 and compare bytes (tests/search/oracle.js):
///
///   {"fields": [{"name": "title", "boost": 10}, …], "metadataWhitelist": […],
///    "stopWords": […], "documents": [{"ref": "0", "boost": 1,
///    "fields": {"title": "…", …}}, …]}
///
/// Rebuilding: `this.ref("ref")`, `this.field(name, {boost})` in order,
/// `this.metadataWhitelist = …`, index pipeline trimmer → possessive
/// (search.js's, tokenizer.h) → lunr.generateStopWordFilter(stopWords) →
/// stemmer (lunr's list when stopWords is absent), search pipeline
/// possessive → stemmer, then `this.add({ref, ...fields}, {boost})` per doc.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/lunr_index.h"
#include "search/suggest.h"

namespace qahub::search {

struct CorpusDocument {
  std::string ref;
  double boost = 1;
  std::vector<std::string> fields;  ///< parallel to Corpus::fields
};

struct Corpus {
  std::vector<FieldSpec> fields;
  std::vector<std::string> metadata_whitelist;
  std::optional<std::vector<std::string>> stop_words;  ///< absent: lunr's list
  std::vector<CorpusDocument> documents;
};

/// The corpus as JSON text (keys in the order shown above, UTF-8, 1 line).
std::string corpus_to_json(const Corpus& corpus);

/// Parses corpus JSON. Returns false and sets `error` (lower case) on bad
/// input: not JSON, missing keys, duplicate refs.
bool corpus_from_json(const std::string& text, Corpus& corpus, std::string& error);

/// A builder holding every document of the corpus, added in order; the
/// analysis (tokenizer, stop words, stemmer) runs on up to `jobs` threads.
/// With `surface`, also what the analysis saw, summed over the threads.
LunrIndexBuilder index_corpus(const Corpus& corpus, int jobs = 1, SurfaceCounts* surface = nullptr);

/// Builds the lunr index JSON for a corpus.
std::string build_lunr_index(const Corpus& corpus);

}  // namespace qahub::search
