#include "content/pages.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/parallel.h"
#include "base/text.h"
#include "content/attachments.h"
#include "diag/personal_data.h"
#include "diag/placeholders.h"
#include "diag/utf8.h"
#include "fs/files.h"
#include "fs/url_path.h"

namespace qahub::content {

std::string url_for_source(const std::string& source) {
  std::string rel = source.substr(std::string("content/").size());
  rel = rel.substr(0, rel.size() - 3);  // ".md"
  std::string name = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
  std::string dir = rel.substr(0, rel.size() - name.size());
  const std::string raw = name == "_index" || name == "index" ? "/" + dir : "/" + rel + "/";
  return fs::site_url_from_raw(raw).url;  // its problem, if any, is url_problem()'s
}

std::string url_problem(const std::string& source) {
  std::string rel = source.substr(std::string("content/").size());
  return fs::site_url_from_raw("/" + rel).problem;
}

std::string url_for_asset(const std::string& source) {
  return fs::site_url_from_raw("/" + source.substr(std::string("content/").size())).url;
}

std::string parent_url(const std::string& url) {
  if (url == "/" || url.empty()) return "";
  size_t slash = url.rfind('/', url.size() - 2);
  return url.substr(0, slash + 1);
}

Page parse_page(const std::string& source, const std::string& file_text, const LoadOptions& options,
                diag::Diagnostics& diags) {
  // A page with bad bytes is kept, empty, so links to it still resolve while
  // the one error that matters is reported.
  static const std::string kEmpty = "---\ntitle: \"\"\n---\n";
  const bool valid = diag::check_utf8(file_text, source, diags);
  const std::string& text = valid ? file_text : kEmpty;
  Page page;
  page.source = source;
  page.url = url_for_source(source);
  page.section_url = parent_url(page.url);
  const std::string name = source.substr(source.rfind('/') + 1);
  page.is_section = name == "_index.md";
  frontmatter::Split split = frontmatter::split_front_matter(text);
  diag::Diagnostics ignored;
  page.meta = frontmatter::parse_page_meta(split, source, valid ? diags : ignored);
  diag::check_personal_data(text, source, 0, options.personal_data, diags);
  page.placeholders = diag::find_markdown_placeholders(text, source);
  page.doc = markdown::Document::parse(split.body, split.body_line_offset, options.markdown);
  if (is_glossary(page.meta)) page.doc.give_rows_ids();
  page.head = text.substr(0, text.size() - std::min(text.size(), split.body.size()));
  return page;
}

bool is_glossary(const frontmatter::PageMeta& meta) {
  return std::any_of(meta.tags.begin(), meta.tags.end(),
                     [](const std::string& tag) { return base::slugify(tag) == "glossary"; });
}

ContentSet load_content(const std::filesystem::path& site_dir, const LoadOptions& options, diag::Diagnostics& diags) {
  ContentSet set;
  std::vector<std::string> sources;
  for (const std::string& file : fs::list_files(site_dir, "content", diags)) {
    if (base::ends_with(file, ".md"))
      sources.push_back(file);
    else
      set.assets.push_back(Asset{file, url_for_asset(file)});
  }
  // A file whose name cannot be a URL (a control character, a backslash,
  // bytes that are not UTF-8) is an error at the file, and is not built.
  auto usable = [&](const std::string& file) {
    const std::string why = url_problem(file);
    if (!why.empty()) diags.error({file}, "file name cannot be part of a URL: it " + why);
    return why.empty();
  };
  std::erase_if(sources, [&](const std::string& f) { return !usable(f); });
  std::erase_if(set.assets, [&](const Asset& a) { return !usable(a.source); });
  check_attachments(site_dir, set.assets, options.personal_data, options.checked_attachments, diags);
  std::vector<std::optional<Page>> parsed(sources.size());
  base::parallel_for(sources.size(), options.jobs, [&](size_t i) {
    auto text = fs::read_file(site_dir / sources[i]);
    if (!text) {
      diags.error({sources[i]}, "cannot read file");
      return;
    }
    parsed[i] = parse_page(sources[i], *text, options, diags);
  });
  // Two pages at one URL are found with every other claim on a URL, by
  // model::make_site; here they stay in source order.
  // Sorted as numbers, then moved once: a Page is a kilobyte, and sorting
  // the pages themselves moved each one about log2(n) times.
  std::vector<size_t> order;
  order.reserve(parsed.size());
  for (size_t i = 0; i < parsed.size(); ++i)
    if (parsed[i] && (options.drafts || !parsed[i]->meta.draft)) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return parsed[a]->url < parsed[b]->url; });
  set.pages.reserve(order.size());
  for (size_t i : order) set.pages.push_back(std::move(*parsed[i]));
  return set;
}

void drop_pages(ContentSet& content, const std::set<size_t>& indexes) {
  if (indexes.empty()) return;
  std::vector<Page> kept;
  kept.reserve(content.pages.size() - indexes.size());
  for (size_t i = 0; i < content.pages.size(); ++i)
    if (!indexes.count(i)) kept.push_back(std::move(content.pages[i]));
  content.pages = std::move(kept);
}

}  // namespace qahub::content
