#include "model/links.h"

#include <algorithm>
#include <vector>

#include "base/parallel.h"
#include "base/text.h"
#include "fs/url_path.h"

namespace qahub::model {
namespace {

/// Joins and normalises '/'-separated paths ("content/a/../b.md" → "content/b.md").
/// Returns "" when ".." climbs above the root.
std::string normalise(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace

bool is_external(const std::string& url) {
  if (base::starts_with(url, "//")) return true;
  size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

LinkResolver::LinkResolver(const LinkTargets& targets) : targets_(targets) {}

void LinkResolver::gather_hints() const {
  std::call_once(hints_once_, [this] {
    for (const auto& kv : targets_.pages) hint_urls_.push_back(kv.first);
    for (const std::string& f : targets_.files) hint_urls_.push_back(f);
    hint_sources_ = base::keys_of(targets_.source_to_url);
  });
}

const std::vector<std::string>& LinkResolver::hint_urls() const {
  gather_hints();
  return hint_urls_;
}

const std::vector<std::string>& LinkResolver::hint_sources() const {
  gather_hints();
  return hint_sources_;
}

void LinkResolver::resolve(markdown::Document& doc, const std::string& source, const std::string& base_url,
                           const std::string& self_url, diag::Diagnostics& diags, const std::string& self_id_prefix,
                           bool from_sensitive) const {
  const LinkTargets& targets = targets_;
  const std::string dir = source.substr(0, source.rfind('/') + 1);
  for (size_t i = 0; i < doc.links().size(); ++i) {
    const markdown::Link link = doc.links()[i];
    const diag::Position pos{source, link.line, link.col};
    const std::string what = link.is_image ? "image" : "link";
    if (link.url.empty()) {
      diags.error(pos, "empty " + what + " target");
      continue;
    }
    if (is_external(link.url)) continue;
    std::string path = link.url, fragment;
    bool has_fragment = false;
    if (size_t hash = path.find('#'); hash != std::string::npos) {
      fragment = path.substr(hash + 1);
      path = path.substr(0, hash);
      has_fragment = true;
    }
    if (size_t q = path.find('?'); q != std::string::npos) path = path.substr(0, q);
    // Percent-encoding is undone once, as a web server does: [x](a%23b.md)
    // is the file a#b.md, whose page is /a%23b/ (fs/url_path.h).
    path = fs::decode_url_path(path).value_or(path);

    std::string target_url;
    if (path.empty()) {
      target_url = self_url;
      if (!fragment.empty()) fragment.insert(0, self_id_prefix);
    } else if (base::ends_with(path, ".md")) {
      std::string file = path[0] == '/' ? normalise("content" + path) : normalise(dir + path);
      auto it = targets.source_to_url.find(file);
      if (it == targets.source_to_url.end()) {
        diags.error(pos, "broken " + what + " \"" + link.url + "\": " + (file.empty() ? path : file) +
                             " does not exist" + diag::did_you_mean(file, hint_sources()));
        continue;
      }
      target_url = it->second;
    } else {
      const std::string decoded_base = fs::decode_url_path(base_url).value_or(base_url);
      std::string url = fs::encode_url_path(path[0] == '/' ? "/" + normalise(path.substr(1))
                                                           : "/" + normalise(decoded_base.substr(1) + path));
      const std::string last = url.substr(url.rfind('/') + 1);
      bool is_file = last.find('.') != std::string::npos;
      if (!is_file && url.back() != '/') url += '/';
      bool found = is_file ? targets.files.count(url) > 0 : targets.pages.count(url) > 0;
      if (!found && base::ends_with(url, "/index.html")) {
        url = url.substr(0, url.size() - 10);
        found = targets.pages.count(url) > 0;
      }
      if (!found)
        found = std::any_of(targets.failed.begin(), targets.failed.end(),
                            [&](const std::string& f) { return url.compare(0, f.size(), f) == 0; });
      if (!found) {
        diags.error(pos, "broken " + what + " \"" + link.url + "\": no page or file at " + url +
                             diag::did_you_mean(url, hint_urls()));
        continue;
      }
      target_url = url;
    }

    if (!from_sensitive)
      if (auto s = targets.sensitive.find(target_url); s != targets.sensitive.end()) {
        diags.error(pos, "public page " + source + " links to " + s->second.marking + " page " + target_url + " (" +
                             s->second.source + ")");
        continue;
      }
    if (has_fragment && !fragment.empty() && targets.anchors_known.count(target_url)) {
      const std::set<std::string>& ids = targets.pages.at(target_url);
      if (!ids.count(fragment)) {
        diags.error(pos, "broken " + what + " \"" + link.url + "\": no heading \"" + fragment + "\" on " + target_url +
                             diag::did_you_mean(fragment, std::vector<std::string>(ids.begin(), ids.end())));
        continue;
      }
    }
    doc.set_link_url(i, has_fragment ? target_url + "#" + fragment : target_url);
  }
}

LinkTargets link_targets(const content::ContentSet& content, const record_pages::RecordPages& records,
                         const std::vector<std::string>& generated, const std::vector<std::string>& theme_files,
                         bool sitemap) {
  LinkTargets t;
  for (const content::Page& p : content.pages) {
    std::set<std::string>& ids = t.pages[p.url];
    for (const markdown::Heading& h : p.doc.headings()) ids.insert(h.id);
    for (const markdown::TableRow& r : p.doc.table_rows())
      if (!r.id.empty()) ids.insert(r.id);  // glossary rows
    t.anchors_known.insert(p.url);
    t.source_to_url[p.source] = p.url;
  }
  for (const record_pages::RecordPage& r : records.pages) {
    t.pages[r.url].insert(r.ids.begin(), r.ids.end());
    t.anchors_known.insert(r.url);
  }
  for (const std::string& url : generated) t.pages[url];
  t.pages["/"];
  for (const content::Asset& a : content.assets) t.files.insert(a.url);
  for (const auto& [path, _] : records.files) t.files.insert("/" + path);
  for (const std::string& path : theme_files) t.files.insert("/" + path);
  for (const char* f : {"/amendments.xml", "/404.html"}) t.files.insert(f);
  for (const content::Page& p : content.pages)
    if (p.meta.type == "brief") t.files.insert("/briefs.xml");  // render/feeds.h has_briefs
  if (sitemap) t.files.insert("/sitemap.xml");
  return t;
}

void resolve_narrative_links(std::vector<records::Narrative>& narratives,
                             const std::vector<record_pages::RecordPage>& pages, const LinkTargets& targets,
                             diag::Diagnostics& diags) {
  const LinkResolver resolver(targets);
  for (const record_pages::RecordPage& page : pages)
    for (size_t n : page.narratives) {
      records::Narrative& narrative = narratives[n];
      resolver.resolve(narrative.doc, narrative.source, page.url, page.url, diags, narrative.id_prefix + "-",
                       narrative.sensitive);
    }
}

void resolve_links(content::ContentSet& content, const LinkTargets& targets, diag::Diagnostics& diags, int jobs) {
  const LinkResolver resolver(targets);
  base::parallel_for(content.pages.size(), jobs, [&](size_t i) {
    content::Page& page = content.pages[i];
    // Relative site links are relative to the source's folder, in URL space
    // ("content/a/b.md" → "/a/").
    const std::string dir = page.source.substr(0, page.source.rfind('/') + 1);
    resolver.resolve(page.doc, page.source, "/" + dir.substr(std::string("content/").size()), page.url, diags, "",
                     page.sensitive);
  });
}

}  // namespace qahub::model
