#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "theme/theme.h"

using namespace qahub;

TEST_CASE("theme: a template that is not UTF-8 is an error and the default stays", "[theme]") {
  testing::TempDir site("theme-utf8");
  site.write("themes/default/templates/layout.mustache", "<p>\n{{title}}\xFE</p>\n");
  site.write("themes/default/assets/logo.png", "\x89PNG\xFF\xFE");
  diag::Diagnostics d;
  theme::Theme t = theme::Theme::load(site.path(), "default", d);
  CHECK(d.format_all() == "themes/default/templates/layout.mustache:2:10: error: invalid UTF-8 (byte 0xFE)\n");
  REQUIRE(t.file("templates/layout.mustache"));
  CHECK(t.file("templates/layout.mustache")->find('\xFE') == std::string::npos);
  REQUIRE(t.file("assets/logo.png"));  // assets may hold any bytes
}
