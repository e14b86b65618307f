#pragma once
/// The second half of `qahub serve`'s fast paths for edits that change
/// what other pages show (structure_update.h for content, record_update.h
/// for data): given the pages an edit replaces, adds and removes, puts them
/// into the kept Site and links it again (model::link_pages), finds the pages
/// to render again by comparing before and after (each page's ties to others
/// and what it shows of them), renders those, the touched sections' print
/// packs and the site lists the edit changed, writes only files whose bytes
/// changed and removes outputs that no longer exist.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/incremental.h"

namespace qahub::pipeline {

/// Link targets an edit changes, put back as they were unless kept: a fast
/// path that refuses an edit leaves the state as the last build left it.
class TargetsUndo {
 public:
  explicit TargetsUndo(model::LinkTargets& t) : t_(t) {}
  ~TargetsUndo();
  TargetsUndo(const TargetsUndo&) = delete;
  TargetsUndo& operator=(const TargetsUndo&) = delete;
  /// Sets the ids of a page (nullopt: no such page any more) and whether its anchors are checked.
  void set_page(const std::string& url, std::optional<std::set<std::string>> ids, bool anchors);
  void set_source(const std::string& source, std::optional<std::string> url);
  void set_file(const std::string& url, bool exists);
  void keep() { kept_ = true; }

 private:
  void remember(const std::string& url);
  model::LinkTargets& t_;
  std::map<std::string, std::optional<std::set<std::string>>> pages_;
  std::map<std::string, bool> anchors_;
  std::map<std::string, std::optional<std::string>> sources_;
  std::map<std::string, bool> files_;
  bool kept_ = false;
};

/// Whether a source other than those in `except` links to `url` (BuildState::link_referrers).
bool linked_from_elsewhere(const BuildState& state, const std::string& url, const std::set<std::string>& except);

/// What an edit does to the Site.
struct PageChanges {
  /// Pages that replace the page at their URL, and new pages, each as
  /// make_site would make it (declared_section, written_tags, marking,
  /// aliases and backlinks set).
  std::vector<model::SitePage> pages;
  std::set<std::string> removed;                  ///< URLs of pages that go
  std::set<std::string> sources;                  ///< the changed files: their own links are not links from elsewhere
  std::optional<base::OutputFiles> record_files;  ///< the record files, when an edit may change them
  std::optional<std::vector<diag::Diagnostic>>
      notices;  ///< the review dashboard's notices, when an edit may change them
};

/// Applies `changes` to state.site and the output (see above); `undo` is
/// kept once the Site changed. Gives Update::kNeedsFullBuild (the state
/// cleared, when the Site had changed already) for what it cannot show
/// safe: a change of the top navigation, a second spelling of a tag, a
/// removed page (or tag or A to Z page) another page links to. A file that
/// cannot be written is an error in `diags` (Update::kFailed, the state cleared).
UpdateResult apply_page_changes(BuildState& state, PageChanges& changes, TargetsUndo& undo, diag::Diagnostics& diags);

}  // namespace qahub::pipeline
