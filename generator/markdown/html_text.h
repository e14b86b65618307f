#pragma once
/// The few edits and reads made on rendered HTML strings rather than on the
/// cmark tree, together: each works on HTML that qahub itself wrote (cmark's
/// output and the theme's templates), after the tree is gone.
///
/// - rewrite_root_urls: the last pass of every page, href/src/action="/…"
///   made absolute or relative (render/urls.h decides which);
/// - prefix_ids: print packs put many pages on one page, so each page's ids
///   and in-page links get a prefix ("p3-…");
/// - outline and strip_tags: a record page's contents list and search text,
///   from the h2s its template wrote;
/// - element_ids: every id a page carries, for checking links' anchors.
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/document.h"

namespace qahub::markdown {

/// Replaces the site-root URL of every href="/…", src="/…" and action="/…"
/// attribute with `map(url)`; protocol-relative "//host" URLs stay.
std::string rewrite_root_urls(std::string_view html, const std::function<std::string(const std::string&)>& map);

/// Prefixes every id="…" and in-page href="#…".
std::string prefix_ids(const std::string& html, const std::string& prefix);

/// Text of HTML with tags dropped, whitespace collapsed and every character
/// reference decoded once (entities.h). An element whose start tag carries
/// `data-qahub-noindex` is dropped with its content: templates mark so the
/// sentences they generate (empty states such as "No meetings have been
/// recorded.", instructions such as "Select a programme …"), which search
/// must neither index nor offer as suggestion words.
std::string strip_tags(const std::string& html);

/// The h2 headings of HTML as a contents list, and its text split at them for search.
struct Outline {
  std::vector<Heading> toc;       ///< h2s with an id, level 2
  std::vector<Section> sections;  ///< text before the first h2 (id ""; only if any or no h2), then one per h2
};
Outline outline(const std::string& html);

/// The value of every id="…" attribute in HTML.
std::set<std::string> element_ids(const std::string& html);

}  // namespace qahub::markdown
