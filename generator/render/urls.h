#pragma once
/// Every internal URL inside qahub is a site-root URL ("/models/systemic/").
/// Rendering ends with one pass that turns href/src/action attributes holding
/// such URLs into what the published site needs: the base path of `base_url`
/// for a web server, or relative links ("../../models/systemic/index.html")
/// that work opened from a shared drive over file://.
#include <string>
#include <string_view>

namespace qahub::render {

struct UrlStyle {
  bool relative = false;
  std::string base_path = "/";  ///< used when !relative
};

/// The output file for a page URL: "/a/b/" → "a/b/index.html"; "/404.html" → "404.html";
/// "/a%23b/" → "a#b/index.html" (fs/url_path.h: the URL decoded once).
std::string output_path_for(const std::string& url);

/// What "{{base}}" means on a page: the prefix that reaches the site root.
std::string root_prefix(const std::string& page_url, const UrlStyle& style);

/// One site-root URL as it must appear on the page at `page_url`.
std::string link_from(const std::string& page_url, const std::string& target, const UrlStyle& style);

/// Rewrites href="/…", src="/…" and action="/…" attributes in `html`.
std::string rewrite_urls(std::string_view html, const std::string& page_url, const UrlStyle& style);

/// Whether rewrite_urls can change anything in `style`: not for site-root
/// URLs under base path "/", where link_from gives every URL back as it is
/// (the default, and the benchmark's: 6% of a 10,000-page build was spent
/// copying pages unchanged).
bool rewrites_urls(const UrlStyle& style);

}  // namespace qahub::render
