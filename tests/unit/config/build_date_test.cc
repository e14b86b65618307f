#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "config/build_date.h"

using namespace qahub;

namespace {

/// Runs `f` with TZ set to `tz`, then restores it.
template <typename F>
auto with_tz(const char* tz, F f) {
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", tz, 1);
  tzset();
  auto result = f();
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  return result;
}

}  // namespace

TEST_CASE("build date: --as-of first, then SOURCE_DATE_EPOCH, then the local date", "[config][date]") {
  std::string error;
  // 2026-07-01 23:30 UTC: 00:30 on 2 July in London (BST).
  const std::time_t late_evening_utc = 1782948600;
  auto flag = config::build_date("2026-03-04", "1782948600", late_evening_utc, error);
  REQUIRE(flag);
  CHECK(flag->date.iso() == "2026-03-04");
  CHECK(flag->source == config::DateSource::kFlag);

  auto epoch = config::build_date("", "1782948600", late_evening_utc, error);
  REQUIRE(epoch);
  CHECK(epoch->date.iso() == "2026-07-01");  // a UTC date, whatever the local zone
  CHECK(epoch->source == config::DateSource::kSourceDateEpoch);

  auto local = with_tz("Europe/London", [&] { return config::build_date("", nullptr, late_evening_utc, error); });
  REQUIRE(local);
  CHECK(local->date.iso() == "2026-07-02");  // not yesterday, as the UTC date would be
  CHECK(local->source == config::DateSource::kLocalClock);
  auto empty_variable = with_tz("UTC", [&] { return config::build_date("", "", late_evening_utc, error); });
  REQUIRE(empty_variable);
  CHECK(empty_variable->date.iso() == "2026-07-01");
}

TEST_CASE("build date: malformed values are errors", "[config][date]") {
  std::string error;
  CHECK_FALSE(config::build_date("2026-02-30", nullptr, 0, error));
  CHECK(error == "--as-of must be a date YYYY-MM-DD, not \"2026-02-30\"");
  for (const char* bad : {"soon", "-1", "12.5", "1782948600x", "99999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(config::build_date("", bad, 0, error));
    CHECK(error ==
          "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not \"" + std::string(bad) + "\"");
  }
  auto epoch_zero = config::build_date("", "0", 0, error);
  REQUIRE(epoch_zero);
  CHECK(epoch_zero->date.iso() == "1970-01-01");
}
