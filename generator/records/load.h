#pragma once
/// Reading records: every file of every kind is read, checked for personal
/// data, parsed, validated against its schema and handed to its kind's
/// loader (loaders.h); Markdown narratives named by a record are read from
/// beside it and parsed.
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "records/records.h"
#include "records/schema_check.h"
#include "records/typed.h"

namespace qahub::records {

/// Loads every record of `kinds` under `options.site_dir`.
Loaded load_records(const ReaderOptions& options, const std::vector<DataKind>& kinds, const SchemaSet& schemas,
                    diag::Diagnostics& diags);

/// Parses one record's text (exposed for tests): JSON syntax, personal data,
/// `$schema` and schema checks. nullopt when the record cannot be used.
std::optional<nlohmann::json> parse_record(const DataKind& kind, const std::string& path, const std::string& text,
                                           const ReaderOptions& options, const SchemaSet& schemas, Source& src,
                                           diag::Diagnostics& diags);

}  // namespace qahub::records
