#include <catch2/catch.hpp>

#include "fs/files.h"
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
