#pragma once
/// From schema-valid JSON to typed records. The schema has already checked
/// shapes; a kind's loader (loaders.h, one file per kind) adds what a schema
/// cannot say: real calendar dates, figures that add up, dates in order, item
/// ids unique within a record, and the Markdown narratives a record names.
/// RecordReader holds what every loader shares.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "diag/personal_data.h"
#include "markdown/document.h"
#include "records/model.h"

namespace qahub::records {

struct ReaderOptions {
  std::filesystem::path site_dir;
  markdown::Options markdown;
  diag::PersonalDataPolicy personal_data;      ///< qahub.yaml allow_personal_data and personal_data
  std::vector<base::Date> bank_holidays = {};  ///< qahub.yaml bank_holidays, sorted
};

class RecordReader {
 public:
  RecordReader(const ReaderOptions& options, diag::Diagnostics& diags) : options_(options), diags_(diags) {}

  /// The date at `pointer`; an invalid one is an error that makes the record unusable.
  base::Date date_at(const nlohmann::json& doc, const Source& src, const std::string& pointer);
  /// The `{id, text}` items at `pointer`; ids must be unique within the record (`seen`).
  std::vector<Item> items_at(const nlohmann::json& doc, const Source& src, const std::string& pointer,
                             std::set<std::string>& seen);
  /// Reports a duplicate item id at `pointer` when `id` was seen before in this record.
  void unique_id(const std::string& id, const Source& src, const std::string& pointer, std::set<std::string>& seen);
  /// Reads, checks and parses the Markdown file `file` beside the record into
  /// `out.narratives`; its index, or nullopt (an error) when it cannot be read.
  std::optional<size_t> narrative(const Source& src, const std::string& pointer, const std::string& file,
                                  const std::string& id_prefix, Records& out);

  /// An error that makes the current record unusable.
  void fail(const diag::Position& pos, const std::string& message);
  diag::Diagnostics& diags() { return diags_; }
  /// The site being read (a loader that needs another kind's file, such as
  /// data/organisation.json, says whether it exists).
  const std::filesystem::path& site_dir() const { return options_.site_dir; }
  /// qahub.yaml `bank_holidays`, sorted (a statement of action's working days).
  const std::vector<base::Date>& bank_holidays() const { return options_.bank_holidays; }
  /// True while the current record has no error (reset by begin()).
  bool ok() const { return ok_; }
  /// Errors reported through fail() so far, for a part of a record (a
  /// breakdown row) to tell whether it had one of its own.
  size_t failures() const { return failures_; }
  /// Starts a record; `text` is its file as written (kept by the loaders that need it).
  void begin(std::string_view text) {
    ok_ = true;
    text_ = text;
  }
  std::string_view text() const { return text_; }

 private:
  const ReaderOptions& options_;
  diag::Diagnostics& diags_;
  bool ok_ = true;
  size_t failures_ = 0;
  std::string_view text_;
};

/// JSON helpers the loaders share: a string member or "", a list of strings.
std::string str(const nlohmann::json& doc, const char* key);
std::vector<std::string> strings(const nlohmann::json& doc, const char* key);

}  // namespace qahub::records
