#include "config/site_config.h"

#include <algorithm>

#include "config/params.h"
#include "diag/utf8.h"
#include "frontmatter/yaml_fields.h"
#include "fs/files.h"
#include "schemas/builtin.h"

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

std::string SiteConfig::origin() const {
  size_t scheme = base_url.find("://");
  if (scheme == std::string::npos || scheme == 0) return "";
  size_t slash = base_url.find('/', scheme + 3);
  std::string o = base_url.substr(0, slash);
  return o.size() > scheme + 3 ? o : "";
}

std::string SiteConfig::host() const {
  std::string o = origin();
  if (o.empty()) return "";
  std::string h = o.substr(o.find("://") + 3);
  if (size_t at = h.rfind('@'); at != std::string::npos) h = h.substr(at + 1);
  return h.substr(0, h.find(':'));
}

std::vector<std::string> Classification::markings() const {
  std::vector<std::string> out;
  if (!default_marking.empty()) out.push_back(default_marking);
  for (const std::string& m : sensitive)
    if (m != default_marking) out.push_back(m);
  return out;
}

bool Classification::is_sensitive(const std::string& marking) const {
  for (const std::string& m : sensitive)
    if (m == marking) return true;
  return false;
}

namespace {

/// A marking is printed in page margins from CSS, so it keeps to capitals,
/// digits, spaces and hyphens ("OFFICIAL-SENSITIVE").
bool is_marking_text(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-')) return false;
  return true;
}

void read_classification(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                         Classification& c) {
  if (!n.IsMap()) {
    diags.error(src.at(n),
                "\"classification\" must be a mapping, such as {default: OFFICIAL, sensitive: [OFFICIAL-SENSITIVE]}");
    return;
  }
  static const std::vector<std::string> known = schemas::property_names(kConfigSchema, "/properties/classification");
  frontmatter::check_known_keys(n, known, src, diags, "classification");
  auto check = [&](const YAML::Node& at, const std::string& m) {
    if (is_marking_text(m)) return true;
    diags.error(src.at(at), "marking \"" + m +
                                "\" must be capital letters, digits, spaces and hyphens, such as OFFICIAL-SENSITIVE");
    return false;
  };
  if (const YAML::Node d = n["default"]) {
    if (auto s = read_string(d, src, diags, "default"); s && check(d, *s)) c.default_marking = *s;
  } else {
    diags.error(src.at(n), "\"classification\" needs a default marking, such as default: OFFICIAL");
  }
  if (const YAML::Node list = n["sensitive"]) {
    std::vector<std::string> sensitive;
    frontmatter::read_into(n, "sensitive", sensitive, read_string_list, src, diags);
    if (list.IsSequence() && list.size() == sensitive.size())
      for (size_t i = 0; i < sensitive.size(); ++i) {
        if (!check(list[i], sensitive[i])) continue;
        if (sensitive[i] == c.default_marking)
          diags.error(src.at(list[i]), "the default marking \"" + sensitive[i] +
                                           "\" cannot also be sensitive: every page would be left out");
        else
          c.sensitive.push_back(sensitive[i]);
      }
  }
}

void read_accessibility(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                        AccessibilityStatement& a) {
  if (!n.IsMap()) {
    diags.error(src.at(n), "\"accessibility\" must be a mapping");
    return;
  }
  static const std::vector<std::string> known = schemas::property_names(kConfigSchema, "/properties/accessibility");
  frontmatter::check_known_keys(n, known, src, diags, "accessibility");
  frontmatter::read_into(n, "organisation", a.organisation, read_string, src, diags);
  if (n["compliance"]) {
    if (auto s = read_string(n["compliance"], src, diags, "compliance")) {
      if (*s == "full" || *s == "partial" || *s == "not")
        a.compliance = *s;
      else
        diags.error(src.at(n["compliance"]), "\"compliance\" must be full, partial or not, not \"" + *s + "\"");
    }
  }
  frontmatter::read_into(n, "non_accessible", a.non_accessible, read_string_list, src, diags);
  frontmatter::read_into(n, "contact", a.contact, read_string, src, diags);
  frontmatter::read_into(n, "response_days", a.response_days, read_string, src, diags);
  frontmatter::read_into(n, "tested_on", a.tested_on, read_date, src, diags);
  frontmatter::read_into(n, "tested_by", a.tested_by, read_string, src, diags);
  frontmatter::read_into(n, "prepared_on", a.prepared_on, read_date, src, diags);
  frontmatter::read_into(n, "reviewed_on", a.reviewed_on, read_date, src, diags);
}

void read_disclosure(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags, Disclosure& d) {
  if (!n.IsMap()) {
    diags.error(src.at(n), "\"disclosure\" must be a mapping");
    return;
  }
  frontmatter::check_known_keys(n, {"min_cell"}, src, diags, "disclosure");
  if (const YAML::Node m = n["min_cell"]) {
    if (auto v = frontmatter::read_int(m, src, diags, "min_cell")) {
      if (*v < 1)
        diags.error(src.at(m), "\"min_cell\" must be at least 1, not " + std::to_string(*v));
      else
        d.min_cell = *v;
    }
  }
}

/// `risks: {likelihood: 5, impact: 5, bands: [{name: low, from: 1}, …]}`:
/// the matrix risks are scored on (config/risk_matrix.h). Bands lowest first,
/// the first from 1, each above the one before and within the matrix.
void read_risks(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags, RiskMatrix& m) {
  if (!n.IsMap()) {
    diags.error(src.at(n), "\"risks\" must be a mapping");
    return;
  }
  frontmatter::check_known_keys(n, {"likelihood", "impact", "bands"}, src, diags, "risks");
  for (auto [key, out] : {std::pair{"likelihood", &m.likelihood}, std::pair{"impact", &m.impact}})
    if (const YAML::Node v = n[key])
      if (auto i = frontmatter::read_int(v, src, diags, key)) {
        if (*i < 2 || *i > 10)
          diags.error(src.at(v), "\"" + std::string(key) + "\" must be 2 to 10 steps, not " + std::to_string(*i));
        else
          *out = *i;
      }
  const YAML::Node bands = n["bands"];
  if (!bands) return;
  if (!bands.IsSequence() || bands.size() < 2) {
    diags.error(src.at(bands), "\"bands\" must be a list of two or more bands, such as {name: low, from: 1}");
    return;
  }
  std::vector<RiskBand> out;
  for (const YAML::Node& b : bands) {
    if (!b.IsMap() || !b["name"] || !b["from"]) {
      diags.error(src.at(b), "a band has a name and the score it starts from, such as {name: high, from: 8}");
      return;
    }
    frontmatter::check_known_keys(b, {"name", "from"}, src, diags, "band");
    auto name = frontmatter::read_string(b["name"], src, diags, "name");
    auto from = frontmatter::read_int(b["from"], src, diags, "from");
    if (!name || !from) return;
    const long first = out.empty() ? 1 : out.back().from + 1;
    if ((out.empty() && *from != 1) || *from < first || *from > m.max_score()) {
      diags.error(src.at(b["from"]), out.empty() ? "the first band starts from 1, not " + std::to_string(*from)
                                                 : "band \"" + *name + "\" starts from " + std::to_string(*from) +
                                                       ", which must be " + std::to_string(first) + " to " +
                                                       std::to_string(m.max_score()) +
                                                       " (above the band before it and within the matrix)");
      return;
    }
    out.push_back({*name, *from});
  }
  m.bands = std::move(out);
}

/// A share between 0 and 1 ("0.25"), as per mille; nullopt after an error.
std::optional<long> read_share(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                               const std::string& key) {
  double v = -1;
  try {
    if (n.IsScalar()) v = n.as<double>();
  } catch (const YAML::Exception&) {
    v = -1;
  }
  if (!(v >= 0 && v <= 1)) {
    diags.error(src.at(n), "\"" + key + "\" must be a share between 0 and 1, such as 0.25");
    return std::nullopt;
  }
  return static_cast<long>(v * 1000 + 0.5);
}

/// `personal_data: {dob: warning, postcode: warning}`: the two rules that
/// may match an office address or a made-up date can be lowered to warnings.
void read_personal_data(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                        diag::PersonalDataPolicy& p) {
  if (!n.IsMap()) {
    diags.error(src.at(n), "\"personal_data\" must be a mapping, such as {dob: warning, postcode: warning}");
    return;
  }
  frontmatter::check_known_keys(n, {"dob", "postcode"}, src, diags, "personal_data");
  auto level = [&](const char* key, diag::Severity& out) {
    if (!n[key]) return;
    auto v = frontmatter::read_string(n[key], src, diags, key);
    if (!v) return;
    if (*v == "error")
      out = diag::Severity::kError;
    else if (*v == "warning")
      out = diag::Severity::kWarning;
    else
      diags.error(src.at(n[key]), "\"" + std::string(key) + "\" must be error or warning, not \"" + *v + "\"");
  };
  level("dob", p.date_of_birth);
  level("postcode", p.postcode);
}

void read_targets(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags, Targets& t) {
  if (!n.IsMap()) {
    diags.error(src.at(n), "\"targets\" must be a mapping");
    return;
  }
  frontmatter::check_known_keys(n, {"moderation_rate", "good_or_better", "independent_moderation"}, src, diags,
                                "targets");
  if (n["moderation_rate"]) t.moderation_rate_pm = read_share(n["moderation_rate"], src, diags, "moderation_rate");
  if (n["good_or_better"]) t.good_or_better_pm = read_share(n["good_or_better"], src, diags, "good_or_better");
  if (n["independent_moderation"])
    t.independent_moderation_pm = read_share(n["independent_moderation"], src, diags, "independent_moderation");
}

}  // namespace

SiteConfig load_site_config(const std::filesystem::path& site_dir, diag::Diagnostics& diags) {
  SiteConfig c;
  if (std::string why = fs::outside_site(site_dir, kConfigFile); !why.empty()) {
    diags.error({kConfigFile}, why);
    return c;
  }
  auto text = fs::read_file(site_dir / kConfigFile);
  if (!text || !diag::check_utf8(*text, kConfigFile, diags)) return c;
  frontmatter::YamlSource src{kConfigFile, 0};
  auto root = frontmatter::load_yaml(*text, src, diags);
  if (!root || root->IsNull()) return c;
  if (!root->IsMap()) {
    diags.error(src.at(*root), "the site config must be a mapping of keys to values");
    return c;
  }
  const YAML::Node& r = *root;
  static const std::vector<std::string> known = schemas::property_names(kConfigSchema);
  frontmatter::check_known_keys(r, known, src, diags, "site config");
  frontmatter::read_into(r, "title", c.title, read_string, src, diags);
  frontmatter::read_into(r, "description", c.description, read_string, src, diags);
  frontmatter::read_into(r, "base_url", c.base_url, read_string, src, diags);
  frontmatter::read_into(r, "language", c.language, read_string, src, diags);
  frontmatter::read_into(r, "theme", c.theme, read_string, src, diags);
  frontmatter::read_into(r, "raw_html", c.raw_html, read_bool, src, diags);
  frontmatter::read_into(r, "organisation", c.organisation, read_string, src, diags);
  frontmatter::read_into(r, "allow_personal_data", c.personal_data.allow, read_string_list, src, diags);
  frontmatter::read_into(r, "checked_attachments", c.checked_attachments, read_string_list, src, diags);
  if (const YAML::Node bh = r["bank_holidays"]) {
    if (!bh.IsSequence()) {
      diags.error(src.at(bh), "\"bank_holidays\" must be a list of dates (YYYY-MM-DD)");
    } else {
      for (const YAML::Node& d : bh)
        if (auto date = read_date(d, src, diags, "bank_holidays")) c.bank_holidays.push_back(*date);
      std::sort(c.bank_holidays.begin(), c.bank_holidays.end());
    }
  }
  if (r["personal_data"]) read_personal_data(r["personal_data"], src, diags, c.personal_data);
  if (r["classification"]) read_classification(r["classification"], src, diags, c.classification);
  if (r["accessibility"]) read_accessibility(r["accessibility"], src, diags, c.accessibility);
  if (r["params"]) c.params = read_params(r["params"], src, diags);
  if (r["disclosure"]) read_disclosure(r["disclosure"], src, diags, c.disclosure);
  if (r["targets"]) read_targets(r["targets"], src, diags, c.targets);
  if (r["publications"]) read_publications(r["publications"], src, diags, c.publications);
  if (r["risks"]) read_risks(r["risks"], src, diags, c.risks);
  // Learning brief formats are read by briefs/formats.h; here only their shape.
  if (r["briefs"] && !r["briefs"].IsMap()) diags.error(src.at(r["briefs"]), "\"briefs\" must be a mapping");
  return c;
}

SiteConfig load_site_config(const BuildOptions& options, diag::Diagnostics& diags) {
  SiteConfig c = load_site_config(options.site_dir, diags);
  if (!options.base_url.empty()) c.base_url = options.base_url;
  return c;
}

}  // namespace qahub::config
