#include "records/model.h"

namespace qahub::records {

diag::Position Source::at(const std::string& pointer) const {
  diag::Position pos{path};
  if (positions) {
    LineCol lc = positions->nearest(pointer);
    pos.line = lc.line;
    pos.col = lc.col;
  }
  return pos;
}

std::optional<base::Date> add_period(base::Date d, const std::string& period) {
  if (period.size() < 3 || period[0] != 'P') return std::nullopt;
  long n = 0;
  for (size_t i = 1; i + 1 < period.size(); ++i) {
    if (period[i] < '0' || period[i] > '9') return std::nullopt;
    n = n * 10 + (period[i] - '0');
  }
  switch (period.back()) {
    case 'D':
      return d.plus_days(n);
    case 'W':
      return d.plus_days(7 * n);
    case 'Y':
      n *= 12;
      [[fallthrough]];
    case 'M': {
      long months = d.year * 12L + (d.month - 1) + n;
      base::Date out{static_cast<int>(months / 12), static_cast<int>(months % 12) + 1, d.day};
      while (out.day > 28 && !base::Date::parse(out.iso())) --out.day;
      return out;
    }
    default:
      return std::nullopt;
  }
}

namespace {

const OrgUnit* find_unit(const std::vector<OrgUnit>& units, const std::string& id) {
  for (const OrgUnit& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

}  // namespace

const OrgUnit* Organisation::service(const std::string& id) const { return find_unit(services, id); }
const OrgUnit* Organisation::area(const std::string& id) const { return find_unit(areas, id); }

std::string Cycle::title() const { return "Cycle " + std::to_string(number) + ", " + year; }

const ScaleLevel* Scale::level(const std::string& level_id) const {
  for (const ScaleLevel& l : levels)
    if (l.id == level_id) return &l;
  return nullptr;
}

long Grades::count(const std::string& level) const {
  for (const GradeCount& g : levels)
    if (g.level == level) return g.count;
  return 0;
}

bool Grades::has(const std::string& level) const {
  for (const GradeCount& g : levels)
    if (g.level == level) return true;
  return false;
}

long Grades::in_band(Band band) const {
  long n = 0;
  for (const GradeCount& g : levels)
    if (g.band == band) n += g.count;
  return n;
}

long Grades::total() const {
  long n = 0;
  for (const GradeCount& g : levels) n += g.count;
  return n;
}

const char* band_key(Band band) {
  switch (band) {
    case Band::kGoodOrBetter:
      return "good-or-better";
    case Band::kBelowGood:
      return "below-good";
    case Band::kSerious:
      return "serious";
  }
  return "";
}

const char* band_words(Band band) {
  switch (band) {
    case Band::kGoodOrBetter:
      return "good or better";
    case Band::kBelowGood:
      return "below good";
    case Band::kSerious:
      return "serious";
  }
  return "";
}

}  // namespace qahub::records
