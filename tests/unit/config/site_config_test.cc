#include <catch2/catch.hpp>

#include <filesystem>

#include "config/site_config.h"
#include "fs/files.h"

using namespace qahub;

namespace {
std::filesystem::path site_with_config(const std::string& yaml) {
  static int n = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("qahub-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::filesystem::create_directories(dir);
  fs::write_file(dir / "qahub.yaml", yaml);
  return dir;
}
}  // namespace

TEST_CASE("config: defaults without a file", "[config]") {
  diag::Diagnostics d;
  config::SiteConfig c = config::load_site_config(std::filesystem::temp_directory_path() / "no-such-site-dir", d);
  CHECK(d.format_all().empty());
  CHECK(c.title == "Practice hub");
  CHECK(c.base_path() == "/");
  CHECK_FALSE(c.raw_html);
}

TEST_CASE("config: reads keys and derives the base path", "[config]") {
  diag::Diagnostics d;
  auto dir = site_with_config(
      "title: Hub\nbase_url: https://intranet.example/practice\nraw_html: true\n"
      "accessibility:\n  compliance: full\n  tested_on: 2026-01-02\n");
  config::SiteConfig c = config::load_site_config(dir, d);
  CHECK(d.format_all().empty());
  CHECK(c.title == "Hub");
  CHECK(c.base_path() == "/practice/");
  CHECK(c.raw_html);
  CHECK(c.accessibility.compliance == "full");
  CHECK(c.accessibility.tested_on == base::Date{2026, 1, 2});
  std::filesystem::remove_all(dir);
}

TEST_CASE("config: diagnostics", "[config]") {
  diag::Diagnostics d;
  auto dir = site_with_config("titel: Hub\nraw_html: yes please\naccessibility:\n  compliance: mostly\n");
  config::load_site_config(dir, d);
  CHECK(d.format_all() ==
        "qahub.yaml:1:1: warning: unknown site config key \"titel\"; did you mean \"title\"?\n"
        "qahub.yaml:2:11: error: \"raw_html\" must be true or false, not \"yes please\"\n"
        "qahub.yaml:4:15: error: \"compliance\" must be full, partial or not, not \"mostly\"\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("config: shape errors", "[config]") {
  diag::Diagnostics d;
  auto dir = site_with_config("- just\n- a list\n");
  config::load_site_config(dir, d);
  CHECK(d.format_all() == "qahub.yaml:1:1: error: the site config must be a mapping of keys to values\n");
  diag::Diagnostics d2;
  auto dir2 = site_with_config("accessibility: yes\nallow_personal_data: team@example.org\n");
  config::load_site_config(dir2, d2);
  CHECK(d2.format_all() ==
        "qahub.yaml:1:16: error: \"accessibility\" must be a mapping\n"
        "qahub.yaml:2:22: error: \"allow_personal_data\" must be a list\n");
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(dir2);
}

TEST_CASE("config: a qahub.yaml that is not UTF-8 is an error at the byte", "[config]") {
  diag::Diagnostics d;
  config::SiteConfig c = config::load_site_config(site_with_config("title: Hub\norganisation: Caf\xE9\n"), d);
  CHECK(d.format_all() == "qahub.yaml:2:18: error: invalid UTF-8 (byte 0xE9)\n");
  CHECK(c.title == "Practice hub");
}

TEST_CASE("config: qahub.yaml mistakes are reported where they are", "[config]") {
  diag::Diagnostics d;
  config::load_site_config(site_with_config("title: Hub\norganisation: Children's Services: North\n"), d);
  CHECK(d.format_all() ==
        "qahub.yaml:2:15: error: this value has \": \" in it, which YAML reads as another key; put the value in "
        "quotes: organisation: \"Children's Services: North\"\n");
  diag::Diagnostics dup;
  config::load_site_config(site_with_config("title: Hub\ntitle: Other\n"), dup);
  CHECK(dup.format_all() == "qahub.yaml:2:1: error: duplicate key \"title\"; it is already set on line 1\n");
}

TEST_CASE("config: base_url's host and origin, empty when path-only", "[config][sitemap]") {
  config::SiteConfig c;
  CHECK(c.host().empty());
  CHECK(c.origin().empty());
  CHECK_FALSE(c.writes_sitemap());
  c.base_url = "/hub/";
  CHECK(c.host().empty());
  c.base_url = "https://hub.example.test/practice/";
  CHECK(c.origin() == "https://hub.example.test");
  CHECK(c.host() == "hub.example.test");
  CHECK(c.writes_sitemap());
  c.base_url = "http://user@intranet.example:8080";
  CHECK(c.origin() == "http://user@intranet.example:8080");
  CHECK(c.host() == "intranet.example");
  c.base_url = "https:///practice/";
  CHECK(c.host().empty());
}

TEST_CASE("config: bank_holidays are dates, sorted", "[config]") {
  diag::Diagnostics d;
  auto dir = site_with_config("bank_holidays: [2026-12-25, 2026-04-03]\n");
  config::SiteConfig c = config::load_site_config(dir, d);
  CHECK(d.format_all().empty());
  REQUIRE(c.bank_holidays.size() == 2);
  CHECK(c.bank_holidays[0].iso() == "2026-04-03");
  CHECK(c.bank_holidays[1].iso() == "2026-12-25");

  diag::Diagnostics bad;
  config::load_site_config(site_with_config("bank_holidays: 2026-12-25\n"), bad);
  CHECK(bad.format_all() == "qahub.yaml:1:16: error: \"bank_holidays\" must be a list of dates (YYYY-MM-DD)\n");
  diag::Diagnostics wrong;
  config::load_site_config(site_with_config("bank_holidays:\n  - 2026-02-30\n"), wrong);
  CHECK(wrong.format_all() ==
        "qahub.yaml:2:5: error: \"bank_holidays\" must be a date (YYYY-MM-DD), not \"2026-02-30\"\n");
}
