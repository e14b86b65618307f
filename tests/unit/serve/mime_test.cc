#include <catch2/catch.hpp>

#include "serve/mime.h"

using qahub::serve::mime_type_for;

TEST_CASE("serve: MIME types for the files a site contains", "[serve]") {
  CHECK(mime_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(mime_type_for("assets/site.css") == "text/css; charset=utf-8");
  CHECK(mime_type_for("assets/search.js") == "text/javascript; charset=utf-8");
  CHECK(mime_type_for("search/index.json") == "application/json");
  CHECK(mime_type_for("charts/grades.svg") == "image/svg+xml");
  CHECK(mime_type_for("logo.png") == "image/png");
  CHECK(mime_type_for("photo.jpg") == "image/jpeg");
  CHECK(mime_type_for("photo.JPEG") == "image/jpeg");
  CHECK(mime_type_for("sitemap.xml") == "application/xml");
  CHECK(mime_type_for("data/actions.csv") == "text/csv; charset=utf-8");
  CHECK(mime_type_for("robots.txt") == "text/plain; charset=utf-8");
  CHECK(mime_type_for("fonts/a.woff2") == "font/woff2");
  CHECK(mime_type_for("README") == "application/octet-stream");
  CHECK(mime_type_for("archive.tar.gz") == "application/octet-stream");
}
