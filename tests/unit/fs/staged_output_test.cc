#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "fs/files.h"
#include "fs/staged_output.h"
#include "temp_dir.h"

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

TEST_CASE("staged output: a file that cannot be written leaves the old output", "[fs]") {
  auto root = std::filesystem::temp_directory_path() / ("qahub-stage-fail-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  auto out = root / "public";
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(out, {{"index.html", "old"}}, 1, d));
  // "a" is both a file and the folder of "a/b.html".
  CHECK_FALSE(fs::write_output_tree(out, {{"a", "file"}, {"a/b.html", "page"}, {"index.html", "new"}}, 2, d));
  CHECK(d.format_all() == "qahub: error: cannot write output file a\n");
  CHECK(*fs::read_file(out / "index.html") == "old");
  size_t entries = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(root)) ++entries;
  CHECK(entries == 1);
  std::filesystem::remove_all(root);
}

TEST_CASE("files: replace_file swaps the bytes in one rename", "[fs]") {
  auto root = std::filesystem::temp_directory_path() / ("qahub-replace-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  REQUIRE(fs::write_file(root / "a.html", "old"));
  CHECK(fs::replace_file(root / "a.html", "new"));
  CHECK(*fs::read_file(root / "a.html") == "new");
  std::filesystem::create_directories(root / "dir/inside");
  CHECK_FALSE(fs::replace_file(root / "dir", "x"));  // a non-empty folder is not replaced
  CHECK_FALSE(std::filesystem::exists(root / "dir.qahub-new"));
  std::filesystem::remove_all(root);
}

namespace {
/// The real rename, with every call recorded as "exchange" or "rename", and
/// RENAME_EXCHANGE answered with `exchange_errno` when it is not 0.
struct RecordingRename {
  std::vector<std::string> calls;
  int exchange_errno = 0;
  fs::RenameFn fn() {
    return [this](const std::filesystem::path& from, const std::filesystem::path& to, unsigned flags) {
      calls.push_back(flags ? "exchange" : "rename");
      if (flags && exchange_errno) return exchange_errno;
      return fs::system_rename(from, to, flags);
    };
  }
};

size_t entries_in(const std::filesystem::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}
}  // namespace

TEST_CASE("staged output: the swap is one RENAME_EXCHANGE where the kernel has it", "[fs]") {
  testing::TempDir root("stage-exchange");
  const auto out = root.path() / "public";
  diag::Diagnostics d;
  RecordingRename r;
  REQUIRE(fs::write_output_tree(out, {{"index.html", "one"}}, 1, d, r.fn()));
  CHECK(r.calls == std::vector<std::string>{"rename"});  // nothing to exchange with yet
  r.calls.clear();
  REQUIRE(fs::write_output_tree(out, {{"index.html", "two"}}, 1, d, r.fn()));
  CHECK(r.calls == std::vector<std::string>{"exchange"});
  CHECK(*fs::read_file(out / "index.html") == "two");
  CHECK(entries_in(root.path()) == 1);
}

TEST_CASE("staged output: without RENAME_EXCHANGE it falls back to two renames", "[fs]") {
  for (int missing : {EINVAL, ENOSYS}) {
    testing::TempDir root("stage-fallback");
    const auto out = root.path() / "public";
    diag::Diagnostics d;
    RecordingRename r;
    r.exchange_errno = missing;
    REQUIRE(fs::write_output_tree(out, {{"index.html", "one"}}, 1, d, r.fn()));
    r.calls.clear();
    REQUIRE(fs::write_output_tree(out, {{"index.html", "two"}}, 1, d, r.fn()));
    CHECK(r.calls == std::vector<std::string>{"exchange", "rename", "rename"});
    CHECK(*fs::read_file(out / "index.html") == "two");
    CHECK(entries_in(root.path()) == 1);
    CHECK(d.format_all().empty());
  }
}

TEST_CASE("staged output: a failing exchange leaves the old output and says why", "[fs]") {
  testing::TempDir root("stage-exchange-fails");
  const auto out = root.path() / "public";
  diag::Diagnostics d;
  RecordingRename r;
  REQUIRE(fs::write_output_tree(out, {{"index.html", "old"}}, 1, d, r.fn()));
  r.exchange_errno = EACCES;
  CHECK_FALSE(fs::write_output_tree(out, {{"index.html", "new"}}, 1, d, r.fn()));
  CHECK(d.format_all() == "qahub: error: cannot replace output directory " + out.string() + ": Permission denied\n");
  CHECK(*fs::read_file(out / "index.html") == "old");
  CHECK(entries_in(root.path()) == 1);
}
