#pragma once
/// A risk as of a date (issue 35): its current and previous assessment, score,
/// band on the site's matrix, direction and whether its review is overdue.
/// The one place these are worked out: the register, the risk's page,
/// risks.csv, the report block and the notices all read risk_state().
///
///   const RiskState s = risk_state(risk, records.risk_matrix, as_of);
///   if (s.open && s.overdue_review) ...  // "Review overdue: due by 31 March 2026"
#include <optional>
#include <string>

#include "config/risk_matrix.h"
#include "records/model.h"

namespace qahub::records {

enum class RiskDirection { kNew, kRising, kFalling, kUnchanged };

struct RiskState {
  bool raised = false;                       ///< its first assessment is on or before the date
  bool open = false;                         ///< raised and not closed on or before the date
  const RiskAssessment* current = nullptr;   ///< the latest assessment on or before the date
  const RiskAssessment* previous = nullptr;  ///< the one before it; null for a new risk
  long score = 0;
  std::optional<long> previous_score;
  size_t band = 0;  ///< index into the matrix's bands
  std::string band_name;
  bool top_band = false;
  RiskDirection direction = RiskDirection::kNew;
  bool overdue_review = false;  ///< open and review_by before the date
};

RiskState risk_state(const Risk& risk, const config::RiskMatrix& matrix, base::Date at);

/// "rising", "falling", "unchanged", "new" (CSS classes and CSV).
const char* risk_direction_key(RiskDirection d);
/// "Rising (9 to 12)", "Falling (16 to 12)", "No change (12)", "New".
std::string risk_direction_words(const RiskState& s);
/// "Open", "Closed 3 March 2026", "Not yet raised".
std::string risk_status_words(const Risk& risk, const RiskState& s);
/// "12, high (likelihood 3 × impact 4)".
std::string risk_score_words(const RiskAssessment& a, const config::RiskMatrix& matrix);

}  // namespace qahub::records
