#pragma once
/// Attachments under content/ are published as they are, so they get the
/// same personal-data check as pages (issue 39): a text attachment (CSV,
/// TSV, TXT, HTML, JSON, XML, SVG) is scanned like a page, a CSV cell by cell
/// at its line and column; a CSV whose header names child-level fields (a
/// date of birth, a child's id, an NHS number, a name) is an error; a file
/// qahub cannot read (PDF, Word, Excel, images) is named once as a notice
/// until qahub.yaml's `checked_attachments` lists it.
///
///   content/audit/cases.csv:3:14: error: NHS number "943 476 5919" (…)
///   content/audit/cases.csv:1:5: error: column "DOB" is child-level data (date of birth); …
///   content/briefs/poster.pdf: notice: attachment qahub cannot read; …
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/personal_data.h"

namespace qahub::content {

struct Asset;

/// One CSV cell: its text unquoted, and where its text starts (1-based).
struct CsvCell {
  std::string text;
  int line = 1;
  int col = 1;
};

/// The rows of a CSV (RFC 4180: quoted cells may hold commas, doubled
/// quotes and line breaks), `separator` ',' or '\t'.
std::vector<std::vector<CsvCell>> parse_csv(std::string_view text, char separator = ',');

/// What a header cell names when it is a child-level field ("date of
/// birth" for "DOB" or "Date of Birth"), or "".
std::string child_level_field(const std::string& header);

/// Checks every attachment as above. `checked` lists the unreadable ones a
/// person has looked at ("content/briefs/poster.pdf").
void check_attachments(const std::filesystem::path& site_dir, const std::vector<Asset>& assets,
                       const diag::PersonalDataPolicy& policy, const std::vector<std::string>& checked,
                       diag::Diagnostics& diags);

}  // namespace qahub::content
