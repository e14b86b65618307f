#include <catch2/catch.hpp>

#include "fs/url_path.h"

using namespace qahub;

TEST_CASE("url path: a raw name is encoded once and decodes back to its file", "[fs]") {
  CHECK(fs::site_url_from_raw("/a#b/").url == "/a%23b/");
  CHECK(fs::site_url_from_raw("/a?b/").url == "/a%3Fb/");
  CHECK(fs::site_url_from_raw("/a%41/").url == "/a%2541/");
  CHECK(fs::site_url_from_raw("/a b/").url == "/a%20b/");
  CHECK(fs::site_url_from_raw("/x:y/").url == "/x%3Ay/");  // never a scheme in a relative link
  CHECK(fs::site_url_from_raw("/caf\xc3\xa9/").url == "/caf\xc3\xa9/");
  CHECK(fs::site_url_from_raw("/models/systemic/").url == "/models/systemic/");
  CHECK(fs::output_file_for("/a%23b/") == "a#b/index.html");
  CHECK(fs::output_file_for("/a%2541/") == "a%41/index.html");
  CHECK(fs::output_file_for("/") == "index.html");
  CHECK(fs::output_file_for("/404.html") == "404.html");
}

TEST_CASE("url path: a raw name that cannot be a URL says why", "[fs]") {
  CHECK(fs::site_url_from_raw("/a\nb/").problem == "holds a control character");
  CHECK(fs::site_url_from_raw("/a\\b/").problem == "holds a backslash, a folder separator on Windows");
  CHECK(fs::site_url_from_raw("/a\xff/").problem == "is not valid UTF-8");
  CHECK(fs::site_url_from_raw("/./").problem == "has a \".\" segment");
  CHECK(fs::site_url_from_raw("/a/../").problem == "has a \"..\" segment, which would leave the output folder");
}

TEST_CASE("url path: an alias is made site-root, decoded once and checked", "[fs]") {
  CHECK(fs::site_url_from_written("old").url == "/old/");
  CHECK(fs::site_url_from_written("/old").url == "/old/");
  CHECK(fs::site_url_from_written("/a b/").url == "/a%20b/");
  CHECK(fs::site_url_from_written("/a%20b/").url == "/a%20b/");  // not /a%2520b/
  CHECK(fs::site_url_from_written("/%C3%A9/").url == "/\xc3\xa9/");
  const std::string dotdot = "has a \"..\" segment, which would leave the output folder";
  CHECK(fs::site_url_from_written("../x/").problem == dotdot);
  CHECK(fs::site_url_from_written("/../../../../x/").problem == dotdot);
  CHECK(fs::site_url_from_written("/a/../../x/").problem == dotdot);
  CHECK(fs::site_url_from_written("/%2e%2e/x/").problem == dotdot);
  CHECK(fs::site_url_from_written("//x/").problem == "has an empty segment (//)");
  CHECK(fs::site_url_from_written("/x//y/").problem == "has an empty segment (//)");
  CHECK(fs::site_url_from_written("/./x/").problem == "has a \".\" segment");
  CHECK(fs::site_url_from_written("/.git/").problem == "has a segment starting with \".\", which web servers hide");
  CHECK(fs::site_url_from_written("/%2F/x/").problem == "encodes a / (%2F) inside a segment");
  CHECK(fs::site_url_from_written("/a%zz/").problem == "has a % not followed by two hexadecimal digits");
  CHECK(fs::site_url_from_written("/a%4/").problem == "has a % not followed by two hexadecimal digits");
  CHECK(fs::site_url_from_written("http://evil/x/").problem ==
        "is a full URL or a drive, not a path on this site (write /old/page/)");
  CHECK(fs::site_url_from_written("C:\\x").problem ==
        "is a full URL or a drive, not a path on this site (write /old/page/)");
  CHECK(fs::site_url_from_written("/a?b=1").problem == "has a query or fragment (? or #); an alias is a path");
  CHECK(fs::site_url_from_written("/a\\b/").problem == "holds a backslash, a folder separator on Windows");
  CHECK(fs::site_url_from_written("/%00/").problem == "holds a control character");
}

TEST_CASE("url path: the last gate refuses every path that leaves the root", "[fs]") {
  CHECK(fs::unsafe_output_file("a/index.html").empty());
  CHECK(fs::unsafe_output_file("a#b/index.html").empty());
  CHECK_FALSE(fs::unsafe_output_file("").empty());
  CHECK_FALSE(fs::unsafe_output_file("/etc/passwd").empty());
  CHECK_FALSE(fs::unsafe_output_file("../x").empty());
  CHECK_FALSE(fs::unsafe_output_file("a/../../x").empty());
  CHECK_FALSE(fs::unsafe_output_file("a//b").empty());
  CHECK_FALSE(fs::unsafe_output_file("a/").empty());
  CHECK(fs::case_fold("Page/INDEX.html") == "page/index.html");
  CHECK(fs::case_fold("\xc3\x89T\xc3\x89") == "\xc3\xa9t\xc3\xa9");  // ÉTÉ → été
}
