#include <catch2/catch.hpp>

#include "diag/placeholders.h"

using namespace qahub;

namespace {
std::string positions(const std::string& text, int line_offset = 0) {
  std::string out;
  for (const diag::Position& p : diag::find_placeholders(text, "content/a.md", line_offset))
    out += p.path + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + "\n";
  return out;
}
}  // namespace

TEST_CASE("diag: find_placeholders: each TODO: at its line and byte column", "[diag]") {
  CHECK(positions("TODO: write this\n") == "content/a.md:1:1\n");
  CHECK(positions("---\ntitle: \"TODO: a title\"\n---\n\nSee é TODO: later. TODO: and this\n") ==
        "content/a.md:2:9\ncontent/a.md:5:8\ncontent/a.md:5:21\n");
  CHECK(positions("x\nTODO: y", 10) == "content/a.md:12:1\n");
}

TEST_CASE("diag: find_placeholders: only a word of its own, with its colon", "[diag]") {
  CHECK(positions("TODO later, XTODO: no, todo: no, TODO : no, _TODO: no\n").empty());
  CHECK(positions("(TODO: yes)").size() > 0);
  CHECK(positions("").empty());
}

TEST_CASE("diag: find_markdown_placeholders: code shows a placeholder, it does not leave one", "[diag]") {
  auto md = [](const std::string& text) {
    std::string out;
    for (const diag::Position& p : diag::find_markdown_placeholders(text, "content/a.md"))
      out += std::to_string(p.line) + ":" + std::to_string(p.col) + "\n";
    return out;
  };
  CHECK(md("Write `TODO: x` where text is missing. TODO: this one\n") == "1:40\n");
  CHECK(md("``a `TODO:` b`` and ```TODO:``` TODO:\n") == "1:33\n");
  CHECK(md("`unclosed TODO: counts\n") == "1:11\n");
  CHECK(md("Text\n```\nTODO: in a fence\n```\nTODO: after\n") == "5:1\n");
  CHECK(md("~~~~ text\nTODO: in\n~~~\nTODO: still in\n~~~~\nTODO: out\n") == "6:1\n");
  CHECK(md("   ```\nTODO: in\n") == "");  // a fence never closed runs to the end, as in CommonMark
  CHECK(md("---\ntitle: \"TODO: a title\"\n---\n\nTODO: x\n") == "2:9\n5:1\n");
}
