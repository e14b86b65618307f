#include <algorithm>
#include <cctype>
#include <map>

#include "records/loaders.h"
#include "records/rollup.h"
#include "records/status.h"

namespace qahub::records {

using nlohmann::json;

namespace load_recommendations {

/// The timeframe at `pointer` ("immediately", {"within": "P3M"}, {"by": date})
/// and the due date it gives from `issued`.
Timeframe timeframe_at(RecordReader& reader, const json& doc, const Source& src, const std::string& pointer) {
  const json& t = doc.at(json::json_pointer(pointer));
  Timeframe out;
  if (t.is_object() && t.contains("within")) {
    out.kind = Timeframe::Kind::kWithin;
    out.within = t.at("within").get<std::string>();
  } else if (t.is_object() && t.contains("by")) {
    out.kind = Timeframe::Kind::kBy;
    out.by = reader.date_at(doc, src, pointer + "/by");
  } else if (!t.is_string() || t.get<std::string>() != "immediately") {
    reader.fail(src.at(pointer),
                "a timeframe is \"immediately\", {\"within\": \"P3M\"} or {\"by\": \"YYYY-MM-DD\"}, not " + t.dump());
  }
  return out;
}

base::Date due_of(const Timeframe& t, base::Date issued) {
  switch (t.kind) {
    case Timeframe::Kind::kImmediately:
      return issued;
    case Timeframe::Kind::kWithin:
      return add_period(issued, t.within).value_or(issued);
    case Timeframe::Kind::kBy:
      return t.by;
  }
  return issued;
}

/// When an action started: its `start`, else its first status entry's date.
std::optional<base::Date> started(const Action& a) {
  if (a.start) return a.start;
  if (!a.history.empty()) return a.history.front().date;
  return std::nullopt;
}

}  // namespace load_recommendations

bool load_recommendation_set(RecordReader& reader, const json& doc, Source src, Records& out) {
  namespace lr = load_recommendations;
  RecommendationSet s;
  s.id = str(doc, "id");
  s.title = str(doc, "title");
  s.kind = str(doc, "kind");
  s.owner = str(doc, "owner");
  s.issued = reader.date_at(doc, src, "/issued");
  std::set<std::string> seen;
  if (doc.contains("groups")) s.groups = reader.items_at(doc, src, "/groups", seen);
  if (doc.contains("scale")) s.scale = str(doc, "scale");
  if (doc.contains("judgements")) {
    const Scale* scale = find_scale(out, s.scale);
    if (!scale)
      reader.fail(src.at(doc.contains("scale") ? "/scale" : "/judgements"),
                  "unknown scale \"" + s.scale + "\"" + diag::did_you_mean(s.scale, scale_ids(out)));
    for (const auto& [area, level] : doc.at("judgements").items()) {
      const std::string l = level.get<std::string>();
      if (scale && !scale->level(l)) {
        std::vector<std::string> ids;
        for (const ScaleLevel& sl : scale->levels) ids.push_back(sl.id);
        reader.fail(src.at("/judgements/" + area),
                    "scale \"" + s.scale + "\" has no level \"" + l + "\"" + diag::did_you_mean(l, ids));
      }
      s.judgements.push_back({area, l});
    }
  }
  std::set<std::string> item_ids;
  if (doc.contains("items")) {
    const json& items = doc.at("items");
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string p = "/items/" + std::to_string(i);
      SetItem item{str(items[i], "id"),
                   str(items[i], "text"),
                   str(items[i], "group"),
                   lr::timeframe_at(reader, doc, src, p + "/timeframe"),
                   {}};
      reader.unique_id(item.id, src, p + "/id", item_ids);
      if (!item.group.empty() && !s.group(item.group)) {
        std::vector<std::string> ids;
        for (const Item& g : s.groups) ids.push_back(g.id);
        reader.fail(src.at(p + "/group"),
                    "unknown group \"" + item.group + "\"" +
                        (ids.empty() ? " (the set has no \"groups\")" : diag::did_you_mean(item.group, ids)));
      }
      item.due = lr::due_of(item.timeframe, s.issued);
      s.items.push_back(std::move(item));
    }
  }
  if (doc.contains("strengths")) s.strengths = reader.items_at(doc, src, "/strengths", item_ids);
  if (doc.contains("areas_for_development")) s.areas = reader.items_at(doc, src, "/areas_for_development", item_ids);
  if (doc.contains("statement")) {
    s.statement_days = doc.at("statement").at("within_working_days").get<long>();
    s.statement_due = base::add_working_days(s.issued, s.statement_days, reader.bank_holidays());
  }
  s.src = std::move(src);
  if (!reader.ok()) return false;
  out.recommendations[s.id] = std::move(s);
  return true;
}

std::string RecommendationSet::kind_words() const {
  static const std::map<std::string, std::string> words = {
      {"inspection", "Inspection"},
      {"improvement-notice", "Improvement notice"},
      {"focused-visit", "Focused visit"},
      {"monitoring-visit", "Monitoring visit"},
      {"jtai", "Joint targeted area inspection"},
      {"case-review", "Case review"},
      {"peer-review", "Peer review"},
      {"assurance-review", "Assurance review"},
      {"internal-audit", "Internal audit"},
  };
  auto it = words.find(kind);
  return it == words.end() ? kind : it->second;
}

const Item* RecommendationSet::group(const std::string& gid) const {
  for (const Item& g : groups)
    if (g.id == gid) return &g;
  return nullptr;
}

Citable RecommendationSet::citable(const Records&) const {
  Citable c{"recommendation set", title, kind_words() + ": " + title, {}};
  const std::string label = kind == "improvement-notice" ? "target" : "recommendation";
  for (const SetItem& i : items) c.items.push_back({i.id, label, i.text});
  for (const Item& i : strengths) c.items.push_back({i.id, "strength", i.text});
  for (const Item& i : areas) c.items.push_back({i.id, "area for development", i.text});
  return c;
}

void RecommendationSet::check(const Records& r, const CheckInput& in, diag::Diagnostics& diags) const {
  namespace lr = load_recommendations;
  const std::string label = kind == "improvement-notice" ? "target" : "recommendation";
  for (size_t i = 0; i < items.size(); ++i) {
    const SetItem& item = items[i];
    const std::string ref = id + "/" + item.id;
    const diag::Position at = src.at("/items/" + std::to_string(i) + "/id");
    const std::vector<const Action*> actions = addressing(r, ref);
    if (actions.empty()) {
      if (in.complete) diags.notice(at, label + " " + ref + " has no action addressing it");
      continue;
    }
    const bool any_complete = std::any_of(actions.begin(), actions.end(), [&](const Action* a) {
      return shown_status(*a, in.as_of) == Status::kComplete;
    });
    if (item.due < in.as_of && !any_complete)
      diags.notice(at,
                   label + " " + ref + " was due by " + item.due.iso() + " and no action addressing it is complete");
    if (item.timeframe.kind != Timeframe::Kind::kImmediately) continue;
    std::optional<base::Date> first;
    for (const Action* a : actions)
      if (auto s = lr::started(*a); s && (!first || *s < *first)) first = s;
    if (first && issued.plus_days(kImmediateStartDays) < *first)
      diags.notice(at, label + " " + ref + " is to be met immediately but its first action starts " + first->iso() +
                           ", " + std::to_string(first->days_since_epoch() - issued.days_since_epoch()) +
                           " days after the set was issued");
  }
  if (!statement_due || !(*statement_due < in.as_of)) return;
  for (const auto& [pid, p] : r.plans)
    if ((p.status == "agreed" || p.status == "closed") &&
        std::find(p.responds_to.begin(), p.responds_to.end(), id) != p.responds_to.end())
      return;
  std::string words = kind_words();
  words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
  diags.notice(src.at("/statement/within_working_days"),
               words + " \"" + id + "\" was issued " + issued.iso() + "; a statement of action was due by " +
                   statement_due->iso() + " (" + std::to_string(statement_days) +
                   " working days) and no agreed plan responds to it");
}

}  // namespace qahub::records
