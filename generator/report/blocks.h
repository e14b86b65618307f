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
  const std::vector<PageChanges>& pages;  ///< every content page but the reports
};

/// What a block's view may read besides its data: the snapshot's figure
/// catalogue and the cycles it compares with.
struct ViewInput {
  const nlohmann::json& snapshot;  ///< {"figures": …, "blocks": …, "cycle": …}
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
nlohmann::json changes_data(const Input&);
nlohmann::json changes_view(const nlohmann::json&, const ViewInput&);

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
