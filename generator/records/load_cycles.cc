#include <filesystem>

#include "records/loaders.h"

namespace qahub::records {

using nlohmann::json;

namespace {

std::string n(long v) { return std::to_string(v); }

/// The counts at `pointer`, one per level of `scale` in its order: a key
/// that is not a level, or a level without a count, is an error (and
/// nullopt, so no sum is checked against counts that are not all there).
std::optional<Grades> grades_of(RecordReader& reader, const Source& src, const std::string& pointer, const json& g,
                                const Scale& scale) {
  Grades out;
  bool ok = true;
  std::vector<std::string> ids;
  for (const ScaleLevel& l : scale.levels) ids.push_back(l.id);
  for (const auto& [key, value] : g.items()) {
    if (scale.level(key)) continue;
    ok = false;
    reader.fail(src.at(pointer + "/" + key), "unknown grade \"" + key + "\" (not a level of scale \"" + scale.id +
                                                 "\")" + diag::did_you_mean(key, ids));
  }
  for (const ScaleLevel& l : scale.levels) {
    if (!g.contains(l.id)) {
      reader.fail(src.at(pointer), "missing grade \"" + l.id + "\" of scale \"" + scale.id + "\"");
      ok = false;
      continue;
    }
    out.levels.push_back({l.id, l.band, g.at(l.id).get<long>()});
  }
  if (!ok) return std::nullopt;
  return out;
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

/// The scale the cycle names (or the default), or an error with a "did you
/// mean"; a cycle that runs outside the scale's dates is an error too.
const Scale* scale_of(RecordReader& reader, const json& doc, const Source& src, const Records& out, Cycle& c) {
  if (doc.contains("scale")) c.scale = str(doc, "scale");
  const Scale* scale = find_scale(out, c.scale);
  if (!scale) {
    std::error_code ec;
    const bool file = std::filesystem::exists(reader.site_dir() / ("data/scales/" + c.scale + ".json"), ec);
    // A scale file that exists but failed to load has its own errors already.
    reader.fail(src.at("/scale"), file ? "scale \"" + c.scale + "\" did not load (see its errors)"
                                       : "unknown scale \"" + c.scale + "\" (not in data/scales/)" +
                                             diag::did_you_mean(c.scale, scale_ids(out)));
    return nullptr;
  }
  if (!reader.ok() || c.months.size() != 4) return scale;
  const std::string where = doc.contains("scale") ? "/scale" : "/months";
  if (scale->from && c.start() < *scale->from)
    reader.fail(src.at(where), "the cycle starts on " + c.start().iso() + ", before scale \"" + scale->id +
                                   "\" applies (from " + scale->from->iso() + ")");
  if (scale->until && *scale->until < c.end())
    reader.fail(src.at(where), "the cycle ends on " + c.end().iso() + ", after scale \"" + scale->id +
                                   "\" stops applying (until " + scale->until->iso() + ")");
  return scale;
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
void load_breakdown(RecordReader& reader, const json& list, const Source& src, const Records& out, const Scale& scale,
                    Cycle& c) {
  const Organisation* org = out.organisation ? &*out.organisation : nullptr;
  if (!org) {
    // A file that exists but failed to load has its own errors already.
    std::error_code ec;
    if (!std::filesystem::exists(reader.site_dir() / "data/organisation.json", ec))
      reader.fail(src.at("/figures/breakdown"),
                  "the breakdown names services and areas, but data/organisation.json does not exist");
  }
  std::set<std::pair<std::string, std::string>> seen;
  bool rows_graded = true;  // every row's grades read: their sums can be checked
  for (size_t i = 0; i < list.size(); ++i) {
    const json& r = list[i];
    BreakdownRow row;
    row.pointer = "/figures/breakdown/" + n(static_cast<long>(i));
    const std::string& p = row.pointer;
    const size_t failures = reader.failures();
    row.service = str(r, "service");
    row.area = str(r, "area");
    row.expected = r.at("expected").get<long>();
    row.completed = r.at("completed").get<long>();
    row.moderated = r.at("moderated").get<long>();
    const std::optional<Grades> grades = grades_of(reader, src, p + "/grades", r.at("grades"), scale);
    if (grades) row.grades = *grades;
    rows_graded = rows_graded && grades;
    row.moderation = moderation_of(r.at("moderation"));
    if (org) {
      check_unit(reader, src, p + "/service", row.service, org->services, "service");
      check_unit(reader, src, p + "/area", row.area, org->areas, "area");
    }
    if (!seen.insert({row.service, row.area}).second)
      reader.fail(src.at(p), "a second row for service \"" + row.service + "\" in area \"" + row.area + "\"");
    if (grades && row.grades.total() != row.completed)
      reader.fail(src.at(p + "/grades"),
                  "grades add up to " + n(row.grades.total()) + ", but " + n(row.completed) + " audits were completed");
    if (row.moderated > row.completed)
      reader.fail(src.at(p + "/moderated"),
                  "more audits moderated (" + n(row.moderated) + ") than completed (" + n(row.completed) + ")");
    if (row.moderation.total() != row.moderated)
      reader.fail(src.at(p + "/moderation"), "moderation counts add up to " + n(row.moderation.total()) + ", but " +
                                                 n(row.moderated) + " audits were moderated");
    // A row with an error of its own gives nothing more (no cascades).
    if (reader.failures() == failures && row.expected > 0 && row.completed < row.expected) {
      const OrgUnit* s = org ? org->service(row.service) : nullptr;
      const OrgUnit* a = org ? org->area(row.area) : nullptr;
      reader.diags().notice(src.at(p + "/completed"), "coverage below 100%: " + n(row.completed) + " of " +
                                                          n(row.expected) + " expected audits completed for " +
                                                          (s ? s->name : row.service) + " in " +
                                                          (a ? a->name : row.area));
    }
    c.breakdown.push_back(std::move(row));
  }
  if (c.breakdown.empty()) return;
  long completed = 0, moderated = 0;
  std::vector<long> g(scale.levels.size(), 0);
  Moderation m;
  for (const BreakdownRow& row : c.breakdown) {
    completed += row.completed;
    moderated += row.moderated;
    for (size_t i = 0; i < g.size(); ++i) g[i] += row.grades.count(scale.levels[i].id);
    m.agreed += row.moderation.agreed;
    m.raised += row.moderation.raised;
    m.lowered += row.moderation.lowered;
  }
  check_sum(reader, src, "/figures/audits_completed", "audits completed", c.audits_completed, completed);
  for (size_t i = 0; i < g.size(); ++i) {
    const ScaleLevel& l = scale.levels[i];
    if (!rows_graded || !c.grades.has(l.id)) continue;  // reported already
    check_sum(reader, src, "/figures/grades/" + l.id, "graded " + lower_first(l.label), c.grades.count(l.id), g[i]);
  }
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
  const Scale* scale = scale_of(reader, doc, src, out, c);
  const json& f = doc.at("figures");
  c.audits_completed = f.at("audits_completed").get<long>();
  c.audits_moderated = f.at("audits_moderated").get<long>();
  const std::optional<Grades> grades =
      scale ? grades_of(reader, src, "/figures/grades", f.at("grades"), *scale) : std::nullopt;
  if (grades) c.grades = *grades;
  c.moderation = moderation_of(f.at("moderation"));
  if (grades && c.grades.total() != c.audits_completed) {
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
  if (scale && f.contains("breakdown")) load_breakdown(reader, f.at("breakdown"), src, out, *scale, c);
  std::set<std::string> seen;
  c.key_learning = reader.items_at(doc, src, "/key_learning", seen);
  c.src = std::move(src);
  if (!reader.ok()) return false;
  out.cycles[c.id] = std::move(c);
  return true;
}

Citable Cycle::citable(const Records&) const {
  Citable c{"audit cycle", title(), "Audit cycle: " + title(), {}};
  for (const Item& i : key_learning) c.items.push_back({i.id, "key learning point", i.text});
  return c;
}

}  // namespace qahub::records
