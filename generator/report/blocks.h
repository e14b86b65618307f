#pragma once
/// The blocks a Learning and Improvement report is written with
/// (`{{< figures >}}` …), one file per block (block_<name>.cc). Each block
/// has two halves: `data`, the values as at a date, which a publication
/// snapshot keeps (counts, dates, status keys, ids, and the text they show);
/// and `view`, which turns data (from today's records or from a snapshot)
/// into the view of its template, `report/<name>.mustache`. So a published
/// report renders from what was sent, and a draft from today's records, by
/// the same code.
///
/// Blocks are worked out over a period: its dates and the cycles in it, in
/// date order (a Learning and Improvement report's period holds its one
/// cycle). A per-cycle block (figures, grades, moderation, breakdown,
/// feedback, learning, actions, meetings) with one cycle gives exactly that
/// cycle's data; with several, one part per cycle and, for the count blocks
/// (figures, grades, moderation), a period total. A period block (progress,
/// audits, training, briefs, changes) covers the whole period once.
///
///   const Input in{records, relations, from, to, {&cycle}, pages, &briefs};
///   json data = block_data(*find_block("grades"), in);
///   for (const BlockSection& s : block_views(*find_block("grades"), data, vin)) ...
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "base/date.h"
#include "briefs/briefs.h"
#include "figures/options.h"
#include "frontmatter/front_matter.h"
#include "records/model.h"
#include "records/relations.h"

namespace qahub::report {

struct SelfEvaluation;  // report/self_evaluation.h

/// A content page's amendment history, for the `changes` block.
struct PageChanges {
  std::string source, url, title;
  std::vector<frontmatter::Change> changes;
};

/// What a report's blocks are worked out from: a period. It runs from
/// `from` to `to`; date-derived values (statuses, overdue, quarters) are as
/// at `to`.
struct Input {
  const records::Records& records;
  const records::Relations& relations;
  base::Date from, to;
  /// The cycles in the period, in date order: one for a cycle's report, any
  /// number for a publication over a period. The last is the one the
  /// snapshot's figure catalogue is of.
  std::vector<const records::Cycle*> cycles;
  const std::vector<PageChanges>& pages;                ///< every content page but the reports
  const std::vector<briefs::Listed>* briefs = nullptr;  ///< published learning briefs (null: none)
  /// A self-evaluation's claims, weaknesses and plans (null for any other
  /// report): its blocks are empty without one.
  const SelfEvaluation* self_evaluation = nullptr;

  /// Whether `a` is agreed in one of the period's cycles (agreed_in).
  bool agreed_in_period(const records::Action& a) const;
};

/// What a block's view may read besides its data: the snapshot's figure
/// catalogue and the cycles it compares with.
struct ViewInput {
  const nlohmann::json& snapshot;  ///< {"figures": …, "blocks": …, "cycle": …}
  /// The site's `disclosure` and `targets` as today's config gives them:
  /// suppression is applied when rendering, so a stricter threshold applies
  /// to reports published before it too. Null: the defaults.
  const figures::FigureOptions* figures = nullptr;
};

/// A block. Exactly one of `cycle_data` (a per-cycle block) and
/// `period_data` (a period block) is set.
struct BlockKind {
  const char* name;
  const char* heading;  ///< its h2 when placed in the default order
  /// One cycle's data, as at the period's end: a part of the period's.
  nlohmann::json (*cycle_data)(const Input&, const records::Cycle&);
  /// The whole period's data, once.
  nlohmann::json (*period_data)(const Input&);
  /// A count block's period total over several cycles; null for the rest.
  nlohmann::json (*total)(const Input&);
  nlohmann::json (*view)(const nlohmann::json& data, const ViewInput&);
  /// Its view compares a cycle with others through the figure catalogue
  /// (figures): over several cycles, each part keeps its cycle's catalogue.
  bool compares = false;
  /// What the rows of its lists are called in a notice, by the list's place
  /// in its data ("rows", "rows/decisions"): "action", "decision".
  std::vector<std::pair<std::string, std::string>> row_nouns = {};
  /// A block about one record ("recommendation set", "plan"): its data holds
  /// every such record by id, `{{< NAME ID >}}` shows one, and it is never
  /// placed by default. "" for a block that takes no argument.
  const char* names = "";
  /// Placed only where a page names it (`{{< risks >}}`) or a publication
  /// type places it (inspections, background), never in a cycle's report's
  /// default order; kept in a snapshot only when its data is not empty.
  bool by_name = false;
};

/// The blocks of a cycle's report, in their default order.
const std::vector<BlockKind>& cycle_blocks();
/// The cycle block named `name`, or null.
const BlockKind* find_block(const std::string& name);

/// A block's data over `in`'s period. With one cycle, or for a period block,
/// exactly what the block's own function gives (so a one-cycle report is as
/// it always was). A per-cycle block over several cycles gives
/// {"parts": [{"id", "title", "data"}…], "total"}: one part per cycle in
/// date order, and a count block's total. A part of a block that `compares`
/// keeps its cycle's figure catalogue too ("figures").
nlohmann::json block_data(const BlockKind& kind, const Input& in);

/// One piece of a block's HTML: its view and the h3 above it ("" for none).
struct BlockSection {
  std::string heading;
  nlohmann::json view;
};
/// The views of a block's data, in order: the one view of a one-cycle or
/// period block; one per part under the cycle's title, then the total under
/// "Period total", for several cycles.
std::vector<BlockSection> block_views(const BlockKind& kind, const nlohmann::json& data, const ViewInput& in);

// One set per block file: a per-cycle block's data, a count block's total,
// a period block's data, and every block's view.
nlohmann::json figures_data(const Input&, const records::Cycle&);
nlohmann::json figures_total(const Input&);
nlohmann::json figures_view(const nlohmann::json&, const ViewInput&);
nlohmann::json grades_data(const Input&, const records::Cycle&);
nlohmann::json grades_total(const Input&);
nlohmann::json grades_view(const nlohmann::json&, const ViewInput&);
nlohmann::json moderation_data(const Input&, const records::Cycle&);
nlohmann::json moderation_total(const Input&);
nlohmann::json moderation_view(const nlohmann::json&, const ViewInput&);
nlohmann::json breakdown_data(const Input&, const records::Cycle&);
nlohmann::json breakdown_view(const nlohmann::json&, const ViewInput&);
nlohmann::json feedback_data(const Input&, const records::Cycle&);
nlohmann::json feedback_view(const nlohmann::json&, const ViewInput&);
nlohmann::json learning_data(const Input&, const records::Cycle&);
nlohmann::json learning_view(const nlohmann::json&, const ViewInput&);
nlohmann::json actions_data(const Input&, const records::Cycle&);
nlohmann::json actions_view(const nlohmann::json&, const ViewInput&);
nlohmann::json progress_data(const Input&);
nlohmann::json progress_view(const nlohmann::json&, const ViewInput&);
nlohmann::json audits_data(const Input&);
nlohmann::json audits_view(const nlohmann::json&, const ViewInput&);
nlohmann::json training_data(const Input&);
nlohmann::json training_view(const nlohmann::json&, const ViewInput&);
nlohmann::json meetings_data(const Input&, const records::Cycle&);
nlohmann::json meetings_view(const nlohmann::json&, const ViewInput&);
nlohmann::json briefs_data(const Input&);
nlohmann::json briefs_view(const nlohmann::json&, const ViewInput&);
nlohmann::json recommendations_data(const Input&);  // block_recommendations.cc
nlohmann::json recommendations_view(const nlohmann::json&, const ViewInput&);
nlohmann::json plan_progress_data(const Input&);  // block_plan_progress.cc
nlohmann::json plan_progress_view(const nlohmann::json&, const ViewInput&);
nlohmann::json scorecard_data(const Input&);  // block_scorecard.cc
nlohmann::json scorecard_view(const nlohmann::json&, const ViewInput&);
nlohmann::json indicator_data(const Input&);  // block_scorecard.cc
nlohmann::json indicator_view(const nlohmann::json&, const ViewInput&);
nlohmann::json inspections_data(const Input&);  // block_inspections.cc
nlohmann::json inspections_view(const nlohmann::json&, const ViewInput&);
nlohmann::json background_data(const Input&);  // block_inspections.cc
nlohmann::json background_view(const nlohmann::json&, const ViewInput&);
nlohmann::json risks_data(const Input&);  // block_risks.cc
nlohmann::json risks_view(const nlohmann::json&, const ViewInput&);
nlohmann::json surveys_data(const Input&);  // block_surveys.cc
nlohmann::json surveys_view(const nlohmann::json&, const ViewInput&);
nlohmann::json claims_data(const Input&);  // block_self_evaluation.cc
nlohmann::json claims_view(const nlohmann::json&, const ViewInput&);
nlohmann::json evidence_data(const Input&);
nlohmann::json evidence_view(const nlohmann::json&, const ViewInput&);
nlohmann::json under_development_data(const Input&);
nlohmann::json under_development_view(const nlohmann::json&, const ViewInput&);
nlohmann::json weaknesses_data(const Input&);
nlohmann::json weaknesses_view(const nlohmann::json&, const ViewInput&);
nlohmann::json plans_due_data(const Input&);
nlohmann::json plans_due_view(const nlohmann::json&, const ViewInput&);
nlohmann::json year_figures_data(const Input&);
nlohmann::json year_figures_view(const nlohmann::json&, const ViewInput&);
nlohmann::json changes_data(const Input&);
nlohmann::json changes_view(const nlohmann::json&, const ViewInput&);

/// A changed value of the breakdown block ("breakdown/rows/early-help/north/completed"),
/// in the words of a warning or correction note: "Early Help, North: audits
/// completed 12 → 14" when the view of both `old_data` and `new_data` shows
/// that count, otherwise the row and measure only ("… changed (not quoted:
/// small numbers are not shown)"), so a suppressed value is never quoted.
/// "" for any other name. (block_breakdown.cc)
std::string breakdown_change_words(const std::string& name, const nlohmann::json& old_value,
                                   const nlohmann::json& new_value, const nlohmann::json& old_data,
                                   const nlohmann::json& new_data, const figures::FigureOptions& options,
                                   const std::string& cycle_id);
/// The breakdown data `data` with a correction's old values ({name, old, new}) put back.
nlohmann::json breakdown_with_old_values(nlohmann::json data, const nlohmann::json& values);

// Helpers the block files share (blocks.cc).
/// "14 September 2026" for "2026-09-14"; "" for anything else.
std::string human_date(const nlohmann::json& iso);
/// An action's row as at `at`: id, title, owner, due, status key.
nlohmann::json action_row(const records::Action& a, base::Date at);
/// Adds the human fields to an action row (url, due_human, status label).
nlohmann::json action_row_view(const nlohmann::json& row);
/// True when an action is agreed in `cycle`: its source is the cycle or one
/// of its key learning points.
bool agreed_in(const records::Action& a, const records::Cycle& cycle);
/// True when the action existed at `at` (its first status entry is on or before it).
bool known_at(const records::Action& a, base::Date at);
/// The cycle before `cycle` in date order, or null.
const records::Cycle* previous_cycle(const Input& in, const records::Cycle& cycle);
/// `cycle`'s figure catalogue against its previous cycle and the same cycle a year earlier.
nlohmann::json cycle_catalogue(const Input& in, const records::Cycle& cycle);

}  // namespace qahub::report
