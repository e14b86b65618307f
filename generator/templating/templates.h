#pragma once
/// Mustache rendering (kainjow-mustache) over JSON view models. Views are
/// nlohmann::json so they can be dumped for debugging and tested without
/// templates; `templates/partials/*.mustache` are available as `{{> name}}`.
/// Every view also gets `params`, the site config's free-form `params:` map.
///
///   Templates t(theme, config.params);
///   std::string html = t.render("page", view, diags);
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "theme/theme.h"

namespace qahub::templating {

class Templates {
 public:
  explicit Templates(const theme::Theme& theme, nlohmann::json params = nlohmann::json::object());
  /// Renders `templates/<name>.mustache` with `view`. A missing or invalid
  /// template (or partial) is an error at that file's path and gives "".
  std::string render(const std::string& name, const nlohmann::json& view, diag::Diagnostics& diags) const;
  /// The same for a view nobody reads again: its strings (a page's HTML) are
  /// moved into the template's data, not copied.
  std::string render(const std::string& name, nlohmann::json&& view, diag::Diagnostics& diags) const;
  bool has(const std::string& name) const;
  /// The names of the partials the theme has ("footer", "head"…), sorted.
  std::vector<std::string> partial_names() const;

 private:
  /// A template with its partials inlined, or why it cannot be used.
  struct Prepared {
    std::string text;
    std::string error_path;  ///< theme path of the file at fault ("templates/partials/footer.mustache")
    std::string error;
  };

  std::string render_data(const std::string& name, const nlohmann::json& view, bool steal,
                          diag::Diagnostics& diags) const;

  const theme::Theme& theme_;
  std::map<std::string, std::string> partials_;
  std::map<std::string, Prepared> prepared_;  ///< by theme path ("templates/layout.mustache")
  nlohmann::json params_;
};

/// `text` with every `{{> name}}` of a known partial replaced by the
/// partial's text, recursively, as Mustache's partial rule does (a standalone
/// tag's line is replaced and the partial indented like it). A partial that
/// includes itself, directly or not, stops at `max_depth` and sets `cycle`
/// to its name. An unknown partial is empty.
std::string expand_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            std::string* cycle = nullptr, int max_depth = 16);

}  // namespace qahub::templating
