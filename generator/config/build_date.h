#pragma once
/// The one date a build depends on (`--as-of`), and where it comes from when
/// the flag is absent: SOURCE_DATE_EPOCH (reproducible builds: seconds since
/// 1970, read as a UTC date), else the local date, so a build just after
/// midnight in summer time is dated today rather than yesterday (UTC).
///
///   std::string error;
///   auto d = build_date(as_of_flag, std::getenv("SOURCE_DATE_EPOCH"), error);
///   if (!d) fprintf(stderr, "qahub: error: %s\n", error.c_str());
#include <ctime>
#include <optional>
#include <string>

#include "base/date.h"

namespace qahub::config {

/// Where the build date came from, for the "building … as of …" line.
enum class DateSource { kFlag, kSourceDateEpoch, kLocalClock };

struct BuildDate {
  base::Date date;
  DateSource source = DateSource::kLocalClock;
};

/// `--as-of` when given (must be YYYY-MM-DD), else SOURCE_DATE_EPOCH when set
/// and not empty (must be a whole number of seconds), else the local date at
/// `now`. nullopt with `error` set for a malformed flag or variable.
std::optional<BuildDate> build_date(const std::string& as_of_flag, const char* source_date_epoch, std::time_t now,
                                    std::string& error);

/// The local calendar date at `t` (localtime_r: TZ and /etc/localtime).
base::Date local_date(std::time_t t);

}  // namespace qahub::config
