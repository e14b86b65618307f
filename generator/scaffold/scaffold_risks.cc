// `qahub new risk "Title"`: a risk on the register (data/risks/<title>.json),
// in the shape of data/schemas/risk.schema.json, raised on the as-of date.
#include <nlohmann/json.hpp>

#include "records/model.h"
#include "scaffold/scaffold.h"

namespace qahub::scaffold {

std::optional<Plan> plan_risk(const std::filesystem::path& site_dir, const std::string& title, base::Date as_of,
                              diag::Diagnostics& diags) {
  const std::string slug = record_slug(title);
  if (slug.empty()) {
    diags.error({}, "the risk needs a title, such as \"Too few experienced social workers\"");
    return std::nullopt;
  }
  const std::string id = first_free_id(slug, record_ids(site_dir, "risk"));
  nlohmann::ordered_json j;
  j["$schema"] = schema_ref("risk");
  j["id"] = id;
  j["title"] = title;
  j["text"] = "TODO: the cause, what could happen, and its effect on children and families";
  j["owner"] = "TODO: the role that owns it";
  j["category"] = "TODO: workforce, practice quality, demand, data or another";
  j["mitigations"] = nlohmann::ordered_json::array();
  // 2 × 2 fits every matrix (2 to 10 steps each way); the first review scores it.
  j["history"] = nlohmann::ordered_json::array(
      {{{"date", as_of.iso()}, {"likelihood", 2}, {"impact", 2}, {"note", "TODO: why it was raised"}}});
  j["review_by"] = records::add_period(as_of, "P3M").value_or(as_of).iso();
  return Plan{{{record_file("risk", id), j.dump(2) + "\n"}}};
}

}  // namespace qahub::scaffold
