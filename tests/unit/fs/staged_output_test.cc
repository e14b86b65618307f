#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "fs/files.h"
#include "fs/output_dir.h"
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
  qahub::diag::Diagnostics diags;
  CHECK(fs::list_files(root, "content", diags) == std::vector<std::string>{"content/a/z.md", "content/b.md"});
  CHECK(fs::list_files(root, "missing", diags).empty());
  CHECK(diags.format_all().empty());
  std::filesystem::remove_all(root);
}

TEST_CASE("staged output: a file that cannot be written leaves the old output", "[fs]") {
  auto root = std::filesystem::temp_directory_path() / ("qahub-stage-fail-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  auto out = root / "public";
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(out, {{"index.html", "old"}}, 1, d));
  // A name longer than any file system takes (ENAMETOOLONG), even for root.
  const std::string long_name(300, 'x');
  CHECK_FALSE(fs::write_output_tree(out, {{long_name, "file"}, {"a/b.html", "page"}, {"index.html", "new"}}, 2, d));
  CHECK(d.format_all() == "qahub: error: cannot write output file " + long_name + "\n");
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

TEST_CASE("staged output: paths the output rule refuses write nothing", "[fs]") {
  testing::TempDir root("stage-rule");
  const auto out = root.path() / "public";
  root.write("canary.txt", "canary");
  const std::vector<std::pair<std::map<std::string, std::string>, std::string>> cases = {
      {{{"../x/index.html", "x"}},
       "output path \"../x/index.html\" has a \"..\" segment, which would leave the output folder"},
      {{{"/f02x/index.html", "x"}}, "output path \"/f02x/index.html\" has an empty segment (//)"},
      {{{"a", "file"}, {"a/b.html", "page"}}, "output path \"a\" is a file where \"a/b.html\" needs a folder"},
      {{{"Page/index.html", "1"}, {"page/index.html", "2"}},
       "output paths \"Page/index.html\" and \"page/index.html\" differ only in case"},
      {{{".qahub-output", "x"}},
       "output path \".qahub-output\" has a segment starting with \".\", which web servers hide"},
  };
  for (const auto& [files, why] : cases) {
    diag::Diagnostics d;
    CHECK_FALSE(fs::write_output_tree(out, files, 1, d));
    CHECK(d.format_all() == "qahub: error: cannot write the output: " + why + "\n");
  }
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(*fs::read_file(root.path() / "canary.txt") == "canary");
  size_t entries = 0;
  for ([[maybe_unused]] auto& e : std::filesystem::directory_iterator(root.path())) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("staged output: the marker lists every file; a folder of other files is never replaced", "[fs]") {
  testing::TempDir root("stage-marker");
  const auto out = root.path() / "public";
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(out, {{"a/index.html", "one"}, {"index.html", "home"}}, 1, d));
  CHECK(*fs::read_file(out / fs::kOutputMarker) ==
        "# qahub wrote the files below; a build replaces this folder only while every file in it is listed here\n"
        "a/index.html\nindex.html\n");
  CHECK_FALSE(fs::first_foreign_file(out));
  // An author's file dropped into the output: the next build refuses, changing nothing.
  root.write("public/notes.txt", "mine");
  CHECK(fs::first_foreign_file(out) == "notes.txt");
  CHECK_FALSE(fs::write_output_tree(out, {{"index.html", "new"}}, 1, d));
  CHECK(d.format_all() == "qahub: error: cannot replace " + out.string() +
                              ": it holds files qahub did not write, such as \"notes.txt\" (--force replaces it)\n");
  CHECK(*fs::read_file(out / "notes.txt") == "mine");
  CHECK(*fs::read_file(out / "index.html") == "home");
  // --force replaces it.
  diag::Diagnostics forced;
  REQUIRE(fs::write_output_tree(out, {{"index.html", "new"}}, 1, forced, fs::system_rename, fs::system_remove, true));
  CHECK_FALSE(std::filesystem::exists(out / "notes.txt"));
}

TEST_CASE("staged output: an output of an earlier qahub, without a marker, is accepted once", "[fs]") {
  testing::TempDir root("stage-legacy");
  root.write("public/404.html", "x");
  root.write("public/search/index.json", "{}");
  root.write("public/a/index.html", "x");
  CHECK_FALSE(fs::first_foreign_file(root.path() / "public"));
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(root.path() / "public", {{"index.html", "new"}}, 1, d));
  CHECK(std::filesystem::exists(root.path() / "public" / fs::kOutputMarker));
  // Without those two files, an unmarked folder is an author's.
  root.write("other/a.txt", "x");
  CHECK(fs::first_foreign_file(root.path() / "other") == "a.txt");
}

TEST_CASE("staged output: an old tree that cannot be removed is named, and removed by the next build", "[fs]") {
  testing::TempDir root("stage-stuck");
  const auto out = root.path() / "public";
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(out, {{"a/stuck.html", "old"}, {"index.html", "old"}}, 1, d));
  auto stuck = [](const std::filesystem::path& p) {
    return p.filename() == "stuck.html" ? EPERM : fs::system_remove(p);
  };
  bool replaced = false;
  CHECK_FALSE(fs::write_output_tree(out, {{"index.html", "new"}}, 1, d, fs::system_rename, stuck, false, &replaced));
  CHECK(replaced);
  const std::string left = ".public.staging-" + std::to_string(::getpid());
  CHECK(d.format_all() == "qahub: error: cannot remove the previous output, left at " + (root.path() / left).string() +
                              " (" + left + "/a/stuck.html: Operation not permitted); the next build removes it\n");
  CHECK(*fs::read_file(out / "index.html") == "new");
  REQUIRE(std::filesystem::exists(root.path() / left / fs::kOutputMarker));  // removed last
  diag::Diagnostics next;
  REQUIRE(fs::write_output_tree(out, {{"index.html", "newer"}}, 1, next));
  CHECK_FALSE(std::filesystem::exists(root.path() / left));
  CHECK(next.format_all().empty());
}

TEST_CASE("staged output: a staged file may be a hard link to a file qahub wrote", "[fs]") {
  qahub::testing::TempDir tmp("stage-link");
  const auto out = tmp.path() / "public";
  const auto source = tmp.path() / "cache-index.json";
  REQUIRE(fs::write_file(source, "{\"v\":1}"));
  auto area = fs::StagingArea::open(out, {"search/index.json", "a/index.html"});
  REQUIRE(area);
  REQUIRE(area->write("a/index.html", "<p>a</p>"));
  CHECK(area->link("search/index.json", source, 7));
  // No source, a refused path, the marker: nothing recorded, the caller writes the bytes.
  CHECK_FALSE(area->link("search/words.json", tmp.path() / "missing.json", 3));
  CHECK_FALSE(area->link("../escape.json", source, 7));
  CHECK_FALSE(area->link(std::string(fs::kOutputMarker), source, 7));
  CHECK(area->written() == std::map<std::string, size_t>{{"a/index.html", 8}, {"search/index.json", 7}});
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(out, {}, *area, 1, d));
  CHECK(d.format_all().empty());
  CHECK(std::filesystem::equivalent(out / "search/index.json", source));
  CHECK(*fs::read_file(out / "search/index.json") == "{\"v\":1}");
}

TEST_CASE("staged output: the previous tree goes by its marker's list, an empty folder besides", "[fs]") {
  testing::TempDir root("stage-listed");
  const auto out = root.path() / "public";
  diag::Diagnostics d;
  REQUIRE(fs::write_output_tree(out, {{"a/b/c/index.html", "old"}, {"a/index.html", "old"}, {"x.css", "old"}}, 2, d));
  std::filesystem::create_directories(out / "a" / "made-by-hand");  // no file in it: nothing the check refuses
  REQUIRE(fs::write_output_tree(out, {{"index.html", "new"}}, 2, d));
  CHECK(d.format_all().empty());
  CHECK_FALSE(std::filesystem::exists(out / "a"));
  CHECK(*fs::read_file(out / "index.html") == "new");
  for (const auto& entry : std::filesystem::directory_iterator(root.path()))
    CHECK(entry.path().filename() == "public");  // nothing left beside it
}
