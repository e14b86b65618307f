#include "figures/catalogue.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace qahub::figures {

using nlohmann::json;
using records::Cycle;

namespace {

/// A grade of the ofsted-4 levels the catalogue names; nullopt for a cycle
/// whose scale has no such level (the empty cycle of figure_names() has all).
std::optional<long> grade(const Cycle& c, const std::string& level) {
  if (c.grades.levels.empty() || c.grades.has(level)) return c.grades.count(level);
  return std::nullopt;
}

/// The counts of a cycle, by catalogue name; nullopt where the cycle has none
/// (no family feedback, or no ratings).
std::vector<std::pair<std::string, std::optional<long>>> counts(const Cycle& c) {
  std::vector<std::pair<std::string, std::optional<long>>> out = {
      {"audits_completed", c.audits_completed},
      {"audits_moderated", c.audits_moderated},
      {"outstanding", grade(c, "outstanding")},
      {"good", grade(c, "good")},
      {"requires_improvement", grade(c, "requires_improvement")},
      {"inadequate", grade(c, "inadequate")},
      {"moderation_agreed", c.moderation.agreed},
      {"moderation_raised", c.moderation.raised},
      {"moderation_lowered", c.moderation.lowered},
  };
  const records::FamilyFeedback* f = c.feedback ? &*c.feedback : nullptr;
  const bool rated = f && f->has_ratings;
  out.emplace_back("feedback_asked", f ? std::optional<long>(f->asked) : std::nullopt);
  out.emplace_back("feedback_responded", f ? std::optional<long>(f->responded) : std::nullopt);
  out.emplace_back("feedback_very_good", rated ? std::optional<long>(f->very_good) : std::nullopt);
  out.emplace_back("feedback_good", rated ? std::optional<long>(f->good) : std::nullopt);
  out.emplace_back("feedback_fair", rated ? std::optional<long>(f->fair) : std::nullopt);
  out.emplace_back("feedback_poor", rated ? std::optional<long>(f->poor) : std::nullopt);
  return out;
}

/// Per mille, rounded half up; nullopt for a share of nothing.
std::optional<long> share_pm(std::optional<long> part, std::optional<long> whole) {
  if (!part || !whole || *whole <= 0) return std::nullopt;
  return (*part * 2000 + *whole) / (2 * *whole);
}

std::vector<std::pair<std::string, std::optional<long>>> shares(const Cycle& c) {
  const long n = c.audits_completed;
  const records::FamilyFeedback* f = c.feedback ? &*c.feedback : nullptr;
  return {
      {"good_or_better", share_pm(c.grades.good_or_better(), n)},
      {"agreement", share_pm(c.moderation.agreed, c.audits_moderated)},
      {"response", f ? share_pm(f->responded, f->asked) : std::nullopt},
      {"outstanding_share", share_pm(grade(c, "outstanding"), n)},
      {"good_share", share_pm(grade(c, "good"), n)},
      {"requires_improvement_share", share_pm(grade(c, "requires_improvement"), n)},
      {"inadequate_share", share_pm(grade(c, "inadequate"), n)},
  };
}

json tenths(std::optional<long> pm) { return pm ? json(static_cast<double>(*pm) / 10.0) : json(nullptr); }

long tenths_of(const json& v) { return std::lround(v.get<double>() * 10.0); }

std::string decimal(long tenths_value) {
  const long a = std::labs(tenths_value);
  return std::to_string(a / 10) + "." + std::to_string(a % 10);
}

const std::string kMinus = "\xE2\x88\x92";  // U+2212, as the cycle pages write it

}  // namespace

const std::vector<std::string>& figure_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    Cycle empty;
    std::vector<std::string> base;
    for (const auto& [name, _] : counts(empty)) base.push_back(name);
    for (const auto& [name, _] : shares(empty)) base.push_back(name);
    out = base;
    for (const std::string& n : base) out.push_back(n + "_vs_previous");
    for (const std::string& n : base) out.push_back(n + "_vs_year_earlier");
    for (const char* n : kHubFigures) out.push_back(n);
    return out;
  }();
  return names;
}

FigureFormat figure_format(const std::string& name) {
  const bool change = name.find("_vs_") != std::string::npos;
  const std::string base = change ? name.substr(0, name.find("_vs_")) : name;
  const bool share = base == "good_or_better" || base == "agreement" || base == "response" ||
                     (base.size() > 6 && base.compare(base.size() - 6, 6, "_share") == 0);
  if (share) return change ? FigureFormat::kPointsChange : FigureFormat::kPercent;
  return change ? FigureFormat::kCountChange : FigureFormat::kCount;
}

json figure_catalogue(const Cycle& c, const Cycle* previous, const Cycle* year_earlier) {
  json out = json::object();
  const auto now_counts = counts(c);
  const auto now_shares = shares(c);
  for (const auto& [name, v] : now_counts) out[name] = v ? json(*v) : json(nullptr);
  for (const auto& [name, v] : now_shares) out[name] = tenths(v);
  auto against = [&](const Cycle* other, const std::string& suffix) {
    const auto then_counts = other ? counts(*other) : decltype(now_counts){};
    const auto then_shares = other ? shares(*other) : decltype(now_shares){};
    for (size_t i = 0; i < now_counts.size(); ++i) {
      const auto& now = now_counts[i].second;
      const std::optional<long> then = other ? then_counts[i].second : std::nullopt;
      out[now_counts[i].first + suffix] = now && then ? json(*now - *then) : json(nullptr);
    }
    for (size_t i = 0; i < now_shares.size(); ++i) {
      const auto& now = now_shares[i].second;
      const std::optional<long> then = other ? then_shares[i].second : std::nullopt;
      out[now_shares[i].first + suffix] = now && then ? tenths(*now - *then) : json(nullptr);
    }
  };
  against(previous, "_vs_previous");
  against(year_earlier, "_vs_year_earlier");
  for (const char* n : kHubFigures) out[n] = nullptr;  // not a cycle's: a report fills them in
  return out;
}

std::string format_figure(const std::string& name, const json& value) {
  if (!value.is_number()) return "not available";
  switch (figure_format(name)) {
    case FigureFormat::kCount:
      return std::to_string(value.get<long>());
    case FigureFormat::kPercent:
      return decimal(tenths_of(value)) + "%";
    case FigureFormat::kCountChange: {
      const long v = value.get<long>();
      return (v > 0 ? "+" : v < 0 ? kMinus : "") + std::to_string(std::labs(v));
    }
    case FigureFormat::kPointsChange: {
      const long t = tenths_of(value);
      return (t > 0 ? "+" : t < 0 ? kMinus : "") + decimal(t) + " percentage points";
    }
  }
  return "";
}

Cycle period_total(const std::vector<const Cycle*>& cycles) {
  Cycle t;
  if (cycles.empty()) return t;
  t.scale = cycles.front()->scale;
  bool every_feedback = true, every_rated = true;
  records::FamilyFeedback f;
  for (const Cycle* c : cycles) {
    t.audits_completed += c->audits_completed;
    t.audits_moderated += c->audits_moderated;
    t.moderation.agreed += c->moderation.agreed;
    t.moderation.raised += c->moderation.raised;
    t.moderation.lowered += c->moderation.lowered;
    for (const records::GradeCount& g : c->grades.levels) {
      auto same = [&](const records::GradeCount& x) { return x.level == g.level; };
      auto it = std::find_if(t.grades.levels.begin(), t.grades.levels.end(), same);
      if (it == t.grades.levels.end())
        t.grades.levels.push_back(g);
      else
        it->count += g.count;
    }
    if (!c->feedback) {
      every_feedback = false;
      continue;
    }
    const records::FamilyFeedback& cf = *c->feedback;
    every_rated = every_rated && cf.has_ratings;
    f.asked += cf.asked;
    f.responded += cf.responded;
    f.very_good += cf.very_good;
    f.good += cf.good;
    f.fair += cf.fair;
    f.poor += cf.poor;
  }
  if (every_feedback) {
    f.has_ratings = every_rated;
    t.feedback = f;
  }
  return t;
}

const Cycle* year_earlier(const records::Records& records, const Cycle& cycle) {
  if (cycle.year.size() < 4) return nullptr;
  const int first = std::atoi(cycle.year.substr(0, 4).c_str()) - 1;
  char year[16];
  std::snprintf(year, sizeof year, "%04d-%02d", first, (first + 1) % 100);
  for (const auto& [id, c] : records.cycles)
    if (c.year == year && c.number == cycle.number) return &c;
  return nullptr;
}

std::string figure_words(const std::string& name) {
  std::string out = name;
  for (char& ch : out)
    if (ch == '_') ch = ' ';
  return out;
}

}  // namespace qahub::figures
