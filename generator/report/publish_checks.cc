#include "report/publish_checks.h"

#include <string>
#include <vector>

namespace qahub::report {

using nlohmann::json;

namespace {

/// The position of the cycle's last day, where "has not ended" points.
diag::Position end_of(const records::Cycle& c) { return c.src.at("/months/" + c.months.back().key + "/end"); }

/// Why the cycle is early ("" when it is not): its last month has not ended
/// by the publication date, or it records no audits. Errors without --early.
bool check_cycle(const PublishRequest& req, const records::Cycle& c, base::Date as_of, diag::Diagnostics& diags) {
  const base::Date date = req.date.value_or(as_of);
  const bool unfinished = !(c.end() < date);
  const bool no_audits = c.audits_completed == 0;
  if (!req.early.empty()) {
    if (unfinished || no_audits) return true;
    // An early reason on a report that is not early would print a false note on its cover.
    diags.error(end_of(c), "--early is for a cycle that has not ended or records no audits; cycle \"" + c.id +
                               "\" ended on " + c.end().human() + " with " + std::to_string(c.audits_completed) +
                               " audits: publish without --early");
    return false;
  }
  bool ok = true;
  if (unfinished && !(c.end() < as_of)) {
    diags.error(end_of(c), "cycle \"" + c.id + "\" has not ended: its last month runs to " + c.end().human() +
                               "; publish its report after that, or give --early \"reason\"");
    ok = false;
  } else if (unfinished) {
    diags.error(end_of(c), "the publication date " + date.iso() + " is not after the end of cycle \"" + c.id +
                               "\" on " + c.end().human() + "; give a later --date, or --early \"reason\"");
    ok = false;
  }
  if (no_audits) {
    diags.error(c.src.at("/figures/audits_completed"),
                "cycle \"" + c.id + "\" records no audits (audits_completed is 0); record its figures before " +
                    "publishing its report, or give --early \"reason\"");
    ok = false;
  }
  return ok;
}

/// The approving decision, "MEETING/DECISION", as the snapshot keeps it
/// (with the meeting's forum and date, so the report names it from the
/// snapshot alone); null with an error at the report when it names nothing.
json find_decision(const std::string& ref, const content::Page& page, const records::Records& records,
                   diag::Diagnostics& diags) {
  const size_t slash = ref.find('/');
  const std::string meeting_id = ref.substr(0, slash), decision_id = ref.substr(slash + 1);
  auto m = records.meetings.find(meeting_id);
  if (m == records.meetings.end()) {
    std::vector<std::string> ids;
    for (const auto& [id, _] : records.meetings) ids.push_back(id);
    diags.error({page.source}, "--decision names meeting \"" + meeting_id + "\", which is not recorded in " +
                                   "data/meetings/" + diag::did_you_mean(meeting_id, ids));
    return json();
  }
  std::vector<std::string> ids;
  for (const records::Decision& d : m->second.decisions) {
    if (d.id == decision_id) {
      auto f = records.forums.find(m->second.forum);
      return {{"meeting", meeting_id},
              {"decision", decision_id},
              {"forum", f == records.forums.end() ? m->second.forum : f->second.name},
              {"date", m->second.date.iso()}};
    }
    ids.push_back(d.id);
  }
  diags.error({page.source}, "--decision names decision \"" + decision_id + "\" of meeting \"" + meeting_id +
                                 "\", which records no such decision" + diag::did_you_mean(decision_id, ids));
  return json();
}

}  // namespace

bool check_publish(const PublishRequest& req, const content::Page& page, const records::Cycle* cycle,
                   const records::Records& records, base::Date as_of, const json& existing, diag::Diagnostics& diags,
                   json& approval, bool new_version) {
  const json withdrawn = existing.is_object() ? existing.value("withdrawn", json()) : json();
  if (req.withdrawing || req.correcting) {
    if (!page.meta.published) {
      if (req.withdrawing)
        diags.error({page.source, 1, 1},
                    "report " + page.source + " is not published, so there is nothing to withdraw");
      return !req.withdrawing;  // a correction of a draft is refused where the snapshot is made
    }
    if (withdrawn.is_object()) {
      diags.error(page.meta.published_pos, "report " + page.source + " was withdrawn on " +
                                               withdrawn.value("date", "") + "; a withdrawn report is not " +
                                               (req.withdrawing ? "withdrawn again" : "corrected"));
      return false;
    }
    return true;
  }
  if (page.meta.published && !new_version) {
    diags.error(page.meta.published_pos, "report " + page.source + " was published on " + page.meta.published->iso() +
                                             " and is published once; use --correct \"summary\" to record a " +
                                             "correction, or --withdraw \"reason\" to take it down");
    return false;
  }
  // A cycle's report waits for its cycle; a publication over a period does not.
  bool ok = true;
  if (cycle) {
    ok = check_cycle(req, *cycle, as_of, diags);
  } else if (!req.early.empty()) {
    diags.error({page.source, 1, 1}, "--early is for a cycle's report published before its cycle is complete; " +
                                         page.source + " is a publication over a period");
    ok = false;
  }
  approval = {{"approved_by", req.approved_by}};
  if (!req.decision.empty()) {
    json d = find_decision(req.decision, page, records, diags);
    if (d.is_null())
      ok = false;
    else
      approval["decision"] = std::move(d);
  }
  return ok;
}

}  // namespace qahub::report
