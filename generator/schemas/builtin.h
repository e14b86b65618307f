#pragma once
/// The JSON Schemas compiled into qahub (data/schemas/*.schema.json) and what
/// is read from them. They are the one list of keys: the readers of
/// qahub.yaml and front matter take their known keys from the schemas'
/// `properties`, so a new key is one edit in a schema file.
///
///   for (const std::string& key : property_names("qahub.schema.json", "/properties/accessibility")) …
///   warn_stale_site_schemas(site_dir, diags);  // data/schemas/x.schema.json: warning: …
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"

namespace qahub::schemas {

/// Where the site's copies live, relative to the site.
inline constexpr std::string_view kSiteFolder = "data/schemas/";
/// The `$id` prefix of our schemas. A site schema with another `$id` was
/// customised on purpose and is left alone.
inline constexpr std::string_view kIdPrefix = "https://qahub.invalid/schemas/";

/// Every built-in schema as (file name, text), sorted by name.
const std::vector<std::pair<std::string_view, std::string_view>>& builtin_files();

/// One built-in schema, parsed. Throws std::out_of_range for an unknown name
/// (a programming error: the names are ours).
const nlohmann::json& builtin(std::string_view name);

/// The names under `properties` of the subschema at `pointer` (a JSON
/// pointer into the schema, local `$ref`s followed), sorted.
std::vector<std::string> property_names(std::string_view schema_name, std::string_view pointer = "");

/// A copy of `schema` without the `format` keyword. Date fields carry
/// `"format": "date"` for editors; the build keeps its own date checks and
/// messages, and valijson would add its own ("String should be a valid date").
nlohmann::json without_formats(const nlohmann::json& schema);

/// How a site's copy of a built-in schema relates to it.
enum class SiteCopy {
  kCurrent,     ///< the same JSON as the built-in one
  kStale,       ///< our `$id`, different content: an older (or newer) built-in version
  kCustomised,  ///< another `$id`: the site's own, left alone
};
SiteCopy compare_site_copy(std::string_view name, const nlohmann::json& site_schema);

/// One warning per site schema in data/schemas/ that is a stale copy of a
/// built-in one, naming `qahub new schemas --refresh`. Unreadable or invalid
/// copies are left to the record loaders, which report them.
void warn_stale_site_schemas(const std::filesystem::path& site_dir, diag::Diagnostics& diags);

}  // namespace qahub::schemas
