#pragma once
/// The one output rule: every file qahub writes is named by a site URL that
/// is proven to stay under the output root. A site URL ("/a%23b/") is
/// percent-encoded exactly once; its file ("a#b/index.html") is the URL
/// decoded once, so a web server (which decodes) and a browser opening the
/// file over file:// (which decodes too) both find it.
///
///   SiteUrl u = site_url_from_written("../x/");  // u.problem: has a ".." segment …
///   SiteUrl v = site_url_from_raw("/a#b/");      // v.url == "/a%23b/"
///   output_file_for(v.url) == "a#b/index.html"
#include <optional>
#include <string>
#include <string_view>

namespace qahub::fs {

/// A site-root URL, or why the text cannot be one ("" when it can).
struct SiteUrl {
  std::string url;
  std::string problem;  ///< "has a \"..\" segment, which would leave the output folder"
};

/// Percent-encodes every byte that may not stand in a URL path as it is
/// (space, # ? % : & ' " < > \ and the like), so a file `a#b.md` gets a URL
/// that reaches it; '/' and bytes of UTF-8 sequences stay as they are.
std::string encode_url_path(std::string_view raw);

/// Decodes %XX once; nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> decode_url_path(std::string_view url);

/// A URL from a path made of raw bytes (a file name under content/): checked, then encoded.
SiteUrl site_url_from_raw(std::string_view raw_path);

/// A URL an author wrote (an alias): made site-root with a trailing slash
/// ("old" → "/old/"), decoded once, checked, then encoded again, so
/// "/a b/" and "/a%20b/" are one URL and "/%2e%2e/" is refused like "/../".
SiteUrl site_url_from_written(std::string_view written);

/// The output-relative file of a site URL: "/a/b/" → "a/b/index.html",
/// "/404.html" → "404.html", "/a%23b/" → "a#b/index.html".
std::string output_file_for(std::string_view url);

/// Why `rel` may not be written under an output root ("" when it may): the
/// last gate before the file system, for every path of a build's output.
std::string unsafe_output_file(std::string_view rel);

/// The key two paths share when a case-insensitive drive (a Windows share,
/// macOS) would store them as one file: JavaScript's toLowerCase of the path.
std::string case_fold(std::string_view path);

}  // namespace qahub::fs
