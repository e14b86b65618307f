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

TEST_CASE("theme: a template outside templates/ is a warning that says where it goes", "[theme]") {
  testing::TempDir site("theme-misplaced");
  site.write("themes/house/partials/footer.mustache", "<p>Ours</p>\n");
  site.write("themes/house/templates/partials/header.mustache", "<header>Ours</header>\n");
  diag::Diagnostics d;
  theme::Theme t = theme::Theme::load(site.path(), "house", d);
  CHECK(d.format_all() ==
        "themes/house/partials/footer.mustache: warning: template outside templates/ is not used; did you mean "
        "themes/house/templates/partials/footer.mustache?\n");
  CHECK_FALSE(t.file("partials/footer.mustache"));
  REQUIRE(t.file("templates/partials/header.mustache"));
  CHECK(*t.file("templates/partials/header.mustache") == "<header>Ours</header>\n");
}
