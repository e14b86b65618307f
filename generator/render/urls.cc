#include "render/urls.h"

#include "base/text.h"
#include "fs/url_path.h"
#include "markdown/html_text.h"

namespace qahub::render {

std::string output_path_for(const std::string& url) { return fs::output_file_for(url); }

std::string root_prefix(const std::string& page_url, const UrlStyle& style) {
  if (!style.relative) return style.base_path;
  std::string out;
  const std::string path = output_path_for(page_url);
  for (char c : path)
    if (c == '/') out += "../";
  return out.empty() ? "./" : out;
}

std::string link_from(const std::string& page_url, const std::string& target, const UrlStyle& style) {
  if (!style.relative) {
    if (style.base_path != "/" && base::starts_with(target, style.base_path)) return target;
    return style.base_path + target.substr(1);
  }
  std::string path = target, suffix;
  if (size_t cut = path.find_first_of("#?"); cut != std::string::npos) {
    suffix = path.substr(cut);
    path = path.substr(0, cut);
  }
  if (path.empty() || path.back() == '/') path += "index.html";
  std::string prefix = root_prefix(page_url, style);
  if (prefix == "./") prefix.clear();
  return prefix + path.substr(1) + suffix;
}

bool rewrites_urls(const UrlStyle& style) { return style.relative || style.base_path != "/"; }

std::string rewrite_urls(std::string_view html, const std::string& page_url, const UrlStyle& style) {
  if (!rewrites_urls(style)) return std::string(html);
  return markdown::rewrite_root_urls(html, [&](const std::string& url) { return link_from(page_url, url, style); });
}

}  // namespace qahub::render
