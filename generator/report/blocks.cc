#include "report/blocks.h"

#include "record_pages/urls.h"
#include "records/status.h"

namespace qahub::report {

using nlohmann::json;

const std::vector<BlockKind>& cycle_blocks() {
  static const std::vector<BlockKind> kinds = {
      {"figures", "Figures", figures_data, figures_view},
      {"grades", "Grades", grades_data, grades_view},
      {"moderation", "Moderation", moderation_data, moderation_view},
      {"breakdown", "By service and area", breakdown_data, breakdown_view},
      {"feedback", "What families told us", feedback_data, feedback_view},
      {"learning", "Key learning", learning_data, learning_view},
      {"actions", "Actions agreed", actions_data, actions_view},
      {"progress", "Progress on earlier actions", progress_data, progress_view},
      {"audits", "Thematic audits", audits_data, audits_view},
      {"training", "Training", training_data, training_view},
      {"meetings", "Meetings", meetings_data, meetings_view},
      {"briefs", "Learning briefs", briefs_data, briefs_view},
      {"changes", "What changed since the last report", changes_data, changes_view},
  };
  return kinds;
}

const BlockKind* find_block(const std::string& name) {
  for (const BlockKind& k : cycle_blocks())
    if (name == k.name) return &k;
  return nullptr;
}

std::string human_date(const json& iso) {
  if (!iso.is_string()) return "";
  auto d = base::Date::parse(iso.get<std::string>());
  return d ? d->human() : "";
}

json action_row(const records::Action& a, base::Date at) {
  return {{"id", a.id},
          {"title", a.title},
          {"owner", a.owner},
          {"due", a.due.iso()},
          {"status", records::status_key(records::shown_status(a, at))}};
}

json action_row_view(const json& row) {
  json v = row;
  v["url"] = record_pages::urls::action(row.value("id", ""));
  v["due_human"] = human_date(row.value("due", json()));
  std::string label = row.value("status", "");
  for (char& c : label)
    if (c == '-') c = ' ';
  v["status_label"] = label;
  return v;
}

bool agreed_in(const records::Action& a, const records::Cycle& cycle) {
  return a.source_type == "cycle" && a.source_id == cycle.id;
}

bool known_at(const records::Action& a, base::Date at) { return a.history.empty() || a.history.front().date <= at; }

}  // namespace qahub::report
