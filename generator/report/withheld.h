#pragma once
/// What the marking pass withheld (marking::Withheld), as the report pass
/// reads it: every snapshot shown or written leaves these items out.
#include <set>
#include <string>

#include "records/records.h"

namespace qahub::report {

struct Withheld {
  const records::RecordIds* records = nullptr;   ///< sensitive records, kind → ids
  const std::set<std::string>* pages = nullptr;  ///< sources of sensitive content pages

  bool has_record(const std::string& kind, const std::string& id) const {
    if (!records) return false;
    auto it = records->find(kind);
    return it != records->end() && it->second.count(id) > 0;
  }
  bool has_page(const std::string& source) const { return pages && pages->count(source) > 0; }
  bool empty() const { return (!records || records->empty()) && (!pages || pages->empty()); }
};

}  // namespace qahub::report
