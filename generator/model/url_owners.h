#pragma once
/// Every URL the build writes has one owner: content pages, record pages,
/// qahub's generated pages and files, aliases and attachments each claim
/// theirs, and two claims on one output file, on one path folded for case
/// (Page.md and page.md on a Windows share), or on a file that another claim
/// needs as a folder, are errors at each claimant that has a place in the
/// site, naming the other. Checked once, by make_site.
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace qahub::model {

struct Claim {
  std::string url;  ///< a site URL ("/search/", "/a%23b/", "/framework/diagram.png")
  /// What the claimant calls the URL in its error: "page URL", "alias", "attachment URL".
  std::string what;
  /// Who it is, in another claimant's error: "the page content/b.md", "qahub's search page".
  std::string who;
  /// Where to report it; an empty path is qahub's own (no error of its own).
  diag::Position pos;
  /// Claims every URL under `url` ("/search/": the index's files are named
  /// only when search runs).
  bool prefix = false;
};

/// Checks every claim against every other. Returns, for each claim, whether
/// it keeps its URL: the first claimant in `claims`' order does, later ones
/// do not (the build fails either way; what is kept is what `check` resolves
/// links against).
std::vector<bool> check_claims(const std::vector<Claim>& claims, diag::Diagnostics& diags);

}  // namespace qahub::model
