#pragma once
/// One kind's typed map in Records, seen generically. Every walk over
/// records that is the same for each kind (protective marking decided and
/// withheld, sensitive records looked up, the narratives a record shows)
/// goes through the store of each row of the kinds table, so a new kind is
/// its row, never one more line in each walk.
///
///   {"action", "data/actions/", "action.schema.json", load_action, store_of<&Records::actions>()}
///
/// What differs by kind lives on the kind's struct in model.h: narratives()
/// (the Markdown files its page shows) and marking_parent() (a meeting takes
/// its forum's marking), each optional.
#include <functional>
#include <string>
#include <vector>

#include "records/model.h"

namespace qahub::records {

using SourceFn = std::function<void(const std::string& id, Source& src)>;
using ConstSourceFn = std::function<void(const std::string& id, const Source& src)>;
using SourceDrop = std::function<bool(const Source& src)>;

struct KindStore {
  /// Calls fn(id, source) for every record of the kind, in id order; null
  /// for a kind with no records of its own (synonyms) or no marking.
  void (*each)(Records& records, const SourceFn& fn) = nullptr;
  void (*each_const)(const Records& records, const ConstSourceFn& fn) = nullptr;
  /// The narratives record `id` shows on its page (indexes into Records::narratives).
  std::vector<size_t> (*narratives)(const Records& records, const std::string& id) = nullptr;
  /// "kind/id" of the record whose marking record `id` takes unless it names one; "" for none.
  std::string (*marking_parent)(const Records& records, const std::string& id) = nullptr;
  /// Erases the records `drop` picks.
  void (*erase_if)(Records& records, const SourceDrop& drop) = nullptr;

  bool empty() const { return each == nullptr; }
};

/// The store of the map `Member` of Records (&Records::actions).
template <auto Member>
KindStore store_of() {
  KindStore s;
  s.each = [](Records& r, const SourceFn& fn) {
    for (auto& [id, rec] : r.*Member) fn(id, rec.src);
  };
  s.each_const = [](const Records& r, const ConstSourceFn& fn) {
    for (const auto& [id, rec] : r.*Member) fn(id, rec.src);
  };
  s.narratives = [](const Records& r, const std::string& id) -> std::vector<size_t> {
    const auto& map = r.*Member;
    auto it = map.find(id);
    if (it == map.end()) return {};
    if constexpr (requires { it->second.narratives(); })
      return it->second.narratives();
    else
      return {};
  };
  s.marking_parent = [](const Records& r, const std::string& id) -> std::string {
    const auto& map = r.*Member;
    auto it = map.find(id);
    if (it == map.end()) return "";
    if constexpr (requires { it->second.marking_parent(); })
      return it->second.marking_parent();
    else
      return "";
  };
  s.erase_if = [](Records& r, const SourceDrop& drop) {
    auto& map = r.*Member;
    for (auto it = map.begin(); it != map.end();) it = drop(it->second.src) ? map.erase(it) : std::next(it);
  };
  return s;
}

}  // namespace qahub::records
