#pragma once
/// The annual self-evaluation (issue 37): a publication of the built-in
/// type `self-evaluation` (config/publications.h), one page per financial
/// year, published again each quarter as a new version with its own
/// snapshot. Its `publication:` block says what the authority claims and
/// what backs each claim, the weaknesses it names with the actions that
/// address them, and the actions it plans within 12 months:
///
///   publication:
///     scorecard: childrens-services
///     appendix: content/self-evaluation/2026-27-appendix.md
///     claims:
///       - id: oversight
///         question: know                 # know, how or plans: the type's 1st, 2nd or 3rd section
///         text: Management oversight has improved in Early Help.
///         evidence: [early-help-audit, practice-board-minutes]
///     weaknesses:
///       - id: return-interviews
///         text: Return home interviews are not yet routine.
///         addressed_by: [a-031]
///     plans: [a-040, a-041]
///
/// Evidence items are records (data/evidence/); the page numbers those its
/// claims cite E1…En in reading order (question by question, claim by
/// claim) and writes them as evidence.csv beside itself.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "content/pages.h"
#include "diag/diagnostics.h"
#include "records/model.h"
#include "report/withheld.h"

namespace qahub::report {

/// The claims' `question` keys, in section order.
inline const std::vector<std::string>& question_keys() {
  static const std::vector<std::string> keys = {"know", "how", "plans"};
  return keys;
}

struct SelfEvaluationClaim {
  std::string id, question, text;
  std::vector<std::string> evidence;  ///< evidence ids, as cited
  diag::Position pos;                 ///< its `id`
  std::vector<diag::Position> evidence_pos;
};

struct SelfEvaluationWeakness {
  std::string id, text;
  std::optional<base::Date> since;
  std::vector<std::string> addressed_by;  ///< action ids
  diag::Position pos;
  std::vector<diag::Position> addressed_pos;
};

/// A self-evaluation's own fields, read from its `publication:` block.
struct SelfEvaluation {
  std::vector<SelfEvaluationClaim> claims;
  std::vector<SelfEvaluationWeakness> weaknesses;
  std::vector<std::string> plans;  ///< action ids due within 12 months
  std::vector<diag::Position> plan_pos;
  std::string appendix;         ///< a content page's source, "" for none
  bool appendix_shown = false;  ///< the appendix is built (not withheld as sensitive)
  std::string appendix_title, appendix_url, appendix_marking;
  diag::Position appendix_pos;
  std::string scorecard;  ///< the page's `scorecard`, for the year's figures
  /// The URL of each content page an item of evidence is (reports included).
  std::map<std::string, std::string> page_urls;

  /// The evidence ids its claims cite, numbered in reading order (E1 first):
  /// question by question, claim by claim, each id once.
  std::vector<std::string> numbered() const;
};

/// Reads the block's self-evaluation keys. Errors: an unknown or sensitive
/// evidence id or action (a public page cannot cite a sensitive record), an
/// unknown question, an appendix that is no content page. Notices: a claim
/// citing no evidence, a weakness nothing addresses.
SelfEvaluation read_self_evaluation(const content::Page& page, const content::ContentSet& content,
                                    const records::Records& records, const Withheld& withheld,
                                    const records::RecordIds& broken, diag::Diagnostics& diags);

/// The notices that depend on the version's period (from, to): cited
/// evidence dated more than 12 months before `from`, or a page whose review
/// is overdue at `to`; a planned action due more than 12 months after `to`,
/// or complete before `from`.
void check_self_evaluation_period(const content::Page& page, const SelfEvaluation& se,
                                  const content::ContentSet& content, const records::Records& records, base::Date from,
                                  base::Date to, diag::Diagnostics& diags);

/// "Q2 2026-27" for a date from 1 July to 30 September 2026.
std::string quarter_label(base::Date d);

/// What changed from the previous quarterly version's snapshot to this
/// one's, in sentences: evidence cited, dropped, or changed status; claims
/// added, reworded or dropped; weaknesses and the status of the actions on
/// them and on the plans; the year's figures. {"since", "quarter", "changes"}.
nlohmann::json changed_since(const nlohmann::json& previous, const nlohmann::json& current);

/// The self-evaluation a published version was sent with, from its
/// snapshot: its claims, weaknesses and planned actions by id (what the
/// records say of them is recomputed); the rest from `now`.
SelfEvaluation self_evaluation_as_sent(const nlohmann::json& snapshot, const SelfEvaluation& now);

/// evidence.csv: E-id, title, kind, date, status, URL or file, one row per
/// item of the evidence block's data (the inspectors' upload manifest); a
/// hub page's site-root URL gets `url_prefix` before it (report::Options).
std::string evidence_csv(const nlohmann::json& evidence_data, const std::string& url_prefix = "");

}  // namespace qahub::report
