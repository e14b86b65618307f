#pragma once
/// Maps a request path onto the output directory, safely. Nothing outside the
/// root is ever served: `..` segments are refused before touching the disk,
/// and a symlink whose target leaves the root is refused after resolving it.
///
///   Resolution r = resolve_request("/work/site/.qahub/serve-public", "/framework");
///   // r.kind == Resolution::kRedirect, r.location == "/framework/"
#include <filesystem>
#include <string>
#include <string_view>

namespace qahub::serve {

struct Resolution {
  enum Kind {
    kFile,       ///< serve `file`
    kRedirect,   ///< a directory asked for without its slash: 301 to `location`
    kNotFound,   ///< 404 (with the site's 404.html)
    kForbidden,  ///< `..`, a NUL byte, or a symlink out of the root: 403
  };
  Kind kind = kNotFound;
  std::filesystem::path file;
  std::string location;
};

/// Resolves an already percent-decoded URL path (cpp-httplib decodes
/// `req.path`) against `root`. Directories serve their `index.html`.
Resolution resolve_request(const std::filesystem::path& root, std::string_view url_path);

/// True when `path`, with every symlink resolved, lies inside `root` (or is it).
bool is_within_root(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace qahub::serve
