#include "record_pages/figure_checks.h"

#include "figures/percent.h"

namespace qahub::record_pages {

using figures::percent;

namespace {

/// A cycle whose independent moderation (of the audits moderated) is below
/// its target: a notice at the count.
void check_independent(const records::Records& records, long target, diag::Diagnostics& diags) {
  for (const auto& [id, c] : records.cycles)
    if (c.independent && c.audits_moderated > 0 && *c.independent * 1000 < target * c.audits_moderated)
      diags.notice(c.src.at("/figures/moderation/independent"),
                   "independent moderation " + percent(*c.independent, c.audits_moderated) +
                       " of audits moderated is below the target of " + percent(target, 1000));
}

}  // namespace

void check_figure_targets(const records::Records& records, const figures::FigureOptions& options,
                          diag::Diagnostics& diags) {
  if (options.independent_moderation_pm) check_independent(records, *options.independent_moderation_pm, diags);
  if (!options.moderation_rate_pm) return;
  const long target = *options.moderation_rate_pm;
  const std::string target_text = percent(target, 1000);
  auto below = [&](long moderated, long completed) { return completed > 0 && moderated * 1000 < target * completed; };
  const records::Organisation* org = records.organisation ? &*records.organisation : nullptr;
  for (const auto& [id, c] : records.cycles) {
    if (below(c.audits_moderated, c.audits_completed))
      diags.notice(c.src.at("/figures/audits_moderated"), "moderation rate " +
                                                              percent(c.audits_moderated, c.audits_completed) +
                                                              " is below the target of " + target_text);
    for (const records::BreakdownRow& r : c.breakdown) {
      if (!below(r.moderated, r.completed)) continue;
      const records::OrgUnit* s = org ? org->service(r.service) : nullptr;
      const records::OrgUnit* a = org ? org->area(r.area) : nullptr;
      diags.notice(c.src.at(r.pointer + "/moderated"),
                   "moderation rate " + percent(r.moderated, r.completed) + " for " + (s ? s->name : r.service) +
                       " in " + (a ? a->name : r.area) + " is below the target of " + target_text);
    }
  }
}

}  // namespace qahub::record_pages
