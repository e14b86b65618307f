#include "search/xapian_db.h"

#include <xapian.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "search/doc_store.h"
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

std::filesystem::path search_database_path(const std::filesystem::path& cache_dir) { return cache_dir / "search"; }

bool write_xapian_database(const std::vector<IndexedDoc>& docs, const SynonymTable& synonyms,
                           const std::filesystem::path& cache_dir, diag::Diagnostics& diags) {
  namespace fs = std::filesystem;
  const fs::path final_path = search_database_path(cache_dir);
  const fs::path tmp_path = cache_dir / "search.new";
  static constexpr unsigned kWeights[kFieldCount] = {10, 5, 3, 1, 1};
  try {
    std::error_code ec;
    fs::create_directories(cache_dir, ec);
    fs::remove_all(tmp_path, ec);
    {
      Xapian::WritableDatabase db(tmp_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
      Analyzer analyzer(qahub_stop_words());
      db.begin_transaction(false);
      for (const auto& d : docs) {
        Xapian::Document doc;
        doc.set_data(doc_entry_json(d));
        for (int f = 0; f < kFieldCount; ++f) {
          if (d.fields[f].empty()) continue;
          for (const Token& t : analyzer.analyze(utf8_to_utf16(d.fields[f]))) {
            const std::string term = utf16_to_utf8(t.text);
            std::string x = xapian_term("", term);
            if (x.empty()) continue;
            doc.add_term(x, kWeights[f]);
            if (f == kTitle) doc.add_term(xapian_term("XT", term), 1);
          }
        }
        doc.add_boolean_term("Q" + d.ref);
        db.add_document(doc);
      }
      db.set_metadata("qahub:stopwords", nlohmann::json(qahub_stop_words()).dump());
      db.set_metadata("qahub:synonyms", nlohmann::json(synonyms.groups()).dump());
      db.commit_transaction();
      db.close();
    }
    fs::remove_all(final_path, ec);
    fs::rename(tmp_path, final_path);
  } catch (const Xapian::Error& e) {
    diags.error({search_database_path(cache_dir).string(), 0, 0}, "cannot write search database: " + e.get_msg());
    return false;
  } catch (const fs::filesystem_error& e) {
    diags.error({search_database_path(cache_dir).string(), 0, 0}, std::string("cannot write search database: ") + e.what());
    return false;
  }
  return true;
}

}  // namespace qahub::search
