#include "records/refs.h"

#include <algorithm>

#include "base/text.h"

namespace qahub::records {

namespace {

bool is_broken(const RecordIds& broken, const std::string& kind, const std::string& id) {
  auto it = broken.find(kind);
  return it != broken.end() && it->second.count(id) > 0;
}

class Checker {
 public:
  Checker(const Records& r, const std::vector<DataKind>& kinds, const RecordIds& broken,
          const std::set<std::string>& content_sources, diag::Diagnostics& diags)
      : r_(r), kinds_(kinds), broken_(broken), content_sources_(content_sources), diags_(diags) {
    for (const DataKind& k : kinds_)
      if (k.store.ids) ids_[std::string(k.name)] = k.store.ids(r_);
    for (const DataKind* k : cited_kinds(kinds_))
      k->store.citable(r_, [&](const std::string& id, const Citable& c) {
        std::vector<std::string>& items = items_[std::string(k->name) + "/" + id];
        for (const CitedItem& i : c.items) items.push_back(i.id);
      });
  }

  void run() {
    unique_ids();
    for (const DataKind& k : kinds_)
      if (k.store.references)
        k.store.references(r_, [&](const std::string&, const Source& src, const std::vector<Ref>& refs) {
          for (const Ref& ref : refs) check(src, ref);
        });
  }

 private:
  void check(const Source& src, const Ref& ref) {
    if (ref.id.empty()) return;
    if (ref.kind == "content") {
      if (!content_sources_.count(ref.id)) diags_.error(src.at(ref.pointer), "no content page \"" + ref.id + "\"");
    } else if (ref.kind == "finding") {
      finding(src, ref);
    } else {
      record(src, ref);
    }
  }

  /// A record of a kind by id, then (for an action's source) one of its items.
  void record(const Source& src, const Ref& ref) {
    if (is_broken(broken_, ref.kind, ref.id)) return;
    static const std::vector<std::string> none;
    auto ids = ids_.find(ref.kind);
    const std::vector<std::string>& known = ids == ids_.end() ? none : ids->second;
    if (!std::binary_search(known.begin(), known.end(), ref.id)) {
      diags_.error(src.at(ref.pointer), "unknown " + (ref.noun.empty() ? ref.kind : ref.noun) + " \"" + ref.id + "\"" +
                                            diag::did_you_mean(ref.id, known));
      return;
    }
    if (ref.item.empty()) return;
    auto items = items_.find(ref.kind + "/" + ref.id);
    const std::vector<std::string>& list = items == items_.end() ? none : items->second;
    if (std::find(list.begin(), list.end(), ref.item) == list.end())
      diags_.error(src.at(ref.item_pointer), ref.kind + " \"" + ref.id + "\" has no item \"" + ref.item + "\"" +
                                                 diag::did_you_mean(ref.item, list));
  }

  /// A "record/item" (or a citable record's id) of any cited kind.
  void finding(const Source& src, const Ref& ref) {
    if (r_.cited.count(ref.id)) return;
    const std::string record = ref.id.substr(0, ref.id.find('/'));
    for (const DataKind* k : cited_kinds(kinds_))
      if (is_broken(broken_, std::string(k->name), record)) return;
    diags_.error(src.at(ref.pointer), "unknown " + (ref.noun.empty() ? std::string("finding") : ref.noun) + " \"" +
                                          ref.id + "\"" + diag::did_you_mean(ref.id, base::keys_of(r_.cited)));
  }

  /// Cited kinds share one "record/item" namespace, so their ids must
  /// differ: the record whose file sorts later is reported, naming the other.
  void unique_ids() {
    std::map<std::string, std::vector<const Source*>> by_id;
    for (const DataKind* k : cited_kinds(kinds_))
      k->store.each_const(r_, [&](const std::string& id, const Source& src) { by_id[id].push_back(&src); });
    for (auto& [id, sources] : by_id) {
      std::sort(sources.begin(), sources.end(), [](const Source* a, const Source* b) { return a->path < b->path; });
      for (size_t i = 1; i < sources.size(); ++i)
        diags_.error(sources[i]->at("/id"), "id \"" + id + "\" is also used by " + sources[0]->path +
                                                "; references to its findings would be ambiguous");
    }
  }

  const Records& r_;
  const std::vector<DataKind>& kinds_;
  const RecordIds& broken_;
  const std::set<std::string>& content_sources_;
  diag::Diagnostics& diags_;
  std::map<std::string, std::vector<std::string>> ids_;    ///< kind → its ids, sorted
  std::map<std::string, std::vector<std::string>> items_;  ///< "kind/id" → its items, in the record's order
};

}  // namespace

std::vector<const DataKind*> cited_kinds(const std::vector<DataKind>& kinds) {
  std::vector<const DataKind*> out;
  for (const DataKind& k : kinds)
    if (k.store.citable) out.push_back(&k);
  return out;
}

void index_citations(Records& records, const std::vector<DataKind>& kinds) {
  std::map<std::string, RefTarget> out;
  for (const DataKind* k : cited_kinds(kinds)) {
    const std::string kind(k->name);
    k->store.citable(records, [&](const std::string& id, const Citable& c) {
      if (!c.label.empty()) out.emplace(id, RefTarget{kind, id, "", c.label, c.title, c.where});
      for (const CitedItem& i : c.items)
        out.emplace(id + "/" + i.id, RefTarget{kind, id, i.id, i.label, i.text, c.where});
    });
  }
  records.cited = std::move(out);
}

void check_references(const Records& records, const std::vector<DataKind>& kinds, const RecordIds& broken,
                      const std::set<std::string>& content_sources, diag::Diagnostics& diags) {
  Checker(records, kinds, broken, content_sources, diags).run();
}

}  // namespace qahub::records
