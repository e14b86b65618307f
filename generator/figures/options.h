#pragma once
/// How audit figures are published (qahub.yaml `disclosure` and `targets`).
/// The config fills it once; the record pages (cycle page, trends), the
/// report blocks and the target checks read it, so a stricter threshold in
/// today's config applies to every page and every published report alike.
///
///   figures::FigureOptions o{config.disclosure.min_cell, config.targets.moderation_rate_pm,
///                            config.targets.good_or_better_pm};
#include <optional>

namespace qahub::figures {

/// What the site publishes of its figures and against which targets.
struct FigureOptions {
  long min_cell = 5;                       ///< small-number suppression threshold
  std::optional<long> moderation_rate_pm;  ///< target, per mille; none: no target warning
  std::optional<long> good_or_better_pm;   ///< target, per mille; shown beside the share
  /// Target share of moderated audits moderated independently, per mille.
  std::optional<long> independent_moderation_pm;
};

}  // namespace qahub::figures
