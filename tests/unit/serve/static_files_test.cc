#include <catch2/catch.hpp>

#include "serve/static_files.h"
#include "temp_dir.h"

using namespace qahub;
using serve::Resolution;

namespace {

struct Site {
  testing::TempDir dir{"serve-static"};
  std::filesystem::path root = dir.path() / "public";
  Site() {
    dir.write("public/index.html", "home");
    dir.write("public/framework/index.html", "framework");
    dir.write("public/framework/values/index.html", "values");
    dir.write("public/assets/site.css", "body{}");
    dir.write("public/empty/.keep", "");
    dir.write("secret.txt", "outside the root");
  }
};

}  // namespace

TEST_CASE("serve: files and directory index pages resolve inside the root", "[serve]") {
  Site s;
  Resolution r = serve::resolve_request(s.root, "/");
  CHECK(r.kind == Resolution::kFile);
  CHECK(r.file == s.root / "index.html");
  r = serve::resolve_request(s.root, "/framework/values/");
  CHECK(r.kind == Resolution::kFile);
  CHECK(r.file == s.root / "framework/values/index.html");
  r = serve::resolve_request(s.root, "/assets/site.css");
  CHECK(r.kind == Resolution::kFile);
  CHECK(r.file == s.root / "assets/site.css");
}

TEST_CASE("serve: a directory without its slash redirects", "[serve]") {
  Site s;
  Resolution r = serve::resolve_request(s.root, "/framework");
  CHECK(r.kind == Resolution::kRedirect);
  CHECK(r.location == "/framework/");
}

TEST_CASE("serve: missing files, directories without index.html and file paths with a slash are not found", "[serve]") {
  Site s;
  CHECK(serve::resolve_request(s.root, "/nothing-here").kind == Resolution::kNotFound);
  CHECK(serve::resolve_request(s.root, "/empty/").kind == Resolution::kNotFound);
  CHECK(serve::resolve_request(s.root, "/assets/site.css/").kind == Resolution::kNotFound);
}

TEST_CASE("serve: .. segments are refused before touching the disk", "[serve]") {
  Site s;
  CHECK(serve::resolve_request(s.root, "/../secret.txt").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, "/framework/../../secret.txt").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, "/framework/..").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, "/..\\secret.txt").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, "relative").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, std::string_view("/a\0b", 4)).kind == Resolution::kForbidden);
}

TEST_CASE("serve: symlinks that leave the root are refused, symlinks inside it are served", "[serve]") {
  Site s;
  std::filesystem::create_symlink(s.dir.path() / "secret.txt", s.root / "leak.txt");
  std::filesystem::create_directory_symlink(s.dir.path(), s.root / "up");
  std::filesystem::create_symlink(s.root / "assets/site.css", s.root / "alias.css");
  CHECK(serve::resolve_request(s.root, "/leak.txt").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, "/up/secret.txt").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, "/up/").kind == Resolution::kForbidden);
  CHECK(serve::resolve_request(s.root, "/alias.css").kind == Resolution::kFile);
}

TEST_CASE("serve: is_within_root", "[serve]") {
  Site s;
  CHECK(serve::is_within_root(s.root, s.root));
  CHECK(serve::is_within_root(s.root, s.root / "framework/index.html"));
  CHECK_FALSE(serve::is_within_root(s.root, s.dir.path() / "secret.txt"));
  CHECK_FALSE(serve::is_within_root(s.root, s.dir.path() / "public-other/x"));
}
