#include "search/corpus.h"

#include <unordered_set>

#include <nlohmann/json.hpp>

#include "base/parallel.h"
#include "search/unicode.h"

namespace qahub::search {

std::string corpus_to_json(const Corpus& corpus) {
  nlohmann::ordered_json j;
  j["fields"] = nlohmann::ordered_json::array();
  for (const auto& f : corpus.fields) j["fields"].push_back({{"name", f.name}, {"boost", f.boost}});
  j["metadataWhitelist"] = corpus.metadata_whitelist;
  if (corpus.stop_words) j["stopWords"] = *corpus.stop_words;
  auto& docs = j["documents"] = nlohmann::ordered_json::array();
  for (const auto& d : corpus.documents) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();
    for (size_t i = 0; i < corpus.fields.size(); ++i)
      fields[corpus.fields[i].name] = i < d.fields.size() ? sanitize_utf8(d.fields[i]) : std::string();
    docs.push_back({{"ref", d.ref}, {"boost", d.boost}, {"fields", std::move(fields)}});
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool corpus_from_json(const std::string& text, Corpus& corpus, std::string& error) {
  try {
    auto j = nlohmann::json::parse(text);
    corpus = Corpus{};
    for (const auto& f : j.at("fields"))
      corpus.fields.push_back({f.at("name").get<std::string>(), f.value("boost", 1.0)});
    if (j.contains("metadataWhitelist"))
      corpus.metadata_whitelist = j["metadataWhitelist"].get<std::vector<std::string>>();
    if (j.contains("stopWords")) corpus.stop_words = j["stopWords"].get<std::vector<std::string>>();
    std::unordered_set<std::string> refs;
    for (const auto& d : j.at("documents")) {
      CorpusDocument doc;
      doc.ref = d.at("ref").get<std::string>();
      if (!refs.insert(doc.ref).second) {
        error = "duplicate document ref \"" + doc.ref + "\"";
        return false;
      }
      doc.boost = d.value("boost", 1.0);
      const auto& fields = d.at("fields");
      for (const auto& f : corpus.fields) {
        auto it = fields.find(f.name);
        doc.fields.push_back(it != fields.end() && it->is_string() ? it->get<std::string>() : std::string());
      }
      corpus.documents.push_back(std::move(doc));
    }
  } catch (const nlohmann::json::exception& e) {
    error = std::string("invalid corpus: ") + e.what();
    return false;
  }
  return true;
}

namespace {

void add_counts(const Analyzer& analyzer, SurfaceCounts& surface) {
  analyzer.stems().for_each([&](const std::u16string& word, const std::u16string& stem, uint64_t count) {
    auto [it, added] = surface.try_emplace(word, stem, count);
    if (!added) it->second.second += count;
  });
}

}  // namespace

LunrIndexBuilder index_corpus(const Corpus& corpus, int jobs, SurfaceCounts* surface) {
  const std::vector<std::string>& stop_words = corpus.stop_words ? *corpus.stop_words : lunr_stop_words();
  LunrIndexBuilder builder(corpus.fields, corpus.metadata_whitelist, stop_words);
  if (jobs <= 1) {
    for (const auto& d : corpus.documents) builder.add(d.ref, d.fields, d.boost);
    if (surface) add_counts(builder.analyzer(), *surface);
    return builder;
  }
  // Analysis is most of the cost and needs no shared state; adding must keep
  // document order (term numbers are first-seen order). So: analyse a batch
  // on every thread, add it in order, next batch. Batches bound the memory
  // held in token lists.
  constexpr size_t kBatch = 256;
  std::vector<Analyzer> analyzers(static_cast<size_t>(jobs), Analyzer(stop_words));
  std::vector<LunrIndexBuilder::AnalyzedFields> batch(kBatch);
  for (size_t start = 0; start < corpus.documents.size(); start += kBatch) {
    const size_t n = std::min(kBatch, corpus.documents.size() - start);
    base::parallel_for_workers(n, jobs, [&](int worker, size_t i) {
      batch[i] = LunrIndexBuilder::analyze(analyzers[static_cast<size_t>(worker)], corpus.documents[start + i].fields);
    });
    for (size_t i = 0; i < n; ++i) {
      const CorpusDocument& d = corpus.documents[start + i];
      builder.add_analyzed(d.ref, std::move(batch[i]), d.boost);
    }
  }
  if (surface)
    for (const Analyzer& a : analyzers) add_counts(a, *surface);
  return builder;
}

std::string build_lunr_index(const Corpus& corpus) { return index_corpus(corpus).to_json(); }

}  // namespace qahub::search
