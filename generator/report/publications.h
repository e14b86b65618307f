#pragma once
/// Publications other than a cycle's Learning and Improvement report (issue
/// 36): a content page whose `type` is a publication type of qahub.yaml
/// (config/publications.h), such as `type: committee-report`, with a
/// `publication:` block. The report pass (report.cc) finds them, numbers
/// each series, works out each period and resolves them with the same
/// blocks, snapshots, corrections and withdrawals as a cycle's report; this
/// file reads the block and checks what a type asks of a page.
///
///   publication:
///     committee: cabinet-committee      # a forum
///     series: improvement-progress     # default: the type
///     decision: note                   # note, endorse, agree
///     plan: practice-improvement-plan
///     scorecard: childrens-services
///     contact: Head of Quality Assurance
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/date.h"
#include "config/publications.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "records/model.h"
#include "report/withheld.h"

namespace qahub::report {

/// A publication page's `publication:` block, checked against the records.
struct PublicationFields {
  std::string committee, series, decision, plan, scorecard, contact;
  std::optional<base::Date> from;  ///< the first day of a series' first report in the hub
  std::optional<long> number;      ///< its number when it is not the previous one's plus one
  diag::Position number_pos;
};

/// Reads and checks the block: an unknown forum, plan or scorecard is an
/// error at its key (with "did you mean"); a committee report needs its
/// committee and the decision asked.
/// A plan or scorecard withheld from this build (sensitive) is dropped
/// silently, as a decision's withheld actions are: the report then shows
/// no block about it.
PublicationFields read_publication(const content::Page& page, const config::PublicationType& type,
                                   const records::Records& records, const Withheld& withheld, diag::Diagnostics& diags);

/// The type's required sections as the page's h2 headings, in order:
/// a missing or misplaced one is an error at the page's `type`.
void check_sections(const content::Page& page, const config::PublicationType& type, diag::Diagnostics& diags);

/// A block placed by default: under `heading`, `{{< name args >}}`.
struct Placement {
  std::string heading, name;
  std::vector<std::pair<std::string, std::string>> args;
};
/// The type's default blocks for this page: a block about one record takes
/// the page's plan or scorecard, and `recommendations` each set its plan
/// responds to; one whose record the page does not name is left out.
std::vector<Placement> default_placements(const config::PublicationType& type, const PublicationFields& fields,
                                          const records::Records& records);

/// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd".
std::string ordinal(long n);
/// "Members are asked to NOTE this report." for "note" ("ENDORSE", "AGREE").
std::string decision_words(const std::string& decision);

}  // namespace qahub::report
