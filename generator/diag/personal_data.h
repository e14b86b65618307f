#pragma once
/// The hub holds roles, never people's details. Content pages, data records and
/// their narratives all pass through check_personal_data, which reports:
///
///   error    e-mail address   jo.bloggs@example.org
///   error    phone number     01632 960123, 01632.960.123, +44 (0)20 7946 0000,
///                             0044 20 7946 0000; groups split by spaces, hyphens,
///                             brackets, dots, U+00A0 or `&nbsp;`
///   error    NHS number       943 476 5919, 943-476-5919, 943.476.5919, groups
///                             split by any whitespace or a line break, or
///                             9434765919, with a valid modulus-11 check digit,
///                             not inside a longer run of digits
///   warning  possible NHS     the same shapes with an invalid check digit within
///            number           five words after "NHS" (a mistyped real number)
///   error    postcode         ME14 1XQ: a full postcode in capitals, outward and
///                             inward code split by one space (ME14 alone is fine)
///   error    date of birth    12/03/2015, 12.03.2015, 12-03-2015, 12 March 2015,
///                             2015-03-12 within six words of "DOB", "date of
///                             birth" or "born", in the same sentence and line
///
/// unless the site config's `allow_personal_data` lists the exact string;
/// `personal_data: {dob: warning, postcode: warning}` lowers those two rules. Where
/// two rules match overlapping text only the first in that list (NHS number
/// before e-mail before phone) is reported, so each string gets one diagnostic.
///
///   qahub::diag::check_personal_data(text, "content/a.md", 0, config.allow_personal_data, diags);
///   // content/a.md:7:6: error: NHS number "943 476 5919" (the hub holds roles, not case records; ...)
///
/// Hand-written scanners, each one linear pass (no std::regex: it recurses per
/// character and overflows on long input); this runs over every page and record.
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace qahub::diag {

/// What the site lets through (qahub.yaml `allow_personal_data`, exact
/// strings) and how loud each rule that may be a false alarm is
/// (`personal_data: {dob: warning, postcode: warning}`); errors by default.
struct PersonalDataPolicy {
  std::vector<std::string> allow;
  Severity date_of_birth = Severity::kError;
  Severity postcode = Severity::kError;
};

struct PersonalDataHit {
  std::string text;  ///< the string as written (the form `allow_personal_data` must list)
  std::string
      kind;  ///< "e-mail address", "phone number", "NHS number", "possible NHS number", "postcode", "date of birth"
  Severity severity = Severity::kError;  ///< a possible NHS number is a warning
  int line = 1;                          ///< 1-based, within the scanned text
  int col = 1;                           ///< 1-based byte column
};

/// Every hit in `text`, in text order, overlapping matches already reduced to one.
std::vector<PersonalDataHit> find_personal_data(std::string_view text);

/// Reports each hit not in `policy.allow` at `path`, lines shifted by
/// `line_offset`, as an error or warning by its kind and the policy.
void check_personal_data(std::string_view text, const std::string& path, int line_offset,
                         const PersonalDataPolicy& policy, Diagnostics& diags);
/// The same at a given place (a CSV cell, whose text is unquoted).
void check_personal_data_at(std::string_view text, const Position& at, const PersonalDataPolicy& policy,
                            Diagnostics& diags);

}  // namespace qahub::diag
