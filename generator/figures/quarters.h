#pragma once
/// Quarters ("2026-Q2"), as training phases are planned and as a report's
/// `training` block and the training timeline show them.
///
///   quarter_of(base::Date{2026, 11, 3});  // "2026-Q4"
///   quarter_label("2026-Q2");             // "April to June 2026"
#include <string>

#include "base/date.h"

namespace qahub::figures {

/// "April to June 2026" for "2026-Q2"; anything else is returned as it is.
std::string quarter_label(const std::string& quarter);
/// "2026-Q4" for a date.
std::string quarter_of(base::Date d);

}  // namespace qahub::figures
