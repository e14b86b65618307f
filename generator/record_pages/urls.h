#pragma once
/// Site-root URLs of record pages, from the kinds table's URL column (every
/// link between records goes through these), and of the pages that are not
/// one record's.
#include <string>

#include "record_pages/kinds.h"
#include "records/refs.h"

namespace qahub::record_pages::urls {

inline std::string cycle(const std::string& id) { return record_url("cycle", id); }
inline std::string action(const std::string& id) { return record_url("action", id); }
inline std::string forum(const std::string& id) { return record_url("forum", id); }
inline std::string meeting(const std::string& id) { return record_url("meeting", id); }
inline std::string audit(const std::string& id) { return record_url("audit", id); }
inline std::string training(const std::string& id) { return record_url("training", id); }
inline std::string scale(const std::string& id) { return record_url("scale", id); }
/// A "record/item" reference's page and anchor ("/audits/fathers-2026/#r1").
inline std::string ref(const records::RefTarget& t) {
  return record_url(t.kind, t.record) + (t.item.empty() ? "" : "#" + t.item);
}
inline const std::string kCycles = section_url("cycle");
inline const std::string kActions = section_url("action");
inline const std::string kForums = section_url("forum");
inline const std::string kAudits = section_url("audit");
inline const std::string kTraining = section_url("training");
inline constexpr const char* kSchedules = "/schedules/";
inline constexpr const char* kEvidence = "/evidence/";
inline constexpr const char* kTrends = "/trends/";

}  // namespace qahub::record_pages::urls
