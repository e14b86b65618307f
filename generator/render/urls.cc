#include "render/urls.h"

#include "base/text.h"

namespace qahub::render {

std::string output_path_for(const std::string& url) {
  std::string rel = url.substr(1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  return rel;
}

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

std::string rewrite_urls(std::string_view html, const std::string& page_url, const UrlStyle& style) {
  static constexpr std::string_view kAttrs[] = {" href=\"/", " src=\"/", " action=\"/"};
  std::string out;
  out.reserve(html.size() + 512);
  // The next occurrence of each attribute at or after `pos`, searched for again
  // only once `pos` has passed it (npos never has): searching all three afresh
  // after every URL made a long page with many links and no src or action
  // quadratic (print packs: 45% of a 1k-page build).
  size_t next[3];
  for (int k = 0; k < 3; ++k) next[k] = html.find(kAttrs[k]);
  size_t pos = 0;
  while (pos < html.size()) {
    size_t best = std::string_view::npos, attr_len = 0;
    for (int k = 0; k < 3; ++k) {
      if (next[k] < pos) next[k] = html.find(kAttrs[k], pos);
      if (next[k] < best) {
        best = next[k];
        attr_len = kAttrs[k].size() - 1;  // keep the leading '/' as part of the URL
      }
    }
    if (best == std::string_view::npos) {
      out.append(html.substr(pos));
      break;
    }
    size_t url_start = best + attr_len;
    size_t url_end = html.find('"', url_start);
    if (url_end == std::string_view::npos) {
      out.append(html.substr(pos));
      break;
    }
    out.append(html.substr(pos, url_start - pos));
    std::string url(html.substr(url_start, url_end - url_start));
    if (base::starts_with(url, "//"))
      out += url;  // protocol-relative: external
    else
      out += link_from(page_url, url, style);
    pos = url_end;
  }
  return out;
}

}  // namespace qahub::render
