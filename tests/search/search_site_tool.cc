// search_site_tool PAGES.json SITE_DIR OUT_DIR: runs build_search on pages
// given as JSON ([{url, title, section, description, tags, sections: [[id,
// heading, text]]}]) with SITE_DIR's data/search/synonyms.json; writes the
// output files under OUT_DIR, the search cache to OUT_DIR/.qahub/search
// and the corpus to OUT_DIR/corpus.json.
//
// search_site_tool --query OUT_DIR: reads queries (one per line) and prints,
// per query, one JSON line: {"urls": [...] (with #fragment), "scores": [...],
// "suggestions": [[word, [nearest...]], ...], "correction": "..."}, as
// `qahub search` finds them.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "search/query.h"
#include "search/search.h"

namespace fs = std::filesystem;
using namespace qahub::search;

namespace {

int query_mode(const fs::path& out_dir) {
  std::string line;
  while (std::getline(std::cin, line)) {
    SearchOutcome outcome;
    std::string error;
    if (!search_site_index(out_dir / ".qahub", line, 0, outcome, error)) {
      std::cerr << "error: " << error << "\n";
      return 1;
    }
    nlohmann::json j = {{"urls", nlohmann::json::array()},
                        {"scores", nlohmann::json::array()},
                        {"suggestions", nlohmann::json::array()}};
    for (const auto& h : outcome.hits) {
      j["urls"].push_back(h.url);
      j["scores"].push_back(h.score);
    }
    for (const auto& [word, nearest] : outcome.suggestions) j["suggestions"].push_back({word, nearest});
    j["correction"] = outcome.correction;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--query") return query_mode(argv[2]);
  if (argc != 4) {
    std::cerr << "usage: search_site_tool PAGES SITE_DIR OUT_DIR | search_site_tool --query OUT_DIR\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<SearchPage> pages;
  for (const auto& p : nlohmann::json::parse(ss.str())) {
    SearchPage page;
    page.url = p.value("url", "");
    page.title = p.value("title", "");
    page.section = p.value("section", "");
    page.description = p.value("description", "");
    if (p.contains("tags")) page.tags = p["tags"].get<std::vector<std::string>>();
    for (const auto& s : p["sections"])
      page.sections.push_back({s[0].get<std::string>(), s[1].get<std::string>(), s[2].get<std::string>()});
    page.record_id = p.value("record_id", "");
    pages.push_back(std::move(page));
  }
  const fs::path out_dir = argv[3];
  SearchBuildOptions options;
  options.site_dir = argv[2];
  options.cache_dir = out_dir / ".qahub";
  options.search_corpus = out_dir / "corpus.json";
  options.script_index = true;  // page_vs_terminal.js reads the script form
  qahub::base::OutputFiles out;
  qahub::diag::Diagnostics diags;
  fs::create_directories(out_dir);
  bool ok = build_search(pages, options, out, diags);
  std::cerr << diags.format_all();
  for (const auto& [path, bytes] : out) {
    fs::create_directories((out_dir / path).parent_path());
    std::ofstream f(out_dir / path, std::ios::binary);
    f << bytes;
  }
  return ok ? 0 : 1;
}
