#include <catch2/catch.hpp>

#include <functional>

#include "schemas/builtin.h"
#include "temp_dir.h"

using namespace qahub;
using nlohmann::json;

namespace {

/// Calls `f` on every subschema object of `node` (not on property names).
void each_subschema(const json& node, const std::function<void(const json&)>& f) {
  if (node.is_array()) {
    for (const json& item : node) each_subschema(item, f);
    return;
  }
  if (!node.is_object()) return;
  f(node);
  for (const auto& [key, value] : node.items()) {
    if ((key == "properties" || key == "definitions") && value.is_object()) {
      for (const auto& [name, sub] : value.items()) each_subschema(sub, f);
    } else if (key != "enum") {
      each_subschema(value, f);
    }
  }
}

}  // namespace

TEST_CASE("schemas: every built-in schema is draft-07 with our $id", "[schemas]") {
  REQUIRE(schemas::builtin_files().size() >= 10);
  for (const auto& [name, text] : schemas::builtin_files()) {
    INFO(name);
    const json& s = schemas::builtin(name);
    CHECK(s["$schema"] == "http://json-schema.org/draft-07/schema#");
    CHECK(s["$id"] == std::string(schemas::kIdPrefix) + std::string(name));
    CHECK(json::parse(text) == s);
  }
}

TEST_CASE("schemas: date fields say format: date beside their pattern", "[schemas]") {
  int dates = 0;
  for (const auto& [name, text] : schemas::builtin_files()) {
    each_subschema(schemas::builtin(name), [&](const json& sub) {
      if (sub.contains("pattern") && sub["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$") {
        INFO(name);
        CHECK(sub.value("format", "") == "date");
        ++dates;
      }
    });
  }
  CHECK(dates >= 7);  // one date definition per record schema, config and front matter
}

TEST_CASE("schemas: property names follow $ref", "[schemas]") {
  CHECK(schemas::property_names("front-matter.schema.json", "/properties/changes/items") ==
        std::vector<std::string>{"date", "summary"});
  auto keys = schemas::property_names("qahub.schema.json", "/properties/accessibility");
  CHECK(std::find(keys.begin(), keys.end(), "reviewed_on") != keys.end());
  CHECK(schemas::property_names("front-matter.schema.json", "/properties/review_by").empty());  // a $ref to a date
}

TEST_CASE("schemas: without_formats drops the keyword, not a property called format", "[schemas]") {
  json s = json::parse(R"({"properties": {"format": {"type": "string", "format": "date"}},
                           "definitions": {"d": {"format": "date", "enum": [{"format": "x"}]}}})");
  json out = schemas::without_formats(s);
  CHECK(out == json::parse(R"({"properties": {"format": {"type": "string"}},
                               "definitions": {"d": {"enum": [{"format": "x"}]}}})"));
}

TEST_CASE("schemas: a site copy is current, stale or customised", "[schemas]") {
  const json& ours = schemas::builtin("action.schema.json");
  CHECK(schemas::compare_site_copy("action.schema.json", ours) == schemas::SiteCopy::kCurrent);
  json older = ours;
  older["title"] = "action (an older version)";
  CHECK(schemas::compare_site_copy("action.schema.json", older) == schemas::SiteCopy::kStale);
  json own = older;
  own["$id"] = "https://intranet.example/schemas/action.schema.json";
  CHECK(schemas::compare_site_copy("action.schema.json", own) == schemas::SiteCopy::kCustomised);
  own.erase("$id");
  CHECK(schemas::compare_site_copy("action.schema.json", own) == schemas::SiteCopy::kCustomised);
}

TEST_CASE("schemas: a stale site copy gets one warning naming the refresh command", "[schemas]") {
  qahub::testing::TempDir site("stale-schemas");
  json older = schemas::builtin("meeting.schema.json");
  older["description"] = "An older meeting schema.";
  site.write("data/schemas/meeting.schema.json", older.dump(2));
  site.write("data/schemas/action.schema.json", std::string(schemas::builtin_files().front().second));
  json own = older;
  own["$id"] = "https://intranet.example/meeting.schema.json";
  site.write("data/schemas/forum.schema.json", own.dump());
  site.write("data/schemas/training.schema.json", "{ not json");
  diag::Diagnostics d;
  schemas::warn_stale_site_schemas(site.path(), d);
  CHECK(d.format_all() ==
        "data/schemas/meeting.schema.json: warning: not the same as the built-in meeting.schema.json of this qahub: "
        "run qahub "
        "new schemas --refresh to replace it (or give it an $id of your own to keep it as it is)\n");
}
