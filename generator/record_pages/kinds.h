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

/// A kind's section in the site's top navigation.
struct Nav {
  std::string_view title;  ///< "Audit cycles"; "" for a kind with no section of its own
  long weight = 0;         ///< its place among the sections (100–160)
};

/// How a kind others cite (records::Citable) is named where a learning brief
/// is made from it.
struct Cited {
  std::string_view items;    ///< its items in messages: "key learning point"
  std::string_view heading;  ///< its group on /briefs/: "From audit cycles"
};

struct RecordKind {
  records::DataKind data;  ///< name, where, schema, loader, store
  /// A record's page, "{id}" standing for its id ("/cycles/{id}/"); "" when
  /// records of this kind have no page of their own.
  std::string_view url;
  PageBuilder pages = nullptr;  ///< nullptr: no pages
  /// Its section page when `url` has none ("/schedules/"); else the URL up to "{id}".
  std::string_view section = {};
  Nav nav = {};
  Cited cited = {};

  /// The page of record `id` ("/cycles/2026-27-cycle-1/"); "" for a kind without pages per record.
  std::string url_of(const std::string& id) const;
  /// Its section's URL ("/cycles/", "/schedules/"); "" for a kind without one.
  std::string section_url() const;
};

/// Every kind, in load order (forums before the meetings that name them).
const std::vector<RecordKind>& record_kinds();
/// The row of kind `name`, or null.
const RecordKind* find_kind(std::string_view name);
/// The data columns of record_kinds(), for records::load.
std::vector<records::DataKind> data_kinds();

/// The page of record `id` of `kind` ("cycle", "2026-27-cycle-1" →
/// "/cycles/2026-27-cycle-1/"); "" for a kind without pages per record.
std::string record_url(std::string_view kind, const std::string& id);
/// The section of a kind's pages: its URL pattern up to "{id}" ("/cycles/"),
/// else its `section`.
std::string section_url(std::string_view kind);

}  // namespace qahub::record_pages
