#pragma once
/// The diagnostics a page's front matter gives, as printed (content/a.md).
#include <string>

#include "frontmatter/front_matter.h"

namespace qahub::frontmatter::testing {

inline std::string diagnostics_for(const std::string& text) {
  diag::Diagnostics d;
  parse_page_meta(split_front_matter(text), "content/a.md", d);
  return d.format_all();
}

}  // namespace qahub::frontmatter::testing
