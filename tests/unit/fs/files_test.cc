#include <catch2/catch.hpp>

#include "fs/files.h"
#include "fs/output_dir.h"
#include "temp_dir.h"

using namespace qahub;

TEST_CASE("fs: create_new_file creates parents and never overwrites", "[fs]") {
  testing::TempDir dir("fs-new");
  const std::filesystem::path p = dir.path() / "data" / "cycles" / "x.json";
  CHECK(fs::create_new_file(p, "first\n") == fs::NewFile::kCreated);
  CHECK(*fs::read_file(p) == "first\n");
  CHECK(fs::create_new_file(p, "second\n") == fs::NewFile::kExists);
  CHECK(*fs::read_file(p) == "first\n");
  CHECK(fs::create_new_file(dir.path() / "data" / "cycles" / "x.json" / "under-a-file", "x") == fs::NewFile::kFailed);
}

TEST_CASE("fs: site_problem: a site has content/, data/ or qahub.yaml", "[fs]") {
  testing::TempDir dir("fs-site");
  const std::string d = dir.path().string();
  CHECK(*fs::site_problem(dir.path() / "nope") == "no site at \"" + d + "/nope\": the directory does not exist");
  CHECK(*fs::site_problem(dir.path()) == "no site at \"" + d + "\": it has none of content/, data/ and qahub.yaml");
  dir.write("file.txt", "x");
  CHECK(*fs::site_problem(dir.path() / "file.txt") == "no site at \"" + d + "/file.txt\": it is not a directory");
  for (const char* entry : {"content/a.md", "data/x.json", "qahub.yaml"}) {
    testing::TempDir site("fs-site-ok");
    site.write(entry, "x");
    CHECK_FALSE(fs::site_problem(site.path()));
  }
}

TEST_CASE("files: symbolic links are followed only inside the site, named by their own path", "[fs]") {
  qahub::testing::TempDir root("links");
  const auto site = root.path() / "site";
  root.write("site/content/a.md", "a");
  root.write("site/data/notes/shared.md", "s");
  root.write("site/content/dir/b.md", "b");
  root.write("outside/far.md", "far");
  root.write("far.md", "in the folder that holds the site");
  root.write("outside/folder/x.md", "x");
  namespace stdfs = std::filesystem;
  stdfs::create_symlink("../data/notes/shared.md", site / "content/shared.md");  // inside: followed
  stdfs::create_symlink("dir", site / "content/linked");                         // a folder inside: followed
  stdfs::create_symlink("../../outside/far.md", site / "content/far.md");        // outside
  stdfs::create_symlink(root.path() / "outside/folder", site / "content/folder");
  stdfs::create_symlink("../../far.md", site / "content/parent.md");  // the site's parent folder
  stdfs::create_symlink(".", site / "content/dir/loop");              // a loop
  stdfs::create_symlink("..", site / "content/up");                   // the folder holding it: a loop
  stdfs::create_symlink("missing.md", site / "content/dangling.md");
  qahub::diag::Diagnostics diags;
  CHECK(qahub::fs::list_files(site, "content", diags) ==
        std::vector<std::string>{"content/a.md", "content/dir/b.md", "content/linked/b.md", "content/shared.md"});
  CHECK(diags.format_all() ==
        "content/dangling.md: error: symbolic link leads nowhere (to missing.md)\n"
        "content/dir/loop: error: symbolic link makes a loop (to ., a folder it is in)\n"
        "content/far.md: error: symbolic link leads outside the site (to ../../outside/far.md)\n"
        "content/folder: error: symbolic link leads outside the site (to " +
            (root.path() / "outside/folder").string() +
            ")\n"
            "content/linked/loop: error: symbolic link makes a loop (to ., a folder it is in)\n"
            "content/parent.md: error: symbolic link leads outside the site (to ../../far.md)\n"
            "content/up: error: symbolic link makes a loop (to .., a folder it is in)\n");
  // A folder of the site that is itself a link outside is refused whole.
  stdfs::create_symlink(root.path() / "outside", site / "themes");
  qahub::diag::Diagnostics themes;
  CHECK(qahub::fs::list_files(site, "themes", themes).empty());
  CHECK(themes.format_all() ==
        "themes: error: symbolic link leads outside the site (to " + (root.path() / "outside").string() + ")\n");
  CHECK(qahub::fs::outside_site(site, "themes/far.md") ==
        "symbolic link leads outside the site (to " + (root.path() / "outside").string() + ")");
  CHECK(qahub::fs::outside_site(site, "content/a.md").empty());
}

TEST_CASE("files: the --out rule", "[fs]") {
  qahub::testing::TempDir root("out-rule");
  const auto site = root.path() / "site";
  root.write("site/content/a.md", "a");
  root.write("site/data/x.json", "{}");
  root.write("site/themes/t/x.css", "");
  root.write("site/.qahub/x", "");
  root.write("file.txt", "x");
  root.write("mine/notes.txt", "x");
  auto problem = [&](const std::filesystem::path& out) {
    auto p = qahub::fs::out_dir_problem(site, out, out.lexically_relative(root.path()).string(), false);
    return p ? std::to_string(p->exit_code) + " " + p->message : std::string("ok");
  };
  CHECK(problem(site) == "2 --out \"site\" is the site folder itself");
  CHECK(problem(site / "") == "2 --out \"site/\" is the site folder itself");
  CHECK(problem(root.path()) == "2 --out \".\" holds the site; building there would replace its sources");
  CHECK(problem(site / "content") ==
        "2 --out \"site/content\" is inside the site's content/ folder, which holds its sources");
  CHECK(problem(site / "content/public") ==
        "2 --out \"site/content/public\" is inside the site's content/ folder, which holds its sources");
  CHECK(problem(site / "data") == "2 --out \"site/data\" is inside the site's data/ folder, which holds its sources");
  CHECK(problem(site / "themes/t") ==
        "2 --out \"site/themes/t\" is inside the site's themes/ folder, which holds its sources");
  CHECK(problem(site / ".qahub/out") ==
        "2 --out \"site/.qahub/out\" is inside the site's .qahub/ folder, which holds qahub's cache");
  CHECK(problem(site / "content/../data") ==
        "2 --out \"site/content/../data\" is inside the site's data/ folder, which holds its sources");
  CHECK(problem(root.path() / "file.txt") == "2 --out \"file.txt\" is a file, not a folder");
  CHECK(problem(root.path() / "mine") ==
        "1 --out \"mine\" holds files qahub did not write, such as \"notes.txt\"; choose a new or empty folder, or "
        "pass --force to replace it");
  CHECK(problem(site / "public") == "ok");
  CHECK(problem(root.path() / "new/out") == "ok");
  std::filesystem::create_symlink(root.path() / "mine", root.path() / "link");
  CHECK(problem(root.path() / "link") == "2 --out \"link\" is a symbolic link; give the folder it leads to");
  CHECK_FALSE(qahub::fs::out_dir_problem(site, root.path() / "mine", "mine", true));  // --force
  CHECK(qahub::fs::cache_dir_problem(site / ".qahub").empty());
}

TEST_CASE("fs: --cache-dir may not be the site, its sources or the output", "[fs]") {
  testing::TempDir root("fs-cache-option");
  const std::filesystem::path site = root.path() / "site", out = site / "public";
  std::filesystem::create_directories(site / "content");
  auto problem = [&](const std::filesystem::path& cache, bool with_out = true) {
    auto p = fs::cache_option_problem(site, cache, with_out ? &out : nullptr,
                                      cache.lexically_relative(root.path()).generic_string());
    return p ? *p : std::string("ok");
  };
  CHECK(problem(site) == "--cache-dir \"site\" is the site folder itself");
  CHECK(problem(root.path()) == "--cache-dir \".\" holds the site");
  CHECK(problem(site / "content/c") ==
        "--cache-dir \"site/content/c\" is inside the site's content/ folder, which holds its sources");
  CHECK(problem(site / "data") ==
        "--cache-dir \"site/data\" is inside the site's data/ folder, which holds its sources");
  CHECK(problem(out / "c") == "--cache-dir \"site/public/c\" is inside the output folder, which each build replaces");
  CHECK(problem(out / "c", false) == "ok");  // serve: no --out
  CHECK(problem(site / ".qahub") == "ok");
  CHECK(problem(root.path() / "cache") == "ok");
}

TEST_CASE("fs: cache_dir_problem gives the reason; is_search_cache knows only a search cache", "[fs]") {
  testing::TempDir root("fs-cache");
  CHECK(fs::cache_dir_problem(root.path() / "new" / "cache").empty());  // created
  CHECK(std::filesystem::is_directory(root.path() / "new" / "cache"));
  REQUIRE(fs::write_file(root.path() / "file", "x"));
  CHECK(fs::cache_dir_problem(root.path() / "file") == "it is a file, not a folder");
  CHECK(fs::cache_dir_problem(root.path() / "file" / "under") == "Not a directory");
  std::filesystem::create_directory_symlink(root.path() / "new", root.path() / "link");
  CHECK(fs::cache_dir_problem(root.path() / "link") == "it is a symbolic link, and qahub does not write through one");

  const std::filesystem::path cache = root.path() / "search";
  CHECK(fs::is_search_cache(cache));  // missing
  std::filesystem::create_directories(cache / "docs");
  for (const char* f : {"index.json", "meta.json", "words.json", "docs/0.json", "docs/12.json"})
    REQUIRE(fs::write_file(cache / f, "{}"));
  CHECK(fs::is_search_cache(cache));
  REQUIRE(fs::write_file(cache / "docs" / "notes.json", "{}"));
  CHECK_FALSE(fs::is_search_cache(cache));
  std::filesystem::remove(cache / "docs" / "notes.json");
  REQUIRE(fs::write_file(cache / "thesis.docx", "mine"));
  CHECK_FALSE(fs::is_search_cache(cache));
  CHECK_FALSE(fs::is_search_cache(root.path() / "file"));
  CHECK_FALSE(fs::is_search_cache(root.path() / "link"));
}

TEST_CASE("files: read_file reads whole files, stat size or not", "[fs]") {
  qahub::testing::TempDir tmp("read-file");
  std::string big(200000, 'x');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  REQUIRE(fs::write_file(tmp.path() / "big.txt", big));
  REQUIRE(fs::write_file(tmp.path() / "empty.txt", ""));
  CHECK(fs::read_file(tmp.path() / "big.txt") == big);
  CHECK(fs::read_file(tmp.path() / "empty.txt") == std::string());
  // /proc files say size 0 and still have bytes to read.
  const auto status = fs::read_file("/proc/self/status");
  REQUIRE(status);
  CHECK(status->find("Name:") == 0);
  CHECK_FALSE(fs::read_file(tmp.path() / "missing.txt"));
  CHECK_FALSE(fs::read_file(tmp.path()));  // a folder
}

TEST_CASE("files: write_file of parts writes them joined, making the folder", "[fs]") {
  qahub::testing::TempDir tmp("write-parts");
  const auto path = tmp.path() / "new" / "folder" / "index.json";
  REQUIRE(fs::write_file(path, std::vector<std::string>{"{\"a\":", "", "[1,2]", "}"}));
  CHECK(fs::read_file(path) == "{\"a\":[1,2]}");
  REQUIRE(fs::write_file(path, std::vector<std::string>{"x"}));  // replaced, not appended
  CHECK(fs::read_file(path) == "x");
  CHECK_FALSE(
      fs::write_file(tmp.path() / "new" / "folder" / "index.json" / "under-a-file", std::vector<std::string>{"y"}));
}
