#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "records/site_fixture.h"

using namespace qahub::records;
using namespace qahub::records::testing;

namespace {

/// One file per page: its metadata, outline and body, so a diff shows any change.
std::string page_text(const RecordPage& p) {
  std::string s = "url: " + p.url + "\nsource: " + p.source + "\ntitle: " + p.title +
                  "\ndescription: " + p.description + "\nsection: " + p.section + "\ntags:";
  for (const std::string& t : p.tags) s += " " + t;
  s += "\norder:";
  for (const std::string& o : p.order) s += " [" + o + "]";
  if (!p.pager_group.empty()) s += "\npager group: " + p.pager_group;
  s += "\ntoc:";
  for (const auto& h : p.toc) s += " #" + h.id;
  s += "\nsearch sections:";
  for (const auto& sec : p.search_sections) s += " [" + sec.id + "] " + std::to_string(sec.text.size());
  return s + "\n---\n" + p.body_html;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

// Golden output of every record page kind for tests/records/site as of
// 2026-11-23. To approve a change: QAHUB_APPROVE=1 qahub_tests "[records]",
// then review the diff of tests/records/expected/.
TEST_CASE("records: golden output of the fixture site", "[records]") {
  const std::filesystem::path root = std::filesystem::path(QAHUB_SOURCE_DIR) / "tests/records";
  Built b(root / "site", "2026-11-23");
  std::map<std::string, std::string> actual;
  for (const RecordPage& p : b.result.pages) actual["pages" + p.url + "index.txt"] = page_text(p);
  for (const auto& [path, bytes] : b.result.files) actual["files/" + path] = bytes;
  actual["diagnostics.txt"] = b.diags.format_all();
  std::string nav;
  for (const NavEntry& n : b.result.nav) nav += std::to_string(n.weight) + " " + n.url + " " + n.title + "\n";
  actual["nav.txt"] = nav;
  std::string back;
  for (const auto& [url, links] : b.result.backlinks)
    for (const BackLink& l : links) back += url + " <- " + l.url + " " + l.title + "\n";
  actual["backlinks.txt"] = back;

  const std::filesystem::path expected_dir = root / "expected";
  if (std::getenv("QAHUB_APPROVE")) {
    std::filesystem::remove_all(expected_dir);
    for (const auto& [path, text] : actual) {
      std::filesystem::create_directories((expected_dir / path).parent_path());
      std::ofstream(expected_dir / path, std::ios::binary) << text;
    }
  }
  size_t expected_files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(expected_dir))
    if (e.is_regular_file()) ++expected_files;
  CHECK(expected_files == actual.size());
  bool all_same = true;
  for (const auto& [path, text] : actual) {
    INFO(path);
    bool same = read(expected_dir / path) == text;
    CHECK(same);
    all_same = all_same && same;
  }
  if (!all_same) {
    const std::filesystem::path out = root / "expected.actual";
    std::filesystem::remove_all(out);
    for (const auto& [path, text] : actual) {
      std::filesystem::create_directories((out / path).parent_path());
      std::ofstream(out / path, std::ios::binary) << text;
    }
    WARN("wrote " + out.string() + "; diff it against " + expected_dir.string());
  }
}
