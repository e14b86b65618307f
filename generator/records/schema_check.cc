#include "records/schema_check.h"

#include "records/records.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/json_parse.h"
#include "diag/utf8.h"
#include "fs/files.h"
#include "schemas/builtin.h"

namespace qahub::records {

using nlohmann::json;

namespace {

const json* deref(const json& root, const json* node) {
  for (int guard = 0; node && node->is_object() && node->contains("$ref") && guard < 16; ++guard) {
    const json& ref = (*node)["$ref"];
    if (!ref.is_string()) return node;
    std::string r = ref.get<std::string>();
    if (r.rfind("#", 0) != 0) return node;
    try {
      node = &root.at(json::json_pointer(r.substr(1)));
    } catch (const json::exception&) {
      return nullptr;
    }
  }
  return node;
}

/// The subschema that applies to the value at `tokens` (simple schemas only:
/// properties, additionalProperties, items and local $ref).
const json* subschema_at(const json& root, const json& doc, const std::vector<std::string>& tokens) {
  const json* node = deref(root, &root);
  const json* value = &doc;
  for (const std::string& t : tokens) {
    if (!node || !node->is_object()) return nullptr;
    if (value->is_array()) {
      if (!node->contains("items")) return nullptr;
      node = deref(root, &(*node)["items"]);
      size_t i = static_cast<size_t>(std::stoul(t));
      value = i < value->size() ? &(*value)[i] : value;
    } else {
      if (node->contains("properties") && (*node)["properties"].contains(t)) {
        node = deref(root, &(*node)["properties"][t]);
      } else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object()) {
        node = deref(root, &(*node)["additionalProperties"]);
      } else {
        return nullptr;
      }
      if (value->is_object() && value->contains(t)) value = &(*value)[t];
    }
  }
  return node;
}

std::string type_words(const std::string& t) {
  if (t == "string") return "a string";
  if (t == "integer") return "a whole number";
  if (t == "number") return "a number";
  if (t == "array") return "a list";
  if (t == "object") return "an object";
  if (t == "boolean") return "true or false";
  if (t == "null") return "null";
  return t;
}

std::string value_type_words(const json& v) {
  switch (v.type()) {
    case json::value_t::string:
      return "a string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "a whole number";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "an object";
    case json::value_t::boolean:
      return "true or false";
    default:
      return "null";
  }
}

std::string show(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string strip_prefix_suffix(const std::string& s, const std::string& prefix, const std::string& suffix) {
  if (s.rfind(prefix, 0) != 0 || s.size() < prefix.size() + suffix.size()) return {};
  if (s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0) return {};
  return s.substr(prefix.size(), s.size() - prefix.size() - suffix.size());
}

/// Turns one valijson error into a plain-words message and the pointer to report it at.
/// Returns false for summary errors that only repeat a deeper one.
bool describe(const json& schema, const json& doc, const std::vector<std::string>& tokens, const std::string& what,
              std::string& pointer, bool& at_key, std::string& message) {
  if (what.rfind("Failed to validate item #", 0) == 0 ||
      what.rfind("Failed to validate against schema associated with property name", 0) == 0 ||
      what.rfind("Failed to validate against additional properties schema", 0) == 0 ||
      what.rfind("Failed to validate against child schema", 0) == 0) {
    return false;
  }
  pointer = JsonPositions::pointer(tokens);
  at_key = false;
  const json* sub = subschema_at(schema, doc, tokens);
  const json* value = nullptr;
  try {
    value = &doc.at(json::json_pointer(pointer));
  } catch (const json::exception&) {
  }

  if (std::string name = strip_prefix_suffix(what, "Missing required property '", "'."); !name.empty()) {
    message = "missing required property \"" + name + "\"";
    return true;
  }
  const std::string unknown_prefix =
      "Object contains a property that could not be validated using 'properties' or 'additionalProperties' "
      "constraints: '";
  if (std::string name = strip_prefix_suffix(what, unknown_prefix, "'."); !name.empty()) {
    std::vector<std::string> known;
    if (sub && sub->contains("properties"))
      for (const auto& [k, v] : (*sub)["properties"].items()) known.push_back(k);
    pointer += "/" + JsonPositions::escape(name);
    at_key = true;
    message = "unknown property \"" + name + "\"" + diag::did_you_mean(name, known);
    return true;
  }
  if (what.rfind("Value type not permitted", 0) == 0 && sub && sub->contains("type") && value) {
    message = "expected " + type_words((*sub)["type"].get<std::string>()) + ", found " + value_type_words(*value);
    return true;
  }
  if (what.rfind("Failed to match against any enum values", 0) == 0 && sub && sub->contains("enum") && value) {
    std::string list;
    std::vector<std::string> options;
    for (const json& e : (*sub)["enum"]) {
      list += (list.empty() ? "" : ", ") + show(e);
      if (e.is_string()) options.push_back(e.get<std::string>());
    }
    message = "expected one of " + list + ", found " + show(*value);
    if (value->is_string()) message += diag::did_you_mean(value->get<std::string>(), options);
    return true;
  }
  if (what.rfind("Failed to match regex", 0) == 0 && value) {
    std::string desc = sub && sub->contains("description") ? (*sub)["description"].get<std::string>()
                       : sub && sub->contains("pattern")   ? "text matching " + show((*sub)["pattern"])
                                                           : std::string("text in the expected form");
    message = "expected " + desc + ", found " + show(*value);
    return true;
  }
  if (what.rfind("String should be no fewer than", 0) == 0 && sub && sub->contains("minLength")) {
    long n = (*sub)["minLength"].get<long>();
    message =
        n == 1 ? "expected text, found an empty string" : "expected at least " + std::to_string(n) + " characters";
    return true;
  }
  if (what.rfind("Array should contain no fewer than", 0) == 0 && sub && sub->contains("minItems")) {
    long n = (*sub)["minItems"].get<long>();
    message = n == 1 ? "expected at least one item, found an empty list"
                     : "expected at least " + std::to_string(n) + " items, found " +
                           std::to_string(value ? value->size() : 0);
    return true;
  }
  if (what.rfind("Expected number greater than", 0) == 0 && sub && sub->contains("minimum") && value) {
    message = "expected a number no less than " + show((*sub)["minimum"]) + ", found " + show(*value);
    return true;
  }
  if (what.rfind("Expected number less than", 0) == 0 && sub && sub->contains("maximum") && value) {
    message = "expected a number no more than " + show((*sub)["maximum"]) + ", found " + show(*value);
    return true;
  }
  // Anything else: valijson's own words, in our case and punctuation.
  message = what;
  if (!message.empty() && message.back() == '.') message.pop_back();
  if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z')
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  return true;
}

}  // namespace

void SchemaSet::add(const std::string& kind, const std::string& path, const std::string& text,
                    diag::Diagnostics& diags) {
  Compiled c;
  if (!diag::check_utf8(text, path, diags)) return;
  auto parsed = diag::parse_json(text, path, diags);
  if (!parsed) return;
  c.json = std::move(*parsed);
  try {
    c.schema = std::make_shared<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    // Date fields say "format": "date" for editors; the loaders check dates
    // with messages of their own, so valijson does not see the keyword.
    c.without_formats = schemas::without_formats(c.json);
    valijson::adapters::NlohmannJsonAdapter adapter(c.without_formats);
    parser.populateSchema(adapter, *c.schema);
    c.validator = std::make_shared<valijson::Validator>();
    c.lock = std::make_shared<std::mutex>();
  } catch (const std::exception& e) {
    diags.error({path}, "unusable JSON schema: " + std::string(e.what()));
    return;
  }
  schemas_[kind] = std::move(c);
}

SchemaSet SchemaSet::embedded(diag::Diagnostics& diags) {
  SchemaSet set;
  for (const auto& [name, bytes] : schemas::builtin_files()) {
    std::string n(name);
    std::string kind = n.substr(0, n.find('.'));
    set.add(kind, "data/schemas/" + n, std::string(bytes), diags);
  }
  return set;
}

SchemaSet SchemaSet::load(const std::filesystem::path& site_dir, const std::vector<DataKind>& kinds,
                          diag::Diagnostics& diags) {
  SchemaSet set = embedded(diags);
  schemas::warn_stale_site_schemas(site_dir, diags);
  for (const DataKind& kind : kinds) {
    if (kind.schema.empty()) continue;
    const std::string rel = "data/schemas/" + std::string(kind.schema);
    if (auto text = fs::read_file(site_dir / rel)) set.add(std::string(kind.name), rel, *text, diags);
  }
  return set;
}

bool SchemaSet::validate(const std::string& kind, const json& doc, const Source& src, diag::Diagnostics& diags) const {
  auto it = schemas_.find(kind);
  if (it == schemas_.end()) return true;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  try {
    std::lock_guard hold(*it->second.lock);
    if (it->second.validator->validate(*it->second.schema, target, &results)) return true;
  } catch (const std::exception& e) {  // a site schema's "pattern" std::regex cannot compile, and the like
    std::string why = e.what();
    if (!why.empty() && why[0] >= 'A' && why[0] <= 'Z') why[0] = static_cast<char>(why[0] - 'A' + 'a');
    diags.error({src.path}, "cannot check this record against data/schemas/" + kind + ".schema.json: " + why);
    return false;
  }
  for (const auto& err : results) {
    std::vector<std::string> tokens;
    for (const std::string& c : err.context) {
      if (c == "<root>") continue;
      tokens.push_back(c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c);
    }
    std::string pointer, message;
    bool at_key = false;
    try {
      if (!describe(it->second.json, doc, tokens, err.description, pointer, at_key, message)) continue;
    } catch (const json::exception&) {  // a site schema shaped in a way describe() does not know
      pointer = JsonPositions::pointer(tokens);
      message = err.description;
    }
    diag::Position pos = src.at(pointer);
    if (at_key && src.positions) {
      if (auto k = src.positions->key(pointer)) {
        pos.line = k->line;
        pos.col = k->col;
      }
    }
    diags.error(pos, message);
  }
  return false;
}

}  // namespace qahub::records
