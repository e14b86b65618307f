#include "theme/theme.h"

#include <string_view>
#include <utility>
#include <vector>

#include "diag/utf8.h"
#include "fs/files.h"

namespace qahub::theme {
namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

Theme Theme::embedded() {
  Theme t;
  for (const auto& [path, bytes] : embedded::embedded_files()) t.files_[std::string(path)] = std::string(bytes);
  return t;
}

Theme Theme::load(const std::filesystem::path& site_dir, const std::string& name, diag::Diagnostics& diags) {
  Theme t = embedded();
  t.name_ = name;
  const std::string dir = "themes/" + name;
  std::vector<std::string> overrides = fs::list_files(site_dir, dir, diags);
  if (overrides.empty() && name != "default") {
    diags.error({"qahub.yaml"}, "theme \"" + name + "\" not found (expected a folder " + dir + "/)");
    return t;
  }
  for (const std::string& rel : overrides) {
    auto bytes = fs::read_file(site_dir / rel);
    if (!bytes) {
      diags.error({rel}, "cannot read theme file");
      continue;
    }
    const std::string path = rel.substr(dir.size() + 1);
    // A template anywhere but templates/ is never used: say where it goes
    // (themes/NAME/partials/footer.mustache is an easy slip).
    if (path.rfind("templates/", 0) != 0 && path.size() > 9 && path.compare(path.size() - 9, 9, ".mustache") == 0) {
      diags.warning({rel}, "template outside templates/ is not used; did you mean " + dir + "/templates/" +
                               (path.rfind("assets/", 0) == 0 ? path.substr(7) : path) + "?");
      continue;
    }
    // Templates are text; assets (images, fonts) may be any bytes.
    if (path.rfind("templates/", 0) == 0 && !diag::check_utf8(*bytes, rel, diags)) continue;
    t.files_[path] = std::move(*bytes);
  }
  return t;
}

const std::string* Theme::file(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::map<std::string, std::string> Theme::assets() const {
  std::map<std::string, std::string> out;
  for (auto it = files_.lower_bound("assets/"); it != files_.end() && it->first.rfind("assets/", 0) == 0; ++it)
    out.emplace(it->first, it->second);
  return out;
}

}  // namespace qahub::theme
