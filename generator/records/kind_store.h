#pragma once
/// One kind's typed map in Records, seen generically. Every walk over
/// records that is the same for each kind (protective marking decided and
/// withheld, sensitive records looked up, the narratives a record shows)
/// goes through the store of each row of the kinds table, so a new kind is
/// its row, never one more line in each walk.
///
///   {"action", "data/actions/", "action.schema.json", load_action, store_of<&Records::actions>()}
///
/// What differs by kind lives on the kind's struct in model.h, each
/// optional: narratives() (the Markdown files its page shows),
/// marking_parent() (a meeting takes its forum's marking), references()
/// (what it names, read by the existence and the sensitivity checks) and
/// citable(records) (itself and the items others may cite as "record/item")
/// and check(records, in, diags) (what it checks across records against as_of).
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "records/model.h"

namespace qahub::records {

using SourceFn = std::function<void(const std::string& id, Source& src)>;
using ConstSourceFn = std::function<void(const std::string& id, const Source& src)>;
using SourceDrop = std::function<bool(const Source& src)>;
using RefsFn = std::function<void(const std::string& id, const Source& src, const std::vector<Ref>& refs)>;
using NameDrop = std::function<bool(const std::string& kind, const std::string& id)>;
using CitableFn = std::function<void(const std::string& id, const Citable& citable)>;
using PartsFn = std::function<void(const Source& src, const std::vector<MarkedPart*>& parts)>;

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
  /// Calls fn(id, source, references) for every record, in id order.
  void (*references)(const Records& records, const RefsFn& fn) = nullptr;
  /// Calls fn(id, citable) for every record; null for a kind nobody cites.
  void (*citable)(const Records& records, const CitableFn& fn) = nullptr;
  /// Drops from every record the names gone(kind, id) picks, where its struct
  /// has forget() (a name withholding takes silently); null otherwise.
  void (*forget)(Records& records, const NameDrop& gone) = nullptr;
  /// Calls check(records, in, diags) on every record whose struct has one:
  /// the checks a kind makes across records against as_of (notices); null otherwise.
  void (*check)(const Records& records, const CheckInput& in, diag::Diagnostics& diags) = nullptr;
  /// Calls fn(source, parts) for every record whose struct has
  /// marked_parts(): the parts with a marking of their own; null otherwise.
  void (*parts)(Records& records, const PartsFn& fn) = nullptr;
  /// Drops the sensitive parts of every record (drop_sensitive_parts()); null otherwise.
  void (*drop_sensitive_parts)(Records& records) = nullptr;
  /// The ids of its records, sorted.
  std::vector<std::string> (*ids)(const Records& records) = nullptr;

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
  s.references = [](const Records& r, const RefsFn& fn) {
    for (const auto& [id, rec] : r.*Member) {
      if constexpr (requires { rec.references(); })
        fn(id, rec.src, rec.references());
      else
        fn(id, rec.src, {});
    }
  };
  using Record = typename std::remove_cvref_t<decltype(Records().*Member)>::mapped_type;
  if constexpr (requires(const Record& rec, const Records& r) { rec.citable(r); })
    s.citable = [](const Records& r, const CitableFn& fn) {
      for (const auto& [id, rec] : r.*Member) fn(id, rec.citable(r));
    };
  if constexpr (requires(Record & rec, const NameDrop& gone) { rec.forget(gone); })
    s.forget = [](Records& r, const NameDrop& gone) {
      for (auto& [id, rec] : r.*Member) rec.forget(gone);
    };
  if constexpr (requires(const Record& rec, const Records& r, const CheckInput& in, diag::Diagnostics& d) {
                  rec.check(r, in, d);
                })
    s.check = [](const Records& r, const CheckInput& in, diag::Diagnostics& diags) {
      for (const auto& [id, rec] : r.*Member) rec.check(r, in, diags);
    };
  if constexpr (requires(Record & rec) { rec.marked_parts(); })
    s.parts = [](Records& r, const PartsFn& fn) {
      for (auto& [id, rec] : r.*Member) fn(rec.src, rec.marked_parts());
    };
  if constexpr (requires(Record & rec) { rec.drop_sensitive_parts(); })
    s.drop_sensitive_parts = [](Records& r) {
      for (auto& [id, rec] : r.*Member) rec.drop_sensitive_parts();
    };
  s.ids = [](const Records& r) {
    std::vector<std::string> out;
    for (const auto& [id, rec] : r.*Member) out.push_back(id);
    return out;
  };
  return s;
}

}  // namespace qahub::records
