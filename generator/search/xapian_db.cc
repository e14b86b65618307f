#include "search/xapian_db.h"

#include <xapian.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "fs/files.h"
#include "search/corpus.h"
#include "search/documents.h"
#include "search/unicode.h"

namespace qahub::search {

std::string xapian_term(std::string_view prefix, std::string_view term) {
  if (term.empty()) return {};
  if (prefix.size() + term.size() <= kMaxTermBytes) return std::string(prefix) + std::string(term);
  uint64_t h = 1469598103934665603ULL;
  for (char c : term) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  char hex[20];
  std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(h));
  return std::string(prefix) + std::string(term.substr(0, cut)) + hex;
}

std::filesystem::path search_cache_path(const std::filesystem::path& cache_dir) { return cache_dir / "search"; }

std::filesystem::path search_database_path(const std::filesystem::path& cache_dir) {
  return search_cache_path(cache_dir) / "xapian";
}

namespace {

void add_documents(Xapian::WritableDatabase& db, const LunrIndexBuilder& index, const nlohmann::json& entries) {
  const std::vector<FieldSpec>& fields = index.fields();
  std::vector<std::string> utf8_terms;  // converted once per distinct term
  auto term_of = [&](uint32_t id) -> const std::string& {
    if (id >= utf8_terms.size()) utf8_terms.resize(id + 1);
    if (utf8_terms[id].empty()) utf8_terms[id] = utf16_to_utf8(index.term_text(id));
    return utf8_terms[id];
  };
  for (size_t d = 0; d < index.document_count(); ++d) {
    Xapian::Document doc;
    doc.set_data(entries[d].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    std::string title_terms;
    for (size_t f = 0; f < fields.size(); ++f) {
      const auto weight = static_cast<Xapian::termcount>(fields[f].boost > 0 ? fields[f].boost : 1);
      const bool is_title = fields[f].name == index_fields()[kTitle].name;
      for (auto [id, count] : index.field_terms(d, f)) {
        const std::string& term = term_of(id);
        if (term.empty()) continue;
        doc.add_term(term.size() <= kMaxTermBytes ? term : xapian_term("", term), count * weight);
        if (is_title) (title_terms += term) += ' ';
      }
    }
    if (!title_terms.empty()) title_terms.pop_back();
    doc.add_value(kTitleTermsSlot, title_terms);
    doc.add_boolean_term("Q" + std::to_string(d));
    db.add_document(doc);
  }
}

}  // namespace

bool write_xapian_database(const std::filesystem::path& cache_dir, std::string& error) {
  namespace fs = std::filesystem;
  const fs::path dir = search_cache_path(cache_dir);
  const auto corpus_text = qahub::fs::read_file(dir / "corpus.json");
  const auto docs_text = qahub::fs::read_file(dir / "docs.json");
  if (!corpus_text || !docs_text) {
    error = "no search index in " + dir.string() + "; run qahub build first";
    return false;
  }
  Corpus corpus;
  if (!corpus_from_json(*corpus_text, corpus, error)) {
    error = "damaged search cache " + (dir / "corpus.json").string() + ": " + error;
    return false;
  }
  const nlohmann::json store = nlohmann::json::parse(*docs_text, nullptr, false);
  if (store.is_discarded() || !store.contains("docs") || !store["docs"].is_array() ||
      store["docs"].size() != corpus.documents.size()) {
    error = "damaged search cache " + (dir / "docs.json").string() + ": not the store of corpus.json";
    return false;
  }
  // Analysis on every core: this runs while someone waits at the terminal.
  const LunrIndexBuilder index =
      index_corpus(corpus, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  const fs::path final_path = search_database_path(cache_dir);
  const fs::path tmp_path = dir / ("xapian.new-" + std::to_string(::getpid()));
  std::error_code ec;
  try {
    fs::remove_all(tmp_path, ec);
    {
      // A cache, rebuilt from its sources at will: no fsync, and no termlists
      // (nothing replaces or deletes documents; titles are in a value slot).
      Xapian::WritableDatabase db(tmp_path.string(),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
      db.begin_transaction(false);
      add_documents(db, index, store["docs"]);
      db.set_metadata("qahub:stopwords", store.value("stopWords", nlohmann::json::array()).dump());
      db.set_metadata("qahub:synonyms", store.value("synonyms", nlohmann::json::array()).dump());
      db.commit_transaction();
      db.close();
    }
    fs::rename(tmp_path, final_path, ec);
    if (ec && fs::exists(final_path)) ec.clear();  // another search got there first
    if (ec) throw fs::filesystem_error("rename", tmp_path, final_path, ec);
  } catch (const Xapian::Error& e) {
    error = "cannot write search database " + final_path.string() + ": " + e.get_msg();
  } catch (const fs::filesystem_error& e) {
    error = "cannot write search database " + final_path.string() + ": " + e.code().message();
  }
  fs::remove_all(tmp_path, ec);
  return error.empty();
}

}  // namespace qahub::search
