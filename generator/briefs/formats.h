#pragma once
/// The formats a learning brief may take: each a list of section titles, in
/// order, one of which is where the brief's three questions are shown.
/// `qahub.yaml` may define more (README "Learning briefs"):
///
///   briefs:
///     formats:
///       seven-minute:
///         sections: [Background, Why it matters, …, Further reading]
///         questions: Questions for your team
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace qahub::briefs {

struct Format {
  std::vector<std::string> sections;  ///< titles, in order
  std::string questions;              ///< the title of the section the questions render as
  /// Named in qahub.yaml but in error there: a brief naming it is left
  /// unchecked (its format's error is the one to fix), not "unknown".
  bool broken = false;
};

inline constexpr const char* kDefaultFormat = "seven-minute";

/// The built-in seven-minute format and any in qahub.yaml's `briefs.formats`
/// (one of the same name replaces it). A bad format is an error at its key.
std::map<std::string, Format> load_formats(const std::filesystem::path& site_dir, diag::Diagnostics& diags);

}  // namespace qahub::briefs
