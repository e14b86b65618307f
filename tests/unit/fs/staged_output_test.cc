#include <catch2/catch.hpp>

#include <unistd.h>

#include "fs/files.h"
#include "fs/staged_output.h"

using namespace qahub;

TEST_CASE("staged output: replaces the whole tree and removes stale files", "[fs]") {
  auto root = std::filesystem::temp_directory_path() / ("qahub-stage-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  auto out = root / "public";
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(out, {{"a/index.html", "one"}, {"stale.txt", "x"}}, 2, d));
  REQUIRE(fs::write_output_tree(out, {{"a/index.html", "two"}, {"b/c/d.txt", "deep"}}, 2, d));
  CHECK(*fs::read_file(out / "a/index.html") == "two");
  CHECK(*fs::read_file(out / "b/c/d.txt") == "deep");
  CHECK_FALSE(std::filesystem::exists(out / "stale.txt"));
  // Nothing but the output directory is left beside it.
  size_t entries = 0;
  for (auto& e : std::filesystem::directory_iterator(root)) entries += e.path().filename() == "public" ? 1 : 100;
  CHECK(entries == 1);
  std::filesystem::remove_all(root);
}

TEST_CASE("files: list_files is sorted and skips hidden entries", "[fs]") {
  auto root = std::filesystem::temp_directory_path() / ("qahub-list-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  fs::write_file(root / "content/b.md", "b");
  fs::write_file(root / "content/a/z.md", "z");
  fs::write_file(root / "content/.hidden/x.md", "x");
  fs::write_file(root / "content/.swp", "x");
  CHECK(fs::list_files(root, "content") == std::vector<std::string>{"content/a/z.md", "content/b.md"});
  CHECK(fs::list_files(root, "missing").empty());
  std::filesystem::remove_all(root);
}
