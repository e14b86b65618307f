#include <catch2/catch.hpp>

#include "config/site_config.h"
#include "temp_dir.h"

using namespace qahub;

namespace {
config::SiteConfig load(const std::string& yaml, std::string& diagnostics) {
  testing::TempDir site("params-config");
  site.write("qahub.yaml", yaml);
  diag::Diagnostics d;
  config::SiteConfig c = config::load_site_config(site.path(), d);
  diagnostics = d.format_all();
  return c;
}
}  // namespace

TEST_CASE("config: params is any map, passed as JSON, with no unknown-key warnings", "[config][params]") {
  std::string diags;
  config::SiteConfig c = load(
      "title: Hub\n"
      "params:\n"
      "  banner:\n"
      "    text: Inspection week\n"
      "    show: true\n"
      "  hide_feed: False\n"
      "  quoted: \"true\"\n"
      "  links:\n"
      "    - {label: Forms, url: /forms/}\n"
      "    - Policies\n"
      "  price: 1.50\n"
      "  nothing: ~\n"
      "  empty:\n"
      "  anything_at_all_unusual: 7\n",
      diags);
  CHECK(diags.empty());
  CHECK(c.params == nlohmann::json::parse(R"({
    "banner": {"text": "Inspection week", "show": true},
    "hide_feed": false,
    "quoted": "true",
    "links": [{"label": "Forms", "url": "/forms/"}, "Policies"],
    "price": "1.50",
    "nothing": null,
    "empty": null,
    "anything_at_all_unusual": "7"
  })"));
}

TEST_CASE("config: params absent or empty is an empty map", "[config][params]") {
  std::string diags;
  CHECK(load("title: Hub\n", diags).params == nlohmann::json::object());
  CHECK(load("params:\n", diags).params == nlohmann::json::object());
  CHECK(diags.empty());
}

TEST_CASE("config: params that is not a map is an error at its value", "[config][params]") {
  std::string diags;
  CHECK(load("title: Hub\nparams: [a, b]\n", diags).params == nlohmann::json::object());
  CHECK(diags == "qahub.yaml:2:9: error: \"params\" must be a mapping\n");
  load("params:\n  ? [a, b]\n  : c\n", diags);
  CHECK(diags == "qahub.yaml:2:5: error: a key in \"params\" must be a plain name\n");
}
