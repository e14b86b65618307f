#pragma once
/// HTML character references to text, for the plain text that search and
/// excerpts read out of HTML qahub wrote (html_text.h's strip_tags).
///
///   decode_entities("child&apos;s &amp;amp; &#8217;")  // "child's &amp; ’"
///
/// Every HTML5 named reference (`&notin;`, `&apos;`, `&nbsp;`, …) and every
/// numeric one (`&#39;`, `&#x2019;`) is decoded, once: `&amp;amp;` gives
/// `&amp;`. Why not our own table: cmark-gfm, which renders every page
/// already, carries the whole HTML5 table (its houdini decoder, exported by
/// libcmark-gfm), so qahub decodes exactly as its Markdown parser does.
/// A named reference needs its `;`; an unknown name stays as written; a
/// numeric reference to 0, a surrogate or beyond U+10FFFF gives U+FFFD.
#include <string>
#include <string_view>

namespace qahub::markdown {

/// `text` with every character reference decoded once (UTF-8 in and out).
std::string decode_entities(std::string_view text);

}  // namespace qahub::markdown
