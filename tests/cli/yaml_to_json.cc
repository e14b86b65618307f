// Test tool: prints a YAML file (or a Markdown page's front matter, with
// --front-matter) as JSON, so the independent validator (npm ajv) can check
// qahub.yaml, front matter and the workflow against their schemas. Scalars
// follow the YAML 1.2 core schema: null, true/false, integers and floats
// when plain, strings otherwise (quoted ones always).
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace {

nlohmann::json to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Sequence: {
      nlohmann::json a = nlohmann::json::array();
      for (const YAML::Node& item : n) a.push_back(to_json(item));
      return a;
    }
    case YAML::NodeType::Map: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& kv : n) o[kv.first.as<std::string>()] = to_json(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar:
      break;
  }
  const std::string s = n.Scalar();
  if (n.Tag() == "!") return s;  // quoted
  static const std::regex kNull("^(~|null|Null|NULL)?$"), kTrue("^(true|True|TRUE)$"), kFalse("^(false|False|FALSE)$"),
      kInt("^[-+]?[0-9]+$"), kFloat("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  if (std::regex_match(s, kNull)) return nullptr;
  if (std::regex_match(s, kTrue)) return true;
  if (std::regex_match(s, kFalse)) return false;
  if (std::regex_match(s, kInt)) return std::stoll(s);
  if (std::regex_match(s, kFloat)) return std::stod(s);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const bool front_matter = argc == 3 && std::string(argv[1]) == "--front-matter";
  if (argc != 2 && !front_matter) {
    std::fprintf(stderr, "usage: yaml_to_json [--front-matter] FILE\n");
    return 2;
  }
  std::ifstream in(argv[argc - 1], std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  if (front_matter) {
    if (text.rfind("---\n", 0) != 0) {
      std::fprintf(stderr, "%s: no front matter\n", argv[2]);
      return 1;
    }
    size_t end = text.find("\n---\n", 3);
    if (end == std::string::npos) {
      std::fprintf(stderr, "%s: front matter not closed\n", argv[2]);
      return 1;
    }
    text = text.substr(4, end - 3);
  }
  try {
    std::cout << to_json(YAML::Load(text)).dump(2) << "\n";
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "%s: %s\n", argv[argc - 1], e.what());
    return 1;
  }
  return 0;
}
