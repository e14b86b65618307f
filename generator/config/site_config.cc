#include "config/site_config.h"

#include "frontmatter/yaml_fields.h"
#include "fs/files.h"

namespace qahub::config {

using frontmatter::read_bool;
using frontmatter::read_date;
using frontmatter::read_string;
using frontmatter::read_string_list;

std::string SiteConfig::base_path() const {
  std::string path = base_url;
  size_t scheme = path.find("://");
  if (scheme != std::string::npos) {
    size_t slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? "/" : path.substr(slash);
  }
  if (path.empty() || path[0] != '/') path = "/" + path;
  if (path.back() != '/') path += '/';
  return path;
}

namespace {

void read_accessibility(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                        AccessibilityStatement& a) {
  if (!n.IsMap()) {
    diags.error(src.at(n), "\"accessibility\" must be a mapping");
    return;
  }
  frontmatter::check_known_keys(n,
                                {"organisation", "compliance", "non_accessible", "contact", "response_days",
                                 "tested_on", "tested_by", "prepared_on", "reviewed_on"},
                                src, diags, "accessibility");
  if (n["organisation"])
    if (auto s = read_string(n["organisation"], src, diags, "organisation")) a.organisation = *s;
  if (n["compliance"]) {
    if (auto s = read_string(n["compliance"], src, diags, "compliance")) {
      if (*s == "full" || *s == "partial" || *s == "not")
        a.compliance = *s;
      else
        diags.error(src.at(n["compliance"]), "\"compliance\" must be full, partial or not, not \"" + *s + "\"");
    }
  }
  if (n["non_accessible"])
    if (auto l = read_string_list(n["non_accessible"], src, diags, "non_accessible")) a.non_accessible = *l;
  if (n["contact"])
    if (auto s = read_string(n["contact"], src, diags, "contact")) a.contact = *s;
  if (n["response_days"])
    if (auto s = read_string(n["response_days"], src, diags, "response_days")) a.response_days = *s;
  if (n["tested_on"]) a.tested_on = read_date(n["tested_on"], src, diags, "tested_on");
  if (n["tested_by"])
    if (auto s = read_string(n["tested_by"], src, diags, "tested_by")) a.tested_by = *s;
  if (n["prepared_on"]) a.prepared_on = read_date(n["prepared_on"], src, diags, "prepared_on");
  if (n["reviewed_on"]) a.reviewed_on = read_date(n["reviewed_on"], src, diags, "reviewed_on");
}

}  // namespace

SiteConfig load_site_config(const std::filesystem::path& site_dir, diag::Diagnostics& diags) {
  SiteConfig c;
  auto text = fs::read_file(site_dir / kConfigFile);
  if (!text) return c;
  frontmatter::YamlSource src{kConfigFile, 0};
  auto root = frontmatter::load_yaml(*text, src, diags);
  if (!root || root->IsNull()) return c;
  if (!root->IsMap()) {
    diags.error(src.at(*root), "the site config must be a mapping of keys to values");
    return c;
  }
  const YAML::Node& r = *root;
  frontmatter::check_known_keys(r,
                                {"title", "description", "base_url", "language", "theme", "raw_html",
                                 "organisation", "allow_personal_data", "accessibility"},
                                src, diags, "site config");
  if (r["title"])
    if (auto s = read_string(r["title"], src, diags, "title")) c.title = *s;
  if (r["description"])
    if (auto s = read_string(r["description"], src, diags, "description")) c.description = *s;
  if (r["base_url"])
    if (auto s = read_string(r["base_url"], src, diags, "base_url")) c.base_url = *s;
  if (r["language"])
    if (auto s = read_string(r["language"], src, diags, "language")) c.language = *s;
  if (r["theme"])
    if (auto s = read_string(r["theme"], src, diags, "theme")) c.theme = *s;
  if (r["raw_html"])
    if (auto b = read_bool(r["raw_html"], src, diags, "raw_html")) c.raw_html = *b;
  if (r["organisation"])
    if (auto s = read_string(r["organisation"], src, diags, "organisation")) c.organisation = *s;
  if (r["allow_personal_data"])
    if (auto l = read_string_list(r["allow_personal_data"], src, diags, "allow_personal_data"))
      c.allow_personal_data = *l;
  if (r["accessibility"]) read_accessibility(r["accessibility"], src, diags, c.accessibility);
  return c;
}

}  // namespace qahub::config
