#include "config/params.h"

#include <string>

namespace qahub::config {

namespace {

using nlohmann::json;

json scalar_json(const YAML::Node& n) {
  const std::string& text = n.Scalar();
  if (n.Tag() != "!") {  // "!" is a quoted scalar: always text
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    if (text == "null" || text == "Null" || text == "NULL" || text == "~") return nullptr;
  }
  return text;
}

json to_json(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& kv : n) {
        if (!kv.first.IsScalar()) {
          diags.error(src.at(kv.first), "a key in \"params\" must be a plain name");
          continue;
        }
        out[kv.first.Scalar()] = to_json(kv.second, src, diags);
      }
      return out;
    }
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : n) out.push_back(to_json(item, src, diags));
      return out;
    }
    case YAML::NodeType::Scalar:
      return scalar_json(n);
    default:
      return nullptr;
  }
}

}  // namespace

json read_params(const YAML::Node& node, const frontmatter::YamlSource& src, diag::Diagnostics& diags) {
  if (node.IsNull()) return json::object();  // `params:` with nothing under it
  if (!node.IsMap()) {
    diags.error(src.at(node), "\"params\" must be a mapping");
    return json::object();
  }
  return to_json(node, src, diags);
}

}  // namespace qahub::config
