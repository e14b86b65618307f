#pragma once
/// The lunr-compatible analysis uses base's Unicode helpers (base/unicode.h);
/// they moved there so heading ids (base::slugify) share JavaScript's
/// lower-casing. These names keep search's code as it was.
#include "base/unicode.h"

namespace qahub::search {

using base::is_js_space;
using base::is_js_word;
using base::js_to_lower;
using base::sanitize_utf8;
using base::utf16_to_utf8;
using base::utf8_to_utf16;

}  // namespace qahub::search
