#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

bool load_cycle(RecordReader& reader, const json& doc, Source src, Records& out) {
  static const std::pair<const char*, const char*> kMonths[] = {
      {"practitioner_audits", "Practitioner audits within own service"},
      {"appreciative_inquiry", "Appreciative inquiry"},
      {"peer_audits", "Peer audits across areas"},
      {"triad_audits", "Triad audits"}};
  Cycle c;
  c.id = str(doc, "id");
  c.year = str(doc, "year");
  c.number = doc.at("number").get<int>();
  c.report = str(doc, "report");
  for (const auto& [key, label] : kMonths) {
    const std::string p = std::string("/months/") + key;
    CycleMonth m{key, label, reader.date_at(doc, src, p + "/start"), reader.date_at(doc, src, p + "/end")};
    if (reader.ok() && m.end < m.start) {
      reader.fail(src.at(p + "/end"), "the month ends before it starts");
    } else if (reader.ok() && !c.months.empty() && m.start <= c.months.back().end) {
      reader.fail(src.at(p + "/start"), "the month starts before the previous month ends");
    }
    c.months.push_back(std::move(m));
  }
  const json& f = doc.at("figures");
  c.audits_completed = f.at("audits_completed").get<long>();
  c.audits_moderated = f.at("audits_moderated").get<long>();
  const json& g = f.at("grades");
  c.grades = {g.at("outstanding").get<long>(), g.at("good").get<long>(), g.at("requires_improvement").get<long>(),
              g.at("inadequate").get<long>()};
  const json& mo = f.at("moderation");
  c.moderation = {mo.at("agreed").get<long>(), mo.at("raised").get<long>(), mo.at("lowered").get<long>()};
  if (c.grades.total() != c.audits_completed) {
    reader.fail(src.at("/figures/grades"), "grades add up to " + std::to_string(c.grades.total()) + ", but " +
                                               std::to_string(c.audits_completed) + " audits were completed");
  }
  if (c.audits_moderated > c.audits_completed) {
    reader.fail(src.at("/figures/audits_moderated"), "more audits moderated (" + std::to_string(c.audits_moderated) +
                                                         ") than completed (" + std::to_string(c.audits_completed) +
                                                         ")");
  }
  if (c.moderation.total() != c.audits_moderated) {
    reader.fail(src.at("/figures/moderation"), "moderation counts add up to " + std::to_string(c.moderation.total()) +
                                                   ", but " + std::to_string(c.audits_moderated) +
                                                   " audits were moderated");
  }
  if (f.contains("family_feedback")) {
    const json& ff = f.at("family_feedback");
    FamilyFeedback fb;
    fb.asked = ff.at("asked").get<long>();
    fb.responded = ff.at("responded").get<long>();
    if (fb.responded > fb.asked) {
      reader.fail(src.at("/figures/family_feedback/responded"),
                  "more families responded (" + std::to_string(fb.responded) + ") than were asked (" +
                      std::to_string(fb.asked) + ")");
    }
    if (ff.contains("ratings")) {
      const json& r = ff.at("ratings");
      fb.has_ratings = true;
      fb.very_good = r.at("very_good").get<long>();
      fb.good = r.at("good").get<long>();
      fb.fair = r.at("fair").get<long>();
      fb.poor = r.at("poor").get<long>();
      long sum = fb.very_good + fb.good + fb.fair + fb.poor;
      if (sum != fb.responded) {
        reader.fail(src.at("/figures/family_feedback/ratings"), "ratings add up to " + std::to_string(sum) + ", but " +
                                                                    std::to_string(fb.responded) +
                                                                    " families responded");
      }
    }
    c.feedback = fb;
  }
  std::set<std::string> seen;
  c.key_learning = reader.items_at(doc, src, "/key_learning", seen);
  c.src = std::move(src);
  if (!reader.ok()) return false;
  out.cycles[c.id] = std::move(c);
  return true;
}

}  // namespace qahub::records
