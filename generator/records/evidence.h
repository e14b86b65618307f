#pragma once
/// Evidence items in words (issue 37): what the /evidence/ register, a
/// self-evaluation's evidence index and its evidence.csv all say of one, so
/// the three never disagree.
#include <string>

#include "records/model.h"

namespace qahub::records {

/// "In place", "Under development", "Not applicable".
inline std::string evidence_status_words(const std::string& status) {
  if (status == "in-place") return "In place";
  if (status == "under-development") return "Under development";
  if (status == "not-applicable") return "Not applicable";
  return status;
}

/// "Data", "Audit", … "External": the kind as a column shows it.
inline std::string evidence_kind_words(const std::string& kind) {
  if (kind.empty()) return kind;
  std::string out = kind;
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

/// "numerical data", "written evidence", "" for none: its place on the readiness list.
inline std::string evidence_annex_a_words(const std::string& annex_a) {
  return annex_a == "numerical" ? "numerical data" : annex_a == "written" ? "written evidence" : "";
}

/// Under development and past its due date at `at`.
inline bool evidence_overdue(const Evidence& e, base::Date at) {
  return e.status == "under-development" && e.due && *e.due < at;
}

}  // namespace qahub::records
