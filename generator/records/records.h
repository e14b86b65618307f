#pragma once
/// Practice records: the JSON files under data/ (forums, meetings, audit
/// cycles, thematic audits, actions, training programmes, schedules, the
/// search synonyms), each checked against its JSON Schema, typed,
/// cross-referenced and checked against `--as-of`. Data only: no URLs, no
/// templates, no HTML. Record pages are record_pages/'s; which kinds exist,
/// where they live and how each is read is one table, record_pages/kinds.cc.
///
///   records::LoadInput in{site_dir, as_of, markdown_options, allow, content_sources, data_kinds};
///   records::Loaded data = records::load(in, diags);
///   // data.records.cycles, .audits, …, .narratives (Markdown, links not yet checked)
///
/// Layout: one record per file, data/<folder>/<id>.json, whose "$schema" is
/// "../schemas/<kind>.schema.json" and whose id is the file name; or one file
/// for the whole kind (data/search/synonyms.json). Narratives (minutes, terms
/// of reference, audit summaries) are Markdown files beside the record, named
/// by it. Findings, recommendations, key learning points and decisions carry
/// ids and are referenced as "record-id/item-id". The stages, in order:
/// SchemaSet::load, load_records (load.h), check_references (refs.h),
/// check_dates (status.h).
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "diag/diagnostics.h"
#include "diag/personal_data.h"
#include "markdown/document.h"
#include "records/kind_store.h"
#include "records/loaders.h"
#include "records/model.h"

namespace qahub::records {

/// Where a kind's records live and how they are read: the data columns of a
/// row of the kinds table.
struct DataKind {
  std::string_view name;    ///< "cycle": the schema's name and the word in messages
  std::string_view where;   ///< "data/cycles/": one record per file; "data/search/synonyms.json": one file
  std::string_view schema;  ///< "cycle.schema.json", or "" when the loader checks the file itself
  Loader load = nullptr;
  /// Its typed map, for the walks every marked kind shares (kind_store.h);
  /// empty for a kind whose schema has no `classification`.
  KindStore store = {};

  bool single_file() const { return !where.empty() && where.back() != '/'; }
};

struct LoadInput {
  std::filesystem::path site_dir;
  base::Date as_of;
  markdown::Options markdown;
  /// What the personal-data check allows and how loud it is (site config).
  diag::PersonalDataPolicy personal_data;
  /// Content sources ("content/learning/2025-26-cycle-1.md") records may name.
  std::set<std::string> content_sources;
  std::vector<DataKind> kinds;
  /// qahub.yaml `bank_holidays`, sorted: working-day due dates skip them.
  std::vector<base::Date> bank_holidays = {};
  /// qahub.yaml `risks:`: the matrix risks are scored on (kept as Records::risk_matrix).
  config::RiskMatrix risk_matrix = {};
};

/// Record ids by kind ("action" → {"a-001", …}).
using RecordIds = std::map<std::string, std::set<std::string>>;

struct Loaded {
  Records records;
  /// Ids of records that exist but failed to load, so references to them are
  /// not reported a second time as unknown.
  RecordIds broken;
};

/// Loads, validates and cross-checks every record. Problems become
/// diagnostics. A site without data/ has no records.
Loaded load(const LoadInput& input, diag::Diagnostics& diags);

}  // namespace qahub::records
