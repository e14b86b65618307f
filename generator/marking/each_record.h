#pragma once
/// Every record of the kinds that carry a marking, with its kind's name:
/// the marking files walk the store through this one list.
#include <string>

#include "records/model.h"

namespace qahub::marking {

/// Calls fn(kind, id, record) for every forum, meeting, cycle, audit, action,
/// training programme, schedule and brief use, in that order (forums before meetings:
/// a meeting inherits its forum's marking).
template <typename Records, typename Fn>
void each_record(Records& r, Fn fn) {
  for (auto& [id, x] : r.forums) fn(std::string("forum"), id, x);
  for (auto& [id, x] : r.meetings) fn(std::string("meeting"), id, x);
  for (auto& [id, x] : r.cycles) fn(std::string("cycle"), id, x);
  for (auto& [id, x] : r.audits) fn(std::string("audit"), id, x);
  for (auto& [id, x] : r.actions) fn(std::string("action"), id, x);
  for (auto& [id, x] : r.training) fn(std::string("training"), id, x);
  for (auto& [id, x] : r.schedules) fn(std::string("schedule"), id, x);
  for (auto& [id, x] : r.brief_uses) fn(std::string("brief-use"), id, x);
}

}  // namespace qahub::marking
