// The readers of qahub.yaml and front matter against their schemas in
// data/schemas/: the known keys come from the schemas, and every key a schema
// names is read (a value of the wrong type is an error at that key).
#include <catch2/catch.hpp>

#include <unistd.h>

#include "config/site_config.h"
#include "frontmatter/front_matter.h"
#include "fs/files.h"
#include "schemas/builtin.h"
#include "temp_dir.h"

using namespace qahub;

namespace {

std::string config_diagnostics(const std::string& yaml) {
  qahub::testing::TempDir site("readers-agree");
  site.write("qahub.yaml", yaml);
  diag::Diagnostics d;
  config::load_site_config(site.path(), d);
  return d.format_all();
}

std::string page_diagnostics(const std::string& yaml) {
  diag::Diagnostics d;
  frontmatter::parse_page_meta(frontmatter::split_front_matter("---\n" + yaml + "---\nBody.\n"), "content/a.md", d);
  return d.format_all();
}

/// A value no reader takes for any key: a mapping where a scalar or list is
/// expected, a list where a mapping is.
std::string wrong_value_for(const nlohmann::json& property_schema) {
  return property_schema.value("type", "") == "object" ? "[1, 2]" : "{wrong: 1}";
}

}  // namespace

TEST_CASE("readers agree with schemas: every qahub.yaml key is read", "[config][schemas]") {
  const nlohmann::json& schema = schemas::builtin(config::kConfigSchema);
  for (const std::string& key : schemas::property_names(config::kConfigSchema)) {
    INFO(key);
    const std::string text = config_diagnostics(key + ": " + wrong_value_for(schema["properties"][key]) + "\n");
    CHECK(text.rfind("qahub.yaml:1:", 0) == 0);
    CHECK(text.find(": error: ") != std::string::npos);
    CHECK(text.find("unknown") == std::string::npos);
  }
  for (const std::string& key : schemas::property_names(config::kConfigSchema, "/properties/accessibility")) {
    INFO(key);
    const std::string text = config_diagnostics("accessibility:\n  " + key + ": {wrong: 1}\n");
    CHECK(text.rfind("qahub.yaml:2:", 0) == 0);
    CHECK(text.find(": error: ") != std::string::npos);
    CHECK(text.find("unknown") == std::string::npos);
  }
}

TEST_CASE("readers agree with schemas: a key the schema lacks is unknown", "[config][schemas]") {
  CHECK(config_diagnostics("titel: Hub\n") ==
        "qahub.yaml:1:1: warning: unknown site config key \"titel\"; did you mean \"title\"?\n");
  CHECK(config_diagnostics("accessibility:\n  contacts: the desk\n") ==
        "qahub.yaml:2:3: warning: unknown accessibility key \"contacts\"; did you mean \"contact\"?\n");
  CHECK(page_diagnostics("title: A\nreview: 2027-01-01\n") ==
        "content/a.md:3:1: warning: unknown front matter key \"review\"; did you mean \"review_by\"?\n");
  CHECK(page_diagnostics("title: A\nchanges:\n  - date: 2026-01-01\n    summary: S\n    sumary: T\n") ==
        "content/a.md:6:5: warning: unknown changes entry key \"sumary\"; did you mean \"summary\"?\n");
}

TEST_CASE("readers agree with schemas: every front matter key is read", "[frontmatter][schemas]") {
  CHECK(frontmatter::known_page_keys() == schemas::property_names(frontmatter::kFrontMatterSchema));
  const nlohmann::json& schema = schemas::builtin(frontmatter::kFrontMatterSchema);
  for (const std::string& key : frontmatter::known_page_keys()) {
    if (key == "title") continue;
    INFO(key);
    const std::string text =
        page_diagnostics("title: A\n" + key + ": " + wrong_value_for(schema["properties"][key]) + "\n");
    CHECK(text.rfind("content/a.md:3:", 0) == 0);
    CHECK(text.find(": error: ") != std::string::npos);
    CHECK(text.find("unknown") == std::string::npos);
  }
  CHECK(page_diagnostics("title: {wrong: 1}\n").find("content/a.md:2:") == 0);
  for (const std::string& key : frontmatter::known_change_keys()) {
    INFO(key);
    const std::string other = key == "date" ? "summary: S" : "date: 2026-01-01";
    const std::string text = page_diagnostics("title: A\nchanges:\n  - " + other + "\n    " + key + ": {wrong: 1}\n");
    CHECK(text.rfind("content/a.md:5:", 0) == 0);
    CHECK(text.find(": error: ") != std::string::npos);
  }
}

TEST_CASE("readers agree with schemas: a file with every key is clean", "[config][frontmatter][schemas]") {
  CHECK(config_diagnostics("title: Hub\ndescription: D\nbase_url: /hub/\nlanguage: en-GB\ntheme: default\n"
                           "raw_html: false\norganisation: O\nallow_personal_data: [desk@example.org]\n"
                           "params: {colour: blue}\ndisclosure: {min_cell: 5}\n"
                           "targets: {moderation_rate: 0.25, good_or_better: 0.6}\n"
                           "accessibility:\n  organisation: O\n  compliance: partial\n  non_accessible: [PDFs]\n"
                           "  contact: the desk\n  response_days: 5\n  tested_on: 2026-01-02\n  tested_by: the team\n"
                           "  prepared_on: 2026-01-02\n  reviewed_on: 2026-01-02\n") == "");
  CHECK(page_diagnostics("title: A\ndescription: D\nweight: 2\ntags: [x]\ndraft: false\naliases: [/old/]\n"
                         "owner: Head of Service\nreview_by: 2027-01-01\n"
                         "changes:\n  - date: 2026-01-01\n    summary: S\n") == "");
}
