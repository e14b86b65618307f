#include "model/url_owners.h"

#include <map>

#include "fs/url_path.h"

namespace qahub::model {
namespace {

/// What `a` is told about `b`, and whether it is an error of `a`'s at all.
void report(const Claim& a, const Claim& b, const std::string& how, diag::Diagnostics& diags) {
  if (a.pos.path.empty() || how.empty()) return;
  diags.error(a.pos, a.what + " " + a.url + " " + how + " " + b.who);
}

}  // namespace

std::vector<bool> check_claims(const std::vector<Claim>& claims, diag::Diagnostics& diags) {
  std::vector<bool> keeps(claims.size(), true);
  // Output file → first claimant; the same folded for case; folders the files need.
  std::map<std::string, size_t> by_file, by_folded;
  std::map<std::string, size_t> folders;                 ///< folded folder path ("a/b/") → first claimant needing it
  std::vector<std::pair<std::string, size_t>> prefixes;  ///< folded output folder → claimant
  auto clash = [&](size_t later, size_t first, const std::string& how_later, const std::string& how_first) {
    report(claims[later], claims[first], how_later, diags);
    report(claims[first], claims[later], how_first, diags);
    keeps[later] = false;
  };
  for (size_t i = 0; i < claims.size(); ++i)
    if (claims[i].prefix) {
      const std::string folder = fs::output_file_for(claims[i].url);  // "search/index.html"
      prefixes.emplace_back(fs::case_fold(folder.substr(0, folder.rfind('/') + 1)), i);
    }
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.prefix) continue;
    const std::string file = fs::output_file_for(c.url);
    const std::string folded = fs::case_fold(file);
    for (const auto& [folder, owner] : prefixes)
      if (folded.compare(0, folder.size(), folder) == 0) {
        const Claim& kept = claims[owner];
        clash(i, owner, c.url == kept.url ? "is also" : "is inside " + kept.url + ", which is kept for", "");
        break;
      }
    if (!keeps[i]) continue;
    if (auto [it, first] = by_file.emplace(file, i); !first) {
      clash(i, it->second, "is also", "is also");
      continue;
    }
    if (auto [it, first] = by_folded.emplace(folded, i); !first) {
      const Claim& other = claims[it->second];
      clash(i, it->second, "differs only in case from " + other.url + ", the URL of",
            "differs only in case from " + c.url + ", the URL of");
      continue;
    }
    // A file that another claim needs as a folder ("notes" and "notes/a/index.html").
    for (size_t slash = folded.find('/'); slash != std::string::npos; slash = folded.find('/', slash + 1))
      if (auto it = by_folded.find(folded.substr(0, slash)); it != by_folded.end()) {
        clash(i, it->second, "needs as a folder the file of", "is a file where a folder is needed by");
        break;
      }
    if (!keeps[i]) continue;
    if (auto it = folders.find(folded + "/"); it != folders.end()) {
      clash(i, it->second, "is a file where a folder is needed by", "needs as a folder the file of");
      continue;
    }
    for (size_t slash = folded.find('/'); slash != std::string::npos; slash = folded.find('/', slash + 1))
      folders.emplace(folded.substr(0, slash + 1), i);
  }
  return keeps;
}

}  // namespace qahub::model
