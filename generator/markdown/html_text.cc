#include "markdown/html_text.h"

#include "base/text.h"

namespace qahub::markdown {

std::string rewrite_root_urls(std::string_view html, const std::function<std::string(const std::string&)>& map) {
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
      out += map(url);
    pos = url_end;
  }
  return out;
}

std::string prefix_ids(const std::string& html, const std::string& prefix) {
  std::string out;
  out.reserve(html.size() + 256);
  for (size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 5, " id=\"") == 0) {
      out += " id=\"" + prefix;
      i += 4;
    } else if (html.compare(i, 8, " href=\"#") == 0) {
      out += " href=\"#" + prefix;
      i += 7;
    } else {
      out += html[i];
    }
  }
  return out;
}

std::string strip_tags(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      in_tag = true;
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      if (c == '&') {
        static const std::pair<const char*, char> kEntities[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                                                                 {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}};
        bool done = false;
        for (const auto& [e, ch] : kEntities) {
          if (html.compare(i, std::char_traits<char>::length(e), e) == 0) {
            out += ch;
            i += std::char_traits<char>::length(e) - 1;
            done = true;
            break;
          }
        }
        if (!done) out += c;
      } else if (c == '\n' || c == '\t' || c == '\r') {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else if (c == ' ') {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += c;
      }
    }
  }
  return base::trim(out);
}

Outline outline(const std::string& html) {
  Outline out;
  struct H2 {
    size_t start, end;
    std::string id, text;
  };
  std::vector<H2> heads;
  for (size_t p = 0; (p = html.find("<h2", p)) != std::string::npos;) {
    size_t close = html.find('>', p);
    size_t end = html.find("</h2>", close);
    if (close == std::string::npos || end == std::string::npos) break;
    std::string attrs = html.substr(p, close - p);
    std::string id;
    if (size_t q = attrs.find("id=\""); q != std::string::npos)
      id = attrs.substr(q + 4, attrs.find('"', q + 4) - q - 4);
    heads.push_back({p, end + 5, id, strip_tags(html.substr(close + 1, end - close - 1))});
    p = end + 5;
  }
  std::string intro = strip_tags(html.substr(0, heads.empty() ? html.size() : heads.front().start));
  if (!intro.empty() || heads.empty()) out.sections.push_back({"", "", intro});
  for (size_t i = 0; i < heads.size(); ++i) {
    if (!heads[i].id.empty()) out.toc.push_back({2, heads[i].text, heads[i].id, 0});
    size_t next = i + 1 < heads.size() ? heads[i + 1].start : html.size();
    out.sections.push_back({heads[i].id, heads[i].text, strip_tags(html.substr(heads[i].end, next - heads[i].end))});
  }
  return out;
}

std::set<std::string> element_ids(const std::string& html) {
  static constexpr std::string_view kAttr = " id=\"";
  std::set<std::string> out;
  for (size_t at = 0; (at = html.find(kAttr, at)) != std::string::npos;) {
    at += kAttr.size();
    const size_t end = html.find('"', at);
    if (end == std::string::npos) break;
    out.insert(html.substr(at, end - at));
    at = end;
  }
  return out;
}

}  // namespace qahub::markdown
