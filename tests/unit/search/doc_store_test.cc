// The store's split into meta.json and chunks (generator/search/README.md §7).
#include "search/doc_store.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "search/documents.h"
#include "search/unicode.h"

using namespace qahub::search;

namespace {

/// `n` pages whose entries are a little over `text_bytes` long each.
std::vector<SearchPage> pages(size_t n, size_t text_bytes) {
  std::vector<SearchPage> out;
  for (size_t i = 0; i < n; ++i) {
    SearchPage p;
    p.url = "/guides/page-" + std::to_string(1000 + i) + "/";
    p.title = "Page " + std::to_string(i);
    // Sections of 1,000 bytes: section texts are cut at kMaxSectionText.
    for (size_t done = 0; done < text_bytes; done += 1000)
      p.sections.push_back({done ? "s" + std::to_string(done) : "", "", std::string(1000, 'x')});
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

TEST_CASE("search: doc_store: chunks in document order, closed at kChunkBytes", "[search]") {
  const SynonymTable none;
  const std::vector<SearchPage> input = pages(50, 1000);
  const std::vector<IndexedDoc> docs = make_documents(input, none);
  const DocStore store = doc_store(docs, none);
  const auto meta = nlohmann::json::parse(store.meta);
  CHECK(meta["documents"] == 50);
  REQUIRE(meta["chunks"].size() == store.chunks.size());
  CHECK(meta["stopWords"].is_array());
  CHECK(meta["synonyms"].is_array());
  CHECK(meta.find("docs") == meta.end());
  size_t ref = 0;
  for (size_t k = 0; k < store.chunks.size(); ++k) {
    CHECK(meta["chunks"][k] == ref);
    const auto chunk = nlohmann::json::parse(store.chunks[k]);
    REQUIRE(chunk.is_array());
    REQUIRE_FALSE(chunk.empty());
    for (const auto& entry : chunk) CHECK(entry == nlohmann::json::parse(doc_entry_json(docs[ref++])));
    // Closed once it reaches the threshold: without its last entry it was under it.
    const std::string without_last = store.chunks[k].substr(0, store.chunks[k].rfind(",{\"u\""));
    if (k + 1 < store.chunks.size()) {
      CHECK(store.chunks[k].size() >= kChunkBytes);
      CHECK(without_last.size() < kChunkBytes);
    }
  }
  CHECK(ref == 50);
  CHECK(store.chunks.size() > 5);  // about 1,050 bytes an entry: 6 a chunk
  // The same pages on more threads: the same bytes.
  const DocStore again = doc_store(make_documents(input, none, 4), none);
  CHECK(again.meta == store.meta);
  CHECK(again.chunks == store.chunks);
}

TEST_CASE("search: doc_store: an entry is the bytes nlohmann's compact dump of the same fields gives", "[search]") {
  const SynonymTable none;
  std::vector<SearchPage> input = pages(3, 2500);
  input[0].title = "Quotes \" and \\ and \t tabs \x01 \xC3\xA9";
  input[1].description = "Line\nbreak, bad byte \xFF, long \xE2\x80\xA6";
  input[2].section = "/guides/";
  input[2].sections.push_back({"id-\"x\"", "Heading \x1F", "Text"});
  const std::vector<IndexedDoc> docs = make_documents(input, none);
  for (const IndexedDoc& d : docs) {
    nlohmann::ordered_json sections = nlohmann::ordered_json::array();
    for (const auto& s : d.page->text())
      sections.push_back(
          {sanitize_utf8(s.id), sanitize_utf8(s.heading), truncate_text(sanitize_utf8(s.text), kMaxSectionText)});
    const nlohmann::ordered_json entry = {{"u", sanitize_utf8(d.page->url)},
                                          {"t", d.fields[kTitle]},
                                          {"s", sanitize_utf8(d.page->section)},
                                          {"d", sanitize_utf8(d.page->description)},
                                          {"h", std::move(sections)}};
    CHECK(doc_entry_json(d) == entry.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  }
}

TEST_CASE("search: doc_store: an entry larger than a chunk is a chunk of its own", "[search]") {
  const SynonymTable none;
  const std::vector<SearchPage> input = pages(3, kChunkBytes * 2);  // IndexedDoc points into it
  const std::vector<IndexedDoc> docs = make_documents(input, none);
  const DocStore store = doc_store(docs, none);
  CHECK(store.chunks.size() == 3);
  CHECK(nlohmann::json::parse(store.meta)["chunks"] == nlohmann::json::array({0, 1, 2}));
}

TEST_CASE("search: doc_store: no pages, no chunks", "[search]") {
  const SynonymTable none;
  const DocStore store = doc_store({}, none);
  CHECK(store.chunks.empty());
  CHECK(nlohmann::json::parse(store.meta)["documents"] == 0);
  CHECK(nlohmann::json::parse(store.meta)["chunks"] == nlohmann::json::array());
}

TEST_CASE("search: doc_store: chunk scripts and paths", "[search]") {
  CHECK(chunk_path(7, ".json") == "search/docs/7.json");
  CHECK(chunk_path(7, ".js") == "search/docs/7.js");
  CHECK(chunk_script(7, "[]") == "(window.QAHUB_DOCS = window.QAHUB_DOCS || {})[7] = [];\n");
  CHECK(index_script("{}", "{\"documents\":0}") ==
        "window.QAHUB_SEARCH = {\"index\": {}, \"meta\": {\"documents\":0}};\n");
}
