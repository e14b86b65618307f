#pragma once
/// JSON Schema validation of records (valijson over nlohmann-json), with each
/// violation reported at the offending value in plain words:
///
///   data/actions/a-001.json:9:13: error: expected one of "open", "in progress",
///   "complete", "carried forward", found "done"
///
/// Schemas come from the site's data/schemas/<kind>.schema.json, falling back
/// to the copies compiled into qahub, so a site without a schemas folder is
/// still checked.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "records/model.h"

namespace valijson {
class Schema;
class Validator;
}  // namespace valijson

namespace qahub::records {

struct DataKind;

class SchemaSet {
 public:
  /// Loads the schema of every kind ("action", "forum", …). A site schema that
  /// is not valid JSON or not a usable schema is an error at its path.
  static SchemaSet load(const std::filesystem::path& site_dir, const std::vector<DataKind>& kinds,
                        diag::Diagnostics& diags);
  /// The compiled-in schemas only (tests).
  static SchemaSet embedded(diag::Diagnostics& diags);

  /// Checks `doc` against the schema of `kind`; reports each violation at its
  /// value in `src`. True when the record is valid.
  bool validate(const std::string& kind, const nlohmann::json& doc, const Source& src, diag::Diagnostics& diags) const;

  bool has(const std::string& kind) const { return schemas_.count(kind) > 0; }

 private:
  struct Compiled {
    nlohmann::json json;
    nlohmann::json without_formats;  ///< what valijson was given; it keeps pointers into it
    std::shared_ptr<valijson::Schema> schema;
    /// One validator per schema for the whole build: a validator compiles each
    /// "pattern" std::regex once and keeps it, and a fresh one per record
    /// compiled them all again (a tenth of a 1,000-page build's records pass).
    /// validate() is const and may be called from several threads: the lock.
    std::shared_ptr<valijson::Validator> validator;
    std::shared_ptr<std::mutex> lock;
  };
  void add(const std::string& kind, const std::string& path, const std::string& text, diag::Diagnostics& diags);
  std::map<std::string, Compiled> schemas_;
};

}  // namespace qahub::records
