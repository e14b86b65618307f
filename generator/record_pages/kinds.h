#pragma once
/// The table of record kinds: for each, where its files live, its schema, the
/// URL of a record's page, its loader and its page builder. Adding a kind is
/// a schema (data/schemas/), a loader file (records/load_<kind>s.cc), a pages
/// file if it has pages (record_pages/pages_<kind>s.cc), a template
/// (themes/default/templates/records/), and one row in kinds.cc.
#include <string>
#include <string_view>
#include <vector>

#include "records/records.h"

namespace qahub::record_pages {

struct Context;
struct RecordPages;

/// Appends a kind's section page and its records' pages (and any files) to `out`.
using PageBuilder = void (*)(const Context& ctx, RecordPages& out);

struct RecordKind {
  records::DataKind data;  ///< name, where, schema, loader
  /// A record's page, "{id}" standing for its id ("/cycles/{id}/"); "" when
  /// records of this kind have no page of their own.
  std::string_view url;
  PageBuilder pages = nullptr;  ///< nullptr: no pages

  /// The page of record `id` ("/cycles/2026-27-cycle-1/"); "" for a kind without pages per record.
  std::string url_of(const std::string& id) const;
};

/// Every kind, in load order (forums before the meetings that name them).
const std::vector<RecordKind>& record_kinds();
/// The data columns of record_kinds(), for records::load.
std::vector<records::DataKind> data_kinds();

/// The page of record `id` of `kind` ("cycle", "2026-27-cycle-1" →
/// "/cycles/2026-27-cycle-1/"); "" for a kind without pages per record.
std::string record_url(std::string_view kind, const std::string& id);
/// The section of a kind's pages: its URL pattern up to "{id}" ("/cycles/").
std::string section_url(std::string_view kind);

}  // namespace qahub::record_pages
