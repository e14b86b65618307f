#include "records/relations.h"

#include <algorithm>

namespace qahub::records {

namespace {

Followed what_followed(const Relations& rel, const Records& r, const Cycle& c, const Cycle* next) {
  Followed out;
  auto collect = [&](const std::string& ref, bool audits) {
    if (auto it = rel.audits_following.find(ref); audits && it != rel.audits_following.end())
      out.audits.insert(it->second.begin(), it->second.end());
    if (auto it = rel.training_for_ref.find(ref); it != rel.training_for_ref.end())
      out.training.insert(it->second.begin(), it->second.end());
  };
  collect(c.id, true);
  for (const Item& k : c.key_learning) collect(c.id + "/" + k.id, true);
  // Audits that started after this cycle and before the next ended followed it too.
  for (const auto& [aid, a] : r.audits)
    if (c.end() < a.start && (!next || a.start <= next->end())) out.audits.insert(aid);
  // Training that answers those audits' findings followed too (one step only).
  for (const std::string& aid : std::vector<std::string>(out.audits.begin(), out.audits.end())) {
    const Audit& a = r.audits.at(aid);
    for (const Item& i : a.areas) collect(aid + "/" + i.id, false);
    for (const Recommendation& i : a.recommendations) collect(aid + "/" + i.id, false);
  }
  return out;
}

}  // namespace

Relations::Relations(const Records& r) : refs(r.cited) {
  for (const auto& [mid, m] : r.meetings) {
    for (size_t i = 0; i < m.decisions.size(); ++i)
      for (const std::string& a : m.decisions[i].actions) decisions_for_action[a].push_back({mid, i});
  }
  for (auto& [aid, list] : decisions_for_action)
    std::stable_sort(list.begin(), list.end(), [&](const auto& x, const auto& y) {
      return r.meetings.at(x.first).date < r.meetings.at(y.first).date;
    });
  for (const auto& [aid, a] : r.actions) {
    actions_for_source[a.source_id].push_back(aid);
    if (!a.source_item.empty()) actions_for_source[a.source_id + "/" + a.source_item].push_back(aid);
  }
  for (const auto& [tid, t] : r.training)
    for (const std::string& ref : t.linked_findings) {
      training_for_ref[ref].push_back(tid);
      training_for_ref[ref.substr(0, ref.find('/'))].push_back(tid);
    }
  for (const auto& [aid, a] : r.audits)
    for (const std::string& ref : a.follows_up) {
      audits_following[ref].push_back(aid);
      audits_following[ref.substr(0, ref.find('/'))].push_back(aid);
    }
  for (auto* m : {&training_for_ref, &audits_following})
    for (auto& [k, v] : *m) v.erase(std::unique(v.begin(), v.end()), v.end());
  std::vector<const Meeting*> by_date;
  for (const auto& [mid, m] : r.meetings) by_date.push_back(&m);
  std::stable_sort(by_date.begin(), by_date.end(),
                   [](const Meeting* x, const Meeting* y) { return x->date < y->date; });
  for (const Meeting* m : by_date) meetings_for_forum[m->forum].push_back(m->id);

  for (const auto& [id, c] : r.cycles) cycles_in_order.push_back(&c);
  std::stable_sort(cycles_in_order.begin(), cycles_in_order.end(),
                   [](const Cycle* a, const Cycle* b) { return a->start() < b->start(); });
  for (size_t i = 0; i < cycles_in_order.size(); ++i) {
    const Cycle* next = i + 1 < cycles_in_order.size() ? cycles_in_order[i + 1] : nullptr;
    followed[cycles_in_order[i]->id] = what_followed(*this, r, *cycles_in_order[i], next);
  }

  for (const auto& [id, c] : r.cycles)
    if (!c.report.empty()) backlinks[c.report].push_back({"cycle", id});
  for (const auto& [id, f] : r.forums)
    if (!f.guidance.empty()) backlinks[f.guidance].push_back({"forum", id});
}

}  // namespace qahub::records
