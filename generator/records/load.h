#pragma once
/// Reading records: every data/<kind>/*.json file is read, checked for
/// personal data, parsed, validated against its schema and turned into a typed
/// record; Markdown narratives named by a record (minutes, terms of reference,
/// audit summaries) are read from beside it and rendered.
#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "markdown/document.h"
#include "records/model.h"
#include "records/schema_check.h"

namespace qahub::records {

/// Checks and rewrites a narrative's links before it is rendered (the
/// Markdown file, the record page it appears on); see RecordsInput.
using NarrativeLinks = std::function<void(markdown::Document&, const std::string& source, const std::string& page_url)>;

struct LoadOptions {
  std::filesystem::path site_dir;
  markdown::Options markdown;
  std::vector<std::string> allow_personal_data;
  NarrativeLinks resolve_links;  ///< unset: links are left as written
};

struct Loaded {
  Records records;
  /// Ids of records that exist but failed to load (kind → ids), so references
  /// to them are not reported a second time as unknown.
  std::map<std::string, std::set<std::string>> broken;
};

/// Loads every record under `options.site_dir/data/`.
Loaded load_records(const LoadOptions& options, const SchemaSet& schemas, diag::Diagnostics& diags);

/// Parses one record's text (exposed for tests): JSON syntax, personal data,
/// `$schema` and schema checks. nullopt when the record cannot be used.
std::optional<nlohmann::json> parse_record(const std::string& kind, const std::string& path, const std::string& text,
                                           const LoadOptions& options, const SchemaSet& schemas, Source& src,
                                           diag::Diagnostics& diags);

}  // namespace qahub::records
