#pragma once
/// The risk matrix of `qahub.yaml`'s `risks:` (issue 35): how many steps of
/// likelihood and of impact, and the bands a score (likelihood × impact)
/// falls in, lowest first. Header only: config/ fills it, records/ checks
/// risks against it, record_pages/ and report/ show bands from it.
///
///   risks:
///     likelihood: 5
///     impact: 5
///     bands: [{name: low, from: 1}, {name: medium, from: 5}, {name: high, from: 12}]
#include <cstddef>
#include <string>
#include <vector>

namespace qahub::config {

/// A band of scores, from `from` up to the next band's `from` − 1.
struct RiskBand {
  std::string name;  ///< "very high": a word, never only a colour
  long from = 1;
};

struct RiskMatrix {
  long likelihood = 5;  ///< steps 1..likelihood
  long impact = 5;      ///< steps 1..impact
  /// Lowest first; the first starts at 1, each starts above the one before.
  std::vector<RiskBand> bands = {{"low", 1}, {"medium", 5}, {"high", 12}};

  long max_score() const { return likelihood * impact; }
  /// The index of the band `score` falls in (scores below 1 in the first).
  size_t band_of(long score) const {
    size_t out = 0;
    for (size_t i = 0; i < bands.size(); ++i)
      if (score >= bands[i].from) out = i;
    return out;
  }
  std::string band_name(long score) const { return bands.empty() ? "" : bands[band_of(score)].name; }
  bool top_band(long score) const { return !bands.empty() && band_of(score) + 1 == bands.size(); }
  /// The highest score of band `i` ("8 to 14").
  long band_to(size_t i) const { return i + 1 < bands.size() ? bands[i + 1].from - 1 : max_score(); }
};

}  // namespace qahub::config
