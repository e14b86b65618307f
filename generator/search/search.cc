#include "search/search.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "search/corpus.h"
#include "search/doc_store.h"
#include "search/documents.h"
#include "search/lunr_index.h"
#include "search/synonyms.h"
#include "search/xapian_db.h"

namespace qahub::search {
namespace {

// data/search/synonyms.json, or an empty table when the site has none.
SynonymTable load_synonyms(const std::filesystem::path& site_dir, diag::Diagnostics& diags) {
  const std::filesystem::path path = site_dir / "data" / "search" / "synonyms.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  return SynonymTable::parse(text.str(), "data/search/synonyms.json", diags);
}

}  // namespace

bool build_search(const std::vector<SearchPage>& pages, const SearchBuildOptions& options, base::OutputFiles& out,
                  diag::Diagnostics& diags, DeferredDatabase* deferred) {
  // Expansion terms first: they are part of the corpus lunr.js can rebuild.
  const SynonymTable synonyms = load_synonyms(options.site_dir, diags);
  const std::vector<IndexedDoc> docs = make_documents(pages, synonyms);
  const Corpus corpus = make_corpus(docs);

  // The lunr index, byte-identical to lunr.js over the same corpus.
  const std::string index = build_lunr_index(corpus);
  const std::string store = docs_json(docs, synonyms);
  out["search/index.json"] = index;
  out["search/docs.json"] = store;
  // Script form for file://, where fetch() of the JSON files is refused.
  out["search/index.js"] = index_script(index, store);

  bool ok = true;
  if (!options.search_corpus.empty()) {
    std::ofstream corpus_out(options.search_corpus, std::ios::binary | std::ios::trunc);
    corpus_out << corpus_to_json(corpus);
    if (!corpus_out) {
      diags.error({options.search_corpus.string(), 0, 0}, "cannot write search corpus");
      ok = false;
    }
  }
  // Never into the output tree: Xapian's files are not byte-stable.
  if (options.write_database && !options.cache_dir.empty()) {
    if (deferred) {
      auto held_docs = std::make_shared<const std::vector<IndexedDoc>>(docs);
      auto held_synonyms = std::make_shared<const SynonymTable>(synonyms);
      deferred->write = [held_docs, held_synonyms, cache = options.cache_dir, &diags] {
        return write_xapian_database(*held_docs, *held_synonyms, cache, diags);
      };
    } else {
      ok = write_xapian_database(docs, synonyms, options.cache_dir, diags) && ok;
    }
  }
  return ok;
}

}  // namespace qahub::search
