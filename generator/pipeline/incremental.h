#pragma once
/// `qahub serve`'s fast path. An edit that changes only the Markdown body of
/// pages already built (their front matter byte for byte as it was) cannot
/// change any other page's output: titles, nav, lists, tags and dates stay
/// put. So only those pages and their sections' print packs are re-rendered,
/// from the state the last full build kept, and replaced in the output
/// directory one file at a time (readers see the old file or the new, never a
/// mix). When an edit changes headings, the pages that link into the edited
/// page's anchors are read again and their links re-checked (an anchor they
/// use may be gone), record narratives among them. The search index is left to the caller (it may follow
/// a moment later). Anything else, or any doubt (a new, deleted or renamed
/// file, data, theme, config), needs a full build.
///
///   pipeline::BuildState state;
///   pipeline::build_site(options, diags, nullptr, &state);
///   ... content/a.md saved ...
///   diag::Diagnostics update_diags;
///   auto r = pipeline::update_pages(state, {"content/a.md"}, update_diags);
///   if (r.kind == pipeline::Update::kNeedsFullBuild) ...
#include <set>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace qahub::pipeline {

enum class Update {
  kApplied,         ///< pages re-rendered and written
  kFailed,          ///< the edit has errors (in diags); nothing was changed
  kNeedsFullBuild,  ///< not a body-only edit; diags are meaningless
};

struct UpdateResult {
  Update kind = Update::kNeedsFullBuild;
  std::vector<std::string> written;  ///< output paths replaced, e.g. "framework/values/index.html"
};

/// Applies an edit of the site-relative `changed` paths to the output of the
/// build `state` came from. Reports the edited pages' diagnostics (parse,
/// personal data, links, review date) into `diags`; with --strict, warnings
/// fail the update as they would fail a build.
UpdateResult update_pages(BuildState& state, const std::set<std::string>& changed, diag::Diagnostics& diags);

}  // namespace qahub::pipeline
