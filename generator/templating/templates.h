#pragma once
/// Mustache rendering (kainjow-mustache) over JSON view models. Views are
/// nlohmann::json so they can be dumped for debugging and tested without
/// templates; `templates/partials/*.mustache` are available as `{{> name}}`.
///
///   Templates t(theme);
///   std::string html = t.render("page", view, diags);
#include <nlohmann/json.hpp>

#include <string>

#include "diag/diagnostics.h"
#include "theme/theme.h"

namespace qahub::templating {

class Templates {
 public:
  explicit Templates(const theme::Theme& theme);
  /// Renders `templates/<name>.mustache` with `view`. A missing or invalid
  /// template is an error at the template's path and gives "".
  std::string render(const std::string& name, const nlohmann::json& view, diag::Diagnostics& diags) const;
  bool has(const std::string& name) const;

 private:
  const theme::Theme& theme_;
  std::map<std::string, std::string> partials_;
};

}  // namespace qahub::templating
