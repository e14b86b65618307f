#pragma once
/// `qahub serve`'s fast path for edits that change what other pages show:
/// front matter (title, description, weight, tags, draft, owner, changes), a
/// new content page and a deleted one. The edited pages are parsed again,
/// put into the kept Site in place of the old, and the Site's ties (sections,
/// previous/next, tags) worked out again (model::link_pages); the pages to
/// render again are found by comparing the ties and what each page shows of
/// the others before and after. Then the site-wide lists (tags, A to Z,
/// review, amendments, feeds, redirects) and the touched sections' print
/// packs, and only files whose bytes changed are written; outputs that no
/// longer exist are removed (and the output's list of files kept right).
///
/// Anything it cannot show safe gives Update::kNeedsFullBuild: a front
/// matter key other pages or passes read (aliases, type, review_by,
/// published, classification …), a new or deleted section, a page a record
/// or another page links to being removed, a change of the top navigation, a
/// second spelling of a tag, any error (the full build reports it, with
/// every position). When it gives up after changing the Site it clears the
/// state, so the full build that follows starts afresh.
#include <set>
#include <string>

#include "pipeline/incremental.h"

namespace qahub::pipeline {

/// Applies an edit of the `changed` content files (see above). Used by
/// update_pages when an edit is more than a body edit.
UpdateResult update_structure(BuildState& state, const std::set<std::string>& changed, diag::Diagnostics& diags);

}  // namespace qahub::pipeline
