#include "search/documents.h"

#include <algorithm>

#include "base/parallel.h"

#include "search/compounds.h"
#include "search/unicode.h"

namespace qahub::search {

const std::vector<FieldSpec>& index_fields() {
  static const std::vector<FieldSpec> fields = {
      {"title", 10}, {"tags", 5}, {"headings", 3}, {"body", 1}, {"keywords", 1}};
  return fields;
}

std::vector<IndexedDoc> make_documents(const std::vector<SearchPage>& pages, const SynonymTable& synonyms, int jobs) {
  std::vector<const SearchPage*> sorted;
  for (const auto& p : pages) sorted.push_back(&p);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const SearchPage* a, const SearchPage* b) { return a->url < b->url; });
  std::vector<IndexedDoc> docs(sorted.size());
  base::parallel_for(sorted.size(), jobs, [&](size_t i) {
    const SearchPage* p = sorted[i];
    IndexedDoc& d = docs[i];
    d.ref = std::to_string(i);
    d.page = p;
    d.fields.resize(kFieldCount);
    d.fields[kTitle] = sanitize_utf8(p->title);
    std::string tags;
    for (const auto& t : p->tags) {
      if (!tags.empty()) tags += " ; ";
      tags += t;
    }
    d.fields[kTags] = sanitize_utf8(tags);
    std::string headings;
    std::string body = p->description;
    for (const auto& s : p->text()) {
      if (!s.heading.empty()) {
        if (!headings.empty()) headings += '\n';
        headings += s.heading;
      }
      if (!s.text.empty()) {
        if (!body.empty()) body += '\n';
        body += s.text;
      }
    }
    d.fields[kHeadings] = sanitize_utf8(headings);
    d.fields[kBody] = sanitize_utf8(body);
    const std::string text =
        d.fields[kTitle] + "\n" + d.fields[kTags] + "\n" + d.fields[kHeadings] + "\n" + d.fields[kBody];
    // Synonym expansions, then the record's id and the joined form of every
    // hyphenated word (compounds.h), the id's included.
    std::string keywords = synonyms.expansion_for(text);
    std::string extra;
    if (!p->record_id.empty()) {
      const std::string id = sanitize_utf8(p->record_id);
      extra = id;
      add_joined_compounds(id, extra);
    }
    add_joined_compounds(text, extra);
    if (!extra.empty()) keywords += (keywords.empty() ? "" : "\n") + extra;
    d.fields[kKeywords] = std::move(keywords);
  });
  return docs;
}

Corpus take_corpus(std::vector<IndexedDoc>& docs) {
  Corpus corpus;
  corpus.fields = index_fields();
  corpus.stop_words = qahub_stop_words();
  corpus.documents.reserve(docs.size());
  for (auto& d : docs) {
    std::string title = d.fields[kTitle];
    corpus.documents.push_back({d.ref, 1, std::move(d.fields)});
    d.fields.assign(kFieldCount, std::string());
    d.fields[kTitle] = std::move(title);
  }
  return corpus;
}

}  // namespace qahub::search
