#include <set>

#include "records/indicator_rules.h"
#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

bool load_scorecard(RecordReader& reader, const json& doc, Source src, Records& out) {
  Scorecard card;
  card.id = str(doc, "id");
  card.title = str(doc, "title");
  card.description = str(doc, "description");
  card.owner = str(doc, "owner");
  card.schedule = str(doc, "schedule");
  if (doc.contains("direction")) {
    const json& d = doc.at("direction");
    card.method = str(d, "method");
    if (d.contains("points") || d.contains("threshold")) {
      if (card.method != "trend")
        reader.diags().error(src.at(d.contains("points") ? "/direction/points" : "/direction/threshold"),
                             "\"points\" and \"threshold\" belong to the trend method, not \"" + card.method + "\"");
      card.points = d.value("points", card.points);
      if (d.contains("threshold")) card.threshold = micro_of(d.at("threshold").get<double>());
    }
  }
  // An indicator shown twice on one scorecard would be counted once and
  // shown twice: say which.
  std::set<std::string> seen;
  const json& sections = doc.at("sections");
  for (size_t i = 0; i < sections.size(); ++i) {
    ScorecardSection s{str(sections[i], "title"), strings(sections[i], "indicators")};
    for (size_t j = 0; j < s.indicators.size(); ++j)
      if (!seen.insert(s.indicators[j]).second)
        reader.diags().error(src.at("/sections/" + std::to_string(i) + "/indicators/" + std::to_string(j)),
                             "indicator \"" + s.indicators[j] + "\" is already on this scorecard");
    card.sections.push_back(std::move(s));
  }
  card.src = std::move(src);
  if (!reader.ok()) return false;
  out.scorecards[card.id] = std::move(card);
  return true;
}

std::vector<Ref> Scorecard::references() const {
  std::vector<Ref> out;
  out.push_back({"/schedule", "schedule", schedule});
  for (size_t i = 0; i < sections.size(); ++i)
    for (size_t j = 0; j < sections[i].indicators.size(); ++j)
      out.push_back({"/sections/" + std::to_string(i) + "/indicators/" + std::to_string(j), "indicator",
                     sections[i].indicators[j]});
  return out;
}

}  // namespace qahub::records
