#pragma once
/// The hub holds roles, never people's contact details: e-mail addresses and
/// UK phone numbers in content or data are errors unless the site config
/// allow-lists the exact string. A hand-written scanner (no std::regex: it
/// recurses per character and overflows on long input).
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace qahub::diag {

struct PersonalDataHit {
  std::string text;  ///< the address or number as written
  std::string kind;  ///< "e-mail address" or "phone number"
  int line = 1;      ///< 1-based, within the scanned text
  int col = 1;       ///< 1-based byte column
};

/// Every e-mail address and UK phone number in `text`.
std::vector<PersonalDataHit> find_personal_data(std::string_view text);

/// Reports each hit not in `allow` as an error at `path`, lines shifted by `line_offset`.
void check_personal_data(std::string_view text, const std::string& path, int line_offset,
                         const std::vector<std::string>& allow, Diagnostics& diags);

}  // namespace qahub::diag
