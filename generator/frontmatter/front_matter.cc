#include "frontmatter/front_matter.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"
#include "frontmatter/yaml_fields.h"
#include "schemas/builtin.h"

namespace qahub::frontmatter {
namespace {

bool is_fence(std::string_view line, std::string_view fence) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}

/// Removes the control characters XML forbids from a title or a change
/// summary, warning at each: text pasted from Word carries them, and one in
/// the Atom feed makes it unreadable. Raw characters are found in `yaml` from
/// the node on, for their own line and column; an escaped one ("\x0B") is
/// reported at the value.
void strip_xml_illegal(std::string& value, const YAML::Node& node, const std::string& key, const std::string& yaml,
                       const YamlSource& src, diag::Diagnostics& diags) {
  size_t from = node.Mark().pos < 0 ? 0 : static_cast<size_t>(node.Mark().pos);
  for (char c : value) {
    if (!base::is_xml_illegal(static_cast<unsigned char>(c))) continue;
    diag::Position at = src.at(node);
    if (size_t off = yaml.find(c, from); off != std::string::npos) {
      const size_t nl = off == 0 ? std::string::npos : yaml.rfind('\n', off - 1);
      const size_t line_start = nl == std::string::npos ? 0 : nl + 1;
      at.line = static_cast<int>(std::count(yaml.begin(), yaml.begin() + off, '\n')) + 1 + src.line_offset;
      at.col = static_cast<int>(off - line_start) + 1;
      from = off + 1;
    }
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
    diags.warning(at, std::string("control character ") + code + " in \"" + key + "\" removed (XML does not allow it)");
  }
  value = base::strip_xml_illegal(value);
}

}  // namespace

Split split_front_matter(std::string_view text) {
  Split s;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t first_nl = text.find('\n');
  std::string_view first = text.substr(0, first_nl);
  if (!is_fence(first, "---")) {
    s.body = std::string(text);
    return s;
  }
  s.has_front_matter = true;
  size_t pos = first_nl == std::string_view::npos ? text.size() : first_nl + 1;
  int line = 1;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    ++line;
    if (is_fence(l, "---") || is_fence(l, "...")) {
      s.yaml = std::string(text.substr(first_nl + 1, pos - first_nl - 1));
      size_t body_start = nl == std::string_view::npos ? text.size() : nl + 1;
      s.body = std::string(text.substr(body_start));
      s.body_line_offset = line;
      return s;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  s.unclosed = true;
  s.yaml = std::string(text.substr(first_nl == std::string_view::npos ? text.size() : first_nl + 1));
  return s;
}

std::optional<base::Date> PageMeta::last_updated() const {
  std::optional<base::Date> best;
  for (const Change& c : changes)
    if (!best || c.date > *best) best = c.date;
  return best;
}

const std::vector<std::string>& known_page_keys() {
  static const std::vector<std::string> keys = schemas::property_names(kFrontMatterSchema);
  return keys;
}

const std::vector<std::string>& known_change_keys() {
  static const std::vector<std::string> keys = schemas::property_names(kFrontMatterSchema, "/properties/changes/items");
  return keys;
}

PageMeta parse_page_meta(const Split& split, const std::string& path, diag::Diagnostics& diags) {
  PageMeta meta;
  if (!split.has_front_matter) {
    diags.error({path, 1, 1}, "missing front matter (a page starts with a --- line, then title: ...)");
    return meta;
  }
  if (split.unclosed) {
    diags.error({path, 1, 1}, "front matter is not closed (expected a --- line after it)");
    return meta;
  }
  YamlSource src{path, 1};
  auto root = load_yaml(split.yaml, src, diags);
  if (!root) return meta;
  if (root->IsNull()) {
    diags.error({path, 1, 1}, "missing \"title\" in front matter");
    return meta;
  }
  if (!root->IsMap()) {
    diags.error(src.at(*root), "front matter must be a mapping of keys to values");
    return meta;
  }
  check_known_keys(*root, known_page_keys(), src, diags, "front matter");
  const YAML::Node& r = *root;
  // yaml-cpp's operator[] converts every key of the map to a string to compare
  // it, on each lookup: the keys are read once here instead. The first of a
  // repeated key, as operator[] finds it (a repeat is an error already).
  std::vector<std::pair<std::string_view, YAML::Node>> fields;
  for (const auto& kv : r)
    if (kv.first.IsScalar()) fields.emplace_back(kv.first.Scalar(), kv.second);
  auto field = [&](std::string_view key) {
    for (const auto& [k, v] : fields)
      if (k == key) return v;
    return YAML::Node(YAML::NodeType::Undefined);
  };
  auto read_field = [&](const char* key, auto& target, auto read) {
    if (const YAML::Node node = field(key))
      if (auto value = read(node, src, diags, key)) target = std::move(*value);
  };
  if (field("title")) {
    if (auto s = read_string(field("title"), src, diags, "title")) {
      meta.title = *s;
      strip_xml_illegal(meta.title, field("title"), "title", split.yaml, src, diags);
      if (meta.title.empty()) diags.error(src.at(field("title")), "\"title\" must not be empty");
    }
  } else {
    diags.error({path, 1, 1}, "missing \"title\" in front matter");
  }
  read_field("description", meta.description, read_string);
  read_field("weight", meta.weight, read_int);
  read_field("tags", meta.tags, read_string_list);
  if (field("tags") && field("tags").IsSequence() && field("tags").size() == meta.tags.size())
    for (const YAML::Node& t : field("tags")) meta.tag_pos.push_back(src.at(t));
  read_field("draft", meta.draft, read_bool);
  read_field("aliases", meta.aliases, read_string_list);
  if (field("aliases") && field("aliases").IsSequence() && field("aliases").size() == meta.aliases.size())
    for (const YAML::Node& a : field("aliases")) meta.alias_pos.push_back(src.at(a));
  else if (field("aliases") && meta.aliases.size() == 1)
    meta.alias_pos.push_back(src.at(field("aliases")));
  read_field("owner", meta.owner, read_string);
  // A learning brief's `type` and `brief:` block are checked by briefs/briefs.h;
  // here only their shape.
  read_field("type", meta.type, read_string);
  if (field("type")) {
    meta.has_type = true;
    meta.type_pos = src.at(field("type"));
  }
  if (field("brief") && !field("brief").IsMap()) diags.error(src.at(field("brief")), "\"brief\" must be a mapping");
  for (const auto& entry : r)
    if (entry.first.IsScalar() && entry.first.as<std::string>() == "brief") {
      meta.brief = std::make_shared<const YAML::Node>(entry.second);
      meta.brief_pos = src.at(entry.first);
      break;
    }
  if (field("publication") && !field("publication").IsMap())
    diags.error(src.at(field("publication")), "\"publication\" must be a mapping");
  for (const auto& entry : r)
    if (entry.first.IsScalar() && entry.first.as<std::string>() == "publication" && entry.second.IsMap()) {
      meta.publication = std::make_shared<const YAML::Node>(entry.second);
      meta.publication_pos = src.at(entry.first);
      break;
    }
  if (field("classification")) {
    read_field("classification", meta.classification, read_string);
    meta.classification_pos = src.at(field("classification"));
  }
  if (field("review_by")) {
    meta.review_by = read_date(field("review_by"), src, diags, "review_by");
    meta.review_by_pos = src.at(field("review_by"));
  }
  if (field("published")) {
    meta.published = read_date(field("published"), src, diags, "published");
    meta.published_pos = src.at(field("published"));
  }
  if (const YAML::Node changes = field("changes")) {
    if (!changes.IsSequence()) {
      diags.error(src.at(changes), "\"changes\" must be a list of {date, summary}");
    } else {
      for (const YAML::Node& c : changes) {
        if (!c.IsMap()) {
          diags.error(src.at(c), "each entry of \"changes\" must have a date and a summary");
          continue;
        }
        check_known_keys(c, known_change_keys(), src, diags, "changes entry");
        Change change;
        change.pos = src.at(c);
        bool ok = true;
        if (!c["date"]) {
          diags.error(src.at(c), "a \"changes\" entry needs a date");
          ok = false;
        } else if (auto d = read_date(c["date"], src, diags, "date")) {
          change.date = *d;
        } else {
          ok = false;
        }
        if (!c["summary"]) {
          diags.error(src.at(c), "a \"changes\" entry needs a summary");
          ok = false;
        } else if (auto s = read_string(c["summary"], src, diags, "summary")) {
          change.summary = *s;
          strip_xml_illegal(change.summary, c["summary"], "summary", split.yaml, src, diags);
        } else {
          ok = false;
        }
        if (!ok) continue;
        if (!meta.changes.empty() && change.date > meta.changes.back().date)
          diags.warning(change.pos, "\"changes\" should be newest first: " + change.date.iso() + " is after " +
                                        meta.changes.back().date.iso());
        meta.changes.push_back(std::move(change));
      }
    }
  }
  return meta;
}

}  // namespace qahub::frontmatter
