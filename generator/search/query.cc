#include "search/query.h"

#include <xapian.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "search/doc_store.h"
#include "search/query_plan.h"
#include "search/xapian_db.h"

namespace qahub::search {
namespace {

constexpr Xapian::termcount kMaxWildcardExpansion = 500;

Xapian::Query word_query(const QueryWord& w) {
  std::vector<Xapian::Query> alternatives;
  for (const auto& e : w.exact) {
    std::string term = xapian_term("", e);
    if (!term.empty()) alternatives.emplace_back(term);
  }
  for (const auto& p : w.prefixes) {
    if (p.size() > 200) continue;
    alternatives.emplace_back(Xapian::Query::OP_WILDCARD, p, kMaxWildcardExpansion,
                              Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

int count_title_words(const Xapian::Document& doc, const std::vector<QueryWord>& words) {
  std::vector<bool> hit(words.size(), false);
  const std::string titles = doc.get_value(kTitleTermsSlot);
  for (size_t from = 0; from < titles.size();) {
    size_t to = titles.find(' ', from);
    if (to == std::string::npos) to = titles.size();
    const std::string_view term = std::string_view(titles).substr(from, to - from);
    for (size_t w = 0; w < words.size(); ++w)
      if (!hit[w] && word_matches_term(words[w], term)) hit[w] = true;
    from = to + 1;
  }
  return static_cast<int>(std::count(hit.begin(), hit.end(), true));
}

SearchHit make_hit(const Xapian::Document& doc, const std::vector<QueryWord>& words) {
  SearchHit hit;
  auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_discarded()) return hit;
  hit.title = data.value("t", "");
  hit.url = data.value("u", "");
  hit.section = data.value("s", "");
  // Deep link: the section where most query words occur (the first on ties).
  size_t best = 0;
  std::string best_id;
  std::string excerpt;
  if (data.contains("h")) {
    for (const auto& s : data["h"]) {
      if (!s.is_array() || s.size() != 3) continue;
      // A match in the heading counts on top of matches in the text.
      ExcerptMatch in_heading = find_excerpt(s[1].get<std::string>(), words);
      ExcerptMatch in_text = find_excerpt(s[2].get<std::string>(), words);
      const size_t score = in_heading.words_matched + in_text.words_matched;
      if (score > best) {
        best = score;
        best_id = s[0].get<std::string>();
        excerpt = in_text.excerpt.empty() ? in_heading.excerpt : in_text.excerpt;
      }
    }
  }
  if (excerpt.empty()) excerpt = data.value("d", "");
  if (excerpt.empty() && data.contains("h") && !data["h"].empty() && data["h"][0].size() == 3)
    excerpt = truncate_text(data["h"][0][2].get<std::string>(), 200);
  if (!best_id.empty()) hit.url += "#" + best_id;
  hit.excerpt = excerpt;
  return hit;
}

}  // namespace

bool search_database(const std::filesystem::path& db_path, const std::string& query, int limit,
                     std::vector<SearchHit>& hits, std::string& error, size_t* total) {
  hits.clear();
  try {
    Xapian::Database db(db_path.string());
    std::vector<std::string> stop_words;
    auto stops = nlohmann::json::parse(db.get_metadata("qahub:stopwords"), nullptr, false);
    if (stops.is_array()) stop_words = stops.get<std::vector<std::string>>();
    diag::Diagnostics ignored;
    std::string groups = db.get_metadata("qahub:synonyms");
    SynonymTable synonyms =
        SynonymTable::parse("{\"groups\": " + (groups.empty() ? std::string("[]") : groups) + "}", "synonyms", ignored);
    Vocabulary vocabulary;
    vocabulary.has_term = [&db](const std::string& term) {
      const std::string x = xapian_term("", term);
      return !x.empty() && db.term_exists(x);
    };
    vocabulary.has_prefix = [&db](const std::string& prefix) {
      return db.allterms_begin(prefix) != db.allterms_end(prefix);
    };
    std::vector<QueryWord> words = plan_query(query, stop_words, synonyms, &vocabulary);
    if (words.empty()) {
      if (total) *total = 0;
      return true;
    }
    std::vector<Xapian::Query> parts;
    for (const auto& w : words) parts.push_back(word_query(w));
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(db.get_doccount(), 1));
    std::vector<std::pair<SearchHit, size_t>> ranked;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      Xapian::Document doc = m.get_document();
      SearchHit hit = make_hit(doc, words);
      hit.score = m.get_weight();
      hit.title_words = count_title_words(doc, words);
      ranked.emplace_back(std::move(hit), ranked.size());
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      if (a.first.title_words != b.first.title_words) return a.first.title_words > b.first.title_words;
      return a.second < b.second;  // Xapian's order: weight, then docid
    });
    if (total) *total = ranked.size();
    for (auto& r : ranked) {
      if (limit > 0 && hits.size() >= static_cast<size_t>(limit)) break;
      hits.push_back(std::move(r.first));
    }
  } catch (const Xapian::DatabaseOpeningError&) {
    error = "no search index in " + db_path.string() + "; run qahub build first";
    return false;
  } catch (const Xapian::Error& e) {
    error = "cannot read search index " + db_path.string() + ": " + e.get_msg();
    return false;
  }
  return true;
}

bool search_site_index(const std::filesystem::path& cache_dir, const std::string& query, int limit,
                       std::vector<SearchHit>& hits, std::string& error, size_t* total, std::ostream* log) {
  const std::filesystem::path db_path = search_database_path(cache_dir);
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) {
    if (log && std::filesystem::exists(search_cache_path(cache_dir) / "corpus.json", ec))
      *log << "qahub: indexing the last build for terminal search (once per build)\n";
    if (!write_xapian_database(cache_dir, error)) return false;
  }
  return search_database(db_path, query, limit, hits, error, total);
}

int run_search_command(const std::filesystem::path& site_dir, const std::string& query, bool json, int limit,
                       std::ostream& out, std::ostream& err) {
  bool blank = std::all_of(query.begin(), query.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  if (blank) {
    err << "qahub: error: empty search query\n";
    return 1;
  }
  std::vector<SearchHit> hits;
  std::string error;
  size_t total = 0;
  if (!search_site_index(site_dir / ".qahub", query, limit, hits, error, &total, &err)) {
    err << "qahub: error: " << error << "\n";
    return 1;
  }
  if (json) {
    nlohmann::ordered_json j;
    j["query"] = query;
    j["total"] = total;
    j["results"] = nlohmann::ordered_json::array();
    for (const auto& h : hits)
      j["results"].push_back(
          {{"title", h.title}, {"url", h.url}, {"section", h.section}, {"excerpt", h.excerpt}, {"score", h.score}});
    out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return 0;
  }
  if (hits.empty()) {
    out << "no results for \"" << query << "\"\n";
    return 0;
  }
  out << total << (total == 1 ? " result" : " results") << " for \"" << query << "\"";
  if (hits.size() < total) out << " (showing " << hits.size() << ")";
  out << "\n";
  for (const auto& h : hits) {
    out << "\n" << h.title;
    if (!h.section.empty()) out << " — " << h.section;
    out << "\n  " << h.url << "\n";
    if (!h.excerpt.empty()) out << "  " << h.excerpt << "\n";
  }
  return 0;
}

}  // namespace qahub::search
