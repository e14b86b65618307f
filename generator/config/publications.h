#pragma once
/// Publication types (issue 36): what kinds of report a hub publishes with
/// `qahub publish`, from qahub.yaml's `publications:` over two built in.
/// One mechanism: every type is a content page resolved by report/ with
/// the same blocks, snapshots, corrections and withdrawals; a type says
/// only its period, its required sections and its default blocks.
///
///   publications:
///     committee-report:
///       first_number: 7          # the first report in the hub is the 7th
///     annual-report:
///       title: Annual report of the audit group
///       period: financial-year
///       sections: [Summary, What we found, What we will do]
///       blocks: [{block: figures, under: What we found}, plan-progress]
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "diag/diagnostics.h"
#include "frontmatter/yaml_fields.h"

namespace qahub::config {

/// A block a type places by default, under a heading ("" for the block's own).
struct DefaultBlock {
  std::string block, under;
  diag::Position pos = {};  ///< where qahub.yaml names it; built-in blocks have none
  /// Under the type's n-th section (0 first) whatever its wording, when
  /// `under` is "": a self-evaluation's questions may be worded locally.
  int section = -1;
};

struct PublicationType {
  std::string id;     ///< "committee-report", the page's `type`
  std::string title;  ///< "Progress report to members"
  /// "cycle" (a Learning and Improvement report: its cycle's), "since-previous"
  /// (from the day after the series' previous publication), "financial-year".
  std::string period;
  std::vector<std::string> sections;  ///< the h2 headings a page of the type must have, in order
  std::vector<DefaultBlock> blocks;   ///< placed when the author places none
  long first_number = 1;              ///< the number of the hub's first report in a series
  /// One page per financial year, published again each quarter as a new
  /// version with a snapshot of its own (the self-evaluation).
  bool quarterly = false;
};

/// The Learning and Improvement report's type: named by a cycle's `report`.
inline constexpr const char* kLearningReport = "learning-report";
inline constexpr const char* kCommitteeReport = "committee-report";
inline constexpr const char* kSelfEvaluation = "self-evaluation";

/// The built-in types, by id.
std::map<std::string, PublicationType> builtin_publication_types();
/// qahub.yaml's `publications:` over the built-in types: a built-in type's
/// keys written there replace its own (first_number, sections, blocks); a
/// new type needs a title and a period other than "cycle".
void read_publications(const YAML::Node& n, const frontmatter::YamlSource& src, diag::Diagnostics& diags,
                       std::map<std::string, PublicationType>& types);

}  // namespace qahub::config
