#include "config/build_date.h"

#include <charconv>
#include <cstring>

namespace qahub::config {

base::Date local_date(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  return base::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::optional<BuildDate> build_date(const std::string& as_of_flag, const char* source_date_epoch, std::time_t now,
                                    std::string& error) {
  if (!as_of_flag.empty()) {
    if (auto d = base::Date::parse(as_of_flag)) return BuildDate{*d, DateSource::kFlag};
    error = "--as-of must be a date YYYY-MM-DD, not \"" + as_of_flag + "\"";
    return std::nullopt;
  }
  if (source_date_epoch && *source_date_epoch) {
    // The reproducible-builds specification: a malformed value is an error,
    // not a silent fall back to the clock.
    const char* end = source_date_epoch + std::strlen(source_date_epoch);
    long long seconds = -1;
    auto [ptr, ec] = std::from_chars(source_date_epoch, end, seconds);
    if (ec != std::errc() || ptr != end || seconds < 0 || seconds > 253402300799LL) {  // up to 9999-12-31
      error = "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not \"" +
              std::string(source_date_epoch) + "\"";
      return std::nullopt;
    }
    return BuildDate{base::Date::from_days(static_cast<long>(seconds / 86400)), DateSource::kSourceDateEpoch};
  }
  return BuildDate{local_date(now), DateSource::kLocalClock};
}

}  // namespace qahub::config
