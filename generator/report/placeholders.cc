#include "report/placeholders.h"

#include <functional>

namespace qahub::report {

using nlohmann::json;

namespace {

constexpr const char* kLeft = "placeholder \"TODO:\" left in the text; replace it with the finished text";
constexpr const char* kInDraft = "placeholder \"TODO:\" in a draft; qahub publish refuses it until it is replaced";

/// Every string a snapshot holds: the ids of the records it draws on among them.
std::set<std::string> strings_of(const json& snapshot) {
  std::set<std::string> out;
  std::function<void(const json&)> walk = [&](const json& v) {
    if (v.is_string())
      out.insert(v.get<std::string>());
    else if (v.is_structured())
      for (const json& e : v) walk(e);
  };
  walk(snapshot);
  return out;
}

/// "a-020" for "data/actions/a-020.json", "father-inclusive-2025" for its narrative.
std::string stem_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.substr(0, name.rfind('.'));
}

}  // namespace

void report_placeholders(const content::ContentSet& content, const records::Records& records,
                         const std::set<std::string>& draft_reports, const Publishing& publishing,
                         diag::Diagnostics& diags) {
  const std::string report = publishing.report ? *publishing.report : "";
  for (const content::Page& page : content.pages) {
    if (page.placeholders.empty()) continue;
    const bool draft = draft_reports.count(page.source) || (page.meta.type == "brief" && page.meta.draft);
    for (const diag::Position& at : page.placeholders) {
      if (page.source == report)
        diags.error(at, "placeholder \"TODO:\" in report " + report +
                            ", which is being published; replace it with the finished text");
      else if (draft)
        diags.notice(at, kInDraft);
      else
        diags.warning(at, kLeft);
    }
  }
  const std::set<std::string> drawn_on =
      publishing.snapshot ? strings_of(*publishing.snapshot) : std::set<std::string>{};
  for (const diag::Position& at : records.placeholders) {
    if (!report.empty() && drawn_on.count(stem_of(at.path)))
      diags.error(at, "placeholder \"TODO:\" in a record that report " + report +
                          " draws on; replace it with the finished text before publishing");
    else
      diags.warning(at, kLeft);
  }
}

}  // namespace qahub::report
