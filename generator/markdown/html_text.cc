#include "markdown/html_text.h"

#include "base/text.h"
#include "markdown/entities.h"

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
  // Both patterns have their '=' at a fixed offset, and '=' is rare outside
  // attributes, so the scan jumps from '=' to '=' (memchr) instead of
  // comparing at every byte (a print pack copies every page's body through
  // here). Matches cannot overlap: each holds one space, at its start.
  static constexpr std::string_view kId = " id=\"", kHref = " href=\"#";
  const std::string_view in(html);
  std::string out;
  out.reserve(html.size() + 256);
  size_t copied = 0;
  for (size_t eq = in.find('='); eq != std::string_view::npos; eq = in.find('=', eq + 1)) {
    std::string_view pattern;
    if (eq >= 3 && in.substr(eq - 3, kId.size()) == kId)
      pattern = kId;
    else if (eq >= 5 && in.substr(eq - 5, kHref.size()) == kHref)
      pattern = kHref;
    else
      continue;
    const size_t start = eq - (pattern == kId ? 3 : 5), end = start + pattern.size();
    if (start < copied) continue;
    out.append(in, copied, end - copied);
    out += prefix;
    copied = end;
  }
  out.append(in, copied);
  return out;
}

namespace {

/// Appends decoded text, each run of ASCII whitespace as one space.
void append_text(std::string& out, std::string_view encoded) {
  for (char c : decode_entities(encoded)) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

/// The name of the tag whose text is `tag` ("<p class=…" → "p", "</p" → "/p").
std::string_view tag_name(std::string_view tag) {
  size_t end = 1;
  while (end < tag.size() && tag[end] != ' ' && tag[end] != '\t' && tag[end] != '\n' && tag[end] != '/') ++end;
  if (end == 1 && end < tag.size() && tag[end] == '/') {
    ++end;
    while (end < tag.size() && tag[end] != ' ' && tag[end] != '\t' && tag[end] != '\n') ++end;
  }
  return tag.substr(1, end - 1);
}

/// Where the element whose start tag `<name …>` ends at `after` ends: just
/// past its matching `</name>` (same-named elements nest), or html.size().
size_t element_end(const std::string& html, size_t after, std::string_view name) {
  int depth = 1;
  for (size_t at = html.find('<', after); at != std::string::npos; at = html.find('<', at + 1)) {
    const size_t gt = html.find('>', at);
    if (gt == std::string::npos) break;
    const std::string_view found = tag_name(std::string_view(html).substr(at, gt - at));
    if (found == name && html[gt - 1] != '/') ++depth;
    if (found.size() == name.size() + 1 && found[0] == '/' && found.substr(1) == name && --depth == 0) return gt + 1;
  }
  return html.size();
}

/// Whether a start tag carries the attribute data-qahub-noindex.
bool has_noindex(std::string_view tag) {
  static constexpr std::string_view kAttr = " data-qahub-noindex";
  for (size_t at = tag.find(kAttr); at != std::string_view::npos; at = tag.find(kAttr, at + 1)) {
    const size_t after = at + kAttr.size();
    if (after == tag.size() || tag[after] == ' ' || tag[after] == '=' || tag[after] == '/') return true;
  }
  return false;
}

}  // namespace

std::string strip_tags(const std::string& html) {
  std::string out;
  size_t text_from = 0;  // start of the text run not yet appended
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c != '<' && c != '>') {
      ++i;
      continue;
    }
    append_text(out, std::string_view(html).substr(text_from, i - text_from));
    if (c == '>') {  // a stray '>' is dropped, as a tag's end would be
      text_from = ++i;
      continue;
    }
    if (!out.empty() && out.back() != ' ') out += ' ';
    const size_t gt = html.find('>', i);
    if (gt == std::string::npos) return base::trim(out);  // an unclosed tag hides the rest
    const std::string_view tag = std::string_view(html).substr(i, gt - i);
    // Generated sentences a template marks as not the page's content
    // (empty states, instructions): never indexed nor offered as words.
    const bool noindex = tag[1] != '/' && has_noindex(tag);
    i = noindex ? element_end(html, gt + 1, tag_name(tag)) : gt + 1;
    text_from = i;
  }
  append_text(out, std::string_view(html).substr(text_from));
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
