#pragma once
/// A theme: Mustache templates under `templates/` and static files under
/// `assets/`. The default theme is embedded in the binary; a site's own
/// `themes/<name>/` overrides it file by file, so a site can restyle one
/// template without copying the rest.
#include <filesystem>
#include <map>
#include <string>

#include "diag/diagnostics.h"

namespace qahub::theme {

class Theme {
 public:
  /// The embedded default theme overlaid with `site_dir/themes/<name>/`.
  /// A non-default name without that folder is an error.
  static Theme load(const std::filesystem::path& site_dir, const std::string& name, diag::Diagnostics& diags);
  /// The embedded default theme alone (tests, `qahub new`).
  static Theme embedded();

  /// A theme file by relative path ("templates/page.mustache"), or nullptr.
  const std::string* file(const std::string& path) const;
  /// Every file, path-sorted.
  const std::map<std::string, std::string>& files() const { return files_; }
  /// Files under `assets/`, to copy to the output's `assets/`.
  std::map<std::string, std::string> assets() const;
  /// "themes/default/templates/page.mustache": where a diagnostic about a theme file points.
  std::string source_path(const std::string& path) const { return "themes/" + name_ + "/" + path; }

 private:
  std::map<std::string, std::string> files_;
  std::string name_ = "default";
};

}  // namespace qahub::theme
