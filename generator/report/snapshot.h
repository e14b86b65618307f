#pragma once
/// A publication snapshot, `data/publications/<cycle-id>.json`: everything a
/// published report can show, as at its publication date (the whole figure
/// catalogue and every block's data, placed or not), and its corrections.
/// Written by `qahub publish` with sorted keys, two-space indent and a final
/// newline, and no time of day or qahub version, so it reads well in a diff.
///
///   json snap = make_snapshot(in, "content/learning/x.md", published);
///   std::string text = snapshot_text(snap);
///   for (const Difference& d : differences(snap, recomputed)) ...
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "report/blocks.h"
#include "report/withheld.h"

namespace qahub::report {

/// The figures and every block's data for `in`: {"figures", "blocks"}.
nlohmann::json compute(const Input& in);

/// A whole snapshot: compute(in) plus cycle, report, published, period and
/// an empty corrections list.
nlohmann::json make_snapshot(const Input& in, const std::string& report, base::Date published);

/// Takes out of a snapshot's blocks every row about a withheld item: a
/// published report renders its snapshot minus anything now sensitive, and
/// qahub publish never writes a sensitive record into one. Blocks name no
/// kind here: a row goes when its "id" is a withheld record's id, a key named
/// after a kind holds a withheld record of it ({"audit": "x"}), or a value is
/// a withheld page's source; a plain string goes when it is a withheld
/// record's id (a decision's actions). Rows of every block, old or new, so.
void strip_withheld(nlohmann::json& snapshot, const Withheld& withheld);

/// The file's bytes.
std::string snapshot_text(const nlohmann::json& snapshot);

/// One value a snapshot holds that the data now gives differently.
struct Difference {
  std::string name;                     ///< "audits_completed", or "actions/a-004/status" in a block
  std::string pointer;                  ///< its JSON pointer in the snapshot ("/figures/audits_completed")
  nlohmann::json old_value, new_value;  ///< null where one side has none
  /// What differs, in words, after "published report R ": "says the status
  /// of action a-004 is open, the data now says complete"; "lists the change
  /// to page content/a.md, which is now content/b.md".
  std::string words;
};

/// The values (counts, dates, status keys, ids; not formatted text) that
/// differ between a snapshot and the same snapshot recomputed from today's
/// data, figures first: the counts that changed, or when none did, the
/// shares and changes that did. The blocks that only repeat figures are not
/// compared twice. A block's rows are matched by their key (id, page, brief,
/// figure, date), never by position: a row one side lacks is one difference,
/// and a page renamed with its changes intact is one difference naming both.
std::vector<Difference> differences(const nlohmann::json& snapshot, const nlohmann::json& recomputed);

/// A value for a message: 208, 2026-09-08, "nothing" for null.
std::string value_text(const nlohmann::json& v);

/// The pointer of a catalogue count in its cycle's file
/// ("audits_completed" → "/figures/audits_completed"), "/figures" otherwise.
std::string cycle_pointer(const std::string& figure);

}  // namespace qahub::report
