#include <catch2/catch.hpp>

#include "render/urls.h"

using namespace qahub::render;

TEST_CASE("urls: output paths", "[render]") {
  CHECK(output_path_for("/") == "index.html");
  CHECK(output_path_for("/a/b/") == "a/b/index.html");
  CHECK(output_path_for("/404.html") == "404.html");
}

TEST_CASE("urls: absolute style applies the base path once", "[render]") {
  UrlStyle root;
  CHECK(link_from("/a/", "/b/#x", root) == "/b/#x");
  UrlStyle hub{false, "/hub/"};
  CHECK(link_from("/a/", "/b/", hub) == "/hub/b/");
  CHECK(link_from("/a/", "/hub/assets/x.js", hub) == "/hub/assets/x.js");
}

TEST_CASE("urls: relative style works over file://", "[render]") {
  UrlStyle rel{true, "/"};
  CHECK(link_from("/a/b/", "/c/", rel) == "../../c/index.html");
  CHECK(link_from("/a/b/", "/c/#h", rel) == "../../c/index.html#h");
  CHECK(link_from("/", "/assets/q.css", rel) == "assets/q.css");
  CHECK(link_from("/404.html", "/", rel) == "index.html");
  CHECK(root_prefix("/a/", rel) == "../");
  CHECK(root_prefix("/", rel) == "./");
}

TEST_CASE("urls: rewrite_urls touches only site-root attributes", "[render]") {
  UrlStyle rel{true, "/"};
  std::string html =
      "<a href=\"/x/\">x</a><img src=\"/i.png\"><a href=\"https://e.org/\">e</a><a href=\"#h\">h</a>"
      "<form action=\"/search/\"></form><a href=\"//cdn/x\">c</a>";
  CHECK(rewrite_urls(html, "/a/", rel) ==
        "<a href=\"../x/index.html\">x</a><img src=\"../i.png\"><a href=\"https://e.org/\">e</a><a href=\"#h\">h</a>"
        "<form action=\"../search/index.html\"></form><a href=\"//cdn/x\">c</a>");
}
