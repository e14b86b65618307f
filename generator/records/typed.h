#pragma once
/// From schema-valid JSON to typed records. The schema has already checked
/// shapes; this adds what a schema cannot say: real calendar dates, figures
/// that add up, dates in order, item ids unique within a record, and the
/// Markdown narratives a record names.
#include <nlohmann/json.hpp>

#include "diag/diagnostics.h"
#include "records/load.h"
#include "records/model.h"

namespace qahub::records {

class TypedBuilder {
 public:
  TypedBuilder(const LoadOptions& options, diag::Diagnostics& diags) : options_(options), diags_(diags) {}

  /// Converts `doc` (valid against the schema of `kind`) and stores it in
  /// `out`. False when a problem makes the record unusable.
  bool add(const std::string& kind, const nlohmann::json& doc, Source src, Records& out);

 private:
  base::Date date_at(const nlohmann::json& doc, const Source& src, const std::string& pointer);
  std::vector<Item> items_at(const nlohmann::json& doc, const Source& src, const std::string& pointer,
                             std::set<std::string>& seen);
  /// Reads, checks and renders a Markdown file beside the record; headings move
  /// one level down and their ids get `id_prefix`.
  std::string narrative(const Source& src, const std::string& pointer, const std::string& file,
                        const std::string& id_prefix, const std::string& page_url);

  bool forum(const nlohmann::json& doc, Source src, Records& out);
  bool meeting(const nlohmann::json& doc, Source src, Records& out);
  bool cycle(const nlohmann::json& doc, Source src, Records& out);
  bool audit(const nlohmann::json& doc, Source src, Records& out);
  bool action(const nlohmann::json& doc, Source src, Records& out);
  bool training(const nlohmann::json& doc, Source src, Records& out);
  bool schedule(const nlohmann::json& doc, Source src, Records& out);

  const LoadOptions& options_;
  diag::Diagnostics& diags_;
  bool ok_ = true;  ///< cleared by any error while converting the current record
};

/// Moves headings in rendered narrative HTML one level down (h2 → h3 …), so a
/// narrative sits under the page's own h2.
std::string demote_headings(std::string html);

}  // namespace qahub::records
