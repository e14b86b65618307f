#pragma once
/// A minimal valid site with one record of each kind, written so tests can
/// replace one file with a broken version and assert the exact diagnostics.
#include <map>
#include <string>

#include "site_fixture.h"

namespace qahub::records::testing {

inline std::map<std::string, std::string> mini_site() {
  std::map<std::string, std::string> f;
  f["data/forums/practice-board.json"] = R"json({
  "$schema": "../schemas/forum.schema.json",
  "id": "practice-board",
  "name": "Practice Board",
  "type": "board",
  "remit": "Steers the practice framework.",
  "frequency": {"period": "P2M", "wording": "Every two months"},
  "chair": "Principal Social Worker",
  "membership": ["Assistant Directors"],
  "terms_of_reference": {"review_by": "2027-01-31"}
}
)json";
  f["data/meetings/2026-11-practice-board.json"] = R"json({
  "$schema": "../schemas/meeting.schema.json",
  "id": "2026-11-practice-board",
  "forum": "practice-board",
  "date": "2026-11-10",
  "attendees": ["Principal Social Worker (chair)"],
  "agenda": [{"time": "14:00", "item": "Action tracker review", "lead": "Chair"}],
  "decisions": [{"id": "d1", "text": "Carry forward the workshop action.", "actions": ["a-001"]}]
}
)json";
  f["data/cycles/2026-27-cycle-1.json"] = R"json({
  "$schema": "../schemas/cycle.schema.json",
  "id": "2026-27-cycle-1",
  "year": "2026-27",
  "number": 1,
  "months": {
    "practitioner_audits": {"start": "2026-04-01", "end": "2026-04-30"},
    "appreciative_inquiry": {"start": "2026-05-01", "end": "2026-05-31"},
    "peer_audits": {"start": "2026-06-01", "end": "2026-06-30"},
    "triad_audits": {"start": "2026-07-01", "end": "2026-07-31"}
  },
  "figures": {
    "audits_completed": 10,
    "audits_moderated": 4,
    "grades": {"outstanding": 1, "good": 5, "requires_improvement": 3, "inadequate": 1},
    "moderation": {"agreed": 3, "raised": 0, "lowered": 1}
  },
  "key_learning": [{"id": "kl1", "text": "Plans list services, not outcomes."}]
}
)json";
  f["data/audits/fathers-2026.json"] = R"json({
  "$schema": "../schemas/audit.schema.json",
  "id": "fathers-2026",
  "theme": "Father-inclusive practice",
  "scope": "Open plans.",
  "sample": {"size": 20, "description": "Twenty cases."},
  "dates": {"start": "2026-08-03", "end": "2026-08-28"},
  "findings": {
    "strengths": [{"id": "s1", "text": "Good genograms."}],
    "areas_for_development": [{"id": "d1", "text": "Fathers not seen."}]
  },
  "recommendations": [{"id": "r1", "text": "Run workshops.", "addresses": ["d1"]}],
  "follows_up": ["2026-27-cycle-1/kl1"]
}
)json";
  f["data/actions/a-001.json"] = R"json({
  "$schema": "../schemas/action.schema.json",
  "id": "a-001",
  "title": "Run father-inclusive workshops",
  "source": {"type": "audit", "id": "fathers-2026", "item": "r1"},
  "owner": "Practice Development Team manager",
  "due": "2027-03-31",
  "status": [{"date": "2026-09-01", "status": "open"}]
}
)json";
  f["data/training/fathers.json"] = R"json({
  "$schema": "../schemas/training.schema.json",
  "id": "fathers",
  "name": "Father-inclusive practice workshops",
  "audience": ["Every team"],
  "phases": [{"quarter": "2026-Q4", "activity": "Workshops"}],
  "linked_findings": ["fathers-2026/d1"]
}
)json";
  f["data/schedules/practice-board-meeting.json"] = R"json({
  "$schema": "../schemas/schedule.schema.json",
  "id": "practice-board-meeting",
  "kind": "meeting",
  "name": "Practice Board",
  "purpose": "Steers the framework.",
  "audience": ["Principal Social Worker"],
  "frequency": {"period": "P2M", "wording": "Every two months"},
  "difference": "Learning becomes practice.",
  "informs_practice": "Tracks actions.",
  "forum": "practice-board"
}
)json";
  return f;
}

/// Writes the mini site with `changes` applied ("" as a value deletes a file),
/// builds it as of `as_of` without templates, and returns the diagnostics.
inline std::string diagnostics_for(const std::string& name, const std::map<std::string, std::string>& changes,
                                   const char* as_of = "2026-11-23") {
  TempSite site(name);
  std::map<std::string, std::string> files = mini_site();
  for (const auto& [path, text] : changes) {
    if (text.empty())
      files.erase(path);
    else
      files[path] = text;
  }
  for (const auto& [path, text] : files) site.write(path, text);
  Built b(site.dir(), as_of, false);
  return b.diags.format_all();
}

}  // namespace qahub::records::testing
