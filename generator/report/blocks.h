#pragma once
/// The blocks a Learning and Improvement report is written with
/// (`{{< figures >}}` …), one file per block (block_<name>.cc). Each block
/// has two halves: `data`, the values as at a date, which a publication
/// snapshot keeps (counts, dates, status keys, ids, and the text they show);
/// and `view`, which turns data (from today's records or from a snapshot)
/// into the view of its template, `report/<name>.mustache`. So a published
/// report renders from what was sent, and a draft from today's records, by
/// the same code.
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

/// A content page's amendment history, for the `changes` block.
struct PageChanges {
  std::string source, url, title;
  std::vector<frontmatter::Change> changes;
};

/// What a cycle's blocks are worked out from. The period runs from `from`
/// to `to`; date-derived values (statuses, overdue, quarters) are as at `to`.
struct Input {
  const records::Records& records;
  const records::Relations& relations;
  const records::Cycle& cycle;
  base::Date from, to;
  const std::vector<PageChanges>& pages;                ///< every content page but the reports
  const std::vector<briefs::Listed>* briefs = nullptr;  ///< published learning briefs (null: none)
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

struct BlockKind {
  const char* name;
  const char* heading;  ///< its h2 when placed in the default order
  nlohmann::json (*data)(const Input&);
  nlohmann::json (*view)(const nlohmann::json& data, const ViewInput&);
};

/// The blocks of a cycle's report, in their default order.
const std::vector<BlockKind>& cycle_blocks();
/// The cycle block named `name`, or null.
const BlockKind* find_block(const std::string& name);

// One pair per block file.
nlohmann::json figures_data(const Input&);
nlohmann::json figures_view(const nlohmann::json&, const ViewInput&);
nlohmann::json grades_data(const Input&);
nlohmann::json grades_view(const nlohmann::json&, const ViewInput&);
nlohmann::json moderation_data(const Input&);
nlohmann::json moderation_view(const nlohmann::json&, const ViewInput&);
nlohmann::json breakdown_data(const Input&);
nlohmann::json breakdown_view(const nlohmann::json&, const ViewInput&);
nlohmann::json feedback_data(const Input&);
nlohmann::json feedback_view(const nlohmann::json&, const ViewInput&);
nlohmann::json learning_data(const Input&);
nlohmann::json learning_view(const nlohmann::json&, const ViewInput&);
nlohmann::json actions_data(const Input&);
nlohmann::json actions_view(const nlohmann::json&, const ViewInput&);
nlohmann::json progress_data(const Input&);
nlohmann::json progress_view(const nlohmann::json&, const ViewInput&);
nlohmann::json audits_data(const Input&);
nlohmann::json audits_view(const nlohmann::json&, const ViewInput&);
nlohmann::json training_data(const Input&);
nlohmann::json training_view(const nlohmann::json&, const ViewInput&);
nlohmann::json meetings_data(const Input&);
nlohmann::json meetings_view(const nlohmann::json&, const ViewInput&);
nlohmann::json briefs_data(const Input&);
nlohmann::json briefs_view(const nlohmann::json&, const ViewInput&);
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

}  // namespace qahub::report
