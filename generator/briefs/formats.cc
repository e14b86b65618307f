#include "briefs/formats.h"

#include <map>

#include "base/text.h"
#include "frontmatter/yaml_fields.h"
#include "fs/files.h"

namespace qahub::briefs {

std::map<std::string, Format> load_formats(const std::filesystem::path& site_dir, diag::Diagnostics& diags) {
  std::map<std::string, Format> out;
  out[kDefaultFormat] = {{"Background", "Why it matters", "What we found", "What good looks like", "What to do",
                          "Questions for your team", "Further reading"},
                         "Questions for your team"};
  auto text = fs::read_file(site_dir / "qahub.yaml");
  if (!text) return out;
  // qahub.yaml's own reader reports its syntax errors; here a bad file is
  // simply one without formats.
  diag::Diagnostics ignored;
  const frontmatter::YamlSource src{"qahub.yaml", 0};
  auto root = frontmatter::load_yaml(*text, src, ignored);
  if (!root || !root->IsMap() || !(*root)["briefs"] || !(*root)["briefs"].IsMap()) return out;
  const YAML::Node formats = (*root)["briefs"]["formats"];
  if (!formats) return out;
  if (!formats.IsMap()) {
    diags.error(src.at(formats), "\"briefs.formats\" must map each format's name to its sections and questions");
    return out;
  }
  for (const auto& entry : formats) {
    const std::string name = entry.first.as<std::string>();
    const YAML::Node f = entry.second;
    Format format;
    bool sections_ok = true;
    if (f.IsMap() && f["sections"]) {
      if (auto list = frontmatter::read_string_list(f["sections"], src, diags, "sections")) format.sections = *list;
      // A section is matched to a `##` heading by its slug: an empty one
      // matches nothing, and two with one slug would both claim a heading.
      std::map<std::string, std::string> slugs;
      const YAML::Node items = f["sections"];
      for (size_t i = 0; i < format.sections.size() && items.IsSequence() && i < items.size(); ++i) {
        const std::string& title = format.sections[i];
        const std::string slug = base::slugify(title);
        if (slug.empty()) {
          diags.error(src.at(items[i]), "brief format \"" + name + "\" has a section with no name");
          sections_ok = false;
        } else if (auto [it, fresh] = slugs.emplace(slug, title); !fresh) {
          diags.error(src.at(items[i]), "brief format \"" + name + "\" has the section \"" + title + "\" twice (as \"" +
                                            it->second + "\" before it)");
          sections_ok = false;
        }
      }
    }
    if (f.IsMap() && f["questions"])
      if (auto q = frontmatter::read_string(f["questions"], src, diags, "questions")) format.questions = *q;
    if (format.sections.empty()) {
      diags.error(src.at(entry.first), "brief format \"" + name + "\" needs a list of \"sections\"");
      out[name] = Format{{}, "", true};
      continue;
    }
    if (!sections_ok) {
      out[name] = Format{{}, "", true};
      continue;
    }
    bool found = false;
    for (const std::string& s : format.sections) found = found || base::slugify(s) == base::slugify(format.questions);
    if (!found) {
      diags.error(src.at(entry.first), "brief format \"" + name +
                                           "\" needs \"questions\": the title of the section, among its sections, "
                                           "where the three questions are shown");
      out[name] = Format{{}, "", true};
      continue;
    }
    out[name] = std::move(format);
  }
  return out;
}

}  // namespace qahub::briefs
