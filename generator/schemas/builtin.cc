#include "schemas/builtin.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "fs/files.h"

namespace qahub::schemas {
namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

using nlohmann::json;

const std::vector<std::pair<std::string_view, std::string_view>>& builtin_files() { return embedded::embedded_files(); }

const json& builtin(std::string_view name) {
  // Parsed once; the embedded files are ours and valid (tests/unit/schemas).
  static const std::map<std::string, json, std::less<>> parsed = [] {
    std::map<std::string, json, std::less<>> m;
    for (const auto& [n, text] : builtin_files()) m[std::string(n)] = json::parse(text);
    return m;
  }();
  auto it = parsed.find(name);
  if (it == parsed.end()) throw std::out_of_range("no built-in schema " + std::string(name));
  return it->second;
}

namespace {

const json* follow_refs(const json& root, const json* node) {
  for (int guard = 0; node && node->is_object() && node->contains("$ref") && guard < 16; ++guard) {
    const json& ref = (*node)["$ref"];
    if (!ref.is_string() || ref.get<std::string>().rfind('#', 0) != 0) return node;
    node = &root.at(json::json_pointer(ref.get<std::string>().substr(1)));
  }
  return node;
}

void strip_formats(json& node) {
  if (node.is_array()) {
    for (json& item : node) strip_formats(item);
    return;
  }
  if (!node.is_object()) return;
  if (node.contains("format") && node["format"].is_string()) node.erase("format");
  for (auto& [key, value] : node.items()) {
    if ((key == "properties" || key == "definitions" || key == "$defs" || key == "patternProperties") &&
        value.is_object()) {
      // Keys here are property or definition names, not keywords: a property
      // called "format" stays.
      for (auto& [name, sub] : value.items()) strip_formats(sub);
    } else if (key != "enum" && key != "const" && key != "examples" && key != "default") {
      strip_formats(value);
    }
  }
}

}  // namespace

std::vector<std::string> property_names(std::string_view schema_name, std::string_view pointer) {
  const json& root = builtin(schema_name);
  const json* node = follow_refs(root, &root.at(json::json_pointer(std::string(pointer))));
  std::vector<std::string> names;
  if (node && node->contains("properties"))
    for (const auto& [k, v] : (*node)["properties"].items()) names.push_back(k);
  std::sort(names.begin(), names.end());
  return names;
}

json without_formats(const json& schema) {
  json copy = schema;
  strip_formats(copy);
  return copy;
}

SiteCopy compare_site_copy(std::string_view name, const json& site_schema) {
  const json& ours = builtin(name);
  if (site_schema == ours) return SiteCopy::kCurrent;
  const std::string expected_id = std::string(kIdPrefix) + std::string(name);
  if (!site_schema.is_object() || !site_schema.contains("$id") || site_schema["$id"] != expected_id)
    return SiteCopy::kCustomised;
  return SiteCopy::kStale;
}

void warn_stale_site_schemas(const std::filesystem::path& site_dir, diag::Diagnostics& diags) {
  for (const auto& [name, text] : builtin_files()) {
    const std::string rel = std::string(kSiteFolder) + std::string(name);
    auto site_text = fs::read_file(site_dir / rel);
    if (!site_text) continue;
    json site = json::parse(*site_text, nullptr, /*allow_exceptions=*/false);
    if (site.is_discarded()) continue;
    if (compare_site_copy(name, site) == SiteCopy::kStale)
      // Older or newer than this binary's: the bytes say only that they differ.
      diags.warning(
          {rel}, "not the same as the built-in " + std::string(name) +
                     " of this qahub: run qahub new schemas --refresh to replace it (or give it an $id of your own to "
                     "keep it as it is)");
  }
}

}  // namespace qahub::schemas
