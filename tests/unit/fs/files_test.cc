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
