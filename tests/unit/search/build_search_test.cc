#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fs/files.h"
#include "search/corpus.h"
#include "search/query.h"
#include "search/search.h"
#include "temp_dir.h"

using namespace qahub::search;
namespace stdfs = std::filesystem;

namespace {

// A small site in a fresh temp dir, with the repository's synonyms table.
struct TempSite {
  qahub::testing::TempDir temp{"search-test"};
  const stdfs::path& dir = temp.path();
  TempSite() {
    stdfs::create_directories(dir / "data" / "search");
    stdfs::copy_file(stdfs::path(QAHUB_SOURCE_DIR) / "data" / "search" / "synonyms.json",
                     dir / "data" / "search" / "synonyms.json");
  }
};

SearchPage page(std::string url, std::string title, std::vector<qahub::markdown::Section> sections,
                std::vector<std::string> tags = {}) {
  SearchPage p;
  p.url = std::move(url);
  p.title = std::move(title);
  p.section = "Practice";
  p.description = "";
  p.tags = std::move(tags);
  p.sections = std::move(sections);
  return p;
}

SearchPage record(std::string url, std::string id, std::string title, std::vector<qahub::markdown::Section> sections) {
  SearchPage p = page(std::move(url), std::move(title), std::move(sections));
  p.record_id = std::move(id);
  return p;
}

std::vector<SearchPage> pages() {
  return {
      page("/practice/cin/", "Supporting families",
           {{"", "", "When a child in need plan is agreed, the social worker reviews it."},
            {"reviews", "Reviews", "Reviews happen every three months."}}),
      page("/framework/values/", "Our values",
           {{"", "", "Our organisation values curiosity."},
            {"who-must", "Who must act", "The team manager must act and who decides is recorded."}}),
      page("/practice/safeguarding/", "Safeguarding", {{"", "", "Safeguarding is everyone's job."}}),
      page("/practice/audits/", "Audits",
           {{"", "", "Audits look at safeguarding practice and child protection plans."}}, {"audit", "qa"}),
      page("/weird/", "Weird text", {{"", "", std::string(100000, 'q') + " — \xff\xfe 😀 e\u0301 ΟΔΟΣ"}}),
      page("/practice/asb/", "Anti-social behaviour", {{"", "", "A co-production with young people."}}),
      page("/practice/panel/", "Panel", {{"", "", "Antisocial behaviour and coproduction; a chronology."}}),
      record("/actions/a-032/", "a-032", "Run workshops", {{"", "", "Workshops for fathers."}}),
      page("/practice/return-interviews/", "Return interviews",
           {{"", "", "A return interview follows every missing episode; the child's view is recorded."}}),
      page("/practice/father/", "The father’s view", {{"", "", "Ask for the father's view and the fathers' views."}}),
      record("/cycles/2026-27-cycle-1/", "2026-27-cycle-1", "Cycle 1, 2026-27",
             {{"", "", "Key learning"}, {"key-learning", "Key learning", "Plans still vary. (kl1)"}}),
  };
}

std::string read(const stdfs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Built {
  TempSite site;
  qahub::base::OutputFiles out;
  qahub::diag::Diagnostics diags;
  qahub::search::SynonymTable synonyms;
  bool ok = false;
  Built() {
    synonyms = qahub::search::SynonymTable::parse(*qahub::fs::read_file(site.dir / "data" / "search" / "synonyms.json"),
                                                  "data/search/synonyms.json", diags);
    SearchBuildOptions options;
    options.synonyms = &synonyms;
    options.site_dir = site.dir;
    options.cache_dir = site.dir / ".qahub";
    options.search_corpus = site.dir / "corpus.json";
    options.script_index = true;
    ok = build_search(pages(), options, out, diags);
  }
  std::string search(const std::string& q, bool json = false, int limit = 10) {
    std::ostringstream o, e;
    int rc = run_search_command(site.dir / ".qahub", q, json, limit, o, e);
    REQUIRE(rc == 0);
    REQUIRE(e.str().empty());
    return o.str();
  }
};

}  // namespace

TEST_CASE("search: build_search: writes index, store, words, scripts, corpus and cache", "[search]") {
  Built b;
  REQUIRE(b.ok);
  CHECK(b.diags.format_all().empty());
  REQUIRE(b.out.count("search/index.json"));
  CHECK(b.out.count("search/docs.json") == 0);  // split into meta.json and chunks
  REQUIRE(b.out.count("search/meta.json"));
  REQUIRE(b.out.count("search/docs/0.json"));
  REQUIRE(b.out.count("search/docs/0.js"));
  CHECK(b.out["search/docs/0.js"] ==
        "(window.QAHUB_DOCS = window.QAHUB_DOCS || {})[0] = " + b.out["search/docs/0.json"] + ";\n");
  REQUIRE(b.out.count("search/index.js"));
  CHECK(b.out["search/index.js"].rfind("window.QAHUB_SEARCH = {\"index\": {\"version\":\"2.3.9\"", 0) == 0);
  CHECK(b.out["search/index.js"].find(", \"meta\": " + b.out["search/meta.json"] + "};\n") != std::string::npos);
  CHECK(b.out["search/meta.json"].find("\"documents\":") != std::string::npos);
  CHECK(b.out["search/meta.json"].find("\"chunks\":[0") != std::string::npos);
  REQUIRE(b.out.count("search/words.json"));
  REQUIRE(b.out.count("search/words.js"));
  CHECK(b.out["search/words.js"] == "window.QAHUB_WORDS = " + b.out["search/words.json"] + ";\n");
  CHECK(b.out.size() == 7);  // nothing else in the published tree
  // The cache qahub search reads: the page's own files, nothing else.
  const stdfs::path cache = b.site.dir / ".qahub" / "search";
  CHECK(read(cache / "index.json") == b.out["search/index.json"]);
  CHECK(read(cache / "meta.json") == b.out["search/meta.json"]);
  CHECK(read(cache / "docs" / "0.json") == b.out["search/docs/0.json"]);
  CHECK(read(cache / "words.json") == b.out["search/words.json"]);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : stdfs::directory_iterator(cache)) ++entries;
  CHECK(entries == 4);
  CHECK_FALSE(stdfs::exists(b.site.dir / ".qahub" / "search.new"));
  // The corpus rebuilds the same index.
  Corpus corpus;
  std::string error;
  REQUIRE(corpus_from_json(read(b.site.dir / "corpus.json"), corpus, error));
  CHECK(build_lunr_index(corpus) == b.out["search/index.json"]);
  CHECK(corpus.stop_words->size() < 119);
  // Refs are short integers in URL order.
  CHECK(b.out["search/docs/0.json"].rfind("[{\"u\":\"/actions/a-032/\"", 0) == 0);
}

TEST_CASE("search: build_search: deterministic", "[search]") {
  Built a;
  Built b;
  CHECK(a.out == b.out);
}

TEST_CASE("search: qahub search: acronyms find their expansion and back", "[search]") {
  Built b;
  CHECK(b.search("CIN").find("/practice/cin/") != std::string::npos);
  CHECK(b.search("CP").find("/practice/audits/") != std::string::npos);
  CHECK(b.search("child protection").find("/practice/audits/") != std::string::npos);
  CHECK(b.search("quality assurance").find("/practice/audits/") != std::string::npos);  // tag "qa"
}

TEST_CASE("search: qahub search: British and US spellings", "[search]") {
  Built b;
  CHECK(b.search("organization").find("/framework/values/") != std::string::npos);
  CHECK(b.search("organisations").find("/framework/values/") != std::string::npos);
}

TEST_CASE("search: qahub search: prefixes keep matching as the user types", "[search]") {
  Built b;
  CHECK(b.search("safeguar").find("/practice/safeguarding/") != std::string::npos);
  CHECK(b.search("safeguardi").find("/practice/safeguarding/") != std::string::npos);
  CHECK(b.search("revie").find("/practice/cin/") != std::string::npos);
}

TEST_CASE("search: qahub search: meaningful stop words stay searchable, all words required", "[search]") {
  Built b;
  std::string r = b.search("who must");
  CHECK(r.find("/framework/values/#who-must") != std::string::npos);
  CHECK(r.rfind("1 result for", 0) == 0);
  CHECK(b.search("safeguarding zebra") == "no results for \"safeguarding zebra\"\n");
}

TEST_CASE("search: qahub search: a title match ranks above a body-only match", "[search]") {
  Built b;
  std::string r = b.search("safeguarding");
  auto title = r.find("/practice/safeguarding/");
  auto body = r.find("/practice/audits/");
  REQUIRE(title != std::string::npos);
  REQUIRE(body != std::string::npos);
  CHECK(title < body);
}

TEST_CASE("search: qahub search: JSON output and deep links", "[search]") {
  Built b;
  std::string r = b.search("reviews", true);
  CHECK(r.find("\"query\": \"reviews\"") != std::string::npos);
  CHECK(r.find("\"url\": \"/practice/cin/#reviews\"") != std::string::npos);
}

TEST_CASE("search: qahub search: long tokens, invalid UTF-8 and empty terms", "[search]") {
  Built b;
  CHECK(b.search(std::string(100000, 'q')).find("/weird/") != std::string::npos);
  CHECK(b.search("\xff\xfe").rfind("no results", 0) == 0);
  CHECK(b.search("—").rfind("no results", 0) == 0);
  CHECK(b.search("😀 ΟΔΟΣ").rfind("no results", 0) == 0);
}

TEST_CASE("search: qahub search: hyphenated and closed compounds find each other", "[search]") {
  Built b;
  for (const char* q : {"antisocial", "anti-social", "coproduction", "co-production"}) {
    const std::string r = b.search(q);
    CHECK(r.find("/practice/asb/") != std::string::npos);
    CHECK(r.find("/practice/panel/") != std::string::npos);
  }
}

TEST_CASE("search: qahub search: record ids find their record, and its anchor", "[search]") {
  Built b;
  CHECK(b.search("a-032").find("1 result for \"a-032\"\n\nRun workshops — Practice\n  /actions/a-032/\n") == 0);
  CHECK(b.search("2026-27-cycle-1").find("\n  /cycles/2026-27-cycle-1/\n") != std::string::npos);
  CHECK(b.search("2026-27-cycle-1/kl1").find("\n  /cycles/2026-27-cycle-1/#kl1\n") != std::string::npos);
}

TEST_CASE("search: qahub search: words that find nothing get the nearest indexed words", "[search]") {
  Built b;
  CHECK(b.search("xhronology") == "no results for \"xhronology\"\ndid you mean: chronology\n");
  const std::string json = b.search("xhronology workshop", true);
  CHECK(json.find("\"suggestions\": [\n    {\n      \"word\": \"xhronology\",\n      \"nearest\": [\n        "
                  "\"chronology\"\n      ]\n    }\n  ],\n  \"correction\": \"chronology workshop\"\n}") !=
        std::string::npos);
  // No correction when a word that finds nothing has no nearest word: each word's nearest instead.
  CHECK(b.search("xhronology zzzzzzzz") ==
        "no results for \"xhronology zzzzzzzz\"\ndid you mean: xhronology → chronology\n");
  CHECK(b.search("zzzzzzzz") == "no results for \"zzzzzzzz\"\n");
  CHECK(b.search("safeguarding", true).find("\"suggestions\": []") != std::string::npos);
}

TEST_CASE("search: qahub search: a misspelt phrase gets a corrected query that has results", "[search]") {
  Built b;
  CHECK(
      b.search("retrun interveiw").rfind("no results for \"retrun interveiw\"\ndid you mean: return interview\n", 0) ==
      0);
  CHECK(b.search("return interview").rfind("1 result for \"return interview\"\n\nReturn interviews", 0) == 0);
  // "interveiw" finds the page through the half-typed guess ("interv…"),
  // and the correction is offered beside the results.
  CHECK(b.search("return interveiw").rfind("1 result for \"return interveiw\"\ndid you mean: return interview\n", 0) ==
        0);
  // Found through the half-typed guess ("interv…"), with a suggestion beside the results.
  const std::string alone = b.search("interveiw", true);
  CHECK(alone.find("\"total\": 1") != std::string::npos);
  CHECK(alone.find("\"correction\": \"interview\"") != std::string::npos);
}

TEST_CASE("search: qahub search: possessives find what the plain word finds, in the same order", "[search]") {
  Built b;
  const std::string fathers = b.search("fathers");
  CHECK(fathers.rfind("2 results", 0) == 0);
  for (const char* q : {"father's", "father’s", "fathers'", "FATHER’S"}) {
    const std::string r = b.search(q);
    CHECK(r.substr(r.find('\n')) == fathers.substr(fathers.find('\n')));
  }
  CHECK(b.search("child's view").find("/practice/return-interviews/") != std::string::npos);
}

TEST_CASE("search: qahub search: lunr's query syntax is plain text, as on the page", "[search]") {
  Built b;
  // '+', '-', '*', '~', '^' and "field:" are trimmed or split like any text.
  CHECK(b.search("+safeguarding").find("/practice/safeguarding/") != std::string::npos);
  CHECK(b.search("safeguard*").find("/practice/safeguarding/") != std::string::npos);
  CHECK(b.search("-safeguarding").find("/practice/safeguarding/") != std::string::npos);
  CHECK(b.search("safeguarding~1").rfind("no results", 0) == 0);  // not a fuzzy match: no such word
  CHECK(b.search("title:safeguarding").rfind("no results", 0) == 0);
}

TEST_CASE("search: qahub search: an empty query is an error", "[search]") {
  TempSite site;
  std::ostringstream out, err;
  CHECK(run_search_command(site.dir / ".qahub", " \t", false, 10, out, err) == 1);
  CHECK(err.str() == "qahub: error: empty search query\n");
  CHECK(out.str().empty());
}

TEST_CASE("search: qahub search: a clear error before any build", "[search]") {
  TempSite site;
  std::ostringstream out, err;
  CHECK(run_search_command(site.dir / ".qahub", "CIN", false, 10, out, err) == 1);
  CHECK(err.str() ==
        "qahub: error: no search index in " + (site.dir / ".qahub" / "search").string() + "; run qahub build first\n");
  CHECK(out.str().empty());
}

TEST_CASE("search: qahub search: reads the build's files and writes nothing", "[search]") {
  Built b;
  const stdfs::path cache = b.site.dir / ".qahub" / "search";
  const auto before = stdfs::last_write_time(cache / "index.json");
  std::ostringstream out1, err1, out2, err2;
  CHECK(run_search_command(b.site.dir / ".qahub", "CIN", false, 10, out1, err1) == 0);
  CHECK(err1.str().empty());
  CHECK(run_search_command(b.site.dir / ".qahub", "CIN", false, 10, out2, err2) == 0);
  CHECK(out1.str() == out2.str());
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : stdfs::directory_iterator(cache)) ++entries;
  CHECK(entries == 4);
  CHECK(stdfs::last_write_time(cache / "index.json") == before);
}

TEST_CASE("search: qahub search: a damaged search cache is an error, not a crash", "[search]") {
  Built b;
  const stdfs::path dir = b.site.dir / ".qahub" / "search";
  std::ofstream(dir / "docs" / "0.json", std::ios::trunc) << "[]";
  std::ostringstream out0, err0;
  CHECK(run_search_command(b.site.dir / ".qahub", "CIN", false, 10, out0, err0) == 1);
  CHECK(err0.str().rfind(
            "qahub: error: damaged search cache " + (dir / "docs" / "0.json").string() + ": no entry for document ",
            0) == 0);
  CHECK(out0.str().empty());
  std::ofstream(dir / "meta.json", std::ios::trunc) << "{\"documents\": 0, \"chunks\": []}";
  std::ostringstream out, err;
  CHECK(run_search_command(b.site.dir / ".qahub", "CIN", false, 10, out, err) == 1);
  CHECK(err.str() ==
        "qahub: error: damaged search cache " + (dir / "meta.json").string() + ": not the store of index.json\n");
  std::ofstream(dir / "meta.json", std::ios::trunc) << "{\"documents\": 3, \"chunks\": [1]}";
  std::ostringstream out1, err1;
  CHECK(run_search_command(b.site.dir / ".qahub", "CIN", false, 10, out1, err1) == 1);
  CHECK(err1.str() ==
        "qahub: error: damaged search cache " + (dir / "meta.json").string() + ": not a document store\n");
  std::ofstream(dir / "index.json", std::ios::trunc) << "[";
  std::ostringstream out2, err2;
  CHECK(run_search_command(b.site.dir / ".qahub", "CIN", false, 10, out2, err2) == 1);
  CHECK(err2.str() == "qahub: error: damaged search cache " + (dir / "index.json").string() + ": not a lunr index\n");
  CHECK(out.str().empty());
  CHECK(out2.str().empty());
}

TEST_CASE("search: build_search: the script form only when asked (sites opened from disk)", "[search]") {
  TempSite site;
  SearchBuildOptions options;
  options.site_dir = site.dir;
  options.write_cache = false;
  qahub::base::OutputFiles out;
  qahub::diag::Diagnostics diags;
  REQUIRE(build_search(pages(), options, out, diags));
  CHECK(out.count("search/index.json") == 1);
  CHECK(out.count("search/meta.json") == 1);
  CHECK(out.count("search/docs/0.json") == 1);
  CHECK(out.count("search/docs/0.js") == 0);
  CHECK(out.count("search/index.js") == 0);
  CHECK_FALSE(stdfs::exists(site.dir / ".qahub"));
}
