#include <filesystem>

#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

namespace {

std::string n(long v) { return std::to_string(v); }

Grades grades_of(const json& g) {
  return {g.at("outstanding").get<long>(), g.at("good").get<long>(), g.at("requires_improvement").get<long>(),
          g.at("inadequate").get<long>()};
}

Moderation moderation_of(const json& m) {
  return {m.at("agreed").get<long>(), m.at("raised").get<long>(), m.at("lowered").get<long>()};
}

/// An id of data/organisation.json, or an error with a "did you mean".
void check_unit(RecordReader& reader, const Source& src, const std::string& pointer, const std::string& id,
                const std::vector<OrgUnit>& units, const char* what) {
  std::vector<std::string> ids;
  for (const OrgUnit& u : units) {
    if (u.id == id) return;
    ids.push_back(u.id);
  }
  reader.fail(src.at(pointer), std::string("unknown ") + what + " \"" + id + "\" (not in data/organisation.json)" +
                                   diag::did_you_mean(id, ids));
}

/// The rows' sum of one figure against its total: an error at the total naming both and the difference.
void check_sum(RecordReader& reader, const Source& src, const std::string& pointer, const std::string& what, long total,
               long sum) {
  if (sum == total) return;
  const long d = sum > total ? sum - total : total - sum;
  reader.fail(src.at(pointer), "breakdown rows add up to " + n(sum) + " " + what + ", but the total is " + n(total) +
                                   " (" + n(d) + (sum > total ? " more" : " fewer") + ")");
}

/// Breakdown rows: ids known, each row consistent, and together the cycle's totals.
void load_breakdown(RecordReader& reader, const json& list, const Source& src, const Records& out, Cycle& c) {
  const Organisation* org = out.organisation ? &*out.organisation : nullptr;
  if (!org) {
    // A file that exists but failed to load has its own errors already.
    std::error_code ec;
    if (!std::filesystem::exists(reader.site_dir() / "data/organisation.json", ec))
      reader.fail(src.at("/figures/breakdown"),
                  "the breakdown names services and areas, but data/organisation.json does not exist");
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < list.size(); ++i) {
    const json& r = list[i];
    BreakdownRow row;
    row.pointer = "/figures/breakdown/" + n(static_cast<long>(i));
    const std::string& p = row.pointer;
    row.service = str(r, "service");
    row.area = str(r, "area");
    row.expected = r.at("expected").get<long>();
    row.completed = r.at("completed").get<long>();
    row.moderated = r.at("moderated").get<long>();
    row.grades = grades_of(r.at("grades"));
    row.moderation = moderation_of(r.at("moderation"));
    if (org) {
      check_unit(reader, src, p + "/service", row.service, org->services, "service");
      check_unit(reader, src, p + "/area", row.area, org->areas, "area");
    }
    if (!seen.insert({row.service, row.area}).second)
      reader.fail(src.at(p), "a second row for service \"" + row.service + "\" in area \"" + row.area + "\"");
    if (row.grades.total() != row.completed)
      reader.fail(src.at(p + "/grades"),
                  "grades add up to " + n(row.grades.total()) + ", but " + n(row.completed) + " audits were completed");
    if (row.moderated > row.completed)
      reader.fail(src.at(p + "/moderated"),
                  "more audits moderated (" + n(row.moderated) + ") than completed (" + n(row.completed) + ")");
    if (row.moderation.total() != row.moderated)
      reader.fail(src.at(p + "/moderation"), "moderation counts add up to " + n(row.moderation.total()) + ", but " +
                                                 n(row.moderated) + " audits were moderated");
    if (row.expected > 0 && row.completed < row.expected) {
      const OrgUnit* s = org ? org->service(row.service) : nullptr;
      const OrgUnit* a = org ? org->area(row.area) : nullptr;
      reader.diags().warning(src.at(p + "/completed"), "coverage below 100%: " + n(row.completed) + " of " +
                                                           n(row.expected) + " expected audits completed for " +
                                                           (s ? s->name : row.service) + " in " +
                                                           (a ? a->name : row.area));
    }
    c.breakdown.push_back(std::move(row));
  }
  if (c.breakdown.empty()) return;
  long completed = 0, moderated = 0;
  Grades g;
  Moderation m;
  for (const BreakdownRow& row : c.breakdown) {
    completed += row.completed;
    moderated += row.moderated;
    g.outstanding += row.grades.outstanding;
    g.good += row.grades.good;
    g.requires_improvement += row.grades.requires_improvement;
    g.inadequate += row.grades.inadequate;
    m.agreed += row.moderation.agreed;
    m.raised += row.moderation.raised;
    m.lowered += row.moderation.lowered;
  }
  check_sum(reader, src, "/figures/audits_completed", "audits completed", c.audits_completed, completed);
  check_sum(reader, src, "/figures/grades/outstanding", "graded outstanding", c.grades.outstanding, g.outstanding);
  check_sum(reader, src, "/figures/grades/good", "graded good", c.grades.good, g.good);
  check_sum(reader, src, "/figures/grades/requires_improvement", "graded requires improvement",
            c.grades.requires_improvement, g.requires_improvement);
  check_sum(reader, src, "/figures/grades/inadequate", "graded inadequate", c.grades.inadequate, g.inadequate);
  check_sum(reader, src, "/figures/audits_moderated", "audits moderated", c.audits_moderated, moderated);
  check_sum(reader, src, "/figures/moderation/agreed", "grades the moderator agreed", c.moderation.agreed, m.agreed);
  check_sum(reader, src, "/figures/moderation/raised", "grades the moderator raised", c.moderation.raised, m.raised);
  check_sum(reader, src, "/figures/moderation/lowered", "grades the moderator lowered", c.moderation.lowered,
            m.lowered);
}

/// Independence, external moderation and escalations: warnings, since the
/// figures can be read, but something is likely wrong or needs doing.
void load_independence(RecordReader& reader, const json& f, const Source& src, Cycle& c) {
  const json& mo = f.at("moderation");
  if (mo.contains("independent")) {
    c.independent = mo.at("independent").get<long>();
    if (*c.independent > c.audits_moderated)
      reader.diags().warning(src.at("/figures/moderation/independent"), "independent moderation (" + n(*c.independent) +
                                                                            ") is more than the audits moderated (" +
                                                                            n(c.audits_moderated) + ")");
  }
  if (mo.contains("external")) {
    const json& e = mo.at("external");
    c.external = ExternalModeration{e.at("audits").get<long>(), e.at("moderated").get<long>()};
    if (c.external->moderated > c.external->audits)
      reader.fail(src.at("/figures/moderation/external/moderated"),
                  "more external audits moderated (" + n(c.external->moderated) + ") than there were (" +
                      n(c.external->audits) + ")");
  }
  if (f.contains("escalations")) {
    const json& e = f.at("escalations");
    c.escalations =
        Escalations{e.at("inadequate").get<long>(), e.at("escalated").get<long>(), e.at("re_audited").get<long>()};
    if (c.escalations->escalated < c.escalations->inadequate)
      reader.diags().warning(
          src.at("/figures/escalations/escalated"),
          n(c.escalations->inadequate) + " inadequate grades, but only " + n(c.escalations->escalated) + " escalated");
  }
}

}  // namespace

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
  c.grades = grades_of(g);
  c.moderation = moderation_of(f.at("moderation"));
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
  load_independence(reader, f, src, c);
  if (f.contains("breakdown")) load_breakdown(reader, f.at("breakdown"), src, out, c);
  std::set<std::string> seen;
  c.key_learning = reader.items_at(doc, src, "/key_learning", seen);
  c.src = std::move(src);
  if (!reader.ok()) return false;
  out.cycles[c.id] = std::move(c);
  return true;
}

}  // namespace qahub::records
