#pragma once
/// Content pages: every `content/**/*.md` file, its front matter and its
/// parsed Markdown, with a pretty URL (`content/framework/values.md` →
/// `/framework/values/`, `content/models/_index.md` → `/models/`). Other files
/// under content/ are assets, copied beside the pages.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/personal_data.h"
#include "frontmatter/front_matter.h"
#include "markdown/document.h"

namespace qahub::content {

struct Page {
  std::string source;       ///< "content/framework/values.md"
  std::string url;          ///< "/framework/values/"
  std::string section_url;  ///< the section this page sits in ("/framework/"; "/" for top level)
  bool is_section = false;  ///< an `_index.md`
  frontmatter::PageMeta meta;
  markdown::Document doc;
  /// The file's text before the Markdown body (fences and YAML, as written):
  /// `qahub serve` compares it to tell an edit of the body alone.
  std::string head;
  /// Its protective marking (front matter, else its section's, else the
  /// site default) and whether that is sensitive: generator/marking/ decides.
  std::string marking;
  bool sensitive = false;
  /// A report withdrawn with `qahub publish --withdraw`: its URL shows the
  /// notice, and no listing names it (model::listed).
  bool withdrawn = false;
  /// Where its text holds `TODO:` (diag/placeholders.h): the report pass
  /// reports them once it knows whether the page is a draft report or brief.
  std::vector<diag::Position> placeholders;
};

struct Asset {
  std::string source;  ///< "content/framework/diagram.png"
  std::string url;     ///< "/framework/diagram.png"
};

struct LoadOptions {
  bool drafts = false;
  markdown::Options markdown;
  diag::PersonalDataPolicy personal_data;
  /// Attachments qahub cannot read that a person has checked (qahub.yaml).
  std::vector<std::string> checked_attachments;
  int jobs = 1;
};

struct ContentSet {
  std::vector<Page> pages;  ///< sorted by url
  std::vector<Asset> assets;
};

/// "content/a/b.md" → "/a/b/"; "content/a/_index.md" → "/a/"; "content/_index.md" → "/";
/// "content/a#b.md" → "/a%23b/" (fs/url_path.h: encoded once).
std::string url_for_source(const std::string& source);
/// "content/a/diagram.png" → "/a/diagram.png", encoded the same way.
std::string url_for_asset(const std::string& source);
/// Why the file `source` cannot be named by a URL, or "" (fs/url_path.h).
std::string url_problem(const std::string& source);
/// The section URL a page URL sits in: "/a/b/" → "/a/"; "/a/" → "/"; "/" → "".
std::string parent_url(const std::string& url);

/// A page tagged `glossary` (any spelling with that slug, as tags merge): its
/// tables' rows get ids and their first cells are terms of the A to Z.
bool is_glossary(const frontmatter::PageMeta& meta);

/// Removes the pages at `indexes` (drafts the report and brief passes leave
/// out), keeping the others in order.
void drop_pages(ContentSet& content, const std::set<size_t>& indexes);

/// Reads and parses every page (in parallel); drafts are skipped unless asked for.
ContentSet load_content(const std::filesystem::path& site_dir, const LoadOptions& options, diag::Diagnostics& diags);

/// Parses one page from its text (used by load_content and by tests).
Page parse_page(const std::string& source, const std::string& text, const LoadOptions& options,
                diag::Diagnostics& diags);

}  // namespace qahub::content
