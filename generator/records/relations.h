#pragma once
/// Relations derived once from the loaded records, for everything that shows
/// them: which actions came of a finding, which decisions named an action,
/// which training and audits followed a finding, each forum's meetings in
/// date order, what followed each cycle, and the content pages records name
/// (backlinks). Ids only: record_pages/ turns them into links.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "records/model.h"
#include "records/refs.h"

namespace qahub::records {

/// A record that names a content page (a cycle its report, a forum its guidance).
struct Backlink {
  std::string kind;  ///< "cycle", "forum"
  std::string id;
};

/// The audits and training that followed a cycle.
struct Followed {
  std::set<std::string> audits, training;
};

struct Relations {
  /// Every referable record and item, keyed "record" or "record/item".
  std::map<std::string, RefTarget> refs;
  /// action id → (meeting id, decision index) of decisions naming it, meetings in date order
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> decisions_for_action;
  /// "record/item" or "record" → actions whose source is it
  std::map<std::string, std::vector<std::string>> actions_for_source;
  /// ref → training ids linking it
  std::map<std::string, std::vector<std::string>> training_for_ref;
  /// ref → audit ids following it up
  std::map<std::string, std::vector<std::string>> audits_following;
  /// forum id → meeting ids in date order
  std::map<std::string, std::vector<std::string>> meetings_for_forum;
  /// cycles by start date
  std::vector<const Cycle*> cycles_in_order;
  /// cycle id → what followed it: audits following it up, or started after it
  /// ended and before the next ended; training linked to the cycle, its key
  /// learning, or those audits' areas and recommendations (one step only).
  std::map<std::string, Followed> followed;
  /// content source ("content/learning/x.md") → the records naming it
  std::map<std::string, std::vector<Backlink>> backlinks;

  explicit Relations(const Records& r);
};

}  // namespace qahub::records
